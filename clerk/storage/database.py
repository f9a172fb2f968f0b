"""The database Clerk works on: engine, migrations to head, and transactions."""

from __future__ import annotations

import ast
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from clerk.domain.errors import ClerkError
from clerk.storage.engine import database_url, make_engine, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration runs: importing it costs a good part of a second
# (every dialect's DDL), which every start of the app and of every command would pay.

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


class NotAClerkDatabase(ClerkError):
    """The file holds tables, but not Clerk's."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest migration. Read from the migration files' ``revision`` and ``down_revision``
    lines, as Alembic reads them, without importing Alembic; Alembic decides when that
    reading does not give exactly one head."""
    heads = _heads_in_files()
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("Clerk ships no migrations")
    return head


def _heads_in_files() -> list[str]:
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _module_constants(path):
            if name == "revision" and isinstance(value, str):
                revisions.add(value)
            elif name == "down_revision" and isinstance(value, str | tuple | list):
                replaced.update([value] if isinstance(value, str) else map(str, value))
    return sorted(revisions - replaced)


def _module_constants(path: Path) -> Iterator[tuple[str, object]]:
    """``name = <literal>`` and ``name: type = <literal>`` at the top level of a module."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
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
        """The revision the database is at (None for a new one): Alembic's version table."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            if len(versions) <= 1:
                return str(versions[0][0]) if versions else None
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()  # says what is wrong

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
        from alembic import command

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
