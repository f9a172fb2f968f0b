"""Importing from ModernGov: what is added, matched, changed, skipped; undo; all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import StartMeeting
from clerk.domain.enums import MeetingStatus, PersonKind, Role, StandardItem
from clerk.domain.errors import ClerkError
from clerk.services import catalogue
from clerk.services.demo import load_demo, load_setup
from clerk.services.moderngov.importer import apply_plan, import_answers, preview, read_files
from clerk.services.moderngov.plan import Options
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.moderngov.helpers import ALL, council, fixture
from tests.reliability.fuzzing import fingerprint

BOARD = "children-and-young-people-s-overview-and-scrutiny-board"


def _record(database: Database, meeting_id: int):  # type: ignore[no-untyped-def]
    with database.reading() as conn:
        return repo.load_record(conn, meeting_id)[0]


def test_an_empty_database_gets_the_committee_people_meetings_and_agendas(
    database: Database,
) -> None:
    council(database)
    plan, done = import_answers(database, read_files(ALL))
    assert [i.reference for i in done] == [
        f"{BOARD}/2021-08-18",
        f"{BOARD}/2021-09-20",
        f"{BOARD}/2021-11-22",
    ]
    committees = {c.slug: c for c in catalogue.committees(database)}
    assert set(committees) == {BOARD}  # only the committee the meetings belong to
    board = committees[BOARD]
    assert (board.moderngov_id, board.calls_itself, board.kind.value) == (
        "184",
        "Board",
        "overview-and-scrutiny",
    )
    persons = {p.moderngov_id: p for p in catalogue.persons(database).values()}
    assert persons["2001"].name == "Bye" and persons["2001"].kind is PersonKind.COUNCILLOR
    assert persons["3001"].kind is PersonKind.CO_OPTEE
    assert persons["3001"].represents == "Church of England Diocesan Representative"
    assert persons["4001"].kind is PersonKind.OFFICER
    assert persons["2008"].name == "Steve Darling"  # from GetCouncillorsByWard alone
    roles = {(m.person_id, m.role) for m in board.memberships}
    ids = {p.moderngov_id: p.id for p in persons.values()}
    assert (ids["2001"], Role.CHAIR) in roles and (ids["2005"], Role.VICE_CHAIR) in roles
    assert (ids["3001"], Role.CO_OPTED_EDUCATION) in roles
    darling = next(m for m in board.memberships if m.person_id == ids["2003"])
    assert darling.group == "Liberal Democrat Group"
    september = _record(database, done[1].meeting_id)
    assert september.meeting.moderngov_id == "11050"
    assert september.meeting.venue == "Meadfoot Room - Town Hall"
    agenda = september.agenda()
    assert [i.standard for i in agenda[:4]] == [
        StandardItem.APOLOGIES,
        StandardItem.MINUTES,
        StandardItem.DECLARATIONS,
        StandardItem.URGENT,
    ]
    assert agenda[5].report_pages == "7 - 16" and agenda[5].purpose.startswith("To receive")
    assert agenda[5].documents[0].url.endswith("Family%20Friendly%20Vision.pdf")
    assert agenda[8].exempt_paragraph == 1
    assert agenda[8].documents == ()  # the restricted report is never kept
    november = _record(database, done[2].meeting_id)
    assert [i.title for i in november.agenda()][-1].startswith("Budget Monitoring 2021/22 & ")
    assert all(i.title != "Placement Contract Award" for i in november.agenda())
    assert any("Placement Contract Award" in line.text for line in plan.all_lines())
    assert not any(m.meeting.date == date(2021, 10, 18) for m in catalogue.meetings(database))


def test_the_demo_is_matched_not_duplicated_and_its_recorded_meeting_is_left_alone(
    database: Database,
) -> None:
    load_demo(database)
    people_before = set(catalogue.persons(database))
    august_before = _record(database, 1).snapshot()
    plan, done = import_answers(database, read_files(ALL))
    assert set(catalogue.persons(database)) == people_before  # every one matched by name
    assert catalogue.persons(database)["bye"].moderngov_id == "2001"
    assert [c.slug for c in catalogue.committees(database)] == ["cyp-scrutiny-board"]
    august = _record(database, 1)
    assert august.snapshot() == august_before
    assert august.memberships_on_day() == load_setup_members_on(august.meeting.date)
    assert any(line.kind == "skip" and "already recorded" in line.text for line in plan.all_lines())
    september = _record(database, 2)
    assert len(september.items) == 9
    # What only Clerk knew stays: the recommendations typed in for item 7.
    assert len(september.agenda()[6].recommendations) == 8
    assert {i.reference for i in done} == {
        "cyp-scrutiny-board/2021-09-20",
        "cyp-scrutiny-board/2021-11-22",
    }


def test_importing_again_changes_nothing_and_a_change_in_moderngov_is_one_change(
    database: Database, tmp_path: Path
) -> None:
    council(database)
    import_answers(database, read_files(ALL))
    before = fingerprint(database)
    again = preview(database, read_files(ALL))
    assert again.empty
    assert fingerprint(database) == before
    changed = tmp_path / "GetMeeting-11050.xml"
    text = fixture("GetMeeting-11050.xml").read_text(encoding="utf-8")
    text = text.replace(
        "Family Friendly Vision</agendaitemtitle>", "A Family Friendly Torbay</agendaitemtitle>"
    )
    text = text.replace("9.30 am", "10.00 am")
    changed.write_text(text, encoding="utf-8")
    plan = preview(database, read_files([changed]))
    texts = [line.text for line in plan.all_lines() if line.kind == "change"]
    assert any("scheduled time: change to 10:00" in t for t in texts), texts
    assert any("item 6 (A Family Friendly Torbay): title" in t for t in texts), texts
    meeting_id = catalogue.resolve_meeting(database, f"{BOARD}/2021-09-20")
    apply_plan(database, plan)
    session = MeetingSession(database, meeting_id)
    assert session.record.agenda()[5].title == "A Family Friendly Torbay"
    assert session.undo_label() == "import ModernGov meeting 11050 (9 items)"
    session.undo()
    assert session.record.agenda()[5].title == "Family Friendly Vision"
    assert str(session.record.meeting.scheduled_time) == "09:30:00"


def test_undo_takes_a_new_meeting_back_to_an_empty_agenda(database: Database) -> None:
    council(database)
    _plan, done = import_answers(
        database, read_files([fixture("GetMeeting-11050.xml"), fixture("GetCommittees.xml")])
    )
    session = MeetingSession(database, done[0].meeting_id)
    assert session.tamper_warnings == []  # the journal rebuilds exactly what was written
    assert len(session.record.items) == 9 and session.can_undo
    session.undo()
    assert session.record.items == {} and session.record.meeting.venue == ""
    assert not session.can_undo  # the creation itself is not undone
    session.redo()
    assert len(session.record.items) == 9


def test_a_recorded_meeting_is_never_rewritten(database: Database) -> None:
    council(database)
    _plan, done = import_answers(database, read_files(ALL))
    session = MeetingSession(database, done[1].meeting_id)
    session.apply(Present(person="bye"))
    before = fingerprint(database)
    plan = preview(database, read_files(ALL))
    assert any(
        "already recorded in Clerk (it has attendance recorded)" in line.text
        for line in plan.all_lines()
    )
    apply_plan(database, plan)
    assert fingerprint(database) == before
    session.apply(StartMeeting())
    assert session.record.meeting.status is MeetingStatus.IN_PROGRESS


def test_cancelled_meetings_and_expired_committees_only_when_asked(database: Database) -> None:
    council(database)
    options = Options(include_cancelled=True, include_expired=True)
    answers = read_files([fixture("GetCommittees.xml"), fixture("GetMeetings-184.xml")])
    import_answers(database, answers, options)
    meetings = {m.meeting.date: m.meeting for m in catalogue.meetings(database)}
    assert meetings[date(2021, 10, 18)].status is MeetingStatus.CANCELLED
    assert meetings[date(2021, 9, 20)].scheduled_time is not None
    session = MeetingSession(database, catalogue.resolve_meeting(database, f"{BOARD}/2021-10-18"))
    with pytest.raises(ClerkError, match="was cancelled"):
        session.apply(StartMeeting())
    # Only committees, no meetings: every committee, the expired ones when asked.
    only = preview(database, read_files([fixture("GetCommittees.xml")]), Options())
    assert {c.name for c in only.committees.values()} == {"Council", "Cabinet"}
    assert any("Covid-19 Recovery Panel: expired" in line.text for line in only.all_lines())


def test_from_date_and_dry_run(database: Database) -> None:
    council(database)
    before = fingerprint(database)
    plan = preview(database, read_files(ALL), Options(from_date=date(2021, 11, 1)))
    assert [m.day for m in plan.meetings] == [date(2021, 11, 22)]
    assert fingerprint(database) == before  # a preview writes nothing


def test_one_bad_file_imports_nothing(database: Database, tmp_path: Path) -> None:
    council(database)
    bad = tmp_path / "GetMeeting-bad.xml"
    bad.write_bytes(
        fixture("GetMeeting-11052.xml").read_bytes().replace(b"22/11/2021", b"2021-11-22")
    )
    before = fingerprint(database)
    with pytest.raises(ClerkError, match=r"bad\.xml: meeting 11052 has date '2021-11-22'"):
        import_answers(database, read_files([*ALL, bad]))
    assert fingerprint(database) == before


def test_meetings_need_a_council_profile_and_their_committee(database: Database) -> None:
    with pytest.raises(ClerkError, match="Set up the council profile"):
        import_answers(database, read_files([fixture("GetMeeting-11050.xml")]))
    council(database)
    lonely = (
        fixture("GetMeeting-11050.xml")
        .read_bytes()
        .replace(b"<committeetitle>", b"<x>")
        .replace(b"</committeetitle>", b"</x>")
    )
    from clerk.services.moderngov.reader import read_answer

    with pytest.raises(ClerkError, match="ModernGov committee 184 is neither in Clerk nor"):
        import_answers(database, [("m.xml", read_answer(lonely, "m.xml"))])


def load_setup_members_on(day: date) -> list[object]:
    """The demo Board's membership on a day, as the demo set it up (before any import)."""
    return [m for m in load_setup().committee.memberships if m.active_on(day)]


def test_a_recorded_meetings_attendees_change_no_membership(
    database: Database, tmp_path: Path
) -> None:
    load_demo(database)
    august = tmp_path / "GetMeeting-11049.xml"
    text = fixture("GetMeeting-11049.xml").read_text(encoding="utf-8")
    newcomer = (
        '<attendee membertype="committee member" memberid="2999" name="Councillor Newby" '
        'roledescription="Committee Member" attendance="Present"/>\n  </attendees>'
    )
    august.write_text(text.replace("</attendees>", newcomer), encoding="utf-8")
    before = catalogue.committee(database, "cyp-scrutiny-board").memberships
    plan = preview(database, read_files([fixture("GetCommittees.xml"), august]))
    assert all("Newby" not in line.text for line in plan.all_lines() if line.kind != "add")
    apply_plan(database, plan)
    assert catalogue.committee(database, "cyp-scrutiny-board").memberships == before


def test_a_meeting_record_without_moderngov_ids_still_imports(
    database: Database, tmp_path: Path
) -> None:
    """Records written before the ids (or by a Clerk not linked to ModernGov) match people and
    committees that Clerk has since linked."""
    import json

    from clerk.services import record_json
    from clerk.storage.database import open_database

    plain = open_database(str(tmp_path / "plain.sqlite3"))
    load_demo(plain)
    document = json.loads(record_json.export_meeting(plain, 2))
    plain.dispose()
    document["event"]["date"] = "2021-12-13"
    load_demo(database)
    import_answers(database, read_files(ALL))
    assert catalogue.persons(database)["bye"].moderngov_id == "2001"
    meeting_id = record_json.import_document(database, document, source="old.json")
    assert _record(database, meeting_id).meeting.date == date(2021, 12, 13)
    assert catalogue.persons(database)["bye"].moderngov_id == "2001"  # kept
    assert catalogue.committee(database, "cyp-scrutiny-board").moderngov_id == "184"
    document["persons"][0]["moderngov_id"] = "9999"
    document["event"]["date"] = "2022-01-10"
    with pytest.raises(ClerkError, match="differs from"):
        record_json.import_document(database, document, source="other.json")
