"""Run by test_resume: record part of the September demo meeting in a real window, say READY,
then wait (for SIGKILL) in the event loop, as a laptop would be mid-meeting."""

from __future__ import annotations

import os
import sys
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMessageBox

from clerk.domain.actions.motions import Move
from clerk.domain.entities import Part
from clerk.services import catalogue
from clerk.storage.database import open_database
from clerk.ui.window import MainWindow


def main(path: str) -> None:
    app = QApplication([])
    database = open_database(path)
    meeting_id = next(m.id for m in catalogue.meetings(database) if m.meeting.date.month == 9)
    window = MainWindow(database, clock=lambda: datetime(2021, 9, 20, 9, 41))
    window.show()
    view = window.open_meeting(meeting_id)
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"):
        view.attendance.select_person(person)
        view.attendance.do_present()
    view.attendance.select_person("tatiana-wilson")
    view.attendance.do_apologies()
    window.run_command("start")
    for _ in range(6):  # to item 6, Family Friendly Vision
        window.run_command("next_item")
        box = view.dialog
        if isinstance(box, QMessageBox) and box.isVisible():  # the minutes not confirmed
            box.button(QMessageBox.StandardButton.Yes).click()
    item = window.controller.record.current_item()
    window.controller.perform(
        Move(
            item=item.id,
            mover="mills",
            seconder="bye",
            parts=(Part("that the vision be endorsed"),),
        )
    )
    print("READY", item.id, flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
