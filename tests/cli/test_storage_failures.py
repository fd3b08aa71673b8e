"""The database in trouble, as the command line meets it: two writers at
once, a locked, full, read-only, damaged or newer database, a server that
does not answer — each told by its cause with advice that fits it (only
damage calls for a backup), never a traceback, and the data as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli.sandbox import as_another_user, cli, environment, on_small_disk
from tests.helpers import make_id
from village_desk.core import services
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage import backup, failures, merge
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.migrate import NewerSchemaError

DB = "village-desk.sqlite3"
RESTORE_ADVICE = "从备份恢复"


def roster(path: Path, households: int, first: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "联系电话", "组别"])
    for i in range(first, first + households):
        born = f"1960{i % 12 + 1:02d}{i % 28 + 1:02d}"
        ws.append(
            [f"01-{i + 1:03d}", f"张{i}", "户主", make_id(born, f"{i:03d}"), f"138{i:08d}", "一组"]
        )
        ws.append([None, f"李{i}", "配偶", make_id(born.replace("1960", "1962"), f"{i:03d}")])
    wb.save(path)
    return path


@pytest.fixture
def village_dir(tmp_path):
    """A data folder with a village of 40 households imported."""
    data = tmp_path / "data"
    assert cli(tmp_path, "--data-dir", data, "init", "--village", "桃花村").returncode == 0
    done = cli(tmp_path, "--data-dir", data, "import-roster", roster(tmp_path / "r.xlsx", 40))
    assert done.returncode == 0, done.stderr
    return data


def counts(path: Path) -> tuple[int, int, int, int]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM household WHERE deleted = 0),"
            " (SELECT count(DISTINCT number) FROM household WHERE deleted = 0),"
            " (SELECT count(*) FROM person WHERE deleted = 0),"
            " (SELECT count(DISTINCT id_number) FROM person WHERE deleted = 0)"
        ).fetchone()
    finally:
        con.close()


def digest(path: Path) -> str:
    db = Database.open(f"sqlite:///{path}", read_only=True)
    try:
        return merge.digest(db)
    finally:
        db.close()


# ---------------------------------------------------------------- 1. two writers


def test_two_imports_of_one_roster_at_once_make_no_duplicates(tmp_path):
    data = tmp_path / "data"
    assert cli(tmp_path, "--data-dir", data, "init", "--village", "桃花村").returncode == 0
    path = roster(tmp_path / "r.xlsx", 300)
    command = [sys.executable, "-m", "village_desk", "--data-dir", str(data), "import-roster"]
    env = environment(tmp_path)
    runs = [
        subprocess.Popen([*command, str(path)], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0]
    assert counts(data / DB) == (300, 300, 600, 600)
    # one created everything, the other found it there
    assert sorted("新增 600" in out for out in outputs) == [False, True], outputs
    assert cli(tmp_path, "--data-dir", data, "check").returncode == 0


def test_a_roster_import_backs_up_first(village_dir):
    [made] = backup.backups(backup.default_folder(village_dir / DB))
    assert made.reason == "before-roster-import" and backup.verify(made.path) == []


def test_check_reports_live_duplicate_household_numbers_and_id_numbers(tmp_path):
    """Two laptops that have not exchanged each register the same family as
    01-002: after the merge both are live, and check says so (masked)."""
    seed = tmp_path / "seed.sqlite3"
    db = Database.open(f"sqlite:///{seed}")
    services.setup.initialize(db, village="桃花村", township="青山镇")
    db.close()
    copies = []
    for n in range(2):
        path = tmp_path / f"copy{n}" / DB
        path.parent.mkdir()
        shutil.copy(seed, path)
        copy = Database.open(f"sqlite:///{path}")
        services.households.create_household(
            copy,
            None,
            HouseholdInput(number="01-002"),
            PersonInput(name="王五", id_number=make_id("19700101", "555")),
        )
        copies.append(copy)
    merge.merge(copies[0], merge.export_changes(copies[1]))
    problems = run_check(copies[0]).problems
    assert "户号 01-002 有 2 条在用的记录" in problems
    masked = make_id("19700101", "555")
    assert f"身份证号 {masked[:4]}**********{masked[-4:]} 有 2 条在用的记录" in problems
    assert not any(masked in p for p in problems)  # the whole number is not printed
    for copy in copies:
        copy.close()
    out = cli(tmp_path, "--data-dir", tmp_path / "copy0", "check")
    assert out.returncode == 1 and "冲突与待核对" in out.stderr


# ---------------------------------------------------------------- 4. causes, not "restore"


def test_a_locked_database_is_told_as_busy_not_damaged(tmp_path):
    path = tmp_path / DB
    Database.open(f"sqlite:///{path}").close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        other = sqlite3.connect(path, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as caught:
            other.execute("BEGIN IMMEDIATE")
        other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = failures.explain(caught.value, path)
    assert "占用" in message and "不需要从备份恢复" in message and "已损坏" not in message


def test_an_io_error_and_a_full_disk_are_told_apart_from_damage(tmp_path):
    io = sqlite3.OperationalError("disk I/O error")
    full = OSError(28, "No space left on device")
    assert "读写磁盘时出错" in failures.explain(io) and "check" in failures.explain(io)
    assert "磁盘已满" in failures.explain(full)
    for err in (io, full):
        assert RESTORE_ADVICE not in failures.explain(err).replace("不需要从备份恢复", "")


def test_a_server_that_refuses_connections_is_not_called_damaged(tmp_path):
    pytest.importorskip("psycopg")
    out = cli(tmp_path, "--db-url", "postgresql://village@127.0.0.1:1/desk", "check")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "无法连接数据库服务器" in out.stderr and "已损坏" not in out.stderr


def test_a_read_only_data_folder_still_checks_searches_and_exports(village_dir, tmp_path):
    prefix = as_another_user()
    before = digest(village_dir / DB)
    for leftover in village_dir.glob("*.bak-*"):
        leftover.unlink()
    for path in village_dir.iterdir():
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.chmod(0o400)
    village_dir.chmod(0o500)
    listing = sorted(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in village_dir.iterdir()
    )
    try:
        checked = cli(tmp_path, "--data-dir", village_dir, "check", prefix=prefix)
        assert checked.returncode == 0 and "检查通过" in checked.stdout, checked.stderr
        found = cli(tmp_path, "--data-dir", village_dir, "search", "张1", prefix=prefix)
        assert found.returncode == 0 and "张1" in found.stdout, found.stderr
        out = tmp_path / "out" / "台账.xlsx"
        out.parent.mkdir()
        exported = cli(tmp_path, "--data-dir", village_dir, "export-ledger", out, prefix=prefix)
        assert exported.returncode == 0 and out.exists(), exported.stderr
        # a write is refused for what it is: a read-only folder, not damage
        written = cli(
            tmp_path,
            "--data-dir",
            village_dir,
            "import-roster",
            roster(tmp_path / "more.xlsx", 2, first=500),
            prefix=prefix,
        )
        assert written.returncode == 2 and "Traceback" not in written.stderr
        assert "只读" in written.stderr and "已损坏" not in written.stderr
        after = sorted(
            (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in village_dir.iterdir()
        )
        assert after == listing  # nothing written
    finally:
        village_dir.chmod(0o700)
        for path in village_dir.iterdir():
            path.chmod(0o600)
    assert digest(village_dir / DB) == before


@pytest.mark.parametrize("room", ["for the backup only", "for nothing"])
def test_a_full_disk_during_an_import_leaves_the_database_as_before(village_dir, tmp_path, room):
    """On a disk with room for the backup made before the import but not for
    the import itself, the import rolls back; with no room even for the
    backup, nothing is imported. Either way: the disk is named, not damage."""
    more = roster(tmp_path / "more.xlsx", 600)
    size = (village_dir / DB).stat().st_size
    disk, kept = tmp_path / "disk", tmp_path / "after"
    kept.mkdir()
    script = f"""
cp "{village_dir}/{DB}" "{disk}/"
"$PY" -m village_desk --data-dir "{disk}" import-roster "{more}"
echo "exit=$?"
cp "{disk}/{DB}"* "{kept}/"
"""
    kb = (2 * size if room == "for the backup only" else size) // 1024 + 300
    done = on_small_disk(disk, kb, script, environment(tmp_path))
    assert "exit=2" in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "磁盘已满" in done.stderr, done.stderr
    assert "已损坏" not in done.stderr
    # (the backup went through: the import itself met the full disk)
    assert ("没有导入" in done.stderr) == (room == "for nothing")
    assert cli(tmp_path, "--data-dir", kept, "check").returncode == 0
    assert digest(kept / DB) == digest(village_dir / DB)


# ---------------------------------------------------------------- 5. a damaged file


def test_search_on_a_damaged_database_names_the_latest_backup(village_dir, tmp_path):
    made = backup.create(village_dir / DB, backup.default_folder(village_dir / DB), "daily")
    path = village_dir / DB
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:  # scramble every page after the first
        f.seek(4096)
        f.write(os.urandom(size - 4096))
    checked = cli(tmp_path, "--data-dir", village_dir, "check")
    assert checked.returncode == 1 and "SQLite" in checked.stderr
    assert made.name in checked.stderr and "backup restore" in checked.stderr
    searched = cli(tmp_path, "--data-dir", village_dir, "search", "张")
    assert searched.returncode == 2 and "Traceback" not in searched.stderr
    assert "已损坏" in searched.stderr and made.name in searched.stderr


# ---------------------------------------------------------------- 9. a newer database


def test_a_newer_database_is_refused_without_changing_a_byte(tmp_path):
    path = tmp_path / DB
    Database.open(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.execute("PRAGMA journal_mode=DELETE")  # as a newer program may leave it
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerSchemaError):
        Database.open(f"sqlite:///{path}")
    for command in (["check"], ["search", "张"], ["backup", "list"]):
        out = cli(tmp_path, "--data-dir", tmp_path, *command)
        assert "Traceback" not in out.stderr
    out = cli(tmp_path, "--data-dir", tmp_path, "check")
    assert out.returncode == 2 and "更新版本" in out.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


# ---------------------------------------------------------------- 7. messages, not tracebacks


def test_bad_arguments_and_folders_are_messages(village_dir, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    long_name = "长" * 120  # 360 bytes: longer than a file name may be
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    pdf_folder = tmp_path / "a-folder.pdf"
    pdf_folder.mkdir()
    cases = [
        (["--data-dir", a_file, "check"], "是一个文件"),
        (["--data-dir", a_file / "sub", "check"], "无法创建数据目录"),
        (["--db-url", "bogus://nowhere", "check"], "数据库地址无法识别"),
        (["--data-dir", village_dir, "search", "王", "--limit", "9" * 20], "1 到 1000"),
        (["--data-dir", village_dir, "export-ledger", folder], "是一个文件夹"),
        (
            ["--data-dir", village_dir, "print-notice", pdf_folder, "--month", "2026-11"],
            "是一个文件夹",
        ),
        (["--data-dir", village_dir, "export-ledger", tmp_path / f"{long_name}.xlsx"], "太长"),
        (
            ["--data-dir", village_dir, "print-cards", tmp_path / f"{long_name}.pdf", "--all"],
            "太长",
        ),
    ]
    for args, words in cases:
        out = cli(tmp_path, *args)
        assert out.returncode == 2, (args, out.stderr)
        assert "Traceback" not in out.stderr and words in out.stderr, (args, out.stderr)
    assert not list(tmp_path.glob(".写入中-*"))


def test_arguments_that_are_not_utf8_are_refused_plainly(village_dir, tmp_path):
    env = environment(tmp_path)
    for args in (
        [b"search", b"\xff\xfe"],
        [b"--data-dir", os.fsencode(tmp_path) + b"/\xff", b"check"],
    ):
        if args[0] == b"search":
            args = [b"--data-dir", os.fsencode(village_dir), *args]
        out = subprocess.run(
            [sys.executable, "-m", "village_desk", *args], env=env, capture_output=True
        )
        err = out.stderr.decode("utf-8", "replace")
        assert out.returncode == 2 and "Traceback" not in err and "UTF-8" in err, err
        assert "\\xff" in err
