"""Recording where ID numbers and phones were shown in full (完整号码导出/
查看记录): an unmasked ledger export, a household's phones revealed on its
page (显示电话), a record's history printed with ``--unmasked``. Each is a
``disclosure`` record in the journal, so it travels to the township with the
village's records (see migration 0013); ``queries.disclosures`` lists them.

The read-only inspector may not write them (``storage/roles.py``): the
inspector is never shown full numbers, so there is nothing to record."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select

from ..domain.disclosures import KINDS
from ..storage.db import Database
from ..storage.models import Cadre, Disclosure, Household, Matter, Person

__all__ = ["KINDS", "record_disclosure", "record_history_shown", "record_phone_reveal"]
NO_CADRE = "（未选择干部）"


def record_disclosure(
    db: Database,
    actor_id,
    kind: str,
    file_name: str,
    period: str,
    households: int,
    people: int,
    by_name: str,
    at: dt.datetime | None = None,
    village_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Keep who showed what with full numbers, and when; returns its id.
    ``file_name``: the file written, or what was shown (a household, a
    record); ``village_id``: the village it concerns (else the session's)."""
    if kind not in KINDS:
        raise ValueError(f"unknown disclosure kind {kind!r}")
    with db.transaction(actor_id) as s:
        row = Disclosure(
            at=(at or dt.datetime.now()).isoformat(timespec="seconds"),
            kind=kind,
            file_name=file_name[:255],
            period=period[:60],
            households=households,
            people=people,
            by_name=by_name[:80],
            village_id=village_id,
        )
        s.add(row)
        s.flush()
        return row.id


def record_phone_reveal(db: Database, actor_id, household_id: uuid.UUID) -> uuid.UUID | None:
    """显示电话 on a household's page: which household (户号 and head), how
    many of its people have a phone, who (the operator, else 未选择干部).
    None when the household is gone (nothing was shown)."""
    with db.reading() as s:
        found = s.execute(
            select(Household.number, Household.village_id, Household.phone).where(
                Household.id == household_id, Household.deleted.is_(False)
            )
        ).first()
        if found is None:
            return None
        number, village_id, phone = found
        live = (Person.household_id == household_id, Person.deleted.is_(False))
        head = s.scalar(select(Person.name).where(*live, Person.relation == "head").limit(1))
        with_phone = s.scalar(
            select(func.count()).select_from(Person).where(*live, Person.phone != "")
        )
        who = s.scalar(select(Cadre.name).where(Cadre.id == actor_id)) if actor_id else None
    shown = f"{number} {head}" if head else number
    return record_disclosure(
        db,
        actor_id,
        "phone_reveal",
        shown,
        "",
        1,
        with_phone or (1 if phone else 0),
        who or NO_CADRE,
        village_id=village_id,
    )


def record_history_shown(
    db: Database, actor_id, kind: str, record_id: uuid.UUID, shown: str, by_name: str
) -> uuid.UUID:
    """``history ID --unmasked`` printed a household's or a matter's changes
    with full numbers: ``shown`` names the record (户 01-003, 事项 …); the
    household's people are counted (a matter: its applicant's household)."""
    with db.reading() as s:
        if kind == "household":
            household_id = record_id
            village_id = s.scalar(select(Household.village_id).where(Household.id == record_id))
        else:
            household_id, village_id = s.execute(
                select(Matter.household_id, Matter.village_id).where(Matter.id == record_id)
            ).one()
        people = (
            s.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.household_id == household_id, Person.deleted.is_(False))
            )
            if household_id
            else 0
        )
    return record_disclosure(
        db,
        actor_id,
        "history_unmasked",
        shown,
        "",
        1 if household_id else 0,
        people or 0,
        by_name,
        village_id=village_id,
    )
