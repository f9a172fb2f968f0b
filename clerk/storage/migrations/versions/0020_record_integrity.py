"""the approved context; the register of meetings, sign-off steps and set-up changes; seals

Journal and register entries get a ``seal`` column: an HMAC of the entry's hash under this
installation's record key, when it has one (empty otherwise).

The register is begun with what the database holds now: the council profile, every person,
every committee with its memberships, every meeting (with its journal's first entry) and every
approval and signing in the journals. Self-contained: it writes the register's entries as
``clerk.domain.register.RegisterEntry`` hashes them, without importing Clerk's code.

Revision ID: 0020_record_integrity
Revises: 0020_exempt_status
Create Date: 2026-12-02
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0020_record_integrity"
down_revision: str | None = "0020_exempt_status"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64
WHO = "clerk (register begun)"


def upgrade() -> None:
    op.create_table(
        "approved_context",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council", sa.JSON(), nullable=False),
        sa.Column("committee", sa.JSON(), nullable=False),
        sa.Column("persons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "id"),
    )
    register = op.create_table(
        "register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("seal", sa.String(length=100), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("seal", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("register", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_register_subject"), ["subject"], unique=False)
    _begin_register(op.get_bind(), register)


def downgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_column("seal")
    with op.batch_alter_table("register", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_subject"))
    op.drop_table("register")
    op.drop_table("approved_context")


# -- the register, begun with what is there ---------------------------------------------------


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


def _json(value: Any) -> Any:
    """A JSON column's value (SQLite gives the text back through ``text()`` queries)."""
    return json.loads(value) if isinstance(value, str) else value


def _rows(conn: sa.Connection, sql: str, **params: Any) -> list[Any]:
    return list(conn.execute(sa.text(sql), params).mappings())


def _begin_register(conn: sa.Connection, register: sa.Table) -> None:
    entries: list[tuple[str, str, dict[str, Any]]] = []
    for row in _rows(conn, "SELECT * FROM council ORDER BY id"):
        council = {
            "name": row["name"],
            "code_of_conduct": row["code_of_conduct"],
            "signatory_title": row["signatory_title"],
            "minute_heading_pattern": row["minute_heading_pattern"],
            "minute_reference_pattern": row["minute_reference_pattern"],
            "year_start_month": row["year_start_month"],
            "year_start_day": row["year_start_day"],
            "signing_mode": row["signing_mode"],
            "extraordinary_confirms_minutes": bool(row["extraordinary_confirms_minutes"]),
            "lists_officers": bool(row["lists_officers"]),
            # Columns that earlier migrations in the chain added (0013, 0011).
            "agenda": _json(row["agenda"]),
            "movers_named": row["movers_named"],
        }
        entries.append(("council", "council", {"before": None, "after": council}))
    for row in _rows(conn, "SELECT * FROM persons ORDER BY id"):
        person = {
            key: row[key]
            for key in (
                "id",
                "name",
                "kind",
                "honorific_prefix",
                "job_title",
                "represents",
                "moderngov_id",
            )
        }
        entries.append(("person", row["id"], {"before": None, "after": person}))
    for row in _rows(conn, "SELECT * FROM committees ORDER BY slug"):
        members = _rows(
            conn,
            'SELECT person_id, role, "group", start_date, end_date FROM memberships '
            "WHERE committee_id = :cid ORDER BY position, id",
            cid=row["id"],
        )
        committee = {
            "slug": row["slug"],
            "name": row["name"],
            "kind": row["kind"],
            "calls_itself": row["calls_itself"],
            "quorum": {
                "kind": row["quorum_kind"],
                "value": row["quorum_value"],
                "denominator": row["quorum_denominator"],
            },
            "signatory_title": row["signatory_title"],
            "lists_non_voting_co_optees": bool(row["lists_non_voting_co_optees"]),
            "moderngov_id": row["moderngov_id"],
            "memberships": [
                {
                    "person_id": m["person_id"],
                    "role": m["role"],
                    "group": m["group"],
                    "start_date": _day(m["start_date"]),
                    "end_date": _day(m["end_date"]),
                }
                for m in members
            ],
        }
        entries.append(("committee", row["slug"], {"before": None, "after": committee}))
    meetings = _rows(
        conn,
        "SELECT meetings.id AS id, meetings.date AS date, committees.slug AS slug "
        "FROM meetings JOIN committees ON committees.id = meetings.committee_id "
        "ORDER BY meetings.id",
    )
    for meeting in meetings:
        reference = f"{meeting['slug']}/{_day(meeting['date'])}"
        journal = _rows(
            conn,
            "SELECT seq, kind, hash FROM journal WHERE meeting_id = :mid ORDER BY seq",
            mid=meeting["id"],
        )
        first = journal[0] if journal else None
        how = first["kind"] if first is not None else "create"
        entries.append(
            (
                "meeting",
                str(meeting["id"]),
                {
                    "reference": reference,
                    "how": how,
                    "journal_hash": first["hash"] if first is not None else "",
                },
            )
        )
        for entry in journal:
            if entry["kind"] in ("approve", "sign"):
                entries.append(
                    (
                        entry["kind"],
                        str(meeting["id"]),
                        {
                            "reference": reference,
                            "journal_seq": entry["seq"],
                            "journal_hash": entry["hash"],
                        },
                    )
                )
    previous = GENESIS
    now = datetime.now(UTC).replace(tzinfo=None)
    for seq, (kind, subject, data) in enumerate(entries, start=1):
        body = {
            "seq": seq,
            "recorded_at": now.isoformat(),
            "who": WHO,
            "kind": kind,
            "subject": subject,
            "data": data,
            "prev_hash": previous,
        }
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        conn.execute(
            register.insert().values(
                seq=seq,
                recorded_at=now,
                who=WHO,
                kind=kind,
                subject=subject,
                data=data,
                prev_hash=previous,
                hash=digest,
            )
        )
        previous = digest
