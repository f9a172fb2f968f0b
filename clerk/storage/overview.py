"""The first screen's read: the committees and their meetings, with the least work.

The window starts on this list. For an SQLite file it is read with the standard library, so
the list is on screen before SQLAlchemy (and its table models) are loaded, which happens when
the clerk first opens a meeting. A server database is read through the repository. Both give
what ``repository.list_committees`` and ``list_meetings`` give (a test keeps them equal).
"""

from __future__ import annotations

import sqlite3
import typing
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import TYPE_CHECKING, Any

from clerk.domain.checkout import Checkout
from clerk.domain.entities import Meeting
from clerk.domain.serial import field_types
from clerk.storage.checkout_rows import current_per_meeting
from clerk.storage.mapping import from_values

if TYPE_CHECKING:
    from clerk.storage.database import Database

MEETINGS = (
    "SELECT meetings.*, committees.slug AS committee_slug FROM meetings "
    "JOIN committees ON committees.id = meetings.committee_id"
)


@dataclass(frozen=True)
class CommitteeLine:
    """A committee as the list of committees shows it."""

    slug: str
    name: str
    members: int


def _connect(database: Database) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file, or None for a server database."""
    path = database.path
    if path is None:
        return None
    # On a read-only disk SQLite cannot make its working files: read the file as immutable.
    flags = "mode=ro&immutable=1" if database.immutable else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, timeout=10)
    conn.row_factory = sqlite3.Row
    return conn


def committee_lines(database: Database) -> list[CommitteeLine]:
    """Every committee, by name, with its number of members."""
    conn = _connect(database)
    if conn is None:
        from clerk.storage import repository as repo

        with database.reading() as reading:
            found = repo.list_committees(reading)
        return [CommitteeLine(c.slug, c.name, len(c.memberships)) for c in found]
    try:
        rows = conn.execute(
            "SELECT slug, name, (SELECT COUNT(*) FROM memberships m "
            "WHERE m.committee_id = c.id) AS members FROM committees c ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [CommitteeLine(row["slug"], row["name"], row["members"]) for row in rows]


def meeting_lines(database: Database, slug: str | None = None) -> list[tuple[int, str, Meeting]]:
    """(id, committee slug, meeting) in date order, for one committee or all: as
    ``repository.list_meetings``."""
    conn = _connect(database)
    if conn is None:
        from clerk.storage import repository as repo

        with database.reading() as reading:
            return repo.list_meetings(reading, slug)
    try:
        where = " WHERE committees.slug = ?" if slug is not None else ""
        rows = conn.execute(
            f"{MEETINGS}{where} ORDER BY committees.slug, meetings.date",
            (slug,) if slug is not None else (),
        ).fetchall()
    finally:
        conn.close()
    return [(row["id"], row["committee_slug"], _meeting(row)) for row in rows]


def find_meeting(
    database: Database, meeting_id: int | None = None, slug: str = "", day: date | None = None
) -> int | None:
    """In an SQLite file, the meeting with id ``meeting_id``, or ``slug``'s meeting on ``day``;
    None when there is none or the database is a server's (the repository then finds it, or
    says why not)."""
    values: tuple[int | str, ...]
    if meeting_id is not None:
        query, values = "SELECT id FROM meetings WHERE id = ?", (meeting_id,)
    else:
        query = (
            "SELECT meetings.id FROM meetings JOIN committees "
            "ON committees.id = meetings.committee_id "
            "WHERE committees.slug = ? AND meetings.date = ?"
        )
        values = (slug, day.isoformat() if day is not None else "")
    conn = _connect(database)
    if conn is None:
        return None
    try:
        row = conn.execute(query, values).fetchone()
    finally:
        conn.close()
    return None if row is None else int(row[0])


def _meeting(row: sqlite3.Row) -> Meeting:
    values = {name: convert(row[name]) for name, convert in _converters().items()}
    return from_values(Meeting, values, committee=row["committee_slug"])


@cache
def _converters() -> dict[str, typing.Callable[[Any], Any]]:
    """How SQLite's stored text and integers become the Meeting's dates, times and flags."""

    def as_is(value: Any) -> Any:
        return value

    def optional(parse: typing.Callable[[Any], Any]) -> typing.Callable[[Any], Any]:
        return lambda value: None if value is None else parse(value)

    parsers: dict[Any, typing.Callable[[Any], Any]] = {
        date: date.fromisoformat,
        time: time.fromisoformat,
        bool: bool,
    }
    found: dict[str, typing.Callable[[Any], Any]] = {}
    for name, hint in field_types(Meeting).items():
        if name == "committee":
            continue
        base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
        found[name] = optional(parsers[base]) if base in parsers else as_is
    return found


def checkouts(database: Database) -> dict[int, Checkout]:
    """Each meeting's check-out, for the list of meetings: as ``checkouts.all_current``."""
    conn = _connect(database)
    if conn is None:
        from clerk.storage import checkouts as held

        with database.reading() as reading:
            return held.all_current(reading)
    try:
        known = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkouts'"
        ).fetchone()
        rows = conn.execute("SELECT * FROM checkouts ORDER BY id").fetchall() if known else []
    finally:
        conn.close()
    return current_per_meeting(dict(row) for row in rows)
