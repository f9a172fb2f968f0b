"""File → Agenda pack…: the pack of one meeting, built off the UI thread with progress.

The dialog states the latest day to publish (five clear days, s.100B LGA 1972) and warns,
without refusing, when the day chosen is later. The work is
``clerk.services.agenda_pack.generate_agenda_pack``; its progress reaches the bar through a
signal, and when it is done the dialog offers to open the file or its folder.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QUrl, Signal
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

from clerk.domain.timefmt import weekday_date
from clerk.services import catalogue
from clerk.services.publication import publication_check
from clerk.storage.database import Database
from clerk.ui import background
from clerk.ui.documents import default_folder
from clerk.ui.forms import MessageLabel, date_edit

SERVICE = "clerk.services.agenda_pack"


class Progress(QObject):
    """Carries the service's progress from the pool thread to the dialog."""

    step = Signal(int, int, str)


class AgendaPackDialog(QDialog):
    def __init__(
        self,
        database: Database,
        meeting_id: int,
        today: date,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.meeting_id = meeting_id
        self.pool = pool
        self.job: background.BackgroundJob | None = None
        self.paths: list[Path] = []
        summary = next(m for m in catalogue.meetings(database) if m.id == meeting_id)
        committee = catalogue.committee(database, summary.committee)
        self.meeting_day = summary.meeting.date
        self.setWindowTitle("Agenda pack")
        self.setAccessibleName("Agenda pack")
        layout = QVBoxLayout(self)
        what = QLabel(f"The agenda pack of the {committee.name}, {weekday_date(self.meeting_day)}.")
        what.setWordWrap(True)
        layout.addWidget(what)
        check = publication_check(self.meeting_day, today)
        self.deadline = QLabel(
            f"Publish by {weekday_date(check.latest)}: the agenda and reports must be open to "
            "inspection five clear days before the meeting (Local Government Act 1972, s.100B)."
        )
        self.deadline.setWordWrap(True)
        self.deadline.setAccessibleName("Latest day to publish")
        layout.addWidget(self.deadline)
        form = QFormLayout()
        layout.addLayout(form)
        self.published = date_edit(today)
        self.published.setAccessibleName("Published on")
        published_label = QLabel("Published &on:")
        published_label.setBuddy(self.published)
        form.addRow(published_label, self.published)
        self.public = QRadioButton("&Public pack (Part II reports left out)")
        self.members = QRadioButton("&Members' pack (Part II reports in, marked confidential)")
        self.public.setChecked(True)
        kinds = QVBoxLayout()
        kinds.addWidget(self.public)
        kinds.addWidget(self.members)
        form.addRow("Pack:", kinds)
        self.supplementary = QCheckBox("&Supplementary: only the items added late")
        form.addRow("", self.supplementary)
        formats = QHBoxLayout()
        self.word = QCheckBox("&Word (front sheet and agenda)")
        self.pdf = QCheckBox("P&DF (the whole pack)")
        self.word.setChecked(True)
        self.pdf.setChecked(True)
        formats.addWidget(self.word)
        formats.addWidget(self.pdf)
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
        self.warning = MessageLabel()
        self.warning.setAccessibleName("Publication warning")
        layout.addWidget(self.warning)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.step = QLabel("")
        self.step.setObjectName("hint")
        layout.addWidget(self.step)
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
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_file_button.hide()
        self.open_folder_button.hide()
        self.generate_button.clicked.connect(self.generate)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.signals = Progress(self)
        self.signals.step.connect(self._step)
        self.published.dateChanged.connect(self.update_warning)
        self.supplementary.toggled.connect(self.update_warning)
        self.update_warning()
        self.setMinimumWidth(620)

    def publication_day(self) -> date:
        return self.published.date().toPython()

    def update_warning(self) -> None:
        if self.supplementary.isChecked():
            self.warning.show_message(
                "A supplementary pack is late by nature: each item in it carries the chair's "
                "reason for urgency (s.100B(4)(b)).",
                kind="notice",
            )
            return
        text = publication_check(self.meeting_day, self.publication_day()).warning()
        if text:
            self.warning.show_message(f"{text} The pack can still be made.", kind="refusal")
        else:
            self.warning.clear_message()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the pack", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def formats(self) -> tuple[str, ...]:
        return tuple(f for f, box in (("docx", self.word), ("pdf", self.pdf)) if box.isChecked())

    def generate(self) -> None:
        formats = self.formats()
        if not formats:
            self.message.show_message("Choose Word, PDF or both.")
            return
        try:
            service = importlib.import_module(SERVICE)
        except ImportError:
            self.message.show_message(
                "This build of Clerk cannot produce documents (the documents package is "
                "missing); the meeting record is safe."
            )
            return
        database, meeting_id = self.database, self.meeting_id
        folder = Path(self.folder.text()).expanduser()
        members, supplementary = self.members.isChecked(), self.supplementary.isChecked()
        published, signals = self.publication_day(), self.signals

        def work():
            return service.generate_agenda_pack(
                database,
                meeting_id,
                formats,
                folder,
                members=members,
                supplementary=supplementary,
                published=published,
                progress=lambda done, total, what: signals.step.emit(done, total, what),
            )

        self.message.clear_message()
        self.files.hide()
        self.progress.setRange(0, 0)
        self.step.setText("Starting…")
        self.generate_button.setEnabled(False)
        self.job = background.start(self.pool, work, self._finished, self._failed)

    def _step(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.step.setText(what)

    def _finished(self, written) -> None:
        self.paths = list(written.paths)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.step.setText(f"The pack has {written.pages} pages.")
        self.generate_button.setEnabled(True)
        self.files.clear()
        self.files.addItems([str(p) for p in self.paths])
        self.files.show()
        self.files.setCurrentRow(len(self.paths) - 1)
        self.message.show_message(f"Written: {len(self.paths)} file(s).", kind="notice")
        self.open_file_button.show()
        self.open_folder_button.show()
        self.open_file_button.setFocus()

    def _failed(self, text: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.step.setText("")
        self.generate_button.setEnabled(True)
        self.message.show_message(f"The pack could not be made: {text}")

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
