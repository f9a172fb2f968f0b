"""The live view shows what the domain's read side says (clerk.domain.rules.business): the
quorum badge counts as the attendance rows do, the question before the meeting in the
header, the motion put to the vote in full, a closed meeting's final state; pytest-qt on the
demo database."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea

from clerk.domain.actions.motions import Vote
from clerk.domain.actions.proceedings import CloseMeeting
from clerk.domain.enums import VoteMethod
from clerk.domain.rules import business
from clerk.ui.screenshot import stage_september_vote


@pytest.fixture
def september(sqlite_demo, make_window):
    """The 20 September demo meeting under way with motion 1 on item 7 awaiting its vote."""
    meeting_id = stage_september_vote(sqlite_demo)
    window = make_window(sqlite_demo)
    window.open_meeting(meeting_id)
    return window


def test_the_quorum_badge_counts_everyone_the_rows_call_present(september):
    view = september.meeting_view
    record = september.controller.record
    present_rows = [row.key for row in view.attendance.model.rows if row.status == "Present"]
    assert len(present_rows) == 6  # five councillors and Laura Colman, co-opted
    room = business.room(record, record.meeting.current_item_id)
    assert (room.present, room.counted, room.needed) == (6, 5, 3)
    assert view.header.quorum.text() == "Quorate\n6 present, 5 councillors count (3 needed)"
    assert view.header.quorum.objectName() == "quorate"


def test_the_header_always_shows_the_question_before_the_meeting(september):
    view = september.meeting_view
    header = view.header
    assert header.question.isVisibleTo(header)
    assert header.question.text() == (
        "Before the meeting: Motion 1, moved by Councillor Mills, seconded by Councillor Barnby"
    )
    assert header.question.toolTip().startswith("That the Board recommends to the Cabinet:\n1. ")
    view.workspace.show_tab(0)  # another tab: the header still says it
    assert header.question.text().startswith("Before the meeting: Motion 1")
    assert september.controller.perform(Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))
    assert header.question.text() == ("Motion 1 was carried: its resolution is next (Alt+4).")


def test_the_motion_put_to_the_vote_is_readable_in_full(qtbot, september):
    panel = september.meeting_view.workspace.vote_panel
    record = september.controller.record
    assert panel.isVisible()
    question = panel.question
    assert isinstance(question, QLabel) and question.wordWrap()
    words = question.text()
    assert words.startswith("That the Board recommends to the Cabinet:\n1. ")
    assert words.count("\n") == 4  # the preamble and all four recommendations
    for part in record.motion(1).parts:
        assert part.text in words
    # shown at its full height, not cut short, and nothing drawn over it
    qtbot.waitUntil(lambda: question.height() >= question.heightForWidth(question.width()))
    panel.scroll.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: question.visibleRegion().boundingRect().height() == question.height())
    below = panel.method_buttons[VoteMethod.SHOW_OF_HANDS]
    assert below.mapTo(panel.body, below.rect().topLeft()).y() >= question.geometry().bottom()
    assert not isinstance(question, QScrollArea)


def test_a_closed_meeting_shows_its_final_state_not_a_live_quorum(september):
    view = september.meeting_view
    controller = september.controller
    assert controller.perform(CloseMeeting(at=time(11, 42)))
    header = view.header
    assert header.quorum.text() == "Closed 11.42 am"
    assert header.quorum.objectName() == "meetingOver"
    assert "Quorate" not in header.quorum.text()
    assert not header.question.isVisibleTo(header)
    states = {row.number: row.state_text for row in view.agenda.model.rows}
    assert "not started" not in states.values()
    assert states["7"].startswith("done")
    assert states["8"] == "not taken"
    assert not view.workspace.vote_panel.isVisible()  # no vote in a closed meeting


def test_the_vote_panel_says_when_it_opens_and_closes(qtbot, september):
    panel = september.meeting_view.workspace.vote_panel
    seen: list[bool] = []
    panel.open_changed.connect(seen.append)
    panel.close_panel()
    panel.open_for(1)
    panel.open_for(1)  # already open: no second notice
    panel.close_panel()
    assert seen == [False, True, False]


def test_an_amendment_before_the_meeting_is_put_in_its_own_words(september):
    from clerk.domain.actions.motions import Amend
    from clerk.domain.entities import Part
    from clerk.domain.enums import AmendmentOp

    controller = september.controller
    view = september.meeting_view
    assert controller.perform(
        Amend(
            motion=1,
            mover="bye",
            seconder="mandy-darling",
            op=AmendmentOp.ADD_PART,
            parts=(Part("that the Board receive a progress report in six months"),),
        )
    )
    assert view.header.question.text() == (
        "Before the meeting: Amendment 2 to motion 1 (add at the end), moved by Councillor Bye, "
        "seconded by Councillor Mandy Darling"
    )
    panel = view.workspace.vote_panel
    view.workspace.do_vote()
    assert panel.motion_id == 2
    assert panel.question.text() == (
        "To add the following to the motion:\n"
        "1. that the Board receive a progress report in six months"
    )
