"""矛盾纠纷 page: a 宅基地 quarrel between a registered villager (found by
pinyin initials) and an outsider is registered, mediated once with the
parties agreeing, and settled with an agreement — its matter in the
民情台账 reads 已办结 and the agreement opens in the preview. A dispute
with one side missing, or settled without the agreement's text, is refused
under the field and nothing is written. One received longer ago than the
久调不决 age shows on the work bench, and its tile opens the filtered list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from tests.ui.helpers import click, exposed, settle, type_chinese
from tests.ui.printing.test_printing import close_preview, open_preview
from village_desk.core import queries, services
from village_desk.core.services.disputes import DisputeInput, PartyInput, SessionInput
from village_desk.core.storage.models import Dispute, Matter, MediationSession, Person
from village_desk.ui.main_window import MainWindow
from village_desk.ui.pages.disputes.dialogs import DisputeDialog, OutcomeDialog, SessionDialog
from village_desk.ui.pages.disputes.page import COL_OVERDUE, DisputesPage
from village_desk.ui.pages.ledger.page import LedgerPage

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


def cells(table, row: int) -> list[str]:
    """The row as shown (a village copy hides the township's 村 column)."""
    return [
        table.item(row, c).text() for c in range(table.columnCount()) if not table.isColumnHidden(c)
    ]


def header_index(table, text: str) -> int:
    model = table.model()
    for c in range(model.columnCount()):
        if model.headerData(c, Qt.Orientation.Horizontal) == text:
            return c
    raise AssertionError(f"no column {text}")


def count(db, model) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def add_parties(dialog: DisputeDialog, qtbot, respondent: bool = True) -> None:
    dialog.side_combo.setCurrentIndex(dialog.side_combo.findText("申请方"))
    qtbot.keyClicks(dialog.person_search, "zsf")  # 张三丰 by pinyin initials
    qtbot.keyClick(dialog.person_search, Qt.Key.Key_Return)
    if respondent:
        dialog.side_combo.setCurrentIndex(dialog.side_combo.findText("被申请方"))
    type_chinese(dialog.outsider_edit, "赵大年")  # (without a respondent: a second applicant)
    click(qtbot, dialog.add_outsider_button)


def test_register_mediate_settle_and_print(page, ctx, db, village, qtbot, modal):
    assert page.table.rowCount() == 0

    def register(dialog: DisputeDialog) -> None:
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findText("宅基地纠纷"))
        type_chinese(dialog.summary_edit, "张家砌围墙占了赵家滴水线")
        add_parties(dialog, qtbot)
        items = [dialog.party_list.item(i).text() for i in range(dialog.party_list.count())]
        assert items == ["申请方：张三丰（01-001）", "被申请方：赵大年（非本村登记人员）"]
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(register, DisputeDialog):
        click(qtbot, page.new_button)
    settle(qtbot, ctx)
    number = db.read(lambda s: s.scalars(select(Matter.number)).one())
    assert page.table.rowCount() == 1
    assert cells(page.table, 0) == [
        number,
        "宅基地纠纷",
        "张三丰 — 赵大年",
        TODAY.isoformat(),
        "王建国",
        "0",
        "调解中",
        "0",
        "",
    ]

    page.table.selectRow(0)

    def mediate(dialog: SessionDialog) -> None:
        type_chinese(dialog.place_edit, "村委会调解室")
        type_chinese(dialog.notes_edit, "双方同意以原界址为准，张家拆除越界部分")
        click(qtbot, dialog.agreed_check)
        assert dialog.mediators.names() == ["王建国"]  # the operator mediates by default
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(mediate, SessionDialog):
        click(qtbot, page.session_button)
    settle(qtbot, ctx)
    assert cells(page.table, 0)[5] == "1"
    assert "办理中" in page.detail_label.text()  # the first mediation starts the matter
    assert page.sessions_table.item(0, 1).text() == "村委会调解室"

    def settle_it(dialog: OutcomeDialog) -> None:
        dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findText("调解成功"))
        type_chinese(dialog.agreement_edit, "张家于十日内拆除越界围墙，赵家不再追究")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(settle_it, OutcomeDialog):
        click(qtbot, page.outcome_button)
    settle(qtbot, ctx)
    assert cells(page.table, 0)[6] == f"调解成功（{TODAY.isoformat()}）"
    assert not page.session_button.isEnabled() and not page.outcome_button.isEnabled()

    # the 民情台账 shows the matter done, the agreement as its result
    ledger = LedgerPage(ctx)
    qtbot.addWidget(ledger)
    ledger.show()
    exposed(ledger)
    table = ledger.table
    model = table.model()
    status = header_index(table, "状态")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == number)
    assert model.index(row, status).data() == "已办结"
    result = db.read(lambda s: s.scalars(select(Matter.result)).one())
    assert "张家于十日内拆除越界围墙" in result

    page.print_dispute()
    dialog = open_preview(qtbot, page.last_print)
    assert dialog.page_count() >= 1
    close_preview(qtbot, dialog)


def test_a_refused_dispute_or_outcome_says_why_at_the_field_and_writes_nothing(
    page, ctx, db, village, qtbot, modal
):
    def one_side_only(dialog: DisputeDialog) -> None:
        dialog.type_combo.setCurrentIndex(dialog.type_combo.findText("邻里纠纷"))
        type_chinese(dialog.summary_edit, "鸡鸭进菜园")
        add_parties(dialog, qtbot, respondent=False)
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.isVisible()
        assert dialog.errors.label_for("dispute.parties").text() == "请添加被申请方当事人"
        assert dialog.errors.label_for("dispute.parties").isVisible()
        dialog.done(0)

    with modal.expect(one_side_only, DisputeDialog):
        click(qtbot, page.new_button)
    settle(qtbot, ctx)
    assert count(db, Dispute) == 0 and count(db, Matter) == 0
    assert page.table.rowCount() == 0

    # a dispute mediated with an agreement, then "settled" without the agreement's text
    who = dict(db.read(lambda s: s.execute(select(Person.name, Person.id)).all()))
    did = services.disputes.register_dispute(
        db,
        village["secretary"],
        DisputeInput(
            type="neighbour",
            summary="鸡鸭进菜园",
            responsible_id=village["secretary"],
            parties=[
                PartyInput("applicant", person_id=who["张三丰"]),
                PartyInput("respondent", name="赵大年"),
            ],
        ),
    )
    services.disputes.add_session(
        db,
        village["secretary"],
        did,
        SessionInput(TODAY, "村部", [village["secretary"]], agreed=True, notes="双方同意圈养"),
    )
    settle(qtbot, ctx)
    page.refresh()
    page.table.selectRow(0)

    def no_agreement(dialog: OutcomeDialog) -> None:
        dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findText("调解成功"))
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.isVisible()
        label = dialog.errors.label_for("dispute.agreement_text")
        assert label.isVisible() and label.text() == "调解成功的，请写明协议内容"
        dialog.done(0)

    with modal.expect(no_agreement, OutcomeDialog):
        click(qtbot, page.outcome_button)
    settle(qtbot, ctx)
    d = db.read(queries.disputes.dispute, did)
    assert (d.outcome, d.matter_status) == ("", "in_progress")  # nothing written
    assert cells(page.table, 0)[6] == "调解中"
    assert count(db, MediationSession) == 1


def overdue_by_rule(db) -> int:
    """Disputes without an outcome received more than the setting's days ago
    (DOMAIN: 久调不决), counted from the tables."""
    days = db.read(queries.disputes.overdue_days)

    def read(s):
        rows = s.execute(
            select(Matter.received_date)
            .join(Dispute, Dispute.matter_id == Matter.id)
            .where(Dispute.deleted.is_(False), Matter.deleted.is_(False), Dispute.outcome == "")
        ).all()
        return sum(1 for (received,) in rows if (TODAY - received).days > days)

    return db.read(read)


@pytest.fixture
def demo_window(demo_db, settings, qtbot):
    """The main window on the demo village (this module's ``ctx`` is the small one)."""
    from village_desk.ui.context import AppContext

    context = AppContext(demo_db, settings)
    win = MainWindow(context, page_size=10)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    exposed(win)
    yield win
    context.close()


def test_long_unresolved_disputes_on_the_work_bench_open_the_filtered_list(
    demo_window, demo_db, qtbot
):
    window = demo_window
    ctx = window.ctx
    window.nav.setCurrentRow(MainWindow.PAGE_DASHBOARD)
    settle(qtbot, ctx)
    expected = overdue_by_rule(demo_db)
    assert expected >= 1  # the demo village has one
    tile = window.dashboard_page.tiles["disputes_overdue"]
    qtbot.waitUntil(lambda: tile.value.text() == str(expected), timeout=5000)
    assert "30" in tile.caption.text()
    assert tile.value.styleSheet()  # in red

    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == MainWindow.PAGE_DISPUTES
    page = window.disputes_page
    assert page.overdue_check.isChecked()
    assert page.table.rowCount() == expected
    assert all(page.table.item(r, COL_OVERDUE).text() == "久调不决" for r in range(expected))
    # unticking shows them all again
    click(qtbot, page.overdue_check)
    assert page.table.rowCount() == demo_db.read(
        lambda s: s.scalar(select(func.count()).select_from(Dispute))
    )
