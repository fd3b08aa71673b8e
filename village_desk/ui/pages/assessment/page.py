"""考核: the township's spot-checks of diaries and the yearly assessment.

Two tabs: 日记抽查 (:mod:`.spot_checks`: draw a reproducible sample of a
village's or a cadre's diary entries, record a finding per entry, print the
record; usable in the read-only inspector's session) and 年度考核
(:mod:`.year`: each cadre's figures of a year with the 三评 and a place, at
a township office also the villages ranked); and 六个一
(:class:`~village_desk.ui.pages.six_ones.view.SixOnesView`: each cadre's
checklist of the year, and the talks, joint services and projects).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from village_desk.ui.pages.assessment.spot_checks import SpotChecksTab
from village_desk.ui.pages.assessment.year import YearTab
from village_desk.ui.pages.base import Page
from village_desk.ui.pages.six_ones.view import SixOnesView


class AssessmentPage(Page):
    watches = frozenset()  # each tab redraws itself

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.spot_checks = SpotChecksTab(ctx)
        self.year = YearTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.spot_checks, self.tr("Diary spot-checks"))
        self.tabs.addTab(self.year, self.tr("Yearly assessment"))
        self.six_ones = SixOnesView(ctx)
        self.tabs.addTab(self.six_ones, self.tr("Six ones"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)

    def show_year(self) -> None:
        self.tabs.setCurrentWidget(self.year)

    def show_spot_checks(self) -> None:
        self.tabs.setCurrentWidget(self.spot_checks)

    def show_six_ones(self) -> None:
        self.tabs.setCurrentWidget(self.six_ones)

    def on_six_ones(self) -> bool:
        """Is the 六个一 tab showing (Ctrl+N records an activity there)?"""
        return self.tabs.currentWidget() is self.six_ones
