"""Dialog and form helpers: inline refusals, labelled fields with accessible names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class MessageLabel(QLabel):
    """A refusal or hint shown where the clerk is looking; empty and hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusal")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Message")
        self.hide()

    def show_message(self, text: str, kind: str = "refusal") -> None:
        self.setObjectName(kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class FormDialog(QDialog):
    """A dialog whose OK runs ``submit``: a refusal (a message) keeps it open and shows why.

    Dialogs are opened with ``open()`` (window-modal, not blocking), so the window stays
    responsive and tests drive them like a clerk would.
    """

    def __init__(self, title: str, parent: QWidget | None = None, ok_text: str = "OK") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.submit: Callable[[], str | None] = lambda: None
        self._fields: list[QWidget] = []
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.message = MessageLabel(self)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text.replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        self.setMinimumWidth(520)

    def add_row(self, label: str, field: QWidget, help_text: str = "") -> QWidget:
        self._fields.append(field)
        return add_labelled_row(self.form, label, field, help_text)

    def first_field(self) -> QWidget | None:
        """The first field the clerk can change (not a read-only quotation)."""
        for field in self._fields:
            read_only = getattr(field, "isReadOnly", lambda: False)()
            if (
                field.isEnabled()
                and not read_only
                and field.focusPolicy() != Qt.FocusPolicy.NoFocus
            ):
                return field
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts on the first field, with its focus shown (not on OK)."""
        super().showEvent(event)
        field = self.first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)  # Tab: the focus frame is drawn
            if isinstance(field, QLineEdit):
                field.selectAll()

    def accept(self) -> None:
        problem = self.submit()
        if problem:
            self.message.show_message(problem)
            return
        self.message.clear_message()
        super().accept()


def keep_short_text(button: QToolButton, action: QAction, text: str) -> None:
    """Show ``text`` on a button that runs ``action``, and keep it: a tool button takes its
    default action's text again whenever the action changes (enabled, disabled)."""

    def apply() -> None:
        button.setText(text)

    button.setDefaultAction(action)
    apply()
    action.changed.connect(apply)


def combo(
    items: list[tuple[str, object]], current: object = None, box: QComboBox | None = None
) -> QComboBox:
    """A drop-down of ``items`` (text, value) with ``current`` chosen; ``box``: fill this one
    (a picker of a kind of its own) instead of a plain QComboBox."""
    box = QComboBox() if box is None else box
    for text, value in items:
        box.addItem(text, value)
    if current is not None:
        index = box.findData(current)
        if index >= 0:
            box.setCurrentIndex(index)
    return box


def text_box(lines: int = 4, text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlainText(text)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 12
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


def date_edit(value=None, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    if optional:
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText("none")
        edit.setDate(edit.minimumDate())
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def date_value(edit: QDateEdit, optional: bool = False):
    if optional and edit.date() == edit.minimumDate():
        return None
    return edit.date().toPython()


def time_edit(value=None) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    if value is not None:
        edit.setTime(QTime(value.hour, value.minute))
    return edit


def add_labelled_row(form, label: str, field: QWidget, help_text: str = "") -> QWidget:
    """A labelled field: the label's mnemonic focuses it; the name is read aloud."""
    caption = QLabel(label)
    caption.setBuddy(field)
    field.setAccessibleName(label.replace("&", "").rstrip(":"))
    if help_text:
        field.setToolTip(help_text)
        field.setAccessibleDescription(help_text)
    form.addRow(caption, field)
    return field
