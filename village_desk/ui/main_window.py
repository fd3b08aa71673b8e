"""The main window: navigation on the left, pages on the right.

The pages share one :class:`~village_desk.ui.context.AppContext`. They ask
each other for navigation only through the window (signals in, method calls
out): a household page asks for a new diary entry, a matter asks to show its
diary entry, a dashboard number asks for a filtered list. Nobody tells pages
to refresh: every committed change reaches each page through
``AppContext.data_changed`` (see ``pages/base.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from village_desk.core import queries
from village_desk.ui.context import AppContext
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.quick_search import QuickSearchEdit
from village_desk.ui.widgets.sizing import available_geometry, relative_font

if TYPE_CHECKING:
    from village_desk.core.queries.search import Hit
    from village_desk.ui.pages.dashboard.page import DashboardPage
    from village_desk.ui.pages.dashboard.review import ReviewDialog
    from village_desk.ui.pages.diary.drafts import DraftStore
    from village_desk.ui.pages.diary.page import DiaryPage
    from village_desk.ui.pages.exchange.page import ExchangePage
    from village_desk.ui.pages.households.page import HouseholdsPage
    from village_desk.ui.pages.ledger.page import LedgerPage
    from village_desk.ui.pages.settings.page import SettingsPage
    from village_desk.ui.pages.stats.page import StatsPage

DEFAULT_SIZE = QSize(1280, 720)  # leaves room for a taskbar on a 1366×768 screen
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
PAGE_KEY = "main_window/page"
LAST_EXPORT_KEY = "exchange/last_export"


class MainWindow(QMainWindow):
    (
        PAGE_DASHBOARD,
        PAGE_HOUSEHOLDS,
        PAGE_DIARY,
        PAGE_LEDGER,
        PAGE_COMMITMENTS,
        PAGE_MEETINGS,
        PAGE_DISPUTES,
        PAGE_STATS,
        PAGE_ASSESSMENT,
        PAGE_EXCHANGE,
        PAGE_SETTINGS,
        PAGE_TOWNSHIP,  # a township office's database only (乡镇汇总)
    ) = range(12)

    def __init__(
        self,
        ctx: AppContext,
        page_size: int = 200,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        db = self.db = ctx.db
        self.settings = ctx.prefs
        self.setObjectName("mainWindow")
        profile = ctx.read(queries.reference.profile)
        self.village = profile.village if profile else ""
        self.township_office = ctx.read(queries.reference.is_township)
        self.setWindowTitle(
            self.tr("Village Desk — {village}").format(village=self.village)
            if self.village
            else self.tr("Village Desk")
        )

        # pages: each is built (and its module imported) when first shown,
        # so the start costs only the page it opens on
        self._page_size = page_size
        self._drafts = drafts
        self._pages: dict[int, QWidget] = {}
        titles = [
            self.tr("Work bench"),
            self.tr("Households"),
            self.tr("Visit diary"),
            self.tr("Matter ledger"),
            self.tr("Commitments"),
            self.tr("Meetings"),
            self.tr("Disputes"),
            self.tr("Statistics"),
            self.tr("Assessment"),
            self.tr("Data exchange"),
            self.tr("Settings"),
        ]
        if self.township_office:
            titles.append(self.tr("Township summary"))
        self.stack = QStackedWidget()
        for _title in titles:
            self.stack.addWidget(QWidget())  # stands in until the page is wanted

        # navigation
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        relative_font(self.nav, 1.25)  # follows the large-font option
        # Room around the entries without a style sheet (a style sheet would
        # keep the list's inner parts at the text size they started with).
        self.nav.setSpacing(5)
        for i, title in enumerate(titles):
            item = QListWidgetItem(title)
            if i < 10:  # Ctrl+1 … Ctrl+9, Ctrl+0: an 11th entry has none (no duplicate)
                item.setToolTip(self.tr("{page} (Ctrl+{n})").format(page=title, n=(i + 1) % 10))
            self.nav.addItem(item)
        self._fit_nav()
        self.nav.installEventFilter(self)  # its width follows its font
        self.nav.currentRowChanged.connect(self._show_page)
        # A click on the page already shown opens its list too (not the last household).
        self._row_at_press = -1
        self.nav.viewport().installEventFilter(self)
        self.nav.itemClicked.connect(self._nav_clicked)

        # tool bar with quick search
        self.toolbar = QToolBar(self.tr("Tool bar"))
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        village_label = relative_font(QLabel(self.village), bold=True)
        village_label.setContentsMargins(8, 0, 8, 0)
        self.toolbar.addWidget(village_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = QuickSearchEdit(db)
        self.search_edit.setObjectName("quickSearch")
        self.toolbar.addWidget(self.search_edit)
        self.search_edit.hit_chosen.connect(self.show_household)
        self.about_action = QAction(self.tr("About"), self)
        self.about_action.setToolTip(self.tr("Version, data location and log folder"))
        self.about_action.triggered.connect(self.show_about)
        self.toolbar.addAction(self.about_action)

        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        for i in range(min(len(titles), 10)):  # Ctrl+1 … Ctrl+9, then Ctrl+0
            go = QAction(self)
            go.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
            go.triggered.connect(lambda _=False, row=i: self.go_to_page(row))
            self.addAction(go)
        self.new_action = QAction(self.tr("New"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_in_context)
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_in_context)
        self.escape_action = QAction(self.tr("Cancel"), self)
        self.escape_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape_action.triggered.connect(self.escape_in_context)
        self.print_action = QAction(self.tr("Print"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_in_context)
        for action in (self.new_action, self.save_action, self.escape_action, self.print_action):
            self.addAction(action)

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
        # Where the data are, in words a cadre reads; the path and this
        # computer's name are in the tooltip (and in 关于).
        url = db.url
        on_server = db.sqlite_path is None
        host = url.split("@", 1)[-1].split("/", 1)[0] if on_server else ""
        self.location_label = QLabel(
            self.tr("Data on the server {host}").format(host=host)
            if on_server
            else self.tr("Data saved on this computer")
        )
        self.location_label.setToolTip(
            self.tr("Data: {location}").format(location=self._location())
            + "\n"
            + self.tr("This computer: {name}").format(name=db.device.name)
        )
        self.location_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.operator_label = QLabel()
        self.operator_button = QPushButton(self.tr("Switch"))
        self.operator_button.setToolTip(self.tr("Choose who is entering data"))
        self.operator_button.setFlat(True)
        self.operator_button.clicked.connect(self.switch_operator)
        last_export = self.settings.value(LAST_EXPORT_KEY)
        self.export_label = QLabel(
            self.tr("Last export: {when}").format(when=last_export)
            if last_export
            else self.tr("Not exported yet")
        )
        self.statusBar().addWidget(self.operator_label)
        self.statusBar().addWidget(self.operator_button)
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.export_label)

        self.ctx.data_changed.connect(self._data_changed)
        ctx.operator_changed.connect(self._operator_changed)
        self._operator_changed(ctx.operator_id)
        self._restore_settings()

    # ------------------------------------------------------------ helpers

    def _fit_nav(self) -> None:
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 36, 128))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.nav and event.type() == QEvent.Type.FontChange:
            self._fit_nav()  # large text: the longest entry still fits
        elif watched is self.nav.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            self._row_at_press = self.nav.currentRow()  # before the press changes it
        return super().eventFilter(watched, event)

    def _nav_clicked(self, item) -> None:
        row = self.nav.row(item)
        if row == self._row_at_press:  # the page already shown: its list
            self.open_list(row, here=True)

    def _location(self) -> str:
        path = self.db.sqlite_path
        return str(path) if path is not None else self.db.url

    def _restore_settings(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        self.first_start = geometry is None
        if geometry is None or not self.restoreGeometry(geometry):
            # No larger than the free screen (a 1024×600 netbook), also where
            # nothing maximizes the window (no window manager).
            area = available_geometry(self)
            self.resize(DEFAULT_SIZE.boundedTo(area.size()))
            if self.width() >= area.width() or self.height() >= area.height():
                self.move(area.topLeft())
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
        for row in (self.PAGE_HOUSEHOLDS, self.PAGE_DIARY, self.PAGE_LEDGER):
            if row in self._pages:  # a page never built left its state as it was
                self._pages[row].save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        # A queued save finishes before the window goes; a count still running
        # on a reader thread (the work bench's, 统计's) does not hold it up.
        self.ctx.executor.writer.waitForDone()
        super().closeEvent(event)

    # ------------------------------------------------------------ slots

    @Slot(int)
    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.page(row)
        self.open_list(row)  # a sidebar entry opens its list (callers then open a record)
        self.stack.setCurrentIndex(row)  # pages redraw themselves when shown (pages/base.py)

    def go_to_page(self, row: int) -> None:
        """A sidebar entry (a click, or Ctrl+number): the page, showing its list."""
        if self.nav.currentRow() == row:
            self.open_list(row, here=True)
        else:
            self.nav.setCurrentRow(row)

    def open_list(self, row: int, here: bool = False) -> None:
        """The list of a page, not the household or matter last open there
        (whose delete button sits where the list has common ones).

        A diary entry with unsaved changes is work in progress: coming back
        to 民情日记 from another page returns to it; 民情日记 clicked while it
        is shown (``here``) goes to the list, keeping it as a draft."""
        if row == self.PAGE_HOUSEHOLDS:
            self.households_page.show_list()
        elif row == self.PAGE_LEDGER:
            self.ledger_page.show_list()
        elif row == self.PAGE_DIARY and self.diary_page.is_editing():
            editor = self.diary_page.editor
            if here or not editor.has_draft():
                editor.close_editor()

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def show_about(self) -> None:
        """关于: version, data location, log folder."""
        from village_desk.ui.about import AboutBox

        run_modal(AboutBox(self.ctx, self))

    @Slot(object)
    def show_household(self, hit: Hit) -> None:
        """Quick search: Enter opens the household page."""
        self.nav.setCurrentRow(self.PAGE_HOUSEHOLDS)
        if not self.households_page.select_household(hit.household_id):
            self.statusBar().showMessage(
                self.tr("{name}'s household is not in the list.").format(name=hit.name), 5000
            )
            return
        self.households_page.open_household(hit.household_id)

    # ------------------------------------------------------------ wiring

    def page(self, row: int) -> QWidget:
        """The page of a sidebar entry, built on first use."""
        built = self._pages.get(row)
        if built is not None:
            return built
        built = self._build_page(row)
        self._pages[row] = built
        placeholder = self.stack.widget(row)
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, built)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == row:
            self.stack.setCurrentIndex(row)
        return built

    def _build_page(self, row: int) -> QWidget:
        ctx = self.ctx
        if row == self.PAGE_DASHBOARD:
            from village_desk.ui.pages.dashboard.page import DashboardPage

            page = DashboardPage(ctx)
            page.open_list.connect(self.open_dashboard_list)
        elif row == self.PAGE_HOUSEHOLDS:
            from village_desk.ui.pages.households.page import HouseholdsPage

            page = HouseholdsPage(ctx, page_size=self._page_size)
            page.detail.new_diary_requested.connect(self.new_diary_for)
            page.detail.new_matter_requested.connect(self.new_matter_for)
            page.detail.diary_list_requested.connect(self.show_household_diary)
            page.detail.open_diary_requested.connect(self.open_diary_entry)
            page.detail.open_matter_requested.connect(self.open_matter)
        elif row == self.PAGE_DIARY:
            from village_desk.ui.pages.diary.page import DiaryPage

            page = DiaryPage(ctx, drafts=self._drafts, page_size=self._page_size)
            page.open_matter_requested.connect(self.open_matter)
        elif row == self.PAGE_LEDGER:
            from village_desk.ui.pages.ledger.page import LedgerPage

            page = LedgerPage(ctx, page_size=self._page_size)
            page.open_diary_requested.connect(self.open_diary_entry)
            page.open_household_requested.connect(self.open_household)
        elif row == self.PAGE_COMMITMENTS:
            from village_desk.ui.pages.commitments.page import CommitmentsPage

            page = CommitmentsPage(ctx)
        elif row == self.PAGE_MEETINGS:
            from village_desk.ui.pages.meetings.page import MeetingsPage

            page = MeetingsPage(ctx)
        elif row == self.PAGE_DISPUTES:
            from village_desk.ui.pages.disputes.page import DisputesPage

            page = DisputesPage(ctx)
            page.open_matter_requested.connect(self.open_matter)
        elif row == self.PAGE_STATS:
            from village_desk.ui.pages.stats.page import StatsPage

            page = StatsPage(ctx)
        elif row == self.PAGE_ASSESSMENT:
            from village_desk.ui.pages.assessment.page import AssessmentPage

            page = AssessmentPage(ctx)
        elif row == self.PAGE_EXCHANGE:
            from village_desk.ui.pages.exchange.page import ExchangePage

            page = ExchangePage(ctx)
            page.exported.connect(
                lambda when: self.export_label.setText(
                    self.tr("Last export: {when}").format(when=when)
                )
            )
            page.review_requested.connect(self.open_review)
        elif row == self.PAGE_SETTINGS:
            from village_desk.ui.pages.settings.page import SettingsPage

            page = SettingsPage(ctx)
        elif row == self.PAGE_TOWNSHIP and self.township_office:
            from village_desk.ui.pages.township.page import TownshipPage

            page = TownshipPage(ctx)
        else:
            raise IndexError(row)
        if row in (self.PAGE_HOUSEHOLDS, self.PAGE_DIARY, self.PAGE_LEDGER):
            page.restore_state(self.settings)
        return page

    @property
    def dashboard_page(self) -> DashboardPage:
        return self.page(self.PAGE_DASHBOARD)

    @property
    def households_page(self) -> HouseholdsPage:
        return self.page(self.PAGE_HOUSEHOLDS)

    @property
    def diary_page(self) -> DiaryPage:
        return self.page(self.PAGE_DIARY)

    @property
    def ledger_page(self) -> LedgerPage:
        return self.page(self.PAGE_LEDGER)

    @property
    def stats_page(self) -> StatsPage:
        return self.page(self.PAGE_STATS)

    @property
    def exchange_page(self) -> ExchangePage:
        return self.page(self.PAGE_EXCHANGE)

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(self.PAGE_SETTINGS)

    @property
    def commitments_page(self):
        return self.page(self.PAGE_COMMITMENTS)

    @property
    def meetings_page(self):
        return self.page(self.PAGE_MEETINGS)

    @property
    def disputes_page(self):
        return self.page(self.PAGE_DISPUTES)

    @property
    def assessment_page(self):
        return self.page(self.PAGE_ASSESSMENT)

    @property
    def township_page(self):
        return self.page(self.PAGE_TOWNSHIP)

    @Slot(object)
    def _data_changed(self, changes) -> None:
        if changes.touches("vocab_term"):  # relation labels in the search results
            self.search_edit.forget_labels()

    @property
    def operator_id(self):
        return self.ctx.operator_id

    def set_operator(self, operator_id) -> None:
        self.ctx.set_operator(operator_id)

    @Slot(object)
    def _operator_changed(self, operator_id) -> None:
        """The status bar names who is entering data (pages read
        ``ctx.operator_id`` when they write)."""
        names = self.ctx.read(queries.reference.cadre_names) if operator_id is not None else {}
        name = names.get(operator_id, "")
        self.operator_label.setText(
            self.tr("Operator: {name}").format(name=name) if name else self.tr("No operator chosen")
        )

    @Slot()
    def switch_operator(self) -> None:
        from village_desk.ui.operator import OperatorDialog

        dialog = OperatorDialog(self.db, self.settings, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.set_operator(dialog.selected())

    @Slot(str)
    def open_dashboard_list(self, key: str) -> None:
        if key == "review":
            self.open_review()
        elif key == "disputes_overdue":
            self.nav.setCurrentRow(self.PAGE_DISPUTES)
            self.disputes_page.show_filter(overdue=True)
        elif key == "meetings":
            self.nav.setCurrentRow(self.PAGE_MEETINGS)
        elif key in ("overdue", "due_soon", "awaiting", "open"):
            from village_desk.ui.pages.ledger.page import AWAITING, OPEN

            self.nav.setCurrentRow(self.PAGE_LEDGER)
            status = {"awaiting": AWAITING, "open": OPEN}.get(key)
            self.ledger_page.show_filter(
                status=status, overdue=key == "overdue", due_soon=key == "due_soon"
            )
        else:
            self.nav.setCurrentRow(self.PAGE_HOUSEHOLDS)
            days = int(self.ctx.read(queries.reference.get_setting, "long_unvisited_days") or 90)
            self.households_page.show_filter(
                not_visited_days=days if key == "long_unvisited" else None,
                never_visited=key == "never",
            )

    @Slot()
    def open_review(self) -> ReviewDialog:
        """冲突与待核对: settle what a merge left; 打开记录 shows the record here."""
        from village_desk.ui.pages.dashboard.review import ReviewDialog

        dialog = ReviewDialog(self.ctx, self)
        dialog.open_household_requested.connect(self.open_household)
        dialog.open_matter_requested.connect(self.open_matter)
        run_modal(dialog)
        return dialog

    @Slot(object)
    def new_diary_for(self, household_id) -> None:
        self.nav.setCurrentRow(self.PAGE_DIARY)
        self.diary_page.new_entry([household_id] if household_id else [])

    @Slot(object)
    def show_household_diary(self, household_id) -> None:
        """查看此户民情日记: the diary list filtered to that household."""
        self.nav.setCurrentRow(self.PAGE_DIARY)
        self.diary_page.show_household(household_id)

    @Slot(object)
    def new_matter_for(self, household_id) -> None:
        self.nav.setCurrentRow(self.PAGE_LEDGER)
        self.ledger_page.new_matter(household_id)

    @Slot(object)
    def open_diary_entry(self, entry_id) -> None:
        self.nav.setCurrentRow(self.PAGE_DIARY)
        self.diary_page.open_entry(entry_id)

    @Slot(object)
    def open_matter(self, matter_id) -> None:
        self.nav.setCurrentRow(self.PAGE_LEDGER)
        self.ledger_page.open_matter(matter_id)

    @Slot(object)
    def open_household(self, household_id) -> None:
        self.nav.setCurrentRow(self.PAGE_HOUSEHOLDS)
        self.households_page.open_household(household_id)

    # ------------------------------------------------------------ shortcuts

    @Slot()
    def new_in_context(self) -> None:
        row = self.nav.currentRow()
        if row == self.PAGE_HOUSEHOLDS:
            self.households_page.new_household()
        elif row == self.PAGE_DIARY:
            self.diary_page.new_entry()
        elif row == self.PAGE_LEDGER:
            self.ledger_page.new_matter()
        elif row == self.PAGE_DISPUTES:
            self.disputes_page.new_dispute()
        elif row == self.PAGE_COMMITMENTS:
            self.commitments_page.new_commitment()
        elif row == self.PAGE_MEETINGS:
            self.meetings_page.new_meeting()
        elif row == self.PAGE_ASSESSMENT and self.assessment_page.on_six_ones():
            self.assessment_page.six_ones.new_activity()
        else:
            self.nav.setCurrentRow(self.PAGE_DIARY)
            self.diary_page.new_entry()

    @Slot()
    def save_in_context(self) -> None:
        """Ctrl+S: the diary editor saves its entry, a settings tab its values.
        (The edit dialogs have their own Ctrl+S.)"""
        row = self.nav.currentRow()
        if row == self.PAGE_DIARY and self.diary_page.is_editing():
            self.diary_page.editor.save()
        elif row == self.PAGE_SETTINGS:
            self.settings_page.save_current_tab()

    @Slot()
    def print_in_context(self):
        """Ctrl+P: the printout of what is on screen (cards, diary, notice…)."""
        row = self.nav.currentRow()
        if row == self.PAGE_HOUSEHOLDS:
            return self.households_page.print_in_context()
        if row == self.PAGE_DIARY:
            return self.diary_page.print_diary()
        if row == self.PAGE_LEDGER:
            return self.ledger_page.print_in_context()
        if row == self.PAGE_DISPUTES and self.disputes_page.selected() is not None:
            return self.disputes_page.print_dispute()
        self.statusBar().showMessage(
            self.tr(
                "Printing: contact cards from 户情, diaries from 民情日记, "
                "notices and ledger sheets from 民情台账."
            ),
            8000,
        )
        return None

    @Slot()
    def escape_in_context(self) -> None:
        if self.search_edit.popup_visible():
            self.search_edit.hide_popup()
            return
        row = self.nav.currentRow()
        if row == self.PAGE_DIARY and self.diary_page.is_editing():
            self.diary_page.editor.close_editor()
        elif row == self.PAGE_HOUSEHOLDS and self.households_page.is_showing_detail():
            self.households_page.show_list()
        elif row == self.PAGE_LEDGER and self.ledger_page.is_showing_detail():
            self.ledger_page.show_list()

    def open_start_page(self, name: str) -> None:
        """Open a page by name (hidden start-up option, used for screenshots)."""
        pages = {
            "dashboard": self.PAGE_DASHBOARD,
            "households": self.PAGE_HOUSEHOLDS,
            "household": self.PAGE_HOUSEHOLDS,
            "diary": self.PAGE_DIARY,
            "diary-editor": self.PAGE_DIARY,
            "ledger": self.PAGE_LEDGER,
            "matter": self.PAGE_LEDGER,
            "matter-signoff": self.PAGE_LEDGER,
            "month-end": self.PAGE_LEDGER,
            "print-preview": self.PAGE_HOUSEHOLDS,
            "stats": self.PAGE_STATS,
            "exchange": self.PAGE_EXCHANGE,
            "settings": self.PAGE_SETTINGS,
            "commitments": self.PAGE_COMMITMENTS,
            "meetings": self.PAGE_MEETINGS,
            "disputes": self.PAGE_DISPUTES,
            "assessment": self.PAGE_ASSESSMENT,
            "spot-check": self.PAGE_ASSESSMENT,
            "six-ones": self.PAGE_ASSESSMENT,
        }
        if self.township_office:
            pages["township"] = self.PAGE_TOWNSHIP
        self.nav.setCurrentRow(pages.get(name, self.PAGE_DASHBOARD))
        if name in ("household", "print-preview") and self.households_page.model.rowCount():
            rows = self.households_page.model
            best = max(
                range(min(rows.rowCount(), 50)),
                key=lambda r: (rows.household(r).open_matters, r == 0),
            )
            self.households_page.open_household(rows.household(best).id)
            if name == "print-preview":  # a full sheet: the cards of that household's group
                from village_desk.ui.printing.dialogs import print_cards

                self.households_page.last_print = print_cards(
                    self.households_page, self.ctx, group=rows.household(best).group_name
                )
        elif name == "diary-editor":
            entry = self.diary_page.model.entry(0) if self.diary_page.model.rowCount() else None
            if entry is not None:
                self.diary_page.open_entry(entry.id)
        elif name == "assessment":
            self.assessment_page.show_year()
        elif name == "six-ones":
            self.assessment_page.show_six_ones()
        elif name == "matter" and self.ledger_page.model.rowCount():
            self.ledger_page.open_matter(self.ledger_page.model.matter(0).id)
        elif name == "matter-signoff":  # a matter with a photo of its signed slip
            found = self.ctx.read(queries.attachments.first_owner, "matter", "signoff")
            if found is not None:
                self.ledger_page.open_matter(found)
                view = self.ledger_page.detail
                view.side_tabs.setCurrentWidget(view.signoff_scroll)
        elif name == "month-end":
            self.ledger_page.show_review()
        elif name == "meetings" and self.meetings_page.rows:
            self.meetings_page.table.selectRow(0)
        elif name == "disputes":  # a settled one: its mediations and agreement below
            rows = self.disputes_page.rows
            chosen = next((d for d in rows if d.outcome == "success"), rows[0] if rows else None)
            if chosen is not None:
                self.disputes_page.select(chosen.id)
