"""The work-bench (dashboard) page.

Its figures take a while at township scale (the rule checks behind 冲突与待核对
read every open record): they are counted on a reader thread, the page shows
at once with the last figures (or dashes) and fills in when they arrive.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.core.queries.stats import Dashboard
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.dashboard.review import REVIEW_TABLES, review_count
from village_desk.ui.pages.meetings.dialogs import kind_text
from village_desk.ui.widgets.forms import ERROR_COLOR
from village_desk.ui.widgets.sizing import relative_font

# A count waits for the page to be drawn first (at most this long, seconds): a
# thread counting while the window is first laid out would slow its start.
FIRST_PAINT_WAIT = 0.5


@dataclass(frozen=True)
class Figures:
    """Everything the work bench shows, read in one session."""

    counts: Dashboard
    review: int
    unpaired: list
    gaps: list
    disputes: queries.disputes.Overview
    # each kind's last meeting against its rhythm: a village's KindDue list, or
    # at a township office each village's (VillageDue)
    meetings: list
    township: bool = False


def read_figures(session) -> Figures:
    township = queries.reference.is_township(session)
    return Figures(
        queries.stats.dashboard(session),
        review_count(session),
        queries.pairing.households_without_cadre(session),
        queries.pairing.pairing_gaps(session),
        queries.disputes.overview(session),
        (
            queries.meetings.schedule_by_village(session)
            if township
            else queries.meetings.schedule(session)
        ),
        township,
    )


class _Tile(QFrame):
    """A number with a caption; clicking it opens the list behind the number."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = relative_font(QLabel("–"), 2.2, bold=True)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int, alert: bool = False) -> None:
        self.value.setText(str(value))
        self.value.setStyleSheet("color: #b00020;" if alert and value else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _MeetingsPanel(QFrame):
    """会议节奏: each kind of meeting, when it last took place and whether it
    is overdue against its frequency (at a township office: the villages with
    overdue meetings); clicking it opens the 会议记录 page."""

    clicked = Signal()
    MAX_VILLAGES = 6  # a township office's villages named; the rest counted

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to open the meeting records"))
        self.title = relative_font(QLabel(self.tr("Meeting rhythm")), 1.1, bold=True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(2)
        self.lines: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def day(self, day: dt.date) -> str:
        if day.year == dt.date.today().year:
            return self.tr("{month}/{day}").format(month=day.month, day=day.day)
        return self.tr("{year}/{month}/{day}").format(year=day.year, month=day.month, day=day.day)

    def kind_state(self, k) -> str:
        """One kind's rhythm: when last held, and overdue or due when."""
        last = (
            self.tr("last {date}").format(date=self.day(k.last))
            if k.last
            else self.tr("never held")
        )
        if not k.months:
            state = self.tr("no fixed rhythm")
        elif k.overdue and k.last is None:
            state = self.tr("overdue")
        elif k.overdue:
            state = self.tr("overdue by {days} days").format(days=k.days_overdue)
        else:
            state = self.tr("next by {date}").format(date=self.day(k.due))
        return f"{kind_text(k.kind)}  {last} · {state}"

    def show_schedule(self, meetings: list, township: bool) -> None:
        for label in self.lines:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.lines = []
        if township:
            entries = self.village_entries(meetings)
        else:
            entries = [(self.kind_state(k), k.overdue) for k in meetings]
        columns = 1 if township else 2
        for i, (text, overdue) in enumerate(entries):
            label = QLabel(text)
            label.setProperty("overdue", overdue)
            label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;" if overdue else "")
            label.setWordWrap(township)
            self.lines.append(label)
            self.grid.addWidget(label, i // columns, i % columns)

    def village_entries(self, villages: list) -> list[tuple[str, bool]]:
        """At a township office: each village with an overdue kind, naming them."""
        behind = [v for v in villages if v.overdue]
        self.title.setText(
            self.tr("Meeting rhythm: {n} of {total} villages have overdue meetings").format(
                n=len(behind), total=len(villages)
            )
            if behind
            else self.tr("Meeting rhythm")
        )
        if not villages:
            return []
        if not behind:
            return [(self.tr("Every village holds its meetings in time."), False)]
        out = []
        for v in behind[: self.MAX_VILLAGES]:
            kinds = "、".join(
                self.tr("{kind} overdue by {days} days").format(
                    kind=kind_text(k.kind), days=k.days_overdue
                )
                if k.last
                else self.tr("{kind} never held").format(kind=kind_text(k.kind))
                for k in v.overdue
            )
            out.append((f"{v.village}：{kinds}", True))
        if len(behind) > self.MAX_VILLAGES:
            out.append(
                (
                    self.tr("… and {n} more villages").format(n=len(behind) - self.MAX_VILLAGES),
                    True,
                )
            )
        return out


class DashboardPage(Page):
    """Real counts from ``queries.stats.dashboard``: what needs attention today.

    Each number opens the filtered list behind it (:attr:`open_list` carries
    the tile's key: overdue, due_soon, awaiting, open, never, long_unvisited,
    households, review — the conflicts and broken rules a merge left, see
    ``review.py`` — and disputes_overdue: the disputes 久调不决, still without an
    outcome after the setting's days), and meetings from the 会议节奏 panel below
    the tiles (each kind's last meeting against its frequency). The counts follow ``AppContext.data_changed``
    while shown, and are counted again whenever the page is shown (they
    depend on the date).
    """

    open_list = Signal(str)
    filled = Signal()  # the figures of the latest count are on screen

    # Conflicts can be on any record, and broken rules on most tables.
    watches = REVIEW_TABLES | {"dispute", "mediation_session", "meeting"}

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        heading = relative_font(QLabel(self.tr("Needs attention")), 1.6, bold=True)
        self.overdue = _Tile(self.tr("Overdue matters"))
        self.due_soon = _Tile(self.tr("Matters due soon"))
        self.awaiting = _Tile(self.tr("Done, awaiting return visit"))
        self.open = _Tile(self.tr("Open matters"))
        self.never = _Tile(self.tr("Households never visited"))
        self.long_unvisited = _Tile("")
        self.households = _Tile(self.tr("Households"))
        self.review = _Tile(self.tr("Conflicts and checks"))
        self.disputes_overdue = _Tile(self.tr("Long unresolved disputes"))
        grid = QGridLayout()
        grid.setSpacing(12)
        tiles = [
            self.overdue,
            self.due_soon,
            self.awaiting,
            self.open,
            self.never,
            self.long_unvisited,
            self.households,
            self.review,
            self.disputes_overdue,
        ]
        keys = [
            "overdue",
            "due_soon",
            "awaiting",
            "open",
            "never",
            "long_unvisited",
            "households",
            "review",
            "disputes_overdue",
        ]
        self.tiles = dict(zip(keys, tiles, strict=True))
        columns = 5  # two rows of tiles
        for i, (key, tile) in enumerate(self.tiles.items()):
            grid.addWidget(tile, i // columns, i % columns)
            tile.clicked.connect(lambda k=key: self.open_list.emit(k))
            tile.setToolTip(self.tr("Click to open the list"))
        self.review.setToolTip(
            self.tr("Conflicts left by merging data from another computer, and broken rules")
        )
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        self.meetings = _MeetingsPanel()
        self.meetings.clicked.connect(lambda: self.open_list.emit("meetings"))

        self.duty_label = QLabel()
        # Pairing rules (DOMAIN.md §2): households without a cadre, cadres below
        # the norms in settings (queries.pairing).
        self.pairing_label = QLabel()
        self.pairing_label.setWordWrap(True)
        self.pairing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.visits_title = relative_font(QLabel(), bold=True)
        self.visits_table = QTableWidget(0, 5)
        self.visits_table.setHorizontalHeaderLabels(
            [
                self.tr("Cadre"),
                self.tr("Visits (household-times)"),
                self.tr("Households visited"),
                self.tr("Diary entries"),
                self.tr("Monthly minimum"),
            ]
        )
        self.visits_table.verticalHeader().hide()
        self.visits_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visits_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.visits_table.setAlternatingRowColors(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.duty_label)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.meetings)
        layout.addWidget(self.pairing_label)
        layout.addSpacing(8)
        layout.addWidget(self.visits_title)
        layout.addWidget(self.visits_table, 1)
        self._counting = 0  # the latest count asked for; older answers are dropped
        self._painted = threading.Event()  # drawn once: counting may start
        self.counting = False  # a count is under way (what is shown may be older)

    def pairing_text(self, unpaired=None, gaps=None) -> str:
        """Households without a responsible cadre, and cadres below the
        pairing norms, in a few lines."""
        if unpaired is None:
            unpaired = self.ctx.read(queries.pairing.households_without_cadre)
        if gaps is None:
            gaps = self.ctx.read(queries.pairing.pairing_gaps)
        if not unpaired and not gaps:
            return self.tr(
                "Pairing: every household has a responsible cadre and every cadre "
                "meets the pairing norms."
            )
        lines = []
        if unpaired:
            shown = "、".join(f"{u.number} {u.head}" for u in unpaired[:5])
            more = "…" if len(unpaired) > 5 else ""
            lines.append(
                self.tr("Households without a responsible cadre: {n} ({list})").format(
                    n=len(unpaired), list=shown + more
                )
            )
        if gaps:
            shown = "；".join(
                self.tr("{name}, {kind}: {current} (required {required})").format(
                    name=g.name, kind=g.kind_label, current=g.current, required=g.required
                )
                for g in gaps[:4]
            )
            more = "…" if len(gaps) > 4 else ""
            lines.append(
                self.tr("Below the pairing norms: {n} ({list})").format(
                    n=len(gaps), list=shown + more
                )
            )
        return "\n".join(lines)

    def weekday_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def showEvent(self, event: QShowEvent) -> None:
        self.stale = True  # overdue and "this month" depend on today's date
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted.set()

    def refresh(self) -> None:
        """Count again on a reader thread; the figures fill in when counted."""
        self._counting += 1
        asked = self._counting
        self.counting = True
        db = self.db

        def ended() -> None:
            if shiboken6.isValid(self) and asked == self._counting:
                self.counting = False

        def answered(figures: Figures) -> None:
            if not shiboken6.isValid(self):  # the page was closed meanwhile
                return
            if asked == self._counting:  # a later count supersedes this one
                self.show_figures(figures)

        painted = self._painted

        def work(_job) -> Figures:
            painted.wait(FIRST_PAINT_WAIT)  # the window is drawn before counting starts
            return db.read(read_figures)

        task = self.ctx.task(self, work)
        task.always(ended).success(answered).run()

    def show_figures(self, figures: Figures) -> None:
        d = figures.counts
        self.overdue.set_value(d.overdue, alert=True)
        self.due_soon.set_value(d.due_soon, alert=True)
        self.awaiting.set_value(d.awaiting_return_visit)
        self.open.set_value(d.open_matters)
        self.never.set_value(d.never_visited, alert=True)
        self.long_unvisited.caption.setText(
            self.tr("Households not visited for {days} days").format(days=d.long_unvisited_days)
        )
        self.long_unvisited.set_value(d.long_unvisited)
        self.households.set_value(d.households)
        self.review.set_value(figures.review, alert=True)
        disputes = figures.disputes
        self.disputes_overdue.caption.setText(
            self.tr("Disputes long unresolved (over {days} days without an outcome)").format(
                days=disputes.days
            )
        )
        self.disputes_overdue.set_value(disputes.overdue, alert=True)
        self.disputes_overdue.setToolTip(
            self.tr("{n} disputes under mediation; click to open the long unresolved ones").format(
                n=disputes.open
            )
        )
        self.meetings.show_schedule(figures.meetings, figures.township)
        self.pairing_label.setText(self.pairing_text(figures.unpaired, figures.gaps))
        today = dt.date.today()
        names = self.weekday_names()
        days = "、".join(names[i - 1] for i in d.duty_days if 1 <= i <= 7)
        on_duty = today.isoweekday() in d.duty_days
        self.duty_label.setText(
            (self.tr("Duty days: {days}").format(days=days) if days else "")
            + ("  " + self.tr("Today is a duty day.") if on_duty else "")
        )
        self.visits_title.setText(
            self.tr("Visits this month ({month})").format(month=today.strftime("%Y-%m"))
        )
        self.visits_table.setRowCount(len(d.month_visits))
        for r, v in enumerate(d.month_visits):
            behind = d.monthly_minimum and v.visits < d.monthly_minimum
            values = [
                v.name,
                str(v.visits),
                str(v.households),
                str(v.entries),
                str(d.monthly_minimum or ""),
            ]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if behind and c == 1:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("Below the monthly minimum"))
                self.visits_table.setItem(r, c, item)
        self.filled.emit()
