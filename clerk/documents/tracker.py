"""The action tracker: every action of a committee across its meetings, as in the seed.

"Date of meeting | Minute No. | Action | Comments" (with the status alongside), dates like
18/8/21, each action shown with its lettered sub-parts and its dated comments. The tracker is
published, so actions on exempt items are left out (their existence is noted, not their text):
an action carries its exempt status with it, so a carried copy whose first meeting is not in
the database is left out too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clerk.documents.model import (
    GEOMETRY,
    Block,
    Cell,
    Column,
    Document,
    Furniture,
    Heading,
    Metadata,
    NumberedList,
    Para,
    Table,
)
from clerk.documents.parts import part_items
from clerk.domain.entities import ActionItem, AgendaItem, Comment, Committee, CouncilProfile
from clerk.domain.enums import ActionStatus
from clerk.domain.exempt import action_exempt_under
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import format_minute
from clerk.domain.signoff.confirmation import origin_of, parse_carried_from
from clerk.domain.timefmt import long_date, short_date

COLUMNS = (
    Column("Date of meeting", weight=0.0, min_mm=24),
    Column("Minute No.", weight=0.0, min_mm=20),
    Column("Action", weight=5.0, min_mm=70),
    Column("Comments", weight=3.0, min_mm=45),
    Column("Status", weight=0.0, min_mm=24),
)

STATUS_WORDS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.COMPLETE: "Complete",
    ActionStatus.CLOSED: "Closed",
}


@dataclass(frozen=True)
class TrackerRow:
    """An action under the date and minute where it began (its latest copy's comments)."""

    meeting: MeetingRecord
    item: AgendaItem
    action: ActionItem
    number: int
    #: Where the action began: the meeting's date and its minute (None: not minuted yet).
    began: date
    minute: int | None


def latest_copies(records: Sequence[MeetingRecord]) -> dict[str, date]:
    """For each action carried forward, the date of the meeting holding its latest copy."""
    latest: dict[str, date] = {}
    for record in records:
        for action in record.actions.values():
            origin = origin_of(record, action)
            if action.carried_from and latest.get(origin, date.min) < record.meeting.date:
                latest[origin] = record.meeting.date
    return latest


def origin_row(
    records: Sequence[MeetingRecord], action: ActionItem
) -> tuple[MeetingRecord, AgendaItem, ActionItem] | None:
    """The meeting, item and action where a carried action began, when it is in ``records``."""
    origin = parse_carried_from(action.carried_from)
    if origin is None:
        return None
    for record in records:
        if record.reference == f"{origin.committee}/{origin.date.isoformat()}":
            first = record.actions.get(origin.action_id)
            if first is not None and first.item_id in record.items:
                return record, record.items[first.item_id], first
    return None


def tracker_rows(records: Sequence[MeetingRecord], open_only: bool) -> tuple[list[TrackerRow], int]:
    """The rows in meeting and minute order, and how many actions on exempt items were left out.

    An action carried forward to a later meeting (when its minutes were confirmed) is shown
    once: its latest copy, with its comments so far, under the date and minute where it began.
    """
    rows: list[TrackerRow] = []
    withheld = 0
    latest = latest_copies(records)
    for record in sorted(records, key=lambda r: r.meeting.date):
        actions = sorted(
            record.actions.values(),
            key=lambda a: (record.items[a.item_id].minute_number or 0, a.id),
        )
        for action in actions:
            if latest.get(origin_of(record, action), record.meeting.date) > record.meeting.date:
                continue  # carried forward: its later copy is the one shown
            if open_only and not action.status.is_open:
                continue
            shown_in, item, first = record, record.items[action.item_id], action
            began_on, minute = record.meeting.date, item.minute_number
            found = origin_row(records, action) if action.carried_from else None
            if found is not None:
                shown_in, item, first = found
                began_on, minute = shown_in.meeting.date, item.minute_number
            elif action.carried_from:  # its first meeting is not here: what the copy says
                origin = parse_carried_from(action.carried_from)
                if origin is not None:
                    began_on, minute = origin.date, origin.minute
            if item.exempt or action_exempt_under(record, action) is not None:
                withheld += 1
                continue
            number = action_number(shown_in, first)
            rows.append(TrackerRow(shown_in, item, action, number, began_on, minute))
    rows.sort(key=lambda r: (r.began, r.minute or 0, r.number))
    return rows, withheld


def action_number(record: MeetingRecord, action: ActionItem) -> int:
    """The number of the resolution part the action carries out ("2." in the seed), or else its
    place among the item's actions."""
    for resolution in record.for_item("resolutions", action.item_id):
        for index, part in enumerate(resolution.parts, start=1):
            if part.text.strip() == action.text.text.strip():
                return int(index)
    siblings = [a.id for a in record.for_item("actions", action.item_id)]
    return siblings.index(action.id) + 1


def row_cells(row: TrackerRow, council: CouncilProfile, prefix: str = "") -> tuple[Cell, ...]:
    action = row.action
    year_start = (council.year_start_month, council.year_start_day)
    minute = (
        format_minute(council.minute_heading_pattern, row.minute, row.began, year_start, prefix)
        if row.minute is not None
        else "Not yet minuted"
    )
    (item,) = part_items((action.text,))
    action_blocks: list[Para | NumberedList] = [NumberedList((item,), start=row.number)]
    details = []
    if action.owner.strip():
        details.append(f"Lead: {action.owner.strip()}")
    if action.due is not None:
        details.append(f"Due: {short_date(action.due)}")
    if details:
        action_blocks.append(Para("; ".join(details), italic=True))
    comments = tuple(Para(comment_text(c)) for c in action.comments)
    return (
        Cell((Para(short_date(row.began)),)),
        Cell((Para(minute),)),
        Cell(tuple(action_blocks)),
        Cell(comments),
        Cell(tuple(Para(text) for text in (status_text(action),) if text)),
    )


def comment_text(comment: Comment) -> str:
    """The comment as written, after its date ("20/8/21: Emailed the schools."), unless the
    comment already gives that date ("Complete - emailed 20/8/21"): a date is never said twice."""
    text = comment.text.strip()
    day = short_date(comment.on)
    spellings = {
        day,
        comment.on.strftime("%d/%m/%y"),
        comment.on.isoformat(),
        long_date(comment.on),
    }
    if any(s in text for s in spellings):
        return text
    return f"{day}: {text}"


def status_text(action: ActionItem) -> str:
    """The Status column, left empty when the latest comment already says it ("Complete -
    emailed 20/8/21"): the status is not said twice."""
    word = STATUS_WORDS[action.status]
    if action.comments and action.comments[-1].text.strip().lower().startswith(word.lower()):
        return ""
    return word


def compose_tracker(
    council: CouncilProfile,
    committee: Committee,
    records: Sequence[MeetingRecord],
    open_only: bool = False,
) -> Document:
    rows, withheld = tracker_rows(records, open_only)
    title = f"{committee.name} Action Tracker"
    blocks: list[Block] = [Heading(title, level=0)]
    if open_only:
        blocks.append(Para("Open actions only.", italic=True))
    table = Table(COLUMNS, tuple(row_cells(row, council, committee.minute_prefix) for row in rows))
    if rows:
        blocks.append(table)
    else:
        blocks.append(
            Para("There are no open actions." if open_only else "No actions have been recorded.")
        )
    if withheld:
        blocks.append(
            Para(
                "Actions on exempt items (Schedule 12A to the Local Government Act 1972) are "
                "not shown.",
                italic=True,
            )
        )
    landscape = table.min_width_mm > GEOMETRY.text_width(landscape=False)
    return Document(
        metadata=Metadata(title=title, subject=committee.name, author=council.name),
        furniture=Furniture(running_left=committee.name, running_right="Action Tracker"),
        blocks=tuple(blocks),
        landscape=landscape,
    )
