"""统计: each cadre's 践诺率 for the commitments made for a chosen year —
已践诺 ÷ that year's 承诺件数, a 部分践诺 and one not reviewed yet counting in
the base but not as kept, a commitment reviewed this year for last year
counting in last year — with the definition on screen and the active cadres
who made no commitment for the year named."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.helpers import exposed, settle
from village_desk.core import services
from village_desk.core.services.commitments import CommitmentInput
from village_desk.core.storage.models import Commitment
from village_desk.ui.pages.stats.page import StatsPage

TODAY = dt.date.today()
LAST = TODAY.year - 1
NUMBERS = itertools.count(1)


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


def commit(db, cadre, year: int, outcome: str = "") -> None:
    content = f"为一组办好第{next(NUMBERS)}件实事"
    cid = services.commitments.add_commitment(
        db,
        None,
        CommitmentInput(year=year, content=content, cadre_id=cadre, kind="one_line"),
    )
    if outcome:  # reviewed today, also for last year's commitments
        services.commitments.review_commitment(db, None, cid, outcome, "按期完成情况说明")


def keeping_chart(page):
    return page.views[-1].chart()


def categories(chart) -> list[str]:
    return list(chart.axes(Qt.Orientation.Vertical)[0].categories())


def shares(chart) -> dict[str, list[float]]:
    """Each band of the bars (已践诺, 部分践诺…) with its percent per cadre."""
    series = chart.series()[0]
    return {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in series.barSets()}


def rate(kept: int, total: int) -> str:
    return f"{kept / total * 100:.1f}%"


def test_keeping_rate_per_cadre_for_the_chosen_year(ctx, db, village, qtbot):
    wang, li = village["secretary"], village["grid"]
    # last year: 王建国 2 kept, 1 partly, 1 not reviewed; 李秀英 1 not kept
    for outcome in ("kept", "kept", "partly", ""):
        commit(db, wang, LAST, outcome)
    commit(db, li, LAST, "not_kept")
    # this year, under way: 王建国 one not reviewed yet; 李秀英 none
    commit(db, wang, TODAY.year)

    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    exposed(page)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(page.views) and not page.counting)
    page.tabs.setCurrentIndex(1)  # 干部践诺率
    # the newest year with reviewed commitments comes first
    assert page.year_combo.currentData() == LAST
    chart = keeping_chart(page)
    assert chart.title() == f"各干部践诺率（{LAST}年的承诺）"
    # 李秀英 before 王建国 (by name); 践诺率 = kept ÷ all of the year's commitments
    assert categories(chart) == [
        f"李秀英 {rate(0, 1)}（0/1）",
        f"王建国 {rate(2, 4)}（2/4）",
    ]
    bands = shares(chart)
    assert bands["已践诺"] == [0.0, 50.0]
    assert bands["部分践诺"] == [0.0, 25.0]
    assert bands["未践诺"] == [100.0, 0.0]
    assert bands["未评定"] == [0.0, 25.0]
    note = page.keeping_note.text()
    assert "已践诺 ÷" in note and "部分践诺" in note
    assert "无承诺的在职干部" not in note

    page.year_combo.setCurrentIndex(page.year_combo.findData(TODAY.year))
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: not page.counting)
    chart = keeping_chart(page)
    assert chart.title() == f"各干部践诺率（{TODAY.year}年的承诺）"
    assert categories(chart) == [f"王建国 {rate(0, 1)}（0/1）"]  # not reviewed: in the base
    assert shares(chart)["未评定"] == [100.0]
    assert f"{TODAY.year}年无承诺的在职干部：李秀英" in page.keeping_note.text()

    # reviewed as kept: the rate follows
    cid = db.read(lambda s: s.scalar(select(Commitment.id).where(Commitment.year == TODAY.year)))
    ctx.op(
        None,
        lambda d: services.commitments.review_commitment(d, None, cid, "kept", "已修通"),
    ).run()
    settle(qtbot, ctx)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: not page.counting)
    assert page.year_combo.currentData() == TODAY.year
    assert categories(keeping_chart(page)) == [f"王建国 {rate(1, 1)}（1/1）"]
