"""Damaged Clerk databases: moved aside (never overwritten or deleted) by what writes, one
clear sentence, and the newest backup offered. (Files that are not Clerk databases are never
moved: tests/reliability/test_database_paths.py.)"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.services.demo import load_demo
from clerk.storage import backup as backups
from clerk.storage.database import Access, DamagedDatabase, NewerDatabase, open_database
from clerk.storage.integrity import aside_name
from tests.conftest import ROOT, run_clerk


def make_demo(path: Path) -> None:
    database = open_database(str(path))
    try:
        load_demo(database)  # closing meeting 1 makes a backup
    finally:
        database.dispose()


def truncate(path: Path, size: int = 60_000) -> None:
    path.write_bytes(path.read_bytes()[:size])


def scribble(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk might."""
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 16384):
        data[offset : offset + 512] = b"\xde\xad\xbe\xef" * 128
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (truncate, "SQLite says: database disk image is malformed"),
        (scribble, "SQLite"),
    ],
)
def test_a_damaged_database_is_moved_aside_and_the_newest_backup_offered(
    tmp_path: Path, spoil: object, reason: str
) -> None:
    db = tmp_path / "clerk.sqlite3"
    make_demo(db)
    newest = backups.newest_backup(db)
    assert newest is not None
    spoil(db)  # type: ignore[operator]
    spoiled = db.read_bytes()
    with pytest.raises(DamagedDatabase) as raised:
        open_database(str(db), access=Access.WRITE)
    error = raised.value
    assert error.newest_backup == newest
    assert error.moved_to is not None
    message = str(error)
    assert message.startswith(f"{db} is damaged (")
    assert reason in message
    assert f"moved it aside to {error.moved_to}; the newest backup is {newest}." in message
    assert message.count(". ") == 0  # one sentence
    # Moved, byte for byte; nothing at the old name; nothing deleted.
    assert error.moved_to.read_bytes() == spoiled
    assert error.moved_to.name.startswith("clerk.sqlite3.")
    assert not db.exists()
    # Clerk starts afresh on the next open; the backup restores the meeting.
    fresh = open_database(str(db))
    assert fresh.is_empty() is False
    fresh.dispose()


def test_the_command_says_one_sentence_with_the_restore_command(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(db), "demo", check=True)
    newest = backups.newest_backup(db)
    truncate(db)
    result = run_clerk("--db", str(db), "list")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"clerk: error: {db} is damaged (")
    assert lines[0].endswith(f"restore the newest backup with: clerk --db {db} restore {newest}")
    assert "Traceback" not in result.stderr
    # Doing as told brings the meeting back.
    restored = run_clerk("--db", str(db), "restore", str(newest), check=True)
    assert f"Restored {newest} into {db}" in restored.stdout
    listing = run_clerk("--db", str(db), "list", check=True)
    assert "cyp-scrutiny-board/2021-08-18" in listing.stdout
    assert (
        len(
            [
                p
                for p in tmp_path.glob("clerk.sqlite3.damaged-*")
                if not p.name.endswith(("-wal", "-shm"))
            ]
        )
        == 1
    )


def clerk_header_only(path: Path) -> None:
    """A Clerk database's first page (its header names Clerk), then damage."""
    head = path.read_bytes()[:4096]
    path.write_bytes(head + b"\xde\xad" * 30_000)


def test_without_a_backup_the_user_is_told_so(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    open_database(str(db)).dispose()
    clerk_header_only(db)
    with pytest.raises(DamagedDatabase, match="there is no backup of it"):
        open_database(str(db), access=Access.WRITE)


def test_a_reading_command_leaves_a_damaged_database_where_it_is(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    make_demo(db)
    newest = backups.newest_backup(db)
    truncate(db)
    spoiled = db.read_bytes()
    with pytest.raises(DamagedDatabase) as raised:
        open_database(str(db), access=Access.READ)
    assert raised.value.moved_to is None
    assert raised.value.newest_backup == newest
    assert str(raised.value).startswith(f"{db} is damaged (SQLite says: ")
    assert "Clerk has left it as it is; the newest backup is" in str(raised.value)
    assert db.read_bytes() == spoiled
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_moving_aside_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    moved = []
    for n in range(3):
        open_database(str(db)).dispose()
        clerk_header_only(db)
        with db.open("ab") as handle:
            handle.write(f"damaged {n}".encode())
        with pytest.raises(DamagedDatabase) as raised:
            open_database(str(db), access=Access.WRITE)
        assert raised.value.moved_to is not None
        moved.append(raised.value.moved_to)
    assert len(set(moved)) == 3
    assert [p.read_bytes()[-8:] for p in moved] == [f"amaged {n}".encode() for n in range(3)]
    assert aside_name(db, "damaged") not in moved or not aside_name(db, "damaged").exists()


def test_the_wal_goes_with_the_file_it_belongs_to(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    open_database(str(db)).dispose()
    clerk_header_only(db)
    Path(f"{db}-wal").write_bytes(b"wal bytes")
    with pytest.raises(DamagedDatabase) as raised:
        open_database(str(db), access=Access.WRITE)
    assert raised.value.moved_to is not None
    assert Path(f"{raised.value.moved_to}-wal").read_bytes() == b"wal bytes"
    assert not Path(f"{db}-wal").exists()


def test_a_database_from_a_newer_clerk_is_refused_not_moved(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    open_database(str(db)).dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    with pytest.raises(NewerDatabase, match="made by a newer version of Clerk"):
        open_database(str(db))
    assert db.exists()


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "clerk.sqlite3"
    db.touch()
    database = open_database(str(db))
    assert database.current_revision() is not None
    database.dispose()


def test_a_disk_error_is_not_taken_for_damage(tmp_path: Path) -> None:
    """SQLite cannot make its working files (a file-size limit stands in for a failing or
    full disk): Clerk says so and moves nothing; the database is as it was."""
    db = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(db), "demo", check=True)
    before = db.read_bytes()

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run(
        [sys.executable, "-m", "clerk", "--db", str(db), "list"],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"clerk: error: Clerk cannot open {db} just now (disk I/O error); it has not been changed."
    )
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.damaged-*")) == []
    assert "cyp-scrutiny-board" in run_clerk("--db", str(db), "list", check=True).stdout
