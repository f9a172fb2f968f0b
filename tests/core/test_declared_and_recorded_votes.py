"""Votes as councils minute them: declared without a count, and recorded by name in rows."""

from __future__ import annotations

import pytest

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Apologies, Leave
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Move, Resolve, Vote
from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import (
    InterestConduct,
    InterestKind,
    MotionOutcome,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from tests.core.builders import apply, under_way

MOTION = Move(item=1, mover="barnby", seconder="mills", parts=(Part("to note the report"),))
YES, NO, ABSTAIN = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN


def refused(record: MeetingRecord, action: object, message: str) -> None:
    before = record.snapshot()
    with pytest.raises(RuleViolation, match=message):
        apply(record, action)  # type: ignore[arg-type]
    assert record.snapshot() == before


def test_a_result_declared_without_a_count_is_a_vote() -> None:
    record = under_way()
    apply(record, MOTION, Vote(1, VoteMethod.SHOW_OF_HANDS, result=VoteResult.PASS))
    (vote,) = record.votes.values()
    assert vote.result is VoteResult.PASS and not vote.counted
    assert record.motions[1].outcome is MotionOutcome.CARRIED
    refused(record, Resolve(item=1, motion=1, unanimous=True), "declared without a count")
    apply(record, Resolve(item=1, motion=1))


def test_counts_given_must_add_up_and_agree_with_the_result_declared() -> None:
    record = under_way()
    apply(record, MOTION)
    refused(
        record,
        Vote(1, VoteMethod.SHOW_OF_HANDS, yes=1, no=3, result=VoteResult.PASS),
        r"^The result given \(carried\) is not what the counts decided \(lost\)\.$",
    )
    refused(record, Vote(1, VoteMethod.SHOW_OF_HANDS, yes=6), "only 5 members present")
    refused(record, Vote(1, VoteMethod.SHOW_OF_HANDS), "give the result as declared")
    refused(
        record,
        Vote(1, VoteMethod.ASSENT, result=VoteResult.FAIL),
        r"is not what a decision by assent decided",
    )
    apply(record, Vote(1, VoteMethod.SHOW_OF_HANDS, yes=3, no=1, result=VoteResult.PASS))


def test_a_recorded_vote_lists_the_absent_and_those_excluded_or_not_voting_with_a_reason() -> None:
    record = under_way(present=["bye", "barnby", "mandy-darling", "douglas-dunbar"])
    apply(record, Apologies("mills"), Move(1, "barnby", (Part("x"),), seconder="bye"))
    apply(
        record,
        Vote(
            1,
            VoteMethod.RECORDED,
            choices=(
                VoteChoice("bye", YES),
                VoteChoice("barnby", YES),
                VoteChoice("mandy-darling", NO),
                VoteChoice("douglas-dunbar", VoteOption.EXCLUDED, "under Standing Order 12"),
                VoteChoice("mills", VoteOption.ABSENT),
            ),
        ),
    )
    (vote,) = record.votes.values()
    assert (vote.yes, vote.no, vote.abstain, vote.result) == (2, 1, 0, VoteResult.PASS)
    assert vote.choices[3].reason == "under Standing Order 12"


def test_a_recorded_vote_is_refused_for_a_name_listed_twice_or_in_the_wrong_row() -> None:
    record = under_way(present=["bye", "barnby", "mandy-darling", "douglas-dunbar"])
    apply(record, Apologies("mills"), Move(1, "barnby", (Part("x"),), seconder="bye"))
    everyone = [VoteChoice(p, YES) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")]
    refused(
        record,
        Vote(1, VoteMethod.RECORDED, choices=(*everyone, VoteChoice("bye", NO))),
        r"^Councillor Bye is listed twice in the recorded vote\.$",
    )
    refused(
        record,
        Vote(1, VoteMethod.RECORDED, choices=(*everyone[1:], VoteChoice("bye", VoteOption.ABSENT))),
        r"^Councillor Bye is present: record for, against, abstain, not voting or excluded",
    )
    refused(
        record,
        Vote(1, VoteMethod.RECORDED, choices=(*everyone, VoteChoice("mills", NO))),
        r"^Councillor Mills is not present\. Their vote cannot be recorded\.$",
    )
    refused(
        record,
        Vote(1, VoteMethod.RECORDED, choices=(*everyone, VoteChoice("mills", VoteOption.EXCLUDED))),
        r"^Councillor Mills is not present: list them as absent\.$",
    )
    refused(
        record,
        Vote(1, VoteMethod.RECORDED, choices=(*everyone, VoteChoice("law", VoteOption.ABSENT))),
        r"^Councillor Law has no vote on this item, so is not listed in the recorded vote\.$",
    )


def test_a_member_withdrawn_under_an_interest_may_be_listed_as_not_voting_with_the_reason() -> None:
    record = under_way()
    apply(
        record,
        Declare(
            "mills",
            1,
            InterestKind.DISCLOSABLE_PECUNIARY,
            nature="a director of a bidding firm",
            conduct=InterestConduct.LEFT,
        ),
        Move(1, "barnby", (Part("x"),), seconder="bye"),
    )
    voters = [VoteChoice(p, YES) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")]
    withdrawn = VoteChoice("mills", VoteOption.NOT_VOTING, "having declared an interest")
    apply(record, Vote(1, VoteMethod.RECORDED, choices=(*voters, withdrawn)))
    assert record.votes[1].yes == 4


def _minutes_item(record: MeetingRecord) -> None:
    apply(record, AddItem("2", "Minutes", standard=StandardItem.MINUTES), OpenItem(2))


def test_minutes_confirmed_subject_to_an_amendment_moved_and_carried_on_the_minutes_item() -> None:
    record = under_way()
    _minutes_item(record)
    amendment = Part("that Minute 12 be amended to record Councillor Mills's apologies.")
    apply(record, Move(2, "mills", (amendment,), seconder="barnby"))
    refused(
        record, ConfirmMinutes(2, record.meeting.date.replace(month=8), motion=1), "not carried"
    )
    refused(
        record, ConfirmMinutes(2, record.meeting.date.replace(month=8), motion=9), "No motion 9"
    )
    apply(record, Vote(1, VoteMethod.SHOW_OF_HANDS, yes=5))
    refused(record, ConfirmMinutes(1, record.meeting.date.replace(month=8), motion=1), "not the")
    apply(record, ConfirmMinutes(2, record.meeting.date.replace(month=8), motion=1))
    (paragraph,) = record.paragraphs.values()
    assert paragraph.text == (
        "The Minutes of the meeting of the Board held on 20 August 2021 were confirmed as a "
        "correct record, subject to the amendment set out above, and signed by the Chairman."
    )


def test_a_departure_leaves_the_member_absent_from_a_later_recorded_vote() -> None:
    record = under_way()
    apply(record, Leave("mills"), Move(1, "barnby", (Part("x"),), seconder="bye"))
    voters = [VoteChoice(p, YES) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")]
    absent = VoteChoice("mills", VoteOption.ABSENT)
    apply(record, Vote(1, VoteMethod.RECORDED, choices=(*voters, absent)))
    assert record.votes[1].choices[-1] == absent
