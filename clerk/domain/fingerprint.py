"""The minutes' fingerprint: the journal's head when they were approved, short enough to print.

Approving the minutes pins the journal's head (the hash of the last entry before the
approval, which covers every entry up to it). That head, printed on the minute-book copy and
embedded in the signed PDF, is kept outside the database: if anyone later rewrites the journal
and recomputes the whole chain, the head in the database no longer matches the one on paper or
in the signed file. Sixteen hexadecimal digits (64 bits: far beyond anyone's search for a
rewrite that keeps them) in groups of four are printed, e.g. ``3F2A-9C1B-77DE-0A45``;
``clerk audit MEETING --fingerprint CODE`` takes them back.
"""

from __future__ import annotations

from clerk.domain.enums import SignoffStepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.lifecycle import latest

DIGITS = 16
#: The fewest digits a typed fingerprint may have (64 bits).
AT_LEAST = 16
HEX = frozenset("0123456789abcdef")


def fingerprint(head: str) -> str:
    """``3F2A-9C1B-77DE-0A45`` for a journal hash."""
    digits = head[:DIGITS].upper()
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def read_code(text: str) -> str:
    """A fingerprint as typed (any case, with or without dashes or spaces), as lower-case hex."""
    code = "".join(c for c in text.lower() if c not in " -_.:")
    if not code or any(c not in HEX for c in code):
        raise RuleViolation(
            f"'{text}' is not a fingerprint: it is hexadecimal digits (0-9, A-F) in groups, "
            "as printed on the minute-book copy, e.g. 3F2A-9C1B-77DE-0A45."
        )
    if len(code) < AT_LEAST:
        raise RuleViolation(
            f"The fingerprint '{text}' is too short: type at least {AT_LEAST} of its digits."
        )
    return code


def matches(code: str, head: str) -> bool:
    """Whether a fingerprint (``read_code``) is the start of a journal hash."""
    return bool(head) and head.lower().startswith(code)


def approval_head(record: MeetingRecord) -> str:
    """The journal head the approval pinned ("" when the minutes are not approved)."""
    approved = latest(record, SignoffStepKind.APPROVED)
    return approved.chain_head if approved is not None else ""


def signing_head(record: MeetingRecord) -> str:
    """The journal head the signing pinned ("" when the minutes are not signed)."""
    signed = latest(record, SignoffStepKind.SIGNED)
    return signed.chain_head if signed is not None else ""


def minutes_fingerprint(record: MeetingRecord) -> str:
    """What the minute-book copy prints: the approval's fingerprint ("" before approval)."""
    head = approval_head(record)
    return fingerprint(head) if head else ""
