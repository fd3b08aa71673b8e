"""The 统计 page draws its charts when first shown and again after changes."""

from __future__ import annotations

from tests.ui.helpers import exposed, settle
from village_desk.core import queries, services
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.pages.stats.page import StatsPage


def by_status(page) -> dict[str, int]:
    return dict(page.data["by_status"])


def test_charts_are_drawn_when_shown_and_follow_changes(ctx, demo_db, qtbot):
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    assert page.views == []  # nothing computed before it is wanted
    page.show()
    exposed(page)
    settle(qtbot, ctx)  # counted on a reader thread
    assert len(page.views) == 5
    first = by_status(page)
    matter = demo_db.read(queries.matters.matter_page, MatterFilter(statuses=("registered",)))[0]
    ctx.op(None, lambda db: services.ledger.apply_action(db, None, matter.id, "start")).run()
    settle(qtbot, ctx)
    now = by_status(page)
    assert now["登记受理"] == first["登记受理"] - 1 and now["办理中"] == first["办理中"] + 1
    assert len(page.views) == 5

    # a renamed matter kind is shown under its new name
    code, label = demo_db.read(queries.reference.choices, "matter_kind")[0]
    ctx.op(
        None, lambda db: services.setup.rename_vocab_term(db, None, "matter_kind", code, "新类别")
    ).run()
    settle(qtbot, ctx)
    assert "新类别" in dict(page.data["by_kind"]) and label not in dict(page.data["by_kind"])
