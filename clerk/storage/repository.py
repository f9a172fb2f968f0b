"""Reading and writing councils, committees, meetings, their records and journals.

The meetings and their records are read here; the council, people and committees are
``setup_store``'s, writing a record ``record_write``'s and the journal ``journal_store``'s.
Callers use them all as ``repository``'s (``repo.load_journal``, ``repo.save_person``...).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, insert, select

from clerk.domain.entities import Committee, CouncilProfile, Meeting
from clerk.domain.errors import ClerkError
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.rules.numbering import municipal_year_start
from clerk.storage.errors import ConcurrentEdit, NotFound
from clerk.storage.journal_store import (
    MalformedJournal,
    append_journal,
    last_script_line,
    load_journal,
    load_journal_entry,
    load_journal_seals,
)
from clerk.storage.limits import fit
from clerk.storage.mapping import from_values, to_values
from clerk.storage.models import (
    COLLECTION_TABLES,
    AgendaItemRow,
    CommitteeRow,
    MeetingRow,
    table_of,
)
from clerk.storage.record_write import insert_record_rows, write_changes
from clerk.storage.setup_store import (
    committee_id,
    list_committees,
    load_committee,
    load_council,
    load_person,
    load_persons,
    save_committee,
    save_council,
    save_person,
)

__all__ = [
    "ConcurrentEdit",
    "MalformedJournal",
    "NotFound",
    "append_journal",
    "committee_id",
    "create_meeting",
    "earlier_minute_max",
    "find_meeting",
    "insert_record_rows",
    "last_script_line",
    "list_committees",
    "list_meetings",
    "load_committee",
    "load_council",
    "load_journal",
    "load_journal_entry",
    "load_journal_seals",
    "load_person",
    "load_persons",
    "load_record",
    "load_records",
    "meeting_exists",
    "meeting_version",
    "minute_numbers_elsewhere",
    "save_committee",
    "save_council",
    "save_person",
    "write_changes",
]


# -- meetings -----------------------------------------------------------------------------


def create_meeting(conn: Connection, meeting: Meeting) -> int:
    cid = committee_id(conn, meeting.committee)
    clash = conn.execute(
        select(MeetingRow.id).where(MeetingRow.committee_id == cid, MeetingRow.date == meeting.date)
    ).first()
    if clash is not None:
        raise ClerkError(
            f"The committee '{meeting.committee}' already has a meeting on "
            f"{meeting.date.isoformat()} (meeting {clash[0]})."
        )
    values = fit(table_of(MeetingRow), to_values(meeting, skip=("committee",)))
    result = conn.execute(
        insert(table_of(MeetingRow)).values(committee_id=cid, version=0, **values)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def find_meeting(conn: Connection, slug: str, day: date) -> int:
    cid = committee_id(conn, slug)
    found = conn.execute(
        select(MeetingRow.id).where(MeetingRow.committee_id == cid, MeetingRow.date == day)
    ).scalar()
    if found is None:
        raise NotFound(f"No meeting of '{slug}' on {day.isoformat()} in this database.")
    return int(found)


def meeting_exists(conn: Connection, meeting_id: int) -> bool:
    return (
        conn.execute(select(MeetingRow.id).where(MeetingRow.id == meeting_id)).first() is not None
    )


def list_meetings(conn: Connection, slug: str | None = None) -> list[tuple[int, str, Meeting]]:
    """(id, committee slug, meeting) in date order, for one committee or all."""
    query = (
        select(table_of(MeetingRow), CommitteeRow.slug.label("committee_slug"))
        .join(CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
        .order_by(CommitteeRow.slug, MeetingRow.date)
    )
    if slug is not None:
        query = query.where(CommitteeRow.slug == slug)
    rows = conn.execute(query).mappings().all()
    return [
        (row["id"], row["committee_slug"], _meeting(row, row["committee_slug"])) for row in rows
    ]


def _meeting(row: Any, slug: str) -> Meeting:
    return from_values(Meeting, row, committee=slug)


def meeting_version(conn: Connection, meeting_id: int) -> int:
    version = conn.execute(select(MeetingRow.version).where(MeetingRow.id == meeting_id)).scalar()
    if version is None:
        raise NotFound(f"No meeting {meeting_id} in this database.")
    return int(version)


def load_record(conn: Connection, meeting_id: int) -> tuple[MeetingRecord, int]:
    """The whole meeting record and the version it was read at."""
    row = (
        conn.execute(select(table_of(MeetingRow)).where(MeetingRow.id == meeting_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"No meeting {meeting_id} in this database.")
    slug = conn.execute(
        select(CommitteeRow.slug).where(CommitteeRow.id == row["committee_id"])
    ).scalar_one()
    council = load_council(conn)
    if council is None:
        raise ClerkError("This database has no council profile; import or load the demo first.")
    record = MeetingRecord(
        council=council,
        committee=load_committee(conn, slug),
        persons=load_persons(conn),
        meeting=_meeting(row, slug),
        meeting_id=meeting_id,
    )
    for name, table in COLLECTION_TABLES.items():
        entity_type = COLLECTIONS[name]
        rows = conn.execute(
            select(table_of(table)).where(table_of(table).c.meeting_id == meeting_id)
        ).mappings()
        collection = record.collection(name)
        for entity_row in rows:
            collection[entity_row["id"]] = from_values(entity_type, entity_row)
    return record, int(row["version"])


def load_records(
    conn: Connection,
    meeting_ids: Sequence[int],
    collections: Collection[str] = tuple(COLLECTIONS),
) -> list[MeetingRecord]:
    """Many meeting records at once, in the order asked: one query per table, not per meeting.

    ``collections`` names the collections to fill; the others are left empty, so a caller
    that reads only some (the action tracker: items, actions, resolutions) loads only those.
    """
    unknown = set(collections) - COLLECTIONS.keys()
    if unknown:
        raise KeyError(f"not collections of a meeting record: {sorted(unknown)}")
    council = load_council(conn)
    if council is None:
        raise ClerkError("This database has no council profile; import or load the demo first.")
    persons = load_persons(conn)
    committees: dict[int, Committee] = {}
    records: dict[int, MeetingRecord] = {}
    meetings = table_of(MeetingRow)
    for chunk in _chunks(meeting_ids):
        rows = conn.execute(
            select(meetings, CommitteeRow.slug.label("committee_slug"))
            .join(CommitteeRow, CommitteeRow.id == meetings.c.committee_id)
            .where(meetings.c.id.in_(chunk))
        ).mappings()
        for row in rows:
            if row["committee_id"] not in committees:
                committees[row["committee_id"]] = load_committee(conn, row["committee_slug"])
            records[row["id"]] = MeetingRecord(
                council=council,
                committee=committees[row["committee_id"]],
                persons=persons,
                meeting=_meeting(row, row["committee_slug"]),
                meeting_id=row["id"],
            )
    missing = [i for i in meeting_ids if i not in records]
    if missing:
        raise NotFound(f"No meeting {missing[0]} in this database.")
    for name in collections:
        table = table_of(COLLECTION_TABLES[name])
        entity_type = COLLECTIONS[name]
        for chunk in _chunks(meeting_ids):
            for entity_row in conn.execute(
                select(table).where(table.c.meeting_id.in_(chunk))
            ).mappings():
                target = records[entity_row["meeting_id"]].collection(name)
                target[entity_row["id"]] = from_values(entity_type, entity_row)
    return [records[i] for i in meeting_ids]


def _chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


def earlier_minute_max(conn: Connection, meeting: Meeting, council: CouncilProfile) -> int:
    """The highest minute number at the committee's earlier meetings in the municipal year."""
    cid = committee_id(conn, meeting.committee)
    start = municipal_year_start(meeting.date, council.year_start_month, council.year_start_day)
    found = conn.execute(
        select(func.max(AgendaItemRow.minute_number))
        .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
        .where(
            MeetingRow.committee_id == cid,
            MeetingRow.date >= start,
            MeetingRow.date < meeting.date,
        )
    ).scalar()
    if found is not None:
        return int(found)
    # Numbering carried in from before Clerk: an earlier meeting's stated first number.
    carried = conn.execute(
        select(func.max(MeetingRow.minute_number_start)).where(
            MeetingRow.committee_id == cid,
            MeetingRow.date >= start,
            MeetingRow.date < meeting.date,
        )
    ).scalar()
    return int(carried) - 1 if carried is not None else 0


def minute_numbers_elsewhere(
    conn: Connection, meeting_id: int, meeting: Meeting, council: CouncilProfile
) -> frozenset[int]:
    """Minute numbers the committee's other meetings in the same municipal year have used."""
    cid = committee_id(conn, meeting.committee)
    start = municipal_year_start(meeting.date, council.year_start_month, council.year_start_day)
    end = start.replace(year=start.year + 1)
    rows = conn.execute(
        select(AgendaItemRow.minute_number)
        .join(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
        .where(
            MeetingRow.committee_id == cid,
            MeetingRow.id != meeting_id,
            MeetingRow.date >= start,
            MeetingRow.date < end,
            AgendaItemRow.minute_number.is_not(None),
        )
    ).scalars()
    return frozenset(int(n) for n in rows if n is not None)
