"""Spot-checks of diaries (抽查民情日记) and the yearly assessment (三评).

A spot-check is drawn once: the entries in scope are counted and a seeded
random sample of them is kept, each as a :class:`SpotCheckItem` in the
order drawn. The inspector then records a finding for each (真实 / 不够具体
/ 未回访 / 不实; anything but 真实 says why). These functions write only
``spot_check`` and ``spot_check_item``: a read-only inspector's copy allows
exactly them.

The yearly assessment stores what people enter — the self-evaluation, the
leader's comment, the villagers' votes — one record per cadre, year and
evaluation (the same id on every copy); the figures are computed when shown.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.assessment import FINDINGS, PARTS, SAMPLE_MAX, SCORE_MAX, SEED_MAX, draw
from ..domain.errors import ServiceError, ValidationError
from ..domain.validation import not_future, require
from ..queries.assessment import assessment_id, scope_entries
from ..storage.db import Database
from ..storage.models import Assessment, Cadre, SpotCheck, SpotCheckItem, VillageProfile
from .common import edit_only_changes, get_live, tx_id

FIRST_YEAR = 2000


@dataclass
class SpotCheckInput:
    inspector: str
    period_start: dt.date
    period_end: dt.date
    sample_size: int
    village_id: uuid.UUID | None = None  # the village checked (None: every village held)
    cadre_id: uuid.UUID | None = None  # the cadre whose diary is checked (None: all)
    date: dt.date | None = None  # the day of the check (today)
    seed: int | None = None  # None: a new random seed
    note: str = ""


def new_seed() -> int:
    """A six-digit seed, short enough to print and type again."""
    return random.SystemRandom().randint(100_000, SEED_MAX)


def _date(value, field: str, today: dt.date) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValidationError(field, "请填写日期")
    return not_future(value, field, today)


def draw_spot_check(
    db: Database, actor_id, data: SpotCheckInput, today: dt.date | None = None
) -> uuid.UUID:
    """Draw the sample and keep it; returns the spot-check's id."""
    today = today or dt.date.today()
    inspector = require(data.inspector, "spot_check.inspector")
    when = _date(data.date or today, "spot_check.date", today)
    start = _date(data.period_start, "spot_check.period_start", today)
    if not isinstance(data.period_end, dt.date):
        raise ValidationError("spot_check.period_end", "请填写日期")
    end = min(data.period_end, when)
    if end < start:
        raise ValidationError("spot_check.period_end", "不能早于起始日期")
    size = data.sample_size
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= SAMPLE_MAX:
        raise ValidationError("spot_check.sample_size", f"应为1至{SAMPLE_MAX}篇")
    seed = new_seed() if data.seed is None else data.seed
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= SEED_MAX:
        raise ValidationError("spot_check.seed", f"应为0至{SEED_MAX}之间的整数")
    with db.transaction(actor_id) as s:
        village = None
        if data.village_id is not None:
            village = s.get(VillageProfile, data.village_id)
            if village is None or village.deleted or village.kind != "village":
                raise ValidationError("spot_check.scope_village_id", "请选择本乡镇的一个村")
        cadre = get_live(s, Cadre, data.cadre_id, "干部") if data.cadre_id else None
        entries = scope_entries(s, start, end, data.village_id, data.cadre_id)
        if not entries:
            who = "、".join(x for x in (village and village.village, cadre and cadre.name) if x)
            raise ValidationError(
                "spot_check.period_start",
                f"{who or ''}{start:%Y-%m-%d}至{end:%Y-%m-%d}没有民情日记可抽查",
            )
        check = SpotCheck(
            date=when,
            inspector=inspector,
            scope_village_id=data.village_id,
            cadre_id=data.cadre_id,
            period_start=start,
            period_end=end,
            sample_size=size,
            population=len(entries),
            seed=seed,
            note=(data.note or "").strip(),
            # the check travels with the village checked (a cadre's: the cadre's)
            village_id=data.village_id or (cadre.village_id if cadre else None),
        )
        s.add(check)
        s.flush()
        for n, entry_id in enumerate(draw(entries, size, seed), 1):
            s.add(SpotCheckItem(check_id=check.id, entry_id=entry_id, position=n, finding=""))
        return check.id


def record_finding(
    db: Database, actor_id, item_id: uuid.UUID, finding: str, note: str = ""
) -> None:
    """The inspector's finding on one sampled entry. 真实 may stand alone;
    不够具体, 未回访 and 不实 say what was found."""
    if finding not in FINDINGS:
        raise ValidationError("spot_check_item.finding", "请选择真实、不够具体、未回访或不实")
    note = (note or "").strip()
    if finding != "true" and not note:
        raise ValidationError(
            "spot_check_item.note", f"结论为“{FINDINGS[finding]}”时，请写明抽查发现的情况"
        )
    with db.transaction(actor_id) as s:
        item = get_live(s, SpotCheckItem, item_id, "抽查的日记")
        get_live(s, SpotCheck, item.check_id, "抽查")
        item.finding, item.note = finding, note


def clear_finding(db: Database, actor_id, item_id: uuid.UUID) -> None:
    """Take back a finding recorded on the wrong entry (the journal keeps it)."""
    with db.transaction(actor_id) as s:
        item = get_live(s, SpotCheckItem, item_id, "抽查的日记")
        item.finding, item.note = "", ""


def update_spot_check_note(db: Database, actor_id, check_id: uuid.UUID, note: str) -> None:
    with db.transaction(actor_id) as s:
        get_live(s, SpotCheck, check_id, "抽查").note = (note or "").strip()


def delete_spot_check(db: Database, actor_id, check_id: uuid.UUID) -> uuid.UUID:
    """Tombstone a spot-check drawn by mistake, with its sampled entries;
    returns the transaction id (for an undo)."""
    with db.transaction(actor_id) as s:
        get_live(s, SpotCheck, check_id, "抽查").deleted = True
        for item in s.scalars(select(SpotCheckItem).where(SpotCheckItem.check_id == check_id)):
            item.deleted = True
        return tx_id(s)


# --------------------------------------------------------------------------- 三评


@dataclass
class AssessmentInput:
    cadre_id: uuid.UUID
    year: int
    self_score: int | None = None
    self_text: str = ""
    leader_score: int | None = None
    leader_name: str = ""
    leader_comment: str = ""
    poll_satisfied: int | None = None
    poll_basic: int | None = None
    poll_unsatisfied: int | None = None
    poll_date: dt.date | None = None


def _score(value, field: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= SCORE_MAX:
        raise ValidationError(field, f"应为0至{SCORE_MAX}分")
    return value


def _votes(value, field: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
        raise ValidationError(field, "应为0或正整数票数")
    return value


def _checked(data: AssessmentInput, today: dt.date) -> dict:
    if not isinstance(data.year, int) or not FIRST_YEAR <= data.year <= today.year:
        raise ValidationError("assessment.year", f"应为{FIRST_YEAR}年至{today.year}年之间的年份")
    values = {
        "self_score": _score(data.self_score, "assessment.self_score"),
        "self_text": (data.self_text or "").strip(),
        "leader_score": _score(data.leader_score, "assessment.leader_score"),
        "leader_name": (data.leader_name or "").strip(),
        "leader_comment": (data.leader_comment or "").strip(),
        "poll_satisfied": _votes(data.poll_satisfied, "assessment.poll_satisfied"),
        "poll_basic": _votes(data.poll_basic, "assessment.poll_basic"),
        "poll_unsatisfied": _votes(data.poll_unsatisfied, "assessment.poll_unsatisfied"),
        "poll_date": data.poll_date,
    }
    if (values["leader_score"] is not None or values["leader_comment"]) and not values[
        "leader_name"
    ]:
        raise ValidationError("assessment.leader_name", "请填写点评人")
    polled = [values[k] for k in ("poll_satisfied", "poll_basic", "poll_unsatisfied")]
    if any(v is not None for v in polled):
        if any(v is None for v in polled):
            raise ValidationError(
                "assessment.poll_satisfied", "满意、基本满意、不满意票数须一起填写"
            )
        if not sum(polled):
            raise ValidationError("assessment.poll_satisfied", "测评至少要有一票")
        if values["poll_date"] is None:
            raise ValidationError("assessment.poll_date", "请填写测评日期")
    if values["poll_date"] is not None:
        if not isinstance(values["poll_date"], dt.date):
            raise ValidationError("assessment.poll_date", "请填写日期")
        not_future(values["poll_date"], "assessment.poll_date", today)
        if values["poll_date"].year < data.year:
            raise ValidationError("assessment.poll_date", f"不能早于考核年度（{data.year}年）")
        if all(v is None for v in polled):
            raise ValidationError("assessment.poll_satisfied", "请填写测评票数")
    return values


# form field → (part, the record's column)
_COLUMNS = {
    "self_score": ("self", "score"),
    "self_text": ("self", "text"),
    "leader_score": ("leader", "score"),
    "leader_name": ("leader", "assessor"),
    "leader_comment": ("leader", "text"),
    "poll_satisfied": ("poll", "satisfied"),
    "poll_basic": ("poll", "basic"),
    "poll_unsatisfied": ("poll", "unsatisfied"),
    "poll_date": ("poll", "date"),
}
_EMPTY = {
    "score": None,
    "assessor": "",
    "text": "",
    "satisfied": None,
    "basic": None,
    "unsatisfied": None,
    "date": None,
}


def save_assessment(
    db: Database,
    actor_id,
    data: AssessmentInput,
    *,
    base: Mapping | None = None,
    today: dt.date | None = None,
) -> None:
    """Enter or correct a cadre's 三评 of a year. Each evaluation is its own
    record, written only when what it holds changes; ``base`` is what the
    form showed (form field → value): a field the user left as shown keeps
    what is stored now."""
    today = today or dt.date.today()
    values = _checked(data, today)
    with db.transaction(actor_id) as s:
        cadre = get_live(s, Cadre, data.cadre_id, "干部")
        for part in PARTS:
            fields = {k: v for k, v in values.items() if _COLUMNS[k][0] == part}
            wanted = {_COLUMNS[k][1]: v for k, v in fields.items()}
            aid = assessment_id(cadre.id, data.year, part)
            a = s.get(Assessment, aid)
            if a is None:
                if all(_EMPTY[k] == v for k, v in wanted.items()):
                    continue
                a = Assessment(
                    id=aid,
                    cadre_id=cadre.id,
                    year=data.year,
                    part=part,
                    village_id=cadre.village_id,
                    **{**_EMPTY, **wanted},
                )
                s.add(a)
                continue
            shown = None
            if base is not None and not a.deleted:
                shown = {_COLUMNS[k][1]: base[k] for k in fields if k in base}
            if a.deleted:
                a.deleted = False
                current = dict(_EMPTY)
            else:
                current = {k: getattr(a, k) for k in wanted}
            changes = edit_only_changes(a, wanted, shown, "assessment")
            for key, value in changes.items():
                if current.get(key) != value:
                    setattr(a, key, value)
            if all(getattr(a, k) == _EMPTY[k] for k in wanted):
                a.deleted = True  # everything of it taken back


def clear_assessment(db: Database, actor_id, cadre_id: uuid.UUID, year: int) -> None:
    """Take back everything entered for a cadre's year (the journal keeps it)."""
    with db.transaction(actor_id) as s:
        found = [
            a
            for part in PARTS
            if (a := s.get(Assessment, assessment_id(cadre_id, year, part))) is not None
            and not a.deleted
        ]
        if not found:
            raise ServiceError("这一年还没有填写考核评价")
        for a in found:
            a.deleted = True
