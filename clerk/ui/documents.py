"""Generating the minutes and the action tracker from the window, off the UI thread.

The work is ``clerk.services.documents.generate_minutes`` / ``generate_tracker``, run in a
``QRunnable`` on the global thread pool; the dialog shows progress and then offers to open
the file or its folder. The service is imported when generation starts, so the rest of the
window works in a build without the documents package.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.errors import ClerkError
from clerk.services import catalogue
from clerk.storage.database import Database
from clerk.ui.forms import MessageLabel

SERVICE = "clerk.services.documents"
NO_CONFIDENTIAL = (
    "This meeting had no exempt business, so its minutes have no confidential version: "
    "the public minutes are the whole record."
)


def documents_service():
    """The documents service, or None when this build does not have it."""
    try:
        return importlib.import_module(SERVICE)
    except ImportError:
        return None


def default_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "Clerk"


class Signals(QObject):
    finished = Signal(list)
    failed = Signal(str)


class Job(QRunnable):
    """One generation, run on a pool thread; reports the files written or the error."""

    def __init__(self, work: Callable[[], list[Path]]) -> None:
        super().__init__()
        self.work = work
        self.signals = Signals()

    def run(self) -> None:
        try:
            paths = self.work()
        except ClerkError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # reported to the clerk, and logged by the dialog
            detail = "".join(traceback.format_exception(error))
            self.signals.failed.emit(f"{type(error).__name__}: {error}\n\n{detail}")
        else:
            self.signals.finished.emit([str(p) for p in paths])


class GenerateDialog(QDialog):
    """Minutes of one meeting (``meeting_id``) or a committee's tracker (``committee``)."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        meeting_id: int | None = None,
        committee: str | None = None,
        title: str = "",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.meeting_id = meeting_id
        self.committee = committee
        self.pool = pool or QThreadPool.globalInstance()
        self.job: Job | None = None
        self.paths: list[Path] = []
        minutes = meeting_id is not None
        self.setWindowTitle("Generate the minutes" if minutes else "Generate the action tracker")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.what = QLabel(title)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        form = QFormLayout()
        layout.addLayout(form)
        self.public = QRadioButton("&Public (exempt detail left out)")
        self.confidential = QRadioButton("&Confidential (everything)")
        self.open_only = QCheckBox("&Open actions only")
        if minutes:
            self.public.setChecked(True)
            # Only a meeting with exempt business has a confidential version (the domain says).
            if meeting_id is not None and not catalogue.has_confidential_version(
                database, meeting_id
            ):
                self.confidential.setEnabled(False)
                self.confidential.setToolTip(NO_CONFIDENTIAL)
                self.confidential.setAccessibleDescription(NO_CONFIDENTIAL)
            version = QVBoxLayout()
            version.setSpacing(6)
            version.setContentsMargins(0, 2, 0, 2)
            version.addWidget(self.public)
            version.addWidget(self.confidential)
            form.addRow("Version:", version)
        else:
            self.open_only.setChecked(True)
            form.addRow("Actions:", self.open_only)
        formats = QHBoxLayout()
        self.word = QCheckBox("&Word (.docx)")
        self.pdf = QCheckBox("P&DF")
        self.html = QCheckBox("&HTML (web page)")
        self.html.setToolTip("The web version for the council's website: public documents only.")
        self.word.setChecked(True)
        self.pdf.setChecked(True)
        formats.addWidget(self.word)
        formats.addWidget(self.pdf)
        formats.addWidget(self.html)
        # The web version is for publishing: never of the confidential minutes.
        self.confidential.toggled.connect(lambda on: self.html.setEnabled(not on))
        formats.addStretch(1)
        form.addRow("Formats:", formats)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(default_folder()))
        self.folder.setAccessibleName("Folder")
        browse = QPushButton("&Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel("&Folder:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        self.files = QListWidget()
        self.files.setAccessibleName("Files written")
        self.files.hide()
        layout.addWidget(self.files)
        buttons = QDialogButtonBox()
        self.generate_button = buttons.addButton(
            "&Generate", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_file_button = buttons.addButton(
            "Open &file", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button = buttons.addButton(
            "Open f&older", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_file_button.hide()
        self.open_folder_button.hide()
        self.generate_button.clicked.connect(self.generate)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Folder for the documents", self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def formats(self) -> tuple[str, ...]:
        boxes = (("docx", self.word), ("pdf", self.pdf), ("html", self.html))
        return tuple(f for f, box in boxes if box.isChecked() and box.isEnabled())

    def generate(self) -> None:
        formats = self.formats()
        if not formats:
            self.message.show_message("Choose Word, PDF, HTML or more than one.")
            return
        service = documents_service()
        if service is None:
            self.message.show_message(
                "This build of Clerk cannot produce documents yet (the documents package is "
                "missing); the meeting record is safe and can be exported as JSON."
            )
            return
        folder = Path(self.folder.text()).expanduser()
        database = self.database
        if self.meeting_id is not None:
            meeting_id, confidential = self.meeting_id, self.confidential.isChecked()

            def work() -> list[Path]:
                return service.generate_minutes(database, meeting_id, formats, confidential, folder)

        else:
            slug, open_only = self.committee, self.open_only.isChecked()

            def work() -> list[Path]:
                return service.generate_tracker(database, slug, formats, open_only, folder)

        self.message.clear_message()
        self.progress.setRange(0, 0)  # busy until the job reports
        self.generate_button.setEnabled(False)
        self.job = Job(work)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.pool.start(self.job)

    def _finished(self, paths: list[str]) -> None:
        self.paths = [Path(p) for p in paths]
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.generate_button.setEnabled(True)
        self.files.clear()
        self.files.addItems(paths)
        self.files.show()
        self.files.setCurrentRow(0)
        self.message.show_message(f"Written: {len(paths)} file(s).", kind="notice")
        self.open_file_button.show()
        self.open_folder_button.show()
        self.open_file_button.setFocus()

    def _failed(self, text: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.generate_button.setEnabled(True)
        self.message.show_message(f"The documents could not be generated: {text}")

    def chosen_file(self) -> Path | None:
        row = self.files.currentRow()
        return self.paths[row] if 0 <= row < len(self.paths) else None

    def open_file(self) -> None:
        path = self.chosen_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_folder(self) -> None:
        path = self.chosen_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
