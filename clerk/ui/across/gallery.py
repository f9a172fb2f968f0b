"""The README's pictures of search and the attendance record, on a fresh demo database."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

from clerk.domain.actions.attendance import (
    Apologies,
    Arrive,
    Leave,
    Present,
    RemoteObserver,
    Substitute,
)
from clerk.domain.actions.proceedings import StartMeeting
from clerk.services import catalogue
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database

#: The scene: the Board's September meeting recorded, looked at on 1 October 2021.
CLOCK = datetime(2021, 10, 1, 9, 15)


def record_september(database: Database) -> None:
    """The 20 September 2021 demo meeting's attendance: present, apologies, remote, a
    substitute, a late arrival and an early departure."""
    meeting_id = catalogue.resolve_meeting(database, "cyp-scrutiny-board/2021-09-20")
    session = MeetingSession(database, meeting_id, who="demo", clock=lambda: CLOCK)
    for action in (
        Present("bye"),
        Apologies("barnby"),
        RemoteObserver("douglas-dunbar"),
        Substitute(person="howgate", replaces="mandy-darling"),
        StartMeeting(at=time(9, 30)),
        Arrive("mills", at=time(9, 50)),
        Leave("bye", at=time(11, 40)),
    ):
        session.apply(action)


def across_gallery(folder: Path, render: Callable[..., Path]) -> list[Path]:
    from clerk.services.demo import load_demo
    from clerk.storage.database import open_database
    from clerk.ui.window import MainWindow

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(str(Path(scratch) / "demo.sqlite3"))
        load_demo(database)
        record_september(database)
        window = MainWindow(database, clock=lambda: CLOCK)
        window.show_home()
        window.show_search()
        window.home.search.box.setText('"corporate parenting"')
        window.home.search.run()
        written.append(render(window, folder / "ui-search.png"))
        dialog = window.show_attendance("cyp-scrutiny-board")
        dialog.resize(1340, 600)
        dialog.show()
        written.append(_grab(dialog, folder / "ui-attendance.png"))
        dialog.reject()
        window.close()
        database.dispose()
    return written


def _grab(widget, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for _ in range(3):
        if app is not None:
            app.processEvents()
    widget.grab().save(str(path))
    return path
