"""Reference data: village profile, groups, cadres, vocabularies, settings."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from ..domain.vocab import DEFAULT_SETTINGS, LOCAL_SETTING_KEYS
from ..storage import villages
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


_SCOPE = "village_scope"


def scope(session: Session) -> uuid.UUID | None:
    """The village whose vocabularies, settings and profile this session
    reads: a village copy's own village; in a township office's database the
    township's own (None), unless a caller set ``session.info["village_scope"]``
    to one of its villages."""
    if _SCOPE not in session.info:
        session.info[_SCOPE] = villages.home_village(session)
    return session.info[_SCOPE]


def is_township(session: Session) -> bool:
    """This database is a township office's (乡镇汇总): it holds its villages."""
    return villages.is_township(session)


def _in_scope(model, session: Session, village: uuid.UUID | None | bool = False):
    where = scope(session) if village is False else village
    return model.village_id.is_(None) if where is None else model.village_id == where


def profile(session: Session, village: uuid.UUID | None | bool = False) -> Row | None:
    """The profile (village, township, county, phones) of the session's
    village — in a township office's database the township's own — or None."""
    live = select(*columns(VillageProfile)).where(VillageProfile.deleted.is_(False))
    found = session.execute(live.where(_in_scope(VillageProfile, session, village))).first()
    if found is None:  # not set up, or a copy holding several villages without a township
        found = session.execute(live.order_by(VillageProfile.id).limit(1)).first()
    return found


def village_profiles(session: Session) -> list[Row]:
    """The villages this database holds (one on a village copy), by name."""
    return list(
        session.execute(
            select(*columns(VillageProfile))
            .where(VillageProfile.deleted.is_(False), VillageProfile.kind == villages.VILLAGE)
            .order_by(VillageProfile.division_code, VillageProfile.village)
        )
    )


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
    """The session's village's entries of a vocabulary (see :func:`scope`)."""
    q = select(*columns(VocabTerm)).where(
        VocabTerm.kind == kind, VocabTerm.deleted.is_(False), _in_scope(VocabTerm, session)
    )
    if not include_retired:
        q = q.where(VocabTerm.retired.is_(False))
    return list(session.execute(q.order_by(VocabTerm.sort_order, VocabTerm.label)))


def labels(session: Session, kind: str) -> dict[str, str]:
    """code → label, including retired entries (old records still show them).
    In a township office's database a code only a village added is named by
    that village's label."""
    mine = {t.code: t.label for t in vocabulary(session, kind, include_retired=True)}
    if not is_township(session):
        return mine
    others = session.execute(
        select(VocabTerm.code, VocabTerm.label)
        .where(VocabTerm.kind == kind, VocabTerm.deleted.is_(False))
        .order_by(VocabTerm.village_id)
    )
    return {**{code: label for code, label in others}, **mine}


def choices(session: Session, kind: str) -> list[tuple[str, str]]:
    """(code, label) of the entries offered for new records."""
    return [(t.code, t.label) for t in vocabulary(session, kind)]


def get_setting(session: Session, key: str, village: uuid.UUID | None | bool = False):
    """A setting of the session's village (or of ``village``: None for the
    township's own), else its default."""
    if key in LOCAL_SETTING_KEYS:
        raw = session.scalar(select(LocalSetting.value).where(LocalSetting.key == key))
    else:
        raw = session.scalar(
            select(Setting.value)
            .where(
                Setting.key == key, Setting.deleted.is_(False), _in_scope(Setting, session, village)
            )
            .order_by(Setting.id)
            .limit(1)
        )
    if raw is None:
        return DEFAULT_SETTINGS.get(key)
    return json.loads(raw)
