"""A roster import and the column corrections it remembers are one
transaction: both are written, or (cancelled, refused) neither."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from village_desk.core import queries
from village_desk.core.domain.validation import ValidationError
from village_desk.core.excel.roster_import import apply_import
from village_desk.core.excel.roster_read import SETTING_KEY
from village_desk.core.jobs import Cancelled, Job
from village_desk.core.storage.models import Change, Household


def roster(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "关系", "门牌"])
    ws.append(["05-001", "冯一", "户主", "桃花村5组3号"])
    path = tmp_path / "门牌.xlsx"
    wb.save(path)
    return path


def transactions(db) -> set:
    with db.reading() as s:
        return set(s.scalars(select(Change.tx_id).distinct()))


def households(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Household))


def test_the_import_and_its_remembered_mapping_are_one_transaction(db, village, tmp_path):
    before = transactions(db)
    plan = apply_import(
        db, roster(tmp_path), village["secretary"], mapping={"门牌": "address"}, remember=True
    )
    assert plan.counts()["created"] == 1
    assert len(transactions(db) - before) == 1
    assert db.read(queries.reference.get_setting, SETTING_KEY) == {"门牌": "address"}
    with db.reading() as s:
        h = s.scalars(select(Household).where(Household.number == "05-001")).one()
        assert h.address == "桃花村5组3号"


def test_without_remember_the_mapping_is_used_but_not_kept(db, village, tmp_path):
    apply_import(db, roster(tmp_path), village["secretary"], mapping={"门牌": "address"})
    assert not db.read(queries.reference.get_setting, SETTING_KEY)


def test_a_cancelled_import_remembers_nothing(db, village, tmp_path):
    count = households(db)

    def cancel_late(stage, fraction):
        if fraction >= 0.9:  # the next report (inside the transaction) stops it
            job.cancel()

    job = Job(cancel_late)
    with pytest.raises(Cancelled):
        apply_import(db, roster(tmp_path), mapping={"门牌": "address"}, remember=True, job=job)
    assert households(db) == count
    assert not db.read(queries.reference.get_setting, SETTING_KEY)


def test_a_bad_mapping_is_refused_before_anything_is_written(db, village, tmp_path):
    count = households(db)
    with pytest.raises(ValidationError) as refused:
        apply_import(db, roster(tmp_path), mapping={"门牌": "nonsense"}, remember=True)
    assert refused.value.field == "import.mapping"
    assert households(db) == count
