"""大字体 for older cadres: the option scales every widget — the sidebar,
headings, field labels, hints and error messages too — at once and after a
restart, and the window still fits a 1024×600 laptop screen."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import click
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import MainWindow
from village_desk.ui.prefs import LARGE_FONT_KEY, apply_font_size

# A 1024×600 screen less a task bar (40 px) and the window's title bar (30 px).
SMALL_SCREEN = QSize(1024, 600 - 40 - 30)


@contextlib.contextmanager
def large_text():
    app = QApplication.instance()
    apply_font_size(app, True)
    let_it_reach_every_widget()
    try:
        yield
    finally:
        apply_font_size(app, False)
        let_it_reach_every_widget()


def let_it_reach_every_widget() -> None:
    """A new text size reaches widgets through posted events (the event loop
    turns a few times before a person could look)."""
    for _ in range(3):
        QApplication.processEvents()


def open_everything(window) -> None:
    """The views a cadre goes through, so that their widgets exist."""
    ctx = window.ctx
    window.open_household(window.households_page.model.household(0).id)
    window.open_matter(ctx.read(queries.matters.matter_page, MatterFilter(), 0, 1)[0].id)
    window.diary_page.new_entry()
    window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)


def views(window):
    """Ways to show each page and view of the main window."""
    hp, lp, dp = window.households_page, window.ledger_page, window.diary_page
    first = hp.model.household(0).id
    matter = window.ctx.read(queries.matters.matter_page, MatterFilter(), 0, 1)[0].id
    settings = window.settings_page

    def page(row):
        return lambda: window.nav.setCurrentRow(row)

    def setting_tab(i):
        return lambda: (
            window.nav.setCurrentRow(MainWindow.PAGE_SETTINGS),
            settings.tabs.setCurrentIndex(i),
        )

    return [
        page(MainWindow.PAGE_DASHBOARD),
        page(MainWindow.PAGE_HOUSEHOLDS),
        lambda: window.open_household(first),
        page(MainWindow.PAGE_DIARY),
        lambda: (window.nav.setCurrentRow(MainWindow.PAGE_DIARY), dp.new_entry()),
        page(MainWindow.PAGE_LEDGER),
        lambda: window.open_matter(matter),
        lambda: (window.nav.setCurrentRow(MainWindow.PAGE_LEDGER), lp.show_review()),
        page(MainWindow.PAGE_STATS),
        page(MainWindow.PAGE_EXCHANGE),
        *[setting_tab(i) for i in range(settings.tabs.count())],
    ]


def font_sizes(window) -> dict[QWidget, float]:
    return {w: w.font().pointSizeF() for w in window.findChildren(QWidget)}


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} {widget.objectName()} {str(text)[:20]}"


def test_large_text_scales_every_widget_and_back(window, qtbot):
    open_everything(window)
    page = window.settings_page
    page.tabs.setCurrentWidget(page.display_tab)
    before = font_sizes(window)
    assert before[window.nav] > before[window.operator_label]  # the sidebar is larger anyway

    click(qtbot, page.large_font_check)  # 大字体 on, while the program runs
    let_it_reach_every_widget()
    try:
        # every widget one sees, on every view: labels, hints, headings, the sidebar…
        for show in views(window):
            show()
            after = font_sizes(window)
            small = [
                describe(w) for w, size in before.items() if w.isVisible() and after[w] < size * 1.2
            ]
            assert not small, small
        assert window.nav.width() >= window.nav.sizeHintForColumn(0)  # its entries still fit
    finally:
        click(qtbot, page.large_font_check)
        let_it_reach_every_widget()
    again = font_sizes(window)
    assert all(abs(again[w] - size) < 0.01 for w, size in before.items())


def built(window) -> None:
    """Every page of the window built (each is built when first shown)."""
    for row in range(window.nav.count()):
        window.page(row)


def test_large_text_is_there_again_after_a_restart(demo_db, qtbot):
    from village_desk.ui.app import create_application

    app = QApplication.instance()
    prefs = QSettings()  # this computer's preferences, as the program reads them at start
    first = MainWindow(AppContext(demo_db, prefs))
    qtbot.addWidget(first)
    first.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
    built(first)
    first.show()
    normal = sorted(font_sizes(first).values())
    page = first.settings_page
    page.tabs.setCurrentWidget(page.display_tab)
    click(qtbot, page.large_font_check)
    large_nav = first.nav.font().pointSizeF()
    first.close()
    try:
        apply_font_size(app, False)  # a new start begins with the system's text size…
        create_application()  # …and applies the remembered choice
        let_it_reach_every_widget()
        second = MainWindow(AppContext(demo_db, prefs))
        qtbot.addWidget(second)
        second.nav.setCurrentRow(MainWindow.PAGE_SETTINGS)
        built(second)
        second.show()  # as the first was: a combo box makes its popup when shown
        restarted = sorted(font_sizes(second).values())
        assert len(restarted) == len(normal)
        assert all(r >= n * 1.2 for r, n in zip(restarted, normal, strict=True))
        assert second.nav.font().pointSizeF() == large_nav
        assert second.settings_page.large_font_check.isChecked()
    finally:
        prefs.setValue(LARGE_FONT_KEY, False)
        apply_font_size(app, False)
        let_it_reach_every_widget()


def test_the_window_fits_a_1024x600_screen_with_large_text(window, qtbot):
    with large_text():
        for show in views(window):
            show()
            need = window.minimumSizeHint()
            assert need.width() <= SMALL_SCREEN.width(), need
            assert need.height() <= SMALL_SCREEN.height(), need
        window.resize(1024, SMALL_SCREEN.height())
        assert window.size() == QSize(1024, SMALL_SCREEN.height())
