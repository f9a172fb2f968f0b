"""An item's proceedings: what happened on it, as one sequence in the order it happened.

Every step recorded (a motion or amendment moved, withdrawn or fallen, a vote, a resolution,
an adjournment or resumption, the press and public excluded or readmitted, a timed note, a
change of chair, an arrival or departure) takes an ``order`` from one counter for the whole
meeting. Minute text is placed among the steps: a paragraph follows the step whose order is
its ``after`` (0: before them all). The minutes render this sequence in order and the window
shows it; ``add_paragraph`` (with ``after``) and ``move_paragraph`` place paragraphs in it.

Steps recorded before proceedings were ordered have order 0 and keep the arrangement the
minutes gave them then: paragraphs first, then each motion with its amendments, votes and
resolutions, then other resolutions, arrivals and departures, and adjournments; an exclusion
of the public is minuted before the item's business. Kinds the minutes did not print then
(notes, readmissions, changes of chair) stay out of those records' sequences.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from clerk.domain.entities import (
    Motion,
    MovementEntry,
    Paragraph,
    ProceduralEvent,
    Resolution,
    StepRef,
    VoteEvent,
)
from clerk.domain.enums import EventKind, MotionOutcome, Movement, StepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord


class EntryKind(StrEnum):
    PARAGRAPH = "paragraph"
    MOTION = "motion"
    OUTCOME = "outcome"
    VOTE = "vote"
    RESOLUTION = "resolution"
    ADJOURNED = "adjourned"
    RESUMED = "resumed"
    PUBLIC_EXCLUDED = "public-excluded"
    PUBLIC_READMITTED = "public-readmitted"
    NOTE = "note"
    PRESIDING = "presiding"
    CHAIR_RESUMED = "chair-resumed"
    ARRIVED = "arrived"
    LEFT = "left"


#: Event kinds that are steps of an item's proceedings (the start and close are the meeting's).
EVENT_ENTRIES: dict[EventKind, EntryKind] = {
    EventKind.ADJOURNED: EntryKind.ADJOURNED,
    EventKind.RESUMED: EntryKind.RESUMED,
    EventKind.PUBLIC_EXCLUDED: EntryKind.PUBLIC_EXCLUDED,
    EventKind.PUBLIC_READMITTED: EntryKind.PUBLIC_READMITTED,
    EventKind.NOTE: EntryKind.NOTE,
    EventKind.PRESIDING: EntryKind.PRESIDING,
    EventKind.CHAIR_RESUMED: EntryKind.CHAIR_RESUMED,
}
#: Kinds the minutes did not print before proceedings were ordered.
NEW_KINDS = frozenset(
    {EntryKind.NOTE, EntryKind.PUBLIC_READMITTED, EntryKind.PRESIDING, EntryKind.CHAIR_RESUMED}
)

Entity = Paragraph | Motion | VoteEvent | Resolution | ProceduralEvent | MovementEntry


@dataclass(frozen=True)
class Entry:
    """One step of an item's proceedings, or a paragraph of its minute text."""

    kind: EntryKind
    step: StepRef
    entity: Entity
    #: Minuted before the item's business (an exclusion recorded before ordering).
    before_business: bool = False

    @property
    def order(self) -> int:
        """Where the step falls; for a paragraph, the order of the step it follows."""
        entity = self.entity
        if isinstance(entity, Paragraph):
            return entity.after
        if isinstance(entity, Motion) and self.kind is EntryKind.OUTCOME:
            return entity.outcome_order
        return entity.order

    @property
    def legacy(self) -> bool:
        """A step recorded before proceedings were ordered."""
        return self.kind is not EntryKind.PARAGRAPH and self.order == 0

    @property
    def is_paragraph(self) -> bool:
        return self.kind is EntryKind.PARAGRAPH


# -- the counter ---------------------------------------------------------------------------


def latest_order(record: MeetingRecord) -> int:
    """The order of the last step recorded at the meeting (0 when none has one)."""
    found = 0
    for motion in record.motions.values():
        found = max(found, motion.order, motion.outcome_order)
    for collection in (record.votes, record.resolutions, record.events, record.movements):
        for entity in collection.values():
            found = max(found, entity.order)
    return found


def next_order(record: MeetingRecord) -> int:
    return latest_order(record) + 1


# -- which item a step belongs to ----------------------------------------------------------


def _motion_item(record: MeetingRecord, motion_id: int) -> int | None:
    motion = record.motions.get(motion_id)
    return motion.item_id if motion is not None else None


def _event_entry(event: ProceduralEvent) -> Entry | None:
    kind = EVENT_ENTRIES.get(event.kind)
    if kind is None or (event.order == 0 and kind in NEW_KINDS):
        return None
    before = kind is EntryKind.PUBLIC_EXCLUDED and event.order == 0 and event.for_item_id is None
    return Entry(kind, StepRef(StepKind.EVENT, event.id), event, before_business=before)


def _movement_entry(entry: MovementEntry) -> Entry:
    kind = EntryKind.ARRIVED if entry.movement is Movement.ARRIVED else EntryKind.LEFT
    return Entry(kind, StepRef(StepKind.MOVEMENT, entry.id), entry)


def _motion_entries(motion: Motion) -> Iterator[Entry]:
    yield Entry(EntryKind.MOTION, StepRef(StepKind.MOTION, motion.id), motion)
    if motion.outcome in (MotionOutcome.WITHDRAWN, MotionOutcome.FELL):
        yield Entry(EntryKind.OUTCOME, StepRef(StepKind.OUTCOME, motion.id), motion)


def _steps(record: MeetingRecord, belongs: set[int | None]) -> list[Entry]:
    """Every step (not paragraphs) whose item is in ``belongs``, in no particular order."""
    steps: list[Entry] = []
    for motion in record.motions.values():
        if motion.item_id in belongs:
            steps.extend(_motion_entries(motion))
    for vote in record.votes.values():
        if _motion_item(record, vote.motion_id) in belongs:
            steps.append(Entry(EntryKind.VOTE, StepRef(StepKind.VOTE, vote.id), vote))
    for resolution in record.resolutions.values():
        if resolution.item_id in belongs:
            ref = StepRef(StepKind.RESOLUTION, resolution.id)
            steps.append(Entry(EntryKind.RESOLUTION, ref, resolution))
    for event in record.events.values():
        if event.item_id in belongs:
            found = _event_entry(event)
            if found is not None:
                steps.append(found)
    for movement in record.movements.values():
        if movement.item_id in belongs:
            steps.append(_movement_entry(movement))
    return steps


def _legacy_arrangement(record: MeetingRecord, legacy: list[Entry]) -> list[Entry]:
    """Steps recorded before ordering, as the minutes arranged them then."""
    by_ref = {e.step: e for e in legacy}
    arranged: list[Entry] = []

    def take(kind: StepKind, entity_id: int) -> None:
        found = by_ref.pop(StepRef(kind, entity_id), None)
        if found is not None:
            arranged.append(found)

    def motion_with_votes(motion: Motion) -> None:
        take(StepKind.MOTION, motion.id)
        for vote in record.votes_for(motion.id):
            take(StepKind.VOTE, vote.id)
        take(StepKind.OUTCOME, motion.id)

    motions = sorted(
        (e.entity for e in legacy if e.kind is EntryKind.MOTION),
        key=lambda m: m.id,
    )
    originals = {m.amends_id or m.id for m in motions if isinstance(m, Motion)}
    for motion_id in sorted(originals):
        motion = record.motions.get(motion_id)
        if motion is None:
            continue
        take(StepKind.MOTION, motion.id)
        for amendment in sorted(
            (m for m in record.motions.values() if m.amends_id == motion.id), key=lambda m: m.id
        ):
            motion_with_votes(amendment)
        for vote in record.votes_for(motion.id):
            take(StepKind.VOTE, vote.id)
        take(StepKind.OUTCOME, motion.id)
        for resolution in sorted(record.resolutions.values(), key=lambda r: r.id):
            if resolution.motion_id == motion.id:
                take(StepKind.RESOLUTION, resolution.id)
    rank = {
        EntryKind.MOTION: 0,
        EntryKind.VOTE: 0,
        EntryKind.OUTCOME: 0,
        EntryKind.RESOLUTION: 1,
        EntryKind.ARRIVED: 2,
        EntryKind.LEFT: 2,
        EntryKind.ADJOURNED: 3,
        EntryKind.RESUMED: 3,
    }
    rest = sorted(by_ref.values(), key=lambda e: (rank.get(e.kind, 4), e.step.id))
    return arranged + rest


def _sort_key(entry: Entry) -> tuple[int, int, int, int]:
    if isinstance(entry.entity, Paragraph):
        return (entry.entity.after, 1, entry.entity.position, entry.entity.id)
    return (entry.order, 0, 0, entry.step.id)


def item_proceedings(record: MeetingRecord, item_id: int) -> list[Entry]:
    """The item's proceedings, paragraphs of minute text among them, in the order they happened."""
    steps = _steps(record, {item_id})
    paragraphs = [
        Entry(EntryKind.PARAGRAPH, StepRef(StepKind.PARAGRAPH, p.id), p)
        for p in record.paragraphs_for(item_id)
    ]
    head = sorted((e for e in steps if e.before_business), key=lambda e: e.step.id)
    legacy = [e for e in steps if e.legacy and not e.before_business]
    ordered = [e for e in steps if not e.legacy] + [p for p in paragraphs if p.order > 0]
    first = [p for p in paragraphs if p.order == 0]
    return head + first + _legacy_arrangement(record, legacy) + sorted(ordered, key=_sort_key)


def opening_proceedings(record: MeetingRecord) -> list[Entry]:
    """Steps minuted before the first minute: those during no item (or an item not minuted)."""
    minuted = {i.id for i in record.items.values() if i.minute_number is not None}
    outside: set[int | None] = {None} | {i for i in record.items if i not in minuted}
    steps = [e for e in _steps(record, outside) if not e.before_business]
    legacy = [e for e in steps if e.legacy]
    ordered = sorted((e for e in steps if not e.legacy), key=_sort_key)
    return _legacy_arrangement(record, legacy) + ordered


def find_step(entries: list[Entry], step: StepRef) -> int:
    """The index of a step in a sequence, or -1."""
    return next((index for index, e in enumerate(entries) if e.step == step), -1)


def item_of_step(record: MeetingRecord, step: StepRef) -> int | None:
    """The item whose proceedings hold a step; refuses a step that does not exist."""
    kind = step.kind
    if kind is StepKind.PARAGRAPH:
        paragraph = record.paragraphs.get(step.id)
        if paragraph is None:
            raise RuleViolation(f"No minute paragraph {step.id} in this meeting.")
        return paragraph.item_id
    if kind in (StepKind.MOTION, StepKind.OUTCOME):
        motion = record.motion(step.id)
        if kind is StepKind.OUTCOME and motion.outcome not in (
            MotionOutcome.WITHDRAWN,
            MotionOutcome.FELL,
        ):
            raise RuleViolation(f"Motion {motion.id} was neither withdrawn nor fell.")
        return motion.item_id
    if kind is StepKind.VOTE:
        vote = record.votes.get(step.id)
        if vote is None:
            raise RuleViolation(f"No vote {step.id} in this meeting.")
        return _motion_item(record, vote.motion_id)
    if kind is StepKind.RESOLUTION:
        resolution = record.resolutions.get(step.id)
        if resolution is None:
            raise RuleViolation(f"No resolution {step.id} in this meeting.")
        return resolution.item_id
    if kind is StepKind.EVENT:
        event = record.events.get(step.id)
        if event is None or event.kind not in EVENT_ENTRIES:
            raise RuleViolation(f"No adjournment, note or other step {step.id} in this meeting.")
        return event.item_id
    movement = record.movements.get(step.id)
    if movement is None:
        raise RuleViolation(f"No arrival or departure {step.id} in this meeting.")
    return movement.item_id


def describe_step(step: StepRef) -> str:
    """ "vote 2", "paragraph 5": how a refusal names a step."""
    names = {
        StepKind.OUTCOME: "the withdrawal or fall of motion",
        StepKind.EVENT: "procedural step",
        StepKind.MOVEMENT: "arrival or departure",
    }
    return f"{names.get(step.kind, step.kind.value)} {step.id}"


# -- reading steps -------------------------------------------------------------------------


def resumption(record: MeetingRecord, adjourned: ProceduralEvent) -> ProceduralEvent | None:
    """The resumption that ended an adjournment (None if the meeting never reconvened)."""
    for event in sorted(record.events.values(), key=lambda e: e.id):
        if event.id <= adjourned.id:
            continue
        if event.kind is EventKind.RESUMED:
            return event
        if event.kind in (EventKind.ADJOURNED, EventKind.CLOSED):
            return None
    return None


def exclusion_target(event: ProceduralEvent) -> int | None:
    """The exempt item an exclusion of the press and public was for."""
    if event.for_item_id is not None:
        return event.for_item_id
    return event.item_id if event.order == 0 else None
