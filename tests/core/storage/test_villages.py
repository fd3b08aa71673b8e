"""Every synced record belongs to a village (township mode, DOMAIN.md §7).

A village copy's records all belong to its one village, whether written by
a form, by a bulk import or before township mode existed (the upgrade fills
them in); a township office's database holds the township's own reference
data apart from its villages'."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select

from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.storage import migrate
from village_desk.core.storage.db import Database
from village_desk.core.storage.models import (
    SYNCED_MODELS,
    Cadre,
    Change,
    Setting,
    VillageProfile,
    VocabTerm,
)


def villages_of_everything(db) -> set:
    """The village ids found on every record and every journaled change."""
    found = set()
    with db.reading() as s:
        for model in SYNCED_MODELS:
            found |= set(s.scalars(select(model.village_id)))
        found |= set(s.scalars(select(Change.village_id)))
    return found


def the_village(db):
    with db.reading() as s:
        (pid,) = s.scalars(select(VillageProfile.id)).all()
    return pid


def test_everything_written_on_a_village_copy_belongs_to_its_village(db, village):
    assert villages_of_everything(db) == {the_village(db)}


def test_upgrading_a_copy_from_before_township_mode_gives_every_record_its_village(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database.open(url)
    services.setup.initialize(db, village="桃花村", township="青山镇", county="隆回县")
    services.setup.add_group(db, None, "一组")
    services.setup.add_cadre(db, None, "王建国", "secretary", "13907310001")
    command.downgrade(migrate.alembic_config(db.engine), "0007")
    db.close()

    upgraded = Database.open(url)
    assert migrate.current_revision(upgraded.engine) == migrate.HEAD
    village = the_village(upgraded)
    assert villages_of_everything(upgraded) == {village}
    with upgraded.reading() as s:
        assert s.scalar(select(VillageProfile.kind)) == "village"
    upgraded.close()


def test_a_township_office_keeps_its_own_reference_data_apart(tmp_path):
    db = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}")
    services.setup.initialize(
        db, village="", township="青山镇", county="隆回县", township_office=True
    )
    with db.reading() as s:
        assert queries.reference.is_township(s)
        p = queries.reference.profile(s)
        assert (p.village, p.kind, p.village_id) == ("青山镇", "township", None)
        # its vocabularies and settings are the township's (no village)
        assert set(s.scalars(select(VocabTerm.village_id))) == {None}
        assert set(s.scalars(select(Setting.village_id))) == {None}
        assert queries.reference.labels(s, "role")["township_cadre"] == "包村干部"
    # a township cadre belongs to no village (every village's laptop gets them)
    zhao = services.setup.add_cadre(db, None, "赵乡干", "township_cadre", "13907319999")
    with db.reading() as s:
        assert s.get(Cadre, zhao).village_id is None
    db.close()


def test_a_village_copy_cannot_become_a_township_office_or_back(db, tmp_path):
    with pytest.raises(ServiceError, match="乡镇汇总库"):
        services.setup.initialize(db, village="", township="青山镇", township_office=True)
    office = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}")
    services.setup.initialize(office, village="", township="青山镇", township_office=True)
    with pytest.raises(ServiceError, match="乡镇汇总库"):
        services.setup.initialize(office, village="桃花村", township="青山镇")
    office.close()


def test_a_township_office_needs_the_townships_name(tmp_path):
    office = Database.open(f"sqlite:///{tmp_path / 't.sqlite3'}")
    with pytest.raises(ServiceError):
        services.setup.initialize(office, village="", township=" ", township_office=True)
    office.close()
