"""The 调解协议书 (people's mediation agreement) of a dispute settled by
mediation, on A4 for the parties to sign: the parties of each side (name,
ID number and phone masked, address), what the dispute is about, how it was
mediated, what was agreed, then a signature line for every party and every
mediator, and the date. A dispute not (yet) settled prints as its
调解记录 (the same sheet, with the outcome instead of the agreement and
no signature lines for an agreement nobody made).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..domain.disputes import SIDES
from ..domain.errors import NotFoundError
from ..domain.validation import mask_id_number, mask_numbers, mask_phone
from ..jobs import Job
from ..queries.disputes import DisputeRow, dispute
from ..queries.reference import profile
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table

AGREEMENT_TITLE = "人民调解协议书"
RECORD_TITLE = "矛盾纠纷调解记录"
LINE = "______________"


def title_of(d: DisputeRow) -> str:
    return AGREEMENT_TITLE if d.outcome == "success" else RECORD_TITLE


def render_dispute(
    out: str | os.PathLike | BinaryIO,
    village: str,
    d: DisputeRow,
    *,
    font: CJKFont,
    job: Job | None = None,
) -> int:
    st = Styles(font)
    title = title_of(d)
    story = [
        st.p(f"{village}{title}", st.title),
        st.p(f"编号：{d.number}　　纠纷类型：{d.type_label}", st.right),
        Spacer(1, 3 * mm),
    ]
    head = [st.p(h, st.head) for h in ("当事人", "姓名", "公民身份号码", "联系电话", "住址")]
    rows = [head]
    for p in d.parties:
        rows.append(
            [
                st.p(p.side_label, st.cell_center),
                st.p(p.name, st.cell_center),
                st.p(mask_id_number(p.id_number) or "—", st.cell_center),
                st.p(mask_phone(p.phone) or "—", st.cell_center),
                st.p(mask_numbers(p.address) or "—", st.cell),
            ]
        )
    story.append(grid_table(rows, [w * mm for w in (22, 24, 44, 30, 60)]))
    story.append(Spacer(1, 4 * mm))
    story.append(st.p("纠纷主要事实、争议事项", st.heading))
    story.append(st.p(mask_numbers(d.summary), st.body))
    story.append(Spacer(1, 3 * mm))
    story.append(st.p("调解经过", st.heading))
    if d.sessions:
        for i, x in enumerate(d.sessions, 1):
            agreed = "双方达成一致" if x.agreed else "未达成一致"
            story.append(
                st.p(
                    f"{i}. {cn_date(x.date)}，在{x.place}，由{x.mediators}主持调解，{agreed}。"
                    f"{mask_numbers(x.notes)}",
                    st.body,
                )
            )
    else:
        story.append(st.p("（尚未调解）", st.body))
    story.append(Spacer(1, 3 * mm))
    if d.outcome == "success":
        story.append(st.p("经调解，当事人自愿达成如下协议", st.heading))
        for line in mask_numbers(d.agreement_text).splitlines() or [""]:
            story.append(st.p(line, st.body))
        story.append(Spacer(1, 2 * mm))
        story.append(
            st.p(
                f"本协议自各方当事人签字之日起生效，当事人应当按照约定履行。本协议一式"
                f"{len(d.parties) + 1}份，当事人各执一份，调解委员会留存一份。",
                st.body,
            )
        )
    else:
        story.append(st.p("调解结果", st.heading))
        result = d.outcome_label + (f"（{cn_date(d.outcome_date)}）" if d.outcome_date else "")
        if d.outcome_note:
            result += f"：{mask_numbers(d.outcome_note)}"
        story.append(st.p(result, st.body))
    story.append(Spacer(1, 10 * mm))
    signs = []
    for side in SIDES:
        for p in d.side(side):
            signs.append(st.p(f"{p.side_label}当事人（签名）：{LINE}　　（{p.name}）", st.body))
            signs.append(Spacer(1, 6 * mm))
    names = []
    for x in d.sessions:
        for n in x.mediators.split("、"):
            if n and n not in names:
                names.append(n)
    for n in names or [d.responsible]:
        signs.append(st.p(f"调解员（签名）：{LINE}　　（{n}）", st.body))
        signs.append(Spacer(1, 6 * mm))
    signs.append(st.p(f"记录人（签名）：{LINE}", st.body))
    signs.append(Spacer(1, 8 * mm))
    when = d.outcome_date if d.outcome == "success" else None
    signs.append(st.p(f"{village}人民调解委员会（印章）", st.right))
    signs.append(st.p(cn_date(when) if when else "　　年　　月　　日", st.right))
    story.append(KeepTogether(signs))
    return build(out, story, font, f"{village}{title} {d.number}", job=job)


def print_dispute(
    db, out, dispute_id: uuid.UUID, today: dt.date | None = None, job: Job | None = None
) -> int:
    """Write one dispute's 调解协议书 (or 调解记录); returns the page count."""
    with db.reading() as s:
        d = dispute(s, dispute_id)
        if d is None:
            raise NotFoundError("找不到该矛盾纠纷（可能已被删除）")
        p = profile(s)
        village = d.village or (p.village if p else "")
        return render_dispute(out, village, d, font=font_for_session(s), job=job)
