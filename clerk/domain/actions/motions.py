"""Motions, amendments, votes and resolutions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, name_of, register, require_in_progress
from clerk.domain.entities import Motion, Part, Resolution, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AmendmentOp,
    MeetingKind,
    MotionKind,
    MotionOutcome,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import eligible_voters, ineligibility_reason
from clerk.domain.rules.motions import apply_amendment, substantive_parts
from clerk.domain.rules.presence import presiding
from clerk.domain.rules.quorum import quorum_state
from clerk.domain.rules.votes import Tally, check_counts, decide, require_method, tally_choices


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


@dataclass(frozen=True)
class Move(Action):
    """A motion, with its mover (and seconder), in numbered and lettered parts."""

    kind = "move"
    item: int
    mover: str
    parts: tuple[Part, ...]
    preamble: str = ""
    seconder: str | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "move a motion")
        require_taken(record, self.item, "move a motion on it")
        require_parts(self.parts)
        require_eligible(record, self.mover, self.item, "move a motion")
        if self.seconder is not None:
            _check_seconder(record, self.item, self.mover, self.seconder)
        motion_id = record.next_id("motions")
        record.motions[motion_id] = Motion(
            id=motion_id,
            item_id=self.item,
            kind=MotionKind.MOTION,
            mover_id=self.mover,
            parts=self.parts,
            preamble=self.preamble,
            seconder_id=self.seconder,
        )
        return f"motion {motion_id} moved by {name_of(record, self.mover)}"


def _check_seconder(record: MeetingRecord, item_id: int, mover: str, seconder: str) -> None:
    if seconder == mover:
        raise RuleViolation("The mover cannot also second the motion.")
    require_eligible(record, seconder, item_id, "second a motion")


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
        _check_seconder(record, target.item_id, target.mover_id, self.seconder)
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
        require_pending(original)
        if self.op is not AmendmentOp.DELETE_PART:
            require_parts(self.parts)
        require_eligible(record, self.mover, original.item_id, "move an amendment")
        if self.seconder is not None:
            _check_seconder(record, original.item_id, self.mover, self.seconder)
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
        record.motions[target.id] = replace(target, outcome=MotionOutcome.WITHDRAWN)
        _fell_with(record, target)
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
        record.motions[target.id] = replace(target, outcome=MotionOutcome.FELL)
        _fell_with(record, target)
        return f"record that {target.kind} {target.id} fell"


def _fell_with(record: MeetingRecord, motion: Motion) -> None:
    """Amendments still pending when their motion goes fall with it."""
    for other in list(record.motions.values()):
        if other.amends_id == motion.id and other.outcome is MotionOutcome.PENDING:
            record.motions[other.id] = replace(other, outcome=MotionOutcome.FELL)


@dataclass(frozen=True)
class Vote(Action):
    """A vote on a motion or amendment: assent, a show of hands, or a recorded (named) vote."""

    kind = "vote"
    motion: int
    method: VoteMethod
    yes: int = 0
    no: int = 0
    abstain: int = 0
    choices: tuple[VoteChoice, ...] = ()
    casting_by: str | None = None
    casting_option: VoteOption | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record a vote")
        target = record.motion(self.motion)
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
        item = record.item(target.item_id)
        require_quorum(record, item.id, "take a vote")
        if target.kind is MotionKind.AMENDMENT and target.amends_id is not None:
            original = record.motion(target.amends_id)
            try:
                apply_amendment(substantive_parts(record, original), target)
            except RuleViolation as error:
                raise RuleViolation(
                    f"Amendment {target.id} no longer fits motion {original.id} as amended "
                    f"({error}): record that it fell."
                ) from None
        require_method(self.method, record.meeting.kind is MeetingKind.BUDGET)
        eligible = eligible_voters(record, item)
        tally = self._tally(record, item.id, eligible)
        casting = self._casting(record, tally, item.id)
        result = VoteResult.PASS if self.method is VoteMethod.ASSENT else decide(tally, casting)
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
        )
        outcome = MotionOutcome.CARRIED if result is VoteResult.PASS else MotionOutcome.LOST
        record.motions[target.id] = replace(target, outcome=outcome)
        if outcome is MotionOutcome.LOST and target.kind is MotionKind.MOTION:
            _fell_with(record, target)
        counts = (
            "" if self.method is VoteMethod.ASSENT else f" ({tally.yes}-{tally.no}-{tally.abstain})"
        )
        return f"vote on {target.kind} {target.id}: {outcome.value}{counts}"

    def _tally(self, record: MeetingRecord, item_id: int, eligible: list[str]) -> Tally:
        if self.method is VoteMethod.ASSENT:
            if self.yes or self.no or self.abstain or self.choices:
                raise RuleViolation("A decision by assent has no counts or names.")
            if not eligible:
                raise RuleViolation("No member present is eligible to vote on this item.")
            return Tally(0, 0, 0)
        if self.method is VoteMethod.SHOW_OF_HANDS:
            if self.choices:
                raise RuleViolation("A show of hands has counts, not names: use a recorded vote.")
            tally = Tally(self.yes, self.no, self.abstain)
            check_counts(tally, len(eligible))
            return tally
        seen: set[str] = set()
        for choice in self.choices:
            if choice.person_id in seen:
                raise RuleViolation(f"{name_of(record, choice.person_id)} is listed twice.")
            seen.add(choice.person_id)
            reason = ineligibility_reason(record, choice.person_id, record.item(item_id))
            if reason is not None:
                raise RuleViolation(f"{reason} Their vote cannot be recorded.")
            if choice.option is VoteOption.ABSENT:
                raise RuleViolation(
                    f"{name_of(record, choice.person_id)} is present: record "
                    "for, against, abstain or not voting."
                )
        missing = [p for p in eligible if p not in seen]
        if missing:
            names = ", ".join(name_of(record, p) for p in missing)
            raise RuleViolation(
                f"No choice recorded for {names}: record for, against, abstain or not voting."
            )
        tally = tally_choices(self.choices)
        given = (self.yes, self.no, self.abstain)
        if any(given) and given != (tally.yes, tally.no, tally.abstain):
            raise RuleViolation(
                f"The counts given ({self.yes}-{self.no}-{self.abstain}) do not match the "
                f"names recorded ({tally.yes}-{tally.no}-{tally.abstain})."
            )
        check_counts(tally, len(eligible))
        return tally

    def _casting(self, record: MeetingRecord, tally: Tally, item_id: int) -> VoteOption | None:
        if self.method is VoteMethod.ASSENT or not tally.tied:
            if self.casting_option is not None or self.casting_by is not None:
                raise RuleViolation("A casting vote is recorded only when the votes are equal.")
            return None
        if self.casting_option is None:
            return None  # decide() explains that the casting vote is needed
        chair = presiding(record, item_id)
        if chair is None:
            raise RuleViolation(
                "No one present can preside over this item, so no casting vote can be given: "
                "record who presides (a councillor member who is present and not withdrawn)."
            )
        if self.casting_by != chair:
            raise RuleViolation(f"Only {name_of(record, chair)}, presiding, has the casting vote.")
        return self.casting_option


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
                and m.outcome in (MotionOutcome.CARRIED, MotionOutcome.LOST)
            ]
            if decided:
                raise RuleViolation(
                    f"Motion {decided[-1]} on this item was put to the vote: record the "
                    "resolution from a carried motion (give its number)."
                )
            if record.meeting.kind is MeetingKind.BUDGET:
                raise RuleViolation(
                    "At a budget meeting a resolution comes from a motion carried on a "
                    "recorded vote: move the motion and record the vote."
                )
            parts = parts or target.recommendations
        require_parts(parts)
        if self.unanimous:
            if vote is None:
                raise RuleViolation("Record the vote before calling the resolution unanimous.")
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
        )
        return f"record the resolution on item {target.number}"


for _cls in (Move, Second, Amend, Withdraw, Fall, Vote, Resolve):
    register(_cls)
