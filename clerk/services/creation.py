"""Creating a meeting with its journal: the first entry holds the whole new record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from clerk.domain.actions import Action, Context, action_to_json
from clerk.domain.changes import Changes, diff
from clerk.domain.journal import GENESIS, JournalEntry
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.signoff import integrity
from clerk.storage import register
from clerk.storage import repository as repo


def creation_changes(record: MeetingRecord) -> Changes:
    """A new meeting's whole content as changes from nothing: the journal's first entry."""
    changes = Changes(meeting=(record.meeting, record.meeting))
    for name in COLLECTIONS:
        collection = record.collection(name)
        if collection:
            changes.entities[name] = {key: (None, e) for key, e in sorted(collection.items())}
    return changes


def create_with_journal(
    conn: Connection,
    record: MeetingRecord,
    who: str,
    kind: str,
    label: str,
    params: dict[str, Any],
) -> int:
    """Create a meeting with its content and a first journal entry holding all of it."""
    meeting_id = repo.create_meeting(conn, record.meeting)
    repo.insert_record_rows(conn, meeting_id, record)
    entry = JournalEntry(
        seq=1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who=who,
        kind=kind,
        label=label,
        params=params,
        changes=creation_changes(record).to_json(),
        prev_hash=GENESIS,
    )
    entry = replace(entry, hash=entry.content_hash())
    repo.append_journal(conn, meeting_id, entry)
    register.meeting_added(conn, meeting_id, record.reference, kind, entry.hash, who)
    return meeting_id


def state_from_journal(entries: list[JournalEntry], template: MeetingRecord) -> MeetingRecord:
    """The meeting as the journal says it should be: every entry's changes applied in order."""
    return integrity.rebuild(entries, template)


def create_then_apply(
    conn: Connection,
    record: MeetingRecord,
    action: Action,
    ctx: Context,
    who: str,
    label: str,
) -> int:
    """A new meeting (its creation, not undoable) and a first recorded action on it (undoable),
    written in the caller's transaction; returns the meeting's id."""
    meeting_id = create_with_journal(
        conn, record, who=who, kind="create", label=label, params={"action": "create"}
    )
    first = repo.load_journal(conn, meeting_id)[-1]
    before = record.snapshot()
    action_label = action.apply(record, ctx)
    changes = diff(before, record)
    entry = JournalEntry(
        seq=first.seq + 1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who=who,
        kind=action.kind,
        label=action_label,
        params=action_to_json(action),
        changes=changes.to_json(),
        prev_hash=first.hash,
    )
    repo.write_changes(conn, meeting_id, changes, expected_version=0)
    repo.append_journal(conn, meeting_id, replace(entry, hash=entry.content_hash()))
    return meeting_id
