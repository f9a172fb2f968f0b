"""The whole database against the register (``record_checks.database_problems``), on the demo
with this installation's record key: the register's chain, its seals, each sentence exact (the
register's own rules are clerk.domain.register's; these are the checks that put them
together). Quick enough to run for each mutant of clerk/services/record_checks.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clerk.domain.signoff.integrity import Findings
from clerk.services import audit
from clerk.services.demo import load_demo
from clerk.services.record_checks import database_problems, meeting_findings
from clerk.storage import register, seals
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk.storage.seals import RecordKey
from tests.signoff.forgery import plain_sql

KEY = RecordKey(secret=b"the record key", where="test")


@pytest.fixture
def sealed(sqlite_database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """The demo written by an installation with a record key: every entry sealed."""
    monkeypatch.setattr(seals, "installation_key", lambda: KEY)
    load_demo(sqlite_database)
    yield sqlite_database


def problems(database: Database) -> list[str]:
    with database.reading() as conn:
        return database_problems(conn)


def last_register_entry(database: Database) -> int:
    with database.reading() as conn:
        return register.load(conn)[-1].seq


def findings(database: Database, meeting_id: int = 1) -> Findings:
    with database.reading() as conn:
        record, _ = repo.load_record(conn, meeting_id)
        entries = repo.load_journal(conn, meeting_id)
        return meeting_findings(conn, meeting_id, record, entries)


def test_a_sealed_database_checks_clean(sealed: Database) -> None:
    assert problems(sealed) == []
    assert findings(sealed) == Findings()


def test_a_register_entry_whose_seal_does_not_verify_is_named(sealed: Database) -> None:
    plain_sql(sealed, "UPDATE register SET seal = :s WHERE seq = 2", s=KEY.seal("0" * 64))
    assert problems(sealed) == [
        "Register entry 2 carries this installation's seal, but the seal does not verify: the "
        "entry was changed by someone without the record key."
    ]


def test_register_entries_after_a_sealed_one_without_its_seal_are_named(sealed: Database) -> None:
    last = last_register_entry(sealed)
    plain_sql(sealed, "UPDATE register SET seal = '' WHERE seq = :s", s=last)
    assert problems(sealed) == [
        f"Register entry {last} (1 in all) carry no seal of this installation, though entries "
        "before them do: added or rewritten by someone without the record key."
    ]


def test_a_register_entry_altered_is_a_register_problem(sealed: Database) -> None:
    plain_sql(sealed, "UPDATE register SET who = 'mallory' WHERE seq = 1")
    found = problems(sealed)
    assert found[0].startswith("Register: Register entry 1 (") and found[0].endswith(
        ") has been altered."
    )
    assert len(found) == 1


def test_a_journal_entry_whose_seal_does_not_verify_is_a_seal_finding(sealed: Database) -> None:
    plain_sql(
        sealed,
        "UPDATE journal SET seal = :s WHERE meeting_id = 1 AND seq = 2",
        s=KEY.seal("0" * 64),
    )
    assert findings(sealed) == Findings(
        seals=(
            "Journal entry 2 carries this installation's seal, but the seal does not verify: the "
            "entry was changed by someone without the record key.",
        )
    )
    assert findings(sealed, 2) == Findings()


def test_journal_entries_without_the_seal_after_sealed_ones_are_a_seal_finding(
    sealed: Database,
) -> None:
    with sealed.reading() as conn:
        last = repo.load_journal(conn, 1)[-1].seq
    plain_sql(sealed, "UPDATE journal SET seal = '' WHERE meeting_id = 1 AND seq >= :s", s=last - 1)
    assert findings(sealed).seals == (
        f"Journal entry {last - 1} and later ones (2 in all) carry no seal of this installation, "
        "though entries before them do: added or rewritten by someone without the record key.",
    )


def test_what_the_register_says_of_a_meeting_is_a_register_finding(sealed: Database) -> None:
    plain_sql(sealed, "DELETE FROM register WHERE kind = 'meeting' AND subject = '1'")
    found = findings(sealed)
    assert found.register == (
        "Meeting 1 (cyp-scrutiny-board/2021-08-18) is not in the register: it was added behind "
        "Clerk's back.",
    )
    assert found.chain == found.record == found.signoff == found.seals == ()


def test_the_audit_counts_the_entries_sealed(sealed: Database) -> None:
    report = audit.audit_meeting(sealed, 1)
    assert report.ok
    assert report.unverified == ()  # every step taken here: nothing to say of steps elsewhere
    with sealed.reading() as conn:
        entries = repo.load_journal(conn, 1)
    assert report.changes[0] == audit.Change(
        entries[0].seq, entries[0].recorded_at, entries[0].who, entries[0].kind, entries[0].label
    )
    assert [c.kind for c in report.changes] == [e.kind for e in entries]
    assert report.sealed == (
        f"Seals: {report.entries} of {report.entries} entries carry this installation's seal "
        f"(record key {KEY.id})."
    )
    plain_sql(sealed, "UPDATE journal SET seal = '' WHERE meeting_id = 1 AND seq = 1")
    assert audit.audit_meeting(sealed, 1).sealed.startswith(
        f"Seals: {report.entries - 1} of {report.entries} entries"
    )
