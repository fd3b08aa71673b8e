"""Pairing rules as figures: households with no responsible cadre, and cadres
below the norms in settings (“123”: 2 party-member households + 3 villagers'
households, one in hardship; 结对帮扶 ≥ 2) — DOMAIN.md §2."""

from __future__ import annotations

import datetime as dt

from tests.helpers import make_id
from village_desk.core import queries, services
from village_desk.core.services.households import HouseholdInput, PersonInput, create_household


def household(db, village, number, *, party=False, categories=(), seq="301"):
    return create_household(
        db,
        village["secretary"],
        HouseholdInput(number=number, group_id=village["g2"], categories=list(categories)),
        PersonInput(name=f"户主{number}", id_number=make_id("19700101", seq), party_member=party),
        [],
    )


def test_households_without_a_current_cadre(db, village):
    other = household(db, village, "02-001", seq="301")
    ended = household(db, village, "02-002", seq="302")
    pid = services.households.pair_cadre(db, None, ended, village["grid"])
    services.households.end_pairing(db, None, pid, dt.date.today(), "调整")
    services.households.pair_cadre(db, None, village["hh"], village["secretary"])
    listed = db.read(queries.pairing.households_without_cadre)
    assert [(u.number, u.head, u.group) for u in listed] == [
        ("02-001", "户主02-001", "二组"),
        ("02-002", "户主02-002", "二组"),
    ]
    assert {u.household_id for u in listed} == {other, ended}


def test_cadres_below_the_123_norm_and_the_help_norm(db, village):
    sec, grid = village["secretary"], village["grid"]
    members = [household(db, village, f"03-00{i}", party=True, seq=f"40{i}") for i in (1, 2)]
    villagers = [household(db, village, f"04-00{i}", seq=f"50{i}") for i in (1, 2, 3)]
    poor = household(db, village, "05-001", categories=["dibao"], seq="601")
    for hid in members + villagers:
        services.households.pair_cadre(db, None, hid, sec, "pair_123")
    for hid in (members[0], villagers[0]):
        services.households.pair_cadre(db, None, hid, grid, "poverty_help")
    gaps = {(g.name, g.kind): g for g in db.read(queries.pairing.pairing_gaps)}
    # 王建国: 2 party + 3 villagers, but none in hardship; no 结对帮扶 at all
    assert gaps[("王建国", "pair_123")].current == "党员2户、群众3户（困难0户）"
    assert gaps[("王建国", "pair_123")].required == "党员2户 + 群众3户（其中困难≥1户）"
    assert gaps[("王建国", "poverty_help")].current == "0户"
    # 李秀英: 2 结对帮扶 households meet that norm; no “123” pairings
    assert ("李秀英", "poverty_help") not in gaps
    assert gaps[("李秀英", "pair_123")].current == "党员0户、群众0户（困难0户）"

    # a hardship household in place of one villager meets the “123” norm
    services.households.pair_cadre(db, None, poor, sec, "pair_123")
    gaps = {(g.name, g.kind) for g in db.read(queries.pairing.pairing_gaps)}
    assert ("王建国", "pair_123") not in gaps

    # norms come from settings: without the 结对帮扶 norm nobody is below it
    services.setup.set_setting(db, None, "pairing_norms", {"pair_123": {"party": 2}})
    gaps = {(g.name, g.kind) for g in db.read(queries.pairing.pairing_gaps)}
    assert gaps == {("李秀英", "pair_123")}


def test_the_workbook_has_the_pairing_check(db, village, tmp_path):
    from openpyxl import load_workbook

    from village_desk.core.excel import parse_period
    from village_desk.core.excel.ledger_export import export_ledger

    household(db, village, "02-001", seq="301")
    services.households.pair_cadre(db, None, village["hh"], village["secretary"], "poverty_help")
    services.households.pair_cadre(db, None, village["hh"], village["grid"], "poverty_help")
    out = tmp_path / "台账.xlsx"
    export_ledger(db, out, parse_period("2026"), today=dt.date.today())
    ws = load_workbook(out)["结对检查"]
    rows = [r[1:] for r in ws.iter_rows(min_row=4, values_only=True)]
    assert rows == [
        ("没有联户干部的户", "02-001 户主02-001（二组）", None, "至少1名联户干部", "无"),
        (
            "未达到结对要求",
            "李秀英（网格员）",
            "“123”结对",
            "党员2户 + 群众3户（其中困难≥1户）",
            "党员0户、群众0户（困难0户）",
        ),
        ("未达到结对要求", "李秀英（网格员）", "结对帮扶", "≥2户", "1户"),
        (
            "未达到结对要求",
            "王建国（村党组织书记）",
            "“123”结对",
            "党员2户 + 群众3户（其中困难≥1户）",
            "党员0户、群众0户（困难0户）",
        ),
        ("未达到结对要求", "王建国（村党组织书记）", "结对帮扶", "≥2户", "1户"),
    ]
