"""会议节奏 on the work bench: each kind of meeting with when it last took
place against its frequency (settings), the overdue ones in red; clicking
the panel opens the 会议记录 page. A township office sees, per village, the
kinds that village is behind with, against that village's own frequencies."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from tests.core.services.test_meetings import courtyard
from tests.ui.helpers import exposed, settle
from village_desk.core import queries, services
from village_desk.core.services.meetings import MeetingInput
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.dashboard.page import DashboardPage

TODAY = dt.date.today()


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, the month's last day when it is shorter
    (the frequency's rule: a meeting every n months)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def short(day: dt.date) -> str:
    return (
        f"{day.month}月{day.day}日"
        if day.year == TODAY.year
        else f"{day.year}年{day.month}月{day.day}日"
    )


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


def lines(page) -> list[tuple[str, bool]]:
    return [(label.text(), bool(label.property("overdue"))) for label in page.meetings.lines]


def test_each_kind_with_its_last_meeting_and_the_overdue_in_red(ctx, db, village, qtbot):
    council = (TODAY - dt.timedelta(days=75)).replace(day=5)  # monthly: long overdue
    talk = TODAY - dt.timedelta(days=10)  # every two months: in time
    record = services.meetings.record_meeting
    record(db, None, courtyard(village, db, kind="council_day", date=council, points=[]))
    record(db, None, courtyard(village, db, kind="democratic_talk", date=talk, points=[]))
    # 院坝说事会 never held (every 3 months by default); 村民代表会议 without a rhythm
    services.meetings.set_frequencies(db, None, {"representatives": 0})

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    exposed(window)
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    page = window.dashboard_page
    council_due = months_later(council, 1)
    assert lines(page) == [
        (f"民主议政日  上次 {short(council)} · 已逾期 {(TODAY - council_due).days} 天", True),
        (f"民主恳谈会  上次 {short(talk)} · {short(months_later(talk, 2))}前召开", False),
        ("院坝说事会  从未召开 · 已逾期", True),
        ("村民代表会议  从未召开 · 不定期", False),
    ]
    red = [label.styleSheet() for label in page.meetings.lines]
    assert "#b00020" in red[0] and "#b00020" in red[2] and not red[1] and not red[3]

    # the 民主议政日 held today: in time, and the panel follows at once
    today = courtyard(village, db, kind="council_day", date=TODAY, points=[])
    ctx.op(None, lambda d: record(d, None, today)).run()
    settle(qtbot, ctx)  # the write, then the count it starts on a reader thread
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: not page.counting)
    assert lines(page)[0] == (
        f"民主议政日  上次 {short(TODAY)} · {short(months_later(TODAY, 1))}前召开",
        False,
    )

    qtbot.mouseClick(page.meetings, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == MainWindow.PAGE_MEETINGS


def test_a_township_office_sees_the_villages_behind_with_their_meetings(tmp_path, settings, qtbot):
    """Each village's own meetings against its own frequencies: a village
    that held every kind today drops out of the list."""
    from village_desk import demo
    from village_desk.core.domain.meetings import DEFAULT_FREQUENCY_MONTHS, KINDS
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.models import Cadre, Meeting, VillageProfile
    from village_desk.ui.context import AppContext

    db = Database.open(f"sqlite:///{tmp_path / 'township.sqlite3'}", device_name="乡镇办公室")
    demo.generate(db, households=40, villages=3, seed=4)
    context = AppContext(db, settings)
    try:
        villages = db.read(
            lambda s: s.execute(
                select(VillageProfile.id, VillageProfile.village)
                .where(VillageProfile.kind == "village", VillageProfile.deleted.is_(False))
                .order_by(VillageProfile.division_code, VillageProfile.village)
            ).all()
        )
        assert len(villages) == 3
        # the first village holds every kind of meeting today
        first, first_name = villages[0]
        host = db.read(
            lambda s: s.scalar(select(Cadre.id).where(Cadre.village_id == first).limit(1))
        )
        for kind in KINDS:
            services.meetings.record_meeting(
                db,
                None,
                MeetingInput(
                    kind=kind,
                    date=TODAY,
                    place="村委会议室",
                    host_id=host,
                    head_count=20,
                    topics="村规民约修订",
                    village_id=first,
                ),
            )

        def expected_overdue(village_id) -> list[str]:
            last = dict(
                db.read(
                    lambda s: s.execute(
                        select(Meeting.kind, func.max(Meeting.date))
                        .where(Meeting.village_id == village_id, Meeting.deleted.is_(False))
                        .group_by(Meeting.kind)
                    ).all()
                )
            )
            stored = db.read(queries.reference.get_setting, "meeting_frequency_months", village_id)
            out = []
            for kind, label in KINDS.items():
                months = (stored or {}).get(kind, DEFAULT_FREQUENCY_MONTHS[kind])
                if not months:
                    continue
                if kind not in last:
                    out.append(f"{label}从未召开")
                elif months_later(last[kind], months) < TODAY:
                    days = (TODAY - months_later(last[kind], months)).days
                    out.append(f"{label}逾期 {days} 天")
            return out

        behind = [(name, expected_overdue(vid)) for vid, name in villages]
        behind = [(name, kinds) for name, kinds in behind if kinds]
        assert first_name not in dict(behind)

        page = DashboardPage(context)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        exposed(page)
        settle(qtbot, context)
        qtbot.waitUntil(lambda: bool(page.meetings.lines))
        if behind:
            assert page.meetings.title.text() == f"会议节奏：3 个村中有 {len(behind)} 个村会议逾期"
            assert lines(page) == [(f"{name}：{'、'.join(kinds)}", True) for name, kinds in behind]
        else:
            assert lines(page) == [("各村会议均按时召开。", False)]
    finally:
        context.close()
        db.close()
