"""Every figure of 统计汇总 and 干部走访统计, and the printed month ledger,
recomputed from the database's rows with plain SQL and Python, for a month, a
quarter and a year of a demo village — matters carried over from earlier
periods included (DOMAIN.md §4, §6; README, Excel).

The expected values never come from the code under test: the period's ledger
is rebuilt here from the progress notes (each life-cycle step writes one).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import sqlite3
from collections import Counter, defaultdict
from fractions import Fraction

import pytest
from openpyxl import load_workbook

from tests.core.printing.pdfcheck import all_text
from village_desk import demo
from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.printing import print_ledger_sheet
from village_desk.core.storage.db import Database

TODAY = dt.date(2026, 11, 24)
HEADER = 3
# What each life-cycle step leads to (DOMAIN.md §4).
STEP_TARGET = {
    "start": "in_progress",
    "forward": "forwarded",
    "result": "result_returned",
    "complete": "done",
    "feedback": "feedback",
    "close": "closed",
    "return": "returned",
    "unresolvable": "unresolvable",
    "reopen": "in_progress",
}
OPEN = {"registered", "in_progress", "forwarded", "result_returned"}
DONE = {"done", "feedback", "closed"}
STATUS_CN = {
    "registered": "登记受理",
    "in_progress": "办理中",
    "forwarded": "已上报",
    "result_returned": "结果返回",
    "done": "已办结",
    "feedback": "已回访",
    "closed": "已销号",
    "returned": "已退回",
    "unresolvable": "暂不能解决",
}


@pytest.fixture(scope="module")
def village_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("figures") / "demo.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    demo.generate(db, households=120, seed=11, today=TODAY)
    yield db, path
    db.close()


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Expected:
    """The period's figures, from the rows."""

    def __init__(self, path, start: dt.date, end: dt.date):
        con = sqlite3.connect(path)
        self.as_of = as_of = min(end, TODAY)
        steps = defaultdict(list)
        for mid, date, action in con.execute(
            "SELECT matter_id, date, action FROM matter_note WHERE deleted = 0 ORDER BY date, hlc"
        ):
            if action in STEP_TARGET:
                steps[mid].append((day(date), action))

        def state_on(mid, when):
            status, done, closed = "registered", None, None
            for date, action in steps[mid]:
                if date <= when:
                    status = STEP_TARGET[action]
                    done = date if action == "complete" else done
                    closed = date if action == "close" else closed
            return status, done if status in DONE else None, closed if status == "closed" else None

        self.rows = []
        for row in con.execute(
            "SELECT id, number, received_date, deadline, kind, service_type, level,"
            " responsible_id, satisfaction, feedback_date, status, co_handler_ids,"
            " return_reasons, explanation FROM matter WHERE deleted = 0"
        ):
            mid, number, received, deadline = row[0], row[1], day(row[2]), day(row[3])
            if received > end:
                continue
            carried = received < start
            before = state_on(mid, start - dt.timedelta(days=1))[0]
            if carried and before not in OPEN | {"done", "feedback"}:
                continue
            status, done, closed = state_on(mid, as_of)
            if as_of == TODAY:
                assert status == row[10], number  # the notes tell the whole story
            self.rows.append(
                dict(
                    id=mid,
                    number=number,
                    carried=carried,
                    status=status,
                    done=done,
                    closed=closed,
                    deadline=deadline,
                    kind=row[4],
                    service=row[5],
                    level=row[6],
                    responsible=row[7],
                    co_handlers=[c.replace("-", "") for c in row[11].split("|") if c],
                    reasons=row[12],
                    explanation=row[13],
                )
            )
        # every return visit up to the end, oldest first
        self.visits = defaultdict(list)
        for mid, date, satisfaction in con.execute(
            "SELECT matter_id, date, satisfaction FROM return_visit WHERE deleted = 0"
            " ORDER BY date, hlc"
        ):
            if day(date) <= as_of:
                self.visits[mid].append((day(date), satisfaction))
        self.households = {h for (h,) in con.execute("SELECT id FROM household WHERE deleted = 0")}
        counted = con.execute(
            "SELECT value FROM setting WHERE key = 'quota_visit_modes' AND deleted = 0"
        ).fetchone()
        # not set: 入户走访 and 慰问 count (README, Excel)
        self.counted = set(json.loads(counted[0])) if counted else {"home_visit", "condolence"}
        # every household contact in the period: (cadres credited, household, mode)
        self.all_contacts = [
            ({author} | {c.replace("-", "") for c in companions.split("|") if c}, hid, mode)
            for author, companions, hid, mode, date in con.execute(
                "SELECT e.author_id, e.companion_ids, l.household_id, e.mode, e.date"
                " FROM diary_household l JOIN diary_entry e ON e.id = l.entry_id"
                " WHERE l.deleted = 0 AND e.deleted = 0"
            )
            if start <= day(date) <= end
        ]
        self.contacts = [(who, h) for who, h, mode in self.all_contacts if mode in self.counted]
        self.entries = Counter(
            author
            for author, date in con.execute(
                "SELECT author_id, date FROM diary_entry WHERE deleted = 0"
            )
            if start <= day(date) <= end
        )
        self.cadre_names = dict(con.execute("SELECT id, name FROM cadre"))
        self.cadres = con.execute(
            "SELECT id, name, role FROM cadre WHERE deleted = 0 AND active = 1"
        ).fetchall()
        (quotas,) = con.execute("SELECT value FROM setting WHERE key = 'visit_quotas'").fetchone()
        self.quotas = json.loads(quotas)
        self.labels = {
            (kind, code): label
            for kind, code, label in con.execute("SELECT kind, code, label FROM vocab_term")
        }
        con.close()
        self.start, self.end = start, end

    def where(self, **match):
        return [r for r in self.rows if all(r[k] == v for k, v in match.items())]

    @property
    def done(self):
        return [r for r in self.rows if r["status"] in DONE]

    @property
    def on_time(self):
        return [r for r in self.done if r["done"] <= r["deadline"]]

    @property
    def overdue(self):
        return [r for r in self.rows if r["status"] in OPEN and r["deadline"] < self.as_of]


PERIODS = ["2026-11", "2026Q3", "2026"]
# 干部走访统计's columns per kind of contact (as DOMAIN.md §3 names the modes)
KIND_MODES = {
    "入户户次": {"home_visit", "condolence"},
    "坐访户次": {"office_duty"},
    "电话户次": {"phone"},
    "会议户次": {"forum", "courtyard", "heart_talk", "activity"},
}


@pytest.fixture(scope="module", params=PERIODS)
def period_case(request, village_file, tmp_path_factory):
    db, path = village_file
    period = parse_period(request.param)
    out = tmp_path_factory.mktemp("wb") / "台账.xlsx"
    export_ledger(db, out, period, today=TODAY)
    return period, Expected(path, period.start, period.end), load_workbook(out)


def sheet_rows(ws):
    return list(ws.iter_rows(min_row=HEADER + 1, values_only=True))


def test_the_ledger_holds_carried_over_and_new_matters(period_case):
    period, exp, wb = period_case
    ws = wb["民情台账"]
    headers = [c.value for c in ws[HEADER]]
    rows = sheet_rows(ws)
    got = {r[headers.index("编号")]: r for r in rows}
    assert set(got) == {r["number"] for r in exp.rows}
    assert len(rows) == len(exp.rows)
    assert any(r["carried"] for r in exp.rows) and any(not r["carried"] for r in exp.rows)
    for r in exp.rows:
        row = got[r["number"]]
        assert row[headers.index("状态")] == STATUS_CN[r["status"]], r["number"]
        done = row[headers.index("办结日期")]
        assert (done.date() if done else None) == r["done"], r["number"]
        overdue = r["status"] in OPEN and r["deadline"] < exp.as_of
        assert row[headers.index("是否逾期")] == ("是" if overdue else "否")
        closed = row[headers.index("销号日期")]
        assert (closed.date() if closed else None) == r["closed"], r["number"]
        service = exp.labels.get(("service_type", r["service"]))
        assert row[headers.index("代办类型")] == service, r["number"]
        names = "、".join(exp.cadre_names[c] for c in r["co_handlers"]) or None
        assert row[headers.index("协办人")] == names, r["number"]
        reasons = r["reasons"] if r["status"] == "returned" else None
        assert row[headers.index("退回理由")] == reasons, r["number"]
        explained = r["explanation"] if r["status"] == "unresolvable" else None
        assert row[headers.index("解释说明")] == explained, r["number"]
    if period.days > 300:  # a year has returned matters and co-handled ones
        assert any(r["status"] == "returned" for r in exp.rows)
        assert any(r["co_handlers"] for r in exp.rows)


def test_summary_figures(period_case):
    period, exp, wb = period_case
    ws = wb["统计汇总"]
    rows = sheet_rows(ws)
    headers = [c.value for c in ws[HEADER]]

    def first(label, after=None):
        begin = 0 if after is None else next(i for i, r in enumerate(rows) if r[0] == after)
        return next(r for r in rows[begin:] if r[0] == label)

    def value(label, col=1):
        return first(label)[col]

    # category × status, at the period's end
    for kind in {r["kind"] for r in exp.rows}:
        label = exp.labels.get(("matter_kind", kind), "未分类")
        row = first(label)
        for code, cn in STATUS_CN.items():
            assert row[headers.index(cn)] == len(exp.where(kind=kind, status=code)), (label, cn)
        assert row[-1] == len(exp.where(kind=kind))
    total = first("合计")
    for code, cn in STATUS_CN.items():
        assert total[headers.index(cn)] == len(exp.where(status=code))
    assert total[-1] == len(exp.rows)
    # 代办类型 × status
    for service in {r["service"] for r in exp.rows}:
        label = exp.labels.get(("service_type", service), "未填写")
        row = first(label, after="代办类型")
        assert row[-1] == len(exp.where(service=service)), label
        assert row[headers.index("已销号")] == len(exp.where(service=service, status="closed"))
    assert first("合计", after="代办类型")[-1] == len(exp.rows)

    done = exp.done
    assert value("上期结转") == len(exp.where(carried=True))
    assert value("本期受理") == len(exp.where(carried=False))
    assert value("期内在账事项") == len(exp.rows)
    assert value("已办结（含已回访、已销号）") == len(done)
    assert value("已办结（含已回访、已销号）", 2) == pytest.approx(len(done) / len(exp.rows))
    assert value("其中本期办结") == sum(period.start <= r["done"] for r in done)
    assert value("按时办结") == len(exp.on_time)
    assert value("按时办结", 2) == pytest.approx(len(exp.on_time) / len(done))
    closed = [r for r in exp.rows if r["closed"] and period.start <= r["closed"] <= exp.as_of]
    assert value("本期销号") == len(closed) == len(exp.where(status="closed"))
    assert value("期末未办结") == sum(r["status"] in OPEN for r in exp.rows)
    assert value("逾期未办结") == len(exp.overdue) > 0
    happy = ("satisfied", "basic")
    seen = [exp.visits[r["id"]] for r in exp.rows if exp.visits[r["id"]]]
    every = [s for visits in seen for d, s in visits if d >= period.start]
    assert value("回访次数") == len(every) > 0
    assert value("回访满意（次）") == sum(s in happy for s in every)
    assert value("回访满意（次）", 2) == pytest.approx(sum(s in happy for s in every) / len(every))
    at_first = [visits[0][1] for visits in seen if visits[0][0] >= period.start]
    assert value("首次回访满意") == sum(s in happy for s in at_first)
    assert value("首次回访满意", 2) == pytest.approx(
        sum(s in happy for s in at_first) / len(at_first)
    )
    final = [visits[-1][1] for visits in seen if visits[-1][0] >= period.start]
    assert value("最终满意") == sum(s in happy for s in final)
    assert value("最终满意", 2) == pytest.approx(sum(s in happy for s in final) / len(final))
    if period.days > 300:  # a year: some were unsatisfied first, and handled again
        assert sum(s == "unsatisfied" for s in every) > 0
        assert value("回访满意（次）", 2) < value("最终满意", 2)
    assert exp.counted == {"home_visit", "condolence"}  # the default
    visited = {h for _, h in exp.contacts if h in exp.households}
    assert value("在册户数") == len(exp.households)
    assert value("期内走访户数") == len(visited)
    assert value("期内走访户数", 2) == pytest.approx(len(visited) / len(exp.households))
    assert value("期内走访户次") == sum(h in exp.households for _, h in exp.contacts)
    for header, modes in KIND_MODES.items():
        label = header.replace("户次", "联系户次")
        assert value(label) == sum(mode in modes for _, _, mode in exp.all_contacts), label
    for level in ("village", "township", "county"):
        row = first(exp.labels[("level", level)])
        assert row[1] == len(exp.where(level=level))
        assert row[2] == sum(r["status"] in DONE for r in exp.where(level=level))


def year_share(start: dt.date, end: dt.date) -> Fraction:
    share = Fraction(0)
    for year in range(start.year, end.year + 1):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        days = (min(end, last) - max(start, first)).days + 1
        share += Fraction(days, 366 if year % 4 == 0 else 365)
    return share


def test_cadre_figures(period_case):
    period, exp, wb = period_case
    ws = wb["干部走访统计"]
    headers = [c.value for c in ws[HEADER]]
    rows = {r[headers.index("干部")]: r for r in sheet_rows(ws)}
    assert set(rows) == {name for _, name, _ in exp.cadres}
    for cid, name, role in exp.cadres:
        row = rows[name]

        def col(header, row=row):
            return row[headers.index(header)]

        mine = [h for who, h in exp.contacts if cid in who]
        assert col("走访户次") == len(mine), name
        assert col("走访户数") == len(set(mine)), name
        for header, modes in KIND_MODES.items():
            got = sum(cid in who and mode in modes for who, _, mode in exp.all_contacts)
            assert col(header) == got, (name, header)
        assert col("日记篇数") == exp.entries[cid], name
        owned = exp.where(responsible=cid)
        assert col("主办事项") == len(owned), name
        assert col("已办结") == sum(r["status"] in DONE for r in owned), name
        assert col("按时办结") == sum(r in exp.on_time for r in owned), name
        spec = exp.quotas.get(role)
        if not spec:
            assert col("完成率") is None
            continue
        unit, quota = next((k, v) for k, v in spec.items() if k in ("households", "visits"))
        if spec["period"] != "year":  # a campaign without its dates: no figure
            assert col("任务要求") == f"≥{quota}户/轮（未设轮次起止日期）"
            assert col("期内应完成") is None and col("完成率") is None
            continue
        expected = math.ceil(quota * year_share(period.start, period.end))
        assert col("期内应完成") == expected, name
        done = len(set(mine)) if unit == "households" else len(mine)
        assert col("完成率") == pytest.approx(done / expected), name


@pytest.mark.parametrize("month", ["2026-11", "2026-09"])
def test_the_printed_month_ledger_lists_the_workbooks_matters(village_file, tmp_path, month):
    db, path = village_file
    period = parse_period(month)
    exp = Expected(path, period.start, period.end)
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, period, today=TODAY)
    ws = load_workbook(out)["民情台账"]
    in_workbook = [r[1] for r in sheet_rows(ws)]
    buf = io.BytesIO()
    print_ledger_sheet(db, buf, period.start.year, period.start.month, today=TODAY)
    text = re.sub(r"\s+", "", all_text(buf.getvalue()))
    printed = re.findall(r"\d{4}-[0-9A-Z]{3}-\d{4}", text)
    assert printed == in_workbook  # the same matters, in the same order
    assert sorted(printed) == sorted(r["number"] for r in exp.rows)
    carried = len(exp.where(carried=True))
    assert f"共{len(exp.rows)}件，其中上月结转{carried}件" in text
    assert text.count("（已超期）") == len(exp.overdue)


def test_a_period_and_its_year_read_together(village_file):
    """The workbook of 366 days ending today reads its ledger and the year's
    (干部考核) together: each holds the matters and states it holds alone."""
    from village_desk.core.queries.ledger_period import period_ledgers

    db, path = village_file
    spans = [(TODAY - dt.timedelta(days=366), TODAY), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))]
    notes: dict = {}
    with db.reading() as s:
        found = period_ledgers(s, spans, TODAY, notes=notes)
    assert len(found[0]) > len(found[1]) > 0  # the period began the year before
    for (start, end), ledger in zip(spans, found, strict=True):
        exp = Expected(path, start, end)
        got = {state.matter_id.hex: state for state in ledger}
        assert set(got) == {r["id"] for r in exp.rows}
        for r in exp.rows:
            state = got[r["id"]]
            assert state.carried_over == r["carried"], r["number"]
            assert (state.status, state.done_date, state.closed_date) == (
                r["status"],
                r["done"],
                r["closed"],
            ), r["number"]
    con = sqlite3.connect(path)
    kept = Counter(
        mid for (mid,) in con.execute("SELECT matter_id FROM matter_note WHERE deleted = 0")
    )
    con.close()
    # every note of their matters, steps and plain notes alike
    for state in [*found[0], *found[1]]:
        assert len(notes.get(state.matter_id, ())) == kept[state.matter_id.hex]
    assert sum(kept[state.matter_id.hex] for state in found[0]) > len(found[0])
