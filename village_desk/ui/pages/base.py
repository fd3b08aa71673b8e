"""What every page of the main window shares: the application context, and
redrawing when data it shows changed — whichever page, dialog or import
changed it (``AppContext.data_changed``).

A page lists the record tables it shows in :attr:`Page.watches`. When a
change touches one of them, a visible page refreshes at once and a hidden one
when it is next shown. Changes to reference data (groups, cadres,
vocabularies, settings) also call :meth:`Page.reload_choices`, so combos offer
the new choices.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from village_desk.core.storage.changes import Changes

REFERENCE_TABLES = frozenset(
    {"village_profile", "villager_group", "cadre", "vocab_term", "setting"}
)
HOUSEHOLD_TABLES = frozenset({"household", "person", "pairing"})
DIARY_TABLES = frozenset({"diary_entry", "diary_household", "diary_item"})
LEDGER_TABLES = frozenset({"matter", "matter_note"})
ALL_TABLES = REFERENCE_TABLES | HOUSEHOLD_TABLES | DIARY_TABLES | LEDGER_TABLES


class DataView(QWidget):
    """A widget that shows records and redraws when they change.

    :meth:`affected_by` decides from a :class:`Changes` report whether this
    view shows any of it (by default: a change to one of :attr:`watches`); a
    visible view then refreshes at once, a hidden one when next shown.
    Reference changes also call :meth:`reload_choices`."""

    #: the record tables whose changes this view shows
    watches: frozenset[str] = ALL_TABLES

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        self.stale = False
        ctx.data_changed.connect(self._on_data_changed)

    def affected_by(self, changes: Changes) -> bool:
        return changes.touches(*self.watches)

    @Slot(object)
    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(*REFERENCE_TABLES):
            self.reload_choices()
        if not self.affected_by(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the view shows (override)."""

    def reload_choices(self) -> None:
        """Re-read the choices its combos offer (override)."""


class Page(DataView):
    """A page of the main window (one per area: households, diary, ledger…)."""
