"""File → Import from ModernGov and File → Publish, driven in the real window."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from clerk.services import catalogue
from clerk.services.demo import load_demo
from clerk.storage.database import Database
from tests.moderngov.helpers import ALL, fixture
from tests.opendata.test_export import assert_valid


def test_preview_then_import_then_undo(qtbot, make_window, sqlite_database: Database) -> None:
    load_demo(sqlite_database)
    window = make_window(sqlite_database)
    window.actions["import_moderngov"].trigger()
    dialog = window.dialog
    assert dialog.windowTitle() == "Import from ModernGov"
    dialog.files.setText("; ".join(str(p) for p in ALL))
    qtbot.mouseClick(dialog.preview_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.lines.count() > 0, timeout=60_000)
    texts = [dialog.lines.item(i).text() for i in range(dialog.lines.count())]
    assert any(t.startswith("Skip") and "already recorded in Clerk" in t for t in texts)
    assert any(
        "item 9: Children's Services Staffing Update (exempt, paragraph 1)" in t for t in texts
    )
    assert dialog.headline.text().startswith("Will add 1 meeting(s) and change 1;")
    assert len(catalogue.meetings(sqlite_database)) == 2  # a preview writes nothing
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, qtbot_left())
    qtbot.waitUntil(lambda: "Imported 2 meeting(s)" in dialog.message.text(), timeout=60_000)
    assert len(catalogue.meetings(sqlite_database)) == 3
    dialog.reject()
    view = window.open_meeting(2)
    assert view is not None
    assert window.actions["undo"].text() == "&Undo: import ModernGov meeting 11050 (9 items)"
    window.actions["undo"].trigger()
    assert len(window.controller.record.items) == 8


def test_a_bad_file_is_one_sentence_and_nothing_changes(
    qtbot, make_window, sqlite_database: Database, tmp_path: Path
) -> None:
    load_demo(sqlite_database)
    bomb = tmp_path / "GetMeeting.xml"
    bomb.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><meeting>&a;</meeting>'
    )
    window = make_window(sqlite_database)
    dialog = window.import_moderngov()
    dialog.files.setText(f"{fixture('GetMeeting-11050.xml')}; {bomb}")
    qtbot.mouseClick(dialog.preview_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=60_000)
    assert "GetMeeting.xml declares a document type or entities" in dialog.message.text()
    assert not dialog.import_button.isEnabled()


def test_publish_writes_valid_open_data_and_a_calendar(
    qtbot, make_window, sqlite_database: Database, tmp_path: Path
) -> None:
    load_demo(sqlite_database)
    window = make_window(sqlite_database)
    window.actions["publish"].trigger()
    dialog = window.dialog
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.minutes_url.setText("https://www.torbay.gov.uk/minutes")
    qtbot.mouseClick(dialog.publish_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.files.count() == 2, timeout=60_000)
    data = json.loads((tmp_path / "out" / "cyp-scrutiny-board-open-data.json").read_text())
    assert_valid(data)
    calendar = Calendar.from_ical((tmp_path / "out" / "cyp-scrutiny-board.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 2


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
