"""Digital signatures on the minutes: PAdES with pyHanko, and ``clerk verify``.

Signing uses the chair's certificate and key from a PKCS#12 file. Verifying says who signed,
when, whether the certificate chains to a configured trusted root, and whether the file has
changed since it was signed. ``Verification.lines()`` is the wording of ``clerk verify``; the
window shows the same sentences.

Trusted roots are the ``--trust`` files plus every certificate in the ``trust`` folder of
Clerk's data folder (``clerk verify --help`` prints where). Nothing else is trusted: not the
operating system's store, so the answer is the same on every machine with the same roots.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko.stamp import BaseStampStyle, StaticStampStyle, TextStampStyle
from pyhanko_certvalidator import ValidationContext

from clerk.documents.pdf_tags import add_signature_field
from clerk.documents.signature_field import SignatureField, draw_stamp
from clerk.domain.errors import ClerkError
from clerk.domain.timefmt import clock, long_date
from clerk.services import file_kinds
from clerk.storage.engine import data_dir

log = logging.getLogger(__name__)
FIELD_NAME = "ChairSignature"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


# -- the chair's certificate ------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """The chair's key and certificate, opened from a PKCS#12 file."""

    signer: signers.SimpleSigner
    common_name: str
    subject: str


def load_credentials(p12: Path, passphrase: bytes) -> Credentials:
    file_kinds.require(p12, "the signer's certificate (a PKCS#12 .p12/.pfx file)", frozenset(), {})
    try:
        data = p12.read_bytes()
    except FileNotFoundError:
        raise ClerkError(f"No certificate file at {p12}.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read the certificate file {p12}: {error.strerror}.") from None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=passphrase)
    except (ValueError, TypeError) as error:
        raise ClerkError(
            f"{p12.name} could not be opened: the passphrase is wrong or it is not a PKCS#12 "
            f"(.p12/.pfx) file ({error})."
        ) from None
    if signer is None or signer.signing_cert is None:
        raise ClerkError(f"{p12.name} holds no certificate with its private key.")
    cert = signer.signing_cert
    return Credentials(signer, common_name(cert), cert.subject.human_friendly)


def common_name(cert: Any) -> str:
    native = cert.subject.native
    name = native.get("common_name") or native.get("organization_name")
    if isinstance(name, list):
        name = name[0]
    return str(name) if name else cert.subject.human_friendly


# -- signing ----------------------------------------------------------------------------------


def sign_pdf(
    pdf: bytes,
    credentials: Credentials,
    reason: str,
    location: str = "",
    field: SignatureField | None = None,
    stamp: BaseStampStyle | None = None,
    printed: Sequence[str] = (),
) -> bytes:
    """The PDF with a PAdES signature (B-B level) added as an incremental update; visible in
    ``field`` (``clerk.documents.signature_field``: the last page's foot by default).
    ``printed`` is the text the stamp shows: the field's description announces it too, so that
    a screen reader says everything the page prints."""
    field = field or SignatureField()
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        name=credentials.common_name,
    )
    style = stamp or TextStampStyle(
        stamp_text="Digitally signed by %(signer)s\n%(ts)s",
        timestamp_format="%d %B %Y, %H:%M %Z",
    )
    signer = signers.PdfSigner(metadata, credentials.signer, stamp_style=style)
    out = io.BytesIO()
    try:
        # The field made first, so that a tagged PDF stays tagged: its widget in the structure.
        described = f"Signature of {credentials.common_name}: {reason}"
        if printed:
            described += ". " + ", ".join(printed)
        pdf = add_signature_field(pdf, FIELD_NAME, field.page, field.box, described)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        signer.sign_pdf(writer, output=out)
    except Exception as error:  # pyHanko raises many kinds; the user needs one sentence
        raise ClerkError(f"The minutes could not be signed: {error}") from error
    return out.getvalue()


def stamp_style(lines: Sequence[str], field: SignatureField, folder: Path) -> BaseStampStyle:
    """The visible signature's appearance: ``lines`` drawn the size of ``field``
    (``signature_field.draw_stamp``), framed."""
    page = draw_stamp(lines, field, folder / "stamp.pdf")
    return StaticStampStyle.from_pdf_file(str(page), border_width=1)


# -- verifying --------------------------------------------------------------------------------


def trust_folder() -> Path:
    """Where configured trusted roots live: PEM or DER certificates, one per file."""
    return data_dir() / "trust"


def configured_roots() -> list[Path]:
    folder = trust_folder()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in CERT_SUFFIXES)


def load_roots(paths: Sequence[Path]) -> list[Any]:
    roots = []
    for path in paths:
        try:
            roots.append(load_cert_from_pemder(str(path)))
        except FileNotFoundError:
            raise ClerkError(f"No trusted root certificate at {path}.") from None
        except Exception:
            raise ClerkError(
                f"{path} is not a certificate (PEM or DER) to trust as a root."
            ) from None
    return roots


@dataclass(frozen=True)
class SignatureCheck:
    """What one signature in the file says, and what checking it found."""

    field: str
    signer: str
    subject: str
    issuer: str
    signed_at: datetime | None
    reason: str
    location: str
    intact: bool
    valid: bool
    trusted: bool
    trust_problem: str
    whole_file: bool
    changed_after: str
    #: What follows the signed bytes, one line each (incremental updates, appended bytes).
    updates: tuple[str, ...] = ()

    @property
    def unchanged(self) -> bool:
        return self.intact and self.valid and not self.changed_after

    @property
    def ok(self) -> bool:
        return self.unchanged and self.trusted

    def lines(self) -> list[str]:
        out = [f"  Signed by: {self.signer} ({self.subject})"]
        if self.signed_at is not None:
            local = self.signed_at.astimezone()
            zone = f" {local.tzname()}" if local.tzname() else ""
            out.append(
                f"  Signed at: {long_date(local.date())}, {clock(local.time())}{zone} "
                "(as stated by the signer)"
            )
        else:
            out.append("  Signed at: not stated")
        if self.trusted:
            out.append(f"  Certificate: trusted (issued by {self.issuer}, a configured root)")
        else:
            out.append(f"  Certificate: NOT trusted by the configured roots ({self.trust_problem})")
        if not self.intact:
            out.append("  File: CHANGED since signing (the signed bytes do not match)")
        elif not self.valid:
            out.append("  File: the signature itself does not verify")
        elif self.changed_after:
            out.append(f"  File: CHANGED after signing ({self.changed_after})")
            out += [f"    - {line}" for line in self.updates if line not in self.changed_after]
        else:
            out.append("  File: unchanged since signing")
        if self.reason:
            out.append(f"  Reason: {self.reason}")
        if self.location:
            out.append(f"  Location: {self.location}")
        return out


@dataclass(frozen=True)
class Verification:
    """``clerk verify``: every signature in the file, checked against the trusted roots."""

    file: str
    sha256: str
    roots: tuple[str, ...]
    signatures: tuple[SignatureCheck, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem and bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def verdict(self) -> str:
        if self.problem:
            return f"NOT VALID: {self.problem}"
        if not self.signatures:
            return "NOT VALID: the file has no digital signature."
        if any(not s.unchanged for s in self.signatures):
            return "NOT VALID: the file has changed since it was signed."
        if any(not s.trusted for s in self.signatures):
            return "NOT TRUSTED: the signature is intact, but no configured root vouches for it."
        names = ", ".join(s.signer for s in self.signatures)
        return f"VALID: signed by {names}; the certificate is trusted; the file is unchanged."

    def lines(self) -> list[str]:
        out = [f"File: {self.file}", f"SHA-256: {self.sha256}"]
        if self.roots:
            out.append(f"Trusted roots: {', '.join(self.roots)}")
        else:
            out.append("Trusted roots: none configured (give --trust ROOT.pem)")
        total = len(self.signatures)
        for number, check in enumerate(self.signatures, start=1):
            out.append(f"Signature {number} of {total} (field {check.field}):")
            out += check.lines()
        out.append(f"Result: {self.verdict}")
        return out


def _changed_after(status: PdfSignatureStatus) -> str:
    if status.coverage is SignatureCoverageLevel.ENTIRE_FILE:
        return ""
    if status.coverage is not SignatureCoverageLevel.ENTIRE_REVISION:
        return "the signature does not cover the whole document"
    level = status.modification_level
    if level is None:
        return "additions after the signature that could not be assessed"
    if level.name in ("NONE", "LTA_UPDATES"):
        return ""
    words = {
        "FORM_FILLING": "form fields were filled in after signing",
        "ANNOTATIONS": "annotations were added after signing",
    }
    return words.get(level.name, "the document was modified after signing")


def _info(resolver: Any, reference: Any) -> dict[str, str]:
    if reference is None:
        return {}
    try:
        info = resolver(reference)
        return {str(key): str(value) for key, value in info.items()}
    except Exception:  # an unreadable /Info is itself different
        return {"?": "unreadable"}


def after_signature(reader: PdfFileReader, embedded: Any, data: bytes) -> list[str]:
    """What follows the signed bytes: each incremental update (and whether it changes the
    document information), and bytes appended after the end of the file. Empty when the
    signature covers the whole file."""
    found: list[str] = []
    start, length = (int(embedded.byte_range[i]) for i in (2, 3))
    signed_end = start + length
    if signed_end >= len(data.rstrip(b"\r\n\x00 ")):
        return found
    reference = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    reference = getattr(reference, "reference", None)
    signed_rev = embedded.signed_revision
    before = _info(reader.get_historical_resolver(signed_rev), reference)
    total = reader.xrefs.total_revisions
    for number, revision in enumerate(range(signed_rev + 1, total), start=1):
        changed = reader.xrefs.explicit_refs_in_revision(revision)
        after = _info(reader.get_historical_resolver(revision), reference)
        keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        what = f"{len(changed)} object(s)"
        if keys:
            what += f", and the document information: {', '.join(keys)}"
        found.append(f"incremental update {number} after the signature changes {what}")
        before = after
    end = data.rfind(b"%%EOF")
    trailing = data[end + 5 :].strip(b"\r\n\x00 \t") if end >= 0 else b""
    if trailing:
        found.append(f"{len(trailing)} byte(s) were appended after the end of the file")
    return found


def _check(embedded: object, context: ValidationContext, data: bytes = b"") -> SignatureCheck:
    status: PdfSignatureStatus = validate_pdf_signature(embedded, context)  # type: ignore[arg-type]
    cert = status.signing_cert
    sig_object = getattr(embedded, "sig_object", {})
    reader = getattr(embedded, "reader", None)
    updates = after_signature(reader, embedded, data) if reader is not None and data else []
    trusted = bool(status.trusted)
    problem = ""
    if not trusted:
        indic = status.trust_problem_indic
        problem = (
            f"no configured root issued it; its issuer is {common_name_of_name(cert.issuer)}"
            if indic is None or "NO_CERTIFICATE_CHAIN" in str(indic)
            else f"{str(indic).rsplit('.', 1)[-1].replace('_', ' ').lower()}; "
            f"issuer {common_name_of_name(cert.issuer)}"
        )
    return SignatureCheck(
        field=str(getattr(embedded, "field_name", "") or ""),
        signer=common_name(cert),
        subject=cert.subject.human_friendly,
        issuer=common_name_of_name(cert.issuer),
        signed_at=status.signer_reported_dt,
        reason=str(sig_object.get("/Reason", "") or ""),
        location=str(sig_object.get("/Location", "") or ""),
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=trusted,
        trust_problem=problem,
        whole_file=status.coverage is SignatureCoverageLevel.ENTIRE_FILE,
        changed_after=_changed_after(status) or "; ".join(updates),
        updates=tuple(updates),
    )


def common_name_of_name(name: Any) -> str:
    native = name.native
    found = native.get("common_name") or native.get("organization_name")
    if isinstance(found, list):
        found = found[0]
    return str(found) if found else name.human_friendly


def verify_pdf(
    data: bytes, file_name: str, trust: Sequence[Path] = (), use_configured: bool = True
) -> Verification:
    """Check every signature in a PDF against the trusted roots (``trust`` + configured)."""
    paths = [*trust, *(configured_roots() if use_configured else [])]
    roots = load_roots(paths)
    digest = hashlib.sha256(data).hexdigest()
    names = tuple(common_name_of_name(r.subject) for r in roots)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as error:
        log.info("cannot read %s as a PDF: %s", file_name, error)
        return Verification(
            file_name, digest, names, problem=f"the file cannot be read as a PDF ({error})."
        )
    checks = []
    for signature in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            checks.append(_check(signature, context, data))
        except Exception as error:
            log.info("signature in %s cannot be checked: %s", file_name, error)
            return Verification(
                file_name,
                digest,
                names,
                tuple(checks),
                problem=f"a signature cannot be checked: the file is damaged or altered ({error}).",
            )
    return Verification(file_name, digest, names, tuple(checks))


def verify_file(
    path: Path, trust: Sequence[Path] = (), use_configured: bool = True
) -> Verification:
    file_kinds.require(path, "a signed PDF", frozenset({file_kinds.PDF}), {})
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ClerkError(f"No file {path}.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read {path}: {error.strerror}.") from None
    return verify_pdf(data, path.name, trust, use_configured)
