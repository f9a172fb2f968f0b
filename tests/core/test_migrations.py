"""A database made by an earlier Clerk opens, upgrades and stays intact."""

from __future__ import annotations

import gzip
from pathlib import Path

from alembic import command

from clerk.services import audit, maintenance, signoff
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage import register
from clerk.storage.database import alembic_config, head_revision, open_database

HERE = Path(__file__).resolve().parent


def test_a_database_from_before_the_exempt_status_upgrades_and_audits_clean(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    from alembic.script import ScriptDirectory

    # Down to the revision before the exempt status, not further: older downgrades drop
    # columns a journal entry's hash covers (the action's context), so they cannot give back a
    # database an older Clerk made.
    before = str(
        ScriptDirectory.from_config(alembic_config())
        .get_revision("0020_exempt_status")
        .down_revision
    )
    with database.migrating() as conn:
        command.downgrade(alembic_config(conn), before)
    assert database.current_revision() == before
    database.dispose()
    upgraded = open_database(str(path))
    try:
        assert upgraded.current_revision() == head_revision()
        assert maintenance.check(upgraded) == []
        assert audit.audit_meeting(upgraded, 1).ok
    finally:
        upgraded.dispose()


def test_a_signed_database_made_by_the_clerk_before_the_register_upgrades_intact(
    tmp_path: Path,
) -> None:
    """``clerk-0002-signed.sqlite3.gz``: made by the Clerk before this change (schema 0002):
    the demo, its August minutes circulated, approved, confirmed in September and signed in ink
    with a scan. Upgrading begins the register with what it holds, and all of it checks."""
    path = tmp_path / "old.sqlite3"
    path.write_bytes(gzip.decompress((HERE / "clerk-0002-signed.sqlite3.gz").read_bytes()))
    database = open_database(str(path))
    try:
        assert database.current_revision() == head_revision()
        assert maintenance.check(database) == []
        for meeting_id in (1, 2):
            assert audit.audit_meeting(database, meeting_id).ok
        current = signoff.status(database, 1)
        assert current.stage.value == "signed" and current.problems == ()
        assert not current.unverified
        with database.reading() as conn:
            entries = register.load(conn)
        assert [(e.kind, e.subject) for e in entries if e.kind in ("approve", "sign")] == [
            ("approve", "1"),
            ("sign", "1"),
        ]
        # The approval before the register kept no context: the minutes use today's names.
        assert MeetingSession(database, 1).record.approved_as == {}
    finally:
        database.dispose()
