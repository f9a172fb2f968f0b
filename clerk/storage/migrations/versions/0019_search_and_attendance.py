"""search index; six-month rule: approvals, outside bodies, settings

Revision ID: 0019_search_and_attendance
Revises: 0002
Create Date: 2026-12-02

``search_entries.tags`` holds filter words (the committee, the year, whether confidential)
that FTS5 intersects with the searched words, so a filtered search of a common word does not
rank every entry holding it.

The search index starts empty. A database that already holds meetings is marked "not built"
(``search_state``): ``clerk search-index`` (or the first search that can write) builds it
from the records at the code's current schema, so this migration never reads records.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_search_and_attendance"
down_revision: str | None = "0015_checkouts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TRIGGERS = (
    """CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
        INSERT INTO search_fts(rowid, body, tags) VALUES (new.id, new.body, new.tags);
    END""",
    """CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, body, tags)
            VALUES ('delete', old.id, old.body, old.tags);
    END""",
    """CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
        INSERT INTO search_fts(search_fts, rowid, body, tags)
            VALUES ('delete', old.id, old.body, old.tags);
        INSERT INTO search_fts(rowid, body, tags) VALUES (new.id, new.body, new.tags);
    END""",
)


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("persons", sa.String(length=400), nullable=False),
        sa.Column("tags", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_search_entries_entity", "search_entries", ["meeting_id", "kind", "entity_id"]
    )
    op.create_table(
        "search_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("built", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, tags, content='search_entries', "
            "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
        )
        for trigger in FTS_TRIGGERS:
            op.execute(trigger)
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE search_entries ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED"
        )
        op.execute("CREATE INDEX ix_search_entries_tsv ON search_entries USING gin (tsv)")
    meetings = op.get_bind().execute(sa.text("SELECT count(*) FROM meetings")).scalar()
    op.bulk_insert(
        sa.table("search_state", sa.column("id", sa.Integer), sa.column("built", sa.Boolean)),
        [{"id": 1, "built": not meetings}],
    )

    op.create_table(
        "absence_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("minute", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_absence_approvals_person_id", "absence_approvals", ["person_id"])
    op.create_table(
        "outside_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=80), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_outside_attendance_person_id", "outside_attendance", ["person_id"])
    op.create_table(
        "attendance_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warning_weeks", sa.Integer(), nullable=False),
        sa.Column("remote_counts", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("attendance_settings")
    op.drop_index("ix_outside_attendance_person_id", table_name="outside_attendance")
    op.drop_table("outside_attendance")
    op.drop_index("ix_absence_approvals_person_id", table_name="absence_approvals")
    op.drop_table("absence_approvals")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_entries_ai", "search_entries_ad", "search_entries_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_state")
    op.drop_index("ix_search_entries_entity", table_name="search_entries")
    op.drop_table("search_entries")
