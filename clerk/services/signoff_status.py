"""Where a meeting's minutes stand in their sign-off: the stage, each step with who recorded it
and when, the next step with the command that takes it, and whether the record is intact.

``clerk status`` prints ``SignoffStatus.lines()``; the window shows the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.journal import JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff import claims, integrity
from clerk.domain.signoff.confirmation import MeetingFacts, next_suitable_meeting
from clerk.domain.signoff.lifecycle import (
    MinutesStage,
    allowed_steps,
    describe,
    latest,
    lock_reason,
    next_step,
    stage_of,
    steps,
)
from clerk.domain.timefmt import long_date
from clerk.services.confirmation import committee_meetings, facts
from clerk.services.record_checks import meeting_findings
from clerk.storage import attachments
from clerk.storage import repository as repo
from clerk.storage.database import Database


def mode_words(mode: SigningMode) -> str:
    return "digitally" if mode is SigningMode.DIGITAL else "in wet ink"


# -- where the minutes stand ------------------------------------------------------------------


@dataclass(frozen=True)
class StepRecord:
    """A step taken: the sentence ``clerk status`` prints, and who recorded it when."""

    step: SignoffStepKind
    text: str
    recorded_by: str = ""
    recorded_at: datetime | None = None
    #: Taken in another database and imported with the record.
    elsewhere: bool = False
    #: False for a step taken elsewhere until its signed copy is kept here and matches.
    verified: bool = True


@dataclass(frozen=True)
class NextAction:
    """What comes next: the step (circulate, approve, confirm, sign, attach, close), a sentence
    for the window, and the command that takes it."""

    step: str
    text: str
    command: str


@dataclass(frozen=True)
class SignoffStatus:
    meeting_id: int
    reference: str
    heading: str
    stage: MinutesStage
    lock_reason: str | None
    signing_mode: SigningMode
    steps: tuple[StepRecord, ...]
    next: NextAction | None
    #: The steps that may be taken now: circulate, approve, confirm, print, sign, attach.
    allowed: tuple[str, ...]
    #: Where the minutes are to be confirmed: (meeting id, reference), when known.
    confirming_meeting: tuple[int, str] | None
    #: Signs of tampering found when the record was rebuilt from its journal.
    problems: tuple[str, ...]

    @property
    def locked(self) -> bool:
        return self.lock_reason is not None

    @property
    def unverified(self) -> bool:
        """Some steps were taken elsewhere (an imported record) and not verified here."""
        return any(not step.verified for step in self.steps)

    def lines(self) -> list[str]:
        """The status as ``clerk status`` prints it (the window shows the same sentences)."""
        out = [f"{self.heading} (meeting {self.meeting_id}, {self.reference})"]
        stage = self.stage.value
        if self.locked:
            stage += " (locked: the record can no longer be changed)"
        if self.unverified:
            stage += "; taken elsewhere and not verified here"
        out.append(f"Stage: {stage}")
        out.append(f"Signing: {mode_words(self.signing_mode)} (the council's profile)")
        if self.steps:
            out.append("Steps:")
            for number, step in enumerate(self.steps, start=1):
                recorded = ""
                if step.recorded_by and step.recorded_at is not None:
                    moment = local_time(step.recorded_at)
                    recorded = f" Recorded by {step.recorded_by}, {moment:%Y-%m-%d %H:%M}."
                out.append(f"  {number}. {step.text}{recorded}")
        if self.next is not None:
            out.append(f"Next: {self.next.text}")
            if self.next.command:
                out.append(f"  {self.next.command}")
        else:
            out.append("Next: nothing; the minutes are signed.")
        if self.problems:
            out.append(
                f"Record: WARNING: {len(self.problems)} sign(s) of tampering; "
                f"run 'clerk audit {self.meeting_id}'."
            )
        else:
            out.append("Record: intact (the journal's hash chain verifies and rebuilds it).")
        return out


def local_time(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone()


def _heading(record: MeetingRecord) -> str:
    return f"Minutes of the {record.committee.name}, {long_date(record.meeting.date)}"


def _step_records(
    record: MeetingRecord, entries: list[JournalEntry], kept: set[str]
) -> tuple[StepRecord, ...]:
    """Each step as ``clerk status`` shows it; one taken elsewhere (imported) says so."""
    elsewhere = claims.taken_elsewhere(record, entries)
    verified = claims.verified_here(record, elsewhere, kept)
    found = []
    for step in steps(record):
        entry = integrity.entry_adding_step(entries, step.id)
        text = describe(record, step)
        if step.id in elsewhere:
            text += " " + claims.claim_note(step, verified)
        found.append(
            StepRecord(
                step.step,
                text,
                recorded_by=entry.who if entry else "",
                recorded_at=entry.recorded_at if entry else None,
                elsewhere=step.id in elsewhere,
                verified=verified or step.id not in elsewhere,
            )
        )
    return tuple(found)


def _confirming(conn: Connection, record: MeetingRecord) -> MeetingFacts | None:
    confirmed = latest(record, SignoffStepKind.CONFIRMED)
    meetings = committee_meetings(conn, record.committee.slug)
    if confirmed is not None:
        return next((m for m in meetings if m.reference == confirmed.confirmed_by), None)
    return next_suitable_meeting(facts(record.meeting_id, record.meeting), meetings, record.council)


def _next_action(record: MeetingRecord, confirming: MeetingFacts | None) -> NextAction | None:
    step = next_step(record)
    if step is None:
        return None
    meeting_id = record.meeting_id
    text = step.text
    command = ""
    if step.step == "close":
        command = f"clerk replay {meeting_id} SCRIPT.jsonl (ending with the 'close' action)"
    elif step.step in ("circulate", "approve"):
        command = f"clerk {step.step} {meeting_id}"
    elif step.step == "confirm":
        if confirming is None:
            text = text[:-1] + ": none is in Clerk yet."
            command = f"create the meeting, then: clerk confirm {meeting_id} --at MEETING"
        else:
            text = text[:-1] + f", {confirming.describe()}."
            command = f"clerk confirm {meeting_id} --at {confirming.id}"
    elif step.step == "sign":
        if record.council.signing_mode is SigningMode.DIGITAL:
            command = f"clerk sign {meeting_id} --p12 CHAIR.p12 -o SIGNED.pdf"
        else:
            command = (
                f"clerk print {meeting_id} -o MINUTE-BOOK.pdf; after signing: "
                f"clerk sign {meeting_id} [--scan SCAN.pdf]"
            )
    elif step.step == "attach":
        command = f"clerk attach {meeting_id} SCAN.pdf"
    return NextAction(step.step, text, command)


def status(database: Database, meeting_id: int) -> SignoffStatus:
    """Where the minutes stand, the next step, and whether the record is intact."""
    with database.reading() as conn:  # one snapshot: the record and journal agree
        record, _version = repo.load_record(conn, meeting_id)
        entries = repo.load_journal(conn, meeting_id)
        confirming = _confirming(conn, record)
        problems = meeting_findings(conn, meeting_id, record, entries).all()
        kept = {a.sha256 for a in attachments.list_for(conn, meeting_id)}
    return SignoffStatus(
        meeting_id=meeting_id,
        reference=record.reference,
        heading=_heading(record),
        stage=stage_of(record),
        lock_reason=lock_reason(record),
        signing_mode=record.council.signing_mode,
        steps=_step_records(record, entries, kept),
        next=_next_action(record, confirming),
        allowed=allowed_steps(record),
        confirming_meeting=(confirming.id, confirming.reference) if confirming else None,
        problems=tuple(problems),
    )
