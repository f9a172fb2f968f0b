"""The README's pictures of the round trip: a meeting out on the laptop, the team's copy
read-only meanwhile, and a check-in refused for a conflict.

Two real databases (the team's and the laptop's, SQLite files in a scratch folder) and the
real services; only the check-out's address and time are set to what a council would see
(``dbserver/democratic_services``, 09:02 on the day) instead of the scratch path and today.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import update

from clerk.domain.actions.attendance import Apologies, Present
from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem, StartMeeting
from clerk.services import catalogue, signoff
from clerk.services.checkout import break_checkout, check_out
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from clerk.storage.models import CheckoutRow, table_of

CLOCK = datetime(2021, 9, 20, 10, 5)
TEAM_ADDRESS = "postgresql+psycopg://clerk@dbserver/democratic_services"
TAKEN_AT = datetime(2021, 9, 20, 9, 2)
BROKEN_AT = datetime(2021, 9, 20, 13, 15)


def _as_seen(database: Database, address: str = TEAM_ADDRESS) -> None:
    """The check-out's address and time as a council would see them."""
    with database.transaction() as conn:
        conn.execute(update(table_of(CheckoutRow)).values(checked_out_at=TAKEN_AT, team=address))


def _record(laptop: Database, meeting_id: int) -> None:
    session = MeetingSession(laptop, meeting_id, who="Jo Smith", clock=lambda: CLOCK)
    items = {i.number: i.id for i in session.record.agenda()}
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"):
        session.apply(Present(person))
    session.apply(Apologies("tatiana-wilson"))
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(OpenItem(items["1"], at=time(9, 30)))
    session.apply(OpenItem(items["2"], at=time(9, 32)))
    session.apply(ConfirmMinutes(items["2"], date(2021, 8, 18)))
    session.apply(OpenItem(items["5"], at=time(9, 40)))


def roundtrip_gallery(folder: Path, render: Callable[[object, Path], Path]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from clerk.ui.window import MainWindow

    app = QApplication.instance()
    written: list[Path] = []
    machine = os.environ.get("CLERK_MACHINE")
    os.environ["CLERK_MACHINE"] = "LAPTOP-7"
    try:
        with tempfile.TemporaryDirectory() as scratch:
            team = open_database(str(Path(scratch) / "team.sqlite3"))
            laptop = open_database(str(Path(scratch) / "laptop.sqlite3"))
            load_demo(team)
            signoff.circulate(team, 1, on=date(2021, 8, 19), who="demo")
            signoff.approve(team, 1, on=date(2021, 8, 23), who="demo")
            team_url = f"sqlite:///{team.path}"
            done = check_out(laptop, "cyp-scrutiny-board/2021-09-20", team_url, who="Jo Smith")
            _as_seen(laptop)
            _as_seen(team)
            _record(laptop, done.meeting_id)

            window = MainWindow(laptop, clock=lambda: CLOCK)
            window.show_home()
            window.home.meetings.selectRow(1)
            written.append(render(window, folder / "ui-checkout-laptop-list.png"))
            window.open_meeting(done.meeting_id)
            written.append(render(window, folder / "ui-checkout-laptop.png"))
            window.close()

            office = MainWindow(team, clock=lambda: CLOCK)
            september = next(
                m.id for m in catalogue.meetings(team) if m.meeting.date == date(2021, 9, 20)
            )
            office.open_meeting(september)
            written.append(render(office, folder / "ui-checkout-team.png"))
            office.close()

            break_checkout(
                team, str(september), "Jo's laptop stayed in the Meadfoot Room.", "Sam Price"
            )
            with team.transaction() as conn:
                conn.execute(update(table_of(CheckoutRow)).values(closed_at=BROKEN_AT))
            _as_seen(laptop, team_url)  # where the team's database really is, to reach it
            window = MainWindow(laptop, clock=lambda: CLOCK)
            window.show_home()
            job = window.bring_back(done.meeting_id)
            for _ in range(200):
                app.processEvents()
                if job is not None and job.dialog is not None:
                    break
                QApplication.instance().thread().msleep(20)
            if job is None or job.dialog is None:
                raise RuntimeError(f"no conflicts dialog: {window.statusBar().currentMessage()}")
            if job.dialog is not None:
                job.dialog.resize(760, 300)
                dialog = job.dialog
                dialog.show()
                for _ in range(3):
                    app.processEvents()
                path = folder / "ui-checkin-conflicts.png"
                dialog.grab().save(str(path))
                written.append(path)
                dialog.reject()
            window.close()
            team.dispose()
            laptop.dispose()
    finally:
        if machine is None:
            os.environ.pop("CLERK_MACHINE", None)
        else:
            os.environ["CLERK_MACHINE"] = machine
    return written
