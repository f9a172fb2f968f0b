"""An item's proceedings as one sequence in the order things happened; paragraphs placed in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Leave
from clerk.domain.actions.motions import Amend, Move, Resolve, Vote, Withdraw
from clerk.domain.actions.paragraphs import AddParagraph, MoveParagraph
from clerk.domain.actions.proceedings import (
    Adjourn,
    ExcludePublic,
    MoveExclusion,
    Note,
    OpenItem,
    ReadmitPublic,
    Resume,
    SetPresiding,
)
from clerk.domain.entities import Part, StepRef
from clerk.domain.enums import AmendmentOp, EventKind, StepKind, VoteMethod, VoteResult
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import EntryKind, item_proceedings, opening_proceedings
from tests.core.builders import apply, under_way

MOTION = Move(item=1, mover="barnby", seconder="mills", parts=(Part("to note the report"),))


def kinds(record: MeetingRecord, item_id: int = 1) -> list[str]:
    """The item's sequence as "paragraph 1", "motion 1", "vote 1"..."""
    return [f"{e.kind.value} {e.step.id}" for e in item_proceedings(record, item_id)]


def refused(record: MeetingRecord, action: object, message: str) -> None:
    before = record.snapshot()
    with pytest.raises(RuleViolation, match=message):
        apply(record, action)  # type: ignore[arg-type]
    assert record.snapshot() == before


def test_the_item_reads_in_the_order_things_happened() -> None:
    record = under_way()
    apply(
        record,
        AddParagraph(1, "The Director introduced the report."),
        MOTION,
        AddParagraph(1, "Members debated the report."),
        Amend(motion=1, mover="bye", seconder="mills", op=AmendmentOp.ADD_PART, parts=(Part("x"),)),
        Leave("douglas-dunbar", at=time(10, 5)),
        Vote(motion=2, method=VoteMethod.SHOW_OF_HANDS, yes=3, no=1),
        Adjourn(at=time(10, 10)),
        Resume(at=time(10, 20)),
        Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4),
        AddParagraph(1, "As a result of the vote, the Director would write to the schools."),
        Resolve(item=1, motion=1),
        Note("The webcast failed and was restored.", at=time(10, 30)),
        SetPresiding("mills"),
    )
    assert kinds(record) == [
        "paragraph 1",
        "motion 1",
        "paragraph 2",
        "motion 2",
        "left 1",
        "vote 1",
        "adjourned 2",
        "resumed 3",
        "vote 2",
        "paragraph 3",
        "resolution 1",
        "note 4",
        "presiding 5",
    ]
    assert record.events[5].kind is EventKind.PRESIDING and record.events[5].person_id == "mills"


def test_a_paragraph_goes_after_a_step_and_after_the_paragraphs_already_there() -> None:
    record = under_way()
    apply(
        record,
        MOTION,
        Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4),
        Resolve(item=1, motion=1),
        AddParagraph(1, "First after the motion.", after=StepRef(StepKind.MOTION, 1)),
        AddParagraph(1, "Second after the motion.", after=StepRef(StepKind.MOTION, 1)),
        AddParagraph(1, "Straight after the first.", after=StepRef(StepKind.PARAGRAPH, 1)),
    )
    assert kinds(record) == [
        "motion 1",
        "paragraph 1",
        "paragraph 3",
        "paragraph 2",
        "vote 1",
        "resolution 1",
    ]


def test_a_paragraph_moves_up_and_down_its_item_and_undo_puts_it_back() -> None:
    record = under_way()
    apply(record, MOTION, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4))
    apply(record, AddParagraph(1, "Written after the vote."))
    before = record.snapshot()
    apply(record, MoveParagraph(1, -1))
    assert kinds(record) == ["motion 1", "paragraph 1", "vote 1"]
    apply(record, MoveParagraph(1, -1))
    assert kinds(record) == ["paragraph 1", "motion 1", "vote 1"]
    apply(record, MoveParagraph(1, 2))
    assert kinds(record) == ["motion 1", "vote 1", "paragraph 1"]
    assert record.paragraphs[1] == before["paragraphs"][1]


def test_moving_a_paragraph_that_cannot_move_is_refused_in_one_sentence() -> None:
    record = under_way()
    apply(record, AddParagraph(1, "Only text."), MOTION)
    refused(record, MoveParagraph(9, 1), r"^No minute paragraph 9 in this meeting\.$")
    refused(record, MoveParagraph(1, -1), r"^Paragraph 1 is already first in the minute of item 5")
    refused(record, MoveParagraph(1, 3), r"^Paragraph 1 cannot move 3 places down: the minute")
    refused(record, MoveParagraph(1, 0), r"^Say which way to move the paragraph")


def test_placing_a_paragraph_after_a_step_of_another_item_is_refused() -> None:
    record = under_way()
    apply(record, MOTION, AddItem("6", "Youth Service Funding"), OpenItem(2))
    refused(
        record,
        AddParagraph(2, "Misplaced.", after=StepRef(StepKind.MOTION, 1)),
        r"^Motion 1 is on item 5, not item 6: a paragraph is placed after a step of its own "
        r"item\.$",
    )
    refused(
        record,
        AddParagraph(1, "Nowhere.", after=StepRef(StepKind.VOTE, 4)),
        r"^No vote 4 in this meeting\.$",
    )
    refused(
        record,
        AddParagraph(1, "Nowhere.", after=StepRef(StepKind.OUTCOME, 1)),
        r"^Motion 1 was neither withdrawn nor fell\.$",
    )


def test_a_withdrawal_is_a_step_of_its_own() -> None:
    record = under_way()
    apply(record, MOTION, AddParagraph(1, "Debate."), Withdraw(1))
    assert kinds(record) == ["motion 1", "paragraph 1", "outcome 1"]
    apply(record, AddParagraph(1, "After it.", after=StepRef(StepKind.OUTCOME, 1)))
    assert kinds(record)[-1] == "paragraph 2"


def test_the_exclusion_is_minuted_where_it_was_passed_for_the_exempt_item() -> None:
    record = under_way()
    apply(
        record,
        AddItem("9", "Residential Care Contract", exempt_paragraph=3),
        ExcludePublic(2, paragraph=3, at=time(11, 0)),
    )
    (event,) = (e for e in record.events.values() if e.kind is EventKind.PUBLIC_EXCLUDED)
    assert (event.item_id, event.for_item_id, event.paragraph) == (1, 2, 3)
    assert kinds(record)[-1] == f"public-excluded {event.id}"
    apply(record, OpenItem(2), ReadmitPublic(at=time(11, 30)))
    assert kinds(record, 2) == [f"public-readmitted {event.id + 1}"]


def _exclusion_moved(record: MeetingRecord) -> None:
    apply(
        record,
        AddItem("9", "Residential Care Contract", exempt_paragraph=3),
        MoveExclusion(exempt_item=2, mover="bye", seconder="mills"),
    )


def test_an_exclusion_motion_carried_excludes_the_press_and_public() -> None:
    record = under_way()
    _exclusion_moved(record)
    refused(
        record,
        Amend(motion=1, mover="barnby", op=AmendmentOp.REPLACE_ALL, parts=(Part("x"),)),
        "excludes the press and public and is not amended",
    )
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4, no=1))
    assert record.meeting.public_excluded
    (event,) = (e for e in record.events.values() if e.kind is EventKind.PUBLIC_EXCLUDED)
    assert (event.item_id, event.for_item_id, event.motion_id) == (1, 2, 1)
    assert kinds(record) == ["motion 1", "vote 1", f"public-excluded {event.id}"]
    refused(record, Resolve(item=1, motion=1), "excluded the press and public: that resolution")


def test_an_exclusion_motion_lost_keeps_the_press_and_public_in() -> None:
    record = under_way()
    _exclusion_moved(record)
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, result=VoteResult.FAIL))
    assert not record.meeting.public_excluded
    assert not any(e.kind is EventKind.PUBLIC_EXCLUDED for e in record.events.values())
    # The item's own business is still resolved in the clerk's words.
    apply(record, Resolve(item=1, parts=(Part("to note the report"),)))


def test_steps_before_the_first_item_open_the_minutes() -> None:
    record = under_way()
    record.meeting = replace(record.meeting, current_item_id=None)  # between items
    apply(record, Leave("mills", at=time(9, 40)))
    assert [e.kind for e in opening_proceedings(record)] == [EntryKind.LEFT]
    assert item_proceedings(record, 1) == []
