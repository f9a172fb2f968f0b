"""The meeting's course: start, items taken in turn, adjournment, exclusion of the public, close."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from clerk.domain.actions.agenda import check_paragraph as check_schedule_paragraph
from clerk.domain.actions.base import (
    Action,
    Context,
    add_event,
    register,
    require_in_progress,
    require_not_closed,
    stamp,
)
from clerk.domain.actions.exclusion import ExcludePublic, MoveExclusion, ReadmitPublic
from clerk.domain.actions.paragraphs import (  # re-exported: scripts and tests import them here
    AddParagraph,
    DeleteParagraph,
    EditParagraph,
    MoveParagraph,
    append_paragraph,
)
from clerk.domain.entities import AgendaItem, Motion
from clerk.domain.enums import (
    EventKind,
    ItemState,
    MeetingStatus,
    MotionKind,
    MotionOutcome,
    MoverNaming,
    StandardItem,
    VoteMethod,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name, join_names
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.motions import confirmed_in_its_sentence
from clerk.domain.rules.numbering import next_minute_number
from clerk.domain.rules.presence import can_preside, item_presiding, presiding
from clerk.domain.signoff.confirmation import Correction, ExemptAmendment
from clerk.domain.timefmt import clock, long_date
from clerk.domain.validation import ends_before_starting

__all__ = [
    "AddParagraph",
    "DeleteParagraph",
    "EditParagraph",
    "ExcludePublic",
    "MoveExclusion",
    "MoveParagraph",
    "ReadmitPublic",
]


@dataclass(frozen=True)
class StartMeeting(Action):
    """The meeting starts: the start time."""

    kind = "start"
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        if record.meeting.status is MeetingStatus.CANCELLED:
            raise RuleViolation("The meeting was cancelled: undo the cancellation to hold it.")
        if record.meeting.status is not MeetingStatus.SCHEDULED:
            raise RuleViolation(f"The meeting has already started ({record.meeting.status}).")
        at = stamp(self.at, ctx)
        record.meeting = replace(record.meeting, status=MeetingStatus.IN_PROGRESS, started_at=at)
        add_event(record, EventKind.STARTED, at)
        return f"start the meeting at {clock(at)}"


@dataclass(frozen=True)
class Adjourn(Action):
    """The meeting adjourns (it can be resumed)."""

    kind = "adjourn"
    at: time | None = None
    reason: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "adjourn")
        at = stamp(self.at, ctx)
        record.meeting = replace(record.meeting, status=MeetingStatus.ADJOURNED)
        add_event(record, EventKind.ADJOURNED, at, record.meeting.current_item_id, text=self.reason)
        return f"adjourn the meeting at {clock(at)}"


@dataclass(frozen=True)
class Resume(Action):
    """The adjourned meeting reconvenes."""

    kind = "resume"
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        if record.meeting.status is not MeetingStatus.ADJOURNED:
            raise RuleViolation("The meeting is not adjourned, so cannot be resumed.")
        at = stamp(self.at, ctx)
        record.meeting = replace(record.meeting, status=MeetingStatus.IN_PROGRESS)
        add_event(record, EventKind.RESUMED, at, record.meeting.current_item_id)
        return f"resume the meeting at {clock(at)}"


def _finish_current(record: MeetingRecord) -> None:
    current = record.current_item()
    if current is not None and current.state is ItemState.UNDER_WAY:
        record.items[current.id] = replace(current, state=ItemState.DONE)


@dataclass(frozen=True)
class CloseMeeting(Action):
    """The meeting ends: the end time; the current item is done."""

    kind = "close"
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        # An adjourned meeting that does not reconvene is closed from where it stands.
        if record.meeting.status is not MeetingStatus.ADJOURNED:
            require_in_progress(record, "close the meeting")
        at = stamp(self.at, ctx)
        started = record.meeting.started_at
        if self.at is not None and started is not None and ends_before_starting(started, at):
            raise RuleViolation(
                f"The meeting cannot have ended at {clock(at)}: it started at {clock(started)}."
            )
        _finish_current(record)
        record.meeting = replace(
            record.meeting, status=MeetingStatus.CLOSED, ended_at=at, public_excluded=False
        )
        add_event(record, EventKind.CLOSED, at)
        return f"close the meeting at {clock(at)}"


@dataclass(frozen=True)
class OpenItem(Action):
    """Take an agenda item: it gets the next minute number the first time it is taken."""

    kind = "open_item"
    item: int
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "take an item")
        target = record.item(self.item)
        if record.meeting.current_item_id == target.id and target.state is ItemState.UNDER_WAY:
            raise RuleViolation(f"Item {target.number} is already under way.")
        _finish_current(record)
        number = target.minute_number
        if number is None:
            used = [i.minute_number for i in record.items.values() if i.minute_number is not None]
            number = next_minute_number(
                used, record.meeting.minute_number_start, ctx.earlier_minute_max
            )
            if number in ctx.taken_minute_numbers:
                raise RuleViolation(
                    f"Minute {number} is already used by another meeting of the "
                    f"{record.committee.calls_itself} this municipal year: set this meeting's "
                    "first minute number (set_minute_start) before taking the item."
                )
        record.items[target.id] = replace(
            target,
            state=ItemState.UNDER_WAY,
            minute_number=number,
            started_at=target.started_at or stamp(self.at, ctx),
        )
        record.meeting = replace(record.meeting, current_item_id=target.id)
        return f"take item {target.number} ({target.title}) as Minute {number}"


@dataclass(frozen=True)
class SetMinuteStart(Action):
    """The meeting's first minute number, where numbering carries on from elsewhere."""

    kind = "set_minute_start"
    number: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change the minute numbering")
        if any(i.minute_number is not None for i in record.items.values()):
            raise RuleViolation("Items have been minuted already: the numbering is fixed.")
        if self.number < 1:
            raise RuleViolation("Minute numbers start at 1.")
        if self.number in ctx.taken_minute_numbers:
            raise RuleViolation(
                f"Minute {self.number} is already used by another meeting this municipal year."
            )
        record.meeting = replace(record.meeting, minute_number_start=self.number)
        return f"number this meeting's minutes from {self.number}"


@dataclass(frozen=True)
class SetPresiding(Action):
    """Who presides (and so holds the casting vote), when not the chair."""

    kind = "presiding"
    person: str
    #: For the item under way only (the Vice-Chair takes the chair while the Chair is out
    #: under an interest): that item's casting vote is theirs; the meeting's chair is not
    #: changed, and resumes with ``resume_chair`` or at the next item.
    for_item: bool = False

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change who presides")
        name = display_name(record.person(self.person))
        if self.for_item:
            require_in_progress(record, "record who takes the chair for an item")
            item_id = record.meeting.current_item_id
            if item_id is None:
                raise RuleViolation(
                    "Open the item first: the chair is taken for the item under way."
                )
            if not can_preside(record, self.person, item_id):
                raise RuleViolation(
                    f"{name} cannot preside over this item: the person presiding must be a "
                    f"councillor member of the {record.committee.calls_itself} who is present "
                    "and not withdrawn from it."
                )
            add_event(
                record,
                EventKind.PRESIDING,
                ctx.now,
                item_id,
                for_item_id=item_id,
                person_id=self.person,
            )
            return f"record {name} presiding over item {record.item(item_id).number}"
        if not can_preside(record, self.person):
            raise RuleViolation(
                f"{name} cannot preside: the person presiding must be a councillor member of "
                f"the {record.committee.calls_itself} who is present."
            )
        record.meeting = replace(record.meeting, presiding_id=self.person)
        if record.meeting.status is MeetingStatus.IN_PROGRESS:
            add_event(
                record,
                EventKind.PRESIDING,
                ctx.now,
                record.meeting.current_item_id,
                person_id=self.person,
            )
        return f"record {name} presiding"


@dataclass(frozen=True)
class ResumeChair(Action):
    """The meeting's chair takes the chair back during the item someone else presided over."""

    kind = "resume_chair"

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record the chair resuming")
        item_id = record.meeting.current_item_id
        if item_id is None or item_presiding(record, item_id) is None:
            raise RuleViolation("No one else has taken the chair for the item under way.")
        add_event(
            record,
            EventKind.CHAIR_RESUMED,
            ctx.now,
            item_id,
            for_item_id=item_id,
            person_id=presiding(record),
        )
        return "record the chair resumed"


@dataclass(frozen=True)
class PublicSummary(Action):
    """What the public minutes say about an exempt item."""

    kind = "public_summary"
    allowed_when_closed = True
    item: int
    text: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.item(self.item)
        record.items[target.id] = replace(target, public_summary=self.text.strip())
        return f"set the public summary of item {target.number}"


@dataclass(frozen=True)
class Note(Action):
    """A timed note about the item under way."""

    kind = "note"
    text: str
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "add a timed note")
        if not self.text.strip():
            raise RuleViolation("A note cannot be empty.")
        add_event(
            record,
            EventKind.NOTE,
            stamp(self.at, ctx),
            record.meeting.current_item_id,
            text=self.text.strip(),
        )
        return "add a timed note"


def _carried_on_minutes_item(
    record: MeetingRecord, item: AgendaItem, motion_id: int, how: str, moved: str
) -> Motion:
    """The motion, which must be carried on the Minutes item ``item``; ``how`` and ``moved``
    finish the refusals' sentences ("subject to it", "subject to an amendment moved")."""
    motion = record.motion(motion_id)
    if motion.item_id != item.id:
        raise RuleViolation(
            f"Motion {motion.id} is not on item {item.number}: the minutes are confirmed "
            f"{moved} on the Minutes item."
        )
    if motion.kind is not MotionKind.MOTION or motion.outcome is not MotionOutcome.CARRIED:
        raise RuleViolation(
            f"Motion {motion.id} was not carried, so the minutes cannot be confirmed {how}."
        )
    return motion


def amending_motion(record: MeetingRecord, item: AgendaItem, motion_id: int) -> Motion:
    """The motion, carried on the Minutes item, that the minutes are confirmed subject to."""
    return _carried_on_minutes_item(
        record, item, motion_id, "subject to it", "subject to an amendment moved"
    )


def confirming_motion(record: MeetingRecord, item: AgendaItem, motion_id: int) -> Motion:
    """The motion, carried on the Minutes item, that was the confirmation itself."""
    motion = _carried_on_minutes_item(record, item, motion_id, "on it", "on a motion moved")
    if any(r.motion_id == motion.id for r in record.resolutions.values()):
        raise RuleViolation(
            f"Motion {motion.id} is already recorded as resolved: the confirmation is its "
            "resolution. Undo the resolution, or confirm the minutes without naming the motion."
        )
    return motion


def confirmation_sentence(record: MeetingRecord, motion: Motion, held: str, signatory: str) -> str:
    """ "On the proposal of Councillor A, seconded by Councillor B, the Minutes ... were
    confirmed as a correct record and signed by the Chair." A motion minuted on its own (a
    contested one), or one the house style does not name (movers named only when contested):
    the plain sentence."""
    plain = f"{held} were confirmed as a correct record and signed by the {signatory}."
    named = record.council.movers_named is MoverNaming.ALWAYS
    if not confirmed_in_its_sentence(record, motion) or not named:
        return plain
    proposal = f"On the proposal of {display_name(record.person(motion.mover_id))}"
    if motion.seconder_id is not None:
        proposal += f", seconded by {display_name(record.person(motion.seconder_id))}"
    vote = record.votes_for(motion.id)[-1]
    how = " unanimously" if vote.method is VoteMethod.SHOW_OF_HANDS else ""
    lead = held[:1].lower() + held[1:] if held.startswith("The ") else held
    return (
        f"{proposal}, {lead} were{how} confirmed as a correct record and signed by the {signatory}."
    )


@dataclass(frozen=True)
class ConfirmMinutes(Action):
    """The Minutes item: the previous meeting's minutes confirmed as a correct record.

    When that meeting is in Clerk, recording this also records the confirmation in its
    sign-off (it must have been approved by the chair, and this must be the next suitable
    meeting), applies ``corrections`` to its paragraphs, and carries its open actions onto
    this meeting's action tracker item, all in one transaction.

    ``motion`` names the motion, carried on this item, that amended the minutes: its proposal
    and vote are minuted first, and the confirmation refers to it instead of repeating it.

    ``confirmed_on`` names the motion, carried on this item, that was the confirmation itself
    (it amends nothing): carried without dissent, the confirmation's sentence names its mover
    and seconder (as the house style names movers) and the motion is not minuted apart;
    contested, the motion and its vote are minuted first and the confirmation follows.

    ``exempt_amendments`` (worked out by Clerk from the corrections to exempt minutes) are
    minuted in the confidential version only: the public minute names the exempt minute and
    says it was amended, without the text.
    """

    kind = "confirm_minutes"
    item: int
    meeting_date: date
    amendment: str = ""
    corrections: tuple[Correction, ...] = ()
    motion: int | None = None
    exempt_amendments: tuple[ExemptAmendment, ...] = ()
    confirmed_on: int | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "confirm the minutes")
        target = record.item(self.item)
        if target.standard is not StandardItem.MINUTES:
            raise RuleViolation(f"Item {target.number} is not the Minutes item.")
        if self.meeting_date >= record.meeting.date:
            raise RuleViolation("Only the minutes of an earlier meeting can be confirmed.")
        if self.confirmed_on is not None and (
            self.motion is not None
            or self.corrections
            or self.amendment.strip()
            or self.exempt_amendments
        ):
            raise RuleViolation(
                f"Motion {self.confirmed_on} confirms the minutes as they stand: minutes "
                "confirmed subject to an amendment name the motion that amended them instead."
            )
        if self.corrections and not (
            self.amendment.strip() or self.exempt_amendments or self.motion is not None
        ):
            raise RuleViolation("Give the wording of the amendment that makes the corrections.")
        for exempt in self.exempt_amendments:
            check_schedule_paragraph(exempt.paragraph)
            if not exempt.text.strip() or not exempt.minute.strip():
                raise RuleViolation(
                    "An amendment to an exempt minute needs the minute's reference and its wording."
                )
        body = record.committee.calls_itself
        signatory = record.committee.signatory_title or record.council.signatory_title
        held = f"The Minutes of the meeting of the {body} held on {long_date(self.meeting_date)}"
        amendment = self.amendment.strip()
        subject = ""
        if self.exempt_amendments:
            minutes = list(dict.fromkeys(e.minute.strip() for e in self.exempt_amendments))
            noun = "Minute" if len(minutes) == 1 else "Minutes"
            subject = (
                f"an amendment to exempt {noun} {join_names(minutes)} (recorded in the "
                "confidential minutes)"
            )
        if self.confirmed_on is not None:
            confirming = confirming_motion(record, target, self.confirmed_on)
            record.motions[confirming.id] = replace(confirming, confirms_minutes=True)
            sentence = confirmation_sentence(record, record.motions[confirming.id], held, signatory)
        elif self.motion is not None:
            motion = amending_motion(record, target, self.motion)
            noun = "amendments" if len(motion.parts) > 1 else "amendment"
            also = f" and to {subject}" if subject else ""
            sentence = (
                f"{held} were confirmed as a correct record, subject to the {noun} set out "
                f"above{also}, and signed by the {signatory}."
            )
        elif subject and amendment:
            sentence = (
                f"{held} were confirmed as a correct record, subject to {subject} and to the "
                f"following amendment, and signed by the {signatory}: {amendment}"
            )
        elif subject:
            sentence = (
                f"{held} were confirmed as a correct record, subject to {subject}, and signed "
                f"by the {signatory}."
            )
        elif amendment:
            sentence = (
                f"{held} were confirmed as a correct record, subject to the following "
                f"amendment, and signed by the {signatory}: {amendment}"
            )
        else:
            sentence = f"{held} were confirmed as a correct record and signed by the {signatory}."
        record.items[target.id] = replace(target, confirms_meeting=self.meeting_date.isoformat())
        append_paragraph(record, record.items[target.id], sentence)
        for exempt in self.exempt_amendments:
            append_paragraph(record, record.items[target.id], exempt.text.strip(), exempt.paragraph)
        return f"confirm the minutes of {long_date(self.meeting_date)}"


for _cls in (
    StartMeeting,
    Adjourn,
    Resume,
    CloseMeeting,
    OpenItem,
    SetMinuteStart,
    SetPresiding,
    ResumeChair,
    PublicSummary,
    Note,
    ConfirmMinutes,
):
    register(_cls)
