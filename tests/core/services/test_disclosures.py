"""完整号码导出/查看记录: every place that shows ID numbers and phones in
full leaves a record — a household's phones revealed on its page (显示电话),
``history --unmasked`` — and ``village-desk disclosures`` lists them, newest
first. The read-only inspector is never shown full numbers and records
nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import make_id
from village_desk import cli
from village_desk.core import queries, services
from village_desk.core.services.households import PersonInput
from village_desk.core.storage import roles


def listed(db):
    return db.read(queries.disclosures.disclosures)


def test_revealing_a_households_phones_is_recorded_with_whose_and_who(db, village):
    services.households.add_person(
        db,
        None,
        village["hh"],
        PersonInput(
            name="张小明",
            relation="child",
            id_number=make_id("19850101", "333"),
            phone="13912340000",
        ),
    )
    before = dt.datetime.now().replace(microsecond=0)
    services.disclosures.record_phone_reveal(db, village["grid"], village["hh"])
    [d] = listed(db)
    # 01-001: 张三丰 (户主) and 张小明 have a phone, 刘桂兰 none; revealed by 李秀英
    assert (d.kind_label, d.file_name, d.households, d.people, d.by_name) == (
        "户页显示完整电话",
        "01-001 张三丰",
        1,
        2,
        "李秀英",
    )
    assert dt.datetime.fromisoformat(d.at) >= before


def test_a_reveal_without_a_chosen_cadre_says_so(db, village):
    services.disclosures.record_phone_reveal(db, None, village["hh"])
    assert listed(db)[0].by_name == "（未选择干部）"


def test_the_inspector_cannot_record_a_reveal(db, village):
    db.role = roles.INSPECTOR
    with pytest.raises(roles.ReadOnlyRole):
        services.disclosures.record_phone_reveal(db, None, village["hh"])
    db.role = roles.FULL
    assert listed(db) == []


def test_history_unmasked_is_recorded_and_the_command_lists_it(db, village, capsys):
    url = db.url
    assert cli.main(["--db-url", url, "history", "01-001"]) == 0  # masked: nothing to record
    assert listed(db) == []
    assert cli.main(["--db-url", url, "disclosures"]) == 0
    assert "没有完整号码导出/查看记录" in capsys.readouterr().err

    assert cli.main(["--db-url", url, "history", "01-001", "--unmasked"]) == 0
    assert "13812345678" in capsys.readouterr().out  # shown in full…
    [d] = listed(db)  # …and recorded: the household and its two people
    assert (d.kind_label, d.file_name, d.households, d.people) == (
        "修改记录显示完整号码",
        "户 01-001",
        1,
        2,
    )
    assert d.by_name.startswith("命令行")

    services.disclosures.record_phone_reveal(db, village["secretary"], village["hh"])
    assert cli.main(["--db-url", url, "disclosures"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "完整号码导出/查看记录（最新的在前，2 条）："
    # newest first: 王建国's reveal, then the command line's history
    assert "王建国  户页显示完整电话  01-001 张三丰  1 户 1 人" in lines[1]
    assert "修改记录显示完整号码  户 01-001  1 户 2 人" in lines[2]
    assert cli.main(["--db-url", url, "disclosures", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
