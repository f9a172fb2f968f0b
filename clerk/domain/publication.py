"""What of a meeting may be published: the one rule the open data exports ask.

Exempt business (an item with a Schedule 12A paragraph) shows only its title when the title
is public ("Exempt Item" otherwise), the paragraph, and the public summary the clerk wrote;
its motions, votes, resolutions, minute text and actions never leave. Declarations are not
published by the exports at all (the minutes carry them in the clerk's words).
"""

from __future__ import annotations

from clerk.domain.entities import AgendaItem, Motion, VoteEvent
from clerk.domain.record import MeetingRecord

WITHHELD_TITLE = "Exempt Item"


def public_title(item: AgendaItem) -> str:
    return item.title if not item.exempt or item.title_is_public else WITHHELD_TITLE


def is_public(item: AgendaItem) -> bool:
    """True when everything recorded on the item may be published."""
    return not item.exempt


def public_items(record: MeetingRecord) -> list[AgendaItem]:
    """The agenda in order; exempt items included (their titles are asked of ``public_title``)."""
    return record.agenda()


def public_motions(record: MeetingRecord) -> list[Motion]:
    return [
        motion
        for _key, motion in sorted(record.motions.items())
        if motion.item_id in record.items and is_public(record.items[motion.item_id])
    ]


def public_votes(record: MeetingRecord) -> list[VoteEvent]:
    motions = {motion.id for motion in public_motions(record)}
    return [vote for _key, vote in sorted(record.votes.items()) if vote.motion_id in motions]
