"""The rules of a vote and of the quorum, each sentence exact, on records made in memory (quick
enough to run for each mutant of clerk/domain/rules: see docs/mutation.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk.domain.actions.attendance import (
    AlsoAttending,
    Apologies,
    OfficerPresent,
    Present,
    RemoteObserver,
)
from clerk.domain.actions.declarations import Declare
from clerk.domain.entities import QuorumRule, VoteChoice
from clerk.domain.enums import InterestConduct, InterestKind, QuorumKind, VoteOption, VoteResult
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import could_have_voted, ineligibility_reason
from clerk.domain.rules.quorum import QuorumState, quorum_needed, quorum_state
from clerk.domain.rules.votes import Tally, check_counts, decide, tally_choices
from tests.core.builders import apply, under_way

YES, NO, ABSTAIN = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN


def test_choices_are_counted_one_each() -> None:
    choices = [VoteChoice("a", YES), VoteChoice("b", NO), VoteChoice("c", ABSTAIN)]
    choices += [VoteChoice("d", ABSTAIN), VoteChoice("e", YES), VoteChoice("f", YES)]
    choices += [VoteChoice("g", VoteOption.ABSENT)]
    assert tally_choices(choices) == Tally(yes=3, no=1, abstain=2)


@pytest.mark.parametrize(
    "tally, message",
    [
        (Tally(-1, 0, 0), "The number voting for cannot be negative (-1)."),
        (Tally(0, -2, 0), "The number voting against cannot be negative (-2)."),
        (Tally(0, 0, -3), "The number abstaining cannot be negative (-3)."),
        (
            Tally(3, 2, 1),
            "3 for + 2 against + 1 abstaining = 6, but only 5 members present are eligible to "
            "vote.",
        ),
        (
            Tally(0, 0, 0),
            "No votes were recorded: enter the counts, give the result as declared, or record "
            "assent.",
        ),
    ],
)
def test_counts_that_cannot_be_right_are_refused(tally: Tally, message: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        check_counts(tally, 5)
    assert str(refused.value) == message


def test_counts_up_to_those_eligible_are_taken() -> None:
    check_counts(Tally(3, 1, 1), 5)
    check_counts(Tally(1, 0, 0), 1)


@pytest.mark.parametrize(
    "tally, casting, message",
    [
        (
            Tally(2, 2, 0),
            None,
            "The vote is tied (2 to 2): record the casting vote of the person presiding.",
        ),
        (Tally(2, 2, 1), ABSTAIN, "A casting vote must be for or against."),
        (Tally(3, 2, 0), YES, "A casting vote is recorded only when the votes are equal."),
        (Tally(2, 3, 0), NO, "A casting vote is recorded only when the votes are equal."),
    ],
)
def test_a_vote_that_cannot_be_decided_says_why(
    tally: Tally, casting: VoteOption | None, message: str
) -> None:
    with pytest.raises(RuleViolation) as refused:
        decide(tally, casting)
    assert str(refused.value) == message


def test_a_majority_decides_and_a_tie_goes_with_the_casting_vote() -> None:
    assert decide(Tally(3, 2, 4), None) is VoteResult.PASS
    assert decide(Tally(2, 3, 0), None) is VoteResult.FAIL
    assert decide(Tally(2, 2, 1), YES) is VoteResult.PASS
    assert decide(Tally(2, 2, 1), NO) is VoteResult.FAIL


def test_unanimous_and_tied() -> None:
    assert Tally(3, 0, 0).unanimous and not Tally(3, 0, 1).unanimous
    assert not Tally(3, 1, 0).unanimous and not Tally(0, 0, 0).unanimous
    assert Tally(2, 2, 0).tied and not Tally(2, 1, 0).tied


def test_the_quorum_is_described_in_words() -> None:
    assert QuorumState(present=3, needed=3).describe() == "3 / 3 present (quorate)"
    assert QuorumState(present=2, needed=3).describe() == "2 / 3 present (INQUORATE)"


def with_quorum(record: MeetingRecord, value: int, denominator: int) -> MeetingRecord:
    rule = QuorumRule(kind=QuorumKind.FRACTION, value=value, denominator=denominator)
    record.committee = replace(record.committee, quorum=rule)
    return record


def test_a_quorum_as_a_fraction_of_the_seats_rounds_up() -> None:
    record = under_way()  # five councillor seats
    assert quorum_needed(with_quorum(record, 2, 3)) == 4  # 10/3
    assert quorum_needed(with_quorum(record, 1, 4)) == 2  # 5/4
    assert quorum_needed(with_quorum(record, 1, 10)) == 1  # a half: at least one
    assert quorum_needed(with_quorum(record, 1, 1)) == 5


def test_everyone_present_in_a_councillor_seat_counts_whatever_comes_first() -> None:
    record = under_way(present=[])
    apply(
        record,
        OfficerPresent("nancy-meehan"),
        Present("brent-davison"),
        Apologies("mandy-darling"),
        Present("bye"),
        Present("barnby"),
        Present("mills"),
    )
    apply(record, Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"))
    assert quorum_state(record).present == 3
    assert quorum_state(record, 1).present == 2


def test_why_someone_may_not_vote() -> None:
    record = under_way(present=["bye", "barnby", "mills"])
    apply(
        record,
        AlsoAttending("steve-darling", capacity="Cabinet Member"),
        OfficerPresent("nancy-meehan"),
        Present("brent-davison"),
        Present("laura-colman"),
        RemoteObserver("douglas-dunbar"),
        Apologies("mandy-darling"),
        Declare("barnby", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"),
        Declare(
            "mills", 1, InterestKind.NON_PECUNIARY, nature="a trustee",
            conduct=InterestConduct.LEFT,
        ),
    )  # fmt: skip
    item = record.items[1]
    reasons = {
        person: ineligibility_reason(record, person, item)
        for person in [
            "bye", "barnby", "mills", "steve-darling", "nancy-meehan", "brent-davison",
            "laura-colman", "douglas-dunbar", "mandy-darling",
        ]
    }  # fmt: skip
    assert reasons == {
        "bye": None,
        "barnby": "Councillor Barnby declared a disclosable pecuniary interest in this item and "
        "has withdrawn.",
        "mills": "Councillor Mills declared an interest in this item and has withdrawn.",
        "steve-darling": "Councillor Steve Darling is in attendance but is not a member of the "
        "Board.",
        "nancy-meehan": "Nancy Meehan is not a voting member of the Board.",
        "brent-davison": "Brent Davison is a non-voting co-opted member.",
        "laura-colman": "Laura Colman votes on education items only, and this item is not one.",
        "douglas-dunbar": "Councillor Douglas-Dunbar is attending remotely and may not vote.",
        "mandy-darling": "Councillor Mandy Darling is not present.",
    }


def test_who_could_have_voted_on_an_item() -> None:
    record = under_way(present=[])
    apply(
        record,
        OfficerPresent("nancy-meehan"),
        Present("brent-davison"),
        Present("laura-colman"),
        Apologies("mandy-darling"),
        Present("mills"),
        Present("bye"),
        Present("barnby"),
        Declare("barnby", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a nursery"),
    )
    assert could_have_voted(record, record.items[1]) == ["mills", "bye"]
    education = under_way(present=[], education=True)
    apply(education, Present("brent-davison"), Present("laura-colman"), Present("bye"))
    assert could_have_voted(education, education.items[1]) == ["laura-colman", "bye"]
