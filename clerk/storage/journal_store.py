"""Each meeting's journal: entries appended (with this installation's seal) and read back,
a damaged row reported instead of failing inside the driver."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, Text, insert, select, type_coerce

from clerk.domain.errors import ClerkError
from clerk.domain.journal import JournalEntry
from clerk.storage import seals
from clerk.storage.errors import NotFound
from clerk.storage.limits import fit
from clerk.storage.models import JournalRow, table_of


def append_journal(conn: Connection, meeting_id: int, entry: JournalEntry) -> None:
    values = dict(
        meeting_id=meeting_id,
        seq=entry.seq,
        recorded_at=entry.recorded_at,
        who=entry.who,
        kind=entry.kind,
        label=entry.label,
        params=entry.params,
        changes=entry.changes,
        undoes=entry.undoes,
        redoes=entry.redoes,
        script_id=entry.script_id,
        script_line=entry.script_line,
        prev_hash=entry.prev_hash,
        hash=entry.hash,
        context=entry.context,
        seal=seals.seal(entry.hash),
    )
    conn.execute(insert(table_of(JournalRow)), dict(fit(table_of(JournalRow), values)))


def load_journal_seals(conn: Connection, meeting_id: int) -> dict[int, str]:
    """Each journal entry's seal (``clerk.storage.seals``), by its number."""
    rows = conn.execute(
        select(JournalRow.seq, JournalRow.seal).where(JournalRow.meeting_id == meeting_id)
    )
    return {int(row[0]): str(row[1] or "") for row in rows}


class MalformedJournal(ClerkError):
    """A journal row that cannot be read as a journal entry (changed behind Clerk's back)."""


def _journal_query(meeting_id: int) -> Select[Any]:
    """The journal's rows with the time and the JSON read as text: a row damaged behind
    Clerk's back is then reported, entry by entry, instead of failing inside the driver."""
    journal = table_of(JournalRow)
    raw = {"recorded_at", "params", "changes"}
    columns = [
        type_coerce(column, Text).label(column.name) if column.name in raw else column
        for column in journal.columns
    ]
    return select(*columns).where(journal.c.meeting_id == meeting_id)


def load_journal(conn: Connection, meeting_id: int) -> list[JournalEntry]:
    rows = conn.execute(_journal_query(meeting_id).order_by(JournalRow.seq)).mappings()
    return [_journal_entry(row) for row in rows]


def load_journal_entry(conn: Connection, meeting_id: int, seq: int) -> JournalEntry:
    row = conn.execute(_journal_query(meeting_id).where(JournalRow.seq == seq)).mappings().first()
    if row is None:
        raise NotFound(f"Meeting {meeting_id} has no journal entry {seq}.")
    return _journal_entry(row)


def _journal_entry(row: Any) -> JournalEntry:
    where = f"Journal entry {row['seq']} of meeting {row['meeting_id']}"
    try:
        recorded_at = row["recorded_at"]
        if not isinstance(recorded_at, datetime):
            recorded_at = datetime.fromisoformat(str(recorded_at))
        params, changes = _json_object(row["params"]), _json_object(row["changes"])
        entry = JournalEntry(
            seq=int(row["seq"]),
            recorded_at=recorded_at.replace(tzinfo=None),
            who=str(row["who"]),
            kind=str(row["kind"]),
            label=str(row["label"]),
            params=params,
            changes=changes,
            undoes=row["undoes"],
            redoes=row["redoes"],
            script_id=str(row["script_id"] or ""),
            script_line=row["script_line"],
            prev_hash=str(row["prev_hash"]),
            hash=str(row["hash"]),
            context=_json_context(row["context"]),
        )
    except (TypeError, ValueError) as error:
        raise MalformedJournal(
            f"{where} cannot be read ({error}): the journal has been damaged or changed "
            "behind Clerk's back; run 'clerk check'."
        ) from None
    odd = next((k for k, v in changes.items() if not isinstance(v, dict | list)), None)
    if odd is not None:
        raise MalformedJournal(
            f"{where} cannot be read (its changes hold {odd!r} in a form Clerk never writes): "
            "the journal has been damaged or changed behind Clerk's back."
        )
    return entry


def _json_context(value: Any) -> dict[str, Any] | None:
    """The moment an action saw (JSON, or None on entries from before it was kept)."""
    return None if value is None else _json_object(value)


def _json_object(value: Any) -> dict[str, Any]:
    """A JSON column as a dict: text is parsed (SQLite), a parsed value checked (PostgreSQL)."""
    parsed = json.loads(value) if isinstance(value, str) else value
    if not isinstance(parsed, dict):
        raise ValueError(f"a JSON object was expected, not {type(parsed).__name__}")
    return parsed


def last_script_line(conn: Connection, meeting_id: int, line_ids: dict[int, str]) -> int:
    """The last line of a script already applied: its line number and the script's text up
    to that line (``line_ids``: line -> identity) must both match a journal entry."""
    wanted = set(line_ids.values())
    found: set[tuple[str, int]] = set()
    ids = sorted(wanted)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(JournalRow.script_id, JournalRow.script_line).where(
                JournalRow.meeting_id == meeting_id,
                JournalRow.script_id.in_(ids[start : start + 500]),
            )
        )
        found.update((row[0], row[1]) for row in rows if row[1] is not None)
    return max((n for n, identity in line_ids.items() if (identity, n) in found), default=0)
