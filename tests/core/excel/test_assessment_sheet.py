"""干部考核 in the ledger workbook: a cadre's year counted by the domain's
definitions. The scenario is small enough to count by hand, and every
expected figure below is such a count (the comments say which records make
it), never a value read back from the code under test."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import SHEETS, export_ledger
from village_desk.core.services.assessment import AssessmentInput, SpotCheckInput
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household
from village_desk.core.services.ledger import MatterInput, apply_action

TODAY = dt.date.today()
YEAR = TODAY.year - 1  # a year that is over: its quota is due whole
HEADER = 3


def d(month, day):
    return dt.date(YEAR, month, day)


@pytest.fixture
def year_of_work(db, village):
    wang, li = village["secretary"], village["grid"]  # 书记 (200 户次/年), 网格员 (no quota)
    hh = village["hh"]
    h = [
        create_household(
            db,
            wang,
            HouseholdInput(number=f"02-{i:03d}", group_id=village["g2"]),
            PersonInput(name=f"村民{i}"),
            [],
        )
        for i in range(4)
    ]
    # 王建国's 联系户 on 31 Dec: hh, h0, h1 (h3's pairing ended in June)
    for target in (hh, h[0], h[1]):
        services.households.pair_cadre(db, wang, target, wang, start_date=d(1, 5))
    p3 = services.households.pair_cadre(db, wang, h[3], wang, start_date=d(1, 5))
    services.households.end_pairing(db, wang, p3, d(6, 30), "调整联户")

    def visit(author, day, target, mode="home_visit", companions=()):
        eid, _ = services.diary.write_entry(
            db,
            author,
            DiaryInput(
                date=day,
                mode=mode,
                author_id=author,
                household_ids=[target],
                companion_ids=list(companions),
                narrative="入户了解生产生活情况",
            ),
        )
        return eid

    mine = [
        visit(wang, d(2, 3), hh),
        visit(wang, d(5, 9), hh),
        visit(wang, d(7, 1), h[0]),
        visit(wang, d(8, 8), h[3]),
    ]
    visit(wang, d(9, 9), h[1], mode="phone")  # a phone call: not a visit toward the quota
    visit(li, d(10, 10), h[2], companions=[wang])  # 王建国 went along: counts for him
    visit(li, d(11, 11), h[1])  # 李秀英 alone
    # 王建国: 户次 = hh, hh, h0, h3, h2 = 5; 户 = {hh, h0, h3, h2} = 4;
    # 联系户 visited = {hh, h0} of {hh, h0, h1} = 2/3; due 200 户次 → 5/200.

    def matter(responsible, content, deadline):
        return services.ledger.register_matter(
            db,
            wang,
            MatterInput(
                content=content,
                responsible_id=responsible,
                received_date=d(3, 1),
                applicant_name="张三丰",
                household_id=hh,
                kind="hardship",
                deadline=deadline,
            ),
        )

    def feedback(mid, satisfaction, day):
        apply_action(
            db,
            wang,
            mid,
            "feedback",
            satisfaction=satisfaction,
            mode="visit",
            respondent="户主本人",
            when=day,
        )

    a = matter(wang, "修缮屋顶", d(4, 30))
    apply_action(db, wang, a, "complete", text="已修好", when=d(4, 20))  # on time
    feedback(a, "satisfied", d(4, 25))
    b = matter(wang, "疏通水渠", d(3, 31))
    apply_action(db, wang, b, "complete", text="已疏通", when=d(5, 15))  # late
    feedback(b, "unsatisfied", d(5, 20))
    matter(wang, "申请危房改造", d(12, 31))  # still open
    matter(li, "调解邻里纠纷", d(6, 30))  # 李秀英's
    # 王建国: 在账 3, 已办结 2 (2/3), 按时 1 (1/2), final visits 2, satisfied 1 (1/2)

    def commit(content, outcome):
        cid = services.commitments.add_commitment(
            db, wang, CommitmentInput(year=YEAR, cadre_id=wang, kind="one_line", content=content)
        )
        services.commitments.review_commitment(db, wang, cid, outcome, "年终评定", d(12, 30))

    commit("每月走访困难户一遍", "kept")
    commit("帮助三组修通水渠", "partly")
    # 践诺率 = 1/2

    check = services.assessment.draw_spot_check(
        db,
        None,
        SpotCheckInput(
            inspector="镇纪委 刘明",
            period_start=d(1, 1),
            period_end=d(12, 31),
            sample_size=10,
            cadre_id=wang,
            seed=11,
            date=d(12, 31),
        ),
    )
    from village_desk.core import queries

    items = {e.entry_id: e.item_id for e in db.read(queries.assessment.checked_entries, check)}
    # all five entries he wrote were drawn (sample larger than his diary)
    services.assessment.record_finding(db, None, items[mine[0]], "true")
    services.assessment.record_finding(db, None, items[mine[1]], "true")
    services.assessment.record_finding(db, None, items[mine[2]], "vague", "只写了走访，未写内容")
    # checked 3: 真实 2, 不够具体 1 → 2/3; two left unchecked

    services.assessment.save_assessment(
        db,
        wang,
        AssessmentInput(
            cadre_id=wang,
            year=YEAR,
            self_score=90,
            self_text="全年走访群众，办理事项",
            leader_score=85,
            leader_name="周平",
            leader_comment="工作扎实",
            poll_satisfied=30,
            poll_basic=6,
            poll_unsatisfied=4,
            poll_date=d(12, 28),
        ),
    )
    services.assessment.save_assessment(
        db,
        wang,
        AssessmentInput(
            cadre_id=li,
            year=YEAR,
            poll_satisfied=20,
            poll_basic=0,
            poll_unsatisfied=5,
            poll_date=d(12, 28),
        ),
    )
    # 测评满意率: 王建国 36/40 = 0.9 (名次 1), 李秀英 20/25 = 0.8 (名次 2)
    return wang, li


def rows_of(path) -> dict[str, dict]:
    wb = load_workbook(path)
    assert list(SHEETS) == wb.sheetnames and "干部考核" in wb.sheetnames
    ws = wb["干部考核"]
    headers = [c.value for c in ws[HEADER]]
    out = {}
    for row in ws.iter_rows(min_row=HEADER + 1, values_only=True):
        if row[0] is None:
            break
        out[row[headers.index("姓名")]] = dict(zip(headers, row, strict=False))
    notes = [r[0] for r in ws.iter_rows(min_row=HEADER + 1, values_only=True) if r[0]]
    return out, notes, ws.cell(1, 1).value


def test_a_cadres_year_on_the_sheet(db, village, year_of_work, tmp_path):
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period(str(YEAR)), today=TODAY)
    rows, notes, title = rows_of(out)
    assert f"{YEAR}年度" in title
    wang = rows["王建国"]
    expected = {
        "走访户": 4,
        "走访户次": 5,
        "应完成": 200,
        "走访完成率": 5 / 200,
        "联系户": 3,
        "走访到的联系户": 2,
        "联系户覆盖率": 2 / 3,
        "主办在账事项": 3,
        "已办结": 2,
        "办结率": 2 / 3,
        "按时办结": 1,
        "按时办结率": 1 / 2,
        "回访事项": 2,
        "回访满意": 1,
        "满意率": 1 / 2,
        "承诺件数": 2,
        "已践诺": 1,
        "践诺率": 1 / 2,
        "抽查日记": 3,
        "真实": 2,
        "不够具体": 1,
        "未回访": 0,
        "不实": 0,
        "日记真实率": 2 / 3,
        "自评得分": 90,
        "点评得分": 85,
        "测评满意票": 30,
        "测评基本满意票": 6,
        "测评不满意票": 4,
        "测评满意率": 36 / 40,
        "名次": 1,
    }
    assert {k: wang[k] for k in expected} == pytest.approx(expected)
    li = rows["李秀英"]
    # 李秀英: 户次 h2, h1 = 2, no quota for 网格员, one matter open, no checks
    assert (li["走访户"], li["走访户次"], li["应完成"], li["走访完成率"]) == (2, 2, None, None)
    assert (li["主办在账事项"], li["已办结"], li["办结率"]) == (1, 0, 0)
    assert (li["抽查日记"], li["日记真实率"], li["测评满意率"], li["名次"]) == (
        0,
        None,
        pytest.approx(0.8),
        2,
    )
    # every figure's definition is stated under the table
    for name in ("走访完成率", "联系户覆盖率", "事项", "践诺率", "日记抽查", "测评满意率"):
        assert any(str(n).startswith(f"{name}：") for n in notes), name


def test_the_sheet_follows_the_period_year_and_a_cadre_not_yet_polled_has_no_place(
    db, village, year_of_work, tmp_path
):
    """A month of last year's workbook shows last year's assessment; this
    year's shows this year's, where nothing is entered yet: no place."""
    out = tmp_path / "今年.xlsx"
    export_ledger(db, out, parse_period(str(TODAY.year)), today=TODAY)
    rows, _notes, title = rows_of(out)
    assert f"{TODAY.year}年度" in title
    assert rows["王建国"]["走访户次"] == 0 and rows["王建国"]["名次"] is None
    assert rows["王建国"]["测评满意率"] is None


def test_the_township_checks_a_villages_diary_ranks_cadres_and_villages(tmp_path):
    """Two villages send their diaries to the township office. The office
    spot-checks 桃花村's diary and enters the villagers' evaluation; its
    workbook names each cadre's village and ranks the villages; the
    spot-check goes back to 桃花村 with its next package, never to 杏花村."""
    from tests.core.exchange.test_package import OFFICE, Copy, add_household
    from tests.core.queries.test_township import TAOHUA, XINGHUA
    from village_desk.core import queries

    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    cadres = {}
    for copy, name, visits in ((a, "王建国", 3), (b, "刘桂兰", 2)):
        cadre = services.setup.add_cadre(copy.db, None, name, "secretary", "13907310001")
        hid = add_household(copy, "01-001", f"{name[0]}大山")
        for n in range(visits):
            services.diary.write_entry(
                copy.db,
                cadre,
                DiaryInput(
                    date=d(3, 1 + n),
                    mode="home_visit",
                    author_id=cadre,
                    household_ids=[hid],
                    narrative="入户",
                ),
            )
        cadres[name] = cadre
        t.take(copy.export(tmp_path / f"{name}.vdx").path)

    villages = {v.village: v.id for v in t.db.read(queries.reference.village_profiles)}
    check = services.assessment.draw_spot_check(
        t.db,
        None,
        SpotCheckInput(
            inspector="镇党委 周平",
            period_start=d(1, 1),
            period_end=d(12, 31),
            sample_size=2,
            village_id=villages["桃花村"],
            seed=5,
            date=d(12, 30),
        ),
    )
    drawn = t.db.read(queries.assessment.checked_entries, check)
    assert len(drawn) == 2 and {e.author for e in drawn} == {"王建国"}
    for e in drawn:
        services.assessment.record_finding(t.db, None, e.item_id, "true")
    for name, votes in (("王建国", (8, 1, 1)), ("刘桂兰", (5, 0, 5))):
        services.assessment.save_assessment(
            t.db,
            None,
            AssessmentInput(
                cadre_id=cadres[name],
                year=YEAR,
                poll_satisfied=votes[0],
                poll_basic=votes[1],
                poll_unsatisfied=votes[2],
                poll_date=d(12, 30),
            ),
        )
    out = tmp_path / "乡镇.xlsx"
    export_ledger(t.db, out, parse_period(str(YEAR)), today=TODAY)
    ws = load_workbook(out)["干部考核"]
    headers = [c.value for c in ws[HEADER]]
    assert headers[:3] == ["序号", "村（社区）", "姓名"]
    table = {
        r[2]: dict(zip(headers, r, strict=False))
        for r in ws.iter_rows(min_row=HEADER + 1, values_only=True)
        if isinstance(r[0], int)
    }
    assert table["王建国"]["村（社区）"] == "桃花村" and table["刘桂兰"]["村（社区）"] == "杏花村"
    assert (table["王建国"]["走访户次"], table["刘桂兰"]["走访户次"]) == (3, 2)
    assert (table["王建国"]["抽查日记"], table["王建国"]["日记真实率"]) == (2, 1.0)
    assert (table["王建国"]["名次"], table["刘桂兰"]["名次"]) == (1, 2)  # 9/10 over 5/10
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "名次")
    ranking = [(r[0], r[1], r[10]) for r in rows[start + 1 : start + 3]]
    assert ranking == [(1, "桃花村", pytest.approx(0.9)), (2, "杏花村", pytest.approx(0.5))]

    # back to the villages: 桃花村 receives its spot-check, 杏花村 does not
    a.take(t.export(tmp_path / "to-a.vdx", full=True, village="桃花村").path)
    b.take(t.export(tmp_path / "to-b.vdx", full=True, village="杏花村").path)
    assert [c.id for c in a.db.read(queries.assessment.spot_checks)] == [check]
    assert b.db.read(queries.assessment.spot_checks) == []
    on_a = a.db.read(queries.assessment.assessment_year, YEAR, TODAY).cadres
    assert [(r.name, r.checked, r.entered.votes) for r in on_a] == [("王建国", 2, 10)]
    for copy in (a, b, t):
        copy.db.close()
