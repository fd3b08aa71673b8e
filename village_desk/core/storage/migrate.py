"""Schema migrations at start-up (Alembic), with a backup first.

Opening a database that is already at :data:`HEAD` costs one ``SELECT`` and
does not import Alembic. An older schema is backed up (SQLite: a copy of the
file next to it) and upgraded; a schema newer than this program is refused
with a clear message instead of being damaged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

# Oldest first. Must list every file in migrations/versions (a test checks it).
REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
)
HEAD = REVISIONS[-1]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class NewerSchemaError(RuntimeError):
    def __init__(self, revision: str):
        self.revision = revision
        super().__init__(
            f"这个数据库由更新版本的村务民情台账创建（结构版本 {revision}，本程序支持到 {HEAD}）。"
            "为避免损坏数据，本程序不会打开它，请先升级软件。"
        )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def backup_sqlite(engine: Engine, revision: str | None) -> Path | None:
    """Copy the SQLite file (consistently, via the backup API) before migrating."""
    if engine.dialect.name != "sqlite":
        return None
    path = engine.url.database
    if not path or path == ":memory:" or not Path(path).exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(f"{path}.bak-{stamp}-v{revision or 'none'}")
    from .backup import copy_database

    copy_database(Path(path), target)
    return target


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade_if_needed(engine: Engine) -> str | None:
    """Bring the schema to HEAD. Returns the backup path's str if one was made."""
    revision = current_revision(engine)
    if revision == HEAD:
        return None
    if revision is not None and revision not in REVISIONS:
        raise NewerSchemaError(revision)
    backup = backup_sqlite(engine, revision) if has_tables(engine) else None
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return str(backup) if backup else None
