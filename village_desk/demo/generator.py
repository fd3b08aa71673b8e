"""Demo data: a realistic village, or a whole township, in one call.

:func:`generate` fills an *empty* database with villager groups, households and
their members (valid ID numbers, phones, categories at realistic rates),
cadres with duties, pairings (联户), a year of visit diaries and a ledger of
matters in every life-cycle state (public commitments, meetings and
disputes from :mod:`.commitments` and :mod:`.disputes`), then builds the
search index. It is used to
try the program, for screenshots, and by the benchmarks.

Shape of the data
-----------------
* ``villages=1``: one village ``桃花村（示范数据）`` with groups ``一组`` … and
  household numbers ``GG-SSS`` (group, sequence), e.g. ``03-027``.
* ``villages=K > 1``: a township office's database (乡镇汇总) holding K
  villages: the township's own profile ``青山镇（示范数据）`` and one per
  village (``石门村（示范数据）``, division codes 4305241012NN), each with its
  own vocabularies and settings; every record belongs to its village. Each
  group carries its village's name (``石门村三组``) and household numbers are
  ``VV-GG-SSS``. Each village has its own cadres (who pair with its
  households) and its 包村领导 and 包村干部.

Everything is drawn from ``random.Random(seed)`` (UUIDs too), so one seed and
one ``today`` give identical records; only the journal's HLC stamps, change
ids and the device code in matter numbers differ between databases. All
writes go through :func:`journal.bulk_insert`, so every record is journaled.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import datetime as dt
import itertools
import random
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.domain.ids import village_id
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.domain.validation import id_check_digit
from village_desk.core.domain.visits import CHANNEL_FOR_MODE, MEETING_MODES
from village_desk.core.domain.vocab import DEFAULT_SETTINGS, DEFAULT_VOCABULARIES
from village_desk.core.jobs import Job, ensure
from village_desk.core.storage import journal
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import (
    Cadre,
    DiaryEntry,
    DiaryHousehold,
    DiaryItem,
    Household,
    LocalCounter,
    Matter,
    MatterNote,
    Pairing,
    Person,
    ReturnVisit,
    VillageProfile,
    VillagerGroup,
)

from . import assessment, attachments, commitments, disputes, six_ones
from .stories import STORIES, Story
from .words import (
    AREA_CODE,
    CN_DIGITS,
    COUNTY,
    GIVEN,
    HELP_GIVEN,
    HOUSING,
    INCOME,
    MEETING_TOPICS,
    MOBILE_PREFIXES,
    NEIGHBOUR_REGIONS,
    PAIR_END_REASONS,
    REGION,
    SIX_CHANCE,
    SIX_TEXT,
    SOLVED_ITEMS,
    SURNAMES,
    TOWNSHIP,
    VILLAGE_NAMES,
    VISIT_NARRATIVE,
)

CHUNK = 5000
# Visit rhythm (DOMAIN.md §3; 004 L91 quotas: 村领导 ≥200 户次, 包村干部 ≥120 户 a
# year): a paired household is visited at home about quarterly, one of the key
# categories about monthly (home visits a year, lowest and highest).
HOME_VISITS = (3, 6)
KEY_HOME_VISITS = (10, 12)
KEY_CATEGORIES = frozenset(
    {
        "dibao",
        "tekun",
        "jiance",
        "kunnan",
        "liushou_elder",
        "liushou_child",
        "kongchao",
        "guagua",
        "disabled",
        "illness",
        "weifang",
        "disaster",
        "party_hardship",
    }
)
# Festival visits with gifts to key households (节日慰问): 春节 and 中秋/重阳,
# as (month, first day, days in the window).
FESTIVALS = ((1, 20, 25), (9, 20, 30))
PHONE_CALLS = (0, 1, 1, 2, 2, 3)  # a year, one more when someone works away
OFFICE_VISITS = (0, 0, 1, 1, 2)  # a household comes to the office
GROUP_MEETINGS_YEAR = 4  # a 院坝说事会 in every group each quarter
VILLAGE_MEETINGS = (("forum", 4), ("heart_talk", 2), ("activity", 3))
MATTERS_PER_HOUSEHOLD_YEAR = 3
DAYS = 365


def _cn(n: int) -> str:
    """Chinese numeral for 1..99 (一, 十二, 二十三)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


class _Pick:
    """Weighted choice with precomputed cumulative weights."""

    def __init__(self, pairs: Sequence[tuple[object, float]]):
        self.items = [p[0] for p in pairs]
        self.cum = list(itertools.accumulate(p[1] for p in pairs))

    def __call__(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


ITEM_CHANCE = {
    "home_visit": 0.4,
    "phone": 0.2,
    "office_duty": 0.75,
    "condolence": 0.15,
}
# Non-diary matters come in through these channels.
OTHER_CHANNELS = _Pick(
    [
        ("call", 25),
        ("office_duty", 15),
        ("letter", 3),
        ("mailbox", 5),
        ("hotline", 10),
        ("assigned", 12),
        ("grid_patrol", 25),
        ("forum", 5),
    ]
)
# Final status by age of the matter (days since received): older ones mostly closed.
STATUS_BY_AGE = (
    (
        15,
        _Pick(
            [
                ("registered", 28),
                ("in_progress", 35),
                ("forwarded", 12),
                ("result_returned", 3),
                ("done", 12),
                ("feedback", 5),
                ("returned", 3),
                ("unresolvable", 2),
            ]
        ),
    ),
    (
        60,
        _Pick(
            [
                ("registered", 0.5),
                ("in_progress", 6),
                ("forwarded", 6),
                ("result_returned", 3),
                ("done", 12),
                ("feedback", 12),
                ("closed", 53),
                ("returned", 4),
                ("unresolvable", 3),
            ]
        ),
    ),
    (
        10**6,
        # A year-old matter is almost always 销号; what stays open is mostly
        # waiting on the county, or was returned / could not be solved.
        _Pick(
            [
                ("registered", 0.1),
                ("in_progress", 0.4),
                ("forwarded", 1.2),
                ("result_returned", 0.3),
                ("done", 1),
                ("feedback", 1.5),
                ("closed", 89),
                ("returned", 3.5),
                ("unresolvable", 3),
            ]
        ),
    ),
)
SATISFACTION = _Pick([("satisfied", 78), ("basic", 18), ("unsatisfied", 4)])
HOUSEHOLD_SIZE = _Pick([(2, 14), (3, 19), (4, 27), (5, 22), (6, 18)])
ROLE_LABELS = dict(DEFAULT_VOCABULARIES["role"])
MODE_LABELS = dict(DEFAULT_VOCABULARIES["visit_mode"])
CATEGORY_ORDER = {code: i for i, (code, _) in enumerate(DEFAULT_VOCABULARIES["household_category"])}
AUTHOR_WEIGHT = {
    "secretary": 1.2,
    "director": 1.0,
    "village_cadre": 1.0,
    "grid": 1.3,
    "first_secretary": 1.2,
    "resident": 1.0,
    "township_cadre": 0.5,
    "township_leader": 0.3,
}


@dataclass
class DemoSummary:
    villages: int = 0
    groups: int = 0
    households: int = 0
    persons: int = 0
    cadres: int = 0
    pairings: int = 0
    diary_entries: int = 0
    diary_households: int = 0
    diary_items: int = 0
    matters: int = 0
    matter_notes: int = 0
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class _Village:
    name: str
    index: int
    groups: list[dict] = field(default_factory=list)
    households: list[int] = field(default_factory=list)  # indexes into _Builder.households
    by_group: dict[uuid.UUID, list[int]] = field(default_factory=dict)
    cadres: list[dict] = field(default_factory=list)
    authors: _Pick | None = None
    # In a township office's database (villages > 1): the village's profile.
    profile_id: uuid.UUID | None = None
    division_code: str = ""


class _Builder:
    """Draws the whole data set in memory (deterministically), then writes it."""

    def __init__(self, rng: random.Random, today: dt.date, multi: bool):
        self.rng, self.today, self.multi = rng, today, multi
        self.surname = _Pick(SURNAMES)
        self.ids: set[str] = set()
        self.phones: set[str] = set()
        self.groups: list[dict] = []
        self.groups_by_id: dict[uuid.UUID, dict] = {}
        self.cadres: list[dict] = []
        self.households: list[dict] = []
        self.persons: list[dict] = []
        self.members: list[list[dict]] = []  # per household
        self.pairings: list[dict] = []
        self.paired: dict[uuid.UUID, list[int]] = {}  # cadre id → household indexes
        self.visitors: dict[int, dict[str, dict]] = {}  # household → pairing kind → cadre
        self.entries: list[dict] = []
        self.links: list[dict] = []
        self.items: list[dict] = []
        self.matters: list[dict] = []
        self.notes: list[dict] = []
        self.return_visits: list[dict] = []

    # ------------------------------------------------------------ small draws

    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def days_ago(self, lo: int, hi: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(lo, hi))

    def visit_date(self) -> dt.date:
        """A day in the past year (weekends less busy); never in the future."""
        rng = self.rng
        while True:
            day = self.today - dt.timedelta(days=rng.randrange(DAYS))
            if day.isoweekday() < 6 or rng.random() < 0.4:
                return day

    def name(self, gender: str, birth_year: int, surname: str | None = None) -> str:
        era = 0 if birth_year < 1975 else 1 if birth_year < 1998 else 2
        return (surname or self.surname(self.rng)) + self.rng.choice(GIVEN[(gender, era)])

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def landline(self) -> str:
        return f"{AREA_CODE}-8{self.rng.randrange(10**6):06d}"

    def birth(self, age: int) -> dt.date:
        days = age * 365 + self.rng.randrange(1, 365)
        return self.today - dt.timedelta(days=days + age // 4)

    def id_number(self, birth: dt.date, gender: str, region: str) -> str:
        while True:
            parity = self.rng.randrange(5) * 2 + (1 if gender == "男" else 0)
            first17 = f"{region}{birth:%Y%m%d}{self.rng.randrange(100):02d}{parity}"
            number = first17 + id_check_digit(first17)
            if number not in self.ids:
                self.ids.add(number)
                return number

    # ------------------------------------------------------------ structure

    def build_villages(self, count: int, households: int, village_name: str) -> list[_Village]:
        rng = self.rng
        names = [village_name] if count == 1 else list(VILLAGE_NAMES)
        while len(names) < count:
            names.append(f"新{_cn(len(names) % 99 + 1)}村")
        villages = []
        per = [households // count + (1 if i < households % count else 0) for i in range(count)]
        for vi in range(count):
            v = _Village(names[vi], vi + 1)
            n_groups = max(1, min(per[vi], max(8, min(12, round(per[vi] / 30)))))
            if per[vi] >= 8 * 40:  # large merged villages
                n_groups = rng.randint(8, 12)
            for gi in range(1, n_groups + 1):
                label = f"{_cn(gi)}组"
                g = {
                    "id": self.uid(),
                    "name": f"{v.name}{label}" if self.multi else label,
                    "sort_order": len(self.groups),
                }
                g["_label"], g["_no"] = label, gi
                self.groups.append(g)
                v.groups.append(g)
                v.by_group[g["id"]] = []
            weights = [rng.uniform(0.7, 1.3) for _ in v.groups]
            pick = _Pick(list(zip(range(n_groups), weights, strict=True)))
            counts = [1] * n_groups  # every group has someone
            for _ in range(per[vi] - n_groups):
                counts[pick(rng)] += 1
            for gi, g in enumerate(v.groups):
                for seq in range(1, counts[gi] + 1):
                    self.household(v, g, seq)
            villages.append(v)
        self.groups_by_id = {g["id"]: g for g in self.groups}
        return villages

    def household(self, v: _Village, g: dict, seq: int) -> None:
        rng = self.rng
        cats: list[str] = []
        r = rng.random()
        married = True
        if r < 0.01:  # 特困供养: alone, old
            cats += ["tekun", "guagua"]
            size, head_age, head_gender = (
                1,
                rng.randint(62, 88),
                "男" if rng.random() < 0.6 else "女",
            )
        elif r < 0.07:  # 空巢老人: one or two old people
            cats.append("kongchao")
            size, head_age = rng.choice((1, 2, 2)), rng.randint(62, 86)
            head_gender = "男" if size == 2 or rng.random() < 0.4 else "女"
            if size == 1 and rng.random() < 0.3:
                cats.append("guagua")
        elif r < 0.15:  # 留守老人 (half of them also with 留守儿童)
            cats.append("liushou_elder")
            if r < 0.11:
                cats.append("liushou_child")
            size, head_age, head_gender = rng.randint(3, 6), rng.randint(58, 76), "男"
            if "liushou_child" in cats:
                size = max(size, 4)
        else:
            size = HOUSEHOLD_SIZE(rng)
            a = rng.random()
            head_age = (
                rng.randint(28, 44)
                if a < 0.2
                else rng.randint(45, 59)
                if a < 0.6
                else rng.randint(60, 79)
                if a < 0.95
                else rng.randint(80, 90)
            )
            head_gender = "男" if rng.random() < 0.88 else "女"
            married = rng.random() < (0.9 if head_gender == "男" else 0.3)
        hid = self.uid()
        members = self.family(hid, size, head_age, head_gender, married, g)
        self.people_details(members, cats)
        # Categories that follow from the members, and the rest at village rates.
        if any(p["status"] == "migrant" for p in members):
            cats.append("migrant")
        if any("disabled" in p["tags"] for p in members):
            cats.append("disabled")
        if any({"chronic", "serious_illness"} & set(p["tags"]) for p in members):
            cats.append("illness")
        if any(p["party_member"] for p in members):
            cats.append("party")
            if rng.random() < 0.1:
                cats.append("party_center")
        veteran = [p for p in members if p["_veteran"]]
        if veteran:
            cats.append("veteran")
        frail = bool({"disabled", "illness", "tekun", "guagua", "kongchao"} & set(cats))
        for code, base, boost in (
            ("dibao", 0.03, 0.15),
            ("tuopin", 0.065, 0.12),
            ("jiance", 0.015, 0.03),
            ("kunnan", 0.02, 0.05),
            ("weifang", 0.015, 0.02),
            ("disaster", 0.015, 0.0),
            ("rich_leader", 0.015, -0.015),
            ("former_cadre", 0.008, -0.008),
            ("petition", 0.005, 0.0),
        ):
            if code not in cats and rng.random() < base + (boost if frail else 0.0):
                cats.append(code)
        if "party" in cats and ({"dibao", "illness", "kunnan"} & set(cats)) and rng.random() < 0.5:
            cats.append("party_hardship")
        cats = sorted(set(cats), key=CATEGORY_ORDER.__getitem__)
        head = members[0]
        phone = head["phone"]
        if rng.random() < 0.05:
            phone = self.landline()
        elif not phone:
            phone = next((p["phone"] for p in members if p["phone"]), "")
        number = f"{g['_no']:02d}-{seq:03d}"
        if self.multi:
            number = f"{v.index:02d}-{number}"
        alive = [p for p in members if p["status"] != "deceased"]
        situation = f"{len(alive)}口人，{rng.choice(INCOME)}；"
        situation += (
            "住房为土坯房，鉴定为D级危房" if "weifang" in cats else rng.choice(HOUSING)
        ) + "。"
        if "dibao" in cats:
            situation += "享受农村低保。"
        if "liushou_child" in cats:
            situation += "孩子由祖父母照看，父母在外务工。"
        row = {
            "id": hid,
            "number": number,
            "group_id": g["id"],
            "address": f"{v.name}{g['_label']}{seq}号",
            "phone": phone,
            "categories": cats,
            "situation": situation,
            "notes": "户主耳背，电话联系请找家人" if rng.random() < 0.01 else "",
        }
        index = len(self.households)
        self.households.append(row)
        self.members.append(members)
        v.households.append(index)
        v.by_group[g["id"]].append(index)
        for p in members:
            p.pop("_veteran")
        self.persons.extend(members)

    def family(self, hid, size, head_age, head_gender, married, g) -> list[dict]:
        """Members with relation, gender, age and surname; ages fit relations."""
        rng = self.rng
        fam = self.surname(rng)
        people: list[tuple[str, str, int, str]] = [("head", head_gender, head_age, fam)]
        other = "女" if head_gender == "男" else "男"
        spouse_age = None
        if size >= 2 and married:
            delta = rng.randint(-6, 2) if head_gender == "男" else rng.randint(-2, 6)
            spouse_age = max(18, head_age + delta)
            people.append(("spouse", other, spouse_age, self.surname(rng)))
        kids_surname = fam if head_gender == "男" else self.surname(rng)
        young = min(head_age, spouse_age or head_age)
        child_age = young - rng.randint(21, 30)
        plan = []
        if head_age < 55:
            plan = ["child", "child", "parent", "parent", "child", "child"]
        else:
            plan = ["child", "child_in_law", "grandchild", "grandchild", "child", "grandchild"]
        son = None
        grand_age = None
        while len(people) < size and plan:
            step = plan.pop(0)
            if step == "child" and child_age >= 0:
                gender = (
                    "男" if (son is None and rng.random() < 0.7) or rng.random() < 0.5 else "女"
                )
                people.append(("child", gender, child_age, kids_surname))
                if gender == "男" and son is None:
                    son = (child_age, kids_surname)
                child_age -= rng.randint(2, 7)
            elif step == "parent" and head_age + 24 <= 92:
                n_parents = sum(1 for p in people if p[0] == "parent")
                gender = "男" if n_parents == 0 and rng.random() < 0.6 else "女"
                age = min(95, head_age + rng.randint(22, 32))
                people.append(("parent", gender, age, fam if gender == "男" else self.surname(rng)))
            elif step == "child_in_law" and son and son[0] >= 23:
                people.append(
                    ("child_in_law", "女", max(20, son[0] + rng.randint(-4, 1)), self.surname(rng))
                )
                grand_age = son[0] - rng.randint(22, 30)
            elif step == "grandchild" and son and grand_age is not None and grand_age >= 0:
                gender = "男" if rng.random() < 0.53 else "女"
                people.append(("grandchild", gender, grand_age, son[1]))
                grand_age -= rng.randint(2, 6)
        while len(people) < size:  # an unmarried brother or sister lives with them
            gender = "男" if rng.random() < 0.7 else "女"
            people.append(("sibling", gender, max(18, head_age + rng.randint(-8, 8)), fam))
        members = []
        for relation, gender, age, surname in people:
            born = self.birth(age)
            region = REGION
            if relation in ("spouse", "child_in_law") and rng.random() < 0.2:
                region = rng.choice(NEIGHBOUR_REGIONS)
            members.append(
                {
                    "id": self.uid(),
                    "household_id": hid,
                    "name": self.name(gender, born.year, surname),
                    "relation": relation,
                    "gender": gender,
                    "birth_date": born,
                    "id_number": self.id_number(born, gender, region),
                    "id_legacy": False,
                    "phone": "",
                    "status": "home",
                    "party_member": False,
                    "tags": [],
                    "notes": "",
                    "_age": age,
                    "_veteran": False,
                }
            )
        return members

    def people_details(self, members: list[dict], cats: list[str]) -> None:
        """Status, phones, tags and party membership, consistent with the categories."""
        rng = self.rng
        working = [p for p in members if 18 <= p["_age"] <= 55]
        if "liushou_elder" in cats:
            for p in members:
                if 18 <= p["_age"] < 58 and p["relation"] != "head":
                    p["status"] = "migrant"
        elif working and rng.random() < 0.26:
            movers = [p for p in working if p["relation"] != "head" or p["_age"] < 45]
            for p in rng.sample(movers, min(len(movers), rng.randint(1, 2))):
                p["status"] = "migrant"
        for p in members:
            age = p.pop("_age")
            if 6 <= age <= 18 or (19 <= age <= 22 and rng.random() < 0.4):
                p["status"] = "student"
            elif p["gender"] == "男" and 18 <= age <= 24 and rng.random() < 0.04:
                p["status"] = "military"
            elif p["relation"] != "head" and age >= 75 and rng.random() < 0.06:
                p["status"] = "deceased"
            if p["status"] == "deceased":
                continue
            chance = 0.93 if 18 <= age < 65 else 0.6 if 65 <= age < 80 else 0.5 if age >= 16 else 0
            if age >= 80:
                chance = 0.2
            if rng.random() < chance:
                p["phone"] = self.mobile()
            if age >= 65:
                p["tags"].append("over65")
            if age >= 25 and p["gender"] == "男" and rng.random() < (0.035 if age < 76 else 0.01):
                p["_veteran"] = True
            if age >= 18:
                base = 0.06 if p["gender"] == "男" else 0.015
                p["party_member"] = rng.random() < (base * 1.8 if age >= 50 else base)
        alive = [p for p in members if p["status"] != "deceased"]
        if rng.random() < 0.05:
            rng.choice(alive)["tags"].append("disabled")
        if rng.random() < 0.06:
            old = [p for p in alive if "over65" in p["tags"]] or alive
            rng.choice(old)["tags"].append("serious_illness" if rng.random() < 0.3 else "chronic")

    # ------------------------------------------------------------ cadres, pairings

    def build_cadres(self, v: _Village) -> None:
        rng = self.rng
        roles = ["secretary", "director", "village_cadre"]
        roles += ["village_cadre"] * (rng.random() < 0.5) + ["grid"] * rng.randint(1, 2)
        linkers = len(roles)
        roles += [rng.choice(("first_secretary", "first_secretary", "resident"))]
        roles += ["township_leader", "township_cadre"]
        groups = v.groups
        share = [groups[i::linkers] for i in range(linkers)]  # groups each village cadre links
        where = f"{v.name}：" if self.multi else ""
        for i, role in enumerate(roles):
            age = rng.randint(28, 56)
            gender = "男" if rng.random() < 0.75 else "女"
            mine = sorted(share[i], key=lambda g: g["_no"]) if i < linkers else []
            linked = "、".join(g["_label"] for g in mine)
            duties = {
                "secretary": f"主持村党组织全面工作，负责{linked}联户，分管党建、信访维稳",
                "director": f"主持村委会工作，负责{linked}联户，分管产业发展、项目建设",
                "village_cadre": f"负责{linked}联户，分管"
                + rng.choice(("民政、社保、医保", "妇联、计生、卫生健康", "财务、村务公开")),
                "grid": f"负责{linked}网格巡查与联户，分管人居环境、安全生产",
                "first_secretary": "驻村第一书记，负责结对帮扶户联系，分管乡村振兴项目",
                "resident": "驻村工作队员，负责监测户和脱贫户动态监测",
                "township_leader": f"镇党委委员、包村领导，联系指导{v.name}全面工作",
                "township_cadre": f"镇包村干部，负责{v.name}民政、社保业务指导，联系监测户",
            }[role]
            if not linked and i < linkers:
                duties = duties.replace("负责联户，", "").replace("负责网格巡查与联户，", "")
            c = {
                "id": self.uid(),
                "name": self.name(gender, self.today.year - age),
                "role": role,
                "phone": self.mobile(),
                "duties": where + duties,
                "active": True,
                "_groups": mine,
            }
            v.cadres.append(c)
        # One former cadre: left, his pairings ended.
        former = {
            "id": self.uid(),
            "name": self.name("男", self.today.year - rng.randint(50, 65)),
            "role": "village_cadre",
            "phone": self.mobile(),
            "duties": where + "（已离任）原负责联户和民政工作",
            "active": False,
            "_groups": [],
        }
        v.cadres.append(former)
        for c in v.cadres:
            self.paired[c["id"]] = []
        active = [c for c in v.cadres if c["active"]]
        v.authors = _Pick([(c, AUTHOR_WEIGHT[c["role"]]) for c in active])
        self.cadres.extend(v.cadres)

    def pair(self, cadre: dict, hi: int, kind: str, start: dt.date, end=None, reason="") -> None:
        if end is None and hi in self.paired[cadre["id"]]:
            return  # one open pairing per cadre and household (as the service requires)
        self.pairings.append(
            {
                "id": self.uid(),
                "cadre_id": cadre["id"],
                "household_id": self.households[hi]["id"],
                "kind": kind,
                "start_date": start,
                "end_date": end,
                "reason": reason,
            }
        )
        if end is None:
            self.paired[cadre["id"]].append(hi)
            self.visitors.setdefault(hi, {}).setdefault(kind, cadre)

    def build_pairings(self, v: _Village) -> None:
        rng = self.rng
        linkers = [c for c in v.cadres if c["_groups"]]
        former = next(c for c in v.cadres if not c["active"])
        for c in linkers:
            start = self.days_ago(420, 1100)
            for g in c["_groups"]:
                for hi in v.by_group[g["id"]]:
                    if rng.random() < 0.04:  # an earlier pairing that ended
                        old_start = start - dt.timedelta(days=rng.randint(300, 900))
                        changed = start - dt.timedelta(days=rng.randint(0, 200))
                        if rng.random() < 0.5:
                            who, why = former, "原联户干部离任，重新安排联户干部"
                        else:
                            who, why = rng.choice(linkers), rng.choice(PAIR_END_REASONS)
                        self.pair(who, hi, "cadre_household", old_start, changed, why)
                        self.pair(c, hi, "cadre_household", changed)
                    else:
                        self.pair(c, hi, "cadre_household", start)
        if not linkers:  # a village smaller than its cadre list still gets paired
            for hi in v.households:
                self.pair(v.cadres[0], hi, "cadre_household", self.days_ago(420, 1100))
        cats = {hi: set(self.households[hi]["categories"]) for hi in v.households}
        poor = [hi for hi in v.households if cats[hi] & {"tuopin", "jiance", "dibao", "tekun"}]
        for c in v.cadres:
            if not c["active"]:
                continue
            start = self.days_ago(400, 900)
            if c["role"] in ("first_secretary", "resident", "township_cadre") and poor:
                for hi in rng.sample(poor, min(len(poor), rng.randint(2, 8))):
                    self.pair(c, hi, "poverty_help", start)
            elif c["role"] == "township_leader":
                for hi in rng.sample(v.households, min(len(v.households), 5)):
                    self.pair(c, hi, "department", start)
            elif c in linkers and rng.random() < 0.6:  # “123”结对
                party = [hi for hi in v.households if "party" in cats[hi]][:40]
                picks = rng.sample(party, min(2, len(party))) + rng.sample(v.households, 3)
                for hi in dict.fromkeys(picks):
                    self.pair(c, hi, "pair_123", start)

    # ------------------------------------------------------------ diaries

    def applicant(self, hi: int) -> dict:
        """Who speaks for a household: the head mostly, else an adult at home."""
        members = [p for p in self.members[hi] if p["status"] != "deceased"]
        adults = [p for p in members if p["relation"] != "grandchild" and p["status"] != "student"]
        if self.rng.random() < 0.8 or not adults:
            return members[0]
        return self.rng.choice(adults)

    def build_diaries(self, v: _Village) -> None:
        """A year of contacts, scheduled household by household (DOMAIN.md §3).

        Each household is visited at home by its paired cadre (or a colleague)
        at a steady rhythm: households of the key categories about monthly,
        the others about quarterly; key households also get a festival visit
        with gifts. Phone calls and visits to the office come on top, and
        each group holds a 院坝说事会 every quarter, with village-wide
        meetings a few times a year. Meetings and phone calls are separate
        kinds of contact and are counted apart.
        """
        rng = self.rng
        contacts: list[tuple[dt.date, dict, str, list[int]]] = []
        resident = next(
            (c for c in v.cadres if c["active"] and c["role"] in ("first_secretary", "resident")),
            None,
        )
        for hi in v.households:
            cats = self.households[hi]["categories"]
            key = any(c in KEY_CATEGORIES for c in cats)
            who = self.visitors.get(hi, {})
            linker = who.get("cadre_household")
            helper = who.get("poverty_help") or who.get("pair_123") or who.get("department")
            n = rng.randint(*(KEY_HOME_VISITS if key else HOME_VISITS))
            for day in self.spread(n):
                r = rng.random()
                if key and resident is not None and r < 0.25:
                    author = resident  # 驻村第一书记/工作队 keep up with the key households
                elif helper is not None and r < 0.5 and "poverty_help" in who:
                    author = helper  # 结对帮扶: the helper comes about monthly
                elif linker is not None and r < 0.8:
                    author = linker
                elif helper is not None and r < 0.88:
                    author = helper
                else:
                    author = v.authors(rng)
                contacts.append((day, author, "home_visit", [hi]))
            if key:
                for window in FESTIVALS[: 1 + (rng.random() < 0.5)]:
                    author = helper or linker or v.authors(rng)
                    contacts.append((self.festival_day(window), author, "condolence", [hi]))
            for _ in range(rng.choice(PHONE_CALLS) + ("migrant" in cats)):
                author = linker if linker is not None and rng.random() < 0.8 else v.authors(rng)
                contacts.append((self.visit_date(), author, "phone", [hi]))
            for _ in range(rng.choice(OFFICE_VISITS)):
                contacts.append((self.visit_date(), v.authors(rng), "office_duty", [hi]))
        first, last = self.campaign()
        for c in v.cadres:
            if not c["active"]:
                continue
            if c["role"] == "township_cadre":  # 包村干部: ≥120 households a year (004 L91)
                round_ = rng.sample(v.households, min(len(v.households), rng.randint(120, 140)))
                days = self.spread(len(round_))
            elif c["role"] == "township_leader":  # 包村领导: ≥60 households in this 轮
                round_ = rng.sample(v.households, min(len(v.households), rng.randint(62, 70)))
                days = self.spread(len(round_), first, self.today)
            else:
                continue
            for hi, day in zip(round_, days, strict=True):
                contacts.append((day, c, "home_visit", [hi]))
        for g in v.groups:
            pool = v.by_group[g["id"]]
            host = next((c for c in v.cadres if g in c["_groups"]), None) or v.authors(rng)
            for day in self.spread(GROUP_MEETINGS_YEAR):
                k = max(1, round(len(pool) * rng.uniform(0.3, 0.6)))
                contacts.append((day, host, "courtyard", rng.sample(pool, k)))
        for mode, per_year in VILLAGE_MEETINGS:
            for day in self.spread(per_year):
                k = min(len(v.households), rng.randint(10, 25))
                contacts.append((day, v.authors(rng), mode, rng.sample(v.households, k)))
        contacts.sort(key=lambda c: c[0])
        for day, author, mode, hhs in contacts:
            self.diary_entry(v, day, author, mode, hhs)

    def spread(self, n: int, first: dt.date | None = None, last: dt.date | None = None):
        """``n`` days spread from ``first`` to ``last`` (by default the past
        year), one in each equal stretch; most of them on weekdays."""
        rng, days = self.rng, []
        last = last or self.today
        first = first or last - dt.timedelta(days=DAYS - 1)
        span = (last - first).days + 1
        width = span / n
        for k in range(n):
            offset = min(int(k * width + rng.random() * width), span - 1)
            day = first + dt.timedelta(days=offset)
            if day.isoweekday() > 5 and rng.random() < 0.6:
                day = max(first, day - dt.timedelta(days=day.isoweekday() - 5))
            days.append(day)
        return days

    def campaign(self) -> tuple[dt.date, dt.date]:
        """The 包村领导's current round (轮): began 70 days ago, ends in 20."""
        return self.today - dt.timedelta(days=70), self.today + dt.timedelta(days=20)

    def festival_day(self, window: tuple[int, int, int]) -> dt.date:
        """A day in the festival window (month, day, length) within the past year."""
        month, first, length = window
        start = dt.date(self.today.year, month, first)
        if start > self.today:
            start = start.replace(year=start.year - 1)
        day = start + dt.timedelta(days=self.rng.randrange(length))
        return min(day, self.today)

    def diary_entry(self, v: _Village, date: dt.date, author: dict, mode: str, hhs: list[int]):
        rng = self.rng
        place = ""
        if mode in MEETING_MODES:
            g = self.groups_by_id[self.households[hhs[0]]["group_id"]]
            head = self.members[hhs[0]][0]["name"]
            if mode == "courtyard":
                place = rng.choice((f"{g['_label']}院坝", f"{g['_label']}{head[0]}家屋场"))
            else:
                place = rng.choice(("村部会议室", "村文化广场"))
            place += f"，{len(hhs)}户村民参加"
        else:
            if mode == "home_visit" and rng.random() < 0.05:
                pool = v.by_group[self.households[hhs[0]]["group_id"]]
                other = rng.choice(pool)
                if other != hhs[0]:
                    hhs = [hhs[0], other]
            if mode == "office_duty":
                place = "村部便民服务中心"
        companions = []
        if mode in ("home_visit", "condolence") and rng.random() < 0.15:
            mate = v.authors(rng)
            if mate is not author:
                companions = [str(mate["id"])]
        entry_id = self.uid()
        chance = SIX_CHANCE["meeting" if mode in MEETING_MODES else mode]
        sections = {
            key: (rng.choice(SIX_TEXT[key]) if rng.random() < p else "")
            for key, p in zip(SIX_TEXT, chance, strict=True)
        }
        head = self.members[hhs[0]][0]["name"]
        if mode in MEETING_MODES:
            narrative = f"召开{MODE_LABELS[mode]}，{rng.choice(MEETING_TOPICS)}"
            help_given = ""
        elif mode == "phone":
            narrative = f"电话联系{head}，了解近况，提醒按时缴纳医保"
            help_given = ""
        elif mode == "office_duty":
            narrative = f"{head}到村部反映情况，值班干部接待并登记"
            help_given = rng.choice(HELP_GIVEN) if rng.random() < 0.3 else ""
        elif mode == "condolence":
            narrative = f"走访慰问{head}家，{rng.choice(VISIT_NARRATIVE)}"
            help_given = "送物资：米一袋、油一桶、慰问金500元"
        else:
            narrative = f"走访{head}家，{rng.choice(VISIT_NARRATIVE)}"
            help_given = rng.choice(HELP_GIVEN) if rng.random() < 0.4 else ""
        self.entries.append(
            {
                "id": entry_id,
                "date": date,
                "mode": mode,
                "author_id": author["id"],
                "companion_ids": companions,
                "place": place,
                **sections,
                "narrative": narrative,
                "help_given": help_given,
            }
        )
        households = self.households
        self.links.extend(
            {"id": self.uid(), "entry_id": entry_id, "household_id": households[hi]["id"]}
            for hi in hhs
        )
        if mode in MEETING_MODES:
            n_items = rng.choice((0, 0, 1, 1, 2, 3))
        else:
            n_items = 1 if rng.random() < ITEM_CHANCE.get(mode, 0.3) else 0
        for _ in range(n_items):
            item = {"id": self.uid(), "entry_id": entry_id, "matter_id": None, "solution": ""}
            if rng.random() < 0.45:
                hi = rng.choice(hhs)
                m = self.new_matter(v, hi, date, CHANNEL_FOR_MODE[mode], author)
                item.update(text=m["content"], outcome="matter", matter_id=m["id"])
            else:
                text, solution = rng.choice(SOLVED_ITEMS)
                item.update(text=text, outcome="solved", solution=solution)
            self.items.append(item)

    # ------------------------------------------------------------ matters

    def new_matter(
        self, v, hi, received, channel, responsible, status=None, story: Story | None = None
    ) -> dict:
        """A registered matter (life cycle applied later by :meth:`play`)."""
        rng = self.rng
        story = story or rng.choice(STORIES)
        co = []
        if rng.random() < 0.15:
            mate = v.authors(rng)
            if mate is not responsible:
                co = [str(mate["id"])]
        if hi is None:  # someone not on the household list (外村人, 过路群众)
            gender = "男" if rng.random() < 0.6 else "女"
            person, name, phone = None, self.name(gender, rng.randint(1950, 2000)), self.mobile()
            household_id = group_id = None
        else:
            p = self.applicant(hi)
            h = self.households[hi]
            person, name, phone = p["id"], p["name"], p["phone"] or h["phone"]
            household_id, group_id = h["id"], h["group_id"]
        kind = story.kind
        m = {
            "id": self.uid(),
            "number": "",
            "received_date": received,
            "channel": channel,
            "applicant_person_id": person,
            "household_id": household_id,
            "applicant_name": name,
            "applicant_phone": phone,
            "group_id": group_id,
            "content": rng.choice(story.texts),
            "kind": kind,
            "service_type": story.service,
            "level": "village",
            "handling": "promised",
            "status": "registered",
            "deadline": received + dt.timedelta(days=30 if kind == "proposal" else 15),
            "responsible_id": responsible["id"],
            "co_handler_ids": co,
            "forwarded_to": "",
            "forwarded_date": None,
            "result": "",
            "done_date": None,
            "return_reasons": "",
            "explanation": "",
            "feedback": "",
            "feedback_date": None,
            "satisfaction": "",
            "closed_date": None,
            "public": kind != "style" or rng.random() < 0.5,
            "_story": story,
            "_status": status,
        }
        self.matters.append(m)
        return m

    def other_matters(self, v: _Village, n: int) -> None:
        rng = self.rng
        for _ in range(n):
            hi = rng.choice(v.households) if rng.random() < 0.9 else None
            responsible = self.linker_of(v, hi)
            self.new_matter(v, hi, self.visit_date(), OTHER_CHANNELS(rng), responsible)

    def linker_of(self, v: _Village, hi: int | None) -> dict:
        if hi is not None:
            linker = self.visitors.get(hi, {}).get("cadre_household")
            if linker is not None and linker["active"]:
                return linker
        return v.authors(self.rng)

    def guaranteed(self, v: _Village) -> None:
        """One matter in each state, plus one overdue and one due in two days."""
        rng = self.rng
        forwarding = [s for s in STORIES if s.forward]
        for status in STATUS_LABELS:
            hi = rng.choice(v.households)
            received = self.days_ago(30, 120)
            story = rng.choice(
                forwarding if status in ("forwarded", "result_returned") else STORIES
            )
            self.new_matter(
                v, hi, received, OTHER_CHANNELS(rng), self.linker_of(v, hi), status, story
            )
        hi = rng.choice(v.households)
        m = self.new_matter(
            v, hi, self.days_ago(40, 60), "call", self.linker_of(v, hi), "in_progress"
        )
        m["deadline"] = m["received_date"] + dt.timedelta(days=15)  # overdue
        hi = rng.choice(v.households)
        hardship = [s for s in STORIES if s.kind == "hardship"]
        m = self.new_matter(
            v,
            hi,
            self.days_ago(13, 13),
            "grid_patrol",
            self.linker_of(v, hi),
            "registered",
            rng.choice(hardship),
        )
        m["deadline"] = self.today + dt.timedelta(2)

    def play(self, m: dict) -> None:
        """Walk the matter through its life cycle up to its final status.

        Every text comes from the matter's own story; while the matter is open
        (from receipt until it is done, returned or found unresolvable, and
        again after a 重新办理), the review at each month's end leaves a note
        in any month that had none (DOMAIN.md §4, monthly cycle).
        """
        rng, today = self.rng, self.today
        story: Story = m.pop("_story")
        status = m.pop("_status", None)
        received = m["received_date"]
        if status is None:
            age = (today - received).days
            status = next(pick for limit, pick in STATUS_BY_AGE if age < limit)(rng)
        fwd = story.forward
        if status in ("forwarded", "result_returned") and not fwd:
            status = "in_progress"  # a village matter is not sent up
        author = m["responsible_id"]
        day = received
        state = {"open": True, "month": None, "next_note": 0, "sent": False}

        def note(action: str, text: str) -> None:
            self.notes.append(
                {
                    "id": self.uid(),
                    "matter_id": m["id"],
                    "date": day,
                    "author_id": author,
                    "action": action,
                    "text": text,
                }
            )
            state["month"] = (day.year, day.month)

        def reviews(until: dt.date) -> None:
            """Month-end review notes for the months up to ``until`` left without one."""
            nonlocal day
            if not state["open"]:
                return
            month_end = _month_end(day)
            while month_end < until:
                if state["month"] != (month_end.year, month_end.month):
                    day = max(day, _last_weekday(month_end))
                    nxt = state["next_note"]
                    if not state["sent"] and nxt < len(story.notes):
                        state["next_note"] = nxt + 1
                        note("note", "月底例会审议：" + story.notes[nxt])
                    else:
                        note("note", "月底例会审议：" + rng.choice(story.waits))
                month_end = _month_end(month_end + dt.timedelta(days=1))

        def step(lo: int, hi: int) -> dt.date:
            nonlocal day
            new = min(today, day + dt.timedelta(days=rng.randint(lo, hi)))
            reviews(new)
            day = max(day, new)
            return day

        def progress(k: int) -> None:
            for _ in range(k):
                nxt = state["next_note"]
                if nxt >= len(story.notes):
                    return
                step(1, 6)
                state["next_note"] = nxt + 1
                note("note", story.notes[nxt])

        def finish() -> None:
            if state["open"]:
                reviews(today)  # still open: every month-end up to today was reviewed

        if status == "registered":
            if rng.random() < 0.3:
                progress(1)
            finish()
            return
        forwarded = status in ("forwarded", "result_returned") or (
            status in ("done", "feedback", "closed", "unresolvable") and fwd and rng.random() < 0.5
        )
        immediate = (
            not forwarded
            and status in ("done", "feedback", "closed")
            and m["kind"] != "proposal"
            and rng.random() < 0.2
        )
        if status == "returned":
            if rng.random() < 0.5:
                step(0, 2)
                note("start", "已受理，开始办理")
            step(0, 5)
            reasons = rng.sample(story.returns, rng.randint(1, len(story.returns)))
            m["return_reasons"] = "\n".join(f"{i}. {r}" for i, r in enumerate(reasons, 1))
            m["handling"], m["status"] = "returned", "returned"
            note("return", "退回答复：" + "；".join(reasons))
            return
        if immediate:
            m["handling"], m["deadline"] = "immediate", received
        else:
            step(0, 3)
            note("start", "已受理，开始办理")
            progress(rng.choice((0, 0, 1, 1, 2)))
        if forwarded:
            m["deadline"] = max(m["deadline"], received + dt.timedelta(days=30))
            step(1, 5)
            m.update(level=story.level, handling="forwarded", forwarded_to=fwd, forwarded_date=day)
            note("forward", f"上报至{fwd}：已报送办理申请")
            state["sent"] = True
            if status == "forwarded":
                m["status"] = status
                if rng.random() < 0.4:
                    step(3, 20)
                    note("note", rng.choice(story.waits))
                finish()
                return
            if status != "unresolvable" or rng.random() < 0.5:
                step(5, 25)
                m["result"] = story.result
                note("result", story.result)
            if status == "result_returned":
                m["status"] = status
                finish()
                return
        if status == "in_progress":
            m["status"] = status
            finish()
            return
        if status == "unresolvable":
            step(3, 30)
            text = rng.choice(story.explanations)
            m["explanation"], m["status"] = text, status
            note("unresolvable", "暂不能解决：" + text)
            return
        # done, feedback, closed
        if not immediate:
            step(1, 12 if not forwarded else 5)
        m["result"], m["done_date"] = story.result, day
        note("complete", story.result)
        state["open"] = False
        if status == "done":
            m["status"] = status
            return
        step(1, 10)

        def how_and_who() -> tuple[str, str]:
            mode = "phone" if rng.random() < 0.6 else "visit"
            return mode, rng.choice(("申请人本人", "户主本人", "家属"))

        def visited_back(satisfaction: str, text: str, mode: str, who: str) -> str:
            """A return-visit record, and its note as services.ledger words it
            (its id derived from the matter's: the random draws stay as they were)."""
            n = sum(v["matter_id"] == m["id"] for v in self.return_visits[-3:])
            self.return_visits.append(
                {
                    "id": uuid.uuid5(m["id"], f"return-visit-{n}"),
                    "matter_id": m["id"],
                    "date": day,
                    "satisfaction": satisfaction,
                    "mode": mode,
                    "respondent": who,
                    "text": text,
                    "author_id": author,
                }
            )
            how = "电话" if mode == "phone" else "上门"
            label = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}[
                satisfaction
            ]
            return f"回访（{how}，{who}）：{label}；{text}"

        satisfaction = SATISFACTION(rng)
        if status == "closed" and satisfaction == "unsatisfied":
            # Not satisfied at the return visit: handled again, then accepted.
            mode, who = how_and_who()
            note("feedback", visited_back("unsatisfied", story.unsatisfied, mode, who))
            step(0, 3)
            note("reopen", "重新办理：按群众意见继续处理")
            state["open"] = True
            step(2, 10)
            m["done_date"] = day
            note("complete", story.result)
            state["open"] = False
            step(1, 5)
            satisfaction = "satisfied" if rng.random() < 0.7 else "basic"
        text = story.comment(satisfaction)
        m.update(satisfaction=satisfaction, feedback=text, feedback_date=day)
        note("feedback", visited_back(satisfaction, text, *how_and_who()))
        if status == "feedback":
            m["status"] = status
            return
        # 销号 at the monthly review (last days of the month) or earlier.
        month_end = _month_end(day)
        day = min(today, month_end if rng.random() < 0.7 else day + dt.timedelta(rng.randint(0, 9)))
        m["closed_date"], m["status"] = day, "closed"
        note("close", "月底例会验收销号")

    def number_matters(self, code: str, counters: dict[int, int]) -> dict[int, int]:
        """Assign ``YEAR-CODE-NNNN`` in order of receipt; returns year → last n."""
        order = sorted(range(len(self.matters)), key=lambda i: self.matters[i]["received_date"])
        last = dict(counters)
        for i in order:
            m = self.matters[i]
            year = m["received_date"].year
            last[year] = last.get(year, 0) + 1
            m["number"] = f"{year}-{code}-{last[year]:04d}"
        return last


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _last_weekday(day: dt.date) -> dt.date:
    """The working day on or before ``day`` (the month-end review's date)."""
    return day - dt.timedelta(days=max(0, day.isoweekday() - 5))


def _place_in_villages(b: _Builder, vs: list[_Village]) -> None:
    """A township office's demo: every record in its village (the journal
    would give a record without a household the township's). A village's
    包村领导 and 包村干部 are its records too: they work there."""
    cadre_village = {}
    for v in vs:
        for g in v.groups:
            g["village_id"] = v.profile_id
        for hi in v.households:
            b.households[hi]["village_id"] = v.profile_id
        for c in v.cadres:
            c["village_id"] = v.profile_id
            cadre_village[c["id"]] = v.profile_id
    household_village = {h["id"]: h["village_id"] for h in b.households}
    entry_village: dict = {}
    for link in b.links:
        entry_village.setdefault(link["entry_id"], household_village[link["household_id"]])
    for e in b.entries:
        e["village_id"] = entry_village.get(e["id"]) or cadre_village.get(e["author_id"])
    for m in b.matters:
        if m.get("household_id") is None:
            m["village_id"] = cadre_village.get(m["responsible_id"])


def _strip(rows: list[dict]) -> list[dict]:
    """The rows to write, without the builder's private ``_keys`` (only groups
    and cadres keep some: the large tables are written as they are)."""
    if not rows or not any(k.startswith("_") for k in rows[0]):
        return rows
    return [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]


@contextlib.contextmanager
def _bulk_cache(s, households: int) -> Iterator[None]:
    """A page cache sized to the data while it is written (SQLite).

    Every table has indexes on random UUIDs, and a record's insert is checked
    against its change row (the journal guard): with SQLite's default 2 MB
    cache those index pages are read and evicted again and again. About 24 KiB
    per household (256 MB at most) halves the database's share of the time at
    township scale; the connection's own setting is restored before commit."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    old = s.execute(text("PRAGMA cache_size")).scalar()
    kib = max(2048, min(262_144, households * 24))
    s.execute(text(f"PRAGMA cache_size=-{kib}"))
    try:
        yield
    finally:
        with contextlib.suppress(SQLAlchemyError):
            s.execute(text(f"PRAGMA cache_size={int(old)}"))


# A township's worth at most: a larger request would run for hours and fill
# the disk (``demo --households 99999999`` ran forever).
MAX_HOUSEHOLDS, MAX_VILLAGES = 100_000, 100


def generate(
    db: Database,
    *,
    households: int = 300,
    villages: int = 1,
    seed: int = 1,
    today: dt.date | None = None,
    job: Job | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo village (or township); see the module doc."""
    started = time.perf_counter()
    if villages < 1 or households < villages:
        raise ServiceError("示范数据：村数至少为1，户数不能少于村数")
    if households > MAX_HOUSEHOLDS or villages > MAX_VILLAGES:
        raise ServiceError(
            f"示范数据最多 {MAX_HOUSEHOLDS:,} 户、{MAX_VILLAGES} 个村（一个乡镇的规模）；"
            "没有生成任何数据"
        )
    report = ensure(job).report
    today = today or dt.date.today()
    rng = random.Random(seed)
    multi = villages > 1
    village_name = VILLAGE_NAMES[0]

    report("准备村庄信息", 0.0)
    # The profile is written with the data, in one transaction: a cancelled or
    # failed generation leaves the database as empty as it was.
    needs_profile = not db.read(queries.reference.is_initialized)
    if multi and not needs_profile and not db.read(queries.reference.is_township):
        raise ServiceError("几个村的示范数据只能生成到空的数据库或乡镇汇总库（换一个数据文件夹）")
    with db.reading() as s:
        # Invented households, cadres and groups never mix into a real village:
        # a cadre added in the first-run wizard, a household, a group — refused.
        if any(
            s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
            for model in (Household, Cadre, VillagerGroup)
        ):
            raise ServiceError(
                "数据库里已经有本村的户、干部或村民小组，示范数据只能生成到空的数据库"
                "（想看示范数据，请换一个数据文件夹）"
            )
        counters = {
            int(c.name.split("-", 1)[1]): c.value
            for c in s.scalars(select(LocalCounter).where(LocalCounter.name.like("matter-%")))
        }

    b = _Builder(rng, today, multi)
    report("生成村民小组、户和家庭成员", 0.05)
    vs = b.build_villages(villages, households, village_name)
    if multi:  # a township office's database: each village its own profile
        for v in vs:
            v.division_code = f"4305241012{v.index:02d}"
            v.profile_id = village_id(COUNTY, TOWNSHIP, f"{v.name}（示范数据）", v.division_code)
    report("生成干部和联户结对", 0.2)
    for v in vs:
        b.build_cadres(v)
        b.build_pairings(v)
    report("生成民情日记", 0.25)
    from_diary = {}
    for v in vs:
        before = len(b.matters)
        b.build_diaries(v)
        from_diary[v.index] = len(b.matters) - before
    report("生成台账事项", 0.35)
    b.guaranteed(vs[0])
    for v in vs:
        target = round(MATTERS_PER_HOUSEHOLD_YEAR * len(v.households) * DAYS / 365)
        b.other_matters(v, max(target - from_diary[v.index], target // 10))
    for m in b.matters:
        b.play(m)
    dispute_tables = disputes.build(b, vs, seed)  # 矛盾纠纷: their matters join the ledger
    last = b.number_matters(db.device.code, counters)

    if multi:
        _place_in_villages(b, vs)
    tables = [
        ("写入村民小组", VillagerGroup, b.groups),
        ("写入干部", Cadre, b.cadres),
        ("写入户", Household, b.households),
        ("写入家庭成员", Person, b.persons),
        ("写入联户结对", Pairing, b.pairings),
        ("写入台账事项", Matter, b.matters),
        ("写入民情日记", DiaryEntry, b.entries),
        ("写入日记走访对象", DiaryHousehold, b.links),
        ("写入日记反映的问题", DiaryItem, b.items),
        ("写入办理情况", MatterNote, b.notes),
        ("写入回访记录", ReturnVisit, b.return_visits),
    ]
    tables += commitments.build(b, vs, seed)  # 公开承诺 and 会议记录
    tables += dispute_tables
    tables += assessment.build(b, vs, seed)  # 日记抽查 and 三评
    tables += six_ones.build(b, vs, seed)  # 宣讲活动、联动服务、实事工程
    report("生成照片和签收单", 0.38)
    tables += attachments.build(db, b, tables, seed)  # 留痕: photos, 办结签收
    total = sum(len(rows) for _, _, rows in tables) or 1
    done = 0
    summary = DemoSummary(villages=villages)
    with db.transaction(actor_id=None) as s:
        if needs_profile:
            services.setup.initialize_in(
                s,
                village=f"{TOWNSHIP if multi else village_name}（示范数据）",
                township=TOWNSHIP,
                county=COUNTY,
                division_code="" if multi else "430524101201",
                service_phone=f"{AREA_CODE}-8123456",
                hotline=f"书记信箱：村部一楼；专线电话 {AREA_CODE}-8123457",
                township_office=multi,
            )
        if multi:
            for v in vs:
                s.add(
                    VillageProfile(
                        id=v.profile_id,
                        kind="village",
                        village=f"{v.name}（示范数据）",
                        township=TOWNSHIP,
                        county=COUNTY,
                        division_code=v.division_code,
                        service_phone=f"{AREA_CODE}-81{v.index:05d}",
                    )
                )
                s.flush()
                services.setup.seed_reference(s, v.profile_id)
        if needs_profile:
            # The 包村领导's quota counts households in a round with its own dates.
            quotas = copy.deepcopy(DEFAULT_SETTINGS["visit_quotas"])
            begins, ends = b.campaign()
            quotas["township_leader"].update(start=begins.isoformat(), end=ends.isoformat())
            # every village's own quotas (and a township office's own)
            for scope in [v.profile_id for v in vs] if multi else [False]:
                if scope is not False:
                    s.info["village_scope"] = scope
                services.setup.set_setting_in(s, "visit_quotas", quotas)
            s.info.pop("village_scope", None)
        with _bulk_cache(s, households):
            for stage, model, rows in tables:
                report(stage, 0.4 + 0.45 * done / total)
                for chunk in journal.iter_chunks(_strip(rows), CHUNK):
                    journal.bulk_insert(s, model, chunk)
                done += len(rows)
        for year, value in last.items():
            counter = s.get(LocalCounter, f"matter-{year}")
            if counter is None:
                s.add(LocalCounter(name=f"matter-{year}", value=value))
            else:
                counter.value = max(counter.value, value)
        # The search index and household figures are derived at commit.
        report("建立搜索索引和户统计", 0.87)
    report("完成", 1.0)

    summary.groups, summary.households, summary.persons = (
        len(b.groups),
        len(b.households),
        len(b.persons),
    )
    summary.cadres, summary.pairings = len(b.cadres), len(b.pairings)
    summary.diary_entries, summary.diary_households = len(b.entries), len(b.links)
    summary.diary_items, summary.matters, summary.matter_notes = (
        len(b.items),
        len(b.matters),
        len(b.notes),
    )
    for m in b.matters:
        summary.statuses[m["status"]] = summary.statuses.get(m["status"], 0) + 1
    summary.seconds = time.perf_counter() - started
    return summary
