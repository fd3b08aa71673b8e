"""Spot-check and assessment sheets.

* 民情日记抽查记录 (one spot-check): the scope, the seed and how the sample
  was drawn — so anyone can draw it again — then each sampled entry as it
  was written with the inspector's finding, the counts, and signature lines
  for the inspector and the cadre checked.
* 干部年度考核表 (一测一考): one page per cadre — the year's figures against
  their definitions (printed as footnotes), the entered 三评, and signature
  lines. Numbers inside free text are masked (the sheets go into files
  others read); names are kept: the cadre, the leader and the inspector sign.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..domain.assessment import DEFINITIONS, FINDINGS, finding_label, pct
from ..domain.errors import NotFoundError
from ..domain.validation import mask_numbers
from ..jobs import Job
from ..queries.assessment import (
    CadreYear,
    CheckedEntry,
    SpotCheckRow,
    assessment_year,
    checked_entries,
    figure_rows,
    score_text,
    spot_check,
)
from ..queries.reference import is_township, profile
from .fonts import CJKFont, font_for_session
from .sheets import Styles, build, cn_date, grid_table, iso

DRAW_RULE = (
    "抽取方法：把范围内的日记按日期、同日再按记录编号（32位十六进制）排序，依次编为第0至第{n}篇；"
    "用 Python 的 random.Random({seed}).sample(range({total}), {size}) 抽出篇号，按原顺序列出。"
    "任何人用同一范围和种子都能重新抽出同样的日记。"
)


def render_spot_check(
    out: str | os.PathLike | BinaryIO,
    place: str,
    check: SpotCheckRow,
    entries: list[CheckedEntry],
    *,
    font: CJKFont,
    job: Job | None = None,
) -> int:
    st = Styles(font, base=10)
    story = [st.p(f"{place}民情日记抽查记录", st.title), Spacer(1, 4 * mm)]
    facts = [
        ("抽查日期", cn_date(check.date), "抽查人", check.inspector),
        (
            "抽查范围",
            check.scope,
            "日记期间",
            f"{iso(check.period_start)} 至 {iso(check.period_end)}",
        ),
        (
            "范围内日记",
            f"{check.population} 篇",
            "抽取篇数 / 随机数种子",
            f"{len(entries)} 篇 / {check.seed}",
        ),
    ]
    rows = [
        [st.p(a, st.head), st.p(b, st.cell), st.p(c, st.head), st.p(d, st.cell)]
        for a, b, c, d in facts
    ]
    story.append(grid_table(rows, [w * mm for w in (30, 98, 40, 99)], header=False))
    story.append(Spacer(1, 2 * mm))
    rule = DRAW_RULE.format(
        n=max(check.population - 1, 0),
        seed=check.seed,
        total=check.population,
        size=min(check.sample_size, check.population),
    )
    story.append(st.p(rule, st.small))
    if check.note:
        story.append(st.p(f"说明：{mask_numbers(check.note)}", st.small))
    story.append(Spacer(1, 3 * mm))
    head = ["序号", "日期", "记录人", "方式", "走访户", "日记内容", "抽查结论", "说明", "记录编号"]
    table = [[st.p(h, st.head) for h in head]]
    for e in entries:
        text = mask_numbers(e.text) or "（无内容）"
        if e.entry_deleted:
            text = "（这篇日记抽查后已被删除）\n" + text
        table.append(
            [
                st.p(str(e.position), st.cell_center),
                st.p(iso(e.date), st.cell_center),
                st.p(e.author, st.cell_center),
                st.p(e.mode, st.cell_center),
                st.p(e.households or e.place, st.cell),
                st.p(text, st.cell),
                st.p(finding_label(e.finding), st.cell_center),
                st.p(mask_numbers(e.note), st.cell),
                st.p(e.entry_id.hex[:8], st.cell_center),
            ]
        )
    widths = [w * mm for w in (10, 20, 16, 16, 30, 95, 18, 44, 18)]
    story.append(grid_table(table, widths))
    story.append(Spacer(1, 3 * mm))
    counts = "，".join(
        f"{label} {check.findings.get(code, 0)} 篇" for code, label in FINDINGS.items()
    )
    story.append(
        st.p(
            f"小结：抽查 {len(entries)} 篇，已下结论 {check.checked} 篇（{counts}），"
            f"未下结论 {check.findings.get('', 0)} 篇；日记真实率 {pct(check.true_rate)}"
            "（真实 ÷ 已下结论）。",
            st.body,
        )
    )
    story.append(Spacer(1, 12 * mm))
    story.append(
        st.p(
            "抽查人（签字）：______________　　被抽查人（签字）：______________　　"
            "日期：______年____月____日",
            st.body,
        )
    )
    title = f"{place}民情日记抽查记录 {iso(check.date)}"
    return build(out, story, font, title, landscape_page=True, job=job)


def print_spot_check(
    db, out, check_id: uuid.UUID, today: dt.date | None = None, job: Job | None = None
) -> int:
    """Write one spot-check's record; returns the page count."""
    with db.reading() as s:
        check = spot_check(s, check_id)
        if check is None:
            raise NotFoundError("找不到该抽查记录（可能已被删除）")
        entries = checked_entries(s, check_id)
        p = profile(s)
        place = check.village or (p.village if p and not is_township(s) else "")
        if not place and p is not None:
            place = p.township or p.village
        return render_spot_check(out, place, check, entries, font=font_for_session(s), job=job)


# --------------------------------------------------------------------------- the year


def render_assessment(
    out: str | os.PathLike | BinaryIO,
    township: str,
    year: int,
    as_of: dt.date,
    rows: list[CadreYear],
    *,
    font: CJKFont,
    job: Job | None = None,
) -> int:
    st = Styles(font, base=10)
    story: list = []
    for n, r in enumerate(rows):
        if n:
            story.append(PageBreak())
        story += [
            st.p(f"{township}{year}年度干部考核表", st.title),
            st.p(f"一测一考　三评（统计截至{cn_date(as_of)}）", st.subtitle),
            Spacer(1, 4 * mm),
        ]
        head = [
            [
                st.p("姓名", st.head),
                st.p(r.name, st.cell_center),
                st.p("职务", st.head),
                st.p(r.role, st.cell_center),
                st.p("所属村", st.head),
                st.p(r.village, st.cell_center),
            ]
        ]
        story.append(grid_table(head, [w * mm for w in (20, 40, 20, 40, 20, 40)], header=False))
        story.append(Spacer(1, 3 * mm))
        story.append(st.p("一考：日常工作", st.heading))
        table = [[st.p(k, st.head), st.p(v, st.cell)] for k, v in figure_rows(r)]
        story.append(grid_table(table, [30 * mm, 150 * mm], header=False))
        story.append(Spacer(1, 3 * mm))
        story.append(st.p("一测：群众测评", st.heading))
        e = r.entered
        if e.votes:
            poll = (
                f"满意 {e.poll_satisfied} 票，基本满意 {e.poll_basic} 票，不满意 {e.poll_unsatisfied} 票，"
                f"共 {e.votes} 票；测评满意率 {pct(e.poll_rate)}（测评日期 {iso(e.poll_date)}）"
            )
        else:
            poll = "尚未测评"
        story.append(grid_table([[st.p(poll, st.cell)]], [180 * mm], header=False))
        story.append(Spacer(1, 3 * mm))
        story.append(st.p("三评", st.heading))
        evals = [
            [st.p(h, st.head) for h in ("", "得分", "评价意见")],
            [
                st.p("自评", st.head),
                st.p(score_text(e.self_score), st.cell_center),
                st.p(mask_numbers(e.self_text) or "—", st.cell),
            ],
            [
                st.p("领导点评", st.head),
                st.p(score_text(e.leader_score), st.cell_center),
                st.p(
                    (f"{e.leader_name}：" if e.leader_name else "")
                    + (mask_numbers(e.leader_comment) or "—"),
                    st.cell,
                ),
            ],
            [
                st.p("群众测评", st.head),
                st.p(pct(e.poll_rate), st.cell_center),
                st.p(f"{e.votes} 票" if e.votes else "尚未测评", st.cell),
            ],
        ]
        story.append(grid_table(evals, [w * mm for w in (30, 24, 126)]))
        story.append(Spacer(1, 12 * mm))
        story.append(
            st.p(
                "本人（签字）：______________　　点评人（签字）：______________　　"
                "日期：______年____月____日",
                st.body,
            )
        )
        story.append(Spacer(1, 6 * mm))
        story.append(st.p("指标口径：", st.small))
        for name, text in DEFINITIONS:
            story.append(st.p(f"{name}：{text}。", st.small))
    if not rows:
        story.append(st.p(f"{township}{year}年度没有在职干部", st.body))
    return build(out, story, font, f"{township}{year}年度干部考核表", job=job)


def print_assessment(
    db,
    out,
    year: int,
    cadre_ids: list[uuid.UUID] | None = None,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    """Write the yearly assessment sheet of each cadre (or of those named);
    returns the page count."""
    with db.reading() as s:
        found = assessment_year(s, year, today)
        rows = found.cadres
        if cadre_ids is not None:
            wanted = set(cadre_ids)
            rows = [r for r in rows if r.cadre_id in wanted]
        p = profile(s)
        name = (p.village if not is_township(s) else p.township) if p else ""
        return render_assessment(
            out, name, year, found.as_of, rows, font=font_for_session(s), job=job
        )
