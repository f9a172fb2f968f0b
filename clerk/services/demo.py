"""The demo: Torbay's Children and Young People's Overview and Scrutiny Board.

Its members and co-optees come from the agenda pack of 20 September 2021; the meeting of
18 August 2021 is recorded in full by replaying ``resources/demo/*-2021-08-18.jsonl`` through
the same service the window uses; the meeting of 20 September 2021 has its agenda ready, with
placeholder reports (``resources/demo/reports``, see ``demo_reports``) attached to two items.

``clerk --demo`` opens a fresh copy of a demo database built once (``fresh_demo_database``):
replaying the demo takes seconds, copying it milliseconds. The built one is kept in Clerk's
data folder under a name that changes with the demo files, the schema and Clerk's version, so
a change to any of them builds it again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from clerk import __version__
from clerk.domain.entities import Committee, CouncilProfile, Person
from clerk.domain.errors import ClerkError
from clerk.domain.serial import from_json
from clerk.resources import resource
from clerk.storage.backup import copy_database
from clerk.storage.database import Access, Database, head_revision, open_database
from clerk.storage.engine import data_dir
from clerk.storage.integrity import SIDECARS

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
    # Imported here: ``clerk --demo`` copies the demo built once and needs none of them.
    from clerk.services import setup
    from clerk.services.recording import MeetingSession
    from clerk.services.replay import replay
    from clerk.services.reports import attach_report
    from clerk.storage import repository as repo

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


def demo_fingerprint() -> str:
    """Changes when the demo files, the schema or Clerk do: then the demo is built again."""
    digest = hashlib.sha256(f"{__version__}\0{head_revision()}".encode())
    folder = resource("demo")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def demo_template(folder: Path | None = None) -> Path:
    """The demo database, built once (here: ``folder``, default Clerk's data folder)."""
    folder = (folder or data_dir()) / "demo-build"
    template = folder / f"demo-{demo_fingerprint()}.sqlite3"
    if template.exists():
        return template
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="building-", dir=folder))
    try:
        database = open_database(str(scratch / "demo.sqlite3"))
        try:
            load_demo(database)
        finally:
            database.dispose()
        copy_database(scratch / "demo.sqlite3", template)  # atomic: whole or not at all
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for stale in folder.glob("demo-*.sqlite3"):
        if stale != template:
            stale.unlink(missing_ok=True)
    return template


def fresh_demo_database(target: Path | None = None) -> Database:
    """A new copy of the demo at ``target`` (default ``demo.sqlite3`` in the data folder),
    replacing the previous one, opened."""
    target = target or data_dir() / "demo.sqlite3"
    template = demo_template()
    for suffix in ("", *SIDECARS):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy_database(template, target)
    return open_database(str(target), access=Access.CREATE)
