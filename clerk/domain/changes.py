"""What an action changed: entities before and after, by collection and id.

Computed by comparing two snapshots by identity (entities are immutable, so an entity that was
not replaced is the very same object). The journal stores these changes; undo applies them
backwards and redo forwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clerk.domain.entities import Meeting
from clerk.domain.errors import RecordFormatError
from clerk.domain.record import COLLECTIONS, MeetingRecord, Snapshot
from clerk.domain.serial import from_json, to_json


@dataclass
class Changes:
    #: collection name -> entity id -> (before, after); None means absent.
    entities: dict[str, dict[int, tuple[Any, Any]]] = field(default_factory=dict)
    meeting: tuple[Meeting, Meeting] | None = None

    @property
    def empty(self) -> bool:
        return not self.entities and self.meeting is None

    def inverse(self) -> Changes:
        return Changes(
            entities={
                name: {key: (after, before) for key, (before, after) in by_id.items()}
                for name, by_id in self.entities.items()
            },
            meeting=(self.meeting[1], self.meeting[0]) if self.meeting else None,
        )

    def then(self, later: Changes) -> Changes:
        """These changes followed by ``later``: each entity from its first 'before' to its
        last 'after'."""
        entities = {name: dict(by_id) for name, by_id in self.entities.items()}
        for name, by_id in later.entities.items():
            mine = entities.setdefault(name, {})
            for key, (before, after) in by_id.items():
                mine[key] = (mine[key][0] if key in mine else before, after)
        meeting = self.meeting
        if later.meeting is not None:
            meeting = (meeting[0] if meeting else later.meeting[0], later.meeting[1])
        return Changes(entities=entities, meeting=meeting)

    def apply_to(self, record: MeetingRecord) -> None:
        """Put the 'after' side into the record (the 'before' side must be what is there)."""
        for name, by_id in self.entities.items():
            collection = record.collection(name)
            for key, (_before, after) in by_id.items():
                if after is None:
                    collection.pop(key, None)
                else:
                    collection[key] = after
        if self.meeting is not None:
            record.meeting = self.meeting[1]

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        for name, by_id in self.entities.items():
            body[name] = {
                str(key): [to_json(before), to_json(after)]
                for key, (before, after) in sorted(by_id.items())
            }
        if self.meeting is not None:
            body["meeting"] = [to_json(self.meeting[0]), to_json(self.meeting[1])]
        return body

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Changes:
        changes = cls()
        for name, by_id in data.items():
            if name == "meeting":
                changes.meeting = (
                    from_json(Meeting, by_id[0], "$.meeting[0]"),
                    from_json(Meeting, by_id[1], "$.meeting[1]"),
                )
                continue
            if name not in COLLECTIONS:
                raise RecordFormatError(f"$.{name}", "is not a collection of a meeting record")
            entity_type = COLLECTIONS[name]
            changes.entities[name] = {
                int(key): (
                    None if pair[0] is None else from_json(entity_type, pair[0]),
                    None if pair[1] is None else from_json(entity_type, pair[1]),
                )
                for key, pair in by_id.items()
            }
        return changes


def diff(before: Snapshot, record: MeetingRecord) -> Changes:
    changes = Changes()
    for name in COLLECTIONS:
        old: dict[int, Any] = before[name]
        new = record.collection(name)
        changed: dict[int, tuple[Any, Any]] = {}
        added = 0
        for key, b in new.items():
            a = old.get(key)
            if a is not b:
                changed[key] = (a, b)
                added += a is None
        if len(old) + added > len(new):  # some were removed
            for key in old.keys() - new.keys():
                changed[key] = (old[key], None)
        if changed:
            changes.entities[name] = changed
    if before["meeting"] is not record.meeting and before["meeting"] != record.meeting:
        changes.meeting = (before["meeting"], record.meeting)
    return changes


#: Which parts of a meeting each collection feeds (what a view of the meeting shows).
AREAS: dict[str, tuple[str, ...]] = {
    "items": ("items",),
    "attendance": ("attendance",),
    "movements": ("attendance", "text"),  # an arrival or departure is a step of the item
    # a disclosable pecuniary interest withdraws a member: the attendance shows it
    "declarations": ("business", "attendance"),
    "paragraphs": ("text",),
    "motions": ("business", "text"),
    "votes": ("business", "text"),
    "resolutions": ("business", "text"),
    "actions": ("actions",),
    "events": ("text",),
    "signoff": ("signoff",),
    "approved_as": ("signoff",),
}


@dataclass(frozen=True)
class Touched:
    """What an action (an undo, a redo) changed, as a few flags a window can act on: each
    view updates only what changed (the model is Anki's ``OpChanges``). ``items`` holds the
    ids of the agenda items whose own business changed (the whole agenda when ``None``)."""

    meeting: bool = False
    items: bool = False
    attendance: bool = False
    business: bool = False
    actions: bool = False
    text: bool = False
    signoff: bool = False
    item_ids: frozenset[int] | None = frozenset()

    @classmethod
    def everything(cls) -> Touched:
        """A reload or a refused concurrent edit: anything may have changed."""
        return cls(True, True, True, True, True, True, True, None)

    def about_item(self, item_id: int | None) -> bool:
        """True if the item's own business (or the meeting as a whole) may have changed."""
        return self.item_ids is None or item_id in self.item_ids or self.meeting


def touched(changes: Changes) -> Touched:
    areas: set[str] = set()
    item_ids: set[int] = set()
    for name, by_id in changes.entities.items():
        areas.update(AREAS.get(name, ()))
        for key, pair in by_id.items():
            for entity in pair:
                if name == "items":
                    item_ids.add(key)
                item_id = getattr(entity, "item_id", None)
                if isinstance(item_id, int):
                    item_ids.add(item_id)
    return Touched(
        meeting=changes.meeting is not None,
        items="items" in changes.entities,
        attendance="attendance" in areas,
        business="business" in areas,
        actions="actions" in areas,
        text="text" in areas,
        signoff="signoff" in areas,
        item_ids=frozenset(item_ids),
    )
