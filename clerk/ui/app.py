"""The desktop app: ``clerk`` (the default database), ``clerk --demo``, ``--screenshot``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clerk import APP_NAME

if TYPE_CHECKING:
    from clerk.storage.database import Database

#: Benchmarks set this to a file's path: it is made once the window is shown, then Clerk quits.
SHOWN_MARKER = "CLERK_QUIT_WHEN_SHOWN"


def fresh_demo() -> Database:
    """``clerk --demo``'s database: a fresh copy of the demo built once (not a replay), and
    without the minute-text drafts an earlier demo session left beside the copy it replaces
    (kept by item id, they would turn up again in the new copy's items)."""
    from clerk.services.demo import fresh_demo_database
    from clerk.ui.live.drafts import DraftStore

    database = fresh_demo_database()
    if database.path is not None:  # the demo's own copy in Clerk's data folder
        DraftStore.beside(database.path, database.describe()).discard()
    return database


def run(args: argparse.Namespace) -> int:
    """The command line's entry point: honours ``args.db``, ``args.demo``, ``args.screenshot``."""
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draw without a display
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from clerk.domain.errors import ClerkError
    from clerk.storage.database import Access, open_database
    from clerk.ui import style
    from clerk.ui.errors import ExceptHook
    from clerk.ui.startup import open_with_recovery, report_failure, show_notices
    from clerk.ui.window import MainWindow

    target = args.db
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    style.apply(app)
    # Clerk's own default database is made on the first start; one the clerk names is
    # created only when the clerk says so (a mistyped path must not become a new database).
    named = args.db is not None or bool(os.environ.get("CLERK_DB"))
    access = Access.WRITE if named else Access.CREATE
    if args.demo:
        database = fresh_demo()
    elif args.screenshot:
        database = open_database(target, access=Access.READ)
    else:
        try:
            opened = open_with_recovery(target, access=access)
        except ClerkError as error:
            report_failure(error)
            return 1
        if opened is None:
            return 1
        database = opened
    if args.screenshot:
        from clerk.ui.screenshot import SCENE_CLOCK, render, stage_september_vote

        meeting_id = stage_september_vote(database) if args.demo else None
        window = MainWindow(database, clock=lambda: SCENE_CLOCK)
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        render(window, Path(args.screenshot))
        window.close()
        database.dispose()
        return 0
    window = MainWindow(database)
    hook = ExceptHook(window)
    hook.install()
    window.resize(1366, 768)
    window.show()
    show_notices(database, window)
    shown = os.environ.get(SHOWN_MARKER)
    if shown:  # the benchmark: the first event after the window is shown and painted
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (Path(shown).touch(), app.quit()))
    try:
        return app.exec()
    finally:
        database.dispose()
