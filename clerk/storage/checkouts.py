"""Check-out rows (``clerk.domain.checkout``), and copying a meeting whole between databases.

A copy keeps everything that makes the meeting what it is: the meeting row, every entity of
its record with its id, its journal entry for entry (so the hash chain and ``clerk audit``
carry over), and the files kept with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from clerk.domain.checkout import Checkout, CheckoutState, Side
from clerk.domain.journal import JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.storage import register
from clerk.storage import repository as repo
from clerk.storage.checkout_rows import checkout_from_row, current_per_meeting
from clerk.storage.limits import fit
from clerk.storage.mapping import to_values
from clerk.storage.models import AttachmentRow, CheckoutRow, MeetingRow, table_of

#: Tables of files kept with a meeting, copied with it (and brought back). A new table of
#: files (reports attached to agenda items, say) joins this list: every column is copied but
#: ``meeting_id``, and a single-column ``id`` key, which the target database gives anew.
MEETING_FILE_TABLES: list[Table] = [table_of(AttachmentRow)]
#: The columns that say whether a file is already there (the same file for the same use).
FILE_IDENTITY: dict[str, tuple[str, ...]] = {"attachments": ("purpose", "sha256")}

_CHECKOUTS = table_of(CheckoutRow)


# -- check-out rows -----------------------------------------------------------------------


def add(
    conn: Connection, meeting_id: int, checkout: Checkout, depends: dict[str, Any] | None = None
) -> None:
    values = {
        "meeting_id": meeting_id,
        "side": checkout.side.value,
        "token": checkout.token,
        "role": checkout.role.value,
        "state": checkout.state.value,
        "machine": checkout.machine,
        "who": checkout.who,
        "checked_out_at": checkout.checked_out_at,
        "team": checkout.team,
        "team_meeting_id": checkout.team_meeting_id,
        "base_seq": checkout.base_seq,
        "base_hash": checkout.base_hash,
        "closed_at": checkout.closed_at,
        "closed_by": checkout.closed_by,
        "reason": checkout.reason,
        "depends": depends,
    }
    conn.execute(insert(_CHECKOUTS).values(**fit(_CHECKOUTS, values)))


def current(conn: Connection, meeting_id: int) -> Checkout | None:
    """The check-out that governs recording on a meeting here: one out on a laptop (team
    side), else the latest copy this database took of it (laptop side); None for neither."""
    rows = (
        conn.execute(
            select(_CHECKOUTS)
            .where(_CHECKOUTS.c.meeting_id == meeting_id)
            .order_by(_CHECKOUTS.c.id.desc())
        )
        .mappings()
        .all()
    )
    team_out = [r for r in rows if r["side"] == Side.TEAM and r["state"] == CheckoutState.OUT]
    if team_out:
        return checkout_from_row(team_out[0])
    laptop = [r for r in rows if r["side"] == Side.LAPTOP]
    return checkout_from_row(laptop[0]) if laptop else None


def all_current(conn: Connection) -> dict[int, Checkout]:
    """``current`` for every meeting that has a check-out row (for the list of meetings)."""
    rows = conn.execute(select(_CHECKOUTS).order_by(_CHECKOUTS.c.id)).mappings()
    return current_per_meeting(rows)


@dataclass(frozen=True)
class Held:
    """A check-out row with the local meeting it is about."""

    meeting_id: int
    checkout: Checkout
    depends: dict[str, Any] | None


def by_token(conn: Connection, token: str, side: Side) -> list[Held]:
    rows = conn.execute(
        select(_CHECKOUTS)
        .where(_CHECKOUTS.c.token == token, _CHECKOUTS.c.side == side.value)
        .order_by(_CHECKOUTS.c.id)
    ).mappings()
    return [Held(r["meeting_id"], checkout_from_row(r), r["depends"]) for r in rows]


def out_on(conn: Connection, meeting_id: int) -> Checkout | None:
    """The team-side check-out out on this meeting, if any."""
    row = (
        conn.execute(
            select(_CHECKOUTS).where(
                _CHECKOUTS.c.meeting_id == meeting_id,
                _CHECKOUTS.c.side == Side.TEAM.value,
                _CHECKOUTS.c.state == CheckoutState.OUT.value,
            )
        )
        .mappings()
        .first()
    )
    return checkout_from_row(row) if row is not None else None


def close(
    conn: Connection,
    token: str,
    side: Side,
    state: CheckoutState,
    at: datetime,
    by: str,
    reason: str = "",
    only_out: bool = True,
) -> int:
    """End the check-out ``token`` (its every meeting); returns how many rows changed."""
    query = update(_CHECKOUTS).where(_CHECKOUTS.c.token == token, _CHECKOUTS.c.side == side.value)
    if only_out:
        query = query.where(_CHECKOUTS.c.state == CheckoutState.OUT.value)
    values = fit(
        _CHECKOUTS,
        {"state": state.value, "closed_at": at, "closed_by": by, "reason": reason},
    )
    return int(conn.execute(query.values(**values)).rowcount)


def laptop_copy_of(conn: Connection, meeting_id: int) -> Held | None:
    """The latest laptop-side row for a local meeting."""
    row = (
        conn.execute(
            select(_CHECKOUTS)
            .where(_CHECKOUTS.c.meeting_id == meeting_id, _CHECKOUTS.c.side == Side.LAPTOP.value)
            .order_by(_CHECKOUTS.c.id.desc())
        )
        .mappings()
        .first()
    )
    return Held(row["meeting_id"], checkout_from_row(row), row["depends"]) if row else None


def bump_version(conn: Connection, meeting_id: int, expected: int) -> bool:
    """Move the meeting's version on (so a window holding a stale copy is told); False when
    someone else moved it first."""
    meetings = table_of(MeetingRow)
    done = conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.version == expected)
        .values(version=expected + 1)
    )
    return int(done.rowcount) == 1


# -- copying a meeting whole ----------------------------------------------------------------


@dataclass(frozen=True)
class MeetingCopy:
    """One meeting as it stands: its record, its journal and its kept files (rows)."""

    record: MeetingRecord
    journal: list[JournalEntry]
    files: dict[str, list[dict[str, Any]]]


def _file_key_columns(table: Table) -> set[str]:
    keys = {c.name for c in table.primary_key.columns}
    return {"id"} if keys == {"id"} else set()


def read_files(conn: Connection, meeting_id: int) -> dict[str, list[dict[str, Any]]]:
    files: dict[str, list[dict[str, Any]]] = {}
    for table in MEETING_FILE_TABLES:
        skip = _file_key_columns(table) | {"meeting_id"}
        order = [c for c in table.primary_key.columns]
        rows = conn.execute(
            select(table).where(table.c.meeting_id == meeting_id).order_by(*order)
        ).mappings()
        files[table.name] = [{k: v for k, v in row.items() if k not in skip} for row in rows]
    return files


def read_copy(conn: Connection, meeting_id: int) -> MeetingCopy:
    record, _version = repo.load_record(conn, meeting_id)
    return MeetingCopy(record, repo.load_journal(conn, meeting_id), read_files(conn, meeting_id))


def add_files(
    conn: Connection, meeting_id: int, files: dict[str, list[dict[str, Any]]], only_new: bool
) -> int:
    """Write kept files to a meeting; ``only_new``: skip those it already has. Returns how
    many were written."""
    written = 0
    by_name = {table.name: table for table in MEETING_FILE_TABLES}
    for name, rows in files.items():
        table = by_name[name]
        have: set[tuple[Any, ...]] = set()
        identity = FILE_IDENTITY.get(name)
        if only_new and identity:
            have = {
                tuple(row)
                for row in conn.execute(
                    select(*[table.c[c] for c in identity]).where(table.c.meeting_id == meeting_id)
                )
            }
        for row in rows:
            if identity and tuple(row[c] for c in identity) in have:
                continue
            conn.execute(insert(table).values(meeting_id=meeting_id, **row))
            written += 1
    return written


def write_copy(conn: Connection, copy: MeetingCopy, meeting_id: int | None = None) -> int:
    """Create the meeting here, exactly as copied (``meeting_id``: reuse that id)."""
    meeting = copy.record.meeting
    values = fit(table_of(MeetingRow), to_values(meeting, skip=("committee",)))
    cid = repo.committee_id(conn, meeting.committee)
    extra = {"id": meeting_id} if meeting_id is not None else {}
    result = conn.execute(
        insert(table_of(MeetingRow)).values(committee_id=cid, version=0, **extra, **values)
    )
    new_id = meeting_id if meeting_id is not None else int(result.inserted_primary_key[0])  # type: ignore[index]
    repo.insert_record_rows(conn, new_id, copy.record)
    for entry in copy.journal:
        repo.append_journal(conn, new_id, entry)
    add_files(conn, new_id, copy.files, only_new=False)
    first = copy.journal[0].hash if copy.journal else ""
    register.meeting_added(conn, new_id, copy.record.reference, "copied", first)
    return new_id


def remove_meeting(conn: Connection, meeting_id: int) -> None:
    """Delete a meeting and everything of it (its rows go with it: ON DELETE CASCADE)."""
    conn.execute(delete(table_of(MeetingRow)).where(table_of(MeetingRow).c.id == meeting_id))
