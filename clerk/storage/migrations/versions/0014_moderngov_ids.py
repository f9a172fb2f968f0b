"""ModernGov ids on people, committees, meetings and agenda items; items' published documents

Revision ID: 0014_moderngov_ids
Revises: 0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_moderngov_ids"
down_revision: str | None = "0013_agenda_pack"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables that gain the id their rows have in the council's ModernGov system.
WITH_MODERNGOV_ID = ("persons", "committees", "meetings", "agenda_items")


def upgrade() -> None:
    for table in WITH_MODERNGOV_ID:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("moderngov_id", sa.String(length=40), nullable=False, server_default="")
            )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("documents", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_column("documents")
    for table in reversed(WITH_MODERNGOV_ID):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("moderngov_id")
