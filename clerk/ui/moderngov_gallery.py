"""The README's pictures of the ModernGov import preview and the Publish dialog, drawn on a
fresh demo database from the ModernGov answers in ``tests/moderngov/fixtures`` (a checkout's
files: the gallery is drawn from a checkout)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from clerk.services.demo import load_demo
from clerk.services.moderngov.importer import preview, read_files
from clerk.storage.database import open_database

ANSWERS = Path(__file__).resolve().parents[2] / "tests" / "moderngov" / "fixtures"


def moderngov_gallery(folder: Path, grab: Callable[[object, Path], Path]) -> list[Path]:
    from clerk.ui.moderngov import ImportDialog
    from clerk.ui.publish import PublishDialog

    answers = sorted(ANSWERS.glob("*.xml"))
    if not answers:
        return []
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(str(Path(scratch) / "demo.sqlite3"))
        load_demo(database)
        dialog = ImportDialog(database, today=QDate(2021, 9, 10))
        dialog.files.setText("; ".join(p.name for p in answers))
        dialog.show_plan(preview(database, read_files(answers)))
        dialog.resize(1000, 640)
        dialog.lines.scrollToTop()
        written.append(grab(dialog, folder / "ui-moderngov-preview.png"))
        dialog.close()
        publish = PublishDialog(database, committee="cyp-scrutiny-board")
        publish.folder.setText("/home/clerk/Documents/Clerk/Open data")
        publish.start.setDate(QDate(2021, 5, 1))
        publish.end.setDate(QDate(2022, 4, 30))
        publish.use_range.setChecked(True)
        publish.minutes_url.setText("https://www.torbay.gov.uk/minutes")
        written.append(grab(publish, folder / "ui-publish.png"))
        publish.close()
        database.dispose()
    QApplication.processEvents()
    return written
