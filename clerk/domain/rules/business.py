"""The business of an item, as the window and the documents ask about it: the question before
the meeting, the carried motions still to be resolved, the latest vote, who presides, who is
in the room, and what a vote being entered would record (``preview_vote``).

The read side decides; the window only shows. ``Vote.apply`` records what ``judge_vote``
decides, and ``preview_vote`` shows what ``Vote.judge`` (the same function, without writing)
decides, so the preview and the vote recorded cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar, cast

from clerk.domain.entities import AgendaItem, Motion, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AttendanceStatus,
    EventKind,
    ItemState,
    MeetingStatus,
    MotionKind,
    MotionOutcome,
    PersonKind,
    Role,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import eligible_voters, ineligibility_reason
from clerk.domain.rules.presence import (
    SEATED_STATUSES,
    is_present,
    presiding,
    seat_role,
    withdrawal,
)
from clerk.domain.rules.quorum import quorum_state
from clerk.domain.rules.recorded import check_recorded, has_a_vote
from clerk.domain.rules.votes import RESULT_WORDS, Tally, check_counts, decide, tally_choices

# -- the question before the meeting -------------------------------------------------------


def pending_motion(record: MeetingRecord, item_id: int) -> int | None:
    """The motion (or amendment) awaiting a decision on the item: amendments first."""
    pending = [m for m in record.for_item("motions", item_id) if m.outcome is MotionOutcome.PENDING]
    amendments = [m for m in pending if m.kind is MotionKind.AMENDMENT]
    if amendments:
        return amendments[0].id
    return pending[-1].id if pending else None


def question_before_meeting(record: MeetingRecord) -> Motion | None:
    """The motion or amendment under debate on the item under way, if any."""
    item_id = record.meeting.current_item_id
    if item_id is None or record.meeting.status is not MeetingStatus.IN_PROGRESS:
        return None
    motion_id = pending_motion(record, item_id)
    return record.motion(motion_id) if motion_id is not None else None


def carried_unresolved(record: MeetingRecord, item_id: int) -> list[int]:
    """Motions carried on the item whose resolution is not yet recorded (a motion excluding
    the press and public is resolved by the exclusion it carried, a motion confirming the
    minutes by the confirmation), in the order moved."""
    resolved = {r.motion_id for r in record.for_item("resolutions", item_id)}
    return [
        m.id
        for m in record.for_item("motions", item_id)
        if m.kind is MotionKind.MOTION
        and m.excludes_item_id is None
        and not m.confirms_minutes
        and m.outcome is MotionOutcome.CARRIED
        and m.id not in resolved
    ]


def latest_vote(record: MeetingRecord, item_id: int) -> VoteEvent | None:
    """The last vote taken on the item (on any of its motions or amendments)."""
    motions = {m.id for m in record.for_item("motions", item_id)}
    votes = [v for v in record.votes.values() if v.motion_id in motions]
    return max(votes, key=lambda v: (v.order, v.id)) if votes else None


def presiding_over(record: MeetingRecord, item_id: int | None) -> str | None:
    """Who presides over the item (and holds the casting vote on it): the presence rule."""
    return presiding(record, item_id)


def chaired(record: MeetingRecord) -> str | None:
    """Who chaired the meeting, as its minutes name them: as recorded, unless the chair
    changed hands during it (then the minutes say who took the chair when), else the Chair,
    else the Vice-Chair, of those who attended. (Who presides *now*, with the casting vote,
    is ``presiding_over``.)"""
    changed = any(
        e.kind is EventKind.PRESIDING and e.for_item_id is None for e in record.events.values()
    )
    if record.meeting.presiding_id is not None and not changed:
        return record.meeting.presiding_id
    for role in (Role.CHAIR, Role.VICE_CHAIR):
        for membership in record.memberships_on_day():
            entry = record.attendance_of(membership.person_id)
            attended = entry is not None and entry.status in SEATED_STATUSES
            if membership.role is role and attended:
                return membership.person_id
    return None


def result_word(result: VoteResult) -> str:
    """ "carried" or "lost": the words for a result, wherever it is said."""
    return RESULT_WORDS[result]


def not_taken(record: MeetingRecord, item: AgendaItem) -> bool:
    """The meeting is over and never took this item: its final state."""
    over = record.meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED)
    return over and item.state is ItemState.NOT_STARTED and item.minute_number is None


# -- who is in the room --------------------------------------------------------------------


@dataclass(frozen=True)
class Room:
    """Who is in the room for the quorum badge: everyone present with a seat of the body
    (co-optees and substitutes included) and not withdrawn from the item, and those of them
    the quorum counts (councillor seats)."""

    present: int
    counted: int
    needed: int

    @property
    def quorate(self) -> bool:
        return self.counted >= self.needed

    def describe(self) -> str:
        """ "6 present, 5 councillors count (3 needed)": what each number counts."""
        councillors = "councillor counts" if self.counted == 1 else "councillors count"
        return f"{self.present} present, {self.counted} {councillors} ({self.needed} needed)"


def room(record: MeetingRecord, item_id: int | None = None) -> Room:
    seated = [
        a.person_id
        for a in record.attendance.values()
        if seat_role(record, a.person_id) is not None
        and is_present(record, a.person_id)
        and (item_id is None or withdrawal(record, a.person_id, item_id) is None)
    ]
    state = quorum_state(record, item_id)
    return Room(present=len(seated), counted=state.present, needed=state.needed)


# -- who may vote --------------------------------------------------------------------------


class Standing(StrEnum):
    ELIGIBLE = "eligible"
    #: Not in the room (apologies, absent, left, not yet arrived): not "ineligible".
    ABSENT = "absent"
    NOT_ELIGIBLE = "not eligible"


@dataclass(frozen=True)
class Voter:
    person_id: str
    name: str
    standing: Standing
    #: Why not eligible, or why absent, as a sentence; None for an eligible voter.
    reason: str | None
    #: Holds a vote on the item but is not in the room: a recorded vote lists them "Absent".
    listed_absent: bool

    @property
    def eligible(self) -> bool:
        return self.standing is Standing.ELIGIBLE


def _absence(record: MeetingRecord, person_id: str) -> str:
    name = display_name(record.person(person_id))
    entry = record.attendance_of(person_id)
    if entry is None:
        return f"{name} is not marked present."
    if entry.status is AttendanceStatus.APOLOGIES:
        return f"{name} sent apologies."
    if entry.status is AttendanceStatus.ABSENT:
        return f"{name} is absent."
    if any(True for _ in record.movements_of(person_id)):
        return f"{name} has left the meeting."
    return f"{name} is not present."


def voter(record: MeetingRecord, person_id: str, item: AgendaItem) -> Voter:
    """Whether the person may vote on the item, and if not, whether they are simply absent."""
    name = display_name(record.person(person_id))
    reason = ineligibility_reason(record, person_id, item)
    listed_absent = (
        reason is not None
        and has_a_vote(record, person_id, item)
        and not is_present(record, person_id)
    )
    if reason is None:
        return Voter(person_id, name, Standing.ELIGIBLE, None, False)
    entry = record.attendance_of(person_id)
    in_room_somehow = entry is not None and entry.status in (
        AttendanceStatus.ALSO_ATTENDING,
        AttendanceStatus.REMOTE_OBSERVER,
        AttendanceStatus.OFFICER,
    )
    if not is_present(record, person_id) and not in_room_somehow:
        return Voter(person_id, name, Standing.ABSENT, _absence(record, person_id), listed_absent)
    return Voter(person_id, name, Standing.NOT_ELIGIBLE, reason, listed_absent)


def voters(record: MeetingRecord, item: AgendaItem) -> tuple[Voter, ...]:
    """The members of the body and everyone attending who is not an officer: each with their
    standing for a vote on the item, members in the body's order, then the others."""
    substitutes = {
        a.substitute_for: a.person_id for a in record.attendance.values() if a.substitute_for
    }
    order = []
    for membership in record.memberships_on_day():
        order.append(membership.person_id)
        if membership.person_id in substitutes:  # a substitute under the member replaced
            order.append(substitutes[membership.person_id])
    for entry in sorted(record.attendance.values(), key=lambda a: a.id):
        if entry.person_id not in order and entry.status is not AttendanceStatus.OFFICER:
            order.append(entry.person_id)
    found = [
        voter(record, person_id, item)
        for person_id in order
        if record.person(person_id).kind is not PersonKind.OFFICER or seat_role(record, person_id)
    ]
    return tuple(found)


# -- a vote: judged, and previewed ---------------------------------------------------------


class VoteDraft(Protocol):
    """A vote as entered (``clerk.domain.actions.votes.Vote``): read by its fields."""

    @property
    def motion(self) -> int: ...
    @property
    def method(self) -> VoteMethod: ...
    @property
    def yes(self) -> int: ...
    @property
    def no(self) -> int: ...
    @property
    def abstain(self) -> int: ...
    @property
    def choices(self) -> tuple[VoteChoice, ...]: ...
    @property
    def casting_by(self) -> str | None: ...
    @property
    def casting_option(self) -> VoteOption | None: ...
    @property
    def result(self) -> VoteResult | None: ...


class JudgedDraft(VoteDraft, Protocol):
    def judge(self, record: MeetingRecord) -> Judgement: ...


@dataclass(frozen=True)
class Judgement:
    """What a vote records: its count, the casting vote given (on a tie), the result."""

    tally: Tally
    casting: VoteOption | None
    result: VoteResult

    @property
    def outcome(self) -> MotionOutcome:
        return MotionOutcome.CARRIED if self.result is VoteResult.PASS else MotionOutcome.LOST


def entered_tally(draft: VoteDraft) -> Tally:
    """The counts the draft gives (named choices counted), before any check."""
    if draft.method is VoteMethod.ASSENT:
        return Tally(0, 0, 0)
    if draft.method is VoteMethod.RECORDED:
        return tally_choices(draft.choices)
    return Tally(draft.yes, draft.no, draft.abstain)


def _declared(draft: VoteDraft, tally: Tally) -> bool:
    return draft.method is VoteMethod.SHOW_OF_HANDS and tally == Tally(0, 0, 0)


def _tally(record: MeetingRecord, draft: VoteDraft, item: AgendaItem, eligible: int) -> Tally:
    if draft.method is VoteMethod.ASSENT:
        if draft.yes or draft.no or draft.abstain or draft.choices:
            raise RuleViolation("A decision by assent has no counts or names.")
        if not eligible:
            raise RuleViolation("No member present is eligible to vote on this item.")
        return Tally(0, 0, 0)
    if draft.method is VoteMethod.SHOW_OF_HANDS:
        if draft.choices:
            raise RuleViolation("A show of hands has counts, not names: use a recorded vote.")
        tally = Tally(draft.yes, draft.no, draft.abstain)
        if tally == Tally(0, 0, 0) and draft.result is not None:
            if not eligible:
                raise RuleViolation("No member present is eligible to vote on this item.")
            if draft.casting_option is not None or draft.casting_by is not None:
                raise RuleViolation("A casting vote is recorded only when counted votes are equal.")
            return tally
        check_counts(tally, eligible)
        return tally
    tally = check_recorded(record, item, draft.choices)
    given = (draft.yes, draft.no, draft.abstain)
    if any(given) and given != (tally.yes, tally.no, tally.abstain):
        raise RuleViolation(
            f"The counts given ({draft.yes}-{draft.no}-{draft.abstain}) do not match the "
            f"names recorded ({tally.yes}-{tally.no}-{tally.abstain})."
        )
    check_counts(tally, eligible)
    return tally


def _casting(
    record: MeetingRecord, draft: VoteDraft, tally: Tally, item_id: int
) -> VoteOption | None:
    if draft.method is VoteMethod.ASSENT or not tally.tied:
        if draft.casting_option is not None or draft.casting_by is not None:
            raise RuleViolation("A casting vote is recorded only when the votes are equal.")
        return None
    if draft.casting_option is None:
        return None  # decide() explains that the casting vote is needed
    chair = presiding_over(record, item_id)
    if chair is None:
        raise RuleViolation(
            "No one present can preside over this item, so no casting vote can be given: "
            "record who presides (a councillor member who is present and not withdrawn)."
        )
    if draft.casting_by != chair:
        name = display_name(record.person(chair))
        raise RuleViolation(f"Only {name}, presiding, has the casting vote.")
    return draft.casting_option


def judge_vote(record: MeetingRecord, draft: VoteDraft) -> Judgement:
    """The count, casting vote and result the vote records, or the refusal (RuleViolation).

    The motion's own state (pending, quorate, budget) is checked by ``Vote.judge`` first."""
    target = record.motion(draft.motion)
    item = record.item(target.item_id)
    eligible = eligible_voters(record, item)
    tally = _tally(record, draft, item, len(eligible))
    declared = _declared(draft, tally)
    casting = None if declared else _casting(record, draft, tally, item.id)
    if draft.method is VoteMethod.ASSENT:
        result = VoteResult.PASS
    elif declared:
        assert draft.result is not None  # _tally refuses a show of hands with neither
        result = draft.result
    else:
        result = decide(tally, casting)
    if draft.result is not None and draft.result is not result:
        how = "a decision by assent" if draft.method is VoteMethod.ASSENT else "the counts"
        raise RuleViolation(
            f"The result given ({RESULT_WORDS[draft.result]}) is not what {how} decided "
            f"({RESULT_WORDS[result]})."
        )
    return Judgement(tally=tally, casting=casting, result=result)


D = TypeVar("D", bound=JudgedDraft)


@dataclass(frozen=True)
class VotePreview(Generic[D]):
    """What the vote being entered would record, or why it would be refused."""

    #: The draft as it would be recorded: the casting vote given to the person presiding.
    draft: D
    item_id: int
    voters: tuple[Voter, ...]
    #: The counts as entered (the names counted, for a recorded vote).
    tally: Tally
    #: The votes are equal: the casting vote of ``casting_by`` is needed.
    tied: bool
    #: Who presides over the item, and so holds the casting vote on a tie.
    casting_by: str | None
    result: VoteResult | None
    refusal: str | None
    #: Nothing entered yet (no counts, no names, no result declared).
    blank: bool

    @property
    def eligible(self) -> tuple[Voter, ...]:
        return tuple(v for v in self.voters if v.eligible)

    @property
    def absent(self) -> tuple[Voter, ...]:
        return tuple(v for v in self.voters if v.standing is Standing.ABSENT)

    @property
    def not_eligible(self) -> tuple[Voter, ...]:
        return tuple(v for v in self.voters if v.standing is Standing.NOT_ELIGIBLE)

    def summary(self) -> str:
        """The result as the panel shows it: "CARRIED: 4 for, 1 against, 0 abstaining."."""
        if self.result is None:
            return ""
        word = RESULT_WORDS[self.result].upper()
        if self.draft.method is VoteMethod.ASSENT:
            return f"{word} by assent (no vote taken)."
        if self.tally == Tally(0, 0, 0):
            return f"{word}: declared without a count."
        counts = f"{self.tally.yes} for, {self.tally.no} against, {self.tally.abstain} abstaining"
        note = ""
        if self.tally.unanimous:
            note = " — unanimous"
        elif self.tied:
            note = " — on the casting vote"
        return f"{word}: {counts}{note}."


def preview_vote(record: MeetingRecord, draft: D) -> VotePreview[D]:
    """The vote ``draft`` would record now: eligible voters (the absent apart from the
    ineligible, with reasons), the tally, a tie and who holds the casting vote, and the
    result, or the refusal the domain would give. A casting option given without its giver
    is given to the person presiding over the item."""
    motion = record.motion(draft.motion)
    item = record.item(motion.item_id)
    holder = presiding_over(record, item.id)
    tally = entered_tally(draft)
    tied = draft.method is not VoteMethod.ASSENT and tally.tied and tally != Tally(0, 0, 0)
    # the casting vote is the presiding person's; one left from an earlier tie is dropped
    if draft.casting_option is not None and draft.casting_by is None and tied:
        draft = cast(D, replace(cast(Any, draft), casting_by=holder))
    elif not tied and (draft.casting_option is not None or draft.casting_by is not None):
        draft = cast(D, replace(cast(Any, draft), casting_option=None, casting_by=None))
    try:
        judged: Judgement | None = draft.judge(record)
        refusal = None
    except RuleViolation as error:
        judged, refusal = None, str(error)
    blank = (
        draft.method is VoteMethod.SHOW_OF_HANDS
        and draft.result is None
        and not any((draft.yes, draft.no, draft.abstain))
    ) or (draft.method is VoteMethod.RECORDED and not draft.choices)
    return VotePreview(
        draft=draft,
        item_id=item.id,
        voters=voters(record, item),
        tally=judged.tally if judged is not None else tally,
        tied=tied,
        casting_by=holder,
        result=judged.result if judged is not None else None,
        refusal=refusal,
        blank=blank,
    )
