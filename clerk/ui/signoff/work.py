"""A dialog whose step is slow (printing, signing, verifying): it runs off the UI thread.

The form is read on the UI thread (``prepare`` returns the work, or a message saying what is
missing); the work runs on the thread pool; ``succeeded`` or the failure message comes back on
the UI thread. While it runs the dialog shows a busy bar and its button is disabled, and the
rest of the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.ui import background
from clerk.ui.forms import MessageLabel, add_labelled_row

Work = Callable[[], Any]


def documents_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "Clerk"


class WorkDialog(QDialog):
    def __init__(
        self,
        title: str,
        action_text: str,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.pool = pool
        self.job: background.BackgroundJob | None = None
        self.outcome: Any = None
        self.file: Path | None = None
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)  # busy: shown only while the step runs
        self.progress.hide()
        outer.addWidget(self.progress)
        self.message = MessageLabel(self)
        outer.addWidget(self.message)
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        self.buttons = QDialogButtonBox()
        self.action_button = self.buttons.addButton(
            action_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.action_button.setAccessibleName(action_text.replace("&", "").rstrip("…"))
        self.action_button.setDefault(True)
        self.open_file_button = self._extra("Open &file", self.open_file)
        self.open_folder_button = self._extra("Open f&older", self.open_folder)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        self.action_button.clicked.connect(self.run)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.run)
        self.setMinimumWidth(640)

    def _extra(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        button.hide()
        return button

    def add_row(self, label: str, field: QWidget, help_text: str = "") -> QWidget:
        return add_labelled_row(self.form, label, field, help_text)

    # -- what subclasses provide --------------------------------------------------------

    def prepare(self) -> Work | str:
        """The work to run, from the form; or what is missing, in words."""
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        """Show the result (on the UI thread)."""

    # -- running ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None

    def accept(self) -> None:  # Return in a field runs the step; it never closes silently
        self.run()

    def run(self) -> None:
        if self.running:
            return
        work = self.prepare()
        if isinstance(work, str):
            self.message.show_message(work)
            return
        self.message.clear_message()
        self.progress.show()
        self.action_button.setEnabled(False)
        self.job = background.start(self.pool, work, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.job = None
        self.outcome = result
        self.progress.hide()
        self.action_button.setEnabled(True)
        self.succeeded(result)

    def _failed(self, message: str) -> None:
        self.job = None
        self.progress.hide()
        self.action_button.setEnabled(True)
        self.message.show_message(message)

    def close_done(self) -> None:
        """Close as accepted (``accept`` itself runs the step)."""
        QDialog.accept(self)

    def reject(self) -> None:
        if self.running:  # the step is being recorded: let it finish
            self.message.show_message("Please wait: this is still running.", kind="notice")
            return
        super().reject()

    # -- the file written ---------------------------------------------------------------

    def offer_file(self, path: Path) -> None:
        self.file = path
        self.open_file_button.show()
        self.open_folder_button.show()
        self.open_file_button.setFocus()

    def open_file(self) -> None:
        if self.file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.file)))

    def open_folder(self) -> None:
        if self.file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.file.parent)))
