"""The minutes' lifecycle: draft, circulated to the chair, approved, confirmed, signed.

The stage is read from the record's sign-off steps, so it travels with the record (journal,
JSON export) and is rebuilt from the journal like everything else. Once the chair has approved
the minutes the record is locked: only the later sign-off steps may still be recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk.domain.entities import SignoffStep
from clerk.domain.enums import MeetingStatus, Role, SigningMode, SignoffStepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import presiding
from clerk.domain.timefmt import clock, long_date


class MinutesStage(StrEnum):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    APPROVED = "approved"
    CONFIRMED = "confirmed"
    SIGNED = "signed"

    @property
    def rank(self) -> int:
        return list(MinutesStage).index(self)

    def reached(self, other: MinutesStage) -> bool:
        """True when this stage is ``other`` or later."""
        return self.rank >= other.rank


#: The stage each recorded step brings the minutes to.
STAGE_AFTER: dict[SignoffStepKind, MinutesStage] = {
    SignoffStepKind.CIRCULATED: MinutesStage.CIRCULATED,
    SignoffStepKind.APPROVED: MinutesStage.APPROVED,
    SignoffStepKind.CONFIRMED: MinutesStage.CONFIRMED,
    SignoffStepKind.SIGNED: MinutesStage.SIGNED,
    SignoffStepKind.COPY_ATTACHED: MinutesStage.SIGNED,
}


def steps(record: MeetingRecord) -> list[SignoffStep]:
    return [record.signoff[key] for key in sorted(record.signoff)]


def latest(record: MeetingRecord, kind: SignoffStepKind) -> SignoffStep | None:
    found = [step for step in steps(record) if step.step is kind]
    return found[-1] if found else None


def stage_of(record: MeetingRecord) -> MinutesStage:
    stage = MinutesStage.DRAFT
    for step in steps(record):
        after = STAGE_AFTER[step.step]
        if after.rank > stage.rank:
            stage = after
    return stage


def sentence_start(text: str) -> str:
    """The text with its first letter a capital (``str.capitalize`` lowers the rest)."""
    return text[:1].upper() + text[1:]


def confirming_date(reference: str) -> date | None:
    """The date in a meeting reference ``<committee>/<yyyy-mm-dd>``."""
    try:
        return date.fromisoformat(reference.rsplit("/", 1)[-1])
    except ValueError:
        return None


def minutes_name(record: MeetingRecord) -> str:
    return f"the minutes of {long_date(record.meeting.date)}"


def signatory_title(record: MeetingRecord) -> str:
    return record.committee.signatory_title or record.council.signatory_title


def chair_of(record: MeetingRecord) -> str | None:
    """Who the draft goes to and who approves it: the person who presided, else the chair."""
    person = presiding(record)
    if person is not None:
        return person
    for membership in record.memberships_on_day():
        if membership.role is Role.CHAIR:
            return membership.person_id
    return None


def person_phrase(record: MeetingRecord, person_id: str | None) -> str:
    if person_id is None or person_id not in record.persons:
        return "the " + signatory_title(record)
    return display_name(record.persons[person_id])


def when_phrase(step: SignoffStep) -> str:
    at = f" at {clock(step.at)}" if step.at is not None else ""
    return f"on {long_date(step.on)}{at}"


def describe(record: MeetingRecord, step: SignoffStep) -> str:
    """One line per step, as ``clerk status`` prints it."""
    who = person_phrase(record, step.person_id)
    when = when_phrase(step)
    pinned = f" (record {step.chain_head[:12]})" if step.chain_head else ""
    if step.step is SignoffStepKind.CIRCULATED:
        return f"Circulated to {who} {when}."
    if step.step is SignoffStepKind.APPROVED:
        return f"Approved by {who} {when}{pinned}."
    if step.step is SignoffStepKind.CONFIRMED:
        day = confirming_date(step.confirmed_by)
        meeting = long_date(day) if day is not None else step.confirmed_by
        minute = f" (Minute {step.minute})" if step.minute else ""
        at = f" at {clock(step.at)}" if step.at is not None else ""
        amended = f", subject to an amendment: {step.text}" if step.text else ""
        return f"Confirmed as a correct record at the meeting of {meeting}{minute}{at}{amended}."
    if step.step is SignoffStepKind.SIGNED:
        notes = []
        if step.first_page is not None and step.last_page is not None:
            notes.append(f"minute-book pages {step.first_page} to {step.last_page}")
        if step.chain_head:
            notes.append(f"record {step.chain_head[:12]}")
        noted = f" ({'; '.join(notes)})" if notes else ""
        if step.mode is SigningMode.DIGITAL:
            return f"Signed digitally by {step.signer or who} {when}{noted}."
        return f"Signed in ink by {who} {when}{noted}."
    return f"Signed copy {step.file_name} attached {when} (SHA-256 {step.sha256[:16]})."


def lock_reason(record: MeetingRecord) -> str | None:
    """Why the record may not be changed, or None while it may."""
    if not stage_of(record).reached(MinutesStage.APPROVED):
        return None
    approved = latest(record, SignoffStepKind.APPROVED)
    assert approved is not None
    who = person_phrase(record, approved.person_id)
    return (
        f"{sentence_start(minutes_name(record))} were approved by {who} on "
        f"{long_date(approved.on)} and are locked"
    )


def require_stage(record: MeetingRecord, allowed: tuple[MinutesStage, ...], doing: str) -> None:
    """Refuse a step taken out of order, saying what is missing or what has already happened."""
    stage = stage_of(record)
    if stage in allowed:
        return
    name = minutes_name(record)
    title = signatory_title(record)
    if stage.rank > max(s.rank for s in allowed):
        raise RuleViolation(f"You cannot {doing}: {name} are already {stage.value}.")
    wanted = min(allowed, key=lambda s: s.rank)
    if stage.rank < MinutesStage.APPROVED.rank <= wanted.rank:
        missing = f"they have not been approved by the {title}"
        if stage is MinutesStage.DRAFT:
            missing += " (they are still a draft)"
    elif stage is MinutesStage.DRAFT:
        missing = f"they have not been circulated to the {title}"
    else:
        missing = "they have not been confirmed as a correct record by the next suitable meeting"
    raise RuleViolation(f"You cannot {doing} yet: {missing}.")


def require_closed(record: MeetingRecord, doing: str) -> None:
    if record.meeting.status is not MeetingStatus.CLOSED:
        raise RuleViolation(
            f"You cannot {doing}: the meeting of {long_date(record.meeting.date)} has not "
            "ended. Close it first."
        )


@dataclass(frozen=True)
class NextStep:
    """What comes next for the minutes: a step name (``circulate``...) and a sentence."""

    step: str
    text: str


def next_step(record: MeetingRecord) -> NextStep | None:
    stage = stage_of(record)
    title = signatory_title(record)
    chair = person_phrase(record, chair_of(record))
    if stage is MinutesStage.DRAFT:
        if record.meeting.status is not MeetingStatus.CLOSED:
            return NextStep("close", "Finish recording the meeting and close it.")
        return NextStep("circulate", f"Circulate the draft minutes to the {title} ({chair}).")
    if stage is MinutesStage.CIRCULATED:
        circulated = latest(record, SignoffStepKind.CIRCULATED)
        to = person_phrase(record, circulated.person_id if circulated else None)
        return NextStep("approve", f"Record the {title}'s approval ({to}).")
    if stage is MinutesStage.APPROVED:
        return NextStep("confirm", "Confirm them as a correct record at the next suitable meeting.")
    if stage is MinutesStage.CONFIRMED:
        if record.council.signing_mode is SigningMode.DIGITAL:
            return NextStep("sign", f"The {title} signs them digitally.")
        return NextStep("sign", f"Print the minute-book copy; the {title} signs it in ink.")
    signed = latest(record, SignoffStepKind.SIGNED)
    attached = latest(record, SignoffStepKind.COPY_ATTACHED)
    if signed is not None and signed.mode is SigningMode.WET_INK and attached is None:
        return NextStep("attach", "Attach the scanned signed copy.")
    return None


def allowed_steps(record: MeetingRecord) -> tuple[str, ...]:
    """The sign-off steps that may be taken now."""
    stage = stage_of(record)
    if stage is MinutesStage.DRAFT:
        closed = record.meeting.status is MeetingStatus.CLOSED
        return ("circulate",) if closed else ()
    if stage is MinutesStage.CIRCULATED:
        return ("circulate", "approve")
    if stage is MinutesStage.APPROVED:
        return ("confirm", "print")
    if stage is MinutesStage.CONFIRMED:
        return ("sign", "print")
    signed = latest(record, SignoffStepKind.SIGNED)
    if signed is not None and signed.mode is SigningMode.WET_INK:
        return ("attach", "print")
    return ()
