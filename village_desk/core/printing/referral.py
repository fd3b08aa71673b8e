"""Referral form (办理申请 / 转办单) for a matter forwarded to the township or
county (DOMAIN.md §4, level 镇级 / 县级及以上). The applicant's contact is
printed in full: the form goes to the office that must reach them."""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select

from ..domain.errors import NotFoundError
from ..domain.lifecycle import STATUS_LABELS
from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.matters import notes
from ..queries.reference import labels, profile
from ..storage.models import Cadre, Household, Matter, VillagerGroup
from .fonts import font_for_session
from .sheets import Styles, build, cn_date, grid_table, iso


def print_referral(
    db,
    out: str | os.PathLike | BinaryIO,
    matter_number: str,
    request: str = "",
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    """Write the 办理申请 for the matter numbered ``matter_number``; returns pages."""
    today = today or dt.date.today()
    with db.reading() as s:
        m = s.scalars(
            select(Matter).where(Matter.number == matter_number.strip(), Matter.deleted.is_(False))
        ).first()
        if m is None:
            raise NotFoundError(f"找不到编号为 {matter_number} 的事项")
        p = profile(s)
        village, township = (p.village, p.township) if p else ("", "")
        cadre = s.get(Cadre, m.responsible_id)
        group = s.get(VillagerGroup, m.group_id) if m.group_id else None
        household = s.get(Household, m.household_id) if m.household_id else None
        levels = labels(s, "level")
        done = [n for n in notes(s, m.id)]
        font = font_for_session(s)

    st = Styles(font)
    where = "　".join(
        x
        for x in ((group.name if group else ""), (f"户号 {household.number}" if household else ""))
        if x
    )
    worked = "\n".join(f"{n.date.isoformat()}　{n.text}" for n in done) or "（无）"
    asked = request.strip() or ("\n" * 4)
    cell = st.cell
    tall = st.p
    rows = [
        [
            tall("申请人", cell),
            tall(m.applicant_name, cell),
            tall("联系电话", cell),
            tall(m.applicant_phone or "（未登记）", cell),
        ],
        [
            tall("所在组/户", cell),
            tall(where or "—", cell),
            tall("受理日期", cell),
            tall(iso(m.received_date), cell),
        ],
        [tall("申办事项", cell), tall(mask_numbers(m.content), cell), "", ""],
        [tall("村级已做工作", cell), tall(mask_numbers(worked), cell), "", ""],
        [tall("提请解决事项", cell), tall(asked, cell), "", ""],
        [
            tall("报送层级", cell),
            tall(levels.get(m.level, m.level), cell),
            tall("报送单位", cell),
            tall(m.forwarded_to or "", cell),
        ],
        [
            tall("村责任人", cell),
            tall(f"{cadre.name}　{cadre.phone}" if cadre else "", cell),
            tall("办结时限", cell),
            tall(iso(m.deadline), cell),
        ],
        [
            tall("当前状态", cell),
            tall(STATUS_LABELS.get(m.status, m.status), cell),
            tall("申请日期", cell),
            tall(iso(today), cell),
        ],
        [
            tall("村（社区）意见", cell),
            tall("\n\n\n（盖章）　＿＿＿＿年＿＿月＿＿日", st.right),
            "",
            "",
        ],
        [
            tall("受理单位意见", cell),
            tall("\n\n\n\n（盖章）　＿＿＿＿年＿＿月＿＿日", st.right),
            "",
            "",
        ],
    ]
    table = grid_table(rows, [28 * mm, 66 * mm, 24 * mm, 62 * mm], header=False)
    spans = [("SPAN", (1, r), (3, r)) for r in (2, 3, 4, 8, 9)]
    table.setStyle(spans)
    story = [
        st.p(f"{township}民情事项办理申请", st.title),
        st.p(f"（转办单）　编号：{m.number}　　{village}", st.subtitle),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 4 * mm),
        st.p("请受理单位将办理结果在办结时限内反馈村（社区），由村责任人向申请人回访。", st.small),
        st.p(f"打印日期：{cn_date(today)}", st.small),
    ]
    return build(out, story, font, f"办理申请 {m.number}", job=job)
