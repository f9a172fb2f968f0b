"""Recorded (named) votes: who is listed, in which row, and budget decisions that need one.

A recorded vote lists the members as councils print it: For, Against, Abstain, and Absent (a
member not in the room); a member present may also be listed as excluded from voting or as not
voting, with the reason beside the name ("under Standing Order 12", "having declared an
interest"). Every member eligible to vote must be listed; nobody twice.

The Local Authorities (Standing Orders) (England) (Amendment) Regulations 2014 (SI 2014/165)
require the votes on the budget and council tax decisions to be recorded by name, and on
amendments to them, not procedural motions: approving minutes, excluding the public and
adjourning stay free. An item or a motion is marked as a budget decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from clerk.domain.entities import AgendaItem, Motion, VoteChoice
from clerk.domain.enums import Role, VoteOption
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import eligible_voters, ineligibility_reason
from clerk.domain.rules.presence import is_present, seat_role
from clerk.domain.rules.votes import Tally, tally_choices

CAST = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN)


def has_a_vote(record: MeetingRecord, person_id: str, item: AgendaItem) -> bool:
    """Holds a seat that votes on the item (present or not): a recorded vote may list them."""
    role = seat_role(record, person_id)
    if role is None or role is Role.CO_OPTED_NON_VOTING:
        return False
    return not (role is Role.CO_OPTED_EDUCATION and not item.education)


def choice_problem(record: MeetingRecord, item: AgendaItem, choice: VoteChoice) -> str | None:
    """Why a member cannot be listed so in the recorded vote on the item, or None."""
    name = display_name(record.person(choice.person_id))
    if choice.option in CAST:
        reason = ineligibility_reason(record, choice.person_id, item)
        return None if reason is None else f"{reason} Their vote cannot be recorded."
    if not has_a_vote(record, choice.person_id, item):
        return f"{name} has no vote on this item, so is not listed in the recorded vote."
    present = is_present(record, choice.person_id)
    if choice.option is VoteOption.ABSENT and present:
        return (
            f"{name} is present: record for, against, abstain, not voting or excluded from voting."
        )
    if choice.option is not VoteOption.ABSENT and not present:
        return f"{name} is not present: list them as absent."
    return None


def check_recorded(record: MeetingRecord, item: AgendaItem, choices: Sequence[VoteChoice]) -> Tally:
    """Refuse a recorded vote that lists someone wrongly, twice, or leaves a voter out."""
    seen: set[str] = set()
    for choice in choices:
        name = display_name(record.person(choice.person_id))
        if choice.person_id in seen:
            raise RuleViolation(f"{name} is listed twice in the recorded vote.")
        seen.add(choice.person_id)
        problem = choice_problem(record, item, choice)
        if problem is not None:
            raise RuleViolation(problem)
    missing = [p for p in eligible_voters(record, item) if p not in seen]
    if missing:
        names = ", ".join(display_name(record.person(p)) for p in missing)
        raise RuleViolation(
            f"No choice recorded for {names}: record for, against, abstain or not voting."
        )
    return tally_choices(choices)


def budget_decision(record: MeetingRecord, motion: Motion) -> str | None:
    """Why the vote on a motion must be recorded by name (a budget decision), or None."""
    if motion.excludes_item_id is not None:
        return None
    original = record.motions.get(motion.amends_id) if motion.amends_id is not None else motion
    if motion.budget or (original is not None and original.budget):
        which = original.id if original is not None else motion.id
        return f"Motion {which} is a budget decision: its votes are recorded by name."
    item = record.item(motion.item_id)
    if item.budget:
        return f"Item {item.number} is a budget decision: its votes are recorded by name."
    return None
