"""Present by video in the window: the V key in the attendance list, the status shown, and
the refusal's sentence in the banner where the law does not allow it. A real window on a real
SQLite database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from clerk.domain.enums import AttendanceStatus, CodeOfConduct
from clerk.services import setup
from clerk.services.demo import load_setup
from clerk.storage.database import Database
from tests.ui.test_live_controls import press


def _row(view, person: str):
    return view.attendance.model.rows[view.attendance.model.row_of(person)]


def test_v_marks_a_member_present_by_video_in_a_welsh_meeting(
    qtbot, sqlite_database: Database, make_window
):
    demo = load_setup()
    welsh = replace(demo.council, code_of_conduct=CodeOfConduct.WELSH_MODEL)
    setup.save_council(sqlite_database, welsh)
    for person in demo.persons:
        setup.save_person(sqlite_database, person)
    setup.save_committee(sqlite_database, demo.committee)
    meeting_id = setup.create_meeting(sqlite_database, demo.committee.slug, date(2023, 2, 13))
    window = make_window(sqlite_database)
    view = window.open_meeting(meeting_id)
    view.attendance.select_person("barnby")
    press(qtbot, view.attendance.view, Qt.Key.Key_V)
    record = window.controller.record
    assert record.attendance_of("barnby").status is AttendanceStatus.PRESENT_REMOTE
    row = _row(view, "barnby")
    assert row.status == "Present (remotely)" and row.present


def test_v_in_an_english_meeting_after_may_2021_is_refused_in_the_banner(
    qtbot, sqlite_demo: Database, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)  # the Board, 20 September 2021
    view.attendance.select_person("barnby")
    press(qtbot, view.attendance.view, Qt.Key.Key_V)
    assert window.controller.record.attendance_of("barnby") is None
    assert "record Councillor Barnby as a remote observer instead" in view.banner.text()
    assert "SI 2020/392" in view.banner.text()
