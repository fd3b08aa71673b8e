"""逾期事项清单 (A4 landscape): the matters open and past their deadline on
the report day, most overdue first, with the days overdue, the responsible
and co-handling cadres and the last progress note — the same list as the
workbook's 逾期事项 sheet (``queries.ledger_period.overdue_matters``). An
internal record (names in full); numbers in free text are masked."""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..domain.lifecycle import STATUS_LABELS
from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.ledger_period import OverdueMatter, overdue_matters
from ..queries.reference import profile
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table, iso


def render_overdue(
    out: str | os.PathLike | BinaryIO,
    village: str,
    matters: list[OverdueMatter],
    *,
    font: CJKFont,
    as_of: dt.date,
    job: Job | None = None,
) -> int:
    st = Styles(font, base=10)
    story = [
        st.p(f"{village}逾期事项清单", st.title),
        st.p(f"（截至{cn_date(as_of)}　共 {len(matters)} 件）", st.subtitle),
        Spacer(1, 3 * mm),
    ]
    head = ["序号", "编号", "申请人", "申办事项", "责任人", "办结时限", "逾期天数", "状态"]
    head.append("最近办理情况")
    rows = [[st.p(h, st.head) for h in head]]
    for i, o in enumerate(matters, 1):
        who = o.responsible + (f"\n协办：{o.co_handlers}" if o.co_handlers else "")
        rows.append(
            [
                st.p(str(i), st.cell_center),
                st.p(o.number, st.cell_center),
                st.p(o.applicant, st.cell_center),
                st.p(mask_numbers(o.content), st.cell),
                st.p(who, st.cell_center),
                st.p(iso(o.deadline), st.cell_center),
                st.p(f"{o.days_overdue} 天", st.cell_center),
                st.p(STATUS_LABELS.get(o.status, o.status), st.cell_center),
                st.p(mask_numbers(o.last_note) or "（无办理记录）", st.cell),
            ]
        )
    if len(rows) == 1:
        rows.append([st.p("没有逾期事项", st.cell)] + [""] * 8)
    widths = [w * mm for w in (10, 26, 17, 60, 20, 21, 16, 18, 79)]
    story.append(grid_table(rows, widths))
    story.append(Spacer(1, 6 * mm))
    story.append(
        st.p(f"制表：{village}　　　　审核：＿＿＿＿＿＿　　　　日期：{cn_date(as_of)}", st.body)
    )
    return build(out, story, font, f"{village}逾期事项清单", landscape_page=True, job=job)


def print_overdue(
    db,
    out,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    """The overdue list on ``today`` as a PDF; returns the page count."""
    as_of = today or dt.date.today()
    with db.reading() as s:
        p = profile(s)
        return render_overdue(
            out,
            p.village if p else "",
            overdue_matters(s, as_of),
            font=font_for_session(s),
            as_of=as_of,
            job=job,
        )
