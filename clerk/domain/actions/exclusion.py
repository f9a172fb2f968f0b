"""Excluding the press and public for exempt business, and readmitting them.

The exclusion is a resolution of the meeting, minuted where it was passed (the item under way,
often an "Exclusion of the press and public" item or the end of the item before) and referring
forward to the exempt item. It is recorded directly (``exclude_public``), or moved, seconded
and voted on like any motion (``move_exclusion``): carried, the press and public are excluded;
lost, they stay, and the minutes say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from clerk.domain.actions.base import (
    Action,
    Context,
    add_event,
    name_of,
    register,
    require_in_progress,
    stamp,
)
from clerk.domain.actions.checks import check_seconder, require_eligible, require_taken
from clerk.domain.entities import AgendaItem, Motion
from clerk.domain.enums import EventKind, MotionKind, MotionOutcome
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import next_order


def check_exclusion(record: MeetingRecord, target: AgendaItem, paragraph: int | None) -> None:
    """Refuse an exclusion that cannot be made: the item not exempt, the wrong paragraph, the
    press and public already out."""
    if paragraph is not None and not 1 <= paragraph <= 7:
        raise RuleViolation(
            f"Schedule 12A has paragraphs 1 to 7; paragraph {paragraph} does not exist."
        )
    if target.exempt_paragraph is None:
        raise RuleViolation(
            f"Item {target.number} is not marked exempt: mark it exempt with its Schedule 12A "
            "paragraph before excluding the press and public for it."
        )
    if paragraph is not None and target.exempt_paragraph != paragraph:
        raise RuleViolation(
            f"Item {target.number} is exempt under paragraph {target.exempt_paragraph} of "
            f"Schedule 12A, not paragraph {paragraph}."
        )
    if record.meeting.public_excluded:
        raise RuleViolation("The press and public are already excluded.")


def record_exclusion(
    record: MeetingRecord, target: AgendaItem, at: time, motion_id: int | None = None
) -> None:
    """The press and public leave: minuted under the item under way, for ``target``."""
    record.meeting = replace(record.meeting, public_excluded=True)
    add_event(
        record,
        EventKind.PUBLIC_EXCLUDED,
        at,
        record.meeting.current_item_id,
        target.exempt_paragraph,
        for_item_id=target.id,
        motion_id=motion_id,
    )


@dataclass(frozen=True)
class ExcludePublic(Action):
    """The resolution excluding press and public for an item, under a Schedule 12A paragraph."""

    kind = "exclude_public"
    item: int
    paragraph: int
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "exclude the press and public")
        target = record.item(self.item)
        check_exclusion(record, target, self.paragraph)
        record_exclusion(record, target, stamp(self.at, ctx))
        return f"exclude the press and public for item {target.number} (paragraph {self.paragraph})"


@dataclass(frozen=True)
class MoveExclusion(Action):
    """A motion to exclude the press and public for an exempt item, on the item under way.

    Vote on it like any motion: carried, the press and public are excluded for the item;
    lost, they stay in the meeting.
    """

    kind = "move_exclusion"
    exempt_item: int
    mover: str
    seconder: str | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "move to exclude the press and public")
        target = record.item(self.exempt_item)
        check_exclusion(record, target, None)
        current = record.current_item()
        if current is None:
            raise RuleViolation(
                "Take an item before moving to exclude the press and public: the motion is "
                "minuted under the item under way."
            )
        require_taken(record, current.id, "move a motion on it")
        pending = [
            m.id
            for m in record.motions.values()
            if m.excludes_item_id == target.id and m.outcome is MotionOutcome.PENDING
        ]
        if pending:
            raise RuleViolation(
                f"Motion {pending[0]} to exclude the press and public for item {target.number} "
                "is still before the meeting."
            )
        require_eligible(record, self.mover, current.id, "move a motion")
        if self.seconder is not None:
            check_seconder(record, current.id, self.mover, self.seconder)
        motion_id = record.next_id("motions")
        record.motions[motion_id] = Motion(
            id=motion_id,
            item_id=current.id,
            kind=MotionKind.MOTION,
            mover_id=self.mover,
            seconder_id=self.seconder,
            excludes_item_id=target.id,
            order=next_order(record),
        )
        mover = name_of(record, self.mover)
        return (
            f"motion {motion_id} moved by {mover}: exclude the press and public for item "
            f"{target.number}"
        )


@dataclass(frozen=True)
class ReadmitPublic(Action):
    """The press and public are readmitted."""

    kind = "readmit_public"
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "readmit the press and public")
        if not record.meeting.public_excluded:
            raise RuleViolation("The press and public have not been excluded.")
        at = stamp(self.at, ctx)
        record.meeting = replace(record.meeting, public_excluded=False)
        add_event(record, EventKind.PUBLIC_READMITTED, at, record.meeting.current_item_id)
        return "readmit the press and public"


for _cls in (ExcludePublic, MoveExclusion, ReadmitPublic):
    register(_cls)
