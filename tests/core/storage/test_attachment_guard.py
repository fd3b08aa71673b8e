"""Attachments (migration 0014) are guarded like every synced record:
changing or deleting one around the journal is refused by the database
itself, and every field a conflict could name reads in Chinese; a matter's
办结签收 tick merges whole (who signed with the day)."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from village_desk.core import services
from village_desk.core.services.ledger import MatterInput
from village_desk.core.storage import merge_policy
from village_desk.core.storage.check import run_check
from village_desk.core.storage.models import Attachment


def test_an_attachment_cannot_be_changed_or_removed_around_the_journal(db, village, tmp_path):
    today = dt.date.today()
    mid = services.ledger.register_matter(
        db,
        village["secretary"],
        MatterInput(
            content="申请修缮村道",
            responsible_id=village["secretary"],
            received_date=today,
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
            deadline=today + dt.timedelta(days=5),
        ),
    )
    photo = tmp_path / "road.jpg"
    Image.new("RGB", (320, 240), "gray").save(photo)
    aid = services.attachments.add_attachment(db, village["secretary"], "matter", mid, photo)
    for sql in (
        "UPDATE attachment SET caption = '改过' WHERE id = :id",
        "DELETE FROM attachment WHERE id = :id",
    ):
        with pytest.raises(DBAPIError, match="attachment"), db.engine.begin() as con:
            con.execute(text(sql), {"id": aid.hex})
    with db.reading() as s:
        assert s.scalars(select(Attachment.caption)).all() == [""]
    assert run_check(db).problems == []


def test_every_field_a_conflict_can_name_reads_in_chinese():
    from village_desk.core.queries.sync import ENTITY_LABELS, _field_words
    from village_desk.core.storage.models import ENTITY_BY_TABLE

    assert ENTITY_LABELS["attachment"]
    for column in ENTITY_BY_TABLE["attachment"].__table__.columns:
        if column.name in ("id", "hlc", "deleted"):
            continue
        label = _field_words("attachment", column.name)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label), (column.name, label)
    for name in ("signoff_by", "signoff_date"):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in _field_words("matter", name))


def test_signoff_tick_merges_whole():
    assert merge_policy.group_of("matter", "signoff_by") == {"signoff_by", "signoff_date"}
