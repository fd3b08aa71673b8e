"""年度考核: every cadre's year (一测一考, 三评) with a place by a chosen figure.

The figures are counted by ``core/queries/assessment.py`` on a reader thread
(the definitions stand under the table); 名次 ranks by the chosen figure,
highest first, ties sharing a place, cadres without that figure unplaced.
自评, 点评 and 群众测评 are entered per cadre in :class:`AssessmentDialog`.
At a township office a second view ranks the villages by their cadres'
summed figures (各村排名).
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.domain.assessment import DEFINITIONS, pct
from village_desk.core.jobs import Job
from village_desk.core.queries.assessment import RANK_KEYS, figure_rows, ranked, score_text
from village_desk.ui.pages.assessment.dialogs import AssessmentDialog
from village_desk.ui.pages.assessment.spot_checks import item, table
from village_desk.ui.pages.base import ALL_TABLES, DataView
from village_desk.ui.printing.preview import PrintRun, generate_and_preview
from village_desk.ui.widgets.forms import HINT_STYLE, heading, scrolling
from village_desk.ui.widgets.modal import run_modal

YEAR_TABLES = ALL_TABLES | {
    "return_visit",
    "commitment",
    "spot_check",
    "spot_check_item",
    "assessment",
}


class YearTab(DataView):
    watches = YEAR_TABLES
    counted = Signal()  # the tables show the latest figures

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.year_data = None
        self.rows: list = []  # (place, CadreYear) in the order shown
        self.village_rows: list = []
        self.last_print: PrintRun | None = None
        self._asked = 0
        self.township = ctx.read(queries.reference.is_township)
        self.rank_names = {
            "poll_rate": self.tr("Poll satisfaction"),
            "completion": self.tr("Visit completion"),
            "paired_coverage": self.tr("Paired households covered"),
            "done_rate": self.tr("Done rate"),
            "on_time_rate": self.tr("On-time rate"),
            "satisfaction_rate": self.tr("Satisfaction (final)"),
            "keeping_rate": self.tr("Keeping rate"),
            "true_rate": self.tr("Diary true rate"),
        }
        assert set(self.rank_names) == set(RANK_KEYS)

        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.rank_combo = QComboBox()
        self.rank_combo.setAccessibleName(self.tr("Rank by"))
        for key in RANK_KEYS:
            self.rank_combo.addItem(self.rank_names[key], key)
        self.view_combo = QComboBox()
        self.view_combo.setAccessibleName(self.tr("Show"))
        self.view_combo.addItem(self.tr("Cadres"), "cadres")
        self.view_combo.addItem(self.tr("Villages"), "villages")
        self.view_combo.setVisible(self.township)
        self.counting_label = QLabel(self.tr("Counting…"))
        self.counting_label.hide()
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Yearly assessment"), 1.2))
        top.addStretch(1)
        top.addWidget(self.counting_label)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addWidget(QLabel(self.tr("Rank by")))
        top.addWidget(self.rank_combo)
        if self.township:
            top.addWidget(self.view_combo)

        self.span_label = QLabel()
        self.span_label.setStyleSheet(HINT_STYLE)
        headers = [self.tr("Place")]
        if self.township:
            headers.append(self.tr("Village"))
        headers += [
            self.tr("Cadre"),
            self.tr("Role"),
            self.tr("Households visited"),
            self.tr("Visits"),
            self.tr("Completion"),
            self.tr("Paired covered"),
            self.tr("Done rate"),
            self.tr("On time"),
            self.tr("Satisfaction"),
            self.tr("Kept"),
            self.tr("Diary true"),
            self.tr("Self"),
            self.tr("Leader"),
            self.tr("Votes"),
            self.tr("Poll satisfaction"),
        ]
        self.table = table(headers, stretch=2 if self.township else 1)  # the names
        self.table.setAccessibleName(self.tr("Cadres' yearly figures"))
        self.village_table = table(
            [
                self.tr("Place"),
                self.tr("Village"),
                self.tr("Cadres"),
                self.tr("Households visited"),
                self.tr("Visits"),
                self.tr("Completion"),
                self.tr("Paired covered"),
                self.tr("Done rate"),
                self.tr("On time"),
                self.tr("Satisfaction"),
                self.tr("Kept"),
                self.tr("Diary true"),
                self.tr("Votes"),
                self.tr("Poll satisfaction"),
            ],
            stretch=1,
        )
        self.village_table.setAccessibleName(self.tr("Villages' yearly figures"))
        self.tables = QStackedWidget()
        self.tables.addWidget(self.table)
        self.tables.addWidget(self.village_table)

        self.enter_button = QPushButton(self.tr("Enter evaluations…"))
        self.print_one_button = QPushButton(self.tr("Print this cadre's sheet…"))
        self.print_all_button = QPushButton(self.tr("Print all sheets…"))
        actions = QHBoxLayout()
        actions.addWidget(self.enter_button)
        actions.addStretch(1)
        actions.addWidget(self.print_one_button)
        actions.addWidget(self.print_all_button)

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        definitions = QLabel(
            self.tr("How the figures are counted:")
            + "\n"
            + "\n".join(f"{name}：{text}。" for name, text in DEFINITIONS)
            + "\n"
            + self.tr(
                "Place: by the figure chosen above, highest first; equal figures share a "
                "place; cadres without that figure get none."
            )
        )
        definitions.setWordWrap(True)
        definitions.setStyleSheet(HINT_STYLE)
        definitions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(scrolling(self.detail_label), 1)
        lower_layout.addWidget(scrolling(definitions), 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.tables, 1)
        upper_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.span_label)
        layout.addWidget(splitter, 1)

        self.enter_button.clicked.connect(self.enter)
        self.print_one_button.clicked.connect(self.print_one)
        self.print_all_button.clicked.connect(self.print_all)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.cellActivated.connect(lambda _r, _c: self.enter())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rank_combo.currentIndexChanged.connect(lambda _i: self.draw())
        self.view_combo.currentIndexChanged.connect(lambda _i: self.show_view())
        self.fill_years()
        self.show_view()
        self.stale = True  # counted when first shown

    # ------------------------------------------------------------ reading

    @property
    def year(self) -> int:
        return self.year_combo.currentData() or dt.date.today().year

    @property
    def rank_key(self) -> str:
        return self.rank_combo.currentData()

    @property
    def counting(self) -> bool:
        return self.counting_label.isVisibleTo(self)

    def fill_years(self) -> None:
        current = self.year_combo.currentData()
        years = self.ctx.read(queries.assessment.years)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        i = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(max(i, 0))
        self.year_combo.blockSignals(False)

    def show_view(self) -> None:
        villages = self.view_combo.currentData() == "villages"
        self.tables.setCurrentIndex(1 if villages else 0)
        for b in (self.enter_button, self.print_one_button):
            b.setVisible(not villages)
        self.show_detail()

    def refresh(self) -> None:
        year, db = self.year, self.db
        self._asked += 1
        asked = self._asked
        self.counting_label.show()

        def answered(found) -> None:
            if not shiboken6.isValid(self) or asked != self._asked:
                return
            self.counting_label.hide()
            self.year_data = found
            self.draw()
            self.counted.emit()

        def ended() -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self.counting_label.hide()

        task = self.ctx.task(self, lambda _job: db.read(queries.assessment.assessment_year, year))
        task.always(ended).success(answered).run()

    def draw(self) -> None:
        found = self.year_data
        if found is None:
            return
        chosen = self.selected()
        key = self.rank_key
        self.span_label.setText(
            self.tr("{year}: counted up to {as_of}; places by {figure}").format(
                year=found.year, as_of=found.as_of.isoformat(), figure=self.rank_names[key]
            )
        )
        self.rows = ranked(found.cadres, key)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, (place, c) in enumerate(self.rows):
            e = c.entered
            values = ["" if place is None else place]
            if self.township:
                values.append(c.village)
            values += [
                c.name,
                c.role,
                c.households,
                c.visits,
                pct(c.completion),
                pct(c.paired_coverage),
                pct(c.done_rate),
                pct(c.on_time_rate),
                pct(c.satisfaction_rate),
                pct(c.keeping_rate),
                pct(c.true_rate),
                "" if e.self_score is None else e.self_score,
                "" if e.leader_score is None else e.leader_score,
                e.votes or "",
                pct(c.poll_rate),
            ]
            first_number = 4 if self.township else 3
            for col, value in enumerate(values):
                self.table.setItem(r, col, item(value, number=col == 0 or col >= first_number))
        self.table.blockSignals(False)
        if (chosen is None or not self.select(chosen.cadre_id)) and self.rows:
            self.table.selectRow(0)  # the first place's sheet shows below
        self.village_rows = ranked(queries.assessment.villages_of(found), key)
        self.village_table.setRowCount(len(self.village_rows))
        for r, (place, v) in enumerate(self.village_rows):
            values = [
                "" if place is None else place,
                v.village,
                v.cadres,
                v.households,
                v.visits,
                pct(v.completion),
                pct(v.paired_coverage),
                pct(v.done_rate),
                pct(v.on_time_rate),
                pct(v.satisfaction_rate),
                pct(v.keeping_rate),
                pct(v.true_rate),
                (v.poll_satisfied + v.poll_basic + v.poll_unsatisfied) or "",
                pct(v.poll_rate),
            ]
            for col, value in enumerate(values):
                self.village_table.setItem(r, col, item(value, number=col != 1))
        self.print_all_button.setEnabled(bool(self.rows))
        self.show_detail()

    def selected(self):
        r = self.table.currentRow()
        if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[r][1]
        return None

    def place_of(self, cadre_id) -> int | None:
        return next((p for p, c in self.rows if c.cadre_id == cadre_id), None)

    def select(self, cadre_id) -> bool:
        for r, (_place, c) in enumerate(self.rows):
            if c.cadre_id == cadre_id:
                self.table.selectRow(r)
                return True
        return False

    def show_detail(self) -> None:
        c = self.selected()
        villages = self.view_combo.currentData() == "villages"
        for b in (self.enter_button, self.print_one_button):
            b.setEnabled(c is not None and not villages)
        if villages:
            self.detail_label.setText(
                self.tr(
                    "Each village's cadres summed (township cadres under 乡镇); the rates "
                    "are computed from the sums, not averaged."
                )
            )
            return
        if c is None:
            self.detail_label.setText(self.tr("Choose a cadre to see the year's sheet."))
            return
        e = c.entered
        lines = [f"{c.name}（{c.role}，{c.village}）"]
        lines += [f"{label}：{value}" for label, value in figure_rows(c)]
        lines.append(
            self.tr("Self-evaluation: {score} {text}").format(
                score=score_text(e.self_score), text=e.self_text
            )
        )
        lines.append(
            self.tr("Leader's comment: {score} {who} {text}").format(
                score=score_text(e.leader_score),
                who=f"{e.leader_name}：" if e.leader_name else "",
                text=e.leader_comment,
            )
        )
        if e.votes:
            lines.append(
                self.tr(
                    "Villagers' evaluation: {satisfied} satisfied, {basic} basically "
                    "satisfied, {unsatisfied} not satisfied; satisfaction {rate}"
                ).format(
                    satisfied=e.poll_satisfied,
                    basic=e.poll_basic,
                    unsatisfied=e.poll_unsatisfied,
                    rate=pct(e.poll_rate),
                )
            )
        else:
            lines.append(self.tr("Villagers' evaluation: not polled yet"))
        self.detail_label.setText("\n".join(lines))

    # ------------------------------------------------------------ writing

    def enter(self) -> AssessmentDialog | None:
        c = self.selected()
        if c is None or self.view_combo.currentData() == "villages":
            return None
        dialog = AssessmentDialog(self.ctx, c, self.year, parent=self)
        if (
            run_modal(dialog) == QDialog.DialogCode.Accepted
            and self.year_combo.findData(self.year) < 0
        ):
            self.fill_years()
        return dialog

    # ------------------------------------------------------------ printing

    def _print(self, cadre_ids, title: str) -> PrintRun:
        year, db = self.year, self.db

        def generate(path: str, job: Job) -> None:
            from village_desk.core.printing import print_assessment

            print_assessment(db, path, year, cadre_ids, job=job)

        self.last_print = generate_and_preview(self.ctx, self, title, f"{title}.pdf", generate)
        return self.last_print

    def print_one(self) -> PrintRun | None:
        c = self.selected()
        if c is None:
            return None
        title = self.tr("Assessment {year} {name}").format(year=self.year, name=c.name)
        return self._print([c.cadre_id], title)

    def print_all(self) -> PrintRun:
        return self._print(None, self.tr("Assessment {year}").format(year=self.year))
