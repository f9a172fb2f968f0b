"""exempt status on minute paragraphs and actions

A minute paragraph may be exempt on its own (a correction to an exempt minute, confirmed at a
public Minutes item), and an action carries the Schedule 12A paragraph of the exempt item it
arose on wherever it goes. Existing rows keep NULL: their journals say nothing of the field, so
filling it in here would make the stored record differ from the one rebuilt from the journal.
Clerk works the status out from the item (and, on export, from the action's first meeting).

Revision ID: 0020_exempt_status
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_exempt_status"
down_revision: str | None = "0011_proceedings_order"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("paragraphs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exempt_paragraph", sa.Integer(), nullable=True))
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exempt_paragraph", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("exempt_paragraph")
    with op.batch_alter_table("paragraphs", schema=None) as batch_op:
        batch_op.drop_column("exempt_paragraph")
