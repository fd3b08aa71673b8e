"""The 设置 page: one Save is one transaction, refusals land at their field, and
unsaved input survives changes made elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from tests.ui.helpers import (
    click,
    exposed,
    on_modal,
    raise_problems,
    settle,
    type_chinese,
    wait_ops,
)
from village_desk.core import queries, services
from village_desk.core.storage.models import Change
from village_desk.ui.pages.settings.page import SettingsPage


def transactions(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(Change.tx_id.distinct())))


def setting(db, key):
    return db.read(queries.reference.get_setting, key)


@pytest.fixture
def page(ctx, qtbot):
    p = SettingsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    exposed(p)
    return p


def test_saving_the_rules_is_one_transaction(page, ctx, demo_db, qtbot):
    page.tabs.setCurrentIndex(4)
    page.deadline_spins[""].setValue(20)
    page.due_soon_spin.setValue(5)
    page.long_unvisited_spin.setValue(60)
    page.monthly_min_spin.setValue(12)
    page.duty_checks[4].setChecked(True)  # Friday too
    before = transactions(demo_db)
    click(qtbot, page.rules_save)
    wait_ops(qtbot, ctx)
    assert transactions(demo_db) == before + 1
    assert setting(demo_db, "default_deadline_days")[""] == 20
    assert setting(demo_db, "due_soon_days") == 5
    assert setting(demo_db, "long_unvisited_days") == 60
    assert setting(demo_db, "monthly_visit_minimum") == 12
    assert setting(demo_db, "duty_days") == [2, 4, 5]


def test_a_refused_card_saves_nothing_and_says_where(page, ctx, demo_db, qtbot):
    page.tabs.setCurrentIndex(6)
    slogan = setting(demo_db, "card_slogan")
    page.slogan_edit.setText("新标语")
    page.card_title_edit.clear()
    before = transactions(demo_db)
    click(qtbot, page.card_save)
    wait_ops(qtbot, ctx)
    title_error = page.card_errors.label_for("setting.card_title")
    assert title_error.isVisible() and "标题" in title_error.text()
    assert transactions(demo_db) == before and setting(demo_db, "card_slogan") == slogan
    assert page.slogan_edit.text() == "新标语"  # what was typed stays for correcting

    type_chinese(page.card_title_edit, "干群连心卡")
    click(qtbot, page.card_save)
    wait_ops(qtbot, ctx)
    assert transactions(demo_db) == before + 1
    assert not title_error.isVisible() and page.card_general.text() == "已保存。"
    assert (setting(demo_db, "card_title"), setting(demo_db, "card_slogan")) == (
        "干群连心卡",
        "新标语",
    )


def test_unsaved_input_survives_changes_made_elsewhere(page, ctx, demo_db, qtbot):
    # typed on three tabs, not saved
    page.card_title_edit.setText("还没保存的标题")
    page.profile_edits["hotline"].setText("12345")
    page.due_soon_spin.setValue(9)
    page.deadline_spins["proposal"].setValue(44)
    role = demo_db.read(queries.reference.cadres)[0].role
    unit, number, _period = page.quota_widgets[role]
    unit.setCurrentIndex(unit.findData("visits"))
    number.setValue(77)
    # meanwhile: a group added (another page), a matter kind and a role added here
    ctx.op(None, lambda db: services.setup.add_group(db, None, "十二组")).run()
    ctx.op(
        None, lambda db: services.setup.add_vocab_term(db, None, "matter_kind", "环境卫生")
    ).run()
    ctx.op(None, lambda db: services.setup.add_vocab_term(db, None, "role", "护林员")).run()
    ctx.op(
        None, lambda db: services.setup.save_settings(db, None, {"card_title": "别处改的"})
    ).run()
    settle(qtbot, ctx)

    groups = [page.groups_list.item(i).text() for i in range(page.groups_list.count())]
    assert "十二组" in groups  # the lists follow
    assert (
        len(page.deadline_spins) == len(demo_db.read(queries.reference.choices, "matter_kind")) + 1
    )
    assert len(page.quota_widgets) == len(
        demo_db.read(queries.reference.vocabulary, "role", include_retired=True)
    )
    # what was typed is still there
    assert page.card_title_edit.text() == "还没保存的标题"
    assert page.profile_edits["hotline"].text() == "12345"
    assert page.due_soon_spin.value() == 9
    assert page.deadline_spins["proposal"].value() == 44
    unit, number, _period = page.quota_widgets[role]
    assert (unit.currentData(), number.value()) == ("visits", 77)
    # a new kind's row starts from the saved default
    kinds = demo_db.read(queries.reference.choices, "matter_kind")
    new_kind = next(code for code, label in kinds if label == "环境卫生")
    assert page.deadline_spins[new_kind].value() == setting(demo_db, "default_deadline_days")[""]


def test_an_inactive_cadre_is_added_in_one_transaction(page, ctx, demo_db, qtbot):
    problems: list = []
    page.tabs.setCurrentIndex(2)
    rows = page.cadres_table.rowCount()
    before = transactions(demo_db)

    def add(dialog):
        type_chinese(dialog.name_edit, "退休老干部")
        click(qtbot, dialog.active_check)
        assert not dialog.active_check.isChecked()
        click(
            qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        )

    on_modal(qtbot, add, problems)
    click(qtbot, page.cadre_add)
    raise_problems(problems)
    settle(qtbot, ctx)
    assert transactions(demo_db) == before + 1
    assert page.cadres_table.rowCount() == rows + 1
    names = [page.cadres_table.item(r, 0).text() for r in range(rows + 1)]
    row = names.index("退休老干部")
    assert page.cadres_table.item(row, 4).text() == "否"
    assert "退休老干部" not in [c.name for c in demo_db.read(queries.reference.cadres)]


def test_saving_quotas_keeps_a_campaigns_dates(page, ctx, demo_db, qtbot):
    role = demo_db.read(queries.reference.cadres)[0].role
    quotas = setting(demo_db, "visit_quotas") or {}
    quotas[role] = {
        "households": 60,
        "period": "campaign",
        "start": "2026-09-01",
        "end": "2026-12-31",
    }
    ctx.op(None, lambda db: services.setup.save_settings(db, None, {"visit_quotas": quotas})).run()
    settle(qtbot, ctx)
    page._load_quotas()  # (what the page shows when opened)
    unit, number, _period = page.quota_widgets[role]
    assert number.value() == 60
    number.setValue(70)
    tab = next(
        i for i in range(page.tabs.count()) if page.tabs.widget(i).isAncestorOf(page.quotas_save)
    )
    page.tabs.setCurrentIndex(tab)
    click(qtbot, page.quotas_save)
    wait_ops(qtbot, ctx)
    saved = setting(demo_db, "visit_quotas")[role]
    assert saved["households"] == 70
    assert (saved["start"], saved["end"]) == ("2026-09-01", "2026-12-31")
