"""Refusals found by trying to break the rules: each leaves the record as it was."""

from __future__ import annotations

from datetime import time

import pytest

from clerk.domain.actions.agenda import AddItem, EditItem, RemoveItem
from clerk.domain.actions.attendance import Apologies, Leave, RemoteObserver, Substitute
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Move, Resolve, Vote
from clerk.domain.actions.proceedings import (
    Adjourn,
    CloseMeeting,
    ExcludePublic,
    SetPresiding,
)
from clerk.domain.entities import Part
from clerk.domain.enums import (
    AmendmentOp,
    InterestKind,
    MeetingKind,
    MeetingStatus,
    VoteMethod,
    VoteOption,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from tests.core.builders import apply, under_way, with_item

PARTS = (Part("one"), Part("two", (Part("a"), Part("b"))), Part("three"))


def refused(record: MeetingRecord, action: object, message: str) -> None:
    before = record.snapshot()
    with pytest.raises(RuleViolation, match=message):
        apply(record, action)  # type: ignore[arg-type]
    assert record.snapshot() == before


def tie(casting_by: str) -> Vote:
    return Vote(
        motion=1,
        method=VoteMethod.SHOW_OF_HANDS,
        yes=2,
        no=2,
        casting_by=casting_by,
        casting_option=VoteOption.YES,
    )


def test_a_withdrawn_chair_has_no_casting_vote_and_the_vice_chair_presides() -> None:
    record = under_way()
    apply(
        record,
        Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="owns land nearby"),
        Move(item=1, mover="barnby", seconder="mills", parts=PARTS),
    )
    refused(record, tie("bye"), "Only Councillor Mills, presiding")
    apply(record, tie("mills"))
    assert record.votes[1].casting_by == "mills"


def test_only_a_councillor_member_in_the_room_can_preside() -> None:
    record = under_way()
    refused(record, SetPresiding("nancy-meehan"), "cannot preside")
    refused(record, SetPresiding("laura-colman"), "cannot preside")
    apply(record, Leave("mills"))
    refused(record, SetPresiding("mills"), "cannot preside")


def test_a_departed_presiding_member_has_no_casting_vote() -> None:
    record = under_way()
    apply(record, SetPresiding("mills"), Leave("mills"))
    apply(record, Move(item=1, mover="barnby", seconder="douglas-dunbar", parts=PARTS))
    refused(record, tie("mills"), "Only Councillor Bye, presiding")


def test_no_resolution_while_a_motion_is_pending_or_after_a_vote_without_its_motion() -> None:
    record = under_way()
    apply(record, Move(item=1, mover="barnby", seconder="mills", parts=PARTS))
    refused(record, Resolve(item=1, parts=PARTS), "Motion 1 is still before the meeting")
    apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=1, no=4))
    refused(record, Resolve(item=1, parts=PARTS), "was put to the vote")
    refused(record, Resolve(item=1, motion=1), "was not carried")


def test_a_motion_is_resolved_once() -> None:
    record = under_way()
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=PARTS),
        Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5),
        Resolve(item=1, motion=1),
    )
    refused(record, Resolve(item=1, motion=1), "already been recorded as resolved")


def test_a_budget_resolution_needs_a_motion_carried_on_a_recorded_vote() -> None:
    record = with_item(under_way(kind=MeetingKind.BUDGET), budget=True)
    refused(record, Resolve(item=1), "Item 5 is a budget decision: its resolution comes from")


def test_business_needs_the_item_taken() -> None:
    record = under_way()
    apply(record, AddItem(number="6", title="Later business"))
    refused(
        record,
        Move(item=2, mover="barnby", parts=PARTS),
        "Item 6 has not been taken yet",
    )
    refused(record, Resolve(item=2, parts=PARTS), "Item 6 has not been taken yet")


def test_no_vote_while_inquorate() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(record, Move(item=1, mover="barnby", seconder="mills", parts=PARTS))
    apply(record, RemoteObserver("douglas-dunbar"), Leave("mills"))
    refused(
        record,
        Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=2),
        r"inquorate \(2 present, 3 needed\) and cannot take a vote",
    )


def test_an_amendment_that_no_longer_fits_cannot_be_carried() -> None:
    record = under_way()
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=PARTS),
        Amend(motion=1, mover="bye", op=AmendmentOp.DELETE_PART, target_part="3"),
        Amend(
            motion=1,
            mover="mills",
            op=AmendmentOp.REPLACE_PART,
            target_part="3",
            parts=(Part("THREE"),),
        ),
        Vote(motion=2, method=VoteMethod.SHOW_OF_HANDS, yes=5),
    )
    refused(
        record,
        Vote(motion=3, method=VoteMethod.SHOW_OF_HANDS, yes=5),
        "Amendment 3 no longer fits motion 1 as amended",
    )


def test_one_councillor_substitutes_for_one_member() -> None:
    record = under_way(present=["bye", "douglas-dunbar", "mills"])
    apply(
        record,
        Apologies("mandy-darling"),
        Apologies("barnby"),
        Substitute("howgate", "mandy-darling", "Liberal Democrat Group"),
    )
    refused(
        record,
        Substitute("howgate", "barnby"),
        "already substituting for Councillor Mandy Darling",
    )


def test_exclusion_names_an_exempt_item_and_its_paragraph() -> None:
    record = under_way()
    refused(record, ExcludePublic(item=1, paragraph=3), "not marked exempt")
    apply(record, EditItem(item=1, exempt_paragraph=3))
    refused(record, ExcludePublic(item=1, paragraph=1), "paragraph 3 of Schedule 12A")
    apply(record, ExcludePublic(item=1, paragraph=3))
    assert record.meeting.public_excluded


def test_an_item_referred_to_by_the_record_cannot_be_removed() -> None:
    record = under_way()
    apply(record, AddItem(number="9", title="Exempt business", exempt_paragraph=3))
    apply(record, ExcludePublic(item=2, paragraph=3))
    refused(record, RemoveItem(item=2), "referred to by what was recorded")


def test_an_adjourned_meeting_can_be_closed_without_reconvening() -> None:
    record = under_way()
    apply(record, Adjourn(at=time(11, 5)), CloseMeeting(at=time(11, 5)))
    assert record.meeting.status is MeetingStatus.CLOSED
