"""Durable storage: SQLAlchemy tables, migrations, the journal, backups."""
