"""Undo and redo through the window: a QUndoStack in step with the service's journal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk.domain.enums import AttendanceStatus
from clerk.services import catalogue
from clerk.storage import repository as repo
from clerk.ui.live.tables import select_key

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def september_id(database) -> int:
    return next(m.id for m in catalogue.meetings(database) if m.meeting.date.month == 9)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def test_undo_and_redo_with_readable_labels(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(september_id(sqlite_demo))
    controller = window.controller
    people = view.attendance.view
    people.setFocus()
    select_key(people, "bye")
    press(qtbot, people, Qt.Key.Key_P)
    assert controller.record.attendance_of("bye").status is AttendanceStatus.PRESENT
    undo, redo = window.actions["undo"], window.actions["redo"]
    assert undo.text() == "&Undo: mark Councillor Bye present" and undo.isEnabled()
    # Saved at the session's clock (the meeting's time), not the machine's.
    assert window.saved_label.text() == "Saved 9.00 am: mark Councillor Bye present"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert controller.record.attendance_of("bye") is None
    assert view.attendance.model.rows[0].status == "Not recorded"
    assert window.saved_label.text().endswith(": Undo: mark Councillor Bye present")
    assert redo.text() == "&Redo: mark Councillor Bye present" and redo.isEnabled()
    assert not undo.isEnabled() or undo.text() != "&Undo: mark Councillor Bye present"

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert controller.record.attendance_of("bye").status is AttendanceStatus.PRESENT
    assert view.attendance.model.rows[0].status == "Present"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Y, CTRL)  # the other redo key
    assert controller.record.attendance_of("bye").status is AttendanceStatus.PRESENT

    # the journal is the source of truth: every step is in it, labelled
    with sqlite_demo.reading() as conn:
        labels = [e.label for e in repo.load_journal(conn, controller.meeting_id)][-5:]
    assert labels == [
        "mark Councillor Bye present",
        "Undo: mark Councillor Bye present",
        "Redo: mark Councillor Bye present",
        "Undo: mark Councillor Bye present",
        "Redo: mark Councillor Bye present",
    ]


def test_a_refused_action_changes_nothing_and_says_why(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(september_id(sqlite_demo))
    # the agenda and its reports were added through the journal, so they can be undone too
    last = window.actions["undo"].text()
    assert last == (
        "&Undo: attach the report leadership-management-governance-review.pdf to item 7"
    )
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # take an item before the start
    message = "Start the meeting before you take an item."
    assert view.banner.text() == message and view.banner.isVisible()
    assert window.statusBar().currentMessage() == message
    assert window.controller.record.current_item() is None
    assert window.actions["undo"].text() == last  # nothing was added to the history
    press(qtbot, window, Qt.Key.Key_F5)
    assert not view.banner.isVisible()  # cleared by the next acknowledged action


def test_undo_reaches_back_across_a_restart(qtbot, sqlite_demo, make_window):
    first = make_window(sqlite_demo)
    view = first.open_meeting(september_id(sqlite_demo))
    view.attendance.select_person("mills")
    view.attendance.do_apologies()
    first.close()

    second = make_window(sqlite_demo)
    second.open_meeting(september_id(sqlite_demo))
    assert second.actions["undo"].text() == "&Undo: record apologies from Councillor Mills"
    press(qtbot, second, Qt.Key.Key_Z, CTRL)
    assert second.controller.record.attendance_of("mills") is None
