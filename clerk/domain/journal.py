"""The journal: every recorded action, in order, as a hash chain.

Each entry's hash covers its content and the hash before it, so a journal row changed behind
Clerk's back breaks the chain from that row on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
#: Entries that create a meeting: undo stops at them.
NOT_UNDOABLE = frozenset({"import", "create"})
#: Sign-off steps: undo neither undoes them nor reaches back past them.
UNDO_BARRIERS = frozenset(
    {
        "circulate",
        "approve",
        "record_confirmation",
        "sign",
        "attach_signed_copy",
        "carry_forward",
    }
)


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    recorded_at: datetime
    who: str
    kind: str
    label: str
    params: dict[str, Any]
    changes: dict[str, Any]
    undoes: int | None = None
    redoes: int | None = None
    script_id: str = ""
    script_line: int | None = None
    prev_hash: str = GENESIS
    hash: str = ""
    #: The moment the action was applied at, as it saw it (``{"now": "09:31", "today":
    #: "2021-09-20"}``), so that it can be applied again elsewhere and come out the same (a
    #: meeting brought back from a laptop). None on entries that use no clock, and on entries
    #: written before Clerk kept it; then it is not part of the hash.
    context: dict[str, str] | None = None

    def content_hash(self) -> str:
        body = {
            "seq": self.seq,
            "recorded_at": self.recorded_at.isoformat(),
            "who": self.who,
            "kind": self.kind,
            "label": self.label,
            "params": self.params,
            "changes": self.changes,
            "undoes": self.undoes,
            "redoes": self.redoes,
            "script_id": self.script_id,
            "script_line": self.script_line,
            "prev_hash": self.prev_hash,
        }
        if self.context is not None:
            body["context"] = self.context
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class UndoState:
    """Which entries undo and redo would act on, derived from the journal."""

    undo_stack: list[int]
    redo_stack: list[int]

    @classmethod
    def from_entries(cls, entries: list[JournalEntry]) -> UndoState:
        state = cls([], [])
        for entry in entries:
            state.push(entry)
        return state

    def push(self, entry: JournalEntry) -> None:
        if entry.kind in UNDO_BARRIERS:
            self.undo_stack.clear()
            self.redo_stack.clear()
        elif entry.undoes is not None:
            if self.undo_stack and self.undo_stack[-1] == entry.undoes:
                self.undo_stack.pop()
            self.redo_stack.append(entry.undoes)
        elif entry.redoes is not None:
            if self.redo_stack and self.redo_stack[-1] == entry.redoes:
                self.redo_stack.pop()
            self.undo_stack.append(entry.redoes)
        elif entry.changes and entry.kind not in NOT_UNDOABLE:
            self.undo_stack.append(entry.seq)
            self.redo_stack.clear()


def verify_chain(entries: list[JournalEntry]) -> list[str]:
    """Problems found in the chain, as sentences; empty when it is intact.

    Each problem is said once: a gap (entries deleted from the middle), an entry whose content
    no longer has its hash (altered), an entry stored under another's number (reordered: its
    hash is right for a different number), and an entry whose hash was recomputed after a
    change (the next entry no longer follows it). Entries deleted from the end leave a shorter
    chain that is intact: the register and the fingerprint catch those.
    """
    problems: list[str] = []
    previous_hash, previous_seq = GENESIS, 0
    numbers = sorted({entry.seq for entry in entries})
    reordered_before = False
    for entry in entries:
        expected = previous_seq + 1
        gap = entry.seq > expected
        if gap:
            problems.append(
                f"Journal entry {expected} is missing."
                if entry.seq == expected + 1
                else f"Journal entries {expected} to {entry.seq - 1} are missing."
            )
        if entry.content_hash() != entry.hash:
            moved = _recorded_as(entry, numbers)
            reordered_before = moved is not None
            problems.append(
                f"Journal entry {entry.seq} holds what was recorded as entry {moved}: the "
                "entries have been reordered."
                if moved is not None
                else f"Journal entry {entry.seq} ({entry.label}) has been altered."
            )
        else:
            if entry.prev_hash != previous_hash and not gap and not reordered_before:
                problems.append(
                    f"Journal entry {entry.seq} does not follow entry {previous_seq}: one of "
                    "them has been changed and its hash recomputed, or replaced."
                )
            reordered_before = False
        previous_hash, previous_seq = entry.hash, entry.seq
    return problems


#: How far from its place a reordered entry is looked for (a bound on the work for a journal
#: altered throughout).
REORDER_REACH = 25


def _recorded_as(entry: JournalEntry, numbers: list[int]) -> int | None:
    """The number an entry's hash was computed for, when it is another entry's number."""
    for number in numbers:
        if number == entry.seq or abs(number - entry.seq) > REORDER_REACH:
            continue
        if replace(entry, seq=number).content_hash() == entry.hash:
            return number
    return None
