"""The procedural controls, late arrivals and early departures, declarations and amendments,
each through the window and stamped by its clock."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from clerk.domain.actions.agenda import EditItem
from clerk.domain.actions.declarations import dispensation_for_all
from clerk.domain.enums import EventKind, InterestConduct, MeetingStatus, MotionOutcome, Movement
from clerk.domain.rules.presence import item_presiding
from clerk.ui.live.tables import select_key
from tests.ui.conftest import named, open_dialog, take_next

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def visible_buttons(view) -> list[str]:
    return [k for k, b in view.header.buttons.items() if b.isVisibleTo(view.header)]


def test_the_meeting_course_from_start_to_close(qtbot, sqlite_demo, make_window, clock):
    clock.moment = clock.moment.replace(month=9, day=20, hour=9, minute=30)
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    record = window.controller.record
    assert visible_buttons(view) == ["start"]
    assert view.header.quorum.objectName() == "quorumPending"
    for person in ("bye", "barnby"):
        view.attendance.select_person(person)
        view.attendance.do_present()
    press(qtbot, window, Qt.Key.Key_F5)
    assert record.meeting.started_at == time(9, 30)
    assert view.header.quorum.objectName() == "inquorate"
    assert view.header.quorum.text().startswith("INQUORATE: adjourn (F6)?")
    assert visible_buttons(view) == ["adjourn", "exclude_public", "close_meeting"]

    clock.set(9, 40)
    view.attendance.select_person("mills")
    press(qtbot, view.attendance.view, Qt.Key.Key_I)  # Councillor Mills arrives late
    arrival = list(record.movements_of("mills"))
    assert [(m.movement, m.at) for m in arrival] == [(Movement.ARRIVED, time(9, 40))]
    assert view.header.quorum.objectName() == "quorate"

    clock.set(9, 45)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)
    clock.set(11, 5)
    press(qtbot, window, Qt.Key.Key_F6)
    assert record.meeting.status is MeetingStatus.ADJOURNED
    assert visible_buttons(view) == ["resume", "close_meeting"]
    clock.set(11, 20)
    press(qtbot, window, Qt.Key.Key_F6, SHIFT)
    assert record.meeting.status is MeetingStatus.IN_PROGRESS

    window.controller.submit(EditItem(item=7, exempt_paragraph=1))  # the agenda marks it exempt
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = open_dialog(qtbot, view)
    items = named(dialog, "For item")
    items.setCurrentIndex(items.findData(7))
    paragraphs = named(dialog, "Schedule 12A paragraph")
    paragraphs.setCurrentIndex(paragraphs.findData(1))
    dialog.accept()
    assert record.meeting.public_excluded
    assert "PRESS AND PUBLIC EXCLUDED" in view.header.state.text()
    assert visible_buttons(view) == ["adjourn", "readmit_public", "close_meeting"]
    press(qtbot, window, Qt.Key.Key_F7, SHIFT)
    assert not record.meeting.public_excluded

    view.attendance.select_person("barnby")
    clock.set(12, 10)
    press(qtbot, view.attendance.view, Qt.Key.Key_L)
    row = view.attendance.model.rows[view.attendance.model.row_of("barnby")]
    assert row.status == "Left 12.10 pm (Minute 18)" and not row.present

    clock.set(12, 40)
    press(qtbot, window, Qt.Key.Key_F8)
    assert record.meeting.status is MeetingStatus.CLOSED
    assert record.meeting.ended_at == time(12, 40)
    kinds = [e.kind for e in sorted(record.events.values(), key=lambda e: e.id)]
    assert kinds == [
        EventKind.STARTED,
        EventKind.ADJOURNED,
        EventKind.RESUMED,
        EventKind.PUBLIC_EXCLUDED,
        EventKind.PUBLIC_READMITTED,
        EventKind.CLOSED,
    ]
    assert visible_buttons(view) == []


def test_declarations_and_amendments_through_the_item(qtbot, sqlite_demo, make_window, clock):
    from clerk.ui.screenshot import stage_september_vote

    meeting_id = stage_september_vote(sqlite_demo)
    window = make_window(sqlite_demo)
    view = window.open_meeting(meeting_id)
    record = window.controller.record
    item = record.current_item()

    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    who = named(dialog, "Member")
    who.setCurrentIndex(who.findData("mandy-darling"))
    kind = named(dialog, "Interest")
    assert [kind.itemText(i) for i in range(kind.count())] == [
        "Disclosable pecuniary",
        "Non-pecuniary",
        "Predetermination",
        "A statement, not an interest",
    ]  # Torbay's older code of conduct
    assert kind.currentText() == "Non-pecuniary"
    kind.setCurrentIndex(0)
    qtbot.keyClicks(named(dialog, "Nature"), "a foster carer")
    dialog.accept()
    assert not dialog.isVisible()
    declaration = record.declarations[1]
    assert declaration.conduct is InterestConduct.LEFT  # a DPI withdraws the member
    assert view.workspace.declarations_model.rows[0].conduct == "Left the meeting for the item"

    # an amendment, then the motion as it stands
    view.workspace.vote_panel.close_panel()
    select_key(view.workspace.motions, 1)
    press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    mover = named(dialog, "Mover")
    assert mover.findData("mandy-darling") < 0  # withdrawn: cannot move anything
    mover.setCurrentIndex(mover.findData("douglas-dunbar"))
    op = named(dialog, "Change")
    op.setCurrentIndex(op.findText("Replace a part"))
    qtbot.keyClicks(named(dialog, "Part"), "2")
    named(dialog, "New wording").setPlainText("that agency staff be offered permanent posts;")
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    assert record.motions[2].amends_id == 1
    press(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)  # the amendment is voted on first
    panel = view.workspace.vote_panel
    assert panel.motion_id == 2
    panel.spins["yes"].setValue(3)
    panel.spins["no"].setValue(1)
    panel.record_vote()
    assert record.motions[2].outcome is MotionOutcome.CARRIED
    assert "2. that agency staff be offered permanent posts;" in view.workspace.substantive.text()
    press(qtbot, window, Qt.Key.Key_W, CTRL_SHIFT)
    assert record.motions[1].outcome is MotionOutcome.WITHDRAWN
    assert item.id == record.current_item().id


def test_a_declaration_under_the_declarations_item_is_for_a_later_item(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    controller = window.controller
    view.attendance.select_person("bye")
    view.attendance.do_present()
    window.run_command("start")
    take_next(window, 3)
    assert controller.record.current_item().title == "Declarations of Interest"
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    on_item = named(dialog, "In item")
    assert on_item.currentData() == 5  # the first business item after this one
    on_item.setCurrentIndex(on_item.findData(7))
    qtbot.keyClicks(named(dialog, "Nature"), "a trustee of a children's charity")
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    declaration = controller.record.declarations[1]
    assert (declaration.person_id, declaration.item_id) == ("bye", 7)
    assert declaration.conduct is InterestConduct.STAYED  # non-pecuniary: may stay and vote


def test_a_member_may_be_recorded_as_staying_but_taking_no_part(qtbot, sqlite_demo, make_window):
    from clerk.domain.rules.eligibility import ineligibility_reason

    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    controller = window.controller
    view.attendance.select_person("bye")
    view.attendance.do_present()
    window.run_command("start")
    take_next(window, 3)
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    conduct = named(dialog, "Conduct")
    choice = conduct.findData(InterestConduct.TOOK_NO_PART)
    assert conduct.itemText(choice) == "Stayed, took no part in debate or vote"
    conduct.setCurrentIndex(choice)
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    declaration = controller.record.declarations[1]
    assert declaration.conduct is InterestConduct.TOOK_NO_PART
    item = controller.record.items[declaration.item_id]
    assert ineligibility_reason(controller.record, "bye", item) is not None


def test_the_vice_chair_takes_the_chair_for_an_item_and_the_chair_resumes_it(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    record = window.controller.record
    for person in ("bye", "barnby", "mills"):
        view.attendance.select_person(person)
        view.attendance.do_present()
    window.run_command("start")
    take_next(window, 4)
    item = record.current_item()
    view.do_presiding()
    dialog = open_dialog(qtbot, view)
    assert not named(dialog, "The Chair resumes").isEnabled()  # nobody has taken it yet
    who = named(dialog, "Presiding")
    who.setCurrentIndex(who.findData("barnby"))
    dialog.findChild(QCheckBox).setChecked(True)  # for the item under way only
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    assert item_presiding(record, item.id) == "barnby"

    view.do_presiding()
    dialog = open_dialog(qtbot, view)
    resumes = named(dialog, "The Chair resumes")
    assert resumes.isEnabled()
    resumes.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    assert item_presiding(record, item.id) is None
    assert [e.kind for e in record.events.values()][-1] is EventKind.CHAIR_RESUMED


def test_a_dispensation_for_all_members_is_recorded_from_the_declaration_dialog(
    qtbot, sqlite_demo, make_window
):
    window = make_window(sqlite_demo)
    view = window.open_meeting(2)
    record = window.controller.record
    view.attendance.select_person("bye")
    view.attendance.do_present()
    window.run_command("start")
    take_next(window, 4)
    item = record.current_item()
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = open_dialog(qtbot, view.workspace)
    on_item = named(dialog, "In item")
    on_item.setCurrentIndex(on_item.findData(item.id))
    qtbot.keyClicks(named(dialog, "Dispensation ref."), "D/2021/7")
    named(dialog, "Dispensation for all members").setChecked(True)
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    dispensation = dispensation_for_all(record, item.id)
    assert dispensation is not None and "D/2021/7" in (dispensation.text or "")
    assert not record.declarations  # one statement, no member's declaration
