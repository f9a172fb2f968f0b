"""Sign-off steps taken elsewhere: an imported record's approval and signing are claims.

A meeting record imported from another database brings its sign-off history with it, but this
database's journal did not see those steps taken: the record says so itself. They are shown as
"approved elsewhere; not verified here" until the signed copy is kept here and its SHA-256 is
the one the signing recorded (``clerk attach MEETING FILE``): the signed copy is made from the
record as approved, so it vouches for the steps before it.
"""

from __future__ import annotations

from collections.abc import Collection

from clerk.domain.entities import SignoffStep
from clerk.domain.enums import SignoffStepKind
from clerk.domain.journal import NOT_UNDOABLE, JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.integrity import entry_adding_step

#: The steps that claim something about the minutes, and the word for it.
CLAIM_WORDS: dict[SignoffStepKind, str] = {
    SignoffStepKind.APPROVED: "Approved",
    SignoffStepKind.CONFIRMED: "Confirmed",
    SignoffStepKind.SIGNED: "Signed",
    SignoffStepKind.COPY_ATTACHED: "Attached",
}


def taken_elsewhere(record: MeetingRecord, entries: list[JournalEntry]) -> set[int]:
    """The ids of the sign-off steps that came with the record (its import), not taken here."""
    found = set()
    for step_id, step in record.signoff.items():
        entry = entry_adding_step(entries, step_id)
        if step.step in CLAIM_WORDS and (entry is None or entry.kind in NOT_UNDOABLE):
            found.add(step_id)
    return found


def verified_here(record: MeetingRecord, elsewhere: set[int], kept: Collection[str]) -> bool:
    """Whether a file kept here (by SHA-256) is the signed copy a step taken elsewhere names."""
    named = {record.signoff[i].sha256 for i in elsewhere if record.signoff[i].sha256}
    return bool(named & set(kept))


def claim_note(step: SignoffStep, verified: bool) -> str:
    """``Signed elsewhere; not verified here.`` (or verified against the signed copy)."""
    word = CLAIM_WORDS[step.step]
    if verified:
        return f"{word} elsewhere; verified here against the signed copy kept with the meeting."
    return f"{word} elsewhere; not verified here."
