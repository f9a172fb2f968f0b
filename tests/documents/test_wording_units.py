"""The clerk's sentences one by one, for the cases the scenario meetings do not reach."""

from __future__ import annotations

from datetime import time

import pytest

from clerk.documents import decision_wording, wording
from clerk.domain.entities import Declaration, Motion, MovementEntry, Person, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AmendmentOp,
    InterestConduct,
    InterestKind,
    MotionKind,
    MotionOutcome,
    Movement,
    PersonKind,
    VoteMethod,
    VoteOption,
    VoteResult,
)

PEOPLE = {
    "a": Person("a", "Able"),
    "b": Person("b", "Baker"),
    "c": Person("c", "Cole"),
    "d": Person("d", "Laura Colman", PersonKind.CO_OPTEE),
}


@pytest.mark.parametrize(
    ("op", "part", "expected"),
    [
        (AmendmentOp.REPLACE_ALL, "", "to replace the motion with the following"),
        (AmendmentOp.REPLACE_PART, "2", "to replace part 2 of the motion with the following"),
        (AmendmentOp.INSERT_AFTER, "1.a", "to insert the following after part 1.a of the motion"),
        (AmendmentOp.ADD_PART, "", "to add the following to the motion"),
        (AmendmentOp.DELETE_PART, "3", "to delete part 3 of the motion"),
    ],
)
def test_what_an_amendment_does(op: AmendmentOp, part: str, expected: str) -> None:
    amendment = Motion(2, 1, MotionKind.AMENDMENT, "a", amends_id=1, op=op, target_part=part)
    assert decision_wording.amendment_operation(amendment) == expected


def test_withdrawn_and_fallen_motions() -> None:
    withdrawn = Motion(1, 1, MotionKind.MOTION, "a", outcome=MotionOutcome.WITHDRAWN)
    fell = Motion(2, 1, MotionKind.AMENDMENT, "a", outcome=MotionOutcome.FELL)
    assert decision_wording.unvoted_outcome(withdrawn, "motion") == "The motion was withdrawn."
    assert decision_wording.unvoted_outcome(fell, "amendment") == "The amendment fell."
    assert decision_wording.mover_sentence(fell, PEOPLE) == "Councillor Able proposed an amendment"


def test_a_recorded_vote_names_councillors_and_co_optees_with_counts() -> None:
    vote = VoteEvent(
        1,
        1,
        VoteMethod.RECORDED,
        VoteResult.PASS,
        3,
        1,
        0,
        choices=(
            VoteChoice("a", VoteOption.YES),
            VoteChoice("b", VoteOption.YES),
            VoteChoice("d", VoteOption.YES),
            VoteChoice("c", VoteOption.NO),
        ),
    )
    assert decision_wording.recorded_vote_line(vote, PEOPLE) == (
        "For: Councillors Able and Baker and Laura Colman (3); Against: Councillor Cole (1)"
    )


def test_a_recorded_vote_has_a_row_for_the_absent_and_those_not_voting_with_reasons() -> None:
    people = {**PEOPLE, "e": Person("e", "Evans"), "f": Person("f", "Ford")}
    vote = VoteEvent(
        1,
        1,
        VoteMethod.RECORDED,
        VoteResult.PASS,
        1,
        0,
        1,
        choices=(
            VoteChoice("a", VoteOption.YES),
            VoteChoice("b", VoteOption.ABSTAIN),
            VoteChoice("c", VoteOption.ABSENT),
            VoteChoice("e", VoteOption.EXCLUDED, "under Standing Order 12"),
            VoteChoice("f", VoteOption.NOT_VOTING, "having declared an interest"),
        ),
    )
    assert decision_wording.recorded_vote_line(vote, people) == (
        "For: Councillor Able (1); Against: none (0); Abstain: Councillor Baker (1); "
        "Absent: Councillor Cole (1); Excluded from voting: Councillor Evans (under Standing "
        "Order 12) (1); Did not vote: Councillor Ford (having declared an interest) (1)"
    )


def test_a_result_declared_without_a_count() -> None:
    vote = VoteEvent(1, 1, VoteMethod.SHOW_OF_HANDS, VoteResult.FAIL)
    assert decision_wording.vote_sentences(vote, PEOPLE, "Chair", "a", "motion") == [
        "On being put to the vote, the motion was declared lost."
    ]


def test_the_exclusion_resolution_and_the_public_staying() -> None:
    assert decision_wording.exclusion_resolution("for this item of business", 1) == (
        "That, under section 100A(4) of the Local Government Act 1972, the press and public be "
        "excluded from the meeting for this item of business on the grounds that it involves "
        "the likely disclosure of exempt information as defined in paragraph 1 of Part 1 of "
        "Schedule 12A to the Local Government Act 1972."
    )
    assert decision_wording.public_remained_sentence("the consideration of Minute 10") == (
        "The press and public therefore remained in the meeting for the consideration of Minute 10."
    )


def test_notes_readmission_and_the_chair() -> None:
    assert wording.note_sentence(time(10, 45), "The webcast failed") == (
        "The webcast failed. (10.45 am)"
    )
    assert wording.readmission_sentence(time(11, 40)) == (
        "The press and public were readmitted to the meeting at 11.40 am."
    )
    assert wording.presiding_sentence(PEOPLE["b"]) == "Councillor Baker took the chair."


def test_a_casting_vote_by_someone_other_than_the_chair() -> None:
    vote = VoteEvent(
        1, 1, VoteMethod.SHOW_OF_HANDS, VoteResult.FAIL, 2, 2, 1, (), "b", VoteOption.NO
    )
    assert decision_wording.vote_sentences(vote, PEOPLE, "Chair", "a", "motion") == [
        "On being put to the vote, there was an equality of votes (For: 2; Against: 2; "
        "Abstain: 1).",
        "There being an equality of votes, Councillor Baker, presiding, used their casting vote "
        "against the motion, which was declared lost.",
    ]


def test_declarations_say_what_the_member_did() -> None:
    base = Declaration(1, "a", 1, InterestKind.OTHER_REGISTRABLE, nature="a school governor.")
    spoke = Declaration(
        2,
        "b",
        1,
        InterestKind.DISCLOSABLE_PECUNIARY,
        nature="the owner of the site",
        conduct=InterestConduct.SPOKE_THEN_LEFT,
    )
    assert wording.declaration_sentence(base, PEOPLE["a"], "Minute 7", "Committee", True) == (
        "Councillor Able declared an other registrable interest in Minute 7 as a school "
        "governor and remained in the meeting."
    )
    assert wording.declaration_sentence(spoke, PEOPLE["b"], "Minute 7", "Committee", True) == (
        "Councillor Baker declared a disclosable pecuniary interest in Minute 7 as the owner of "
        "the site, addressed the Committee as a member of the public may, and then left the "
        "meeting for that item."
    )


def test_movements_adjournments_and_representation() -> None:
    arrived = MovementEntry(1, "d", Movement.ARRIVED, time(9, 45))
    assert wording.movement_sentence(arrived, PEOPLE["d"], None) == (
        "Laura Colman arrived at the meeting at 9.45 am."
    )
    assert wording.adjournment_sentence(time(16, 0), None, "") == (
        "The meeting adjourned at 4.00 pm."
    )
    assert wording.representation_sentence(PEOPLE["a"], "Cabinet Member", "") == (
        "Councillor Able attended as Cabinet Member."
    )
