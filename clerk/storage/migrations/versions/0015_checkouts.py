"""check-outs to a laptop; the moment each journal entry's action saw

Revision ID: 0015_checkouts
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_checkouts"
down_revision: str | None = "0014_moderngov_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("context", sa.JSON(), nullable=True))
    op.create_table(
        "checkouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("token", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("machine", sa.String(length=120), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("checked_out_at", sa.DateTime(), nullable=False),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("team_meeting_id", sa.Integer(), nullable=True),
        sa.Column("base_seq", sa.Integer(), nullable=False),
        sa.Column("base_hash", sa.String(length=64), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("depends", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checkouts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkouts_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkouts_token"), ["token"], unique=False)
        batch_op.create_index(
            "uq_checkout_out",
            ["meeting_id"],
            unique=True,
            sqlite_where=sa.text("state = 'out'"),
            postgresql_where=sa.text("state = 'out'"),
        )


def downgrade() -> None:
    op.drop_table("checkouts")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_column("context")
