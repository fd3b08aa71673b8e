"""Month-end ledger sheet (民情台账, A4 landscape) with the stated columns:
申请人姓名, 申办事项, 责任人, 办结时限, 办理情况 — plus number, date received and
status. An internal record (names in full); numbers in free text are masked."""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.reference import profile
from ..storage.models import MatterNote
from .fonts import CJKFont, font_for_session
from .notice import MonthMatter, month_matters
from .sheets import Styles, build, cn_date, grid_table, iso

MAX_NOTES = 3  # latest progress notes shown per matter


def _progress(session: Session, matters: list[MonthMatter]) -> dict:
    """The progress notes of the month's matters up to the day their state is
    read on (the month's end, or today)."""
    ids = [mm_.matter.id for mm_ in matters]
    out: dict = {}
    as_of = matters[0].state.as_of if matters else None
    for start in range(0, len(ids), 500):
        for n in session.scalars(
            select(MatterNote)
            .where(
                MatterNote.matter_id.in_(ids[start : start + 500]),
                MatterNote.deleted.is_(False),
                MatterNote.date <= as_of,
            )
            .order_by(MatterNote.date, MatterNote.hlc)
        ):
            out.setdefault(n.matter_id, []).append(f"{n.date:%m-%d} {n.text}")
    return out


def render_ledger_sheet(
    out: str | os.PathLike | BinaryIO,
    village: str,
    year: int,
    month: int,
    matters: list[MonthMatter],
    notes_by_matter: dict,
    *,
    font: CJKFont,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    today = today or dt.date.today()
    st = Styles(font, base=10)
    story = [
        st.p(f"{village}民情台账", st.title),
        st.p(
            f"（{year}年{month}月　月末清理　共 {len(matters)} 件，"
            f"其中上月结转 {sum(mm_.state.carried_over for mm_ in matters)} 件）",
            st.subtitle,
        ),
        Spacer(1, 3 * mm),
    ]
    head = [
        "序号",
        "编号",
        "受理日期",
        "申请人姓名",
        "申办事项",
        "责任人",
        "办结时限",
        "办理情况",
        "状态",
    ]
    rows = [[st.p(h, st.head) for h in head]]
    for i, mm_ in enumerate(matters, 1):
        m = mm_.matter
        notes = notes_by_matter.get(m.id, [])
        lines = notes[-MAX_NOTES:]
        if len(notes) > MAX_NOTES:
            lines.insert(0, f"（此前 {len(notes) - MAX_NOTES} 条略）")
        if m.result and not any(m.result in n for n in lines):
            lines.append(f"结果：{m.result}")
        status = mm_.status_text
        rows.append(
            [
                st.p(str(i), st.cell_center),
                st.p(m.number, st.cell_center),
                st.p(iso(m.received_date), st.cell_center),
                st.p(m.applicant_name, st.cell_center),
                st.p(mask_numbers(m.content), st.cell),
                st.p(mm_.responsible, st.cell_center),
                st.p(iso(m.deadline), st.cell_center),
                st.p(mask_numbers("\n".join(lines)), st.cell),
                st.p(status, st.cell_center),
            ]
        )
    if len(rows) == 1:
        rows.append([st.p("本月没有台账事项", st.cell)] + [""] * 8)
    widths = [w * mm for w in (10, 26, 21, 20, 62, 17, 21, 69, 21)]
    story.append(grid_table(rows, widths))
    story.append(Spacer(1, 6 * mm))
    story.append(
        st.p(f"制表：{village}　　　　审核：＿＿＿＿＿＿　　　　日期：{cn_date(today)}", st.body)
    )
    return build(
        out,
        story,
        font,
        f"{village}{year}年{month}月民情台账",
        landscape_page=True,
        job=job,
    )


def print_ledger_sheet(
    db,
    out,
    year: int,
    month: int,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    with db.reading() as s:
        p = profile(s)
        matters = month_matters(s, year, month, today=today)
        return render_ledger_sheet(
            out,
            p.village if p else "",
            year,
            month,
            matters,
            _progress(s, matters),
            font=font_for_session(s),
            today=today,
            job=job,
        )
