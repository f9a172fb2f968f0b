"""house style: the council's choices of wording (substitutions, titles, numbering);
declarations: a nature public on an exempt item, an interest declared after voting

Revision ID: 0021_house_style
Revises: 0020_record_integrity
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_house_style"
down_revision: str | None = "0020_record_integrity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (every column has a default): no table is rebuilt, so rows that refer to
    # these tables stay as they are on SQLite and PostgreSQL alike.
    op.add_column(
        "council", sa.Column("house_style", sa.JSON(), nullable=False, server_default="{}")
    )
    op.add_column(
        "council",
        sa.Column("interest_categories", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.add_column(
        "committees",
        sa.Column("minute_prefix", sa.String(length=20), nullable=False, server_default=""),
    )
    # Null: recorded before the choice existed, so the nature stays out of the public minutes
    # of an exempt item, as it did.
    op.add_column("declarations", sa.Column("nature_public", sa.Boolean(), nullable=True))
    op.add_column(
        "declarations",
        sa.Column("category", sa.String(length=80), nullable=False, server_default=""),
    )
    op.add_column(
        "declarations",
        sa.Column("after_vote", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "declarations",
        sa.Column("vote_struck", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35 and later): rebuilding the committees table in batch mode
    # would trip the foreign keys of the rows that refer to it.
    for table, column in (
        ("declarations", "vote_struck"),
        ("declarations", "after_vote"),
        ("declarations", "category"),
        ("declarations", "nature_public"),
        ("committees", "minute_prefix"),
        ("council", "interest_categories"),
        ("council", "house_style"),
    ):
        op.drop_column(table, column)
