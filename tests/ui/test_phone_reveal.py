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
