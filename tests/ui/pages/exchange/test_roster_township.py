"""导入花名册 at a township office: the dialog asks which village the roster
is of (both villages have a 01-001 and a 一组), refuses a dry run without
one at the field, and imports into the chosen village only. On a village
laptop the choice is not shown."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.core.excel.test_roster_township import (
    OFFICE,
    TAOHUA,
    WANG,
    XINGHUA,
    ZHANG,
    _village_with_household,
)
from tests.core.exchange.test_package import Copy
from tests.ui.helpers import click, exposed
from village_desk.core.storage.models import Household, Person, VillageProfile
from village_desk.ui.pages.exchange.roster_import import RosterImportDialog


@pytest.fixture
def township(tmp_path, settings):
    from village_desk.ui.context import AppContext

    a = _village_with_household(tmp_path, "a", TAOHUA, "张三丰", ZHANG)
    b = _village_with_household(tmp_path, "b", XINGHUA, "王五", WANG)
    t = Copy(tmp_path, "t", **OFFICE)
    for village in (a, b):
        t.take(village.export(tmp_path / "out").path)
        village.db.close()
    context = AppContext(t.db, settings)
    yield context
    context.close()
    t.db.close()


def roster(path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "组别"])
    ws.append(["01-001", "王五", "户主", WANG, "一组"])
    ws.append([None, "王妻", "配偶", None, None])
    wb.save(path)
    return path


def open_dialog(ctx, qtbot, path) -> RosterImportDialog:
    dialog = RosterImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    dialog.ask_open_path = lambda _folder: str(path)
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=10000)
    return dialog


def test_the_office_chooses_the_roster_s_village(township, qtbot, tmp_path):
    dialog = open_dialog(township, qtbot, roster(tmp_path / "杏花村花名册.xlsx"))
    combo = dialog.village_combo
    assert combo.isVisible()
    assert combo.currentText() == "选择花名册所属的村…"
    assert sorted(combo.itemText(i) for i in range(1, combo.count())) == ["杏花村", "桃花村"]

    click(qtbot, dialog.check_button)  # no village yet: refused at the field
    assert dialog.error.isVisible() and dialog.error.text() == "请选择花名册所属的村。"
    assert dialog.step() == dialog.STEP_FILE and combo.hasFocus()

    combo.setCurrentIndex(combo.findText("杏花村"))
    assert not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        click(qtbot, dialog.check_button)
    assert dialog.step() == dialog.STEP_REVIEW
    assert dialog.review_heading.text() == "2. 导入前检查 · 杏花村"
    assert "新增 <b>1</b>" in dialog.counts_label.text()
    assert "不变 <b>1</b>" in dialog.counts_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.import_button)

    with township.db.reading() as s:
        xinghua = s.scalar(select(VillageProfile.id).where(VillageProfile.village == "杏花村"))
        (placed,) = s.execute(
            select(Person.village_id, Household.number, Household.village_id)
            .join(Household, Household.id == Person.household_id)
            .where(Person.name == "王妻")
        ).all()
    assert placed == (xinghua, "01-001", xinghua)


def test_a_village_laptop_is_not_asked(ctx, qtbot, tmp_path):
    dialog = RosterImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    assert not dialog.village_combo.isVisible() and not dialog.village_label.isVisible()
