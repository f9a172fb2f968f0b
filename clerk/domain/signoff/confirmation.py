"""Which meeting confirms the minutes, and what it carries forward from them.

Minutes are confirmed, and signed, at the next suitable meeting (Local Government Act 1972,
Schedule 12, paragraph 41): the committee's next ordinary or budget meeting after the one
minuted. An extraordinary meeting is called for its own business, so it confirms minutes only
where the council's profile says so. A suitable meeting that has already closed without
confirming them has passed; the one after it is then the next suitable meeting.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

from clerk.domain.entities import ActionItem, AgendaItem, CouncilProfile
from clerk.domain.enums import MeetingKind, MeetingStatus, StandardItem
from clerk.domain.errors import RuleViolation
from clerk.domain.exempt import action_exempt_under
from clerk.domain.record import MeetingRecord
from clerk.domain.timefmt import long_date


@dataclass(frozen=True)
class MeetingFacts:
    """What the rule needs to know of one of the committee's meetings."""

    id: int
    committee: str
    date: date
    kind: MeetingKind
    status: MeetingStatus

    @property
    def reference(self) -> str:
        return f"{self.committee}/{self.date.isoformat()}"

    def describe(self) -> str:
        return f"{long_date(self.date)} (meeting {self.id})"


def confirms_minutes(kind: MeetingKind, council: CouncilProfile) -> bool:
    if kind is MeetingKind.EXTRAORDINARY:
        return council.extraordinary_confirms_minutes
    return True


def next_suitable_meeting(
    minuted: MeetingFacts, meetings: Sequence[MeetingFacts], council: CouncilProfile
) -> MeetingFacts | None:
    """The meeting at which the minutes of ``minuted`` are to be confirmed, if scheduled."""
    later = sorted(
        (
            m
            for m in meetings
            if m.committee == minuted.committee
            and m.date > minuted.date
            and confirms_minutes(m.kind, council)
            and m.status not in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED)
        ),
        key=lambda m: m.date,
    )
    return later[0] if later else None


def minutes_due_at(
    at: MeetingFacts,
    meetings: Sequence[MeetingFacts],
    council: CouncilProfile,
    confirmed: Collection[int] = (),
) -> list[MeetingFacts]:
    """The meetings whose minutes are to be confirmed at ``at`` (its agenda pack carries them):
    held (closed), earlier, not yet confirmed (``confirmed``: ids), and with ``at`` as their
    next suitable meeting."""
    due = [
        m
        for m in meetings
        if m.committee == at.committee
        and m.date < at.date
        and m.status is MeetingStatus.CLOSED
        and m.id not in confirmed
        and (following := next_suitable_meeting(m, meetings, council)) is not None
        and following.id == at.id
    ]
    return sorted(due, key=lambda m: m.date)


def check_confirming_meeting(
    minuted: MeetingFacts,
    at: MeetingFacts,
    meetings: Sequence[MeetingFacts],
    council: CouncilProfile,
) -> None:
    """Refuse a confirmation at a meeting that is not the next suitable one."""
    name = f"The minutes of {long_date(minuted.date)}"
    if at.committee != minuted.committee:
        raise RuleViolation(
            f"{name} can only be confirmed by the same committee; meeting {at.id} is a "
            f"meeting of '{at.committee}'."
        )
    if at.date <= minuted.date:
        raise RuleViolation(
            f"{name} can only be confirmed at a later meeting; {at.describe()} is not later."
        )
    expected = next_suitable_meeting(minuted, meetings, council)
    where = (
        f"the next suitable meeting is {expected.describe()}"
        if expected is not None
        else "no suitable meeting is in Clerk yet"
    )
    if not confirms_minutes(at.kind, council):
        raise RuleViolation(
            f"The meeting of {long_date(at.date)} is an extraordinary meeting, and under "
            f"{council.name}'s profile an extraordinary meeting does not confirm minutes: "
            f"{where}."
        )
    if expected is None or expected.id != at.id:
        raise RuleViolation(
            f"{name} are to be confirmed at the next suitable meeting, not at the meeting "
            f"of {long_date(at.date)}: {where}."
        )


# -- carrying the open actions forward ------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    """A correction the confirming meeting makes: paragraph ``paragraph`` to read ``text``."""

    paragraph: int
    text: str


@dataclass(frozen=True)
class ExemptAmendment:
    """Corrections to an exempt minute, in the confirming resolution: the wording goes in the
    confidential minutes only; the public minute names the exempt minute, not the text.

    ``minute`` is the exempt minute's reference ("19/8/21"), ``paragraph`` its Schedule 12A
    paragraph, ``text`` the amendment's wording.
    """

    minute: str
    paragraph: int
    text: str


def carried_from(reference: str, minute: int | None, action_id: int) -> str:
    """Where a carried action began: ``cyp-scrutiny-board/2021-08-18#minute-17/action-1``."""
    minute_part = f"minute-{minute}" if minute is not None else "minute-"
    return f"{reference}#{minute_part}/action-{action_id}"


@dataclass(frozen=True)
class Origin:
    """``carried_from`` read back: the first meeting, its minute and the action's number."""

    committee: str
    date: date
    minute: int | None
    action_id: int


def parse_carried_from(text: str) -> Origin | None:
    """The origin of a carried action (for the tracker's Date and Minute No. columns)."""
    try:
        reference, fragment = text.split("#", 1)
        committee, day = reference.rsplit("/", 1)
        minute_part, action_part = fragment.split("/", 1)
        minute_text = minute_part.removeprefix("minute-")
        return Origin(
            committee=committee,
            date=date.fromisoformat(day),
            minute=int(minute_text) if minute_text else None,
            action_id=int(action_part.removeprefix("action-")),
        )
    except ValueError:
        return None


def open_actions(record: MeetingRecord) -> list[ActionItem]:
    return [a for _key, a in sorted(record.actions.items()) if a.status.is_open]


def carried_copy(record: MeetingRecord, action: ActionItem) -> ActionItem:
    """An open action as carried to the confirming meeting: where it began, and whether it is
    exempt, go with it."""
    return replace(
        action,
        carried_from=origin_of(record, action),
        exempt_paragraph=action_exempt_under(record, action),
    )


def origin_of(record: MeetingRecord, action: ActionItem) -> str:
    """An action's first meeting: kept when it is carried again."""
    if action.carried_from:
        return action.carried_from
    item = record.items.get(action.item_id)
    return carried_from(record.reference, item.minute_number if item else None, action.id)


def action_tracker_item(record: MeetingRecord) -> AgendaItem | None:
    """The agenda item that receives the action tracker (its title says so), if any."""
    for item in record.agenda():
        if "action tracker" in item.title.lower():
            return item
    return None


def tracker_item(record: MeetingRecord) -> AgendaItem | None:
    """The agenda item the open actions are carried to: the action tracker, else the Minutes."""
    tracker = action_tracker_item(record)
    if tracker is not None:
        return tracker
    for item in record.agenda():
        if item.standard is StandardItem.MINUTES:
            return item
    return None
