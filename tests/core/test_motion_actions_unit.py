"""Moving, seconding, amending, withdrawing, voting and resolving, through the actions on a
record made in memory: what each stores, the label it returns, and each refusal's sentence
exact, the record left as it was (quick enough to run for each mutant of
clerk/domain/actions/votes.py and motions.py: see docs/mutation.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from clerk.domain.actions import Action
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Leave, OfficerPresent
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.exclusion import ExcludePublic, MoveExclusion
from clerk.domain.actions.motions import Amend, Fall, Move, Resolve, Second, Vote, Withdraw
from clerk.domain.actions.proceedings import SetPresiding
from clerk.domain.entities import Motion, Part, QuorumRule, Resolution, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AmendmentOp,
    EventKind,
    InterestConduct,
    InterestKind,
    MotionKind,
    MotionOutcome,
    QuorumKind,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from tests.core.builders import CTX, apply, board_record, under_way, with_item

YES, NO, ABSTAIN = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN
HANDS, ASSENT, RECORDED = VoteMethod.SHOW_OF_HANDS, VoteMethod.ASSENT, VoteMethod.RECORDED
PASS, FAIL = VoteResult.PASS, VoteResult.FAIL
PARTS = (Part("to note the report"), Part("to thank the officers"))
MOVE = Move(item=1, mover="barnby", parts=PARTS, seconder="mills")


def refused(record: MeetingRecord, action: Action, message: str) -> None:
    before = record.snapshot()
    meeting = record.meeting
    with pytest.raises(RuleViolation) as refusal:
        action.apply(record, CTX)
    assert str(refusal.value) == message
    assert record.snapshot() == before and record.meeting == meeting


def moved(*actions: Action) -> MeetingRecord:
    record = under_way()
    apply(record, MOVE, *actions)
    return record


# Motions and amendments.


def test_a_motion_moved_is_stored_with_everything_it_was_moved_with() -> None:
    record = under_way()
    label = Move(1, "barnby", PARTS, preamble="Having read it,", seconder="mills", budget=True)
    assert apply(record, label) == ["motion 1 moved by Councillor Barnby"]
    assert record.motions[1] == Motion(
        id=1, item_id=1, kind=MotionKind.MOTION, mover_id="barnby", parts=PARTS,
        preamble="Having read it,", seconder_id="mills", budget=True, order=2,
    )  # fmt: skip
    assert apply(record, Move(1, "bye", (Part("x"),))) == ["motion 2 moved by Councillor Bye"]
    assert record.motions[2].order == 3 and record.motions[2].seconder_id is None


def test_a_motion_is_seconded_once() -> None:
    record = under_way()
    apply(record, Move(1, "barnby", PARTS))
    assert apply(record, Second(1, "mills")) == ["motion 1 seconded by Councillor Mills"]
    assert record.motions[1].seconder_id == "mills"
    refused(record, Second(1, "bye"), "Motion 1 has already been seconded.")
    apply(record, Withdraw(1))
    refused(record, Second(1, "bye"), "Motion 1 has already been dealt with (withdrawn).")


def test_an_amendment_is_stored_against_its_motion() -> None:
    record = moved()
    amend = Amend(1, "bye", AmendmentOp.REPLACE_PART, (Part("to reject"),), "1", "mandy-darling")
    assert apply(record, amend) == ["amendment 2 to motion 1 moved by Councillor Bye"]
    assert record.motions[2] == Motion(
        id=2, item_id=1, kind=MotionKind.AMENDMENT, mover_id="bye", parts=(Part("to reject"),),
        seconder_id="mandy-darling", amends_id=1, op=AmendmentOp.REPLACE_PART,
        target_part="1", order=3,
    )  # fmt: skip
    deleting = Amend(1, "douglas-dunbar", AmendmentOp.DELETE_PART, target_part="2")
    assert apply(record, deleting) == ["amendment 3 to motion 1 moved by Councillor Douglas-Dunbar"]
    assert record.motions[3].parts == () and record.motions[3].seconder_id is None


def test_an_amendment_that_cannot_be_moved_is_refused() -> None:
    record = moved(Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)))
    refused(
        record,
        Amend(2, "mills", AmendmentOp.ADD_PART, (Part("y"),)),
        "An amendment is moved to a motion, not to another amendment.",
    )
    refused(
        record,
        Amend(1, "mills", AmendmentOp.ADD_PART, (Part(" "),)),
        "The wording cannot be empty.",
    )
    refused(
        record, Amend(1, "mills", AmendmentOp.REPLACE_PART, (), "1"), "The wording cannot be empty."
    )
    refused(
        record,
        Amend(1, "mills", AmendmentOp.DELETE_PART, target_part="3"),
        "The motion has no part 3.",
    )
    refused(
        record,
        Amend(1, "mills", AmendmentOp.ADD_PART, (Part("y"),), seconder="mills"),
        "The mover cannot also second the motion.",
    )


def test_an_amendment_is_checked_against_the_motion_as_already_amended() -> None:
    record = moved(Amend(1, "bye", AmendmentOp.DELETE_PART, target_part="2"))
    apply(record, Vote(2, HANDS, yes=4, no=1))
    refused(
        record,
        Amend(1, "mills", AmendmentOp.REPLACE_PART, (Part("y"),), "2"),
        "The motion has no part 2.",
    )


def test_an_exclusion_motion_is_not_amended() -> None:
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", exempt_paragraph=3)
    apply(record, MoveExclusion(exempt_item=2, mover="barnby", seconder="mills"))
    refused(
        record,
        Amend(1, "bye", AmendmentOp.ADD_PART, (Part("y"),)),
        "Motion 1 excludes the press and public and is not amended: vote on it, or record that "
        "it was withdrawn or fell.",
    )


@pytest.mark.parametrize(
    "action, outcome, label",
    [(Withdraw(1), MotionOutcome.WITHDRAWN, "withdraw"), (Fall(1), MotionOutcome.FELL, "fell")],
)
def test_a_motion_withdrawn_or_fallen_takes_its_pending_amendments_with_it(
    action: Action, outcome: MotionOutcome, label: str
) -> None:
    record = moved(
        Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)),
        Vote(2, HANDS, yes=1, no=4),
        Amend(1, "bye", AmendmentOp.ADD_PART, (Part("y"),)),
    )
    (said,) = apply(record, action)
    assert said == ("withdraw motion 1" if label == "withdraw" else "record that motion 1 fell")
    assert record.motions[1].outcome is outcome and record.motions[1].outcome_order == 6
    assert record.motions[2].outcome is MotionOutcome.LOST
    assert record.motions[3].outcome is MotionOutcome.FELL
    assert record.motions[3].outcome_order == 7
    refused(record, action, f"Motion 1 has already been dealt with ({outcome}).")


def test_an_amendment_withdrawn_or_fallen_is_named_as_one() -> None:
    record = moved(Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)))
    assert apply(record, Withdraw(2)) == ["withdraw amendment 2"]
    apply(record, Amend(1, "bye", AmendmentOp.ADD_PART, (Part("y"),)))
    assert apply(record, Fall(3)) == ["record that amendment 3 fell"]
    assert record.motions[1].outcome is MotionOutcome.PENDING


# Votes.


def test_a_show_of_hands_is_stored_with_its_counts() -> None:
    record = moved()
    assert apply(record, Vote(1, HANDS, yes=3, no=1, abstain=1)) == [
        "vote on motion 1: carried (3-1-1)"
    ]
    assert record.votes[1] == VoteEvent(
        id=1, motion_id=1, method=HANDS, result=PASS, yes=3, no=1, abstain=1, order=3
    )
    assert record.motions[1].outcome is MotionOutcome.CARRIED


def test_a_vote_lost_takes_the_pending_amendments_of_its_motion_only() -> None:
    record = moved(Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)))
    assert apply(record, Vote(2, HANDS, yes=1, no=3)) == ["vote on amendment 2: lost (1-3-0)"]
    assert record.motions[2].outcome is MotionOutcome.LOST
    assert record.motions[1].outcome is MotionOutcome.PENDING
    apply(record, Amend(1, "bye", AmendmentOp.ADD_PART, (Part("y"),)))
    record.motions[3] = replace(record.motions[3], outcome=MotionOutcome.PENDING)
    # A motion lost with an amendment pending is refused first; a lost motion takes none.
    refused(
        record, Vote(1, HANDS, yes=1, no=3), "Deal with amendment 3 before the vote on motion 1."
    )


def test_a_decision_by_assent_and_a_result_declared_without_a_count() -> None:
    record = moved()
    assert apply(record, Vote(1, ASSENT)) == ["vote on motion 1: carried"]
    assert record.votes[1] == VoteEvent(id=1, motion_id=1, method=ASSENT, result=PASS, order=3)
    record = moved()
    assert apply(record, Vote(1, HANDS, result=FAIL)) == ["vote on motion 1: lost"]
    assert record.votes[1].result is FAIL and not record.votes[1].counted
    assert record.motions[1].outcome is MotionOutcome.LOST


def test_counts_or_names_where_the_method_has_none_are_refused() -> None:
    record = moved()
    for wrong in (Vote(1, ASSENT, yes=1), Vote(1, ASSENT, no=1), Vote(1, ASSENT, abstain=1)):
        refused(record, wrong, "A decision by assent has no counts or names.")
    refused(
        record,
        Vote(1, ASSENT, choices=(VoteChoice("bye", YES),)),
        "A decision by assent has no counts or names.",
    )
    refused(
        record,
        Vote(1, HANDS, yes=3, choices=(VoteChoice("bye", YES),)),
        "A show of hands has counts, not names: use a recorded vote.",
    )
    refused(
        record,
        Vote(1, ASSENT, casting_option=YES),
        "A casting vote is recorded only when the votes are equal.",
    )
    refused(
        record,
        Vote(1, ASSENT, result=FAIL),
        "The result given (lost) is not what a decision by assent decided (carried).",
    )
    refused(
        record,
        Vote(1, HANDS, yes=1, no=3, result=PASS),
        "The result given (carried) is not what the counts decided (lost).",
    )
    refused(
        record,
        Vote(1, HANDS, yes=3, no=1, result=FAIL),
        "The result given (lost) is not what the counts decided (carried).",
    )
    apply(record, Vote(1, HANDS, yes=3, no=1, result=PASS))


@pytest.mark.parametrize("casting", [{"casting_option": YES}, {"casting_by": "bye"}])
def test_a_declared_result_has_no_casting_vote(casting: dict[str, object]) -> None:
    record = moved()
    refused(
        record,
        Vote(1, HANDS, result=PASS, **casting),  # type: ignore[arg-type]
        "A casting vote is recorded only when counted votes are equal.",
    )


def test_a_tie_is_settled_by_the_casting_vote_of_the_person_presiding() -> None:
    record = moved()
    refused(
        record,
        Vote(1, HANDS, yes=2, no=2),
        "The vote is tied (2 to 2): record the casting vote of the person presiding.",
    )
    refused(
        record,
        Vote(1, HANDS, yes=2, no=2, casting_by="mills", casting_option=YES),
        "Only Councillor Bye, presiding, has the casting vote.",
    )
    refused(
        record,
        Vote(1, HANDS, yes=3, no=2, casting_by="bye", casting_option=YES),
        "A casting vote is recorded only when the votes are equal.",
    )
    refused(
        record,
        Vote(1, HANDS, yes=3, no=2, casting_by="bye"),
        "A casting vote is recorded only when the votes are equal.",
    )
    assert apply(record, Vote(1, HANDS, yes=2, no=2, casting_by="bye", casting_option=NO)) == [
        "vote on motion 1: lost (2-2-0)"
    ]
    assert record.votes[1].casting_by == "bye" and record.votes[1].casting_option is NO
    assert record.votes[1].result is FAIL


def test_a_casting_vote_needs_someone_to_preside() -> None:
    record = moved()
    apply(record, Leave("bye", at=time(10)), Leave("mills", at=time(10)))
    refused(
        record,
        Vote(1, HANDS, yes=2, no=1, abstain=0, casting_by="bye", casting_option=YES),
        "A casting vote is recorded only when the votes are equal.",
    )
    refused(
        record,
        Vote(1, HANDS, yes=1, no=1, casting_by="bye", casting_option=YES),
        "No one present can preside over this item, so no casting vote can be given: record "
        "who presides (a councillor member who is present and not withdrawn).",
    )
    apply(record, SetPresiding("barnby"))
    apply(record, Vote(1, HANDS, yes=1, no=1, casting_by="barnby", casting_option=YES))
    assert record.votes[1].casting_by == "barnby"


def test_a_tie_without_a_casting_vote_given_is_refused_by_the_rule() -> None:
    record = moved()
    refused(
        record,
        Vote(1, HANDS, yes=2, no=2, casting_by="bye"),
        "The vote is tied (2 to 2): record the casting vote of the person presiding.",
    )


def test_a_recorded_vote_keeps_its_names_and_counts_them() -> None:
    record = moved()
    choices = (
        VoteChoice("bye", YES), VoteChoice("barnby", YES), VoteChoice("mandy-darling", NO),
        VoteChoice("douglas-dunbar", ABSTAIN), VoteChoice("mills", YES),
    )  # fmt: skip
    refused(
        record,
        Vote(1, RECORDED, yes=3, no=2, choices=choices),
        "The counts given (3-2-0) do not match the names recorded (3-1-1).",
    )
    assert apply(record, Vote(1, RECORDED, yes=3, no=1, abstain=1, choices=choices)) == [
        "vote on motion 1: carried (3-1-1)"
    ]
    vote = record.votes[1]
    assert vote.choices == choices and (vote.yes, vote.no, vote.abstain) == (3, 1, 1)
    assert vote.casting_by is None and vote.casting_option is None


def test_names_given_with_a_show_of_hands_are_not_kept() -> None:
    record = moved()
    apply(record, Vote(1, HANDS, yes=4, no=1, casting_by=None))
    assert record.votes[1].choices == ()


def test_a_budget_decision_is_voted_on_by_name() -> None:
    record = under_way()
    apply(record, Move(1, "barnby", PARTS, seconder="mills", budget=True))
    refused(
        record,
        Vote(1, HANDS, yes=4, no=1),
        "Motion 1 is a budget decision: its votes are recorded by name.",
    )
    refused(
        record, Vote(1, ASSENT), "Motion 1 is a budget decision: its votes are recorded by name."
    )


def test_an_amendment_that_no_longer_fits_the_motion_falls() -> None:
    record = moved(
        Amend(1, "bye", AmendmentOp.DELETE_PART, target_part="2"),
        Amend(1, "mills", AmendmentOp.REPLACE_PART, (Part("y"),), "2"),
        Vote(2, HANDS, yes=4, no=1),
    )
    refused(
        record,
        Vote(3, HANDS, yes=4, no=1),
        "Amendment 3 no longer fits motion 1 as amended (The motion has no part 2.): record "
        "that it fell.",
    )


def test_the_vote_on_an_exclusion_carried_excludes_the_press_and_public() -> None:
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", exempt_paragraph=3)
    apply(record, MoveExclusion(exempt_item=2, mover="barnby", seconder="mills"))
    assert apply(record, Vote(1, ASSENT)) == ["vote on motion 1: carried"]
    assert record.meeting.public_excluded
    (event,) = [e for e in record.events.values() if e.kind is EventKind.PUBLIC_EXCLUDED]
    assert event.kind is EventKind.PUBLIC_EXCLUDED and event.motion_id == 1
    assert event.at == CTX.now and event.for_item_id == 2

    # Excluded meanwhile without a motion: the vote on a second motion is refused.
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", exempt_paragraph=3)
    apply(record, MoveExclusion(exempt_item=2, mover="barnby", seconder="mills"))
    apply(record, ExcludePublic(item=2, paragraph=3))
    refused(record, Vote(1, ASSENT), "The press and public are already excluded.")


def test_the_vote_on_an_exclusion_lost_leaves_them_in() -> None:
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", exempt_paragraph=3)
    apply(record, MoveExclusion(exempt_item=2, mover="barnby", seconder="mills"))
    apply(record, Vote(1, HANDS, yes=1, no=4))
    assert not record.meeting.public_excluded
    assert not [e for e in record.events.values() if e.kind is EventKind.PUBLIC_EXCLUDED]


def test_a_vote_needs_a_quorum() -> None:
    record = moved()
    for person in ("bye", "barnby", "mandy-darling"):
        apply(record, Leave(person, at=time(10)))
    refused(
        record,
        Vote(1, ASSENT),
        "The meeting is inquorate (2 present, 3 needed) and cannot take a vote: adjourn the "
        "meeting.",
    )


# Resolutions.


def test_a_resolution_from_a_carried_motion_takes_its_words_and_its_vote() -> None:
    record = moved(Vote(1, HANDS, yes=5))
    record.motions[1] = replace(record.motions[1], preamble="Having read it,")
    assert apply(record, Resolve(1, motion=1, unanimous=True)) == [
        "record the resolution on item 5"
    ]
    assert record.resolutions[1] == Resolution(
        id=1, item_id=1, parts=PARTS, preamble="Having read it,", unanimous=True, motion_id=1,
        order=4,
    )  # fmt: skip
    refused(record, Resolve(1, motion=1), "Motion 1 has already been recorded as resolved.")


def test_a_resolution_may_be_worded_by_the_clerk() -> None:
    record = moved(Vote(1, ASSENT))
    words = (Part("to note it"),)
    apply(record, Resolve(1, parts=words, preamble="Resolved that,", motion=1))
    assert record.resolutions[1].parts == words
    assert record.resolutions[1].preamble == "Resolved that,"
    assert not record.resolutions[1].unanimous


def test_a_resolution_without_a_motion_takes_the_recommendations() -> None:
    record = under_way()
    apply(record, Resolve(1))
    assert record.resolutions[1].parts == (Part("to note the report"),)
    assert record.resolutions[1].motion_id is None
    refused(
        record,
        Resolve(1, unanimous=True),
        "Record the vote before calling the resolution unanimous.",
    )
    with_item(record, recommendations=())
    refused(record, Resolve(1), "The wording cannot be empty.")
    with_item(record, budget=True)
    refused(
        record,
        Resolve(1, parts=(Part("x"),)),
        "Item 5 is a budget decision: its resolution comes from a motion carried on a recorded "
        "vote: move the motion and record the vote.",
    )


def test_a_resolution_is_refused_while_a_motion_is_before_the_meeting_or_after_a_vote() -> None:
    record = moved()
    refused(
        record,
        Resolve(1),
        "Motion 1 is still before the meeting: vote on it, withdraw it or record that it fell "
        "before recording a resolution.",
    )
    apply(record, Vote(1, HANDS, yes=1, no=4))
    refused(
        record,
        Resolve(1),
        "Motion 1 on this item was put to the vote: record the resolution from a carried "
        "motion (give its number).",
    )
    refused(record, Resolve(1, motion=1), "Motion 1 was not carried, so cannot be resolved.")
    apply(record, Move(1, "bye", PARTS, seconder="mills"), Vote(2, HANDS, yes=4, no=1))
    refused(
        record,
        Resolve(1),
        "Motion 2 on this item was put to the vote: record the resolution from a carried "
        "motion (give its number).",
    )


def test_a_resolution_after_a_motion_withdrawn_may_take_the_recommendations() -> None:
    record = moved(Withdraw(1))
    apply(record, Resolve(1))
    assert record.resolutions[1].parts == (Part("to note the report"),)


def test_an_amendment_or_an_exclusion_is_not_resolved() -> None:
    record = moved(
        Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)), Vote(2, ASSENT), Vote(1, ASSENT)
    )
    refused(record, Resolve(1, motion=2), "Motion 2 was not carried, so cannot be resolved.")
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", exempt_paragraph=3)
    apply(record, MoveExclusion(exempt_item=2, mover="barnby", seconder="mills"), Vote(1, ASSENT))
    refused(
        record,
        Resolve(1, motion=1),
        "Motion 1 excluded the press and public: that resolution is minuted with it already.",
    )
    apply(record, Resolve(1))  # the exclusion is not "put to the vote" on the business


def test_a_resolution_names_a_motion_on_its_own_item() -> None:
    record = moved(Vote(1, ASSENT))
    record.items[2] = replace(record.items[1], id=2, number="6", minute_number=6)
    refused(record, Resolve(2, motion=1), "Motion 1 is not on item 6.")


@pytest.mark.parametrize(
    "vote, message",
    [
        (
            Vote(1, HANDS, result=PASS),
            "The result was declared without a count, so the resolution cannot be called "
            "unanimous.",
        ),
        (
            Vote(1, HANDS, yes=4, no=1),
            "The vote was 4 for, 1 against and 0 abstaining, so the resolution is not unanimous.",
        ),
        (
            Vote(1, HANDS, yes=4, abstain=1),
            "The vote was 4 for, 0 against and 1 abstaining, so the resolution is not unanimous.",
        ),
    ],
)
def test_only_a_unanimous_vote_makes_a_unanimous_resolution(vote: Vote, message: str) -> None:
    record = moved(vote)
    refused(record, Resolve(1, motion=1, unanimous=True), message)
    apply(record, Resolve(1, motion=1))


def test_the_last_vote_decides_whether_the_resolution_is_unanimous() -> None:
    record = moved(Vote(1, HANDS, yes=4, no=1))
    record.votes[2] = replace(record.votes[1], id=2, yes=5, no=0)
    apply(record, Resolve(1, motion=1, unanimous=True))
    assert record.resolutions[1].unanimous


def test_a_resolution_needs_a_quorum_and_the_item_taken() -> None:
    record = under_way()
    record.items[2] = replace(record.items[1], id=2, number="6", minute_number=None)
    refused(
        record,
        Resolve(2),
        "Item 6 has not been taken yet: take it before you record a resolution on it.",
    )
    for person in ("bye", "barnby", "mandy-darling"):
        apply(record, Leave(person, at=time(10)))
    refused(
        record,
        Resolve(1),
        "The meeting is inquorate (2 present, 3 needed) and cannot pass a resolution: adjourn "
        "the meeting.",
    )


# What each action says it cannot do, and why.


def test_nothing_is_moved_or_decided_before_the_meeting_starts() -> None:
    record = board_record()
    apply(record, AddItem(number="5", title="Family Friendly Vision"))
    record.motions[1] = Motion(id=1, item_id=1, kind=MotionKind.MOTION, mover_id="barnby")
    for action, doing in [
        (MOVE, "move a motion"),
        (Second(1, "mills"), "second a motion"),
        (Amend(1, "bye", AmendmentOp.ADD_PART, (Part("x"),)), "move an amendment"),
        (Withdraw(1), "withdraw a motion"),
        (Fall(1), "record that a motion fell"),
        (Vote(1, ASSENT), "record a vote"),
        (Resolve(1), "record a resolution"),
    ]:
        refused(record, action, f"Start the meeting before you {doing}.")


def test_a_motion_is_moved_on_an_item_taken_by_someone_who_may_vote_on_it() -> None:
    record = under_way()
    apply(record, AddItem(number="6", title="Later"))
    refused(
        record,
        Move(2, "barnby", PARTS),
        "Item 6 has not been taken yet: take it before you move a motion on it.",
    )
    apply(record, OfficerPresent("nancy-meehan"))
    refused(
        record,
        Move(1, "nancy-meehan", PARTS),
        "Nancy Meehan is not a voting member of the Board. They cannot move a motion.",
    )
    refused(
        record,
        Move(1, "barnby", PARTS, seconder="barnby"),
        "The mover cannot also second the motion.",
    )
    apply(record, MOVE)
    refused(
        record,
        Amend(1, "nancy-meehan", AmendmentOp.ADD_PART, (Part("x"),)),
        "Nancy Meehan is not a voting member of the Board. They cannot move an amendment.",
    )


def test_the_quorum_for_a_vote_or_a_resolution_is_the_items() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(record, MOVE)
    apply(record, Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"))
    refused(
        record,
        Vote(1, ASSENT),
        "The meeting is inquorate (2 present, 3 needed) and cannot take a vote: adjourn the "
        "meeting.",
    )
    apply(record, Withdraw(1))
    refused(
        record,
        Resolve(1),
        "The meeting is inquorate (2 present, 3 needed) and cannot pass a resolution: adjourn "
        "the meeting.",
    )


def test_with_no_quorum_set_and_nobody_eligible_there_is_no_vote() -> None:
    record = under_way(present=["bye", "barnby"])
    apply(record, Move(1, "bye", PARTS, seconder="barnby"))
    for person in ("bye", "barnby"):
        apply(
            record,
            Declare(
                person, 1, InterestKind.NON_PECUNIARY, nature="x", conduct=InterestConduct.LEFT
            ),
        )
    no_quorum = QuorumRule(kind=QuorumKind.FIXED, value=0)
    record.committee = replace(record.committee, quorum=no_quorum)
    message = "No member present is eligible to vote on this item."
    refused(record, Vote(1, ASSENT), message)
    refused(record, Vote(1, HANDS, result=PASS), message)
