"""Quorum: councillor seats physically present, less anyone withdrawn for the item."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.domain.actions.attendance import Leave, Present, RemoteObserver, Substitute
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Move, Resolve, Vote
from clerk.domain.entities import Part, QuorumRule
from clerk.domain.enums import InterestConduct, InterestKind, QuorumKind, VoteMethod
from clerk.domain.errors import RuleViolation
from clerk.domain.rules.quorum import quorum_needed, quorum_state
from tests.core.builders import COUNCILLORS, apply, board_record, under_way


def test_remote_observers_and_co_optees_do_not_count() -> None:
    record = under_way(present=["bye", "barnby"])
    apply(record, RemoteObserver("mills"), Present("laura-colman"), Present("brent-davison"))
    state = quorum_state(record, 1)
    assert (state.present, state.needed, state.quorate) == (2, 3, False)
    assert "INQUORATE" in state.describe()


def test_a_substitute_counts_in_the_seat_they_fill() -> None:
    record = under_way(present=["bye", "barnby"])
    apply(record, Substitute("howgate", "mandy-darling", "Liberal Democrat Group"))
    assert quorum_state(record, 1).present == 3
    assert quorum_state(record, 1).quorate


def test_a_member_withdrawn_under_a_pecuniary_interest_does_not_count_for_that_item() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(record, Declare("mills", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="owns a nursery"))
    assert quorum_state(record, 1).present == 2
    assert quorum_state(record).present == 3  # still counts for the meeting as a whole


def test_a_departure_takes_the_member_out_of_the_count() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(record, Leave("mills"))
    assert quorum_state(record, 1).present == 2


def test_an_inquorate_meeting_cannot_record_a_resolution() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(
        record,
        Move(item=1, mover="barnby", seconder="mills", parts=(Part("to note the report"),)),
        Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=3),
        Leave("mills"),
    )
    with pytest.raises(RuleViolation, match=r"inquorate \(2 present, 3 needed\).*adjourn"):
        apply(record, Resolve(item=1, motion=1))
    assert record.resolutions == {}


def test_fraction_quorum_is_a_share_of_the_seats_rounded_up() -> None:
    record = board_record()
    committee = replace(record.committee, quorum=QuorumRule(QuorumKind.FRACTION, 1, 4))
    record.committee = committee
    assert quorum_needed(record) == 2  # a quarter of 5 seats, rounded up


@given(
    present=st.sets(st.sampled_from(COUNCILLORS)),
    remote=st.sets(st.sampled_from(COUNCILLORS)),
    withdrawn=st.sets(st.sampled_from(COUNCILLORS)),
)
def test_quorum_counts_exactly_the_present_not_withdrawn_seats(
    present: set[str], remote: set[str], withdrawn: set[str]
) -> None:
    remote = remote - present
    record = under_way(present=sorted(present))
    for person in sorted(remote):
        apply(record, RemoteObserver(person))
    for person in sorted(withdrawn & present):
        apply(
            record,
            Declare(
                person,
                1,
                InterestKind.DISCLOSABLE_PECUNIARY,
                nature="a family business",
                conduct=InterestConduct.LEFT,
            ),
        )
    expected = len(present - withdrawn)
    state = quorum_state(record, 1)
    assert state.present == expected
    assert state.quorate == (expected >= 3)
