"""Dialogs fit a small screen (1024×600 less the task bar) with large text:
the dialog is no taller than the screen, its contents scroll, and its
Save / OK button is always in view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox

from tests.ui.helpers import exposed
from village_desk.core import queries
from village_desk.core.queries.matters import MatterFilter
from village_desk.ui.first_run import FirstRunDialog
from village_desk.ui.operator import OperatorDialog
from village_desk.ui.pages.assessment.dialogs import AssessmentDialog, DrawDialog
from village_desk.ui.pages.disputes.dialogs import DisputeDialog, OutcomeDialog, SessionDialog
from village_desk.ui.pages.exchange.roster_import import RosterImportDialog
from village_desk.ui.pages.households.forms import (
    EndPairingDialog,
    HouseholdDialog,
    PairingDialog,
    PersonDialog,
)
from village_desk.ui.pages.ledger.matter import ActionDialog, MatterDialog
from village_desk.ui.pages.settings.page import CadreDialog
from village_desk.ui.pages.six_ones.dialogs import ActivityDialog
from village_desk.ui.prefs import apply_font_size
from village_desk.ui.printing.dialogs import (
    CardPrintDialog,
    DiaryPrintDialog,
    LedgerPrintDialog,
    ReferralDialog,
)
from village_desk.ui.widgets import sizing

SCREEN = QRect(0, 0, 1024, 600 - 40)  # the free area above a 40-px task bar
TITLE_BAR = 30
YEAR = dt.date.today().year


def first_cadre_year(ctx):
    return ctx.read(queries.assessment.assessment_year, YEAR).cadres[0]


def first_matter(ctx, status: str):
    return ctx.read(queries.matters.matter_page, MatterFilter(statuses=(status,)), 0, 1)[0]


def open_dispute(ctx):
    return ctx.read(queries.disputes.disputes, state="open")[0]


DIALOGS = {
    "new household": lambda ctx, hh: HouseholdDialog(ctx),
    "edit household": lambda ctx, hh: HouseholdDialog(ctx, hh),
    "member": lambda ctx, hh: PersonDialog(ctx, hh),
    "pairing": lambda ctx, hh: PairingDialog(ctx, hh),
    "end pairing": lambda ctx, hh: EndPairingDialog(
        ctx, ctx.read(queries.households.pairings, hh)[0].id
    ),
    "new matter": lambda ctx, hh: MatterDialog(ctx, hh),
    "edit matter": lambda ctx, hh: MatterDialog(ctx, matter_id=first_matter(ctx, "done").id),
    "return visit": lambda ctx, hh: ActionDialog(ctx, first_matter(ctx, "done"), "feedback"),
    "return": lambda ctx, hh: ActionDialog(ctx, first_matter(ctx, "registered"), "return"),
    "forward": lambda ctx, hh: ActionDialog(ctx, first_matter(ctx, "registered"), "forward"),
    "cadre": lambda ctx, hh: CadreDialog(ctx),
    "roster import": lambda ctx, hh: RosterImportDialog(ctx),
    "first run": lambda ctx, hh: FirstRunDialog(ctx),
    "operator": lambda ctx, hh: OperatorDialog(ctx.db, ctx.prefs),
    "cards": lambda ctx, hh: CardPrintDialog(ctx, total=40),
    "notice": lambda ctx, hh: LedgerPrintDialog(ctx, LedgerPrintDialog.NOTICE),
    "diary print": lambda ctx, hh: DiaryPrintDialog(ctx, None),
    "referral": lambda ctx, hh: ReferralDialog(ctx, first_matter(ctx, "forwarded").number),
    "dispute": lambda ctx, hh: DisputeDialog(ctx),
    "mediation": lambda ctx, hh: SessionDialog(ctx, open_dispute(ctx)),
    "dispute outcome": lambda ctx, hh: OutcomeDialog(ctx, open_dispute(ctx)),
    "spot-check": lambda ctx, hh: DrawDialog(ctx),
    "evaluations": lambda ctx, hh: AssessmentDialog(ctx, first_cadre_year(ctx), YEAR),
    "activity": lambda ctx, hh: ActivityDialog(ctx),
}


@pytest.fixture
def small_screen(monkeypatch):
    """A 1024×600 screen, and 大字体 on."""
    monkeypatch.setattr(sizing, "available_geometry", lambda widget: QRect(SCREEN))
    app = QApplication.instance()
    apply_font_size(app, True)
    yield
    apply_font_size(app, False)


def main_button(dialog) -> QAbstractButton:
    """Save / OK / the dialog's default button: the one that must stay in view."""
    box = dialog.findChild(QDialogButtonBox)
    if box is not None:
        for role in (
            QDialogButtonBox.StandardButton.Save,
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Close,
        ):
            if box.button(role) is not None:
                return box.button(role)
    for name in ("next_button", "close_button", "import_button", "start_button"):
        button = getattr(dialog, name, None)
        if button is not None and button.isVisible():
            return button
    raise AssertionError(f"no main button in {type(dialog).__name__}")


@pytest.mark.parametrize("name", DIALOGS)
def test_a_dialog_fits_a_small_screen_and_keeps_its_buttons_in_view(ctx, qtbot, small_screen, name):
    hh = ctx.read(queries.households.household_page, queries.households.HouseholdFilter())[0].id
    ctx.set_operator(ctx.read(queries.reference.cadres)[0].id)
    dialog = DIALOGS[name](ctx, hh)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    assert dialog.height() + TITLE_BAR <= SCREEN.height(), dialog.size()
    assert dialog.width() <= SCREEN.width(), dialog.size()
    assert dialog.minimumSizeHint().height() + TITLE_BAR <= SCREEN.height()
    button = main_button(dialog)
    assert button.isVisible()
    where = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
    assert dialog.rect().contains(where), (where, dialog.rect())
    dialog.done(0)
