"""Votes: eligibility, reconciliation, the casting vote, unanimity, budget decisions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Leave, Present, RemoteObserver
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Move, Resolve, Vote
from clerk.domain.actions.proceedings import OpenItem
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import (
    AmendmentOp,
    InterestConduct,
    InterestKind,
    MeetingKind,
    MotionOutcome,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.rules.eligibility import eligible_voters, ineligibility_reason
from clerk.domain.rules.votes import Tally, check_counts, decide
from tests.core.builders import COUNCILLORS, apply, under_way, with_item

MOTION = Move(item=1, mover="barnby", seconder="mills", parts=(Part("to note the report"),))


def moved(**kwargs: object) -> object:
    record = under_way(**kwargs)  # type: ignore[arg-type]
    apply(record, MOTION)
    return record


def test_co_optees_vote_on_education_items_only() -> None:
    record = under_way()
    apply(record, Present("laura-colman"), Present("brent-davison"))
    item = record.items[1]
    assert "education items only" in (ineligibility_reason(record, "laura-colman", item) or "")
    assert "non-voting co-opted member" in (
        ineligibility_reason(record, "brent-davison", item) or ""
    )
    education = under_way(education=True)
    apply(education, Present("laura-colman"))
    assert ineligibility_reason(education, "laura-colman", education.items[1]) is None
    assert "laura-colman" in eligible_voters(education, education.items[1])


def test_remote_and_absent_and_departed_members_cannot_vote() -> None:
    record = under_way(present=["bye", "barnby", "douglas-dunbar"])
    apply(record, RemoteObserver("mills"), Leave("douglas-dunbar"))
    item = record.items[1]
    assert "attending remotely" in (ineligibility_reason(record, "mills", item) or "")
    assert "not present" in (ineligibility_reason(record, "douglas-dunbar", item) or "")
    assert "not present" in (ineligibility_reason(record, "mandy-darling", item) or "")
    assert eligible_voters(record, item) == ["bye", "barnby"]


def test_a_pecuniary_interest_withdraws_unless_a_dispensation_is_recorded() -> None:
    record = under_way()
    apply(record, Declare("mills", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a shareholding"))
    apply(
        record,
        Declare(
            "barnby",
            1,
            InterestKind.DISCLOSABLE_PECUNIARY,
            nature="a tenancy",
            conduct=InterestConduct.DISPENSATION,
            dispensation_ref="DISP/2021/04",
        ),
    )
    item = record.items[1]
    assert "declared a disclosable pecuniary interest" in (
        ineligibility_reason(record, "mills", item) or ""
    )
    assert ineligibility_reason(record, "barnby", item) is None
    with pytest.raises(RuleViolation, match="must leave"):
        apply(
            record,
            Declare(
                "bye",
                1,
                InterestKind.DISCLOSABLE_PECUNIARY,
                nature="a lease",
                conduct=InterestConduct.STAYED,
            ),
        )


def test_declarations_follow_the_council_code_of_conduct() -> None:
    record = under_way()  # Torbay: the pecuniary / non-pecuniary code
    with pytest.raises(RuleViolation, match="no 'other-registrable' interest"):
        apply(record, Declare("bye", 1, InterestKind.OTHER_REGISTRABLE, nature="a charity"))
    apply(record, Declare("bye", 1, InterestKind.NON_PECUNIARY, nature="a school governor"))
    assert ineligibility_reason(record, "bye", record.items[1]) is None


def test_a_sensitive_interest_is_recorded_without_its_nature() -> None:
    record = under_way()
    apply(
        record,
        Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="secret", sensitive=True),
    )
    (declaration,) = record.declarations.values()
    assert declaration.sensitive and declaration.nature == ""


def test_a_named_vote_from_an_ineligible_member_is_refused_with_the_reason() -> None:
    record = moved(education=False)
    apply(record, Present("laura-colman"))
    choices = tuple(VoteChoice(p, VoteOption.YES) for p in ["bye", "barnby", "mandy-darling"])
    choices += (
        VoteChoice("douglas-dunbar", VoteOption.NO),
        VoteChoice("mills", VoteOption.NO),
        VoteChoice("laura-colman", VoteOption.YES),
    )
    with pytest.raises(RuleViolation, match=r"education items only.*cannot be recorded"):
        apply(record, Vote(motion=1, method=VoteMethod.RECORDED, choices=choices))
    assert record.votes == {}
    assert record.motions[1].outcome is MotionOutcome.PENDING


def test_a_recorded_vote_must_account_for_every_eligible_member() -> None:
    record = moved()
    choices = (VoteChoice("bye", VoteOption.YES), VoteChoice("barnby", VoteOption.YES))
    with pytest.raises(RuleViolation, match="No choice recorded for Councillor Mandy Darling"):
        apply(record, Vote(motion=1, method=VoteMethod.RECORDED, choices=choices))


def test_counts_that_exceed_the_eligible_members_are_refused() -> None:
    record = moved(present=["bye", "barnby", "mills"])
    with pytest.raises(RuleViolation, match="only 3 members present are eligible"):
        apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=3, no=1))


def test_a_tie_needs_the_casting_vote_of_the_person_presiding() -> None:
    record = moved(present=["bye", "barnby", "mills", "douglas-dunbar"])
    tie = Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=2, no=2)
    with pytest.raises(RuleViolation, match=r"tied.*casting vote"):
        apply(record, tie)
    with pytest.raises(RuleViolation, match="Only Councillor Bye, presiding"):
        apply(
            record,
            Vote(
                motion=1,
                method=VoteMethod.SHOW_OF_HANDS,
                yes=2,
                no=2,
                casting_by="mills",
                casting_option=VoteOption.NO,
            ),
        )
    apply(
        record,
        Vote(
            motion=1,
            method=VoteMethod.SHOW_OF_HANDS,
            yes=2,
            no=2,
            casting_by="bye",
            casting_option=VoteOption.NO,
        ),
    )
    (vote,) = record.votes.values()
    assert vote.result is VoteResult.FAIL and vote.casting_by == "bye"
    assert record.motions[1].outcome is MotionOutcome.LOST


def test_unanimously_only_when_none_against_and_none_abstaining() -> None:
    record = moved()
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4, abstain=1))
    with pytest.raises(RuleViolation, match="not unanimous"):
        apply(record, Resolve(item=1, motion=1, unanimous=True))
    apply(record, Resolve(item=1, motion=1))
    (resolution,) = record.resolutions.values()
    assert resolution.wording == "Resolved:"
    assert resolution.parts == (Part("to note the report"),)


ALL_FOR = tuple(VoteChoice(p, VoteOption.YES) for p in COUNCILLORS)


def test_a_budget_item_records_every_vote_on_it_by_name() -> None:
    record = with_item(moved(kind=MeetingKind.BUDGET), budget=True)  # type: ignore[arg-type]
    before = record.snapshot()
    with pytest.raises(RuleViolation, match=r"^Item 5 is a budget decision: its votes"):
        apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))
    assert record.snapshot() == before
    apply(record, Vote(motion=1, method=VoteMethod.RECORDED, choices=ALL_FOR))
    assert record.votes[1].yes == 5 and record.votes[1].unanimous


def test_a_budget_motion_and_its_amendments_are_recorded_but_procedural_motions_are_free() -> None:
    record = under_way(kind=MeetingKind.BUDGET)
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=(Part("the budget"),), budget=True),
        Amend(motion=1, mover="bye", seconder="mills", op=AmendmentOp.ADD_PART, parts=(Part("x"),)),
    )
    with pytest.raises(RuleViolation, match=r"^Motion 1 is a budget decision"):
        apply(record, Vote(motion=2, method=VoteMethod.SHOW_OF_HANDS, yes=3, no=2))
    apply(record, Vote(motion=2, method=VoteMethod.RECORDED, choices=ALL_FOR))
    # Approving the minutes (another motion, another item) at the same meeting stays free.
    apply(record, AddItem("2", "Minutes", standard=StandardItem.MINUTES), OpenItem(2))
    apply(record, Move(item=2, mover="bye", parts=(Part("to approve the minutes"),)))
    apply(record, Vote(motion=3, method=VoteMethod.ASSENT))
    assert record.motions[3].outcome is MotionOutcome.CARRIED


@given(
    yes=st.integers(0, 8),
    no=st.integers(0, 8),
    abstain=st.integers(0, 8),
    eligible=st.integers(0, 8),
    casting=st.sampled_from([None, VoteOption.YES, VoteOption.NO]),
)
def test_reconciliation_and_result(
    yes: int, no: int, abstain: int, eligible: int, casting: VoteOption | None
) -> None:
    tally = Tally(yes, no, abstain)
    total = yes + no + abstain
    if total > eligible or total == 0:
        with pytest.raises(RuleViolation):
            check_counts(tally, eligible)
        return
    check_counts(tally, eligible)
    if yes != no:
        if casting is not None:
            with pytest.raises(RuleViolation, match="only when the votes are equal"):
                decide(tally, casting)
        else:
            assert decide(tally, None) is (VoteResult.PASS if yes > no else VoteResult.FAIL)
    elif casting is None:
        with pytest.raises(RuleViolation, match="casting vote"):
            decide(tally, None)
    else:
        assert decide(tally, casting) is (
            VoteResult.PASS if casting is VoteOption.YES else VoteResult.FAIL
        )
    assert tally.unanimous == (yes > 0 and no == 0 and abstain == 0)
