"""Is this file a sound Clerk database? A quick check on open, and moving a bad file aside.

A file that is damaged, or is not a Clerk database at all, is never overwritten or deleted:
it is renamed to a timestamped name beside it (with its ``-wal`` and ``-shm`` files), so that
nothing in it is lost and Clerk can start on a fresh or restored database.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from clerk.domain.errors import ClerkError

SQLITE_HEADER = b"SQLite format 3\x00"
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


def _header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER))


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
    if conn.dialect.name != "sqlite":
        return []
    rows = [str(row[0]) for row in conn.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else rows
