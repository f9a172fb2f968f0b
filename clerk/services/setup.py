"""Setting up: the council profile, people, committees and new meetings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time

from clerk.domain.actions.agenda import AddItem
from clerk.domain.entities import Committee, CouncilProfile, Meeting, Person
from clerk.domain.enums import MeetingKind, StandardItem
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.validation import (
    Problem,
    council_problems,
    membership_problems,
    quorum_problems,
    slug_problems,
)
from clerk.services.recording import MeetingSession, create_with_journal, current_user
from clerk.storage import repository as repo
from clerk.storage.database import Database

#: The items every agenda starts with.
STANDARD_ITEMS: tuple[tuple[StandardItem, str], ...] = (
    (StandardItem.APOLOGIES, "Apologies"),
    (StandardItem.MINUTES, "Minutes"),
    (StandardItem.DECLARATIONS, "Declarations of Interest"),
    (StandardItem.URGENT, "Urgent Items"),
)


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "committee"


def _refuse(what: str, problems: Iterable[Problem]) -> None:
    for field, problem in problems:
        raise ClerkError(f"{what}: {field.replace('_', ' ')} {problem}.")


def save_council(database: Database, council: CouncilProfile) -> None:
    _refuse("The council profile", council_problems(council))
    with database.transaction() as conn:
        repo.save_council(conn, council)


def save_person(database: Database, person: Person) -> None:
    _refuse("The person", slug_problems("id", person.id))
    if not person.name.strip():
        raise ClerkError("A person needs a name.")
    with database.transaction() as conn:
        repo.save_person(conn, person)


def save_committee(database: Database, committee: Committee) -> None:
    _refuse("The committee", slug_problems("slug", committee.slug))
    if not committee.name.strip():
        raise ClerkError("A committee needs a name.")
    _refuse("The quorum", quorum_problems(committee.quorum))
    for membership in committee.memberships:
        _refuse(f"The membership of '{membership.person_id}'", membership_problems(membership))
    with database.transaction() as conn:
        known = repo.load_persons(conn)
        for membership in committee.memberships:
            if membership.person_id not in known:
                raise ClerkError(f"Membership names an unknown person '{membership.person_id}'.")
        repo.save_committee(conn, committee)


def create_meeting(
    database: Database,
    committee_slug: str,
    day: date,
    at: time | None = None,
    venue: str = "",
    kind: MeetingKind = MeetingKind.ORDINARY,
    standard_items: bool = True,
    minute_number_start: int | None = None,
    who: str | None = None,
) -> int:
    """A new scheduled meeting, its agenda started with the standard items."""
    meeting = Meeting(
        committee=committee_slug,
        date=day,
        scheduled_time=at,
        venue=venue,
        kind=kind,
        minute_number_start=minute_number_start,
    )
    with database.transaction() as conn:
        council = repo.load_council(conn)
        if council is None:
            raise ClerkError("Set up the council profile before creating meetings.")
        record = MeetingRecord(
            council=council,
            committee=repo.load_committee(conn, committee_slug),
            persons={},
            meeting=meeting,
        )
        meeting_id = create_with_journal(
            conn,
            record,
            who=who or current_user(),
            kind="create",
            label=f"create the meeting of {day.isoformat()}",
            params={"action": "create"},
        )
    if standard_items:
        session = MeetingSession(database, meeting_id, who=who)
        for number, (standard, title) in enumerate(STANDARD_ITEMS, start=1):
            session.apply(AddItem(number=str(number), title=title, standard=standard))
    return meeting_id
