"""乡镇汇总: a township office's villages side by side (township mode only).

For a chosen period: each village's households, visits (户 / 户次) and
coverage, the period's ledger (在账, 已办结, 办结率, 按时办结率, 最终满意率)
and what is overdue — counted as each village's own workbook counts them
(``core/queries/township.py``) — then every cadre's visits against the
quota, under the village (township cadres under 乡镇). Double-clicking a
village (or Enter) shows its overdue matters. Counted on a reader thread;
the page shows at once and fills in.
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.domain.lifecycle import STATUS_LABELS
from village_desk.core.domain.periods import month_bounds
from village_desk.ui.pages.base import ALL_TABLES, Page
from village_desk.ui.widgets.forms import HINT_STYLE, heading
from village_desk.ui.widgets.modal import run_modal


def periods(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """(key, start, end) of the periods offered, this month first."""
    this = month_bounds(today.year, today.month)
    last_end = this[0] - dt.timedelta(days=1)
    last = month_bounds(last_end.year, last_end.month)
    q = (today.month - 1) // 3
    quarter = (dt.date(today.year, 3 * q + 1, 1), month_bounds(today.year, 3 * q + 3)[1])
    year = (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    return [("month", *this), ("last_month", *last), ("quarter", *quarter), ("year", *year)]


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _item(value, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str], stretch: int | None = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:  # the names take the room
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class TownshipPage(Page):
    watches = ALL_TABLES | {"return_visit"}
    counted = Signal()  # the tables show the latest figures

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.figures = None
        self._asked = 0
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        for key, text in (
            ("month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("quarter", self.tr("This quarter")),
            ("year", self.tr("This year")),
        ):
            self.period_combo.addItem(text, key)
        self.counting_label = QLabel(self.tr("Counting…"))
        self.counting_label.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Township summary")))
        top.addStretch(1)
        top.addWidget(self.counting_label)
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period_combo)
        top.addWidget(self.refresh_button)

        self.span_label = QLabel()
        self.span_label.setStyleSheet(HINT_STYLE)
        self.villages = _table(
            [
                self.tr("Village"),
                self.tr("Households"),
                self.tr("Households visited"),
                self.tr("Visits"),
                self.tr("Coverage"),
                self.tr("Matters on the ledger"),
                self.tr("Done"),
                self.tr("Done rate"),
                self.tr("On time"),
                self.tr("Satisfaction (final)"),
                self.tr("Overdue"),
            ]
        )
        self.villages.setAccessibleName(self.tr("Villages side by side"))
        self.cadres = _table(
            [
                self.tr("Village"),
                self.tr("Cadre"),
                self.tr("Role"),
                self.tr("Households visited"),
                self.tr("Visits"),
                self.tr("Quota for the period"),
                self.tr("Completion"),
            ],
            stretch=None,
        )
        self.cadres.setAccessibleName(self.tr("Cadres' visits against quota"))
        hint = QLabel(
            self.tr(
                "Each village is counted as its own workbook counts it, with its own "
                "settings. Double-click a village to see its overdue matters."
            )
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.span_label)
        layout.addWidget(self.villages, 3)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("Cadres' visits against quota")))
        layout.addWidget(self.cadres, 2)
        self.refresh_button.clicked.connect(self.refresh)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.villages.cellActivated.connect(lambda row, _col: self.open_village(row))
        self.stale = True  # counted when first shown

    @property
    def counting(self) -> bool:
        return self.counting_label.isVisibleTo(self)

    def period(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        key = self.period_combo.currentData()
        for k, start, end in periods(today or dt.date.today()):
            if k == key:
                return start, end
        raise KeyError(key)

    def refresh(self, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        start, end = self.period(today)
        self._asked += 1
        asked = self._asked
        self.counting_label.show()
        db = self.db

        def answered(figures) -> None:
            if not shiboken6.isValid(self) or asked != self._asked:
                return
            self.counting_label.hide()
            self.figures = figures
            self.draw()
            self.counted.emit()

        def ended() -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self.counting_label.hide()

        task = self.ctx.task(
            self, lambda _job: db.read(queries.township.township_figures, start, end, today)
        )
        task.always(ended).success(answered).run()

    def draw(self) -> None:
        f = self.figures
        self.span_label.setText(
            self.tr("{start} to {end}; states on {as_of}").format(
                start=f.start.isoformat(), end=f.end.isoformat(), as_of=f.as_of.isoformat()
            )
        )
        rows = [*f.villages, f.total]
        self.villages.setRowCount(len(rows))
        for r, v in enumerate(rows):
            name = self.tr("Township") if v.name == "乡镇" else v.name
            name = self.tr("Total") if v is f.total else name
            values = [
                name,
                v.households,
                v.visited,
                v.visits,
                _pct(v.coverage),
                v.matters,
                v.done,
                _pct(v.done_rate),
                _pct(v.on_time_rate),
                _pct(v.satisfaction_rate),
                v.overdue,
            ]
            for c, value in enumerate(values):
                item = _item(value, number=c > 0)
                if v is f.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.villages.setItem(r, c, item)
        roles = self.db.read(queries.reference.labels, "role")
        self.cadres.setRowCount(len(f.cadres))
        for r, figure in enumerate(f.cadres):
            c = figure.visits
            unit = self.tr("households") if c.quota_unit == "households" else self.tr("visits")
            if figure.campaign and c.quota:
                quota = self.tr("{n} {unit} a round").format(n=c.quota, unit=unit)
            elif figure.expected:
                quota = f"{figure.expected} {unit}"
            else:
                quota = "—"
            values = [
                self.tr("Township") if figure.village == "乡镇" else figure.village,
                c.name,
                roles.get(c.role, c.role),
                c.households,
                c.visits,
                quota,
                _pct(figure.completion),
            ]
            for col, value in enumerate(values):
                self.cadres.setItem(r, col, _item(value, number=col >= 3))

    def open_village(self, row: int) -> None:
        f = self.figures
        if f is None or row >= len(f.villages):
            return
        village = f.villages[row]
        found = self.db.read(queries.township.village_overdue, village.village_id, f.as_of)
        dialog = VillageDialog(village.name, f.as_of, found, self)
        run_modal(dialog)


class VillageDialog(QDialog):
    """One village's overdue matters on the report day (drill-down)."""

    def __init__(self, name: str, as_of: dt.date, overdue: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{village}: overdue matters").format(village=name))
        label = QLabel(
            self.tr("{count} matters open past their deadline on {day}").format(
                count=len(overdue), day=as_of.isoformat()
            )
        )
        self.table = _table(
            [
                self.tr("Number"),
                self.tr("Applicant"),
                self.tr("Matter"),
                self.tr("Responsible"),
                self.tr("Deadline"),
                self.tr("Days overdue"),
                self.tr("Status"),
                self.tr("Last progress"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # 申办事项
        self.table.setRowCount(len(overdue))
        for r, o in enumerate(overdue):
            values = [
                o.number,
                o.applicant,
                o.content,
                o.responsible,
                o.deadline.isoformat(),
                o.days_overdue,
                STATUS_LABELS.get(o.status, o.status),
                o.last_note,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, _item(value, number=c == 5))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)
