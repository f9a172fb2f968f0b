"""Recording the council's approval of a member's reason for absence (s.85 LGA 1972)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from clerk.domain.entities import Person
from clerk.domain.errors import ClerkError
from clerk.domain.names import display_name
from clerk.services import attendance
from clerk.storage.database import Database
from clerk.ui.forms import FormDialog, combo, date_edit, date_value


def approval_dialog(
    parent: QWidget,
    database: Database,
    members: list[Person],
    today: date,
    saved: Callable[[], None],
    current: str | None = None,
) -> FormDialog:
    dialog = FormDialog("Record an approved reason for absence", parent, ok_text="&Record")
    member = dialog.add_row("&Member:", combo([(display_name(p), p.id) for p in members], current))
    approved_on = dialog.add_row(
        "&Approved on:", date_edit(today), "The date the council approved the reason"
    )
    minute = dialog.add_row(
        "Mi&nute:", QLineEdit(), "The minute recording the approval, e.g. Minute 45/10/21"
    )
    reason = dialog.add_row("&Reason:", QLineEdit())
    until = dialog.add_row(
        "&Until:",
        date_edit(optional=True),
        "The end of the approved absence, if the council gave one (else: none)",
    )

    def submit() -> str | None:
        try:
            attendance.approve_absence(
                database,
                member.currentData(),
                date_value(approved_on),
                minute.text(),
                reason.text(),
                date_value(until, optional=True),
            )
        except ClerkError as error:
            return str(error)
        saved()
        return None

    dialog.submit = submit
    return dialog
