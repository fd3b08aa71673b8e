"""六个一: the year's checklist of every cadre — 记录一本民情日记、开展一次
宣讲活动、搭建一次联动服务、组织一次民主恳谈、化解一批矛盾纠纷、落实一批实事工程
(seed 003) — ticked from the diary, meetings and disputes, and from the
activities recorded here (宣讲活动, 联动服务, 实事工程), with how each item
is counted stated under the table.

A view (not a page of its own): the 考核 page shows it as a tab.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.six_ones import ITEMS
from village_desk.ui.pages.base import REFERENCE_TABLES, DataView
from village_desk.ui.pages.six_ones.dialogs import ActivityDialog, kind_text
from village_desk.ui.widgets.attachments import AttachmentPanel
from village_desk.ui.widgets.forms import HINT_STYLE, destructive, heading
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.tables import cell, row_table

DONE_COLOR = "#1b7f3b"
MISSING_COLOR = "#b3261e"


class SixOnesView(DataView):
    watches = (
        frozenset(
            {
                "activity",
                "diary_entry",
                "meeting",
                "dispute",
                "mediation_session",
                "matter",
            }
        )
        | REFERENCE_TABLES
    )
    shown = Signal()  # the view shows the latest data

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self.activities: list = []
        self.township = bool(ctx.read(queries.reference.is_township))
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year"))
        this_year = dt.date.today().year
        for y in range(this_year, this_year - 6, -1):
            self.year_combo.addItem(str(y), y)
        self.new_button = QPushButton(self.tr("New activity…"))
        self.new_button.setToolTip(
            self.tr("A policy talk, a joint service or a practical project (Ctrl+N)")
        )
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Six ones (六个一)"), 1.1))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addWidget(self.new_button)

        first = [self.tr("Village")] if self.township else []
        self.table = row_table(
            first
            + [self.tr("Cadre"), self.tr("Role")]
            + [label for _key, label, _unit, _how in ITEMS]
            + [self.tr("Done")]
        )
        self.table.setAccessibleName(self.tr("Six ones of each cadre"))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.item_column = len(first) + 2  # the first of the six
        definitions = QLabel(
            "\n".join(f"{label}：{how}。" for _key, label, _unit, how in ITEMS)
            + "\n"
            + self.tr("Ticked (✓) at one or more; the number is how many the year holds.")
        )
        definitions.setWordWrap(True)
        definitions.setStyleSheet(HINT_STYLE)

        self.activity_table = row_table(
            (first if self.township else [])
            + [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("What it was"),
                self.tr("Place"),
                self.tr("Cadres"),
                self.tr("People"),
            ]
        )
        self.activity_table.setAccessibleName(self.tr("Activities of the year"))
        self.activity_table.horizontalHeader().setStretchLastSection(False)
        self.activity_table.horizontalHeader().setSectionResizeMode(
            len(first) + 2,
            QHeaderView.ResizeMode.Stretch,  # 活动内容 takes the room left
        )
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = destructive(QPushButton(self.tr("Delete")))
        actions = QHBoxLayout()
        actions.addWidget(heading(self.tr("Talks, joint services and projects"), 1.0))
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(definitions)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        self.attachments = AttachmentPanel(ctx, "activity", self)
        activity_row = QHBoxLayout()
        activity_row.addWidget(self.activity_table, 3)
        activity_row.addWidget(self.attachments, 2)
        lower_layout.addLayout(activity_row, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.activity_table.itemSelectionChanged.connect(self._selection_changed)
        self.activity_table.cellActivated.connect(lambda _r, _c: self.edit())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    @property
    def year(self) -> int:
        return self.year_combo.currentData()

    def refresh(self) -> None:
        chosen = self.selected()
        self.rows = self.ctx.read(queries.six_ones.six_ones, self.year)
        self.activities = self.ctx.read(queries.six_ones.activities, self.year)
        lead = 1 if self.township else 0
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            if self.township:
                self.table.setItem(r, 0, cell(row.village))
            self.table.setItem(r, lead, cell(row.name))
            self.table.setItem(r, lead + 1, cell(row.role))
            for i, (key, _label, unit, _how) in enumerate(ITEMS):
                n = row.counts[key]
                item = cell(f"✓ {n}{unit}" if n else "—")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setForeground(QBrush(QColor(DONE_COLOR if n else MISSING_COLOR)))
                self.table.setItem(r, self.item_column + i, item)
            self.table.setItem(r, self.item_column + len(ITEMS), cell(f"{row.ticked}/6", True))
        self.activity_table.setRowCount(len(self.activities))
        for r, a in enumerate(self.activities):
            values = ([a.village] if self.township else []) + [
                a.date.isoformat(),
                kind_text(a.kind),
                a.title,
                a.place,
                a.cadres,
                a.head_count,
            ]
            for c, value in enumerate(values):
                self.activity_table.setItem(r, c, cell(value, number=c == len(values) - 1))
        if chosen is not None:
            for r, a in enumerate(self.activities):
                if a.id == chosen.id:
                    self.activity_table.selectRow(r)
        self._selection_changed()
        self.shown.emit()

    def selected(self):
        r = self.activity_table.currentRow()
        if 0 <= r < len(self.activities) and self.activity_table.selectionModel().hasSelection():
            return self.activities[r]
        return None

    def _selection_changed(self) -> None:
        activity = self.selected()
        chosen = activity is not None
        self.attachments.set_owner(activity.id if chosen else None, editable=chosen)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def row_of(self, name: str):
        """The checklist of the cadre called ``name`` (None if not listed)."""
        return next((r for r in self.rows if r.name == name), None)

    # ------------------------------------------------------------ actions

    def new_activity(self) -> None:
        run_modal(ActivityDialog(self.ctx, parent=self))

    def edit(self) -> None:
        a = self.selected()
        if a is not None:
            run_modal(ActivityDialog(self.ctx, a, parent=self))

    def delete(self) -> None:
        a = self.selected()
        if a is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete activity"),
            self.tr("Delete the {kind} “{title}” of {date}?").format(
                kind=kind_text(a.kind), title=a.title, date=a.date.isoformat()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, aid = self.ctx.operator_id, a.id
        self.ctx.op(self, lambda db: services.activities.delete_activity(db, actor, aid)).run()
