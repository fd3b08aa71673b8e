import sqlite3

import pytest
from sqlalchemy import select, text

from village_desk.core.storage import migrate
from village_desk.core.storage.db import Database
from village_desk.core.storage.journal import JournalError
from village_desk.core.storage.models import Change, VillagerGroup


def test_fresh_file_is_migrated_with_pragmas_and_device(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'v.sqlite3'}", device_name="村部电脑")
    assert migrate.current_revision(db.engine) == migrate.HEAD
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert db.device.name == "村部电脑" and len(db.device.code) == 3
    device_id = db.device.id
    db.close()
    again = Database.open(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    assert again.device.id == device_id  # identity is created once


def test_revisions_list_matches_alembic_scripts():
    from alembic.script import ScriptDirectory

    from village_desk.core.storage.db import make_engine

    script = ScriptDirectory.from_config(migrate.alembic_config(make_engine("sqlite://")))
    revs = [r.revision for r in script.walk_revisions()][::-1]
    assert tuple(revs) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "v.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(migrate.NewerSchemaError, match="更新版本"):
        Database.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_backup_before_migration_is_a_consistent_copy(tmp_path):
    path = tmp_path / "v.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    with db.transaction() as s:
        s.add(VillagerGroup(name="一组"))
    backup = migrate.backup_sqlite(db.engine, migrate.HEAD)
    assert backup.name.startswith("v.sqlite3.bak-")
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name FROM villager_group").fetchall() == [("一组",)]
    con.close()


def test_writes_outside_a_transaction_are_refused(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    with db.reading() as s:
        s.add(VillagerGroup(name="一组"))
        with pytest.raises(JournalError):
            s.flush()


def test_hard_delete_refused_and_tombstone_journaled(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    with db.transaction() as s:
        g = VillagerGroup(name="一组")
        s.add(g)
    with pytest.raises(JournalError, match="不能物理删除"), db.transaction() as s:
        s.delete(s.get(VillagerGroup, g.id))
    with db.transaction() as s:
        s.get(VillagerGroup, g.id).deleted = True
    with db.reading() as s:
        ops = [
            c.op
            for c in s.scalars(select(Change).where(Change.record_id == g.id).order_by(Change.hlc))
        ]
        assert ops == ["insert", "delete"]
        assert s.get(VillagerGroup, g.id) is not None  # the row stays, as a tombstone
