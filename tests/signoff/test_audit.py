"""Tamper evidence: rows changed with plain SQL are caught by ``clerk audit`` and on opening."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from clerk.domain.changes import Changes
from clerk.domain.journal import JournalEntry
from clerk.services import audit, record_json, signoff
from clerk.services.recording import MeetingSession
from clerk.storage import attachments
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.signoff.helpers import AUGUST, approved, confirmed


def plain_sql(database: Database, statement: str) -> None:
    """Behind Clerk's back: a statement on the database, not through any Clerk code."""
    with database.transaction() as conn:
        conn.execute(text(statement))


def test_an_untouched_meeting_audits_clean_and_lists_every_change(
    demo_database: Database,
) -> None:
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.ok
    lines = report.lines()
    assert (
        lines[0]
        == "Audit of the minutes of 18 August 2021 (meeting 1, cyp-scrutiny-board/2021-08-18)"
    )
    assert "Journal: 42 entries; the hash chain is intact." in lines
    assert "Record: the stored record matches the one rebuilt from the journal." in lines
    assert "Result: no sign of tampering." in lines
    changes = lines[lines.index("Changes (every journal entry: number, time, who, what):") + 1 :]
    assert len(changes) == report.entries == 42
    assert changes[0].split()[3:] == ["demo", "create", "the", "meeting", "of", "2021-08-18"]
    assert changes[-1].endswith("demo  update action 2 (complete)")


def test_a_journal_row_altered_with_plain_sql_is_caught(demo_database: Database) -> None:
    plain_sql(
        demo_database,
        "UPDATE journal SET who = 'someone-else' WHERE meeting_id = 1 AND seq = 29",
    )
    report = audit.audit_meeting(demo_database, AUGUST)
    assert not report.ok
    assert report.chain == (
        "Journal entry 29 (vote on motion 1: carried (5-0-0)) has been altered.",
    )
    assert "Journal: 42 entries; the hash chain is BROKEN:" in report.lines()
    assert report.lines(with_changes=False)[-1] == "Result: TAMPERING DETECTED (1 problem(s))."


def test_a_record_row_altered_with_plain_sql_is_caught(demo_database: Database) -> None:
    plain_sql(
        demo_database,
        "UPDATE paragraphs SET text = 'Members noted the report.' WHERE meeting_id = 1 AND id = 4",
    )
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.chain == ()  # the journal itself is untouched...
    (problem,) = report.record  # ...but the record no longer matches it
    assert problem.startswith(
        "Minute paragraph 4: text is 'Members noted the report.' in the stored record, "
        "'The Exploitation Team Manager"
    )
    assert problem.endswith("in the journal.")


def test_a_deleted_and_an_added_row_are_caught(demo_database: Database) -> None:
    plain_sql(demo_database, "DELETE FROM declarations WHERE meeting_id = 1")
    plain_sql(demo_database, "DELETE FROM attendance WHERE meeting_id = 1 AND id = 2")
    plain_sql(
        demo_database,
        "INSERT INTO paragraphs (meeting_id, id, item_id, position, text) "
        "VALUES (1, 99, 5, 9, 'Added later.')",
    )
    report = audit.audit_meeting(demo_database, AUGUST)
    assert "Attendance entry 2 is in the journal but was deleted." in report.record
    assert "Minute paragraph 99 is in the stored record but not in the journal." in report.record


def test_opening_a_tampered_meeting_warns_but_still_opens(demo_database: Database) -> None:
    plain_sql(
        demo_database, "UPDATE agenda_items SET title = 'Other' WHERE meeting_id = 1 AND id = 6"
    )
    session = MeetingSession(demo_database, AUGUST)
    assert session.record.items[6].title == "Other"  # opened, to investigate
    assert session.tamper_warnings == [
        "Agenda item 6: title is 'Other' in the stored record, 'Exploitation Update' in the "
        "journal."
    ]
    current = signoff.status(demo_database, AUGUST)
    assert current.problems
    assert current.lines()[-1] == ("Record: WARNING: 1 sign(s) of tampering; run 'clerk audit 1'.")


def test_a_forged_journal_entry_after_approval_is_caught(demo_database: Database) -> None:
    """Even a forger who recomputes the hash chain cannot change approved minutes quietly."""
    approved(demo_database)
    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, AUGUST)
        entries = repo.load_journal(conn, AUGUST)
    old = record.paragraphs[4]
    new = replace(old, text="Members noted the report.")
    changes = Changes(entities={"paragraphs": {4: (old, new)}})
    tail = entries[-1]
    forged = JournalEntry(
        seq=tail.seq + 1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who="test-clerk",
        kind="edit_paragraph",
        label="edit a paragraph of item 6",
        params={"action": "edit_paragraph", "paragraph": 4, "text": new.text},
        changes=changes.to_json(),
        prev_hash=tail.hash,
    )
    forged = replace(forged, hash=forged.content_hash())
    with demo_database.transaction() as conn:
        repo.append_journal(conn, AUGUST, forged)
        repo.write_changes(conn, AUGUST, changes, repo.meeting_version(conn, AUGUST))
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.chain == () and report.record == ()
    assert report.signoff == (
        "Journal entry 45 (edit a paragraph of item 6, by test-clerk) changed the record after "
        "the minutes were approved: it changes minute paragraph 4.",
    )


def test_a_kept_signed_copy_changed_with_plain_sql_is_caught(
    demo_database: Database, tmp_path: Path
) -> None:
    confirmed(demo_database)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed pages")
    signoff.sign_wet_ink(demo_database, AUGUST, scan=scan)
    assert audit.audit_meeting(demo_database, AUGUST).ok
    with demo_database.transaction() as conn:
        conn.execute(
            text("UPDATE attachments SET content = :c WHERE meeting_id = 1"),
            {"c": b"%PDF-1.4 other pages"},
        )
    report = audit.audit_meeting(demo_database, AUGUST)
    (kept,) = signoff.signed_copies(demo_database, AUGUST)  # the demo's reports come first
    assert report.files == (
        f"The kept file scan.pdf (attachment {kept.id}) has been changed: its SHA-256 no "
        "longer matches.",
    )


def test_clerk_audit_command_reports_and_exits_1(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    clean = run_clerk("--db", db, "audit", "1", "--summary", check=True)
    assert clean.stdout.splitlines()[-1] == "Result: no sign of tampering."
    import sqlite3

    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE journal SET label = 'nothing to see' WHERE meeting_id = 1 AND seq = 9")
        raw.execute("UPDATE paragraphs SET text = 'Changed.' WHERE meeting_id = 1 AND id = 1")
    result = run_clerk("--db", db, "audit", "1")
    assert result.returncode == 1
    out = result.stdout
    assert "  - Journal entry 9 (nothing to see) has been altered." in out
    assert "  - Minute paragraph 1: text is 'Changed.' in the stored record" in out
    assert "Result: TAMPERING DETECTED (2 problem(s))." in out
    assert "nothing to see" in out.split("Changes (every journal entry")[1]
    status = run_clerk("--db", db, "status", "1")
    assert status.returncode == 0
    assert "Record: WARNING: 2 sign(s) of tampering; run 'clerk audit 1'." in status.stdout
    undo = run_clerk("--db", db, "undo", "1")
    assert "clerk: warning: meeting 1's record does not match its journal" in undo.stderr


def test_an_exported_approved_record_imports_locked_and_audits_clean(
    demo_database: Database, tmp_path: Path
) -> None:
    approved(demo_database)
    exported = record_json.export_meeting(demo_database, AUGUST)
    elsewhere = open_database(str(tmp_path / "elsewhere.sqlite3"))
    try:
        meeting_id = record_json.import_document(elsewhere, json.loads(exported))
        current = signoff.status(elsewhere, meeting_id)
        assert current.stage.value == "approved" and current.locked
        assert [s.text.split(" (record")[0] for s in current.steps] == [
            "Circulated to Councillor Bye on 19 August 2021.",
            "Approved by Councillor Bye on 23 August 2021",
        ]
        assert current.steps[1].text.endswith(". Approved elsewhere; not verified here.")
        assert current.unverified
        report = audit.audit_meeting(elsewhere, meeting_id)
        assert report.ok
        assert report.unverified == (
            "1 step(s) were taken elsewhere (the record was imported) and are not verified "
            "here: keep the signed copy with 'clerk attach'.",
        )
        assert record_json.export_meeting(elsewhere, meeting_id) == exported
    finally:
        elsewhere.dispose()


def test_a_kept_signed_copy_deleted_with_plain_sql_is_caught(
    demo_database: Database, tmp_path: Path
) -> None:
    confirmed(demo_database)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed pages")
    signoff.sign_wet_ink(demo_database, AUGUST, scan=scan)
    before = audit.audit_meeting(demo_database, AUGUST)
    (kept,) = signoff.signed_copies(demo_database, AUGUST)
    with demo_database.reading() as conn:
        stored = len(attachments.list_for(conn, AUGUST))
    assert before.ok and before.files_checked == stored == 1  # the scan
    with demo_database.transaction() as conn:
        conn.execute(text("DELETE FROM attachments WHERE id = :i"), {"i": kept.id})
    report = audit.audit_meeting(demo_database, AUGUST)
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert report.files == (
        f"The signed-copy-attached step names scan.pdf with SHA-256 {digest[:16]}..., but no kept "
        "file has that hash.",
    )
    assert report.files_checked == stored - 1
