"""会议记录 in the ledger workbook: the period's meetings, each with its raised
points solved on the spot or turned into ledger matters, and each kind's
count — checked against counts made here straight from the database file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter

from openpyxl import load_workbook
from sqlalchemy import select

from village_desk.core import services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.meetings import MeetingInput, RaisedPoint
from village_desk.core.storage.models import Person

TODAY = dt.date(2026, 12, 6)
HEADER = 3


def test_meetings_sheet(db, village, tmp_path):
    zhang = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "张三丰")))

    def meet(kind, day, points=(), **kw):
        return services.meetings.record_meeting(
            db,
            None,
            MeetingInput(
                kind=kind,
                date=day,
                host_id=village["secretary"],
                place="村部会议室",
                topics="通报本月待办事项",
                points=list(points),
                **kw,
            ),
        )

    meet("council_day", dt.date(2026, 10, 30))
    meet(
        "council_day",
        dt.date(2026, 11, 28),
        [
            RaisedPoint("张三丰反映电话13812345678打不通", "solved", solution="已更换号码"),
            RaisedPoint("申请危房改造", "matter", raised_by_id=zhang, kind="hardship"),
        ],
        attendee_ids=[zhang],
        head_count=31,
    )
    meet("courtyard", dt.date(2026, 11, 5), [RaisedPoint("修水渠", "matter", kind="hardship")])
    meet("council_day", dt.date(2026, 9, 30))  # before the period
    gone, _ = meet("representatives", dt.date(2026, 11, 2))
    services.meetings.delete_meeting(db, None, gone)

    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, Period.custom(dt.date(2026, 10, 1), dt.date(2026, 11, 30)), today=TODAY)
    ws = load_workbook(out)["会议记录"]
    headers = [c.value for c in ws[HEADER]]
    listed = []
    for row in ws.iter_rows(min_row=HEADER + 1, values_only=True):
        if row[0] is None:
            break
        listed.append(dict(zip(headers, row, strict=False)))

    con = sqlite3.connect(db.engine.url.database)
    kinds = Counter(
        k
        for (k,) in con.execute(
            "SELECT kind FROM meeting WHERE deleted = 0 AND date BETWEEN '2026-10-01' AND '2026-11-30'"
        )
    )
    to_ledger = con.execute(
        "SELECT count(*) FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id"
        " WHERE m.deleted = 0 AND i.deleted = 0 AND i.outcome = 'matter'"
        " AND m.date BETWEEN '2026-10-01' AND '2026-11-30'"
    ).fetchone()[0]
    numbers = [n for (n,) in con.execute("SELECT number FROM matter WHERE deleted = 0")]
    con.close()

    assert len(listed) == sum(kinds.values()) == 3
    assert [r["日期"].date() for r in listed] == [
        dt.date(2026, 10, 30),
        dt.date(2026, 11, 5),
        dt.date(2026, 11, 28),
    ]
    assert sum(r["转入台账"].count("（") for r in listed if r["转入台账"]) == to_ledger == 2
    for number in numbers:  # each matter made from a point is named by its number
        assert any(number in (r["转入台账"] or "") for r in listed)
    day = listed[2]
    assert (day["会议类型"], day["参会人数"], day["登记参会村民"]) == ("民主议政日", 31, "张三丰")
    assert day["当场解决"] == "张三丰反映电话138****5678打不通：已更换号码"
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "会议类型" and r[1] == "期内次数")
    block = {r[0]: r for r in rows[start + 1 : start + 5]}
    labels = {
        "council_day": "民主议政日",
        "courtyard": "院坝说事会",
        "representatives": "村民代表会议",
    }
    for kind, label in labels.items():
        assert block[label][1] == kinds.get(kind, 0)
    # on the export day (6 Dec) the monthly 民主议政日 of 28 Nov is due on 28 Dec: in time;
    # no 村民代表会议 was ever kept (the one held was deleted): overdue
    assert block["民主议政日"][2:6] == ("2026-11-28", "每1个月", "2026-12-28", "否")
    assert block["村民代表会议"][2] == "未开过" and block["村民代表会议"][5] == "逾期"


def test_the_township_workbook_names_each_meetings_village(tmp_path):
    """Two villages send their meetings to the township office; its 会议记录
    lists each with its village, and counts each kind over all villages."""
    from tests.core.exchange.test_package import OFFICE, Copy
    from tests.core.queries.test_township import TAOHUA, XINGHUA

    day = dt.date.today()
    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    for copy, kinds in ((a, ("council_day", "courtyard")), (b, ("council_day",))):
        host = services.setup.add_cadre(copy.db, None, "王建国", "secretary", "13907310001")
        for kind in kinds:
            services.meetings.record_meeting(
                copy.db,
                host,
                MeetingInput(kind=kind, date=day, host_id=host, place="村部", topics="议题"),
            )
        t.take(copy.export(tmp_path / f"{kind}.vdx").path)
        copy.db.close()
    out = tmp_path / "乡镇.xlsx"
    export_ledger(t.db, out, Period.custom(day.replace(day=1), day))
    t.db.close()
    ws = load_workbook(out)["会议记录"]
    assert [c.value for c in ws[HEADER]][:3] == ["序号", "村（社区）", "日期"]
    listed = sorted(
        (r[1], r[3])
        for r in ws.iter_rows(min_row=HEADER + 1, values_only=True)
        if isinstance(r[0], int)
    )
    assert listed == [("杏花村", "民主议政日"), ("桃花村", "民主议政日"), ("桃花村", "院坝说事会")]
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "会议类型" and r[1] == "期内次数")
    counts = {r[0]: r[1] for r in rows[start + 1 : start + 5]}
    assert counts == {"民主议政日": 2, "民主恳谈会": 0, "院坝说事会": 1, "村民代表会议": 0}
