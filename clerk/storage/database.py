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

import errno
import logging
import os
from enum import Enum
from pathlib import Path

from clerk.domain.errors import ClerkError, one_line
from clerk.storage import backup as backups
from clerk.storage.connection import (
    CLOSE_THE_OTHER,
    BackupHook,
    Database,
    NotAClerkDatabase,
)
from clerk.storage.engine import database_url, sqlite_path
from clerk.storage.integrity import (
    FileKind,
    check_sqlite_file,
    identify,
    move_aside,
)
from clerk.storage.locking import WriterLock
from clerk.storage.migration import (
    MIGRATIONS,
    NewerDatabase,
    alembic_config,
    head_revision,
    known_revisions,
)

# The database itself is ``clerk.storage.connection.Database`` and the migrations are
# ``clerk.storage.migration``'s; their names are here too, where callers import them from.
__all__ = [
    "CLOSE_THE_OTHER",
    "MIGRATIONS",
    "Access",
    "BackupHook",
    "DamagedDatabase",
    "Database",
    "NewerDatabase",
    "NoDatabase",
    "NotAClerkDatabase",
    "alembic_config",
    "backup_before_upgrade",
    "head_revision",
    "known_revisions",
    "open_database",
    "prepare_new_database",
    "refuse_unless_clerk",
]

log = logging.getLogger(__name__)


class Access(Enum):
    """What the caller will do with the database: it decides what opening may change."""

    READ = "read"  # never moves or creates anything
    WRITE = "write"  # may move a damaged Clerk database aside
    CREATE = "create"  # may also create a database where there is none (or an empty file)


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
