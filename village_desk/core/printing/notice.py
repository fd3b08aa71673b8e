"""公示 sheet for the village notice board (村务公开栏), one month.

Posted are the matter, the responsible cadre, the deadline and the status
(DOMAIN.md §4); the applicant's name is masked (张**) — also wherever it or a
family member's name appears inside the matter text — and identity numbers
and phones in the text are masked too.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.lifecycle import OPEN_STATUSES, STATUS_LABELS
from ..domain.periods import month_bounds
from ..domain.validation import mask_name, mask_numbers
from ..jobs import Job
from ..queries.ledger_period import LedgerState, period_ledger
from ..queries.reference import profile
from ..storage.models import Cadre, Matter, Person
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table, iso, mask_names


@dataclass(frozen=True)
class MonthMatter:
    matter: Matter
    responsible: str
    family: tuple[str, ...]  # names in the applicant's household (for masking)
    state: LedgerState  # as the month ended (or today, in the current month)

    @property
    def status_text(self) -> str:
        """The status at the month's end, with （已超期） if it was overdue then."""
        text = STATUS_LABELS.get(self.state.status, self.state.status)
        return text + "\n（已超期）" if self.state.overdue else text


def month_matters(
    session: Session,
    year: int,
    month: int,
    *,
    public_only: bool = False,
    today: dt.date | None = None,
) -> list[MonthMatter]:
    """The month's ledger (as the township workbook has it, see
    :mod:`..queries.ledger_period`): matters received in the month and those
    carried over from earlier months, each in its state at the month's end (or
    today). Ordered by received date and number."""
    first, last = month_bounds(year, month)
    states = period_ledger(session, first, last, today or dt.date.today(), public_only=public_only)
    by_id = {state.matter_id: state for state in states}
    rows: dict = {}
    ids = list(by_id)
    for at in range(0, len(ids), 500):
        for m, name in session.execute(
            select(Matter, Cadre.name)
            .join(Cadre, Cadre.id == Matter.responsible_id)
            .where(Matter.id.in_(ids[at : at + 500]))
        ):
            rows[m.id] = (m, name)
    households = {m.household_id for m, _ in rows.values() if m.household_id}
    family: dict = {}
    if households:
        for hid, name in session.execute(
            select(Person.household_id, Person.name).where(
                Person.household_id.in_(households), Person.deleted.is_(False)
            )
        ):
            family.setdefault(hid, []).append(name)
    out = []
    for state in states:
        m, name = rows[state.matter_id]
        out.append(MonthMatter(m, name, tuple(family.get(m.household_id, ())), state))
    return out


def parse_month(text: str) -> tuple[int, int]:
    """'2025-03' → (2025, 3); ValueError with a Chinese message otherwise."""
    try:
        d = dt.datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        raise ValueError(f"月份应写成 年-月，如 2025-03，不是“{text}”") from None
    return d.year, d.month


def render_notice(
    out: str | os.PathLike | BinaryIO,
    village: str,
    year: int,
    month: int,
    matters: list[MonthMatter],
    *,
    font: CJKFont,
    hotline: str = "",
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    today = today or dt.date.today()
    st = Styles(font)
    story = [
        st.p(f"{village}民情事项办理情况公示", st.title),
        st.p(f"（{year}年{month}月）", st.subtitle),
        Spacer(1, 4 * mm),
    ]
    head = ["序号", "编号", "申请人", "申办事项", "责任人", "办结时限", "办理状态"]
    rows = [[st.p(h, st.head) for h in head]]
    for i, mm_ in enumerate(matters, 1):
        m = mm_.matter
        names = (m.applicant_name, *mm_.family)
        content = mask_numbers(mask_names(m.content, names))
        status = mm_.status_text
        if m.handling == "promised" and mm_.state.status in OPEN_STATUSES:
            # 承诺办理: the promise is posted with the status
            status += f"\n承诺{m.deadline.month}月{m.deadline.day}日前办结"
        rows.append(
            [
                st.p(str(i), st.cell_center),
                st.p(m.number, st.cell_center),
                st.p(mask_name(m.applicant_name), st.cell_center),
                st.p(content, st.cell),
                st.p(mm_.responsible, st.cell_center),
                st.p(iso(m.deadline), st.cell_center),
                st.p(status, st.cell_center),
            ]
        )
    if len(rows) == 1:
        rows.append([st.p("本月没有需要公示的事项", st.cell)] + [""] * 6)
    widths = [w * mm for w in (10, 27, 16, 63, 17, 21, 26)]
    story.append(grid_table(rows, widths))
    story.append(Spacer(1, 5 * mm))
    note = "以上事项接受群众监督。申请人姓名和号码已作隐去处理。"
    if hotline:
        note += f"如有疑问或意见，请联系：{hotline}"
    story.append(st.p(note, st.small))
    story.append(Spacer(1, 8 * mm))
    story.append(st.p(f"{village}村民委员会", st.right))
    story.append(st.p(cn_date(today), st.right))
    return build(out, story, font, f"{village}{year}年{month}月公示", job=job)


def print_notice(
    db,
    out,
    year: int,
    month: int,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    """Load the month's public matters and write the 公示 sheet; returns pages."""
    with db.reading() as s:
        p = profile(s)
        matters = month_matters(s, year, month, public_only=True, today=today)
        font = font_for_session(s)
        return render_notice(
            out,
            p.village if p else "",
            year,
            month,
            matters,
            font=font,
            hotline=p.hotline if p else "",
            today=today,
            job=job,
        )
