"""What is exempt (Schedule 12A to the Local Government Act 1972): the one place that decides.

An agenda item is exempt when it has a Schedule 12A paragraph. Text that leaves the item
carries the paragraph with it: a minute paragraph holding a correction to an exempt minute
(confirmed at the next meeting's public Minutes item), and an action arising on an exempt item
(carried forward to later meetings, exported, imported into another database). The public
minutes and the public tracker ask here; nothing looks exemption up from an origin meeting
that may not be in the database.
"""

from __future__ import annotations

from clerk.domain.entities import ActionItem, AgendaItem, Declaration, Paragraph
from clerk.domain.record import MeetingRecord

SCHEDULE_12A_PARAGRAPHS = range(1, 8)


def item_paragraph(record: MeetingRecord, item_id: int | None) -> int | None:
    """The Schedule 12A paragraph of an item, or None when it is public (or unknown)."""
    item = record.items.get(item_id) if item_id is not None else None
    return item.exempt_paragraph if item is not None else None


def withheld_from_public(item: AgendaItem) -> bool:
    """Whether a public document (the public agenda pack as much as the public minutes) says
    of the item only its title when that is public ("Exempt Item" otherwise), its Schedule 12A
    paragraph and the public summary the clerk wrote: its purpose, recommendations, invited
    officers and reports are withheld with everything recorded on it."""
    return item.exempt


def paragraph_exempt_under(record: MeetingRecord, paragraph: Paragraph) -> int | None:
    """The Schedule 12A paragraph a minute paragraph is exempt under: its own, else its item's."""
    if paragraph.exempt_paragraph is not None:
        return paragraph.exempt_paragraph
    return item_paragraph(record, paragraph.item_id)


def action_exempt_under(record: MeetingRecord, action: ActionItem) -> int | None:
    """The Schedule 12A paragraph an action is exempt under: its own, else the item it is on."""
    if action.exempt_paragraph is not None:
        return action.exempt_paragraph
    return item_paragraph(record, action.item_id)


def declaration_detail_exempt(record: MeetingRecord, declaration: Declaration) -> bool:
    """Whether a declaration's nature and dispensation reference stay out of public outputs:
    on an exempt item, when the clerk marked them as revealing exempt information (or the
    declaration predates that choice). The fact of the declaration is always public."""
    if item_paragraph(record, declaration.item_id) is None:
        return False
    return declaration.nature_public is not True


def exempt_paragraphs(record: MeetingRecord) -> list[int]:
    """The Schedule 12A paragraphs of everything exempt in the meeting's minutes."""
    minuted = [i for i in record.items.values() if i.minute_number is not None]
    items = minuted or list(record.items.values())
    found = {i.exempt_paragraph for i in items if i.exempt_paragraph is not None}
    found |= {p.exempt_paragraph for p in record.paragraphs.values() if p.exempt_paragraph}
    return sorted(found)


def has_exempt_business(record: MeetingRecord) -> bool:
    """Whether the full minutes hold anything exempt: only then is there a confidential version
    (one without would be the public minutes stamped confidential), and the signed copy is
    confidential."""
    if any(i.exempt for i in record.items.values() if i.minute_number is not None):
        return True
    return any(p.exempt_paragraph is not None for p in record.paragraphs.values())
