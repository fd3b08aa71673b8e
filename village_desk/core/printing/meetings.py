"""Meeting minutes (会议记录): one meeting on an A4 sheet, for the file and
for signing — kind, time and place, host, who came, topics, what was said,
each point raised with how it was handled (solved on the spot, or the ledger
matter it became), the decisions, and signature lines for the host and the
minute-taker. Numbers inside the text are masked (the sheet is filed where
others may read it); the names of those present are kept: they sign it.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..domain.errors import NotFoundError
from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.meetings import MeetingRow, meeting
from ..queries.reference import profile
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table


def minutes_title(kind_label: str) -> str:
    """院坝说事会 → 院坝说事会记录, 村民代表会议 → 村民代表会议记录,
    民主议政日 → 民主议政日会议记录."""
    return f"{kind_label}记录" if kind_label.endswith(("会", "会议")) else f"{kind_label}会议记录"


def render_minutes(
    out: str | os.PathLike | BinaryIO,
    village: str,
    m: MeetingRow,
    *,
    font: CJKFont,
    job: Job | None = None,
) -> int:
    st = Styles(font)
    story = [st.p(f"{village}{minutes_title(m.kind_label)}", st.title), Spacer(1, 5 * mm)]
    attendees = "、".join(a.name for a in m.attendees)
    came = f"共{m.head_count}人" + (f"，其中登记村民：{attendees}" if attendees else "")
    facts = [
        ("会议时间", cn_date(m.date)),
        ("会议地点", m.place),
        ("主持人", m.host),
        ("村民小组", m.group or "—"),
        ("参会人员", came),
        ("会议议题", mask_numbers(m.topics)),
        ("会议情况", mask_numbers(m.discussion) or "—"),
    ]
    rows = [[st.p(k, st.head), st.p(v, st.cell)] for k, v in facts]
    story.append(grid_table(rows, [28 * mm, 152 * mm], header=False))
    story.append(Spacer(1, 4 * mm))
    story.append(st.p("群众反映的问题", st.heading))
    points = [[st.p(h, st.head) for h in ("序号", "反映的问题", "反映人", "处理情况")]]
    for i, p in enumerate(m.points, 1):
        handled = (
            f"当场解决：{mask_numbers(p.solution)}"
            if p.outcome == "solved"
            else f"转入民情台账（{p.matter_number}），由{m.host}首接负责"
        )
        points.append(
            [
                st.p(str(i), st.cell_center),
                st.p(mask_numbers(p.text), st.cell),
                st.p(p.raised_by or "—", st.cell_center),
                st.p(handled, st.cell),
            ]
        )
    if len(points) == 1:
        points.append([st.p("会上没有群众反映问题", st.cell), "", "", ""])
    story.append(grid_table(points, [w * mm for w in (12, 70, 22, 76)]))
    story.append(Spacer(1, 4 * mm))
    story.append(st.p("会议决定", st.heading))
    story.append(st.p(mask_numbers(m.decisions) or "（无）", st.body))
    story.append(Spacer(1, 14 * mm))
    story.append(st.p("主持人（签字）：______________　　记录人（签字）：______________", st.body))
    story.append(Spacer(1, 6 * mm))
    story.append(st.p(f"{village}村民委员会", st.right))
    title = f"{village}{minutes_title(m.kind_label)} {m.date.isoformat()}"
    return build(out, story, font, title, job=job)


def print_minutes(
    db, out, meeting_id: uuid.UUID, today: dt.date | None = None, job: Job | None = None
) -> int:
    """Write one meeting's minutes; returns the page count."""
    with db.reading() as s:
        m = meeting(s, meeting_id)
        if m is None:
            raise NotFoundError("找不到该会议记录（可能已被删除）")
        p = profile(s)
        village = m.village or (p.village if p else "")
        return render_minutes(out, village, m, font=font_for_session(s), job=job)
