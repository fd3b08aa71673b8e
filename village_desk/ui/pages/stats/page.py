"""The 统计 page: visits per month, matters by status and by kind, per cadre.

All numbers come from the core queries (``visit_stats``, ``matter_count``);
charts are Qt Charts, imported only when the page is first shown, and drawn
again after ``AppContext.data_changed`` while shown (or when next shown).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from village_desk.core import queries
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.domain.periods import month_bounds
from village_desk.core.queries.diary import visits_by_month
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.labels import status_label
from village_desk.ui.pages.base import Page
from village_desk.ui.widgets.forms import heading

MONTHS = 12


def _months_back(today: dt.date, n: int) -> list[tuple[int, int]]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


class StatsPage(Page):
    watches = frozenset(
        {"matter", "diary_entry", "diary_household", "cadre", "setting", "vocab_term"}
    )

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Statistics")))
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(self.grid, 1)
        self.views = []
        self.data: dict = {}
        self.refresh_button.clicked.connect(self.refresh)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.views:
            self.stale = True  # the charts are drawn again in the new text size
            if self.isVisible():
                self.refresh()
                self.stale = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self.views:
            self.stale = True  # charts are drawn when first wanted
        super().showEvent(event)

    def collect(self, today: dt.date | None = None) -> dict:
        today = today or dt.date.today()
        read = self.ctx.read
        months = _months_back(today, MONTHS)
        per_month = read(visits_by_month, month_bounds(*months[0])[0], today)
        visits = [(f"{m:02d}", per_month.get((y, m), 0)) for y, m in months]
        count = queries.matters.matter_count
        by_status = [
            (status_label(code), read(count, MatterFilter(statuses=(code,))))
            for code in STATUS_LABELS
        ]
        kinds = read(queries.reference.labels, "matter_kind")
        by_kind = [(label, read(count, MatterFilter(kind=code))) for code, label in kinds.items()]
        year_start = dt.date(today.year, 1, 1)
        per_cadre = [
            (v.name, v.visits, v.households)
            for v in read(queries.stats.visit_stats, year_start, today)
        ]
        return {
            "visits": visits,
            "by_status": by_status,
            "by_kind": by_kind,
            "per_cadre": per_cadre,
        }

    def refresh(self) -> None:
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSeries,
            QBarSet,
            QChart,
            QChartView,
            QHorizontalBarSeries,
            QPieSeries,
            QValueAxis,
        )

        self.data = self.collect()
        for view in self.views:
            self.grid.removeWidget(view)
            view.hide()
            view.deleteLater()
        self.views = []

        font = self.font()  # the charts' text follows the large-font option
        title_font = self.font()
        title_font.setBold(True)

        def bar_chart(title: str, rows, series_names, horizontal=False):
            chart = QChart()
            chart.setTitle(title)
            chart.setTitleFont(title_font)
            chart.legend().setFont(font)
            series = QHorizontalBarSeries() if horizontal else QBarSeries()
            for i, name in enumerate(series_names):
                bar = QBarSet(name)
                for row in rows:
                    bar.append(row[i + 1])
                series.append(bar)
            series.setLabelsVisible(len(series_names) == 1)
            chart.addSeries(series)
            cats = QBarCategoryAxis()
            cats.append([row[0] for row in rows])
            values = QValueAxis()
            values.setLabelFormat("%d")
            top = max([max(row[1:]) for row in rows] + [1])
            values.setRange(0, top * 1.15)
            cats.setLabelsFont(font)
            values.setLabelsFont(font)
            if horizontal:
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
        ]
        for i, chart in enumerate(charts):
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # fits two rows of charts on a 1024×600 screen, large text too
            view.setMinimumHeight(10 * self.fontMetrics().height())
            self.views.append(view)
            self.grid.addWidget(view, i // 2, i % 2)
