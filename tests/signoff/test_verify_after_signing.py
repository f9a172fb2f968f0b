"""``clerk verify``: bytes appended, or the document information changed, after the signature
are a change after signing, each incremental update listed; not "unchanged"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from clerk.services import signing
from tests.conftest import run_clerk
from tests.signoff.helpers import Pki, make_pki
from tests.signoff.test_signing import a_pdf


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def signed(pki: Pki) -> bytes:
    credentials = signing.load_credentials(pki.p12, pki.passphrase)
    return signing.sign_pdf(a_pdf(), credentials, reason="Confirmed as a correct record")


def retitled(pdf: bytes) -> bytes:
    """An incremental update after the signature that changes the document's title."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/Title")] = generic.pdf_string("Minutes (amended)")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_bytes_appended_after_the_signature_are_a_change(pki: Pki, signed: bytes) -> None:
    result = signing.verify_pdf(
        signed + b"% a note added later\n", "minutes.pdf", [pki.root], use_configured=False
    )
    assert not result.ok
    (check,) = result.signatures
    assert check.intact and check.valid and not check.unchanged
    assert check.updates == ("20 byte(s) were appended after the end of the file",)
    assert "  File: CHANGED after signing (20 byte(s) were appended after the end of the file)" in (
        result.lines()
    )
    assert result.verdict == "NOT VALID: the file has changed since it was signed."


def test_a_metadata_update_after_the_signature_is_a_change_and_is_listed(
    pki: Pki, signed: bytes
) -> None:
    result = signing.verify_pdf(retitled(signed), "minutes.pdf", [pki.root], use_configured=False)
    assert not result.ok
    (check,) = result.signatures
    (update,) = check.updates
    assert update.startswith(
        "incremental update 1 after the signature changes 3 object(s), and the document "
        "information: "
    )
    assert update.endswith("/Title")  # and /ModDate, when the clock ticked meanwhile
    assert result.verdict == "NOT VALID: the file has changed since it was signed."


def test_clerk_verify_exits_1_for_an_update_after_signing(
    pki: Pki, signed: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(retitled(signed) + b"trailing\n")
    result = run_clerk("verify", str(path), "--trust", str(pki.root), "--no-config")
    assert result.returncode == 1
    assert "  File: CHANGED after signing (incremental update 1 after the signature" in (
        result.stdout
    )
    assert "8 byte(s) were appended after the end of the file" in result.stdout
