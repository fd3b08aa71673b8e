"""Roster (花名册) import from a deliberately messy workbook built here."""

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from tests.helpers import make_id
from village_desk.core import queries
from village_desk.core.domain.validation import ValidationError, id_check_digit
from village_desk.core.excel.roster_import import (
    apply_import,
    plan_import,
    write_rejects,
)
from village_desk.core.excel.roster_read import remember_mapping
from village_desk.core.jobs import Cancelled, Job
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.storage.models import Change, Household, Person, VillagerGroup

FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def id_ending_in_x(born: str) -> str:
    for seq in range(100, 1000):
        number = make_id(born, str(seq))
        if number.endswith("X"):
            return number
    raise AssertionError


def bad_check_digit(born: str, seq: str) -> str:
    good = make_id(born, seq)
    return good[:17] + ("1" if good[17] != "1" else "2")


ZHANG = make_id("19580312", "131")  # existing head (conftest village)
LIU = make_id("19600101", "222")  # existing spouse
XIAOMING = id_ending_in_x("19850607")
LI = make_id("19700415", "151")
WANG = make_id("19720820", "262")
ZHAO = make_id("19680101", "171")
LEGACY = "430521650302124"  # 15-digit, born 1965-03-02, female
ZHOU = make_id("19750505", "191")
WU = make_id("19770707", "282")
ZHENG_LEGACY = 430521620909131  # 15 digits stored as a number: exact, accepted


def messy_roster(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "一组花名册"
    ws.append(["桃花村一组农户花名册"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：桃花村村委会", None, None, None, "填报日期：2026年10月"])
    ws.append(["户号", "家庭成员信息", None, None, None, None, "手机号", "组别", "家庭住址"])
    ws.append([None, "姓名", "关系", "身份证号", "性别", "出生年月"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:F3")
    ws.merge_cells("G3:G4")
    rows = [
        # 5: existing head, new address → household updated
        ["01-001", "张三丰", "户主", ZHANG, "男", None, "138 1234 5678", "一组", "桃花村一组12号"],
        # 6: existing spouse, full-width digits, text date → unchanged
        [None, "刘桂兰", "妻", LIU.translate(FULLWIDTH), "女", "1960.01.01"],
        # 7: new member, spaced lower-case x → created
        [None, "张小明", "儿子", " ".join([XIAOMING[:6], XIAOMING[6:14], XIAOMING[14:].lower()])],
        # 8: new household whose head's ID was stored as a number → refused
        ["01-002", "李四", "户主", float(LI), "男", None, None, "一组"],
        # 9: its member → refused (no head)
        [None, "王芳", "配偶", WANG, "女"],
        # 10: new household, phone with +86 and dashes, real date cell → created
        ["01-003", "赵六", "户主", ZHAO, "男", dt.date(1968, 1, 1), "+86 139-0731-0001", "1组"],
        # 11: bad check digit → refused
        [None, "钱七", "子女", bad_check_digit("19900101", "333")],
        # 12: blank row
        [],
        # 13: 15-digit legacy number, 年月日 text date → created
        [None, "孙八", "母亲", LEGACY, "女", "1965年3月2日"],
        # 14: the same person twice → refused
        [None, "赵六", "户主", ZHAO],
        # 15: subtotal → skipped
        ["合计", "共3户"],
    ]
    for row in rows:
        ws.append(row)

    ws = wb.create_sheet("二组")
    ws.append(["桃花村二组花名册（按户主排列）"])
    ws.append(["序号", "成员姓名", "与户主关系", "证件号码", "联系电话", "村民小组"])
    ws.append([1, "周九", "户主", ZHOU, 13812340000, 2])  # 3: new household, group "2" → 二组
    ws.append([2, "吴十", "配偶", WU, None, 2])  # 4
    ws.append([3, "郑十一", "户主", ZHENG_LEGACY, None, "第二村民小组"])  # 5
    ws.append(["小计", None, None, None, None, None])  # 6
    wb.save(path)
    return path


def by_row(plan, sheet):
    return {r.row: r for r in plan.rows if r.sheet == sheet}


def journal_size(db):
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Change))


def test_dry_run_reports_every_row_and_writes_nothing(db, village, tmp_path):
    path = messy_roster(tmp_path / "花名册.xlsx")
    before = journal_size(db)
    plan = plan_import(db, path)
    assert journal_size(db) == before

    one = by_row(plan, "一组花名册")
    assert {n: r.action for n, r in one.items()} == {
        5: "updated",
        6: "unchanged",
        7: "created",
        8: "refused",
        9: "refused",
        10: "created",
        11: "refused",
        13: "created",
        14: "refused",
        15: "skipped",
    }
    assert "更新户信息" in one[5].reason
    assert "后几位已经丢失" in one[8].reason
    assert one[8].household == "01-002"  # refused rows still say which household
    assert one[9].reason == "本户户主（第 8 行）未能导入"
    assert "校验码不符" in one[11].reason
    assert one[14].reason == "公民身份号码：与第 10 行重复"
    two = by_row(plan, "二组")
    assert {n: r.action for n, r in two.items()} == {
        3: "created",
        4: "created",
        5: "created",
        6: "skipped",
    }
    counts = plan.counts()
    assert (counts["created"], counts["updated"], counts["unchanged"], counts["refused"]) == (
        6,
        1,
        1,
        4,
    )


def test_apply_creates_updates_and_is_idempotent(db, village, tmp_path):
    path = messy_roster(tmp_path / "花名册.xlsx")
    plan = apply_import(db, path, actor_id=village["secretary"])
    assert plan.counts()["created"] == 6
    with db.reading() as s:
        households = {h.number: h for h in s.scalars(select(Household))}
        people = {p.name: p for p in s.scalars(select(Person))}
        groups = {g.id: g.name for g in s.scalars(select(VillagerGroup))}
        assert households["01-001"].address == "桃花村一组12号"
        assert people["张小明"].id_number == XIAOMING  # normalised: no spaces, upper-case X
        assert people["张小明"].household_id == households["01-001"].id
        assert people["赵六"].phone == "13907310001"
        assert people["孙八"].id_legacy and people["孙八"].birth_date == dt.date(1965, 3, 2)
        assert "01-002" not in households and "李四" not in people and "钱七" not in people
        assert groups[households["01-003"].group_id] == "一组"
        zhou = households[
            next(n for n, h in households.items() if h.id == people["周九"].household_id)
        ]
        assert groups[zhou.group_id] == "二组" and zhou.number == "02-001"
        assert people["吴十"].household_id == zhou.id
        assert people["郑十一"].id_number == str(ZHENG_LEGACY)
        assert people["郑十一"].household_id != zhou.id
        # imported people are searchable at once
        assert [h.name for h in queries.search.search(s, "zl")] == ["赵六"]
        assert [h.name for h in queries.search.search(s, XIAOMING[-4:].lower())] == ["张小明"]
        # every new record is journaled
        logged = {c.record_id for c in s.scalars(select(Change).where(Change.entity == "person"))}
        assert people["周九"].id in logged and people["孙八"].id in logged
        persons_before = s.scalar(select(func.count()).select_from(Person))

    before = journal_size(db)
    again = apply_import(db, path, actor_id=village["secretary"])
    counts = again.counts()
    assert (counts["created"], counts["updated"], counts["refused"]) == (0, 0, 4)
    assert counts["unchanged"] == 8
    assert journal_size(db) == before
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == persons_before


def test_bad_file_changes_nothing_and_says_why(db, village, tmp_path):
    wb = Workbook()
    wb.active.append(["这不是花名册"])
    wb.active.append(["甲", "乙", "丙"])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = journal_size(db)
    with pytest.raises(ValidationError) as err:
        apply_import(db, bad)
    assert "表头" in str(err.value)
    assert journal_size(db) == before

    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"not a spreadsheet")
    with pytest.raises(ValidationError) as err:
        plan_import(db, garbage)
    assert err.value.field == "import.file"


def test_future_birth_date_is_refused_in_the_dry_run(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "出生日期"])
    ws.append(["09-001", "新户主", "户主", make_id("19800101", "555")])
    ws.append(["01-001", "刘桂兰", "配偶", None, dt.date.today() + dt.timedelta(days=400)])
    path = tmp_path / "future.xlsx"
    wb.save(path)
    rows = by_row(plan_import(db, path), ws.title)
    assert rows[2].action == "created"
    assert rows[3].action == "refused" and "晚于今天" in rows[3].reason


def test_update_contradicting_the_record_is_refused_in_the_dry_run(db, village, tmp_path):
    """A birth date against the ID number on record is refused row by row in the
    dry run, and the import skips that row instead of failing the whole file."""
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "出生日期"])
    ws.append(["09-001", "新户主", "户主", make_id("19800101", "555")])
    ws.append(["01-001", "刘桂兰", "配偶", None, dt.date(1961, 1, 1)])
    path = tmp_path / "conflict.xlsx"
    wb.save(path)
    plan = plan_import(db, path)
    (refused,) = plan.refused
    assert refused.row == 3 and "出生日期" in refused.reason
    apply_import(db, path)
    with db.reading() as s:
        assert s.scalars(select(Household).where(Household.number == "09-001")).first()
        spouse = s.scalars(select(Person).where(Person.name == "刘桂兰")).one()
    assert spouse.birth_date == dt.date(1960, 1, 1)


def test_rejects_workbook_keeps_the_original_row_and_reason(db, village, tmp_path):
    path = messy_roster(tmp_path / "花名册.xlsx")
    plan = plan_import(db, path)
    out = tmp_path / "未导入.xlsx"
    assert write_rejects(plan, out) == 4
    ws = load_workbook(out)["一组花名册"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("原行号", "未导入原因", "户号")
    assert [r[0] for r in rows[1:]] == [8, 9, 11, 14]
    assert rows[1][2] == "01-002" and "丢失" in rows[1][1]


def test_corrected_mapping_is_remembered(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "关系", "门牌"])
    ws.append(["05-001", "冯一", "户主", "桃花村5组3号"])
    path = tmp_path / "门牌.xlsx"
    wb.save(path)
    assert "address" not in plan_import(db, path).headers[ws.title].columns
    remember_mapping(db, village["secretary"], {"门牌": "address"})
    plan = plan_import(db, path)
    assert plan.headers[ws.title].columns["address"] == 3
    apply_import(db, path)
    with db.reading() as s:
        h = s.scalars(select(Household).where(Household.number == "05-001")).one()
        assert h.address == "桃花村5组3号"


def test_check_digit_helper_agrees():
    assert id_check_digit(ZHANG[:17]) == ZHANG[17]


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_ods_and_xls_copies_of_the_roster_plan_the_same(db, village, tmp_path, suffix):
    """tests/unit/data holds LibreOffice conversions of :func:`messy_roster`."""
    from pathlib import Path

    converted = Path(__file__).parent / "data" / f"messy_roster.{suffix}"
    expected = plan_import(db, messy_roster(tmp_path / "花名册.xlsx"))
    plan = plan_import(db, converted)

    def outline(p):
        return [(r.sheet, r.row, r.action, r.reason) for r in p.rows]

    assert outline(plan) == outline(expected)


def test_categories_and_party_membership_come_in(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "户类别", "政治面貌"])
    ws.append(["07-001", "黄一", "户主", make_id("19500101", "701"), "低保、五保户", "中共党员"])
    ws.append(["07-001", "黄二", "子女", make_id("19800101", "702"), "残疾", "群众"])
    ws.append(["07-002", "黄三", "户主", make_id("19520101", "703"), "搬迁户", ""])
    # an existing household gains a category; nothing is taken away
    ws.append(["01-001", "张三丰", "户主", make_id("19580312", "131"), "留守老人", "党员"])
    path = tmp_path / "类别.xlsx"
    wb.save(path)
    reason = by_row(plan_import(db, path), ws.title)[5].reason
    assert reason == "更新：是否党员；更新户信息"  # in words users read, not field keys
    apply_import(db, path)
    with db.reading() as s:
        first = s.scalars(select(Household).where(Household.number == "07-001")).one()
        second = s.scalars(select(Household).where(Household.number == "07-002")).one()
        existing = s.get(Household, village["hh"])
        people = {p.name: p for p in s.scalars(select(Person))}
    assert first.categories == ["dibao", "tekun", "disabled"]
    assert second.categories == [] and "搬迁户" in second.notes
    assert existing.categories == ["dibao", "liushou_elder"]
    assert people["黄一"].party_member and not people["黄二"].party_member
    assert not people["黄三"].party_member and people["张三丰"].party_member


def test_import_reports_progress_and_cancelling_writes_nothing(db, village, tmp_path):
    path = messy_roster(tmp_path / "花名册.xlsx")
    before = journal_size(db)
    stages = []

    def seen(stage, f):
        stages.append((stage, f))
        if len(stages) >= 3:
            cancelling.cancel()

    cancelling = Job(seen)
    with pytest.raises(Cancelled):
        apply_import(db, path, job=cancelling)
    assert journal_size(db) == before
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 1

    stages.clear()
    plan = apply_import(db, path, job=Job(lambda stage, f: stages.append((stage, f))))
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert plan.counts()["created"] == 6


def test_numbers_restarting_on_each_sheet_are_refused_clearly(db, village, tmp_path):
    """One sheet per 组, 户号 starting again at 001: a 户号 names one household
    in the whole file, so the second 001 is refused with how to fix it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "三组"
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    ws.append(["001", "赵一", "户主", make_id("19700101", "811")])
    ws.append(["002", "孙三", "户主", make_id("19720101", "813")])
    ws.append(["001", "钱二", "配偶", make_id("19710101", "822")])  # not next to its head
    other = wb.create_sheet("四组")
    other.append(["户号", "姓名", "与户主关系", "身份证号"])
    other.append(["001", "周五", "户主", make_id("19730101", "831")])
    other.append([None, "吴六", "子女", make_id("19950101", "842")])
    path = tmp_path / "分组.xlsx"
    wb.save(path)

    plan = apply_import(db, path)
    three, four = by_row(plan, "三组"), by_row(plan, "四组")
    assert {n: r.action for n, r in three.items()} == {2: "created", 3: "created", 4: "created"}
    reason = "户号 001 已在“三组”第 2 行使用；各组户号重复时请加组号（如 04-001）"
    assert [(r.action, r.reason) for r in four.values()] == [("refused", reason)] * 2
    with db.reading() as s:
        numbers = s.scalars(select(Household.number).where(Household.deleted.is_(False))).all()
        zhao = s.scalars(select(Person).where(Person.name == "赵一")).one()
        qian = s.scalars(select(Person).where(Person.name == "钱二")).one()
    assert sorted(numbers) == ["001", "002", "01-001"]
    assert qian.household_id == zhao.household_id

    again = apply_import(db, path).counts()
    assert (again["created"], again["updated"], again["unchanged"], again["refused"]) == (
        0,
        0,
        3,
        2,
    )


def test_a_number_on_record_for_another_family_is_refused(db, village, tmp_path):
    """户号 001 already belongs to 周五's household (say 四组 was imported
    alone first): 三组's 001 must not add 赵一's family to it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "三组"
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    ws.append(["001", "赵一", "户主", make_id("19700101", "811")])
    ws.append(["001", "钱二", "配偶", make_id("19710101", "822")])
    other = wb.create_sheet("四组")
    other.append(["户号", "姓名", "与户主关系", "身份证号"])
    other.append(["001", "周五", "户主", make_id("19730101", "831")])
    path = tmp_path / "分组.xlsx"
    wb.save(path)
    assert apply_import(db, path, sheet="四组").counts()["created"] == 1
    plan = apply_import(db, path, sheet="三组")
    assert [r.action for r in plan.rows] == ["refused", "refused"]
    assert plan.rows[1].reason.startswith("户号 001 已登记为 周五 户，与本户户主 赵一 不符")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 3


def test_one_number_in_two_groups_of_one_sheet_is_refused(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["组别", "户号", "姓名", "与户主关系", "身份证号"])
    ws.append(["一组", "001", "赵一", "户主", make_id("19700101", "811")])
    ws.append(["1组", "001", "钱二", "配偶", make_id("19710101", "822")])  # same 组
    ws.append(["二组", "001", "周五", "户主", make_id("19730101", "831")])
    path = tmp_path / "一表多组.xlsx"
    wb.save(path)
    rows = by_row(plan_import(db, path), ws.title)
    assert (rows[2].action, rows[3].action) == ("created", "created")
    assert rows[4].action == "refused"
    assert rows[4].reason == (
        f"户号 001 已在“{ws.title}”第 2 行使用；各组户号重复时请加组号（如 02-001）"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1965.03, (1965, (3,))),  # what Excel keeps for a typed 1965.03
        (1965.12, (1965, (12,))),
        (1965.1, (1965, (1, 10))),  # 1965.10 or 1965.01: Excel dropped the zero
        (1965, (1965, ())),
        ("1965.03", (1965, (3,))),
        ("1965年3月", (1965, (3,))),
        ("1965-03", (1965, (3,))),
        ("1965年", (1965, ())),
        (23803, dt.date(1965, 3, 2)),  # a whole number: an Excel serial
        (19650302, dt.date(1965, 3, 2)),
        ("1965.03.02", dt.date(1965, 3, 2)),
    ],
)
def test_birth_values_with_only_a_year_or_month_are_not_given_a_day(value, expected):
    from village_desk.core.excel import roster_values as rv

    got = rv.clean_birth(value)
    if isinstance(expected, dt.date):
        assert got == expected
    else:
        assert isinstance(got, rv.YearMonth) and (got.year, got.months) == expected
        with pytest.raises(ValidationError):
            rv.clean_date(value)


@pytest.mark.parametrize("value", [1965.13, 1965.0302, 25000.5, "1965.13"])
def test_impossible_birth_values_are_refused(value):
    from village_desk.core.excel import roster_values as rv

    with pytest.raises(ValidationError):
        rv.clean_birth(value)


def test_year_month_birth_values_use_the_id_number_or_go_to_the_notes(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "出生年月"])
    ws.append(["08-001", "赵一", "户主", make_id("19650301", "811"), 1965.03])
    ws.append(["08-001", "钱二", "配偶", None, 1966.11])  # no ID: no day to take
    ws.append(["08-001", "孙三", "子女", make_id("19901005", "812"), 1990.1])  # 1990.10
    ws.append(["08-001", "李四", "子女", make_id("19920105", "813"), 1992.02])  # wrong month
    ws.append(["08-002", "周五", "户主", make_id("19720101", "831"), "1972.01"])
    ws.append(["08-002", "吴六", "配偶", None, 1973])
    path = tmp_path / "出生年月.xlsx"
    wb.save(path)
    plan = apply_import(db, path)
    rows = by_row(plan, ws.title)
    assert {n: r.action for n, r in rows.items()} == {
        2: "created",
        3: "created",
        4: "created",
        5: "refused",
        6: "created",
        7: "created",
    }
    assert rows[5].reason == "出生日期：“1992年2月”与身份证号中的出生日期（1992-01-05）不一致"
    with db.reading() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
        born = {name: p.birth_date for name, p in people.items()}
    # no ID: no day is invented, the roster's value is kept in the notes
    assert born["钱二"] is None and "出生年月：1966年11月" in people["钱二"].notes
    assert born["吴六"] is None and "出生年月：1973年" in people["吴六"].notes
    assert born["赵一"] == dt.date(1965, 3, 1)
    assert born["孙三"] == dt.date(1990, 10, 5)
    assert born["周五"] == dt.date(1972, 1, 1)


def test_roster_without_numbers_or_ids_is_matched_by_head_name(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["组别", "姓名", "与户主关系", "联系电话"])
    ws.append(["二组", "赵一", "户主", "13812345000"])
    ws.append(["二组", "钱二", "配偶", None])
    ws.append(["二组", "孙三", "户主", None])
    ws.append(["一组", "张三丰", "户主", None])  # the existing 01-001, found by its head
    ws.append(["一组", "张小明", "子女", None])
    path = tmp_path / "无户号.xlsx"
    wb.save(path)
    first = apply_import(db, path).counts()
    assert (first["created"], first["unchanged"]) == (4, 1)

    def snapshot():
        with db.reading() as s:
            return (
                sorted(s.scalars(select(Household.number))),
                s.scalar(select(func.count()).select_from(Person)),
            )

    before = snapshot()
    assert before == (["01-001", "02-001", "02-002"], 6)
    again = apply_import(db, path).counts()
    assert (again["created"], again["unchanged"], again["refused"]) == (0, 5, 0)
    assert snapshot() == before

    # Two households of the same 组 whose heads share a name: which one is meant?
    create_household(
        db,
        village["secretary"],
        HouseholdInput(number="02-009", group_id=village["g2"]),
        PersonInput(name="赵一"),
        [],
    )
    rows = by_row(apply_import(db, path), ws.title)
    reason = "无法确认是否已导入（同组有同名户主），请补充户号或身份证号"
    assert [(rows[n].action, rows[n].reason) for n in (2, 3)] == [("refused", reason)] * 2
    assert [rows[n].action for n in (4, 5, 6)] == ["unchanged"] * 3
    assert snapshot()[1] == 7

    # The same name twice in the file, once on record: the second is not guessed.
    ws.append(["一组", "张三丰", "户主", None])
    wb.save(path)
    rows = by_row(apply_import(db, path), ws.title)
    assert rows[4].action == "unchanged" and rows[7].reason == reason
    assert snapshot()[1] == 7


def test_rejects_keep_text_that_looks_like_a_formula(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "备注"])
    ws.append(["09-001", "赵一", "户主", bad_check_digit("19700101", "811"), None])
    ws["E2"].value = "=修路="
    ws["E2"].data_type = "s"
    path = tmp_path / "等号.xlsx"
    wb.save(path)
    out = tmp_path / "未导入.xlsx"
    assert write_rejects(plan_import(db, path), out) == 1
    cell = load_workbook(out).active["G2"]
    assert (cell.value, cell.data_type) == ("=修路=", "s")


def test_control_and_invisible_characters_are_cleaned_on_import(db, village, tmp_path):
    """A roster whose cells carry control characters (openpyxl refuses them,
    so they are written as the OOXML escapes a spreadsheet program writes),
    bidi overrides, zero-width characters, tabs and line breaks: the records
    get clean text, and the ledger export works afterwards."""
    from village_desk.core.excel import parse_period
    from village_desk.core.excel.ledger_export import export_ledger

    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "家庭住址"])
    ws.append(["05-001", "周_x0001_大\u202e", "户主", ZHOU, "桃花村\t五组\n1号"])
    ws.append([None, "\u200b吴_x001B_[31m小\ufeff\n妹", "子女", WU, None])
    path = tmp_path / "控制字符.xlsx"
    wb.save(path)
    from python_calamine import CalamineWorkbook

    # the reader hands the control characters over decoded
    assert "\x01" in CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()[1][1]

    plan = apply_import(db, path, actor_id=village["secretary"])
    assert plan.counts()["created"] == 2
    with db.reading() as s:
        people = {p.id_number: p.name for p in s.scalars(select(Person))}
        household = s.scalars(select(Household).where(Household.number == "05-001")).one()
        assert people[ZHOU] == "周大"
        assert people[WU] == "吴[31m小 妹"
        assert household.address == "桃花村 五组 1号"
        changes = s.scalars(select(Change.changes).where(Change.entity == "person")).all()
        assert not any(c in text for text in changes for c in ("\\u0001", "\\u001b", "\u202e"))

    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period("2026"), today=dt.date(2026, 11, 24))
    cells = [
        str(v) for ws in load_workbook(out) for row in ws.iter_rows(values_only=True) for v in row
    ]
    assert any("周大" in v for v in cells)


def test_rejects_workbook_is_written_even_with_control_characters(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    ws.append(["09-002", "赵_x0001_二", "户主", bad_check_digit("19700101", "821")])
    path = tmp_path / "控制字符.xlsx"
    wb.save(path)
    out = tmp_path / "未导入.xlsx"
    assert write_rejects(plan_import(db, path), out) == 1
    assert load_workbook(out).active["D2"].value == "赵二"
