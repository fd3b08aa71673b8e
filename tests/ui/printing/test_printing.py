"""Printing from the GUI: generation off the GUI thread with cancel, the
preview (Qt PDF), printing the pages to a QPrinter and saving a copy."""

from __future__ import annotations

import os
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from tests.ui.helpers import activate, click, exposed, on_modal, raise_problems
from village_desk.core import queries
from village_desk.core.jobs import Cancelled, Job
from village_desk.core.storage.models import Matter
from village_desk.ui.main_window import MainWindow
from village_desk.ui.printing.dialogs import SCOPE_LIST, SCOPE_SELECTED, print_cards
from village_desk.ui.printing.preview import PrintPreviewDialog, print_pdf_file

A4_POINTS = (595.3, 841.9)
GENERATION_TIMEOUT = 30000


def wait_for_preview(qtbot, run) -> PrintPreviewDialog:
    with qtbot.waitSignal(run.opened, timeout=GENERATION_TIMEOUT) as blocker:
        pass
    dialog = blocker.args[0]
    exposed(dialog)
    return dialog


def open_preview(qtbot, run) -> PrintPreviewDialog:
    """The preview of ``run`` (already opened or still generating)."""
    if run.dialog is None:
        return wait_for_preview(qtbot, run)
    exposed(run.dialog)
    return run.dialog


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def head_name(db, household_id) -> str:
    with db.reading() as s:
        return next(
            p.name for p in queries.households.members(s, household_id) if p.relation == "head"
        )


def close_preview(qtbot, dialog) -> None:
    path = dialog.pdf_path
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not path.exists(), timeout=2000)  # the temporary file is gone


def test_household_card_preview_shows_pages_and_saves_a_pdf(window, demo_db, qtbot, tmp_path):
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    hid = page.model.household(0).id
    page.open_household(hid)
    click(qtbot, page.detail.card_button)
    dialog = open_preview(qtbot, page.last_print)

    # one household on the A4 10-up sheet: a front page and a mirrored back page
    assert dialog.page_count() == 2
    assert dialog.page_spin.maximum() == 2
    assert not dialog.prev_action.isEnabled() and dialog.next_action.isEnabled()
    # the page is really drawn: the view shows white paper on the grey background
    qtbot.waitUntil(
        lambda: (
            QColor(
                dialog.view.grab()
                .toImage()
                .pixel(dialog.view.width() // 2, dialog.view.height() // 2)
            ).lightness()
            > 240
        ),
        timeout=5000,
    )
    dialog.zoom_in()
    assert dialog.view.zoomFactor() > 0.5 and dialog.zoom_label.text().endswith("%")
    zoomed = dialog.view.zoomFactor()
    dialog.zoom_out()
    assert dialog.view.zoomFactor() < zoomed
    dialog.next_action.trigger()
    qtbot.waitUntil(lambda: dialog.current_page() == 1, timeout=2000)
    assert dialog.page_spin.value() == 2 and not dialog.next_action.isEnabled()

    copy = tmp_path / "卡片.pdf"
    dialog.save_path = lambda parent, suggested: str(copy)
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    text = "".join(p.extract_text() for p in PdfReader(copy).pages)
    assert head_name(demo_db, hid) in text
    assert str(copy) in dialog.status_label.text()
    close_preview(qtbot, dialog)


def test_printing_sends_every_page_to_the_printer(window, demo_db, qtbot, tmp_path):
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    run = print_cards(window, window.ctx, all_households=True)
    dialog = open_preview(qtbot, run)
    assert dialog.page_count() == 8  # 40 cards: 4 sheets of fronts and 4 of backs

    out = tmp_path / "printed.pdf"
    chosen = []

    def printer_dialog(parent, printer):  # what the user does in the print dialog
        chosen.append((printer.fromPage(), printer.toPage(), printer.fullPage()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(3, 4)  # the second sheet, front and back
        return True

    dialog.printer_dialog = printer_dialog
    with qtbot.waitSignal(dialog.printed, timeout=GENERATION_TIMEOUT) as blocker:
        click(qtbot, dialog.print_button)
    assert chosen == [(1, 8, True)]  # offered: all pages, paper without margins
    assert blocker.args == [2]
    printed = PdfReader(out)
    assert len(printed.pages) == 2
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert (width, height) == pytest.approx(A4_POINTS, abs=1.5)
    assert "2" in dialog.status_label.text()
    close_preview(qtbot, dialog)


def test_print_pdf_file_prints_all_pages_at_their_size(demo_db, qtbot, tmp_path):
    """The printing function itself: every page, landscape kept (ledger sheet)."""
    from village_desk.core.printing import print_ledger_sheet

    source = tmp_path / "sheet.pdf"
    today = __import__("datetime").date.today()
    pages = print_ledger_sheet(demo_db, source, today.year, today.month)
    from PySide6.QtPdf import QPdfDocument

    from village_desk.ui.printing.preview import prepare_printer

    doc = QPdfDocument()
    doc.load(str(source))
    out = tmp_path / "out.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, doc)
    doc.close()
    progress = []
    job = Job(lambda stage, fraction: progress.append((stage, fraction)))
    assert print_pdf_file(source, printer, job) == pages
    assert progress[-1] == (f"第 {pages} 页，共 {pages} 页", 1.0)
    printed = PdfReader(out)
    assert len(printed.pages) == pages
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert width > height  # landscape, as the sheet is


def slow_generation(path, job) -> None:
    """Like making thousands of cards: progress now and then, until cancelled."""
    for i in range(1, 6000):
        time.sleep(0.005)
        job.report("", i / 6000)


def test_cancelling_generation_leaves_no_dialog(window, demo_db, qtbot, tmp_path):
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    from village_desk.ui.printing.preview import PrintRun

    run = PrintRun(
        window.ctx,
        window,
        "联系卡",
        "联系卡.pdf",
        slow_generation,
        min_duration_ms=0,
    )
    path = run.path
    opened = []
    run.opened.connect(opened.append)
    run.start()
    progress = run.op.dialog
    qtbot.waitUntil(progress.isVisible, timeout=3000)
    with qtbot.waitSignal(run.failed, timeout=5000) as blocker:
        click(qtbot, progress.findChild(QPushButton))  # its Cancel button
    assert isinstance(blocker.args[0], Cancelled)
    assert not opened and run.dialog is None
    assert not os.path.exists(path)
    QApplication.processEvents()
    visible = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and not isinstance(w, type(window))
    ]
    assert visible == []


def test_card_dialog_prints_the_selected_households(window, demo_db, qtbot):
    problems: list = []
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page.table.selectRow(0)
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        page.table.visualRect(page.model.index(2, 1)).center(),
    )
    assert len(page.selected_household_ids()) == 2

    def choose(dialog):
        assert dialog.scope() == SCOPE_SELECTED
        assert not dialog.scope_radios["group"].isEnabled()  # no group filter chosen
        dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("single"))
        dialog.accept()

    on_modal(qtbot, choose, problems)
    click(qtbot, page.print_button)
    raise_problems(problems)
    dialog = open_preview(qtbot, page.last_print)
    assert dialog.page_count() == 4  # one card a page: two fronts, two backs
    close_preview(qtbot, dialog)


def test_card_dialog_of_an_unfiltered_list_offers_no_empty_filtered_list(window, qtbot):
    """The list says 共 40 户: the dialog must not offer 「当前筛选出的全部户（0 户）」."""
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    assert page.count_label.text() == f"共 {page.model.total} 户"
    dialog = page.card_print_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    offered = [r.text() for r in dialog.scope_radios.values() if r.isVisible()]
    assert not any("筛选出的全部户" in text for text in offered), offered
    assert not dialog.scope_radios[SCOPE_LIST].isVisible()
    assert f"全村所有户（{page.model.total} 户）" in offered
    dialog.reject()


def test_card_dialog_prints_the_filtered_list(window, demo_db, qtbot):
    problems: list = []
    page = window.households_page
    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    page.overdue_check.setChecked(True)  # only households with an overdue matter
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    listed = []

    def choose(dialog):
        assert dialog.scope_radios[SCOPE_LIST].isEnabled()
        listed.append(dialog.scope_radios[SCOPE_LIST].text())
        dialog.set_scope(SCOPE_LIST)
        dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("single"))
        dialog.accept()

    on_modal(qtbot, choose, problems)
    click(qtbot, page.print_button)
    raise_problems(problems)
    dialog = open_preview(qtbot, page.last_print)
    with demo_db.reading() as s:
        overdue = queries.households.household_count(s, page.current_filter())
    assert str(overdue) in listed[0]  # the dialog says how many households
    assert dialog.page_count() == 2 * overdue  # one card a page, front and back
    close_preview(qtbot, dialog)


def test_ctrl_p_prints_the_notice_from_the_ledger(window, demo_db, qtbot):
    problems: list = []
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    activate(window, qtbot)
    months = []

    def accept(dialog):
        months.append(dialog.month())
        dialog.accept()

    on_modal(qtbot, accept, problems)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    raise_problems(problems)
    dialog = open_preview(qtbot, window.ledger_page.last_print)
    assert dialog.page_count() >= 1
    assert f"{months[0][0]}-{months[0][1]:02d}" in dialog.windowTitle()
    close_preview(qtbot, dialog)


def test_referral_is_offered_only_for_forwarded_matters(window, demo_db, qtbot):
    page = window.ledger_page
    with demo_db.reading() as s:
        rows = list(s.scalars(select(Matter).where(Matter.deleted.is_(False))))
    forwarded = next(m for m in rows if m.forwarded_date is not None)
    local = next(m for m in rows if m.forwarded_date is None and m.status != "forwarded")
    window.nav.setCurrentRow(MainWindow.PAGE_LEDGER)
    page.open_matter(local.id)
    assert not page.detail.referral_button.isEnabled()
    page.open_matter(forwarded.id)
    assert page.detail.referral_button.isEnabled()

    problems: list = []

    def ask(dialog):
        dialog.request_edit.setPlainText("请镇里协调解决")
        dialog.accept()

    on_modal(qtbot, ask, problems)
    click(qtbot, page.detail.referral_button)
    raise_problems(problems)
    dialog = open_preview(qtbot, page.last_print)
    text = "".join(PdfReader(dialog.pdf_path).pages[0].extract_text().split())
    assert forwarded.number in text and "请镇里协调解决" in text
    close_preview(qtbot, dialog)


def test_printing_can_be_cancelled_and_closing_waits_for_the_page(
    window, qtbot, tmp_path, monkeypatch
):
    """Cancel stops printing between pages; closing the preview while it prints
    stops too, and the preview goes once the page in hand is done."""
    import threading

    from tests.ui.helpers import wait_ops
    from village_desk.ui.printing import preview

    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    dialog = open_preview(qtbot, print_cards(window, window.ctx, all_households=True))
    gate = threading.Event()
    painted = []
    paint = preview._paint_page

    def slow_paint(painter, printer, document, page):  # the printer takes its time
        paint(painter, printer, document, page)
        painted.append(page)
        gate.wait(10)

    monkeypatch.setattr(preview, "_paint_page", slow_paint)

    def to_pdf(parent, printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
        return True

    dialog.printer_dialog = to_pdf
    printed = []
    dialog.printed.connect(printed.append)
    op = dialog.print_document()
    assert not dialog.print_button.isEnabled()  # one print at a time
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    click(qtbot, op.dialog.findChild(QPushButton))  # Cancel
    gate.set()
    wait_ops(qtbot, window.ctx)
    assert dialog.status_label.text() == "已取消打印。"
    assert printed == [] and len(painted) == 1
    assert dialog.print_button.isEnabled()

    # closing while printing: the preview stays until the page in hand is done
    gate.clear()
    painted.clear()
    path = dialog.pdf_path
    dialog.print_document()
    qtbot.waitUntil(lambda: painted == [0], timeout=5000)
    dialog.reject()
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not path.exists(), timeout=5000)  # closed: the file is gone
    wait_ops(qtbot, window.ctx)
    assert printed == [] and painted == [0]


def test_saving_a_copy_on_a_full_disk_leaves_no_half_pdf_under_its_name(
    window, qtbot, tmp_path, monkeypatch
):
    import errno
    import shutil

    from PySide6.QtWidgets import QMessageBox

    window.nav.setCurrentRow(MainWindow.PAGE_HOUSEHOLDS)
    dialog = open_preview(qtbot, print_cards(window, window.ctx, all_households=True))
    folder = tmp_path / "U盘"
    folder.mkdir()
    copy = folder / "卡片.pdf"
    dialog.save_path = lambda parent, suggested: str(copy)

    def disk_fills(src, dst, *args):  # half the PDF fits, then the stick is full
        dst.write(src.read(1000))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", disk_fills)
    problems: list = []
    seen: list[str] = []
    on_modal(qtbot, lambda box: seen.append(box.text()) or box.accept(), problems, QMessageBox)
    click(qtbot, dialog.save_button)
    raise_problems(problems)
    assert seen and "空间" in seen[0]  # says the disk is full
    assert list(folder.iterdir()) == []  # neither a truncated 卡片.pdf nor a temp file
    monkeypatch.undo()
    close_preview(qtbot, dialog)
