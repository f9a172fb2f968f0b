"""The excepthook (dialog with copyable details, the rotating log, recording carries on), Help's
keyboard shortcuts, and the keys themselves: no two commands share one."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from clerk.domain.actions.attendance import Present
from clerk.storage.engine import log_dir
from clerk.ui.errors import ExceptHook
from clerk.ui.screenshot import stage_september_vote
from clerk.ui.shortcuts import ATTENDANCE_LIST, COMMANDS
from tests.ui.conftest import named, open_dialog


def test_an_unexpected_error_shows_details_logs_them_and_recording_continues(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    window.open_meeting(2)
    hook = ExceptHook(window)
    try:
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError:
            hook(*sys.exc_info())
        dialog = hook.dialog
        qtbot.waitUntil(dialog.isVisible)
        details = dialog.details.toPlainText()
        assert "RuntimeError: the printer caught fire" in details
        assert "Traceback" in details
        named(dialog, "Copy details").click()
        assert "the printer caught fire" in QApplication.clipboard().text()
        log_text = (log_dir() / "clerk.log").read_text(encoding="utf-8")
        assert "RuntimeError: the printer caught fire" in log_text
        dialog.accept()
        # the meeting is intact and recording carries on
        assert window.controller.perform(Present("bye")) is not None
        assert window.controller.record.attendance_of("bye") is not None
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if isinstance(handler, RotatingFileHandler) and str(log_dir()) in handler.baseFilename:
                root.removeHandler(handler)
                handler.close()


def test_help_lists_every_keyboard_shortcut(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = open_dialog(qtbot, window)
    text = dialog.browser.toPlainText()
    for command in COMMANDS:
        for keys in command.keys:
            assert keys in text, keys
    for words in ("Take the next item", "Present (in the attendance list)", "Record the vote"):
        assert words.lower() in text.lower()


def test_no_two_commands_share_a_key():
    seen: dict[tuple[str, str], str] = {}
    for command in COMMANDS:
        for keys in command.keys:
            normal = QKeySequence(keys).toString()
            place = "list" if command.where == ATTENDANCE_LIST else command.where
            assert (place, normal) not in seen, f"{keys}: {command.id} and {seen[(place, normal)]}"
            seen[(place, normal)] = command.id


def mnemonics(widgets: list[QWidget]) -> list[str]:
    letters = []
    for widget in widgets:
        text = widget.text() if hasattr(widget, "text") else ""
        if widget.isVisible() and "&" in text.replace("&&", ""):
            letters.append(text[text.index("&") + 1].lower())
    return letters


def test_the_meeting_view_has_no_clashing_alt_keys(qtbot, sqlite_demo, make_window):
    meeting_id = stage_september_vote(sqlite_demo)  # with the vote panel open
    window = make_window(sqlite_demo)
    view = window.open_meeting(meeting_id)
    assert view.workspace.vote_panel.isVisible()
    menus = [a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()]
    assert len(menus) == len(set(menus)), menus
    for tab in range(view.workspace.tabs.count()):
        view.workspace.tabs.setCurrentIndex(tab)
        letters = menus + mnemonics(view.findChildren(QWidget))
        clashes = {letter for letter in letters if letters.count(letter) > 1}
        assert not clashes, (tab, clashes)
