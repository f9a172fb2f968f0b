"""Minute text: paragraphs added, placed among the item's proceedings, moved, edited, deleted."""

from __future__ import annotations

from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, register
from clerk.domain.entities import AgendaItem, Paragraph, StepRef
from clerk.domain.enums import StepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import (
    Entry,
    EntryKind,
    describe_step,
    find_step,
    item_of_step,
    item_proceedings,
    latest_order,
    next_order,
)


def _stamp(record: MeetingRecord, entry: Entry, order: int) -> None:
    """Give a step recorded before ordering its place in the sequence."""
    entity_id = entry.step.id
    if entry.kind is EntryKind.MOTION:
        record.motions[entity_id] = replace(record.motions[entity_id], order=order)
    elif entry.kind is EntryKind.OUTCOME:
        record.motions[entity_id] = replace(record.motions[entity_id], outcome_order=order)
    elif entry.kind is EntryKind.VOTE:
        record.votes[entity_id] = replace(record.votes[entity_id], order=order)
    elif entry.kind is EntryKind.RESOLUTION:
        record.resolutions[entity_id] = replace(record.resolutions[entity_id], order=order)
    elif entry.kind in (EntryKind.ARRIVED, EntryKind.LEFT):
        record.movements[entity_id] = replace(record.movements[entity_id], order=order)
    else:
        record.events[entity_id] = replace(record.events[entity_id], order=order)


def ordered_proceedings(record: MeetingRecord, item_id: int) -> list[Entry]:
    """The item's proceedings, first giving steps recorded before ordering (order 0) an order
    each, in the arrangement they already have, so that paragraphs can be placed among them."""
    entries = item_proceedings(record, item_id)
    if any(e.legacy and not e.before_business for e in entries):
        order = next_order(record)
        for entry in entries:
            if not entry.is_paragraph and not entry.before_business:
                _stamp(record, entry, order)
                order += 1
        reanchor(record, entries)
        entries = item_proceedings(record, item_id)
    return entries


def _step_order(record: MeetingRecord, entry: Entry) -> int:
    """A step's order as the record holds it now (``entry`` may predate a re-stamp)."""
    entity_id = entry.step.id
    if entry.kind is EntryKind.MOTION:
        return record.motions[entity_id].order
    if entry.kind is EntryKind.OUTCOME:
        return record.motions[entity_id].outcome_order
    if entry.kind is EntryKind.VOTE:
        return record.votes[entity_id].order
    if entry.kind is EntryKind.RESOLUTION:
        return record.resolutions[entity_id].order
    if entry.kind in (EntryKind.ARRIVED, EntryKind.LEFT):
        return record.movements[entity_id].order
    return record.events[entity_id].order


def reanchor(record: MeetingRecord, sequence: list[Entry]) -> None:
    """Place each paragraph of ``sequence`` after the step before it there."""
    anchor, position = 0, 0
    for entry in sequence:
        if entry.before_business:
            continue
        if not entry.is_paragraph:
            anchor, position = _step_order(record, entry), 0
            continue
        position += 1
        paragraph = record.paragraphs[entry.step.id]
        if (paragraph.after, paragraph.position) != (anchor, position):
            record.paragraphs[paragraph.id] = replace(paragraph, after=anchor, position=position)


def append_paragraph(
    record: MeetingRecord, item: AgendaItem, text: str, exempt_paragraph: int | None = None
) -> Paragraph:
    """A paragraph at the end of the item's proceedings, as it stands (``exempt_paragraph``:
    this paragraph alone is exempt, under that Schedule 12A paragraph)."""
    ordered_proceedings(record, item.id)
    anchor = latest_order(record)
    placed = [p.position for p in record.paragraphs_for(item.id) if p.after == anchor]
    paragraph_id = record.next_id("paragraphs")
    paragraph = Paragraph(
        paragraph_id,
        item.id,
        max(placed, default=0) + 1,
        text,
        after=anchor,
        exempt_paragraph=exempt_paragraph,
    )
    record.paragraphs[paragraph_id] = paragraph
    return paragraph


def _item_name(item: AgendaItem) -> str:
    if item.minute_number is not None:
        return f"the minute of item {item.number} (Minute {item.minute_number})"
    return f"the minute of item {item.number}"


@dataclass(frozen=True)
class AddParagraph(Action):
    """A paragraph of minute text for an item: at the end of its proceedings, or after a step.

    ``after`` names the step (``{"kind": "vote", "id": 2}``): the paragraph goes after it and
    after any paragraphs already following it; after a paragraph, straight after that one.
    """

    kind = "add_paragraph"
    allowed_when_closed = True
    item: int
    text: str
    after: StepRef | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.item(self.item)
        text = self.text.strip()
        if not text:
            raise RuleViolation("A minute paragraph cannot be empty.")
        if self.after is None:
            append_paragraph(record, target, text)
            return f"add a paragraph to item {target.number}"
        where = item_of_step(record, self.after)
        step = describe_step(self.after)
        if where != target.id:
            other = f"item {record.item(where).number}" if where is not None else "no item"
            raise RuleViolation(
                f"{step.capitalize()} is on {other}, not item {target.number}: a paragraph is "
                "placed after a step of its own item."
            )
        sequence = ordered_proceedings(record, target.id)
        index = find_step(sequence, self.after)
        if index < 0:
            raise RuleViolation(
                f"{step.capitalize()} is not in the minute of item {target.number}."
            )
        insert = index + 1
        if not sequence[index].is_paragraph:
            while insert < len(sequence) and sequence[insert].is_paragraph:
                insert += 1
        paragraph_id = record.next_id("paragraphs")
        paragraph = Paragraph(paragraph_id, target.id, 0, text)
        record.paragraphs[paragraph_id] = paragraph
        entry = Entry(EntryKind.PARAGRAPH, StepRef(StepKind.PARAGRAPH, paragraph_id), paragraph)
        reanchor(record, [*sequence[:insert], entry, *sequence[insert:]])
        return f"add a paragraph to item {target.number} after {step}"


@dataclass(frozen=True)
class MoveParagraph(Action):
    """Move a paragraph of minute text up (-1) or down (+1) its item's proceedings."""

    kind = "move_paragraph"
    allowed_when_closed = True
    paragraph: int
    by: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        existing = record.paragraphs.get(self.paragraph)
        if existing is None:
            raise RuleViolation(f"No minute paragraph {self.paragraph} in this meeting.")
        item = record.item(existing.item_id)
        if self.by == 0:
            raise RuleViolation("Say which way to move the paragraph: -1 is up, 1 is down.")
        sequence = [e for e in ordered_proceedings(record, item.id) if not e.before_business]
        index = next(
            i for i, e in enumerate(sequence) if e.entity.id == existing.id and e.is_paragraph
        )
        target = index + self.by
        if target < 0 or target >= len(sequence):
            edge = "first" if self.by < 0 else "last"
            places = abs(self.by)
            if (self.by < 0 and index == 0) or (self.by > 0 and index == len(sequence) - 1):
                where = _item_name(item)
                raise RuleViolation(f"Paragraph {existing.id} is already {edge} in {where}.")
            raise RuleViolation(
                f"Paragraph {existing.id} cannot move {places} places "
                f"{'up' if self.by < 0 else 'down'}: {_item_name(item)} has "
                f"{len(sequence)} steps and it is step {index + 1}."
            )
        moved = sequence.pop(index)
        sequence.insert(target, moved)
        reanchor(record, sequence)
        way = "up" if self.by < 0 else "down"
        return f"move a paragraph of item {item.number} {way}"


@dataclass(frozen=True)
class EditParagraph(Action):
    """A correction to a paragraph of minute text."""

    kind = "edit_paragraph"
    allowed_when_closed = True
    paragraph: int
    text: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        existing = record.paragraphs.get(self.paragraph)
        if existing is None:
            raise RuleViolation(f"No minute paragraph {self.paragraph} in this meeting.")
        if not self.text.strip():
            raise RuleViolation("A minute paragraph cannot be empty; delete it instead.")
        record.paragraphs[existing.id] = replace(existing, text=self.text.strip())
        return f"edit a paragraph of item {record.item(existing.item_id).number}"


@dataclass(frozen=True)
class DeleteParagraph(Action):
    """Remove a paragraph of minute text."""

    kind = "delete_paragraph"
    allowed_when_closed = True
    paragraph: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        existing = record.paragraphs.get(self.paragraph)
        if existing is None:
            raise RuleViolation(f"No minute paragraph {self.paragraph} in this meeting.")
        del record.paragraphs[existing.id]
        return f"delete a paragraph of item {record.item(existing.item_id).number}"


for _cls in (AddParagraph, MoveParagraph, EditParagraph, DeleteParagraph):
    register(_cls)
