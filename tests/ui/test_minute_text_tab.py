"""The minute-text tab shows the item's proceedings in order and moves paragraphs among them."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QModelIndex, Qt

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Vote
from clerk.domain.actions.paragraphs import AddParagraph
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import Part
from clerk.domain.enums import VoteMethod
from clerk.domain.rules.proceedings import EntryKind, item_proceedings
from tests.ui.test_live_controls import press

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _under_way(window) -> int:
    """Item 6 (Family Friendly Vision) taken, a motion moved and carried, text before it."""
    controller = window.controller
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"):
        controller.perform(Present(person))
    controller.perform(StartMeeting(at=time(9, 30)))
    item = next(i for i in controller.record.agenda() if i.number == "6")
    controller.perform(OpenItem(item.id))
    controller.perform(AddParagraph(item.id, "The Director introduced the vision."))
    controller.perform(Move(item.id, "barnby", (Part("to welcome the vision."),), seconder="bye"))
    controller.perform(Vote(1, VoteMethod.SHOW_OF_HANDS, yes=4, no=1))
    return item.id


def _texts(workspace) -> list[str]:
    return [row.text for row in workspace.minute_text.model.rows]


def test_the_tab_lists_the_motion_and_vote_in_place_and_keys_move_a_paragraph(
    qtbot, sqlite_demo, make_window, clock
):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    item_id = _under_way(window)
    workspace = view.workspace
    workspace.show_tab(0)
    workspace.editor.setPlainText("As a result of the vote, the Director would write to schools.")
    press(qtbot, workspace.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = workspace.minute_text.model.rows
    assert [r.kind for r in rows] == [
        EntryKind.PARAGRAPH,
        EntryKind.MOTION,
        EntryKind.VOTE,
        EntryKind.PARAGRAPH,
    ]
    assert rows[1].text == (
        "Councillor Barnby proposed and Councillor Bye seconded a motion as follows:\n"
        "to welcome the vision."
    )
    assert (
        rows[2].text
        == "On being put to the vote, the motion was declared carried (For: 4; Against: 1)."
    )
    assert rows[1].tag == "Motion 1" and not rows[1].movable and rows[3].movable

    list_view = workspace.minute_text.view
    list_view.setCurrentIndex(workspace.minute_text.model.index(3, 0))
    list_view.setFocus()
    press(qtbot, list_view, Qt.Key.Key_Up, ALT)
    kinds = [e.kind for e in item_proceedings(window.controller.record, item_id)]
    assert kinds == [EntryKind.PARAGRAPH, EntryKind.MOTION, EntryKind.PARAGRAPH, EntryKind.VOTE]
    # The moved paragraph stays selected, so the key can be pressed again.
    assert workspace.minute_text.selected().text.startswith("As a result of the vote")
    press(qtbot, list_view, Qt.Key.Key_Up, ALT)
    press(qtbot, list_view, Qt.Key.Key_Up, ALT)
    assert _texts(workspace)[0].startswith("As a result of the vote")
    press(qtbot, list_view, Qt.Key.Key_Up, ALT)  # already first: refused, nothing moves
    assert window.statusBar().currentMessage().startswith("Paragraph 2 is already first")
    assert _texts(workspace)[0].startswith("As a result of the vote")
    press(qtbot, list_view, Qt.Key.Key_Down, ALT)
    assert _texts(workspace)[1].startswith("As a result of the vote")
    window.controller.undo()
    assert _texts(workspace)[0].startswith("As a result of the vote")


def test_a_paragraph_dragged_below_the_vote_is_moved_there(qtbot, sqlite_demo, make_window, clock):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    item_id = _under_way(window)
    model = view.workspace.minute_text.model
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # the motion
    data = model.mimeData([model.index(0, 0)])
    with qtbot.waitSignal(model.move_requested) as moved:
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert moved.args == [1, 2]
    kinds = [e.kind for e in item_proceedings(window.controller.record, item_id)]
    assert kinds == [EntryKind.MOTION, EntryKind.VOTE, EntryKind.PARAGRAPH]
    # Dragging a step (the vote) carries nothing to drop.
    assert not model.mimeData([model.index(1, 0)]).formats()


def test_steps_cannot_be_edited_or_moved_as_paragraphs(qtbot, sqlite_demo, make_window, clock):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    _under_way(window)
    tab = view.workspace.minute_text
    tab.view.setCurrentIndex(tab.model.index(1, 0))  # the motion
    tab.edit_selected()
    assert window.statusBar().currentMessage() == "Select a paragraph of minute text to edit."
    tab.move_selected(1)
    assert window.statusBar().currentMessage() == "Select a paragraph of minute text to move."


def test_minutes_confirmed_subject_to_the_amendment_moved_on_the_minutes_item(
    qtbot, sqlite_demo, make_window, clock
):
    from datetime import date

    from clerk.services import signoff
    from tests.ui.conftest import named, open_dialog

    signoff.circulate(sqlite_demo, 1, on=date(2021, 8, 19))
    signoff.approve(sqlite_demo, 1, on=date(2021, 8, 23))
    clock.moment = clock.moment.replace(month=9, day=20, hour=9, minute=35)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    controller = window.controller
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar"):
        controller.perform(Present(person))
    controller.perform(StartMeeting(at=time(9, 30)))
    minutes = next(i for i in controller.record.agenda() if i.number == "2")
    controller.perform(OpenItem(minutes.id))
    wording = Part("That Minute 16 record that the Strategy returns in the spring.")
    controller.perform(Move(minutes.id, "barnby", (wording,), seconder="bye"))
    controller.perform(Vote(1, VoteMethod.ASSENT))
    view.workspace.show_item(minutes.id)
    view.workspace.do_confirm_minutes()
    dialog = open_dialog(qtbot, view.workspace)
    assert named(dialog, "Subject to").currentData() == 1  # the motion just carried
    dialog.accept()
    assert [row.kind for row in view.workspace.minute_text.model.rows] == [
        EntryKind.MOTION,
        EntryKind.VOTE,
        EntryKind.PARAGRAPH,
    ]
    assert view.workspace.minute_text.model.rows[-1].text == (
        "The Minutes of the meeting of the Board held on 18 August 2021 were confirmed as a "
        "correct record, subject to the amendment set out above, and signed by the Chairman."
    )


def test_minutes_confirmed_on_a_motion_that_is_the_confirmation_itself(
    qtbot, sqlite_demo, make_window, clock
):
    from datetime import date

    from clerk.services import signoff
    from tests.ui.conftest import named, open_dialog

    signoff.circulate(sqlite_demo, 1, on=date(2021, 8, 19))
    signoff.approve(sqlite_demo, 1, on=date(2021, 8, 23))
    clock.moment = clock.moment.replace(month=9, day=20, hour=9, minute=35)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    controller = window.controller
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar"):
        controller.perform(Present(person))
    controller.perform(StartMeeting(at=time(9, 30)))
    minutes = next(i for i in controller.record.agenda() if i.number == "2")
    controller.perform(OpenItem(minutes.id))
    wording = Part("That the minutes of the meeting held on 18 August 2021 be confirmed.")
    controller.perform(Move(minutes.id, "barnby", (wording,), seconder="bye"))
    controller.perform(Vote(1, VoteMethod.ASSENT))
    view.workspace.show_item(minutes.id)
    view.workspace.do_confirm_minutes()
    dialog = open_dialog(qtbot, view.workspace)
    confirming = named(dialog, "Confirmed on motion")
    assert confirming.currentData() is None
    confirming.setCurrentIndex(confirming.findData(1))
    dialog.accept()
    assert controller.record.motions[1].confirms_minutes
    assert controller.record.items[minutes.id].confirms_meeting == "2021-08-18"
    # The Board names movers only when contested: the plain confirmation, nothing "subject to".
    assert view.workspace.minute_text.model.rows[-1].text == (
        "The Minutes of the meeting of the Board held on 18 August 2021 were confirmed as a "
        "correct record and signed by the Chairman."
    )


def test_minute_text_not_yet_added_is_kept_as_a_draft_for_its_item(
    qtbot, sqlite_demo, make_window, clock
):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    six = _under_way(window)
    workspace = view.workspace
    record = window.controller.record
    workspace.show_tab(0)
    qtbot.keyClicks(workspace.editor, "The Director would write to schools.")
    press(qtbot, workspace.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    seven = record.meeting.current_item_id
    assert seven != six and workspace.item_id == seven
    assert workspace.editor.toPlainText() == ""  # the next item's box starts empty
    qtbot.keyClicks(workspace.editor, "Members asked about the budget.")

    press(qtbot, workspace.editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert workspace.item_id == six
    assert workspace.editor.toPlainText() == "The Director would write to schools."

    view.agenda.select_item(seven)  # opening another item in the agenda keeps it too
    assert workspace.editor.toPlainText() == "Members asked about the budget."
    view.agenda.select_item(six)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # take it again
    assert workspace.editor.toPlainText() == "The Director would write to schools."
    workspace.editor.setFocus()
    press(qtbot, workspace.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [p.text for p in record.paragraphs_for(six)][-1] == (
        "The Director would write to schools."
    )
    assert workspace.editor.toPlainText() == ""
    view.agenda.select_item(seven)
    view.agenda.select_item(six)  # added: no draft comes back
    assert workspace.editor.toPlainText() == ""
    view.agenda.select_item(seven)
    assert workspace.editor.toPlainText() == "Members asked about the budget."


def test_a_paragraph_being_edited_is_kept_as_an_edit(qtbot, sqlite_demo, make_window, clock):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    six = _under_way(window)
    workspace = view.workspace
    tab = workspace.minute_text
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.edit_selected()
    workspace.editor.setPlainText("The Director introduced the vision to the Board.")
    other = next(i.id for i in window.controller.record.agenda() if i.id != six)
    view.agenda.select_item(other)
    assert workspace.editor.toPlainText() == ""
    view.agenda.select_item(six)
    assert workspace.add_paragraph_button.text() == "Save change  Ctrl+Return"
    tab.add_paragraph()
    texts = [p.text for p in window.controller.record.paragraphs_for(six)]
    assert texts == ["The Director introduced the vision to the Board."]


def test_ctrl_z_in_an_empty_minute_box_undoes_the_meeting_and_the_box_keeps_its_own(
    qtbot, sqlite_demo, make_window, clock
):
    from clerk.domain.enums import MotionOutcome

    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    six = _under_way(window)
    controller = window.controller
    editor = view.workspace.editor
    view.workspace.show_tab(0)
    assert editor.hasFocus() and editor.toPlainText() == ""
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # nothing of its own to undo: the meeting's
    assert controller.record.motion(1).outcome is MotionOutcome.PENDING  # the vote undone
    press(qtbot, editor, Qt.Key.Key_Z, CTRL_SHIFT)  # and redone from the box
    assert controller.record.motion(1).outcome is MotionOutcome.CARRIED

    qtbot.keyClicks(editor, "Typed here")
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # the box's own typing: the box undoes it
    assert editor.toPlainText() == ""
    assert controller.record.motion(1).outcome is MotionOutcome.CARRIED
    press(qtbot, editor, Qt.Key.Key_Z, CTRL_SHIFT)  # and redoes it
    assert editor.toPlainText() == "Typed here"
    assert controller.record.motion(1).outcome is MotionOutcome.CARRIED

    press(qtbot, editor, Qt.Key.Key_Return, CTRL)  # added: the box starts afresh
    assert len(controller.record.paragraphs_for(six)) == 2
    press(qtbot, editor, Qt.Key.Key_Z, CTRL)  # so Ctrl+Z undoes adding the paragraph
    assert len(controller.record.paragraphs_for(six)) == 1
    assert controller.record.motion(1).outcome is MotionOutcome.CARRIED


def test_drafts_are_kept_when_the_clerk_goes_home_and_opens_the_meeting_again(
    qtbot, sqlite_demo, make_window, clock
):
    clock.moment = clock.moment.replace(month=9, day=20, hour=10)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    six = _under_way(window)
    other = next(i.id for i in window.controller.record.agenda() if i.id != six)
    view.agenda.select_item(other)
    view.workspace.editor.setPlainText("A draft on another item.")
    view.agenda.select_item(six)
    view.workspace.editor.setPlainText("A draft on the item under way.")
    window.run_command("home")
    view = window.open_meeting(2)
    assert view.workspace.item_id == six
    assert view.workspace.editor.toPlainText() == "A draft on the item under way."
    view.agenda.select_item(other)
    assert view.workspace.editor.toPlainText() == "A draft on another item."
