"""Alembic environment: runs against the engine handed over by migrate.py.

The whole upgrade is one transaction: it succeeds whole or not at all. On
SQLite, foreign keys are off during it (the documented way to rebuild a table
that others refer to) and checked before it commits.
"""

from alembic import context

from village_desk.core.storage.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # outside any transaction, where SQLite honours it
        connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,  # SQLite needs batch mode for ALTER
                transaction_per_migration=False,
            )
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
    finally:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
