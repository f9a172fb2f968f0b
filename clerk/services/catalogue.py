"""Finding committees and meetings: ``MEETING`` references and the ``list`` command."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from clerk.domain.checkout import Checkout
from clerk.domain.entities import Committee, CouncilProfile, Meeting, Person
from clerk.domain.errors import ClerkError
from clerk.domain.exempt import has_exempt_business
from clerk.storage import overview

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from clerk.storage.database import Database

REFERENCE = re.compile(r"^(?P<slug>[a-z0-9][a-z0-9-]*)/(?P<date>\d{4}-\d{2}-\d{2})$")


def _repo() -> ModuleType:
    """The repository, imported on first use: the window's first screen (``meetings``,
    ``committee_lines``) reads without it, and without SQLAlchemy."""
    from clerk.storage import repository

    return repository


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    committee: str
    meeting: Meeting

    @property
    def reference(self) -> str:
        return f"{self.committee}/{self.meeting.date.isoformat()}"


def resolve_meeting(database: Database, reference: str) -> int:
    """A meeting id from ``12`` or ``<committee-slug>/<yyyy-mm-dd>``."""
    text = reference.strip()
    found = _find_in_file(database, text)
    if found is not None:
        return found
    with database.reading() as conn:
        if text.isascii() and text.isdigit():
            # An id no database column can hold is no meeting either (not an overflow).
            from clerk.storage.limits import INT_MAX

            if int(text) > INT_MAX or not _repo().meeting_exists(conn, int(text)):
                shown = text if len(text) <= 20 else text[:20] + "..."
                raise _repo().NotFound(f"No meeting {shown} in this database (see 'clerk list').")
            return int(text)
        match = REFERENCE.match(text)
        if match is None:
            raise ClerkError(_not_a_meeting(conn, text))
        try:
            day = date.fromisoformat(match["date"])
        except ValueError:
            raise ClerkError(f"'{match['date']}' is not a real date.") from None
        return _repo().find_meeting(conn, match["slug"], day)


def _find_in_file(database: Database, text: str) -> int | None:
    """The meeting ``text`` names, read from an SQLite file without SQLAlchemy (a command
    that only reads, ``clerk minutes``, then never loads it); None leaves it to the
    repository, which finds it or says why not."""
    if text.isascii() and text.isdigit():
        # No column holds an id above 2**31 - 1 (``limits.INT_MAX``, which loads SQLAlchemy).
        return overview.find_meeting(database, int(text)) if int(text) < 2**31 else None
    match = REFERENCE.match(text)
    if match is None:
        return None
    try:
        day = date.fromisoformat(match["date"])
    except ValueError:
        return None
    return overview.find_meeting(database, slug=match["slug"], day=day)


def _not_a_meeting(conn: Connection, text: str) -> str:
    """Why ``text`` names no meeting: a committee or a date are named as such."""
    if any(c.slug == text for c in _repo().list_committees(conn)):
        held = _repo().list_meetings(conn, text)
        if not held:
            return f"'{text}' is a committee, not a meeting, and it has no meetings yet."
        latest_id, _slug, latest = held[-1]
        return (
            f"'{text}' is a committee, not a meeting: give one of its meetings, for example "
            f"{text}/{latest.date.isoformat()} (meeting {latest_id}; 'clerk list' shows them all)."
        )
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return f"'{text}' is not a meeting: give its id or <committee-slug>/<yyyy-mm-dd>."
    that_day = [(i, s) for i, s, m in _repo().list_meetings(conn) if m.date == day]
    if not that_day:
        return f"'{text}' is a date, not a meeting, and no meeting in this database is on it."
    examples = " or ".join(f"{slug}/{text} (meeting {i})" for i, slug in that_day[:3])
    return f"'{text}' is a date, not a meeting: give the committee too, {examples}."


def resolve_committee(database: Database, reference: str) -> str:
    """A committee's slug; a meeting given instead is named as one, with its committee."""
    text = reference.strip()
    with database.reading() as conn:
        known = {c.slug for c in _repo().list_committees(conn)}
        if text in known:
            return text
        if text.isdigit() and _repo().meeting_exists(conn, int(text)):
            slug, meeting = next(
                (s, m) for i, s, m in _repo().list_meetings(conn) if i == int(text)
            )
            raise ClerkError(
                f"'{text}' is a meeting ({slug}/{meeting.date.isoformat()}), not a committee: "
                f"give the committee, {slug}."
            )
    match = REFERENCE.match(text)
    if match is not None and match["slug"] in known:
        raise ClerkError(
            f"'{text}' is a meeting, not a committee: give the committee, {match['slug']}."
        )
    among = f" (its committees: {', '.join(sorted(known))})" if known else ""
    raise _repo().NotFound(f"No committee '{text}' in this database{among}.")


def committees(database: Database) -> list[Committee]:
    with database.reading() as conn:
        return _repo().list_committees(conn)


def committee(database: Database, slug: str) -> Committee:
    with database.reading() as conn:
        return _repo().load_committee(conn, slug)


def meetings(database: Database, slug: str | None = None) -> list[MeetingSummary]:
    return [MeetingSummary(i, s, m) for i, s, m in overview.meeting_lines(database, slug)]


def checked_out(database: Database) -> dict[int, Checkout]:
    """Each meeting's check-out (to or from a laptop), read with the least work."""
    return overview.checkouts(database)


def committee_lines(database: Database) -> list[overview.CommitteeLine]:
    """The committees as the list shows them (name, members), read with the least work."""
    return overview.committee_lines(database)


def council(database: Database) -> CouncilProfile | None:
    with database.reading() as conn:
        return _repo().load_council(conn)


def persons(database: Database) -> dict[str, Person]:
    with database.reading() as conn:
        return _repo().load_persons(conn)


def has_confidential_version(database: Database, meeting_id: int) -> bool:
    """Whether the meeting's minutes have a confidential version: the domain's rule
    (``exempt.has_exempt_business``) on the items and minute text, loaded alone."""
    with database.reading() as conn:
        (record,) = _repo().load_records(conn, [meeting_id], ("items", "paragraphs"))
    return has_exempt_business(record)
