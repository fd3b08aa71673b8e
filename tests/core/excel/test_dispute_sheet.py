"""矛盾纠纷 in the ledger workbook (矛盾纠纷排查调处台账): the period's disputes
and those still under mediation when it began, each with its parties,
mediations and outcome, and each type's count by outcome — checked against
counts made here straight from the database file."""

from __future__ import annotations

import datetime as dt
import sqlite3

from openpyxl import load_workbook
from sqlalchemy import select

from village_desk.core import services
from village_desk.core.excel.ledger_export import export_ledger
from village_desk.core.excel.period import Period
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.models import Person

HEADER = 3
START, END = dt.date(2026, 10, 1), dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 6)  # the export day


def test_disputes_sheet(db, village, tmp_path):
    zhang = db.read(lambda s: s.scalar(select(Person.id).where(Person.name == "张三丰")))
    sec = village["secretary"]

    def dispute(type_, day, respondent, summary="因排水沟堵塞发生争吵"):
        return services.disputes.register_dispute(
            db,
            sec,
            DisputeInput(
                type=type_,
                summary=summary,
                responsible_id=sec,
                received_date=day,
                parties=[
                    PartyInput("applicant", person_id=zhang),
                    PartyInput("respondent", name=respondent),
                ],
            ),
        )

    def mediate(did, day, agreed, notes):
        services.disputes.add_session(
            db, sec, did, SessionInput(day, "村调委会", [sec], agreed=agreed, notes=notes)
        )

    # received in the period, settled: 调解成功
    ok = dispute("neighbour", dt.date(2026, 10, 8), "赵大年", "电话13812345678的主人占道堆柴")
    mediate(ok, dt.date(2026, 10, 9), False, "各执一词")
    mediate(ok, dt.date(2026, 10, 15), True, "同意清走柴堆")
    services.disputes.record_outcome(
        db, sec, ok, "success", when=dt.date(2026, 10, 15), agreement_text="三日内清走柴堆"
    )
    # received in the period, still open on 6 Dec after 50 days: 久调不决
    stuck = dispute("homestead", dt.date(2026, 10, 17), "钱二")
    mediate(stuck, dt.date(2026, 10, 20), False, "分歧较大")
    # received before, still open when the period began: carried over, 久调不决
    dispute("land", dt.date(2026, 9, 20), "孙三")
    # received before and settled before the period: not listed
    done = dispute("land", dt.date(2026, 9, 1), "李四")
    services.disputes.record_outcome(db, sec, done, "petition", when=dt.date(2026, 9, 5))
    # received after the period: not listed; referred on the 20th of November
    later = dispute("labour", dt.date(2026, 11, 20), "周六")
    services.disputes.record_outcome(db, sec, later, "judicial", when=dt.date(2026, 11, 21))
    gone = dispute("family", dt.date(2026, 11, 2), "吴七")
    services.disputes.delete_dispute(db, sec, gone)

    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, Period.custom(START, END), today=TODAY)
    ws = load_workbook(out)["矛盾纠纷"]
    assert ws.cell(1, 1).value.startswith("桃花村矛盾纠纷排查调处台账")
    headers = [c.value for c in ws[HEADER]]
    listed = []
    for row in ws.iter_rows(min_row=HEADER + 1, values_only=True):
        if row[0] is None:
            break
        listed.append(dict(zip(headers, row, strict=False)))

    # independently from the file: received in the period, or before it and
    # without an outcome (or one dated within) at its start
    con = sqlite3.connect(db.engine.url.database)
    expected = con.execute(
        "SELECT m.number, d.type, d.outcome, m.received_date, d.outcome_date"
        " FROM dispute d JOIN matter m ON m.id = d.matter_id"
        " WHERE d.deleted = 0 AND m.received_date <= ?"
        " AND (m.received_date >= ? OR d.outcome = '' OR d.outcome_date >= ?)"
        " ORDER BY m.received_date",
        (END.isoformat(), START.isoformat(), START.isoformat()),
    ).fetchall()
    sessions = dict(
        con.execute(
            "SELECT m.number, count(s.id) FROM dispute d JOIN matter m ON m.id = d.matter_id"
            " LEFT JOIN mediation_session s ON s.dispute_id = d.id AND s.deleted = 0"
            " WHERE d.deleted = 0 GROUP BY m.number"
        ).fetchall()
    )
    con.close()

    assert [r["编号"] for r in listed] == [e[0] for e in expected]
    assert len(listed) == 4  # carried, ok, stuck, later
    for r, (number, _type, outcome, received, outcome_date) in zip(listed, expected, strict=True):
        assert r["调解次数"] == sessions[number]
        ended = dt.date.fromisoformat(outcome_date) if outcome else TODAY
        assert r["历时（天）"] == (ended - dt.date.fromisoformat(received)).days
        assert r["久调不决"] == ("是" if not outcome and r["历时（天）"] > 30 else "否")
    first = listed[1]
    assert (first["纠纷类型"], first["申请方"], first["被申请方"]) == (
        "邻里纠纷",
        "张三丰",
        "赵大年",
    )
    assert (first["调解结果"], first["协议内容或说明"]) == ("调解成功", "三日内清走柴堆")
    assert first["纠纷事由"] == "电话138****5678的主人占道堆柴"  # masked
    assert "达成一致。同意清走柴堆" in first["调解经过"]
    assert [r["久调不决"] for r in listed] == ["是", "否", "是", "否"]

    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "纠纷类型" and r[1] == "件数")
    assert rows[top][1:8] == (
        "件数",
        "调解成功",
        "转司法所",
        "转信访",
        "未成功",
        "调解中",
        "久调不决",
    )
    block = {r[0]: r[1:8] for r in rows[top + 1 : top + 6] if r[0]}
    assert block["土地纠纷"] == (1, 0, 0, 0, 0, 1, 1)
    assert block["宅基地纠纷"] == (1, 0, 0, 0, 0, 1, 1)
    assert block["劳资纠纷"] == (1, 0, 1, 0, 0, 0, 0)
    assert block["合计"] == (len(expected), 1, 1, 0, 0, 2, 2)
