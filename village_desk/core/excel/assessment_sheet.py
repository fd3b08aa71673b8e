"""干部考核, a sheet of the ledger workbook: the yearly assessment (一测一考,
三评) of every active cadre for the year the period ends in, with the
figures' definitions under the table (``domain.assessment.DEFINITIONS``,
``queries/assessment.py``) and each cadre's place by 测评满意率. A township
office's workbook names each cadre's village and adds the villages ranked
by the same figures over their cadres' sums.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .. import queries
from ..domain.assessment import DEFINITIONS
from ..queries.assessment import DEFAULT_RANK_KEY, RANK_KEYS, ranked, villages_of
from .layout import Column, SheetWriter
from .ledger_data import LedgerData

SHEET = "干部考核"
COLUMNS = (
    Column("序号", "int"),
    Column("姓名", max_width=8),
    Column("职务", max_width=12),
    Column("走访户", "int"),
    Column("走访户次", "int"),
    Column("应完成", "int"),
    Column("走访完成率", "pct"),
    Column("联系户", "int"),
    Column("走访到的联系户", "int"),
    Column("联系户覆盖率", "pct"),
    Column("主办在账事项", "int"),
    Column("已办结", "int"),
    Column("办结率", "pct"),
    Column("按时办结", "int"),
    Column("按时办结率", "pct"),
    Column("回访事项", "int"),
    Column("回访满意", "int"),
    Column("满意率", "pct"),
    Column("承诺件数", "int"),
    Column("已践诺", "int"),
    Column("践诺率", "pct"),
    Column("抽查日记", "int"),
    Column("真实", "int"),
    Column("不够具体", "int"),
    Column("未回访", "int"),
    Column("不实", "int"),
    Column("日记真实率", "pct"),
    Column("自评得分", "int"),
    Column("点评得分", "int"),
    Column("测评满意票", "int"),
    Column("测评基本满意票", "int"),
    Column("测评不满意票", "int"),
    Column("测评满意率", "pct"),
    Column("名次", "int"),
)
VILLAGE_HEADERS = (
    "名次",
    "村（社区）",
    "干部人数",
    "走访完成率",
    "联系户覆盖率",
    "办结率",
    "按时办结率",
    "满意率",
    "践诺率",
    "日记真实率",
    "测评满意率",
)


def _findings(r) -> list:
    return [r.findings.get(code, 0) for code in ("true", "vague", "no_follow_up", "false")]


def write_assessment(wb: Workbook, s, data: LedgerData, heading: str, info: str) -> int:
    """Write the sheet for the year the period ends in; returns the number of cadres."""
    year = data.period.end.year
    ledger = data.year_ledger()  # read with the period's when it can be
    found = queries.assessment.assessment_year(
        s, year, data.today, ledger=ledger, visits=data.visits if ledger is not None else None
    )
    places = {id(r): n for n, r in ranked(found.cadres, DEFAULT_RANK_KEY)}
    columns = COLUMNS
    if data.township:
        columns = (COLUMNS[0], Column("村（社区）", max_width=10), *COLUMNS[1:])
    title = f"{heading}（{year}年度，截至{found.as_of:%Y年%m月%d日}）"
    sheet = SheetWriter(wb, SHEET, columns, title, info)
    for n, r in enumerate(found.cadres, 1):
        e = r.entered
        values = [
            n,
            r.name,
            r.role,
            r.households,
            r.visits,
            r.expected,
            r.completion,
            r.paired,
            r.paired_visited,
            r.paired_coverage,
            r.matters,
            r.done,
            r.done_rate,
            r.on_time,
            r.on_time_rate,
            r.final_rated,
            r.final_satisfied,
            r.satisfaction_rate,
            r.commitments,
            r.kept,
            r.keeping_rate,
            r.checked,
            *_findings(r),
            r.true_rate,
            e.self_score,
            e.leader_score,
            e.poll_satisfied,
            e.poll_basic,
            e.poll_unsatisfied,
            e.poll_rate,
            places[id(r)],
        ]
        if data.township:
            values.insert(1, r.village)
        sheet.append(values)
    table_rows = len(found.cadres)

    def box(*values, bold=False, header=False):
        cells = []
        for v in values:
            fmt = "0.0%" if isinstance(v, float) else None
            align = Alignment(horizontal="center") if header or not isinstance(v, str) else None
            cells.append(
                sheet.cell(v, bold=bold or header, fill=header, border=True, fmt=fmt, align=align)
            )
        return cells

    extra: list = []
    if data.township:
        extra += [[], [sheet.cell("各村排名（按测评满意率）", bold=True)]]
        extra.append(box(*VILLAGE_HEADERS, header=True))
        for place, v in ranked(villages_of(found), DEFAULT_RANK_KEY):
            figures = [
                "—" if value is None else value
                for value in (
                    v.completion,
                    v.paired_coverage,
                    v.done_rate,
                    v.on_time_rate,
                    v.satisfaction_rate,
                    v.keeping_rate,
                    v.true_rate,
                    v.poll_rate,
                )
            ]
            extra.append(box("—" if place is None else place, v.village, v.cadres, *figures))
    extra += [[], [sheet.cell("指标口径", bold=True)]]
    extra += [[sheet.cell(f"{name}：{text}。")] for name, text in DEFINITIONS]
    extra.append(
        [
            sheet.cell(
                f"名次：按{RANK_KEYS[DEFAULT_RANK_KEY]}从高到低，相同者并列；未测评的不排名次。"
                "各村的比率由本村干部的合计数计算（不是比率的平均）。"
            )
        ]
    )
    sheet.add_rows(extra)
    sheet.finish(table_rows=table_rows)
    return table_rows
