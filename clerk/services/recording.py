"""Recording a live meeting: every action committed, with its journal entry, before returning.

``MeetingSession`` holds one meeting's record in memory, applies an action to it (the domain
checks the rules), writes the changed entities and the journal entry in one transaction, and
only then reports success. A refused or failed action leaves memory and database unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Connection

from clerk.domain.actions import Action, Context, action_to_json
from clerk.domain.actions.proceedings import ConfirmMinutes
from clerk.domain.actions.signoff import lock_problem
from clerk.domain.changes import Changes, diff
from clerk.domain.checkout import Checkout, refusal
from clerk.domain.clocks import Clock as Clock  # the clock lives in the domain
from clerk.domain.clocks import local_now as local_now
from clerk.domain.enums import MeetingStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.journal import GENESIS, JournalEntry, UndoState
from clerk.domain.record import Snapshot
from clerk.domain.signoff import integrity
from clerk.domain.signoff.lifecycle import lock_reason
from clerk.identity import current_user as current_user  # re-exported: callers import it here
from clerk.services.confirmation import confirmation_link
from clerk.services.creation import create_then_apply as create_then_apply
from clerk.services.creation import create_with_journal as create_with_journal
from clerk.services.creation import creation_changes as creation_changes
from clerk.services.creation import state_from_journal as state_from_journal
from clerk.services.record_checks import meeting_findings
from clerk.storage import checkouts, register
from clerk.storage import repository as repo
from clerk.storage.database import Database

#: Journal entries the register pins too (the meeting's approval and signing).
PINNED_IN_REGISTER = ("approve", "sign")


@dataclass(frozen=True)
class Ack:
    """What a committed action reports back: its journal number, its label and what it
    changed (so a window updates only that)."""

    seq: int
    label: str
    kind: str
    changes: Changes = field(default_factory=Changes, compare=False, repr=False)


class MeetingSession:
    """One meeting open for recording. Not thread-safe: one per window or command."""

    def __init__(
        self,
        database: Database,
        meeting_id: int,
        who: str | None = None,
        clock: Clock = local_now,
        listeners: list[Callable[[Ack], None]] | None = None,
        carrying: str = "",
    ) -> None:
        self.database = database
        self.meeting_id = meeting_id
        self.who = who or current_user()
        self.clock = clock
        self.listeners = listeners or []
        self.last_saved: datetime | None = None
        #: The token of the check-in bringing this meeting back from a laptop: it alone may
        #: record on the team's copy while the meeting is out (``clerk.services.checkin``).
        self.carrying = carrying
        #: Journal entries prepared but not yet committed (an undo may name one of them).
        self._pending: dict[int, JournalEntry] = {}
        self.reload()

    # -- state ------------------------------------------------------------------------

    def reload(self) -> None:
        with self.database.reading() as conn:
            self.record, self.version = repo.load_record(conn, self.meeting_id)
            entries = repo.load_journal(conn, self.meeting_id)
            self.earlier_minute_max = repo.earlier_minute_max(
                conn, self.record.meeting, self.record.council
            )
            self.taken_minute_numbers = repo.minute_numbers_elsewhere(
                conn, self.meeting_id, self.record.meeting, self.record.council
            )
            #: Out on a laptop, or a laptop's copy: decides whether recording here is allowed.
            self.checkout: Checkout | None = checkouts.current(conn, self.meeting_id)
            #: Signs that the record or its journal were changed behind Clerk's back. The
            #: meeting still opens (to investigate); the window and the commands show these.
            findings = meeting_findings(conn, self.meeting_id, self.record, entries)
        self.tamper_warnings: list[str] = findings.all()
        self._pending = {}
        self.undo_state = UndoState.from_entries(entries)
        self.journal_labels = {e.seq: e.label for e in entries}
        self.tail_seq = entries[-1].seq if entries else 0
        self.tail_hash = entries[-1].hash if entries else GENESIS

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_state.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.undo_state.redo_stack)

    def undo_label(self) -> str | None:
        stack = self.undo_state.undo_stack
        return self.journal_labels.get(stack[-1]) if stack else None

    def context(self, now: datetime | None = None) -> Context:
        moment = now or self.clock()
        return Context(
            now=time(moment.hour, moment.minute),
            today=moment.date(),
            earlier_minute_max=self.earlier_minute_max,
            taken_minute_numbers=self.taken_minute_numbers,
        )

    @property
    def lock_reason(self) -> str | None:
        """Why this meeting's record may not be changed (its minutes are approved), or None."""
        return lock_reason(self.record)

    @property
    def checkout_refusal(self) -> str | None:
        """Why nothing may be recorded here because of a check-out (out on a laptop; a copy
        brought back), or None."""
        return refusal(self.checkout, self.clock().date(), self.carrying)

    def _refresh_checkout(self) -> None:
        """A check-out that refuses may have ended since the meeting was read: look again."""
        with self.database.reading() as conn:
            self.checkout = checkouts.current(conn, self.meeting_id)

    # -- recording --------------------------------------------------------------------

    def apply(self, action: Action, script_id: str = "", script_line: int | None = None) -> Ack:
        """Check, apply and commit one action; raises ``RuleViolation`` and changes nothing.

        Confirming the minutes of a meeting that is in Clerk also records the confirmation in
        that meeting's sign-off and carries its open actions here, in the same transaction.
        """
        self.check_lock(action)
        link = None
        if isinstance(action, ConfirmMinutes):
            with self.database.reading() as conn:
                link = confirmation_link(conn, self.record, action)
        if link is None:
            return apply_together([(self, action)], script_id, script_line)[0]
        other = MeetingSession(
            self.database, link.minutes_meeting_id, who=self.who, clock=self.clock
        )
        steps: list[tuple[MeetingSession, Action]] = [(self, link.action)]
        steps += [(self, extra) for extra in link.here]
        steps += [(other, extra) for extra in link.there]
        acks = apply_together(steps, script_id, script_line)
        changes = Changes()
        for ack, (session, _action) in zip(acks, steps, strict=True):
            if session is self:
                changes = changes.then(ack.changes)
        return replace(acks[0], changes=changes)  # all it changed here, for the window

    def check(self, action: Action) -> str | None:
        """Why ``apply`` would refuse the action, or None; nothing is changed or written.

        The window uses it to validate a form as the clerk types (a vote's counts, a mover),
        so the reason shown is the domain's own message, word for word.
        """
        before = self.record.snapshot()
        try:
            self.check_lock(action)
            action.apply(self.record, self.context())
        except RuleViolation as error:
            return str(error)
        finally:
            self.record.restore(before)
        return None

    def undo(self, script_id: str = "", script_line: int | None = None) -> Ack:
        if not self.undo_state.undo_stack:
            self.check_lock(None)
            raise RuleViolation("There is nothing to undo.")
        target = self.undo_state.undo_stack[-1]
        return self._replay_entry(target, True, script_id, script_line)

    def redo(self, script_id: str = "", script_line: int | None = None) -> Ack:
        if not self.undo_state.redo_stack:
            self.check_lock(None)
            raise RuleViolation("There is nothing to redo.")
        target = self.undo_state.redo_stack[-1]
        return self._replay_entry(target, False, script_id, script_line)

    def _replay_entry(
        self, target: int, undo: bool, script_id: str, script_line: int | None
    ) -> Ack:
        self.check_lock(None)
        return _commit([self.prepare_replay(target, undo, script_id, script_line)])[0]

    def prepare_replay(
        self, target: int, undo: bool, script_id: str = "", script_line: int | None = None
    ) -> Prepared:
        entry = self._journal_entry(target)
        original = Changes.from_json(entry.changes)
        changes = original.inverse() if undo else original
        before = self.record.snapshot()
        changes.apply_to(self.record)
        verb = "Undo" if undo else "Redo"
        prepared = self._prepare(
            kind="undo" if undo else "redo",
            label=f"{verb}: {entry.label}",
            params={"action": "undo" if undo else "redo", "seq": target},
            changes=changes,
            before=before,
            undoes=target if undo else None,
            redoes=None if undo else target,
            script_id=script_id,
            script_line=script_line,
        )
        return prepared

    # -- entries recorded elsewhere (a laptop): see ``clerk.services.carried`` ---------

    def replace_prepared(self, prepared: Prepared, entry: JournalEntry) -> Prepared:
        """The prepared entry, written as ``entry`` instead (same changes, other identity)."""
        self._pending.pop(prepared.entry.seq, None)
        self._pending[entry.seq] = entry
        self.tail_seq, self.tail_hash = entry.seq, entry.hash
        return replace(prepared, entry=entry)

    def prepare_note(self, kind: str, label: str, params: dict[str, Any]) -> Prepared:
        """A journal entry that changes nothing in the record (a check-out broken, a check-in
        applied despite conflicts): what happened, by whom, when, in the hash chain."""
        return self._prepare(kind, label, params, Changes(), self.record.snapshot())

    def _journal_entry(self, seq: int) -> JournalEntry:
        pending = self._pending.get(seq)
        if pending is not None:
            return pending
        with self.database.reading() as conn:
            return repo.load_journal_entry(conn, self.meeting_id, seq)

    def check_lock(self, action: Action | None) -> None:
        """Approved minutes refuse every edit, undo included; closed meetings refuse live ones."""
        if self.checkout is not None and self.checkout_refusal is not None:
            self._refresh_checkout()
            held = self.checkout_refusal
            if held is not None:
                raise RuleViolation(held)
        problem = lock_problem(self.record, action)
        if problem is not None:
            raise RuleViolation(problem)
        closed = self.record.meeting.status is MeetingStatus.CLOSED
        if closed and action is not None and not type(action).allowed_when_closed:
            raise RuleViolation(
                f"The meeting is closed: '{action.kind}' cannot be recorded any more."
            )

    def prepare_action(
        self,
        action: Action,
        script_id: str,
        script_line: int | None,
        moment: datetime | None = None,
    ) -> Prepared:
        before = self.record.snapshot()
        ctx = self.context(moment)
        locked = lock_reason(self.record)
        try:
            label = action.apply(self.record, ctx)
            changes = diff(before, self.record)
            # The lock judges what the action changed, whatever the action is called.
            problem = integrity.locked_change_problem(changes) if locked else None
            if problem is not None:
                raise RuleViolation(f"{locked}: '{action.kind}' cannot be recorded: {problem}.")
        except Exception:
            self.record.restore(before)
            raise
        return self._prepare(
            kind=action.kind,
            label=label,
            params=action_to_json(action),
            changes=changes,
            before=before,
            script_id=script_id,
            script_line=script_line,
            context={"now": ctx.now.strftime("%H:%M"), "today": ctx.today.isoformat()},
        )

    def _prepare(
        self,
        kind: str,
        label: str,
        params: dict[str, Any],
        changes: Changes,
        before: Snapshot,
        script_id: str = "",
        script_line: int | None = None,
        undoes: int | None = None,
        redoes: int | None = None,
        context: dict[str, str] | None = None,
    ) -> Prepared:
        """The journal entry for changes already made in memory; the tail moves on to it."""
        entry = JournalEntry(
            seq=self.tail_seq + 1,
            recorded_at=datetime.now(UTC).replace(tzinfo=None),
            who=self.who,
            kind=kind,
            label=label,
            params=params,
            changes=changes.to_json(),
            undoes=undoes,
            redoes=redoes,
            script_id=script_id,
            script_line=script_line,
            prev_hash=self.tail_hash,
            context=context,
        )
        return self._prepared(before, changes, replace(entry, hash=entry.content_hash()))

    def _prepared(self, before: Snapshot, changes: Changes, entry: JournalEntry) -> Prepared:
        """The entry becomes the journal's tail (in memory, until it is committed)."""
        prepared = Prepared(
            self,
            before,
            changes,
            entry,
            self.tail_seq,
            self.tail_hash,
            self.version,
            UndoState(list(self.undo_state.undo_stack), list(self.undo_state.redo_stack)),
        )
        self.tail_seq, self.tail_hash = entry.seq, entry.hash
        self.undo_state.push(entry)
        self._pending[entry.seq] = entry
        return prepared

    def _write(self, conn: Connection, prepared: Prepared) -> None:
        self.version = repo.write_changes(conn, self.meeting_id, prepared.changes, self.version)
        entry = prepared.entry
        repo.append_journal(conn, self.meeting_id, entry)
        if entry.kind in PINNED_IN_REGISTER:
            register.append(
                conn,
                entry.kind,
                str(self.meeting_id),
                {
                    "reference": self.record.reference,
                    "journal_seq": entry.seq,
                    "journal_hash": entry.hash,
                },
                self.who,
            )

    def roll_back(self, prepared: Prepared) -> None:
        self.record.restore(prepared.before)
        self.tail_seq, self.tail_hash = prepared.tail_seq, prepared.tail_hash
        self.version = prepared.version
        self.undo_state = prepared.undo_state
        self._pending.pop(prepared.entry.seq, None)

    def _committed(self, prepared: Prepared) -> Ack:
        entry = prepared.entry
        self.journal_labels[entry.seq] = entry.label
        self._pending.pop(entry.seq, None)
        self.last_saved = self.clock()  # the session's clock, as every other time it records
        if _closes_meeting(prepared.changes):
            self.database.automatic_backup("close")
        ack = Ack(seq=entry.seq, label=entry.label, kind=entry.kind, changes=prepared.changes)
        for listener in self.listeners:
            listener(ack)
        return ack


def commit_prepared(
    prepared: list[Prepared], also: Callable[[Connection], None] | None = None
) -> list[Ack]:
    """Write prepared entries (``prepare_carried``, ``prepare_note``) in one transaction."""
    return _commit(prepared, also)


def roll_back_prepared(prepared: list[Prepared]) -> None:
    """Forget prepared entries: the sessions are as they were before."""
    _roll_back(prepared)


def _closes_meeting(changes: Changes) -> bool:
    """True for the change that closes the meeting (a close, or the redo of one)."""
    if changes.meeting is None:
        return False
    before, after = changes.meeting
    return before.status is not MeetingStatus.CLOSED and after.status is MeetingStatus.CLOSED


@dataclass
class Prepared:
    """An action applied in memory, with its journal entry, not yet written."""

    session: MeetingSession
    before: Snapshot
    changes: Changes
    entry: JournalEntry
    tail_seq: int
    tail_hash: str
    version: int
    undo_state: UndoState


def apply_together(
    steps: list[tuple[MeetingSession, Action]],
    script_id: str = "",
    script_line: int | None = None,
    also: Callable[[Connection], None] | None = None,
) -> list[Ack]:
    """Apply actions, on one meeting or several, in one transaction: all are saved or none.

    The script marker goes on the first action's journal entry only. ``also`` writes
    anything else that belongs with the actions (a signed copy) in the same transaction.
    """
    prepared: list[Prepared] = []
    try:
        for index, (session, action) in enumerate(steps):
            session.check_lock(action)
            marker = (script_id, script_line) if index == 0 else ("", None)
            prepared.append(session.prepare_action(action, *marker))
    except BaseException:
        _roll_back(prepared)
        raise
    return _commit(prepared, also)


def _roll_back(prepared: list[Prepared]) -> None:
    for item in reversed(prepared):
        item.session.roll_back(item)


def _commit(
    prepared: list[Prepared], also: Callable[[Connection], None] | None = None
) -> list[Ack]:
    if not prepared:
        return []
    try:
        with prepared[0].session.database.transaction() as conn:
            for item in prepared:
                item.session._write(conn, item)
            if also is not None:
                also(conn)
    except repo.ConcurrentEdit:
        _roll_back(prepared)
        for session in {id(p.session): p.session for p in prepared}.values():
            session.reload()  # someone else's action is in the database: show it
            if session.checkout_refusal is not None:  # it went to a laptop meanwhile
                raise RuleViolation(session.checkout_refusal) from None
        raise
    except BaseException:
        _roll_back(prepared)
        raise
    return [item.session._committed(item) for item in prepared]
