"""The minutes' sign-off steps, recorded on the meeting whose minutes they are.

They are journaled like every other action (who recorded the step, when, and the hash chain),
but they are taken through ``clerk.services.signoff``, which supplies the facts a step rests on
(the journal's chain head, a file's SHA-256, the signer's certificate). They are not script
actions. Once the minutes are approved, only these steps may still be recorded on the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from typing import ClassVar

from clerk.domain.actions.base import Action, Context
from clerk.domain.entities import ActionItem, SignoffStep
from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.approved import freeze
from clerk.domain.signoff.confirmation import Correction
from clerk.domain.signoff.lifecycle import (
    MinutesStage,
    chair_of,
    latest,
    lock_reason,
    minutes_name,
    require_closed,
    require_stage,
    sentence_start,
    signatory_title,
)
from clerk.domain.timefmt import long_date

HASH_LENGTH = 64


def _add_step(record: MeetingRecord, step: SignoffStep) -> None:
    step_id = record.next_id("signoff")
    record.signoff[step_id] = replace(step, id=step_id)


def _when(
    on: date | None,
    ctx: Context,
    record: MeetingRecord,
    done: str,
    after: SignoffStepKind | None = None,
) -> tuple[date, time | None]:
    """The date given (a step recorded afterwards has no clock time), else now; a date that
    makes no sense (before the meeting, before the step it follows, or in the future) is
    refused. ``done``: what the step says happened ("circulated")."""
    day, at = (on, None) if on is not None else (ctx.today, ctx.now)
    name = minutes_name(record)
    meeting = record.meeting.date
    if on is not None and on > ctx.today:
        raise RuleViolation(
            f"{sentence_start(name)} cannot have been {done} on {long_date(on)}: that is in "
            "the future."
        )
    if day < meeting:
        raise RuleViolation(
            f"{sentence_start(name)} cannot have been {done} on {long_date(day)}: that is "
            "before the meeting."
        )
    before = latest(record, after) if after is not None else None
    if before is not None and day < before.on:
        raise RuleViolation(
            f"{sentence_start(name)} cannot have been {done} on {long_date(day)}: that is "
            f"before they were {STEP_WORDS[after]} ({long_date(before.on)})."
        )
    return day, at


#: What each step says happened, for the messages above.
STEP_WORDS: dict[SignoffStepKind | None, str] = {
    SignoffStepKind.CIRCULATED: "circulated",
    SignoffStepKind.APPROVED: "approved",
    SignoffStepKind.CONFIRMED: "confirmed",
    SignoffStepKind.SIGNED: "signed",
}


def _person(record: MeetingRecord, person_id: str | None, role: str) -> str:
    chosen = person_id or chair_of(record)
    if chosen is None:
        raise RuleViolation(
            f"Say who the {role} is: no chair or person presiding is recorded for the meeting "
            f"of {long_date(record.meeting.date)}."
        )
    record.person(chosen)
    return chosen


def _check_hash(value: str, what: str) -> None:
    if len(value) != HASH_LENGTH or any(c not in "0123456789abcdef" for c in value):
        raise RuleViolation(f"The {what} must be a SHA-256 hash (64 hexadecimal digits).")


@dataclass(frozen=True)
class SignoffAction(Action):
    """A sign-off step: allowed on a closed meeting, and on locked minutes."""

    allowed_when_closed: ClassVar[bool] = True
    signoff_step: ClassVar[bool] = True


@dataclass(frozen=True)
class Circulate(SignoffAction):
    """The draft minutes go to the chair (again, after changes, if need be)."""

    kind = "circulate"
    to: str | None = None
    on: date | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        name = minutes_name(record)
        require_closed(record, f"circulate {name}")
        require_stage(record, (MinutesStage.DRAFT, MinutesStage.CIRCULATED), f"circulate {name}")
        person = _person(record, self.to, signatory_title(record))
        on, at = _when(self.on, ctx, record, "circulated")
        _add_step(record, SignoffStep(0, SignoffStepKind.CIRCULATED, on, at, person_id=person))
        return f"circulate {name} to {display_name(record.person(person))}"


@dataclass(frozen=True)
class Approve(SignoffAction):
    """The chair approves the draft: the record is locked from here on."""

    kind = "approve"
    chain_head: str
    by: str | None = None
    on: date | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        name = minutes_name(record)
        require_stage(record, (MinutesStage.CIRCULATED,), f"approve {name}")
        _check_hash(self.chain_head, "chain head")
        circulated = latest(record, SignoffStepKind.CIRCULATED)
        default = circulated.person_id if circulated is not None else None
        person = _person(record, self.by or default, signatory_title(record))
        on, at = _when(self.on, ctx, record, "approved", SignoffStepKind.CIRCULATED)
        _add_step(
            record,
            SignoffStep(
                0, SignoffStepKind.APPROVED, on, at, person_id=person, chain_head=self.chain_head
            ),
        )
        context = freeze(record, also=(person,))
        record.approved_as[context.id] = context
        return f"record the approval of {name} by {display_name(record.person(person))}"


@dataclass(frozen=True)
class RecordConfirmation(SignoffAction):
    """The confirming meeting's resolution, in the confirmed minutes' own lifecycle.

    Any corrections the resolution made are applied here, to the minutes' paragraphs, so the
    journal keeps each one (before and after) as a tracked correction.
    """

    kind = "record_confirmation"
    confirmed_by: str
    confirmed_on: date
    minute: str = ""
    amendment: str = ""
    corrections: tuple[Correction, ...] = ()
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        name = minutes_name(record)
        require_stage(record, (MinutesStage.APPROVED,), f"confirm {name}")
        if self.corrections and not self.amendment.strip():
            raise RuleViolation("A correction needs the wording of the amendment that made it.")
        for correction in self.corrections:
            paragraph = record.paragraphs.get(correction.paragraph)
            if paragraph is None:
                raise RuleViolation(
                    f"The minutes of {long_date(record.meeting.date)} have no paragraph "
                    f"{correction.paragraph} to correct."
                )
            if not correction.text.strip():
                raise RuleViolation("A corrected paragraph cannot be empty.")
            record.paragraphs[paragraph.id] = replace(paragraph, text=correction.text.strip())
        at = self.at if self.at is not None or ctx.today != self.confirmed_on else ctx.now
        _add_step(
            record,
            SignoffStep(
                0,
                SignoffStepKind.CONFIRMED,
                self.confirmed_on,
                at,
                confirmed_by=self.confirmed_by,
                minute=self.minute,
                text=self.amendment.strip(),
            ),
        )
        corrected = f", with {len(self.corrections)} correction(s)" if self.corrections else ""
        return f"record the confirmation of {name} by {self.confirmed_by}{corrected}"


@dataclass(frozen=True)
class Sign(SignoffAction):
    """The confirmed minutes are signed: in ink on the minute-book copy, or digitally."""

    kind = "sign"
    mode: SigningMode
    chain_head: str
    by: str | None = None
    signer: str = ""
    file_name: str = ""
    sha256: str = ""
    first_page: int | None = None
    last_page: int | None = None
    on: date | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        name = minutes_name(record)
        require_stage(record, (MinutesStage.CONFIRMED,), f"sign {name}")
        _check_hash(self.chain_head, "chain head")
        if self.mode is SigningMode.DIGITAL:
            if not self.signer.strip():
                raise RuleViolation("A digital signature names its signer.")
            _check_hash(self.sha256, "signed file's hash")
        if self.sha256:
            _check_hash(self.sha256, "file's hash")
        if (self.first_page is None) != (self.last_page is None) or (
            self.first_page is not None
            and self.last_page is not None
            and not 1 <= self.first_page <= self.last_page
        ):
            raise RuleViolation("The minute-book pages must run from a first to a last page.")
        person = _person(record, self.by, signatory_title(record))
        on, at = _when(self.on, ctx, record, "signed", SignoffStepKind.CONFIRMED)
        _add_step(
            record,
            SignoffStep(
                0,
                SignoffStepKind.SIGNED,
                on,
                at,
                person_id=person,
                chain_head=self.chain_head,
                mode=self.mode,
                signer=self.signer.strip(),
                file_name=self.file_name,
                sha256=self.sha256,
                first_page=self.first_page,
                last_page=self.last_page,
            ),
        )
        how = "digitally" if self.mode is SigningMode.DIGITAL else "in ink"
        return f"record {name} signed {how} by {display_name(record.person(person))}"


@dataclass(frozen=True)
class AttachSignedCopy(SignoffAction):
    """The scanned copy of minutes signed in ink, kept by its SHA-256."""

    kind = "attach_signed_copy"
    file_name: str
    sha256: str
    on: date | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        name = minutes_name(record)
        require_stage(record, (MinutesStage.SIGNED,), f"attach the signed copy of {name}")
        signed = latest(record, SignoffStepKind.SIGNED)
        if signed is not None and signed.mode is SigningMode.DIGITAL:
            raise RuleViolation(
                f"{sentence_start(name)} were signed digitally: the signed PDF is the signed copy."
            )
        _check_hash(self.sha256, "scanned copy's hash")
        if not self.file_name.strip():
            raise RuleViolation("Name the scanned file.")
        on, at = _when(self.on, ctx, record, "attached", SignoffStepKind.SIGNED)
        _add_step(
            record,
            SignoffStep(
                0,
                SignoffStepKind.COPY_ATTACHED,
                on,
                at,
                file_name=self.file_name.strip(),
                sha256=self.sha256,
            ),
        )
        return f"attach the signed copy of {name} ({self.file_name.strip()})"


@dataclass(frozen=True)
class KeepSignedCopy(SignoffAction):
    """The signed copy of minutes signed elsewhere (an imported record), kept here: only the
    file whose SHA-256 the signing recorded. The record is not changed; the steps taken
    elsewhere are then verified here."""

    kind = "keep_signed_copy"
    file_name: str
    sha256: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        _check_hash(self.sha256, "signed copy's hash")
        if not self.file_name.strip():
            raise RuleViolation("Name the signed copy's file.")
        if not any(step.sha256 == self.sha256 for step in record.signoff.values()):
            raise RuleViolation(
                f"{self.file_name.strip()} is not the signed copy of {minutes_name(record)}: "
                "its SHA-256 is not the one recorded when they were signed."
            )
        return f"keep the signed copy of {minutes_name(record)} ({self.file_name.strip()})"


@dataclass(frozen=True)
class CarryForward(Action):
    """On the confirming meeting: the confirmed minutes' open actions, onto its tracker item."""

    kind = "carry_forward"
    allowed_when_closed: ClassVar[bool] = False
    item: int
    from_meeting: str
    actions: tuple[ActionItem, ...] = ()

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.item(self.item)
        already = {a.carried_from for a in record.actions.values() if a.carried_from}
        carried = 0
        for action in self.actions:
            if not action.carried_from:
                raise RuleViolation("A carried action must say where it came from.")
            if action.carried_from in already:
                continue
            action_id = record.next_id("actions")
            record.actions[action_id] = replace(action, id=action_id, item_id=target.id)
            carried += 1
        if not carried:
            return f"no open actions to carry forward from {self.from_meeting}"
        plural = "action" if carried == 1 else "actions"
        return (
            f"carry forward {carried} open {plural} from {self.from_meeting} "
            f"to item {target.number}"
        )


def lock_problem(record: MeetingRecord, action: Action | None) -> str | None:
    """Why ``action`` (None: an undo or redo) may not be recorded on locked minutes."""
    reason = lock_reason(record)
    if reason is None or isinstance(action, SignoffAction):
        return None
    if action is None:
        return f"{reason}: nothing can be undone or redone."
    return (
        f"{reason}: '{action.kind}' cannot be recorded. A correction can only be made by the "
        "resolution of the meeting that confirms them."
    )
