"""Alembic environment: runs against the engine handed over by migrate.py."""

from alembic import context

from village_desk.core.storage.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER
        transaction_per_migration=False,
    )
    # The whole upgrade is one transaction: it succeeds whole or not at all.
    context.run_migrations()
