"""The README's sign-off screenshots: the demo's August minutes on their way to signed.

Each scene is recorded through the services a clerk's window uses, on a fresh demo database;
the digital scene signs with a throwaway certificate (``clerk_support.certificates``, clearly
named as a demo one), so the verification shown is real. Run from a checkout only: the support
package is not shipped.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from clerk.domain.actions.attendance import Apologies, OfficerPresent, Present
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.enums import SigningMode
from clerk.fileio import write_bytes
from clerk.services import catalogue, signoff
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database

AUGUST = date(2021, 8, 18)
SEPTEMBER = date(2021, 9, 20)
CLOCK = dt.datetime(2021, 9, 20, 9, 40)


def _ids(database: Database) -> tuple[int, int]:
    meetings = {m.meeting.date: m.id for m in catalogue.meetings(database)}
    return meetings[AUGUST], meetings[SEPTEMBER]


def _approved_and_september_at_minutes(database: Database) -> tuple[int, int]:
    august, september = _ids(database)
    signoff.circulate(database, august, on=date(2021, 8, 19), who="demo")
    signoff.approve(database, august, on=date(2021, 8, 23), who="demo")
    session = MeetingSession(database, september, who="demo", clock=lambda: CLOCK)
    items = {i.number: i.id for i in session.record.agenda()}
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills", "laura-colman"):
        session.apply(Present(person))
    for person in ("tatiana-wilson", "brent-davison", "mike-cook", "jo-morrell"):
        session.apply(Apologies(person))
    for person in ("rachael-williams", "becky-thompson"):
        session.apply(OfficerPresent(person))
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(OpenItem(items["1"], at=time(9, 30)))
    session.apply(OpenItem(items["2"], at=time(9, 32)))
    return august, september


def _settle(widget: QWidget) -> None:
    app = QApplication.instance()
    widget.show()
    for _ in range(3):
        app.processEvents()


def _grab(widget: QWidget, path: Path) -> Path:
    _settle(widget)
    if not widget.grab().save(str(path)):
        raise OSError(f"Could not write the screenshot {path}.")
    return path


def signoff_gallery(folder: Path, render) -> list[Path]:
    """Sign-off view (approved, then signed), the confirm dialog, a read-only meeting and a
    verified digital signature; ``render`` lays out and saves the main window."""
    from clerk.ui.signoff.reports import VerifyDialog
    from clerk.ui.window import MainWindow

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        database = open_database(str(scratch / "wet.sqlite3"))
        load_demo(database)
        august, september = _approved_and_september_at_minutes(database)
        window = MainWindow(database, clock=lambda: CLOCK)
        window.open_meeting(september)
        view = window.show_signoff(august)
        written.append(render(window, folder / "ui-signoff.png"))

        view.take("confirm")
        dialog = view.dialog
        second = next(
            i
            for i in range(dialog.paragraph.count())
            if dialog.paragraph.itemText(i).startswith("Minute 17/8/21, second")
        )
        dialog.paragraph.setCurrentIndex(second)
        dialog.new_text.setPlainText(
            "Members heard that 133 young people were currently supported by the Exploitation Team."
        )
        dialog.add_correction()
        written.append(_grab(dialog, folder / "ui-signoff-confirm.png"))
        dialog.reject()

        signoff.confirm(database, august, september, who="demo")
        scan = scratch / "minutes-2021-08-18-signed.pdf"
        write_bytes(scan, b"%PDF-1.4 the minute-book pages as the Chairman signed them\n")
        signoff.sign_wet_ink(database, august, on=SEPTEMBER, scan=scan, who="demo")
        window.reload_meeting()
        view.show_meeting(august)
        written.append(render(window, folder / "ui-signoff-signed.png"))

        window.open_meeting(august)
        written.append(render(window, folder / "ui-signoff-locked.png"))
        window.close()
        database.dispose()

        database = open_database(str(scratch / "digital.sqlite3"))
        load_demo(database)
        signoff.set_signing_mode(database, SigningMode.DIGITAL)
        august, september = _approved_and_september_at_minutes(database)
        signoff.confirm(database, august, september, who="demo")
        # Throwaway certificates come from the support package: the gallery runs from a
        # checkout (``python -m clerk.ui.screenshot``), never in the shipped app.
        from clerk_support.certificates import make_pki

        pki = make_pki(
            scratch,
            organisation="Torbay Council (demo)",
            root_name="Clerk Demo Root",
            passphrase=b"demo passphrase",
        )
        signed = signoff.sign_digital(
            database,
            august,
            pki.p12,
            pki.passphrase,
            scratch / "minutes-2021-08-18-signed.pdf",
            who="demo",
        )
        window = MainWindow(database, clock=lambda: CLOCK)
        view = window.show_signoff(august)
        written.append(render(window, folder / "ui-signoff-digital.png"))
        verify = VerifyDialog(window, signed.path)
        verify.add_root(pki.root)
        verify.run()
        app = QApplication.instance()
        while verify.running:  # the check runs on the pool; its answer comes back queued
            QThreadPool.globalInstance().waitForDone()
            app.processEvents()
        written.append(_grab(verify, folder / "ui-signoff-verify.png"))
        window.close()
        database.dispose()
    return written
