"""The sign-off view: where a meeting's minutes stand, the next step, and every step.

It reads ``clerk.services.signoff.status`` (the same facts and sentences as ``clerk status``)
and records each step through the sign-off service. The steps the domain allows now are
enabled; the others are disabled with the reason beside them. After a step, ``changed`` tells
the window to reload any meeting it holds open (each step commits through its own session).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.enums import SigningMode
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.lifecycle import MinutesStage, signatory_title
from clerk.fileio import write_bytes
from clerk.services import catalogue, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.banners import LockBanner, TamperBanner
from clerk.ui.forms import MessageLabel
from clerk.ui.live.tables import selected_key, table_view
from clerk.ui.models.signoff import KeptFilesModel, StepsModel, step_rows
from clerk.ui.signoff import dialogs, steps
from clerk.ui.signoff.reports import AuditDialog, VerifyDialog
from clerk.ui.signoff.signing import PrintDialog, SignDigitalDialog, SignInkDialog

STAGES = (
    (MinutesStage.DRAFT, "Draft"),
    (MinutesStage.CIRCULATED, "Circulated"),
    (MinutesStage.APPROVED, "Approved"),
    (MinutesStage.CONFIRMED, "Confirmed"),
    (MinutesStage.SIGNED, "Signed"),
)


def heading(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panelHeading")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class StageStrip(QWidget):
    """Draft › Circulated › Approved › Confirmed › Signed, the stages reached marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.labels: dict[MinutesStage, QLabel] = {}
        for number, (stage, text) in enumerate(STAGES):
            if number:
                arrow = QLabel("›")
                arrow.setObjectName("hint")
                row.addWidget(arrow)
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels[stage] = label
            row.addWidget(label)
        row.addStretch(1)
        self.setAccessibleName("Stage")

    def show_stage(self, stage: MinutesStage) -> None:
        for each, text in STAGES:
            label = self.labels[each]
            if each is stage:
                label.setObjectName("stageCurrent")
                label.setText(f"{text} (now)" if stage is not MinutesStage.SIGNED else f"✓ {text}")
            elif stage.reached(each):
                label.setObjectName("stageDone")
                label.setText(f"✓ {text}")
            else:
                label.setObjectName("stageTodo")
                label.setText(text)
            label.style().unpolish(label)
            label.style().polish(label)
        self.setAccessibleDescription(f"The minutes are {stage.value}.")


class SignoffView(QWidget):
    #: A step was recorded: the window reloads whatever meeting it holds.
    changed = Signal()
    #: Back to where the clerk came from.
    back = Signal()
    #: Open this meeting (to record or read it).
    open_meeting = Signal(int)
    #: Edit the council profile (the signing mode is the council's).
    edit_council = Signal()

    def __init__(
        self,
        database: Database,
        today: Callable[[], date],
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.pool = pool
        self.meeting_id: int | None = None
        self.record: MeetingRecord | None = None
        self.status: signoff.SignoffStatus | None = None
        self.dialog: QWidget | None = None
        self.setAccessibleName("Sign-off")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self._header())
        self.lock_banner = LockBanner()
        layout.addWidget(self.lock_banner)
        self.tamper = TamperBanner(self.audit)
        self.tamper.audit_button.hide()  # the view's own Audit button is below
        layout.addWidget(self.tamper)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        body = QHBoxLayout()
        body.setSpacing(12)
        layout.addLayout(body, 1)
        body.addLayout(self._record_column(), 11)
        body.addLayout(self._steps_column(), 9)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._next_by_key)
        for keys in ("Esc", "Alt+Left"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back.emit)

    # -- building ------------------------------------------------------------------------

    def _header(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("meetingHeader")
        row = QHBoxLayout(frame)
        row.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Minutes")
        texts.addWidget(self.title)
        self.strip = StageStrip()
        texts.addWidget(self.strip)
        self.mode = QLabel()
        self.mode.setObjectName("meetingState")
        self.mode.setWordWrap(True)
        self.mode.setAccessibleName("Signing")
        texts.addWidget(self.mode)
        row.addLayout(texts, 1)
        side = QGridLayout()
        side.setHorizontalSpacing(6)
        side.setVerticalSpacing(6)
        self.meetings = QComboBox()
        self.meetings.setAccessibleName("Minutes of the meeting of")
        self.meetings.setMinimumContentsLength(22)
        self.meetings.currentIndexChanged.connect(self._meeting_chosen)
        chooser = QLabel("&Which minutes:")
        chooser.setBuddy(self.meetings)
        side.addWidget(chooser, 0, 0)
        side.addWidget(self.meetings, 0, 1, 1, 2)
        self.mode_button = self._button("Signing mode…", "Change the council's signing mode")
        self.mode_button.clicked.connect(self.edit_council.emit)
        self.back_button = self._button("&Back  Esc", "Back")
        self.back_button.clicked.connect(self.back.emit)
        side.addWidget(self.mode_button, 1, 1)
        side.addWidget(self.back_button, 1, 2)
        row.addLayout(side)
        return frame

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        return button

    def _record_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.steps_model = StepsModel(self)
        self.steps_view = table_view(self.steps_model, "Steps taken", stretch=StepsModel.TEXT)
        column.addWidget(
            heading("Steps ta&ken (as the record's journal has them)", self.steps_view)
        )
        column.addWidget(self.steps_view, 3)
        self.no_steps = QLabel()
        self.no_steps.setObjectName("hint")
        self.no_steps.setWordWrap(True)
        column.addWidget(self.no_steps)
        self.files_model = KeptFilesModel(self)
        self.files_view = table_view(self.files_model, "Kept with the meeting", stretch=0)
        self.files_view.setWordWrap(False)
        self.files_heading = heading("Signed copies kept with the meeting", self.files_view)
        column.addWidget(self.files_heading)
        column.addWidget(self.files_view, 1)
        row = QHBoxLayout()
        self.save_copy_button = self._button("Save a copy…", "Save a copy of the kept file")
        self.save_copy_button.clicked.connect(self.save_copy)
        self.verify_button = self._button("&Verify a signed PDF…", "Verify a signed PDF")
        self.verify_button.clicked.connect(lambda: self.verify())
        self.audit_button = self._button("Au&dit the record…", "Audit the record")
        self.audit_button.clicked.connect(self.audit)
        self.open_button = self._button("&Open the meeting", "Open the meeting")
        self.open_button.clicked.connect(self._open_meeting)
        for button in (self.save_copy_button, self.verify_button, self.audit_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        column.addLayout(row)
        return column

    def _steps_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        box = QFrame()
        box.setObjectName("nextStep")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.addWidget(heading("Next step"))
        self.next_text = QLabel()
        self.next_text.setWordWrap(True)
        self.next_text.setAccessibleName("Next step")
        self.next_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.next_text)
        self.next_command = QLabel()
        self.next_command.setObjectName("hint")
        self.next_command.setWordWrap(True)
        self.next_command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_command.setAccessibleName("From the command line")
        inner.addWidget(self.next_command)
        row = QHBoxLayout()
        self.primary = QPushButton()
        self.primary.setObjectName("primaryButton")
        self.primary.setDefault(True)
        self.primary.setAutoDefault(True)
        self.primary.clicked.connect(self.take_next)
        row.addWidget(self.primary)
        self.print_first = self._button("P&rint the copy first…", "Print the minute-book copy")
        self.print_first.clicked.connect(lambda: self.take("print"))
        row.addWidget(self.print_first)
        row.addStretch(1)
        inner.addLayout(row)
        column.addWidget(box)
        column.addWidget(heading("Every step"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.step_buttons: dict[str, QPushButton] = {}
        self.step_reasons: dict[str, QLabel] = {}
        for number, step in enumerate(steps.STEPS):
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, s=step: self.take(s))
            reason = QLabel()
            reason.setObjectName("hint")
            reason.setWordWrap(True)
            reason.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(button, number, 0)
            grid.addWidget(reason, number, 1)
            self.step_buttons[step] = button
            self.step_reasons[step] = reason
        column.addLayout(grid)
        column.addStretch(1)
        return column

    # -- state ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.message.clear_message()
        self.refresh()

    def refresh(self) -> None:
        if self.meeting_id is None:
            return
        session = MeetingSession(self.database, self.meeting_id)
        self.record = record = session.record
        self.status = status = signoff.status(self.database, self.meeting_id)
        title = signatory_title(record)
        self.title.setText(status.heading)
        self.strip.show_stage(status.stage)
        mode = "digitally" if status.signing_mode is SigningMode.DIGITAL else "in wet ink"
        self.mode.setText(
            f"Meeting {status.meeting_id} ({status.reference}), "
            f"{labels.MEETING_STATUS[record.meeting.status].lower()} · "
            f"{record.council.name} signs minutes {mode} (its profile)"
        )
        self._fill_meetings(record)
        self.lock_banner.show_reason(status.lock_reason)
        self.tamper.show_problems(status.problems, self.meeting_id)
        self.steps_model.set_rows(step_rows(status.steps))
        self.no_steps.setText("" if status.steps else "No step taken yet: the minutes are a draft.")
        self.no_steps.setVisible(not status.steps)
        kept = signoff.signed_copies(self.database, self.meeting_id)
        self.files_model.set_rows(kept)
        for widget in (self.files_heading, self.files_view, self.save_copy_button):
            widget.setVisible(bool(kept))
        offers = steps.offers(status, title)
        self._show_next(status, offers)
        for offer in offers:
            button = self.step_buttons[offer.step]
            button.setText(offer.text)
            button.setEnabled(offer.enabled)
            button.setAccessibleName(offer.text.replace("&", "").rstrip("…"))
            button.setAccessibleDescription(offer.reason)
            button.setToolTip(offer.reason)
            self.step_reasons[offer.step].setText(offer.reason)
            self.step_reasons[offer.step].setEnabled(offer.enabled)

    def _fill_meetings(self, record: MeetingRecord) -> None:
        self.meetings.blockSignals(True)
        try:
            self.meetings.clear()
            for summary in catalogue.meetings(self.database, record.committee.slug):
                self.meetings.addItem(labels.day(summary.meeting.date), summary.id)
            self.meetings.setCurrentIndex(max(0, self.meetings.findData(self.meeting_id)))
        finally:
            self.meetings.blockSignals(False)

    def _show_next(self, status: signoff.SignoffStatus, offers: list[steps.StepOffer]) -> None:
        following = status.next
        if following is None:
            self.next_text.setText("Nothing: the minutes are signed.")
            self.next_command.setText("")
            self.primary.hide()
            self.print_first.hide()
            return
        self.next_text.setText(following.text)
        self.next_command.setText(
            f"From the command line: {following.command}" if following.command else ""
        )
        text = steps.primary_text(status).replace("&", "")  # Return or Ctrl+Return takes it
        self.primary.setText(text)
        self.primary.setAccessibleName(f"Next step: {text.rstrip('…')}")
        offer = next((o for o in offers if o.step == following.step), None)
        enabled = following.step == "close" or (offer is not None and offer.enabled)
        self.primary.setEnabled(enabled)
        self.primary.setToolTip(offer.reason if offer is not None else following.text)
        self.primary.setVisible(bool(text))
        wet_sign = following.step == "sign" and status.signing_mode is SigningMode.WET_INK
        self.print_first.setVisible(wet_sign)

    def focus_start(self) -> None:
        if self.primary.isVisible() and self.primary.isEnabled():
            self.primary.setFocus()
        else:
            self.steps_view.setFocus()

    def _meeting_chosen(self, _index: int) -> None:
        meeting_id = self.meetings.currentData()
        if meeting_id is not None and meeting_id != self.meeting_id:
            self.show_meeting(meeting_id)

    def _open_meeting(self) -> None:
        if self.meeting_id is not None:
            self.open_meeting.emit(self.meeting_id)

    # -- the steps -----------------------------------------------------------------------

    def _recorded(self) -> None:
        """A step was committed: show it, and let the window reload what it holds."""
        self.refresh()
        self.changed.emit()
        if self.status is not None and self.status.steps:
            self.message.show_message(f"Recorded: {self.status.steps[-1].text}", kind="notice")
        self.focus_start()  # on to the next step from the keyboard

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _next_by_key(self) -> None:
        if self.primary.isVisible() and self.primary.isEnabled():
            self.take_next()

    def take_next(self) -> None:
        if self.status is None or self.status.next is None:
            return
        if self.status.next.step == "close":
            self._open_meeting()
            return
        self.take(self.status.next.step)

    def take(self, step: str) -> None:
        if self.record is None or self.status is None:
            return
        record, today = self.record, self.today()
        offer = next(o for o in steps.offers(self.status, "") if o.step == step)
        if not offer.enabled:  # the buttons say why; a stale key press does nothing
            return
        if step == "circulate":
            self._open(dialogs.circulate_dialog(self, self.database, record, today, self._recorded))
        elif step == "approve":
            self._open(dialogs.approve_dialog(self, self.database, record, today, self._recorded))
        elif step == "confirm":
            self._open(
                dialogs.ConfirmDialog(self, self.database, record, self.status, self._recorded)
            )
        elif step == "print":
            self._open(PrintDialog(self, self.database, record, self.pool))
        elif step == "sign" and self.status.signing_mode is SigningMode.DIGITAL:
            self._open(
                SignDigitalDialog(
                    self, self.database, record, self._recorded, self.pool, verify=self.verify
                )
            )
        elif step == "sign":
            self._open(SignInkDialog(self, self.database, record, today, self._recorded, self.pool))
        elif step == "attach":
            self._open(dialogs.attach_dialog(self, self.database, record, today, self._recorded))

    # -- checking ------------------------------------------------------------------------

    def verify(self, path: Path | None = None) -> VerifyDialog:
        dialog = VerifyDialog(self, path, self.pool)
        self._open(dialog)
        if path is not None:
            dialog.run()
        return dialog

    def audit(self) -> AuditDialog | None:
        if self.meeting_id is None or self.status is None:
            return None
        subject = self.status.heading[:1].lower() + self.status.heading[1:]
        dialog = AuditDialog(self, self.database, self.meeting_id, subject, self.pool)
        self._open(dialog)
        dialog.run()
        return dialog

    def save_copy(self) -> None:
        key = selected_key(self.files_view)
        rows = self.files_model.rows
        chosen = next((a for a in rows if a.id == key), rows[-1] if rows else None)
        if chosen is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save a copy of the kept file", chosen.file_name
        )
        if path:
            self.save_copy_to(chosen.id, Path(path))

    def save_copy_to(self, attachment_id: int, path: Path) -> Path | None:
        try:
            written = write_bytes(path, signoff.attachment_content(self.database, attachment_id))
        except ClerkError as error:
            self.message.show_message(str(error))
            return None
        self.message.show_message(f"Saved: {written}", kind="notice")
        return written
