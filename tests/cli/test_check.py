import sqlite3
import subprocess
import sys

import pytest

from village_desk import cli
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "village_desk", *args], capture_output=True, text=True
    )


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0 and "village-desk" in out.stdout
    for command in ("init", "demo", "check", "search"):
        helped = run(command, "--help")
        assert helped.returncode == 0 and "usage" in helped.stdout


def test_init_then_check_healthy(tmp_path, capsys):
    assert (
        cli.main(
            ["--data-dir", str(tmp_path), "init", "--village", "桃花村", "--device-code", "k7m"]
        )
        == 0
    )
    assert "K7M" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path), "check"]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_user_errors_are_plain_messages(tmp_path):
    out = run("--data-dir", str(tmp_path), "init", "--village", "桃花村", "--division-code", "12")
    assert out.returncode == 2
    assert "统计用区划代码" in out.stderr and "Traceback" not in out.stderr
    for bad in ("IO0", "KIM", "K0M", "K7"):  # look-alike characters, too short
        out = run("--data-dir", str(tmp_path), "init", "--village", "桃花村", "--device-code", bad)
        assert out.returncode == 2 and "本机代码" in out.stderr


def test_the_database_refuses_writes_around_the_journal(db, village):
    con = sqlite3.connect(db.sqlite_path)
    attempts = [
        "INSERT INTO villager_group (id, deleted, hlc, name, sort_order)"
        " VALUES ('00000000000000000000000000000001', 0, '', '黑户组', 9)",
        "UPDATE person SET phone = '13900000000' WHERE name = '张三丰'",  # stamp left alone
        "UPDATE person SET phone = '13900000000', hlc = 'x' WHERE name = '张三丰'",
        "DELETE FROM person WHERE name = '刘桂兰'",  # a hard delete
    ]
    for sql in attempts:
        with pytest.raises(sqlite3.IntegrityError, match="变更日志|物理删除"):
            con.execute(sql)
    con.close()
    assert run_check(db).ok


def test_check_replays_the_journal_and_finds_what_went_around_it(db, village):
    """A tool that removed the guard and wrote directly is still caught."""
    con = sqlite3.connect(db.sqlite_path)
    for table in ("villager_group", "person"):
        for kind in ("insert", "update", "delete"):
            con.execute(f"DROP TRIGGER journal_guard_{table}_{kind}")
    con.execute(
        "INSERT INTO villager_group (id, deleted, hlc, name, sort_order)"
        " VALUES ('00000000000000000000000000000001', 0, '', '黑户组', 9)"
    )
    con.execute("UPDATE person SET phone = '13900000000' WHERE name = '张三丰'")
    con.execute("DELETE FROM person WHERE name = '刘桂兰'")
    con.commit()
    con.close()
    report = run_check(db)
    assert not report.ok
    text = "\n".join(report.problems)
    assert "villager_group：1 条记录没有新增日志" in text
    assert "person：" in text and "物理删除" in text
    assert "person：1 条记录与变更日志重放的结果不一致" in text  # the silent UPDATE
    assert "数据库保护触发器" in text  # and the missing guard itself


def test_check_on_damaged_file_fails_without_traceback(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 'village-desk.sqlite3'}")
    db.close()
    path = tmp_path / "village-desk.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page
    path.write_bytes(bytes(data))
    out = run("--data-dir", str(tmp_path), "check")
    assert out.returncode != 0
    # what SQLite found, and what to do: no generic error, no traceback
    assert "Traceback" not in out.stderr
    assert "SQLite" in out.stderr and "malformed" in out.stderr
    assert "已损坏" in out.stderr and "备份" in out.stderr


def test_search_command(db, village, tmp_path):
    url = db.url
    out = run("--db-url", url, "search", "zsf")
    assert out.returncode == 0 and "张三丰" in out.stdout
    assert "138****5678" in out.stdout  # phones are masked in output


def test_init_sets_the_matter_number_code_from_village_code_and_laptop_letter(tmp_path, capsys):
    """The township gives the village a code; each laptop of the village takes
    its own letter: numbers read 2026-K7B-0001 on the second laptop."""
    args = ["--data-dir", str(tmp_path), "init", "--village", "桃花村"]
    assert cli.main([*args, "--village-code", "k7", "--laptop-letter", "b"]) == 0
    assert "代码 K7B" in capsys.readouterr().out
    db = Database.open(f"sqlite:///{tmp_path / 'village-desk.sqlite3'}")
    try:
        assert db.device.code == "K7B"
    finally:
        db.close()
    for bad, words in ((["--village-code", "K"], "村代码"), (["--laptop-letter", "O"], "本机字母")):
        out = run(*args, *bad)
        assert out.returncode == 2 and words in out.stderr and "Traceback" not in out.stderr


def test_search_output_has_no_control_characters(db, village):
    """Stored text is cleaned; a value written around the services (here raw
    SQL through the journal guard's gate) still never reaches the terminal
    with its control characters."""
    import re

    from sqlalchemy import update

    from village_desk.core.storage.models import LocalGate, Person

    with db.transaction(None) as s:
        s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=1))
        s.execute(
            update(Person.__table__)
            .where(Person.__table__.c.name == "张三丰")
            .values(name="张三丰\x1b[2J\u202e\x07")
        )
        s.execute(update(LocalGate).where(LocalGate.id == 1).values(open=0))
    out = run("--db-url", db.url, "search", "zsf")
    assert out.returncode == 0 and "张三丰[2J" in out.stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out.stdout)


def test_check_passes_on_a_database_with_the_app_lock_set(tmp_path, capsys):
    """The lock lives in this computer's ``local_setting`` rows (not
    journaled): ``check`` and ``check --repair`` must not take its hashes,
    minutes or wrong-try count for records that bypassed the journal."""
    from village_desk.core.storage.lock import AppLock
    from village_desk.core.storage.paths import database_url

    assert cli.main(["--data-dir", str(tmp_path), "init", "--village", "桃花村"]) == 0
    db = Database.open(database_url(tmp_path))
    lock = AppLock(db)
    lock.set_password("taohua2026")
    lock.set_inspector("jiancha88", "taohua2026")
    lock.set_idle_minutes(10)
    assert lock.try_password("wrong-one").role is None  # a wrong try is counted
    db.close()
    capsys.readouterr()
    for args in (["check"], ["check", "--repair"]):
        assert cli.main(["--data-dir", str(tmp_path), *args]) == 0, args
        out = capsys.readouterr()
        assert "检查通过" in out.out and out.err == "", args
    db = Database.open(database_url(tmp_path))
    assert AppLock(db).enabled and AppLock(db).idle_minutes == 10  # check left it alone
    db.close()
