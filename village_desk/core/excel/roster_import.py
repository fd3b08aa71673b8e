"""Household roster (花名册) import: plan row by row, then apply in one transaction.

    plan = plan_import(db, "花名册.xls")          # dry run: nothing is written
    for r in plan.rows: print(r.sheet, r.row, r.action, r.reason)
    counts = apply_import(db, "花名册.xls", actor_id=cadre)   # re-plans, then writes
    write_rejects(plan, "未导入的行.xlsx")        # original rows + reason, to fix and re-import

Households are recognised by 户号 (a blank 户号 under a filled one continues
that household, as merged cells read; rows of one 户号 need not be adjacent),
or, without a 户号 column, by a 户主 row followed by its members. A 户号
names one household in the whole file: reused on another sheet or for another
组 (numbers restarting at 001 in each 组) it is refused row by row, asking for
the group prefix (02-001). An existing household is found by 户号 (refused if
its head is someone else), else by its members' ID numbers, else — no 户号
and no known ID number — by its head's name within the 组 (refused when
several households would fit). People are matched by ID number (a 15-digit
legacy number matches its 18-digit form); without one, by name within the
matched household. 出生年月 given only as a year or year and month (1965.03,
which Excel keeps as the number 1965.03) is checked against the ID number and
the ID number's date is used; without an ID number the row is refused. Matched people are updated through the household
service's validation; new households and people are bulk-inserted with their
journal rows (search keys and household figures follow at commit).
Re-importing the same file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy.orm import Session

from ..domain.validation import ValidationError
from ..jobs import Job, ensure
from ..services.households import (
    HouseholdInput,
    PersonInput,
    clean_household,
    clean_person,
)
from ..storage import journal
from ..storage.db import Database
from ..storage.models import Household, Person, VillagerGroup
from .roster_plan import ImportPlan, RowResult, make_plan
from .roster_read import check_mapping, remember_mapping_in

__all__ = [
    "plan_import",
    "apply_import",
    "write_rejects",
    "ImportPlan",
    "RowResult",
]

CHUNK = 5000


def plan_import(
    db: Database,
    path: str | os.PathLike,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    job: Job | None = None,
    village_id: uuid.UUID | None = None,
) -> ImportPlan:
    """Dry run: what importing the file would create, update and refuse,
    reporting to ``job`` (``village_id``: at a township office, the village
    the roster is of)."""
    with db.reading() as s:
        return make_plan(s, path, sheet, mapping, job, village_id)


def apply_import(
    db: Database,
    path: str | os.PathLike,
    actor_id: uuid.UUID | None = None,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    exclude: frozenset[tuple[str, int]] = frozenset(),
    remember: bool = False,
    job: Job | None = None,
    village_id: uuid.UUID | None = None,
) -> ImportPlan:
    """Plan again inside one write transaction and apply it (all or nothing).

    ``exclude`` holds (sheet, row) pairs the user unticked in the dry run;
    ``remember`` also stores ``mapping`` for the next roster
    (:func:`~.roster_read.remember_mapping`), in the same transaction.
    Cancelling the job rolls everything back.
    """
    job = ensure(job)
    step = job.report
    if remember and mapping:
        check_mapping(mapping)
    with db.transaction(actor_id) as s:
        plan = make_plan(s, path, sheet, mapping, job.part(0.0, 0.6), village_id)
        dropped = {id(r) for r in plan.rows if (r.sheet, r.row) in exclude}
        households = []
        for h, head in plan.new_households:
            if id(head) in dropped:  # no head, no household: its members wait too
                dropped.update(id(r) for p, r in plan.new_persons if p["household_id"] == h["id"])
            else:
                households.append(h)
        for r in plan.rows:
            if id(r) in dropped and r.action in ("created", "updated"):
                r.action, r.reason = "skipped", "未选择导入"
        if plan.new_groups:
            journal.bulk_insert(s, VillagerGroup, plan.new_groups)
        persons = [p for p, r in plan.new_persons if id(r) not in dropped]
        total = max(len(households) + len(persons), 1)
        written = 0
        for model, rows in ((Household, households), (Person, persons)):
            for chunk in journal.iter_chunks(rows, CHUNK):
                step("写入户和家庭成员", 0.6 + 0.3 * written / total)
                journal.bulk_insert(s, model, chunk)
                written += len(chunk)
        step("更新已登记的户和成员", 0.9)
        for kind, record_id, values, result in plan.updates:
            if result is not None and id(result) in dropped:
                continue
            _update(s, kind, record_id, values, result)
        if remember and mapping:
            remember_mapping_in(s, mapping)
        step("建立搜索索引并提交", 0.95)
        # The last report, and chance to cancel, is inside the transaction:
        # a Cancel after the commit must not report a written import as cancelled.
        step("完成", 1.0)
    return plan


def _update(s: Session, kind: str, record_id, values: dict, result: RowResult):
    """A matched record updated through the household service's validation."""
    if kind == "household":
        h = s.get(Household, record_id)
        data = HouseholdInput(
            number=h.number,
            group_id=values.get("group_id", h.group_id),
            address=values.get("address", h.address),
            phone=h.phone,
            categories=values.get("categories", h.categories),
            situation=h.situation,
            notes=h.notes,
        )
        for key, value in clean_household(s, data, record_id).items():
            setattr(h, key, value)
        return h.id
    p = s.get(Person, record_id)
    merged = {k: getattr(p, k) for k in PersonInput.__dataclass_fields__}
    merged.update({k: v for k, v in values.items() if k in merged})
    try:
        cleaned = clean_person(s, PersonInput(**merged), record_id)
    except ValidationError as err:
        raise ValidationError(err.field, f"第 {result.row} 行：{err.message}") from None
    for key, value in cleaned.items():
        setattr(p, key, value)
    return p.household_id


def _append(ws, values: list) -> None:
    """A row as it was: text such as "=修路=" stays text (openpyxl would make
    it a formula), less the characters a worksheet cannot hold."""
    ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def write_rejects(plan: ImportPlan, path: str | os.PathLike) -> int:
    """The refused rows as they were, with the reason, for correction and re-import."""
    wb = Workbook()
    wb.remove(wb.active)
    refused = plan.refused
    for sheet_name in dict.fromkeys(r.sheet for r in refused):
        ws = wb.create_sheet(sheet_name[:31])
        header = plan.headers[sheet_name]
        _append(ws, ["原行号", "未导入原因", *header.texts])
        for r in (r for r in refused if r.sheet == sheet_name):
            values = [
                v.date() if isinstance(v, dt.datetime) else (None if v == "" else v)
                for v in r.original
            ]
            _append(ws, [r.row, r.reason, *values])
        ws.column_dimensions["B"].width = 48
        ws.freeze_panes = "C2"
    if not refused:
        wb.create_sheet("未导入的行").append(["没有未导入的行"])
    wb.save(path)
    return len(refused)
