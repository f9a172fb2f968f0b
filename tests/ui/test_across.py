"""The search box on the home page and the attendance record, in the real window."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.proceedings import AddParagraph, OpenItem, StartMeeting
from clerk.services import catalogue
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from clerk.ui.across.gallery import across_gallery, record_september
from clerk.ui.screenshot import render
from tests.ui.conftest import open_dialog


def _exempt_item(database: Database) -> int:
    meeting_id = catalogue.resolve_meeting(database, "cyp-scrutiny-board/2021-09-20")
    session = MeetingSession(database, meeting_id)
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(AddItem(number="9", title="Residential Placement Contract", exempt_paragraph=3))
    item = max(session.record.items)
    session.apply(OpenItem(item=item))
    session.apply(AddParagraph(item=item, text="The provider's tender price was discussed."))
    return item


def test_ctrl_f_searches_and_a_result_opens_the_meeting_at_the_item(
    qtbot, sqlite_demo, make_window, tmp_path
):
    window = make_window(sqlite_demo)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.home.search
    assert panel.box.hasFocus()
    qtbot.keyClicks(panel.box, '"corporate parenting')  # an unpaired quote: plain words
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert panel.results.isVisible()
    rows = panel.model.rows
    assert rows and rows[0].title == "Corporate Parenting Strategy"
    assert "results" in panel.message.text()
    assert window.grab().save(str(tmp_path / "search.png"))
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    view = window.meeting_view
    assert view is not None and window.stack.currentWidget() is view
    assert view.workspace.item_id == rows[0].item_id
    assert view.workspace.item().title == "Corporate Parenting Strategy"


def test_confidential_text_only_when_asked_and_marked(qtbot, sqlite_demo, make_window):
    _exempt_item(sqlite_demo)
    window = make_window(sqlite_demo)
    panel = window.home.search
    panel.box.setText("tender price")
    panel.run()
    assert panel.model.rows == []
    assert "Nothing matches" in panel.message.text()
    panel.confidential.setChecked(True)
    panel.run()
    (row,) = panel.model.rows
    assert row.confidential
    index = panel.model.index(0, 4)
    assert panel.model.data(index) == "minutes (confidential)"
    assert panel.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    panel.date_from.setText("18/8/21")
    panel.run()
    assert "is not a date" in panel.message.text()
    panel.date_from.setText("2022-01-01")
    panel.date_to.setText("2021-01-01")
    panel.run()
    assert "The date range is empty" in panel.message.text()
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert not panel.results.isVisible() and panel.box.text() == ""


def test_the_attendance_record_with_six_month_dates(
    qtbot, sqlite_demo, make_window, clock, tmp_path
):
    record_september(sqlite_demo)
    clock.moment = datetime(2021, 10, 1, 9, 0)
    window = make_window(sqlite_demo)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = open_dialog(qtbot, window)
    rows = {row[0]: row for row in dialog.model.rows}
    assert rows["Councillor Mandy Darling"][-1] == "Warning: ends soon"
    assert rows["Councillor Mandy Darling"][-2] == "2021-11-01"
    assert rows["Councillor Bye"][2:5] == ("2", "2", "0")
    assert "section 85" in dialog.notes.text()
    dialog.resize(1340, 600)
    assert dialog.grab().save(str(tmp_path / "attendance.png"))
    (csv,) = dialog.save("csv", tmp_path)
    assert csv.read_text(encoding="utf-8").splitlines()[0].startswith("Member,Committee")
    dialog.date_from.setText("2021-09-01")
    dialog.refresh()
    assert dict((r[0], r[2]) for r in dialog.model.rows)["Councillor Bye"] == "1"


def test_the_gallery_draws_search_and_attendance(styled, tmp_path: Path) -> None:
    written = across_gallery(tmp_path, render)
    assert [p.name for p in written] == ["ui-search.png", "ui-attendance.png"]
    assert all(p.stat().st_size > 10_000 for p in written)


def test_recording_an_approved_reason_from_the_attendance_record(
    qtbot, sqlite_demo, make_window, clock
):
    record_september(sqlite_demo)
    clock.moment = datetime(2021, 10, 14, 9, 0)
    window = make_window(sqlite_demo)
    dialog = window.show_attendance("cyp-scrutiny-board")
    qtbot.waitUntil(dialog.isVisible)
    darling = next(
        row
        for row in range(dialog.model.rowCount())
        if dialog.model.rows[row][0] == "Councillor Mandy Darling"
    )
    dialog.table.selectRow(darling)
    dialog.table.setCurrentIndex(dialog.model.index(darling, 0))
    form = dialog.record_approval()
    member = form.findChild(QComboBox)
    assert member.currentData() == "mandy-darling"
    assert member.findData("tatiana-wilson") < 0  # co-optees: the rule does not apply
    form.accept()  # no minute yet: refused, nothing recorded, the form stays open
    assert "Give the minute" in form.message.text() and form.isVisible()
    minute = next(w for w in form.findChildren(QLineEdit) if w.accessibleName() == "Minute")
    minute.setText("Minute 45/10/21 of the Council")
    form.accept()
    assert not form.isVisible()
    rows = {row[0]: row for row in dialog.model.rows}
    assert rows["Councillor Mandy Darling"][-1] == (
        "Absence approved (Minute 45/10/21 of the Council)"
    )
