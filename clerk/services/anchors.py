"""The record against what is kept outside the database: the fingerprint printed on the
minute-book copy, and the heads a digitally signed PDF carries under its signature.

A forger who can write the database can rewrite a meeting's journal and recompute the whole
hash chain, so that the database agrees with itself. The paper and the signed file cannot be
rewritten with it: the fingerprint (``clerk.domain.fingerprint``) and the signed PDF's heads
name the journal as it was at approval and signing, and no longer match a rewritten one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from clerk.domain.fingerprint import approval_head, fingerprint, matches, read_code, signing_head
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.lifecycle import minutes_name

RECORD_KEYWORD = "clerk-record:"
APPROVED_KEYWORD = "clerk-approved:"


@dataclass(frozen=True)
class AnchorFindings:
    """What matched (notes) and what did not (problems)."""

    notes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    def __add__(self, other: AnchorFindings) -> AnchorFindings:
        return AnchorFindings(self.notes + other.notes, self.problems + other.problems)


def check_fingerprint(record: MeetingRecord, typed: str) -> AnchorFindings:
    """The fingerprint typed from the minute-book copy, against the record's approval."""
    code = read_code(typed)
    name = minutes_name(record)
    approved, signed = approval_head(record), signing_head(record)
    if approved and matches(code, approved):
        return AnchorFindings(
            notes=(f"Fingerprint {fingerprint(approved)}: matches the approval of {name}.",)
        )
    if signed and matches(code, signed):
        return AnchorFindings(
            notes=(f"Fingerprint {fingerprint(signed)}: matches the signing of {name}.",)
        )
    if not approved:
        return AnchorFindings(
            problems=(
                f"The fingerprint {typed} was given, but the record holds no approval of {name}: "
                "the approval has been taken out of the record, or the fingerprint is of "
                "other minutes.",
            )
        )
    return AnchorFindings(
        problems=(
            f"The fingerprint {typed} does not match the record, which says {name} were "
            f"approved at fingerprint {fingerprint(approved)}: if the code was typed correctly "
            "from the minute-book copy, the record has been rewritten since it was printed.",
        )
    )


def pdf_heads(data: bytes) -> tuple[str, str] | None:
    """The heads a Clerk-signed PDF carries in its keywords: (at signing, at approval)."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # pyHanko only when a PDF is read

    try:
        trailer = PdfFileReader(io.BytesIO(data), strict=False).trailer
        keywords = str(trailer["/Info"].get("/Keywords", "") or "") if "/Info" in trailer else ""
    except Exception:
        return None
    words = keywords.split()
    record = next((w[len(RECORD_KEYWORD) :] for w in words if w.startswith(RECORD_KEYWORD)), "")
    approved = next(
        (w[len(APPROVED_KEYWORD) :] for w in words if w.startswith(APPROVED_KEYWORD)), ""
    )
    return (record, approved) if record else None


def check_signed_copy(record: MeetingRecord, name: str, data: bytes) -> AnchorFindings:
    """A digitally signed PDF's heads against the record's signing and approval."""
    heads = pdf_heads(data)
    if heads is None:
        return AnchorFindings(
            problems=(
                f"The signed copy {name} carries no record fingerprint: it is not a copy Clerk "
                "signed, or it has been altered.",
            )
        )
    at_signing, at_approval = heads
    signed, approved = signing_head(record), approval_head(record)
    problems = []
    if at_signing != signed:
        said = f"at {fingerprint(signed)}" if signed else "never"
        problems.append(
            f"The signed copy {name} was signed on the record at {fingerprint(at_signing)}, but "
            f"the record says it was signed {said}: the record has been changed since."
        )
    if at_approval and at_approval != approved:
        said = f"at {fingerprint(approved)}" if approved else "never"
        problems.append(
            f"The signed copy {name} was made from the minutes approved at "
            f"{fingerprint(at_approval)}, but the record says they were approved {said}: the "
            "record has been changed since."
        )
    if problems:
        return AnchorFindings(problems=tuple(problems))
    approved_note = f", as approved at {fingerprint(at_approval)}" if at_approval else ""
    return AnchorFindings(
        notes=(
            f"The signed copy {name}: signed on this record at {fingerprint(at_signing)}"
            f"{approved_note}.",
        )
    )
