"""The village's rules, checked over what is stored — after a merge above all.

The services refuse anything that breaks these rules, but two copies can each
make a valid change offline that together break one (both register 户号
01-015; both mark a different member as head). A merge never fails on that
and never fixes it silently: :func:`violations` lists every break for a person
to settle (merge the two households, renumber, pick the head), and the list
is computed from the records, so it is always current on every copy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from ..domain.lifecycle import STATUS_LABELS
from ..storage.models import (
    Household,
    Matter,
    Pairing,
    Person,
    Setting,
    VillageProfile,
    VocabTerm,
)

KINDS = {
    "household_number": "户号重复",
    "id_number": "身份证号重复",
    "heads": "一户多个户主",
    "no_head": "户没有户主",
    "orphan_member": "已删除的户还有成员",
    "pairing": "同一干部重复结对",
    "matter_number": "事项编号重复",
    "matter_state": "事项状态不完整",
    "vocabulary": "词表代码重复",
    "setting": "设置重复",
    "profile": "村庄信息重复",
}


@dataclass(frozen=True)
class Violation:
    kind: str  # a key of KINDS
    entity: str
    record_ids: tuple[uuid.UUID, ...]
    detail: str

    @property
    def title(self) -> str:
        return KINDS[self.kind]

    def __str__(self) -> str:
        return f"{self.title}：{self.detail}"


def _duplicates(session: Session, column, where, entity: str, kind: str, what: str) -> list:
    """Records sharing a value of ``column`` within one village (a township
    office's database holds many villages, each with its own 01-001)."""
    model = column.class_
    dup = (
        select(model.village_id, column)
        .where(where, column != "")
        .group_by(model.village_id, column)
        .having(func.count() > 1)
        .subquery()
    )
    rows = session.execute(
        select(column, model.village_id, model.id)
        .join(
            dup,
            and_(
                dup.c[column.key] == column,
                dup.c.village_id.is_not_distinct_from(model.village_id),
            ),
        )
        .where(where)
    ).all()
    groups: dict[tuple, list[uuid.UUID]] = {}
    for value, village, rid in rows:
        groups.setdefault((value, str(village)), []).append(rid)
    return [
        Violation(kind, entity, tuple(sorted(ids, key=str)), f"{what} {value} 有 {len(ids)} 条")
        for (value, _village), ids in sorted(groups.items())
    ]


def violations(session: Session) -> list[Violation]:
    """Every rule the stored records break now, in a stable order."""
    live_h = Household.deleted.is_(False)
    live_p = Person.deleted.is_(False)
    out: list[Violation] = []
    out += _duplicates(session, Household.number, live_h, "household", "household_number", "户号")
    alive = select(Household.id).where(live_h)
    out += _duplicates(
        session,
        Person.id_number,
        and_(live_p, Person.household_id.in_(alive)),
        "person",
        "id_number",
        "身份证号",
    )
    # Heads counted in SQL, household by household: only the households
    # with none or several come back (a township holds 100,000 people).
    heads = func.sum(case((Person.relation == "head", 1), else_=0))
    not_one = session.execute(
        select(Person.household_id, heads)
        .where(live_p, Person.household_id.in_(alive))
        .group_by(Person.household_id)
        .having(heads != 1)
    ).all()
    orphans = session.execute(
        select(Person.household_id, func.count())
        .join(Household, Household.id == Person.household_id)
        .where(live_p, Household.deleted.is_(True))
        .group_by(Person.household_id)
    ).all()
    pairings = _open_pairings(session)
    named = {hid for hid, _n in not_one + orphans} | {hid for _c, hid, _ids in pairings}
    numbers = _numbers(session, named)
    for hid, n in sorted(not_one, key=lambda row: str(row[0])):
        if n > 1:
            out.append(
                Violation("heads", "household", (hid,), f"户号 {numbers[hid]} 有 {n} 位户主")
            )
    for hid, n in sorted(not_one, key=lambda row: str(row[0])):
        if n == 0:
            out.append(Violation("no_head", "household", (hid,), f"户号 {numbers[hid]} 没有户主"))
    for hid, n in orphans:
        out.append(
            Violation(
                "orphan_member", "household", (hid,), f"户号 {numbers[hid]} 已删除，仍有 {n} 名成员"
            )
        )
    for _cadre, hid, ids in pairings:
        out.append(
            Violation(
                "pairing",
                "pairing",
                ids,
                f"户号 {numbers.get(hid, '?')} 与同一干部有 {len(ids)} 条结对",
            )
        )
    out += _duplicates(
        session, Matter.number, Matter.deleted.is_(False), "matter", "matter_number", "事项编号"
    )
    out += _matter_states(session)
    out += _vocab_duplicates(session)
    out += _duplicates(
        session, Setting.key, Setting.deleted.is_(False), "setting", "setting", "设置"
    )
    profiles = session.execute(
        select(VillageProfile.id, VillageProfile.kind).where(VillageProfile.deleted.is_(False))
    ).all()
    townships = [pid for pid, kind in profiles if kind == "township"]
    # A village copy holds one village; a township office's database holds
    # one township profile and its villages.
    extra = townships if townships else [pid for pid, _kind in profiles]
    if len(extra) > 1:
        out.append(
            Violation(
                "profile",
                "village_profile",
                tuple(sorted(extra, key=str)),
                f"有 {len(extra)} 份{'乡镇' if townships else '村庄'}信息",
            )
        )
    return out


def _numbers(session: Session, households: set) -> dict:
    """户号 of these households (to name them in a violation)."""
    out: dict = {}
    ids = list(households)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.update(
            session.execute(
                select(Household.id, Household.number).where(Household.id.in_(chunk))
            ).all()
        )
    return out


def _open_pairings(session: Session):
    rows = session.execute(
        select(Pairing.cadre_id, Pairing.household_id, Pairing.id).where(
            Pairing.deleted.is_(False), Pairing.end_date.is_(None)
        )
    ).all()
    groups: dict[tuple, list[uuid.UUID]] = {}
    for cadre, hid, pid in rows:
        groups.setdefault((cadre, hid), []).append(pid)
    return [(c, h, tuple(sorted(ids, key=str))) for (c, h), ids in groups.items() if len(ids) > 1]


def _vocab_duplicates(session: Session) -> list[Violation]:
    rows = session.execute(
        select(VocabTerm.kind, VocabTerm.code, VocabTerm.village_id, VocabTerm.id).where(
            VocabTerm.deleted.is_(False)
        )
    ).all()
    groups: dict[tuple[str, str, str], list[uuid.UUID]] = {}
    for kind, code, village, rid in rows:
        groups.setdefault((kind, code, str(village)), []).append(rid)
    return [
        Violation(
            "vocabulary",
            "vocab_term",
            tuple(sorted(ids, key=str)),
            f"{kind} 的代码 {code} 有 {len(ids)} 条",
        )
        for (kind, code, _village), ids in sorted(groups.items())
        if len(ids) > 1
    ]


# What each state requires of a matter's life-cycle fields.
_STATE_NEEDS = {
    "done": ("result", "done_date"),
    "feedback": ("result", "done_date", "satisfaction", "feedback_date"),
    "closed": ("result", "done_date", "satisfaction", "closed_date"),
    "returned": ("return_reasons",),
    "unresolvable": ("explanation",),
    "forwarded": ("forwarded_to", "forwarded_date"),
    "result_returned": ("forwarded_to", "result"),
}


def _matter_states(session: Session) -> list[Violation]:
    out = []
    fields = sorted({f for needs in _STATE_NEEDS.values() for f in needs})
    for m in session.execute(
        select(
            Matter.id, Matter.number, Matter.status, *[getattr(Matter, f) for f in fields]
        ).where(Matter.deleted.is_(False), Matter.status.in_(_STATE_NEEDS))
    ).mappings():
        missing = [f for f in _STATE_NEEDS[m["status"]] if not m[f]]
        if missing:
            out.append(
                Violation(
                    "matter_state",
                    "matter",
                    (m["id"],),
                    f"事项 {m['number']} 为“{STATUS_LABELS[m['status']]}”，缺少 {', '.join(missing)}",
                )
            )
    return out
