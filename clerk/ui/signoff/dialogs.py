"""The quick sign-off steps: circulate, approve, confirm, attach a scanned copy.

Each is a ``FormDialog`` whose OK calls the sign-off service; a refusal keeps the dialog open
and shows the service's own words (the same as the command line's). ``done`` runs after a
step is recorded, so the view and any meeting the window holds are reloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.errors import ClerkError
from clerk.domain.exempt import paragraph_exempt_under
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.confirmation import Correction
from clerk.domain.signoff.lifecycle import chair_of, signatory_title
from clerk.domain.timefmt import long_date
from clerk.services import catalogue, signoff
from clerk.services.confirmation import ORDINALS, minute_reference
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.forms import FormDialog, combo, date_edit, date_value, text_box

Done = Callable[[], None]


def people(record: MeetingRecord) -> list[tuple[str, object]]:
    """The committee's members on the day (the chair first), for "to" and "by"."""
    rows = []
    for membership in record.memberships_on_day():
        person = record.persons.get(membership.person_id)
        if person is not None:
            role = labels.ROLE[membership.role]
            rows.append((f"{display_name(person)} ({role})", membership.person_id))
    chair = chair_of(record)
    rows.sort(key=lambda row: row[1] != chair)
    return rows


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _try(step: Callable[[], object], done: Done) -> str | None:
    try:
        step()
    except ClerkError as error:
        return str(error)
    done()
    return None


def circulate_dialog(
    parent: QWidget, database: Database, record: MeetingRecord, today: date, done: Done
) -> FormDialog:
    title = signatory_title(record)
    dialog = FormDialog(f"Circulate the draft minutes of {long_date(record.meeting.date)}", parent)
    dialog.ok_button.setText("&Circulate")
    dialog.ok_button.setAccessibleName("Circulate")
    dialog.form.addRow(hint(f"The draft goes to the {title} to approve (again after changes)."))
    to = dialog.add_row("&To:", combo(people(record), chair_of(record)))
    on = dialog.add_row("&On:", date_edit(today))

    def submit() -> str | None:
        return _try(
            lambda: signoff.circulate(
                database, record.meeting_id, to=to.currentData(), on=date_value(on)
            ),
            done,
        )

    dialog.submit = submit
    return dialog


def approve_dialog(
    parent: QWidget, database: Database, record: MeetingRecord, today: date, done: Done
) -> FormDialog:
    title = signatory_title(record)
    dialog = FormDialog(f"The {title}'s approval of the minutes", parent)
    dialog.ok_button.setText("Record the &approval")
    dialog.ok_button.setAccessibleName("Record the approval")
    dialog.form.addRow(
        hint(
            f"Once the {title} has approved the draft, the record of "
            f"{long_date(record.meeting.date)} is locked: nothing in it can be changed, except "
            "by the corrections of the meeting that confirms the minutes."
        )
    )
    by = dialog.add_row("Approved &by:", combo(people(record), chair_of(record)))
    on = dialog.add_row("&On:", date_edit(today))

    def submit() -> str | None:
        return _try(
            lambda: signoff.approve(
                database, record.meeting_id, by=by.currentData(), on=date_value(on)
            ),
            done,
        )

    dialog.submit = submit
    return dialog


def paragraph_choices(record: MeetingRecord) -> list[tuple[str, object]]:
    """Every minuted paragraph, as the confirming resolution cites it; an exempt one says so
    (its correction is minuted in the confidential version only)."""
    rows: list[tuple[str, object]] = []
    for item in record.agenda():
        reference = minute_reference(record, item.minute_number) or f"item {item.number}"
        for index, paragraph in enumerate(record.paragraphs_for(item.id)):
            nth = ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}th"
            preview = paragraph.text if len(paragraph.text) <= 48 else paragraph.text[:47] + "…"
            exempt = " (exempt)" if paragraph_exempt_under(record, paragraph) else ""
            rows.append((f"Minute {reference}{exempt}, {nth} paragraph: {preview}", paragraph.id))
    return rows


class ConfirmDialog(FormDialog):
    """Meeting B's Minutes item confirms these minutes, with any amendment or corrections."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        record: MeetingRecord,
        status: signoff.SignoffStatus,
        done: Done,
    ) -> None:
        super().__init__(f"Confirm the minutes of {long_date(record.meeting.date)}", parent)
        self.database = database
        self.record = record
        self.recorded = done
        self.corrections: list[Correction] = []
        self.ok_button.setText("Con&firm")
        self.ok_button.setAccessibleName("Confirm")
        later = [
            m
            for m in catalogue.meetings(database, record.committee.slug)
            if m.meeting.date > record.meeting.date
        ]
        choices = [
            (
                f"{labels.day(m.meeting.date)} (meeting {m.id}, "
                f"{labels.MEETING_STATUS[m.meeting.status].lower()})",
                m.id,
            )
            for m in sorted(later, key=lambda m: m.meeting.date)
        ]
        wanted = status.confirming_meeting[0] if status.confirming_meeting else None
        self.at = self.add_row(
            "At the &meeting of:",
            combo(choices, wanted),
            "The next suitable meeting, under way at its Minutes item",
        )
        self.form.addRow(
            hint(
                "The confirmation is that meeting's resolution on its Minutes item: the meeting "
                "must be under way, at that item. Open actions are carried onto its action "
                "tracker."
            )
        )
        self.amendment = self.add_row(
            "&Amendment:",
            text_box(2),
            "Only if they were confirmed subject to an amendment not made as corrections below",
        )
        self.paragraph = self.add_row(
            "Co&rrect:",
            combo(paragraph_choices(record)),
            "A paragraph the resolution corrects (an exempt one: minuted in the confidential "
            "version only)",
        )
        self.new_text = self.add_row("To &read:", text_box(3), "The paragraph as corrected")
        row = QHBoxLayout()
        self.add_button = QPushButton("A&dd the correction")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_correction)
        self.remove_button = QPushButton("R&emove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_correction)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName("Corrections")
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5)
        self.list.setWordWrap(True)
        column.addWidget(self.list)
        self.form.addRow("", holder)
        self.paragraph.currentIndexChanged.connect(self._prefill)
        self._prefill()
        self.submit = self._submit
        self.resize(760, self.sizeHint().height())

    def _prefill(self) -> None:
        paragraph = self.record.paragraphs.get(self.paragraph.currentData())
        self.new_text.setPlainText(paragraph.text if paragraph else "")

    def add_correction(self) -> None:
        paragraph = self.paragraph.currentData()
        text = self.new_text.toPlainText().strip()
        current = self.record.paragraphs.get(paragraph)
        if paragraph is None or not text:
            self.message.show_message("Choose the paragraph and write how it is to read.")
            return
        if current is not None and current.text.strip() == text:
            self.message.show_message("The new wording is the same as the paragraph's now.")
            return
        self.corrections = [c for c in self.corrections if c.paragraph != paragraph]
        self.corrections.append(Correction(paragraph, text))
        self.message.clear_message()
        self._show_corrections()

    def remove_correction(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.corrections):
            del self.corrections[row]
            self._show_corrections()

    def _show_corrections(self) -> None:
        self.list.clear()
        names = dict((value, text) for text, value in paragraph_choices(self.record))
        for correction in self.corrections:
            where = str(names.get(correction.paragraph, correction.paragraph)).split(":")[0]
            item = QListWidgetItem(f'{where}, to read: "{correction.text}"')
            self.list.addItem(item)

    def _submit(self) -> str | None:
        at = self.at.currentData()
        if at is None:
            return "There is no later meeting of the committee in Clerk: create it first."
        return _try(
            lambda: signoff.confirm(
                self.database,
                self.record.meeting_id,
                at,
                amendment=self.amendment.toPlainText().strip(),
                corrections=list(self.corrections),
            ),
            self.recorded,
        )


class PathField(QWidget):
    """A file path with a Browse… button (open or save)."""

    def __init__(
        self,
        caption: str,
        filters: str,
        path: str = "",
        save: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.caption = caption
        self.filters = filters
        self.save = save
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(path)
        self.edit.setAccessibleName(caption)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAutoDefault(False)
        self.browse_button.setAccessibleName(f"Browse for {caption.lower()}")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)
        self.setFocusProxy(self.edit)

    def browse(self) -> None:
        start = self.edit.text() or str(Path.home())
        if self.save:
            chosen, _ = QFileDialog.getSaveFileName(self, self.caption, start, self.filters)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.filters)
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def setText(self, text: str) -> None:
        self.edit.setText(text)


SCANS = "Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"


def attach_dialog(
    parent: QWidget, database: Database, record: MeetingRecord, today: date, done: Done
) -> FormDialog:
    dialog = FormDialog("Attach the scanned signed copy", parent)
    dialog.ok_button.setText("A&ttach")
    dialog.ok_button.setAccessibleName("Attach")
    dialog.form.addRow(
        hint(
            "The scan of the pages as signed is kept in the database with the meeting; its "
            "SHA-256 goes in the record's journal, so a changed copy is caught by the audit."
        )
    )
    scan = dialog.add_row("&Scanned copy:", PathField("Scanned copy", SCANS))
    on = dialog.add_row("&On:", date_edit(today))

    def submit() -> str | None:
        path = scan.path()
        if path is None:
            return "Choose the scanned copy to attach."
        return _try(
            lambda: signoff.attach_signed_copy(
                database, record.meeting_id, path, on=date_value(on)
            ),
            done,
        )

    dialog.submit = submit
    return dialog
