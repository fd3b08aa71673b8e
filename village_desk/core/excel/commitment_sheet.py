"""公开承诺, a sheet of the ledger workbook: the commitments of the years the
period covers, then 践诺率 per person.

Which commitments: those of every year the period touches (a commitment is
made for a year); their progress and review as they stand on the export day.
践诺率 = 已践诺 ÷ 承诺件数 (``domain/commitments.py``), stated on the sheet.
Numbers inside the text are masked unless the workbook is unmasked.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .. import queries
from ..domain.commitments import KINDS, outcome_label
from .layout import Column, SheetWriter
from .ledger_data import LedgerData

SHEET = "公开承诺"
COLUMNS = (
    Column("序号", "int"),
    Column("年度", "int"),
    Column("承诺人", max_width=8),
    Column("职务", max_width=12),
    Column("承诺类型", max_width=10),
    Column("承诺内容", "wrap", 30, 16),
    Column("采取的措施", "wrap", 24, 12),
    Column("达到的目标", "wrap", 20, 10),
    Column("完成时限", "date"),
    Column("践诺进展", "wrap", 30, 14),
    Column("践诺评定", max_width=8),
    Column("评定说明", "wrap", 24, 12),
    Column("评定日期", "date"),
    Column("公示", max_width=6),
)
RATE_HEADERS = ("承诺人", "职务", "承诺件数", "已践诺", "部分践诺", "未践诺", "未评定", "践诺率")
NOTE = (
    "说明：列出统计期间所涉年度的全部公开承诺，进展和评定为制表日的情况。"
    "践诺率 = 已践诺件数 ÷ 承诺件数（部分践诺不计为已践诺，未评定的计入承诺件数）。"
)


def write_commitments(wb: Workbook, s, data: LedgerData, heading: str, info: str) -> int:
    """Write the sheet; returns the number of commitments listed."""
    first, last = data.period.start.year, data.period.end.year
    rows = queries.commitments.commitments(s, first, last)
    columns = COLUMNS
    if data.township:
        columns = (COLUMNS[0], Column("村（社区）", max_width=10), *COLUMNS[1:])
    sheet = SheetWriter(wb, SHEET, columns, heading, info)
    for n, r in enumerate(rows, 1):
        progress = "\n".join(f"{note.date:%m-%d} {note.text}" for note in r.notes)
        values = [
            n,
            r.year,
            r.name,
            r.role,
            KINDS.get(r.kind, r.kind),
            data._free(r.content),
            data._free(r.measures),
            data._free(r.target),
            r.deadline,
            data._free(progress),
            outcome_label(r.outcome),
            data._free(r.review_text),
            r.review_date,
            "是" if r.public else "否",
        ]
        if data.township:
            values.insert(1, r.village or "乡镇")
        sheet.append(values)
    table_rows = len(rows)

    def box(*values, bold=False, header=False):
        cells = []
        for v in values:
            fmt = "0.0%" if isinstance(v, float) else None
            align = Alignment(horizontal="center") if header or not isinstance(v, str) else None
            cells.append(
                sheet.cell(v, bold=bold or header, fill=header, border=True, fmt=fmt, align=align)
            )
        return cells

    rates = queries.commitments.keeping_rates(s, first, last)
    extra = [[], [sheet.cell("践诺情况（按承诺人）", bold=True)], box(*RATE_HEADERS, header=True)]
    for r in rates:
        name = f"{r.name}（{r.village}）" if data.township and r.village else r.name
        rate = "—" if r.rate is None else r.rate
        extra.append(box(name, r.role, r.total, r.kept, r.partly, r.not_kept, r.unreviewed, rate))
    total = sum(r.total for r in rates)
    kept = sum(r.kept for r in rates)
    extra.append(
        box(
            "合计",
            "",
            total,
            kept,
            sum(r.partly for r in rates),
            sum(r.not_kept for r in rates),
            sum(r.unreviewed for r in rates),
            kept / total if total else "—",
            bold=True,
        )
    )
    extra += [[], [sheet.cell(NOTE)]]
    sheet.add_rows(extra)
    sheet.finish(table_rows=table_rows)
    return table_rows
