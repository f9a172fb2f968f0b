"""Outside the database: the fingerprint on the minute-book copy, the heads under a digital
signature, and an imported record's sign-off history until its signed copy verifies here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk.domain.actions.signoff import SignoffAction
from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.fingerprint import approval_head, fingerprint, signing_head
from clerk.domain.record import MeetingRecord
from clerk.services import audit, minute_book, record_json, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.signoff.forgery import rewrite_journal
from tests.signoff.helpers import AUGUST, OPEN_SEPTEMBER, Pki, approved, confirmed, make_pki
from tests.signoff.test_tampering import _reword_paragraph_4, adding_paragraph


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def test_clerk_audit_takes_the_fingerprint_printed_on_the_copy(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")

    def clerk(*args: str, code: int = 0) -> str:
        result = run_clerk("--db", db, *args)
        assert result.returncode == code, result.stderr
        return result.stdout + result.stderr

    clerk("demo")
    clerk("circulate", "1", "--on", "2021-08-19")
    clerk("approve", "1", "--on", "2021-08-23")
    printed = clerk("print", "1", "-o", str(tmp_path / "book.pdf")).splitlines()[1]
    code = printed.split()[1].rstrip(":")
    good = clerk("audit", "1", "--summary", "--fingerprint", code)
    assert f"  - Fingerprint {code}: matches the approval of the minutes of 18 August 2021." in good
    assert good.splitlines()[-1] == "Result: no sign of tampering."
    wrong = "0000-1111-2222-3333-4444"
    bad = clerk("audit", "1", "--summary", "--fingerprint", wrong, code=1)
    assert "Outside the database: the record DOES NOT MATCH:" in bad
    assert f"  - The fingerprint {wrong} does not match the record" in bad
    typo = clerk("audit", "1", "--fingerprint", "3F2A-XYZ", code=1)
    assert typo.startswith("clerk: error: '3F2A-XYZ' is not a fingerprint: it is hexadecimal")


def test_the_signed_pdf_carries_the_heads_and_audit_compares_them(
    demo_database: Database, pki: Pki, tmp_path: Path
) -> None:
    confirmed(demo_database)
    signoff.set_signing_mode(demo_database, SigningMode.DIGITAL)
    out = tmp_path / "signed.pdf"
    signoff.sign_digital(demo_database, AUGUST, pki.p12, pki.passphrase, out)
    record = MeetingSession(demo_database, AUGUST).record
    report = audit.audit_meeting(demo_database, AUGUST, signed_copy=out)
    assert report.ok, report.problems
    note = (
        f"The signed copy signed.pdf: signed on this record at {fingerprint(signing_head(record))}"
        f", as approved at {fingerprint(approval_head(record))}."
    )
    assert report.outside.notes == (note, note)  # the copy kept, and the one given
    # With the fingerprint typed from the paper copy too: each finding is kept.
    code = fingerprint(approval_head(record))
    typed = audit.audit_meeting(demo_database, AUGUST, fingerprint=code, signed_copy=out)
    assert typed.outside.notes[1:] == (note, note)
    assert typed.outside.notes[0].startswith(f"Fingerprint {code}: matches the approval of ")
    # A forger rewrites journal and register alike: the signed copy still says what was signed.
    rewrite_journal(
        demo_database, AUGUST, adding_paragraph(demo_database, 4), _reword_paragraph_4, True
    )
    report = audit.audit_meeting(demo_database, AUGUST, signed_copy=out)
    assert not report.ok
    assert report.chain == report.record == report.signoff == report.register == ()
    assert len(report.outside.problems) == 4
    assert report.outside.problems[0].startswith(
        "The signed copy signed.pdf was signed on the record at "
    )
    # The kept signed PDF deleted: the signing step still names it.
    signed_step = next(st for st in record.signoff.values() if st.step is SignoffStepKind.SIGNED)
    forget_kept = text("DELETE FROM attachments WHERE meeting_id = :m AND purpose = :p")
    with demo_database.transaction() as conn:
        conn.execute(forget_kept, {"m": AUGUST, "p": signoff.SIGNED_PDF})
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.files == (
        f"The signed step names {signed_step.file_name} with SHA-256 {signed_step.sha256[:16]}"
        "..., but no kept file has that hash.",
    )


def test_an_imported_record_claiming_to_be_signed_is_not_verified_until_its_copy_is_kept(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home.sqlite3"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed pages")

    def clerk(db: Path, *args: str) -> str:
        return run_clerk("--db", str(db), *args, check=True).stdout

    clerk(home, "demo")
    clerk(home, "circulate", "1", "--on", "2021-08-19")
    clerk(home, "approve", "1", "--on", "2021-08-23")
    script = tmp_path / "september.jsonl"
    script.write_text(OPEN_SEPTEMBER, encoding="utf-8")
    clerk(home, "replay", "2", str(script))
    clerk(home, "confirm", "1", "--at", "2")
    clerk(home, "sign", "1", "--on", "2021-09-20", "--scan", str(scan))
    record = tmp_path / "august.json"
    clerk(home, "export", "1", "-o", str(record))

    team = tmp_path / "team.sqlite3"
    clerk(team, "import", str(record))
    status = clerk(team, "status", "1")
    assert "Stage: signed (locked: the record can no longer be changed); taken elsewhere and " in (
        status
    )
    assert "Approved elsewhere; not verified here." in status
    assert "Signed elsewhere; not verified here." in status
    steps = json.loads(clerk(team, "status", "1", "--json"))["steps"]
    assert [(s["step"], s["elsewhere"], s["verified"]) for s in steps] == [
        ("circulated", False, True),
        ("approved", True, False),
        ("confirmed", True, False),
        ("signed", True, False),
        ("signed-copy-attached", True, False),
    ]
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4 some other pages")
    clerk(team, "attach", "1", str(other))  # kept, but it is not the copy that was signed
    assert "Signed elsewhere; not verified here." in clerk(team, "status", "1")
    clerk(team, "attach", "1", str(scan))
    status = clerk(team, "status", "1")
    assert "not verified here" not in status
    assert "Signed elsewhere; verified here against the signed copy kept with the meeting." in (
        status
    )


class _Rewording(SignoffAction):
    """A sign-off step in name, that rewrites a paragraph: the lock looks at what it changes."""

    kind = "test_rewording"

    def apply(self, record: MeetingRecord, ctx: object) -> str:  # type: ignore[override]
        from dataclasses import replace

        record.paragraphs[4] = replace(record.paragraphs[4], text="Rewritten.")
        return "circulate again"


def test_the_lock_refuses_a_change_whatever_the_action_calls_itself(
    demo_database: Database,
) -> None:
    approved(demo_database)
    session = MeetingSession(demo_database, AUGUST)
    with pytest.raises(RuleViolation, match=r"cannot be recorded: it changes minute paragraph 4\."):
        session.apply(_Rewording())
    assert MeetingSession(demo_database, AUGUST).record.paragraphs[4].text != "Rewritten."


def test_a_record_exported_after_approval_carries_what_was_approved(
    demo_database: Database, tmp_path: Path
) -> None:
    approved(demo_database)
    document = json.loads(record_json.export_meeting(demo_database, AUGUST))
    (context,) = document["uk_local_government"]["approved_as"]
    assert context["committee"]["slug"] == "cyp-scrutiny-board"
    assert "bye" in {p["id"] for p in context["persons"]}
    elsewhere = open_database(str(tmp_path / "team.sqlite3"))
    try:
        meeting_id = record_json.import_document(elsewhere, document)
        assert MeetingSession(elsewhere, meeting_id).record.approved_as
        assert minute_book.minute_book_copy(elsewhere, meeting_id).fingerprint
    finally:
        elsewhere.dispose()
