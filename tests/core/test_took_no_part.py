"""A member who declares an interest, stays in the room and takes no part in the debate or vote
(Wiltshire, 2013): not eligible to vote on the item, refused in a recorded vote, not presiding
over it, but still in the room for the quorum."""

from __future__ import annotations

import pytest

from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Move, Vote
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import InterestConduct, InterestKind, VoteMethod, VoteOption
from clerk.domain.errors import RuleViolation
from clerk.domain.rules import business
from clerk.domain.rules.business import Standing, preview_vote
from clerk.domain.rules.eligibility import could_have_voted, eligible_voters
from clerk.domain.rules.presence import presiding
from clerk.domain.rules.quorum import quorum_state
from tests.core.builders import apply, under_way

TOOK_NO_PART = InterestConduct.TOOK_NO_PART
REASON = (
    "Councillor Barnby declared an interest in this item and takes no part in the debate or "
    "vote on it."
)


def declared(conduct: InterestConduct = TOOK_NO_PART, person: str = "barnby"):
    record = under_way()
    apply(
        record,
        Declare(person, 1, InterestKind.NON_PECUNIARY, nature="a governor", conduct=conduct),
        Move(item=1, mover="mills", seconder="mandy-darling", parts=(Part("to agree"),)),
    )
    return record


def test_the_member_may_not_vote_and_the_preview_says_why() -> None:
    record = declared()
    item = record.items[1]
    assert "barnby" not in eligible_voters(record, item)
    assert "barnby" not in could_have_voted(record, item)
    preview = preview_vote(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=4))
    standing = {v.person_id: v for v in preview.voters}
    assert standing["barnby"].standing is Standing.NOT_ELIGIBLE
    assert standing["barnby"].reason == REASON
    assert not standing["barnby"].listed_absent
    assert preview.refusal is None
    # Five members present, one takes no part: five votes are more than can be cast.
    too_many = preview_vote(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))
    assert too_many.refusal is not None
    with pytest.raises(RuleViolation):
        apply(record, Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5))


def test_a_recorded_vote_naming_the_member_is_refused_and_may_list_them_not_voting() -> None:
    record = declared()
    others = [VoteChoice(p, VoteOption.YES) for p in ("bye", "mandy-darling", "douglas-dunbar")]
    others.append(VoteChoice("mills", VoteOption.NO))
    with pytest.raises(RuleViolation) as refusal:
        apply(
            record,
            Vote(
                motion=1,
                method=VoteMethod.RECORDED,
                choices=(*others, VoteChoice("barnby", VoteOption.YES)),
            ),
        )
    assert str(refusal.value) == f"{REASON} Their vote cannot be recorded."
    assert not record.votes
    not_voting = VoteChoice("barnby", VoteOption.NOT_VOTING, "having declared an interest")
    apply(record, Vote(motion=1, method=VoteMethod.RECORDED, choices=(*others, not_voting)))
    assert (record.votes[1].yes, record.votes[1].no) == (3, 1)


def test_the_member_stays_in_the_room_for_the_quorum_unlike_one_who_left() -> None:
    stayed = declared()
    assert quorum_state(stayed, 1).present == 5
    assert business.room(stayed, 1).present == 5
    left = declared(InterestConduct.LEFT)
    assert quorum_state(left, 1).present == 4
    assert business.room(left, 1).present == 4


def test_the_member_may_not_move_or_second_a_motion_on_the_item() -> None:
    record = declared()
    with pytest.raises(RuleViolation, match=f"^{REASON} They cannot move a motion.$"):
        apply(record, Move(item=1, mover="barnby", seconder="bye", parts=(Part("x"),)))


def test_a_chair_taking_no_part_does_not_preside_over_the_item() -> None:
    record = declared(person="bye")
    assert presiding(record) == "bye"
    assert presiding(record, 1) != "bye"


def test_a_member_who_stays_and_votes_is_still_eligible() -> None:
    record = declared(InterestConduct.STAYED)
    assert "barnby" in eligible_voters(record, record.items[1])


def test_a_disclosable_pecuniary_interest_may_be_met_by_taking_no_part() -> None:
    record = under_way()
    apply(
        record,
        Declare("barnby", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a lease", conduct=None),
    )
    assert record.declarations[1].conduct is InterestConduct.LEFT
    record = under_way()
    apply(
        record,
        Declare(
            "barnby", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="a lease", conduct=TOOK_NO_PART
        ),
    )
    assert "barnby" not in eligible_voters(record, record.items[1])
    with pytest.raises(RuleViolation, match="must leave"):
        apply(
            under_way(),
            Declare(
                "barnby",
                1,
                InterestKind.DISCLOSABLE_PECUNIARY,
                nature="a lease",
                conduct=InterestConduct.STAYED,
            ),
        )


def test_a_council_category_may_have_taking_no_part_as_its_consequence() -> None:
    from dataclasses import replace

    from clerk.domain.rules.interests import categories_text, parse_categories

    record = under_way()
    line = "director | an interest as a director | interests as directors | stays but takes no part"
    (category,) = parse_categories(line, record.council.code_of_conduct)
    assert category.conduct is TOOK_NO_PART and not category.pecuniary
    council = replace(record.council, interest_categories=(category,))
    assert categories_text(council) == line
    record.council = council
    apply(record, Declare("barnby", 1, category="director", nature="of the bidder"))
    assert record.declarations[1].conduct is TOOK_NO_PART
    assert "barnby" not in eligible_voters(record, record.items[1])
