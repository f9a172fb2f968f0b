"""Reading and writing councils, committees, meetings, their records and journals."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Delete,
    Select,
    Table,
    Text,
    Update,
    bindparam,
    delete,
    func,
    insert,
    select,
    type_coerce,
    update,
)

from clerk.domain.changes import Changes
from clerk.domain.entities import Committee, CouncilProfile, Meeting, Membership, Person, QuorumRule
from clerk.domain.enums import CommitteeKind, QuorumKind
from clerk.domain.errors import ClerkError
from clerk.domain.journal import JournalEntry
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.rules.numbering import municipal_year_start
from clerk.storage import register, seals, search_index
from clerk.storage.limits import fit
from clerk.storage.mapping import from_values, to_values
from clerk.storage.models import (
    COLLECTION_TABLES,
    AgendaItemRow,
    CommitteeRow,
    CouncilRow,
    JournalRow,
    MeetingRow,
    MembershipRow,
    PersonRow,
    table_of,
)


class NotFound(ClerkError):
    """The named committee or meeting is not in this database."""


class ConcurrentEdit(ClerkError):
    """Someone else recorded an action on this meeting since it was loaded."""


# -- council and people -------------------------------------------------------------------


def load_council(conn: Connection) -> CouncilProfile | None:
    row = conn.execute(select(table_of(CouncilRow))).mappings().first()
    return from_values(CouncilProfile, row) if row is not None else None


def save_council(conn: Connection, council: CouncilProfile, who: str = "") -> None:
    """Save the council profile; a change goes in the register (who, when, before, after)."""
    values = to_values(council)
    before = load_council(conn)
    if before is None:
        conn.execute(insert(table_of(CouncilRow)).values(id=1, **fit(table_of(CouncilRow), values)))
    else:
        conn.execute(update(table_of(CouncilRow)).values(**fit(table_of(CouncilRow), values)))
    register.setup_change(conn, "council", "council", before, council, who)


def load_persons(conn: Connection) -> dict[str, Person]:
    rows = conn.execute(select(table_of(PersonRow)).order_by(PersonRow.id)).mappings()
    return {row["id"]: from_values(Person, row) for row in rows}


def load_person(conn: Connection, person_id: str) -> Person | None:
    row = (
        conn.execute(select(table_of(PersonRow)).where(PersonRow.id == person_id))
        .mappings()
        .first()
    )
    return from_values(Person, row) if row is not None else None


def save_person(conn: Connection, person: Person, who: str = "") -> None:
    """Add or change a person; the change goes in the register."""
    values = fit(table_of(PersonRow), to_values(person))
    before = load_person(conn, person.id)
    if before is None:
        conn.execute(insert(table_of(PersonRow)).values(**values))
    else:
        conn.execute(update(table_of(PersonRow)).where(PersonRow.id == person.id).values(**values))
    register.setup_change(conn, "person", person.id, before, person, who)


# -- committees ---------------------------------------------------------------------------


def _committee_from_row(conn: Connection, row: Any) -> Committee:
    memberships = conn.execute(
        select(table_of(MembershipRow))
        .where(MembershipRow.committee_id == row["id"])
        .order_by(MembershipRow.position, MembershipRow.id)
    ).mappings()
    return Committee(
        slug=row["slug"],
        name=row["name"],
        kind=CommitteeKind(row["kind"]),
        calls_itself=row["calls_itself"],
        quorum=QuorumRule(
            QuorumKind(row["quorum_kind"]), row["quorum_value"], row["quorum_denominator"]
        ),
        signatory_title=row["signatory_title"],
        memberships=tuple(from_values(Membership, m) for m in memberships),
        lists_non_voting_co_optees=bool(row["lists_non_voting_co_optees"]),
        moderngov_id=row["moderngov_id"],
        minute_prefix=row["minute_prefix"],
    )


def committee_id(conn: Connection, slug: str) -> int:
    found = conn.execute(select(CommitteeRow.id).where(CommitteeRow.slug == slug)).scalar()
    if found is None:
        raise NotFound(f"No committee '{slug}' in this database.")
    return int(found)


def load_committee(conn: Connection, slug: str) -> Committee:
    row = (
        conn.execute(select(table_of(CommitteeRow)).where(CommitteeRow.slug == slug))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound(f"No committee '{slug}' in this database.")
    return _committee_from_row(conn, row)


def list_committees(conn: Connection) -> list[Committee]:
    rows = conn.execute(select(table_of(CommitteeRow)).order_by(CommitteeRow.name)).mappings()
    return [_committee_from_row(conn, row) for row in rows.all()]


def save_committee(conn: Connection, committee: Committee, who: str = "") -> int:
    """Insert or replace a committee and its memberships; returns its id. The change goes in
    the register."""
    values = {
        "slug": committee.slug,
        "name": committee.name,
        "kind": committee.kind.value,
        "calls_itself": committee.calls_itself,
        "quorum_kind": committee.quorum.kind.value,
        "quorum_value": committee.quorum.value,
        "quorum_denominator": committee.quorum.denominator,
        "signatory_title": committee.signatory_title,
        "lists_non_voting_co_optees": committee.lists_non_voting_co_optees,
        "moderngov_id": committee.moderngov_id,
        "minute_prefix": committee.minute_prefix,
    }
    fit(table_of(CommitteeRow), values)
    found = conn.execute(
        select(CommitteeRow.id).where(CommitteeRow.slug == committee.slug)
    ).scalar()
    before = load_committee(conn, committee.slug) if found is not None else None
    if found is None:
        found = conn.execute(insert(table_of(CommitteeRow)).values(**values)).inserted_primary_key[
            0
        ]  # type: ignore[index]
    else:
        conn.execute(update(table_of(CommitteeRow)).where(CommitteeRow.id == found).values(values))
    conn.execute(delete(table_of(MembershipRow)).where(MembershipRow.committee_id == found))
    for position, membership in enumerate(committee.memberships, start=1):
        conn.execute(
            insert(table_of(MembershipRow)).values(
                committee_id=found,
                position=position,
                **fit(table_of(MembershipRow), to_values(membership)),
            )
        )
    register.setup_change(conn, "committee", committee.slug, before, committee, who)
    return int(found)


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


def write_changes(
    conn: Connection, meeting_id: int, changes: Changes, expected_version: int
) -> int:
    """Write an action's changes; refuse if another writer got there first. Returns version.

    The statements are built once (``_BUMP``, ``_update_entity``...) and take their values as
    parameters, so SQLAlchemy neither rebuilds nor re-keys them for every recorded action.
    """
    bumped = conn.execute(
        _BUMP, {"b_id": meeting_id, "b_version": expected_version, "version": expected_version + 1}
    )
    if bumped.rowcount != 1:
        raise ConcurrentEdit(
            "Someone else has recorded on this meeting since you opened it; "
            "your action was not saved. The meeting has been reloaded: check it and try again."
        )
    if changes.meeting is not None:
        values = fit(table_of(MeetingRow), to_values(changes.meeting[1], skip=("committee",)))
        conn.execute(_update_meeting(tuple(values)), {"b_id": meeting_id, **values})
    for name, by_id in changes.entities.items():
        table = table_of(COLLECTION_TABLES[name])
        for key, (before, after) in by_id.items():
            keys = {"b_meeting_id": meeting_id, "b_id": key}
            if after is None:
                conn.execute(_delete_entity(table), keys)
            elif before is None:
                values = fit(table, to_values(after))
                conn.execute(insert(table), {"meeting_id": meeting_id, **values})
            else:
                values = fit(table, to_values(after))
                conn.execute(_update_entity(table, tuple(values)), {**keys, **values})
    search_index.index_changes(conn, meeting_id, changes)  # in step, in this transaction
    return expected_version + 1


_MEETINGS = table_of(MeetingRow)
_BUMP = (
    update(_MEETINGS)
    .where(_MEETINGS.c.id == bindparam("b_id"), _MEETINGS.c.version == bindparam("b_version"))
    .values(version=bindparam("version"))
)


@cache
def _update_meeting(columns: tuple[str, ...]) -> Update:
    return (
        update(_MEETINGS)
        .where(_MEETINGS.c.id == bindparam("b_id"))
        .values({c: bindparam(c) for c in columns})
    )


def _entity_where(table: Table) -> ColumnElement[bool]:
    return (table.c.meeting_id == bindparam("b_meeting_id")) & (table.c.id == bindparam("b_id"))


@cache
def _update_entity(table: Table, columns: tuple[str, ...]) -> Update:
    return update(table).where(_entity_where(table)).values({c: bindparam(c) for c in columns})


@cache
def _delete_entity(table: Table) -> Delete:
    return delete(table).where(_entity_where(table))


def insert_record_rows(conn: Connection, meeting_id: int, record: MeetingRecord) -> None:
    """Bulk-write every entity of a record into a new, empty meeting (import)."""
    for name, table in COLLECTION_TABLES.items():
        rows = [
            {"meeting_id": meeting_id, **fit(table_of(table), to_values(entity))}
            for _key, entity in sorted(record.collection(name).items())
        ]
        if rows:
            conn.execute(insert(table_of(table)), rows)
    search_index.index_record(conn, meeting_id, record)


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


# -- the journal --------------------------------------------------------------------------


def append_journal(conn: Connection, meeting_id: int, entry: JournalEntry) -> None:
    values = dict(
        meeting_id=meeting_id,
        seq=entry.seq,
        recorded_at=entry.recorded_at,
        who=entry.who,
        kind=entry.kind,
        label=entry.label,
        params=entry.params,
        changes=entry.changes,
        undoes=entry.undoes,
        redoes=entry.redoes,
        script_id=entry.script_id,
        script_line=entry.script_line,
        prev_hash=entry.prev_hash,
        hash=entry.hash,
        context=entry.context,
        seal=seals.seal(entry.hash),
    )
    conn.execute(insert(table_of(JournalRow)), dict(fit(table_of(JournalRow), values)))


def load_journal_seals(conn: Connection, meeting_id: int) -> dict[int, str]:
    """Each journal entry's seal (``clerk.storage.seals``), by its number."""
    rows = conn.execute(
        select(JournalRow.seq, JournalRow.seal).where(JournalRow.meeting_id == meeting_id)
    )
    return {int(row[0]): str(row[1] or "") for row in rows}


class MalformedJournal(ClerkError):
    """A journal row that cannot be read as a journal entry (changed behind Clerk's back)."""


def _journal_query(meeting_id: int) -> Select[Any]:
    """The journal's rows with the time and the JSON read as text: a row damaged behind
    Clerk's back is then reported, entry by entry, instead of failing inside the driver."""
    journal = table_of(JournalRow)
    raw = {"recorded_at", "params", "changes"}
    columns = [
        type_coerce(column, Text).label(column.name) if column.name in raw else column
        for column in journal.columns
    ]
    return select(*columns).where(journal.c.meeting_id == meeting_id)


def load_journal(conn: Connection, meeting_id: int) -> list[JournalEntry]:
    rows = conn.execute(_journal_query(meeting_id).order_by(JournalRow.seq)).mappings()
    return [_journal_entry(row) for row in rows]


def load_journal_entry(conn: Connection, meeting_id: int, seq: int) -> JournalEntry:
    row = conn.execute(_journal_query(meeting_id).where(JournalRow.seq == seq)).mappings().first()
    if row is None:
        raise NotFound(f"Meeting {meeting_id} has no journal entry {seq}.")
    return _journal_entry(row)


def _journal_entry(row: Any) -> JournalEntry:
    where = f"Journal entry {row['seq']} of meeting {row['meeting_id']}"
    try:
        recorded_at = row["recorded_at"]
        if not isinstance(recorded_at, datetime):
            recorded_at = datetime.fromisoformat(str(recorded_at))
        params, changes = _json_object(row["params"]), _json_object(row["changes"])
        entry = JournalEntry(
            seq=int(row["seq"]),
            recorded_at=recorded_at.replace(tzinfo=None),
            who=str(row["who"]),
            kind=str(row["kind"]),
            label=str(row["label"]),
            params=params,
            changes=changes,
            undoes=row["undoes"],
            redoes=row["redoes"],
            script_id=str(row["script_id"] or ""),
            script_line=row["script_line"],
            prev_hash=str(row["prev_hash"]),
            hash=str(row["hash"]),
            context=_json_context(row["context"]),
        )
    except (TypeError, ValueError) as error:
        raise MalformedJournal(
            f"{where} cannot be read ({error}): the journal has been damaged or changed "
            "behind Clerk's back; run 'clerk check'."
        ) from None
    odd = next((k for k, v in changes.items() if not isinstance(v, dict | list)), None)
    if odd is not None:
        raise MalformedJournal(
            f"{where} cannot be read (its changes hold {odd!r} in a form Clerk never writes): "
            "the journal has been damaged or changed behind Clerk's back."
        )
    return entry


def _json_context(value: Any) -> dict[str, Any] | None:
    """The moment an action saw (JSON, or None on entries from before it was kept)."""
    return None if value is None else _json_object(value)


def _json_object(value: Any) -> dict[str, Any]:
    """A JSON column as a dict: text is parsed (SQLite), a parsed value checked (PostgreSQL)."""
    parsed = json.loads(value) if isinstance(value, str) else value
    if not isinstance(parsed, dict):
        raise ValueError(f"a JSON object was expected, not {type(parsed).__name__}")
    return parsed


def last_script_line(conn: Connection, meeting_id: int, line_ids: dict[int, str]) -> int:
    """The last line of a script already applied: its line number and the script's text up
    to that line (``line_ids``: line -> identity) must both match a journal entry."""
    wanted = set(line_ids.values())
    found: set[tuple[str, int]] = set()
    ids = sorted(wanted)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(JournalRow.script_id, JournalRow.script_line).where(
                JournalRow.meeting_id == meeting_id,
                JournalRow.script_id.in_(ids[start : start + 500]),
            )
        )
        found.update((row[0], row[1]) for row in rows if row[1] is not None)
    return max((n for n, identity in line_ids.items() if (identity, n) in found), default=0)
