"""Fixtures for the reliability tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import _postgres_database


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database (mark the test ``postgres``); skips or fails as the core
    fixtures do when no server is given."""
    yield from _postgres_database()
