"""Roster import: an ID number or a phone number in the 组 column (the
columns shifted by one when the roster was typed) refuses its row with a
message naming the row and the column, instead of creating a group named
by the number. The dry run shows it; the other rows import as usual."""

from __future__ import annotations

from openpyxl import Workbook
from sqlalchemy import select

from tests.helpers import make_id
from village_desk import cli
from village_desk.core.excel.roster_import import apply_import, plan_import
from village_desk.core.storage.models import Household, Person, VillagerGroup

CHEN = make_id("19650203", "141")
CHEN_WIFE = make_id("19670405", "242")
SUN = make_id("19710809", "151")
HE = make_id("19800101", "161")
HE_ID_IN_GROUP = make_id("19820202", "272")


def roster(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别", "联系电话"])
    # 2: an ID number in 组 → refused; 3: its household's other row follows
    ws.append(["03-001", "陈一", "户主", CHEN, HE_ID_IN_GROUP, "13800000001"])
    ws.append([None, "陈妻", "配偶", CHEN_WIFE, None])
    # 4: a mobile number in 组 → refused
    ws.append(["03-002", "孙二", "户主", SUN, "139 0731 0002"])
    # 5: a good row → created in 三组
    ws.append(["03-003", "何三", "户主", HE, "三组"])
    wb.save(path)
    return path


def test_an_id_or_phone_in_the_group_column_refuses_the_row(db, village, tmp_path):
    path = roster(tmp_path / "花名册.xlsx")
    plan = plan_import(db, path)
    rows = {r.row: r for r in plan.rows}
    assert {n: r.action for n, r in rows.items()} == {
        2: "refused",
        3: "refused",
        4: "refused",
        5: "created",
    }
    masked_id = HE_ID_IN_GROUP[:4] + "*" * 10 + HE_ID_IN_GROUP[-4:]
    assert rows[2].reason == f"组：“{masked_id}”看起来是身份证号，请检查列是否错位"
    assert rows[3].reason == "本户户主（第 2 行）未能导入"
    assert rows[4].reason == "组：“139****0002”看起来是电话号码，请检查列是否错位"

    apply_import(db, path, actor_id=village["secretary"])
    with db.reading() as s:
        groups = set(s.scalars(select(VillagerGroup.name)))
        numbers = set(s.scalars(select(Household.number)))
        names = set(s.scalars(select(Person.name)))
    assert groups == {"一组", "二组", "三组"}  # the conftest's two and 三组; no number
    assert {"03-001", "03-002"}.isdisjoint(numbers) and "03-003" in numbers
    assert {"陈一", "陈妻", "孙二"}.isdisjoint(names) and "何三" in names


def test_the_dry_run_command_names_the_row_and_column(db, village, tmp_path, capsys):
    path = roster(tmp_path / "花名册.xlsx")
    assert cli.main(["--db-url", db.url, "import-roster", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "花名册 第 2 行 陈一：" in out and "组：“" in out and "看起来是身份证号" in out
    assert HE_ID_IN_GROUP not in out  # masked
    assert "花名册 第 4 行 孙二：" in out and "看起来是电话号码" in out


def test_a_group_number_is_still_a_group(db, village, tmp_path):
    """Small numbers and 第N村民小组 stay groups (not mistaken for phones)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别"])
    ws.append(["04-001", "钱四", "户主", make_id("19660606", "181"), 12])
    ws.append(["04-002", "李五", "户主", make_id("19660707", "191"), "第十一村民小组"])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    plan = plan_import(db, path)
    assert [r.action for r in plan.rows] == ["created", "created"]
