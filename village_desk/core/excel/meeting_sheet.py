"""会议记录, a sheet of the ledger workbook: the meetings held in the period
(民主议政日, 民主恳谈会, 院坝说事会, 村民代表会议) with who came, what was
raised — solved on the spot or turned into which ledger matter — and what
was decided; then each kind's count in the period and, on the export day,
when it last took place against its frequency.
Numbers inside the text are masked unless the workbook is unmasked.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .. import queries
from ..domain.meetings import KINDS
from .layout import Column, SheetWriter
from .ledger_data import LedgerData

SHEET = "会议记录"
COLUMNS = (
    Column("序号", "int"),
    Column("日期", "date"),
    Column("会议类型", max_width=12),
    Column("地点", "wrap", 16),
    Column("主持人", max_width=8),
    Column("村民小组", max_width=8),
    Column("参会人数", "int"),
    Column("登记参会村民", "wrap", 20, 10),
    Column("会议议题", "wrap", 24, 12),
    Column("会议情况", "wrap", 30, 14),
    Column("群众反映问题", "int"),
    Column("当场解决", "wrap", 26, 12),
    Column("转入台账", "wrap", 26, 12),
    Column("会议决定", "wrap", 24, 12),
)
KIND_HEADERS = ("会议类型", "期内次数", "最近一次", "频次要求", "下次应开", "是否逾期")
NOTE = (
    "说明：列出会议日期在统计期间内的会议。当场解决的问题不进入民情台账；转入台账的问题"
    "以主持人为首接责任人登记为事项（括号内为事项编号）。最近一次、下次应开和是否逾期为制表日的情况，"
    "频次按“会议频次”设置（默认民主议政日每月一次、民主恳谈会每两个月一次）。"
)


def write_meetings(wb: Workbook, s, data: LedgerData, heading: str, info: str) -> int:
    """Write the sheet; returns the number of meetings listed."""
    period = data.period
    rows = sorted(
        queries.meetings.meetings(s, period.start, period.end), key=lambda m: (m.date, m.place)
    )
    columns = COLUMNS
    if data.township:
        columns = (COLUMNS[0], Column("村（社区）", max_width=10), *COLUMNS[1:])
    sheet = SheetWriter(wb, SHEET, columns, heading, info)
    for n, m in enumerate(rows, 1):
        solved = "\n".join(f"{p.text}：{p.solution}" for p in m.points if p.outcome == "solved")
        to_ledger = "\n".join(
            f"{p.text}（{p.matter_number}）" for p in m.points if p.outcome == "matter"
        )
        values = [
            n,
            m.date,
            m.kind_label,
            m.place,
            m.host,
            m.group,
            m.head_count,
            "、".join(a.name for a in m.attendees),
            data._free(m.topics),
            data._free(m.discussion),
            len(m.points),
            data._free(solved),
            data._free(to_ledger),
            data._free(m.decisions),
        ]
        if data.township:
            values.insert(1, m.village or "乡镇")
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

    counts: dict[str, int] = {}
    for m in rows:
        counts[m.kind] = counts.get(m.kind, 0) + 1
    extra = [[], [sheet.cell("各类会议", bold=True)], box(*KIND_HEADERS, header=True)]
    if not data.township:  # a township's villages each keep their own rhythm
        for k in queries.meetings.schedule(s, data.today):
            extra.append(
                box(
                    k.label,
                    counts.get(k.kind, 0),
                    k.last.isoformat() if k.last else "未开过",
                    f"每{k.months}个月" if k.months else "不定期",
                    k.due.isoformat() if k.due else "—",
                    "逾期" if k.overdue else "否",
                )
            )
    else:
        for kind, label in KINDS.items():
            extra.append(box(label, counts.get(kind, 0), "", "", "", ""))
    extra += [[], [sheet.cell(NOTE)]]
    sheet.add_rows(extra)
    sheet.finish(table_rows=len(rows))
    return len(rows)
