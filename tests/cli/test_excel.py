"""The export-ledger and import-roster commands, registered as the CLI will."""

import pytest
from openpyxl import load_workbook

from tests.core.excel.test_import import messy_roster
from village_desk import cli
from village_desk.core.excel.ledger_export import SHEETS


@pytest.fixture
def run(tmp_path, capsys):
    data = str(tmp_path / "data")

    def run(*argv):
        code = cli.main(["--data-dir", data, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--village", "桃花村", "--township", "青山镇")[0] == 0
    return run


def test_import_roster_dry_run_then_apply_then_again(run, tmp_path):
    roster = messy_roster(tmp_path / "花名册.xlsx")
    code, out, _ = run("import-roster", str(roster), "--dry-run")
    assert code == 0
    assert "检查结果（未写入）：新增 8，更新 0，无变化 0，未导入 4，跳过 2" in out
    assert "一组花名册 第 8 行 李四：未导入" in out

    rejects = tmp_path / "未导入.xlsx"
    code, out, _ = run("import-roster", str(roster), "--rejects", str(rejects))
    assert "导入完成：新增 8，更新 0，无变化 0，未导入 4" in out
    assert load_workbook(rejects)["一组花名册"].max_row == 5

    code, out, _ = run("import-roster", str(roster), "--sheet", "二组")
    assert "导入完成：新增 0，更新 0，无变化 3，未导入 0" in out


def test_export_ledger_writes_the_workbook(run, tmp_path):
    run("import-roster", str(messy_roster(tmp_path / "花名册.xlsx")))
    out = tmp_path / "台账.xlsx"
    code, stdout, _ = run("export-ledger", str(out), "--period", "2026Q4")
    assert code == 0 and "已导出 2026年第四季度" in stdout and "已打码" in stdout
    wb = load_workbook(out)
    assert wb.sheetnames == list(SHEETS)
    assert wb["联系户花名册"].max_row == 3 + 4  # 01-001, 01-003 and two in 二组


def test_user_mistakes_are_plain_messages(run, tmp_path):
    code, _, err = run("export-ledger", str(tmp_path / "x.xlsx"), "--period", "明年")
    assert code == cli.EXIT_USER_ERROR and "统计期间" in err
    code, _, err = run("export-ledger", str(tmp_path / "x.csv"))
    assert code == cli.EXIT_USER_ERROR and ".xlsx" in err
    code, _, err = run("import-roster", str(tmp_path / "nope.xlsx"))
    assert code == cli.EXIT_USER_ERROR and "找不到文件" in err


def test_rejects_into_a_missing_folder_is_refused_before_importing(run, tmp_path):
    roster = messy_roster(tmp_path / "花名册.xlsx")
    missing = tmp_path / "没有这个文件夹" / "未导入.xlsx"
    code, out, err = run("import-roster", str(roster), "--rejects", str(missing))
    assert code == cli.EXIT_USER_ERROR and "文件夹不存在" in err and "Traceback" not in err
    assert "导入完成" not in out
    code, out, _ = run("import-roster", str(roster), "--dry-run")
    assert "新增 8" in out  # nothing was imported

    # A folder in the target's place: refused before importing too.
    taken = tmp_path / "占用.xlsx"
    taken.mkdir()
    code, out, err = run("import-roster", str(roster), "--rejects", str(taken))
    assert code == cli.EXIT_USER_ERROR and "是一个文件夹" in err and "导入完成" not in out
    code, out, _ = run("import-roster", str(roster), "--dry-run")
    assert "新增 8" in out
