"""Journal entries recorded on another copy of a meeting (a laptop's), applied here.

Each entry is applied through the same service and rules as if it were recorded here: its
action again, at the moment it saw (``JournalEntry.context``), or its undo or redo. Nothing is
written until ``commit_prepared`` writes every prepared entry in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from clerk.domain.actions import Action, action_from_json, action_to_json
from clerk.domain.actions.proceedings import ConfirmMinutes
from clerk.domain.actions.signoff import (
    Approve,
    AttachSignedCopy,
    CarryForward,
    Circulate,
    RecordConfirmation,
    Sign,
)
from clerk.domain.errors import ClerkError, RecordFormatError, RuleViolation
from clerk.domain.journal import JournalEntry
from clerk.domain.serial import from_json
from clerk.services.confirmation import confirmation_link
from clerk.services.recording import MeetingSession, Prepared


class CarriedMismatch(ClerkError):
    """A journal entry brought from a laptop does not come out here as it did there."""


#: Actions a journal entry may carry that scripts may not (sign-off steps), by kind.
_SIGNOFF_KINDS: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (Circulate, Approve, RecordConfirmation, Sign, AttachSignedCopy, CarryForward)
}


def carried_action(entry: JournalEntry) -> Action:
    """The action a journal entry recorded, from its parameters."""
    kind = entry.params.get("action")
    cls = _SIGNOFF_KINDS.get(kind) if isinstance(kind, str) else None
    where = f"journal entry {entry.seq}"
    try:
        if cls is None:
            return action_from_json(entry.params, where)
        params = {k: v for k, v in entry.params.items() if k != "action"}
        return from_json(cls, params, where)
    except RecordFormatError as error:
        raise RuleViolation(
            f"Journal entry {entry.seq} (“{entry.label}”) cannot be applied here: {error}."
        ) from None


def entry_moment(entry: JournalEntry) -> datetime:
    """The moment an entry's action saw: its context, else its time in this time zone."""
    if entry.context is not None:
        return datetime.combine(
            date.fromisoformat(entry.context["today"]), time.fromisoformat(entry.context["now"])
        )
    return entry.recorded_at.replace(tzinfo=UTC).astimezone()


def _difference(name: str, recorded: Any, here: Any) -> str:
    if name == "changes":
        return "it changes other things here than it did on the laptop."
    if name == "label":
        return f"here it reads “{here}”."
    return f"its {name} is {here!r} here, {recorded!r} on the laptop."


def prepare_carried(
    session: MeetingSession,
    entry: JournalEntry,
    keep_identity: bool,
    seq_map: dict[int, int] | None = None,
) -> Prepared:
    """Apply ``entry`` to the session's meeting in memory, through the rules.

    ``keep_identity``: the entry must follow the journal's tail and come out exactly as
    recorded; it is then written as it is, so its number and hash carry the chain on
    (``CarriedMismatch`` says what differs). Otherwise it becomes a new entry here, by the
    same person at the same time, naming the original by its hash and number in the script
    marker (as a replayed line is named); an undo or redo acts on the entry ``seq_map`` maps
    its target to, and a sign-off step pins this journal's head.
    """
    script_id, script_line = ("", None) if keep_identity else (entry.hash, entry.seq)
    if keep_identity and (entry.seq, entry.prev_hash) != (session.tail_seq + 1, session.tail_hash):
        raise CarriedMismatch(f"it does not follow entry {session.tail_seq} here.")
    if entry.kind in ("undo", "redo"):
        prepared = _prepare_undo_redo(session, entry, keep_identity, seq_map or {})
        if not keep_identity:
            prepared = session.replace_prepared(
                prepared, replace(prepared.entry, script_id=script_id, script_line=script_line)
            )
    else:
        action = carried_action(entry)
        if not keep_identity and "chain_head" in action_to_json(action):
            action = replace(action, chain_head=session.tail_hash)  # type: ignore[call-arg]
        session.check_lock(action)
        if isinstance(action, ConfirmMinutes):
            with session.database.reading() as conn:
                confirmation_link(conn, session.record, action)  # the rule: a suitable meeting
        prepared = session.prepare_action(action, script_id, script_line, entry_moment(entry))
    made = prepared.entry
    if not keep_identity:
        carried = replace(made, who=entry.who, recorded_at=entry.recorded_at)
        return session.replace_prepared(prepared, replace(carried, hash=carried.content_hash()))
    for name in ("kind", "label", "params", "changes", "undoes", "redoes"):
        if getattr(made, name) != getattr(entry, name):
            session.roll_back(prepared)
            raise CarriedMismatch(_difference(name, getattr(entry, name), getattr(made, name)))
    return session.replace_prepared(prepared, entry)


def _prepare_undo_redo(
    session: MeetingSession, entry: JournalEntry, keep_identity: bool, seq_map: dict[int, int]
) -> Prepared:
    undo = entry.kind == "undo"
    target = entry.undoes if undo else entry.redoes
    if target is None:
        raise RuleViolation(f"Journal entry {entry.seq} names nothing to {entry.kind}.")
    if not keep_identity:
        target = seq_map.get(target, target)
    stack = session.undo_state.undo_stack if undo else session.undo_state.redo_stack
    session.check_lock(None)
    if not stack or stack[-1] != target:
        raise RuleViolation(
            f"“{entry.label}” cannot be applied here: that is not what {entry.kind} would act "
            "on now."
        )
    return session.prepare_replay(target, undo)
