"""A whole synthetic archive: committees x years x meetings, written with bulk inserts.

Each meeting is recorded in memory through the domain actions (``meeting.record_meeting``) and
stored as an imported meeting is (``record_json.import_document``): the meeting row, its
entities in one multi-row insert per table, and one journal entry holding the whole record.
One transaction per committee; nothing is committed action by action.
"""

from __future__ import annotations

import random
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from clerk.domain.enums import CommitteeKind, MeetingKind
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import municipal_year_start
from clerk.services.recording import create_with_journal
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk_support.synthetic.council import SyntheticCouncil, build_council
from clerk_support.synthetic.meeting import record_meeting
from clerk_support.synthetic.recorder import MeetingShape, RecordedMeeting

WHO = "synthetic-archive"


@dataclass(frozen=True)
class ArchiveSize:
    """How much history to make: ``committees`` x ``years`` x ``meetings_per_year``."""

    committees: int = 30
    years: int = 20
    meetings_per_year: int = 10
    first_year: int = 2005
    shape: MeetingShape = field(default_factory=MeetingShape)

    @property
    def meetings(self) -> int:
        return self.committees * self.years * self.meetings_per_year


@dataclass
class ArchiveSummary:
    """What was written, by table (vote choices are the names inside recorded votes)."""

    committees: int = 0
    persons: int = 0
    meetings: int = 0
    items: int = 0
    attendance: int = 0
    movements: int = 0
    declarations: int = 0
    paragraphs: int = 0
    motions: int = 0
    votes: int = 0
    vote_choices: int = 0
    resolutions: int = 0
    actions: int = 0
    events: int = 0
    seconds: float = 0.0

    def add(self, record: MeetingRecord) -> None:
        self.meetings += 1
        for name in ("items", "attendance", "movements", "declarations", "paragraphs"):
            setattr(self, name, getattr(self, name) + len(record.collection(name)))
        for name in ("motions", "votes", "resolutions", "actions", "events"):
            setattr(self, name, getattr(self, name) + len(record.collection(name)))
        self.vote_choices += sum(len(v.choices) for v in record.votes.values())

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def meeting_dates(first_year: int, years: int, per_year: int, jitter: int) -> list[date]:
    """Evenly spread weekday meeting dates through each municipal year (from 1 May)."""
    days: list[date] = []
    spacing = 330 // max(per_year, 1)
    for year in range(first_year, first_year + years):
        start = date(year, 5, 1)
        for k in range(per_year):
            day = start + timedelta(days=20 + jitter + k * spacing)
            if day.weekday() >= 5:
                day += timedelta(days=7 - day.weekday())
            days.append(day)
    return days


def generate_archive(
    database: Database,
    size: ArchiveSize | None = None,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
) -> ArchiveSummary:
    """Fill an empty database with a synthetic council's history; returns the counts."""
    size = size or ArchiveSize()
    started = clock.perf_counter()
    with database.reading() as conn:
        if repo.load_council(conn) is not None:
            raise ClerkError(
                f"{database.describe()} already holds a council: generate into an empty database."
            )
    rng = random.Random(seed)
    council = build_council(rng, size.first_year, size.years, size.committees)
    summary = ArchiveSummary(committees=size.committees, persons=len(council.persons))
    with database.transaction() as conn:
        repo.save_council(conn, council.council)
        for person in council.persons.values():
            repo.save_person(conn, person)
        for committee, _ctype in council.committees:
            repo.save_committee(conn, committee)
    archive_end = date(size.first_year + size.years, 4, 30)
    for index, (committee, _ctype) in enumerate(council.committees):
        days = meeting_dates(size.first_year, size.years, size.meetings_per_year, index % 7)
        meetings = _committee_history(council, index, days, size.shape, rng, archive_end)
        with database.transaction() as conn:
            for recorded in meetings:
                create_with_journal(
                    conn,
                    recorded.record,
                    who=WHO,
                    kind="import",
                    label=f"import the synthetic meeting record of {recorded.record.reference}",
                    params={"action": "import", "source": "synthetic", "seed": seed},
                )
                summary.add(recorded.record)
        if progress is not None:
            progress(f"{committee.name}: {len(meetings)} meetings ({summary.meetings} so far)")
    summary.seconds = clock.perf_counter() - started
    return summary


def _committee_history(
    council: SyntheticCouncil,
    index: int,
    days: list[date],
    shape: MeetingShape,
    rng: random.Random,
    archive_end: date,
) -> list[RecordedMeeting]:
    committee, _ctype = council.committees[index]
    profile = council.council
    meetings: list[RecordedMeeting] = []
    previous: date | None = None
    year_start: date | None = None
    minute_max = 0
    for day in days:
        this_year = municipal_year_start(day, profile.year_start_month, profile.year_start_day)
        if this_year != year_start:
            year_start, minute_max = this_year, 0
        kind = MeetingKind.ORDINARY
        if committee.kind is CommitteeKind.COUNCIL and day.month == 2:
            kind = MeetingKind.BUDGET
        elif previous is not None and rng.random() < 0.03:
            kind = MeetingKind.EXTRAORDINARY
        recorded = record_meeting(
            council, index, day, previous, minute_max, shape, rng, kind, archive_end
        )
        numbers = [i.minute_number for i in recorded.record.items.values() if i.minute_number]
        minute_max = max([minute_max, *numbers])
        meetings.append(recorded)
        previous = day
    return meetings
