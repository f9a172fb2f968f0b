"""The schema's migrations: where they are, which is the newest, and Alembic to run them.

The newest revision is read from the migration files without importing Alembic, so opening a
database already at head costs no Alembic import.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from clerk.domain.errors import ClerkError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

# Alembic is imported only when a migration runs: importing it costs a good part of a second
# (every dialect's DDL), which every start of the app and of every command would pay.

MIGRATIONS = Path(__file__).parent / "migrations"


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
def foreign_keys_off(conn: Connection) -> Iterator[None]:
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


def check_foreign_keys(conn: Connection) -> None:
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
