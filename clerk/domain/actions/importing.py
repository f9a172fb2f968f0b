"""A meeting's details and agenda brought in from the council's committee system (ModernGov),
and the cancellation of a meeting.

Both only ever touch a meeting that has not been recorded: once anything has happened at it
(it started, someone was marked present, a paragraph was written), what Clerk holds is the
record and nothing from outside may rewrite it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from clerk.domain.actions.agenda import check_paragraph
from clerk.domain.actions.base import Action, Context, register
from clerk.domain.entities import AgendaItem, Link
from clerk.domain.enums import ItemState, MeetingKind, MeetingStatus, StandardItem
from clerk.domain.errors import RuleViolation
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.timefmt import long_date

#: What may exist at a meeting not yet recorded: its agenda and sign-off steps of nothing.
_BEFORE_THE_MEETING = {"items"}


def recorded_reason(record: MeetingRecord) -> str | None:
    """Why the meeting counts as recorded (so nothing from outside may change it), or None."""
    meeting = record.meeting
    if meeting.status not in (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED):
        return f"it is {meeting.status.value}"
    for name in COLLECTIONS:
        if name not in _BEFORE_THE_MEETING and record.collection(name):
            return f"it has {name} recorded"
    if any(item.state is not ItemState.NOT_STARTED for item in record.items.values()):
        return "an item has been taken"
    return None


def _refuse_if_recorded(record: MeetingRecord, doing: str) -> None:
    reason = recorded_reason(record)
    if reason is not None:
        day = long_date(record.meeting.date)
        raise RuleViolation(
            f"The meeting of {day} has been recorded ({reason}): you cannot {doing}."
        )


@dataclass(frozen=True)
class ImportedItem:
    """An agenda item as the committee system publishes it."""

    moderngov_id: str
    number: str
    title: str
    standard: StandardItem = StandardItem.BUSINESS
    purpose: str = ""
    report_pages: str = ""
    exempt_paragraph: int | None = None
    documents: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ImportModernGov(Action):
    """The meeting's time, venue, kind, status and agenda as ModernGov has them.

    Items are matched by their ModernGov id, else (an item typed in by hand) by number.
    ModernGov's values replace Clerk's where ModernGov has one; what only Clerk knows
    (recommendations, invited officers, education items, public summaries) stays. An
    imported item that ModernGov no longer lists is removed; items added by hand stay.
    ``agenda=False`` (a meeting known only from a list of meetings) leaves the agenda alone.
    """

    kind = "import_moderngov"
    moderngov_id: str
    scheduled_time: time | None = None
    venue: str = ""
    meeting_kind: MeetingKind = MeetingKind.ORDINARY
    cancelled: bool = False
    agenda: bool = True
    items: tuple[ImportedItem, ...] = ()

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        _refuse_if_recorded(record, "bring its agenda in from ModernGov")
        meeting = record.meeting
        if meeting.moderngov_id and meeting.moderngov_id != self.moderngov_id:
            raise RuleViolation(
                f"The meeting of {long_date(meeting.date)} is ModernGov meeting "
                f"{meeting.moderngov_id}, not {self.moderngov_id}."
            )
        if self.agenda:
            _check_items(self.items)
        status = meeting.status
        if self.cancelled:
            status = MeetingStatus.CANCELLED
        elif status is MeetingStatus.CANCELLED:
            status = MeetingStatus.SCHEDULED
        changed = replace(
            meeting,
            moderngov_id=self.moderngov_id,
            scheduled_time=self.scheduled_time or meeting.scheduled_time,
            venue=self.venue.strip() or meeting.venue,
            kind=self.meeting_kind,
            status=status,
        )
        if changed != meeting:
            record.meeting = changed
        if self.agenda:
            _merge_agenda(record, self.items)
        what = "cancelled" if self.cancelled else f"{len(self.items)} items"
        if not self.agenda:
            what = "cancelled" if self.cancelled else "the meeting's details"
        return f"import ModernGov meeting {self.moderngov_id} ({what})"


def _check_items(items: tuple[ImportedItem, ...]) -> None:
    numbers: set[str] = set()
    ids: set[str] = set()
    for item in items:
        if not item.title.strip():
            raise RuleViolation("An agenda item needs a title.")
        if not item.number.strip():
            raise RuleViolation(f"The agenda item '{item.title}' needs a number.")
        if item.number in numbers:
            raise RuleViolation(f"There are two items {item.number} on the agenda.")
        if item.moderngov_id and item.moderngov_id in ids:
            raise RuleViolation(f"ModernGov item {item.moderngov_id} is listed twice.")
        check_paragraph(item.exempt_paragraph)
        numbers.add(item.number)
        ids.add(item.moderngov_id)


def _merge_agenda(record: MeetingRecord, incoming: tuple[ImportedItem, ...]) -> None:
    existing = record.agenda()
    by_id = {item.moderngov_id: item for item in existing if item.moderngov_id}
    by_number = {item.number: item for item in existing if not item.moderngov_id}
    kept: set[int] = set()
    result: list[AgendaItem] = []
    for source in incoming:
        match = by_id.get(source.moderngov_id) or by_number.pop(source.number, None)
        if match is None:
            item_id = max([*record.items, *kept, 0]) + 1
            kept.add(item_id)
            result.append(
                AgendaItem(
                    id=item_id,
                    number=source.number,
                    title=source.title.strip(),
                    standard=source.standard,
                    purpose=source.purpose,
                    report_pages=source.report_pages,
                    exempt_paragraph=source.exempt_paragraph,
                    moderngov_id=source.moderngov_id,
                    documents=source.documents,
                )
            )
            continue
        kept.add(match.id)
        result.append(
            replace(
                match,
                number=source.number,
                title=source.title.strip(),
                standard=source.standard,
                purpose=source.purpose or match.purpose,
                report_pages=source.report_pages or match.report_pages,
                exempt_paragraph=source.exempt_paragraph,
                moderngov_id=source.moderngov_id,
                documents=source.documents,
            )
        )
    numbers = {item.number for item in result}
    for item in existing:
        if item.id in kept:
            continue
        if item.moderngov_id:
            del record.items[item.id]  # ModernGov no longer lists it (not taken: checked above)
        elif item.number in numbers:
            raise RuleViolation(
                f"Item {item.number} ({item.title}) was added by hand and ModernGov now has an "
                "item with that number: renumber it first."
            )
        else:
            result.append(item)
    for position, item in enumerate(result, start=1):
        placed = replace(item, position=position)
        if record.items.get(item.id) != placed:
            record.items[item.id] = placed


@dataclass(frozen=True)
class CancelMeeting(Action):
    """The meeting will not take place (undo reinstates it)."""

    kind = "cancel_meeting"

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        _refuse_if_recorded(record, "cancel it")
        if record.meeting.status is MeetingStatus.CANCELLED:
            raise RuleViolation("The meeting is already cancelled.")
        record.meeting = replace(record.meeting, status=MeetingStatus.CANCELLED)
        return f"cancel the meeting of {long_date(record.meeting.date)}"


for _cls in (ImportModernGov, CancelMeeting):
    register(_cls)
