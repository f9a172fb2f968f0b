"""The attendance record of a committee or a person, with the six-month dates; saved as CSV,
Word or PDF. The rows and the notes are the attendance service's: this only shows them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.errors import ClerkError
from clerk.domain.names import display_name
from clerk.domain.rules.six_months import applies_to
from clerk.services import attendance, catalogue
from clerk.storage.database import Database
from clerk.ui.across.approval_dialog import approval_dialog
from clerk.ui.across.attendance_models import AttendanceModel
from clerk.ui.across.search_panel import parse_day
from clerk.ui.forms import FormDialog
from clerk.ui.live.tables import table_view


class AttendanceDialog(QDialog):
    def __init__(
        self,
        database: Database,
        subject: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.report: attendance.Report | None = None
        self.dialog: FormDialog | None = None
        self.setWindowTitle("Attendance record")
        self.resize(1300, 560)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel("&Of:")
        self.subject = QComboBox()
        self.subject.setAccessibleName("Committee or person")
        label.setBuddy(self.subject)
        for committee in catalogue.committees(database):
            self.subject.addItem(committee.name, committee.slug)
        for person in catalogue.persons(database).values():
            if person.kind.value in ("councillor", "co-optee"):
                self.subject.addItem(display_name(person), person.id)
        if subject is not None:
            self.subject.setCurrentIndex(max(self.subject.findData(subject), 0))
        row.addWidget(label)
        row.addWidget(self.subject, 2)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for box, name in ((self.date_from, "&From"), (self.date_to, "&To")):
            caption = QLabel(name)
            caption.setBuddy(box)
            box.setPlaceholderText("YYYY-MM-DD")
            box.setAccessibleName(name.replace("&", "") + " date")
            box.setMaximumWidth(120)
            box.returnPressed.connect(self.refresh)
            row.addWidget(caption)
            row.addWidget(box)
        show = QPushButton("&Show")
        show.clicked.connect(self.refresh)
        row.addWidget(show)
        row.addStretch(1)
        layout.addLayout(row)
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        layout.addWidget(self.heading)
        self.model = AttendanceModel(self)
        self.table = table_view(self.model, "Attendance record", stretch=1)
        layout.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("Notes on the six-month rule")
        layout.addWidget(self.notes)
        buttons = QHBoxLayout()
        for text, kind in (
            ("Save as &CSV…", "csv"),
            ("Save as &Word…", "docx"),
            ("Save as &PDF…", "pdf"),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=kind: self.save(k))
            buttons.addWidget(button)
        approve = QPushButton("Record an approved &reason…")
        approve.setToolTip("The council approved a member's reason for absence (s.85)")
        approve.clicked.connect(self.record_approval)
        buttons.addWidget(approve)
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.subject.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        days = [parse_day(self.date_from.text()), parse_day(self.date_to.text())]
        problem = next((d for d in days if isinstance(d, str)), None)
        if problem is not None:
            self.notes.setText(problem)
            return
        start, end = (d if isinstance(d, date) else None for d in days)
        try:
            report = attendance.attendance_report(
                self.database, self.subject.currentData(), start, end, today=self.today
            )
        except ClerkError as error:
            self.notes.setText(str(error))
            return
        self.report = report
        self.heading.setText(f"{report.title}: {report.range_words()}, {report.meetings} held")
        self.model.set_rows(attendance.table_rows(report))
        self.table.setColumnHidden(1, report.subject == "committee")
        self.table.setColumnHidden(0, report.subject == "person")
        lines = ([report.message] if report.message else []) + attendance.notes(report)
        self.notes.setText("\n".join(lines))

    def record_approval(self) -> FormDialog:
        report = self.report
        members = [p for p in (report.people.values() if report else []) if applies_to(p)]
        selected = self.model.row_at(self.table.currentIndex())
        current = next(
            (p.id for p in members if selected is not None and display_name(p) == selected[0]),
            None,
        )
        self.dialog = approval_dialog(
            self, self.database, members, self.today or date.today(), self.refresh, current
        )
        self.dialog.open()
        return self.dialog

    def save(self, kind: str, folder: Path | None = None) -> list[Path]:
        if self.report is None:
            return []
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, "Save the attendance record in")
            if not chosen:
                return []
            folder = Path(chosen)
        council = catalogue.council(self.database)
        try:
            paths = attendance.write_report(
                self.report, council.name if council else "", [kind], folder
            )
        except ClerkError as error:
            self.notes.setText(str(error))
            return []
        self.notes.setText(f"Saved {paths[0]}.")
        return paths
