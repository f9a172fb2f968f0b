"""Open data out: the demo's meetings as Open Civic Data / Popolo JSON, every object valid
against the published schemas; the committee calendar read back by a calendar library."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Vote
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import VoteMethod, VoteOption, VoteResult
from clerk.services import setup
from clerk.services.calendar_ics import committee_calendar
from clerk.services.demo import load_demo
from clerk.services.moderngov.importer import import_answers, read_files
from clerk.services.moderngov.plan import Options
from clerk.services.open_data import export_open_data
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from tests.conftest import run_clerk
from tests.moderngov.helpers import ALL
from tests.opendata.schemas import errors, ocd, popolo

#: Which schemas each collection of the document must satisfy.
CHECKS = {
    "people": (("popolo", "person"), ("ocd", "person")),
    "organizations": (("popolo", "organization"), ("ocd", "organization")),
    "memberships": (("popolo", "membership"), ("ocd", "membership")),
    "events": (("ocd", "event"),),
    "motions": (("popolo", "motion"),),
    "vote_events": (("popolo", "vote_event"), ("ocd", "vote_event")),
}


def assert_valid(document: dict[str, object]) -> None:
    for collection, checks in CHECKS.items():
        objects = document[collection]
        assert isinstance(objects, list)
        for kind, name in checks:
            validator = popolo(name) if kind == "popolo" else ocd(name)
            for index, instance in enumerate(objects):
                problems = errors(validator, instance)
                assert not problems, f"{collection}[{index}] against {kind} {name}: {problems}"


@pytest.fixture
def demo(sqlite_database: Database) -> Database:
    load_demo(sqlite_database)
    return sqlite_database


def test_the_demo_as_open_data(demo: Database) -> None:
    document = json.loads(export_open_data(demo, minutes_url="https://www.torbay.gov.uk/minutes/"))
    assert_valid(document)
    assert document["format"] == "clerk-open-data"
    orgs = {o["id"]: o for o in document["organizations"]}
    assert orgs["organization/council"]["name"] == "Torbay Council"
    assert orgs["organization/cyp-scrutiny-board"]["classification"] == "committee"
    assert orgs["organization/group/liberal-democrat-group"]["classification"] == "party"
    chair = next(
        m for m in document["memberships"] if m["person_id"] == "person/bye" and "start_date" in m
    )
    assert (chair["role"], chair["start_date"]) == ("chair", "2021-05-01")
    darling = next(m for m in document["memberships"] if m["person_id"] == "person/mandy-darling")
    assert darling["on_behalf_of_id"] == "organization/group/liberal-democrat-group"
    august, september = document["events"]
    assert august["status"] == "passed" and september["status"] == "confirmed"
    assert august["start_date"] == "2021-08-18T09:30:00+01:00"
    assert august["location"]["name"] == "Meadfoot Room - Town Hall"
    assert [a["description"] for a in august["agenda"]][:2] == ["Apologies", "Minutes"]
    assert {
        "note": "Minutes",
        "url": "https://www.torbay.gov.uk/minutes/cyp-scrutiny-board-2021-08-18-minutes.pdf",
        "media_type": "application/pdf",
    } in august["documents"]
    assert any(
        p["note"] == "present" and p["name"] == "Councillor Bye" for p in august["participants"]
    )
    resolved = [n for a in august["agenda"] for n in a["notes"] if n.startswith("Resolved")]
    assert resolved and "Corporate Parenting Strategy" in resolved[0]
    assert document["vote_events"], "the demo has votes"
    vote = document["vote_events"][0]
    assert vote["motion_id"] in {m["id"] for m in document["motions"]}
    item = next(
        a for a in august["agenda"] if vote["id"] in [r["name"] for r in a["related_entities"]]
    )
    assert item["order"] == vote["extras"]["agenda_item"]
    people = {p["id"] for p in document["people"]}
    for membership in document["memberships"]:
        assert membership["person_id"] in people


def test_a_range_a_cancellation_and_moderngov_ids(sqlite_database: Database) -> None:
    from tests.moderngov.helpers import council

    council(sqlite_database)
    import_answers(sqlite_database, read_files(ALL), Options(include_cancelled=True))
    text = export_open_data(sqlite_database, start=date(2021, 10, 1), end=date(2021, 10, 31))
    document = json.loads(text)
    assert_valid(document)
    (event,) = document["events"]
    assert event["status"] == "cancelled"
    assert event["identifiers"] == [{"scheme": "moderngov", "identifier": "11051"}]
    board = next(o for o in document["organizations"] if o["classification"] == "committee")
    assert board["identifiers"] == [{"scheme": "moderngov", "identifier": "184"}]


def test_the_calendar_read_back(sqlite_database: Database) -> None:
    from tests.moderngov.helpers import council

    council(sqlite_database)
    import_answers(sqlite_database, read_files(ALL), Options(include_cancelled=True))
    slug = "children-and-young-people-s-overview-and-scrutiny-board"
    calendar = Calendar.from_ical(committee_calendar(sqlite_database, slug))
    events = {
        e.decoded("dtstart") if isinstance(e.decoded("dtstart"), date) else None: e
        for e in calendar.walk("VEVENT")
    }
    by_day = {
        (
            e.decoded("dtstart").date()
            if isinstance(e.decoded("dtstart"), datetime)
            else e.decoded("dtstart")
        ): e
        for e in calendar.walk("VEVENT")
    }
    assert len(by_day) == len(events) == 4
    september = by_day[date(2021, 9, 20)]
    start = september.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/London")
    assert start.utcoffset().total_seconds() == 3600  # BST
    assert str(september["status"]) == "CONFIRMED"
    assert str(september["location"]) == "Meadfoot Room - Town Hall"
    assert "9. Children's Services Staffing Update" in str(september["description"])
    cancelled = by_day[date(2021, 10, 18)]
    assert str(cancelled["status"]) == "CANCELLED" and int(cancelled["sequence"]) == 1
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/London"
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert len(set(uids)) == 4
    again = Calendar.from_ical(committee_calendar(sqlite_database, slug))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == uids  # stable for subscribers


def test_the_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    out = tmp_path / "open.json"
    result = run_clerk(
        "--db",
        db,
        "export-ocd",
        "cyp-scrutiny-board",
        "--from",
        "2021-08-01",
        "-o",
        str(out),
        check=True,
    )
    assert str(out) in result.stdout
    assert_valid(json.loads(out.read_text(encoding="utf-8")))
    ics = tmp_path / "board.ics"
    run_clerk("--db", db, "calendar", "cyp-scrutiny-board", "-o", str(ics), check=True)
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2
    bad = run_clerk("--db", db, "calendar", "no-such-board", "-o", str(ics))
    assert bad.returncode == 1 and "No committee 'no-such-board'" in bad.stderr


@pytest.mark.parametrize(
    ("kind", "name", "instance"),
    [
        ("ocd", "vote_event", {"counts": [{"option": "maybe", "value": 1}]}),
        ("ocd", "event", {"status": "postponed"}),
        ("ocd", "event", {"start_date": "20/09/2021"}),
        ("ocd", "organization", {"classification": "board"}),
        ("popolo", "membership", {"start_date": "20/09/2021"}),
        ("popolo", "vote_event", {"counts": [{"option": "yes"}]}),
        ("popolo", "person", {"name": 5}),
    ],
)
def test_the_schemas_do_refuse_what_is_wrong(kind: str, name: str, instance: object) -> None:
    validator = popolo(name) if kind == "popolo" else ocd(name)
    assert errors(validator, instance)


def test_votes_follow_the_proceedings_with_every_recorded_option(sqlite_demo: Database) -> None:
    """Votes are listed as the minutes have them (item by item, each item's proceedings in
    order, not in the order they were typed in: here the first item's vote was taken after
    the second item's), and a recorded vote's rows come out in Open Civic Data's words: those
    excluded from voting as "other" and not voting, each with the reason, counted."""
    day = date(2021, 10, 18)
    meeting_id = setup.create_meeting(sqlite_demo, "cyp-scrutiny-board", day, at=time(10, 0))
    session = MeetingSession(sqlite_demo, meeting_id)
    for action in (
        AddItem(number="5", title="Family Friendly Vision"),
        AddItem(number="6", title="Budget Proposals"),
        *(Present(p) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills")),
        StartMeeting(at=time(10, 0)),
        OpenItem(5),
        Move(5, mover="barnby", seconder="bye", parts=(Part("to adopt the vision."),)),
        OpenItem(6),  # the vision's vote deferred until the budget is settled
        Move(6, mover="bye", seconder="mills", parts=(Part("to set the budget."),)),
        Vote(
            2,
            VoteMethod.RECORDED,
            choices=(
                VoteChoice("bye", VoteOption.YES),
                VoteChoice("barnby", VoteOption.YES),
                VoteChoice("mandy-darling", VoteOption.NO),
                VoteChoice("douglas-dunbar", VoteOption.EXCLUDED, "under Standing Order 12"),
                VoteChoice("mills", VoteOption.NOT_VOTING, "having declared an interest"),
            ),
        ),
        OpenItem(5),
        Vote(1, VoteMethod.SHOW_OF_HANDS, yes=4, no=1),
    ):
        session.apply(action)
    document = json.loads(export_open_data(sqlite_demo, start=day, end=day))
    assert_valid(document)
    vision, budget = document["vote_events"]
    assert (vision["extras"]["agenda_item"], budget["extras"]["agenda_item"]) == ("5", "6")
    assert vision["motion_text"] == "1. to adopt the vision."
    assert [m["extras"]["agenda_item"] for m in document["motions"]] == ["5", "6"]
    (event,) = document["events"]
    related = [r["name"] for a in event["agenda"] for r in a["related_entities"]]
    assert related == [vision["id"], budget["id"]]
    assert budget["votes"] == [
        {"voter_id": "person/bye", "voter_name": "Councillor Bye", "option": "yes"},
        {"voter_id": "person/barnby", "voter_name": "Councillor Barnby", "option": "yes"},
        {
            "voter_id": "person/mandy-darling",
            "voter_name": "Councillor Mandy Darling",
            "option": "no",
        },
        {
            "voter_id": "person/douglas-dunbar",
            "voter_name": "Councillor Douglas-Dunbar",
            "option": "other",
            "note": "excluded from voting (under Standing Order 12)",
        },
        {
            "voter_id": "person/mills",
            "voter_name": "Councillor Mills",
            "option": "not voting",
            "note": "having declared an interest",
        },
    ]
    assert budget["counts"] == [
        {"option": "yes", "value": 2},
        {"option": "no", "value": 1},
        {"option": "abstain", "value": 0},
        {"option": "not voting", "value": 1},
        {"option": "other", "value": 1},
    ]
    assert vision["counts"][:2] == [{"option": "yes", "value": 4}, {"option": "no", "value": 1}]


def test_a_result_declared_without_a_count_has_no_counts(sqlite_demo: Database) -> None:
    day = date(2021, 10, 18)
    meeting_id = setup.create_meeting(sqlite_demo, "cyp-scrutiny-board", day, at=time(10, 0))
    session = MeetingSession(sqlite_demo, meeting_id)
    for action in (
        AddItem(number="5", title="Family Friendly Vision"),
        *(Present(p) for p in ("bye", "barnby", "mandy-darling")),
        StartMeeting(at=time(10, 0)),
        OpenItem(5),
        Move(5, mover="barnby", seconder="bye", parts=(Part("to adopt the vision."),)),
        Vote(1, VoteMethod.SHOW_OF_HANDS, result=VoteResult.PASS),
    ):
        session.apply(action)
    document = json.loads(export_open_data(sqlite_demo, start=day, end=day))
    assert_valid(document)
    (vote,) = document["vote_events"]
    assert "counts" not in vote  # not "For: 0; Against: 0"
    assert vote["result"] == "pass" and vote["extras"]["declared_without_count"] is True
