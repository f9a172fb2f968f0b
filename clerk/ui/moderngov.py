"""File → Import from ModernGov: choose the answers (files, or the council's address), preview
what would be added and changed, then import. The window only asks and shows: reading,
fetching, planning and writing are ``clerk.services.moderngov``, off the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk.services.moderngov.importer import Imported, apply_plan, preview, read_files
from clerk.services.moderngov.plan import Options, Plan
from clerk.storage.database import Database
from clerk.ui import background
from clerk.ui.forms import MessageLabel

#: How each kind of preview line is marked and coloured.
KINDS = {
    "add": ("Add", "#1b6e20"),
    "change": ("Change", "#8a5300"),
    "link": ("Link", "#1f4e9a"),
    "skip": ("Skip", "#6b6b6b"),
    "note": ("Note", "#6b6b6b"),
}


def summary(plan: Plan) -> str:
    new = sum(1 for m in plan.writes if m.meeting_id is None)
    changed = sum(1 for m in plan.writes if m.meeting_id is not None)
    people = len(plan.persons)
    committees = len(plan.committees)
    if plan.empty:
        return "Nothing to import: Clerk already has all of it."
    return (
        f"Will add {new} meeting(s) and change {changed}; {people} people and {committees} "
        f"committee(s) added or linked; {plan.count('skip')} left out (see below). Each "
        "meeting's import is one action you can undo."
    )


class ImportDialog(QDialog):
    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
        imported: Callable[[list[Imported]], None] | None = None,
        today: QDate | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.pool = pool
        self.imported = imported or (lambda _done: None)
        self.plan: Plan | None = None
        self.answers: list = []
        self.job = None
        self.setWindowTitle("Import from ModernGov")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Committees, members, meetings and agendas from the council's ModernGov. Nothing "
            "is written until you have seen what would change."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.from_files = QRadioButton("&Files saved from ModernGov (works offline)")
        self.from_url = QRadioButton("Ask the council's ModernGov (&online)")
        self.from_files.setChecked(True)
        form.addRow(self.from_files)
        files_row = QHBoxLayout()
        self.files = QLineEdit()
        self.files.setAccessibleName("Answer files")
        self.files.setPlaceholderText("GetMeeting.xml, GetCommittees.xml…")
        choose = QPushButton("C&hoose…")
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_files)
        files_row.addWidget(self.files, 1)
        files_row.addWidget(choose)
        form.addRow("Files:", files_row)
        form.addRow(self.from_url)
        self.url = QLineEdit()
        self.url.setAccessibleName("ModernGov address")
        self.url.setPlaceholderText("https://democracy.council.gov.uk")
        form.addRow("Address:", self.url)
        self.committee = QLineEdit()
        self.committee.setAccessibleName("ModernGov committee id")
        self.committee.setPlaceholderText("the committee's number in ModernGov, e.g. 184")
        form.addRow("Committee id:", self.committee)
        self.start = QDateEdit(today or QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMMM yyyy")
        self.start.setAccessibleName("Meetings from")
        self.use_start = QCheckBox("Only meetings from")
        start_row = QHBoxLayout()
        start_row.addWidget(self.use_start)
        start_row.addWidget(self.start, 1)
        form.addRow("Range:", start_row)
        self.cancelled = QCheckBox("Include &cancelled meetings")
        self.expired = QCheckBox("Include &expired committees")
        options = QHBoxLayout()
        options.addWidget(self.cancelled)
        options.addWidget(self.expired)
        options.addStretch(1)
        form.addRow("Also:", options)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setRange(0, 1)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        layout.addWidget(self.progress)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("What the import would do")
        layout.addWidget(self.headline)
        self.lines = QListWidget()
        self.lines.setAccessibleName("Preview")
        self.lines.setAlternatingRowColors(True)
        layout.addWidget(self.lines, 1)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton("&Preview", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setEnabled(False)
        self.preview_button.clicked.connect(self.run_preview)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.files, self.url, self.committee):
            edit.textChanged.connect(self._stale)
        self.from_url.toggled.connect(self._stale)
        self.resize(860, 600)

    # -- asking -------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "ModernGov answers", str(Path.home()), "ModernGov answers (*.xml);;All (*)"
        )
        if paths:
            self.files.setText("; ".join(paths))
            self.from_files.setChecked(True)

    def options(self) -> Options:
        start = self.start.date().toPython() if self.use_start.isChecked() else None
        return Options(start, self.cancelled.isChecked(), self.expired.isChecked())

    def _stale(self, *_args: object) -> None:
        self.plan = None
        self.import_button.setEnabled(False)

    def _gather(self) -> Callable[[], list]:
        if self.from_url.isChecked():
            from clerk.services.moderngov.fetch import fetch_answers

            url, committee = self.url.text().strip(), self.committee.text().strip()
            start = self.start.date().toPython()
            cancelled = self.cancelled.isChecked()
            return lambda: fetch_answers(url, committee, start, cancelled)
        paths = [Path(p.strip()) for p in self.files.text().split(";") if p.strip()]
        return lambda: read_files(paths)

    # -- preview ------------------------------------------------------------------------

    def run_preview(self) -> None:
        if self.from_files.isChecked() and not self.files.text().strip():
            self.message.show_message("Choose the ModernGov answer files first.")
            return
        if self.from_url.isChecked() and not (self.url.text().strip() and self.committee.text()):
            self.message.show_message("Give the council's ModernGov address and committee id.")
            return
        gather, options, database = self._gather(), self.options(), self.database

        def work() -> tuple[list, Plan]:
            answers = gather()
            return answers, preview(database, answers, options)

        self._busy(True)
        self.job = background.start(self.pool, work, self._previewed, self._failed)

    def _previewed(self, result: tuple[list, Plan]) -> None:
        self._busy(False)
        self.answers, self.plan = result
        self.show_plan(self.plan)

    def show_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.message.clear_message()
        self.headline.setText(summary(plan))
        self.lines.clear()
        for line in plan.all_lines():
            label, colour = KINDS.get(line.kind, (line.kind, "#000000"))
            item = QListWidgetItem(f"{label}\t{line.text.strip()}")
            item.setForeground(QBrush(QColor(colour)))
            if line.text.startswith("  "):
                item.setText(f"{label}\t    {line.text.strip()}")
            self.lines.addItem(item)
        self.import_button.setEnabled(not plan.empty)
        if not plan.empty:
            self.import_button.setFocus()

    # -- import -------------------------------------------------------------------------

    def run_import(self) -> None:
        if self.plan is None or self.plan.empty:
            return
        answers, options, database = self.answers, self.options(), self.database

        def work() -> list[Imported]:
            # Planned again against the database as it is now, then written.
            return apply_plan(database, preview(database, answers, options))

        self._busy(True)
        self.job = background.start(self.pool, work, self._imported, self._failed)

    def _imported(self, done: list[Imported]) -> None:
        self._busy(False)
        self.import_button.setEnabled(False)
        self.message.show_message(
            f"Imported {len(done)} meeting(s). Undo (Ctrl+Z) in a meeting takes its import back.",
            kind="notice",
        )
        self.imported(done)

    def _failed(self, text: str) -> None:
        self._busy(False)
        self.message.show_message(text)

    def _busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0 if busy else 1)
        self.preview_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.plan is not None and not self.plan.empty)
