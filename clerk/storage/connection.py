"""One open database: its engine (made on first use), transactions, consistent reads, the
schema's upgrade and backups. ``clerk.storage.database.open_database`` opens one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk.domain.errors import ClerkError, one_line
from clerk.fileio import protect, release
from clerk.storage import backup as backups
from clerk.storage.engine import make_engine, sqlite_path
from clerk.storage.integrity import sqlite_revisions
from clerk.storage.locking import DatabaseInUse, WriterLock
from clerk.storage.migration import (
    NewerDatabase,
    alembic_config,
    check_foreign_keys,
    foreign_keys_off,
    head_revision,
    known_revisions,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.exc import OperationalError

# SQLAlchemy is imported when the database is first read or written through it, not when it
# is opened: opening an SQLite file already at head (lock, checks, backup) is the standard
# library's work, so the window's first screen can be up before SQLAlchemy is loaded.

log = logging.getLogger("clerk.storage.database")

#: Called with the database and its current revision before a migration runs.
BackupHook = Callable[["Database", str], None]


class NotAClerkDatabase(ClerkError):
    """Something that is not a Clerk database is where the database should be; left as is."""


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _read_only_engine(path: Path, immutable: bool = False) -> Engine:
    """Reads only; ``immutable``: on a read-only disk, where SQLite cannot make its working
    files (and nothing can change the file meanwhile)."""
    from sqlalchemy import create_engine, event

    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    engine = create_engine(f"sqlite:///{path.as_uri()}?{flags}&uri=true")
    event.listen(engine, "connect", _read_only_pragmas)
    return engine


#: What to do about a database opened read-only because another Clerk has it.
CLOSE_THE_OTHER = "Close the other Clerk and try again."


class Database:
    def __init__(
        self,
        url: str,
        read_only_because: str | None = None,
        remedy: str = CLOSE_THE_OTHER,
        immutable: bool = False,
    ) -> None:
        self.url = url
        path = sqlite_path(url)
        #: Why this database may only be read (another Clerk writes to it, a read-only disk).
        self.read_only_because = read_only_because
        #: What the user can do about it.
        self.remedy = remedy
        self.immutable = immutable
        self._engine: Engine | None = None
        #: Things the user should be told about opening it (read-only, a backup that failed).
        self.notices: list[str] = []
        self._lock: WriterLock | None = None
        if path is not None:
            protect(path)  # no -o, backup or export is ever written over it
        self._protected = path

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            path = self.path
            self._engine = (
                _read_only_engine(path, self.immutable)
                if self.read_only_because is not None and path is not None
                else make_engine(self.url)
            )
        return self._engine

    @property
    def read_only(self) -> bool:
        return self.read_only_because is not None

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.url)

    def describe(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def current_revision(self) -> str | None:
        path = self.path
        if path is not None and self._engine is None:
            found = sqlite_revisions(path, self.immutable)  # read without SQLAlchemy
            if found is None or len(found) <= 1:
                return found[0] if found else None
        from sqlalchemy import inspect, text

        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            if len(versions) <= 1:
                return str(versions[0][0]) if versions else None
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()  # says what is wrong

    def is_empty(self) -> bool:
        from sqlalchemy import inspect

        with self.engine.connect() as conn:
            return not inspect(conn).get_table_names()

    def upgrade(self, before_upgrade: BackupHook | None = None) -> bool:
        """Bring the schema to head; True when anything was migrated."""
        current = self.current_revision()
        head = head_revision()
        if current == head:
            return False
        if current is None and not self.is_empty():
            raise NotAClerkDatabase(f"{self.describe()} is not a Clerk database.")
        if current is not None and current not in known_revisions():
            raise NewerDatabase(
                f"{self.describe()} was made by a newer version of Clerk (schema {current}): "
                "install the newer Clerk to open it."
            )
        if self.read_only_because is not None:
            raise DatabaseInUse(
                f"Clerk cannot upgrade {self.describe()}: {self.read_only_because}. {self.remedy}"
            )
        if current is not None and before_upgrade is not None:
            before_upgrade(self, current)
        from alembic import command

        with self.migrating() as conn:
            command.upgrade(alembic_config(conn), "head")
        log.info("database %s upgraded from %s to %s", self.describe(), current, head)
        return True

    @contextmanager
    def migrating(self) -> Iterator[Connection]:
        """One transaction to migrate the schema in (up, or down in tests): on SQLite with
        foreign keys off, and checked before it commits."""
        with self.engine.connect() as conn, foreign_keys_off(conn), conn.begin():
            yield conn
            check_foreign_keys(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One committed transaction: everything in it is on disk when the block ends."""
        if self.read_only_because is not None:
            raise DatabaseInUse(
                f"Nothing was saved: {self.read_only_because}, so this Clerk may only read it. "
                f"{self.remedy}"
            )
        from sqlalchemy.exc import DataError, OperationalError

        try:
            with self.engine.begin() as conn:
                yield conn
        except DataError as error:  # a value the database refuses: nothing was committed
            raise ClerkError(
                one_line(f"The database refused a value ({error.orig}); nothing was saved.")
            ) from None
        except OperationalError as error:  # the disk or the server: nothing was committed
            raise ClerkError(self._not_saved(error)) from None

    def _not_saved(self, error: OperationalError) -> str:
        """One sentence for a write the database could not take (full disk, read-only file)."""
        cause = str(error.orig or error).strip().splitlines()[0] if str(error.orig) else ""
        where = self.describe()
        if "disk is full" in cause or "database or disk is full" in cause:
            return f"Nothing was saved: the disk holding {where} is full. Free some space first."
        if "readonly" in cause or "read-only" in cause:
            return (
                f"Nothing was saved: {where} cannot be written (the file is read-only, or on "
                "a read-only disk)."
            )
        if "disk I/O error" in cause:
            return f"Nothing was saved: the disk holding {where} reported an error ({cause})."
        return one_line(f"Nothing was saved: the database could not take the change ({cause}).")

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Reads in one consistent snapshot: every query in the block sees the database as it
        was at the first, whatever other writers commit meanwhile (an SQLite read transaction,
        in WAL mode; PostgreSQL's REPEATABLE READ). A meeting's record and its journal read
        together then always agree, even while a colleague is recording on it."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            elif conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN")
            try:
                yield conn
            finally:
                conn.rollback()

    def backup(self, reason: str, target: Path | None = None) -> Path:
        """A backup of this SQLite database (see ``clerk.storage.backup``)."""
        if self.path is None:
            raise backups.BackupError(
                f"{self.describe()} is a server database: back it up with the server's own "
                "tools (for PostgreSQL, pg_dump)."
            )
        return backups.make_backup(self.path, reason, target)

    def automatic_backup(self, reason: str) -> Path | None:
        """A rotating backup that must not stop the clerk: a failure is logged and noted."""
        if self.path is None or self.read_only:
            return None
        try:
            return self.backup(reason)
        except Exception as error:  # a failed backup never stops the recording
            log.warning("automatic %s backup of %s failed: %s", reason, self.describe(), error)
            self.notices.append(f"Clerk could not make its {reason} backup: {error}")
            return None

    def dispose(self) -> None:
        if self._protected is not None:
            release(self._protected)
            self._protected = None
        if self._engine is not None:
            self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
