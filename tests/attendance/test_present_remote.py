"""Members attending by video who are present: counted for quorum and voting, minuted as
attending remotely, attendance for the six-month rule. Allowed where the law makes remote
attendance presence (a Welsh council; in England, meetings from 4 April 2020 to 6 May 2021
under SI 2020/392), refused elsewhere with one sentence and nothing changed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import (
    Apologies,
    Arrive,
    Leave,
    Present,
    PresentRemote,
    RemoteObserver,
    Substitute,
)
from clerk.domain.actions.motions import Move, Resolve, Vote
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.attendance_record import Outcome, classify, tally
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import AttendanceStatus, CodeOfConduct, VoteMethod, VoteOption
from clerk.domain.errors import RecordFormatError, RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import Standing, voters
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.quorum import quorum_state
from clerk.domain.rules.six_months import AttendanceSettings, qualifies
from clerk.services import attendance, record_json, setup
from clerk.services.demo import load_setup
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, normalise, pdf_text

ENGLAND_REFUSAL = (
    "In England a member attending remotely is present only at meetings from 4 April 2020 to "
    "6 May 2021 (the Coronavirus flexibility regulations, SI 2020/392; Hertfordshire CC v "
    "SSHCLG [2021] EWHC 1093), so record Councillor Barnby as a remote observer instead."
)


def _welsh(record: MeetingRecord) -> MeetingRecord:
    record.council = replace(record.council, code_of_conduct=CodeOfConduct.WELSH_MODEL)
    return record


def _meeting(record: MeetingRecord) -> MeetingRecord:
    """Item 1 open; Bye in the room, Barnby and Mills attending by video."""
    apply(
        record,
        AddItem(number="5", title="Family Friendly Vision"),
        Present("bye"),
        PresentRemote("barnby"),
        PresentRemote("mills"),
        StartMeeting(at=time(9, 30)),
        OpenItem(item=1),
    )
    return record


def test_in_wales_members_present_remotely_make_the_quorum_and_vote() -> None:
    record = _meeting(_welsh(board_record(day=date(2023, 2, 13))))
    # Three councillor seats present (one in the room, two by video): quorate at three.
    state = quorum_state(record, 1)
    assert (state.present, state.needed, state.quorate) == (3, 3, True)
    assert eligible_voters(record, record.items[1]) == ["bye", "barnby", "mills"]
    standing = {v.person_id: v.standing for v in voters(record, record.items[1])}
    assert standing["barnby"] is Standing.ELIGIBLE and standing["mills"] is Standing.ELIGIBLE
    choices = (
        VoteChoice("bye", VoteOption.YES),
        VoteChoice("barnby", VoteOption.YES),
        VoteChoice("mills", VoteOption.NO),
    )
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=(Part("to note the report"),)),
        Vote(motion=1, method=VoteMethod.RECORDED, choices=choices),
        Resolve(item=1, motion=1),
    )
    assert len(record.resolutions) == 1
    # Leaving the call takes the member out of the count; coming back keeps them remote.
    apply(record, Leave("mills", at=time(10, 30)))
    assert quorum_state(record, 1).present == 2
    apply(record, Arrive("mills", at=time(10, 40)))
    assert record.attendance_of("mills").status is AttendanceStatus.PRESENT_REMOTE
    assert quorum_state(record, 1).present == 3


def test_a_remote_observer_still_does_not_count_in_wales() -> None:
    record = _welsh(board_record(day=date(2023, 2, 13)))
    apply(
        record,
        AddItem(number="5", title="Family Friendly Vision"),
        Present("bye"),
        PresentRemote("barnby"),
        RemoteObserver("mills"),
    )
    assert quorum_state(record).present == 2
    assert eligible_voters(record, record.items[1]) == ["bye", "barnby"]


def test_a_member_present_remotely_cannot_be_substituted() -> None:
    record = _welsh(board_record(day=date(2023, 2, 13)))
    apply(record, PresentRemote("mandy-darling"))
    before = record.snapshot()
    with pytest.raises(RuleViolation, match="Councillor Mandy Darling is marked present"):
        apply(record, Substitute(person="howgate", replaces="mandy-darling"))
    assert record.snapshot() == before


def test_in_england_after_6_may_2021_it_is_refused_with_one_sentence_and_nothing_changes() -> None:
    record = board_record(day=date(2022, 3, 4))
    apply(record, Present("bye"), Apologies("barnby"))
    before = record.snapshot()
    with pytest.raises(RuleViolation) as refusal:
        apply(record, PresentRemote("barnby"))
    assert str(refusal.value) == ENGLAND_REFUSAL
    assert record.snapshot() == before
    assert record.attendance_of("barnby").status is AttendanceStatus.APOLOGIES
    apply(record, RemoteObserver("barnby"))  # what the sentence suggests is accepted


@pytest.mark.parametrize(
    ("day", "allowed"),
    [
        (date(2020, 4, 3), False),
        (date(2020, 4, 4), True),  # the regulations in force
        (date(2021, 1, 14), True),
        (date(2021, 5, 6), True),  # the last day they applied to
        (date(2021, 5, 7), False),  # Hertfordshire CC v SSHCLG
    ],
)
def test_in_england_the_coronavirus_regulations_window_decides(day: date, allowed: bool) -> None:
    record = board_record(day=day)
    barnby = next(m for m in record.committee.memberships if m.person_id == "barnby")
    record.committee = replace(
        record.committee, memberships=(replace(barnby, start_date=None, end_date=None),)
    )
    if allowed:
        apply(record, PresentRemote("barnby"))
        assert record.attendance_of("barnby").status is AttendanceStatus.PRESENT_REMOTE
    else:
        with pytest.raises(RuleViolation, match="record Councillor Barnby as a remote observer"):
            apply(record, PresentRemote("barnby"))
        assert record.attendance_of("barnby") is None


def test_present_remote_counts_for_the_six_month_rule_whatever_the_setting() -> None:
    record = _meeting(_welsh(board_record(day=date(2023, 2, 13))))
    apply(record, RemoteObserver("douglas-dunbar"))
    settings = AttendanceSettings(remote_counts=False)
    barnby, dunbar = classify(record, "barnby"), classify(record, "douglas-dunbar")
    assert barnby.outcome is Outcome.PRESENT_REMOTE and barnby.attended
    assert qualifies(barnby, record.meeting.date, settings)
    assert dunbar.outcome is Outcome.REMOTE and not dunbar.attended
    assert not qualifies(dunbar, record.meeting.date, settings)
    counted = tally([record], "barnby")
    assert (counted.expected, counted.in_person, counted.remote, counted.present_remote) == (
        1,
        0,
        1,
        1,
    )
    assert counted.percentage == 100
    assert tally([record], "douglas-dunbar").percentage == 0


def _minutes_lines(record: MeetingRecord) -> list[str]:
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    assert docx_text(word) == pdf_text(pdf, document.furniture)
    return docx_lines(word)


def test_the_present_block_says_who_attended_remotely() -> None:
    lines = _minutes_lines(_meeting(_welsh(board_record(day=date(2023, 2, 13)))))
    block = lines[lines.index("-: Present :-") :]
    assert "Councillors Barnby and Mills attended remotely." in block
    # Listed among those present, not as observers.
    assert not any("Observing remotely" in line for line in lines)


# -- a real database: the session, the minutes files, the JSON record, the report --------


def _welsh_database(path: Path, day: date) -> tuple[Database, int]:
    demo = load_setup()
    database = open_database(str(path))
    setup.save_council(database, replace(demo.council, code_of_conduct=CodeOfConduct.WELSH_MODEL))
    for person in demo.persons:
        setup.save_person(database, person)
    setup.save_committee(database, demo.committee)
    meeting_id = setup.create_meeting(database, demo.committee.slug, day, at=time(9, 30))
    return database, meeting_id


def test_recorded_saved_and_minuted_in_word_and_pdf(tmp_path: Path) -> None:
    database, meeting_id = _welsh_database(tmp_path / "welsh.sqlite3", date(2023, 2, 13))
    session = MeetingSession(database, meeting_id)
    for action in (Present("bye"), PresentRemote("barnby"), Apologies("mills")):
        session.apply(action)
    with database.reading() as conn:
        stored, _ = repo.load_record(conn, meeting_id)
    assert stored.attendance_of("barnby").status is AttendanceStatus.PRESENT_REMOTE
    word, pdf = generate_minutes(database, meeting_id, ["docx", "pdf"], False, tmp_path)
    lines = docx_lines(word.read_bytes())
    present = lines[lines.index("-: Present :-") :]
    assert "Councillor Barnby attended remotely." in present
    assert "Councillor Barnby attended remotely." in normalise(
        " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    )
    # The JSON record carries the status and reads back the same.
    exported = record_json.export_meeting(database, meeting_id)
    assert '"status": "present-remote"' in exported
    target = open_database(str(tmp_path / "copy.sqlite3"))
    copied = record_json.import_document(target, json.loads(exported), source="welsh.json")
    assert record_json.export_meeting(target, copied) == exported


def test_the_attendance_report_counts_it_as_attendance(tmp_path: Path) -> None:
    # After 6 May 2021, when remote attendance stopped counting in England.
    database, meeting_id = _welsh_database(tmp_path / "welsh.sqlite3", date(2021, 9, 20))
    session = MeetingSession(database, meeting_id)
    for action in (
        Present("bye"),
        PresentRemote("barnby"),
        RemoteObserver("douglas-dunbar"),
        StartMeeting(at=time(9, 30)),
    ):
        session.apply(action)
    report = attendance.attendance_report(database, "cyp-scrutiny-board", today=date(2021, 10, 1))
    lines = {line.person.id: line.tally for line in report.lines}
    assert (lines["barnby"].remote, lines["barnby"].present_remote) == (1, 1)
    assert report.six_months["barnby"].last_attendance == date(2021, 9, 20)
    assert report.six_months["douglas-dunbar"].last_attendance is None  # observing only
    assert any("A member present remotely" in note for note in attendance.notes(report))


def test_refused_through_the_session_in_england_leaves_the_database_as_it_was(
    tmp_path: Path,
) -> None:
    demo = load_setup()
    database = open_database(str(tmp_path / "english.sqlite3"))
    setup.save_council(database, demo.council)
    for person in demo.persons:
        setup.save_person(database, person)
    setup.save_committee(database, demo.committee)
    meeting_id = setup.create_meeting(database, demo.committee.slug, date(2022, 3, 4))
    session = MeetingSession(database, meeting_id)
    session.apply(Apologies("barnby"))
    with database.reading() as conn:
        before, _ = repo.load_record(conn, meeting_id)
    with pytest.raises(RuleViolation) as refusal:
        session.apply(PresentRemote("barnby"))
    assert str(refusal.value) == ENGLAND_REFUSAL
    with database.reading() as conn:
        after, _ = repo.load_record(conn, meeting_id)
    assert after.snapshot() == before.snapshot()


def test_a_record_claiming_remote_presence_in_england_after_may_2021_is_not_imported(
    tmp_path: Path,
) -> None:
    database, meeting_id = _welsh_database(tmp_path / "welsh.sqlite3", date(2023, 2, 13))
    MeetingSession(database, meeting_id).apply(PresentRemote("barnby"))
    data = json.loads(record_json.export_meeting(database, meeting_id))
    text = json.dumps(data).replace('"welsh-model-code"', '"lga-model-code-2020"')
    assert text != json.dumps(data)
    target = open_database(str(tmp_path / "english.sqlite3"))
    with pytest.raises(RecordFormatError) as refused:
        record_json.import_document(target, json.loads(text), source="english.json")
    assert "attendance[0].status" in str(refused.value)
    assert "record Councillor Barnby as a remote observer instead" in str(refused.value)
    with target.reading() as conn:
        assert repo.list_committees(conn) == []
