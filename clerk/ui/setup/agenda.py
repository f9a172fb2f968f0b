"""Editing a meeting's agenda: items added and changed through AddItem / EditItem actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.agenda import AddItem, EditItem, MoveItem, RemoveItem
from clerk.domain.actions.reports import DetachReport
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import StandardItem
from clerk.domain.errors import ClerkError
from clerk.services.reports import attach_report
from clerk.ui import labels
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog, MessageLabel, combo, text_box
from clerk.ui.live.tables import select_key, selected_key, table_view
from clerk.ui.models.agenda import AgendaModel, agenda_rows
from clerk.ui.partstext import PartsTextError, parts_from_text, parts_to_text

STANDARD = {
    StandardItem.BUSINESS: "Business item",
    StandardItem.APOLOGIES: "Apologies",
    StandardItem.MINUTES: "Minutes (confirms the previous meeting's)",
    StandardItem.DECLARATIONS: "Declarations of interest",
    StandardItem.URGENT: "Urgent items",
}


def next_number(items: list[AgendaItem]) -> str:
    numbers = [int(i.number) for i in items if i.number.isdigit()]
    return str(max(numbers, default=0) + 1)


def item_dialog(
    parent: QWidget, controller: MeetingController, item: AgendaItem | None
) -> FormDialog:
    """Add an item (``item`` None) or edit one; standard kinds only when adding."""
    record = controller.record
    title_text = f"Edit item {item.number}" if item else "Add an agenda item"
    dialog = FormDialog(title_text, parent, "Save" if item else "Add item")
    number = dialog.add_row(
        "&Number:", QLineEdit(item.number if item else next_number(record.agenda()))
    )
    title = dialog.add_row("&Title:", QLineEdit(item.title if item else ""))
    kind = None
    if item is None:
        kind = dialog.add_row("&Kind:", combo([(t, k) for k, t in STANDARD.items()]))
    purpose = dialog.add_row("&Purpose:", text_box(3, item.purpose if item else ""))
    pages = dialog.add_row(
        "Report pa&ges:", QLineEdit(item.report_pages if item else ""), "For example: 7 - 16"
    )
    officers = dialog.add_row(
        "&Invited:",
        text_box(2, "\n".join(item.invited_officers) if item else ""),
        "One person per line, e.g. Stephen Hart, Independent Chair",
    )
    recommendations = dialog.add_row(
        "&Recommendations:",
        text_box(5, parts_to_text(item.recommendations) if item else ""),
        "The officers' recommendations (paste them): the motion and resolution start from "
        "them. One part per line; a., b. for sub-parts.",
    )
    exempt = dialog.add_row(
        "&Exempt (Part II):",
        combo(
            [("No: a public item", 0)]
            + [(labels.paragraph_choice(n), n) for n in labels.SCHEDULE_12A],
            (item.exempt_paragraph or 0) if item else 0,
        ),
        "Exempt information under Schedule 12A to the Local Government Act 1972",
    )
    title_public = dialog.add_row(
        "", QCheckBox("The title &may be published even if the item is exempt")
    )
    title_public.setChecked(item.title_is_public if item else True)
    education = dialog.add_row(
        "", QCheckBox("E&ducation item (co-opted education representatives vote)")
    )
    education.setChecked(item.education if item else False)
    to_follow = dialog.add_row("", QCheckBox("A report will &follow (the agenda says To Follow)"))
    to_follow.setChecked(item.report_to_follow if item else False)
    urgency = dialog.add_row(
        "Added late: reason for &urgency:",
        QLineEdit(item.urgency_reason if item else ""),
        "For an item added after the agenda was published: why the chair agreed to take it "
        "(it goes in the supplementary pack)",
    )
    budget = dialog.add_row(
        "", QCheckBox("&Budget or council tax decision (every vote on it recorded by name)")
    )
    budget.setAccessibleName("Budget decision")
    budget.setChecked(item.budget if item else False)
    dialog.resize(780, dialog.sizeHint().height())

    def submit() -> str | None:
        try:
            parts = parts_from_text(recommendations.toPlainText())
        except PartsTextError as error:
            return f"Recommendations: {error}"
        invited = tuple(
            line.strip() for line in officers.toPlainText().splitlines() if line.strip()
        )
        paragraph = exempt.currentData() or None
        if item is None:
            return controller.submit(
                AddItem(
                    number=number.text().strip(),
                    title=title.text(),
                    standard=StandardItem(kind.currentData()),
                    purpose=purpose.toPlainText().strip(),
                    report_pages=pages.text().strip(),
                    invited_officers=invited,
                    recommendations=parts,
                    exempt_paragraph=paragraph,
                    title_is_public=title_public.isChecked(),
                    education=education.isChecked(),
                    report_to_follow=to_follow.isChecked(),
                    urgency_reason=urgency.text().strip(),
                    budget=budget.isChecked(),
                )
            )
        return controller.submit(
            EditItem(
                item=item.id,
                title=title.text(),
                number=number.text().strip(),
                purpose=purpose.toPlainText().strip(),
                report_pages=pages.text().strip(),
                invited_officers=invited,
                recommendations=parts,
                exempt_paragraph=paragraph,
                public=paragraph is None,
                title_is_public=title_public.isChecked(),
                education=education.isChecked(),
                report_to_follow=to_follow.isChecked(),
                urgency_reason=urgency.text().strip(),
                budget=budget.isChecked(),
            )
        )

    dialog.submit = submit
    return dialog


class AgendaEditor(QDialog):
    """The agenda of one meeting; every change is an undoable action, saved at once."""

    def __init__(self, controller: MeetingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: FormDialog | None = None
        record = controller.record
        self.setWindowTitle(f"Agenda — {record.committee.name}, {labels.day(record.meeting.date)}")
        self.setAccessibleName("Agenda editor")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every change is saved at once and can be undone (Ctrl+Z). Standard items "
            "(Apologies, Minutes, Declarations of Interest, Urgent Items) come pre-filled."
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)
        self.model = AgendaModel(self)
        self.model.show_detail = True
        self.view = table_view(self.model, "Agenda items", stretch=AgendaModel.TITLE)
        self.view.setColumnHidden(AgendaModel.MINUTE, True)  # shown under the title
        self.view.activated.connect(lambda _index: self.edit_item())
        layout.addWidget(self.view, 1)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        for text, name, slot in (
            ("&Add item…", "Add an item", self.add_item),
            ("&Edit item…", "Edit the selected item", self.edit_item),
            ("&Remove", "Remove the selected item", self.remove_item),
            ("Move &up", "Move the selected item up", lambda: self.move_item(-1)),
            ("Move &down", "Move the selected item down", lambda: self.move_item(1)),
            ("A&ttach report…", "Attach a report (PDF) to the selected item", self.attach),
            ("Remo&ve report…", "Take a report off the selected item", self.detach),
        ):
            widget = QPushButton(text)
            widget.setAccessibleName(name)
            widget.clicked.connect(slot)
            widget.setAutoDefault(False)
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(820, 520)
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        key = selected_key(self.view)
        self.model.set_rows(agenda_rows(self.controller.record))
        if key is not None:
            select_key(self.view, key)

    def _selected(self) -> AgendaItem | None:
        key = selected_key(self.view)
        if key is None:
            self.message.show_message("Select an item first.")
            return None
        return self.controller.record.items.get(key)

    def add_item(self) -> None:
        self.dialog = item_dialog(self, self.controller, None)
        self.dialog.open()

    def edit_item(self) -> None:
        item = self._selected()
        if item is not None:
            self.dialog = item_dialog(self, self.controller, item)
            self.dialog.open()

    def remove_item(self) -> None:
        item = self._selected()
        if item is not None:
            self._show(self.controller.submit(RemoveItem(item.id)))

    def move_item(self, by: int) -> None:
        item = self._selected()
        if item is not None:
            self._show(self.controller.submit(MoveItem(item.id, by)))

    def attach(self, path: Path | None = None) -> None:
        """Attach a report file to the selected item (kept in the database, undoable)."""
        item = self._selected()
        if item is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                f"A report for item {item.number}",
                str(Path.home()),
                "Reports (*.pdf *.docx *.doc *.odt *.rtf);;All files (*)",
            )
            if not chosen:
                return
            path = Path(chosen)
        controller = self.controller
        try:
            ack = attach_report(
                controller.session.database,
                controller.meeting_id,
                item.number,
                path,
                session=controller.session,
            )
        except ClerkError as error:
            self._show(str(error))
            return
        controller.reload()
        controller.saved.emit(ack.label)
        self.message.show_message(f"Attached {path.name} to item {item.number}.", "notice")

    def detach(self, sha256: str | None = None) -> None:
        item = self._selected()
        if item is None:
            return
        if not item.reports:
            self._show(f"Item {item.number} has no report attached.")
            return
        if sha256 is None:
            names = [r.file_name for r in item.reports]
            name, ok = QInputDialog.getItem(
                self, "Remove a report", f"Report on item {item.number}:", names, 0, False
            )
            if not ok:
                return
            sha256 = item.reports[names.index(name)].sha256
        self._show(self.controller.submit(DetachReport(item=item.id, sha256=sha256)))

    def _show(self, problem: str | None) -> None:
        if problem:
            self.message.show_message(problem)
        else:
            self.message.clear_message()
