"""The demo: Torbay's Children and Young People's Overview and Scrutiny Board.

Its members and co-optees come from the agenda pack of 20 September 2021; the meeting of
18 August 2021 is recorded in full by replaying ``resources/demo/*-2021-08-18.jsonl`` through
the same service the window uses; the meeting of 20 September 2021 has its agenda ready, with
placeholder reports (``resources/demo/reports``, see ``demo_reports``) attached to two items.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time

from clerk.domain.entities import Committee, CouncilProfile, Person
from clerk.domain.errors import ClerkError
from clerk.domain.serial import from_json
from clerk.resources import resource
from clerk.services import setup
from clerk.services.recording import MeetingSession
from clerk.services.replay import replay
from clerk.services.reports import attach_report
from clerk.storage import repository as repo
from clerk.storage.database import Database

DEMO_FILE = ("demo", "torbay.json")


@dataclass(frozen=True)
class DemoReport:
    """A report to attach: the agenda item's number and a file in resources/demo/reports."""

    item: str
    file: str


@dataclass(frozen=True)
class DemoMeeting:
    date: date
    script: str
    scheduled_time: time | None = None
    venue: str = ""
    minute_number_start: int | None = None
    reports: tuple[DemoReport, ...] = ()


@dataclass(frozen=True)
class DemoSetup:
    council: CouncilProfile
    persons: tuple[Person, ...]
    committee: Committee
    meetings: tuple[DemoMeeting, ...]


def load_setup() -> DemoSetup:
    path = resource(*DEMO_FILE)
    return from_json(DemoSetup, json.loads(path.read_text(encoding="utf-8")), str(path))


def load_demo(database: Database, who: str = "demo") -> list[int]:
    """Load the demo committee and meetings; returns the new meetings' ids."""
    demo = load_setup()
    with database.reading() as conn:
        council = repo.load_council(conn)
        slugs = {c.slug for c in repo.list_committees(conn)}
    if council is not None and council != demo.council:
        raise ClerkError(
            f"This database belongs to {council.name}; load the demo into a new database "
            "(clerk --db demo.sqlite3 demo)."
        )
    if demo.committee.slug in slugs:
        raise ClerkError(f"The demo committee '{demo.committee.slug}' is already loaded.")
    setup.save_council(database, demo.council)
    for person in demo.persons:
        setup.save_person(database, person)
    setup.save_committee(database, demo.committee)
    ids = []
    for meeting in demo.meetings:
        meeting_id = setup.create_meeting(
            database,
            demo.committee.slug,
            meeting.date,
            at=meeting.scheduled_time,
            venue=meeting.venue,
            standard_items=False,
            minute_number_start=meeting.minute_number_start,
            who=who,
        )
        session = MeetingSession(database, meeting_id, who=who)
        script = resource("demo", meeting.script)
        replay(session, script.read_text(encoding="utf-8"), source=script.name)
        for report in meeting.reports:
            path = resource("demo", "reports", report.file)
            attach_report(database, meeting_id, report.item, path, session=session)
        ids.append(meeting_id)
    return ids
