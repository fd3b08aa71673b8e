"""Pairing rules as figures (DOMAIN.md §2): households with no responsible
cadre, and cadres below the pairing norms the settings define.

A pairing counts while it is current (no end date). The norms are the setting
``pairing_norms`` (defaults in ``domain.vocab.DEFAULT_SETTINGS``):

* ``pair_123`` — “123”结对: per cadre, ``party`` households with a party
  member, ``villagers`` households without one, of which ``hardship`` in
  hardship (a category in :data:`HARDSHIP_CATEGORIES`);
* any other pairing kind with ``households`` — at least that many current
  pairings of the kind per cadre (结对帮扶 ≥ 2).

Every active cadre is held to every norm set; a village that does not use
a kind of pairing removes its norm in settings.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.vocab import DEFAULT_SETTINGS
from ..storage.models import Cadre, Household, Pairing, Person, VillagerGroup
from .reference import get_setting, labels

# 户类别 that mean a household in hardship (低保, 特困, 监测, 困难群众, 困难党员).
HARDSHIP_CATEGORIES = frozenset({"dibao", "tekun", "jiance", "kunnan", "party_hardship"})


@dataclass(frozen=True)
class Unpaired:
    household_id: uuid.UUID
    number: str
    head: str
    group: str


@dataclass(frozen=True)
class PairingGap:
    cadre_id: uuid.UUID
    name: str
    role: str  # label
    kind: str  # pairing kind code
    kind_label: str
    required: str  # 党员2户 + 群众3户（其中困难≥1户）
    current: str  # 党员1户、群众3户（困难0户）


def norms(session: Session) -> dict:
    value = get_setting(session, "pairing_norms")
    return value if isinstance(value, dict) else dict(DEFAULT_SETTINGS["pairing_norms"])


def households_without_cadre(session: Session) -> list[Unpaired]:
    """Current households with no current pairing, by group and 户号."""
    paired = select(Pairing.household_id).where(
        Pairing.deleted.is_(False), Pairing.end_date.is_(None)
    )
    heads = dict(
        session.execute(
            select(Person.household_id, Person.name).where(
                Person.relation == "head", Person.deleted.is_(False)
            )
        ).all()
    )
    groups = {
        gid: (order, name)
        for gid, name, order in session.execute(
            select(VillagerGroup.id, VillagerGroup.name, VillagerGroup.sort_order)
        )
    }
    rows = session.execute(
        select(Household.id, Household.number, Household.group_id).where(
            Household.deleted.is_(False), Household.id.not_in(paired)
        )
    ).all()
    rows.sort(key=lambda r: (groups.get(r[2], (10**6, ""))[0], r[1]))
    return [
        Unpaired(hid, number, heads.get(hid, ""), groups.get(gid, (0, ""))[1])
        for hid, number, gid in rows
    ]


def pairing_gaps(session: Session, today: dt.date | None = None) -> list[PairingGap]:
    """Active cadres below a pairing norm, by cadre name then norm."""
    rules = norms(session)
    if not rules:
        return []
    kinds = labels(session, "pairing_kind")
    roles = labels(session, "role")
    party = {
        hid
        for (hid,) in session.execute(
            select(Person.household_id).where(
                Person.deleted.is_(False),
                Person.party_member.is_(True),
                Person.status != "deceased",
            )
        )
    }
    hardship = {
        hid
        for hid, cats in session.execute(
            select(Household.id, Household.categories).where(Household.deleted.is_(False))
        )
        if HARDSHIP_CATEGORIES.intersection(cats or ())
    }
    live = {hid for (hid,) in session.execute(select(Household.id).where(~Household.deleted))}
    held: dict[tuple[uuid.UUID, str], set] = defaultdict(set)
    for cid, hid, kind in session.execute(
        select(Pairing.cadre_id, Pairing.household_id, Pairing.kind).where(
            Pairing.deleted.is_(False), Pairing.end_date.is_(None)
        )
    ):
        if hid in live:
            held[(cid, kind)].add(hid)
    out = []
    for cid, name, role in session.execute(
        select(Cadre.id, Cadre.name, Cadre.role)
        .where(Cadre.deleted.is_(False), Cadre.active.is_(True))
        .order_by(Cadre.name)
    ):
        for kind, rule in rules.items():
            if not isinstance(rule, dict):
                continue
            mine = held.get((cid, kind), set())
            if kind == "pair_123":
                need_p, need_v = int(rule.get("party", 0)), int(rule.get("villagers", 0))
                need_h = int(rule.get("hardship", 0))
                members = mine & party
                villagers = mine - party
                poor = villagers & hardship
                if len(members) >= need_p and len(villagers) >= need_v and len(poor) >= need_h:
                    continue
                required = f"党员{need_p}户 + 群众{need_v}户（其中困难≥{need_h}户）"
                current = f"党员{len(members)}户、群众{len(villagers)}户（困难{len(poor)}户）"
            else:
                need = int(rule.get("households", 0))
                if len(mine) >= need:
                    continue
                required, current = f"≥{need}户", f"{len(mine)}户"
            out.append(
                PairingGap(
                    cid,
                    name,
                    roles.get(role, role),
                    kind,
                    kinds.get(kind, kind),
                    required,
                    current,
                )
            )
    return out
