"""What a forger with write access to the database file can do, with nothing but SQL.

These helpers change rows directly; they use Clerk's own hashing and row writing only as a
convenience a forger could copy (the code is public). ``rewrite_journal`` changes one journal
entry and recomputes the hash chain after it, fixing the approval's and signing's pinned heads
so that the database agrees with itself; with ``register_too`` it rewrites the register's
pins and chain as well.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import inspect, text, update

from clerk.domain.changes import Changes
from clerk.domain.journal import JournalEntry
from clerk.domain.record import COLLECTIONS
from clerk.domain.signoff.integrity import rebuild
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk.storage.models import JournalRow, table_of


def plain_sql(database: Database, statement: str, **params: Any) -> None:
    """Behind Clerk's back: a statement on the database, not through any Clerk code."""
    with database.transaction() as conn:
        conn.execute(text(statement), params)


def has_table(database: Database, name: str) -> bool:
    with database.reading() as conn:
        return inspect(conn).has_table(name)


def delete_from(database: Database, meeting_id: int, seq: int) -> None:
    """Journal entries ``seq`` onwards deleted, and the record rolled back to match them."""
    with database.reading() as conn:
        entries = repo.load_journal(conn, meeting_id)
    kept = [e for e in entries if e.seq < seq]
    _write_record(database, meeting_id, kept)
    plain_sql(
        database, "DELETE FROM journal WHERE meeting_id = :m AND seq >= :s", m=meeting_id, s=seq
    )


def _write_record(database: Database, meeting_id: int, entries: list[JournalEntry]) -> None:
    """Make the stored record what ``entries`` rebuild (so record and journal agree)."""
    with database.transaction() as conn:
        stored, version = repo.load_record(conn, meeting_id)
        wanted = rebuild(entries, stored)
        changes = Changes()
        for name in COLLECTIONS:
            have, want = stored.collection(name), wanted.collection(name)
            differ = {
                key: (have.get(key), want.get(key))
                for key in have.keys() | want.keys()
                if have.get(key) != want.get(key)
            }
            if differ:
                changes.entities[name] = differ
        if stored.meeting != wanted.meeting:
            changes.meeting = (stored.meeting, wanted.meeting)
        repo.write_changes(conn, meeting_id, changes, version)


def rewrite_journal(
    database: Database,
    meeting_id: int,
    seq: int,
    mutate: Callable[[dict[str, Any]], None],
    register_too: bool = False,
) -> None:
    """Change journal entry ``seq`` (``mutate`` edits its ``changes`` JSON in place), then
    recompute every hash after it, fixing the heads approval and signing pinned."""
    with database.reading() as conn:
        entries = repo.load_journal(conn, meeting_id)
    rewritten: list[JournalEntry] = []
    previous = ""
    for entry in entries:
        if entry.seq < seq:
            rewritten.append(entry)
            previous = entry.hash
            continue
        changes = copy.deepcopy(entry.changes)
        params = copy.deepcopy(entry.params)
        if entry.seq == seq:
            mutate(changes)
        if entry.kind in ("approve", "sign"):
            params["chain_head"] = previous
            for pair in changes.get("signoff", {}).values():
                if pair[1] is not None:
                    pair[1]["chain_head"] = previous
        new = replace(entry, changes=changes, params=params, prev_hash=previous)
        new = replace(new, hash=new.content_hash())
        rewritten.append(new)
        previous = new.hash
    _write_record(database, meeting_id, rewritten)
    journal = table_of(JournalRow)
    with database.transaction() as conn:
        for entry in rewritten[seq - 1 :]:
            conn.execute(
                update(journal)
                .where(journal.c.meeting_id == meeting_id, journal.c.seq == entry.seq)
                .values(
                    changes=entry.changes,
                    params=entry.params,
                    prev_hash=entry.prev_hash,
                    hash=entry.hash,
                )
            )
    if register_too:
        _rewrite_register(database, meeting_id, {e.seq: e.hash for e in rewritten})


def _rewrite_register(database: Database, meeting_id: int, hashes: dict[int, str]) -> None:
    from clerk.storage import register
    from clerk.storage.models import RegisterRow

    with database.reading() as conn:
        entries = register.load(conn)
    previous = ""
    changed = False
    with database.transaction() as conn:
        for entry in entries:
            data = copy.deepcopy(entry.data)
            if entry.subject == str(meeting_id) and entry.kind in ("approve", "sign"):
                data["journal_hash"] = hashes[int(data["journal_seq"])]
                changed = True
            if changed:
                new = replace(entry, data=data, prev_hash=previous or entry.prev_hash)
                new = replace(new, hash=new.content_hash())
                table = table_of(RegisterRow)
                conn.execute(
                    update(table)
                    .where(table.c.seq == new.seq)
                    .values(data=new.data, prev_hash=new.prev_hash, hash=new.hash)
                )
                previous = new.hash
            else:
                previous = entry.hash
