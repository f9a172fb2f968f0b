"""File → Publish: a committee's meetings as open data (Open Civic Data / Popolo JSON) and
its calendar (iCalendar), written into a folder off the window's thread. Exempt business
never leaves: the service decides what is public, the dialog only asks where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.services import catalogue
from clerk.services.publishing import publish
from clerk.storage.database import Database
from clerk.ui import background
from clerk.ui.documents import default_folder
from clerk.ui.forms import MessageLabel


class PublishDialog(QDialog):
    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        committee: str | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.pool = pool
        self.job = None
        self.paths: list[Path] = []
        self.setWindowTitle("Publish")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The meetings as open data (Open Civic Data / Popolo JSON) and each committee's "
            "calendar (iCalendar, cancellations included). Exempt business is left out."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.committee = QComboBox()
        self.committee.setAccessibleName("Committee")
        self.committee.addItem("All committees", None)
        for known in catalogue.committees(database):
            self.committee.addItem(known.name, known.slug)
            if known.slug == committee:
                self.committee.setCurrentIndex(self.committee.count() - 1)
        form.addRow("&Committee:", self.committee)
        self.use_range = QCheckBox("Only meetings from")
        self.start = QDateEdit(QDate.currentDate().addYears(-1))
        self.end = QDateEdit(QDate.currentDate().addYears(1))
        for edit, name in ((self.start, "From"), (self.end, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setAccessibleName(name)
        dates = QHBoxLayout()
        dates.addWidget(self.use_range)
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end, 1)
        form.addRow("Range:", dates)
        self.minutes_url = QLineEdit()
        self.minutes_url.setAccessibleName("Where the minutes are published")
        self.minutes_url.setPlaceholderText("https://www.council.gov.uk/minutes (optional)")
        form.addRow("&Minutes at:", self.minutes_url)
        self.calendars = QCheckBox("&Calendar of each committee (.ics)")
        self.calendars.setChecked(True)
        form.addRow("Also:", self.calendars)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(default_folder() / "Open data"))
        self.folder.setAccessibleName("Folder")
        browse = QPushButton("&Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel("&Folder:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        self.files = QListWidget()
        self.files.setAccessibleName("Files written")
        self.files.hide()
        layout.addWidget(self.files)
        buttons = QDialogButtonBox()
        self.publish_button = buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_folder_button = buttons.addButton(
            "Open f&older", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.hide()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.publish_button.clicked.connect(self.run)
        self.open_folder_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Folder to publish into", self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def run(self) -> None:
        slug = self.committee.currentData()
        slugs = [slug] if slug else None
        start = self.start.date().toPython() if self.use_range.isChecked() else None
        end = self.end.date().toPython() if self.use_range.isChecked() else None
        folder = Path(self.folder.text()).expanduser()
        url, calendars, database = (
            self.minutes_url.text().strip(),
            self.calendars.isChecked(),
            self.database,
        )
        self.publish_button.setEnabled(False)
        self.message.clear_message()

        def work() -> list[Path]:
            return publish(database, folder, slugs, start, end, url, calendars)

        self.job = background.start(self.pool, work, self._done, self._failed)

    def _done(self, paths: list[Path]) -> None:
        self.paths = paths
        self.publish_button.setEnabled(True)
        self.files.clear()
        self.files.addItems([str(p) for p in paths])
        self.files.show()
        self.open_folder_button.show()
        self.message.show_message(f"Written: {len(paths)} file(s).", kind="notice")

    def _failed(self, text: str) -> None:
        self.publish_button.setEnabled(True)
        self.message.show_message(f"Nothing was published: {text}")

    def open_folder(self) -> None:
        if self.paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths[0].parent)))
