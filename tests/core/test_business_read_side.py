"""The read side of an item's business (clerk.domain.rules.business): the question before the
meeting, carried motions unresolved, the latest vote, who presides, the room, and the preview
of a vote agreeing with the vote recorded, on records made in memory."""

from __future__ import annotations

import copy

import pytest

from clerk.domain.actions.attendance import Apologies
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Move, Resolve, Vote
from clerk.domain.actions.proceedings import CloseMeeting, SetPresiding
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import (
    AmendmentOp,
    InterestKind,
    MotionOutcome,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.rules import business
from clerk.domain.rules.business import Standing, preview_vote
from clerk.domain.rules.presence import presiding
from clerk.domain.rules.votes import Tally
from tests.core.builders import apply, under_way

SHOW, RECORDED, ASSENT = VoteMethod.SHOW_OF_HANDS, VoteMethod.RECORDED, VoteMethod.ASSENT
YES, NO, ABSTAIN = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN


def moved(**changes):
    record = under_way(**changes)
    apply(record, Move(item=1, mover="mills", seconder="barnby", parts=(Part("to agree"),)))
    return record


def test_the_question_before_the_meeting_is_the_amendment_first_then_the_motion() -> None:
    record = under_way()
    assert business.question_before_meeting(record) is None
    assert business.pending_motion(record, 1) is None
    apply(record, Move(item=1, mover="mills", seconder="barnby", parts=(Part("to agree"),)))
    assert business.pending_motion(record, 1) == 1
    apply(
        record,
        Amend(
            motion=1,
            mover="bye",
            seconder="barnby",
            op=AmendmentOp.ADD_PART,
            parts=(Part("and to report back"),),
        ),
    )
    assert business.pending_motion(record, 1) == 2
    assert business.question_before_meeting(record).id == 2
    apply(record, Vote(motion=2, method=SHOW, yes=3, no=2))
    assert business.question_before_meeting(record).id == 1
    assert business.latest_vote(record, 1).motion_id == 2
    apply(record, Vote(motion=1, method=SHOW, yes=5))
    assert business.question_before_meeting(record) is None
    assert business.latest_vote(record, 1).motion_id == 1


def test_carried_motions_wait_for_their_resolution() -> None:
    record = moved()
    assert business.carried_unresolved(record, 1) == []
    apply(record, Vote(motion=1, method=SHOW, yes=5))
    assert business.carried_unresolved(record, 1) == [1]
    apply(record, Resolve(item=1, motion=1))
    assert business.carried_unresolved(record, 1) == []


def test_who_presides_over_the_item_is_the_presence_rule() -> None:
    record = moved()
    assert business.presiding_over(record, 1) == "bye" == presiding(record, 1)
    apply(record, Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"))
    apply(record, SetPresiding("mills", for_item=True))
    assert business.presiding_over(record, 1) == "mills" == presiding(record, 1)


def test_the_room_counts_co_optees_present_apart_from_the_quorum() -> None:
    record = under_way(
        present=["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills", "laura-colman"]
    )
    room = business.room(record, 1)
    assert (room.present, room.counted, room.needed, room.quorate) == (6, 5, 3, True)
    assert room.describe() == "6 present, 5 councillors count (3 needed)"


def test_members_not_in_the_room_are_absent_not_ineligible() -> None:
    record = moved(present=["bye", "barnby", "mandy-darling", "mills", "laura-colman"])
    apply(record, Apologies("tatiana-wilson"), Apologies("douglas-dunbar"))
    preview = preview_vote(record, Vote(motion=1, method=SHOW))
    standing = {v.person_id: v for v in preview.voters}
    assert standing["tatiana-wilson"].standing is Standing.ABSENT
    assert standing["tatiana-wilson"].reason == "Tatiana Wilson sent apologies."
    assert not standing["tatiana-wilson"].listed_absent  # no vote on a non-education item
    assert standing["douglas-dunbar"].standing is Standing.ABSENT
    assert standing["douglas-dunbar"].listed_absent
    assert standing["laura-colman"].standing is Standing.NOT_ELIGIBLE
    assert standing["laura-colman"].reason == (
        "Laura Colman votes on education items only, and this item is not one."
    )
    assert [v.person_id for v in preview.eligible] == ["bye", "barnby", "mandy-darling", "mills"]
    assert preview.blank and preview.result is None
    assert preview.refusal is not None and preview.refusal.startswith("No votes were recorded")


def test_a_tie_names_who_has_the_casting_vote_and_gives_it_to_them() -> None:
    record = moved()
    apply(record, Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"))
    tie = preview_vote(record, Vote(motion=1, method=SHOW, yes=2, no=2))
    assert tie.tied and tie.casting_by == "mills"
    assert tie.refusal == (
        "The vote is tied (2 to 2): record the casting vote of the person presiding."
    )
    cast = preview_vote(record, Vote(motion=1, method=SHOW, yes=2, no=2, casting_option=NO))
    assert cast.draft.casting_by == "mills" and cast.refusal is None
    assert cast.result is VoteResult.FAIL
    assert cast.summary() == "LOST: 2 for, 2 against, 0 abstaining — on the casting vote."
    apply(record, cast.draft)
    vote = record.votes[1]
    assert (vote.casting_by, vote.casting_option, vote.result) == ("mills", NO, VoteResult.FAIL)


def test_a_casting_vote_left_from_an_earlier_tie_is_dropped() -> None:
    record = moved()
    preview = preview_vote(record, Vote(motion=1, method=SHOW, yes=3, no=2, casting_option=NO))
    assert preview.draft.casting_option is None and not preview.tied
    assert preview.summary() == "CARRIED: 3 for, 2 against, 0 abstaining."


@pytest.mark.parametrize(
    "draft",
    [
        Vote(motion=1, method=SHOW, yes=5),
        Vote(motion=1, method=SHOW, yes=4, no=2),
        Vote(motion=1, method=SHOW, yes=1, no=1, abstain=1),
        Vote(motion=1, method=SHOW, yes=1, no=1, casting_by="bye", casting_option=YES),
        Vote(motion=1, method=SHOW, yes=1, no=1, casting_by="mills", casting_option=YES),
        Vote(motion=1, method=SHOW, result=VoteResult.FAIL),
        Vote(motion=1, method=SHOW, yes=3, result=VoteResult.FAIL),
        Vote(motion=1, method=ASSENT),
        Vote(motion=1, method=ASSENT, yes=1),
        Vote(motion=1, method=RECORDED, choices=(VoteChoice("bye", YES),)),
        Vote(
            motion=1,
            method=RECORDED,
            choices=tuple(
                VoteChoice(p, o)
                for p, o in zip(
                    ["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"],
                    [YES, YES, NO, NO, ABSTAIN],
                    strict=True,
                )
            ),
            casting_by="bye",
            casting_option=NO,
        ),
    ],
)
def test_the_preview_says_what_the_vote_records_or_why_not(draft: Vote) -> None:
    record = moved()
    preview = preview_vote(record, draft)
    recorded = copy.deepcopy(record)
    try:
        apply(recorded, preview.draft)
    except RuleViolation as error:
        assert preview.refusal == str(error) and preview.result is None
        return
    assert preview.refusal is None
    vote = recorded.votes[1]
    assert preview.result is vote.result
    assert preview.tally == Tally(vote.yes, vote.no, vote.abstain)
    carried = MotionOutcome.CARRIED if vote.result is VoteResult.PASS else MotionOutcome.LOST
    assert recorded.motion(1).outcome is carried


def test_a_closed_meeting_did_not_take_the_items_it_never_reached() -> None:
    from clerk.domain.actions.agenda import AddItem

    record = under_way()
    apply(record, AddItem(number="6", title="Any other business"))
    assert not business.not_taken(record, record.items[2])
    apply(record, CloseMeeting())
    assert business.not_taken(record, record.items[2])
    assert not business.not_taken(record, record.items[1])


def test_who_chaired_the_meeting_for_its_minutes() -> None:
    record = under_way(present=["barnby", "mandy-darling", "mills"])
    assert business.chaired(record) == "mills"  # the Chair absent: the Vice-Chair
    apply(record, SetPresiding("barnby"))
    assert business.chaired(record) == "mills"  # the chair changed hands: as the minutes say
    fresh = under_way()
    assert business.chaired(fresh) == "bye"


def test_result_words() -> None:
    assert business.result_word(VoteResult.PASS) == "carried"
    assert business.result_word(VoteResult.FAIL) == "lost"
