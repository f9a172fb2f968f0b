"""The attendance panel: one key per status for the selected person, then on to the next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.attendance import (
    Absent,
    AlsoAttending,
    Apologies,
    Arrive,
    Leave,
    OfficerPresent,
    Present,
    PresentRemote,
    RemoteObserver,
    Substitute,
)
from clerk.domain.enums import PersonKind
from clerk.domain.names import display_name
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog, combo, keep_short_text
from clerk.ui.live.pickers import person_picker
from clerk.ui.live.tables import select_key, select_row, selected_key, table_view
from clerk.ui.models.attendance import AttendanceModel, attendance_rows


class AttendancePanel(QWidget):
    def __init__(self, controller: MeetingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: FormDialog | None = None
        #: The keyboard to the item's work (the meeting view gives the workspace's).
        self.focus_work: Callable[[], None] = lambda: None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Attendance  (Ctrl+3)")
        heading.setObjectName("panelHeading")
        layout.addWidget(heading)
        self.model = AttendanceModel(self)
        self.view = table_view(self.model, "Attendance", stretch=AttendanceModel.SEAT)
        heading.setBuddy(self.view)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 52)
        self.buttons = QGridLayout()
        self.buttons.setSpacing(4)
        layout.addLayout(self.buttons)
        hint = QLabel(
            "Keys in the list: P present · V present by video · A apologies · X absent · "
            "S substitute · R remote observer · I arrived · L left · Insert add someone"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def attach(self, actions: dict[str, QAction]) -> None:
        """Put the attendance commands on the list (single keys) and under it (buttons)."""
        for key in (
            "present",
            "present_remote",
            "apologies",
            "absent",
            "substitute",
            "remote",
            "arrive",
            "leave",
            "add_attendee",
        ):
            action = actions[key]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        short = {
            "present": "P  Present",
            "present_remote": "V  By video",
            "apologies": "A  Apologies",
            "absent": "X  Absent",
            "substitute": "S  Substitute",
            "arrive": "I  Arrived",
            "leave": "L  Left",
            "remote": "R  Remote",
            "add_attendee": "Ins  Add…",
        }
        for number, key in enumerate(short):
            button = QToolButton()
            keep_short_text(button, actions[key], short[key])
            button.setAccessibleName(actions[key].text().replace("&", "").rstrip("…"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.buttons.addWidget(button, number // 4, number % 4)

    # -- state ---------------------------------------------------------------------------

    def refresh(self, item_id: int | None) -> None:
        self.model.set_rows(attendance_rows(self.controller.record, item_id))

    def selected_person(self) -> str | None:
        return selected_key(self.view)

    def select_person(self, person_id: str) -> None:
        select_key(self.view, person_id)

    def _need_person(self) -> str | None:
        person = self.selected_person()
        if person is None:
            self.controller.refused.emit("Select a person in the attendance list first.")
        return person

    def _mark(self, action_type) -> None:
        person = self._need_person()
        if person is None:
            return
        row = self.model.row_of(person)
        if self.controller.perform(action_type(person)) is not None and row >= 0:
            select_row(self.view, min(row + 1, self.model.rowCount() - 1))

    # -- commands ------------------------------------------------------------------------

    def do_present(self) -> None:
        self._mark(Present)

    def do_present_remote(self) -> None:
        self._mark(PresentRemote)

    def do_apologies(self) -> None:
        self._mark(Apologies)

    def do_absent(self) -> None:
        self._mark(Absent)

    def do_remote(self) -> None:
        self._mark(RemoteObserver)

    def do_arrive(self) -> None:
        person = self._need_person()
        if person is not None:
            self.controller.perform(Arrive(person))

    def do_leave(self) -> None:
        person = self._need_person()
        if person is not None:
            self.controller.perform(Leave(person))

    def do_substitute(self) -> None:
        member = self._need_person()
        if member is None:
            return
        record = self.controller.record
        membership = record.membership_of(member)
        if membership is None:
            self.controller.refused.emit(
                f"Select the member being replaced: {display_name(record.person(member))} "
                f"is not a member of the {record.committee.calls_itself}."
            )
            return
        members = {m.person_id for m in record.memberships_on_day()}
        candidates = [
            (display_name(p), p.id)
            for p in sorted(record.persons.values(), key=lambda p: p.name)
            if p.kind is PersonKind.COUNCILLOR and p.id not in members
        ]
        dialog = FormDialog(
            f"Substitute for {display_name(record.person(member))}", self, "Record substitute"
        )
        who = dialog.add_row("&Substitute:", person_picker(candidates))  # finds a surname
        group = dialog.add_row(
            "&Group:",
            QLineEdit(membership.group),
            "The political group whose wishes the substitution follows",
        )

        def submit() -> str | None:
            person = who.currentData()
            if person is None:
                return "Choose the councillor who substitutes."
            return self.controller.submit(Substitute(person, member, group.text().strip()))

        dialog.submit = submit
        self._open(dialog)

    def do_add_attendee(self) -> None:
        record = self.controller.record
        members = {m.person_id for m in record.memberships_on_day()}
        attending = {a.person_id for a in record.attendance.values()}
        people = [
            (f"{display_name(p)}" + (f" — {p.job_title}" if p.job_title else ""), p.id)
            for p in sorted(
                record.persons.values(), key=lambda p: (p.kind != PersonKind.COUNCILLOR, p.name)
            )
            if p.id not in members and p.id not in attending
        ]
        dialog = FormDialog("Add to the attendance", self, "Add")
        who = dialog.add_row("&Person:", combo(people))
        kind = dialog.add_row(
            "Attending &as:",
            combo(
                [
                    ("Also in attendance (not voting)", "also"),
                    ("Officer", "officer"),
                    ("Remote observer", "remote"),
                ]
            ),
        )
        capacity = dialog.add_row("&Capacity:", QLineEdit(), "For example: Cabinet Member")
        representing = dialog.add_row(
            "&Representing:", QLineEdit(), "For example: Councillor Law (for the minutes' wording)"
        )

        def follow_person() -> None:
            person = record.persons.get(who.currentData())
            if person is not None:
                kind.setCurrentIndex(
                    kind.findData("officer" if person.kind is PersonKind.OFFICER else "also")
                )

        who.currentIndexChanged.connect(follow_person)
        follow_person()

        def submit() -> str | None:
            person = who.currentData()
            if person is None:
                return "Choose who is attending."
            chosen = kind.currentData()
            if chosen == "officer":
                return self.controller.submit(OfficerPresent(person))
            if chosen == "remote":
                return self.controller.submit(RemoteObserver(person))
            return self.controller.submit(
                AlsoAttending(person, capacity.text().strip(), representing.text().strip())
            )

        dialog.submit = submit
        self._open(dialog)

    def _open(self, dialog: FormDialog) -> None:
        """Open a dialog; when it closes the keyboard goes back to where the clerk was.
        From the panel (S or Insert in the list, during the roll call) that is the list, to
        mark the next person; from anywhere else (the Attendance menu, a button clicked while
        minuting) it is the item's work, as after every other dialog: never the list the
        clerk was not in, where a stray P or A would record attendance."""
        self.dialog = dialog
        focus = QApplication.focusWidget()
        in_panel = focus is not None and (focus is self or self.isAncestorOf(focus))
        dialog.finished.connect(
            lambda _result: self.view.setFocus() if in_panel else self.focus_work()
        )
        dialog.open()
