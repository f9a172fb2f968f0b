"""A meeting survives the window being killed: the next start offers it, exactly where it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from clerk.domain.enums import MeetingStatus
from clerk.services.demo import load_demo
from clerk.storage.database import open_database
from tests.conftest import ROOT

DRIVER = Path(__file__).with_name("crash_driver.py")


def test_a_killed_window_is_offered_for_resumption_where_it_was(qtbot, make_window, tmp_path):
    path = tmp_path / "laptop.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    database.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()  # blocks until the window has recorded everything
        assert line.startswith("READY"), process.stderr.read()
        item_id = int(line.split()[1])
        process.send_signal(signal.SIGKILL)  # the power cut
        assert process.wait(timeout=60) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.stderr.close()

    database = open_database(str(path))
    window = make_window(database)
    home = window.home
    assert window.stack.currentWidget() is home
    assert home.resume_frame.isVisible()
    text = home.resume_text.text()
    assert "A meeting was left in progress:" in text
    assert "Monday, 20 September 2021" in text
    assert "Under way: Minute 23 (item 6): Family Friendly Vision." in text
    assert "Motion 1, moved by Councillor Mills, awaits its vote." in text
    assert "Attendance: 5 present, 1 apologies" in text
    assert home.resume_button.hasFocus()  # Enter resumes

    qtbot.keyClick(home.resume_button, " ")
    view = window.meeting_view
    record = window.controller.record
    assert record.meeting.status is MeetingStatus.IN_PROGRESS
    assert view.workspace.item_id == item_id
    assert view.agenda.current_item() == item_id
    panel = view.workspace.vote_panel
    assert panel.isVisible() and panel.motion_id == 1
    assert panel.spins["yes"].hasFocus()
    present = [row.key for row in view.attendance.model.rows if row.present]
    assert present == ["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"]
    assert view.header.quorum.text() == "Quorate\n5 present, 5 councillors count (3 needed)"
    database.dispose()
