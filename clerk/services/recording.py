"""Recording a live meeting: every action committed, with its journal entry, before returning.

``MeetingSession`` holds one meeting's record in memory, applies an action to it (the domain
checks the rules), writes the changed entities and the journal entry in one transaction, and
only then reports success. A refused or failed action leaves memory and database unchanged.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Connection

from clerk.domain.actions import Action, Context, action_to_json
from clerk.domain.changes import Changes, diff
from clerk.domain.enums import MeetingStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.journal import GENESIS, JournalEntry, UndoState
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.storage import repository as repo
from clerk.storage.database import Database

Clock = Callable[[], datetime]


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Ack:
    """What a committed action reports back: its journal number and label."""

    seq: int
    label: str
    kind: str


def current_user() -> str:
    """Who the journal says acted: ``CLERK_USER``, else the operating-system user."""
    override = os.environ.get("CLERK_USER")
    if override:
        return override
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "clerk"


class MeetingSession:
    """One meeting open for recording. Not thread-safe: one per window or command."""

    def __init__(
        self,
        database: Database,
        meeting_id: int,
        who: str | None = None,
        clock: Clock = local_now,
        listeners: list[Callable[[Ack], None]] | None = None,
    ) -> None:
        self.database = database
        self.meeting_id = meeting_id
        self.who = who or current_user()
        self.clock = clock
        self.listeners = listeners or []
        self.last_saved: datetime | None = None
        self.reload()

    # -- state ------------------------------------------------------------------------

    def reload(self) -> None:
        with self.database.reading() as conn:
            self.record, self.version = repo.load_record(conn, self.meeting_id)
            entries = repo.load_journal(conn, self.meeting_id)
            self.earlier_minute_max = repo.earlier_minute_max(
                conn, self.record.meeting, self.record.council
            )
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

    def redo_label(self) -> str | None:
        stack = self.undo_state.redo_stack
        return self.journal_labels.get(stack[-1]) if stack else None

    def context(self, now: datetime | None = None) -> Context:
        moment = now or self.clock()
        return Context(
            now=time(moment.hour, moment.minute),
            today=moment.date(),
            earlier_minute_max=self.earlier_minute_max,
        )

    # -- recording --------------------------------------------------------------------

    def apply(self, action: Action, script_id: str = "", script_line: int | None = None) -> Ack:
        """Check, apply and commit one action; raises ``RuleViolation`` and changes nothing."""
        self._check_lock(action)
        before = self.record.snapshot()
        try:
            label = action.apply(self.record, self.context())
        except Exception:
            self.record.restore(before)
            raise
        changes = diff(before, self.record)
        try:
            return self._commit(
                kind=action.kind,
                label=label,
                params=action_to_json(action),
                changes=changes,
                script_id=script_id,
                script_line=script_line,
            )
        except repo.ConcurrentEdit:
            self.reload()  # someone else's action is in the database: show it
            raise
        except Exception:
            self.record.restore(before)
            raise

    def undo(self, script_id: str = "", script_line: int | None = None) -> Ack:
        if not self.undo_state.undo_stack:
            raise RuleViolation("There is nothing to undo.")
        target = self.undo_state.undo_stack[-1]
        return self._replay_entry(target, True, script_id, script_line)

    def redo(self, script_id: str = "", script_line: int | None = None) -> Ack:
        if not self.undo_state.redo_stack:
            raise RuleViolation("There is nothing to redo.")
        target = self.undo_state.redo_stack[-1]
        return self._replay_entry(target, False, script_id, script_line)

    def _replay_entry(
        self, target: int, undo: bool, script_id: str, script_line: int | None
    ) -> Ack:
        self._check_lock(None)
        with self.database.reading() as conn:
            entry = repo.load_journal_entry(conn, self.meeting_id, target)
        original = Changes.from_json(entry.changes)
        changes = original.inverse() if undo else original
        before = self.record.snapshot()
        changes.apply_to(self.record)
        verb = "Undo" if undo else "Redo"
        try:
            return self._commit(
                kind="undo" if undo else "redo",
                label=f"{verb}: {entry.label}",
                params={"action": "undo" if undo else "redo", "seq": target},
                changes=changes,
                undoes=target if undo else None,
                redoes=None if undo else target,
                script_id=script_id,
                script_line=script_line,
            )
        except repo.ConcurrentEdit:
            self.reload()
            raise
        except Exception:
            self.record.restore(before)
            raise

    def _check_lock(self, action: Action | None) -> None:
        """Hook for sign-off: a locked meeting refuses edits. Closed meetings refuse live ones."""
        closed = self.record.meeting.status is MeetingStatus.CLOSED
        if closed and action is not None and not type(action).allowed_when_closed:
            raise RuleViolation(
                f"The meeting is closed: '{action.kind}' cannot be recorded any more."
            )

    def _commit(
        self,
        kind: str,
        label: str,
        params: dict[str, Any],
        changes: Changes,
        script_id: str = "",
        script_line: int | None = None,
        undoes: int | None = None,
        redoes: int | None = None,
    ) -> Ack:
        recorded_at = datetime.now(UTC).replace(tzinfo=None)
        entry = JournalEntry(
            seq=self.tail_seq + 1,
            recorded_at=recorded_at,
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
        )
        entry = replace(entry, hash=entry.content_hash())
        with self.database.transaction() as conn:
            version = repo.write_changes(conn, self.meeting_id, changes, self.version)
            repo.append_journal(conn, self.meeting_id, entry)
        self.version = version
        self.tail_seq = entry.seq
        self.tail_hash = entry.hash
        self.journal_labels[entry.seq] = label
        self.undo_state.push(entry)
        self.last_saved = datetime.now()
        if _closes_meeting(changes):
            self.database.automatic_backup("close")
        ack = Ack(seq=entry.seq, label=label, kind=kind)
        for listener in self.listeners:
            listener(ack)
        return ack


def _closes_meeting(changes: Changes) -> bool:
    """True for the change that closes the meeting (a close, or the redo of one)."""
    if changes.meeting is None:
        return False
    before, after = changes.meeting
    return before.status is not MeetingStatus.CLOSED and after.status is MeetingStatus.CLOSED


def creation_changes(record: MeetingRecord) -> Changes:
    """A new meeting's whole content as changes from nothing: the journal's first entry."""
    changes = Changes(meeting=(record.meeting, record.meeting))
    for name in COLLECTIONS:
        collection = record.collection(name)
        if collection:
            changes.entities[name] = {key: (None, e) for key, e in sorted(collection.items())}
    return changes


def create_with_journal(
    conn: Connection,
    record: MeetingRecord,
    who: str,
    kind: str,
    label: str,
    params: dict[str, Any],
) -> int:
    """Create a meeting with its content and a first journal entry holding all of it."""
    meeting_id = repo.create_meeting(conn, record.meeting)
    repo.insert_record_rows(conn, meeting_id, record)
    entry = JournalEntry(
        seq=1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who=who,
        kind=kind,
        label=label,
        params=params,
        changes=creation_changes(record).to_json(),
        prev_hash=GENESIS,
    )
    repo.append_journal(conn, meeting_id, replace(entry, hash=entry.content_hash()))
    return meeting_id


def state_from_journal(entries: list[JournalEntry], template: MeetingRecord) -> MeetingRecord:
    """The meeting as the journal says it should be: every entry's changes applied in order."""
    rebuilt = MeetingRecord(
        council=template.council,
        committee=template.committee,
        persons=template.persons,
        meeting=template.meeting,
        meeting_id=template.meeting_id,
    )
    for entry in entries:
        Changes.from_json(entry.changes).apply_to(rebuilt)
    return rebuilt
