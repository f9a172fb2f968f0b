"""The database Clerk works on: the open sequence, migrations to head, and transactions.

Opening an SQLite file (``open_database``), for reading, writing or creating (``Access``):

1. look at what is at the path without changing it (``clerk.storage.integrity.identify``): a
   folder, a file that is not SQLite, or another program's database is refused
   (``NotAClerkDatabase``) and left as it is; nothing there (or an empty file) is refused
   (``NoDatabase``) unless the caller creates databases;
2. take the writer lock (``clerk.storage.locking``); if another Clerk holds it, open the file
   read-only and say so in ``Database.notices``;
3. a quick integrity check: a damaged Clerk database is moved aside to a timestamped name when
   the caller writes (a reader leaves it be), and ``DamagedDatabase`` names the newest backup;
4. once a day, a backup (``clerk.storage.backup``);
5. migrate to head, backing up first when there is anything to migrate.

A server database (PostgreSQL) is only migrated: several clerks share it, and conflicting
edits of one meeting are caught by the meeting's version column.
"""

from __future__ import annotations

import ast
import errno
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk.domain.errors import ClerkError, one_line
from clerk.fileio import protect, release
from clerk.storage import backup as backups
from clerk.storage.engine import database_url, make_engine, sqlite_path
from clerk.storage.integrity import (
    FileKind,
    check_sqlite_file,
    identify,
    move_aside,
    sqlite_revisions,
)
from clerk.storage.locking import DatabaseInUse, WriterLock

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine
    from sqlalchemy.exc import OperationalError

# SQLAlchemy is imported when the database is first read or written through it, not when it
# is opened: opening an SQLite file already at head (lock, checks, backup) is the standard
# library's work, so the window's first screen can be up before SQLAlchemy is loaded.

# Alembic is imported only when a migration runs: importing it costs a good part of a second
# (every dialect's DDL), which every start of the app and of every command would pay.

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"

#: Called with the database and its current revision before a migration runs.
BackupHook = Callable[["Database", str], None]


class Access(Enum):
    """What the caller will do with the database: it decides what opening may change."""

    READ = "read"  # never moves or creates anything
    WRITE = "write"  # may move a damaged Clerk database aside
    CREATE = "create"  # may also create a database where there is none (or an empty file)


class NotAClerkDatabase(ClerkError):
    """Something that is not a Clerk database is where the database should be; left as is."""


class NoDatabase(ClerkError):
    """There is no database at the path (or only an empty file), and the caller does not
    create one."""

    def __init__(self, path: Path, empty: bool) -> None:
        what = f"{path} is empty, not yet a Clerk database" if empty else f"No database at {path}"
        super().__init__(f"{what}.")
        self.path = path
        self.empty = empty
        #: The sentence without its full stop, for a caller to add how to create one.
        self.lead = what


class DamagedDatabase(ClerkError):
    """A Clerk database failed its integrity check: moved aside (never deleted) by a caller
    that writes, left where it is for one that only reads."""

    def __init__(self, lead: str, moved_to: Path | None, newest_backup: Path | None) -> None:
        if newest_backup is not None:
            offer = f"; the newest backup is {newest_backup}"
        elif moved_to is not None:
            offer = "; there is no backup of it, so Clerk will start a new, empty database"
        else:
            offer = "; there is no backup of it"
        super().__init__(f"{lead}{offer}.")
        #: What happened, without the offer of a backup (for a caller to phrase the offer).
        self.lead = lead
        self.moved_to = moved_to
        self.newest_backup = newest_backup


def refuse_unless_clerk(path: Path, kind: FileKind) -> None:
    """One sentence for anything at ``path`` that Clerk must not open as its database."""
    left = "Clerk has left it as it is"
    if kind is FileKind.FOLDER:
        raise NotAClerkDatabase(
            f"{path} is a folder, not a Clerk database: give the database file's path "
            f"(for example {path / 'clerk.sqlite3'}); {left}."
        )
    if kind is FileKind.OTHER:
        raise NotAClerkDatabase(
            f"{path} is not a Clerk database (it is not an ordinary file); {left}."
        )
    if kind is FileKind.NOT_SQLITE:
        raise NotAClerkDatabase(
            f"{path} is not a Clerk database (it is not an SQLite database file); {left}."
        )
    if kind is FileKind.FOREIGN:
        raise NotAClerkDatabase(
            f"{path} is another program's SQLite database, not a Clerk database; {left}."
        )
    if kind is FileKind.UNKNOWN_DAMAGED:
        raise NotAClerkDatabase(
            f"{path} is a damaged SQLite file that Clerk cannot tell is one of its databases; "
            f"{left}."
        )


class NewerDatabase(ClerkError):
    """The database was made by a newer version of Clerk."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextmanager
def _foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite: foreign keys off while migrating. A batch migration rebuilds a table (copy, drop,
    rename); with foreign keys on, dropping a table that others refer to (committees,
    meetings) fails on every database that holds meetings."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or SQLite ignores it
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _check_foreign_keys(conn: Connection) -> None:
    """Before the upgrade commits: nothing it rebuilt refers to a row that is not there."""
    if conn.dialect.name == "sqlite":
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"The upgrade would leave rows that refer to nothing: {broken[:3]}")


def head_revision() -> str:
    """The newest migration. Read from the migration files' ``revision`` and ``down_revision``
    lines, as Alembic reads them, without importing Alembic; Alembic decides when that
    reading does not give exactly one head."""
    return _head_revision(MIGRATIONS)


@cache
def _head_revision(migrations: Path) -> str:
    heads = _heads_in_files(migrations)
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("Clerk ships no migrations")
    return head


def _heads_in_files(migrations: Path) -> list[str]:
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in (migrations / "versions").glob("*.py"):
        for name, value in _module_constants(path):
            if name == "revision" and isinstance(value, str):
                revisions.add(value)
            elif name == "down_revision" and isinstance(value, str | tuple | list):
                replaced.update([value] if isinstance(value, str) else map(str, value))
    return sorted(revisions - replaced)


#: ``revision = ...`` or ``down_revision: str | None = ...`` at the start of a line.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.*?)\s*$", re.M)


def _module_constants(path: Path) -> Iterator[tuple[str, object]]:
    """``revision`` and ``down_revision`` of a migration: read from their lines when each
    value is a literal on its line (a thirtieth of parsing the module, which every open
    of a database at head did); else from the module's syntax tree."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _REVISION_LINE.finditer(text):
        try:
            found.append((match[1], ast.literal_eval(match[2])))
        except (ValueError, SyntaxError):
            break
    else:
        if {name for name, _value in found} == {"revision", "down_revision"} and len(found) == 2:
            yield from found
            return
    yield from _syntax_constants(text)


def _syntax_constants(text: str) -> Iterator[tuple[str, object]]:
    """``name = <literal>`` and ``name: type = <literal>`` at the top level of a module."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name):
            try:
                yield target.id, ast.literal_eval(value)
            except ValueError:
                continue


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


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
        with self.engine.connect() as conn, _foreign_keys_off(conn), conn.begin():
            yield conn
            _check_foreign_keys(conn)

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


def backup_before_upgrade(database: Database, revision: str) -> None:
    """The default ``before_upgrade``: an SQLite file is backed up, or not migrated at all."""
    if database.path is None:
        return
    try:
        database.backup("upgrade")
    except ClerkError as error:
        raise ClerkError(
            f"Clerk did not upgrade {database.describe()} because it could not back it up "
            f"first: {error}"
        ) from None


def _unwritable(path: Path, error: OSError | None = None) -> str | None:
    """Why Clerk cannot write to the database at ``path``, or None when it can."""
    if error is not None:
        if error.errno == errno.EROFS:
            return f"{path} is on a read-only disk"
        if error.errno in (errno.EACCES, errno.EPERM):
            return f"the folder of {path} cannot be written to"
        return None
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} cannot be written (the file is read-only, or protected from changes)"
    return None


UNWRITABLE_REMEDY = "Copy it where Clerk can write, or make it writable, and try again."


def _open_unwritable(url: str, path: Path, reason: str, read_only_disk: bool) -> Database:
    """A database Clerk can read but not write: the reading commands work, writers are
    refused in one sentence."""
    if not path.exists():
        raise ClerkError(f"There is no database at {path}, and Clerk cannot make one: {reason}.")
    wal = Path(f"{path}-wal")
    immutable = read_only_disk and not (wal.exists() and wal.stat().st_size)
    finding = check_sqlite_file(path, immutable=immutable)
    if finding is not None:
        raise ClerkError(f"{path} cannot be opened ({finding.reason}), and {reason}.")
    database = Database(
        url, read_only_because=reason, remedy=UNWRITABLE_REMEDY, immutable=immutable
    )
    database.notices.append(f"{reason}: this Clerk opened it read-only and cannot save.")
    database.upgrade()
    return database


def prepare_new_database(path: Path) -> None:
    """The folder for a database about to be created, or one sentence why it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ClerkError(
            f"Cannot create the database {path}: {path.parent} is a file, not a folder."
        ) from None
    except OSError as error:
        raise ClerkError(
            f"Cannot create the database {path}: {error.strerror} ({error.filename})."
        ) from None


def _open_sqlite(
    url: str, path: Path, before_upgrade: BackupHook | None, access: Access
) -> Database:
    kind = identify(path)
    refuse_unless_clerk(path, kind)
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        if access is not Access.CREATE:
            raise NoDatabase(path, empty=kind is FileKind.EMPTY)
        prepare_new_database(path)
    lock = WriterLock(path)
    try:
        owned = lock.acquire()
    except OSError as error:  # no lock file: a read-only disk, or a folder not ours
        reason = _unwritable(path, error)
        if reason is None:
            raise
        return _open_unwritable(url, path, reason, error.errno == errno.EROFS)
    if owned and _unwritable(path) is not None:
        lock.release()
        return _open_unwritable(url, path, str(_unwritable(path)), read_only_disk=False)
    try:
        holder = lock.holder() if not owned else None
        finding = check_sqlite_file(path)
        if finding is not None:
            if not owned:
                raise ClerkError(
                    f"{path} cannot be opened ({finding.reason}) and another Clerk has it open: "
                    "close the other Clerk and try again."
                )
            if not finding.damaged:  # not Clerk's after all: leave it be
                raise NotAClerkDatabase(
                    f"{path} is not a Clerk database ({finding.reason}); "
                    "Clerk has left it as it is."
                )
            if access is Access.READ:
                raise DamagedDatabase(
                    f"{path} is damaged ({finding.reason}); Clerk has left it as it is",
                    None,
                    backups.newest_backup(path),
                )
            moved = move_aside(path, "damaged")
            log.error("%s moved aside to %s: %s", path, moved, finding.reason)
            raise DamagedDatabase(
                f"{path} is damaged ({finding.reason}), so Clerk moved it aside to {moved}",
                moved,
                backups.newest_backup(path),
            )
        if not owned:
            who = holder.describe() if holder else "another Clerk"
            reason = f"{path} is open in {who}"
            database = Database(url, read_only_because=reason)
            database.notices.append(f"{reason}: this Clerk opened it read-only and cannot save.")
            database.upgrade()
            return database
        database = Database(url)
        database._lock = lock
        try:
            backups.remove_stale_parts(path)
            if database.current_revision() is not None and backups.daily_backup_due(path):
                database.automatic_backup("daily")
            database.upgrade(before_upgrade or backup_before_upgrade)
        except BaseException:
            database.dispose()
            raise
        return database
    except BaseException:
        lock.release()
        raise


def open_database(
    target: str | None = None,
    before_upgrade: BackupHook | None = None,
    access: Access = Access.CREATE,
) -> Database:
    """Open the database at a path or URL, checked and migrated to head.

    ``access`` says what may happen to what is there (see ``Access``): the commands and the
    window pass what they do; the default creates, for tests and tools that make databases.
    """
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None:
        return _open_sqlite(url, path, before_upgrade, access)
    from sqlalchemy.exc import OperationalError

    try:
        database = Database(url)
        database.engine  # noqa: B018 - made now: a missing driver is said here
    except ModuleNotFoundError as error:
        raise ClerkError(
            f"Clerk needs the {error.name} package for this database: install it with "
            "pip install 'psycopg[binary]' (or clerk-minutes[postgres])."
        ) from None
    try:
        database.upgrade(before_upgrade)
    except OperationalError as error:
        database.dispose()
        reason = " ".join(part.strip() for part in str(error.orig or error).splitlines())
        raise ClerkError(
            one_line(f"Clerk cannot reach the database {database.describe()}: {reason}")
        ) from None
    except BaseException:
        database.dispose()
        raise
    return database
