"""What is at the database path decides what Clerk may do there.

A folder, a file that is not SQLite, another program's SQLite database (or a damaged SQLite
file Clerk cannot tell is its own) is never moved or changed, by any command: Clerk refuses in
one sentence. Nothing at the path (or an empty file) becomes a database only for what creates
databases. Only a Clerk database failing its check is moved aside, and only by what writes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from clerk.services import maintenance
from clerk.services.demo import load_demo
from clerk.storage import backup as backups
from clerk.storage.database import (
    Access,
    DamagedDatabase,
    NoDatabase,
    NotAClerkDatabase,
    alembic_config,
    head_revision,
    open_database,
)
from clerk.storage.integrity import (
    APPLICATION_ID_OFFSET,
    CLERK_APPLICATION_ID,
    FileKind,
    identify,
)

Snapshot = dict[str, tuple[str, bytes | None, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every name under ``folder`` with its kind, bytes and modification time."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_dir():
            found[str(path.relative_to(folder))] = ("dir", None, info.st_mtime_ns)
        elif path.is_file():
            found[str(path.relative_to(folder))] = ("file", path.read_bytes(), info.st_mtime_ns)
        else:
            found[str(path.relative_to(folder))] = ("other", None, info.st_mtime_ns)
    return found


def a_folder(path: Path) -> None:
    path.mkdir()
    (path / "letter.txt").write_text("Dear Councillor Bye,")


def a_text_file(path: Path) -> None:
    path.write_text("Agenda for the Board, 20 September 2021\n")


def another_programs_database(path: Path, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.execute("INSERT INTO photos VALUES (1, 'Torquay harbour')")
    conn.commit()
    conn.close()


def a_damaged_unknown_sqlite_file(path: Path) -> None:
    """An SQLite header, then nothing readable: whose it was cannot be told."""
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + b"\xde\xad" * 4000)


def a_pipe(path: Path) -> None:
    os.mkfifo(path)


NOT_CLERK = {
    "a folder": (a_folder, "is a folder, not a Clerk database"),
    "a text file": (a_text_file, "is not a Clerk database (it is not an SQLite database file)"),
    "another program's database": (
        another_programs_database,
        "is another program's SQLite database, not a Clerk database",
    ),
    "another program's database in WAL mode": (
        lambda p: another_programs_database(p, wal=True),
        "is another program's SQLite database, not a Clerk database",
    ),
    "a damaged SQLite file of unknown origin": (
        a_damaged_unknown_sqlite_file,
        "is a damaged SQLite file that Clerk cannot tell is one of its databases",
    ),
    "a pipe": (a_pipe, "is not a Clerk database (it is not an ordinary file)"),
}


@pytest.mark.parametrize("access", list(Access))
@pytest.mark.parametrize("case", list(NOT_CLERK))
def test_what_is_not_a_clerk_database_is_refused_and_left_exactly_as_it_was(
    tmp_path: Path, case: str, access: Access
) -> None:
    make, words = NOT_CLERK[case]
    target = tmp_path / "Documents"
    make(target)
    before = snapshot(tmp_path)
    with pytest.raises(NotAClerkDatabase) as raised:
        open_database(str(target), access=access)
    message = str(raised.value)
    assert message == message.strip() and message.endswith("; Clerk has left it as it is.")
    assert message.startswith(f"{target} {words}")
    assert "\n" not in message
    assert snapshot(tmp_path) == before  # not moved, not changed, no lock or WAL beside it


@pytest.mark.parametrize("access", [Access.READ, Access.WRITE])
def test_nothing_at_the_path_is_refused_unless_creating(tmp_path: Path, access: Access) -> None:
    target = tmp_path / "mistyped" / "clerk.sqlite3"
    with pytest.raises(NoDatabase, match=f"^No database at {target}.$"):
        open_database(str(target), access=access)
    assert list(tmp_path.iterdir()) == []  # not even the folder


def test_creating_makes_the_database_and_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "clerk.sqlite3"
    database = open_database(str(target), access=Access.CREATE)
    database.dispose()
    assert identify(target) is FileKind.CLERK


@pytest.mark.parametrize("access", [Access.READ, Access.WRITE])
def test_an_empty_file_is_set_up_only_when_creating(tmp_path: Path, access: Access) -> None:
    target = tmp_path / "clerk.sqlite3"
    target.touch()
    before = snapshot(tmp_path)
    with pytest.raises(NoDatabase, match="is empty, not yet a Clerk database") as raised:
        open_database(str(target), access=access)
    assert raised.value.empty
    assert snapshot(tmp_path) == before
    open_database(str(target), access=Access.CREATE).dispose()
    assert identify(target) is FileKind.CLERK


def test_a_clerk_database_says_so_in_its_header(tmp_path: Path) -> None:
    target = tmp_path / "clerk.sqlite3"
    open_database(str(target)).dispose()
    header = target.read_bytes()[:100]
    assert int.from_bytes(header[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big") == (
        CLERK_APPLICATION_ID
    )
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == CLERK_APPLICATION_ID
    conn.close()


def older_clerk_database(path: Path) -> None:
    """A database as a Clerk before the header mark left it: schema 0002, application id 0."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.commit()
    conn.close()
    backups.make_backup(path, "close")


def test_a_database_from_an_older_clerk_is_known_by_its_tables_and_marked(
    tmp_path: Path,
) -> None:
    target = tmp_path / "clerk.sqlite3"
    older_clerk_database(target)
    assert identify(target) is FileKind.CLERK
    database = open_database(str(target), access=Access.READ)
    try:
        assert database.current_revision() == head_revision()
    finally:
        database.dispose()
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == CLERK_APPLICATION_ID
    conn.close()


def spoil_first_page(path: Path) -> None:
    """Scribble over the schema on page 1, keeping the 100-byte header."""
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)
    path.write_bytes(bytes(data))


def test_an_older_clerk_database_damaged_past_reading_is_known_by_its_backups(
    tmp_path: Path,
) -> None:
    target = tmp_path / "clerk.sqlite3"
    older_clerk_database(target)
    assert backups.newest_backup(target) is not None  # closing the demo meeting made one
    spoil_first_page(target)
    assert identify(target) is FileKind.CLERK
    with pytest.raises(DamagedDatabase) as raised:
        open_database(str(target), access=Access.WRITE)
    assert raised.value.moved_to is not None and raised.value.moved_to.exists()
    assert raised.value.newest_backup == backups.newest_backup(target)


def test_the_same_damage_without_backups_is_not_taken_for_clerks(tmp_path: Path) -> None:
    target = tmp_path / "clerk.sqlite3"
    older_clerk_database(target)
    for found in backups.list_backups(target):
        found.path.unlink()
    spoil_first_page(target)
    before = snapshot(tmp_path)
    with pytest.raises(NotAClerkDatabase, match="cannot tell is one of its databases"):
        open_database(str(target), access=Access.WRITE)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", ["a folder", "a text file", "another program's database"])
def test_restore_never_replaces_what_is_not_a_clerk_database(tmp_path: Path, case: str) -> None:
    source = tmp_path / "source.sqlite3"
    database = open_database(str(source))
    load_demo(database)
    backup = maintenance.backup_now(database, tmp_path / "backup.sqlite3")
    database.dispose()
    target = tmp_path / "place" / "Documents"
    target.parent.mkdir()
    NOT_CLERK[case][0](target)
    before = snapshot(target.parent)
    with pytest.raises(NotAClerkDatabase, match="Clerk has left it as it is"):
        maintenance.restore(str(target), backup)
    assert snapshot(target.parent) == before


def test_restore_into_a_damaged_clerk_database_moves_it_aside(tmp_path: Path) -> None:
    target = tmp_path / "clerk.sqlite3"
    database = open_database(str(target))
    load_demo(database)
    database.dispose()
    backup = backups.newest_backup(target)
    assert backup is not None
    spoiled = target.read_bytes()[:8192] + b"\x00" * 100
    target.write_bytes(spoiled)
    done = maintenance.restore(str(target), backup)
    assert done.moved_aside is not None and done.moved_aside.read_bytes() == spoiled
    assert identify(target) is FileKind.CLERK
