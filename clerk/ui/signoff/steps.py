"""The sign-off steps as the window offers them: each with its button text and, when it cannot
be taken now, the reason; when it can, what it does.

The steps allowed come from ``SignoffStatus.allowed`` (the domain decides); this module only
words them for the buttons, so nothing here can let a step through that the service refuses.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.signoff.lifecycle import MinutesStage, confirming_date
from clerk.domain.timefmt import long_date
from clerk.services.signoff import SignoffStatus, StepRecord

#: The steps, in the order the view lists them.
STEPS = ("circulate", "approve", "confirm", "print", "sign", "attach")

#: The step each button records (print records nothing).
RECORDS = {
    "circulate": SignoffStepKind.CIRCULATED,
    "approve": SignoffStepKind.APPROVED,
    "confirm": SignoffStepKind.CONFIRMED,
    "sign": SignoffStepKind.SIGNED,
    "attach": SignoffStepKind.COPY_ATTACHED,
}


#: The steps the service refuses while the record does not match its journal.
GUARDED = ("approve", "sign")


@dataclass(frozen=True)
class StepOffer:
    step: str
    text: str
    enabled: bool
    #: What it does (enabled), or why it cannot be taken now (disabled).
    reason: str


def button_text(step: str, mode: SigningMode) -> str:
    if step == "sign":
        return "Sign digita&lly…" if mode is SigningMode.DIGITAL else "Record the signat&ure…"
    return {
        "circulate": "&Circulate the draft…",
        "approve": "Record the &approval…",
        "confirm": "Co&nfirm as a correct record…",
        "print": "&Print the minute-book copy…",
        "attach": "Attach the signed cop&y…",
    }[step]


def recorded(status: SignoffStatus, kind: SignoffStepKind) -> StepRecord | None:
    found = [s for s in status.steps if s.step is kind]
    return found[-1] if found else None


def _done(status: SignoffStatus, step: str) -> str:
    kind = RECORDS.get(step)
    taken = recorded(status, kind) if kind is not None else None
    return f"Done: {taken.text}" if taken is not None else ""


def _confirming(status: SignoffStatus) -> str:
    if status.confirming_meeting is None:
        return "the next suitable meeting (none is in Clerk yet: create it first)"
    meeting_id, reference = status.confirming_meeting
    day = confirming_date(reference)
    when = long_date(day) if day is not None else reference
    return f"the next suitable meeting, {when} (meeting {meeting_id})"


def _allowed_reason(status: SignoffStatus, step: str, title: str) -> str:
    digital = status.signing_mode is SigningMode.DIGITAL
    if step == "circulate":
        if status.stage is MinutesStage.CIRCULATED:
            return f"Circulate again (after changes) to the {title}."
        return f"Send the draft minutes to the {title}."
    if step == "approve":
        return f"The {title} approved the draft. This locks the record for good."
    if step == "confirm":
        return (
            f"By {_confirming(status)}, under way at its Minutes item; corrections are made "
            "here and only here."
        )
    if step == "print":
        return f"The numbered copy for the {title} to initial on every page and sign in ink."
    if step == "sign":
        if digital:
            return f"With the {title}'s certificate (a PKCS#12 file and its passphrase)."
        return f"Once the {title} has signed the printed copy; attach the scan now or later."
    if recorded(status, SignoffStepKind.COPY_ATTACHED) is not None:
        return "A better scan of the signed pages: it is kept beside the first, SHA-256 recorded."
    return "The scanned signed pages: kept with the meeting, their SHA-256 recorded."


def _refused_reason(status: SignoffStatus, step: str, title: str) -> str:
    stage = status.stage
    digital = status.signing_mode is SigningMode.DIGITAL
    done = _done(status, step)
    not_approved = f"Not yet: the {title} has not approved them."
    if step == "circulate":
        if stage is MinutesStage.DRAFT:
            return "Not yet: the meeting has not ended. Finish recording it and close it."
        return f"The {title} has approved them: the record is locked."
    if step == "approve":
        if done:
            return done
        if stage is MinutesStage.DRAFT:
            return f"Not yet: circulate the draft to the {title} first."
        return not_approved
    if step == "confirm":
        return done or not_approved
    if step == "print":
        if digital:
            return "Not used: the council signs digitally (its profile)."
        if stage.reached(MinutesStage.SIGNED):
            return "The minutes are signed digitally: there is no minute-book copy."
        return f"Not yet: the copy is printed once the {title} has approved them."
    if step == "sign":
        if done:
            return done
        if not stage.reached(MinutesStage.APPROVED):
            return not_approved + " They are signed once confirmed."
        return "Not yet: they have not been confirmed as a correct record."
    signed = recorded(status, SignoffStepKind.SIGNED)
    if signed is not None:
        return "Not used: the minutes were signed digitally; the signed PDF is kept."
    if digital:
        return "Not used: the council signs digitally; the signed PDF is kept with the meeting."
    return "Not yet: once the signature in ink is recorded (or attach the scan with it)."


def offers(status: SignoffStatus, title: str) -> list[StepOffer]:
    """Every step, enabled when the domain allows it, with what it does or why not."""
    out = []
    for step in STEPS:
        enabled = step in status.allowed
        reason = (
            _allowed_reason(status, step, title)
            if enabled
            else _refused_reason(status, step, title)
        )
        if enabled and status.problems and step in GUARDED:
            enabled = False
            reason = "Refused until the record matches its journal again: see the audit."
        out.append(StepOffer(step, button_text(step, status.signing_mode), enabled, reason))
    return out


def primary_text(status: SignoffStatus) -> str:
    """The next step's button: what the clerk is most likely to do now."""
    step = status.next.step if status.next is not None else ""
    if step == "close":
        return "Open the meeting to finish it"
    if step in STEPS:
        return button_text(step, status.signing_mode)
    return ""
