"""The rules of motions and amendments and of recorded votes, each result exact, on records made
in memory (quick enough to run for each mutant of clerk/domain/rules/motions.py and recorded.py:
see docs/mutation.md)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk.domain.actions.attendance import Apologies, Present
from clerk.domain.entities import Motion, Part, Resolution, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AmendmentOp,
    MotionKind,
    MotionOutcome,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.motions import (
    agreed_without_dissent,
    apply_amendment,
    motion_words,
    parse_part_path,
    punctuated,
    resolved_as_moved,
    resolved_in_its_words,
    substantive_parts,
)
from clerk.domain.rules.recorded import budget_decision, check_recorded, has_a_vote
from clerk.domain.rules.votes import Tally
from tests.core.builders import apply, under_way, with_item

YES, NO, ABSTAIN = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN
ABSENT, NOT_VOTING = VoteOption.ABSENT, VoteOption.NOT_VOTING

A, B, C = Part("a"), Part("b"), Part("c")
NEW, NEWER = Part("new"), Part("newer")
NESTED = (A, Part("b:", (Part("b1"), Part("b2"), Part("b3"))), C)


# The part an amendment names.


@pytest.mark.parametrize(
    "path, indices",
    [
        ("2", (1, None)),
        ("12", (11, None)),
        ("1.a", (0, 0)),
        ("1a", (0, 0)),
        (" 3 . C ", (2, 2)),
        ("1 b", (0, 1)),
        ("10.z", (9, 25)),
    ],
)
def test_a_part_path_names_a_part_and_a_sub_part(
    path: str, indices: tuple[int, int | None]
) -> None:
    assert parse_part_path(path) == indices


@pytest.mark.parametrize(
    "path, message",
    [
        ("", "An amendment must name the part it changes, such as 2 or 1.a."),
        ("  ", "An amendment must name the part it changes, such as 2 or 1.a."),
        ("a", "Part 'a' is not a part number such as 2 or 1.a."),
        ("1ab", "Part '1ab' is not a part number such as 2 or 1.a."),
        ("1.1", "Part '1.1' is not a part number such as 2 or 1.a."),
        ("2.é", "Part '2.é' is not a part number such as 2 or 1.a."),
    ],
)
def test_a_part_path_that_names_no_part_is_refused(path: str, message: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        parse_part_path(path)
    assert str(refused.value) == message


# An amendment applied to the parts of a motion.


def amendment(op: AmendmentOp | None, target: str = "", *parts: Part) -> Motion:
    return Motion(
        id=2, item_id=1, kind=MotionKind.AMENDMENT, mover_id="mills", parts=parts,
        amends_id=1, op=op, target_part=target,
    )  # fmt: skip


@pytest.mark.parametrize(
    "op, target, parts, result",
    [
        (None, "", (NEW,), (NEW,)),
        (AmendmentOp.REPLACE_ALL, "", (NEW, NEWER), (NEW, NEWER)),
        (AmendmentOp.ADD_PART, "", (NEW, NEWER), (A, B, C, NEW, NEWER)),
        (AmendmentOp.REPLACE_PART, "2", (NEW, NEWER), (A, NEW, NEWER, C)),
        (AmendmentOp.REPLACE_PART, "1", (NEW,), (NEW, B, C)),
        (AmendmentOp.REPLACE_PART, "3", (NEW,), (A, B, NEW)),
        (AmendmentOp.INSERT_AFTER, "2", (NEW, NEWER), (A, B, NEW, NEWER, C)),
        (AmendmentOp.INSERT_AFTER, "1", (NEW,), (A, NEW, B, C)),
        (AmendmentOp.INSERT_AFTER, "3", (NEW,), (A, B, C, NEW)),
        (AmendmentOp.DELETE_PART, "2", (), (A, C)),
        (AmendmentOp.DELETE_PART, "1", (), (B, C)),
        (AmendmentOp.DELETE_PART, "3", (), (A, B)),
    ],
)
def test_an_amendment_changes_the_part_it_names_and_no_other(
    op: AmendmentOp | None, target: str, parts: tuple[Part, ...], result: tuple[Part, ...]
) -> None:
    assert apply_amendment((A, B, C), amendment(op, target, *parts)) == result


@pytest.mark.parametrize(
    "op, target, parts, subparts",
    [
        (AmendmentOp.REPLACE_PART, "2.b", (NEW, NEWER), ("b1", "new", "newer", "b3")),
        (AmendmentOp.REPLACE_PART, "2a", (NEW,), ("new", "b2", "b3")),
        (AmendmentOp.REPLACE_PART, "2.c", (NEW,), ("b1", "b2", "new")),
        (AmendmentOp.INSERT_AFTER, "2.b", (NEW, NEWER), ("b1", "b2", "new", "newer", "b3")),
        (AmendmentOp.INSERT_AFTER, "2.a", (NEW,), ("b1", "new", "b2", "b3")),
        (AmendmentOp.INSERT_AFTER, "2.c", (NEW,), ("b1", "b2", "b3", "new")),
        (AmendmentOp.DELETE_PART, "2.b", (), ("b1", "b3")),
        (AmendmentOp.DELETE_PART, "2.a", (), ("b2", "b3")),
        (AmendmentOp.DELETE_PART, "2.c", (), ("b1", "b2")),
    ],
)
def test_an_amendment_to_a_sub_part_keeps_its_part_and_the_other_parts(
    op: AmendmentOp, target: str, parts: tuple[Part, ...], subparts: tuple[str, ...]
) -> None:
    result = apply_amendment(NESTED, amendment(op, target, *parts))
    assert result == (A, Part("b:", tuple(Part(text) for text in subparts)), C)


def test_an_amendment_to_the_sub_part_of_a_later_part_keeps_those_after_it() -> None:
    parts = (*NESTED, Part("d"), Part("e"))
    result = apply_amendment(parts, amendment(AmendmentOp.DELETE_PART, "2.a"))
    assert result == (A, Part("b:", (Part("b2"), Part("b3"))), C, Part("d"), Part("e"))


@pytest.mark.parametrize(
    "target, message",
    [
        ("4", "The motion has no part 4."),
        ("0", "The motion has no part 0."),
        ("2.d", "The motion has no part 2.d."),
        ("1.a", "The motion has no part 1.a."),
    ],
)
def test_an_amendment_to_a_part_the_motion_does_not_have_is_refused(
    target: str, message: str
) -> None:
    for op in (AmendmentOp.REPLACE_PART, AmendmentOp.INSERT_AFTER, AmendmentOp.DELETE_PART):
        with pytest.raises(RuleViolation) as refused:
            apply_amendment(NESTED, amendment(op, target, NEW))
        assert str(refused.value) == message


# The substantive motion, punctuated as one list once amended.


def test_entries_are_punctuated_as_one_list_whatever_their_own_punctuation() -> None:
    texts = [
        "to note the report ;",
        "to thank the officers; ",
        "to appoint Mr X.",
        "to pay £1,000",
        "to agree; and",
        "to refuse, or",
        "to defer ;  and",
        "to review it ; or",
        "to choose option X, and",
        "to write to: ",
        "to end",
    ]
    result = punctuated(tuple(Part(text) for text in texts))
    assert [part.text for part in result] == [
        "to note the report;",
        "to thank the officers;",
        "to appoint Mr X;",
        "to pay £1,000;",
        "to agree;",
        "to refuse;",
        "to defer;",
        "to review it;",
        "to choose option X;",
        "to write to; and",
        "to end.",
    ]


def test_and_or_or_ends_an_entry_only_after_a_comma_or_semicolon() -> None:
    parts = (Part("to note land and"), Part("to keep the band; AND"), Part("to agree black or"))
    assert [part.text for part in punctuated(parts)] == [
        "to note land and;",
        "to keep the band; and",
        "to agree black or.",
    ]


def test_a_part_with_sub_parts_keeps_its_text_and_its_sub_parts_are_the_entries() -> None:
    parts = (Part("to include:", (Part("a hall,"), Part("a park"))), Part("to report back"))
    assert punctuated(parts) == (
        Part("to include:", (Part("a hall;"), Part("a park; and"))),
        Part("to report back."),
    )


def motion(
    id: int = 1,
    parts: tuple[Part, ...] = (Part("to note the report"),),
    **changes: object,
) -> Motion:
    moved = Motion(id=id, item_id=1, kind=MotionKind.MOTION, mover_id="barnby", parts=parts)
    return replace(moved, **changes)  # type: ignore[arg-type]


def amendment_to(id: int, outcome: MotionOutcome, op: AmendmentOp, *parts: Part) -> Motion:
    return replace(
        amendment(op, "2" if op is AmendmentOp.REPLACE_PART else "", *parts),
        id=id,
        outcome=outcome,
    )


def record_with(*motions: Motion) -> MeetingRecord:
    record = under_way()
    record.motions.update({m.id: m for m in motions})
    return record


def test_a_motion_never_amended_keeps_its_movers_words() -> None:
    moved = motion(parts=(Part("to note the report"), Part("to thank the officers")))
    record = record_with(moved)
    assert substantive_parts(record, moved) == moved.parts


def test_only_carried_amendments_are_applied_and_the_result_is_punctuated() -> None:
    moved = motion(parts=(Part("to note the report"), Part("to report back in March")))
    record = record_with(
        moved,
        amendment_to(2, MotionOutcome.CARRIED, AmendmentOp.REPLACE_PART, Part("to act")),
        amendment_to(3, MotionOutcome.LOST, AmendmentOp.ADD_PART, Part("to lose")),
        amendment_to(4, MotionOutcome.CARRIED, AmendmentOp.ADD_PART, Part("to thank them")),
    )
    assert substantive_parts(record, moved) == (
        Part("to note the report;"),
        Part("to act; and"),
        Part("to thank them."),
    )


def test_an_amendment_has_no_substantive_motion_of_its_own() -> None:
    lost = amendment_to(2, MotionOutcome.LOST, AmendmentOp.ADD_PART, Part("x"))
    record = record_with(motion(), lost)
    with pytest.raises(RuleViolation) as refused:
        substantive_parts(record, lost)
    assert str(refused.value) == "Motion 2 is an amendment, not a motion."


def test_the_motions_words_are_its_preamble_then_its_parts_as_amended() -> None:
    moved = motion(
        preamble="  Having considered the report, ",
        parts=(Part(" to include: ", (Part(" a hall "), Part("a park"))), Part("to end ")),
    )
    assert motion_words(record_with(moved), moved) == (
        "Having considered the report, to include: a hall a park to end"
    )
    amended = record_with(
        moved, amendment_to(2, MotionOutcome.CARRIED, AmendmentOp.ADD_PART, Part("to go"))
    )
    assert motion_words(amended, moved) == (
        "Having considered the report, to include: a hall; a park; to end; and to go."
    )
    assert motion_words(record_with(motion(parts=())), motion(parts=())) == ""


# Resolved in the words moved, and agreed without dissent.


def resolution(
    motion_id: int, parts: tuple[Part, ...], preamble: str = "", id: int = 1
) -> Resolution:
    return Resolution(id=id, item_id=1, parts=parts, preamble=preamble, motion_id=motion_id)


def test_a_resolution_says_what_the_motion_said_as_amended_punctuated_or_not() -> None:
    moved = motion(preamble="Having considered the report,", parts=(A, B))
    record = record_with(moved, amendment_to(2, MotionOutcome.CARRIED, AmendmentOp.ADD_PART, C))
    preamble = " Having considered the report, "
    assert resolved_as_moved(record, moved, resolution(1, (A, B, C), preamble))
    punctuated_parts = (Part("a;"), Part("b; and"), Part("c."))
    assert resolved_as_moved(record, moved, resolution(1, punctuated_parts, preamble))
    assert not resolved_as_moved(record, moved, resolution(1, (A, B), preamble))
    assert not resolved_as_moved(record, moved, resolution(1, (A, B, C), "Having read it,"))
    assert not resolved_as_moved(record, moved, resolution(1, (A, B, C)))


def test_resolved_in_its_words_needs_a_resolution_and_every_one_as_moved() -> None:
    moved = motion(parts=(A, B))
    record = record_with(moved, motion(id=2, parts=(C,)))
    assert not resolved_in_its_words(record, moved)
    record.resolutions[1] = resolution(2, (C,))  # another motion's
    assert not resolved_in_its_words(record, moved)
    record.resolutions[2] = resolution(1, (A, B), id=2)
    assert resolved_in_its_words(record, moved)
    record.resolutions[3] = resolution(1, (A,), id=3)
    assert not resolved_in_its_words(record, moved)


def vote(id: int, method: VoteMethod, yes: int = 0, no: int = 0, abstain: int = 0) -> VoteEvent:
    return VoteEvent(
        id=id, motion_id=1, method=method, result=VoteResult.PASS, yes=yes, no=no, abstain=abstain
    )


def carried(*votes: VoteEvent, **changes: object) -> tuple[MeetingRecord, Motion]:
    moved = motion(parts=(A,), outcome=MotionOutcome.CARRIED, **changes)
    record = record_with(moved)
    record.votes.update({v.id: v for v in votes})
    record.resolutions[1] = resolution(1, (A,))
    return record, moved


def test_a_motion_carried_unamended_and_unopposed_in_its_words_is_agreed_without_dissent() -> None:
    assert agreed_without_dissent(*carried(vote(1, VoteMethod.ASSENT)))
    assert agreed_without_dissent(*carried(vote(1, VoteMethod.SHOW_OF_HANDS, yes=5)))
    # The last vote counts (a recount).
    recount = carried(vote(1, VoteMethod.SHOW_OF_HANDS, 3, 2), vote(2, VoteMethod.ASSENT))
    assert agreed_without_dissent(*recount)


def test_a_motion_not_carried_opposed_or_amended_is_not_agreed_without_dissent() -> None:
    record, moved = carried(vote(1, VoteMethod.ASSENT))
    for outcome in (MotionOutcome.LOST, MotionOutcome.PENDING, MotionOutcome.WITHDRAWN):
        assert not agreed_without_dissent(record, replace(moved, outcome=outcome))
    as_amendment = replace(moved, kind=MotionKind.AMENDMENT)
    assert not agreed_without_dissent(record, as_amendment)
    assert not agreed_without_dissent(*carried())  # no vote
    assert not agreed_without_dissent(*carried(vote(1, VoteMethod.SHOW_OF_HANDS, 4, 1)))
    assert not agreed_without_dissent(*carried(vote(1, VoteMethod.SHOW_OF_HANDS, 4, 0, 1)))
    assert not agreed_without_dissent(*carried(vote(1, VoteMethod.RECORDED, yes=5)))
    recount = carried(vote(1, VoteMethod.ASSENT), vote(2, VoteMethod.SHOW_OF_HANDS, 3, 2))
    assert not agreed_without_dissent(*recount)
    record.motions[2] = amendment_to(2, MotionOutcome.LOST, AmendmentOp.ADD_PART, B)
    assert not agreed_without_dissent(record, moved)


def test_agreed_without_dissent_needs_the_resolution_in_the_words_moved() -> None:
    record, moved = carried(vote(1, VoteMethod.ASSENT))
    record.resolutions[1] = resolution(1, (B,))
    assert not agreed_without_dissent(record, moved)
    # An exclusion of the press and public is resolved by what it carried.
    record, excluding = carried(vote(1, VoteMethod.ASSENT), excludes_item_id=1)
    record.resolutions.clear()
    assert agreed_without_dissent(record, excluding)


# Recorded votes.


def test_who_has_a_vote_to_list_in_a_recorded_vote() -> None:
    record = under_way()
    item = record.items[1]
    education = replace(item, education=True)
    assert has_a_vote(record, "bye", item) and has_a_vote(record, "bye", education)
    assert not has_a_vote(record, "laura-colman", item)
    assert has_a_vote(record, "laura-colman", education)
    assert not has_a_vote(record, "brent-davison", education)
    assert not has_a_vote(record, "steve-darling", item)


def test_a_recorded_vote_must_list_every_voter() -> None:
    record = under_way()
    choices = [VoteChoice("bye", YES), VoteChoice("barnby", NO), VoteChoice("mills", ABSTAIN)]
    with pytest.raises(RuleViolation) as refused:
        check_recorded(record, record.items[1], choices)
    assert str(refused.value) == (
        "No choice recorded for Councillor Mandy Darling, Councillor Douglas-Dunbar: "
        "record for, against, abstain or not voting."
    )
    choices += [VoteChoice("mandy-darling", YES), VoteChoice("douglas-dunbar", NOT_VOTING)]
    assert check_recorded(record, record.items[1], choices) == Tally(yes=2, no=1, abstain=1)


def test_a_co_opted_member_without_a_vote_on_the_item_is_not_listed() -> None:
    record = under_way()
    apply(record, Present("laura-colman"))
    choices = [VoteChoice(p, YES) for p in ("bye", "barnby", "mandy-darling", "mills")]
    choices += [VoteChoice("douglas-dunbar", NO), VoteChoice("laura-colman", NOT_VOTING)]
    with pytest.raises(RuleViolation) as refused:
        check_recorded(record, record.items[1], choices)
    assert str(refused.value) == (
        "Laura Colman has no vote on this item, so is not listed in the recorded vote."
    )
    education = with_item(record, education=True)
    assert check_recorded(education, education.items[1], choices) == Tally(yes=4, no=1, abstain=0)


def test_a_member_absent_is_listed_as_absent() -> None:
    record = under_way(present=["bye", "barnby", "mandy-darling", "douglas-dunbar"])
    apply(record, Apologies("mills"))
    choices = [VoteChoice(p, YES) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")]
    listed = [*choices, VoteChoice("mills", ABSENT)]
    assert check_recorded(record, record.items[1], listed) == Tally(yes=4, no=0, abstain=0)
    for wrong, message in [
        (
            [*choices[:3], VoteChoice("douglas-dunbar", ABSENT), VoteChoice("mills", ABSENT)],
            "Councillor Douglas-Dunbar is present: record for, against, abstain, not voting or "
            "excluded from voting.",
        ),
        (
            [*choices, VoteChoice("mills", NOT_VOTING)],
            "Councillor Mills is not present: list them as absent.",
        ),
        (
            [*choices, VoteChoice("bye", NO)],
            "Councillor Bye is listed twice in the recorded vote.",
        ),
    ]:
        with pytest.raises(RuleViolation) as refused:
            check_recorded(record, record.items[1], wrong)
        assert str(refused.value) == message


# Budget decisions: recorded by name.


def test_a_budget_motion_and_its_amendments_are_recorded_by_name() -> None:
    budget = motion(budget=True)
    to_budget = replace(amendment(AmendmentOp.ADD_PART, "", NEW), id=2)
    record = record_with(budget, to_budget)
    reason = "Motion 1 is a budget decision: its votes are recorded by name."
    assert budget_decision(record, budget) == reason
    assert budget_decision(record, to_budget) == reason
    # An amendment marked as a budget decision names the motion it amends.
    marked = replace(to_budget, budget=True)
    record = record_with(motion(), marked)
    assert budget_decision(record, marked) == reason
    assert budget_decision(record, motion()) is None
    # Its motion not in the record: the amendment itself.
    orphan = replace(marked, id=3, amends_id=9)
    assert budget_decision(record, orphan) == (
        "Motion 3 is a budget decision: its votes are recorded by name."
    )
    assert budget_decision(record, replace(orphan, budget=False)) is None


def test_every_motion_on_a_budget_item_is_recorded_by_name_but_an_exclusion() -> None:
    record = record_with(motion(), replace(amendment(AmendmentOp.ADD_PART, "", NEW), id=2))
    record = with_item(record, budget=True)
    reason = f"Item {record.items[1].number} is a budget decision: its votes are recorded by name."
    assert reason == "Item 5 is a budget decision: its votes are recorded by name."
    assert budget_decision(record, record.motions[1]) == reason
    assert budget_decision(record, record.motions[2]) == reason
    excluding = motion(id=3, budget=True, excludes_item_id=1)
    assert budget_decision(record, excluding) is None
