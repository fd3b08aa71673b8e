"""What changed: every committed transaction reports its changed records
(from its journal rows) to the database's listeners; refused or rolled back
work reports nothing."""

from __future__ import annotations

import pytest

from village_desk.core import services
from village_desk.core.domain.errors import ValidationError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage.changes import Changes
from village_desk.core.storage.models import VillagerGroup


def test_a_service_call_reports_the_records_it_changed(db, village):
    heard: list[Changes] = []
    stop = db.listen(heard.append)
    hid = services.households.create_household(
        db,
        None,
        HouseholdInput(number="09-001"),
        PersonInput(name="赵大"),
        [PersonInput(name="赵二", relation="child")],
    )
    stop()
    assert len(heard) == 1  # one call, one transaction, one report
    changes = heard[0]
    assert changes.ids("household") == {hid}
    assert len(changes.ids("person")) == 2
    assert changes.touches("person") and not changes.touches("matter")
    services.setup.add_group(db, None, "九组")
    assert len(heard) == 1  # no longer listening


def test_refused_and_failed_work_reports_nothing(db, village):
    heard: list[Changes] = []
    db.listen(heard.append)
    with pytest.raises(ValidationError):
        services.households.create_household(
            db, None, HouseholdInput(number=""), PersonInput(name="钱三")
        )
    with pytest.raises(RuntimeError), db.transaction(None) as s:
        s.add(VillagerGroup(name="不存在组", sort_order=9))
        s.flush()
        raise RuntimeError("power cut")
    assert heard == []


def test_collect_changes_gathers_what_this_thread_committed(db, village):
    with db.collect_changes() as got:
        gid = services.setup.add_group(db, None, "十组")
        cid = services.setup.add_cadre(db, None, "孙七", "grid", active=False)
    assert got[0].ids("villager_group") == {gid} and got[0].ids("cadre") == {cid}
    services.setup.add_group(db, None, "十一组")
    assert "十一组" not in str(got[0])  # after the block nothing more is gathered
    assert len(got[0].ids("villager_group")) == 1


def test_changes_merge_and_everything():
    a = Changes.from_rows([{"entity": "matter", "record_id": 1}])
    b = Changes.from_rows(
        [{"entity": "matter", "record_id": 2}, {"entity": "person", "record_id": 3}]
    )
    merged = a | b
    assert merged.ids("matter") == {1, 2} and merged.ids("person") == {3}
    assert not Changes() and merged
    assert Changes.all().touches("anything") and (a | Changes.all()).everything
