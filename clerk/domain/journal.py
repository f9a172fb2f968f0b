"""The journal: every recorded action, in order, as a hash chain.

Each entry's hash covers its content and the hash before it, so a journal row changed behind
Clerk's back breaks the chain from that row on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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
    """Problems found in the chain, as sentences; empty when it is intact."""
    problems: list[str] = []
    previous = GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            problems.append(f"Journal entry {expected_seq} is missing (found {entry.seq}).")
        if entry.prev_hash != previous:
            problems.append(f"Journal entry {entry.seq} does not follow the entry before it.")
        if entry.content_hash() != entry.hash:
            problems.append(f"Journal entry {entry.seq} ({entry.label}) has been altered.")
        previous = entry.hash
    return problems
