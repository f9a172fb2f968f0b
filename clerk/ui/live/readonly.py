"""A meeting whose minutes are approved is shown read-only: every recording control disabled.

The service refuses any change to a locked record anyway; the window does not invite the
attempt. The agenda, the item tabs and the attendance list stay browsable.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from clerk.ui.shortcuts import RECORDING


def set_recording_actions(actions: dict[str, QAction], reason: str | None) -> None:
    """Enable the recording commands, or disable them saying why."""
    for name in RECORDING:  # the registry's commands that record (undo and redo are the
        # window's: it disables them for a locked meeting itself)
        action = actions.get(name)
        if action is None:
            continue
        action.setEnabled(reason is None)
        if reason is not None:
            action.setStatusTip(f"Read-only: {reason}.")
        else:
            action.setStatusTip("")


def lock_controls(panel: QWidget, reason: str) -> list[QWidget]:
    """Disable the panel's recording controls (buttons, counts, choices) and make its text
    read-only; the tab bars and lists stay usable for reading. Returns what it changed."""
    changed: list[QWidget] = []
    tip = f"Read-only: {reason}."
    for widget in panel.findChildren(QAbstractButton):
        if isinstance(widget.parent(), QTabBar):
            continue  # the tab bar's scroll arrows
        widget.setEnabled(False)
        widget.setToolTip(tip)
        changed.append(widget)
    for widget in [*panel.findChildren(QAbstractSpinBox), *panel.findChildren(QComboBox)]:
        widget.setEnabled(False)
        changed.append(widget)
    for editor in [*panel.findChildren(QPlainTextEdit), *panel.findChildren(QLineEdit)]:
        if editor.parent() is not None and isinstance(
            editor.parent(), (QAbstractSpinBox, QComboBox)
        ):
            continue
        editor.setReadOnly(True)
        editor.setPlaceholderText("Read-only." if isinstance(editor, QPlainTextEdit) else "")
        changed.append(editor)
    for hint in panel.findChildren(QLabel, "hint"):
        hint.hide()  # "Enter takes the item", "P present": not while nothing can be recorded
        changed.append(hint)
    return changed
