"""Meeting records read from an SQLite file with the standard library, for the commands that
only read (``clerk minutes``): they finish before SQLAlchemy and its table models would have
been imported, which is most of such a command's time.

What is read is what ``repository.load_record`` and ``load_records`` give, entity for entity
(a test keeps them equal on the demo and on a synthetic archive): each column is turned into
the entity's field by the field's type, as SQLAlchemy's column types turn it (dates, times and
flags from SQLite's text and integers, JSON text into lists and objects), then through the
same mapping (``clerk.storage.mapping.from_values``). A server database is read through the
repository, as before.
"""

from __future__ import annotations

import json
import sqlite3
import typing
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from clerk.domain.collections import REGISTRY
from clerk.domain.entities import Committee, CouncilProfile, Meeting, Membership, Person
from clerk.domain.errors import ClerkError
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.serial import field_types
from clerk.storage import overview
from clerk.storage.mapping import committee_from, from_values, is_structured

if TYPE_CHECKING:
    from clerk.storage.database import Database

#: The table of each collection of a meeting record (``clerk.domain.collections``).
TABLES = {c.name: c.table for c in REGISTRY}

NO_COUNCIL = "This database has no council profile; import or load the demo first."


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else parse(value)


def _as_is(value: Any) -> Any:
    return value


_PARSERS: dict[Any, Callable[[Any], Any]] = {
    date: date.fromisoformat,
    time: time.fromisoformat,
    datetime: datetime.fromisoformat,
    bool: bool,
}


@cache
def converters(cls: Hashable) -> dict[str, Callable[[Any], Any]]:
    """How each stored column of ``cls``'s fields becomes what SQLAlchemy's column type
    would give: dates and times from text, flags from integers, JSON text parsed."""
    found: dict[str, Callable[[Any], Any]] = {}
    for name, hint in field_types(cast(type, cls)).items():
        base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
        if is_structured(hint):
            found[name] = _optional(json.loads)
        elif base in _PARSERS:
            found[name] = _optional(_PARSERS[base])
        else:
            found[name] = _as_is
    return found


def entity(cls: type[Any], row: Mapping[str, Any], **extra: Any) -> Any:
    """The entity ``cls`` of a row read with ``sqlite3``."""
    found = converters(cast(Hashable, cls))
    values = {name: convert(row[name]) for name, convert in found.items() if name not in extra}
    return from_values(cls, values, **extra)


@contextmanager
def reading(database: Database) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection to the SQLite file, in one read transaction (every read sees
    the same state, as ``Database.reading`` gives); None for a server database."""
    conn = overview._connect(database)
    if conn is None:
        yield None
        return
    try:
        conn.execute("BEGIN")
        yield conn
    finally:
        conn.close()


def meetings_of(conn: sqlite3.Connection, slug: str) -> list[tuple[int, str, Meeting]]:
    """As ``repository.list_meetings(conn, slug)``: (id, slug, meeting) in date order."""
    rows = conn.execute(
        f"{overview.MEETINGS} WHERE committees.slug = ? ORDER BY meetings.date", (slug,)
    ).fetchall()
    return [(row["id"], slug, entity(Meeting, row, committee=slug)) for row in rows]


def _council(conn: sqlite3.Connection) -> CouncilProfile:
    row = conn.execute("SELECT * FROM council").fetchone()
    if row is None:
        raise ClerkError(NO_COUNCIL)
    council: CouncilProfile = entity(CouncilProfile, row)
    return council


def _persons(conn: sqlite3.Connection) -> dict[str, Person]:
    rows = conn.execute("SELECT * FROM persons ORDER BY id").fetchall()
    return {row["id"]: entity(Person, row) for row in rows}


def _committee(conn: sqlite3.Connection, row: sqlite3.Row) -> Committee:
    memberships = conn.execute(
        "SELECT * FROM memberships WHERE committee_id = ? ORDER BY position, id", (row["id"],)
    ).fetchall()
    return committee_from(row, tuple(entity(Membership, m) for m in memberships))


def load_records(
    conn: sqlite3.Connection,
    meeting_ids: Sequence[int],
    collections: Collection[str] = tuple(COLLECTIONS),
) -> list[MeetingRecord]:
    """As ``repository.load_records``: the records in the order asked, only ``collections``
    filled."""
    unknown = set(collections) - COLLECTIONS.keys()
    if unknown:
        raise KeyError(f"not collections of a meeting record: {sorted(unknown)}")
    council = _council(conn)
    persons = _persons(conn)
    ids = list(dict.fromkeys(meeting_ids))
    committees: dict[int, Committee] = {}
    records: dict[int, MeetingRecord] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"{overview.MEETINGS} WHERE meetings.id IN ({marks})", chunk).fetchall()
        for row in rows:
            if row["committee_id"] not in committees:
                found = conn.execute(
                    "SELECT * FROM committees WHERE id = ?", (row["committee_id"],)
                ).fetchone()
                committees[row["committee_id"]] = _committee(conn, found)
            records[row["id"]] = MeetingRecord(
                council=council,
                committee=committees[row["committee_id"]],
                persons=persons,
                meeting=entity(Meeting, row, committee=row["committee_slug"]),
                meeting_id=row["id"],
            )
    missing = [i for i in meeting_ids if i not in records]
    if missing:
        from clerk.storage.repository import NotFound

        raise NotFound(f"No meeting {missing[0]} in this database.")
    for name in collections:
        entity_type = COLLECTIONS[name]
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT * FROM {TABLES[name]} WHERE meeting_id IN ({marks})", chunk
            ):
                records[row["meeting_id"]].collection(name)[row["id"]] = entity(entity_type, row)
    return [records[i] for i in meeting_ids]


def load_record(conn: sqlite3.Connection, meeting_id: int) -> MeetingRecord:
    """As ``repository.load_record`` (without the version)."""
    return load_records(conn, [meeting_id])[0]


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
