"""``clerk audit``'s report in words and the seal check, on findings made in memory: every
section's sentence for a clean and a tampered meeting, and each seal problem exact (quick enough
to run for each mutant of clerk/services/audit.py and record_checks.py: see docs/mutation.md).
The audits of real databases are tests/signoff/test_audit.py, test_tampering.py and
test_seals.py."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from clerk.domain.errors import ClerkError
from clerk.domain.journal import JournalEntry
from clerk.services import audit, signing
from clerk.services.anchors import APPROVED_KEYWORD, RECORD_KEYWORD, AnchorFindings
from clerk.services.audit import AuditReport, Change, seal_note
from clerk.services.record_checks import seal_problems
from clerk.services.signoff_status import local_time
from clerk.storage import seals
from clerk.storage.seals import RecordKey
from tests.core.builders import board_record
from tests.signoff.helpers import make_pki
from tests.signoff.test_signing import a_pdf

WHEN = datetime(2021, 8, 18, 9, 30, 5)
KEY = RecordKey(secret=b"the record key", where="test")
OTHER = RecordKey(secret=b"another installation", where="elsewhere")


def report(**fields: object) -> AuditReport:
    base: dict[str, object] = {
        "meeting_id": 1,
        "reference": "cyp-scrutiny-board/2021-08-18",
        "subject": "the minutes of 18 August 2021",
        "entries": 2,
        "chain": (),
        "record": (),
        "signoff": (),
        "register": (),
        "seals": (),
        "files": (),
        "files_checked": 0,
        "changes": (
            Change(1, WHEN, "clerk", "create", "Meeting created"),
            Change(12, WHEN, "mallory", "present", "mark Councillor Bye present"),
        ),
    }
    base.update(fields)
    return AuditReport(**base)  # type: ignore[arg-type]


def changes_lines() -> list[str]:
    moment = f"{local_time(WHEN):%Y-%m-%d %H:%M:%S}"
    return [
        "Changes (every journal entry: number, time, who, what):",
        f"     1  {moment}  clerk  Meeting created",
        f"    12  {moment}  mallory  mark Councillor Bye present",
    ]


CLEAN = [
    "Audit of the minutes of 18 August 2021 (meeting 1, cyp-scrutiny-board/2021-08-18)",
    "Journal: 2 entries; the hash chain is intact.",
    "Record: the stored record matches the one rebuilt from the journal.",
    "Sign-off: each step pins the journal as it was when the step was taken.",
    "Register: the meeting, its approval and signing are where the register put them.",
]


def test_a_clean_audit_says_so_section_by_section_then_lists_the_changes() -> None:
    clean = report()
    assert clean.ok and clean.problems == []
    assert clean.lines() == [*CLEAN, "Result: no sign of tampering.", *changes_lines()]
    assert clean.lines(with_changes=False) == [*CLEAN, "Result: no sign of tampering."]


def test_a_clean_audit_with_files_seals_and_notes_from_outside() -> None:
    clean = report(
        files_checked=2,
        sealed="Seals: 2 of 2 entries carry this installation's seal (record key abc).",
        outside=AnchorFindings(notes=("Fingerprint 1234: matches the approval.",)),
        unverified=("1 step(s) were taken elsewhere.",),
    )
    assert clean.ok
    assert clean.lines(with_changes=False) == [
        *CLEAN,
        "Seals: 2 of 2 entries carry this installation's seal (record key abc).",
        "Outside the database: the record matches what was kept outside it.",
        "  - Fingerprint 1234: matches the approval.",
        "Sign-off: 1 step(s) were taken elsewhere.",
        "Files: 2 kept with the meeting, unchanged (SHA-256).",
        "Result: no sign of tampering.",
    ]


def test_every_problem_is_listed_under_its_section_and_counted() -> None:
    tampered = report(
        chain=("chain 1", "chain 2"),
        record=("record 1",),
        signoff=("sign-off 1",),
        register=("register 1",),
        seals=("seal 1",),
        files=("file 1",),
        files_checked=1,
        sealed="Seals: not shown when a seal is broken.",
        outside=AnchorFindings(notes=("a note",), problems=("outside 1",)),
    )
    assert not tampered.ok
    assert tampered.problems == [
        "chain 1", "chain 2", "record 1", "sign-off 1", "register 1", "seal 1", "file 1",
        "outside 1",
    ]  # fmt: skip
    assert tampered.lines() == [
        CLEAN[0],
        "Journal: 2 entries; the hash chain is BROKEN:",
        "  - chain 1",
        "  - chain 2",
        "Record: the stored record DIFFERS from the one rebuilt from the journal:",
        "  - record 1",
        "Sign-off: PROBLEMS:",
        "  - sign-off 1",
        "Register: PROBLEMS:",
        "  - register 1",
        "Seals: PROBLEMS:",
        "  - seal 1",
        "Outside the database: the record DOES NOT MATCH:",
        "  - outside 1",
        "  - a note",
        "Files: PROBLEMS:",
        "  - file 1",
        "Result: TAMPERING DETECTED (8 problem(s)).",
        *changes_lines(),
    ]


@pytest.mark.parametrize(
    "field, value",
    [
        ("chain", ("x",)),
        ("record", ("x",)),
        ("signoff", ("x",)),
        ("register", ("x",)),
        ("seals", ("x",)),
        ("files", ("x",)),
        ("outside", AnchorFindings(problems=("x",))),
    ],
)
def test_any_one_problem_is_tampering(field: str, value: object) -> None:
    tampered = report(**{field: value})
    assert not tampered.ok and tampered.problems == ["x"]
    assert tampered.lines(with_changes=False)[-1] == "Result: TAMPERING DETECTED (1 problem(s))."
    assert "  - x" in tampered.lines()


def test_a_file_problem_without_files_checked_still_shows() -> None:
    lines = report(files=("gone",)).lines(with_changes=False)
    assert lines[-3:] == [
        "Files: PROBLEMS:",
        "  - gone",
        "Result: TAMPERING DETECTED (1 problem(s)).",
    ]


# Seals.


def sealed(hashes: list[str], key: RecordKey | None = KEY) -> list[tuple[str, str, str]]:
    return [
        (f"Journal entry {n}", h, key.seal(h) if key is not None else "")
        for n, h in enumerate(hashes, 1)
    ]


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> RecordKey:
    monkeypatch.setattr(seals, "installation_key", lambda: KEY)
    return KEY


def test_without_a_record_key_there_is_nothing_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seals, "installation_key", lambda: None)
    broken = [("Journal entry 1", "a" * 64, KEY.seal("b" * 64))]
    assert seal_problems(broken, strict=True) == []
    entries = [entry(1, "a" * 64)]
    assert seal_note(entries, {1: KEY.seal("a" * 64)}) == ""


def test_seals_that_verify_are_no_problem(keyed: RecordKey) -> None:
    assert seal_problems(sealed(["a" * 64, "b" * 64]), strict=True) == []
    assert seal_problems([], strict=True) == []


def test_a_seal_that_does_not_verify_is_named(keyed: RecordKey) -> None:
    entries = sealed(["a" * 64, "b" * 64, "c" * 64])
    name, _, seal = entries[1]
    entries[1] = (name, "d" * 64, seal)
    assert seal_problems(entries, strict=False) == [
        "Journal entry 2 carries this installation's seal, but the seal does not verify: the "
        "entry was changed by someone without the record key."
    ]


def test_entries_after_a_sealed_one_without_its_seal_were_added_without_the_key(
    keyed: RecordKey,
) -> None:
    entries = sealed(["a" * 64, "b" * 64])
    unsealed = [("Journal entry 3", "c" * 64, ""), ("Journal entry 4", "d" * 64, "")]
    other = [("Journal entry 3", "c" * 64, OTHER.seal("c" * 64))]
    assert seal_problems([*entries, unsealed[0]], strict=True) == [
        "Journal entry 3 (1 in all) carry no seal of this installation, though entries before "
        "them do: added or rewritten by someone without the record key."
    ]
    assert seal_problems([*entries, *unsealed], strict=True) == [
        "Journal entry 3 and later ones (2 in all) carry no seal of this installation, though "
        "entries before them do: added or rewritten by someone without the record key."
    ]
    assert seal_problems([*entries, *other], strict=True) == [
        "Journal entry 3 (1 in all) carry no seal of this installation, though entries before "
        "them do: added or rewritten by someone without the record key."
    ]
    # A shared database: colleagues' entries carry their own key's seal, or none.
    assert seal_problems([*entries, *unsealed], strict=False) == []
    # Entries before the first sealed one: written before the key existed.
    assert seal_problems([*unsealed, *entries], strict=True) == []


def test_a_broken_seal_and_unsealed_entries_are_both_found(keyed: RecordKey) -> None:
    entries = sealed(["a" * 64, "b" * 64])
    entries[1] = ("Journal entry 2", "e" * 64, entries[1][2])
    entries.append(("Journal entry 3", "c" * 64, ""))
    problems = seal_problems(entries, strict=True)
    assert [p.split(" carr")[0] for p in problems] == [
        "Journal entry 2",
        "Journal entry 3 (1 in all)",
    ]


def entry(seq: int, digest: str) -> JournalEntry:
    return JournalEntry(
        seq=seq, recorded_at=WHEN, who="clerk", kind="present", label="x", params={},
        changes={}, hash=digest,
    )  # fmt: skip


def test_the_seal_note_counts_the_entries_this_installation_sealed(keyed: RecordKey) -> None:
    entries = [entry(1, "a" * 64), entry(2, "b" * 64), entry(3, "c" * 64)]
    stored = {1: KEY.seal("a" * 64), 2: KEY.seal("x" * 64), 3: OTHER.seal("c" * 64)}
    assert seal_note(entries, stored) == (
        f"Seals: 1 of 3 entries carry this installation's seal (record key {KEY.id})."
    )
    assert audit.seal_note(entries, {}) == (
        f"Seals: 0 of 3 entries carry this installation's seal (record key {KEY.id})."
    )


# A signed copy held outside Clerk.


SIGNED_AT, APPROVED_AT = "ab" * 32, "cd" * 32


def minutes_pdf() -> bytes:
    """A PDF carrying the heads Clerk writes in the keywords of the minutes it signs."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setKeywords(f"{RECORD_KEYWORD}{SIGNED_AT} {APPROVED_KEYWORD}{APPROVED_AT}")
    page.drawString(72, 760, "Minutes of the Board, 18 August 2021")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def signed_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    pki = make_pki(tmp_path_factory.mktemp("pki"))
    credentials = signing.load_credentials(pki.p12, pki.passphrase)
    return signing.sign_pdf(minutes_pdf(), credentials, reason="Confirmed as a correct record")


def test_a_signed_copy_that_is_not_there_is_said_so(tmp_path: Path) -> None:
    with pytest.raises(ClerkError) as refused:
        audit.outside_copy(board_record(), tmp_path / "gone.pdf")
    assert str(refused.value) == f"No signed copy at {tmp_path / 'gone.pdf'}."


def test_a_copy_that_is_not_a_signed_pdf_is_said_to_be_one_clerk_cannot_check(
    tmp_path: Path,
) -> None:
    for name, data in [("scan.pdf", b"%PDF-1.4 not really"), ("plain.pdf", a_pdf())]:
        path = tmp_path / name
        path.write_bytes(data)
        assert audit.outside_copy(board_record(), path) == AnchorFindings(
            problems=(f"The signed copy {name} is not a signed PDF Clerk can check.",)
        )


def test_a_signed_copy_changed_after_signing_says_how(tmp_path: Path, signed_pdf: bytes) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(signed_pdf + b"% a note added later\n")
    assert audit.outside_copy(board_record(), path) == AnchorFindings(
        problems=(
            "The signed copy minutes.pdf has changed since it was signed (20 byte(s) were "
            "appended after the end of the file).",
        )
    )
    at = signed_pdf.index(RECORD_KEYWORD.encode())
    forged = signed_pdf[:at] + b"X" + signed_pdf[at + 1 :]  # a byte the signature covers
    path.write_bytes(forged)
    assert audit.outside_copy(board_record(), path) == AnchorFindings(
        problems=(
            "The signed copy minutes.pdf has changed since it was signed (the signed bytes do "
            "not match).",
        )
    )


def test_an_intact_signed_copy_is_compared_with_the_record(
    tmp_path: Path, signed_pdf: bytes
) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(signed_pdf)
    assert audit.outside_copy(board_record(), path) == AnchorFindings(
        problems=(
            "The signed copy minutes.pdf was signed on the record at ABAB-ABAB-ABAB-ABAB, but the "
            "record says it was signed never: the record has been changed since.",
            "The signed copy minutes.pdf was made from the minutes approved at "
            "CDCD-CDCD-CDCD-CDCD, but the record says they were approved never: the record has "
            "been changed since.",
        )
    )
