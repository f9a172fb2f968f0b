"""Votes and resolutions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, register, require_in_progress
from clerk.domain.actions.checks import (
    fell_with,
    require_parts,
    require_pending,
    require_quorum,
    require_taken,
)
from clerk.domain.actions.exclusion import check_exclusion, record_exclusion
from clerk.domain.entities import Motion, Part, Resolution, VoteChoice, VoteEvent
from clerk.domain.enums import MotionKind, MotionOutcome, VoteMethod, VoteOption, VoteResult
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import Judgement, judge_vote
from clerk.domain.rules.motions import apply_amendment, substantive_parts
from clerk.domain.rules.proceedings import next_order
from clerk.domain.rules.recorded import budget_decision
from clerk.domain.rules.votes import RESULT_WORDS, Tally

__all__ = ["RESULT_WORDS", "Resolve", "Vote"]


def _check_before_vote(record: MeetingRecord, target: Motion) -> None:
    """What must be true of a motion before it is put to the vote."""
    require_pending(target)
    if target.kind is MotionKind.MOTION:
        pending = [
            m.id
            for m in record.motions.values()
            if m.amends_id == target.id and m.outcome is MotionOutcome.PENDING
        ]
        if pending:
            raise RuleViolation(
                f"Deal with amendment {pending[0]} before the vote on motion {target.id}."
            )
    require_quorum(record, target.item_id, "take a vote")
    if target.kind is MotionKind.AMENDMENT and target.amends_id is not None:
        original = record.motion(target.amends_id)
        try:
            apply_amendment(substantive_parts(record, original), target)
        except RuleViolation as error:
            raise RuleViolation(
                f"Amendment {target.id} no longer fits motion {original.id} as amended "
                f"({error}): record that it fell."
            ) from None
    if target.excludes_item_id is not None:
        check_exclusion(record, record.item(target.excludes_item_id), None)


@dataclass(frozen=True)
class Vote(Action):
    """A vote on a motion or amendment: assent, a show of hands, or a recorded (named) vote.

    A show of hands may be declared without a count (``result`` only); counts given must add
    up and agree with any ``result`` given. A recorded vote lists every member eligible to
    vote, and may list members absent, excluded from voting or not voting, with a reason.
    """

    kind = "vote"
    motion: int
    method: VoteMethod
    yes: int = 0
    no: int = 0
    abstain: int = 0
    choices: tuple[VoteChoice, ...] = ()
    casting_by: str | None = None
    casting_option: VoteOption | None = None
    result: VoteResult | None = None

    def judge(self, record: MeetingRecord) -> Judgement:
        """What this vote would record now, or the refusal: the motion's state, then the
        count (``judge_vote``). The vote panel's preview asks here too."""
        require_in_progress(record, "record a vote")
        target = record.motion(self.motion)
        _check_before_vote(record, target)
        budget = budget_decision(record, target)
        if budget is not None and self.method is not VoteMethod.RECORDED:
            raise RuleViolation(budget)
        return judge_vote(record, self)

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        judged = self.judge(record)
        target = record.motion(self.motion)
        tally, casting, result = judged.tally, judged.casting, judged.result
        vote_id = record.next_id("votes")
        record.votes[vote_id] = VoteEvent(
            id=vote_id,
            motion_id=target.id,
            method=self.method,
            result=result,
            yes=tally.yes,
            no=tally.no,
            abstain=tally.abstain,
            choices=self.choices if self.method is VoteMethod.RECORDED else (),
            casting_by=self.casting_by if casting is not None else None,
            casting_option=casting,
            order=next_order(record),
        )
        outcome = judged.outcome
        record.motions[target.id] = replace(target, outcome=outcome)
        if outcome is MotionOutcome.LOST and target.kind is MotionKind.MOTION:
            fell_with(record, target)
        if outcome is MotionOutcome.CARRIED and target.excludes_item_id is not None:
            record_exclusion(record, record.item(target.excludes_item_id), ctx.now, target.id)
        counts = f" ({tally.yes}-{tally.no}-{tally.abstain})" if tally != Tally(0, 0, 0) else ""
        return f"vote on {target.kind} {target.id}: {outcome.value}{counts}"


@dataclass(frozen=True)
class Resolve(Action):
    """The resolution on an item: from a carried motion, or by the clerk's wording."""

    kind = "resolve"
    item: int
    parts: tuple[Part, ...] = ()
    preamble: str = ""
    unanimous: bool = False
    motion: int | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record a resolution")
        target = record.item(self.item)
        require_quorum(record, target.id, "pass a resolution")
        require_taken(record, target.id, "record a resolution on it")
        motions = [m for m in record.for_item("motions", target.id)]
        pending = [m.id for m in motions if m.outcome is MotionOutcome.PENDING]
        if pending:
            raise RuleViolation(
                f"Motion {pending[0]} is still before the meeting: vote on it, withdraw it or "
                "record that it fell before recording a resolution."
            )
        parts = self.parts
        preamble = self.preamble
        vote: VoteEvent | None = None
        if self.motion is not None:
            motion = record.motion(self.motion)
            if motion.item_id != target.id:
                raise RuleViolation(f"Motion {motion.id} is not on item {target.number}.")
            if motion.excludes_item_id is not None:
                raise RuleViolation(
                    f"Motion {motion.id} excluded the press and public: that resolution is "
                    "minuted with it already."
                )
            if motion.confirms_minutes:
                raise RuleViolation(
                    f"Motion {motion.id} confirmed the minutes: that resolution is minuted "
                    "with the confirmation already."
                )
            if motion.kind is not MotionKind.MOTION or motion.outcome is not MotionOutcome.CARRIED:
                raise RuleViolation(f"Motion {motion.id} was not carried, so cannot be resolved.")
            if any(r.motion_id == motion.id for r in record.resolutions.values()):
                raise RuleViolation(f"Motion {motion.id} has already been recorded as resolved.")
            parts = parts or substantive_parts(record, motion)
            preamble = preamble or motion.preamble
            votes = record.votes_for(motion.id)
            vote = votes[-1] if votes else None
        else:
            decided = [
                m.id
                for m in motions
                if m.kind is MotionKind.MOTION
                and m.excludes_item_id is None
                and m.outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST)
            ]
            if decided:
                raise RuleViolation(
                    f"Motion {decided[-1]} on this item was put to the vote: record the "
                    "resolution from a carried motion (give its number)."
                )
            if target.budget:
                raise RuleViolation(
                    f"Item {target.number} is a budget decision: its resolution comes from a "
                    "motion carried on a recorded vote: move the motion and record the vote."
                )
            parts = parts or target.recommendations
        require_parts(parts)
        if self.unanimous:
            if vote is None:
                raise RuleViolation("Record the vote before calling the resolution unanimous.")
            if vote.method is not VoteMethod.ASSENT and not vote.counted:
                raise RuleViolation(
                    "The result was declared without a count, so the resolution cannot be "
                    "called unanimous."
                )
            if not vote.unanimous:
                raise RuleViolation(
                    f"The vote was {vote.yes} for, {vote.no} against and {vote.abstain} "
                    "abstaining, so the resolution is not unanimous."
                )
        resolution_id = record.next_id("resolutions")
        record.resolutions[resolution_id] = Resolution(
            id=resolution_id,
            item_id=target.id,
            parts=parts,
            preamble=preamble,
            unanimous=self.unanimous,
            motion_id=self.motion,
            order=next_order(record),
        )
        return f"record the resolution on item {target.number}"


for _cls in (Vote, Resolve):
    register(_cls)
