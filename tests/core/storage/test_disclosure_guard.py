"""The record of a full-number export (migration 0013) is guarded like every
synced record: changing or deleting it around the journal is refused by the
database itself, and every field a conflict could name reads in Chinese."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from village_desk.core import services
from village_desk.core.storage.check import run_check
from village_desk.core.storage.models import Disclosure


def test_a_disclosure_cannot_be_changed_or_removed_around_the_journal(db):
    did = services.disclosures.record_disclosure(
        db, None, "ledger_export", "台账.xlsx", "2026年11月", 40, 120, "王建国"
    )
    for sql in (
        "UPDATE disclosure SET by_name = '无人' WHERE id = :id",
        "DELETE FROM disclosure WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="disclosure"), db.engine.begin() as con:
            con.execute(text(sql), {"id": did.hex})
    with db.reading() as s:
        assert s.scalars(select(Disclosure.by_name)).all() == ["王建国"]
    assert run_check(db).problems == []


def test_every_field_a_conflict_can_name_reads_in_chinese():
    from village_desk.core.queries.sync import ENTITY_LABELS, _field_words
    from village_desk.core.storage.models import ENTITY_BY_TABLE

    assert ENTITY_LABELS["disclosure"]
    for column in ENTITY_BY_TABLE["disclosure"].__table__.columns:
        if column.name in ("id", "hlc", "deleted"):
            continue
        label = _field_words("disclosure", column.name)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (column.name, label)
