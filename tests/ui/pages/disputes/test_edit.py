"""矛盾纠纷: a dispute registered with the wrong kind and a wrong party is
corrected in 修改 (the party removed is removed, one added is added, one
moved to the other side is moved), a correction leaving one side empty is
refused under the party list and changes nothing; a mediation recorded by
mistake is deleted after a question (No keeps it), and once the outcome is
recorded its mediations stay. At a township office the list names each
dispute's village and filters by it, and a correction keeps the village."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.helpers import click, exposed, settle, type_chinese
from village_desk.core import services
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.models import Dispute, DisputeParty, MediationSession, Person
from village_desk.ui.pages.disputes.edit import EditDisputeDialog
from village_desk.ui.pages.disputes.page import COL_PARTIES, COL_TYPE, COL_VILLAGE, DisputesPage

TODAY = dt.date.today()


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def page(ctx, qtbot):
    page = DisputesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    exposed(page)
    return page


def person(db, name: str):
    return db.read(lambda s: s.scalar(select(Person.id).where(Person.name == name)))


def register(db, village, **kw) -> object:
    data = dict(
        type="land",
        summary="张家砌围墙占了邻居的滴水线",
        responsible_id=village["secretary"],
        parties=[
            PartyInput("applicant", person_id=person(db, "张三丰")),
            PartyInput("respondent", name="赵大年"),
        ],
        received_date=TODAY - dt.timedelta(days=3),
    )
    data.update(kw)
    return services.disputes.register_dispute(db, village["secretary"], DisputeInput(**data))


def live_parties(db, dispute_id) -> list[tuple[str, str]]:
    return db.read(
        lambda s: s.execute(
            select(DisputeParty.side, DisputeParty.name)
            .where(DisputeParty.dispute_id == dispute_id, DisputeParty.deleted.is_(False))
            .order_by(DisputeParty.sort_order)
        ).all()
    )


def party_items(dialog) -> list[str]:
    return [dialog.party_list.item(i).text() for i in range(dialog.party_list.count())]


def test_correct_kind_and_parties(page, ctx, db, village, qtbot, modal):
    did = register(db, village)
    settle(qtbot, ctx)
    page.refresh()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()

    def refuse_one_sided(dialog: EditDisputeDialog) -> None:
        assert dialog.type_combo.currentText() == "土地纠纷"
        assert dialog.summary_edit.toPlainText() == "张家砌围墙占了邻居的滴水线"
        assert party_items(dialog) == [
            "申请方：张三丰（01-001）",
            "被申请方：赵大年（非本村登记人员）",
        ]
        dialog.party_list.setCurrentRow(1)
        click(qtbot, dialog.remove_party_button)  # no respondent left…
        dialog.side_combo.setCurrentIndex(dialog.side_combo.findText("申请方"))
        type_chinese(dialog.outsider_edit, "孙二娘")  # …and a second applicant
        click(qtbot, dialog.add_outsider_button)
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: dialog.errors.label_for("dispute.parties").isVisible())
        assert dialog.errors.label_for("dispute.parties").text() == "请添加被申请方当事人"
        assert dialog.isVisible()
        dialog.mark_clean()
        dialog.reject()

    with modal.expect(refuse_one_sided, EditDisputeDialog):
        click(qtbot, page.edit_button)
    settle(qtbot, ctx)
    assert live_parties(db, did) == [("applicant", "张三丰"), ("respondent", "赵大年")]

    def correct(dialog: EditDisputeDialog) -> None:
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findText("邻里纠纷"))
        dialog.party_list.setCurrentRow(1)
        click(qtbot, dialog.remove_party_button)  # 赵大年 was the wrong one
        dialog.side_combo.setCurrentIndex(dialog.side_combo.findText("被申请方"))
        qtbot.keyClicks(dialog.person_search, "lgl")  # 刘桂兰 by pinyin initials
        qtbot.keyClick(dialog.person_search, Qt.Key.Key_Return)
        dialog.side_combo.setCurrentIndex(dialog.side_combo.findText("申请方"))
        type_chinese(dialog.outsider_edit, "钱多多")
        click(qtbot, dialog.add_outsider_button)
        dialog.party_list.setCurrentRow(2)
        click(qtbot, dialog.switch_side_button)  # 钱多多 is on 刘桂兰's side after all
        assert party_items(dialog) == [
            "申请方：张三丰（01-001）",
            "被申请方：刘桂兰（01-001）",
            "被申请方：钱多多（非本村登记人员）",
        ]
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(correct, EditDisputeDialog):
        click(qtbot, page.edit_button)
    settle(qtbot, ctx)
    assert db.read(lambda s: s.get(Dispute, did).type) == "neighbour"
    assert live_parties(db, did) == [
        ("applicant", "张三丰"),
        ("respondent", "刘桂兰"),
        ("respondent", "钱多多"),
    ]
    assert page.table.item(0, COL_TYPE).text() == "邻里纠纷"
    assert page.table.item(0, COL_PARTIES).text() == "张三丰 — 刘桂兰、钱多多"


def mediation(village, place: str, days_ago: int) -> SessionInput:
    return SessionInput(
        date=TODAY - dt.timedelta(days=days_ago),
        place=place,
        mediator_ids=[village["secretary"]],
        notes="双方各执一词，约定再谈",
    )


def test_delete_a_mediation_recorded_by_mistake(page, ctx, db, village, qtbot, modal):
    did = register(db, village)
    services.disputes.add_session(db, None, did, mediation(village, "村委会调解室", 2))
    services.disputes.add_session(db, None, did, mediation(village, "张家院坝", 1))
    settle(qtbot, ctx)
    page.refresh()
    page.table.selectRow(0)
    table = page.sessions_table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "村委会调解室",
        "张家院坝",
    ]
    assert not page.delete_session_button.isEnabled()  # none chosen yet
    table.selectRow(0)
    assert page.delete_session_button.isEnabled()

    def no(box: QMessageBox) -> None:
        assert "村委会调解室" in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    with modal.expect(no, QMessageBox):
        click(qtbot, page.delete_session_button)
    settle(qtbot, ctx)
    assert table.rowCount() == 2

    def yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    table.selectRow(0)
    with modal.expect(yes, QMessageBox):
        click(qtbot, page.delete_session_button)
    settle(qtbot, ctx)
    places = db.read(
        lambda s: s.scalars(
            select(MediationSession.place).where(MediationSession.deleted.is_(False))
        ).all()
    )
    assert places == ["张家院坝"]
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["张家院坝"]
    assert page.table.item(0, 6).text() == "1"  # 调解次数 in the list

    # settled: its mediations stay
    services.disputes.record_outcome(
        db, None, did, "failed", note="双方分歧较大，建议走诉讼程序", when=TODAY
    )
    settle(qtbot, ctx)
    page.refresh()
    page.table.selectRow(0)
    table.selectRow(0)
    assert not page.delete_session_button.isEnabled()


def test_a_township_office_lists_each_village_and_corrects_one(tmp_path, settings, qtbot, modal):
    from village_desk import demo
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.models import VillageProfile
    from village_desk.ui.context import AppContext

    db = Database.open(f"sqlite:///{tmp_path / 'township.sqlite3'}", device_name="乡镇办公室")
    demo.generate(db, households=40, villages=2, seed=4)
    context = AppContext(db, settings)
    try:
        expected = dict(
            db.read(
                lambda s: s.execute(
                    select(Dispute.id, VillageProfile.village)
                    .join(VillageProfile, VillageProfile.id == Dispute.village_id)
                    .where(Dispute.deleted.is_(False))
                ).all()
            )
        )
        names = sorted(set(expected.values()))
        assert len(names) == 2  # both demo villages have disputes
        page = DisputesPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        exposed(page)
        assert not page.table.isColumnHidden(COL_VILLAGE)
        assert page.village_combo.isVisible()
        shown = {row.id: page.table.item(r, COL_VILLAGE).text() for r, row in enumerate(page.rows)}
        assert shown == expected

        village = names[1]
        page.village_combo.setCurrentIndex(page.village_combo.findText(village))
        ids = {row.id for row in page.rows}
        assert ids == {d for d, v in expected.items() if v == village}
        assert {page.table.item(r, COL_VILLAGE).text() for r in range(page.table.rowCount())} == {
            village
        }

        page.table.selectRow(0)
        did = page.rows[0].id
        before = live_parties(db, did)

        def correct(dialog: EditDisputeDialog) -> None:
            dialog.summary_edit.setPlainText("两家因排水沟走向起争执")
            click(qtbot, dialog.save_button)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

        with modal.expect(correct, EditDisputeDialog):
            click(qtbot, page.edit_button)
        settle(qtbot, context)
        assert db.read(lambda s: s.get(Dispute, did).summary) == "两家因排水沟走向起争执"
        assert live_parties(db, did) == before  # the parties as they were
        kept = db.read(
            lambda s: s.scalar(
                select(VillageProfile.village)
                .join(Dispute, Dispute.village_id == VillageProfile.id)
                .where(Dispute.id == did)
            )
        )
        assert kept == village
        r = next(r for r, row in enumerate(page.rows) if row.id == did)
        assert page.table.item(r, COL_VILLAGE).text() == village
    finally:
        context.close()
        db.close()
