"""Photos and scans attached to a record (留痕): a strip of thumbnails with
添加…, drag-and-drop of files, and a viewer.

:class:`AttachmentPanel` shows the attachments of one record (a diary entry,
matter, meeting, commitment, dispute or activity). Files dropped on it or
chosen with 添加… are read, turned upright, scaled down and stripped of the
place the phone recorded (unless 保留拍摄信息 is ticked) by
``services.attachments`` on the writer thread, with progress; a file that
cannot be used is named with the reason and the others are still added.
Double-click (or Enter) opens :class:`AttachmentViewer`: the picture fitted
to the window, ←/→ for the previous and next, the caption and kind to
correct, 另存为…, 删除 (with Undo). A PDF scan shows its first page.

Before its record is saved (a new diary entry) the panel keeps the chosen
files and adds them with :meth:`AttachmentPanel.commit` once the record has
an id.
"""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.attachments import EXTENSIONS, KINDS, PICKER_PATTERNS, human_size
from village_desk.core.domain.errors import ServiceError
from village_desk.ui.i18n import current_language
from village_desk.ui.widgets.undo_bar import UndoBar

log = logging.getLogger(__name__)

THUMB = 96
KINDS_EN = {"photo": "Photo", "scan": "Scan", "signoff": "Signed completion slip"}
_CACHE: OrderedDict[tuple[str, int], QImage] = OrderedDict()
_CACHE_SIZE = 400


def kind_text(code: str) -> str:
    if current_language().startswith("en"):
        return KINDS_EN.get(code, code)
    return KINDS.get(code, code)


def render(data: bytes, mime: str, size: int) -> QImage:
    """The picture of a stored file, fitted into ``size``×``size`` (a PDF's
    first page). Safe off the GUI thread (QImage, not QPixmap)."""
    if mime == "application/pdf":
        return _pdf_page(data, size)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        # decoded at the size shown (a JPEG decodes at 1/8 scale: a thumbnail
        # of a 2560-pixel photo costs a few milliseconds, not a full decode)
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if not image.isNull() else QImage()


def _pdf_page(data: bytes, size: int) -> QImage:
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:  # a Qt without the PDF module: the file icon
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        return QImage()
    page = doc.pagePointSize(0)
    scale = size / max(page.width(), page.height(), 1)
    image = doc.render(0, QSize(int(page.width() * scale), int(page.height() * scale)))
    doc.close()
    if image.isNull():
        return image
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(Qt.GlobalColor.white)
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def thumbnail(store, sha: str, mime: str, size: int = THUMB) -> QImage:
    """A cached thumbnail of a stored file (a null image if the file is not
    on this computer or cannot be read)."""
    key = (sha, size)
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    try:
        image = render(store.read(sha), mime, size)
    except (OSError, ServiceError):
        return QImage()
    _CACHE[key] = image
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return image


def _local_thumbnail(path: Path, size: int = THUMB) -> QImage:
    """A file not stored yet (chosen for a record not saved yet)."""
    if path.suffix.lower() == ".pdf":
        try:
            return render(path.read_bytes(), "application/pdf", size)
        except OSError:
            return QImage()
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return image
    return image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _file_icon(widget: QWidget) -> QIcon:
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


def describe(row) -> str:
    """One attachment in a line: kind, caption, file, size, when taken."""
    parts = [kind_text(row.kind)]
    if row.caption:
        parts.append(row.caption)
    parts.append(row.original_name or "")
    size = human_size(row.size)
    if row.width:
        size += f"，{row.width}×{row.height}"
    parts.append(size)
    if row.taken:
        parts.append(
            QCoreApplication.translate("Attachments", "taken {when}").format(
                when=row.taken.replace("T", " ")[:16]
            )
        )
    return " · ".join(p for p in parts if p)


def beside(detail: QWidget, panel: AttachmentPanel) -> QHBoxLayout:
    """A record's details with its photos to their right (the pages' lower pane)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    if isinstance(detail, QLabel):
        row.addWidget(detail, 3, Qt.AlignmentFlag.AlignTop)
    else:
        row.addWidget(detail, 3)
    row.addWidget(panel, 2)
    return row


def local_files(urls) -> list[Path]:
    """The local files among dropped URLs."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_file():
                out.append(path)
    return out


class AttachmentPanel(QWidget):
    """The attachments of one record of ``entity`` (``domain.attachments.OWNERS``)."""

    changed = Signal(int)  # how many attachments (or chosen files) it shows now

    def __init__(
        self,
        ctx,
        entity: str,
        parent: QWidget | None = None,
        *,
        default_kind: str = "photo",
        title: str | None = None,
        compact: bool = False,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.default_kind = default_kind
        self.owner_id: uuid.UUID | None = None
        self.rows: list = []
        self.pending: list[Path] = []  # chosen before the record has an id
        self.editable = True
        self.setAcceptDrops(True)
        self.title = QLabel(title or self.tr("Photos and scans"))
        self.title.setAccessibleName(self.tr("Photos and scans"))
        self.add_button = QPushButton(self.tr("Add photos or scans…"))
        self.add_button.setToolTip(
            self.tr("Choose photos or PDF scans, or drop files here (they are made smaller)")
        )
        self.keep_box = QCheckBox(self.tr("Keep camera details (incl. location)"))
        self.keep_box.setToolTip(
            self.tr(
                "Normally the place and camera details a phone writes into a photo are removed. "
                "Tick to keep them."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Attached photos and scans"))
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 34))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWrapping(True)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(THUMB + 44)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.list.setAcceptDrops(False)  # the panel takes drops
        if compact:  # one row of thumbnails (a page with more below)
            self.list.setMaximumHeight(THUMB + 44)
            self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.hint = QLabel(self.tr("No photos yet. Drop files here or use “Add…”."))
        self.hint.setStyleSheet("color: palette(mid);")
        self.hint.setWordWrap(True)
        self.undo = UndoBar(parent=self)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.keep_box)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.undo)
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.list.itemActivated.connect(lambda item: self.open_viewer(self.list.row(item)))
        self.undo.undo_requested.connect(self._undo)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        ctx.data_changed.connect(self._on_changes)
        self._show()

    # ------------------------------------------------------------ whose

    def set_owner(self, owner_id: uuid.UUID | None, *, editable: bool = True) -> None:
        """Show the attachments of ``owner_id`` (None: a record not saved
        yet — chosen files wait for :meth:`commit`)."""
        if owner_id != self.owner_id:
            self.pending = []
            self.undo.dismiss()
        self.owner_id = owner_id
        self.editable = editable
        self.refresh()

    def refresh(self) -> None:
        if self.owner_id is None:
            self.rows = []
        else:
            self.rows = self.ctx.read(queries.attachments.for_owner, self.entity, self.owner_id)
        self._show()

    def _on_changes(self, changes) -> None:
        if self.owner_id is not None and changes.touches("attachment"):
            self.refresh()

    def count(self) -> int:
        return len(self.rows) + len(self.pending)

    def _show(self) -> None:
        self.list.clear()
        store = queries.attachments.store(self.ctx.db)
        for row in self.rows:
            item = QListWidgetItem(self._caption(row))
            image = thumbnail(store, row.sha256, row.mime)
            item.setIcon(
                QIcon(QPixmap.fromImage(image)) if not image.isNull() else _file_icon(self)
            )
            item.setToolTip(describe(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        for path in self.pending:
            item = QListWidgetItem(path.name)
            image = _local_thumbnail(path)
            item.setIcon(
                QIcon(QPixmap.fromImage(image)) if not image.isNull() else _file_icon(self)
            )
            item.setToolTip(
                self.tr("{name} — added when the record is saved").format(name=path.name)
            )
            self.list.addItem(item)
        self.add_button.setEnabled(self.editable)
        self.keep_box.setEnabled(self.editable)
        if self.owner_id is None and not self.editable:
            self.hint.setText(self.tr("Choose a record to see its photos and scans."))
        else:
            self.hint.setText(self.tr("No photos yet. Drop files here or use “Add…”."))
        self.hint.setVisible(self.count() == 0)
        self.changed.emit(self.count())

    @staticmethod
    def _caption(row) -> str:
        text = row.caption or kind_text(row.kind)
        return text if len(text) <= 10 else text[:9] + "…"

    # ------------------------------------------------------------ adding

    @Slot()
    def choose_files(self, kind: str | None = None) -> None:
        """Files picked in the file dialog, attached as ``kind`` (None: a
        photo, or a scan for a PDF)."""
        if not self.editable:
            return
        start = self.ctx.prefs.value("attachments/folder", "") or str(Path.home())
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos or scans"),
            str(start),
            self.tr("Photos and scans ({patterns});;All files (*)").format(
                patterns=PICKER_PATTERNS
            ),
        )
        if names:
            self.ctx.prefs.setValue("attachments/folder", str(Path(names[0]).parent))
            self.add_files([Path(n) for n in names], kind)

    def add_files(self, paths: list[Path], kind: str | None = None) -> None:
        """Attach ``paths`` (or keep them until :meth:`commit` for a record
        not saved yet)."""
        if not paths or not self.editable:
            return
        if self.owner_id is None:
            self.pending += [p for p in paths if p not in self.pending]
            self._show()
            return
        self._attach(self.owner_id, paths, kind)

    def commit(self, owner_id: uuid.UUID, then=None) -> None:
        """The record now exists: add the files chosen before, then show it."""
        paths, self.pending = list(self.pending), []
        self.owner_id = owner_id
        if paths:
            self._attach(owner_id, paths, None, then)
        else:
            self.refresh()
            if then is not None:
                then()

    def _attach(self, owner_id, paths: list[Path], kind: str | None, then=None) -> None:
        actor, entity, keep = self.ctx.operator_id, self.entity, self.keep_box.isChecked()
        default = self.default_kind

        def work(db, job=None):
            added, refused = [], []
            for i, path in enumerate(paths):
                if job is not None:
                    job.report(self.tr("Adding {name}").format(name=path.name), i / len(paths))
                chosen = kind or ("scan" if path.suffix.lower() == ".pdf" else default)
                try:
                    added.append(
                        services.attachments.add_attachment(
                            db, actor, entity, owner_id, path, kind=chosen, keep_metadata=keep
                        )
                    )
                except ServiceError as err:  # the person's file: say which and why
                    refused.append(str(err))
            return added, refused

        def done(result) -> None:
            _added, refused = result
            self.refresh()
            if refused:
                QMessageBox.warning(
                    self, self.tr("Some files were not added"), "\n\n".join(refused[:10])
                )
            if then is not None:
                then()

        (
            self.ctx.op(self, work)
            .progress(self.tr("Adding photos and scans"))
            .busy(self.add_button)
            .success(done)
            .run()
        )

    # drag and drop
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.editable and event.mimeData().hasUrls() and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt)
        files = local_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if files and self.editable:
            event.acceptProposedAction()
            self.add_files(files)
        else:
            event.ignore()

    # ------------------------------------------------------------ viewing, deleting

    def open_viewer(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return  # a file waiting for its record: nothing stored to show yet
        from village_desk.ui.widgets.modal import run_modal

        run_modal(AttachmentViewer(self.ctx, self.rows, index, self, editable=self.editable))

    def selected_row(self):
        index = self.list.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    @Slot()
    def delete_selected(self) -> None:
        index = self.list.currentRow()
        if index >= len(self.rows) and self.pending:
            self.pending.pop(index - len(self.rows))  # not stored yet: just forget it
            self._show()
            return
        row = self.selected_row()
        if row is not None and self.editable:
            self.delete(row)

    def delete(self, row, parent: QWidget | None = None, then=None) -> None:
        answer = QMessageBox.question(
            parent or self,
            self.tr("Delete attachment"),
            self.tr("Delete “{what}” from this record? You can undo this right afterwards.").format(
                what=row.caption or row.original_name or kind_text(row.kind)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.ctx.operator_id

        def deleted(_tx) -> None:
            self.undo.offer(
                row.id, self.tr("Deleted “{what}”").format(what=row.caption or row.original_name)
            )
            if then is not None:
                then()

        self.ctx.op(
            self, lambda db: services.attachments.delete_attachment(db, actor, row.id)
        ).success(deleted).run()

    def _undo(self, attachment_id) -> None:
        actor = self.ctx.operator_id
        self.ctx.op(
            self, lambda db: services.attachments.restore_attachment(db, actor, attachment_id)
        ).run()


class AttachmentViewer(QDialog):
    """One attachment at a time, fitted to the window; ←/→ go through the
    record's others. The caption and kind can be corrected; 另存为… writes the
    stored file; 删除 removes it from the record (with Undo on the panel)."""

    def __init__(self, ctx, rows: list, index: int, panel: AttachmentPanel, *, editable=True):
        super().__init__(panel)
        self.ctx = ctx
        self.rows = list(rows)
        self.index = index
        self.panel = panel
        self.editable = editable
        self.setWindowTitle(self.tr("Photos and scans"))
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(320, 240)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_edit = QLineEdit()
        self.caption_edit.setAccessibleName(self.tr("Caption"))
        self.caption_edit.setPlaceholderText(self.tr("What it shows, e.g. 签收单 signed by 张三丰"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.save_caption_button = QPushButton(self.tr("Save caption"))
        self.save_as_button = QPushButton(self.tr("Save a copy…"))
        self.open_button = QPushButton(self.tr("Open in another program"))
        self.delete_button = QPushButton(self.tr("Delete"))
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("Caption")))
        edit_row.addWidget(self.caption_edit, 1)
        edit_row.addWidget(self.kind_combo)
        edit_row.addWidget(self.save_caption_button)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.open_button)
        nav.addWidget(self.save_as_button)
        nav.addWidget(self.delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image_label, 1)
        layout.addWidget(self.info)
        layout.addLayout(edit_row)
        layout.addWidget(self.error)
        layout.addLayout(nav)
        layout.addWidget(close)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, activated=lambda: self.go(-1))
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, activated=lambda: self.go(1))
        self.save_caption_button.clicked.connect(self.save_caption)
        self.caption_edit.returnPressed.connect(self.save_caption)
        self.save_as_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_outside)
        self.delete_button.clicked.connect(self.delete)
        self._image = QImage()
        self.resize(900, 680)
        self.show_current()

    @property
    def row(self):
        return self.rows[self.index]

    def go(self, step: int) -> None:
        if self.rows:
            self.index = (self.index + step) % len(self.rows)
            self.show_current()

    def show_current(self) -> None:
        row = self.row
        self.error.clear()
        self.kind_combo.clear()
        for code in KINDS:
            if code == "signoff" and row.owner_entity != "matter":
                continue
            self.kind_combo.addItem(kind_text(code), code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(row.kind), 0))
        self.caption_edit.setText(row.caption)
        self.info.setText(
            f"{self.index + 1} / {len(self.rows)}　"
            + describe(row)
            + "　"
            + self.tr("added {date}").format(date=row.added_on.isoformat())
        )
        try:
            _row, data = services.attachments.file_bytes(self.ctx.db, row.id)
        except ServiceError as err:
            self._image = QImage()
            self.image_label.setText(str(err))
        else:
            self._image = render(data, row.mime, 1600)
            if self._image.isNull():
                self.image_label.setText(self.tr("This file cannot be shown here."))
        self._fit()
        several = len(self.rows) > 1
        self.prev_button.setEnabled(several)
        self.next_button.setEnabled(several)
        for w in (self.caption_edit, self.kind_combo, self.save_caption_button, self.delete_button):
            w.setEnabled(self.editable)
        self.open_button.setVisible(row.mime == "application/pdf")

    def _fit(self) -> None:
        if self._image.isNull():
            self.image_label.setPixmap(QPixmap())
            return
        size = self.image_label.size()
        self.image_label.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit()

    def save_caption(self) -> None:
        row, actor = self.row, self.ctx.operator_id
        caption, kind = self.caption_edit.text(), self.kind_combo.currentData()
        self.error.clear()

        def saved(_r) -> None:
            self.rows = self.ctx.read(queries.attachments.for_owner, row.owner_entity, row.owner_id)
            if self.rows:
                self.index = min(self.index, len(self.rows) - 1)
                self.show_current()

        self.ctx.op(
            self,
            lambda db: services.attachments.update_attachment(
                db, actor, row.id, caption=caption, kind=kind
            ),
        ).failure(lambda err: self.error.setText(str(err))).busy(self.save_caption_button).success(
            saved
        ).run()

    def save_as(self) -> None:
        row = self.row
        suggested = row.original_name or f"附件{self.index + 1}"
        ext = EXTENSIONS.get(row.mime)
        if ext and not suggested.lower().endswith(ext):
            suggested = Path(suggested).stem + ext
        start = Path(self.ctx.prefs.value("attachments/save_folder", "") or Path.home())
        name, _f = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(start / suggested))
        if not name:
            return
        self.ctx.prefs.setValue("attachments/save_folder", str(Path(name).parent))
        self.ctx.task(
            self, lambda _job: services.attachments.save_copy(self.ctx.db, row.id, name)
        ).failure(lambda err: self.error.setText(str(err))).run()

    def open_outside(self) -> None:
        """A PDF in the computer's own viewer (a copy in the private temp folder)."""
        import tempfile

        row = self.row
        try:
            folder = Path(tempfile.mkdtemp(prefix="village-desk-view-"))
            out = services.attachments.save_copy(
                self.ctx.db, row.id, folder / (Path(row.original_name).stem + ".pdf")
            )
        except ServiceError as err:
            self.error.setText(str(err))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def delete(self) -> None:
        row = self.row

        def gone() -> None:
            self.rows = [r for r in self.rows if r.id != row.id]
            if not self.rows:
                self.accept()
            else:
                self.index = min(self.index, len(self.rows) - 1)
                self.show_current()

        self.panel.delete(row, self, then=gone)
