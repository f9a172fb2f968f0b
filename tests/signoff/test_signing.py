"""PAdES signatures: a PDF signed with a test certificate verifies, and fails once changed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from clerk.domain.errors import ClerkError
from clerk.services import signing
from tests.conftest import run_clerk
from tests.signoff.helpers import Pki, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def a_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, "Minutes of the Board, 18 August 2021")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def signed(pki: Pki) -> bytes:
    credentials = signing.load_credentials(pki.p12, pki.passphrase)
    return signing.sign_pdf(a_pdf(), credentials, reason="Confirmed as a correct record")


def test_a_signed_pdf_verifies_against_its_root(pki: Pki, signed: bytes) -> None:
    result = signing.verify_pdf(signed, "minutes.pdf", [pki.root], use_configured=False)
    assert result.ok
    (check,) = result.signatures
    assert check.signer == "Councillor Bye"
    assert check.trusted and check.intact and check.valid and check.whole_file
    assert check.reason == "Confirmed as a correct record"
    lines = result.lines()
    assert (
        "  Signed by: Councillor Bye (Organization: Torbay Council (test), Common Name: "
        "Councillor Bye)" in lines
    )
    assert "  Certificate: trusted (issued by Clerk Test Root, a configured root)" in lines
    assert "  File: unchanged since signing" in lines
    assert lines[-1] == (
        "Result: VALID: signed by Councillor Bye; the certificate is trusted; the file is "
        "unchanged."
    )
    assert any(line.startswith("  Signed at: ") for line in lines)


def test_without_its_root_the_signature_is_intact_but_not_trusted(pki: Pki, signed: bytes) -> None:
    result = signing.verify_pdf(signed, "minutes.pdf", [pki.other_root], use_configured=False)
    assert not result.ok
    (check,) = result.signatures
    assert check.intact and not check.trusted
    assert (
        "  Certificate: NOT trusted by the configured roots (no configured root issued it; its "
        "issuer is Clerk Test Root)" in result.lines()
    )
    assert result.verdict.startswith("NOT TRUSTED")


@pytest.mark.parametrize("where", [0.1, 0.3, 0.5, 0.7, 0.95])
def test_changing_one_byte_fails_verification(pki: Pki, signed: bytes, where: float) -> None:
    altered = bytearray(signed)
    position = int(len(altered) * where)
    altered[position] ^= 0x01
    result = signing.verify_pdf(bytes(altered), "minutes.pdf", [pki.root], use_configured=False)
    assert not result.ok
    assert result.verdict.startswith("NOT VALID")


def test_a_configured_trust_folder_is_used(pki: Pki, signed: bytes) -> None:
    folder = signing.trust_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "council-root.pem").write_bytes(pki.root.read_bytes())
    assert signing.verify_pdf(signed, "minutes.pdf").ok


def test_an_unsigned_pdf_is_not_valid() -> None:
    result = signing.verify_pdf(a_pdf(), "plain.pdf", use_configured=False)
    assert result.verdict == "NOT VALID: the file has no digital signature."


def test_a_wrong_passphrase_is_a_clear_error(pki: Pki) -> None:
    with pytest.raises(
        ClerkError, match=r"chair\.p12 could not be opened: the passphrase is wrong"
    ):
        signing.load_credentials(pki.p12, b"not the passphrase")


def test_clerk_verify_says_who_signed_and_when_and_exits_1_when_changed(
    pki: Pki, signed: bytes, tmp_path: Path
) -> None:
    good = tmp_path / "signed.pdf"
    good.write_bytes(signed)
    result = run_clerk("verify", str(good), "--trust", str(pki.root), check=True)
    assert "  Signed by: Councillor Bye" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Result: VALID")
    altered = bytearray(signed)
    altered[len(altered) // 3] ^= 0x20
    bad = tmp_path / "altered.pdf"
    bad.write_bytes(bytes(altered))
    result = run_clerk("verify", str(bad), "--trust", str(pki.root))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("Result: NOT VALID")
    untrusted = run_clerk("verify", str(good))
    assert untrusted.returncode == 1
    assert "Trusted roots: none configured (give --trust ROOT.pem)" in untrusted.stdout
