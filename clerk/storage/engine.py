"""Opening the database: URL or path, SQLite pragmas, and where the default file lives.

SQLAlchemy is imported when an engine is made, not before: the window's first screen reads
an SQLite file with the standard library (``clerk.storage.overview``), and a plain SQLite URL
is understood here without it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir, user_log_dir

from clerk import APP_NAME

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_PREFIX = "sqlite:///"


def data_dir() -> Path:
    override = os.environ.get("CLERK_HOME")
    return Path(override) / "data" if override else Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("CLERK_HOME")
    return Path(override) / "logs" if override else Path(user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "clerk.sqlite3"


def database_url(target: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as given, a path as an SQLite file."""
    if target is None:
        target = os.environ.get("CLERK_DB") or default_database_path()
    text = os.fspath(target)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL; None for a server database or an in-memory one."""
    if url.startswith(SQLITE_PREFIX) and "?" not in url and "%" not in url:
        database = url[len(SQLITE_PREFIX) :]  # as SQLAlchemy reads it, for a plain URL
        return Path(database) if database and database != ":memory:" else None
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL, full fsync on commit, foreign keys: on every connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)
