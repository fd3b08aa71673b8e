import json

import pytest
from sqlalchemy import func, select

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.domain.errors import ServiceError
from village_desk.core.domain.validation import ValidationError
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.core.storage.models import Change, Household, Pairing, Person


def journal(db, record_id):
    with db.reading() as s:
        return list(
            s.scalars(select(Change).where(Change.record_id == record_id).order_by(Change.hlc))
        )


def test_create_household_with_members_is_journaled_with_actor(db, village):
    with db.reading() as s:
        people = queries.households.members(s, village["hh"])
    assert [p.name for p in people] == ["张三丰", "刘桂兰"]
    head = people[0]
    assert head.gender == "男" and head.birth_date.isoformat() == "1958-03-12"  # from the ID
    entries = journal(db, head.id)
    assert [e.op for e in entries] == ["insert"]
    assert entries[0].actor_id == village["secretary"] and entries[0].device_id == db.device.id
    changes = json.loads(entries[0].changes)
    assert changes["name"] == [None, "张三丰"] and changes["phone"] == [None, "13812345678"]


def test_bad_member_refuses_whole_household(db, village):
    bad = make_id("19700101")[:-1] + ("0" if make_id("19700101")[-1] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        services.households.create_household(
            db,
            None,
            services.households.HouseholdInput(number="01-002", group_id=village["g1"]),
            services.households.PersonInput(name="赵六"),
            [services.households.PersonInput(name="赵小六", relation="child", id_number=bad)],
        )
    assert err.value.field == "person.id_number" and "赵小六" in err.value.message
    with db.reading() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(Household).where(Household.number == "01-002")
            )
            == 0
        )


def test_update_records_old_and_new_values(db, village):
    services.households.update_household(
        db,
        None,
        village["hh"],
        services.households.HouseholdInput(
            number="01-001", group_id=village["g2"], categories=["dibao", "liushou_elder"]
        ),
    )
    last = journal(db, village["hh"])[-1]
    changes = json.loads(last.changes)
    assert last.op == "update"
    assert changes["group_id"] == [str(village["g1"]), str(village["g2"])]
    assert changes["categories"] == [["dibao"], ["dibao", "liushou_elder"]]
    assert "address" not in changes  # only what changed


def test_duplicate_id_number_and_household_number_refused(db, village):
    with pytest.raises(ValidationError, match="张三丰"):
        services.households.add_person(
            db,
            None,
            village["hh"],
            services.households.PersonInput(
                name="重复", relation="child", id_number=make_id("19580312", "131")
            ),
        )
    with pytest.raises(ValidationError, match="已存在"):
        services.households.create_household(
            db,
            None,
            services.households.HouseholdInput(number="01-001"),
            services.households.PersonInput(name="某某"),
        )


def test_one_head_only_and_head_not_deletable_while_members(db, village):
    with pytest.raises(ValidationError, match="已有户主"):
        services.households.add_person(
            db, None, village["hh"], services.households.PersonInput(name="第二户主")
        )
    with db.reading() as s:
        head = queries.households.members(s, village["hh"])[0]
    with pytest.raises(ServiceError, match="不能删除户主"):
        services.households.delete_person(db, None, head.id)


def test_edit_and_delete_person_then_restore(db, village):
    pid = services.households.add_person(
        db,
        None,
        village["hh"],
        services.households.PersonInput(name="张小明", relation="child", phone="13900001111"),
    )
    services.households.update_person(
        db,
        None,
        pid,
        services.households.PersonInput(name="张晓明", relation="child", phone="13900002222"),
    )
    services.households.delete_person(db, None, pid)
    assert [e.op for e in journal(db, pid)] == ["insert", "update", "delete"]
    with db.reading() as s:
        assert [h.name for h in queries.search.search(s, "张晓明")] == []
    services.households.restore_person(db, None, pid)
    with db.reading() as s:
        assert [h.name for h in queries.search.search(s, "张晓明")] == ["张晓明"]
    # The history says the person was brought back, not deleted a second time.
    restored = journal(db, pid)[-1]
    assert restored.op == "update"
    assert json.loads(restored.changes)["deleted"] == [True, False]


def test_delete_household_is_tombstoned_and_undoable(db, village):
    pairing = services.households.pair_cadre(db, None, village["hh"], village["grid"])
    services.households.delete_household(db, None, village["hh"])
    with db.reading() as s:
        hh = s.get(Household, village["hh"])
        assert hh.deleted  # still there, as a tombstone
        assert all(p.deleted for p in s.scalars(select(Person).where(Person.household_id == hh.id)))
        assert s.get(Pairing, pairing).deleted
        assert queries.search.search(s, "张三丰") == []
    assert journal(db, village["hh"])[-1].op == "delete"
    services.households.restore_household(db, None, village["hh"])
    with db.reading() as s:
        assert [p.name for p in queries.households.members(s, village["hh"])] == [
            "张三丰",
            "刘桂兰",
        ]
        assert not s.get(Pairing, pairing).deleted
        assert queries.search.search(s, "zsf")[0].name == "张三丰"
    # The restore is journaled as bringing the household back (an update of
    # ``deleted`` to false), not as another deletion.
    restored = journal(db, village["hh"])[-1]
    assert restored.op == "update"
    assert json.loads(restored.changes)["deleted"] == [True, False]
    assert [e.op for e in journal(db, pairing)] == ["insert", "delete", "update"]


def test_pairing_lifecycle(db, village):
    pid = services.households.pair_cadre(db, None, village["hh"], village["grid"], "poverty_help")
    with pytest.raises(ValidationError, match="已与该户结对"):
        services.households.pair_cadre(db, None, village["hh"], village["grid"])
    with pytest.raises(ValidationError, match="结束原因"):
        services.households.end_pairing(db, None, pid, village["today"], "")
    services.households.end_pairing(db, None, pid, village["today"], "调整联户")
    with db.reading() as s:
        assert queries.households.pairings(s, village["hh"]) == []
        ended = queries.households.pairings(s, village["hh"], current_only=False)[0]
        assert ended.end_date == village["today"] and "调整联户" in ended.reason
    services.households.pair_cadre(
        db, None, village["hh"], village["grid"]
    )  # can pair again after ending


def test_bad_phone_is_refused_at_the_field(db, village):
    with pytest.raises(ValidationError) as err:
        services.households.add_person(
            db,
            None,
            village["hh"],
            services.households.PersonInput(name="张四", relation="child", phone="1381234"),
        )
    assert err.value.field == "person.phone"


def test_restore_refused_when_number_reused_meanwhile(db, village):
    services.households.delete_household(db, None, village["hh"])
    services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(number="01-001"),
        services.households.PersonInput(name="新户主"),
    )
    with pytest.raises(ValidationError, match="户号 01-001 已存在"):
        services.households.restore_household(db, None, village["hh"])
    with db.reading() as s:
        assert s.get(Household, village["hh"]).deleted  # nothing changed


def test_restore_brings_back_only_what_that_deletion_removed(db, village):
    pid = services.households.add_person(
        db, None, village["hh"], services.households.PersonInput(name="早已删除", relation="child")
    )
    services.households.delete_person(db, None, pid)
    services.households.delete_household(db, None, village["hh"])
    services.households.restore_household(db, None, village["hh"])
    with db.reading() as s:
        assert [p.name for p in queries.households.members(s, village["hh"])] == [
            "张三丰",
            "刘桂兰",
        ]


def test_names_and_notes_are_stored_without_control_characters(db, village):
    """Whatever a form (or a paste) hands the services, what is stored and
    journaled is clean text: no control, bidi or zero-width characters."""
    hid = services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(
            number="01-0\u200b09",
            group_id=village["g1"],
            address="桃花村\t一组\n9号",
            notes="第一行\x1b[31m\r\n第二行\u202e",
        ),
        services.households.PersonInput(name="\ufeff赵\x01六\u200d"),
    )
    pid = services.households.add_person(
        db,
        None,
        hid,
        services.households.PersonInput(name="赵\u202e小\t六", relation="child"),
    )
    with db.reading() as s:
        household = s.get(Household, hid)
        people = {p.relation: p for p in queries.households.members(s, hid)}
        assert (household.number, household.address) == ("01-009", "桃花村 一组 9号")
        assert household.notes == "第一行[31m\n第二行"
        assert people["head"].name == "赵六"
        assert s.get(Person, pid).name == "赵小 六"
    logged = json.loads(journal(db, pid)[0].changes)
    assert logged["name"] == [None, "赵小 六"]


def test_a_refusal_of_a_field_changed_underneath_names_its_value_as_people_read_it(db, village):
    """「现在是“二组”」 and 「现在是“配偶”」, not a group id or a code."""
    hid = village["hh"]
    form = db.read(queries.households.household, hid)  # the form opens
    services.households.update_household(
        db, None, hid, HouseholdInput(number="01-001", group_id=village["g2"], categories=["dibao"])
    )  # moved to 二组 elsewhere
    with pytest.raises(ValidationError) as err:  # the form moves it too, elsewhere
        services.households.update_household(
            db,
            None,
            hid,
            HouseholdInput(number="01-001", group_id=None, categories=["dibao"]),
            base=form._mapping,
        )
    assert err.value.field == "household.group_id"
    assert "现在是“二组”" in err.value.message

    member = next(m for m in db.read(queries.households.members, hid) if m.name == "刘桂兰")
    as_shown = db.read(queries.households.person, member.id)
    keep = dict(name="刘桂兰", id_number=member.id_number, gender=member.gender)
    keep["birth_date"] = member.birth_date
    services.households.update_person(
        db, None, member.id, PersonInput(relation="child", **keep)
    )  # 子女 elsewhere
    with pytest.raises(ValidationError) as err:
        services.households.update_person(
            db, None, member.id, PersonInput(relation="other", **keep), base=as_shown._mapping
        )
    assert err.value.field == "person.relation"
    labels = db.read(queries.reference.labels, "relation")
    assert f"现在是“{labels['child']}”" in err.value.message


def test_a_name_longer_than_its_field_is_refused_at_the_field(db, village):
    """A 32,767-character name once went into a 40-character column."""
    from village_desk.core.domain.errors import ValidationError
    from village_desk.core.services.households import HouseholdInput, PersonInput

    with pytest.raises(ValidationError) as err:
        services.households.create_household(
            db, None, HouseholdInput(number="09-001"), PersonInput(name="张" * 41)
        )
    assert err.value.field == "person.name" and "最多 40 个字" in str(err.value)
    services.households.create_household(
        db, None, HouseholdInput(number="09-001"), PersonInput(name="张" * 40)
    )
