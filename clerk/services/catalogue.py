"""Finding committees and meetings: ``MEETING`` references and the ``list`` command."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from clerk.domain.entities import Committee, CouncilProfile, Meeting, Person
from clerk.domain.errors import ClerkError
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk.storage.limits import INT_MAX

REFERENCE = re.compile(r"^(?P<slug>[a-z0-9][a-z0-9-]*)/(?P<date>\d{4}-\d{2}-\d{2})$")


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
    with database.reading() as conn:
        if text.isascii() and text.isdigit():
            # An id no database column can hold is no meeting either (not an overflow).
            if int(text) > INT_MAX or not repo.meeting_exists(conn, int(text)):
                shown = text if len(text) <= 20 else text[:20] + "..."
                raise repo.NotFound(f"No meeting {shown} in this database (see 'clerk list').")
            return int(text)
        match = REFERENCE.match(text)
        if match is None:
            raise ClerkError(
                f"'{reference}' is not a meeting: give its id or <committee-slug>/<yyyy-mm-dd>."
            )
        try:
            day = date.fromisoformat(match["date"])
        except ValueError:
            raise ClerkError(f"'{match['date']}' is not a real date.") from None
        return repo.find_meeting(conn, match["slug"], day)


def committees(database: Database) -> list[Committee]:
    with database.reading() as conn:
        return repo.list_committees(conn)


def committee(database: Database, slug: str) -> Committee:
    with database.reading() as conn:
        return repo.load_committee(conn, slug)


def meetings(database: Database, slug: str | None = None) -> list[MeetingSummary]:
    with database.reading() as conn:
        return [MeetingSummary(i, s, m) for i, s, m in repo.list_meetings(conn, slug)]


def council(database: Database) -> CouncilProfile | None:
    with database.reading() as conn:
        return repo.load_council(conn)


def persons(database: Database) -> dict[str, Person]:
    with database.reading() as conn:
        return repo.load_persons(conn)
