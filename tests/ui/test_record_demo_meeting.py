"""The whole demo meeting of 18 August 2021, recorded through the window's controls.

The record the window produces equals the one the demo's replay script produces (the
window's clock is set to the times the script states, so nothing needs to be ignored).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from clerk.domain.enums import ActionStatus
from clerk.services import catalogue
from clerk.services.demo import load_demo
from clerk.services.record_json import record_to_document
from clerk.services.recording import MeetingSession
from clerk.storage.database import open_database
from clerk.ui.live.tables import select_key
from tests.ui.conftest import named, open_dialog

PURPOSES = {
    "1": "To receive apologies for absence, including notifications of any changes to the "
    "membership of the Board.",
    "2": "To confirm as a correct record the Minutes of the meeting of the Board held on "
    "27 July 2021.",
    "4": "To consider any other items that the Chairman decides are urgent.",
}
CPS_PARAGRAPHS = [
    "Further to the Board's meeting on 27 July 2021 (Minute 10/7/21 refers), Members looked "
    "again at the Corporate Parenting Strategy in its final draft form, ahead of its "
    "presentation to the Cabinet on 24 August 2021. The draft now reflected the comments of "
    "the Corporate Parenting Board and the Foster Carer Forum.",
    "Members welcomed the changes made since they last saw the document and supported its "
    "tone, content and partnership approach for cared for and care experienced young people. "
    "The Director of Children's Services, Nancy Meehan, and the Leader of the Council, "
    "Councillor Steve Darling, reported on the Strategic Partnership Child Friendly Sub-Group "
    "and its four sub-groups, which would take forward work with businesses, the community and "
    "partner agencies to make Torbay a Child Friendly place.",
]
EXPLOITATION_PARAGRAPHS = [
    "The Exploitation Team Manager, Katie Buckley, presented an update on the criminal and "
    "sexual exploitation of children and young people in Torbay and on the support in place, "
    "with examples of how the multi-agency teams identified and worked with the young people "
    "and families affected.",
    "Members heard that 133 people were currently supported by the Exploitation Team and asked "
    "whether others were being exploited without the Council's knowledge. Recording had "
    "improved markedly over the last 18 months, and the new Liquid Logic system due in "
    "November 2021 would give better live access to information for the agencies involved.",
    "The Board was concerned about support for young people after their eighteenth birthday, "
    "when, unless they were cared for or care experienced, responsibility passed from "
    "Children's Services to Adult Services. The Leader of the Council, Councillor Steve "
    "Darling, praised recent training on exploitation and report writing and asked that it be "
    "offered to partner organisations, so that they understood the effect of the language "
    "used about young people.",
]
CPS_MOTION = """1. to approve the Corporate Parenting Strategy;
2. to recommend to Full Council that the Corporate Parenting Strategy become a Policy \
Framework document; and
3. that following engagement with children and young people a further updated Corporate \
Parenting Strategy be prepared for consideration by Council."""
EXPLOITATION_MOTION = """1. the Board to receive six monthly updates exploitation to include:
   a. reporting outcomes and challenges arising from the work of the Exploitation Team and \
multi-agency partnership; and
   b. hidden impacts of Covid-19 and what action has been taken to address this; and
2. the Democratic Services Team Leader to send a link to all Members to 'It was Hard to \
Escape' – The Child Safeguarding Practice Review Panel - It was hard to escape - report \
(publishing.service.gov.uk)."""


def key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the clerk would press it (its window active, as after a dialog)."""
    top = widget.window()
    if not top.isActiveWindow():  # the offscreen platform does not hand focus back itself
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def choose(box, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, f"{text!r} is not offered: {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


def submit(qtbot, dialog) -> None:
    """OK with the keyboard (Ctrl+Return), and check the dialog accepted it."""
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.message.text()


def dialog_of(qtbot, owner):
    return open_dialog(qtbot, owner)


def set_up_meeting(qtbot, window) -> None:
    window.actions["new_meeting"].trigger()
    dialog = dialog_of(qtbot, window)
    named(dialog, "Date").setDate(QDate(2021, 8, 18))
    qtbot.keyClicks(named(dialog, "Venue"), "Meadfoot Room - Town Hall")
    named(dialog, "First minute no.").setValue(14)
    submit(qtbot, dialog)
    view = window.meeting_view
    assert view is not None
    view.do_edit_agenda()
    editor = dialog_of(qtbot, view)
    for number, purpose in PURPOSES.items():
        item_id = next(i.id for i in view.controller.record.agenda() if i.number == number)
        select_key(editor.view, item_id)
        named(editor, "Edit the selected item").click()
        item = dialog_of(qtbot, editor)
        named(item, "Purpose").setPlainText(purpose)
        submit(qtbot, item)
    named(editor, "Add an item").click()
    item = dialog_of(qtbot, editor)
    assert named(item, "Number").text() == "5"
    qtbot.keyClicks(named(item, "Title"), "Corporate Parenting Strategy")
    named(item, "Purpose").setPlainText(
        "To consider the final draft Corporate Parenting Strategy before it goes to the "
        "Cabinet on 24 August 2021."
    )
    named(item, "Recommendations").setPlainText(
        "1. to approve the Corporate Parenting Strategy;\n2. to recommend to Full Council that "
        "the Corporate Parenting Strategy become a Policy Framework document; and"
    )
    submit(qtbot, item)
    named(editor, "Add an item").click()
    item = dialog_of(qtbot, editor)
    qtbot.keyClicks(named(item, "Title"), "Exploitation Update")
    named(item, "Purpose").setPlainText(
        "To receive a presentation on the criminal and sexual exploitation of children and "
        "young people in Torbay."
    )
    named(item, "Invited").setPlainText("Katie Buckley, Exploitation Team Manager")
    submit(qtbot, item)
    editor.reject()


def roll_call(qtbot, window) -> None:
    view = window.meeting_view
    people = view.attendance.view
    key(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # to the attendance
    assert people.hasFocus()
    select_key(people, "bye")
    key(qtbot, people, Qt.Key.Key_P)  # Bye, then the list moves on to Barnby
    key(qtbot, people, Qt.Key.Key_P)
    select_key(people, "douglas-dunbar")
    key(qtbot, people, Qt.Key.Key_P)
    key(qtbot, people, Qt.Key.Key_P)  # Loxton
    select_key(people, "mandy-darling")
    key(qtbot, people, Qt.Key.Key_S)
    substitute = dialog_of(qtbot, view.attendance)
    choose(named(substitute, "Substitute"), "Councillor Howgate")
    assert named(substitute, "Group").text() == "Liberal Democrat Group"
    submit(qtbot, substitute)
    select_key(people, "laura-colman")
    key(qtbot, people, Qt.Key.Key_P)
    key(qtbot, people, Qt.Key.Key_P)  # Brent Davison
    select_key(people, "tatiana-wilson")
    key(qtbot, people, Qt.Key.Key_A)
    select_key(people, "mike-cook")
    key(qtbot, people, Qt.Key.Key_A)
    key(qtbot, people, Qt.Key.Key_A)  # Jo Morrell
    key(qtbot, people, Qt.Key.Key_Insert)
    also = dialog_of(qtbot, view.attendance)
    choose(named(also, "Person"), "Councillor Steve Darling")
    choose(named(also, "Attending as"), "Also in attendance (not voting)")
    qtbot.keyClicks(named(also, "Capacity"), "Cabinet Member")
    qtbot.keyClicks(named(also, "Representing"), "Councillor Law")
    submit(qtbot, also)
    for officer in (
        "Nancy Meehan — Director of Children's Services",
        "Katie Buckley — Exploitation Team Manager",
    ):
        key(qtbot, people, Qt.Key.Key_Insert)
        dialog = dialog_of(qtbot, view.attendance)
        choose(named(dialog, "Person"), officer)
        assert named(dialog, "Attending as").currentData() == "officer"
        submit(qtbot, dialog)


def write_paragraphs(qtbot, window, paragraphs: list[str]) -> None:
    workspace = window.meeting_view.workspace
    key(
        qtbot,
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert workspace.editor.hasFocus()
    for text in paragraphs:
        workspace.editor.setPlainText(text)
        key(qtbot, workspace.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert workspace.editor.toPlainText() == ""


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def move_and_carry(qtbot, window, mover: str, seconder: str, preamble: str, wording: str):
    view = window.meeting_view
    workspace = view.workspace
    key(qtbot, window, Qt.Key.Key_M, CTRL_SHIFT)
    motion = dialog_of(qtbot, workspace)
    choose(named(motion, "Mover"), mover)
    choose(named(motion, "Seconder"), seconder)
    if preamble:
        qtbot.keyClicks(named(motion, "Preamble"), preamble)
    named(motion, "Wording").setPlainText(wording)
    submit(qtbot, motion)
    key(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)
    panel = workspace.vote_panel
    assert panel.isVisible()
    key(qtbot, panel.spins["yes"], Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # All for
    qtbot.waitUntil(lambda: panel.spins["yes"].value() == 5)  # a mnemonic animates the click
    assert "unanimous" in panel.outcome.text()
    key(qtbot, panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not panel.isVisible()
    # the resolution editor, pre-filled from the motion as carried, offers "unanimously"
    assert workspace.tabs.currentIndex() == 3
    assert workspace.unanimous.isEnabled() and workspace.unanimous.isChecked()
    assert workspace.resolution_text.toPlainText() == wording
    before = len(view.controller.record.resolutions)
    key(qtbot, workspace.resolution_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(view.controller.record.resolutions) == before + 1


def add_action_from_resolution(qtbot, window, part: int, owner: str) -> None:
    workspace = window.meeting_view.workspace
    key(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = dialog_of(qtbot, workspace)
    named(dialog, "From").setCurrentIndex(part)
    qtbot.keyClicks(named(dialog, "Owner"), owner)
    submit(qtbot, dialog)


def update_action(qtbot, window, action_id: int, status: str, comment: str, on: date) -> None:
    workspace = window.meeting_view.workspace
    select_key(workspace.actions, action_id)
    key(qtbot, window, Qt.Key.Key_U, CTRL_SHIFT)
    dialog = dialog_of(qtbot, workspace)
    choose(named(dialog, "Status"), status)
    named(dialog, "Comment").setText(comment)  # QTest cannot type the en dash
    named(dialog, "Date").setDate(QDate(on.year, on.month, on.day))
    submit(qtbot, dialog)


def test_the_18_august_meeting_recorded_through_the_window_equals_the_replayed_one(
    qtbot, make_window, torbay, clock, tmp_path
):
    window = make_window(torbay)
    set_up_meeting(qtbot, window)
    roll_call(qtbot, window)
    view = window.meeting_view
    record = view.controller.record

    clock.set(9, 30)
    key(qtbot, window, Qt.Key.Key_F5)  # start
    key(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # Apologies
    clock.set(9, 32)
    key(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # Minutes
    assert record.current_item().title == "Minutes"
    key(qtbot, window, Qt.Key.Key_C, CTRL_SHIFT)
    confirm = dialog_of(qtbot, view.workspace)
    named(confirm, "Meeting held on").setDate(QDate(2021, 7, 27))
    submit(qtbot, confirm)

    clock.set(9, 34)
    key(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.agenda.view.hasFocus()
    view.agenda.select_item(next(i.id for i in record.agenda() if i.number == "5"))
    key(qtbot, view.agenda.view, Qt.Key.Key_Return)  # Enter takes the selected item
    assert record.current_item().minute_number == 16
    write_paragraphs(qtbot, window, CPS_PARAGRAPHS)
    move_and_carry(
        qtbot,
        window,
        "Councillor Barnby",
        "Councillor Douglas-Dunbar",
        "That the Cabinet be recommended:",
        CPS_MOTION,
    )

    clock.set(10, 5)
    key(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert record.current_item().title == "Exploitation Update"
    write_paragraphs(qtbot, window, EXPLOITATION_PARAGRAPHS)
    move_and_carry(
        qtbot, window, "Councillor Loxton", "Councillor Howgate", "", EXPLOITATION_MOTION
    )
    add_action_from_resolution(qtbot, window, 1, "Democratic Services Team Leader")
    add_action_from_resolution(qtbot, window, 2, "Democratic Services Team Leader")

    clock.set(11, 40)
    key(qtbot, window, Qt.Key.Key_F8)  # close
    update_action(qtbot, window, 1, "In progress", "Added to work programme.", date(2021, 8, 19))
    update_action(qtbot, window, 2, "Complete", "Complete – emailed 20/8/21", date(2021, 8, 20))
    assert record.actions[2].status is ActionStatus.COMPLETE

    replayed = open_database(str(tmp_path / "replayed.sqlite3"))
    load_demo(replayed)
    demo_id = next(
        m.id for m in catalogue.meetings(replayed) if m.meeting.date == date(2021, 8, 18)
    )
    expected = record_to_document(MeetingSession(replayed, demo_id).record)
    # what the window committed, read back from the database
    actual = record_to_document(MeetingSession(torbay, view.controller.meeting_id).record)
    for section in expected:
        assert actual[section] == expected[section], section
    assert actual == expected
    replayed.dispose()
