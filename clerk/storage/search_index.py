"""Keeping the search index in step with the record, in the transaction that writes it.

``index_changes`` is called by ``repository.write_changes`` with the changes it has just
written: only the searchable entities that changed (and, when an item's title or exempt
status changed, everything under that item) are re-indexed, so an action that touches no
searchable text costs one dictionary look-up. ``index_record`` indexes a meeting written whole
(an import); ``rebuild`` indexes every meeting again, for a database made before the index.

What is searchable and at what level is the domain's (``clerk.domain.search``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Connection, Delete, Insert, bindparam, delete, insert, select, update

from clerk.domain.changes import Changes
from clerk.domain.entities import AgendaItem, Motion, Resolution
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.search import (
    SEARCHED_COLLECTIONS,
    Entry,
    EntryKind,
    entity_entries,
    item_entries,
)
from clerk.storage.across_models import SearchEntryRow, SearchStateRow
from clerk.storage.mapping import from_values
from clerk.storage.models import (
    COLLECTION_TABLES,
    CommitteeRow,
    MeetingRow,
    MotionRow,
    table_of,
)

ENTRIES = table_of(SearchEntryRow)
STATE = table_of(SearchStateRow)
#: What of an agenda item its entries depend on.
ITEM_FIELDS = ("title", "exempt_paragraph", "title_is_public", "public_summary")


def index_changes(conn: Connection, meeting_id: int, changes: Changes) -> None:
    """Re-index what ``changes`` (already written) changed of the meeting's searchable text."""
    if changes.meeting is not None and changes.meeting[0].date != changes.meeting[1].date:
        _retag(conn, meeting_id)
    touched = changes.entities.keys()
    if not (touched & SEARCHED_COLLECTIONS.keys() or "items" in touched):
        return
    tags = meeting_tags(conn, meeting_id)
    items_changed: dict[int, tuple[Any, Any]] = changes.entities.get("items", {})
    redo_items = {
        key: after
        for key, (before, after) in items_changed.items()
        if before is None or after is None or _item_view(before) != _item_view(after)
    }
    exempt: dict[int, bool] = {k: bool(a and a.exempt) for k, (_b, a) in items_changed.items()}
    for name, kind in SEARCHED_COLLECTIONS.items():
        for key, (before, after) in changes.entities.get(name, {}).items():
            if before is not None:
                conn.execute(_delete_entity(), {"m": meeting_id, "k": kind.value, "e": key})
            if after is not None and after.item_id not in redo_items:
                hidden = _exempt(conn, meeting_id, after.item_id, exempt)
                _insert(conn, meeting_id, tags, _entries(conn, meeting_id, kind, after, hidden))
    for item_id, item in redo_items.items():
        _reindex_item(conn, meeting_id, tags, item_id, item)


def index_record(
    conn: Connection, meeting_id: int, record: MeetingRecord, tags: str | None = None
) -> None:
    """Index a meeting written whole (an import, a new meeting)."""
    if tags is None:
        tags = meeting_tags(conn, meeting_id)
    _insert(conn, meeting_id, tags, record_entries(record))


def meeting_tags(conn: Connection, meeting_id: int) -> str:
    """The filter words every entry of the meeting carries: its committee and its year."""
    row = conn.execute(_MEETING_OF, {"m": meeting_id}).first()
    if row is None:
        return ""
    return tags_for(int(row[0]), row[1])


def tags_for(committee_id: int, day: date) -> str:
    return f"{COMMITTEE_TAG}{committee_id} {YEAR_TAG}{day.year}"


#: Filter words (see ``SearchEntryRow.tags``); the query side builds the same words.
COMMITTEE_TAG = "cm"
YEAR_TAG = "y"
CONFIDENTIAL_TAG = "conf"


def record_entries(record: MeetingRecord) -> list[Entry]:
    entries: list[Entry] = []
    for item in record.items.values():
        entries += item_entries(item)
    for name, kind in SEARCHED_COLLECTIONS.items():
        for entity in record.collection(name).values():
            under = record.items.get(entity.item_id)
            motion = _motion_of(record.motions, entity)
            hidden = under is not None and under.exempt
            entries += _with_movers(entity_entries(kind, entity, hidden), motion)
    return entries


def rebuild(conn: Connection, batch: int = 200) -> int:
    """Index every meeting again from its record; returns the number of meetings."""
    from clerk.storage import repository as repo  # the repository imports this module

    conn.execute(delete(ENTRIES))
    ids = [int(i) for i in conn.execute(select(MeetingRow.id).order_by(MeetingRow.id)).scalars()]
    wanted = ("items", *SEARCHED_COLLECTIONS, "motions")
    committees = {
        slug: int(i) for i, slug in conn.execute(select(CommitteeRow.id, CommitteeRow.slug))
    }
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        for record in repo.load_records(conn, chunk, collections=wanted):
            tags = tags_for(committees[record.committee.slug], record.meeting.date)
            index_record(conn, record.meeting_id, record, tags)
    mark_built(conn)
    return len(ids)


def meeting_bodies(conn: Connection, meeting_id: int) -> list[str]:
    """Every text the index holds for the meeting, public and confidential."""
    rows = conn.execute(select(ENTRIES.c.body).where(ENTRIES.c.meeting_id == meeting_id))
    return [body for (body,) in rows]


def is_built(conn: Connection) -> bool:
    built = conn.execute(select(STATE.c.built)).scalar()
    return bool(built) if built is not None else True


def mark_built(conn: Connection) -> None:
    if conn.execute(select(STATE.c.id)).first() is None:
        conn.execute(insert(STATE).values(id=1, built=True))
    else:
        conn.execute(update(STATE).values(built=True))


# -- helpers ---------------------------------------------------------------------------------


def _item_view(item: AgendaItem) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in ITEM_FIELDS)


def _exempt(conn: Connection, meeting_id: int, item_id: int, known: dict[int, bool]) -> bool:
    """Whether the item is exempt (from the changes when they hold it, else the database)."""
    if item_id not in known:
        paragraph = conn.execute(_EXEMPT_OF, {"m": meeting_id, "i": item_id}).scalar()
        known[item_id] = paragraph is not None
    return known[item_id]


def _entries(
    conn: Connection, meeting_id: int, kind: EntryKind, entity: Any, exempt: bool
) -> list[Entry]:
    motion = None
    if isinstance(entity, Resolution) and entity.motion_id is not None:
        row = conn.execute(_MOTION_OF, {"m": meeting_id, "i": entity.motion_id}).mappings().first()
        motion = from_values(Motion, row) if row is not None else None
    return _with_movers(entity_entries(kind, entity, exempt), motion)


def _motion_of(motions: Mapping[int, Motion], entity: Any) -> Motion | None:
    if isinstance(entity, Resolution) and entity.motion_id is not None:
        return motions.get(entity.motion_id)
    return None


def _with_movers(entries: list[Entry], motion: Motion | None) -> list[Entry]:
    """A resolution concerns the mover and seconder of the motion it resolved."""
    if motion is None:
        return entries
    movers = tuple(p for p in (motion.mover_id, motion.seconder_id) if p)
    return [Entry(e.kind, e.entity_id, e.item_id, e.confidential, e.text, movers) for e in entries]


def _reindex_item(
    conn: Connection, meeting_id: int, tags: str, item_id: int, item: AgendaItem | None
) -> None:
    conn.execute(_delete_item(), {"m": meeting_id, "i": item_id})
    if item is None:
        return
    entries = item_entries(item)
    for name, kind in SEARCHED_COLLECTIONS.items():
        table = table_of(COLLECTION_TABLES[name])
        rows = conn.execute(
            select(table).where(table.c.meeting_id == meeting_id, table.c.item_id == item_id)
        ).mappings()
        for row in rows:
            entity: Any = from_values(COLLECTIONS[name], row)
            entries += _entries(conn, meeting_id, kind, entity, item.exempt)
    _insert(conn, meeting_id, tags, entries)


def _retag(conn: Connection, meeting_id: int) -> None:
    """A meeting moved to another date: its entries' year tag follows."""
    tags = meeting_tags(conn, meeting_id)
    rows = conn.execute(
        select(ENTRIES.c.id, ENTRIES.c.confidential).where(ENTRIES.c.meeting_id == meeting_id)
    ).all()
    for entry_id, confidential in rows:
        conn.execute(
            update(ENTRIES)
            .where(ENTRIES.c.id == entry_id)
            .values(tags=_entry_tags(tags, bool(confidential)))
        )


def _entry_tags(tags: str, confidential: bool) -> str:
    return f"{tags} {CONFIDENTIAL_TAG}" if confidential else tags


def _insert(conn: Connection, meeting_id: int, tags: str, entries: Iterable[Entry]) -> None:
    rows = [
        {
            "meeting_id": meeting_id,
            "item_id": e.item_id,
            "kind": e.kind.value,
            "entity_id": e.entity_id,
            "confidential": e.confidential,
            "persons": "".join(f" {p} " for p in e.persons),
            "tags": _entry_tags(tags, e.confidential),
            "body": e.text,
        }
        for e in entries
        if e.text.strip()
    ]
    if rows:
        conn.execute(_insert_statement(), rows)


@cache
def _insert_statement() -> Insert:
    return insert(ENTRIES)


@cache
def _delete_entity() -> Delete:
    """An entity's entries: its own id, and the negative id of a confidential twin."""
    e = ENTRIES.c
    return delete(ENTRIES).where(
        e.meeting_id == bindparam("m"),
        e.kind == bindparam("k"),
        e.entity_id.in_([bindparam("e"), -bindparam("e")]),
    )


_ITEMS = table_of(COLLECTION_TABLES["items"])
_EXEMPT_OF = select(_ITEMS.c.exempt_paragraph).where(
    _ITEMS.c.meeting_id == bindparam("m"), _ITEMS.c.id == bindparam("i")
)
_MOTIONS = table_of(MotionRow)
_MOTION_OF = select(_MOTIONS).where(
    _MOTIONS.c.meeting_id == bindparam("m"), _MOTIONS.c.id == bindparam("i")
)
_MEETING_OF = select(MeetingRow.committee_id, MeetingRow.date).where(
    MeetingRow.id == bindparam("m")
)


@cache
def _delete_item() -> Delete:
    e = ENTRIES.c
    return delete(ENTRIES).where(e.meeting_id == bindparam("m"), e.item_id == bindparam("i"))
