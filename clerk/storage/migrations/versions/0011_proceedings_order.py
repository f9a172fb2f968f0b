"""an item's proceedings in the order they happened; motions and votes as councils minute them

Every step of an item's proceedings (motion, vote, resolution, procedural event, arrival or
departure) gets an ``order``; a paragraph of minute text the step it follows (``after``).
Existing rows take 0: steps recorded before ordering keep the arrangement the minutes gave
them, and existing paragraphs come first, as they render today. The values are the defaults
the domain gives these fields, so each meeting's journal still rebuilds its record exactly.

Also: budget decisions (items and motions), an exclusion motion's exempt item, the exempt item
an exclusion event is for, who took the chair, and the council's rule for naming movers
(existing councils keep "when-contested", how their minutes read before).

Revision ID: 0011_proceedings_order
Revises: 0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_proceedings_order"
down_revision: str | None = "0019_search_and_attendance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ZERO = sa.text("0")
FALSE = sa.false()

#: table -> the columns added to it.
ADDED: dict[str, list[sa.Column]] = {
    "council": [
        sa.Column(
            "movers_named", sa.String(length=20), nullable=False, server_default="when-contested"
        )
    ],
    "agenda_items": [sa.Column("budget", sa.Boolean(), nullable=False, server_default=FALSE)],
    "movements": [sa.Column("order", sa.Integer(), nullable=False, server_default=ZERO)],
    "paragraphs": [sa.Column("after", sa.Integer(), nullable=False, server_default=ZERO)],
    "motions": [
        sa.Column("budget", sa.Boolean(), nullable=False, server_default=FALSE),
        sa.Column("excludes_item_id", sa.Integer(), nullable=True),
        sa.Column("order", sa.Integer(), nullable=False, server_default=ZERO),
        sa.Column("outcome_order", sa.Integer(), nullable=False, server_default=ZERO),
    ],
    "votes": [sa.Column("order", sa.Integer(), nullable=False, server_default=ZERO)],
    "resolutions": [sa.Column("order", sa.Integer(), nullable=False, server_default=ZERO)],
    "events": [
        sa.Column("order", sa.Integer(), nullable=False, server_default=ZERO),
        sa.Column("for_item_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.String(length=80), nullable=True),
        sa.Column("motion_id", sa.Integer(), nullable=True),
    ],
}


def upgrade() -> None:
    for table, columns in ADDED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.add_column(column)


def downgrade() -> None:
    for table, columns in ADDED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column.name)
