"""Verify a signed PDF and audit a meeting's record: the same sentences as ``clerk verify`` and
``clerk audit``, shown as they are printed, with the verdict above them.

Verifying imports pyHanko (slow to load) and checks every signature, so it runs off the UI
thread; so does the audit, which rebuilds the record from its journal.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk.services import audit
from clerk.storage.database import Database
from clerk.storage.engine import data_dir
from clerk.ui.signoff.dialogs import PathField, hint
from clerk.ui.signoff.work import Work, WorkDialog

SIGNING = "clerk.services.signing"  # imported when a file is verified: pyHanko loads slowly
PDF = "PDF (*.pdf);;All files (*)"
ROOTS = "Certificates (*.pem *.crt *.cer *.der);;All files (*)"


def report_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setAccessibleName(name)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 12)
    return box


def verdict_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Verdict")
    label.hide()
    return label


def show_verdict(label: QLabel, text: str, good: bool) -> None:
    label.setObjectName("verdictGood" if good else "verdictBad")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.show()


class VerifyDialog(WorkDialog):
    """Who signed, when, whether the certificate is trusted, whether the file changed since."""

    def __init__(
        self, parent: QWidget, path: Path | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__("Verify a signed PDF", "&Verify", parent, pool)
        self.file_field = self.add_row(
            "&Signed PDF:", PathField("Signed PDF", PDF, str(path) if path else "")
        )
        roots = QWidget()
        row = QHBoxLayout(roots)
        row.setContentsMargins(0, 0, 0, 0)
        self.roots = QListWidget()
        self.roots.setMaximumHeight(self.roots.fontMetrics().lineSpacing() * 3 + 8)
        row.addWidget(self.roots, 1)
        buttons = QVBoxLayout()
        self.add_root_button = QPushButton("&Add a root…")
        self.add_root_button.setAutoDefault(False)
        self.add_root_button.clicked.connect(self.choose_root)
        self.remove_root_button = QPushButton("&Remove")
        self.remove_root_button.setAutoDefault(False)
        self.remove_root_button.clicked.connect(self.remove_root)
        buttons.addWidget(self.add_root_button)
        buttons.addWidget(self.remove_root_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        roots.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.add_row("Also &trust:", roots, "Root certificates to trust for this check")
        self.roots.setAccessibleName("Also trust")
        self.form.addRow(
            hint(
                "Trusted: the roots above and every certificate in "
                f"{data_dir() / 'trust'} (as for 'clerk verify --trust'). Nothing else, not "
                "even the system's store, so the answer is the same on every computer."
            )
        )
        self.verdict = verdict_label()
        self.body.addWidget(self.verdict)
        self.output = report_box("Verification")
        self.body.addWidget(self.output, 1)
        self.resize(900, 620)

    def add_root(self, path: Path) -> None:
        self.roots.addItem(str(path))

    def choose_root(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self, "A root certificate to trust", "", ROOTS)
        if chosen:
            self.add_root(Path(chosen))

    def remove_root(self) -> None:
        row = self.roots.currentRow()
        if row >= 0:
            self.roots.takeItem(row)

    def trust(self) -> list[Path]:
        return [Path(self.roots.item(i).text()) for i in range(self.roots.count())]

    def prepare(self) -> Work | str:
        path = self.file_field.path()
        if path is None:
            return "Choose the signed PDF to verify."
        trust = self.trust()

        def work() -> Any:
            signing = importlib.import_module(SIGNING)
            return signing.verify_file(path, trust)

        self.output.clear()
        self.verdict.hide()
        return work

    def succeeded(self, result: Any) -> None:
        self.output.setPlainText("\n".join(result.lines()))
        show_verdict(self.verdict, result.verdict, result.ok)

    def lines(self) -> list[str]:
        return self.output.toPlainText().split("\n")


class AuditDialog(WorkDialog):
    """The record against its journal, and every change with who and when."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        meeting_id: int,
        subject: str,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(f"Audit: {subject}", "&Audit again", parent, pool)
        self.database = database
        self.meeting_id = meeting_id
        self.form.addRow(
            hint(
                "The journal's hash chain, the stored record against the one rebuilt from the "
                "journal, the sign-off pins and the files kept with the meeting; then every "
                "change, with who made it and when (as 'clerk audit' prints it)."
            )
        )
        self.verdict = verdict_label()
        self.body.addWidget(self.verdict)
        self.output = report_box("Audit report")
        self.body.addWidget(self.output, 1)
        self.resize(980, 640)
        self.report: audit.AuditReport | None = None

    def prepare(self) -> Work | str:
        database, meeting_id = self.database, self.meeting_id
        return lambda: audit.audit_meeting(database, meeting_id)

    def succeeded(self, result: Any) -> None:
        self.report = result
        self.output.setPlainText("\n".join(result.lines()))
        show_verdict(self.verdict, result.lines(with_changes=False)[-1], result.ok)

    def lines(self) -> list[str]:
        return self.output.toPlainText().split("\n")
