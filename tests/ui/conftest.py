"""Fixtures for the window tests: a real window on a real temporary database, a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk.domain.serial import to_json
from clerk.services import setup
from clerk.services.demo import load_setup
from clerk.storage.database import Database
from clerk.ui import style
from clerk.ui.window import MainWindow


class SettableClock:
    """The window's clock: times stamped on the record are whatever the test says."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set(self, hour: int, minute: int) -> None:
        self.moment = self.moment.replace(hour=hour, minute=minute)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(datetime(2021, 8, 18, 9, 0))


@pytest.fixture
def styled(qapp: QApplication) -> QApplication:
    style.apply(qapp)
    return qapp


@pytest.fixture
def make_window(qtbot, styled, clock):
    """A function making a shown, active main window on a database."""

    def make(database: Database) -> MainWindow:
        window = MainWindow(database, clock=clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def torbay(sqlite_database: Database) -> Iterator[Database]:
    """The demo council, people and committee set up, with no meetings."""
    demo = load_setup()
    setup.save_council(sqlite_database, demo.council)
    for person in demo.persons:
        setup.save_person(sqlite_database, person)
    setup.save_committee(sqlite_database, demo.committee)
    yield sqlite_database


def named(parent: QWidget, name: str) -> QWidget:
    """The visible child widget with this accessible name (what a screen reader announces)."""
    found = [w for w in parent.findChildren(QWidget) if w.accessibleName() == name]
    visible = [w for w in found if w.isVisibleTo(parent)] or found
    assert visible, f"no widget named {name!r} in {parent.accessibleName() or parent}"
    return visible[0]


def open_dialog(qtbot, owner) -> QWidget:
    """The dialog the last command opened (dialogs are window-modal and never block)."""
    qtbot.waitUntil(lambda: owner.dialog is not None and owner.dialog.isActiveWindow())
    return owner.dialog


def take_next(window, times: int = 1) -> None:
    """Ctrl+PgDown ``times``, answering Yes when leaving an item asks first (a motion still
    pending, the minutes not confirmed): the tests that step on through the agenda."""
    for _ in range(times):
        window.run_command("next_item")
        box = window.meeting_view.dialog if window.meeting_view is not None else None
        if isinstance(box, QMessageBox) and box.isVisible():
            box.button(QMessageBox.StandardButton.Yes).click()


def plain(document: dict) -> dict:
    return to_json(document)
