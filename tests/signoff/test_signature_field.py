"""Where the digital signature goes (``clerk.documents.signature_field``), and the sign-off
service's refusals without command-line syntax (the commands add it)."""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import text

from clerk.documents.model import Document, Signature
from clerk.documents.pdf import SIGNATURE_MARK, render_pdf_marked
from clerk.documents.signature_field import POINTS_PER_MM, SignatureField, render_for_signing
from clerk.domain.enums import SigningMode
from clerk.services import signoff
from clerk.services.minute_book import final_document
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.conftest import run_clerk
from tests.signoff.helpers import AUGUST, Pki, confirmed, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def signed_document(database: Database, signer: str = "Councillor Bye") -> Document:
    with database.reading() as conn:
        record, _version = repo.load_record(conn, AUGUST)
    signature = Signature(
        "Chairman", signed=f"Signed digitally by {signer}", dated="Date: today", boxed=True
    )
    return final_document(record, signature)


def test_the_field_is_beside_the_boxed_signature_block(sqlite_demo: Database) -> None:
    document = signed_document(sqlite_demo)
    pdf, field = render_for_signing(document)
    _same, marks = render_pdf_marked(document)
    page, x1, y1, x2, y2 = marks[SIGNATURE_MARK]
    assert field.page == page - 1  # an index from 0; the mark counts from 1
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert len(opened.pages) >= page
    width_mm = document.geometry.page(document.landscape)[0]
    margin = (width_mm - document.geometry.right) * POINTS_PER_MM
    assert field.box == (int(x2) + 12, int(y1), int(margin) - 2, int(y2))
    assert x1 < x2 < field.box[0] < field.box[2] < margin
    assert field.width > 100 and field.height == int(y2) - int(y1) > 40


def test_a_document_without_a_boxed_signature_block_has_no_field(sqlite_demo: Database) -> None:
    document = signed_document(sqlite_demo)
    with pytest.raises(ValueError, match="no boxed signature block"):
        render_for_signing(replace(document, blocks=document.blocks[:-1]))


def test_the_signed_minutes_carry_the_signature_in_that_field(
    sqlite_demo: Database, pki: Pki, tmp_path: Path
) -> None:
    confirmed(sqlite_demo)
    signoff.set_signing_mode(sqlite_demo, SigningMode.DIGITAL)
    out = tmp_path / "signed.pdf"
    signoff.sign_digital(sqlite_demo, AUGUST, pki.p12, pki.passphrase, out)
    with pikepdf.open(out) as pdf:
        placed = [
            (index, [round(float(v)) for v in annot.Rect])
            for index, page in enumerate(pdf.pages)
            for annot in page.get("/Annots", [])
            if annot.get("/FT") == "/Sig"
        ]
    _pdf, field = render_for_signing(signed_document(sqlite_demo))
    assert placed == [(field.page, list(field.box))]
    assert field != SignatureField()  # placed beside the block, not at the default


def tamper(database: Database) -> None:
    with database.transaction() as conn:
        conn.execute(
            text("UPDATE paragraphs SET text = 'Changed.' WHERE meeting_id = 1 AND id = 1")
        )


def test_a_tampered_record_is_refused_in_words_with_no_command(sqlite_demo: Database) -> None:
    signoff.circulate(sqlite_demo, AUGUST)
    tamper(sqlite_demo)
    with pytest.raises(signoff.RecordDoesNotMatchJournal) as refused:
        signoff.approve(sqlite_demo, AUGUST)
    message = str(refused.value)
    assert message.startswith("The record of meeting 1 does not match its journal (")
    assert message.endswith("; it cannot approve until that is resolved.")
    assert "clerk " not in message and refused.value.meeting_id == AUGUST


def test_the_command_names_clerk_audit(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    run_clerk("--db", db, "circulate", "1", check=True)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE paragraphs SET text = 'Changed.' WHERE meeting_id = 1 AND id = 1")
    refused = run_clerk("--db", db, "approve", "1")
    assert refused.returncode == 1
    (line,) = refused.stderr.strip().splitlines()[-1:]
    assert line.startswith("clerk: error: The record of meeting 1 does not match its journal")
    assert line.endswith("it cannot approve until that is resolved. Run 'clerk audit 1'.")
