"""Alembic environment: run with the connection Clerk hands over (see clerk.storage.database)."""

from alembic import context

from clerk.storage.models import Base

config = context.config
connection = config.attributes.get("connection")


def run_migrations() -> None:
    if connection is None:
        raise RuntimeError("Clerk's migrations run through clerk.storage.database.upgrade().")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
