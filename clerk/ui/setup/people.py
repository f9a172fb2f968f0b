"""People: councillors, co-optees and officers, added and edited through the set-up service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.entities import Person
from clerk.domain.enums import PersonKind
from clerk.domain.errors import ClerkError
from clerk.services import catalogue, setup
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.forms import FormDialog, MessageLabel, combo
from clerk.ui.live.tables import select_key, selected_key, table_view
from clerk.ui.models.setup import PeopleModel


def person_dialog(
    parent: QWidget,
    database: Database,
    person: Person | None,
    saved: Callable[[Person], None] = lambda _p: None,
) -> FormDialog:
    dialog = FormDialog("Edit person" if person else "Add a person", parent, "Save")
    name = dialog.add_row(
        "&Name:",
        QLineEdit(person.name if person else ""),
        'As minutes print it after "Councillor": e.g. "Bye" or "Steve Darling"',
    )
    kind = dialog.add_row(
        "&Kind:",
        combo([(t, k) for k, t in labels.PERSON_KIND.items()], person.kind if person else None),
    )
    prefix = dialog.add_row(
        "&Honorific:",
        QLineEdit(person.honorific_prefix if person else ""),
        'Instead of "Councillor", e.g. "The Mayor" (leave empty for the usual form)',
    )
    job = dialog.add_row("&Job title:", QLineEdit(person.job_title if person else ""))
    represents = dialog.add_row(
        "&Represents:",
        QLineEdit(person.represents if person else ""),
        "For co-optees: e.g. Primary Parent Governor Representative",
    )
    ident = dialog.add_row(
        "&Id:",
        QLineEdit(person.id if person else ""),
        "A short stable key (lower-case letters, digits, hyphens); made from the name",
    )
    if person is not None:
        ident.setReadOnly(True)
    else:
        name.textEdited.connect(lambda text: ident.setText(setup.slugify(text)))

    def submit() -> str | None:
        value = Person(
            id=ident.text().strip(),
            name=name.text().strip(),
            kind=PersonKind(kind.currentData()),
            honorific_prefix=prefix.text().strip(),
            job_title=job.text().strip(),
            represents=represents.text().strip(),
        )
        if person is None and value.id in catalogue.persons(database):
            return f"There is already a person with the id '{value.id}': choose another id."
        try:
            setup.save_person(database, value)
        except ClerkError as error:
            return str(error)
        saved(value)
        return None

    dialog.submit = submit
    return dialog


class PeopleDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.dialog: FormDialog | None = None
        self.setWindowTitle("People")
        self.setAccessibleName("People")
        layout = QVBoxLayout(self)
        self.model = PeopleModel(self)
        self.view = table_view(self.model, "People", stretch=2)
        self.view.activated.connect(lambda _index: self.edit())
        layout.addWidget(self.view, 1)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        for text, slot in (("&Add person…", self.add), ("&Edit person…", self.edit)):
            widget = QPushButton(text)
            widget.setAccessibleName(text.replace("&", "").rstrip("…"))
            widget.setAutoDefault(False)
            widget.clicked.connect(slot)
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        people = sorted(catalogue.persons(self.database).values(), key=lambda p: p.name)
        self.model.set_rows(people)
        if select:
            select_key(self.view, select)

    def add(self) -> None:
        self.dialog = person_dialog(self, self.database, None, lambda p: self.refresh(p.id))
        self.dialog.open()

    def edit(self) -> None:
        key = selected_key(self.view)
        if key is None:
            self.message.show_message("Select a person first.")
            return
        person = catalogue.persons(self.database)[key]
        self.dialog = person_dialog(self, self.database, person, lambda p: self.refresh(p.id))
        self.dialog.open()
