"""Storage: pragmas, migrations, every action committed with its journal entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk.domain.actions.attendance import Present
from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS
from clerk.services.recording import MeetingSession, state_from_journal
from clerk.storage import repository as repo
from clerk.storage.database import Database, head_revision, open_database
from clerk.storage.models import JournalRow, table_of


def test_sqlite_runs_wal_full_sync_and_foreign_keys(sqlite_database: Database) -> None:
    with sqlite_database.reading() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_new_database_is_migrated_to_head(database: Database) -> None:
    assert database.current_revision() == head_revision()
    assert open_database(database.url).upgrade() is False  # already at head


def test_every_action_is_committed_before_the_call_returns(sqlite_demo: Database) -> None:
    session = MeetingSession(sqlite_demo, 2)
    session.apply(Present("bye"))
    path = sqlite_demo.path
    assert path is not None
    # A separate, plain sqlite3 connection sees the row and its journal entry at once.
    with sqlite3.connect(path) as other:
        status = other.execute(
            "SELECT status FROM attendance WHERE meeting_id = 2 AND person_id = 'bye'"
        ).fetchone()
        journal = other.execute(
            "SELECT kind, label, who FROM journal WHERE meeting_id = 2 ORDER BY seq DESC"
        ).fetchone()
    assert status == ("present",)
    assert journal == ("present", "mark Councillor Bye present", "test-clerk")


def test_a_failed_write_leaves_neither_change_nor_journal(sqlite_demo: Database) -> None:
    session = MeetingSession(sqlite_demo, 2)
    stale = MeetingSession(sqlite_demo, 2)
    session.apply(Present("bye"))
    with pytest.raises(repo.ConcurrentEdit, match="Someone else has recorded"):
        stale.apply(Present("barnby"))
    with sqlite_demo.reading() as conn:
        record, _ = repo.load_record(conn, 2)
        entries = conn.execute(
            select(func.count()).select_from(table_of(JournalRow)).where(JournalRow.meeting_id == 2)
        ).scalar_one()
    assert [a.person_id for a in record.attendance.values()] == ["bye"]
    assert entries == session.tail_seq
    # The stale session reloaded: it now sees Bye and can record.
    stale.apply(Present("barnby"))
    assert {a.person_id for a in stale.record.attendance.values()} == {"bye", "barnby"}


def test_the_journal_rebuilds_the_meeting_and_its_chain_verifies(demo_database: Database) -> None:
    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, 1)
        entries = repo.load_journal(conn, 1)
    assert verify_chain(entries) == []
    rebuilt = state_from_journal(entries, record)
    for name in COLLECTIONS:
        assert rebuilt.collection(name) == record.collection(name), name
    assert rebuilt.meeting == record.meeting


def test_a_journal_row_changed_with_plain_sql_breaks_the_chain(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "c.sqlite3"))
    from clerk.services.demo import load_demo

    load_demo(db)
    with sqlite3.connect(tmp_path / "c.sqlite3") as raw:
        raw.execute("UPDATE journal SET label = 'nothing to see' WHERE meeting_id = 1 AND seq = 9")
    with db.reading() as conn:
        problems = verify_chain(repo.load_journal(conn, 1))
    assert problems == ["Journal entry 9 (nothing to see) has been altered."]
