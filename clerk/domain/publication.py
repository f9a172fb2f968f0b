"""What of a meeting may be published: the one rule the open data exports ask.

Exempt business (an item with a Schedule 12A paragraph) shows only its title when the title
is public ("Exempt Item" otherwise), the paragraph, and the public summary the clerk wrote;
its motions, votes, resolutions, minute text and actions never leave. Declarations are not
published by the exports at all (the minutes carry them in the clerk's words).
"""

from __future__ import annotations

from typing import Any

from clerk.domain.entities import AgendaItem, Motion, VoteEvent
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import EntryKind, item_proceedings

WITHHELD_TITLE = "Exempt Item"


def public_title(item: AgendaItem) -> str:
    return item.title if not item.exempt or item.title_is_public else WITHHELD_TITLE


def is_public(item: AgendaItem) -> bool:
    """True when everything recorded on the item may be published."""
    return not item.exempt


def public_items(record: MeetingRecord) -> list[AgendaItem]:
    """The agenda in order; exempt items included (their titles are asked of ``public_title``)."""
    return record.agenda()


def _public_steps(record: MeetingRecord, kind: EntryKind) -> list[Any]:
    """The steps of one kind on public items: the agenda's order, and within an item the
    order its proceedings happened in (``rules.proceedings.item_proceedings``)."""
    return [
        entry.entity
        for item in record.agenda()
        if is_public(item)
        for entry in item_proceedings(record, item.id)
        if entry.kind is kind
    ]


def public_motions(record: MeetingRecord) -> list[Motion]:
    """The motions and amendments of public items, in the order they were moved."""
    return _public_steps(record, EntryKind.MOTION)


def public_votes(record: MeetingRecord) -> list[VoteEvent]:
    """The votes on public items, in the order they were taken."""
    return _public_steps(record, EntryKind.VOTE)
