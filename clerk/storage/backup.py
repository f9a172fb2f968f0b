"""Backups of an SQLite database with SQLite's online backup API, kept in rotation.

Backups sit in a ``backups`` folder beside the database, named after it, the time and the
reason: ``backups/clerk-20240918-093012-close.sqlite3``. Automatic ones (``daily``, ``close``,
``upgrade``, ``restore``) are rotated: the newest N are kept, N being the ``backups_kept``
setting. Backups made on request (``manual``) are never rotated away.

A backup is a complete, self-contained SQLite file (no ``-wal``), written atomically: a backup
cut short leaves no half file under a backup's name.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import time as clock
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from clerk.domain.errors import ClerkError
from clerk.fileio import WriteError, atomic_write
from clerk.storage.engine import data_dir

log = logging.getLogger(__name__)

AUTOMATIC = ("daily", "close", "upgrade", "restore")
MANUAL = "manual"
DEFAULT_KEPT = 10
KEPT_VARIABLE = "CLERK_BACKUPS_KEPT"
SETTINGS_FILE = "settings.json"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)\.sqlite3$"
)
STALE_PART_SECONDS = 3600


class BackupError(ClerkError):
    """A backup could not be made or read; the database itself is unchanged."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made: datetime
    counter: int
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def backups_kept() -> int:
    """How many automatic backups to keep: ``CLERK_BACKUPS_KEPT``, else ``settings.json``."""
    raw: object = os.environ.get(KEPT_VARIABLE)
    where = f"the {KEPT_VARIABLE} environment variable"
    if raw is None:
        path = settings_path()
        where = f'"backups_kept" in {path}'
        try:
            raw = json.loads(path.read_text(encoding="utf-8")).get("backups_kept")
        except FileNotFoundError:
            return DEFAULT_KEPT
        except (OSError, ValueError, AttributeError) as error:
            raise ClerkError(f"Clerk cannot read its settings file {path} ({error}).") from None
        if raw is None:
            return DEFAULT_KEPT
    try:
        kept = int(str(raw))
    except ValueError:
        kept = 0
    if kept < 1:
        raise ClerkError(
            f"The number of backups to keep ({where}) must be a whole number, 1 or more."
        )
    return kept


def backups_dir(database: Path) -> Path:
    return database.parent / "backups"


def list_backups(database: Path) -> list[BackupFile]:
    """The backups of this database, newest first."""
    folder = backups_dir(database)
    found: list[BackupFile] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = _NAME.match(name)
        if match is None or match["stem"] != database.stem:
            continue
        try:
            made = _stamp_time(match["stamp"])
        except ValueError:
            continue
        found.append(BackupFile(folder / name, made, int(match["n"] or 1), match["reason"]))
    found.sort(key=lambda b: (b.made, b.counter), reverse=True)
    return found


def _stamp_time(stamp: str) -> datetime:
    """``20210818-093000`` as a time: ``strptime(stamp, "%Y%m%d-%H%M%S")``, without loading
    ``_strptime`` and compiling its pattern at every start (the name matched ``_NAME``)."""
    day, clock = stamp[:8], stamp[9:]
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:]), int(clock[:2]), int(clock[2:4]), int(clock[4:])
    )


def newest_backup(database: Path) -> Path | None:
    backups = list_backups(database)
    return backups[0].path if backups else None


def daily_backup_due(database: Path, today: date | None = None) -> bool:
    """True when no backup of this database was made today."""
    day = today or date.today()
    return all(b.made.date() != day for b in list_backups(database))


def _backup_name(database: Path, reason: str, now: datetime) -> Path:
    """A new name, later in order than every backup made in the same second."""
    folder = backups_dir(database)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    same_second = [
        b.counter for b in list_backups(database) if b.made == now.replace(microsecond=0)
    ]
    counter = max(same_second, default=0) + 1
    while True:
        middle = stamp if counter == 1 else f"{stamp}-{counter}"
        path = folder / f"{database.stem}-{middle}-{reason}.sqlite3"
        if not path.exists():
            return path
        counter += 1


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)


def copy_database(source: Path, target: Path) -> Path:
    """An atomic, self-contained copy of a live SQLite database (the online backup API)."""

    def write(temp: Path) -> None:
        src = _read_only(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        except sqlite3.Error as error:
            if "full" in str(error):
                raise OSError(28, "No space left on device") from None
            raise BackupError(f"Cannot back up {source}: {error}.") from None
        finally:
            src.close()

    return atomic_write(target, write)


def make_backup(
    database: Path, reason: str, target: Path | None = None, kept: int | None = None
) -> Path:
    """Back up the database into its backups folder (or ``target``); rotate automatic ones."""
    if not database.exists():
        raise BackupError(f"There is no database at {database} to back up.")
    if target is None:
        folder = backups_dir(database)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteError(
                f"Cannot make the backup folder {folder}: {error.strerror}. Nothing was written."
            ) from None
        target = _backup_name(database, reason, datetime.now())
    path = copy_database(database, target)
    log.info("backed up %s to %s (%s)", database, path, reason)
    if reason in AUTOMATIC:
        rotate(database, kept if kept is not None else backups_kept())
    return path


def rotate(database: Path, kept: int) -> list[Path]:
    """Remove automatic backups beyond the newest ``kept``; returns what was removed."""
    automatic = [b for b in list_backups(database) if b.automatic]
    removed = []
    for old in automatic[kept:]:
        try:
            old.path.unlink()
        except OSError as error:
            log.warning("could not remove old backup %s: %s", old.path, error)
            continue
        removed.append(old.path)
    return removed


def remove_stale_parts(database: Path) -> None:
    """Temporary files left in the backups folder by a backup cut short (a crash, a kill)."""
    folder = backups_dir(database)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    prefix = f".{database.stem}-"
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".part")):
            continue
        path = folder / name
        try:
            if clock.time() - path.stat().st_mtime > STALE_PART_SECONDS:
                path.unlink()
        except OSError:
            continue


def restore_into(source: Path, database: Path) -> None:
    """Copy a backup over the live database in one SQLite transaction (the backup API).

    Writing through SQLite, not over the file, keeps the database's ``-wal`` consistent: a
    crash half-way leaves the database as it was before the restore.
    """
    src = _read_only(source)
    try:
        dst = sqlite3.connect(database, timeout=30)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    except sqlite3.Error as error:
        raise BackupError(f"Cannot restore {source} into {database}: {error}.") from None
    finally:
        src.close()
