"""The main window: Chinese by default, navigation, status bar, geometry, dashboard."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import exposed, wait_ops
from village_desk.core import queries, services
from village_desk.core.services.households import HouseholdInput, PersonInput
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import DEFAULT_SIZE, MainWindow

NAV_ZH = [
    "工作台",
    "户情",
    "民情日记",
    "民情台账",
    "公开承诺",
    "会议记录",
    "矛盾纠纷",
    "统计",
    "考核",
    "数据交换",
    "设置",
]


def test_navigation_and_title_are_chinese_by_default(window):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == NAV_ZH
    assert window.windowTitle() == "村务民情台账 — 桃花村（示范数据）"
    # The navigation list is wide enough for its longest label.
    longest = max(window.nav.visualItemRect(window.nav.item(i)).width() for i in range(7))
    assert longest >= window.nav.fontMetrics().horizontalAdvance("民情台账")


def test_default_size_fits_a_1366x768_screen_and_a_smaller_one(demo_db, settings, qtbot):
    """A first start (no remembered size) opens as large as a 1366×768 laptop
    allows with its taskbar, and on a smaller screen no larger than it is
    (this offscreen screen is 800×600)."""
    assert DEFAULT_SIZE.width() <= 1366 and DEFAULT_SIZE.height() <= 768 - 40
    assert DEFAULT_SIZE.width() >= 1024
    win = MainWindow(AppContext(demo_db, settings))
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()
    assert area.width() < DEFAULT_SIZE.width()  # (else this test shows nothing)
    assert win.width() <= area.width() and win.height() <= area.height()


def test_status_bar_says_where_the_data_are_in_words_not_a_path(window, demo_db):
    """No raw database path and no 「本机：vm」 in the status bar; the path and
    the computer's name are in the tooltip."""
    labels = [label for label in window.statusBar().findChildren(QLabel) if label.isVisible()]
    texts = [label.text() for label in labels]
    assert not any(str(demo_db.sqlite_path) in t or "sqlite" in t for t in texts), texts
    assert not any(t.startswith("本机") or demo_db.device.name in t for t in texts), texts
    location = window.location_label
    assert location in labels and location.text()
    assert str(demo_db.sqlite_path) in location.toolTip()
    assert demo_db.device.name in location.toolTip()


def test_ctrl_number_and_clicks_switch_pages(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.households_page
    item = window.nav.item(MainWindow.PAGE_LEDGER)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    assert window.stack.currentWidget() is window.ledger_page
    item = window.nav.item(MainWindow.PAGE_EXCHANGE)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    page = window.stack.currentWidget()
    assert page is window.exchange_page
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert "数据交换" in texts


def test_an_export_shows_in_the_status_bar_and_new_data_reaches_hidden_lists(
    window, settings, tmp_path, qtbot
):
    assert window.export_label.text() == "尚未导出"
    window.nav.setCurrentRow(MainWindow.PAGE_EXCHANGE)
    panel = window.exchange_page.export_panel
    panel.ask_save_path = lambda _suggested: str(tmp_path / "ledger.xlsx")
    with qtbot.waitSignal(window.exchange_page.exported, timeout=20000) as exported:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "ledger.xlsx").is_file()
    assert exported.args[0] in window.export_label.text()

    # A household added while the list is hidden (as by a roster import) is in
    # the list when it is shown again.
    before = window.households_page.model.total
    window.ctx.op(
        None,
        lambda db: services.households.create_household(
            db, None, HouseholdInput(number="99-001"), PersonInput(name="新户主")
        ),
    ).run()
    wait_ops(qtbot, window.ctx)
    qtbot.waitUntil(lambda: window.households_page.stale)
    assert window.households_page.model.total == before  # not redrawn while hidden
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    assert window.households_page.model.total == before + 1


def test_dashboard_shows_real_counts(window, demo_db, qtbot):
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    wait_ops(qtbot, window.ctx)  # the counts come from a reader thread
    page = window.dashboard_page
    with demo_db.reading() as s:
        d = queries.stats.dashboard(s)
    assert page.households.value.text() == str(d.households) == "40"
    assert page.overdue.value.text() == str(d.overdue)
    assert page.never.value.text() == str(d.never_visited)
    assert page.awaiting.value.text() == str(d.awaiting_return_visit)
    assert str(d.long_unvisited_days) in page.long_unvisited.caption.text()


def test_geometry_and_page_are_remembered(demo_db, settings, qtbot):
    first = MainWindow(AppContext(demo_db, settings))
    qtbot.addWidget(first)
    # (Qt's offscreen test screen is 800×800; restoreGeometry keeps windows on it.)
    first.setGeometry(QRect(30, 40, 760, 560))
    first.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    first.show()
    exposed(first)
    first.close()

    second = MainWindow(AppContext(demo_db, settings))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)
    assert second.stack.currentWidget() is second.households_page
