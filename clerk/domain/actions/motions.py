"""Motions and amendments: moved, seconded, withdrawn, fallen (votes: ``actions.votes``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, name_of, register, require_in_progress
from clerk.domain.actions.checks import (
    check_seconder,
    fell_with,
    require_eligible,
    require_parts,
    require_pending,
    require_taken,
)
from clerk.domain.actions.votes import Resolve, Vote
from clerk.domain.entities import Motion, Part
from clerk.domain.enums import (
    AmendmentOp,
    MotionKind,
    MotionOutcome,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.motions import apply_amendment, substantive_parts
from clerk.domain.rules.proceedings import next_order

#: Votes and resolutions live in ``actions.votes``; they are imported from here too.
__all__ = ["Amend", "Fall", "Move", "Resolve", "Second", "Vote", "Withdraw"]


@dataclass(frozen=True)
class Move(Action):
    """A motion, with its mover (and seconder), in numbered and lettered parts."""

    kind = "move"
    item: int
    mover: str
    parts: tuple[Part, ...]
    preamble: str = ""
    seconder: str | None = None
    #: A budget or council tax decision: voted on by name (SI 2014/165).
    budget: bool = False

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "move a motion")
        require_taken(record, self.item, "move a motion on it")
        require_parts(self.parts)
        require_eligible(record, self.mover, self.item, "move a motion")
        if self.seconder is not None:
            check_seconder(record, self.item, self.mover, self.seconder)
        motion_id = record.next_id("motions")
        record.motions[motion_id] = Motion(
            id=motion_id,
            item_id=self.item,
            kind=MotionKind.MOTION,
            mover_id=self.mover,
            parts=self.parts,
            preamble=self.preamble,
            seconder_id=self.seconder,
            budget=self.budget,
            order=next_order(record),
        )
        return f"motion {motion_id} moved by {name_of(record, self.mover)}"


@dataclass(frozen=True)
class Second(Action):
    """The seconder of a motion or amendment."""

    kind = "second"
    motion: int
    seconder: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "second a motion")
        target = record.motion(self.motion)
        require_pending(target)
        if target.seconder_id is not None:
            raise RuleViolation(f"Motion {target.id} has already been seconded.")
        check_seconder(record, target.item_id, target.mover_id, self.seconder)
        record.motions[target.id] = replace(target, seconder_id=self.seconder)
        return f"motion {target.id} seconded by {name_of(record, self.seconder)}"


@dataclass(frozen=True)
class Amend(Action):
    """An amendment to a motion: replace, insert after, add, or delete a part ("2", "1.a")."""

    kind = "amend"
    motion: int
    mover: str
    op: AmendmentOp
    parts: tuple[Part, ...] = ()
    target_part: str = ""
    seconder: str | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "move an amendment")
        original = record.motion(self.motion)
        if original.kind is not MotionKind.MOTION:
            raise RuleViolation("An amendment is moved to a motion, not to another amendment.")
        if original.excludes_item_id is not None:
            raise RuleViolation(
                f"Motion {original.id} excludes the press and public and is not amended: vote "
                "on it, or record that it was withdrawn or fell."
            )
        require_pending(original)
        if self.op is not AmendmentOp.DELETE_PART:
            require_parts(self.parts)
        require_eligible(record, self.mover, original.item_id, "move an amendment")
        if self.seconder is not None:
            check_seconder(record, original.item_id, self.mover, self.seconder)
        amendment_id = record.next_id("motions")
        amendment = Motion(
            id=amendment_id,
            item_id=original.item_id,
            kind=MotionKind.AMENDMENT,
            mover_id=self.mover,
            parts=self.parts,
            seconder_id=self.seconder,
            amends_id=original.id,
            op=self.op,
            target_part=self.target_part,
            order=next_order(record),
        )
        # Refuse now an amendment that cannot apply to the motion as it stands.
        apply_amendment(substantive_parts(record, original), amendment)
        record.motions[amendment_id] = amendment
        mover = name_of(record, self.mover)
        return f"amendment {amendment_id} to motion {original.id} moved by {mover}"


@dataclass(frozen=True)
class Withdraw(Action):
    """A motion or amendment withdrawn by its mover."""

    kind = "withdraw"
    motion: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "withdraw a motion")
        target = record.motion(self.motion)
        require_pending(target)
        record.motions[target.id] = replace(
            target, outcome=MotionOutcome.WITHDRAWN, outcome_order=next_order(record)
        )
        fell_with(record, target)
        return f"withdraw {target.kind} {target.id}"


@dataclass(frozen=True)
class Fall(Action):
    """A motion or amendment that fell."""

    kind = "fall"
    motion: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record that a motion fell")
        target = record.motion(self.motion)
        require_pending(target)
        record.motions[target.id] = replace(
            target, outcome=MotionOutcome.FELL, outcome_order=next_order(record)
        )
        fell_with(record, target)
        return f"record that {target.kind} {target.id} fell"


for _cls in (Move, Second, Amend, Withdraw, Fall):
    register(_cls)
