"""One committee's action tracker across all its meetings, as the scale benchmark builds it.

When the documents service offers the tracker (``clerk.services.documents``), this is it: the
records gathered and the tracker document composed, not yet rendered to a file. Before that,
it is the query that gathers the tracker's rows: every action with its meeting and minute.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import select

from clerk.domain.entities import ActionItem
from clerk.storage.database import Database
from clerk.storage.mapping import from_values
from clerk.storage.models import ActionRow, AgendaItemRow, CommitteeRow, MeetingRow, table_of


def build_tracker(database: Database, slug: str) -> int:
    """Build the committee's tracker; returns how many actions it holds."""
    try:
        documents = importlib.import_module("clerk.services.documents")
    except ImportError:
        documents = None
    tracker_document = getattr(documents, "tracker_document", None)
    if tracker_document is None:
        return len(gather_rows(database, slug))
    document: Any = tracker_document(database, slug, open_only=False)
    return len(getattr(document, "blocks", ()))


def gather_rows(database: Database, slug: str) -> list[tuple[Any, int | None, ActionItem]]:
    """(meeting date, minute number, action) in meeting and minute order."""
    actions = table_of(ActionRow)
    query = (
        select(actions, MeetingRow.date.label("meeting_date"), AgendaItemRow.minute_number)
        .join(MeetingRow, MeetingRow.id == actions.c.meeting_id)
        .join(CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
        .join(
            AgendaItemRow,
            (AgendaItemRow.meeting_id == actions.c.meeting_id)
            & (AgendaItemRow.id == actions.c.item_id),
        )
        .where(CommitteeRow.slug == slug)
        .order_by(MeetingRow.date, AgendaItemRow.minute_number, actions.c.id)
    )
    with database.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [(r["meeting_date"], r["minute_number"], from_values(ActionItem, r)) for r in rows]
