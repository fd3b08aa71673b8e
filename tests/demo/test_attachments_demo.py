"""Demo evidence looks like a working village's: most finished matters are
signed off by their applicant on or after the day they were finished, some
with a photo of the slip; recent visits, meetings and activities have
photos; every file is in the store and readable; in a township demo each
photo is in the village of the record it belongs to."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import select

from village_desk import demo
from village_desk.core import queries
from village_desk.core.storage.check import run_check
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import ENTITY_BY_TABLE, Attachment, Matter

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "a.sqlite3"
    db = Database.open(f"sqlite:///{path}", device_name="测试机")
    demo.generate(db, households=120, seed=5, today=TODAY)
    yield db
    db.close()


def test_finished_matters_are_mostly_signed_off_by_their_applicant(village):
    with village.reading() as s:
        finished = s.scalars(
            select(Matter).where(Matter.status.in_(("done", "feedback", "closed")))
        ).all()
        slips = s.scalars(select(Attachment).where(Attachment.kind == "signoff")).all()
    signed = [m for m in finished if m.signoff_by]
    assert len(signed) >= 0.6 * len(finished)
    assert all(m.signoff_by == m.applicant_name for m in signed)
    assert all(m.done_date <= m.signoff_date <= TODAY for m in signed)
    # nothing open is signed off
    with village.reading() as s:
        assert not s.scalars(
            select(Matter).where(
                Matter.status.not_in(("done", "feedback", "closed")), Matter.signoff_by != ""
            )
        ).all()
    by_id = {m.id: m for m in finished}
    assert slips and all(a.owner_id in by_id and a.owner_entity == "matter" for a in slips)


def test_visits_meetings_and_activities_have_readable_photos(village):
    with village.reading() as s:
        rows = s.scalars(select(Attachment)).all()
    owners = {a.owner_entity for a in rows}
    assert {"diary_entry", "meeting", "activity", "matter"} <= owners
    store = queries.attachments.store(village)
    for a in rows:
        image = Image.open(io.BytesIO(store.read(a.sha256)))
        assert image.size == (a.width, a.height)
    assert run_check(village).problems == []


def test_a_township_demo_keeps_photos_in_their_records_villages(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}", device_name="测试机")
    try:
        demo.generate(db, households=60, villages=2, seed=2, today=TODAY)
        with db.reading() as s:
            rows = s.scalars(select(Attachment)).all()
            assert rows
            for a in rows:
                owner = s.get(ENTITY_BY_TABLE[a.owner_entity], a.owner_id)
                assert a.village_id == owner.village_id is not None
        assert run_check(db).problems == []
    finally:
        db.close()
