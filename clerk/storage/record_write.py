"""A meeting record written: an action's changes (checked against the meeting's version), or
a whole record into a new meeting (import). The search index is kept in step in the same
transaction."""

from __future__ import annotations

from functools import cache

from sqlalchemy import (
    ColumnElement,
    Connection,
    Delete,
    Table,
    Update,
    bindparam,
    delete,
    insert,
    update,
)

from clerk.domain.changes import Changes
from clerk.domain.record import MeetingRecord
from clerk.storage import search_index
from clerk.storage.errors import ConcurrentEdit
from clerk.storage.limits import fit
from clerk.storage.mapping import to_values
from clerk.storage.models import COLLECTION_TABLES, MeetingRow, table_of


def write_changes(
    conn: Connection, meeting_id: int, changes: Changes, expected_version: int
) -> int:
    """Write an action's changes; refuse if another writer got there first. Returns version.

    The statements are built once (``_BUMP``, ``_update_entity``...) and take their values as
    parameters, so SQLAlchemy neither rebuilds nor re-keys them for every recorded action.
    """
    bumped = conn.execute(
        _BUMP, {"b_id": meeting_id, "b_version": expected_version, "version": expected_version + 1}
    )
    if bumped.rowcount != 1:
        raise ConcurrentEdit(
            "Someone else has recorded on this meeting since you opened it; "
            "your action was not saved. The meeting has been reloaded: check it and try again."
        )
    if changes.meeting is not None:
        values = fit(table_of(MeetingRow), to_values(changes.meeting[1], skip=("committee",)))
        conn.execute(_update_meeting(tuple(values)), {"b_id": meeting_id, **values})
    for name, by_id in changes.entities.items():
        table = table_of(COLLECTION_TABLES[name])
        for key, (before, after) in by_id.items():
            keys = {"b_meeting_id": meeting_id, "b_id": key}
            if after is None:
                conn.execute(_delete_entity(table), keys)
            elif before is None:
                values = fit(table, to_values(after))
                conn.execute(insert(table), {"meeting_id": meeting_id, **values})
            else:
                values = fit(table, to_values(after))
                conn.execute(_update_entity(table, tuple(values)), {**keys, **values})
    search_index.index_changes(conn, meeting_id, changes)  # in step, in this transaction
    return expected_version + 1


_MEETINGS = table_of(MeetingRow)
_BUMP = (
    update(_MEETINGS)
    .where(_MEETINGS.c.id == bindparam("b_id"), _MEETINGS.c.version == bindparam("b_version"))
    .values(version=bindparam("version"))
)


@cache
def _update_meeting(columns: tuple[str, ...]) -> Update:
    return (
        update(_MEETINGS)
        .where(_MEETINGS.c.id == bindparam("b_id"))
        .values({c: bindparam(c) for c in columns})
    )


def _entity_where(table: Table) -> ColumnElement[bool]:
    return (table.c.meeting_id == bindparam("b_meeting_id")) & (table.c.id == bindparam("b_id"))


@cache
def _update_entity(table: Table, columns: tuple[str, ...]) -> Update:
    return update(table).where(_entity_where(table)).values({c: bindparam(c) for c in columns})


@cache
def _delete_entity(table: Table) -> Delete:
    return delete(table).where(_entity_where(table))


def insert_record_rows(conn: Connection, meeting_id: int, record: MeetingRecord) -> None:
    """Bulk-write every entity of a record into a new, empty meeting (import)."""
    for name, table in COLLECTION_TABLES.items():
        rows = [
            {"meeting_id": meeting_id, **fit(table_of(table), to_values(entity))}
            for _key, entity in sorted(record.collection(name).items())
        ]
        if rows:
            conn.execute(insert(table_of(table)), rows)
    search_index.index_record(conn, meeting_id, record)
