"""Recorded actions: small commands, each validating the rules before it changes anything.

An action is a frozen dataclass of its parameters with ``apply(record, ctx)``, which checks the
rules, replaces entities in the record and returns the action's label ("mark Councillor Bye
present"). The service takes a snapshot before applying, so a refused action leaves the record
exactly as it was, and the difference between snapshot and result is what the journal stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import ClassVar

from clerk.domain.entities import ProceduralEvent
from clerk.domain.enums import EventKind, MeetingStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import next_order


@dataclass(frozen=True)
class Context:
    """What an action needs from outside the record: the clock and earlier meetings."""

    now: time
    today: date
    earlier_minute_max: int = 0
    #: Minute numbers the committee's other meetings this municipal year have used.
    taken_minute_numbers: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Action:
    kind: ClassVar[str] = ""
    #: Actions allowed once the meeting is closed (tracker updates, minute text corrections).
    allowed_when_closed: ClassVar[bool] = False

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        raise NotImplementedError


REGISTRY: dict[str, type[Action]] = {}


def register(cls: type[Action]) -> type[Action]:
    if not cls.kind or cls.kind in REGISTRY:
        raise ValueError(f"action kind {cls.kind!r} is missing or registered twice")
    REGISTRY[cls.kind] = cls
    return cls


def name_of(record: MeetingRecord, person_id: str) -> str:
    return display_name(record.person(person_id))


def stamp(at: time | None, ctx: Context) -> time:
    return at if at is not None else ctx.now


def require_in_progress(record: MeetingRecord, doing: str) -> None:
    status = record.meeting.status
    if status is MeetingStatus.SCHEDULED:
        raise RuleViolation(f"Start the meeting before you {doing}.")
    if status is MeetingStatus.ADJOURNED:
        raise RuleViolation(f"The meeting is adjourned: resume it before you {doing}.")
    if status is MeetingStatus.CLOSED:
        raise RuleViolation(f"The meeting is closed: you cannot {doing}.")
    if status is MeetingStatus.CANCELLED:
        raise RuleViolation(f"The meeting was cancelled: you cannot {doing}.")


def require_not_closed(record: MeetingRecord, doing: str) -> None:
    if record.meeting.status is MeetingStatus.CLOSED:
        raise RuleViolation(f"The meeting is closed: you cannot {doing}.")
    if record.meeting.status is MeetingStatus.CANCELLED:
        raise RuleViolation(f"The meeting was cancelled: you cannot {doing}.")


def add_event(
    record: MeetingRecord,
    kind: EventKind,
    at: time | None,
    item_id: int | None = None,
    paragraph: int | None = None,
    text: str = "",
    *,
    for_item_id: int | None = None,
    person_id: str | None = None,
    motion_id: int | None = None,
) -> ProceduralEvent:
    """A procedural event at its place in the meeting's proceedings."""
    event_id = record.next_id("events")
    event = ProceduralEvent(
        event_id,
        kind,
        at,
        item_id,
        paragraph,
        text,
        order=next_order(record),
        for_item_id=for_item_id,
        person_id=person_id,
        motion_id=motion_id,
    )
    record.events[event_id] = event
    return event
