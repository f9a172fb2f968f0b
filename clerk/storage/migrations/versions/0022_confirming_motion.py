"""motions: a motion that is the confirmation of the previous minutes itself

Revision ID: 0022_confirming_motion
Revises: 0021_house_style
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_confirming_motion"
down_revision: str | None = "0021_house_style"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN with a default: no table is rebuilt. Motions recorded before were never
    # the confirmation itself.
    op.add_column(
        "motions",
        sa.Column("confirms_minutes", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("motions", "confirms_minutes")
