"""Planning a roster import row by row: what would be created, updated, refused.

See :mod:`.roster_import` for the rules. The planner reads the database once
(people by ID number, households by 户号, groups) and decides every row in
memory; nothing is written here.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import queries
from ..domain.validation import ValidationError, id_check_digit
from ..jobs import Job, ensure
from ..services.households import PersonInput, clean_person
from ..storage.models import Household, Person
from . import roster_values as rv
from .roster_read import FIELDS, Header, SheetData, find_header, learned_mapping, read_sheets

SUBTOTAL = re.compile(r"^(合计|小计|总计|共计|本页合计|共\d+户|共\d+人)")
PERSON_FIELDS = ("name", "relation", "gender", "birth_date", "phone")


@dataclass
class RowResult:
    sheet: str
    row: int  # as Excel numbers it (1-based)
    action: str  # created / updated / unchanged / refused / skipped
    reason: str = ""
    household: str = ""
    name: str = ""
    original: list = field(default_factory=list)


@dataclass
class ImportPlan:
    rows: list[RowResult] = field(default_factory=list)
    headers: dict[str, Header] = field(default_factory=dict)  # sheet → header found
    ignored_sheets: dict[str, str] = field(default_factory=dict)  # sheet → why
    new_households: list[tuple[dict, RowResult]] = field(default_factory=list)  # (row, head)
    new_persons: list[tuple[dict, RowResult]] = field(default_factory=list)
    new_groups: list[dict] = field(default_factory=list)
    updates: list[tuple] = field(default_factory=list)  # (kind, id, values, result)

    def counts(self) -> Counter:
        return Counter(r.action for r in self.rows)

    @property
    def refused(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "refused"]


def _field_label(key: str) -> str:
    """A changed field as users read it: 联系电话, not ``phone``."""
    if key == "id_legacy":
        return "15位旧身份证号标记"
    return FIELDS.get(key, key).split("（")[0]


def _unknown_note(hh: dict) -> str:
    unknown = hh.get("unknown_categories") or []
    return f"花名册中的类别：{'、'.join(unknown)}" if unknown else ""


def legacy_to_18(number: str) -> str:
    """The 18-digit form of a 15-digit legacy number (for matching only)."""
    first17 = number[:6] + "19" + number[6:]
    return first17 + id_check_digit(first17)


class _Planner:
    def __init__(self, s: Session, mapping: dict[str, str] | None, village_id=None):
        """``village_id``: at a township office, the village the roster is
        of — only its people, households and 组 are matched, and what is new
        is written in it."""
        self.s = s
        self.village_id = village_id
        self.learned = learned_mapping(s)
        self.learned.update(mapping or {})
        self.plan = ImportPlan()
        self.tick = lambda _stage, _fraction: None
        self.relation_labels = {
            label: code for code, label in queries.reference.labels(s, "relation").items()
        }
        self.category_labels = queries.reference.labels(s, "household_category")
        self.persons_by_id: dict[str, Person] = {}
        self.persons_by_household: dict[uuid.UUID, list[Person]] = defaultdict(list)
        # ID numbers registered in the township's other villages: where, by whom
        self.elsewhere: dict[str, str] = {}
        households = s.scalars(select(Household).where(Household.deleted.is_(False))).all()
        if village_id is not None:
            village_names = {v.id: v.village for v in queries.reference.village_profiles(s)}
            numbers = {h.id: h.number for h in households}
        for p in s.scalars(select(Person).where(Person.deleted.is_(False))):
            key = (legacy_to_18(p.id_number) if p.id_legacy else p.id_number) or None
            if village_id is not None and p.village_id != village_id:
                if key:
                    place = village_names.get(p.village_id, "乡镇本级")
                    self.elsewhere[key] = (
                        f"{place}户号 {numbers.get(p.household_id, '?')} 的 {p.name}"
                    )
                continue
            self.persons_by_household[p.household_id].append(p)
            if key:
                self.persons_by_id[key] = p
        self.households = {
            h.number: h for h in households if village_id is None or h.village_id == village_id
        }
        self.households_by_id = {h.id: h for h in self.households.values()}
        self.groups = {
            g.name: g.id
            for g in queries.reference.groups(s)
            if village_id is None or g.village_id == village_id
        }
        self.group_by_number = {}
        for name, gid in self.groups.items():
            n = rv.group_number(name)
            if n is not None:
                self.group_by_number.setdefault(n, gid)
        self.seen_ids: dict[str, int] = {}
        self.next_seq: dict[str, int] = {}
        # 户号 → (sheet, row, 组) where this file first used it: a number names
        # one household in the whole file, whichever sheet or row it is on.
        self.planned: dict[str, tuple[str, int, str]] = {}
        self._heads_by_name: dict[str, list[Household]] | None = None
        self.matched_by_name: set[uuid.UUID] = set()  # households a roster head claimed

    # ------------------------------------------------------------ rows → households

    def sheet(self, sheet: SheetData) -> None:
        header = find_header(sheet.rows, self.learned)
        if header is None or "name" not in header.columns:
            self.plan.ignored_sheets[sheet.name] = "没有找到含“姓名”的表头行"
            return
        self.plan.headers[sheet.name] = header
        cols = header.columns
        header_keys = [t for t in header.texts if t]
        groups: list[tuple[str, list]] = []  # (户号 or "", rows)
        by_number: dict[str, tuple[str, list]] = {}  # this sheet's households by 户号
        current = None
        orphan_reason = "户号为空，也没有前面的户可归入"
        for i in range(header.first_data_row, len(sheet.rows)):
            raw = sheet.rows[i]
            cells = [rv.text(v) for v in raw]
            if not any(cells):
                continue
            result = RowResult(sheet.name, i + 1, "refused", original=raw)
            get = {f: (raw[c] if c < len(raw) else "") for f, c in cols.items()}
            name = rv.text(get.get("name"))
            result.name = name
            if [c for c in cells if c] == header_keys[: len([c for c in cells if c])]:
                continue  # the header repeated on every printed page
            if any(SUBTOTAL.match(c) for c in cells[:3] if c) or SUBTOTAL.match(name):
                result.action, result.reason = "skipped", "合计/小计行"
                self.plan.rows.append(result)
                continue
            self.plan.rows.append(result)
            number = rv.text(get.get("number"))
            relation, other = rv.relation_code(get.get("relation"), self.relation_labels)
            head_name = rv.text(get.get("head_name"))
            if "number" in cols:
                if number:
                    result.household = number
                    group_text = rv.text(get.get("group"))
                    if number in by_number:  # rows of one household need not be adjacent
                        current = by_number[number]
                        clash = self.number_clash(number, group_text, sheet.name, True)
                    else:
                        clash = self.number_clash(number, group_text, sheet.name, False)
                        if not clash:
                            current = by_number[number] = (number, [])
                            groups.append(current)
                            self.planned[number] = (sheet.name, i + 1, group_text)
                    if clash:
                        result.reason = orphan_reason = clash
                        current = None  # its blank-户号 member rows are refused too
                        continue
            elif "head_name" in cols:
                key = head_name or name
                if current is None or current[0] != key or relation == "head":
                    current = (key, [])
                    groups.append(current)
            elif relation == "head" or current is None:
                current = ("", [])
                groups.append(current)
            if current is None:
                result.reason = orphan_reason
                continue
            current[1].append((result, get, relation, other))
        groups = list(groups)
        for i, (number, rows) in enumerate(groups):
            if i % 200 == 0:
                self.tick(f"检查工作表“{sheet.name}”", i / max(len(groups), 1))
            self.household(number if "number" in cols else "", rows)

    def number_clash(self, number: str, group_text: str, sheet_name: str, here: bool) -> str:
        """Why a row's 户号 cannot be used (already another household's in this
        file), or ``""``. ``here``: the number is already this sheet's, so only
        a different 组 on the row is a clash."""
        if number not in self.planned:
            return ""
        sheet, row, first_group = self.planned[number]
        if here and not (
            group_text and first_group and not self.same_group(group_text, first_group)
        ):
            return ""
        n = rv.group_number(group_text or sheet_name.removesuffix("花名册"))
        example = f"{n if n is not None else 1:02d}-{number}"
        return f"户号 {number} 已在“{sheet}”第 {row} 行使用；各组户号重复时请加组号（如 {example}）"

    @staticmethod
    def same_group(a: str, b: str) -> bool:
        if a == b:
            return True
        na, nb = rv.group_number(a), rv.group_number(b)
        return na is not None and na == nb

    def household(self, number: str, rows: list) -> None:
        people, failed_head = [], None
        for result, get, relation, other in rows:
            result.household = number  # shown with refused rows too
            try:
                rv.clean_group(get.get("group"))  # not an ID number or phone shifted into it
                people.append((result, self.person_values(get, relation, other), get))
            except ValidationError as err:
                result.reason = str(err)
                if relation == "head" and failed_head is None:
                    failed_head = result
        if not people:
            return
        if failed_head is not None and not any(v["relation"] == "head" for _, v, _ in people):
            existing = self.households.get(number) if number else None
            if existing is None:
                for result, _, _ in people:
                    result.reason = f"本户户主（第 {failed_head.row} 行）未能导入"
                return
        existing = self.households.get(number) if number else None
        matched, by_number = set(), existing is not None
        if existing is None:
            matched = {
                self.persons_by_id[v["_key"]].household_id
                for _, v, _ in people
                if v["_key"] in self.persons_by_id
            }
            if len(matched) == 1:
                existing = self.households_by_id.get(matched.pop())
        first_values = people[0][1]
        if not any(v["relation"] == "head" for _, v, _ in people) and not first_values["relation"]:
            first_values["relation"] = "head"  # no 关系 given: the first row is the head
        for _, values, _ in people:
            values["relation"] = values["relation"] or "other"
        hh_values = self.household_values(number, people)
        if existing is None and not number and not matched:
            # No 户号 and no known ID number: the same head's name (in the same
            # 组) is how a re-imported household is recognised.
            existing, reason = self.match_by_head(people, hh_values["group"])
            if reason:
                for result, _, _ in people:
                    result.reason = result.reason or reason
                return
        if by_number and (reason := self.other_head(existing, people)):
            for result, _, _ in people:
                result.reason = result.reason or reason
            return
        if existing is not None:
            self.update_household(existing, hh_values, people)
        else:
            self.create_household(hh_values, people)

    def other_head(self, h: Household, people: list) -> str:
        """Why the household on record under this 户号 is not this roster
        household (its head is someone else, not among the roster's people), or
        ``""``: another family's members must not be added to it."""
        heads = [v for _, v, _ in people if v["relation"] == "head"]
        members = self.persons_by_household[h.id]
        head = next((p for p in members if p.relation == "head"), None)
        if not heads or head is None:
            return ""
        keys = {v["_key"] for _, v, _ in people if v["_key"]}
        names = {v["name"] for _, v, _ in people}
        for p in members:
            key = legacy_to_18(p.id_number) if p.id_legacy else p.id_number
            if p.name in names or (key and key in keys):
                return ""
        return (
            f"户号 {h.number} 已登记为 {head.name} 户，与本户户主 {heads[0]['name']} 不符；"
            "如是另一户，请改用其他户号（各组户号重复时请加组号，如 01-001）"
        )

    def match_by_head(self, people: list, group_text: str) -> tuple[Household | None, str]:
        """(the one live household whose head has this household's head's name,
        in the roster's 组 if it gives one; or None) and why it is refused, if
        several such households leave it unclear."""
        heads = [v for _, v, _ in people if v["relation"] == "head"]
        if not heads:
            return None, ""
        if self._heads_by_name is None:
            self._heads_by_name = defaultdict(list)
            for hid, members in self.persons_by_household.items():
                household = self.households_by_id.get(hid)
                for p in members:
                    if p.relation == "head" and household is not None:
                        self._heads_by_name[p.name].append(household)
        candidates = self._heads_by_name.get(heads[0]["name"], [])
        if group_text:
            gid = self.known_group_id(group_text)
            candidates = [h for h in candidates if gid is not None and h.group_id == gid]
        if not candidates:
            return None, ""
        if len(candidates) == 1 and candidates[0].id not in self.matched_by_name:
            self.matched_by_name.add(candidates[0].id)
            return candidates[0], ""
        why = "同组有同名户主" if group_text else "有多户户主同名"
        return None, f"无法确认是否已导入（{why}），请补充户号或身份证号"

    def known_group_id(self, text: str):
        """The id of an existing 组 named by ``text`` (一组, 1组, 01…), or None."""
        if text in self.groups:
            return self.groups[text]
        n = rv.group_number(text)
        return self.group_by_number.get(n) if n is not None else None

    # ------------------------------------------------------------ values

    def person_values(self, get: dict, relation: str, other: str) -> dict:
        name = rv.text(get.get("name"))
        if not name:
            raise ValidationError("person.name", "必须填写")
        parsed = rv.clean_id(get.get("id_number", ""))
        gender = rv.clean_gender(get.get("gender"))
        birth = rv.clean_birth(get.get("birth_date"))
        partial = birth if isinstance(birth, rv.YearMonth) else None
        if partial is not None:
            birth = None  # no day is invented; without an ID it is kept in the notes
        values = {
            "name": name,
            "relation": relation,
            "gender": gender,
            "birth_date": birth,
            "id_number": "",
            "id_legacy": False,
            "phone": rv.clean_phone(get.get("phone")),
            "notes": rv.text(get.get("notes")),
            "party_member": rv.clean_party(get.get("party_member")),
            "_key": None,
        }
        if other:
            values["notes"] = "；".join(x for x in (f"原关系：{other}", values["notes"]) if x)
        if partial is not None and parsed is None:
            values["notes"] = "；".join(x for x in (f"出生年月：{partial}", values["notes"]) if x)
        if parsed is not None:
            if (birth and birth != parsed.birth_date) or (
                partial is not None and not partial.matches(parsed.birth_date)
            ):
                given = f"“{partial}”" if partial is not None else ""
                raise ValidationError(
                    "person.birth_date",
                    f"{given}与身份证号中的出生日期（{parsed.birth_date.isoformat()}）不一致",
                )
            if gender and gender != parsed.gender:
                raise ValidationError(
                    "person.gender", f"与身份证号不一致（号码显示为{parsed.gender}）"
                )
            values.update(
                id_number=parsed.number,
                id_legacy=parsed.legacy,
                birth_date=parsed.birth_date,
                gender=parsed.gender,
                _key=legacy_to_18(parsed.number) if parsed.legacy else parsed.number,
            )
        return values

    def household_values(self, number: str, people: list) -> dict:
        def first(name: str) -> str:
            return next((rv.text(g.get(name)) for _, _, g in people if rv.text(g.get(name))), "")

        group_text = first("group")
        codes, unknown = [], []
        for _, _, get in people:
            for word in rv.split_list(get.get("category")):
                code = self.category_code(word)
                target = codes if code else unknown
                if (code or word) not in target:
                    target.append(code or word)
        return {
            "number": number,
            "group": group_text,
            "address": first("address"),
            "categories": codes,
            "unknown_categories": unknown,
        }

    # Old names still found in rosters.
    CATEGORY_ALIASES = {
        "五保": "tekun",
        "五保户": "tekun",
        "建档立卡": "tuopin",
        "贫困户": "tuopin",
    }

    def category_code(self, word: str) -> str | None:
        """户类别 text → vocabulary code: label, label without 户, code, or a
        unique prefix of a label (低保 → 低保户); None if unknown."""
        labels = self.category_labels
        for code, label in labels.items():
            if word in (code, label, label.removesuffix("户")):
                return code
        if word in self.CATEGORY_ALIASES:
            return self.CATEGORY_ALIASES[word]
        matches = [
            code for code, label in labels.items() if len(word) >= 2 and label.startswith(word)
        ]
        return matches[0] if len(matches) == 1 else None

    def group_id(self, text: str):
        if not text:
            return None
        if text in self.groups:
            return self.groups[text]
        n = rv.group_number(text)
        if n is not None and n in self.group_by_number:
            return self.group_by_number[n]
        name = rv.group_label(n) if n is not None else text
        gid = uuid.uuid4()
        group = {
            "id": gid,
            "name": name,
            "sort_order": len(self.groups) + len(self.plan.new_groups),
        }
        if self.village_id is not None:
            group["village_id"] = self.village_id
        self.plan.new_groups.append(group)
        self.groups[name] = self.groups[text] = gid
        if n is not None:
            self.group_by_number[n] = gid
        return gid

    def claim_id(self, result: RowResult, values: dict) -> bool:
        key = values["_key"]
        if key is None:
            return True
        if key in self.seen_ids:
            result.reason = f"公民身份号码：与第 {self.seen_ids[key]} 行重复"
            return False
        self.seen_ids[key] = result.row
        return True

    # ------------------------------------------------------------ decisions

    def create_household(self, hh: dict, people: list) -> None:
        heads = [p for p in people if p[1]["relation"] == "head"]
        if not heads:
            for result, _, _ in people:
                result.reason = "该户没有户主行（与户主关系为“户主”）"
            return
        head_row = heads[0][0]
        for result, values, _ in people:
            if values["_key"] in self.persons_by_id:
                other = self.persons_by_id[values["_key"]]
                owner = self.households_by_id.get(other.household_id)
                result.reason = f"公民身份号码：已登记在户号 {owner.number if owner else '?'} 的 {other.name} 名下"
            elif values["_key"] in self.elsewhere:
                result.reason = self.registered_elsewhere(values["_key"])
        if head_row.reason or not self.claim_id(head_row, heads[0][1]):
            for result, _, _ in people:
                if result is not head_row and not result.reason:
                    result.reason = f"本户户主（第 {head_row.row} 行）未能导入"
            return
        hid = uuid.uuid4()
        group_id = self.group_id(hh["group"])
        number = hh["number"] or self.new_number(group_id)
        household = {
            "id": hid,
            "number": number,
            "group_id": group_id,
            "address": hh["address"],
            "phone": heads[0][1]["phone"],
            "categories": hh["categories"],
            "notes": _unknown_note(hh),
        }
        if self.village_id is not None:
            household["village_id"] = self.village_id
        self.plan.new_households.append((household, head_row))
        for result, values, _ in people:
            result.household = number
            if result is not head_row:
                if result.reason or not self.claim_id(result, values):
                    continue
                if values["relation"] == "head":
                    result.reason = f"与户主关系：一户只能有一位户主（户主是第 {head_row.row} 行）"
                    continue
            result.action = "created"
            self.plan.new_persons.append((self.person_row(values, hid), result))

    def update_household(self, h: Household, hh: dict, people: list) -> None:
        members = self.persons_by_household[h.id]
        head = next((p for p in members if p.relation == "head"), None)
        changes = {}
        group_id = self.group_id(hh["group"]) if hh["group"] else h.group_id
        if group_id != h.group_id:
            changes["group_id"] = group_id
        if hh["address"] and hh["address"] != h.address:
            changes["address"] = hh["address"]
        added = [c for c in hh["categories"] if c not in h.categories]
        if added:  # a roster adds categories; taking one away is a decision made in the app
            changes["categories"] = [*h.categories, *added]
        for result, values, _ in people:
            result.household = h.number
            if result.reason or not self.claim_id(result, values):
                continue
            key = values["_key"]
            if key in self.elsewhere:
                result.reason = self.registered_elsewhere(key)
                continue
            person = self.persons_by_id.get(key) if key else None
            if person is None:  # same name, and no conflicting ID number on record
                person = next(
                    (p for p in members if p.name == values["name"] and not (key and p.id_number)),
                    None,
                )
            if person is not None and person.household_id != h.id:
                other = self.households_by_id.get(person.household_id)
                result.reason = (
                    f"公民身份号码：已登记在户号 {other.number if other else '?'} 的 "
                    f"{person.name} 名下；迁户请在户详情中办理"
                )
                continue
            is_head = person is not None and person.relation == "head"
            if values["relation"] == "head" and not is_head and head is not None:
                result.reason = f"与户主关系：该户户主是 {head.name}，不能再有一位户主"
                continue
            if person is None:
                if values["relation"] == "head":
                    head = SimpleNamespace(name=values["name"])
                result.action = "created"
                self.plan.new_persons.append((self.person_row(values, h.id), result))
                continue
            diff = {
                k: values[k]
                for k in (*PERSON_FIELDS, "id_number", "id_legacy", "party_member")
                if values[k] not in ("", None) and values[k] != getattr(person, k)
            }
            if values["relation"] == "other" and person.relation != "other":
                diff.pop("relation", None)  # an unrecognised 关系 does not overwrite
            if diff and (reason := self.refusal_of_update(person, diff)):
                result.reason = reason
                continue
            if diff:
                result.action = "updated"
                result.reason = "更新：" + "、".join(_field_label(k) for k in sorted(diff))
                self.plan.updates.append(("person", person.id, diff, result))
            else:
                result.action = "unchanged"
        if changes:
            first = next((r for r, _, _ in people if r.action in ("updated", "unchanged")), None)
            if first is not None:
                first.action = "updated"
                first.reason = (first.reason + "；" if first.reason else "") + "更新户信息"
            self.plan.updates.append(("household", h.id, changes, first))

    def registered_elsewhere(self, key: str) -> str:
        return f"公民身份号码：已登记在{self.elsewhere[key]} 名下；迁户请在户详情中办理"

    def refusal_of_update(self, person: Person, diff: dict) -> str:
        """Why the household service would refuse this update (checked now, so
        the dry run shows it and the import skips the row), or ``""``."""
        merged = {k: getattr(person, k) for k in PersonInput.__dataclass_fields__}
        merged.update({k: v for k, v in diff.items() if k in merged})
        try:
            clean_person(self.s, PersonInput(**merged), person.id)
        except ValidationError as err:
            return f"{err.label}：{err.message}（与已登记的信息不一致）"
        return ""

    def person_row(self, values: dict, household_id) -> dict:
        row = {k: v for k, v in values.items() if not k.startswith("_")}
        row.update(household_id=household_id, id=uuid.uuid4(), status="home", tags=[])
        if self.village_id is not None:
            row["village_id"] = self.village_id
        row["party_member"] = bool(row["party_member"])
        return row

    def new_number(self, group_id) -> str:
        prefix = "00"
        for n, gid in self.group_by_number.items():
            if gid == group_id:
                prefix = f"{n:02d}"
        if prefix not in self.next_seq:
            used = [
                int(m[1])
                for num in self.households
                if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)", num))
            ]
            self.next_seq[prefix] = max(used, default=0)
        while True:
            self.next_seq[prefix] += 1
            number = f"{prefix}-{self.next_seq[prefix]:03d}"
            if number not in self.households:
                self.households[number] = None
                return number


def make_plan(
    s: Session, path, sheet, mapping, job: Job | None = None, village_id=None
) -> ImportPlan:
    """Plan the import, reporting to ``job`` (cancelling it raises
    :class:`~village_desk.core.jobs.Cancelled`: nothing is written).

    At a township office the roster is of one village, which must be given
    (``village_id``): a township's villages all have their 一组, 01-001 and
    so on. On a village copy ``village_id`` is its own village or None."""
    village_id = _roster_village(s, village_id)
    planner = _Planner(s, mapping, village_id)
    job = ensure(job)
    sheets = read_sheets(path, sheet)

    def tick(stage: str, fraction: float) -> None:
        job.report(stage, (position[0] + fraction) / max(len(sheets), 1))

    planner.tick = tick
    position = [0]  # sheets done, read by tick()
    for data in sheets:
        planner.sheet(data)
        position[0] += 1
    plan = planner.plan
    if not plan.headers:
        raise ValidationError(
            "import.file", "没有找到花名册表头（应有“姓名”“身份证号”等列）；请检查文件或手动指定列"
        )
    plan.rows.sort(key=lambda r: (r.sheet, r.row))
    return plan


def _roster_village(s: Session, village_id):
    """The village a roster is imported into at a township office (None on a
    village copy: its own), refused when missing or not one of its villages."""
    township = queries.reference.is_township(s)
    if village_id is None:
        if township:
            raise ValidationError(
                "import.village", "乡镇汇总库导入花名册时，请先选择花名册所属的村"
            )
        return None
    known = {v.id for v in queries.reference.village_profiles(s)}
    if village_id not in known:
        raise ValidationError("import.village", "所选的村不在本台账中")
    return village_id if township else None
