"""Motions and amendments: the substantive motion is composed from carried amendments."""

from __future__ import annotations

import pytest

from clerk.domain.actions.motions import Amend, Move, Resolve, Second, Vote, Withdraw
from clerk.domain.entities import Part
from clerk.domain.enums import AmendmentOp, MotionOutcome, VoteMethod
from clerk.domain.errors import RuleViolation
from clerk.domain.rules.motions import parse_part_path, substantive_parts
from tests.core.builders import apply, under_way

PARTS = (
    Part("to note the report;", (Part("including its annex;"), Part("and its appendix;"))),
    Part("to ask the Director to report back in March."),
)


def test_carried_amendments_compose_the_substantive_motion_and_lost_ones_do_not() -> None:
    record = under_way()
    apply(
        record,
        Move(item=1, mover="barnby", parts=PARTS),
        Second(motion=1, seconder="mills"),
        Amend(
            motion=1,
            mover="douglas-dunbar",
            seconder="mandy-darling",
            op=AmendmentOp.REPLACE_PART,
            target_part="2",
            parts=(Part("to ask the Director to report back in January."),),
        ),
        Vote(motion=2, method=VoteMethod.SHOW_OF_HANDS, yes=3, no=2),
        Amend(
            motion=1,
            mover="mandy-darling",
            seconder="douglas-dunbar",
            op=AmendmentOp.DELETE_PART,
            target_part="1.b",
        ),
        Vote(motion=3, method=VoteMethod.SHOW_OF_HANDS, yes=1, no=4),
        Amend(
            motion=1,
            mover="mandy-darling",
            seconder="douglas-dunbar",
            op=AmendmentOp.ADD_PART,
            parts=(Part("to thank the officers."),),
        ),
        Vote(motion=4, method=VoteMethod.SHOW_OF_HANDS, yes=5),
    )
    assert record.motions[2].outcome is MotionOutcome.CARRIED
    assert record.motions[3].outcome is MotionOutcome.LOST
    # Composed, it reads as one list: ";" between entries, "; and" before the last, a full stop.
    assert substantive_parts(record, record.motions[1]) == (
        PARTS[0],
        Part("to ask the Director to report back in January; and"),
        Part("to thank the officers."),
    )
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))
    apply(record, Resolve(item=1, motion=1, unanimous=True))
    assert record.resolutions[1].parts[1].text.endswith("January; and")
    assert record.resolutions[1].wording == "Resolved (unanimously):"


def test_the_motion_waits_for_its_pending_amendments() -> None:
    record = under_way()
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=PARTS),
        Amend(motion=1, mover="bye", op=AmendmentOp.DELETE_PART, target_part="2"),
    )
    with pytest.raises(RuleViolation, match="Deal with amendment 2"):
        apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))
    apply(record, Withdraw(motion=2))
    assert record.motions[2].outcome is MotionOutcome.WITHDRAWN


def test_an_amendment_to_a_part_that_does_not_exist_is_refused() -> None:
    record = under_way()
    apply(record, Move(item=1, mover="barnby", parts=PARTS))
    with pytest.raises(RuleViolation, match="no part 7"):
        apply(record, Amend(motion=1, mover="bye", op=AmendmentOp.DELETE_PART, target_part="7"))
    with pytest.raises(RuleViolation, match="not a part number"):
        parse_part_path("x")
    assert parse_part_path("1.b") == (0, 1) and parse_part_path("2") == (1, None)


def test_the_mover_cannot_second_and_a_lost_motion_cannot_be_resolved() -> None:
    record = under_way()
    apply(record, Move(item=1, mover="barnby", parts=PARTS))
    with pytest.raises(RuleViolation, match="cannot also second"):
        apply(record, Second(motion=1, seconder="barnby"))
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=1, no=3))
    with pytest.raises(RuleViolation, match="was not carried"):
        apply(record, Resolve(item=1, motion=1))


def test_a_resolution_without_a_motion_takes_the_officers_recommendations() -> None:
    record = under_way()
    apply(record, Resolve(item=1))
    assert record.resolutions[1].parts == (Part("to note the report"),)
