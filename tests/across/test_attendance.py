"""The attendance record across meetings and the six-month dates, on SQLite and PostgreSQL:
counts from recorded meetings, CSV, Word and PDF read back, the command, bad input."""

from __future__ import annotations

import csv
import io
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk.domain.actions.attendance import (
    Apologies,
    Arrive,
    Leave,
    Present,
    RemoteObserver,
    Substitute,
)
from clerk.domain.actions.proceedings import StartMeeting
from clerk.domain.errors import ClerkError
from clerk.domain.rules.six_months import Standing
from clerk.services import attendance, catalogue
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from tests.conftest import run_clerk
from tests.documents.readback import docx_text

AUGUST = date(2021, 8, 1)
SEPTEMBER_END = date(2021, 9, 30)
TODAY = date(2021, 10, 1)


def _record_september(database: Database) -> None:
    meeting_id = catalogue.resolve_meeting(database, "cyp-scrutiny-board/2021-09-20")
    session = MeetingSession(database, meeting_id)
    for action in (
        Present("bye"),
        Apologies("barnby"),
        RemoteObserver("douglas-dunbar"),
        Substitute(person="howgate", replaces="mandy-darling"),
        StartMeeting(at=time(9, 30)),
        Arrive("mills", at=time(9, 50)),
        Leave("bye", at=time(11, 40)),
    ):
        session.apply(action)


@pytest.fixture
def recorded(demo_database: Database) -> Database:
    _record_september(demo_database)
    return demo_database


def _tallies(report: attendance.Report) -> dict[str, tuple[int, ...]]:
    return {
        line.person.id: (
            line.tally.expected,
            line.tally.in_person,
            line.tally.remote,
            line.tally.apologies,
            line.tally.absent,
            line.tally.substituted,
            line.tally.as_substitute,
            line.tally.late,
            line.tally.left_early,
        )
        for line in report.lines
    }


def test_a_committees_record_counts_every_kind_of_attendance(recorded: Database) -> None:
    report = attendance.attendance_report(
        recorded, "cyp-scrutiny-board", AUGUST, SEPTEMBER_END, today=TODAY
    )
    assert report.meetings == 2
    got = _tallies(report)
    #                  exp in remote apol absent subst as-sub late early
    assert got["bye"] == (2, 2, 0, 0, 0, 0, 0, 0, 1)
    assert got["barnby"] == (2, 1, 0, 1, 0, 0, 0, 0, 0)
    assert got["douglas-dunbar"] == (2, 1, 1, 0, 0, 0, 0, 0, 0)
    assert got["mandy-darling"] == (2, 0, 0, 2, 0, 2, 0, 0, 0)
    assert got["loxton"] == (1, 1, 0, 0, 0, 0, 0, 0, 0)  # membership ended 31 August
    assert got["mills"] == (1, 1, 0, 0, 0, 0, 0, 1, 0)  # member from 1 September, came late
    assert got["howgate"] == (0, 0, 0, 0, 0, 0, 2, 0, 0)  # substitute twice, never a member
    assert got["tatiana-wilson"] == (2, 0, 0, 1, 1, 0, 0, 0, 0)
    for line in report.lines:  # the expected meetings split exactly
        t = line.tally
        assert t.in_person + t.remote + t.apologies + t.absent == t.expected
    # Six-month dates: any committee counts, remote does not, co-optees are not members.
    six = report.six_months
    assert six["bye"].last_attendance == date(2021, 9, 20)
    assert six["bye"].period_ends == date(2022, 3, 20)
    assert six["douglas-dunbar"].last_attendance == date(2021, 8, 18)
    assert six["howgate"].last_attendance == date(2021, 9, 20)
    assert six["mandy-darling"].standing is Standing.WARNING  # since taking office 1 May
    assert six["mandy-darling"].period_ends == date(2021, 11, 1)
    assert six["tatiana-wilson"].standing is Standing.NOT_APPLICABLE


def test_a_persons_record_and_the_range(recorded: Database) -> None:
    august = attendance.attendance_report(
        recorded, "douglas-dunbar", date_to=date(2021, 8, 31), today=TODAY
    )
    assert august.subject == "person" and august.meetings == 1
    assert _tallies(august)["douglas-dunbar"][:3] == (1, 1, 0)
    whole = attendance.attendance_report(recorded, "Councillor Douglas-Dunbar", today=TODAY)
    assert _tallies(whole)["douglas-dunbar"][:3] == (2, 1, 1)
    none = attendance.attendance_report(
        recorded, "cyp-scrutiny-board", date(2022, 1, 1), date(2022, 3, 1), today=TODAY
    )
    assert none.lines == [] and none.message == (
        "No meetings were held between 2022-01-01 and 2022-03-01."
    )
    with pytest.raises(ClerkError, match="The date range is empty"):
        attendance.attendance_report(recorded, "bye", date(2022, 1, 1), date(2021, 1, 1))
    with pytest.raises(ClerkError, match="neither a committee nor a person"):
        attendance.attendance_report(recorded, "nobody")


def test_an_approval_stops_the_clock_and_settings_change_it(recorded: Database) -> None:
    approval = attendance.approve_absence(
        recorded,
        "mandy-darling",
        date(2021, 10, 14),
        "Minute 45/10/21 of the Council",
        "illness",
    )
    assert approval.id > 0
    report = attendance.attendance_report(recorded, "cyp-scrutiny-board", today=date(2022, 3, 1))
    assert report.six_months["mandy-darling"].standing is Standing.APPROVED
    assert (
        "Minute 45/10/21"
        in dict((row[0], row[-1]) for row in attendance.table_rows(report))[
            "Councillor Mandy Darling"
        ]
    )
    with pytest.raises(ClerkError, match="not a member of the council"):
        attendance.approve_absence(recorded, "tatiana-wilson", date(2021, 10, 14), "Minute 1")
    with pytest.raises(ClerkError, match="No person 'nobody'"):
        attendance.approve_absence(recorded, "nobody", date(2021, 10, 14), "Minute 1")
    # Remote attendance counts where the council says so.
    attendance.change_settings(recorded, warning_weeks=2, remote_counts=True)
    later = attendance.attendance_report(recorded, "cyp-scrutiny-board", today=TODAY)
    assert later.six_months["douglas-dunbar"].last_attendance == date(2021, 9, 20)
    assert later.settings.warning_weeks == 2
    assert later.six_months["mandy-darling"].standing is Standing.CLEAR  # 31 days > 2 weeks
    with pytest.raises(ClerkError, match="0 to 26 weeks"):
        attendance.change_settings(recorded, warning_weeks=40)


def test_an_outside_body_counts(recorded: Database) -> None:
    attendance.record_outside_attendance(
        recorded, "mandy-darling", date(2021, 9, 28), "Torbay Community Safety Partnership"
    )
    report = attendance.attendance_report(recorded, "mandy-darling", today=TODAY)
    assert report.six_months["mandy-darling"].last_attendance == date(2021, 9, 28)
    assert report.six_months["mandy-darling"].standing is Standing.CLEAR


def test_csv_word_and_pdf_say_the_same(recorded: Database, tmp_path: Path) -> None:
    report = attendance.attendance_report(
        recorded, "cyp-scrutiny-board", AUGUST, SEPTEMBER_END, today=TODAY
    )
    paths = attendance.write_report(report, "Torbay Council", ["csv,docx,pdf"], tmp_path)
    assert [p.suffix for p in paths] == [".csv", ".docx", ".pdf"]
    rows = list(csv.reader(io.StringIO(paths[0].read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == attendance.HEADINGS
    assert rows[1:] == [list(r) for r in attendance.table_rows(report)]
    word = docx_text(paths[1].read_bytes())
    pdf = " ".join(page.extract_text() for page in PdfReader(paths[2]).pages)
    for text in ("Councillor Mandy Darling", "1/11/21", "1 November 2021", "Howgate"):
        assert text in word
        assert text in " ".join(pdf.split())
    assert "section 85" in word


def test_the_command(recorded: Database, tmp_path: Path) -> None:
    url = recorded.url
    recorded.dispose()
    out = run_clerk(
        "--db", url, "attendance", "cyp-scrutiny-board", "--to", "2021-09-30", check=True
    )
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Member,Committee,Expected")
    assert any(line.startswith("Councillor Bye,") and "2022-03-20" in line for line in lines)
    written = run_clerk(
        "--db", url, "attendance", "bye", "--format", "pdf", "-o", str(tmp_path), check=True
    )
    assert Path(written.stdout.strip()).exists()
    bad = run_clerk("--db", url, "attendance", "bye", "--format", "xls")
    assert bad.returncode == 1 and "not a format" in bad.stderr
    approve = run_clerk(
        "--db",
        url,
        "approve-absence",
        "mandy-darling",
        "--on",
        "2021-10-14",
        "--minute",
        "Minute 45/10/21",
        "--until",
        "2022-01-31",
        check=True,
    )
    assert "until 2022-01-31" in approve.stdout
    settings = run_clerk("--db", url, "attendance-settings", "--warning-weeks", "6", check=True)
    assert "warning-weeks: 6" in settings.stdout
