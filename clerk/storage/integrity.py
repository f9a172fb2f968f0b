"""Is this file a Clerk database, and is it sound? Looked at before Clerk opens anything.

``identify`` says what is at a path without changing it: nothing, a folder, an empty file, a
file that is not SQLite, another program's SQLite database, or a Clerk database. Only a Clerk
database is ever opened for writing. A Clerk database that fails SQLite's quick check is
never overwritten or deleted: a command that writes renames it to a timestamped name beside
it (with its ``-wal`` and ``-shm`` files), so that nothing in it is lost and Clerk can start
on a restored database. Anything else is left exactly as it was.

A Clerk database says so in its SQLite header (``PRAGMA application_id``, set by migration
0018), which survives most damage; older files are known by their tables, and a damaged one
whose tables cannot be read by the backups Clerk made of it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.domain.errors import ClerkError
from clerk.storage.backup import list_backups

if TYPE_CHECKING:
    from sqlalchemy import Connection

SQLITE_HEADER = b"SQLite format 3\x00"
#: Clerk's mark in the SQLite header (``PRAGMA application_id``): "CLRK" as a big-endian int.
CLERK_APPLICATION_ID = int.from_bytes(b"CLRK", "big")
#: Where SQLite keeps the application id in the header.
APPLICATION_ID_OFFSET = 68
#: Tables that only a Clerk database has together (files from before the application id).
CLERK_TABLES = frozenset({"alembic_version", "meetings", "journal", "council"})
SIDECARS = ("-wal", "-shm")
#: The SQLite errors that mean the file itself is damaged or not a database.
DAMAGE = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class UnreadableDatabase(ClerkError):
    """The database cannot be read for a reason that is not the file's (disk, room, lock)."""


@dataclass(frozen=True)
class Finding:
    """What is wrong with a file, in words a clerk can read."""

    damaged: bool  # True: a damaged database; False: not a Clerk database at all
    reason: str


class FileKind(Enum):
    """What is at a database path, as far as Clerk is concerned."""

    MISSING = "missing"
    FOLDER = "folder"
    OTHER = "other"  # not a regular file: a device, a pipe, a socket
    EMPTY = "empty"  # a file of no bytes, or an SQLite database with no tables
    NOT_SQLITE = "not-sqlite"
    FOREIGN = "foreign"  # another program's SQLite database
    UNKNOWN_DAMAGED = "unknown-damaged"  # a damaged SQLite file not known to be Clerk's
    CLERK = "clerk"  # a Clerk database, sound or not (``check_sqlite_file`` says)


def _header(path: Path, size: int = len(SQLITE_HEADER)) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def identify(path: Path) -> FileKind:
    """What is at ``path``, read without changing anything.

    Raises ``UnreadableDatabase`` when the file cannot be read for a reason that is not its
    own (permissions, a disk error): then nothing can be said about it.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileKind.MISSING
    except NotADirectoryError:
        return FileKind.MISSING  # a parent is a file: there is nothing at this path
    except OSError as error:
        raise UnreadableDatabase(
            f"Clerk cannot look at {path} ({error.strerror}); it has not been changed."
        ) from None
    if stat.S_ISDIR(info.st_mode):
        return FileKind.FOLDER
    if not stat.S_ISREG(info.st_mode):
        return FileKind.OTHER
    if info.st_size == 0:
        return FileKind.EMPTY
    try:
        header = _header(path, APPLICATION_ID_OFFSET + 4)
    except OSError as error:
        raise UnreadableDatabase(
            f"Clerk cannot read {path} ({error.strerror}); it has not been changed."
        ) from None
    if not header.startswith(SQLITE_HEADER):
        return FileKind.NOT_SQLITE
    if int.from_bytes(header[APPLICATION_ID_OFFSET:], "big") == CLERK_APPLICATION_ID:
        return FileKind.CLERK
    try:
        tables = _table_names(path)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") not in DAMAGE:
            raise UnreadableDatabase(
                f"Clerk cannot open {path} just now ({error}); it has not been changed."
            ) from None
        # Its tables cannot be read: Clerk's own if Clerk has backed it up.
        return FileKind.CLERK if list_backups(path) else FileKind.UNKNOWN_DAMAGED
    if not tables:
        return FileKind.EMPTY
    return FileKind.CLERK if tables >= CLERK_TABLES else FileKind.FOREIGN


def _table_names(path: Path) -> set[str]:
    """The tables in an SQLite file, leaving no trace: with no write-ahead log beside it the
    file is read as immutable (an ordinary read-only open of a WAL-mode database would make
    ``-wal`` and ``-shm`` files beside another program's database)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        conn = _connect_read_only(path)  # the log holds part of the database: read it too
    else:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, timeout=10)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    return {str(row[0]) for row in rows if not str(row[0]).startswith("sqlite_")}


def _connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, timeout=10)


def clerk_revision(path: Path) -> str | None:
    """The Alembic revision stored in a sound SQLite file, or None when it has none."""
    conn = _connect_read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


def sqlite_revisions(path: Path, immutable: bool = False) -> list[str] | None:
    """The rows of ``alembic_version`` in an SQLite file; None when the file or the table is
    not there. Read with the standard library, without changing the file (``immutable``: on
    a read-only disk, where SQLite cannot make its working files)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = _connect_read_only(path, immutable)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None
        return [str(row[0]) for row in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()


def check_sqlite_file(path: Path, immutable: bool = False) -> Finding | None:
    """None when ``path`` is missing, empty, or a sound Clerk database; else what is wrong.

    A quick check: the file header, SQLite's ``quick_check`` and Clerk's schema version.
    A database made by a newer Clerk is sound (None): it is the caller's to refuse it.
    ``immutable``: the file is on a read-only disk, where SQLite cannot make its working files.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        header = _header(path)
    except OSError as error:
        return Finding(True, f"it cannot be read ({error.strerror})")
    if header != SQLITE_HEADER:
        return Finding(False, "it is not a database file")
    try:
        conn = _connect_read_only(path, immutable)
        try:
            result = [row[0] for row in conn.execute("PRAGMA quick_check")]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") in DAMAGE:
            return Finding(True, f"SQLite says: {error}")
        # Not the file's fault (a disk error, no room for SQLite's working files, a lock):
        # nothing is moved; the user is told what stopped Clerk.
        raise UnreadableDatabase(
            f"Clerk cannot open {path} just now ({error}); it has not been changed."
        ) from None
    if result != ["ok"]:
        return Finding(True, f"SQLite's integrity check found: {'; '.join(result[:3])}")
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if not user_tables:
        return None  # an empty database: Clerk will set it up
    if revision is None:
        return Finding(False, "it is an SQLite database of another program")
    return None


def aside_name(path: Path, label: str, now: datetime | None = None) -> Path:
    """A free name beside ``path``: ``clerk.sqlite3.damaged-20240918-093012``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while any(Path(f"{candidate}{s}").exists() for s in ("", *SIDECARS)):
        counter += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    return candidate


def move_aside(path: Path, label: str) -> Path:
    """Rename the file (and its -wal / -shm) to a new timestamped name; returns the new path."""
    target = aside_name(path, label)
    path.rename(target)
    for suffix in SIDECARS:
        sidecar = Path(f"{path}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            sidecar.rename(Path(f"{target}{suffix}"))
    return target


def integrity_problems(conn: Connection) -> list[str]:
    """SQLite's full ``integrity_check`` on an open connection; a server database has none."""
    from sqlalchemy import text

    if conn.dialect.name != "sqlite":
        return []
    rows = [str(row[0]) for row in conn.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else rows
