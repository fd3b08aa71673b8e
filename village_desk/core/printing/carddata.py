"""What goes on a contact card, read from the database.

The front is per household (head, 户号, 组, the paired cadres); the back and
the footer are the same for the whole village and come from the village
profile and the settings below, each with a default from DOMAIN.md §5.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ServiceError
from ..domain.vocab import DEFAULT_SETTINGS
from ..queries.households import HouseholdFilter, aliased_head, household_ids_where
from ..queries.reference import get_setting, labels, profile
from ..storage.models import (
    Cadre,
    Household,
    Pairing,
    VillagerGroup,
    has_code,
)

_WEEKDAYS = "一二三四五六日"


def duty_days_text(days) -> str:
    """ISO weekdays → 每周二、周四."""
    valid = sorted({int(d) for d in days or [] if 1 <= int(d) <= 7})
    if not valid:
        return ""
    if valid == list(range(1, 8)):
        return "每天"
    return "每" + "、".join(f"周{_WEEKDAYS[d - 1]}" for d in valid)


def card_setting(session: Session, key: str):
    return get_setting(session, key)


@dataclass(frozen=True)
class CardCadre:
    name: str
    role: str  # label, e.g. 村党组织书记
    phone: str = ""
    duties: str = ""


@dataclass(frozen=True)
class CardFront:
    """One household's card."""

    household_number: str
    head_name: str
    group_name: str
    cadres: tuple[CardCadre, ...] = ()
    household_id: uuid.UUID | None = None


@dataclass(frozen=True)
class CardCommon:
    """What every card of the village shares: title, footer and the back."""

    village: str
    title: str = DEFAULT_SETTINGS["card_title"]
    service_phone: str = ""
    duty_days: str = ""
    hotline: str = ""
    service_items: tuple[str, ...] = ()
    slogan: str = ""
    policy_text: str = ""


@dataclass
class CardSelection:
    """Which households get a card: some (户号 or ids), a group, a category, or all."""

    households: tuple[str, ...] = ()
    group: str | None = None  # name
    category: str | None = None  # code or label
    all: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    # the household list's filter (group, category, cadre, not visited, overdue)
    list_filter: HouseholdFilter | None = None


def load_common(session: Session) -> CardCommon:
    p = profile(session)
    village = p.village if p else ""
    items = card_setting(session, "card_service_items") or []
    return CardCommon(
        village=village,
        title=str(card_setting(session, "card_title") or ""),
        service_phone=p.service_phone if p else "",
        duty_days=duty_days_text(card_setting(session, "duty_days")),
        hotline=p.hotline if p else "",
        service_items=tuple(str(i) for i in items),
        slogan=str(card_setting(session, "card_slogan") or ""),
        policy_text=str(card_setting(session, "card_policy_text") or ""),
    )


def _household_filter(session: Session, sel: CardSelection):
    conds = [Household.deleted.is_(False)]
    if sel.households:
        ids, numbers = [], []
        for value in sel.households:
            try:
                ids.append(uuid.UUID(str(value)))
            except ValueError:
                numbers.append(str(value).strip())
        conds.append(or_(Household.id.in_(ids), Household.number.in_(numbers)))
        found = session.execute(select(Household.id, Household.number).where(*conds)).all()
        known = {str(i) for i, _ in found} | {n for _, n in found}
        missing = [v for v in sel.households if str(v).strip() not in known]
        if missing:
            raise NotFoundError("找不到这些户：" + "、".join(str(m) for m in missing))
    if sel.group:
        gid = session.scalar(
            select(VillagerGroup.id).where(
                VillagerGroup.name == sel.group.strip(), VillagerGroup.deleted.is_(False)
            )
        )
        if gid is None:
            raise NotFoundError(f"没有名为“{sel.group}”的村民小组")
        conds.append(Household.group_id == gid)
    if sel.list_filter is not None:
        conds.append(household_ids_where(sel.list_filter))
    if sel.category:
        cats = labels(session, "household_category")
        code = sel.category if sel.category in cats else None
        code = code or next((c for c, lb in cats.items() if lb == sel.category.strip()), None)
        if code is None:
            raise NotFoundError(f"没有“{sel.category}”这个户类别")
        conds.append(has_code(Household.categories, code))
    if not (sel.households or sel.group or sel.category or sel.all or sel.list_filter):
        raise ServiceError("请选择要打印联系卡的户：指定户、村民小组、户类别或全部")
    return conds


def load_cards(session: Session, sel: CardSelection) -> list[CardFront]:
    """Card fronts for the selected households, by group then 户号."""
    conds = _household_filter(session, sel)
    head = aliased_head()
    rows = session.execute(
        select(Household.id, Household.number, head.c.name, VillagerGroup.name)
        .outerjoin(head, head.c.household_id == Household.id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Household.group_id)
        .where(*conds)
        .order_by(VillagerGroup.sort_order, Household.number)
    ).all()
    if not rows:
        raise ServiceError("没有符合条件的户，未生成联系卡")
    roles = labels(session, "role")
    ids = [r[0] for r in rows]
    by_household: dict[uuid.UUID, list[CardCadre]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        pairs = session.execute(
            select(Pairing.household_id, Cadre)
            .join(Cadre, Cadre.id == Pairing.cadre_id)
            .where(
                Pairing.household_id.in_(chunk),
                Pairing.deleted.is_(False),
                Pairing.start_date <= sel.today,
                or_(Pairing.end_date.is_(None), Pairing.end_date >= sel.today),
                Cadre.deleted.is_(False),
                Cadre.active.is_(True),
            )
            .order_by(Pairing.start_date, Cadre.name)
        ).all()
        for hid, c in pairs:
            mine = by_household.setdefault(hid, [])
            if all(x.name != c.name or x.phone != c.phone for x in mine):
                mine.append(CardCadre(c.name, roles.get(c.role, c.role), c.phone, c.duties))
    return [
        CardFront(number, head_name or "", group or "", tuple(by_household.get(hid, ())), hid)
        for hid, number, head_name, group in rows
    ]
