"""The council profile, people and committees: read, and saved with a register entry."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from clerk.domain.entities import Committee, CouncilProfile, Membership, Person
from clerk.storage import register
from clerk.storage.errors import NotFound
from clerk.storage.limits import fit
from clerk.storage.mapping import committee_from, from_values, to_values
from clerk.storage.models import CommitteeRow, CouncilRow, MembershipRow, PersonRow, table_of

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
    return committee_from(row, tuple(from_values(Membership, m) for m in memberships))


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
