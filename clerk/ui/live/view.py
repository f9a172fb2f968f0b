"""The meeting view: header, agenda navigator, item workspace and attendance side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from clerk.domain.actions.proceedings import (
    Adjourn,
    CloseMeeting,
    OpenItem,
    ReadmitPublic,
    Resume,
    StartMeeting,
)
from clerk.domain.changes import Touched
from clerk.domain.enums import StandardItem
from clerk.ui.banners import LockBanner, TamperBanner
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog, MessageLabel
from clerk.ui.live import dialogs
from clerk.ui.live.agenda_panel import AgendaPanel
from clerk.ui.live.attendance_panel import AttendancePanel
from clerk.ui.live.header import MeetingHeader
from clerk.ui.live.readonly import lock_controls, set_recording_actions
from clerk.ui.live.workspace import MOTIONS_TAB, RESOLUTION_TAB, ItemWorkspace
from clerk.ui.models.agenda import item_heading
from clerk.ui.resume import where_we_were
from clerk.ui.setup.agenda import AgendaEditor
from clerk.ui.shortcuts import ATTENDANCE, BY_ID, ITEM, MEETING, Handler, bind


class MeetingView(QWidget):
    def __init__(
        self,
        controller: MeetingController,
        actions: dict[str, QAction],
        today: Callable[[], date],
        previous_meeting: date | None = None,
        parent: QWidget | None = None,
        audit: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.actions = actions
        self.dialog: QWidget | None = None
        self._current: int | None = None
        #: Why the record cannot be changed (its minutes are approved), or None.
        self.read_only: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.setSpacing(4)
        self.header = MeetingHeader(actions)
        layout.addWidget(self.header)
        self.lock_banner = LockBanner()
        layout.addWidget(self.lock_banner)
        self.tamper = TamperBanner(audit or (lambda: None))
        self.tamper.audit_button.setVisible(audit is not None)
        layout.addWidget(self.tamper)
        self.banner = MessageLabel()
        self.banner.setAccessibleName("Refused")
        layout.addWidget(self.banner)
        self.agenda = AgendaPanel()
        self.workspace = ItemWorkspace(controller, today)
        self.workspace.previous_meeting = previous_meeting
        self.workspace.go_to_item = self.agenda.select_item
        self.workspace.notice.connect(lambda text: self.banner.show_message(text, "notice"))
        self.attendance = AttendancePanel(controller)
        self.attendance.attach(actions)
        self.attendance.focus_work = self.workspace.focus_work
        #: Every command of the registry the meeting handles, by scope: this view's own, the
        #: attendance panel's and the workspace's (each mapping checked against the registry).
        attendance = self.attendance
        self.handlers: dict[str, dict[str, Handler]] = {
            MEETING: bind(
                MEETING,
                {
                    "edit_agenda": self.do_edit_agenda,
                    "start": self.do_start,
                    "adjourn": self.do_adjourn,
                    "resume": self.do_resume,
                    "exclude_public": self.do_exclude_public,
                    "readmit_public": self.do_readmit_public,
                    "close_meeting": self.do_close_meeting,
                    "presiding": self.do_presiding,
                    "note": self.do_note,
                    "next_item": self.do_next_item,
                    "previous_item": self.do_previous_item,
                    "take_item": self.do_take_item,
                    "focus_agenda": self.do_focus_agenda,
                    "focus_workspace": self.do_focus_workspace,
                    "focus_attendance": self.do_focus_attendance,
                },
            ),
            ATTENDANCE: bind(
                ATTENDANCE,
                {
                    "present": attendance.do_present,
                    "present_remote": attendance.do_present_remote,
                    "apologies": attendance.do_apologies,
                    "absent": attendance.do_absent,
                    "substitute": attendance.do_substitute,
                    "remote": attendance.do_remote,
                    "arrive": attendance.do_arrive,
                    "leave": attendance.do_leave,
                    "add_attendee": attendance.do_add_attendee,
                },
            ),
            ITEM: self.workspace.handlers,
        }
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(self.workspace)
        self.splitter.addWidget(self.attendance)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 7)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([300, 660, 400])
        layout.addWidget(self.splitter, 1)
        self.agenda.selected.connect(self._item_selected)
        self.agenda.take.connect(self._take)
        controller.updated.connect(self.refresh)
        controller.refused.connect(self.show_refusal)
        controller.saved.connect(lambda _label: self.banner.clear_message())
        self.refresh()
        self.restore_position()
        self.tamper.show_problems(controller.session.tamper_warnings, controller.meeting_id)

    # -- state ---------------------------------------------------------------------------

    def refresh(self, touched: Touched | None = None) -> None:
        """Show the record again: only what the last action changed (everything if not said)."""
        changed = touched or Touched.everything()
        record = self.controller.record
        self.header.refresh(record)
        if changed.items or changed.meeting:  # the agenda shows items and the one under way
            self.agenda.refresh(record)
        current = record.meeting.current_item_id
        if current != self._current:
            self._current = current
            if current is not None:
                self.agenda.select_item(current)
        if self.workspace.item_id is None and self.agenda.model.rowCount():
            self.agenda.select_item(self.agenda.model.rows[0].key)
        self.workspace.refresh(changed)
        if changed.attendance or changed.meeting or changed.items:
            self.attendance.refresh(self.workspace.item_id)
        self.apply_lock()

    def apply_lock(self) -> None:
        """Approved minutes: the banner says why, and nothing invites a change."""
        session = self.controller.session
        held = session.checkout_refusal
        reason = session.lock_reason or held
        self.read_only = reason
        if session.lock_reason is None and held is not None:
            self.lock_banner.show_checkout(held)
        else:
            self.lock_banner.show_reason(session.lock_reason)
        set_recording_actions(self.actions, reason)
        if reason is not None:
            for panel in (self.agenda, self.workspace, self.attendance):
                lock_controls(panel, reason)

    def restore_position(self) -> None:
        """Open where the meeting was: the item under way, its pending vote or resolution."""
        where = where_we_were(self.controller.record)
        if where.item_id is not None:
            self.agenda.select_item(where.item_id)
        if where.vote_on is not None:
            self.workspace.tabs.setCurrentIndex(MOTIONS_TAB)
            self.workspace.vote_panel.open_for(where.vote_on)
        elif where.resolve_motion is not None:
            self.workspace.tabs.setCurrentIndex(RESOLUTION_TAB)

    def focus_start(self) -> None:
        """Where the keyboard starts: the open vote's counts, else the agenda."""
        panel = self.workspace.vote_panel
        if panel.motion_id is not None:
            panel.focus_first()
        else:
            self.agenda.view.setFocus()

    def show_refusal(self, message: str) -> None:
        self.banner.show_message(message)

    def _item_selected(self, item_id: int) -> None:
        self.workspace.show_item(item_id)
        self.attendance.refresh(item_id)
        if self.read_only is not None:
            self.apply_lock()  # the item's controls were refreshed for it

    def selected_item(self):
        return self.workspace.item()

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.workspace.focus_work())
        dialog.open()

    # -- the meeting's course ------------------------------------------------------------

    def do_start(self) -> None:
        self.controller.perform(StartMeeting())

    def do_adjourn(self) -> None:
        self.controller.perform(Adjourn())

    def do_resume(self) -> None:
        self.controller.perform(Resume())

    def do_exclude_public(self) -> None:
        self._open(
            dialogs.exclude_dialog(
                self, self.controller, self.selected_item(), on_moved=self._vote_on_exclusion
            )
        )

    def _vote_on_exclusion(self, motion_id: int) -> None:
        """A motion to exclude the press and public was moved: put it to the vote."""
        self.workspace.show_item(self.controller.record.motion(motion_id).item_id)
        self.workspace.tabs.setCurrentIndex(2)
        self.workspace.vote_panel.open_for(motion_id)

    def do_readmit_public(self) -> None:
        self.controller.perform(ReadmitPublic())

    def do_close_meeting(self) -> None:
        self.controller.perform(CloseMeeting())

    def do_presiding(self) -> None:
        self._open(dialogs.presiding_dialog(self, self.controller))

    def do_note(self) -> None:
        self._open(dialogs.note_dialog(self, self.controller))

    # -- the agenda ----------------------------------------------------------------------

    def _take(self, item_id: int) -> None:
        if self.read_only is not None:
            self.show_refusal(f"Read-only: {self.read_only}.")
            return
        question = self._leaving_question(item_id)
        if question is not None:
            self._ask(question, lambda: self._take_now(item_id))
            return
        self._take_now(item_id)

    def _take_now(self, item_id: int) -> None:
        if self.controller.perform(OpenItem(item_id)) is not None:
            self.agenda.select_item(item_id)
            self.workspace.focus_work()  # the item's work, not the attendance list

    def _leaving_question(self, item_id: int) -> str | None:
        """What the clerk should be asked before leaving the item under way, or None."""
        record = self.controller.record
        current = record.current_item()
        if current is None or current.id == item_id:
            return None
        pending = dialogs.pending_motion(record, current.id)
        if pending is not None:
            return (
                f"Motion {pending} on {item_heading(current)} is still before the meeting "
                "(not voted, withdrawn or fallen). Take the next item anyway?"
            )
        if current.standard is StandardItem.MINUTES and not current.confirms_meeting:
            return (
                "The minutes of the previous meeting have not been confirmed "
                "(Ctrl+Shift+C). Take the next item anyway?"
            )
        return None

    def _ask(self, question: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Leave the item?",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName("Leave the item?")

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                then()
            else:
                self.workspace.focus_work()

        box.finished.connect(answered)
        self.dialog = box
        box.open()
        return box

    def do_take_item(self) -> None:
        item = self.selected_item()
        if item is None:
            self.controller.refused.emit("Select an item in the agenda first (Ctrl+1).")
            return
        self._take(item.id)

    def _step(self, by: int) -> None:
        agenda = self.controller.record.agenda()
        if not agenda:
            self.controller.refused.emit("The agenda is empty: add items first (Ctrl+Shift+E).")
            return
        current = self.controller.record.meeting.current_item_id
        ids = [i.id for i in agenda]
        start = -1 if by > 0 else len(ids)  # nothing taken yet: from the top
        target = (ids.index(current) if current in ids else start) + by
        if not 0 <= target < len(ids):
            where = "last" if by > 0 else "first"
            self.controller.refused.emit(f"This is the {where} item on the agenda.")
            return
        self._take(ids[target])

    def do_next_item(self) -> None:
        self._step(1)

    def do_previous_item(self) -> None:
        self._step(-1)

    def do_edit_agenda(self) -> None:
        editor = AgendaEditor(self.controller, self)
        self._open(editor)

    def do_focus_agenda(self) -> None:
        self.agenda.view.setFocus()

    def do_focus_workspace(self) -> None:
        self.workspace.focus_work()

    def do_focus_attendance(self) -> None:
        self.attendance.view.setFocus()
        if not self.attendance.view.currentIndex().isValid():
            self.attendance.view.selectRow(0)

    # -- delegated -----------------------------------------------------------------------

    def command(self, name: str) -> Handler | None:
        """The handler of a command of the registry that the meeting handles, or None."""
        command = BY_ID.get(name)
        return self.handlers.get(command.scope, {}).get(name) if command else None

    def open_dialog(self) -> FormDialog | None:
        for owner in (self, self.workspace, self.attendance):
            dialog = owner.dialog
            if dialog is not None and dialog.isVisible():
                return dialog
        return None
