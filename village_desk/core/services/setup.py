"""Reference data services: village profile, groups, cadres, vocabularies, settings.

Reads of the same data are in ``queries/reference.py``."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.errors import NotFoundError, ServiceError, ValidationError
from ..domain.ids import setting_id, township_id, village_id, vocab_id
from ..domain.validation import optional_phone, require
from ..domain.vocab import DEFAULT_SETTINGS, DEFAULT_VOCABULARIES, LOCAL_SETTING_KEYS
from ..queries.reference import scope, vocabulary
from ..storage import villages
from ..storage.db import Database
from ..storage.models import (
    Cadre,
    Household,
    LocalSetting,
    Setting,
    VillageProfile,
    VillagerGroup,
    VocabTerm,
)
from ..storage.replica import DEVICE_CODE_ALPHABET, codes_in_use
from .common import check_code, get_live, live_village


def _scoped(model, village: uuid.UUID | None):
    return model.village_id.is_(None) if village is None else model.village_id == village


def seed_reference(
    session: Session, village: uuid.UUID | None = None, scope: uuid.UUID | None | bool = False
) -> None:
    """Add default vocabularies and settings that are missing (idempotent),
    with ids every copy of the village computes alike (``domain/ids.py``).
    ``scope``: the village they belong to (None: the township's own); by
    default ``village``."""
    scope = village if scope is False else scope
    existing = {
        (k, c)
        for k, c in session.execute(
            select(VocabTerm.kind, VocabTerm.code).where(_scoped(VocabTerm, scope))
        )
    }
    for kind, entries in DEFAULT_VOCABULARIES.items():
        for order, (code, label) in enumerate(entries):
            if (kind, code) not in existing:
                session.add(
                    VocabTerm(
                        id=vocab_id(village, kind, code),
                        kind=kind,
                        code=code,
                        label=label,
                        sort_order=order,
                        village_id=scope,
                    )
                )
    keys = set(session.scalars(select(Setting.key).where(_scoped(Setting, scope))))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in keys and key not in LOCAL_SETTING_KEYS:
            session.add(
                Setting(
                    id=setting_id(village, key),
                    key=key,
                    value=json.dumps(value, ensure_ascii=False),
                    village_id=scope,
                )
            )


def _check_division_code(code: str) -> str:
    code = (code or "").strip()
    if code and not re.fullmatch(r"\d{12}", code):
        raise ValidationError("profile.division_code", "应为12位数字（可以不填）")
    return code


def initialize(
    db: Database,
    *,
    village: str,
    township: str = "",
    county: str = "",
    division_code: str = "",
    service_phone: str = "",
    hotline: str = "",
    actor_id: uuid.UUID | None = None,
    township_office: bool = False,
) -> uuid.UUID:
    """First run: the village profile plus default vocabularies and settings.
    ``township_office``: this database is the township's (乡镇汇总), holding
    all its villages; ``village`` is then the office's name (default: the
    township's)."""
    with db.transaction(actor_id) as s:
        return initialize_in(
            s,
            village=village,
            township=township,
            county=county,
            division_code=division_code,
            service_phone=service_phone,
            hotline=hotline,
            township_office=township_office,
        )


def initialize_in(
    s: Session,
    *,
    village: str,
    township: str = "",
    county: str = "",
    division_code: str = "",
    service_phone: str = "",
    hotline: str = "",
    township_office: bool = False,
) -> uuid.UUID:
    """:func:`initialize` inside an open transaction (demo data use it so that a
    cancelled generation leaves no profile behind)."""
    if township_office:
        township = require(township, "profile.township")
        village = (village or "").strip() or township
    village = require(village, "profile.village")
    division_code = _check_division_code(division_code)
    service_phone = optional_phone(service_phone, "profile.service_phone")
    profile = _profile_record(s)
    kind = villages.TOWNSHIP if township_office else villages.VILLAGE
    if profile is not None and profile.kind != kind:
        raise ServiceError(
            f"这个数据库已经是{profile.village}的"
            + (
                "乡镇汇总库，不能改为村的台账"
                if profile.kind == villages.TOWNSHIP
                else "台账，不能改为乡镇汇总库"
            )
            + "（请换一个数据文件夹）"
        )
    if profile is None:
        pid = (
            township_id(county, township)
            if township_office
            else village_id(county, township, village, division_code)
        )
        profile = VillageProfile(id=pid, kind=kind)
        s.add(profile)
    profile.village, profile.township, profile.county = (
        village,
        township.strip(),
        county.strip(),
    )
    profile.division_code, profile.service_phone = division_code, service_phone
    profile.hotline = hotline.strip()
    seed_reference(s, profile.id, None if township_office else profile.id)
    s.flush()
    s.info.pop("village_scope", None)  # read again now that the profile exists
    return profile.id


def _profile_record(session: Session) -> VillageProfile | None:
    """This copy's profile: its village's, or a township office's own."""
    live = select(VillageProfile).where(VillageProfile.deleted.is_(False))
    found = session.scalars(live.where(_scoped(VillageProfile, scope(session)))).first()
    return found or session.scalars(live.order_by(VillageProfile.id)).first()


def update_profile(db: Database, actor_id: uuid.UUID | None, **fields) -> None:
    allowed = {"county", "township", "village", "division_code", "service_phone", "hotline"}
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(f"未知字段：{', '.join(sorted(unknown))}")
    if "village" in fields:
        fields["village"] = require(fields["village"], "profile.village")
    if "division_code" in fields:
        fields["division_code"] = _check_division_code(fields["division_code"])
    if "service_phone" in fields:
        fields["service_phone"] = optional_phone(fields["service_phone"], "profile.service_phone")
    with db.transaction(actor_id) as s:
        p = _profile_record(s)
        if p is None:
            raise NotFoundError("尚未设置村庄信息，请先初始化")
        for key, value in fields.items():
            setattr(p, key, value.strip() if isinstance(value, str) else value)


# ------------------------------------------------------------------ groups


def _group_name_free(s: Session, name: str, village, except_id=None) -> None:
    """Group names are unique within a village (every village has its 一组)."""
    q = select(VillagerGroup.id).where(VillagerGroup.name == name, VillagerGroup.deleted.is_(False))
    if village is not None:
        q = q.where(VillagerGroup.village_id == village)
    if except_id:
        q = q.where(VillagerGroup.id != except_id)
    if s.scalar(q):
        raise ValidationError("group.name", f"已有“{name}”")


def add_group(db: Database, actor_id, name: str, village_id: uuid.UUID | None = None) -> uuid.UUID:
    """A villager group (村民小组) of this copy's village; at a township
    office, of the village ``village_id`` (required there)."""
    name = require(name, "group.name")
    with db.transaction(actor_id) as s:
        if villages.is_township(s):
            village = live_village(s, village_id, "group.village_id")
        else:
            village = villages.home_village(s)
        _group_name_free(s, name, village)
        order = s.scalar(select(func.count()).select_from(VillagerGroup)) or 0
        g = VillagerGroup(name=name, sort_order=order, village_id=village)
        s.add(g)
        s.flush()
        return g.id


def rename_group(db: Database, actor_id, group_id: uuid.UUID, name: str) -> None:
    name = require(name, "group.name")
    with db.transaction(actor_id) as s:
        g = get_live(s, VillagerGroup, group_id, "村民小组")
        _group_name_free(s, name, g.village_id, group_id)
        g.name = name


def delete_group(db: Database, actor_id, group_id: uuid.UUID) -> None:
    with db.transaction(actor_id) as s:
        g = get_live(s, VillagerGroup, group_id, "村民小组")
        used = s.scalar(
            select(func.count())
            .select_from(Household)
            .where(Household.group_id == group_id, Household.deleted.is_(False))
        )
        if used:
            raise ServiceError(f"“{g.name}”还有 {used} 户，不能删除；请先把这些户调到其他组")
        g.deleted = True


# ------------------------------------------------------------------ cadres


def _check_cadre(s: Session, name: str, role: str, phone: str) -> tuple[str, str, str]:
    name = require(name, "cadre.name")
    check_code(s, "role", role, "cadre.role")
    return name, role, optional_phone(phone, "cadre.phone")


def add_cadre(
    db: Database,
    actor_id,
    name: str,
    role: str,
    phone: str = "",
    duties: str = "",
    active: bool = True,
) -> uuid.UUID:
    with db.transaction(actor_id) as s:
        name, role, phone = _check_cadre(s, name, role, phone)
        c = Cadre(name=name, role=role, phone=phone, duties=duties.strip(), active=bool(active))
        s.add(c)
        s.flush()
        return c.id


def update_cadre(db: Database, actor_id, cadre_id: uuid.UUID, **fields) -> None:
    allowed = {"name", "role", "phone", "duties", "active"}
    if set(fields) - allowed:
        raise ServiceError(f"未知字段：{', '.join(sorted(set(fields) - allowed))}")
    with db.transaction(actor_id) as s:
        c = get_live(s, Cadre, cadre_id, "干部")
        name, role, phone = _check_cadre(
            s, fields.get("name", c.name), fields.get("role", c.role), fields.get("phone", c.phone)
        )
        c.name, c.role, c.phone = name, role, phone
        if "duties" in fields:
            c.duties = fields["duties"].strip()
        if "active" in fields:
            c.active = bool(fields["active"])


# ------------------------------------------------------------------ vocabularies


def add_vocab_term(db: Database, actor_id, kind: str, label: str, code: str | None = None) -> str:
    label = require(label, "vocab.label")
    if kind not in DEFAULT_VOCABULARIES:
        raise ServiceError(f"没有名为 {kind} 的词表")
    with db.transaction(actor_id) as s:
        existing = {t.code: t for t in vocabulary(s, kind, include_retired=True)}
        if any(t.label == label for t in existing.values()):
            raise ValidationError("vocab.label", f"已有“{label}”")
        code = (code or "").strip() or f"custom_{uuid.uuid4().hex[:8]}"
        if code in existing:
            raise ValidationError("vocab.code", f"代码 {code} 已被使用")
        s.add(
            VocabTerm(
                kind=kind,
                code=code,
                label=label,
                sort_order=len(existing),
                village_id=scope(s),
            )
        )
        return code


def _term(s: Session, kind: str, code: str) -> VocabTerm:
    term = s.scalars(
        select(VocabTerm).where(
            VocabTerm.kind == kind, VocabTerm.code == code, _scoped(VocabTerm, scope(s))
        )
    ).first()
    if term is None:
        raise NotFoundError(f"词表 {kind} 中没有 {code}")
    return term


def rename_vocab_term(db: Database, actor_id, kind: str, code: str, label: str) -> None:
    label = require(label, "vocab.label")
    with db.transaction(actor_id) as s:
        _term(s, kind, code).label = label


def retire_vocab_term(db: Database, actor_id, kind: str, code: str, retired: bool = True) -> None:
    """Retired entries are not offered for new records; old records keep them."""
    with db.transaction(actor_id) as s:
        _term(s, kind, code).retired = retired


# ------------------------------------------------------------------ settings


def set_setting(db: Database, actor_id, key: str, value) -> None:
    save_settings(db, actor_id, {key: value})


def save_settings(db: Database, actor_id, values: dict[str, object]) -> None:
    """Several settings in one transaction: all are saved, or none.

    Every value is checked first (:func:`check_setting`); a refused one raises
    a ``ValidationError`` for ``"setting.<key>"`` and nothing is written."""
    values = {key: check_setting(key, value) for key, value in values.items()}
    with db.transaction(actor_id) as s:
        for key, value in values.items():
            set_setting_in(s, key, value)


_DAY_COUNTS = {
    "due_soon_days": 1,  # smallest allowed value
    "long_unvisited_days": 1,
    "monthly_visit_minimum": 0,
}
_QUOTA_UNITS = ("visits", "households")
_QUOTA_PERIODS = ("year", "month", "campaign")


def _whole_number(value, key: str, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValidationError(key, f"应为不小于 {least} 的整数")
    return value


def check_setting(key: str, value):
    """``value`` if it is a valid value of setting ``key`` (keys without rules
    pass); otherwise a ``ValidationError`` for ``"setting.<key>"``."""
    field = f"setting.{key}"
    if key in _DAY_COUNTS:
        return _whole_number(value, field, _DAY_COUNTS[key])
    if key == "default_deadline_days":
        if not isinstance(value, dict):
            raise ValidationError(field, "应为“事项类别 → 天数”的对应表")
        for kind, days in value.items():
            if not isinstance(kind, str):
                raise ValidationError(field, f"事项类别 {kind!r} 无效")
            _whole_number(days, field, 1)
        return value
    if key == "duty_days":
        if not isinstance(value, list | tuple) or any(
            isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in value
        ):
            raise ValidationError(field, "应为星期一至星期日（1–7）")
        return sorted(set(value))
    if key == "visit_quotas":
        if not isinstance(value, dict):
            raise ValidationError(field, "应为“职务 → 任务数”的对应表")
        for role, quota in value.items():
            units = (
                [u for u in _QUOTA_UNITS if u in (quota or {})] if isinstance(quota, dict) else []
            )
            if len(units) != 1 or quota.get("period", "year") not in _QUOTA_PERIODS:
                raise ValidationError(field, f"{role} 的走访任务无效")
            _whole_number(quota[units[0]], field, 1)
            # a campaign (轮) may carry its own dates: 2026-09-01 .. 2026-12-31
            dates = [quota.get("start"), quota.get("end")]
            if any(dates):
                try:
                    first, last = (dt.date.fromisoformat(d) for d in dates)
                except (TypeError, ValueError):
                    raise ValidationError(
                        field, f"{role} 的轮次起止日期应为 2026-09-01 这样的日期"
                    ) from None
                if last < first:
                    raise ValidationError(field, f"{role} 的轮次结束日期早于开始日期")
        return value
    if key == "quota_visit_modes":
        if not isinstance(value, list) or not value or not all(isinstance(m, str) for m in value):
            raise ValidationError(field, "至少选一种计入任务的走访方式")
        return value
    if key == "pairing_norms":
        if not isinstance(value, dict) or not all(
            isinstance(rule, dict)
            and rule
            and all(
                isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in rule.values()
            )
            for rule in value.values()
        ):
            raise ValidationError(field, "应为“结对方式 → 户数要求”的对应表")
        return value
    if key == "card_title":
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(field, "请填写印在联系卡上的标题")
        return value.strip()
    if key == "attachment_cap_mb":
        _whole_number(value, field, 100)
        return value
    if key in ("card_slogan", "card_policy_text", "print_font_path"):
        if not isinstance(value, str):
            raise ValidationError(field, "应为文字")
        return value.strip()
    if key == "card_service_items":
        if not isinstance(value, list | tuple) or not all(isinstance(i, str) for i in value):
            raise ValidationError(field, "应为每行一项的文字")
        return [i.strip() for i in value if i.strip()]
    return value


def set_setting_in(s: Session, key: str, value) -> None:
    """One setting inside an open transaction (unchanged values write nothing).
    A computer's own setting (the print font) is kept locally, unjournaled."""
    if isinstance(value, dict):
        # keys in order, as a merge writes a map setting: a replay of the
        # journal (``check``) then finds the same text
        value = dict(sorted(value.items()))
    encoded = json.dumps(value, ensure_ascii=False)
    if key in LOCAL_SETTING_KEYS:
        local = s.get(LocalSetting, key)
        if local is None:
            s.add(LocalSetting(key=key, value=encoded))
        else:
            local.value = encoded
        return
    row = s.scalars(select(Setting).where(Setting.key == key, _scoped(Setting, scope(s)))).first()
    if row is None:
        profile = _profile_record(s)
        s.add(
            Setting(
                id=setting_id(profile.id if profile else None, key),
                key=key,
                value=encoded,
                village_id=scope(s),
            )
        )
    elif row.value != encoded or row.deleted:
        row.value, row.deleted = encoded, False


def number_code_in_use(session: Session, code: str, mine: str = "") -> bool:
    """Whether ``code`` already numbers matters here (another device of this
    database, or a matter number it holds) — ``mine`` excepted."""
    return code != mine and code in codes_in_use(session)


def set_number_code(db: Database, village_code: str, letter: str) -> str:
    """The code in this laptop's matter numbers (``2026-K7B-0001``): the
    village's two characters from the township and a letter of its own per
    laptop (B, C… for a village's second and third computer), so that numbers
    are unique across the township by construction. Returns the code."""
    village_code = (village_code or "").strip().upper()
    letter = (letter or "").strip().upper()
    allowed = set(DEVICE_CODE_ALPHABET)
    if len(village_code) != 2 or set(village_code) - allowed:
        raise ValidationError(
            "device.village_code", "村代码应为乡镇分配的2位字母或数字（不用 I、O、0、1）"
        )
    if len(letter) != 1 or letter not in allowed:
        raise ValidationError("device.letter", "本机字母应为1位字母或数字（不用 I、O、0、1）")
    code = village_code + letter
    with db.reading() as s:
        if number_code_in_use(s, code, mine=db.device.code):
            raise ValidationError(
                "device.letter", f"{code} 已被本村另一台电脑使用，请换一个本机字母"
            )
    if code != db.device.code:
        db.rename_device(db.device.name, code)
    return code
