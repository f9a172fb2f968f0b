"""The resolution editor: the wording to resolve (a motion as carried, or the clerk's own),
"Resolved (unanimously)" offered only when the domain allows it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.motions import Resolve
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import MotionKind, MotionOutcome
from clerk.domain.rules.business import carried_unresolved
from clerk.domain.rules.motions import LETTERS, substantive_parts
from clerk.ui.controller import MeetingController
from clerk.ui.forms import MessageLabel
from clerk.ui.live import dialogs
from clerk.ui.partstext import PartsTextError, parts_from_text, parts_to_text


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.clicked.connect(slot)
    return widget


def resolution_html(record, item_id: int) -> str:
    blocks = []
    for resolution in record.for_item("resolutions", item_id):
        lines = [f"<p><b>{escape(resolution.wording)}</b></p>"]
        if resolution.preamble:
            lines.append(f"<p>{escape(resolution.preamble)}</p>")
        for number, part in enumerate(resolution.parts, start=1):
            lines.append(f"<p style='margin-left:12px'>{number}. {escape(part.text)}</p>")
            for letter, sub in zip(LETTERS, part.parts, strict=False):
                lines.append(f"<p style='margin-left:32px'>{letter}. {escape(sub.text)}</p>")
        blocks.append("".join(lines))
    return "".join(blocks)


class ResolutionEditor(QWidget):
    def __init__(
        self,
        controller: MeetingController,
        item: Callable[[], AgendaItem | None],
        recorded: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item = item
        self.recorded = recorded
        self._prefilled: tuple[int, int | None] | None = None
        #: The question asked before a second resolution (while it is open).
        self.question: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        source_label = QLabel("&Wording from:")
        self.resolution_source = QComboBox()
        self.resolution_source.setAccessibleName("Resolution from")
        source_label.setBuddy(self.resolution_source)
        self.resolution_source.activated.connect(self._source_chosen)
        row.addWidget(source_label)
        row.addWidget(self.resolution_source, 1)
        self.unanimous = QCheckBox("Resolved (&unanimously)")
        self.unanimous.setAccessibleName("Resolved unanimously")
        self.unanimous.setEnabled(False)
        row.addWidget(self.unanimous)
        layout.addLayout(row)
        self.preamble = QLineEdit()
        self.preamble.setAccessibleName("Preamble")
        self.preamble.setPlaceholderText('Preamble, e.g. "That the Cabinet be recommended:"')
        layout.addWidget(self.preamble)
        self.resolution_text = QPlainTextEdit()
        self.resolution_text.setAccessibleName("Resolution wording")
        self.resolution_text.setTabChangesFocus(True)
        self.resolution_text.setToolTip(dialogs.PARTS_HELP)
        self.resolution_text.setPlaceholderText(dialogs.PARTS_HELP)
        layout.addWidget(self.resolution_text, 1)
        self.resolution_message = MessageLabel()
        layout.addWidget(self.resolution_message)
        row = QHBoxLayout()
        self.resolution_hint = QLabel()
        self.resolution_hint.setObjectName("hint")
        self.resolution_hint.setWordWrap(True)
        row.addWidget(self.resolution_hint, 1)
        self.resolve_button = button(
            "Record the resolution  Ctrl+Return", "Record the resolution", self.record_resolution
        )
        row.addWidget(self.resolve_button)
        layout.addLayout(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.record_resolution)

    def forget(self) -> None:
        """Offer the wording afresh next time (a vote was recorded, the item changed)."""
        self._prefilled = None

    def refresh(self, item: AgendaItem) -> None:
        """The item changed or was recorded on: offer the wording to resolve."""
        record = self.controller.record
        carried = [
            m.id
            for m in record.for_item("motions", item.id)
            if m.kind is MotionKind.MOTION
            and m.excludes_item_id is None
            and m.outcome is MotionOutcome.CARRIED
        ]
        self.resolution_source.blockSignals(True)
        self.resolution_source.clear()
        for motion_id in carried:
            self.resolution_source.addItem(f"Motion {motion_id} as carried", motion_id)
        self.resolution_source.addItem("The officers' recommendations / own wording", None)
        unresolved = carried_unresolved(record, item.id)
        wanted = unresolved[-1] if unresolved else None
        if self._prefilled is not None and self._prefilled[0] == item.id:
            wanted = self._prefilled[1]
        self.resolution_source.setCurrentIndex(max(0, self.resolution_source.findData(wanted)))
        self.resolution_source.blockSignals(False)
        if self._prefilled is None or self._prefilled[0] != item.id:
            if self._resolved_already(item) and wanted is None:
                self._prefill_nothing(item)  # resolved: no second resolution invited
            else:
                self._prefill(item, wanted)
        self._update_unanimous()
        if self._resolved_already(item) and wanted is None:
            self.resolution_hint.setText(
                "This item is resolved (below). Type a further resolution only if the "
                "meeting made one: recording it asks first."
            )

    def _resolved_already(self, item: AgendaItem) -> bool:
        return bool(self.controller.record.for_item("resolutions", item.id))

    def _prefill_nothing(self, item: AgendaItem) -> None:
        self.preamble.clear()
        self.resolution_text.clear()
        self._prefilled = (item.id, None)
        self.unanimous.setEnabled(False)

    def _source_chosen(self) -> None:
        item = self.item()
        if item is not None:
            self._prefill(item, self.resolution_source.currentData())
            self._update_unanimous()

    def _prefill(self, item: AgendaItem, motion_id: int | None) -> None:
        """The wording to resolve: the motion as carried, or the officers' recommendations."""
        record = self.controller.record
        if motion_id is not None:
            motion = record.motion(motion_id)
            parts = substantive_parts(record, motion)
            preamble = motion.preamble
        else:
            parts, preamble = item.recommendations, ""
        self.preamble.setText(preamble)
        self.resolution_text.setPlainText(parts_to_text(parts))
        self._prefilled = (item.id, motion_id)
        self.unanimous.setEnabled(False)  # re-offered (ticked) if the domain allows it

    def _resolution_action(self, unanimous: bool) -> Resolve | None:
        item = self.item()
        if item is None:
            return None
        try:
            parts = parts_from_text(self.resolution_text.toPlainText())
        except PartsTextError:
            parts = ()
        return Resolve(
            item=item.id,
            parts=parts,
            preamble=self.preamble.text().strip(),
            unanimous=unanimous,
            motion=self.resolution_source.currentData(),
        )

    def _update_unanimous(self) -> None:
        """ "Unanimously" is offered only when the vote was unanimous (the domain decides)."""
        plain = self._resolution_action(False)
        unanimous = self._resolution_action(True)
        if plain is None or unanimous is None:
            return
        reason = self.controller.check(unanimous)
        offered = reason is None
        was_enabled = self.unanimous.isEnabled()
        self.unanimous.setEnabled(offered)
        if not offered:
            self.unanimous.setChecked(False)
            self.unanimous.setToolTip(reason)
        else:
            self.unanimous.setToolTip("The vote was unanimous.")
            if not was_enabled:  # newly true: offer it ticked; the clerk may untick it
                self.unanimous.setChecked(True)
        self.unanimous.setAccessibleDescription(self.unanimous.toolTip())
        if offered:
            hint = "The vote was unanimous: “Resolved (unanimously):”."
        elif self.controller.check(plain) is None:
            hint = f"Not unanimous: {reason}"
        else:
            hint = ""
        self.resolution_hint.setText(hint)

    def record_resolution(self) -> None:
        item = self.item()
        if item is None:
            return
        try:
            parts_from_text(self.resolution_text.toPlainText())
        except PartsTextError as error:
            self.resolution_message.show_message(str(error))
            return
        action = self._resolution_action(self.unanimous.isChecked() and self.unanimous.isEnabled())
        if action is not None and action.motion is None and self._resolved_already(item):
            self._ask_another(action)
            return
        self._submit(action)

    def _ask_another(self, action: Resolve) -> QMessageBox:
        """A second resolution on a resolved item: asked, not assumed."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Another resolution?",
            "This item already has a resolution. Record a further resolution on it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName("Another resolution?")
        box.finished.connect(
            lambda result: (
                self._submit(action)
                if result == QMessageBox.StandardButton.Yes
                else self.resolution_text.setFocus()
            )
        )
        self.question = box
        box.open()
        return box

    def _submit(self, action: Resolve | None) -> None:
        if action is None:
            return
        problem = self.controller.submit(action)
        if problem:
            self.resolution_message.show_message(problem)
            return
        self.resolution_message.clear_message()
        self._prefilled = None
        self.recorded()
