"""One committee's action tracker across all its meetings, as the scale benchmark builds it:
the records gathered and the tracker document composed (``tracker_document``), not rendered."""

from __future__ import annotations

from clerk.documents import model
from clerk.services.documents import tracker_document
from clerk.storage.database import Database


def build_tracker(database: Database, slug: str) -> int:
    """Build the committee's tracker; returns how many actions it lists."""
    document = tracker_document(database, slug, open_only=False)
    return sum(len(block.rows) for block in document.blocks if isinstance(block, model.Table))
