"""The dashboard names households without a responsible cadre and cadres
below the pairing norms (DOMAIN.md §2), counted here from the rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.ui.helpers import exposed, settle
from village_desk.core import services
from village_desk.core.storage.models import Household, Pairing
from village_desk.ui.pages.dashboard.page import DashboardPage


def unpaired(db) -> list[str]:
    with db.reading() as s:
        paired = {
            p.household_id
            for p in s.scalars(select(Pairing))
            if not p.deleted and p.end_date is None
        }
        return sorted(
            h.number for h in s.scalars(select(Household)) if not h.deleted and h.id not in paired
        )


def test_the_dashboard_names_an_unpaired_household(ctx, demo_db, qtbot):
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    before = unpaired(demo_db)
    with demo_db.reading() as s:
        pairing = next(
            p for p in s.scalars(select(Pairing)) if not p.deleted and p.end_date is None
        )
        others = [
            p.id
            for p in s.scalars(select(Pairing).where(Pairing.household_id == pairing.household_id))
            if not p.deleted and p.end_date is None
        ]
        number = s.get(Household, pairing.household_id).number
    for pid in others:  # the household loses every cadre
        ctx.op(
            None,
            lambda db, pid=pid: services.households.end_pairing(
                db, None, pid, dt.date.today(), "干部调走"
            ),
        ).run()
    settle(qtbot, ctx)
    after = unpaired(demo_db)
    assert after == sorted({*before, number})
    text = page.pairing_label.text()
    assert f"没有联户干部的户：{len(after)} 户" in text
    if len(after) <= 5:
        assert number in text
    # the demo's cadres have no “123” pairings: all are below that norm
    assert "未达到结对要求" in text
