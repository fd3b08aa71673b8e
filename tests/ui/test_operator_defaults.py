"""Whoever is at the keyboard is the default wherever a form asks for a cadre:
the pairing dialog, a new matter's responsible cadre, a diary entry's author."""

from __future__ import annotations

from village_desk.core import queries
from village_desk.ui.pages.households.forms import PairingDialog
from village_desk.ui.pages.ledger.matter import MatterDialog


def test_forms_default_to_the_current_operator(window, qtbot):
    ctx = window.ctx
    cadres = ctx.read(queries.reference.cadres)
    operator = cadres[-1]  # not the first in the list: a default of "the first" shows
    assert operator.id != cadres[0].id
    ctx.set_operator(operator.id)
    household = window.households_page.model.household(0).id

    pairing = PairingDialog(ctx, household, window)
    qtbot.addWidget(pairing)
    assert pairing.cadre_combo.currentText() == operator.name

    matter = MatterDialog(ctx, household, window)
    qtbot.addWidget(matter)
    assert matter.responsible_combo.currentText() == operator.name

    editor = window.diary_page.new_entry([household])
    assert editor.author_combo.currentText() == operator.name
