"""The meeting record: one meeting with its committee, people and everything recorded at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from clerk.domain.collections import REGISTRY
from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    ApprovedContext,
    Attendance,
    Committee,
    CouncilProfile,
    Declaration,
    Meeting,
    Membership,
    Motion,
    MovementEntry,
    Paragraph,
    Person,
    ProceduralEvent,
    Resolution,
    SignoffStep,
    VoteEvent,
)
from clerk.domain.errors import RuleViolation

#: The meeting-scoped collections (``clerk.domain.collections``), in the order they are written
#: and exported: each name with the entity it holds.
COLLECTIONS: dict[str, type] = {c.name: c.entity for c in REGISTRY}

#: A copy of the record's mutable state: the meeting and each collection by id.
Snapshot = dict[str, Any]


@dataclass
class MeetingRecord:
    """One meeting with everything recorded at it: a field for each collection of the registry
    (``clerk.domain.collections.REGISTRY``, in its order; a test keeps the two equal)."""

    council: CouncilProfile
    committee: Committee
    persons: dict[str, Person]
    meeting: Meeting
    meeting_id: int = 0
    items: dict[int, AgendaItem] = field(default_factory=dict)
    attendance: dict[int, Attendance] = field(default_factory=dict)
    movements: dict[int, MovementEntry] = field(default_factory=dict)
    declarations: dict[int, Declaration] = field(default_factory=dict)
    paragraphs: dict[int, Paragraph] = field(default_factory=dict)
    motions: dict[int, Motion] = field(default_factory=dict)
    votes: dict[int, VoteEvent] = field(default_factory=dict)
    resolutions: dict[int, Resolution] = field(default_factory=dict)
    actions: dict[int, ActionItem] = field(default_factory=dict)
    events: dict[int, ProceduralEvent] = field(default_factory=dict)
    signoff: dict[int, SignoffStep] = field(default_factory=dict)
    approved_as: dict[int, ApprovedContext] = field(default_factory=dict)

    # -- identity -----------------------------------------------------------------------

    @property
    def reference(self) -> str:
        """``<committee-slug>/<yyyy-mm-dd>``: how people name a meeting."""
        return f"{self.committee.slug}/{self.meeting.date.isoformat()}"

    def collection(self, name: str) -> dict[int, Any]:
        if name not in COLLECTIONS:
            raise KeyError(name)
        result: dict[int, Any] = getattr(self, name)
        return result

    def next_id(self, name: str) -> int:
        existing = self.collection(name)
        return max(existing, default=0) + 1

    # -- snapshots, for the journal and undo ---------------------------------------------

    def snapshot(self) -> Snapshot:
        snap: Snapshot = {name: dict(self.collection(name)) for name in COLLECTIONS}
        snap["meeting"] = self.meeting
        return snap

    def restore(self, snap: Snapshot) -> None:
        for name in COLLECTIONS:
            setattr(self, name, dict(snap[name]))
        self.meeting = snap["meeting"]

    # -- people -------------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        try:
            return self.persons[person_id]
        except KeyError:
            raise RuleViolation(f"No person with id '{person_id}' in this record.") from None

    def referenced_people(self) -> set[str]:
        """Everyone the record names: members, attendance, movers, voters, the chair."""
        people = {m.person_id for m in self.committee.memberships}
        for entry in self.attendance.values():
            people.add(entry.person_id)
            if entry.substitute_for:
                people.add(entry.substitute_for)
        people.update(m.person_id for m in self.movements.values())
        people.update(d.person_id for d in self.declarations.values())
        for motion in self.motions.values():
            people.add(motion.mover_id)
            if motion.seconder_id:
                people.add(motion.seconder_id)
        for vote in self.votes.values():
            people.update(c.person_id for c in vote.choices)
            if vote.casting_by:
                people.add(vote.casting_by)
        if self.meeting.presiding_id:
            people.add(self.meeting.presiding_id)
        people.update(s.person_id for s in self.signoff.values() if s.person_id)
        return people

    def memberships_on_day(self) -> list[Membership]:
        day = self.meeting.date
        return [m for m in self.committee.memberships if m.active_on(day)]

    def membership_of(self, person_id: str) -> Membership | None:
        for membership in self.memberships_on_day():
            if membership.person_id == person_id:
                return membership
        return None

    def attendance_of(self, person_id: str) -> Attendance | None:
        for entry in self.attendance.values():
            if entry.person_id == person_id:
                return entry
        return None

    # -- agenda -------------------------------------------------------------------------

    def item(self, item_id: int) -> AgendaItem:
        try:
            return self.items[item_id]
        except KeyError:
            raise RuleViolation(f"No agenda item {item_id} in this meeting.") from None

    def agenda(self) -> list[AgendaItem]:
        return sorted(self.items.values(), key=lambda item: (item.position, item.id))

    def current_item(self) -> AgendaItem | None:
        current = self.meeting.current_item_id
        return self.items.get(current) if current is not None else None

    def motion(self, motion_id: int) -> Motion:
        try:
            return self.motions[motion_id]
        except KeyError:
            raise RuleViolation(f"No motion {motion_id} in this meeting.") from None

    def action(self, action_id: int) -> ActionItem:
        try:
            return self.actions[action_id]
        except KeyError:
            raise RuleViolation(f"No action {action_id} in this meeting.") from None

    def for_item(self, name: str, item_id: int) -> list[Any]:
        """Entities of one collection belonging to an item, in id order."""
        entities = self.collection(name).values()
        return sorted((e for e in entities if e.item_id == item_id), key=lambda e: e.id)

    def paragraphs_for(self, item_id: int) -> list[Paragraph]:
        """The item's minute text, in the order it reads (``rules.proceedings`` places the
        paragraphs among the item's other proceedings)."""
        return sorted(
            (p for p in self.paragraphs.values() if p.item_id == item_id),
            key=lambda p: (p.after, p.position, p.id),
        )

    def votes_for(self, motion_id: int) -> list[VoteEvent]:
        return sorted(
            (v for v in self.votes.values() if v.motion_id == motion_id), key=lambda v: v.id
        )

    def movements_of(self, person_id: str) -> Iterator[MovementEntry]:
        return iter(
            sorted(
                (m for m in self.movements.values() if m.person_id == person_id),
                key=lambda m: m.id,
            )
        )
