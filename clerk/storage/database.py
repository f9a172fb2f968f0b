"""The database Clerk works on: engine, migrations to head, and transactions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from clerk.domain.errors import ClerkError
from clerk.storage.engine import database_url, make_engine, sqlite_path

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


class NotAClerkDatabase(ClerkError):
    """The file holds tables, but not Clerk's."""


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("Clerk ships no migrations")
    return head


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.url)

    def describe(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def is_empty(self) -> bool:
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
        if current is not None and before_upgrade is not None:
            before_upgrade(self, current)
        with self.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        log.info("database %s upgraded from %s to %s", self.describe(), current, head)
        return True

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One committed transaction: everything in it is on disk when the block ends."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


class BackupHook:
    """Called with the database and its current revision before a migration runs."""

    def __call__(self, database: Database, revision: str) -> None:  # pragma: no cover
        raise NotImplementedError


def open_database(target: str | None = None, before_upgrade: BackupHook | None = None) -> Database:
    """Open (creating if need be) the database at a path or URL, migrated to head."""
    database = Database(database_url(target))
    database.upgrade(before_upgrade)
    return database
