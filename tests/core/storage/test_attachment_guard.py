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


def test_matters_recorded_before_0014_pass_the_check_after_the_upgrade(tmp_path):
    """A matter journaled by a program before 0014 has no 办结签收 in its
    history; after the upgrade it reads as not signed, and ``check`` finds
    no difference between the record and its replayed journal."""
    from alembic import command

    from village_desk.core.storage import migrate
    from village_desk.core.storage.db import Database

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url, device_name="旧版本")
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    cadre = services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001", "全面负责")
    today = dt.date.today()
    services.ledger.register_matter(
        db,
        cadre,
        MatterInput(
            content="申请修缮村道",
            responsible_id=cadre,
            received_date=today,
            applicant_name="张三丰",
            kind="hardship",
            deadline=today + dt.timedelta(days=5),
        ),
    )
    command.downgrade(migrate.alembic_config(db.engine), "0013")
    with db.engine.begin() as con:  # the journal as a program before 0014 wrote it
        con.execute(
            text(
                "UPDATE change_log SET changes = "
                "json_remove(changes, '$.signoff_by', '$.signoff_date') WHERE entity = 'matter'"
            )
        )
    db.close()
    upgraded = Database.open(url)
    try:
        with upgraded.reading() as s:
            from village_desk.core.storage.models import Matter

            (matter,) = s.scalars(select(Matter)).all()
        assert (matter.signoff_by, matter.signoff_date) == ("", None)
        assert run_check(upgraded).problems == []
    finally:
        upgraded.close()
