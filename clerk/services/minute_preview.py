"""What the minutes will say of each step of an item's proceedings, for the window to show.

The window's minute-text tab lists the item's sequence (the domain's) with each step in the
words the minutes give it (the composer's), so the clerk places text among motions and votes
seeing the minute as it will read. The confidential version: the clerk sees everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.documents.minute_context import MinuteContext, MinutesOptions
from clerk.documents.model import block_lines
from clerk.documents.proceedings import entry_blocks
from clerk.domain.entities import StepRef
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import Entry, EntryKind, item_proceedings


@dataclass(frozen=True)
class StepPreview:
    step: StepRef
    kind: EntryKind
    #: The step's words in the minutes; empty when the minutes give it none of its own (a
    #: resumption, minuted with its adjournment; a motion minuted by its resolution alone).
    text: str
    #: A paragraph of minute text that can be moved among the steps.
    movable: bool
    entry: Entry


def item_preview(record: MeetingRecord, item_id: int) -> list[StepPreview]:
    item = record.item(item_id)
    ctx = MinuteContext(record, MinutesOptions(confidential=True))
    entries = item_proceedings(record, item_id)
    previews = []
    for entry, blocks in zip(entries, entry_blocks(ctx, entries, item), strict=True):
        text = "\n".join(line for block in blocks for line in block_lines(block))
        movable = entry.kind is EntryKind.PARAGRAPH and not entry.before_business
        previews.append(StepPreview(entry.step, entry.kind, text, movable, entry))
    return previews
