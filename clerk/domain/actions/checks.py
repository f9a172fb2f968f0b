"""Checks the motion actions share: who may move, whether the item is taken, the quorum."""

from __future__ import annotations

from dataclasses import replace

from clerk.domain.entities import Motion, Part
from clerk.domain.enums import MotionOutcome
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import ineligibility_reason
from clerk.domain.rules.proceedings import next_order
from clerk.domain.rules.quorum import quorum_state


def require_eligible(record: MeetingRecord, person_id: str, item_id: int, doing: str) -> None:
    reason = ineligibility_reason(record, person_id, record.item(item_id))
    if reason is not None:
        raise RuleViolation(f"{reason} They cannot {doing}.")


def require_taken(record: MeetingRecord, item_id: int, doing: str) -> None:
    """Business is done on items the meeting has taken (and so minuted)."""
    item = record.item(item_id)
    if item.minute_number is None:
        raise RuleViolation(
            f"Item {item.number} has not been taken yet: take it before you {doing}."
        )


def require_quorum(record: MeetingRecord, item_id: int, doing: str) -> None:
    state = quorum_state(record, item_id)
    if not state.quorate:
        raise RuleViolation(
            f"The meeting is inquorate ({state.present} present, {state.needed} needed) and "
            f"cannot {doing}: adjourn the meeting."
        )


def require_pending(motion: Motion) -> None:
    if motion.outcome is not MotionOutcome.PENDING:
        raise RuleViolation(f"Motion {motion.id} has already been dealt with ({motion.outcome}).")


def require_parts(parts: tuple[Part, ...]) -> None:
    if not parts or any(not p.text.strip() for p in parts):
        raise RuleViolation("The wording cannot be empty.")


def check_seconder(record: MeetingRecord, item_id: int, mover: str, seconder: str) -> None:
    if seconder == mover:
        raise RuleViolation("The mover cannot also second the motion.")
    require_eligible(record, seconder, item_id, "second a motion")


def fell_with(record: MeetingRecord, motion: Motion) -> None:
    """Amendments still pending when their motion goes fall with it."""
    for other in sorted(record.motions.values(), key=lambda m: m.id):
        if other.amends_id == motion.id and other.outcome is MotionOutcome.PENDING:
            record.motions[other.id] = replace(
                other, outcome=MotionOutcome.FELL, outcome_order=next_order(record)
            )
