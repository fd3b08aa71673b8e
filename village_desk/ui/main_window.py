"""The main window: navigation on the left, pages on the right.

Only the 户情 (households) page and the work-bench counts are real so far; the
other pages say plainly that they are coming.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from village_desk.core import setup
from village_desk.core.db import Database
from village_desk.core.search import Hit

from .households_page import HouseholdsPage
from .pages import DashboardPage, PlaceholderPage
from .quick_search import QuickSearchEdit

DEFAULT_SIZE = QSize(1280, 720)  # leaves room for a taskbar on a 1366×768 screen
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
PAGE_KEY = "main_window/page"


class MainWindow(QMainWindow):
    (
        PAGE_DASHBOARD,
        PAGE_HOUSEHOLDS,
        PAGE_DIARY,
        PAGE_LEDGER,
        PAGE_STATS,
        PAGE_EXCHANGE,
        PAGE_SETTINGS,
    ) = range(7)

    def __init__(
        self,
        db: Database,
        settings: QSettings | None = None,
        page_size: int = 200,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("mainWindow")
        with db.reading() as s:
            profile = setup.profile(s)
        self.village = profile.village if profile else ""
        self.setWindowTitle(
            self.tr("Village Desk — {village}").format(village=self.village)
            if self.village
            else self.tr("Village Desk")
        )

        # pages
        self.dashboard_page = DashboardPage(db)
        self.households_page = HouseholdsPage(db, page_size=page_size)
        titles = [
            self.tr("Work bench"),
            self.tr("Households"),
            self.tr("Visit diary"),
            self.tr("Matter ledger"),
            self.tr("Statistics"),
            self.tr("Data exchange"),
            self.tr("Settings"),
        ]
        pages = [self.dashboard_page, self.households_page] + [
            PlaceholderPage(title) for title in titles[2:]
        ]
        self.stack = QStackedWidget()
        for page in pages:
            self.stack.addWidget(page)

        # navigation
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.nav.setFont(font)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 6px 10px; }")
        for i, title in enumerate(titles):
            item = QListWidgetItem(title)
            item.setToolTip(self.tr("{page} (Ctrl+{n})").format(page=title, n=i + 1))
            self.nav.addItem(item)
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 36, 128))
        self.nav.currentRowChanged.connect(self._show_page)

        # tool bar with quick search
        self.toolbar = QToolBar(self.tr("Tool bar"))
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        village_label = QLabel(self.village)
        village_font = village_label.font()
        village_font.setBold(True)
        village_label.setFont(village_font)
        village_label.setContentsMargins(8, 0, 8, 0)
        self.toolbar.addWidget(village_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = QuickSearchEdit(db)
        self.search_edit.setObjectName("quickSearch")
        self.toolbar.addWidget(self.search_edit)
        self.search_edit.hit_chosen.connect(self.show_household)

        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        for i in range(len(titles)):
            go = QAction(self)
            go.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            go.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(go)

        # central area
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # status bar
        assert db.device is not None
        self.location_label = QLabel(self.tr("Data: {location}").format(location=self._location()))
        self.location_label.setToolTip(self._location())
        # A long path must not widen the window: it is cut off at the right instead.
        self.location_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.device_label = QLabel(self.tr("This computer: {name}").format(name=db.device.name))
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.device_label)

        self._restore_settings()

    # ------------------------------------------------------------ helpers

    def _location(self) -> str:
        path = self.db.sqlite_path
        return str(path) if path is not None else self.db.url

    def _restore_settings(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self.settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)
        page = self.settings.value(PAGE_KEY, self.PAGE_DASHBOARD)
        try:
            page = int(page)
        except (TypeError, ValueError):
            page = self.PAGE_DASHBOARD
        self.nav.setCurrentRow(page if 0 <= page < self.nav.count() else self.PAGE_DASHBOARD)

    def save_settings(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.setValue(PAGE_KEY, self.nav.currentRow())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # ------------------------------------------------------------ slots

    @Slot(int)
    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if row == self.PAGE_DASHBOARD:
            self.dashboard_page.refresh()

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot(object)
    def show_household(self, hit: Hit) -> None:
        self.nav.setCurrentRow(self.PAGE_HOUSEHOLDS)
        if not self.households_page.select_household(hit.household_id):
            self.statusBar().showMessage(
                self.tr("{name}'s household is not in the list.").format(name=hit.name), 5000
            )
