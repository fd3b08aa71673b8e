"""Command-line options no other test runs: export-ledger --unmasked,
import-roster --verbose, print-referral, and the data folder or database
chosen by VILLAGE_DESK_DATA_DIR / VILLAGE_DESK_DB_URL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.core.excel.test_import import ZHANG, messy_roster
from tests.core.printing.pdfcheck import all_text, reader
from village_desk import cli, demo
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.core.storage.db import Database
from village_desk.core.storage.paths import DB_FILENAME, ENV_DATA_DIR, ENV_DB_URL


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(ENV_DB_URL, raising=False)
    data = str(tmp_path / "data")

    def run(*argv):
        code = cli.main(["--data-dir", data, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--village", "桃花村", "--township", "青山镇")[0] == 0
    return run


def workbook_text(path) -> str:
    wb = load_workbook(path)
    return "\n".join(
        str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )


def test_export_ledger_unmasked_shows_full_numbers_and_says_so(run, tmp_path):
    run("import-roster", str(messy_roster(tmp_path / "花名册.xlsx")))
    masked, full = tmp_path / "打码.xlsx", tmp_path / "完整.xlsx"
    code, out, _ = run("export-ledger", str(masked), "--period", "2026")
    assert code == 0 and "已打码" in out
    code, out, _ = run("export-ledger", str(full), "--period", "2026", "--unmasked")
    assert code == 0 and "未打码" in out and "已打码" not in out
    assert ZHANG not in workbook_text(masked)
    assert f"{ZHANG[:4]}**********{ZHANG[-4:]}" in workbook_text(masked)
    assert ZHANG in workbook_text(full)
    assert "13812345678" in workbook_text(full) and "13812345678" not in workbook_text(masked)


def test_import_roster_verbose_lists_every_row_that_changes_something(run, tmp_path):
    roster = messy_roster(tmp_path / "花名册.xlsx")
    code, plain, _ = run("import-roster", str(roster), "--dry-run")
    assert code == 0
    code, verbose, _ = run("import-roster", str(roster), "--dry-run", "--verbose")
    assert code == 0
    # Refused rows are always listed; new ones only with --verbose.
    assert (
        "一组花名册 第 8 行 李四：未导入" in plain and "一组花名册 第 8 行 李四：未导入" in verbose
    )
    assert "一组花名册 第 7 行 张小明：新增" in verbose
    assert "张小明" not in plain
    listed = [line for line in verbose.splitlines() if " 行 " in line and line.endswith("：新增")]
    assert len(listed) == 8  # the summary's 新增 8, one line each
    run("import-roster", str(roster))
    code, unchanged, _ = run("import-roster", str(roster), "--verbose", "--sheet", "二组")
    assert "无变化 3" in unchanged
    assert "周九" not in unchanged  # rows left as they were are not listed, even verbose


def test_print_referral_of_a_forwarded_matter(tmp_path, capsys):
    folder = tmp_path / "data"
    db = Database.open(f"sqlite:///{folder / DB_FILENAME}", device_name="测试机")
    demo.generate(db, households=12, seed=2)
    with db.reading() as s:
        forwarded = queries.matters.matter_page(s, MatterFilter(statuses=("forwarded",)))
    db.close()
    assert forwarded, "the demo village has a forwarded matter"
    m = forwarded[0]
    out = tmp_path / "转办单.pdf"
    code = cli.main(
        ["--data-dir", str(folder), "print-referral", str(out), "--matter", m.number,
         "--request", "请镇民政办核实后办理"]
    )  # fmt: skip
    stdout = capsys.readouterr().out
    assert code == 0 and f"已生成事项 {m.number} 的办理申请" in stdout
    assert len(reader(str(out)).pages) >= 1
    text = all_text(str(out))
    assert "办理申请" in text and m.number in text and "请镇民政办核实后办理" in text

    code = cli.main(["--data-dir", str(folder), "print-referral", str(out), "--matter", "2099-X"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USER_ERROR and "找不到编号为 2099-X 的事项" in err


def village_of(url: str) -> str:
    db = Database.open(url)
    try:
        with db.reading() as s:
            return queries.reference.profile(s).village
    finally:
        db.close()


def test_the_data_folder_comes_from_village_desk_data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "从环境变量"
    monkeypatch.delenv(ENV_DB_URL, raising=False)
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    assert cli.main(["init", "--village", "环境村"]) == 0
    assert (folder / DB_FILENAME).is_file()
    assert village_of(f"sqlite:///{folder / DB_FILENAME}") == "环境村"
    # --data-dir still wins over the variable
    other = tmp_path / "命令行"
    assert cli.main(["--data-dir", str(other), "init", "--village", "命令行村"]) == 0
    assert village_of(f"sqlite:///{other / DB_FILENAME}") == "命令行村"
    assert village_of(f"sqlite:///{folder / DB_FILENAME}") == "环境村"


def test_the_database_comes_from_village_desk_db_url_before_any_folder(tmp_path):
    """Run as a separate process, as a township script would set it."""
    target = tmp_path / "elsewhere" / "村.sqlite3"
    target.parent.mkdir()
    folder = tmp_path / "data"
    env = {
        **{k: v for k, v in __import__("os").environ.items() if k != ENV_DATA_DIR},
        ENV_DB_URL: f"sqlite:///{target}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "village_desk", "--data-dir", str(folder), "init",
         "--village", "地址村"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert target.is_file() and not Path(folder / DB_FILENAME).exists()
    assert village_of(f"sqlite:///{target}") == "地址村"
