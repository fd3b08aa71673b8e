"""Diary print (民情日记): one cadre's entries over a period, one block per
entry, for the township's spot-check binder (抽查民情日记)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ServiceError
from ..domain.lifecycle import STATUS_LABELS
from ..domain.validation import mask_numbers
from ..domain.visits import SIX_QUESTIONS
from ..jobs import Job
from ..queries.households import aliased_head
from ..queries.reference import labels, profile
from ..services.common import get_live as _get
from ..storage.models import (
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    DiaryItem,
    Household,
    Matter,
    VillagerGroup,
)
from .fonts import font_for_session
from .sheets import Styles, build, cn_date

_WEEK = "一二三四五六日"


def find_cadre(session: Session, name: str) -> Cadre:
    found = list(
        session.scalars(select(Cadre).where(Cadre.name == name.strip(), Cadre.deleted.is_(False)))
    )
    if not found:
        raise NotFoundError(f"没有名为“{name}”的干部")
    if len(found) > 1:
        raise ServiceError(f"有 {len(found)} 名干部都叫“{name}”，请在界面中选择")
    return found[0]


def _entry_block(st: Styles, e: DiaryEntry, ctx: dict) -> KeepTogether:
    modes, names, visited, items, matters = (
        ctx["modes"],
        ctx["cadres"],
        ctx["visited"].get(e.id, []),
        ctx["items"].get(e.id, []),
        ctx["matters"],
    )
    head = f"{e.date.isoformat()}（星期{_WEEK[e.date.weekday()]}）　{modes.get(e.mode, e.mode)}"
    companions = [names.get(c, "") for c in e.companion_ids]
    if any(companions):
        head += "　同行：" + "、".join(c for c in companions if c)
    parts = [st.p(head, st.heading)]
    if visited:
        parts.append(st.p("走访对象：" + "；".join(visited), st.body))
    if e.place:
        parts.append(st.p(f"地点/参加人员：{e.place}", st.body))
    for field, label in SIX_QUESTIONS:
        text = getattr(e, field)
        if text:
            parts.append(st.p(f"{label}：{mask_numbers(text)}", st.body))
    if e.narrative:
        parts.append(st.p(f"走访记录：{mask_numbers(e.narrative)}", st.body))
    if e.help_given:
        parts.append(st.p(f"帮扶措施：{mask_numbers(e.help_given)}", st.body))
    for i, it in enumerate(items, 1):
        if it.outcome == "solved":
            how = "当场解决" + (f"：{it.solution}" if it.solution else "")
        else:
            m = matters.get(it.matter_id)
            how = (
                f"转入台账 {m.number}（{STATUS_LABELS.get(m.status, m.status)}）"
                if m
                else "转入台账"
            )
        parts.append(st.p(f"反映问题{i}：{mask_numbers(it.text)} —— {how}", st.body))
    box = Table([[parts]], colWidths=[180 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.Color(0.55, 0.55, 0.55)),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    box.splitInRow = 1  # a very long entry may continue on the next page
    return KeepTogether([box, Spacer(1, 3 * mm)])


def _context(session: Session, entries: list[DiaryEntry]) -> dict:
    ids = [e.id for e in entries]
    visited: dict = {}
    items: dict = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        head = aliased_head()
        for eid, number, head_name, group in session.execute(
            select(DiaryHousehold.entry_id, Household.number, head.c.name, VillagerGroup.name)
            .join(Household, Household.id == DiaryHousehold.household_id)
            .outerjoin(head, head.c.household_id == Household.id)
            .outerjoin(VillagerGroup, VillagerGroup.id == Household.group_id)
            .where(DiaryHousehold.entry_id.in_(chunk), DiaryHousehold.deleted.is_(False))
            .order_by(Household.number)
        ):
            label = f"{head_name or '（无户主）'}户（{number}" + (f"，{group}）" if group else "）")
            visited.setdefault(eid, []).append(label)
        for it in session.scalars(
            select(DiaryItem)
            .where(DiaryItem.entry_id.in_(chunk), DiaryItem.deleted.is_(False))
            .order_by(DiaryItem.hlc)
        ):
            items.setdefault(it.entry_id, []).append(it)
    matter_ids = [it.matter_id for its in items.values() for it in its if it.matter_id]
    matters = {
        m.id: m
        for m in (
            session.scalars(select(Matter).where(Matter.id.in_(matter_ids))) if matter_ids else []
        )
    }
    return {
        "modes": labels(session, "visit_mode"),
        "cadres": {str(c.id): c.name for c in session.scalars(select(Cadre))},
        "visited": visited,
        "items": items,
        "matters": matters,
    }


def print_diary(
    db,
    out: str | os.PathLike | BinaryIO,
    cadre: str | uuid.UUID,
    start: dt.date,
    end: dt.date,
    today: dt.date | None = None,
    job: Job | None = None,
) -> int:
    """Write one cadre's diary entries from ``start`` to ``end`` (inclusive);
    returns pages. ``cadre`` is the cadre's id, or a name (refused when two
    cadres share it)."""
    if end < start:
        raise ServiceError("结束日期不能早于开始日期")
    today = today or dt.date.today()
    with db.reading() as s:
        if isinstance(cadre, uuid.UUID):
            cadre = _get(s, Cadre, cadre, "干部")
        else:
            cadre = find_cadre(s, cadre)
        p = profile(s)
        village = p.village if p else ""
        entries = list(
            s.scalars(
                select(DiaryEntry)
                .where(
                    DiaryEntry.author_id == cadre.id,
                    DiaryEntry.deleted.is_(False),
                    DiaryEntry.date.between(start, end),
                )
                .order_by(DiaryEntry.date, DiaryEntry.hlc)
            )
        )
        ctx = _context(s, entries)
        font = font_for_session(s)
        st = Styles(font)
        role = labels(s, "role").get(cadre.role, cadre.role)
        households = {h for e in entries for h in ctx["visited"].get(e.id, [])}
        visits = sum(len(ctx["visited"].get(e.id, [])) for e in entries)
        story = [
            st.p(f"{village}民情日记", st.title),
            st.p(f"{cadre.name}（{role}）　{cn_date(start)} 至 {cn_date(end)}", st.subtitle),
            Spacer(1, 2 * mm),
            st.p(f"共 {len(entries)} 篇；走访 {len(households)} 户、{visits} 户次。", st.subtitle),
            Spacer(1, 4 * mm),
        ]
        if not entries:
            story.append(st.p("这段时间没有民情日记。", st.body))
        story += [_entry_block(st, e, ctx) for e in entries]
        story += [
            Spacer(1, 6 * mm),
            st.p("抽查意见：", st.body),
            Spacer(1, 16 * mm),
            st.p(
                f"抽查人：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿　　打印日期：{cn_date(today)}", st.body
            ),
        ]
        return build(out, story, font, f"{cadre.name}民情日记", job=job)
