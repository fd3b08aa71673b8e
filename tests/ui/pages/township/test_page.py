"""乡镇汇总: the township office sees its villages side by side and opens a
village's overdue matters. Two villages send their files to the township;
桃花村 has two households and one matter overdue at the report day, 杏花村
one household visited at home and one matter overdue too."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.core.exchange.test_package import OFFICE, Copy, add_household
from tests.core.queries.test_township import TAOHUA, XINGHUA, matter, visit
from tests.ui.helpers import exposed
from village_desk.core import services
from village_desk.ui.pages.township.page import TownshipPage, VillageDialog


@pytest.fixture
def township(tmp_path, settings):
    from village_desk.ui.context import AppContext

    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    today = dt.date.today()
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    h1 = add_household(a, "01-001", "张一")
    add_household(a, "01-002", "张二")
    # received at the start of the month, due the day it came: overdue
    # tomorrow on; a month-old one is overdue today whatever day it is
    first = today.replace(day=1) - dt.timedelta(days=20)
    matter(a, wang, h1, first, first + dt.timedelta(days=3))
    liu = services.setup.add_cadre(b.db, None, "刘桂兰", "secretary", "13907310002")
    g1 = add_household(b, "01-001", "陈五")
    visit(b, liu, today, "home_visit", [g1])
    matter(b, liu, g1, first, first + dt.timedelta(days=3))  # overdue too
    t.take(a.export(tmp_path / "a.vdx").path)
    t.take(b.export(tmp_path / "b.vdx").path)
    a.db.close()
    b.db.close()
    context = AppContext(t.db, settings)
    yield context
    context.close()
    t.db.close()


def cell(table, row: int, col: int) -> str:
    return table.item(row, col).text()


def test_the_villages_side_by_side_and_a_villages_overdue_matters(township, qtbot, modal):
    page = TownshipPage(township)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.counted, timeout=10000):
        page.show()
        exposed(page)
    table = page.villages
    rows = {cell(table, r, 0): r for r in range(table.rowCount())}
    assert set(rows) == {"桃花村", "杏花村", "合计"}
    taohua, xinghua, total = rows["桃花村"], rows["杏花村"], rows["合计"]
    assert cell(table, taohua, 1) == "2" and cell(table, xinghua, 1) == "1"  # households
    assert cell(table, xinghua, 2) == "1" and cell(table, xinghua, 4) == "100.0%"  # visited
    assert cell(table, taohua, 10) == "1" and cell(table, total, 10) == "2"  # overdue
    cadres = {
        cell(page.cadres, r, 1): cell(page.cadres, r, 0) for r in range(page.cadres.rowCount())
    }
    assert cadres == {"王建国": "桃花村", "刘桂兰": "杏花村"}

    def look(dialog: VillageDialog) -> None:
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 3).text() == "王建国"
        dialog.reject()

    with modal.expect(look, VillageDialog):
        table.setCurrentCell(taohua, 0)
        qtbot.keyClick(table, Qt.Key.Key_Return)


def test_a_new_laptop_of_one_village_gets_that_village_only(township, qtbot, tmp_path, monkeypatch):
    from tests.core.exchange.test_package import SECRET, households
    from tests.ui.helpers import click, wait_ops
    from village_desk.ui.pages.exchange.page import ExchangePage

    monkeypatch.setenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE", SECRET)
    page = ExchangePage(township)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    panel = page.files_panel
    combo = panel.peer_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "桃花村的全部记录（给该村新电脑）" in texts
    combo.setCurrentIndex(texts.index("桃花村的全部记录（给该村新电脑）"))
    out = tmp_path / "for-new-taohua.vdx"
    panel.ask_save_path = lambda suggested: str(out)
    click(qtbot, panel.export_button)
    wait_ops(qtbot, township, 30000)
    assert out.exists()

    laptop = Copy(tmp_path, "new-laptop", **TAOHUA)
    try:
        laptop.take(out)
        assert households(laptop) == {"01-001": "张一", "01-002": "张二"}
    finally:
        laptop.db.close()


def test_the_township_office_finds_its_summary_in_the_window(township, qtbot):
    from village_desk.ui.main_window import MainWindow

    win = MainWindow(township)
    qtbot.addWidget(win)
    win.show()
    exposed(win)
    titles = [win.nav.item(i).text() for i in range(win.nav.count())]
    assert titles[-1] == "乡镇汇总"
    last = win.nav.item(win.nav.count() - 1)
    qtbot.mouseClick(
        win.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=win.nav.visualItemRect(last).center(),
    )
    assert win.stack.currentWidget() is win.township_page
    qtbot.waitUntil(lambda: win.township_page.figures is not None, timeout=10000)
    assert win.township_page.villages.rowCount() == 3  # two villages and the total


def test_a_village_laptop_has_no_township_summary(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "乡镇汇总" not in titles
    assert titles[-2:] == ["数据交换", "设置"]
