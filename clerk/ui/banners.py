"""Banners over a meeting: read-only once its minutes are approved; a record that does not
match its journal. The live view and the sign-off view show the same ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class LockBanner(QLabel):
    """The meeting's minutes are approved: nothing in its record can be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockBanner")
        self.setWordWrap(True)
        self.setAccessibleName("Read-only")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_reason(self, reason: str | None) -> None:
        if reason is None:
            self.hide()
            return
        self.setText(
            f"<b>Read-only.</b> {escape(reason)}: the record can no longer be changed. A "
            "correction is made only by the resolution of the meeting that confirms them."
        )
        self.setAccessibleDescription(self.text())
        self.show()

    def show_checkout(self, sentence: str) -> None:
        """The meeting is out on a laptop, or this copy was brought back: read-only here."""
        self.setText(f"<b>Read-only.</b> {escape(sentence)}")
        self.setAccessibleDescription(self.text())
        self.show()


class TamperBanner(QFrame):
    """The record does not match its journal: said loudly, with the audit one click away."""

    def __init__(self, audit: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tamperBanner")
        self.problems: list[str] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Tampering")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self.audit_button = QPushButton("Au&dit…")
        self.audit_button.setAccessibleName("Audit the record")
        self.audit_button.clicked.connect(lambda: audit())
        row.addWidget(self.audit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_problems(self, problems: Sequence[str], meeting_id: int) -> None:
        self.problems = list(problems)
        if not problems:
            self.hide()
            return
        first = problems[0].rstrip(".")
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        self.label.setText(
            f"<b>Warning: the record of meeting {meeting_id} does not match its journal.</b> "
            f"{escape(first)}{more}. It may have been changed behind Clerk's back: see the "
            "audit. Approving and signing are refused until it is resolved."
        )
        self.show()
