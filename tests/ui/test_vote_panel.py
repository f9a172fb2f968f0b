"""The vote panel: impossible counts and ineligible voters refused with the domain's reason,
the casting vote on a tie, "unanimously" offered only when true, a budget meeting's grid."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clerk.domain.actions.declarations import Declare
from clerk.domain.enums import InterestKind, MeetingKind, VoteMethod, VoteOption
from clerk.services import catalogue, setup
from clerk.ui.live.tables import select_key
from clerk.ui.models.votes import VoteGridModel
from clerk.ui.screenshot import stage_september_vote


@pytest.fixture
def september(sqlite_demo, make_window):
    """The 20 September demo meeting under way with motion 1 on item 7 awaiting its vote."""
    meeting_id = stage_september_vote(sqlite_demo)
    window = make_window(sqlite_demo)
    window.open_meeting(meeting_id)
    return window


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def test_the_vote_is_open_where_the_meeting_left_it(september):
    panel = september.meeting_view.workspace.vote_panel
    assert panel.isVisible() and panel.motion_id == 1
    assert "Eligible to vote (5): Bye, Barnby, Mandy Darling, Douglas-Dunbar and Mills." in (
        panel.eligible.text()
    )
    assert "Laura Colman votes on education items only, and this item is not one." in (
        panel.eligible.text()
    )
    # members who sent apologies are absent, not "not eligible"
    assert panel.eligible.text().endswith(
        " Absent (4): Tatiana Wilson, Brent Davison, Mike Cook and Jo Morrell. Not eligible: "
        "Laura Colman votes on education items only, and this item is not one."
    )
    assert panel.all_for.text() == "A&ll for (5)"


def test_impossible_counts_are_refused_with_the_reason(qtbot, september):
    controller = september.controller
    panel = september.meeting_view.workspace.vote_panel
    panel.spins["yes"].setValue(4)
    panel.spins["no"].setValue(2)
    assert panel.message.text() == (
        "4 for + 2 against + 0 abstaining = 6, but only 5 members present are eligible to vote."
    )
    assert panel.message.objectName() == "refusal"
    assert not panel.record_button.isEnabled()
    press(qtbot, panel.spins["no"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert controller.record.votes == {}  # nothing recorded
    panel.spins["no"].setValue(1)
    assert not panel.message.isVisible()
    assert panel.outcome.text() == "CARRIED: 4 for, 1 against, 0 abstaining."
    assert panel.record_button.isEnabled()


def test_ineligible_voters_are_greyed_with_the_reason_and_refused(qtbot, september):
    panel = september.meeting_view.workspace.vote_panel
    press(qtbot, panel.spins["yes"], Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.method() is VoteMethod.RECORDED)
    assert panel.grid.isVisible() and not panel.counts.isVisible()
    model = panel.grid_model
    rows = {row.key: row for row in model.rows}
    assert rows["laura-colman"].reason == (
        "Laura Colman votes on education items only, and this item is not one."
    )
    # she sent apologies: absent, not "not eligible" (and, without a vote on the item, not
    # listed as absent in the recorded vote)
    assert rows["tatiana-wilson"].reason == "Tatiana Wilson sent apologies."
    tatiana = model.row_of("tatiana-wilson")
    assert model.data(model.index(tatiana, VoteGridModel.VOTE)) == "Absent"
    laura = model.row_of("laura-colman")
    assert not model.flags(model.index(laura, VoteGridModel.VOTE)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(laura, VoteGridModel.VOTE)) == "Not eligible"
    panel.grid.setFocus()
    panel.grid.setCurrentIndex(model.index(laura, VoteGridModel.VOTE))
    press(qtbot, panel.grid, Qt.Key.Key_1)
    assert panel.message.text() == (
        "Laura Colman votes on education items only, and this item is not one."
    )
    assert "laura-colman" not in {c.person_id for c in model.choices()}
    # the eligible members, by key: 1 for, 2 against, 3 abstain
    panel.grid.setCurrentIndex(model.index(0, VoteGridModel.VOTE))
    for keypress in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2):
        press(qtbot, panel.grid, keypress)
    assert "No choice recorded for Councillor Mills" in panel.message.text()
    assert not panel.record_button.isEnabled()
    press(qtbot, panel.grid, Qt.Key.Key_3)
    assert panel.outcome.text() == "CARRIED: 3 for, 1 against, 1 abstaining."
    press(qtbot, panel.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    vote = september.controller.record.votes[1]
    assert vote.method is VoteMethod.RECORDED
    assert [c.option for c in vote.choices] == [VoteOption.YES] * 3 + [
        VoteOption.NO,
        VoteOption.ABSTAIN,
    ]


def test_a_withdrawn_member_is_out_of_the_vote(qtbot, september):
    controller = september.controller
    item = controller.record.current_item()
    controller.perform(
        Declare(
            "barnby", item.id, InterestKind.DISCLOSABLE_PECUNIARY, nature="employed by a provider"
        )
    )
    view = september.meeting_view
    panel = view.workspace.vote_panel
    assert "Eligible to vote (4)" in panel.eligible.text()
    assert (
        "Councillor Barnby declared a disclosable pecuniary interest in this item "
        "and has withdrawn." in (panel.eligible.text())
    )
    status = {row.key: row.status for row in view.attendance.model.rows}
    assert status["barnby"] == "Withdrawn (interest)"
    # the badge counts as the rows say: five present (Laura Colman, co-opted, among them),
    # Councillor Barnby withdrawn; four councillors count towards the quorum
    assert view.header.quorum.text() == "Quorate\n5 present, 4 councillors count (3 needed)"
    assert sum(1 for row in view.attendance.model.rows if row.status == "Present") == 5


def test_a_tie_demands_the_casting_vote_of_the_person_presiding(qtbot, september):
    controller = september.controller
    panel = september.meeting_view.workspace.vote_panel
    panel.spins["yes"].setValue(2)
    panel.spins["no"].setValue(2)
    panel.spins["abstain"].setValue(1)
    assert panel.casting.isVisible()
    assert panel.casting_label.text() == "The votes are equal: the casting vote of Councillor Bye:"
    assert panel.message.text() == (
        "The vote is tied (2 to 2): record the casting vote of the person presiding."
    )
    assert not panel.record_button.isEnabled()
    press(qtbot, panel.spins["abstain"], Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.record_button.isEnabled)
    assert panel.outcome.text() == "CARRIED: 2 for, 2 against, 1 abstaining — on the casting vote."
    press(qtbot, panel.spins["abstain"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    vote = controller.record.votes[1]
    assert (vote.casting_by, vote.casting_option) == ("bye", VoteOption.YES)
    workspace = september.meeting_view.workspace
    assert workspace.tabs.currentIndex() == 3
    # "unanimously" is not offered: the vote was not unanimous, and the domain says why
    assert not workspace.unanimous.isEnabled()
    assert workspace.unanimous.toolTip() == (
        "The vote was 2 for, 2 against and 1 abstaining, so the resolution is not unanimous."
    )


def test_unanimously_is_offered_only_when_true(qtbot, september):
    workspace = september.meeting_view.workspace
    panel = workspace.vote_panel
    panel.spins["yes"].setValue(4)
    panel.spins["abstain"].setValue(1)
    assert "unanimous" not in panel.outcome.text()
    panel.spins["abstain"].setValue(0)
    panel.spins["yes"].setValue(5)
    assert panel.outcome.text() == "CARRIED: 5 for, 0 against, 0 abstaining — unanimous."
    panel.spins["yes"].setValue(4)
    panel.spins["abstain"].setValue(1)
    assert panel.spins["yes"].hasFocus()  # the counts have the keyboard when the panel opens
    press(qtbot, panel.spins["yes"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert september.controller.record.votes[1].abstain == 1
    assert not workspace.unanimous.isEnabled() and not workspace.unanimous.isChecked()
    press(qtbot, workspace.resolution_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    resolution = september.controller.record.resolutions[1]
    assert not resolution.unanimous and resolution.wording == "Resolved:"
    assert resolution.preamble == "That the Board recommends to the Cabinet:"
    assert len(resolution.parts) == 4


def test_a_budget_decision_always_opens_the_recorded_vote_grid(qtbot, sqlite_demo, make_window):
    meeting_id = setup.create_meeting(
        sqlite_demo, "cyp-scrutiny-board", date(2021, 10, 18), kind=MeetingKind.BUDGET
    )
    window = make_window(sqlite_demo)
    view = window.open_meeting(meeting_id)
    controller = window.controller
    from clerk.domain.actions.agenda import EditItem
    from clerk.domain.actions.attendance import Present
    from clerk.domain.actions.motions import Move
    from clerk.domain.actions.proceedings import OpenItem, StartMeeting
    from clerk.domain.entities import Part

    for person in ("bye", "barnby", "mills"):
        assert controller.perform(Present(person))
    controller.perform(EditItem(4, budget=True))
    controller.perform(StartMeeting())
    controller.perform(OpenItem(3))
    controller.perform(Move(item=3, mover="bye", seconder="mills", parts=(Part("a procedure"),)))
    select_key(view.agenda.view, 3)
    window.actions["vote"].trigger()
    panel = view.workspace.vote_panel
    assert panel.method() is VoteMethod.SHOW_OF_HANDS  # a procedural motion stays free
    panel.close_panel()
    controller.perform(OpenItem(4))
    controller.perform(Move(item=4, mover="bye", seconder="mills", parts=(Part("that X"),)))
    select_key(view.agenda.view, 4)
    window.actions["vote"].trigger()
    assert panel.method() is VoteMethod.RECORDED
    assert not panel.method_buttons[VoteMethod.SHOW_OF_HANDS].isEnabled()
    assert panel.method_buttons[VoteMethod.RECORDED].toolTip() == (
        "Item 4 is a budget decision: its votes are recorded by name."
    )
    assert panel.grid.isVisible()
    assert catalogue.meetings(sqlite_demo)[-1].meeting.kind is MeetingKind.BUDGET


def _chair_withdraws(september) -> int:
    """The Chair (Councillor Bye) declares a disclosable pecuniary interest in item 7 and
    withdraws; Councillor Mills is the Vice-Chair."""
    controller = september.controller
    item = controller.record.current_item()
    controller.perform(
        Declare("bye", item.id, InterestKind.DISCLOSABLE_PECUNIARY, nature="a foster carer")
    )
    return item.id


def test_a_tie_under_the_vice_chair_presiding_for_the_item_takes_the_vice_chairs_casting_vote(
    qtbot, september
):
    from PySide6.QtWidgets import QCheckBox

    from clerk.domain.rules.presence import item_presiding, presiding
    from tests.ui.conftest import named, open_dialog

    controller = september.controller
    view = september.meeting_view
    item_id = _chair_withdraws(september)
    view.do_presiding()  # the Vice-Chair takes the chair for the item under way
    dialog = open_dialog(qtbot, view)
    who = named(dialog, "Presiding")
    who.setCurrentIndex(who.findData("mills"))
    dialog.findChild(QCheckBox).setChecked(True)  # for this item only
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    record = controller.record
    assert item_presiding(record, item_id) == "mills" == presiding(record, item_id)

    panel = view.workspace.vote_panel
    if panel.motion_id is None:
        view.workspace.do_vote()
    assert panel.motion_id == 1
    assert "Eligible to vote (4)" in panel.eligible.text()  # the Chair has withdrawn
    panel.spins["yes"].setFocus()
    for key, count in (("yes", Qt.Key.Key_2), ("no", Qt.Key.Key_2)):
        panel.spins[key].selectAll()
        press(qtbot, panel.spins[key], count)
    assert (panel.spins["yes"].value(), panel.spins["no"].value()) == (2, 2)
    assert panel.casting.isVisible()
    assert panel.casting_label.text() == (
        "The votes are equal: the casting vote of Councillor Mills:"
    )
    assert not panel.record_button.isEnabled()
    press(qtbot, panel.spins["no"], Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # against
    qtbot.waitUntil(panel.record_button.isEnabled)
    assert panel.outcome.text() == "LOST: 2 for, 2 against, 0 abstaining — on the casting vote."
    press(qtbot, panel.spins["no"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    vote = controller.record.votes[1]
    assert (vote.casting_by, vote.casting_option) == ("mills", VoteOption.NO)
    assert controller.record.motion(1).outcome.value == "lost"


def test_a_tie_with_the_chair_withdrawn_takes_the_vice_chairs_casting_vote(qtbot, september):
    controller = september.controller
    _chair_withdraws(september)
    panel = september.meeting_view.workspace.vote_panel
    assert panel.motion_id == 1
    panel.spins["yes"].setValue(2)
    panel.spins["no"].setValue(2)
    assert panel.casting_label.text() == (
        "The votes are equal: the casting vote of Councillor Mills:"
    )
    press(qtbot, panel.spins["no"], Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # for
    qtbot.waitUntil(panel.record_button.isEnabled)
    press(qtbot, panel.spins["no"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    vote = controller.record.votes[1]
    assert (vote.casting_by, vote.casting_option) == ("mills", VoteOption.YES)
