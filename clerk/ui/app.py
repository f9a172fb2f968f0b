"""Placeholder main window, until the desktop issue lands: lists the meetings."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

    from clerk.services import catalogue
    from clerk.services.demo import load_demo
    from clerk.storage.database import open_database
    from clerk.storage.engine import data_dir

    target = args.db
    if args.demo:
        path = data_dir() / "demo.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        target = str(path)
    database = open_database(target)
    if args.demo:
        load_demo(database)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Clerk")
    listing = QListWidget()
    for summary in catalogue.meetings(database):
        listing.addItem(f"{summary.reference}  ({summary.meeting.status})")
    window.setCentralWidget(listing)
    window.resize(1366, 768)
    if args.screenshot:
        window.show()
        app.processEvents()
        window.grab().save(args.screenshot)
        return 0
    window.show()
    return app.exec()
