"""设置 → 安全 → 完整号码导出/查看记录: where ID numbers and phones were shown
in full — unmasked ledger exports, phones revealed on a household's page,
``history --unmasked`` — newest first: when, (at a township office) which
village, who, what, the file or household, the period, how many households
and people. Read-only: the records are journaled and travel to the township
with the village's data; nobody can remove them here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.ui.pages.base import DataView
from village_desk.ui.widgets.forms import HINT_STYLE
from village_desk.ui.widgets.tables import cell, row_table

SHOWN = 200  # the newest ones; ``village-desk disclosures --limit`` for more
COL_VILLAGE = 1
COL_FILE = 4


class DisclosureList(DataView):
    watches = frozenset({"disclosure", "village_profile"})

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.rows: list = []
        self.township = bool(ctx.read(queries.reference.is_township))
        self.box = QGroupBox(self.tr("Full ID numbers and phones shown"))
        hint = QLabel(
            self.tr(
                "Each time ID numbers or phones were shown in full — a ledger workbook "
                "exported without masking, a household's phones shown on its page, a "
                "record's history printed in full — it is recorded here, newest first "
                "(the newest {n}). The records go to the township with the village's data "
                "and cannot be removed."
            ).format(n=SHOWN)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.table = row_table(
            [
                self.tr("When"),
                self.tr("Village"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("File or household"),
                self.tr("Period"),
                self.tr("Households"),
                self.tr("People"),
            ]
        )
        self.table.setAccessibleName(self.tr("Full ID numbers and phones shown"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setColumnHidden(COL_VILLAGE, not self.township)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the file's name takes the room, not a count
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.empty = QLabel(self.tr("Nothing yet: no full numbers were shown."))
        inner = QVBoxLayout(self.box)
        inner.addWidget(hint)
        inner.addWidget(self.empty)
        inner.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.ctx.read(queries.disclosures.disclosures, limit=SHOWN)
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self.table.setRowCount(len(self.rows))
        for r, d in enumerate(self.rows):
            values = [
                d.at.replace("T", " "),
                d.village or (self.tr("(township)") if self.township else ""),
                d.by_name,
                d.kind_label,
                d.file_name,
                d.period,
                d.households,
                d.people,
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, cell(value, number=c >= 6))
