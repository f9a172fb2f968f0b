"""The round trip in the window: take a meeting to this laptop, see where it is, bring it
back, and the conflicts dialog when it cannot simply come back."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from clerk.domain.actions.attendance import Present
from clerk.services.checkout import checked_out
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from tests.roundtrip.helpers import SEPTEMBER, assert_same_everywhere, find, team_ready
from tests.ui.conftest import SettableClock


@pytest.fixture
def team(tmp_path: Path) -> Database:
    database = open_database(str(tmp_path / "team.sqlite3"))
    team_ready(database)
    yield database
    database.dispose()


@pytest.fixture
def laptop(tmp_path: Path) -> Database:
    database = open_database(str(tmp_path / "laptop.sqlite3"))
    yield database
    database.dispose()


@pytest.fixture(autouse=True)
def _machine(monkeypatch: pytest.MonkeyPatch, clock: SettableClock) -> None:
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    monkeypatch.setenv("CLERK_USER", "Jo Smith")
    clock.moment = datetime.now().replace(second=0, microsecond=0)


def cell(window, row: int, column: int) -> str:
    model = window.home.meetings_model
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def take_september(qtbot, window, team: Database) -> None:
    """Through the dialog: the address, the team's meetings, the September one taken."""
    dialog = window.take_to_laptop()
    qtbot.keyClicks(dialog.address, f"sqlite:///{team.path}")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=30_000)
    assert "20 September 2021 (scheduled)" in dialog.list.item(1).text()
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)


def test_take_record_and_bring_back_through_the_window(
    qtbot, make_window, team: Database, laptop: Database
) -> None:
    window = make_window(laptop)
    take_september(qtbot, window, team)
    assert window.stack.currentWidget() is window.home
    row = [m.meeting.date.isoformat() for m in window.home.meetings_model.rows].index("2021-09-20")
    note = cell(window, row, 4)
    assert note.startswith("On this laptop since ") and note.endswith(f", from {team.path}")
    view = window.open_meeting(find(laptop, SEPTEMBER))
    label = window.checkout_label
    assert label.isVisible()
    assert label.text().startswith("On this laptop: taken from the team's database (")
    assert "bring it back with Meeting, Bring back." in label.text()
    assert not view.lock_banner.isVisible()
    window.controller.perform(Present("bye"))

    # The office's window on the team's database: the list says where it is; read-only.
    office = make_window(team)
    office.show_home()
    row = [m.meeting.date.isoformat() for m in office.home.meetings_model.rows].index("2021-09-20")
    assert cell(office, row, 4).startswith("Checked out to LAPTOP-7 by Jo Smith since ")
    team_view = office.open_meeting(find(team, SEPTEMBER))
    assert team_view.lock_banner.isVisible()
    assert "Checked out to LAPTOP-7 by Jo Smith at " in team_view.lock_banner.text()
    assert not office.actions["start"].isEnabled()
    assert not office.checkout_label.isVisible()

    job = window.bring_back(None)
    assert job is not None
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Brought back"), timeout=30_000
    )
    assert "1 entry applied" in window.statusBar().currentMessage()
    assert not window.checkout_label.isVisible()
    assert view.lock_banner.isVisible()  # the laptop's copy is read-only now
    assert "Brought back to the team's database" in html.unescape(view.lock_banner.text())
    assert checked_out(team) == {}
    assert_same_everywhere(team, laptop, SEPTEMBER)


def test_a_broken_check_out_shows_the_conflicts_and_applies_anyway(
    qtbot, make_window, team: Database, laptop: Database
) -> None:
    window = make_window(laptop)
    take_september(qtbot, window, team)
    meeting = find(laptop, SEPTEMBER)
    MeetingSession(laptop, meeting).apply(Present("bye"))
    office = make_window(team)
    office.show_home()
    office.home.meetings.selectRow(1)
    dialog = office.break_checkout(None)
    assert (
        dialog is not None
        and "Checked out to LAPTOP-7 by Jo Smith" in dialog.findChild(type(dialog.status)).text()
    )
    qtbot.mouseClick(dialog.break_button, Qt.MouseButton.LeftButton)
    assert "Give the reason" in dialog.status.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "The laptop stayed in the Meadfoot Room")
    qtbot.mouseClick(dialog.break_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert checked_out(team) == {}

    job = window.bring_back(meeting)
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=30_000)
    conflicts = job.dialog
    assert conflicts.list.count() == 1
    assert "was broken in the team's database by Jo Smith" in conflicts.list.item(0).text()
    assert conflicts.anyway_button.isEnabled()
    qtbot.mouseClick(conflicts.anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Brought back"), timeout=30_000
    )
    assert "anyway (journaled as such)" in window.statusBar().currentMessage()
    assert_same_everywhere(team, laptop, SEPTEMBER)
