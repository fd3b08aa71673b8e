"""会议记录: the village's meetings (民主议政日, 民主恳谈会, 院坝说事会,
村民代表会议).

At the top, when each kind last took place against how often it should
(overdue ones in red); below, the year's meetings with the selected one's
attendees, points raised (solved on the spot, or the ledger matter each
became) and decisions. Buttons record a meeting, correct or delete one,
print its minutes, and set the frequencies.

At a township office (many villages) a 村 filter chooses the village: its
kinds are due against its own meetings, never another village's. With 全部村
the table lists, village by village, only the kinds that are overdue, so one
village's 民主议政日 cannot make the others look on time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.jobs import Job
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.meetings.dialogs import FrequencyDialog, MeetingDialog, kind_text
from village_desk.ui.printing.preview import PrintRun, generate_and_preview
from village_desk.ui.widgets.attachments import AttachmentPanel, beside
from village_desk.ui.widgets.forms import ERROR_COLOR, HINT_STYLE, destructive, heading
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.tables import cell, row_table
from village_desk.ui.widgets.village_choice import VillageFilter

COL_VILLAGE = 8  # the meeting list's village (a township office's)


class MeetingsPage(Page):
    watches = frozenset(
        {
            "meeting",
            "meeting_attendee",
            "meeting_item",
            "matter",
            "cadre",
            "person",
            "setting",
            "village_profile",
        }
    )
    shown = Signal()  # the page shows the latest data

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self.last_print: PrintRun | None = None
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year"))
        this_year = dt.date.today().year
        for y in range(this_year, this_year - 6, -1):
            self.year_combo.addItem(self.tr("{year}").format(year=y), y)
        self.village_combo = VillageFilter(ctx)  # a township office's villages
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setToolTip(self.tr("Record a meeting (Ctrl+N)"))
        self.frequency_button = QPushButton(self.tr("Frequencies…"))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Meetings")))
        top.addStretch(1)
        top.addWidget(self.village_combo.label)
        top.addWidget(self.village_combo)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_combo)
        top.addWidget(self.new_button)
        top.addWidget(self.frequency_button)

        self.due = row_table(
            [
                self.tr("Kind"),
                self.tr("How often"),
                self.tr("Last held"),
                self.tr("Next due"),
                self.tr("State"),
            ]
        )
        self.due.setAccessibleName(self.tr("When each kind is due"))
        self.due.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # a township office with 全部村: each village's overdue kinds
        self.behind = row_table(
            [
                self.tr("Village"),
                self.tr("Kind"),
                self.tr("How often"),
                self.tr("Last held"),
                self.tr("Next due"),
                self.tr("State"),
            ]
        )
        self.behind.setAccessibleName(self.tr("Overdue meetings by village"))
        self.behind.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.due_note = QLabel()
        self.due_note.setWordWrap(True)
        self.due_note.setStyleSheet(HINT_STYLE)
        self.table = row_table(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Place"),
                self.tr("Host"),
                self.tr("People present"),
                self.tr("Solved on the spot"),
                self.tr("Into the ledger"),
                self.tr("Topics"),
                self.tr("Village"),
            ]
        )
        self.table.setColumnHidden(COL_VILLAGE, not self.village_combo.township)
        self.table.setAccessibleName(self.tr("Meeting list"))
        self.detail_label = QLabel(self.tr("Choose a meeting to see what was raised."))
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.print_button = QPushButton(self.tr("Print minutes…"))
        self.delete_button = destructive(QPushButton(self.tr("Delete")))
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        self.attachments = AttachmentPanel(ctx, "meeting", self)
        lower_layout.addLayout(beside(self.detail_label, self.attachments), 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(heading(self.tr("When each kind is due"), 1.1))
        layout.addWidget(self.due_note)
        layout.addWidget(self.due)
        layout.addWidget(self.behind)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_meeting)
        self.frequency_button.clicked.connect(self.set_frequencies)
        self.edit_button.clicked.connect(self.edit)
        self.print_button.clicked.connect(self.print_minutes)
        self.delete_button.clicked.connect(self.delete)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.cellActivated.connect(lambda _r, _c: self.edit())
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.village_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def reload_choices(self) -> None:
        if not self.village_combo.reload():
            self.refresh()

    @property
    def year(self) -> int:
        return self.year_combo.currentData()

    def refresh(self) -> None:
        chosen = self.selected()
        year = self.year
        village = self.village_combo.village_id()
        self.rows = self.ctx.read(
            queries.meetings.meetings,
            dt.date(year, 1, 1),
            dt.date(year, 12, 31),
            village=village,
        )
        everyone = self.village_combo.township and village is None
        # at a township office each village has its own frequencies
        self.frequency_button.setEnabled(not everyone)
        self.frequency_button.setToolTip(
            self.tr("Choose a village to set how often its meetings are held") if everyone else ""
        )
        self.due.setVisible(not everyone)
        self.behind.setVisible(everyone)
        if everyone:
            self.show_behind(self.ctx.read(queries.meetings.schedule_by_village))
        else:
            if self.village_combo.township:
                due = self.ctx.read(queries.meetings.schedule, None, village)
                self.due_note.setText(
                    self.tr("{village}: its own meetings against its own frequencies.").format(
                        village=self.village_combo.name(village)
                    )
                )
            else:
                due = self.ctx.read(queries.meetings.schedule)
            self.due_note.setVisible(self.village_combo.township)
            self.due.setRowCount(len(due))
            for r, k in enumerate(due):
                for c, item in enumerate(self.due_cells(k)):
                    self.due.setItem(r, c, item)
            self.fit(self.due)
        self.table.setRowCount(len(self.rows))
        for r, m in enumerate(self.rows):
            values = [
                m.date.isoformat(),
                kind_text(m.kind),
                m.place,
                m.host,
                m.head_count,
                m.solved,
                m.to_ledger,
                m.topics,
                m.village,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, cell(value, number=c in (4, 5, 6)))
        if chosen is not None:
            for r, m in enumerate(self.rows):
                if m.id == chosen.id:
                    self.table.selectRow(r)
        self.show_detail()
        self.shown.emit()

    def due_cells(self, k) -> list:
        """A kind's row: kind, how often, last held, next due, state."""
        if not k.months:
            state = self.tr("No fixed rhythm")
        elif k.last is None:
            state = self.tr("Never held")
        elif k.overdue:
            state = self.tr("Overdue by {days} days").format(days=k.days_overdue)
        else:
            state = self.tr("In time")
        values = [
            kind_text(k.kind),
            self.tr("every {n} months").format(n=k.months) if k.months else "—",
            k.last.isoformat() if k.last else "—",
            k.due.isoformat() if k.due else "—",
            state,
        ]
        items = [cell(v) for v in values]
        if k.overdue:
            items[4].setForeground(QBrush(QColor(ERROR_COLOR)))
        return items

    def show_behind(self, villages: list) -> None:
        """全部村 at a township office: one row per village and overdue kind,
        each village counted on its own meetings."""
        rows = [(v, k) for v in villages for k in v.overdue]
        behind = len({v.village_id for v, _k in rows})
        if not villages:
            note = self.tr("No villages yet: their meetings come with their files.")
        elif not rows:
            note = self.tr(
                "All villages: each village counted on its own meetings. "
                "Every village holds each kind in time."
            )
        else:
            note = self.tr(
                "All villages: each village counted on its own meetings; only the overdue "
                "kinds are listed ({n} of {total} villages behind). Choose a village to see "
                "all its kinds."
            ).format(n=behind, total=len(villages))
        self.due_note.setText(note)
        self.due_note.setVisible(True)
        self.behind.setRowCount(len(rows))
        for r, (v, k) in enumerate(rows):
            for c, item in enumerate([cell(v.village), *self.due_cells(k)]):
                self.behind.setItem(r, c, item)
        self.fit(self.behind)

    def fit(self, table) -> None:
        """The table as tall as its rows (at most ten; it scrolls beyond)."""
        shown = min(table.rowCount(), 10)
        table.setFixedHeight(
            table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(shown)) + 4
        )

    def selected(self):
        r = self.table.currentRow()
        if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[r]
        return None

    def show_detail(self) -> None:
        m = self.selected()
        for b in (self.edit_button, self.print_button, self.delete_button):
            b.setEnabled(m is not None)
        self.attachments.set_owner(m.id if m else None, editable=m is not None)
        if m is None:
            self.detail_label.setText(self.tr("Choose a meeting to see what was raised."))
            return
        lines = [
            f"{m.date.isoformat()} {kind_text(m.kind)}，{m.place}，"
            + self.tr("hosted by {host}, {n} present").format(host=m.host, n=m.head_count)
        ]
        if m.attendees:
            lines.append(
                self.tr("Villagers who came: {names}").format(
                    names="、".join(a.name for a in m.attendees)
                )
            )
        for i, p in enumerate(m.points, 1):
            who = f"（{p.raised_by}）" if p.raised_by else ""
            if p.outcome == "solved":
                how = self.tr("solved on the spot: {how}").format(how=p.solution)
            else:
                how = self.tr("into the ledger as {number}").format(number=p.matter_number)
            lines.append(f"{i}. {p.text}{who} — {how}")
        if m.decisions:
            lines.append(self.tr("Decisions: {text}").format(text=m.decisions))
        self.detail_label.setText("\n".join(lines))

    # ------------------------------------------------------------ actions

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self.ctx, parent=self, village_id=self.village_combo.village_id())
        run_modal(dialog)

    def edit(self) -> None:
        m = self.selected()
        if m is not None:
            run_modal(MeetingDialog(self.ctx, m, parent=self))

    def set_frequencies(self) -> None:
        village = self.village_combo.village_id()
        name = self.village_combo.name(village) if village is not None else ""
        run_modal(FrequencyDialog(self.ctx, parent=self, village_id=village, village_name=name))

    def delete(self) -> None:
        m = self.selected()
        if m is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete meeting"),
            self.tr(
                "Delete the {kind} of {date}? Matters made from its points stay in the ledger."
            ).format(kind=kind_text(m.kind), date=m.date.isoformat()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, mid = self.ctx.operator_id, m.id
        self.ctx.op(self, lambda db: services.meetings.delete_meeting(db, actor, mid)).run()

    def print_minutes(self) -> PrintRun | None:
        m = self.selected()
        if m is None:
            return None
        db, mid = self.db, m.id

        def generate(path: str, job: Job) -> None:
            from village_desk.core.printing import print_minutes

            print_minutes(db, path, mid, job=job)

        title = self.tr("Minutes {date}").format(date=m.date.isoformat())
        self.last_print = generate_and_preview(self.ctx, self, title, f"{title}.pdf", generate)
        return self.last_print
