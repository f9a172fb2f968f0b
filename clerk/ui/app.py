"""The desktop app: ``clerk`` (the default database), ``clerk --demo``, ``--screenshot``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from clerk import APP_NAME


def run(args: argparse.Namespace) -> int:
    """The command line's entry point: honours ``args.db``, ``args.demo``, ``args.screenshot``."""
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draw without a display
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from clerk.domain.errors import ClerkError
    from clerk.services.demo import load_demo
    from clerk.storage.database import Access, open_database
    from clerk.storage.engine import data_dir
    from clerk.ui import style
    from clerk.ui.errors import ExceptHook
    from clerk.ui.startup import open_with_recovery, report_failure, show_notices
    from clerk.ui.window import MainWindow

    target = args.db
    if args.demo:
        path = data_dir() / "demo.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        target = str(path)
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
    access = Access.WRITE if named and not args.demo else Access.CREATE
    if args.screenshot:
        database = open_database(target, access=Access.CREATE if args.demo else Access.READ)
    else:
        try:
            opened = open_with_recovery(target, access=access)
        except ClerkError as error:
            report_failure(error)
            return 1
        if opened is None:
            return 1
        database = opened
    if args.demo:
        load_demo(database)
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
    try:
        return app.exec()
    finally:
        database.dispose()
