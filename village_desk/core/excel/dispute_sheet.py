"""矛盾纠纷, a sheet of the ledger workbook (矛盾纠纷排查调处台账): the
disputes received in the period and those received earlier still under
mediation when it began, each with its parties, mediations and outcome;
then each type's count by outcome. Age and 久调不决 are as on the export
day (the setting ``dispute_overdue_days``). Numbers inside the text are
masked unless the workbook is unmasked.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .. import queries
from ..domain.disputes import IN_MEDIATION, OUTCOMES, TYPES
from .layout import Column, SheetWriter
from .ledger_data import LedgerData

SHEET = "矛盾纠纷"
COLUMNS = (
    Column("序号", "int"),
    Column("编号", max_width=14),
    Column("受理日期", "date"),
    Column("纠纷类型", max_width=12),
    Column("申请方", "wrap", 14, 8),
    Column("被申请方", "wrap", 14, 8),
    Column("纠纷事由", "wrap", 28, 14),
    Column("责任人", max_width=8),
    Column("调解次数", "int"),
    Column("调解经过", "wrap", 36, 16),
    Column("调解结果", max_width=10),
    Column("结果日期", "date"),
    Column("协议内容或说明", "wrap", 30, 14),
    Column("历时（天）", "int"),
    Column("久调不决", max_width=8),
)
TYPE_HEADERS = ("纠纷类型", "件数", *OUTCOMES.values(), IN_MEDIATION, "久调不决")
NOTE = (
    "说明：列出受理日期在统计期间内的纠纷，以及此前受理、期初尚在调解的纠纷。"
    "调解经过逐次写明日期、地点、调解人、是否达成一致和调解情况。历时为受理至有调解结果"
    "（尚无结果的至制表日）的天数；尚无调解结果且历时超过“久调不决天数”设置（默认30天）"
    "的为久调不决。调解成功的纠纷在民情台账中办结，转司法所、转信访的上报，未成功的记为暂不能解决。"
)


def _course(d) -> str:
    return "\n".join(
        f"{x.date:%m月%d日} {x.place}，{x.mediators}：{'达成一致' if x.agreed else '未达成一致'}。"
        f"{x.notes}"
        for x in d.sessions
    )


def period_disputes(s, data: LedgerData) -> list:
    """The sheet's disputes: received in the period, or earlier and still
    under mediation at its start (no outcome, or one dated from the start)."""
    period = data.period
    found = queries.disputes.disputes(s, end=period.end, today=data.today)
    return sorted(
        (
            d
            for d in found
            if d.received_date >= period.start
            or not d.outcome
            or (d.outcome_date is not None and d.outcome_date >= period.start)
        ),
        key=lambda d: (d.received_date, d.number),
    )


def write_disputes(wb: Workbook, s, data: LedgerData, heading: str, info: str) -> int:
    """Write the sheet; returns the number of disputes listed."""
    rows = period_disputes(s, data)
    columns = COLUMNS
    if data.township:
        columns = (COLUMNS[0], Column("村（社区）", max_width=10), *COLUMNS[1:])
    sheet = SheetWriter(wb, SHEET, columns, heading, info)
    for n, d in enumerate(rows, 1):
        values = [
            n,
            d.number,
            d.received_date,
            d.type_label,
            "、".join(p.name for p in d.side("applicant")),
            "、".join(p.name for p in d.side("respondent")),
            data._free(d.summary),
            d.responsible,
            len(d.sessions),
            data._free(_course(d)),
            d.outcome_label,
            d.outcome_date,
            data._free(d.agreement_text or d.outcome_note),
            d.age,
            "是" if d.overdue else "否",
        ]
        if data.township:
            values.insert(1, d.village or "乡镇")
        sheet.append(values)

    def box(*values, header=False):
        return [
            sheet.cell(
                v,
                bold=header,
                fill=header,
                border=True,
                align=Alignment(horizontal="center") if header or not isinstance(v, str) else None,
            )
            for v in values
        ]

    extra = [[], [sheet.cell("各类纠纷", bold=True)], box(*TYPE_HEADERS, header=True)]
    totals = [0] * (len(TYPE_HEADERS) - 1)
    for code, label in TYPES.items():
        mine = [d for d in rows if d.type == code]
        if not mine:
            continue
        counts = [
            len(mine),
            *(sum(1 for d in mine if d.outcome == o) for o in OUTCOMES),
            sum(1 for d in mine if not d.outcome),
            sum(1 for d in mine if d.overdue),
        ]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        extra.append(box(label, *counts))
    extra.append(box("合计", *totals))
    extra += [[], [sheet.cell(NOTE)]]
    sheet.add_rows(extra)
    sheet.finish(table_rows=len(rows))
    return len(rows)
