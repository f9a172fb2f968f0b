"""The window's hold on one meeting: every change goes through the recording service.

``MeetingController`` applies actions with ``MeetingSession.apply`` (committed with their
journal entry before it returns) and keeps a ``QUndoStack`` in step with the service's
journal: a command's ``undo()`` calls ``session.undo()`` and its ``redo()`` calls
``session.redo()``, so the journal stays the one source of truth (and undo works across a
restart: the stack is seeded from the journal when a meeting is opened).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from clerk.domain.actions import Action
from clerk.domain.changes import Touched, touched
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.services.recording import Ack, MeetingSession

log = logging.getLogger(__name__)


class RecordedCommand(QUndoCommand):
    """One journal entry on the undo stack; it is already applied when pushed."""

    def __init__(self, controller: MeetingController, label: str) -> None:
        super().__init__(label)
        self._controller = controller
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed after the service applied it
            self._applied = False
            return
        self._controller.service_step(undo=False)

    def undo(self) -> None:
        self._controller.service_step(undo=True)


class MeetingController(QObject):
    #: The record changed (an action, an undo or a redo).
    changed = Signal()
    #: The same, with what changed (a ``Touched``): each view updates only that. Emitted
    #: just before ``changed``.
    updated = Signal(object)
    #: The service refused an action or an undo: the reason, as the domain words it.
    refused = Signal(str)
    #: An action, undo or redo was committed: its label ("Undo: mark Councillor Bye present").
    saved = Signal(str)

    def __init__(self, session: MeetingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._quiet = False
        self._last_ack: Ack | None = None
        self.seed_from_journal()

    @property
    def record(self) -> MeetingRecord:
        return self.session.record

    @property
    def meeting_id(self) -> int:
        return self.session.meeting_id

    # -- recording ------------------------------------------------------------------------

    def perform(self, action: Action) -> Ack | None:
        """Apply one action; on refusal emit ``refused`` and return None (nothing changed)."""
        problem = self.submit(action)
        if problem is not None:
            self.refused.emit(problem)
            return None
        return self._last_ack

    def submit(self, action: Action) -> str | None:
        """Apply one action; the refusal as text (for a dialog to show inline), or None."""
        try:
            ack = self.session.apply(action)
        except RuleViolation as error:
            return str(error)
        except ClerkError as error:
            self._changed(None)  # a concurrent edit reloads the record: show it
            return str(error)
        self._last_ack = ack
        self._quiet = True
        try:
            self.undo_stack.push(RecordedCommand(self, ack.label))
        finally:
            self._quiet = False
        self.saved.emit(ack.label)
        self._changed(ack)
        return None

    def check(self, action: Action) -> str | None:
        """Why the action would be refused now, or None."""
        return self.session.check(action)

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()
        else:
            self.refused.emit("There is nothing to undo.")

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()
        else:
            self.refused.emit("There is nothing to redo.")

    def service_step(self, undo: bool) -> None:
        if self._quiet:
            return
        try:
            ack = self.session.undo() if undo else self.session.redo()
        except ClerkError as error:
            self.refused.emit(str(error))
            QTimer.singleShot(0, self.seed_from_journal)  # the stack is out of step: rebuild
            self._changed(None)
            return
        self.saved.emit(ack.label)
        self._changed(ack)

    def _changed(self, ack: Ack | None) -> None:
        """Tell the views: what the acknowledged action changed, or everything (no ack: the
        record was read again)."""
        self.updated.emit(Touched.everything() if ack is None else touched(ack.changes))
        self.changed.emit()

    def reload(self) -> None:
        """The meeting changed outside this controller (a sign-off step, a confirmation at
        another meeting): read it again, rebuild the undo stack and show it."""
        self.session.reload()
        self.seed_from_journal()

    # -- the stack from the journal -------------------------------------------------------

    def seed_from_journal(self) -> None:
        """Rebuild the undo stack from the service's journal (on open, or after a failure)."""
        state = self.session.undo_state
        labels = self.session.journal_labels
        self._quiet = True
        try:
            self.undo_stack.clear()
            for seq in state.undo_stack:
                self.undo_stack.push(RecordedCommand(self, labels.get(seq, f"entry {seq}")))
            redo = list(reversed(state.redo_stack))
            for seq in redo:
                self.undo_stack.push(RecordedCommand(self, labels.get(seq, f"entry {seq}")))
            for _ in redo:
                self.undo_stack.undo()
        finally:
            self._quiet = False
        self._changed(None)
