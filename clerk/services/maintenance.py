"""Looking after the database: backups on request, restoring one, and a full check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from clerk.domain import register as registry
from clerk.domain.errors import ClerkError
from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS
from clerk.services import file_kinds
from clerk.services.record_checks import database_problems
from clerk.services.recording import state_from_journal
from clerk.storage import backup as backups
from clerk.storage import register
from clerk.storage import repository as repo
from clerk.storage.database import (
    Database,
    NotAClerkDatabase,
    known_revisions,
    open_database,
    prepare_new_database,
    refuse_unless_clerk,
)
from clerk.storage.engine import database_url, sqlite_path
from clerk.storage.integrity import (
    FileKind,
    check_sqlite_file,
    clerk_revision,
    identify,
    integrity_problems,
    move_aside,
)
from clerk.storage.locking import DatabaseInUse, WriterLock


def backup_now(database: Database, output: Path | None = None) -> Path:
    """A backup made on request: into the backups folder, or to ``output``."""
    if output is not None and database.path is not None:
        if output.resolve() == database.path.resolve():
            raise ClerkError("The backup cannot be written over the database itself.")
        if output.is_dir():
            raise ClerkError(f"{output} is a folder: give the backup file's name.")
    return database.backup(backups.MANUAL, output)


def list_backups(database: Database) -> list[backups.BackupFile]:
    return backups.list_backups(database.path) if database.path is not None else []


def check_backup_file(source: Path) -> str:
    """The schema revision of a file fit to restore; refuses anything else in one sentence."""
    if not source.exists():
        raise ClerkError(f"No backup file {source}.")
    file_kinds.require(
        source,
        "a Clerk backup",
        frozenset({file_kinds.CLERK_DATABASE}),
        {
            file_kinds.MEETING_RECORD: f"import it with 'clerk import {source}'",
            file_kinds.FOLDER: "give a backup file ('clerk backup --list' lists them)",
        },
    )
    finding = check_sqlite_file(source)
    if finding is not None:
        raise ClerkError(f"{source} cannot be restored: {finding.reason}.")
    revision = clerk_revision(source)
    if revision is None:
        raise ClerkError(f"{source} cannot be restored: it is not a Clerk database.")
    if revision not in known_revisions():
        raise ClerkError(f"{source} cannot be restored: it was made by a newer version of Clerk.")
    return revision


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    previous: Path | None  # the backup of the database as it was, if there was one
    moved_aside: Path | None  # the previous file, if it was damaged or not Clerk's


def restore(target: str | None, source: Path) -> Restored:
    """Replace the database with a backup, after backing up the database as it is."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is None:
        raise ClerkError(
            "Restoring is for an SQLite database file; restore a server database with the "
            "server's own tools (for PostgreSQL, pg_restore)."
        )
    source = source.resolve()
    if source == path.resolve():
        raise ClerkError(f"{source} is the database itself: choose a backup to restore.")
    check_backup_file(source)
    kind = identify(path)
    refuse_unless_clerk(path, kind)  # never replaces what is not a Clerk database
    if kind is FileKind.MISSING:
        prepare_new_database(path)
    lock = WriterLock(path)
    if not lock.acquire():
        holder = lock.holder()
        who = holder.describe() if holder else "another Clerk"
        raise DatabaseInUse(
            f"{path} is open in {who}: close it before restoring. Nothing was changed."
        )
    try:
        previous = moved = None
        finding = check_sqlite_file(path)
        if finding is not None:
            if not finding.damaged:
                raise NotAClerkDatabase(
                    f"{path} is not a Clerk database ({finding.reason}); "
                    "Clerk has left it as it is."
                )
            moved = move_aside(path, "damaged")
        elif kind is FileKind.CLERK and clerk_revision(path) is not None:
            previous = backups.make_backup(path, "restore")
        backups.restore_into(source, path)
    finally:
        lock.release()
    open_database(target).dispose()  # migrate the restored copy to this Clerk's schema
    return Restored(path, source, previous, moved)


def check(database: Database) -> list[str]:
    """Every problem found: SQLite's integrity check, each meeting's journal chain, and
    whether each meeting is what its journal says. Empty when all is well."""
    problems: list[str] = []
    with database.reading() as conn:
        problems.extend(f"Database: {line}" for line in integrity_problems(conn))
        meetings = repo.list_meetings(conn)
        for meeting_id, slug, meeting in meetings:
            where = f"Meeting {meeting_id} ({slug}/{meeting.date.isoformat()})"
            problems.extend(f"{where}: {line}" for line in _meeting_problems(conn, meeting_id))
        problems.extend(database_problems(conn))
    return problems


def _meeting_problems(conn: Connection, meeting_id: int) -> list[str]:
    """One meeting's journal chain, its record against the journal, the register's word."""
    try:
        entries = repo.load_journal(conn, meeting_id)
    except repo.MalformedJournal as error:
        return [str(error)]
    problems = verify_chain(entries)
    record, _version = repo.load_record(conn, meeting_id)
    try:
        rebuilt = state_from_journal(entries, record)
    except ClerkError as error:
        problems.append(f"The record cannot be rebuilt from the journal: {error}.")
    else:
        for name in COLLECTIONS:
            if rebuilt.collection(name) != record.collection(name):
                problems.append(f"its {name} differ from what its journal records.")
        if rebuilt.meeting != record.meeting:
            problems.append("its details differ from what its journal records.")
    registered = register.load_for_meeting(conn, meeting_id)
    problems.extend(
        line
        for line in registry.meeting_problems(meeting_id, record.reference, registered, entries)
        if not line.startswith(f"Meeting {meeting_id} ")  # said once, for the database
    )
    return problems


def meeting_count(database: Database) -> int:
    with database.reading() as conn:
        return len(repo.list_meetings(conn))
