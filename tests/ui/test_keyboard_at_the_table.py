"""At the table by keyboard: drafts kept across a restart, questions before leaving an item,
recording on the item under way, a recorded vote in N + 3 keys, focus where the work is and
member pickers that find a surname. Each through a real window on a real SQLite database."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Resolve, Vote
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import Part
from clerk.domain.enums import MotionOutcome, VoteMethod, VoteOption
from clerk.domain.rules.eligibility import eligible_voters
from clerk.ui.live.drafts import DraftStore
from clerk.ui.live.workspace import MINUTES_TAB, MOTIONS_TAB
from clerk.ui.shortcuts import bind
from clerk.ui.window import MainWindow
from tests.ui.conftest import named, open_dialog
from tests.ui.test_live_controls import press

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
WORDING = (Part("that the vision be endorsed."),)
MEMBERS = ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills")


def _started(window) -> None:
    controller = window.controller
    for person in MEMBERS:
        controller.perform(Present(person))
    controller.perform(StartMeeting(at=time(9, 30)))


def _item(window, number: str):
    return next(i for i in window.controller.record.agenda() if i.number == number)


def _take(window, number: str) -> int:
    item = _item(window, number)
    assert window.controller.perform(OpenItem(item.id)) is not None
    return item.id


def _answer(qtbot, view, button: QMessageBox.StandardButton) -> str:
    """Answer the question the view asked; returns its text."""
    qtbot.waitUntil(lambda: isinstance(view.dialog, QMessageBox) and view.dialog.isVisible())
    box = view.dialog
    text = box.text()
    box.button(button).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    return text


def test_a_draft_survives_quitting_and_starting_again(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    view.agenda.select_item(item_id)
    view.workspace.show_tab(MINUTES_TAB)
    qtbot.keyClicks(view.workspace.editor, "The Director introduced the vision")
    # On disk as it is typed, next to the database: a crash loses nothing either.
    store = DraftStore.beside(sqlite_demo.path, sqlite_demo.describe())
    assert store.path is not None and store.path.parent == sqlite_demo.path.parent
    assert store.load(2) == {item_id: (None, "The Director introduced the vision")}
    window.close()

    again = make_window(sqlite_demo)  # Clerk started again
    view = again.open_meeting(2)
    view.agenda.select_item(item_id)
    assert view.workspace.editor.toPlainText() == "The Director introduced the vision"
    view.workspace.show_tab(MINUTES_TAB)
    press(qtbot, view.workspace.editor, Qt.Key.Key_Return, CTRL)  # added: the draft is gone
    assert [p.text for p in again.controller.record.for_item("paragraphs", item_id)][-1] == (
        "The Director introduced the vision"
    )
    assert store.load(2) == {}


def test_a_fresh_demo_starts_without_the_drafts_of_the_last_demo(qtbot, make_window):
    from clerk.storage.engine import default_database_path
    from clerk.ui.app import fresh_demo

    # The clerk's own database, in the same data folder: its drafts are never touched.
    own = DraftStore.beside(default_database_path(), "")
    own.save(2, {7: (None, "The clerk's own unfinished minute")})
    demo = fresh_demo()  # clerk --demo
    window = make_window(demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    view.agenda.select_item(item_id)
    view.workspace.show_tab(MINUTES_TAB)
    qtbot.keyClicks(view.workspace.editor, "Trying the demo out")
    store = DraftStore.beside(demo.path, demo.describe())
    assert store.load(2) == {item_id: (None, "Trying the demo out")}
    window.close()
    demo.dispose()

    again = fresh_demo()  # clerk --demo another day: a fresh copy, and no old typing in it
    try:
        assert again.path == demo.path
        view = make_window(again).open_meeting(2)
        view.agenda.select_item(item_id)
        assert view.workspace.editor.toPlainText() == ""
        assert store.load(2) == {}
        assert own.load(2) == {7: (None, "The clerk's own unfinished minute")}
    finally:
        again.dispose()


def test_discarding_drafts_removes_only_an_ordinary_file(tmp_path) -> None:
    theirs = tmp_path / "theirs.json"
    theirs.write_text('{"2": {}}')
    linked = DraftStore(tmp_path / "demo.sqlite3.drafts.json")
    linked.path.symlink_to(theirs)
    linked.discard()  # a link Clerk did not make: left alone, and what it points to
    assert linked.path.is_symlink() and theirs.read_text() == '{"2": {}}'
    own = DraftStore(tmp_path / "other.sqlite3.drafts.json")
    own.save(2, {7: (None, "typed")})
    own.discard()
    assert not own.path.exists()
    own.discard()  # nothing there: nothing to do


def test_leaving_an_item_with_a_motion_pending_asks_first(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    assert window.controller.perform(Move(item_id, "barnby", WORDING, seconder="bye"))
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    text = _answer(qtbot, view, QMessageBox.StandardButton.No)
    assert "Motion 1" in text and "still before the meeting" in text
    assert window.controller.record.meeting.current_item_id == item_id  # stayed
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    _answer(qtbot, view, QMessageBox.StandardButton.Yes)
    assert window.controller.record.meeting.current_item_id != item_id


def test_leaving_the_minutes_unconfirmed_asks_first(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    minutes = next(i for i in window.controller.record.agenda() if i.title == "Minutes")
    _take(window, minutes.number)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    assert "have not been confirmed" in _answer(qtbot, view, QMessageBox.StandardButton.No)
    assert window.controller.record.meeting.current_item_id == minutes.id


def test_taking_an_item_puts_the_keyboard_on_its_work_not_the_attendance(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    view.do_focus_attendance()
    assert QApplication.focusWidget() is view.attendance.view
    view.agenda.select_item(_item(window, "4").id)
    press(qtbot, window, Qt.Key.Key_T, CTRL)  # take the selected item
    assert window.controller.record.meeting.current_item_id == _item(window, "4").id
    focus = QApplication.focusWidget()
    assert focus is not None and view.workspace.isAncestorOf(focus)
    before = {a.person_id: a.status for a in window.controller.record.attendance.values()}
    press(qtbot, focus, Qt.Key.Key_A)  # a stray A: not apologies for anyone
    after = {a.person_id: a.status for a in window.controller.record.attendance.values()}
    assert after == before


def test_recording_goes_to_the_item_under_way_not_the_one_browsed(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    _take(window, "5")
    under_way = _take(window, "6")
    finished = _item(window, "5").id
    view.agenda.select_item(finished)  # the clerk looks back at item 5
    assert view.workspace.item_id == finished
    press(qtbot, window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    assert view.workspace.item_id == under_way
    assert view.agenda.current_item() == under_way
    assert "under way" in view.banner.text()
    named(dialog, "Mover").setCurrentIndex(named(dialog, "Mover").findData("mills"))
    named(dialog, "Wording").setPlainText("1. that the vision be endorsed.")
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    motion = window.controller.record.motions[max(window.controller.record.motions)]
    assert motion.item_id == under_way


def test_a_recorded_vote_of_n_members_takes_n_plus_three_keys(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    assert window.controller.perform(Move(item_id, "barnby", WORDING, seconder="bye"))
    view.agenda.select_item(item_id)
    view.workspace.show_tab(MOTIONS_TAB)  # where the moved motion leaves the clerk
    voters = eligible_voters(window.controller.record, window.controller.record.items[item_id])
    keys: list[tuple[Qt.Key, Qt.KeyboardModifier]] = [
        (Qt.Key.Key_V, CTRL_SHIFT),  # the vote panel
        (Qt.Key.Key_R, ALT),  # a recorded vote
        *[(Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier)] * (len(voters) - 1),
        (Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier),  # the last one against
        (Qt.Key.Key_Return, CTRL),  # record it
    ]
    panel = view.workspace.vote_panel
    for key, modifier in keys:
        target = QApplication.focusWidget() or window
        press(qtbot, target, key, modifier)
        if modifier == ALT:  # a mnemonic clicks its button as a short animation: let it end
            qtbot.waitUntil(lambda: panel.method() is VoteMethod.RECORDED)
    assert len(keys) == len(voters) + 3
    votes = list(window.controller.record.votes.values())
    assert len(votes) == 1, view.workspace.vote_panel.message.text()
    vote = votes[0]
    assert vote.method is VoteMethod.RECORDED
    assert (vote.yes, vote.no) == (len(voters) - 1, 1)
    assert sum(c.option is VoteOption.YES for c in vote.choices) == len(voters) - 1
    assert window.controller.record.motions[1].outcome is MotionOutcome.CARRIED


def test_dialogs_start_on_their_first_field_and_find_a_member_by_surname(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    _take(window, "6")
    press(qtbot, window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    mover = named(dialog, "Mover")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is mover)
    assert mover.hasFocus()
    qtbot.keyClicks(mover, "dunb")  # "Councillor Douglas-Dunbar" by the surname
    assert mover.currentData() == "douglas-dunbar"
    press(qtbot, mover, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # Closed: the keyboard is back on the item's work (the motions), not the attendance.
    focus = window.focusWidget()
    assert focus is not None and view.workspace.isAncestorOf(focus)


def test_a_second_resolution_on_a_resolved_item_is_asked(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "4")
    controller = window.controller
    assert controller.perform(Resolve(item_id, (Part("to note the report."),))) is not None
    view.agenda.select_item(item_id)
    workspace = view.workspace
    workspace.do_resolve()
    editor = workspace.resolution_editor
    assert editor.resolution_text.toPlainText() == ""  # no second resolution invited
    editor.resolution_text.setPlainText("1. to thank the officers.")
    editor.record_resolution()
    qtbot.waitUntil(lambda: editor.question is not None and editor.question.isVisible())
    editor.question.button(QMessageBox.StandardButton.No).click()
    assert len(controller.record.for_item("resolutions", item_id)) == 1
    editor.record_resolution()
    qtbot.waitUntil(lambda: editor.question.isVisible())
    editor.question.button(QMessageBox.StandardButton.Yes).click()
    assert len(controller.record.for_item("resolutions", item_id)) == 2


def test_each_widget_handles_exactly_the_commands_of_its_scope(sqlite_demo, make_window):
    window: MainWindow = make_window(sqlite_demo)
    view = window.open_meeting(2)
    handled = set(window.handlers) | {c for scope in view.handlers.values() for c in scope}
    assert handled == set(window.actions) - {"take_to_laptop", "bring_back", "break_checkout"}
    with pytest.raises(LookupError):
        bind("item", {"vote": lambda: None})


def _shown_as_rebuilt(view) -> None:
    """Every panel shows what a full rebuild from the record would show."""
    from clerk.ui.models.agenda import agenda_rows
    from clerk.ui.models.attendance import attendance_rows
    from clerk.ui.models.business import action_rows, declaration_rows, motion_rows
    from clerk.ui.models.proceedings import sequence_rows

    record = view.controller.record
    workspace = view.workspace
    item_id = workspace.item_id
    assert view.agenda.model.rows == agenda_rows(record)
    assert view.attendance.model.rows == attendance_rows(record, item_id)
    assert workspace.paragraphs_model.rows == sequence_rows(record, item_id)
    assert workspace.declarations_model.rows == declaration_rows(record, item_id)
    assert workspace.motions_model.rows == motion_rows(record, item_id)
    assert workspace.actions_model.rows == action_rows(record, item_id)


def test_updating_only_what_changed_shows_what_a_full_refresh_would(sqlite_demo, make_window):
    from clerk.domain.actions.attendance import Leave
    from clerk.domain.actions.declarations import Declare
    from clerk.domain.actions.paragraphs import AddParagraph
    from clerk.domain.actions.tracker import AddAction
    from clerk.domain.enums import InterestKind

    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    controller = window.controller
    for person in MEMBERS:
        controller.perform(Present(person))
        _shown_as_rebuilt(view)
    controller.perform(StartMeeting(at=time(9, 30)))
    _shown_as_rebuilt(view)
    item = _item(window, "6")
    later = _item(window, "7")
    steps = [
        OpenItem(item.id),
        AddParagraph(item.id, "The Director introduced the vision."),
        Declare(person="douglas-dunbar", item=item.id, interest=InterestKind.DISCLOSABLE_PECUNIARY),
        Move(item.id, "barnby", WORDING, seconder="bye"),
        Vote(1, VoteMethod.SHOW_OF_HANDS, yes=3, no=0),
        Resolve(item.id, motion=1),
        AddAction(item.id, Part("to write to schools."), owner="Director"),
        Leave("mills"),
        Declare(person="bye", item=later.id, interest=InterestKind.NON_PECUNIARY),  # another item
    ]
    for action in steps:
        assert controller.perform(action) is not None, action
        _shown_as_rebuilt(view)
    for _ in range(4):
        controller.undo()
        _shown_as_rebuilt(view)
    controller.redo()
    _shown_as_rebuilt(view)
    view.agenda.select_item(later.id)  # browsing another item shows it whole
    _shown_as_rebuilt(view)


def test_the_vote_button_is_greyed_while_the_vote_panel_is_open(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    assert window.controller.perform(Move(item_id, "barnby", WORDING, seconder="bye"))
    vote = view.workspace.motions_tab.buttons["vote"]
    assert vote.isEnabled()
    press(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)
    assert view.workspace.vote_panel.isVisible() and not vote.isEnabled()
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not view.workspace.vote_panel.isVisible() and vote.isEnabled()


def test_a_member_picker_finds_the_surname_first(qtbot) -> None:
    from clerk.ui.live.pickers import person_picker

    picker = person_picker(
        [
            ("(not yet seconded)", None),
            ("Councillor Steve Darling", "steve-darling"),
            ("Councillor Bye", "bye"),
            ("Councillor Mandy Darling", "mandy-darling"),
            ("Councillor Douglas-Dunbar", "douglas-dunbar"),
            ("Laura Colman", "laura-colman"),
        ]
    )
    qtbot.addWidget(picker)
    assert picker.find_person("by") == 2  # a plain list would look for "Councillor..."
    assert picker.find_person("darl") == 1  # the first of two Darlings
    assert picker.find_person("mandy d") == 3
    assert picker.find_person("dunb") == 4  # a part of a double-barrelled name
    assert picker.find_person("laura") == 5  # a forename, when no surname starts so
    assert picker.find_person("zz") == -1
    qtbot.keyClicks(picker, "col")
    assert picker.currentData() == "laura-colman"


def test_a_dialog_quoting_the_motion_starts_on_its_first_field_to_fill(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    item_id = _take(window, "6")
    assert window.controller.perform(Move(item_id, "barnby", WORDING, seconder="bye"))
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # an amendment: the motion is quoted first
    dialog = open_dialog(qtbot, view.workspace)
    quoted = named(dialog, "Motion as it stands")
    assert quoted.isReadOnly()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is named(dialog, "Mover"))
    assert QApplication.focusWidget().focusPolicy() != Qt.FocusPolicy.NoFocus


def test_the_substitute_picker_finds_a_surname_and_the_roll_call_goes_on_in_the_list(
    qtbot, sqlite_demo, make_window
):
    from clerk.domain.enums import AttendanceStatus
    from clerk.ui.live.tables import select_key

    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    people = view.attendance.view
    press(qtbot, window, Qt.Key.Key_3, CTRL)  # the roll call, in the attendance list
    select_key(people, "mandy-darling")
    press(qtbot, people, Qt.Key.Key_S)
    dialog = open_dialog(qtbot, view.attendance)
    picker = named(dialog, "Substitute")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker)
    assert picker.currentData() != "steve-darling"
    qtbot.keyClicks(picker, "darl")  # "Councillor Steve Darling" by the surname
    assert picker.currentData() == "steve-darling"
    press(qtbot, picker, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    attendance = {a.person_id: a for a in window.controller.record.attendance.values()}
    assert attendance["steve-darling"].status is AttendanceStatus.SUBSTITUTE
    # Opened from the list, closed back to the list: the clerk marks the next person.
    assert window.focusWidget() is people


def test_an_attendance_dialog_opened_while_minuting_gives_the_keyboard_back_to_the_minutes(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _started(window)
    view.agenda.select_item(_take(window, "6"))
    view.workspace.show_tab(MINUTES_TAB)
    assert QApplication.focusWidget() is view.workspace.editor
    window.actions["add_attendee"].trigger()  # the Attendance menu, or the button under the list
    dialog = open_dialog(qtbot, view.attendance)
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # Back on the minutes, as after every other dialog: not the list, where a stray P or A
    # would record attendance.
    assert window.focusWidget() is view.workspace.editor
