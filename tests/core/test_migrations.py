"""A database made by an earlier Clerk opens, upgrades and stays intact."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from clerk.services import audit, maintenance
from clerk.services.demo import load_demo
from clerk.storage.database import alembic_config, head_revision, open_database


def test_a_database_from_before_the_exempt_status_upgrades_and_audits_clean(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    with database.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
    assert database.current_revision() == "0002"
    database.dispose()
    upgraded = open_database(str(path))
    try:
        assert upgraded.current_revision() == head_revision()
        assert maintenance.check(upgraded) == []
        assert audit.audit_meeting(upgraded, 1).ok
    finally:
        upgraded.dispose()
