"""The 统计 page: visits per month, matters by status and by kind, per cadre
(tab 走访与事项), and each cadre's 践诺率 for the commitments made for a chosen
year (tab 干部践诺率: by default the newest year with reviewed commitments).

All numbers come from the core queries (``visit_stats``, ``matter_count``),
counted on a reader thread (a township's year of visits takes a while): the
page shows at once and draws its charts when the numbers arrive. Charts are
Qt Charts, imported only when first drawn, and drawn again after
``AppContext.data_changed`` while shown (or when next shown).
"""

from __future__ import annotations

import datetime as dt
import threading

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.domain.periods import month_bounds
from village_desk.core.queries.diary import visits_by_month
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.labels import status_label
from village_desk.ui.pages.base import Page
from village_desk.ui.widgets.forms import HINT_STYLE, heading

MONTHS = 12
# 已践诺, 部分践诺, 未践诺, 未评定 in the 践诺率 chart
KEEPING_COLORS = ("#2e7d32", "#f9a825", "#c62828", "#9e9e9e")

# A count waits for the page to be drawn first (at most this long, seconds): a
# thread counting while the window is first laid out would slow its start.
FIRST_PAINT_WAIT = 0.5


def _months_back(today: dt.date, n: int) -> list[tuple[int, int]]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def keeping(session, year: int) -> dict:
    """践诺率 per cadre for the commitments made for ``year`` (the year a
    commitment belongs to, not when it was reviewed): 已践诺 ÷ 承诺件数, partly
    kept and not yet reviewed ones in the base (domain.commitments). Party
    members' commitments are left out (they are not cadres); active cadres
    without a commitment that year are named."""
    township = queries.reference.is_township(session)
    rates = [r for r in queries.commitments.keeping_rates(session, year) if r.cadre_id]
    committed = {r.cadre_id for r in rates}
    return {
        "year": year,
        "years": queries.commitments.years(session),
        "rates": [
            (
                f"{r.village} {r.name}" if township and r.village else r.name,
                r.total,
                r.kept,
                r.partly,
                r.not_kept,
                r.unreviewed,
            )
            for r in rates
        ],
        "without": [c.name for c in queries.reference.cadres(session) if c.id not in committed],
    }


def read_stats(session, today: dt.date, commitment_year: int | None = None) -> dict:
    """The numbers behind the charts (codes, not labels), in one session."""
    months = _months_back(today, MONTHS)
    per_month = visits_by_month(session, month_bounds(*months[0])[0], today)
    count = queries.matters.matter_count
    kinds = queries.reference.labels(session, "matter_kind")
    year_start = dt.date(today.year, 1, 1)
    return {
        "visits": [(f"{m:02d}", per_month.get((y, m), 0)) for y, m in months],
        "by_status": [
            (code, count(session, MatterFilter(statuses=(code,)))) for code in STATUS_LABELS
        ],
        "by_kind": [
            (label, count(session, MatterFilter(kind=code))) for code, label in kinds.items()
        ],
        "per_cadre": [
            (v.name, v.visits, v.households)
            for v in queries.stats.visit_stats(session, year_start, today)
        ],
        # by default the newest year whose commitments have been reviewed: a
        # year under way has most still open (counted, but not as kept)
        "keeping": keeping(
            session,
            commitment_year or queries.commitments.latest_reviewed_year(session) or today.year,
        ),
    }


class StatsPage(Page):
    watches = frozenset(
        {
            "matter",
            "diary_entry",
            "diary_household",
            "cadre",
            "setting",
            "vocab_term",
            "commitment",
        }
    )
    drawn = Signal()  # the charts show the latest numbers

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.counting_label = QLabel(self.tr("Counting…"))
        self.counting_label.hide()
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Statistics")))
        top.addStretch(1)
        top.addWidget(self.counting_label)
        top.addWidget(self.refresh_button)
        charts = QWidget()  # takes the room below the heading, charts or not yet
        self.grid = QGridLayout(charts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # bars (months, cadres' names) wider than the pies; rows alike (without
        # stretches the first chart took most of the room)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        for i in range(2):
            self.grid.setRowStretch(i, 1)

        # 践诺率 per cadre on a tab of its own: the commitments made for the
        # year chosen, the definition under the chart
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Commitments of the year"))
        keeping_tab = QWidget()
        self.keeping_layout = QVBoxLayout(keeping_tab)
        self.keeping_layout.setContentsMargins(0, 8, 0, 0)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Commitments of")))
        year_row.addWidget(self.year_combo)
        year_row.addStretch(1)
        self.keeping_layout.addLayout(year_row)
        self.keeping_note = QLabel()
        self.keeping_note.setStyleSheet(HINT_STYLE)
        self.keeping_note.setWordWrap(True)
        self.keeping_layout.addWidget(self.keeping_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(charts, self.tr("Visits and matters"))
        self.tabs.addTab(keeping_tab, self.tr("Keeping rate per cadre"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.views = []
        self.data: dict = {}
        self._counting = 0  # the latest count asked for; older answers are dropped
        self._painted = threading.Event()  # drawn once: counting may start
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    @property
    def counting(self) -> bool:
        """Numbers are being counted (the charts may show older ones)."""
        return self.counting_label.isVisibleTo(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.views:
            self.stale = True  # the charts are drawn again in the new text size
            if self.isVisible():
                self.stale = False
                self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.views and not self.counting:
            self.stale = True  # charts are drawn when first wanted
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted.set()

    def refresh(self, today: dt.date | None = None) -> None:
        """Count again on a reader thread; the charts are drawn when counted."""
        today = today or dt.date.today()
        year = self.year_combo.currentData()  # None at first: the default year
        self._counting += 1
        asked = self._counting
        self.counting_label.show()
        db = self.db

        def answered(data: dict) -> None:
            if not shiboken6.isValid(self) or asked != self._counting:
                return  # closed meanwhile, or a later count supersedes this one
            self.counting_label.hide()
            self.data = dict(data, by_status=[(status_label(c), n) for c, n in data["by_status"]])
            self.fill_years(data["keeping"])
            self.draw()

        def ended() -> None:
            if shiboken6.isValid(self) and asked == self._counting:
                self.counting_label.hide()

        painted = self._painted

        def work(_job) -> dict:
            painted.wait(FIRST_PAINT_WAIT)  # the window is drawn before counting starts
            return db.read(read_stats, today, year)

        task = self.ctx.task(self, work)
        task.always(ended).success(answered).run()

    def fill_years(self, keeping: dict) -> None:
        """The years with commitments, the one counted chosen."""
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in keeping["years"]:
            self.year_combo.addItem(self.tr("{year}").format(year=y), y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(keeping["year"]), 0))
        self.year_combo.blockSignals(False)

    def keeping_text(self, keeping: dict) -> str:
        """The definition of the rate, and the cadres without a commitment."""
        text = self.tr(
            "Keeping rate = commitments kept ÷ the cadre's commitments for {year} (counted by "
            "the year a commitment was made for; partly kept ones and those not reviewed yet "
            "count in the base, not as kept). Party members' commitments are on the "
            "commitments page."
        ).format(year=keeping["year"])
        if keeping["without"]:
            text += " " + self.tr("Active cadres without a commitment for {year}: {names}.").format(
                year=keeping["year"], names="、".join(keeping["without"])
            )
        return text

    def keeping_rows(self, keeping: dict) -> list[tuple]:
        """Per cadre: the label with the rate and the counts, then the shares
        (percent of the commitments) kept, partly kept, not kept, not reviewed."""
        out = []
        for name, total, kept, partly, not_kept, unreviewed in keeping["rates"]:
            label = self.tr("{name} {rate} ({kept}/{total})").format(
                name=name, rate=f"{kept / total * 100:.1f}%", kept=kept, total=total
            )
            out.append((label, *(n / total * 100 for n in (kept, partly, not_kept, unreviewed))))
        return out

    def draw(self) -> None:
        """The charts of :attr:`data`."""
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QHorizontalBarSeries,
            QHorizontalStackedBarSeries,
            QPieSeries,
            QValueAxis,
        )

        for view in self.views:
            view.parentWidget().layout().removeWidget(view)
            view.hide()
            view.deleteLater()
        self.views = []

        font = self.font()  # the charts' text follows the large-font option
        title_font = self.font()
        title_font.setBold(True)

        def bar_chart(title: str, rows, series_names, horizontal=False, percent=False):
            chart = QChart()
            chart.setTitle(title)
            chart.setTitleFont(title_font)
            chart.legend().setFont(font)
            if percent:
                series = QHorizontalStackedBarSeries()
            else:
                series = QHorizontalBarSeries() if horizontal else QBarSeries()
            for i, name in enumerate(series_names):
                bar = QBarSet(name)
                for row in rows:
                    bar.append(row[i + 1])
                series.append(bar)
            series.setLabelsVisible(len(series_names) == 1)
            if percent:
                for bar, color in zip(series.barSets(), KEEPING_COLORS, strict=True):
                    bar.setColor(QColor(color))
            chart.addSeries(series)
            cats = QBarCategoryAxis()
            cats.append([row[0] for row in rows])
            values = QValueAxis()
            if percent:
                values.setLabelFormat("%d%%")
                values.setRange(0, 100)
            else:
                values.setLabelFormat("%d")
                top = max([max(row[1:]) for row in rows] + [1])
                values.setRange(0, top * 1.15)
            cats.setLabelsFont(font)
            values.setLabelsFont(font)
            if horizontal or percent:
                chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
                chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
            else:
                chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
                chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(cats)
            series.attachAxis(values)
            chart.legend().setVisible(len(series_names) > 1)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            return chart

        def pie_chart(title: str, rows):
            chart = QChart()
            chart.setTitle(title)
            chart.setTitleFont(title_font)
            chart.legend().setFont(font)
            series = QPieSeries()
            for label, n in rows:
                if n:
                    piece = series.append(f"{label} {n}", n)
                    piece.setLabelVisible(False)
            chart.addSeries(series)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
            return chart

        d = self.data
        keeping = d["keeping"]
        charts = [
            bar_chart(
                self.tr("Visits per month, last 12 months (household-times)"),
                d["visits"],
                [self.tr("Visits")],
            ),
            pie_chart(self.tr("Matters by status"), d["by_status"]),
            bar_chart(
                self.tr("Visits per cadre this year"),
                d["per_cadre"] or [("", 0, 0)],
                [self.tr("Visits"), self.tr("Households visited")],
            ),
            pie_chart(self.tr("Matters by kind"), d["by_kind"]),
            bar_chart(
                self.tr("Keeping rate per cadre, commitments for {year}").format(
                    year=keeping["year"]
                ),
                self.keeping_rows(keeping) or [(self.tr("No commitments"), 0, 0, 0, 0)],
                [
                    self.tr("Kept"),
                    self.tr("Partly kept"),
                    self.tr("Not kept"),
                    self.tr("Not reviewed"),
                ],
                percent=True,
            ),
        ]
        self.keeping_note.setText(self.keeping_text(keeping))
        for i, chart in enumerate(charts):
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # fits two rows of charts on a 1024×600 screen, large text too
            view.setMinimumHeight(10 * self.fontMetrics().height())
            self.views.append(view)
            if i < 4:  # two by two on the first tab
                self.grid.addWidget(view, i // 2, i % 2)
            else:  # 践诺率 between the year and the definition
                self.keeping_layout.insertWidget(1, view, 1)
        self.drawn.emit()
