"""A new meeting: date, time, venue, kind, first minute number; the standard items pre-filled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from clerk.domain.enums import MeetingKind
from clerk.domain.errors import ClerkError
from clerk.services import catalogue, setup
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.forms import FormDialog, combo, date_edit, date_value, time_edit


def meeting_dialog(
    parent: QWidget,
    database: Database,
    today: date,
    committee_slug: str | None = None,
    created: Callable[[int], None] = lambda _id: None,
) -> FormDialog:
    committees = catalogue.committees(database)
    dialog = FormDialog("New meeting", parent, "Create meeting")
    committee = dialog.add_row(
        "&Committee:", combo([(c.name, c.slug) for c in committees], committee_slug)
    )
    day = dialog.add_row("&Date:", date_edit(today))
    at = dialog.add_row("&Time:", time_edit())
    at.setTime(at.time().fromString("09:30", "HH:mm"))
    venue = dialog.add_row("&Venue:", QLineEdit(), "For example: Meadfoot Room - Town Hall")
    kind = dialog.add_row(
        "&Kind:", combo([(t, k) for k, t in labels.MEETING_KIND.items()], MeetingKind.ORDINARY)
    )
    first = QSpinBox()
    first.setRange(0, 9999)
    first.setSpecialValueText("automatic")
    dialog.add_row(
        "First &minute no.:",
        first,
        "Leave automatic to continue from this committee's earlier meetings in the municipal "
        "year; set it when numbering continues from minutes Clerk does not hold",
    )
    standard = dialog.add_row(
        "",
        QCheckBox(
            "&Start the agenda with Apologies, Minutes, Declarations of Interest, Urgent Items"
        ),
    )
    standard.setChecked(True)

    def submit() -> str | None:
        if committee.currentData() is None:
            return "Set up a committee first."
        try:
            meeting_id = setup.create_meeting(
                database,
                committee.currentData(),
                date_value(day),
                at=at.time().toPython(),
                venue=venue.text().strip(),
                kind=MeetingKind(kind.currentData()),
                standard_items=standard.isChecked(),
                minute_number_start=first.value() or None,
            )
        except ClerkError as error:
            return str(error)
        created(meeting_id)
        return None

    dialog.submit = submit
    return dialog
