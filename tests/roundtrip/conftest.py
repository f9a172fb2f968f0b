"""Fixtures: the team's database (an SQLite file, and PostgreSQL when given) and a laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.storage.database import Database, open_database
from tests.conftest import _postgres_database
from tests.roundtrip.helpers import team_ready


@pytest.fixture
def team_url(db_url: str) -> str:
    return db_url


@pytest.fixture
def team(team_url: str) -> Iterator[Database]:
    database = open_database(team_url)
    team_ready(database)
    yield database
    database.dispose()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    database = open_database(str(tmp_path / "laptop" / "clerk.sqlite3"))
    yield database
    database.dispose()


@pytest.fixture
def postgres_team() -> Iterator[tuple[Database, str]]:
    """A team database on PostgreSQL only (mark the test ``postgres``)."""
    for url in _postgres_database():
        database = open_database(url)
        team_ready(database)
        yield database, url
        database.dispose()
