"""Phones where they are needed: masked in the list and on a household's page,
readable there with one click (a cadre needs to call), masked again for the
next household."""

from __future__ import annotations

import re

from tests.ui.helpers import click
from tests.ui.pages.households.test_actions import open_household_page
from village_desk.core import queries

MOBILE = re.compile(r"1[3-9]\d{9}")


def member_phones(detail) -> list[str]:
    t = detail.members_table
    column = next(c for c in range(t.columnCount()) if t.horizontalHeaderItem(c).text() == "电话")
    return [t.item(r, column).text() for r in range(t.rowCount()) if t.item(r, column).text()]


def test_a_households_phones_are_shown_in_full_on_its_page_only_when_asked(window, qtbot):
    page, detail, household_id = open_household_page(window)
    stored = window.ctx.read(queries.households.members, household_id)
    full = sorted(p.phone for p in stored if p.phone)
    assert full, "the demo household should have a phone"
    assert not any(MOBILE.fullmatch(p) for p in member_phones(detail))  # masked at first
    assert detail.phones_button.text() == "显示电话"

    click(qtbot, detail.phones_button)
    assert sorted(member_phones(detail)) == full
    assert detail.phones_button.text() == "隐藏电话"

    click(qtbot, detail.phones_button)
    assert not any(MOBILE.fullmatch(p) for p in member_phones(detail))

    click(qtbot, detail.phones_button)  # shown, then another household is opened
    other = page.model.household(1).id
    assert page.open_household(other)
    assert detail.phones_button.text() == "显示电话"
    assert not any(MOBILE.fullmatch(p) for p in member_phones(detail))


def test_showing_a_households_phones_is_recorded_and_listed_in_security(window, qtbot):
    from tests.ui.helpers import wait_ops
    from village_desk.ui.main_window import MainWindow

    ctx = window.ctx
    cadre = ctx.read(queries.reference.cadres)[0]
    ctx.set_operator(cadre.id)
    before = ctx.read(queries.disclosures.disclosures)  # the demo's exports, if any
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)  # the list exists before the reveal
    tabs = window.settings_page.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "安全"))
    table = window.settings_page.security_tab.disclosures.table
    assert table.rowCount() == len(before)
    page, detail, household_id = open_household_page(window)
    members = ctx.read(queries.households.members, household_id)
    head = next(p.name for p in members if p.relation == "head")
    number = page.model.household(0).number
    with_phone = sum(1 for p in members if p.phone)

    click(qtbot, detail.phones_button)  # shown: recorded
    wait_ops(qtbot, ctx)
    click(qtbot, detail.phones_button)  # masked again: nothing more
    wait_ops(qtbot, ctx)
    after = ctx.read(queries.disclosures.disclosures)
    assert len(after) == len(before) + 1
    d = after[0]
    assert (d.kind_label, d.file_name, d.households, d.people, d.by_name) == (
        "户页显示完整电话",
        f"{number} {head}",
        1,
        with_phone,
        cadre.name,
    )

    # 设置 → 安全 lists it first
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    assert table.isVisibleTo(window.settings_page.security_tab)
    assert table.rowCount() == len(after)
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert first[2:] == [
        cadre.name,
        "户页显示完整电话",
        f"{number} {head}",
        "",
        "1",
        str(with_phone),
    ]
