"""A township office's workbook counts each village's visits by that
village's own setting of which kinds of contact count (quota_visit_modes).

Two villages send their month to the township office. 桃花村 counts phone
calls toward visits; 杏花村 keeps the default (入户走访 and 慰问 only). Every
expected figure below is counted by hand from the story:

* 桃花村's 王建国 (书记) visits 张一 at home and phones 张二 twice: all three
  count there — 走访户 2 (张一, 张二), 户次 3. His 联系户 is 张二, phoned:
  covered (1 of 1).
  His one matter (for 张一) is done on time and the return visit is 满意.
* 杏花村's 刘桂兰 (书记) visits 陈五 at home, phones 陈六 and phones 陈五:
  the calls do not count there — 走访户 1 (陈五), 户次 1. Her 联系户 is 陈六,
  only phoned: not covered (0 of 1).

Every sheet that counts a cadre's visits (各村汇总, 干部走访统计, 干部考核)
counts them so; the contacts of each kind (入户, 电话…) are listed whatever
counts.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from tests.core.exchange.test_package import OFFICE, Copy, add_household
from tests.core.storage.postgres_server import PostgresServer
from village_desk.core import queries, services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.diary import DiaryInput
from village_desk.core.services.ledger import MatterInput

TAOHUA = {"village": "桃花村", "township": "青山镇", "county": "隆回县"}
XINGHUA = {"village": "杏花村", "township": "青山镇", "county": "隆回县"}


@pytest.fixture(scope="module")
def server():
    srv = PostgresServer()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def township_url(request):
    """The township office's database: a file, or a PostgreSQL server."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("server").new_database()


def last_month() -> tuple[dt.date, dt.date]:
    end = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def visit(copy: Copy, cadre, day: dt.date, mode: str, households: list) -> None:
    services.diary.write_entry(
        copy.db,
        cadre,
        DiaryInput(
            date=day, mode=mode, author_id=cadre, household_ids=households, narrative="走访"
        ),
    )


def matter_done_on_time(copy: Copy, cadre, hid, start: dt.date) -> None:
    """Received on ``start``, due 5 days later, done on day 3, 满意 on day 4."""
    mid = services.ledger.register_matter(
        copy.db,
        cadre,
        MatterInput(
            content="申请临时救助",
            responsible_id=cadre,
            household_id=hid,
            applicant_name="张一",
            received_date=start,
            deadline=day(start, 5),
            kind="hardship",
        ),
    )
    act = services.ledger.apply_action
    act(copy.db, cadre, mid, "start", when=day(start, 3))
    act(copy.db, cadre, mid, "complete", text="已发放救助金", when=day(start, 3))
    act(
        copy.db,
        cadre,
        mid,
        "feedback",
        when=day(start, 4),
        satisfaction="satisfied",
        mode="visit",
        respondent="户主本人",
    )


def table(ws, first: str) -> dict:
    """Rows of a sheet's table by the value of its column ``first``."""
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "序号" or r and r[0] == first)
    headers = rows[at]
    key = headers.index(first)
    out = {}
    for r in rows[at + 1 :]:
        if not r or r[0] is None:
            break
        out[r[key]] = dict(zip(headers, r, strict=False))
    return out


def day(start: dt.date, n: int) -> dt.date:
    return start + dt.timedelta(days=n)


def test_each_village_counts_visits_by_its_own_kinds_of_contact(tmp_path, township_url):
    start, end = last_month()
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", township_url, **OFFICE)
    try:
        services.setup.set_setting(a.db, None, "quota_visit_modes", ["home_visit", "phone"])
        wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
        h1, h2 = add_household(a, "01-001", "张一"), add_household(a, "01-002", "张二")
        services.households.pair_cadre(a.db, None, h2, wang, start_date=start)
        visit(a, wang, day(start, 1), "home_visit", [h1])
        visit(a, wang, day(start, 2), "phone", [h2])
        visit(a, wang, day(start, 3), "phone", [h2])
        matter_done_on_time(a, wang, h1, start)

        liu = services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
        g1, g2 = add_household(b, "01-001", "陈五"), add_household(b, "01-002", "陈六")
        services.households.pair_cadre(b.db, None, g2, liu, start_date=start)
        visit(b, liu, day(start, 1), "home_visit", [g1])
        visit(b, liu, day(start, 2), "phone", [g2])
        visit(b, liu, day(start, 3), "phone", [g1])

        t.take(a.export(tmp_path / "a.vdx").path)
        t.take(b.export(tmp_path / "b.vdx").path)
        figures = t.db.read(queries.township.township_figures, start, end)
        on_screen = t.db.read(queries.stats.visit_stats, start, end)  # 统计's per-cadre chart
        book = tmp_path / "township.xlsx"
        export_ledger(t.db, book, Period.month(start.year, start.month))
    finally:
        for copy in (a, b, t):
            copy.db.close()

    cadres = {
        f.visits.name: (f.village, f.visits.households, f.visits.visits) for f in figures.cadres
    }
    assert cadres == {"王建国": ("桃花村", 2, 3), "刘桂兰": ("杏花村", 1, 1)}
    assert [(v.name, v.households, v.visits) for v in on_screen] == [
        ("刘桂兰", 1, 1),
        ("王建国", 2, 3),
    ]

    wb = load_workbook(book, read_only=True)
    villages = table(wb["各村汇总"], "村（社区）")
    assert (villages["桃花村"]["户数"], villages["桃花村"]["走访户"]) == (2, 2)
    assert villages["桃花村"]["走访户次"] == 3
    assert (villages["杏花村"]["户数"], villages["杏花村"]["走访户"]) == (2, 1)
    assert villages["杏花村"]["走访户次"] == 1
    taohua = villages["桃花村"]
    assert (taohua["期内在账"], taohua["已办结"], taohua["按时办结率"]) == (1, 1, 1)
    assert taohua["最终满意率"] == 1
    assert villages["杏花村"]["期内在账"] == 0

    ledger = table(wb["民情台账"], "申请人")
    assert ledger["张一"]["村（社区）"] == "桃花村"
    assert "已发放救助金" in ledger["张一"]["办理情况"]
    assert (ledger["张一"]["满意度"], ledger["张一"]["是否逾期"]) == ("满意", "否")

    # 干部走访统计: each cadre by the kinds of contact of the cadre's village
    cadre_sheet = table(wb["干部走访统计"], "干部")
    wang_visits, liu_visits = cadre_sheet["王建国"], cadre_sheet["刘桂兰"]
    assert (wang_visits["走访户次"], wang_visits["走访户数"]) == (3, 2)
    assert (wang_visits["入户户次"], wang_visits["电话户次"]) == (1, 2)
    assert (liu_visits["走访户次"], liu_visits["走访户数"]) == (1, 1)
    assert (liu_visits["入户户次"], liu_visits["电话户次"]) == (1, 2)

    # 干部考核 (the year the month is in): the same visits, and the 联系户 covered
    year = table(wb["干部考核"], "姓名")
    wang_row, liu_row = year["王建国"], year["刘桂兰"]
    assert (wang_row["村（社区）"], wang_row["走访户"], wang_row["走访户次"]) == ("桃花村", 2, 3)
    assert (wang_row["联系户"], wang_row["走访到的联系户"], wang_row["联系户覆盖率"]) == (1, 1, 1)
    assert (wang_row["主办在账事项"], wang_row["按时办结"], wang_row["回访满意"]) == (1, 1, 1)
    assert (liu_row["村（社区）"], liu_row["走访户"], liu_row["走访户次"]) == ("杏花村", 1, 1)
    assert (liu_row["联系户"], liu_row["走访到的联系户"], liu_row["联系户覆盖率"]) == (1, 0, 0)
