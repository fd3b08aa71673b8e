"""The history of a household (with its members) and of a matter (with its
progress notes), read from the journal as a cadre asks for it: who changed
which field from what to what, when, on which computer — values as people
read them, ID numbers and phones masked unless asked."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import make_id
from village_desk import cli
from village_desk.core import services
from village_desk.core.queries import history
from village_desk.core.services.households import PersonInput
from village_desk.core.services.ledger import MatterInput, apply_action

ZHANG = make_id("19580312", "131")


def member(db, name):
    from sqlalchemy import select

    from village_desk.core.storage.models import Person

    with db.reading() as s:
        return s.scalar(select(Person.id).where(Person.name == name))


def test_a_member_changed_by_another_cadre_is_in_the_households_history(db, village):
    services.households.update_person(
        db,
        village["grid"],
        member(db, "张三丰"),
        PersonInput(name="张三丰", relation="head", id_number=ZHANG, phone="13900001111"),
    )
    entries = db.read(history.household_history, village["hh"])
    latest = entries[0]
    assert (latest.who, latest.device, latest.action, latest.what) == (
        "李秀英",
        "测试机",
        "修改",
        "成员 张三丰",
    )
    assert [(c.field, c.old, c.new) for c in latest.changes] == [
        ("联系电话", "138****5678", "139****1111")
    ]
    assert abs(latest.when - dt.datetime.now()) < dt.timedelta(minutes=5)
    # the household and both members were created by the secretary
    created = {e.what: e for e in entries if e.action == "新增"}
    assert set(created) == {"户 01-001", "成员 张三丰", "成员 刘桂兰"}
    assert created["户 01-001"].who == "王建国"
    fields = {c.field: c.new for c in created["成员 张三丰"].changes}
    assert (
        fields["与户主关系"] == "户主"
        and fields["公民身份号码"] == ZHANG[:4] + "*" * 10 + ZHANG[-4:]
    )
    unmasked = db.read(history.household_history, village["hh"], unmasked=True)
    assert [(c.old, c.new) for c in unmasked[0].changes] == [("13812345678", "13900001111")]


def test_deleting_and_restoring_a_member_are_named(db, village):
    spouse = member(db, "刘桂兰")
    services.households.delete_person(db, village["secretary"], spouse)
    services.households.restore_person(db, village["secretary"], spouse)
    actions = [e.action for e in db.read(history.household_history, village["hh"])][:2]
    assert actions == ["恢复", "删除"]


def test_a_matters_history_names_its_steps_and_people(db, village):
    sec = village["secretary"]
    mid = services.ledger.register_matter(
        db,
        sec,
        MatterInput(
            content="申请修缮危房",
            responsible_id=sec,
            applicant_name="张三丰",
            household_id=village["hh"],
            kind="hardship",
        ),
    )
    apply_action(db, village["grid"], mid, "start")
    entries = db.read(history.matter_history, mid)
    kinds = [(e.what, e.action, e.who) for e in entries]
    assert kinds[-1][0].startswith("事项 ") and kinds[-1][1] == "新增"
    [status] = [
        c for e in entries if e.action == "修改" for c in e.changes if c.field == "办理状态"
    ]
    assert (status.old, status.new) == ("登记受理", "办理中")
    notes = [e for e in entries if e.what == "办理情况"]
    assert notes and all(e.who == "李秀英" for e in notes)
    registered = {c.field: c.new for c in entries[-1].changes}
    assert registered["责任人"] == "王建国" and registered["事项类别"] != "hardship"


def test_history_command(db, village, capsys):
    url = db.url
    services.households.update_person(
        db,
        village["grid"],
        member(db, "张三丰"),
        PersonInput(name="张三丰", relation="head", id_number=ZHANG, phone="13900001111"),
    )
    assert cli.main(["--db-url", url, "history", "01-001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("户 01-001 的修改记录")
    assert "李秀英  测试机  修改 成员 张三丰" in out
    assert "联系电话：138****5678 → 139****1111" in out and "13900001111" not in out
    assert cli.main(["--db-url", url, "history", ZHANG]) == 0  # by a member's ID number
    assert "户 01-001" in capsys.readouterr().out
    assert cli.main(["--db-url", url, "history", "99-999"]) == 2
    assert "没有找到" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["", "   "])
def test_nothing_is_found_for_blank_text(db, village, text):
    assert db.read(history.find, text) == []
