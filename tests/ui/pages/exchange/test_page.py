"""The 数据交换 page: ledger workbook export and roster import, driven like a user."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from tests.helpers import iso7064_check
from tests.ui.helpers import click, exposed, wait_ops
from village_desk.core import queries
from village_desk.core.excel.ledger_export import SHEETS
from village_desk.core.excel.roster_read import SETTING_KEY
from village_desk.core.storage.models import Change, Household, Person
from village_desk.ui.context import AppContext
from village_desk.ui.pages.exchange.ledger_export import LAST_EXPORT_KEY
from village_desk.ui.pages.exchange.page import ExchangePage
from village_desk.ui.pages.exchange.roster_model import RosterResultModel


def make_id(born: str, seq: str) -> str:
    first17 = "110101" + born + seq
    return first17 + iso7064_check(first17)


def journal_size(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Change))


@pytest.fixture
def operator(demo_db):
    with demo_db.reading() as s:
        cadre = queries.reference.cadres(s)[0]
    return cadre.id, cadre.name


@pytest.fixture
def ctx(demo_db, settings, operator):
    context = AppContext(demo_db, settings, operator_id=operator[0])
    yield context
    context.close()


@pytest.fixture
def page(ctx, qtbot):
    p = ExchangePage(ctx)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    exposed(p)
    return p


# ---------------------------------------------------------------- export


def test_export_defaults_to_this_month_the_operator_and_masked(page, operator):
    panel = page.export_panel
    today = dt.date.today()
    period = panel.period_chooser.period()
    assert (period.start, period.end.month) == (today.replace(day=1), today.month)
    assert f"{today.year}年{today.month}月" in panel.period_chooser.span_label.text()
    assert panel.prepared_by_edit.text() == operator[1]
    assert not panel.unmasked_check.isChecked()
    assert page.last_export_label.text() == "本机尚未导出过台账。"


def test_prepared_by_follows_the_operator_unless_typed(page, ctx, demo_db, qtbot):
    from village_desk.core import services

    panel = page.export_panel
    other = demo_db.read(queries.reference.cadres)[1]
    ctx.set_operator(other.id)
    assert panel.prepared_by_edit.text() == other.name
    # renamed in the settings: the new name
    ctx.op(None, lambda db: services.setup.update_cadre(db, None, other.id, name="换名干部")).run()
    wait_ops(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.prepared_by_edit.text() == "换名干部")
    # typed by the user: kept when the operator changes
    panel.prepared_by_edit.setText("村会计")
    ctx.set_operator(None)
    assert panel.prepared_by_edit.text() == "村会计"


def test_export_writes_the_five_sheet_workbook(page, demo_db, settings, tmp_path, qtbot):
    panel = page.export_panel
    panel.period_chooser.set_kind(panel.period_chooser.YEAR)
    asked, opened = [], []
    out = tmp_path / "out" / "台账.xlsx"
    out.parent.mkdir()
    panel.ask_save_path = lambda suggested: asked.append(suggested) or str(out)
    panel.open_folder = opened.append

    with qtbot.waitSignal(page.exported, timeout=20000) as exported:
        click(qtbot, panel.export_button)
    year = dt.date.today().year
    with demo_db.reading() as s:
        village = queries.reference.profile(s).village
    assert asked and asked[0].endswith(f"{village}民情台账-{year}年.xlsx")
    assert settings.value(LAST_EXPORT_KEY) == exported.args[0]
    assert exported.args[0] in page.last_export_label.text()

    assert panel.result_frame.isVisible()
    assert str(out) in panel.result_label.text() and "已打码" in panel.result_label.text()
    click(qtbot, panel.open_folder_button)
    assert opened == [out]

    wb = load_workbook(out)
    assert wb.sheetnames == list(SHEETS)
    roster = wb["联系户花名册"]
    header_row = next(r for r in roster.iter_rows() if r[0].value == "序号")
    col = [c.value for c in header_row].index("联系电话")
    phones = [r[col].value for r in roster.iter_rows(min_row=header_row[0].row + 1) if r[col].value]
    assert phones and all("*" in p for p in phones), phones[:5]
    with demo_db.reading() as s:
        households = s.scalar(
            select(func.count()).select_from(Household).where(Household.deleted.is_(False))
        )
    assert roster.max_row - header_row[0].row == households
    assert list(out.parent.iterdir()) == [out]  # no temporary file left


def test_full_numbers_need_a_confirmation(page, ctx, demo_db, tmp_path, qtbot, caplog):
    import logging

    from village_desk.core.storage.models import Cadre

    with demo_db.reading() as s:
        cadre = s.scalars(select(Cadre).order_by(Cadre.name)).first()
        operator, name = cadre.id, cadre.name
    ctx.set_operator(operator)
    caplog.set_level(logging.INFO, logger="village_desk")
    panel = page.export_panel
    answers = [False]
    panel.confirm_unmasked = lambda: answers.pop(0)
    click(qtbot, panel.unmasked_check)
    assert not panel.unmasked_check.isChecked()  # the user said no

    answers.append(True)
    click(qtbot, panel.unmasked_check)
    assert panel.unmasked_check.isChecked()
    out = tmp_path / "full.xlsx"
    panel.ask_save_path = lambda _suggested: str(tmp_path / "full")  # typed without .xlsx
    with qtbot.waitSignal(page.exported, timeout=20000):
        click(qtbot, panel.export_button)
    assert "请妥善保管" in panel.result_label.text()
    roster = load_workbook(out)["联系户花名册"]
    phones = [c.value for row in roster.iter_rows() for c in row if c.value]
    assert any(isinstance(v, str) and len(v) == 11 and v.isdigit() for v in phones)
    # the full-number export is in the log, with the operator who made it
    [logged] = [r.getMessage() for r in caplog.records if "unmasked export" in r.getMessage()]
    assert str(out) in logged and f"by {name}" in logged


def test_cancelled_export_leaves_nothing_behind(page, ctx, tmp_path, qtbot, monkeypatch):
    from village_desk.core.excel import ledger_export

    gate = threading.Event()

    class SlowData(ledger_export.LedgerData):
        def __init__(self, *args, **kwargs):
            gate.wait(10)  # the export is under way when the user cancels
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ledger_export, "LedgerData", SlowData)
    panel = page.export_panel
    out = tmp_path / "out"
    out.mkdir()
    panel.ask_save_path = lambda _suggested: str(out / "cancelled.xlsx")
    click(qtbot, panel.export_button)
    job = panel.job
    assert job is not None and not panel.export_button.isEnabled()
    qtbot.waitUntil(lambda: any(out.iterdir()))  # the core's temporary file
    qtbot.waitUntil(job.dialog.isVisible, timeout=3000)  # shown after ~0.5 s
    (cancel,) = job.dialog.findChildren(QPushButton)
    assert cancel.text() == "取消"
    click(qtbot, cancel)
    gate.set()
    wait_ops(qtbot, ctx)
    assert panel.job is None
    assert panel.error.isVisible() and "取消" in panel.error.text()
    assert not panel.result_frame.isVisible()
    assert list(out.iterdir()) == []
    assert panel.export_button.isEnabled()


def test_custom_range_ending_before_it_starts_is_refused(page, qtbot):
    chooser = page.export_panel.period_chooser
    chooser.set_kind(chooser.CUSTOM)
    chooser.start_edit.setDate(chooser.end_edit.date().addDays(5))
    assert "结束日期不能早于开始日期" in chooser.span_label.text()
    page.export_panel.ask_save_path = lambda _s: pytest.fail("no file dialog for a bad period")
    click(qtbot, page.export_panel.export_button)
    assert "结束日期" in page.export_panel.error.text()


# ---------------------------------------------------------------- import

A_HEAD = make_id("19610203", "111")
A_WIFE = make_id("19630405", "222")
A_SON = make_id("19880607", "331")
B_HEAD = make_id("19700809", "411")
B_DAUGHTER = make_id("19951011", "522")


def messy_roster(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "九组"
    ws.append(["桃花村九组农户花名册"])
    ws.merge_cells("A1:G1")
    ws.append(["填报日期：2026年10月"])
    ws.append(["户编号", "户主姓名", "与户主关系", "公民身份号码", "手机号", "村民小组", "序号"])
    ws.append(["09-901", "甘一", "户主", A_HEAD, "138 0000 0001", "九组", 1])  # 4 created
    ws.append([None, "甘二", "妻", A_WIFE.replace("1", "１"), None, None, 2])  # 5 created
    ws.append([None, "甘三", "儿子", float(A_SON), None, None, 3])  # 6 refused: numeric ID
    ws.append([])  # 7 blank
    ws.append(["09-902", "柏四", "户主", B_HEAD, "+86 139-0000-0002", "九组", 4])  # 8 created
    ws.append([None, "柏五", "女儿", B_DAUGHTER, None, None, 5])  # 9 created
    ws.append(["合计", "共2户"])  # 10 skipped
    wb.save(path)
    return path


def open_import(page, qtbot):
    dialog = page.open_import()
    exposed(dialog)
    return dialog


def choose(dialog, qtbot, path):
    dialog.ask_open_path = lambda _folder: str(path)
    click(qtbot, dialog.choose_button)
    qtbot.waitUntil(lambda: dialog.path is not None or dialog.error.isVisible(), timeout=10000)


def visible_rows(dialog) -> dict[int, tuple[str, str, str]]:
    """Row number → (name, shown result, reason), as the table shows them."""
    proxy, out = dialog.table.model(), {}
    for r in range(proxy.rowCount()):
        cell = lambda c, r=r: proxy.index(r, c).data()  # noqa: E731
        out[cell(RosterResultModel.COL_ROW)] = (
            cell(RosterResultModel.COL_NAME),
            cell(RosterResultModel.COL_ACTION),
            cell(RosterResultModel.COL_REASON),
        )
    return out


def test_roster_import_dry_run_exclude_and_apply(page, demo_db, operator, tmp_path, qtbot):
    path = messy_roster(tmp_path / "九组花名册.xlsx")
    dialog = open_import(page, qtbot)
    choose(dialog, qtbot, path)
    assert not dialog.error.isVisible()
    assert dialog.sheet_combo.currentText().startswith("九组")
    # detected columns: 户编号 → 户号, 户主姓名 (the only name column) → 姓名, 序号 ignored
    assert dialog.field_combo("户编号").currentData() == "number"
    assert dialog.field_combo("户主姓名").currentData() == "name"
    assert dialog.field_combo("序号").currentData() == ""
    assert dialog.mapping_table.item(0, 2).text() == "09-901"  # an example value

    before = journal_size(demo_db)
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        click(qtbot, dialog.check_button)
    assert dialog.step() == dialog.STEP_REVIEW
    assert journal_size(demo_db) == before  # a dry run writes nothing
    counts = dialog.counts_label.text()
    for word, n in (("新增", 4), ("更新", 0), ("不变", 0), ("未导入", 1), ("跳过", 1)):
        assert f"{word} <b>{n}</b>" in counts, counts
    rows = visible_rows(dialog)
    assert {n: r[1] for n, r in rows.items()} == {
        4: "新增",
        5: "新增",
        6: "未导入",
        8: "新增",
        9: "新增",
        10: "跳过",
    }
    assert "后几位已经丢失" in rows[6][2]
    refused = dialog.model.index(2, RosterResultModel.COL_ACTION)
    assert refused.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"

    # the filter shows only the refused row
    dialog.filter_combo.setCurrentIndex(dialog.filter_combo.findText("未导入"))
    assert list(visible_rows(dialog)) == [6]
    dialog.filter_combo.setCurrentIndex(0)

    # unticking a new household's head unticks its members; ticking a member brings it back
    model = dialog.model
    row8, row9 = (next(i for i, r in enumerate(model.rows) if r.row == n) for n in (8, 9))
    model.setData(
        model.index(row8, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.exclude() == {("九组", 8), ("九组", 9)}
    model.setData(model.index(row9, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.exclude() == frozenset()

    # untick 柏五 (row 9): the other three new people are imported
    check = dialog.table.model().index(row9, RosterResultModel.COL_CHECK)
    assert dialog.table.model().setData(
        check, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert check.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "将导入 3 行" in dialog.selection_label.text()
    assert "已取消 1 行" in dialog.selection_label.text()
    from village_desk.core.storage import backup

    folder = backup.folder_for(demo_db.sqlite_path)
    before_import = [b for b in backup.backups(folder) if b.reason == "before-roster-import"]
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.import_button)
    assert dialog.counts_label.text().startswith("导入完成")
    assert "新增 <b>3</b>" in dialog.counts_label.text()
    # a whole copy of the data as it was, to go back to should the roster be wrong
    taken = [b for b in backup.backups(folder) if b.reason == "before-roster-import"]
    assert len(taken) == len(before_import) + 1
    assert backup.verify(taken[0].path) == []
    assert visible_rows(dialog)[9][1:] == ("跳过", "未选择导入")
    assert not dialog.import_button.isEnabled()  # imported once; a second press cannot repeat it

    with demo_db.reading() as s:
        people = {
            p.name: p
            for p in s.scalars(
                select(Person).where(Person.name.in_(["甘一", "甘二", "甘三", "柏四", "柏五"]))
            )
        }
        households = {
            h.number: h
            for h in s.scalars(select(Household).where(Household.number.in_(["09-901", "09-902"])))
        }
        assert set(people) == {"甘一", "甘二", "柏四"}
        assert people["甘二"].household_id == households["09-901"].id
        assert people["柏四"].household_id == households["09-902"].id
        assert people["甘一"].phone == "13800000001"
        assert [h.name for h in queries.search.search(s, "甘一")] == ["甘一"]  # findable at once
        journaled = s.scalar(
            select(func.count()).select_from(Change).where(Change.record_id == people["甘一"].id)
        )
        assert journaled >= 1
    assert "上次导入" in page.last_import_label.text()
    assert "新增 3 人" in page.last_import_label.text()

    # the refused row can be saved for correction
    rejects = tmp_path / "未导入.xlsx"
    dialog.ask_save_path = lambda _suggested: str(rejects)
    click(qtbot, dialog.rejects_button)
    qtbot.waitUntil(rejects.exists, timeout=10000)
    qtbot.waitUntil(lambda: dialog.job is None)
    ws = load_workbook(rejects).active
    assert ws.cell(2, 1).value == 6 and "后几位已经丢失" in ws.cell(2, 2).value
    dialog.close()


def test_corrected_column_is_used_and_remembered(page, demo_db, tmp_path, qtbot):
    wb = Workbook()
    wb.active.append(["户编号", "姓名", "与户主关系", "证件号", "说明文字"])
    wb.active.append(["09-903", "殷六", "户主", make_id("19660101", "611"), "九组"])
    path = tmp_path / "r.xlsx"
    wb.save(path)
    dialog = open_import(page, qtbot)
    choose(dialog, qtbot, path)
    combo = dialog.field_combo("说明文字")
    assert combo.currentData() == ""  # not a known column name: not imported
    combo.setCurrentIndex(combo.findData("group"))
    assert dialog.corrections() == {"说明文字": "group"}
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        click(qtbot, dialog.check_button)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.import_button)
    with demo_db.reading() as s:
        h = s.scalars(select(Household).where(Household.number == "09-903")).one()
        groups = {g.id: g.name for g in queries.reference.groups(s)}
        assert groups[h.group_id] == "九组"
        assert queries.reference.get_setting(s, SETTING_KEY)["说明文字"] == "group"
    dialog.close()

    again = open_import(page, qtbot)  # the correction is remembered
    choose(again, qtbot, path)
    assert again.field_combo("说明文字").currentData() == "group"
    again.close()


@pytest.mark.parametrize("kind", ["garbage", "no header"])
def test_bad_file_shows_the_reason_and_changes_nothing(page, demo_db, tmp_path, qtbot, kind):
    if kind == "garbage":
        path = tmp_path / "bad.xlsx"
        path.write_bytes(b"not a spreadsheet at all")
        expected = "文件"
    else:
        wb = Workbook()
        wb.active.append(["这不是花名册"])
        wb.active.append(["甲", "乙", "丙"])
        path = tmp_path / "nohead.xlsx"
        wb.save(path)
        expected = "表头"
    before = journal_size(demo_db)
    dialog = open_import(page, qtbot)
    choose(dialog, qtbot, path)
    assert dialog.error.isVisible()
    assert expected in dialog.error.text()
    assert "Traceback" not in dialog.error.text()
    assert dialog.path is None and not dialog.check_button.isEnabled()
    assert dialog.step() == dialog.STEP_FILE
    assert journal_size(demo_db) == before
    dialog.close()


def test_cancelled_import_writes_nothing(page, ctx, demo_db, tmp_path, qtbot, monkeypatch):
    from village_desk.core.excel import roster_import

    path = messy_roster(tmp_path / "九组花名册.xlsx")
    dialog = open_import(page, qtbot)
    choose(dialog, qtbot, path)
    combo = dialog.field_combo("序号")
    combo.setCurrentIndex(combo.findData("notes"))  # a correction, to be remembered
    with qtbot.waitSignal(dialog.model.modelReset, timeout=10000):
        click(qtbot, dialog.check_button)
    before = journal_size(demo_db)

    gate = threading.Event()
    plan = roster_import.make_plan

    def slow_plan(*args, **kwargs):  # a big roster: the import is under way when cancelled
        result = plan(*args, **kwargs)
        gate.wait(10)
        return result

    monkeypatch.setattr(roster_import, "make_plan", slow_plan)
    imported = []
    dialog.imported.connect(imported.append)
    click(qtbot, dialog.import_button)
    op = dialog.job
    assert op is not None and not dialog.close_button.isEnabled()
    dialog.reject()  # Esc: the dialog stays while the import is written
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    (cancel,) = op.dialog.findChildren(QPushButton)
    click(qtbot, cancel)
    gate.set()
    wait_ops(qtbot, ctx)
    assert imported == [] and not dialog.applied
    assert journal_size(demo_db) == before
    assert not demo_db.read(queries.reference.get_setting, SETTING_KEY)
    assert dialog.error.isVisible() and dialog.error.text() == QCoreApplication.translate(
        "RosterImportDialog", "Import cancelled; nothing was written."
    )  # 已取消导入，没有写入任何内容。
    assert dialog.counts_label.text().startswith("检查结果（尚未写入）")
    assert dialog.import_button.isEnabled()  # it can be imported after all
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.import_button)
    assert demo_db.read(queries.reference.get_setting, SETTING_KEY) == {"序号": "notes"}
    dialog.close()
