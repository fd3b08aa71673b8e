"""A township office's 户情, 民情台账 and 民情日记 hold all its villages: a 村
column says whose each row is, a 村 filter shows one village, and a new
household is put into a village chosen in the form (its groups follow).
桃花村 and 杏花村 each have a 一组 and a household 01-001."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.core.exchange.test_package import OFFICE, Copy
from tests.core.queries.test_township import TAOHUA, XINGHUA, matter, visit
from tests.core.services.test_township_households import new_household
from tests.ui.helpers import click, exposed, type_chinese, wait_ops
from tests.ui.test_flow import valid_id
from village_desk.core import queries, services
from village_desk.ui.pages.diary.model import VILLAGE_COLUMN
from village_desk.ui.pages.diary.page import DiaryPage
from village_desk.ui.pages.households.forms import HouseholdDialog
from village_desk.ui.pages.households.model import Col
from village_desk.ui.pages.households.page import HouseholdsPage
from village_desk.ui.pages.ledger.matter import MatterDialog
from village_desk.ui.pages.ledger.model import Col as MatterCol
from village_desk.ui.pages.ledger.page import LedgerPage


@pytest.fixture
def office(tmp_path, settings):
    from village_desk.ui.context import AppContext

    a, b = Copy(tmp_path, "a", **TAOHUA), Copy(tmp_path, "b", **XINGHUA)
    t = Copy(tmp_path, "t", **OFFICE)
    today = dt.date.today()
    for copy, head, phone in ((a, "张大山", "13907310001"), (b, "李小河", "13907310002")):
        services.setup.add_group(copy.db, None, "一组")
        cadre = services.setup.add_cadre(copy.db, None, f"{head[0]}书记", "secretary", phone)
        hid = new_household(copy.db, "01-001", head)
        visit(copy, cadre, today, "home_visit", [hid])
        matter(copy, cadre, hid, today, today + dt.timedelta(days=10))
        t.take(copy.export(tmp_path / f"{head}.vdx").path)
        copy.db.close()
    context = AppContext(t.db, settings)
    yield context
    context.close()
    t.db.close()


def rows(model, column) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index > 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_households_by_village_and_a_new_household_in_its_village(office, qtbot, modal):
    page = HouseholdsPage(office)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    assert page.village_combo.isVisible()
    assert not page.table.isColumnHidden(Col.VILLAGE)
    assert sorted(rows(page.model, Col.VILLAGE)) == ["杏花村", "桃花村"]
    assert rows(page.model, Col.NUMBER) == ["01-001", "01-001"]
    groups = [page.group_combo.itemText(i) for i in range(page.group_combo.count())][1:]
    assert sorted(groups) == ["杏花村·一组", "桃花村·一组"]  # told apart

    choose(page.village_combo, "杏花村")
    assert rows(page.model, Col.HEAD) == ["李小河"]
    assert [page.group_combo.itemText(i) for i in range(page.group_combo.count())][1:] == ["一组"]
    assert "杏花村" in page.filter_bar.label.text() and page.filter_bar.isVisible()

    def fill(dialog: HouseholdDialog) -> None:
        assert dialog.village_combo.currentText() == "杏花村"  # the village the list shows
        assert [dialog.group_combo.itemText(i) for i in range(dialog.group_combo.count())][1:] == [
            "一组"
        ]
        dialog.village_combo.setCurrentIndex(0)  # none chosen: refused at the field
        qtbot.keyClicks(dialog.number_edit, "01-001")
        type_chinese(dialog.head_form.name_edit, "王春生")
        qtbot.keyClicks(dialog.head_form.id_edit, valid_id("43052119700101123"))
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        wait_ops(qtbot, office)
        assert dialog.isVisible()
        assert "请选择本乡镇的一个村" in dialog.errors.label_for("household.village_id").text()
        choose(dialog.village_combo, "杏花村")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        wait_ops(qtbot, office)
        assert dialog.isVisible()  # 杏花村 already has its 01-001
        assert "01-001" in dialog.errors.label_for("household.number").text()
        choose(dialog.village_combo, "桃花村")  # …桃花村 has one too
        dialog.number_edit.clear()
        qtbot.keyClicks(dialog.number_edit, "01-002")
        choose(dialog.group_combo, "一组")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    with modal.expect(fill, HouseholdDialog):
        click(qtbot, page.new_button)
    wait_ops(qtbot, office)
    with office.db.reading() as s:
        found = [r for r in queries.households.household_page(s) if r.head_name == "王春生"]
        villages = {v.id: v.village for v in queries.reference.village_profiles(s)}
    assert len(found) == 1
    assert villages[found[0].village_id] == "桃花村" and found[0].group_name == "一组"


def test_the_ledger_and_the_diary_by_village(office, qtbot):
    ledger = LedgerPage(office)
    qtbot.addWidget(ledger)
    ledger.show()
    exposed(ledger)
    assert sorted(rows(ledger.model, MatterCol.VILLAGE)) == ["杏花村", "桃花村"]
    choose(ledger.village_combo, "桃花村")
    assert rows(ledger.model, MatterCol.VILLAGE) == ["桃花村"]
    assert "桃花村" in ledger.filter_bar.label.text()
    click(qtbot, ledger.clear_button)
    assert ledger.model.rowCount() == 2

    diary = DiaryPage(office)
    qtbot.addWidget(diary)
    diary.show()
    exposed(diary)
    assert sorted(rows(diary.model, VILLAGE_COLUMN)) == ["杏花村", "桃花村"]
    choose(diary.village_combo, "杏花村")
    assert rows(diary.model, 3) == ["李小河（01-001）"]


def test_a_village_laptop_shows_no_village_filter_or_column(qtbot, tmp_path, settings):
    from village_desk.ui.context import AppContext

    a = Copy(tmp_path, "a", **TAOHUA)
    new_household(a.db, "01-001", "张大山")
    ctx = AppContext(a.db, settings)
    try:
        page = HouseholdsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        exposed(page)
        assert not page.village_combo.isVisible()
        assert page.table.isColumnHidden(Col.VILLAGE)
        assert page.current_filter().village_id is None
    finally:
        ctx.close()
        a.db.close()


def test_a_matter_received_at_the_township_goes_to_the_village_chosen(office, qtbot, modal):
    """上级交办: the office registers a matter for a village, without a
    household; the form offers the village the list shows."""
    page = LedgerPage(office)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    choose(page.village_combo, "杏花村")

    def fill(dialog: MatterDialog) -> None:
        assert dialog.village_combo.isVisible()
        assert dialog.village_combo.currentText() == "杏花村"  # the village the list shows
        type_chinese(dialog.applicant_name, "县水利局")
        type_chinese(dialog.content_edit, "县里交办：排查山塘安全")
        choose(dialog.kind_combo, "实际困难")
        choose(dialog.village_combo, "桃花村")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    with modal.expect(fill, MatterDialog):
        click(qtbot, page.new_button)
    wait_ops(qtbot, office)
    with office.db.reading() as s:
        villages = {v.id: v.village for v in queries.reference.village_profiles(s)}
        found = [
            m
            for m in queries.matters.matter_page(s, queries.matters.MatterFilter())
            if m.content.startswith("县里交办")
        ]
    assert len(found) == 1
    assert villages[found[0].village_id] == "桃花村" and found[0].household_id is None


def test_a_township_matter_with_a_household_of_another_village_is_refused(office, qtbot, modal):
    page = LedgerPage(office)
    qtbot.addWidget(page)
    page.show()
    exposed(page)
    with office.db.reading() as s:
        xinghua = next(
            r.id for r in queries.households.household_page(s) if r.head_name == "李小河"
        )
        before = len(queries.matters.matter_page(s, queries.matters.MatterFilter()))
    choose(page.village_combo, "桃花村")

    def fill(dialog: MatterDialog) -> None:
        dialog.applicant.add(xinghua)  # a household of 杏花村
        type_chinese(dialog.content_edit, "申请危房改造")
        choose(dialog.kind_combo, "实际困难")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
        wait_ops(qtbot, office)
        assert dialog.isVisible()
        assert "杏花村" in dialog.errors.label_for("matter.village_id").text()
        with office.db.reading() as s:  # nothing was registered
            assert len(queries.matters.matter_page(s, queries.matters.MatterFilter())) == before
        choose(dialog.village_combo, "杏花村")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    with modal.expect(fill, MatterDialog):
        click(qtbot, page.new_button)
    wait_ops(qtbot, office)
    with office.db.reading() as s:
        villages = {v.id: v.village for v in queries.reference.village_profiles(s)}
        found = [
            m
            for m in queries.matters.matter_page(s, queries.matters.MatterFilter())
            if m.content == "申请危房改造"
        ]
    assert len(found) == 1
    assert villages[found[0].village_id] == "杏花村" and found[0].household_id == xinghua
