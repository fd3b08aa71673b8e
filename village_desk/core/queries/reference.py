"""Reference data: village profile, groups, cadres, vocabularies, settings."""

from __future__ import annotations

import json

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from ..domain.vocab import DEFAULT_SETTINGS, LOCAL_SETTING_KEYS
from ..storage.models import (
    Cadre,
    LocalSetting,
    Setting,
    VillageProfile,
    VillagerGroup,
    VocabTerm,
)


def columns(model):
    """All columns of a record table, for queries that return plain rows."""
    return model.__table__.c


def is_initialized(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(VillageProfile)) > 0


def profile(session: Session) -> Row | None:
    """The village profile (village, township, county, phones), or None."""
    return session.execute(
        select(*columns(VillageProfile)).where(VillageProfile.deleted.is_(False)).limit(1)
    ).first()


def groups(session: Session) -> list[Row]:
    return list(
        session.execute(
            select(*columns(VillagerGroup))
            .where(VillagerGroup.deleted.is_(False))
            .order_by(VillagerGroup.sort_order, VillagerGroup.name)
        )
    )


def cadres(session: Session, include_inactive: bool = False) -> list[Row]:
    q = select(*columns(Cadre)).where(Cadre.deleted.is_(False))
    if not include_inactive:
        q = q.where(Cadre.active.is_(True))
    return list(session.execute(q.order_by(Cadre.name)))


def cadre_names(session: Session) -> dict:
    """cadre id → name, including inactive cadres (old records name them)."""
    return {c.id: c.name for c in cadres(session, include_inactive=True)}


def vocabulary(session: Session, kind: str, include_retired: bool = False) -> list[Row]:
    q = select(*columns(VocabTerm)).where(VocabTerm.kind == kind, VocabTerm.deleted.is_(False))
    if not include_retired:
        q = q.where(VocabTerm.retired.is_(False))
    return list(session.execute(q.order_by(VocabTerm.sort_order, VocabTerm.label)))


def labels(session: Session, kind: str) -> dict[str, str]:
    """code → label, including retired entries (old records still show them)."""
    return {t.code: t.label for t in vocabulary(session, kind, include_retired=True)}


def choices(session: Session, kind: str) -> list[tuple[str, str]]:
    """(code, label) of the entries offered for new records."""
    return [(t.code, t.label) for t in vocabulary(session, kind)]


def get_setting(session: Session, key: str):
    if key in LOCAL_SETTING_KEYS:
        raw = session.scalar(select(LocalSetting.value).where(LocalSetting.key == key))
    else:
        raw = session.scalar(
            select(Setting.value)
            .where(Setting.key == key, Setting.deleted.is_(False))
            .order_by(Setting.id)
            .limit(1)
        )
    if raw is None:
        return DEFAULT_SETTINGS.get(key)
    return json.loads(raw)
