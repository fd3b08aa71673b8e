"""Print preview, printing and "save as PDF" for the PDFs the core makes.

The core writes every printout as a PDF (reportlab, no Qt). Here:

* :func:`generate_and_preview` runs the core ``print_*`` call as a
  ``ctx.task`` (a reader thread) into a temporary file, with a progress
  dialog after ~0.5 s that can cancel, then opens :class:`PrintPreviewDialog`
  on the file;
* :class:`PrintPreviewDialog` shows the pages (Qt PDF: page view, zoom,
  page navigation), prints them and saves a copy;
* :func:`print_pdf_file` paints the pages onto a configured :class:`QPrinter`
  (each page rendered to an image at the printer's resolution, at most
  :data:`MAX_PRINT_DPI`). It runs as a task too: it opens its own
  :class:`QPdfDocument`, and painting on a QPrinter is allowed off the GUI
  thread. Cancelling goes through its :class:`~village_desk.core.jobs.Job`.

The printing calls need the :class:`~village_desk.ui.context.AppContext`
(its executor runs the work); :func:`app_context` also finds it from the
page a printout starts on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from village_desk.core.jobs import Cancelled, Job, ensure
from village_desk.core.storage.db import Database
from village_desk.ui.context import AppContext
from village_desk.ui.errors import describe
from village_desk.ui.ops import Task
from village_desk.ui.widgets.forms import HINT_STYLE
from village_desk.ui.widgets.modal import run_modal

log = logging.getLogger(__name__)

# Pages are rasterised for the printer at its resolution, but not finer than
# this: 300 dpi keeps text and QR codes crisp on paper while an A4 page stays
# a 35 MB image (1200 dpi would be 560 MB a page).
MAX_PRINT_DPI = 300
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
POINTS_PER_INCH = 72.0


# ---------------------------------------------------------------- context


def app_context(parent: QWidget | None, ctx: AppContext | Database) -> AppContext:
    """``ctx`` itself, or — given a ``Database`` (the older call form) — the
    context of the page ``parent`` belongs to."""
    if isinstance(ctx, AppContext):
        return ctx
    widget = parent
    while widget is not None:
        found = getattr(widget, "ctx", None)
        if isinstance(found, AppContext) and (ctx is None or found.db is ctx):
            return found
        widget = widget.parentWidget()
    raise TypeError("printing needs the AppContext (pass ctx, or a parent page that has it)")


# ---------------------------------------------------------------- printing


def page_layout_for(document: QPdfDocument) -> QPageLayout:
    """The first page's paper size and orientation, without margins."""
    size = document.pagePointSize(0) if document.pageCount() else QSizeF(595.0, 842.0)
    w, h = size.width(), size.height()
    page_size = QPageSize(
        QSizeF(min(w, h), max(w, h)),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, document: QPdfDocument, title: str = "") -> None:
    """Paper and orientation of the document, whole page, all pages selected."""
    printer.setPageLayout(page_layout_for(document))
    printer.setFullPage(True)  # the PDF has its own margins (and crop marks)
    if title:
        printer.setDocName(title)
    if document.pageCount():
        printer.setFromTo(1, document.pageCount())


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page numbers the printer's page range asks for."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(page_count))
    last = min(last if last > 0 else page_count, page_count)
    return list(range(first - 1, last))


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    size_pt = document.pagePointSize(page)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    dpi = printer.resolution()
    width = size_pt.width() / POINTS_PER_INCH * dpi
    height = size_pt.height() / POINTS_PER_INCH * dpi
    # Actual size when the paper holds the page (cards keep their millimetres);
    # otherwise scaled down to fit.
    scale = min(1.0, paper.width() / width, paper.height() / height)
    target = QRectF(0, 0, width * scale, height * scale)
    target.moveCenter(QPointF(paper.width() / 2, paper.height() / 2))
    if scale == 1.0:
        target.moveTopLeft(QPointF(0, 0))
    render_dpi = min(dpi, MAX_PRINT_DPI)
    pixels = QSize(
        round(size_pt.width() / POINTS_PER_INCH * render_dpi * scale),
        round(size_pt.height() / POINTS_PER_INCH * render_dpi * scale),
    )
    image = document.render(page, pixels)
    if image.isNull():
        raise RuntimeError(f"page {page + 1} could not be rendered")
    painter.drawImage(target, image, QRectF(image.rect()))


def print_pdf_file(pdf_path: str | os.PathLike, printer: QPrinter, job: Job | None = None) -> int:
    """Print the PDF's pages on a configured printer; returns the pages printed.

    Safe in a worker thread. Reports each page to ``job``; raises
    :class:`~village_desk.core.jobs.Cancelled` when the job is cancelled
    between pages (the print job is aborted).
    """
    job = ensure(job)
    document = QPdfDocument()
    try:
        error = document.load(str(pdf_path))
        if error != QPdfDocument.Error.None_:
            raise OSError(f"cannot read {pdf_path}: {error.name}")
        pages = pages_to_print(printer, document.pageCount())
        job.check()
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(
                QCoreApplication.translate("PrintPreview", "The printer could not be started.")
            )
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for n, page in enumerate(pages):
                job.check()
                if n:
                    printer.newPage()
                _paint_page(painter, printer, document, page)
                job.report(
                    QCoreApplication.translate(
                        "PrintPreviewDialog", "Page {done} of {total}"
                    ).format(done=n + 1, total=len(pages)),
                    (n + 1) / len(pages),
                )
        except Cancelled:
            printer.abort()
            raise
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()


def exec_print_dialog(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog (printer, copies, page range, duplex)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreview", "Print"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    return run_modal(dialog) == QDialog.DialogCode.Accepted


def choose_save_path(parent: QWidget | None, suggested: str) -> str:
    """Where to save a printout as PDF: the dialog opens in the folder last
    used for PDFs (else Documents), which it then remembers."""
    from PySide6.QtCore import QSettings

    from village_desk.ui.widgets.files import remember_folder, start_folder

    prefs = QSettings()
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PrintPreview", "Save as PDF"),
        str(Path(start_folder(prefs, "pdf")) / suggested),
        QCoreApplication.translate("PrintPreview", "PDF files (*.pdf)"),
    )
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    if path:
        remember_folder(prefs, "pdf", path)
    return path


# ---------------------------------------------------------------- the dialog


class _PdfView(QPdfView):
    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PrintPreviewDialog(QDialog):
    """Pages of a PDF with zoom and page navigation; print and save a copy.

    ``printer_dialog(parent, printer) -> bool`` and ``save_path(parent,
    suggested) -> str`` default to the system dialogs; tests pass their own.
    """

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # path of the copy

    def __init__(
        self,
        ctx: AppContext,
        pdf_path: str | os.PathLike,
        title: str,
        suggested_name: str = "",
        parent: QWidget | None = None,
        *,
        printer_dialog: Callable[[QWidget, QPrinter], bool] = exec_print_dialog,
        save_path: Callable[[QWidget, str], str] = choose_save_path,
        delete_file: bool = False,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.pdf_path = Path(pdf_path)
        self.title = title
        self.suggested_name = suggested_name or f"{title}.pdf"
        self.printer_dialog = printer_dialog
        self.save_path = save_path
        self._delete_file = delete_file
        self._print_op: Task | None = None
        self._printer: QPrinter | None = None
        self._closing: int | None = None  # closed while printing: the result, once it ended
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.document = QPdfDocument(self)
        error = self.document.load(str(self.pdf_path))
        self.view = _PdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #808080; }")

        # tool bar: pages, zoom
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.prev_action = QAction(self.tr("◀ Previous page"), self)
        self.prev_action.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next_action = QAction(self.tr("Next page ▶"), self)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.page_spin = QSpinBox()
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.page_spin.setRange(1, max(1, self.document.pageCount()))
        self.page_spin.setPrefix(self.tr("Page "))
        self.page_count_label = QLabel(self.tr("of {n}").format(n=self.document.pageCount()))
        self.zoom_out_action = QAction(self.tr("Zoom out"), self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_action = QAction(self.tr("Zoom in"), self)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.fit_width_action = QAction(self.tr("Fit width"), self)
        self.fit_page_action = QAction(self.tr("Whole page"), self)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        bar.addAction(self.prev_action)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_count_label)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)

        # buttons
        self.status_label = QLabel()
        self.status_label.setStyleSheet(HINT_STYLE)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), max(480, screen.height() - 80))

        if error != QPdfDocument.Error.None_ or not self.document.pageCount():
            self.status_label.setText(self.tr("The printout could not be shown."))
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(self._update_zoom_label)
        self.view.zoomModeChanged.connect(self._update_zoom_label)
        self.page_spin.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.prev_action.triggered.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_action.triggered.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.fit_width_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.reject)
        self._page_changed(0)
        self.view.resized.connect(self._update_zoom_label)  # fit modes zoom with the size
        self._update_zoom_label()

    # ------------------------------------------------------------ viewing

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if not 0 <= page < self.page_count() or page == self.current_page():
            return
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_action.setEnabled(page > 0)
        self.next_action.setEnabled(page + 1 < self.page_count())

    def effective_zoom(self) -> float:
        """The zoom on screen, also in the fit modes (QPdfView keeps 1.0 there)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        size = self.document.pagePointSize(max(self.current_page(), 0))
        viewport = self.view.viewport().size()
        dpi = self.view.logicalDpiX() / POINTS_PER_INCH
        width = max(size.width() * dpi, 1.0)
        height = max(size.height() * dpi, 1.0)
        margin = 2 * self.view.documentMargins().left()
        fit_w = (viewport.width() - margin) / width
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return fit_w
        return min(fit_w, (viewport.height() - margin) / height)

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))

    @Slot()
    def zoom_in(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now + 0.01), ZOOM_STEPS[-1]))

    @Slot()
    def zoom_out(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.01), ZOOM_STEPS[0]))

    @Slot()
    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%")

    # ------------------------------------------------------------ printing

    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document, self.title)
        return printer

    @Slot()
    def print_document(self) -> Task | None:
        """Ask for the printer (the dialog), then print as a task."""
        if self._print_op is not None:
            return None
        printer = self.new_printer()
        if not self.printer_dialog(self, printer):
            return None
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Task:
        self._printer = printer  # alive until the task ends
        printer.setFullPage(True)  # page coordinates from the paper's corner
        path = self.pdf_path
        self._print_op = (
            self.ctx.task(self, lambda job: print_pdf_file(path, printer, job))
            .progress(self.tr("Printing…"))
            .busy(self.print_button)
            .always(self._print_ended)
            .success(self._printed)
            .failure(self._print_failed)
            .cancelled(lambda: self.status_label.setText(self.tr("Printing was cancelled.")))
            .run()
        )
        return self._print_op

    def _print_ended(self) -> None:
        self._print_op = None
        self._printer = None
        if self._closing is not None:  # closed while printing: close now
            self.done(self._closing)

    def _printed(self, pages: int) -> None:
        self.status_label.setText(self.tr("{n} pages sent to the printer.").format(n=pages))
        self.printed.emit(pages)

    def _print_failed(self, err: BaseException) -> None:
        self.status_label.setText("")
        reason = str(err) if isinstance(err, OSError) and not err.strerror else describe(err)
        QMessageBox.warning(self, self.tr("Printing failed"), reason)

    # ------------------------------------------------------------ saving

    @Slot()
    def save_copy(self) -> str:
        path = self.save_path(self, self.suggested_name)
        if not path:
            return ""
        from village_desk.core.domain.errors import ServiceError
        from village_desk.core.storage.files import atomic_output

        try:
            # whole or not at all: a full disk leaves no truncated PDF under the name
            with open(self.pdf_path, "rb") as src, atomic_output(path) as out:
                shutil.copyfileobj(src, out)
        except (OSError, ServiceError) as err:
            QMessageBox.warning(self, self.tr("Could not save"), describe(err))
            return ""
        self.status_label.setText(self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)
        return path

    # ------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        if self._print_op is not None:
            # Stop after the current page; the dialog closes when the task ended
            # (its progress dialog and buttons are ours).
            self._closing = result
            self._print_op.cancel()
            return
        self._closing = None
        super().done(result)
        self.document.close()  # releases the file (Windows locks open files)
        if self._delete_file:
            with contextlib.suppress(OSError):
                self.pdf_path.unlink()


# ---------------------------------------------------------------- generation


class PrintRun(QObject):
    """One printout: generate as a task, then preview.

    ``generate(out_path, job)`` calls a core ``print_*`` function with the
    :class:`~village_desk.core.jobs.Job`, whose reports raise ``Cancelled``
    once the user has cancelled. :attr:`opened` carries the preview dialog;
    :attr:`failed` the refusal (``Cancelled`` when cancelled). The temporary
    PDF is deleted when the preview closes or the run fails.
    """

    opened = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext | Database,
        parent: QWidget,
        title: str,
        suggested_name: str,
        generate: Callable[[str, Job], object],
        min_duration_ms: int = 500,
    ):
        super().__init__(parent)
        self.ctx = app_context(parent, ctx)
        self.parent_widget = parent
        self.title = title
        self.suggested_name = suggested_name
        self.generate = generate
        self.min_duration_ms = min_duration_ms
        self.dialog: PrintPreviewDialog | None = None
        self.op: Task | None = None
        fd, path = tempfile.mkstemp(prefix="village-desk-", suffix=".pdf")
        os.close(fd)
        self.path = path

    def start(self) -> PrintRun:
        path, generate = self.path, self.generate

        def work(job: Job) -> str:
            try:
                generate(path, job)
                job.check()
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(path)
                raise
            return path

        self.op = (
            self.ctx.task(self.parent_widget, work)
            .progress(
                QCoreApplication.translate("PrintPreview", "Preparing “{title}”…").format(
                    title=self.title
                ),
                self.min_duration_ms,
            )
            .success(self._generated)
            .failure(self._failed)
            .cancelled(lambda: self._failed(Cancelled()))
            .run()
        )
        return self

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def _generated(self, _path) -> None:
        dialog = PrintPreviewDialog(
            self.ctx,
            self.path,
            self.title,
            self.suggested_name,
            self.parent_widget,
            delete_file=True,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(self.deleteLater)
        dialog.show()
        self.opened.emit(dialog)

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, Cancelled):
            QMessageBox.warning(
                self.parent_widget,
                QCoreApplication.translate("PrintPreview", "Could not prepare the printout"),
                describe(err),
            )
        self.failed.emit(err)
        self.deleteLater()


def generate_and_preview(
    ctx: AppContext | Database,
    parent: QWidget,
    title: str,
    suggested_name: str,
    generate: Callable[[str, Job], object],
    min_duration_ms: int = 500,
) -> PrintRun:
    """Start a printout (see :class:`PrintRun`); returns the run."""
    return PrintRun(ctx, parent, title, suggested_name, generate, min_duration_ms).start()
