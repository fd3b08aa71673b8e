"""What ``village-desk check`` tells a person about a damaged database, one
kind of damage at a time, and the backup an upgrade of a real old database
leaves next to it."""

import sqlite3
import subprocess
import sys

from alembic import command

from village_desk.core import services
from village_desk.core.storage import migrate
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database, make_engine
from village_desk.core.storage.models import SYNCED_MODELS

NOWHERE = "0000000000000000000000000000dead"  # an id no record has


def around_the_journal(db, *statements):
    """Write with plain SQL as a careless tool would: guard triggers dropped,
    foreign keys not enforced."""
    con = sqlite3.connect(db.sqlite_path)
    for model in SYNCED_MODELS:
        for kind in ("insert", "update", "delete"):
            con.execute(f"DROP TRIGGER IF EXISTS journal_guard_{model.__tablename__}_{kind}")
    con.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        assert con.execute(sql).rowcount == 1, sql
    con.commit()
    con.close()


def findings(db) -> list[str]:
    report = run_check(db)
    assert not report.ok
    return [p for p in report.problems if not p.startswith("缺少数据库保护触发器")]


def cli_check(db):
    return subprocess.run(
        [sys.executable, "-m", "village_desk", "--db-url", db.url, "check"],
        capture_output=True,
        text=True,
    )


def test_a_healthy_database_passes(db, village):
    assert run_check(db).problems == []


def test_a_stale_stamp_is_reported(db, village):
    around_the_journal(db, "UPDATE person SET hlc = '0' WHERE name = '刘桂兰'")
    assert "person：1 条记录与其最后一条日志的时间戳不一致" in findings(db)
    out = cli_check(db)
    assert out.returncode != 0
    assert "时间戳不一致" in out.stdout + out.stderr and "Traceback" not in out.stderr


def test_a_deleted_record_without_a_delete_row_is_reported(db, village):
    around_the_journal(db, "UPDATE person SET deleted = 1 WHERE name = '刘桂兰'")
    assert "person：1 条已删除记录没有删除日志" in findings(db)


def test_a_reference_to_a_missing_household_is_reported(db, village):
    around_the_journal(db, f"UPDATE person SET household_id = '{NOWHERE}' WHERE name = '刘桂兰'")
    found = findings(db)
    assert any(p.startswith("person 第") and "household 记录不存在" in p for p in found), found


def test_journal_rows_of_a_record_removed_outright_are_reported(db, village):
    around_the_journal(db, "DELETE FROM person WHERE name = '刘桂兰'")
    assert "person：1 条日志指向已不存在的记录（记录被物理删除）" in findings(db)


def test_a_wrong_schema_version_is_reported(db, village):
    con = sqlite3.connect(db.sqlite_path)
    con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.commit()
    con.close()
    assert f"数据库结构版本为 0003，应为 {migrate.HEAD}" in run_check(db).problems


def test_upgrading_an_old_database_leaves_a_backup_of_it(tmp_path):
    """A database of an older release (schema 0003, with a village in it) is
    upgraded when opened; the file as it was is kept beside it."""
    path = tmp_path / "village-desk.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(engine), "0003")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO villager_group (id, deleted, hlc, name, sort_order)"
        " VALUES ('00000000000000000000000000000001', 0, '', '一组', 1)"
    )
    con.commit()
    con.close()

    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        services.setup.add_group(db, None, "二组")  # the upgraded file works
    finally:
        db.close()

    backups = sorted(tmp_path.glob("village-desk.sqlite3.bak-*"))
    assert len(backups) == 1 and backups[0].name.endswith("-v0003")
    old = sqlite3.connect(backups[0])
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        assert old.execute("SELECT name FROM villager_group").fetchall() == [("一组",)]
    finally:
        old.close()


def test_opening_a_current_database_makes_no_backup(tmp_path):
    path = tmp_path / "village-desk.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    Database.open(f"sqlite:///{path}").close()
    assert list(tmp_path.glob("*.bak-*")) == []
