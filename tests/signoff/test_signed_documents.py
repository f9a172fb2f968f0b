"""What is signed: the minute-book copy (wet ink) and the digitally signed minutes PDF."""

from __future__ import annotations

import io
import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk.documents.tracker import tracker_rows
from clerk.domain.actions.proceedings import CloseMeeting
from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.domain.fingerprint import fingerprint
from clerk.services import minute_book, signing, signoff
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.conftest import run_clerk
from tests.documents.tagged import read_tagged
from tests.documents.test_tagged_pdf import _outloud
from tests.signoff.helpers import (
    AUGUST,
    OPEN_SEPTEMBER,
    SEPTEMBER,
    Pki,
    approved,
    confirmed,
    make_pki,
    under_way,
)

DRAFT = "Draft: subject to confirmation"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_minute_book_copy_is_numbered_initialled_and_signed_in_a_box(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    with pytest.raises(RuleViolation, match=r"cannot print the minute-book copy .* yet"):
        minute_book.print_minute_book(sqlite_demo, AUGUST, tmp_path / "early.pdf")
    approved(sqlite_demo)
    printed = minute_book.print_minute_book(sqlite_demo, AUGUST, tmp_path / "book.pdf")
    assert printed.path == tmp_path / "book.pdf"
    texts = page_texts(printed.path.read_bytes())
    assert (printed.first_page, printed.last_page) == (1, len(texts))
    record = MeetingSession(sqlite_demo, AUGUST).record
    code = fingerprint(record.signoff[max(record.signoff)].chain_head)  # the approval's head
    assert printed.fingerprint == code and len(code) == 19
    for number, text in enumerate(texts, start=1):
        # The page count said once; the fingerprint not in every footer.
        assert text.count("Minute book page") == 1
        assert f"Minute book page {number}" in text.splitlines()
        assert "Initials" in text
        assert DRAFT not in text
    assert "Signed: ......" in texts[-1] and "Chairman" in texts[-1]
    everything = "\n".join(texts)
    assert everything.count(code) == 1  # printed once, labelled, beside the signature
    assert f"Record fingerprint\n{code}" in texts[-1]


def test_the_minute_book_signature_box_has_room_to_sign(sqlite_demo: Database) -> None:
    from clerk.documents.pdf import SIGNATURE_MARK, render_pdf_marked

    approved(sqlite_demo)
    with sqlite_demo.reading() as conn:
        record, _ = repo.load_record(conn, AUGUST)
    document = minute_book.minute_book_document(record, 1)
    pdf, marks = render_pdf_marked(document)
    page, _x1, _y1, _x2, top = marks[SIGNATURE_MARK]
    reader = PdfReader(io.BytesIO(pdf))
    baselines: list[float] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.startswith("Signed:"):
            baselines.append(tm[5])

    reader.pages[page - 1].extract_text(visitor_text=visit)
    (signed,) = baselines
    assert (top - signed) / 72 * 25.4 >= 20  # millimetres above the "Signed:" line


def test_the_minute_book_continues_from_the_earlier_signed_minutes_of_the_year(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    approved(sqlite_demo)
    session = under_way(sqlite_demo, SEPTEMBER)
    signoff.confirm(sqlite_demo, AUGUST, SEPTEMBER)
    session.reload()
    session.apply(CloseMeeting())
    signoff.circulate(sqlite_demo, SEPTEMBER)
    signoff.approve(sqlite_demo, SEPTEMBER)

    early = minute_book.minute_book_copy(sqlite_demo, SEPTEMBER)
    assert early.first_page == 1
    assert early.unsigned == ("18 August 2021",)
    assert "not signed yet" in early.lines()[-1]

    signoff.sign_wet_ink(sqlite_demo, AUGUST, on=date(2021, 9, 20))
    with sqlite_demo.reading() as conn:
        august, _ = repo.load_record(conn, AUGUST)
    signed = next(s for s in august.signoff.values() if s.step is SignoffStepKind.SIGNED)
    assert (signed.first_page, signed.last_page) == (1, 2)

    later = minute_book.minute_book_copy(sqlite_demo, SEPTEMBER)
    assert later.first_page == 3 and later.unsigned == ()
    assert "Minute book page 3" in page_texts(later.pdf)[0].splitlines()


def test_a_digital_council_has_no_minute_book_copy(sqlite_demo: Database) -> None:
    approved(sqlite_demo)
    signoff.set_signing_mode(sqlite_demo, SigningMode.DIGITAL)
    with pytest.raises(ClerkError, match=r"signs minutes digitally .* no minute-book copy"):
        minute_book.minute_book_copy(sqlite_demo, AUGUST)


def test_the_demo_minutes_signed_digitally_verify_and_fail_once_changed(
    demo_database: Database, pki: Pki, tmp_path: Path
) -> None:
    confirmed(demo_database)
    signoff.set_signing_mode(demo_database, SigningMode.DIGITAL)
    out = tmp_path / "signed.pdf"
    result = signoff.sign_digital(demo_database, AUGUST, pki.p12, pki.passphrase, out)
    data = out.read_bytes()
    assert result.signer == "Councillor Bye"

    # The signer is shown in the minutes' signature block and in the signature's appearance.
    last_page = page_texts(data)[-1]
    assert "Signed digitally by Councillor Bye" in last_page
    assert DRAFT not in "".join(page_texts(data))

    check = signing.verify_pdf(data, out.name, [pki.root], use_configured=False)
    assert check.ok, check.lines()
    (signature,) = check.signatures
    assert signature.reason == (
        "Confirmed as a correct record at the meeting of 20 September 2021 (Minute 19/9/21); "
        "signed by the Chairman"
    )

    # The step records the file's hash and signer, and the signed PDF is kept with the meeting.
    current = signoff.status(demo_database, AUGUST)
    assert current.steps[-1].text.startswith("Signed digitally by Councillor Bye on ")
    (kept,) = signoff.signed_copies(demo_database, AUGUST)
    assert signoff.attachment_content(demo_database, kept.id) == data
    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, AUGUST)
    step = next(s for s in record.signoff.values() if s.step is SignoffStepKind.SIGNED)
    assert step.sha256 == kept.sha256 == result.sha256
    assert step.signer == "Councillor Bye"

    altered = bytearray(data)
    altered[len(altered) // 2] ^= 0x01
    changed = signing.verify_pdf(bytes(altered), out.name, [pki.root], use_configured=False)
    assert not changed.ok
    assert changed.verdict.startswith("NOT VALID")


def test_digital_signing_refusals_change_nothing(
    sqlite_demo: Database, pki: Pki, tmp_path: Path
) -> None:
    approved(sqlite_demo)
    out = tmp_path / "signed.pdf"
    with pytest.raises(RuleViolation, match=r"signs minutes in wet ink .* not digitally"):
        signoff.sign_digital(sqlite_demo, AUGUST, pki.p12, pki.passphrase, out)
    signoff.set_signing_mode(sqlite_demo, SigningMode.DIGITAL)
    with pytest.raises(RuleViolation, match=r"cannot sign .* not been confirmed"):
        signoff.sign_digital(sqlite_demo, AUGUST, pki.p12, pki.passphrase, out)
    under_way(sqlite_demo, SEPTEMBER)
    signoff.confirm(sqlite_demo, AUGUST, SEPTEMBER)
    with pytest.raises(ClerkError, match="the passphrase is wrong"):
        signoff.sign_digital(sqlite_demo, AUGUST, pki.p12, b"wrong", out)
    assert not out.exists()
    assert signoff.status(sqlite_demo, AUGUST).stage.value == "confirmed"
    assert signoff.signed_copies(sqlite_demo, AUGUST) == []


def test_confirmed_minutes_drop_the_draft_mark(sqlite_demo: Database, tmp_path: Path) -> None:
    approved(sqlite_demo)
    [approved_pdf] = generate_minutes(sqlite_demo, AUGUST, ["pdf"], False, tmp_path / "a")
    assert DRAFT in page_texts(approved_pdf.read_bytes())[0]
    under_way(sqlite_demo, SEPTEMBER)
    signoff.confirm(sqlite_demo, AUGUST, SEPTEMBER)
    [confirmed_pdf] = generate_minutes(sqlite_demo, AUGUST, ["pdf"], False, tmp_path / "b")
    assert DRAFT not in page_texts(confirmed_pdf.read_bytes())[0]


def test_the_tracker_shows_a_carried_action_once_where_it_began(sqlite_demo: Database) -> None:
    confirmed(sqlite_demo)
    with sqlite_demo.reading() as conn:
        records = [repo.load_record(conn, m)[0] for m in (AUGUST, SEPTEMBER)]
    rows, _withheld = tracker_rows(records, open_only=False)
    shown = [
        (r.meeting.meeting.date, r.item.minute_number, r.number, r.action.status) for r in rows
    ]
    assert [(day, minute, number) for day, minute, number, _ in shown] == [
        (date(2021, 8, 18), 17, 1),
        (date(2021, 8, 18), 17, 2),
    ]
    carried = rows[0].action
    assert carried.carried_from  # the September copy, the live one
    assert [c.text for c in carried.comments] == ["Added to work programme."]


def test_both_signing_modes_from_the_command_line(tmp_path: Path, pki: Pki) -> None:
    db = str(tmp_path / "demo.sqlite3")

    def clerk(*args: str) -> str:
        return run_clerk("--db", db, *args, check=True).stdout

    clerk("demo")
    clerk("circulate", "1")
    clerk("approve", "1")
    script = tmp_path / "september.jsonl"
    script.write_text(OPEN_SEPTEMBER, encoding="utf-8")
    clerk("replay", "2", str(script))
    clerk("confirm", "1", "--at", "2")
    book = tmp_path / "minute-book.pdf"
    printed = clerk("print", "1", "-o", str(book)).splitlines()
    assert printed[0] == f"{book}: minute-book pages 1 to 2."
    assert re.fullmatch(r"Fingerprint (\w{4}-){3}\w{4}: printed on the copy; .*", printed[1])
    assert "Initials" in page_texts(book.read_bytes())[0]

    clerk("signing-mode", "digital")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(pki.passphrase.decode() + "\n", encoding="utf-8")
    signed = tmp_path / "signed.pdf"
    out = clerk(
        "sign", "1", "--p12", str(pki.p12), "--passphrase-file", str(passphrase),
        "-o", str(signed),
    )  # fmt: skip
    assert out.startswith(f"Signed by Councillor Bye: {signed} (SHA-256 ")
    verified = clerk("verify", str(signed), "--trust", str(pki.root))
    assert "  Signed by: Councillor Bye" in verified
    assert verified.splitlines()[-1].startswith("Result: VALID")
    assert "Stage: signed" in clerk("status", "1")


def test_the_digitally_signed_minutes_stay_a_tagged_pdf(
    sqlite_demo: Database, pki: Pki, tmp_path: Path
) -> None:
    """The signature field is made before signing, so its widget is in the structure: a Form
    element at the end owns it (OBJR), the widget's StructParent leads back to that element,
    and it says whose signature it is (/TU, /Alt). Every page's text stays tagged, and a
    PDF/UA checker finds nothing."""
    confirmed(sqlite_demo)
    signoff.set_signing_mode(sqlite_demo, SigningMode.DIGITAL)
    out = tmp_path / "signed.pdf"
    signoff.sign_digital(sqlite_demo, AUGUST, pki.p12, pki.passphrase, out)
    data = out.read_bytes()
    tagged = read_tagged(data)
    pdf = tagged.pdf
    assert pdf.Root.MarkInfo.Marked is True
    (form,) = tagged.root.all("Form")
    assert tagged.root.kids[-1] is form
    (widget,) = form.annotations
    assert widget.FT == "/Sig" and widget.T == signing.FIELD_NAME and "/V" in widget
    assert str(widget.TU).startswith("Signature of Councillor Bye: Confirmed as a correct record")
    assert form.alt == str(widget.TU)
    # What the stamp prints is announced too: a fingerprint of letters only (ABFE-FEAB) is
    # words a checker finds in no structure element otherwise.
    assert "Signed digitally by, Councillor Bye, Chairman, " in str(widget.TU)
    assert re.search(r", Fingerprint [0-9A-F]{4}(-[0-9A-F]{4}){3}$", str(widget.TU))
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    values = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    assert values[int(widget.StructParent)].S == "/Form"
    assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == int(widget.StructParent) + 1
    for page in tagged.pages:
        assert page.untagged == []
    assert signing.verify_pdf(data, out.name, [pki.root], use_configured=False).ok
    if _outloud() is not None:
        report = tmp_path / "outloud.json"
        command = [str(_outloud()), str(out), "--json", str(report), "--fail-on", "warning"]
        subprocess.run(command, capture_output=True, text=True, timeout=600)
        (checked,) = json.loads(report.read_text())["results"]
        assert checked["findings"] == [], checked["findings"]
