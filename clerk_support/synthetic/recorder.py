"""How a synthetic meeting is recorded: its shape, and the recorder that applies each domain
action to the meeting record at the clock's time and keeps it, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from clerk.domain.actions import Action, Context
from clerk.domain.record import MeetingRecord


@dataclass(frozen=True)
class MeetingShape:
    """How big and busy a meeting is."""

    business_items: int = 6
    paragraphs: tuple[int, int] = (1, 4)
    recorded_votes: float = 0.1
    declarations: tuple[int, int] = (0, 2)
    exempt: float = 0.15
    actions: float = 0.4


@dataclass
class RecordedMeeting:
    record: MeetingRecord
    #: Every action, in the order recorded (tracker updates after the meeting last).
    actions: list[Action]


class Recorder:
    """Applies actions to the record, in order, at the clock's time."""

    def __init__(self, record: MeetingRecord, earlier_minute_max: int, start: time) -> None:
        self.record = record
        self.earlier_minute_max = earlier_minute_max
        self.clock = datetime.combine(record.meeting.date, start)
        self.actions: list[Action] = []

    @property
    def now(self) -> time:
        return time(self.clock.hour, self.clock.minute)

    def tick(self, minutes: int) -> time:
        self.clock += timedelta(minutes=minutes)
        return self.now

    def do(self, action: Action) -> None:
        ctx = Context(
            now=self.now, today=self.record.meeting.date, earlier_minute_max=self.earlier_minute_max
        )
        action.apply(self.record, ctx)
        self.actions.append(action)
