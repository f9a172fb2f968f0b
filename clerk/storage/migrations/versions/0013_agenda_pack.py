"""agenda pack: reports on agenda items, late items, the council's agenda wording

Revision ID: 0013_agenda_pack
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_agenda_pack"
down_revision: str | None = "0018_clerk_application_id"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "lists_non_voting_co_optees",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
            )
        )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reports", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("report_to_follow", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("urgency_reason", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_column("urgency_reason")
        batch_op.drop_column("report_to_follow")
        batch_op.drop_column("reports")
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.drop_column("lists_non_voting_co_optees")
    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.drop_column("agenda")
