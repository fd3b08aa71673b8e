"""公开承诺公示: the year's public commitments for the village notice board.

Posted per commitment: who committed (cadres by name and role — a public
commitment is made in one's own name), what was promised (content, measures,
target, deadline) and how it stands (the review, or the latest progress).
As on the ledger's 公示 sheet, villagers' names inside the text are masked
(张**) — a commitment often names the household it helps — and identity
numbers and phones in the text are masked too. Commitments not marked for
posting are left out.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.commitments import KINDS, OUTCOMES
from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.commitments import CommitmentRow, commitments
from ..queries.reference import profile
from ..storage.models import Cadre, Person
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table, iso, mask_names


def villager_names(session: Session) -> set[str]:
    """Registered villagers' names to mask in posted text — not the names
    of those who committed (a cadre, a party member posting a commitment)."""
    people = set(session.scalars(select(Person.name).where(Person.deleted.is_(False))))
    cadres = set(session.scalars(select(Cadre.name).where(Cadre.deleted.is_(False))))
    return people - cadres


def posted(text: str, names: set[str], keep: str) -> str:
    """Free text as posted: villagers' names and numbers masked. (Only the
    names that occur in the text are looked for: a township's tens of
    thousands of names are not each searched in every text.)"""
    text = text or ""
    found = {
        text[i : i + n]
        for n in range(2, 13)  # (names of minority nationalities run longer)
        for i in range(len(text) - n + 1)
        if text[i : i + n] in names
    }
    return mask_numbers(mask_names(text, found - {keep}))


def _standing(row: CommitmentRow, names: set[str]) -> str:
    if row.outcome:
        label = OUTCOMES.get(row.outcome, row.outcome)
        return f"{label}：{posted(row.review_text, names, row.name)}"
    last = row.last_note
    if last is None:
        return "践诺中"
    return f"践诺中（{last.date.month}月{last.date.day}日）：{posted(last.text, names, row.name)}"


def render_commitment_notice(
    out: str | os.PathLike | BinaryIO,
    village: str,
    year: int,
    rows: list[CommitmentRow],
    names: set[str],
    *,
    font: CJKFont,
    hotline: str = "",
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    today = today or dt.date.today()
    st = Styles(font)
    story = [
        st.p(f"{village}{year}年度党员干部公开承诺公示", st.title),
        st.p("亮身份　亮承诺　接受群众监督", st.subtitle),
        Spacer(1, 4 * mm),
    ]
    head = [
        "序号",
        "承诺人",
        "职务",
        "承诺内容",
        "采取的措施",
        "达到的目标",
        "完成时限",
        "践诺情况",
    ]
    table = [[st.p(h, st.head) for h in head]]
    for i, r in enumerate(rows, 1):
        content = posted(r.content, names, r.name)
        if r.kind != "service":
            content = f"{KINDS.get(r.kind, r.kind)}：{content}"
        table.append(
            [
                st.p(str(i), st.cell_center),
                st.p(r.name, st.cell_center),
                st.p(r.role, st.cell_center),
                st.p(content, st.cell),
                st.p(posted(r.measures, names, r.name), st.cell),
                st.p(posted(r.target, names, r.name), st.cell),
                st.p(iso(r.deadline), st.cell_center),
                st.p(_standing(r, names), st.cell),
            ]
        )
    if len(table) == 1:
        table.append([st.p("本年度没有需要公示的承诺", st.cell)] + [""] * 7)
    widths = [w * mm for w in (10, 17, 24, 58, 46, 38, 22, 52)]
    story.append(grid_table(table, widths))
    story.append(Spacer(1, 5 * mm))
    note = "以上承诺接受群众监督，年底逐项评定践诺情况。文中群众姓名和号码已作隐去处理。"
    if hotline:
        note += f"如有意见或建议，请联系：{hotline}"
    story.append(st.p(note, st.small))
    story.append(Spacer(1, 8 * mm))
    story.append(st.p(f"{village}村民委员会", st.right))
    story.append(st.p(cn_date(today), st.right))
    return build(out, story, font, f"{village}{year}年公开承诺公示", landscape_page=True, job=job)


def print_commitment_notice(
    db, out, year: int, today: dt.date | None = None, job: Job | None = None
) -> int:
    """Load the year's commitments marked for posting and write the 公示
    sheet; returns the page count."""
    with db.reading() as s:
        p = profile(s)
        rows = commitments(s, year, public_only=True)
        return render_commitment_notice(
            out,
            p.village if p else "",
            year,
            rows,
            villager_names(s),
            font=font_for_session(s),
            hotline=p.hotline if p else "",
            today=today,
            job=job,
        )
