"""The tables the migrations build are the ones the program's models describe:
every column, index and constraint, on SQLite and on PostgreSQL. A model
changed without its migration (or a migration that forgets a model's index)
would leave installed copies with another schema than fresh ones."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from village_desk.core import services
from village_desk.core.storage import migrate
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import Base

from .postgres_server import PostgresServer


def _differences(db: Database) -> list:
    with db.engine.connect() as con:
        found = compare_metadata(MigrationContext.configure(con), Base.metadata)
    out = []
    for diff in found:
        op = diff[0] if isinstance(diff, list) else diff
        # SQLite keeps no length: the stamps' VARCHAR(40) of the first
        # schema is the models' String(64) there (0003 widens it elsewhere)
        unkept_length = (
            db.engine.dialect.name == "sqlite"
            and op[0] == "modify_type"
            and str(op[5]).startswith("VARCHAR")
            and str(op[6]).startswith("VARCHAR")
        )
        if not unkept_length:
            out.append(op)
    return out


def test_a_fresh_sqlite_database_has_the_models_schema(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        assert _differences(db) == []
    finally:
        db.close()


def test_a_database_upgraded_from_the_last_release_has_the_models_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url)
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    command.downgrade(migrate.alembic_config(db.engine), "0015")
    with db.engine.connect() as con:
        indexes = {n for (n,) in con.execute(text("SELECT name FROM sqlite_master"))}
    assert "ix_change_log_hlc" in indexes and "ix_change_log_deleted_tx" not in indexes
    db.close()
    upgraded = Database.open(url)
    try:
        assert _differences(upgraded) == []
    finally:
        upgraded.close()


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


def test_a_postgresql_database_has_the_models_schema(server):
    db = Database.open(server.new_database(), device_name="乡镇服务器")
    try:
        assert _differences(db) == []
    finally:
        db.close()
