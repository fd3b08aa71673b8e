"""The 数据交换 page: exchange files with the township and the village's other
laptops (:class:`~.packages.ExchangeFilesPanel`), the township ledger workbook
out, household rosters in.

Export happens on the page itself (:class:`~.ledger_export.LedgerExportPanel`);
roster import opens :class:`~.roster_import.RosterImportDialog`. The page
tells the window when a workbook was written (:attr:`ExchangePage.exported`,
the time, for the status bar); what an import changed reaches the other pages
through ``AppContext.data_changed``. 制表人 follows the operator
(``AppContext.operator_changed``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.exchange.ledger_export import LAST_EXPORT_KEY, LedgerExportPanel
from village_desk.ui.pages.exchange.packages import ExchangeFilesPanel
from village_desk.ui.widgets.forms import HINT_STYLE, heading

LAST_IMPORT_KEY = "exchange/last_import"


class ExchangePage(Page):
    watches = frozenset()
    exported = Signal(str)  # "2026-11-05 14:30": a ledger workbook was written
    review_requested = Signal()  # an exchange import left conflicts or broken rules

    def __init__(self, ctx, today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.prefs = ctx.prefs
        self.import_dialog = None

        self.files_panel = ExchangeFilesPanel(ctx)
        self.files_panel.review_requested.connect(self.review_requested)

        self.export_panel = LedgerExportPanel(ctx, today=today)
        self.export_panel.exported.connect(self._exported)

        self.import_box = QGroupBox(self.tr("Import a household roster (Excel)"))
        intro = QLabel(
            self.tr(
                "Bring households and members in from the roster (花名册) the village already "
                "keeps: .xlsx, .xls or .ods, title rows and several sheets are fine. A dry run "
                "shows row by row what would be created, updated or refused before anything "
                "is written; importing the same file again creates no duplicates."
            )
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import a roster…"))
        self.import_button.clicked.connect(self.open_import)
        self.last_import_label = QLabel()
        self.last_import_label.setStyleSheet(HINT_STYLE)
        self.last_import_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.last_import_label, 1)
        row.addWidget(self.import_button)
        box = QVBoxLayout(self.import_box)
        box.addWidget(intro)
        box.addLayout(row)

        self.last_export_label = QLabel()
        self.last_export_label.setStyleSheet(HINT_STYLE)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("Data exchange")))
        layout.addWidget(self.files_panel)
        layout.addWidget(self.last_export_label)
        layout.addWidget(self.export_panel)
        layout.addWidget(self.import_box)
        layout.addStretch(1)
        content.setMaximumWidth(960)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show_history()
        ctx.operator_changed.connect(self._operator_changed)
        self._operator_changed(ctx.operator_id)

    # ------------------------------------------------------------ state

    @Slot(object)
    def _operator_changed(self, operator_id: uuid.UUID | None) -> None:
        """The current operator is 制表人 of exports (and author of imports)."""
        name = ""
        if operator_id is not None:
            cadres = self.ctx.read(queries.reference.cadres)
            name = next((c.name for c in cadres if c.id == operator_id), "")
        self.export_panel.set_operator_name(name)

    def reload_choices(self) -> None:
        """A renamed operator is 制表人 under the new name."""
        self._operator_changed(self.ctx.operator_id)

    def _show_history(self) -> None:
        last_export = self.prefs.value(LAST_EXPORT_KEY)
        self.last_export_label.setText(
            self.tr("Last ledger export on this computer: {when}").format(when=last_export)
            if last_export
            else self.tr("No ledger exported from this computer yet.")
        )
        last_import = self.prefs.value(LAST_IMPORT_KEY)
        try:
            when, created, updated, refused = last_import
        except (TypeError, ValueError):
            self.last_import_label.setText("")
            return
        self.last_import_label.setText(
            self.tr(
                "Last import: {when}, {created} new, {updated} updated, {refused} not imported."
            ).format(when=when, created=created, updated=updated, refused=refused)
        )

    def showEvent(self, event: QShowEvent) -> None:
        self._show_history()
        self.files_panel.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------ actions

    @Slot(str)
    def _exported(self, when: str) -> None:
        self._show_history()
        self.exported.emit(when)

    @Slot()
    def open_import(self):
        """Open the roster import dialog (modal); returns it."""
        from village_desk.ui.pages.exchange.roster_import import RosterImportDialog

        dialog = RosterImportDialog(self.ctx, self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _imported(self, plan) -> None:
        counts = plan.counts()
        when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        numbers = [str(counts.get(a, 0)) for a in ("created", "updated", "refused")]
        self.prefs.setValue(LAST_IMPORT_KEY, [when, *numbers])
        self._show_history()
