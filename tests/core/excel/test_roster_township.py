"""A roster imported at a township office is one village's: the office
chooses the village, and only that village's people, households and 组 are
matched — every village has its 一组 and its 01-001 — and what is new is
written in it. An ID number registered in another village refuses its row,
naming where; without a village nothing is read or written."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.core.exchange.test_package import Copy
from tests.helpers import make_id
from village_desk import cli
from village_desk.core import services
from village_desk.core.domain.validation import ValidationError
from village_desk.core.excel.roster_import import apply_import, plan_import
from village_desk.core.storage import merge
from village_desk.core.storage.models import Household, Person, VillageProfile, VillagerGroup

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}
OFFICE = {"village": "", "township": "青山镇", "county": "隆回县", "township_office": True}

ZHANG = make_id("19580312", "131")  # 桃花村 01-001
WANG = make_id("19620515", "151")  # 杏花村 01-001
WANG_WIFE = make_id("19640606", "262")
LI = make_id("19700707", "171")  # new in 杏花村


def _village_with_household(tmp_path, name, where, head, id_number):
    copy = Copy(tmp_path, name, **where)
    group = services.setup.add_group(copy.db, None, "一组")
    services.households.create_household(
        copy.db,
        None,
        services.households.HouseholdInput(number="01-001", group_id=group),
        services.households.PersonInput(name=head, id_number=id_number),
    )
    return copy


@pytest.fixture
def office(tmp_path):
    a = _village_with_household(tmp_path, "a", TAOHUA, "张三丰", ZHANG)
    b = _village_with_household(tmp_path, "b", XINGHUA, "王五", WANG)
    t = Copy(tmp_path, "township", **OFFICE)
    for village in (a, b):
        t.take(village.export(tmp_path / "out").path)
    yield t
    for copy in (a, b, t):
        copy.db.close()


def _ids(t: Copy) -> dict[str, object]:
    with t.db.reading() as s:
        return dict(s.execute(select(VillageProfile.village, VillageProfile.id)).all())


def roster(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别"])
    ws.append(["01-001", "王五", "户主", WANG, "一组"])  # 2: 杏花村's own head
    ws.append([None, "王妻", "配偶", WANG_WIFE, None])  # 3: joins his household
    ws.append(["01-002", "李六", "户主", LI, "一组"])  # 4: a new household in 一组
    ws.append(["01-003", "张三丰", "户主", ZHANG, "一组"])  # 5: registered in 桃花村
    wb.save(path)
    return path


def test_a_township_roster_goes_to_the_chosen_village_only(office, tmp_path):
    path = roster(tmp_path / "杏花村花名册.xlsx")
    xinghua = _ids(office)["杏花村"]
    before = merge.digest(office.db)
    with pytest.raises(ValidationError, match="请先选择花名册所属的村"):
        plan_import(office.db, path)
    with pytest.raises(ValidationError, match="请先选择花名册所属的村"):
        apply_import(office.db, path)
    assert merge.digest(office.db) == before  # nothing written

    plan = plan_import(office.db, path, village_id=xinghua)
    rows = {r.row: r for r in plan.rows}
    assert {n: r.action for n, r in rows.items()} == {
        2: "unchanged",
        3: "created",
        4: "created",
        5: "refused",
    }
    assert rows[5].reason == (
        "公民身份号码：已登记在桃花村户号 01-001 的 张三丰 名下；迁户请在户详情中办理"
    )

    apply_import(office.db, path, village_id=xinghua)
    with office.db.reading() as s:
        placed = s.execute(
            select(Person.name, Person.village_id, Household.number, Household.village_id)
            .join(Household, Household.id == Person.household_id)
            .where(Person.name.in_(["王妻", "李六"]))
        ).all()
        group_of = dict(
            s.execute(
                select(Household.number, VillagerGroup.village_id)
                .join(VillagerGroup, VillagerGroup.id == Household.group_id)
                .where(Household.village_id == xinghua)
            ).all()
        )
        zhangs = s.scalars(select(Person.id).where(Person.id_number == ZHANG)).all()
    assert sorted((n, pv, num, hv) for n, pv, num, hv in placed) == [
        ("李六", xinghua, "01-002", xinghua),
        ("王妻", xinghua, "01-001", xinghua),  # 杏花村's 01-001, not 桃花村's
    ]
    assert group_of == {"01-001": xinghua, "01-002": xinghua}  # 杏花村's 一组
    assert len(zhangs) == 1  # 张三丰 not registered twice


def _placed(t: Copy, village) -> dict[str, tuple]:
    """Name → (户号, the household's village, its 组's village) of a village's people."""
    with t.db.reading() as s:
        rows = s.execute(
            select(Person.name, Household.number, Household.village_id, VillagerGroup.village_id)
            .join(Household, Household.id == Person.household_id)
            .join(VillagerGroup, VillagerGroup.id == Household.group_id)
            .where(Person.village_id == village)
        ).all()
    return {name: (number, hv, gv) for name, number, hv, gv in rows}


def test_each_village_s_roster_finds_its_own_01_001_and_its_own_group(office, tmp_path):
    """Whichever village's records the office received first: both villages
    have a 01-001 and a 一组, and each roster finds its own."""
    ids = _ids(office)
    for village, head, id_number, spouse, newcomer in (
        ("桃花村", "张三丰", ZHANG, "张妻", "赵八"),
        ("杏花村", "王五", WANG, "王妻", "李六"),
    ):
        wb = Workbook()
        ws = wb.active
        ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别"])
        ws.append(["01-001", head, "户主", id_number, "一组"])
        ws.append([None, spouse, "配偶", None, None])
        ws.append(["01-002", newcomer, "户主", None, "一组"])
        path = tmp_path / f"{village}.xlsx"
        wb.save(path)
        plan = apply_import(office.db, path, village_id=ids[village])
        assert [r.action for r in plan.rows] == ["unchanged", "created", "created"], village
        here = ids[village]
        assert _placed(office, here) == {
            head: ("01-001", here, here),
            spouse: ("01-001", here, here),
            newcomer: ("01-002", here, here),
        }


def test_the_command_line_names_the_village(office, tmp_path, capsys):
    path = roster(tmp_path / "杏花村花名册.xlsx")
    argv = ["--db-url", str(office.db.engine.url), "import-roster", str(path)]
    assert cli.main(argv) != 0 and "请先选择花名册所属的村" in capsys.readouterr().err
    assert cli.main([*argv, "--village", "杏花"]) != 0
    assert "没有叫“杏花”的村" in capsys.readouterr().err
    assert cli.main([*argv, "--village", "杏花村"]) == 0
    out = capsys.readouterr().out
    assert "新增 2" in out and "未导入 1" in out and "桃花村户号 01-001" in out


def test_a_village_laptop_needs_no_village(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别"])
    ws.append(["02-009", "赵七", "户主", make_id("19750101", "181"), "一组"])
    wb.save(tmp_path / "r.xlsx")
    plan = apply_import(db, tmp_path / "r.xlsx")
    assert [r.action for r in plan.rows] == ["created"]
