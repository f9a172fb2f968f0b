"""The register's rows: appended in the writer's transaction, read back for the checks.

Appends are serialised (PostgreSQL: a transaction-level advisory lock; SQLite has one writer),
so two clerks registering at once each get the next number and the chain stays unbroken.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, text

from clerk.domain.journal import GENESIS
from clerk.domain.register import RegisterEntry
from clerk.domain.serial import to_json
from clerk.identity import current_user
from clerk.storage import seals
from clerk.storage.limits import fit
from clerk.storage.models import RegisterRow, table_of

#: The PostgreSQL advisory lock key that serialises appends to the register.
LOCK_KEY = 2020_0020


def _tail(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        select(RegisterRow.seq, RegisterRow.hash).order_by(RegisterRow.seq.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row is not None else (0, GENESIS)


def append(
    conn: Connection, kind: str, subject: str, data: dict[str, Any], who: str = ""
) -> RegisterEntry:
    """Add an entry at the end of the register (in the caller's transaction)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    seq, previous = _tail(conn)
    entry = RegisterEntry(
        seq=seq + 1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who=who or current_user(),
        kind=kind,
        subject=subject,
        data=to_json(data),
        prev_hash=previous,
    )
    entry = replace(entry, hash=entry.content_hash())
    values = {
        "seq": entry.seq,
        "recorded_at": entry.recorded_at,
        "who": entry.who,
        "kind": entry.kind,
        "subject": entry.subject,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
        "seal": seals.seal(entry.hash),
    }
    conn.execute(insert(table_of(RegisterRow)), dict(fit(table_of(RegisterRow), values)))
    return entry


def meeting_added(
    conn: Connection, meeting_id: int, reference: str, how: str, first_hash: str, who: str = ""
) -> RegisterEntry:
    """A meeting created, imported or copied here (``how``): the register pins the entry its
    journal begins with, so a meeting added or rewritten behind Clerk's back is noticed."""
    data = {"reference": reference, "how": how, "journal_hash": first_hash}
    return append(conn, "meeting", str(meeting_id), data, who)


def setup_change(
    conn: Connection, kind: str, subject: str, before: Any, after: Any, who: str = ""
) -> None:
    """Register a change to the council, a person or a committee, when there is one."""
    old, new = to_json(before), to_json(after)
    if old != new:
        append(conn, kind, subject, {"before": old, "after": new}, who)


def _entry(row: Any) -> RegisterEntry:
    return RegisterEntry(
        seq=row["seq"],
        recorded_at=row["recorded_at"],
        who=row["who"],
        kind=row["kind"],
        subject=row["subject"],
        data=row["data"],
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def load(conn: Connection) -> list[RegisterEntry]:
    rows = conn.execute(select(table_of(RegisterRow)).order_by(RegisterRow.seq)).mappings()
    return [_entry(row) for row in rows]


def load_for_meeting(conn: Connection, meeting_id: int) -> list[RegisterEntry]:
    """The entries about one meeting: its creation, its approval and signing."""
    rows = conn.execute(
        select(table_of(RegisterRow))
        .where(
            RegisterRow.subject == str(meeting_id),
            RegisterRow.kind.in_(("meeting", "approve", "sign")),
        )
        .order_by(RegisterRow.seq)
    ).mappings()
    return [_entry(row) for row in rows]


def load_seals(conn: Connection) -> dict[int, str]:
    """Each register entry's seal, by its number."""
    rows = conn.execute(select(RegisterRow.seq, RegisterRow.seal))
    return {int(row[0]): str(row[1] or "") for row in rows}
