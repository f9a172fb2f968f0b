"""Clerk's mark in the SQLite header: PRAGMA application_id

Revision ID: 0018_clerk_application_id
Revises: 0002
Create Date: 2026-11-28

An SQLite file says which program it belongs to in four bytes of its header. With Clerk's
mark there, Clerk knows its own databases (even damaged ones) from other programs' files,
which it must never move or change. A server database has no such header: nothing to do.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018_clerk_application_id"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: "CLRK" as a big-endian integer; the same as clerk.storage.integrity.CLERK_APPLICATION_ID.
CLERK_APPLICATION_ID = 0x434C524B


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {CLERK_APPLICATION_ID}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA application_id = 0")
