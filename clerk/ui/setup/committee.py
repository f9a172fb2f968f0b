"""A committee and its membership: roles, groups, co-optees' voting rights, quorum, signatory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.entities import Committee, Membership, QuorumRule
from clerk.domain.enums import CommitteeKind, QuorumKind, Role
from clerk.domain.errors import ClerkError
from clerk.domain.names import display_name
from clerk.services import catalogue, setup
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.forms import FormDialog, MessageLabel, combo, date_edit, date_value
from clerk.ui.live.tables import select_row, table_view
from clerk.ui.models.setup import MembershipsModel, membership_rows
from clerk.ui.setup.people import person_dialog


class CommitteeEditor(QDialog):
    """Everything about a committee in one place; Save writes it through the set-up service."""

    def __init__(
        self,
        database: Database,
        committee: Committee | None,
        parent: QWidget | None = None,
        saved: Callable[[Committee], None] = lambda _c: None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.existing = committee
        self.saved_callback = saved
        self.dialog: FormDialog | None = None
        self.memberships: list[Membership] = list(committee.memberships if committee else ())
        self.setWindowTitle(f"Committee — {committee.name}" if committee else "New committee")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        def row(label: str, field: QWidget, tip: str = "") -> QWidget:
            caption = QLabel(label)
            caption.setBuddy(field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            if tip:
                field.setToolTip(tip)
            form.addRow(caption, field)
            return field

        self.name = row("&Name:", QLineEdit(committee.name if committee else ""))
        self.slug = row(
            "Short &id:",
            QLineEdit(committee.slug if committee else ""),
            "Used in references like cyp-scrutiny-board/2021-08-18",
        )
        if committee is not None:
            self.slug.setReadOnly(True)
        else:
            self.name.textEdited.connect(lambda t: self.slug.setText(setup.slugify(t)))
        self.kind = row(
            "&Kind:",
            combo(
                [(t, k) for k, t in labels.COMMITTEE_KIND.items()],
                committee.kind if committee else CommitteeKind.OTHER,
            ),
        )
        self.calls_itself = row(
            "Calls &itself:",
            QLineEdit(committee.calls_itself if committee else "Committee"),
            'How the minutes refer to it: "the Board", "the Committee"',
        )
        self.signatory = row(
            "&Signatory:",
            QLineEdit(committee.signatory_title if committee else ""),
            'Who signs the minutes, e.g. "Chairman" (empty: the council\'s title)',
        )
        self.minute_prefix = row(
            "Minute prefi&x:",
            QLineEdit(committee.minute_prefix if committee else ""),
            'Before its minute numbers where the council\'s pattern has {prefix}, e.g. "DEV"',
        )
        quorum = committee.quorum if committee else QuorumRule()
        quorum_row = QHBoxLayout()
        self.quorum_kind = combo(
            [
                ("a fixed number of members", QuorumKind.FIXED),
                ("a fraction of the seats", QuorumKind.FRACTION),
            ],
            quorum.kind,
        )
        self.quorum_kind.setAccessibleName("Quorum rule")
        self.quorum_value = QSpinBox()
        self.quorum_value.setRange(1, 999)
        self.quorum_value.setValue(quorum.value)
        self.quorum_value.setAccessibleName("Quorum number (or numerator)")
        self.quorum_denominator = QSpinBox()
        self.quorum_denominator.setRange(1, 99)
        self.quorum_denominator.setValue(quorum.denominator)
        self.quorum_denominator.setAccessibleName("Quorum denominator")
        self.quorum_denominator.setPrefix("out of ")
        quorum_row.addWidget(self.quorum_kind)
        quorum_row.addWidget(self.quorum_value)
        quorum_row.addWidget(self.quorum_denominator)
        quorum_row.addStretch(1)
        quorum_label = QLabel("&Quorum:")
        quorum_label.setBuddy(self.quorum_kind)
        form.addRow(quorum_label, quorum_row)
        self.non_voting = QCheckBox("The agenda's front sheet lists non-&voting co-optees too")
        self.non_voting.setAccessibleName("List non-voting co-opted members on the front sheet")
        self.non_voting.setChecked(committee.lists_non_voting_co_optees if committee else False)
        form.addRow("", self.non_voting)
        self.quorum_kind.currentIndexChanged.connect(self._quorum_kind_changed)
        self._quorum_kind_changed()

        members_label = QLabel("&Members (chair first; co-optees with their voting rights):")
        layout.addWidget(members_label)
        self.model = MembershipsModel(self)
        self.view = table_view(self.model, "Members", stretch=0)
        self.view.activated.connect(lambda _i: self.edit_member())
        members_label.setBuddy(self.view)
        layout.addWidget(self.view, 1)
        buttons_row = QHBoxLayout()
        for text, slot in (
            ("&Add member…", self.add_member),
            ("&Edit member…", self.edit_member),
            ("&Remove member", self.remove_member),
            ("Move &up", lambda: self.move_member(-1)),
            ("Move &down", lambda: self.move_member(1)),
        ):
            widget = QPushButton(text)
            widget.setAccessibleName(text.replace("&", "").rstrip("…"))
            widget.setAutoDefault(False)
            widget.clicked.connect(slot)
            buttons_row.addWidget(widget)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        self.message = MessageLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save the committee")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 620)
        self.refresh()

    def _quorum_kind_changed(self) -> None:
        self.quorum_denominator.setVisible(self.quorum_kind.currentData() == QuorumKind.FRACTION)

    def refresh(self, select: int | None = None) -> None:
        persons = catalogue.persons(self.database)
        self.model.set_rows(membership_rows(tuple(self.memberships), persons))
        if select is not None:
            select_row(self.view, select)

    def committee(self) -> Committee:
        return Committee(
            slug=self.slug.text().strip(),
            name=self.name.text().strip(),
            kind=CommitteeKind(self.kind.currentData()),
            calls_itself=self.calls_itself.text().strip() or "Committee",
            quorum=QuorumRule(
                QuorumKind(self.quorum_kind.currentData()),
                self.quorum_value.value(),
                self.quorum_denominator.value()
                if self.quorum_kind.currentData() == QuorumKind.FRACTION
                else 1,
            ),
            signatory_title=self.signatory.text().strip(),
            memberships=tuple(self.memberships),
            lists_non_voting_co_optees=self.non_voting.isChecked(),
            minute_prefix=self.minute_prefix.text().strip(),
        )

    def accept(self) -> None:
        committee = self.committee()
        if self.existing is None and committee.slug in {
            c.slug for c in catalogue.committees(self.database)
        }:
            self.message.show_message(
                f"There is already a committee with the id '{committee.slug}'."
            )
            return
        try:
            setup.save_committee(self.database, committee)
        except ClerkError as error:
            self.message.show_message(str(error))
            return
        self.saved_callback(committee)
        super().accept()

    # -- members -------------------------------------------------------------------------

    def _selected_row(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.message.show_message("Select a member first.")
            return None
        return index.row()

    def add_member(self) -> None:
        self.dialog = self._member_dialog(None)
        self.dialog.open()

    def edit_member(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.dialog = self._member_dialog(row)
            self.dialog.open()

    def remove_member(self) -> None:
        row = self._selected_row()
        if row is not None:
            del self.memberships[row]
            self.refresh(min(row, len(self.memberships) - 1))

    def move_member(self, by: int) -> None:
        row = self._selected_row()
        if row is None or not 0 <= row + by < len(self.memberships):
            return
        self.memberships.insert(row + by, self.memberships.pop(row))
        self.refresh(row + by)

    def _member_dialog(self, row: int | None) -> FormDialog:
        existing = self.memberships[row] if row is not None else None
        dialog = FormDialog("Edit member" if existing else "Add a member", self, "OK")
        persons = catalogue.persons(self.database)
        people = [(display_name(p), p.id) for p in sorted(persons.values(), key=lambda p: p.name)]
        who = combo(people, existing.person_id if existing else None)
        person_row = QHBoxLayout()
        person_row.addWidget(who, 1)
        new_person = QPushButton("&New person…")
        new_person.setAccessibleName("New person")
        new_person.setAutoDefault(False)
        person_row.addWidget(new_person)
        holder = QWidget()
        holder.setLayout(person_row)
        person_row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Person:")
        caption.setBuddy(who)
        who.setAccessibleName("Person")
        dialog.form.addRow(caption, holder)

        def added(person) -> None:
            who.addItem(display_name(person), person.id)
            who.setCurrentIndex(who.count() - 1)

        def create_person() -> None:
            self.dialog_person = person_dialog(dialog, self.database, None, added)
            self.dialog_person.open()

        new_person.clicked.connect(create_person)
        role = dialog.add_row(
            "&Role:",
            combo([(t, r) for r, t in labels.ROLE.items()], existing.role if existing else None),
            "Co-optees: voting, voting on education items only, or non-voting",
        )
        group = dialog.add_row(
            "&Group:", QLineEdit(existing.group if existing else ""), "Political group"
        )
        start = dialog.add_row(
            "&From:", date_edit(existing.start_date if existing else None, optional=True)
        )
        end = dialog.add_row(
            "&To:", date_edit(existing.end_date if existing else None, optional=True)
        )

        def submit() -> str | None:
            if who.currentData() is None:
                return "Choose a person (or add one with New person…)."
            membership = Membership(
                person_id=who.currentData(),
                role=Role(role.currentData()),
                group=group.text().strip(),
                start_date=date_value(start, optional=True),
                end_date=date_value(end, optional=True),
            )
            if (
                membership.start_date
                and membership.end_date
                and membership.end_date < membership.start_date
            ):
                return "The membership ends before it starts."
            if row is None:
                self.memberships.append(membership)
                self.refresh(len(self.memberships) - 1)
            else:
                self.memberships[row] = replace(membership)
                self.refresh(row)
            return None

        dialog.submit = submit
        return dialog
