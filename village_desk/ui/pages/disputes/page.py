"""矛盾纠纷: the disputes under mediation and those settled (矛盾纠纷排查调处).

The list shows each dispute's number (its matter's in the 民情台账), kind,
parties (申请方 — 被申请方), date received, how many mediations were held,
the outcome or 调解中, how many days it took (or has taken so far), and
久调不决 in red for one still without an outcome after the setting's days
(``dispute_overdue_days``). Filters: kind, outcome, 久调不决 only, and at a
township office the village. Below the list the selected dispute's
parties and outcome, and its mediations in a table. Buttons register a
dispute, record a mediation, record the outcome, correct its kind, summary
and parties (``edit.EditDisputeDialog``), print the 人民调解协议书 (or, before
an agreement, the 调解记录), open its matter in the ledger, delete one
registered by mistake, and delete a mediation recorded by mistake (asking
first; not once the outcome is recorded). Read from ``core/queries/disputes.py``, written
through ``core/services/disputes.py`` on the writer thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.disputes import OUTCOMES, SIDES, TYPES
from village_desk.core.jobs import Job
from village_desk.ui.labels import status_label
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.disputes.dialogs import (
    DisputeDialog,
    OutcomeDialog,
    OverdueDaysDialog,
    SessionDialog,
    outcome_text,
    side_text,
    type_text,
)
from village_desk.ui.pages.disputes.edit import EditDisputeDialog
from village_desk.ui.printing.preview import PrintRun, generate_and_preview
from village_desk.ui.widgets.attachments import AttachmentPanel, beside
from village_desk.ui.widgets.forms import ERROR_COLOR, HINT_STYLE, destructive, heading
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.tables import cell
from village_desk.ui.widgets.village_choice import VillageFilter

OPEN = "open"  # the state filter's 调解中

# columns of the list
(
    COL_NUMBER,
    COL_VILLAGE,
    COL_TYPE,
    COL_PARTIES,
    COL_RECEIVED,
    COL_RESPONSIBLE,
    COL_SESSIONS,
    COL_OUTCOME,
    COL_DAYS,
    COL_OVERDUE,
) = range(10)


class DisputesPage(Page):
    watches = frozenset(
        {
            "dispute",
            "dispute_party",
            "mediation_session",
            "matter",
            "cadre",
            "person",
            "household",
            "setting",
            "village_profile",
        }
    )
    shown = Signal()  # the list shows the latest data
    open_matter_requested = Signal(object)  # the dispute's matter, in the 民情台账

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self.last_print: PrintRun | None = None
        self.new_button = QPushButton(self.tr("Register dispute…"))
        self.new_button.setToolTip(self.tr("Register a dispute (Ctrl+N)"))
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Disputes")))
        top.addStretch(1)
        top.addWidget(self.new_button)
        self.days_button = QPushButton(self.tr("Long unresolved after…"))
        top.addWidget(self.days_button)

        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Kind"))
        self.type_combo.addItem(self.tr("All kinds"), None)
        for code in TYPES:
            self.type_combo.addItem(type_text(code), code)
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("Outcome"))
        self.state_combo.addItem(self.tr("All"), None)
        self.state_combo.addItem(outcome_text(""), OPEN)
        for code in OUTCOMES:
            self.state_combo.addItem(outcome_text(code), code)
        self.overdue_check = QCheckBox()
        self.village_combo = VillageFilter(ctx)  # a township office's villages
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.village_combo.label)
        filters.addWidget(self.village_combo)
        filters.addWidget(QLabel(self.tr("Kind")))
        filters.addWidget(self.type_combo)
        filters.addWidget(QLabel(self.tr("Outcome")))
        filters.addWidget(self.state_combo)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        headers = [
            self.tr("No."),
            self.tr("Village"),
            self.tr("Kind"),
            self.tr("Parties"),
            self.tr("Received"),
            self.tr("In charge"),
            self.tr("Mediations"),
            self.tr("Outcome"),
            self.tr("Days"),
            self.tr("Long unresolved"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Dispute list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PARTIES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_VILLAGE, not self.village_combo.township)

        self.session_button = QPushButton(self.tr("Record mediation…"))
        self.outcome_button = QPushButton(self.tr("Record outcome…"))
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.edit_button.setToolTip(self.tr("Correct the kind, what it is about and the parties"))
        self.print_button = QPushButton(self.tr("Print agreement…"))
        self.print_button.setToolTip(
            self.tr(
                "A settled dispute prints as its mediation agreement, one not settled as "
                "its mediation record (Ctrl+P)"
            )
        )
        self.ledger_button = QPushButton(self.tr("Show in ledger"))
        self.delete_button = destructive(QPushButton(self.tr("Delete")))
        actions = QHBoxLayout()
        for b in (
            self.session_button,
            self.outcome_button,
            self.edit_button,
            self.print_button,
            self.ledger_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # the selected dispute's mediations, one to delete if recorded by mistake
        session_headers = [
            self.tr("Date"),
            self.tr("Place"),
            self.tr("Mediators"),
            self.tr("Agreed"),
            self.tr("What was said"),
        ]
        self.sessions_table = QTableWidget(0, len(session_headers))
        self.sessions_table.setHorizontalHeaderLabels(session_headers)
        self.sessions_table.setAccessibleName(self.tr("Mediation records"))
        self.sessions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_table.verticalHeader().hide()
        sessions_header = self.sessions_table.horizontalHeader()
        sessions_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sessions_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.delete_session_button = destructive(QPushButton(self.tr("Delete mediation…")))
        self.delete_session_button.setToolTip(
            self.tr("Delete the chosen mediation, recorded by mistake")
        )
        sessions_row = QHBoxLayout()
        sessions_row.addWidget(heading(self.tr("Mediation records"), 1.0))
        sessions_row.addStretch(1)
        sessions_row.addWidget(self.delete_session_button)
        self.rule_label = QLabel()
        self.rule_label.setStyleSheet(HINT_STYLE)
        self.rule_label.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.detail_label, 1)
        details_layout.addLayout(sessions_row)
        details_layout.addWidget(self.sessions_table, 1)
        self.attachments = AttachmentPanel(ctx, "dispute", self)
        lower_layout.addLayout(beside(details, self.attachments), 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.rule_label)

        self.new_button.clicked.connect(self.new_dispute)
        self.days_button.clicked.connect(self.set_overdue_days)
        self.session_button.clicked.connect(self.record_session)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.edit_button.clicked.connect(self.edit_dispute)
        self.delete_session_button.clicked.connect(self.delete_session)
        self.sessions_table.itemSelectionChanged.connect(self.show_session_buttons)
        self.print_button.clicked.connect(self.print_dispute)
        self.ledger_button.clicked.connect(self.show_in_ledger)
        self.delete_button.clicked.connect(self.delete)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.cellActivated.connect(lambda _r, _c: self.record_session())
        for combo in (self.type_combo, self.state_combo, self.village_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_check.toggled.connect(lambda _on: self.refresh())
        self.refresh()

    # ------------------------------------------------------------ reading

    def reload_choices(self) -> None:
        if not self.village_combo.reload():
            self.refresh()

    def show_filter(self, overdue: bool = False) -> None:
        """The list with only the 久调不决 ones (the work bench's tile), or all."""
        for combo in (self.type_combo, self.state_combo, self.village_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue_check.blockSignals(True)
        self.overdue_check.setChecked(overdue)
        self.overdue_check.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        state = self.state_combo.currentData()
        if self.overdue_check.isChecked() and state in (None, OPEN):
            state = "overdue"
        rows = self.ctx.read(
            queries.disputes.disputes, type=self.type_combo.currentData(), state=state
        )
        if self.overdue_check.isChecked():
            rows = [r for r in rows if r.overdue]
        village = self.village_combo.village_id()
        if village is not None:
            name = self.village_combo.name(village)
            rows = [r for r in rows if r.village == name]
        self.rows = rows
        days = self.ctx.read(queries.disputes.overdue_days)
        self.overdue_check.setText(
            self.tr("Long unresolved only (over {days} days)").format(days=days)
        )
        self.rule_label.setText(
            self.tr(
                "Long unresolved: still without an outcome more than {days} days after it was "
                "received (the number of days is set with “Long unresolved after…”). Days: from "
                "receipt to the outcome, or to today."
            ).format(days=days)
        )
        self.table.setRowCount(len(rows))
        red = QBrush(QColor(ERROR_COLOR))
        for r, d in enumerate(rows):
            outcome = outcome_text(d.outcome)
            if d.outcome and d.outcome_date:
                outcome += f"（{d.outcome_date.isoformat()}）"
            values = [
                d.number,
                d.village,
                type_text(d.type),
                d.party_names,
                d.received_date.isoformat(),
                d.responsible,
                len(d.sessions),
                outcome,
                d.age,
                self.tr("Long unresolved") if d.overdue else "",
            ]
            for c, value in enumerate(values):
                item = cell(value, number=c in (COL_SESSIONS, COL_DAYS))
                if d.overdue and c in (COL_DAYS, COL_OVERDUE):
                    item.setForeground(red)
                    item.setToolTip(self.tr("No outcome after {days} days").format(days=d.age))
                self.table.setItem(r, c, item)
        overdue = sum(1 for d in rows if d.overdue)
        self.count_label.setText(
            self.tr("{n} disputes, {open} under mediation, {overdue} long unresolved").format(
                n=len(rows), open=sum(1 for d in rows if not d.outcome), overdue=overdue
            )
        )
        if chosen is not None:
            self.select(chosen.id)
        self.show_detail()
        self.shown.emit()

    def selected(self):
        r = self.table.currentRow()
        if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection():
            return self.rows[r]
        return None

    def select(self, dispute_id) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == dispute_id:
                self.table.selectRow(r)
                return True
        return False

    def show_detail(self) -> None:
        d = self.selected()
        self.attachments.set_owner(d.id if d else None, editable=d is not None)
        buttons = (
            self.session_button,
            self.outcome_button,
            self.edit_button,
            self.print_button,
            self.ledger_button,
            self.delete_button,
        )
        for b in buttons:
            b.setEnabled(d is not None)
        self.show_sessions(d)
        if d is None:
            self.detail_label.setText(
                self.tr("Choose a dispute to see its parties and mediations.")
            )
            return
        self.session_button.setEnabled(not d.outcome)
        self.outcome_button.setEnabled(not d.outcome)
        lines = [
            f"{d.number}  {type_text(d.type)}：{d.summary}",
            self.tr("In charge: {name}; in the ledger: {status}").format(
                name=d.responsible, status=status_label(d.matter_status)
            ),
        ]
        for side in SIDES:
            names = "、".join(
                p.name + (f"（{p.household}）" if p.household else "") for p in d.side(side)
            )
            lines.append(f"{side_text(side)}：{names}")
        if not d.sessions:
            lines.append(self.tr("No mediation recorded yet."))
        if d.outcome:
            text = d.agreement_text or d.outcome_note
            lines.append(
                self.tr("Outcome on {date}: {outcome}. {text}").format(
                    date=d.outcome_date.isoformat() if d.outcome_date else "",
                    outcome=outcome_text(d.outcome),
                    text=text,
                )
            )
        elif d.overdue:
            lines.append(
                self.tr("Long unresolved: no outcome after {days} days.").format(days=d.age)
            )
        self.detail_label.setText("\n".join(lines))

    def show_sessions(self, d) -> None:
        """The dispute's mediations, oldest first."""
        sessions = d.sessions if d is not None else ()
        self.sessions_table.setRowCount(len(sessions))
        for r, s in enumerate(sessions):
            values = [
                s.date.isoformat(),
                s.place,
                s.mediators,
                self.tr("agreed") if s.agreed else self.tr("not agreed"),
                s.notes,
            ]
            for c, value in enumerate(values):
                self.sessions_table.setItem(r, c, cell(value))
        self.show_session_buttons()

    def selected_session(self):
        d = self.selected()
        r = self.sessions_table.currentRow()
        if d is None or not self.sessions_table.selectionModel().hasSelection():
            return None
        return d.sessions[r] if 0 <= r < len(d.sessions) else None

    def show_session_buttons(self) -> None:
        d = self.selected()
        settled = d is not None and bool(d.outcome)
        self.delete_session_button.setEnabled(self.selected_session() is not None and not settled)
        self.delete_session_button.setToolTip(
            self.tr("A mediation of a dispute with its outcome recorded stays")
            if settled
            else self.tr("Delete the chosen mediation, recorded by mistake")
        )

    # ------------------------------------------------------------ writing

    def _open(self, dialog: QDialog) -> bool:
        return run_modal(dialog) == QDialog.DialogCode.Accepted

    def new_dispute(self) -> DisputeDialog:
        dialog = DisputeDialog(self.ctx, parent=self)
        self._open(dialog)
        return dialog

    def record_session(self) -> None:
        d = self.selected()
        if d is not None and not d.outcome:
            self._open(SessionDialog(self.ctx, d, parent=self))

    def record_outcome(self) -> None:
        d = self.selected()
        if d is not None and not d.outcome:
            self._open(OutcomeDialog(self.ctx, d, parent=self))

    def edit_dispute(self) -> EditDisputeDialog | None:
        d = self.selected()
        if d is None:
            return None
        dialog = EditDisputeDialog(self.ctx, d, parent=self)
        self._open(dialog)
        return dialog

    def delete_session(self) -> None:
        d, s = self.selected(), self.selected_session()
        if d is None or s is None or d.outcome:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete mediation"),
            self.tr(
                "Delete the mediation of {date} at {place} (by {who}) from the dispute "
                "{number}? Only for one recorded by mistake."
            ).format(date=s.date.isoformat(), place=s.place, who=s.mediators, number=d.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, sid = self.ctx.operator_id, s.id
        self.ctx.op(self, lambda db: services.disputes.delete_session(db, actor, sid)).run()

    def set_overdue_days(self) -> None:
        self._open(OverdueDaysDialog(self.ctx, parent=self))

    def show_in_ledger(self) -> None:
        d = self.selected()
        if d is not None:
            self.open_matter_requested.emit(d.matter_id)

    def delete(self) -> None:
        d = self.selected()
        if d is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete dispute"),
            self.tr(
                "Delete the dispute {number} ({parties}) with its mediations and its matter "
                "in the ledger? Only for one registered by mistake."
            ).format(number=d.number, parties=d.party_names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        actor, did = self.ctx.operator_id, d.id
        self.ctx.op(self, lambda db: services.disputes.delete_dispute(db, actor, did)).run()

    # ------------------------------------------------------------ printing

    def print_dispute(self) -> PrintRun | None:
        d = self.selected()
        if d is None:
            return None
        db, did = self.db, d.id

        def generate(path: str, job: Job) -> None:
            from village_desk.core.printing import print_dispute

            print_dispute(db, path, did, job=job)

        if d.outcome == "success":
            title = self.tr("Mediation agreement {number}").format(number=d.number)
        else:
            title = self.tr("Mediation record {number}").format(number=d.number)
        self.last_print = generate_and_preview(self.ctx, self, title, f"{title}.pdf", generate)
        return self.last_print
