"""Is the stored record the one its journal describes?

The journal is a hash chain, so a journal row changed behind Clerk's back breaks the chain. A
record row changed behind Clerk's back leaves the chain intact, but the record rebuilt from the
journal then differs from the stored one. And once the minutes are approved, nothing but
sign-off steps may follow in the journal.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import Any

from clerk.domain.changes import Changes
from clerk.domain.collections import REGISTRY
from clerk.domain.enums import SignoffStepKind
from clerk.domain.errors import ClerkError
from clerk.domain.journal import NOT_UNDOABLE, JournalEntry, verify_chain
from clerk.domain.record import MeetingRecord
from clerk.domain.serial import to_json

#: How a problem names an entity of each collection.
ENTITY_NAMES: dict[str, str] = {c.name: c.noun for c in REGISTRY}


def rebuild(entries: list[JournalEntry], template: MeetingRecord) -> MeetingRecord:
    """The meeting as the journal says it should be: every entry's changes applied in order."""
    rebuilt = MeetingRecord(
        council=template.council,
        committee=template.committee,
        persons=template.persons,
        meeting=template.meeting,
        meeting_id=template.meeting_id,
    )
    for entry in entries:
        try:
            Changes.from_json(entry.changes).apply_to(rebuilt)
        except (ClerkError, KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
            raise ClerkError(
                f"journal entry {entry.seq} ({entry.label}) cannot be replayed: {error}"
            ) from None
    return rebuilt


def _show(value: Any) -> str:
    text = repr(value) if type(value) is str else repr(to_json(value))
    return text if len(text) <= 70 else text[:67] + "...'"


def _field_differences(stored: Any, expected: Any) -> list[str]:
    found = []
    for f in dataclasses.fields(stored):
        a, b = getattr(stored, f.name), getattr(expected, f.name)
        if a != b:
            found.append(f"{f.name} is {_show(a)} in the stored record, {_show(b)} in the journal")
    return found


def compare(stored: MeetingRecord, expected: MeetingRecord) -> list[str]:
    """Differences between the stored record and the one rebuilt from the journal."""
    problems = []
    if stored.meeting != expected.meeting:
        for difference in _field_differences(stored.meeting, expected.meeting):
            problems.append(f"The meeting's {difference}.")
    for collection in REGISTRY:
        have, want = stored.collection(collection.name), expected.collection(collection.name)
        noun = collection.noun
        for key in sorted(have.keys() | want.keys()):
            if key not in have:
                problems.append(f"{noun.capitalize()} {key} is in the journal but was deleted.")
            elif key not in want:
                problems.append(
                    f"{noun.capitalize()} {key} is in the stored record but not in the journal."
                )
            elif have[key] != want[key]:
                for difference in _field_differences(have[key], want[key]):
                    problems.append(f"{noun.capitalize()} {key}: {difference}.")
    return problems


def _adds_step(entry: JournalEntry, step_id: int) -> bool:
    pair = entry.changes.get("signoff", {}).get(str(step_id))
    return isinstance(pair, list) and len(pair) == 2 and pair[0] is None


def entry_adding_step(entries: list[JournalEntry], step_id: int) -> JournalEntry | None:
    """The journal entry that recorded a sign-off step (who recorded it, and when)."""
    return next((e for e in entries if _adds_step(e, step_id)), None)


def locked_change_problem(changes: Changes) -> str | None:
    """What is wrong with making ``changes`` to approved minutes; None when they may be made.

    Judged by what the changes do, not by what the entry calls itself: once the minutes are
    approved, an entry may only add sign-off steps, and the confirming resolution (an entry
    adding the confirmation) may also change the text of minute paragraphs (its corrections).
    """
    if changes.meeting is not None and changes.meeting[0] != changes.meeting[1]:
        return "it changes the meeting's details"
    steps = changes.entities.get("signoff", {})
    confirms = False
    for key, (before, after) in sorted(steps.items()):
        if before is not None or after is None:
            return f"it changes or removes sign-off step {key}"
        confirms = confirms or after.step is SignoffStepKind.CONFIRMED
    for name, by_id in changes.entities.items():
        if name == "signoff" or not by_id:
            continue
        key = min(by_id)
        noun = ENTITY_NAMES.get(name, name)
        if name != "paragraphs" or not confirms:
            return f"it changes {noun} {key}"
        for key, (before, after) in sorted(by_id.items()):
            if before is None or after is None or replace(before, text=after.text) != after:
                return f"it adds, removes or moves {noun} {key}"
    return None


def check_signoff(entries: list[JournalEntry], stored: MeetingRecord) -> list[str]:
    """Each pinned chain head is the journal's head when its step was taken; and after the
    approval, nothing but sign-off steps (and the confirmation's corrections) changes."""
    problems = []
    approved_at: int | None = None
    for step_id, step in sorted(stored.signoff.items()):
        entry = entry_adding_step(entries, step_id)
        if entry is None or entry.kind in NOT_UNDOABLE:
            continue  # taken before the record was imported: pinned where it was taken
        if step.chain_head and entry.prev_hash != step.chain_head:
            problems.append(
                f"Sign-off step {step_id} ({step.step}) pins record {step.chain_head[:12]}, "
                f"but journal entry {entry.seq} that recorded it follows "
                f"{entry.prev_hash[:12]}."
            )
        if entry.kind == "approve" and approved_at is None:
            approved_at = entry.seq
    if approved_at is not None:
        for entry in entries:
            if entry.seq <= approved_at:
                continue
            problem = locked_change_problem(Changes.from_json(entry.changes))
            if problem is not None:
                problems.append(
                    f"Journal entry {entry.seq} ({entry.label}, by {entry.who}) changed the "
                    f"record after the minutes were approved: {problem}."
                )
    return problems


@dataclass(frozen=True)
class Findings:
    """Problems found, by where: the chain, the stored record, the sign-off pins, the register."""

    chain: tuple[str, ...] = ()
    record: tuple[str, ...] = ()
    signoff: tuple[str, ...] = ()
    #: What the register (``clerk.domain.register``) says of the meeting, against its journal.
    register: tuple[str, ...] = ()
    #: Seals under this installation's record key that do not verify, or are missing.
    seals: tuple[str, ...] = ()

    def all(self) -> list[str]:
        return [*self.chain, *self.record, *self.signoff, *self.register, *self.seals]


def examine(entries: list[JournalEntry], stored: MeetingRecord) -> Findings:
    chain = tuple(verify_chain(entries))
    try:
        expected = rebuild(entries, stored)
    except (ClerkError, KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        record = (f"The record cannot be rebuilt from the journal: {error}.",)
        return Findings(chain, record, ())
    return Findings(chain, tuple(compare(stored, expected)), tuple(check_signoff(entries, stored)))


def check(entries: list[JournalEntry], stored: MeetingRecord) -> list[str]:
    """Every problem found, as sentences; empty when the record is what its journal says."""
    return examine(entries, stored).all()
