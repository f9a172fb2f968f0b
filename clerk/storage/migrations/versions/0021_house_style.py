"""house style: the council's choices of wording (substitutions, titles, numbering)

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
    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("house_style", sa.JSON(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.drop_column("house_style")
