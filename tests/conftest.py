"""Shared fixtures: real databases (a temporary SQLite file; PostgreSQL when given) and the CLI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from clerk.services.demo import load_demo
from clerk.storage.database import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("CLERK_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user data or log folders."""
    monkeypatch.setenv("CLERK_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("CLERK_USER", "test-clerk")


def _postgres_database() -> Iterator[str]:
    if not POSTGRES_URL:
        if os.environ.get("CLERK_REQUIRE_POSTGRES"):
            pytest.fail("CLERK_REQUIRE_POSTGRES is set but CLERK_TEST_POSTGRES_URL is not")
        pytest.skip("PostgreSQL tests need CLERK_TEST_POSTGRES_URL (scripts/test starts one)")
    name = f"clerk_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: an SQLite file, and (when available) a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clerk.sqlite3'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'clerk.sqlite3'}"


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    db = open_database(sqlite_url)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(database: Database) -> Database:
    load_demo(database)
    return database


@pytest.fixture
def sqlite_demo(sqlite_database: Database) -> Database:
    load_demo(sqlite_database)
    return sqlite_database


def run_clerk(
    *args: str, cwd: Path | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    """The real ``clerk`` command in a fresh process (this checkout's code)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, "-m", "clerk", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"clerk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result
