"""The item's minute-text tab: its proceedings in order, paragraphs among the motions and votes.

The list shows the item's sequence as the minutes will read: paragraphs of minute text, and
in grey the steps that happened (a motion moved, a vote, a resolution, an adjournment...). A
new paragraph goes at the end; a paragraph is moved by dragging it, or with Alt+Up / Alt+Down.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.paragraphs import (
    AddParagraph,
    DeleteParagraph,
    EditParagraph,
    MoveParagraph,
)
from clerk.domain.entities import StepRef
from clerk.domain.enums import StepKind
from clerk.ui.controller import MeetingController
from clerk.ui.live.drafts import Drafts
from clerk.ui.models.base import ROW_ROLE
from clerk.ui.models.proceedings import ProceedingsModel, SequenceRow, sequence_rows


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.clicked.connect(slot)
    return widget


class MinuteEditor(QPlainTextEdit):
    """The minute-text box. Ctrl+Z (and redo) is the box's own while it has typing to undo
    (redo); with none, the keys go to the window and undo (redo) the meeting's last action."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            if (
                event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()
            ) or (event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()):
                event.ignore()  # not taken here: the window's Undo (Redo) shortcut acts
                return True
        return super().event(event)


class MinuteTextTab(QWidget):
    def __init__(
        self,
        controller: MeetingController,
        item_id: Callable[[], int | None],
        confirm_minutes: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item_id = item_id
        self.editing_paragraph: int | None = None
        #: Text typed but not yet added, per item: (the paragraph being edited, the text).
        #: Taking another item keeps it here and shows it again on coming back.
        self.drafts: Drafts = {}
        #: Where the drafts are written as they are typed (they survive a restart); set by the
        #: window with the meeting's ``DraftStore``.
        self.persist: Callable[[Drafts], None] | None = None
        self._switching = False
        #: The row to select again once the list is rebuilt (a paragraph just moved).
        self._keep: StepRef | None = None
        layout = QVBoxLayout(self)

        self.model = ProceedingsModel(self)
        self.model.move_requested.connect(self.move_paragraph)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setAccessibleName("The item's proceedings")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        layout.addWidget(self.view, 1)
        for keys, by in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda by=by: self.move_selected(by))

        self.editor = MinuteEditor()
        self.editor.setAccessibleName("Minute text editor")
        self.editor.setPlaceholderText(
            "Type the minute text for this item. Ctrl+Return adds it as a paragraph at the end; "
            "Alt+Up / Alt+Down in the list above moves a paragraph."
        )
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self.save_drafts)
        self.editor.setMinimumHeight(self.editor.fontMetrics().lineSpacing() * 4 + 12)
        self.editor.setMaximumHeight(self.editor.fontMetrics().lineSpacing() * 7 + 12)
        layout.addWidget(self.editor)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add_paragraph)
        escape_key = QShortcut(QKeySequence("Esc"), self.editor)
        escape_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape_key.activated.connect(self.cancel_edit)

        row = QHBoxLayout()
        self.add_button = button("Add  Ctrl+Return", "Add the paragraph", self.add_paragraph)
        row.addWidget(self.add_button)
        row.addWidget(button("Edit", "Edit the selected paragraph", self.edit_selected))
        row.addWidget(button("Delete", "Delete the selected paragraph", self.delete_selected))
        for text, name, by in (
            ("Up  Alt+Up", "Move the selected paragraph up (Alt+Up)", -1),
            ("Down  Alt+Down", "Move the selected paragraph down (Alt+Down)", 1),
        ):
            widget = button(text, name, lambda by=by: self.move_selected(by))
            widget.setToolTip(name)
            row.addWidget(widget)
        row.addStretch(1)
        self.confirm_button = button(
            "Confirm minutes…", "Confirm the previous minutes (Ctrl+Shift+C)", confirm_minutes
        )
        self.confirm_button.setToolTip("Confirm the previous meeting's minutes (Ctrl+Shift+C)")
        row.addWidget(self.confirm_button)
        layout.addLayout(row)

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        item_id = self.item_id()
        record = self.controller.record
        if item_id is None or item_id not in record.items:
            self.model.set_rows([])
            return
        self.model.set_rows(sequence_rows(record, item_id))
        self.view.setDragEnabled(self.controller.session.lock_reason is None)  # approved: locked
        if self._keep is not None:
            position = self.model.row_of(self._keep)
            if position >= 0:
                index = self.model.index(position, 0)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            self._keep = None

    def selected(self) -> SequenceRow | None:
        row = self.model.data(self.view.currentIndex(), ROW_ROLE)
        return row if isinstance(row, SequenceRow) else None

    def selected_paragraph(self, doing: str) -> int | None:
        row = self.selected()
        if row is None or row.paragraph_id is None:
            self.controller.refused.emit(f"Select a paragraph of minute text to {doing}.")
            return None
        return row.paragraph_id

    # -- drafts ----------------------------------------------------------------------------

    def all_drafts(self) -> Drafts:
        """The drafts kept, with what the editor holds now for the item shown."""
        drafts = dict(self.drafts)
        item_id = self.item_id()
        if item_id is not None and not self._switching:
            text = self.editor.toPlainText()
            paragraph = self.controller.record.paragraphs.get(self.editing_paragraph or 0)
            if text.strip() and not (paragraph is not None and paragraph.text == text):
                drafts[item_id] = (self.editing_paragraph, text)
            else:
                drafts.pop(item_id, None)
        return drafts

    def save_drafts(self) -> None:
        if self.persist is not None and not self._switching:
            self.persist(self.all_drafts())

    def keep_draft(self, item_id: int | None) -> None:
        """Keep what the editor holds for this item (the clerk is leaving it), then clear it."""
        if item_id is not None:
            text = self.editor.toPlainText()
            paragraph = self.controller.record.paragraphs.get(self.editing_paragraph or 0)
            if paragraph is not None and paragraph.text == text:
                self.drafts.pop(item_id, None)  # an edit opened, nothing changed: nothing to keep
            elif text.strip():
                self.drafts[item_id] = (self.editing_paragraph, text)
            else:
                self.drafts.pop(item_id, None)
        self._switching = True  # the editor is cleared for the next item: the draft stays
        try:
            self.cancel_edit()
        finally:
            self._switching = False

    def restore_draft(self, item_id: int | None) -> None:
        """Show again the text kept for this item, if any (the clerk came back to it)."""
        draft = self.drafts.pop(item_id, None) if item_id is not None else None
        if draft is None:
            return
        paragraph, text = draft
        self._switching = True
        try:
            if paragraph is not None and paragraph in self.controller.record.paragraphs:
                self.editing_paragraph = paragraph
                self.add_button.setText("Save change  Ctrl+Return")
            self.editor.setPlainText(text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._switching = False

    # -- recording -------------------------------------------------------------------------

    def add_paragraph(self) -> None:
        item_id = self.item_id()
        if item_id is None:
            self.controller.refused.emit("Choose an item first.")
            return
        text = self.editor.toPlainText()
        if self.editing_paragraph is not None:
            action: EditParagraph | AddParagraph = EditParagraph(self.editing_paragraph, text)
        else:
            action = AddParagraph(item_id, text)
        if self.controller.perform(action) is not None:
            self.cancel_edit()
            self.editor.setFocus()

    def edit_selected(self) -> None:
        paragraph = self.selected_paragraph("edit")
        if paragraph is None:
            return
        self.editing_paragraph = paragraph
        self.editor.setPlainText(self.controller.record.paragraphs[paragraph].text)
        self.add_button.setText("Save change  Ctrl+Return")
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self.editing_paragraph = None
        self.editor.clear()
        self.add_button.setText("Add  Ctrl+Return")

    def delete_selected(self) -> None:
        paragraph = self.selected_paragraph("delete")
        if paragraph is not None:
            self.controller.perform(DeleteParagraph(paragraph))

    def move_selected(self, by: int) -> None:
        paragraph = self.selected_paragraph("move")
        if paragraph is not None:
            self.move_paragraph(paragraph, by)

    def move_paragraph(self, paragraph: int, by: int) -> None:
        self._keep = StepRef(StepKind.PARAGRAPH, paragraph)
        if self.controller.perform(MoveParagraph(paragraph, by)) is None:
            self._keep = None  # refused: the status bar says why; nothing moved
        self.view.setFocus()
