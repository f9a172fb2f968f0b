"""The optional record key: entries sealed by this installation cannot be rewritten, or added,
by someone without it."""

from __future__ import annotations

from pathlib import Path

from clerk.services import audit, maintenance
from clerk.services.demo import load_demo
from clerk.storage import seals
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.signoff.forgery import plain_sql, rewrite_journal
from tests.signoff.helpers import AUGUST, approved
from tests.signoff.test_tampering import _reword_paragraph_4, adding_paragraph


def sealed_demo(tmp_path: Path) -> Database:
    key = seals.create_key(use_keyring=False)
    assert Path(key.where).stat().st_mode & 0o777 == 0o600
    database = open_database(str(tmp_path / "clerk.sqlite3"))
    load_demo(database)
    approved(database)
    return database


def test_every_entry_is_sealed_and_the_audit_says_so(tmp_path: Path) -> None:
    database = sealed_demo(tmp_path)
    try:
        report = audit.audit_meeting(database, AUGUST)
        assert report.ok
        key = seals.installation_key()
        assert key is not None
        assert report.sealed == (
            f"Seals: {report.entries} of {report.entries} entries carry this installation's "
            f"seal (record key {key.id})."
        )
        assert maintenance.check(database) == []
    finally:
        database.dispose()


def test_a_complete_rewrite_without_the_key_breaks_the_seals(tmp_path: Path) -> None:
    database = sealed_demo(tmp_path)
    try:
        seq = adding_paragraph(database, 4)
        rewrite_journal(database, AUGUST, seq, _reword_paragraph_4, register_too=True)
        report = audit.audit_meeting(database, AUGUST)
        assert report.chain == report.record == report.register == ()
        assert not report.ok
        assert report.seals[0] == (
            f"Journal entry {seq} carries this installation's seal, but the seal does not "
            "verify: the entry was changed by someone without the record key."
        )
        plain_sql(
            database, "UPDATE journal SET seal = '' WHERE meeting_id = 1 AND seq >= :s", s=seq
        )
        report = audit.audit_meeting(database, AUGUST)
        (problem,) = report.seals
        assert problem.startswith(f"Journal entry {seq} and later ones (")
        assert problem.endswith(
            "carry no seal of this installation, though entries before them do: added or "
            "rewritten by someone without the record key."
        )
        assert any(p.startswith("Register entry ") for p in maintenance.check(database))
    finally:
        database.dispose()


def test_clerk_record_key_makes_one_key_once(tmp_path: Path) -> None:
    first = run_clerk("record-key", check=True).stdout
    assert first.startswith("This installation has no record key")
    made = run_clerk("record-key", "--create", check=True).stdout
    assert made.startswith("Made this installation's record key ")
    again = run_clerk("record-key", "--create")
    assert again.returncode == 1
    assert "already has a record key" in again.stderr


def test_on_a_shared_database_unsealed_entries_are_not_counted(database: Database) -> None:
    """A colleague's Clerk writes with its own key, or none: only an SQLite file, which this
    installation alone writes, counts entries without its seal after sealed ones."""
    seals.create_key(use_keyring=False)
    load_demo(database)
    plain_sql(database, "UPDATE journal SET seal = '' WHERE meeting_id = 1 AND seq > 30")
    report = audit.audit_meeting(database, AUGUST)
    if database.engine.dialect.name == "sqlite":
        assert not report.ok and report.seals
    else:
        assert report.ok and report.seals == ()
