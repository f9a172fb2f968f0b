"""The minutes of a meeting, composed from its record in the house style of the seed.

Public (the default) and confidential versions come from the same record. In the public
version nothing of an exempt item (one with a Schedule 12A paragraph) appears beyond its title
where the title is public, the resolution excluding the press and public, its public summary,
and the bare fact of a declaration, a movement or an adjournment. The confidential version has
everything and says so on every page.

Each minute is its heading, what opens it (the exempt note, the public summary, declarations,
apologies), then the item's proceedings in the order they happened: one pass over the sequence
the domain gives (``documents.proceedings``).
"""

from __future__ import annotations

from clerk.documents import wording
from clerk.documents.attendance import PRESENT_MARK, also_phrase, apologies_text, present_block
from clerk.documents.declarations import item_declarations
from clerk.documents.minute_context import EXEMPT_TITLE, MinuteContext, MinutesOptions
from clerk.documents.model import (
    Align,
    Block,
    Document,
    Furniture,
    Heading,
    Metadata,
    Para,
    Signature,
)
from clerk.documents.parts import keep_last_with_next, part_items, resolution_blocks
from clerk.documents.proceedings import proceedings_blocks
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import StandardItem, StartTimePlacement
from clerk.domain.exempt import exempt_paragraphs
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import item_proceedings, opening_proceedings
from clerk.domain.timefmt import long_date, weekday_date

__all__ = [
    "CONFIDENTIAL_MARK",
    "DRAFT_MARK",
    "EXEMPT_TITLE",
    "PRESENT_MARK",
    "MinutesOptions",
    "also_phrase",
    "compose_minutes",
    "exempt_paragraphs",
    "part_items",
    "resolution_blocks",
]

DRAFT_MARK = "Draft: subject to confirmation"
CONFIDENTIAL_MARK = "Confidential: not for publication"


def compose_minutes(record: MeetingRecord, options: MinutesOptions) -> Document:
    ctx = MinuteContext(record, options)
    committee = record.committee
    day = record.meeting.date
    started = record.meeting.started_at
    placement = record.council.house_style.start_time
    blocks: list[Block] = [
        Heading(f"Minutes of the {committee.name}", level=0),
        Para(wording.date_line(day, started, placement), align=Align.CENTRE),
        *present_block(ctx),
    ]
    if started is not None and placement is StartTimePlacement.AFTER_PRESENT:
        blocks.append(Para(wording.started_line(started)))
    blocks.extend(proceedings_blocks(ctx, opening_proceedings(record), None))
    for item in ctx.minuted:
        blocks.extend(item_blocks(ctx, item))
    if record.meeting.ended_at is not None:
        blocks.append(Para(wording.ended_line(record.meeting.ended_at)))
    blocks = keep_last_with_next(blocks, 2)
    blocks.append(Signature(ctx.chair_title))
    return Document(
        metadata=Metadata(
            title=f"Minutes of the {committee.name}, {long_date(day)}",
            subject=committee.name,
            author=record.council.name,
        ),
        furniture=Furniture(
            running_left=committee.name,
            running_right=weekday_date(day),
            markings=markings(record, options),
        ),
        blocks=tuple(blocks),
    )


def markings(record: MeetingRecord, options: MinutesOptions) -> tuple[str, ...]:
    marks: list[str] = []
    if options.confidential:
        marks.append(CONFIDENTIAL_MARK)
        paragraphs = exempt_paragraphs(record)
        if paragraphs:
            marks.append(
                f"Exempt information: {wording.paragraphs_phrase(paragraphs)} of "
                f"{wording.SCHEDULE_12A}"
            )
    if options.draft:
        marks.append(DRAFT_MARK)
    return tuple(marks)


def item_blocks(ctx: MinuteContext, item: AgendaItem) -> list[Block]:
    """One minute: its heading, what opens it, then its proceedings in order."""
    hidden = ctx.hidden(item)
    blocks: list[Block] = [Heading(f"{ctx.label(item)}. {ctx.title(item)}", 1, bookmark=True)]
    if item.exempt and not hidden:
        assert item.exempt_paragraph is not None
        blocks.append(Para(wording.exempt_note(item.exempt_paragraph), italic=True))
    entries = item_proceedings(ctx.record, item.id)
    before = [e for e in entries if e.before_business]
    blocks.extend(proceedings_blocks(ctx, before, item))
    if hidden:
        assert item.exempt_paragraph is not None
        summary = item.public_summary.strip()
        blocks.append(Para(summary or wording.withheld_sentence(item.exempt_paragraph)))
    elif item.exempt and item.public_summary.strip():
        blocks.append(Para(f"Public summary: {item.public_summary.strip()}", italic=True))
    blocks.extend(item_declarations(ctx, item))
    if not hidden and item.standard is StandardItem.APOLOGIES:
        apologies = apologies_text(ctx)
        if apologies:
            blocks.append(Para(" ".join(apologies)))
    business = [e for e in entries if not e.before_business]
    blocks.extend(proceedings_blocks(ctx, business, item))
    return blocks
