"""设置 → 数据与备份: where this computer keeps the data, the logs and the
backups; the backup folder (a USB stick, say); 立即备份; the backups, each
checked on request and restorable.

Restoring asks first, then hands over to the application
(:func:`village_desk.ui.restart.request_restore`): the window and the database
close, the current data is backed up (``before-restore``), the backup is
put in place and the data opened again — as a new device, so that no matter
number given out before can be given out again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.attachments import human_size
from village_desk.core.storage import backup
from village_desk.ui import restart
from village_desk.ui.widgets.forms import ERROR_STYLE, HINT_STYLE
from village_desk.ui.widgets.modal import run_modal

SAVED_STYLE = "color: #1b7f3b;"


class DataTab(QWidget):
    """The 数据与备份 tab of the settings page."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.database: Path | None = ctx.db.sqlite_path
        self.found: list[backup.Backup] = []
        self.checked: dict[Path, list[str]] = {}  # verify results of this session

        self.data_label = self._path_label()
        self.log_label = self._path_label()
        self.folder_label = self._path_label()
        self.open_data = QPushButton(self.tr("Open"))
        self.open_logs = QPushButton(self.tr("Open"))
        self.open_folder = QPushButton(self.tr("Open"))
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        self.default_folder = QPushButton(self.tr("Use the default"))
        self.open_data.clicked.connect(lambda: self._open(self.data_label.text()))
        self.open_logs.clicked.connect(lambda: self._open(self.log_label.text()))
        self.open_folder.clicked.connect(lambda: self._open(self.folder_label.text()))
        self.choose_folder.clicked.connect(self.pick_folder)
        self.default_folder.clicked.connect(lambda: self.set_folder(None))
        form = QFormLayout()
        form.addRow(self.tr("Data"), self._row(self.data_label, self.open_data))
        form.addRow(self.tr("Logs"), self._row(self.log_label, self.open_logs))
        form.addRow(
            self.tr("Backups"),
            self._row(self.folder_label, self.open_folder, self.choose_folder, self.default_folder),
        )
        # photos and scans: where, how much they take, and this computer's cap
        self.attachments_label = self._path_label()
        self.open_attachments = QPushButton(self.tr("Open"))
        self.open_attachments.clicked.connect(
            lambda: self._open(str(queries.attachments.store(self.ctx.db).root))
        )
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(100, 1_000_000)
        self.cap_spin.setSingleStep(512)
        self.cap_spin.setSuffix(" MB")
        self.cap_spin.setAccessibleName(self.tr("Most the photos and scans may take"))
        self.cap_spin.setToolTip(
            self.tr("Adding a photo beyond this is refused, saying how much is used")
        )
        self.cap_message = QLabel()
        self.cap_spin.editingFinished.connect(self.save_cap)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.cap_spin)
        cap_row.addWidget(self.cap_message, 1)
        form.addRow(
            self.tr("Photos and scans"), self._row(self.attachments_label, self.open_attachments)
        )
        form.addRow(self.tr("At most"), cap_row)
        hint = QLabel(
            self.tr(
                "The first start of each day makes a backup, and so does every import; the "
                "newest of each of the last 14 days and 8 weeks are kept. A folder on a USB "
                "stick keeps them safe when this computer is lost or broken. Only this "
                "computer's user can read the data and the backups."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Size"), self.tr("Checked")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.backup_button, self.verify_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.reload()

    # ------------------------------------------------------------ building

    @staticmethod
    def _path_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _row(label: QLabel, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(label, 1)
        for b in buttons:
            row.addWidget(b)
        return row

    def reason_label(self, reason: str) -> str:
        labels = {
            "daily": self.tr("Daily"),
            "manual": self.tr("By hand"),
            "before-restore": self.tr("Before a restore"),
            "before-restore-damaged": self.tr("Before a restore (damaged data)"),
            "before-import": self.tr("Before an import"),
            "before-roster-import": self.tr("Before a roster import"),
            "before-exchange-import": self.tr("Before an exchange import"),
        }
        return labels.get(reason, reason)

    # ------------------------------------------------------------ state

    @property
    def folder(self) -> Path | None:
        return backup.folder_for(self.database) if self.database is not None else None

    def show_attachments(self) -> None:
        """The photo folder, what it holds against the cap, files missing."""
        use = queries.attachments.usage(self.ctx.db)
        text = self.tr("{folder} — {used} used by {files} files").format(
            folder=queries.attachments.store(self.ctx.db).root,
            used=human_size(use.bytes),
            files=use.files,
        )
        if use.missing:
            text += "\n" + self.tr(
                "{n} attached files are not on this computer (an exchange file did not bring "
                "them, or the folder was moved)"
            ).format(n=use.missing)
        self.attachments_label.setText(text)
        self.attachments_label.setStyleSheet(ERROR_STYLE if use.missing else "")
        self.cap_spin.blockSignals(True)
        self.cap_spin.setValue(use.cap // (1024 * 1024))
        self.cap_spin.blockSignals(False)

    @Slot()
    def save_cap(self) -> None:
        value = self.cap_spin.value()
        if value * 1024 * 1024 == self.ctx.read(queries.attachments.cap_bytes):
            return

        def saved(_r) -> None:
            self.cap_message.setStyleSheet(SAVED_STYLE)
            self.cap_message.setText(self.tr("Saved"))

        def refused(err) -> None:
            self.cap_message.setStyleSheet(ERROR_STYLE)
            self.cap_message.setText(str(err))

        self.ctx.op(
            self,
            lambda db: services.setup.set_setting(db, None, "attachment_cap_mb", value),
        ).failure(refused).success(saved).run()

    def reload(self) -> None:
        """Paths and the list of backups as they are now."""
        from village_desk.core import logs

        self.show_attachments()

        setup = logs.current()
        log_folder = setup.folder if setup is not None and setup.folder else logs.log_dir()
        self.log_label.setText(str(log_folder))
        if self.database is None:  # a server database: its own tools back it up
            self.data_label.setText(self.ctx.db.url)
            self.folder_label.setText(
                self.tr("A server database is backed up with the server's own tools (pg_dump).")
            )
            for w in (
                self.open_data,
                self.open_folder,
                self.choose_folder,
                self.default_folder,
                self.backup_button,
                self.table,
            ):
                w.setEnabled(False)
            self._enable()
            return
        self.data_label.setText(str(self.database.parent))
        folder = self.folder
        self.folder_label.setText(str(folder))
        self.default_folder.setEnabled(folder != backup.default_folder(self.database))
        self.found = backup.backups(folder)
        self.table.setRowCount(len(self.found))
        for row, b in enumerate(self.found):
            problems = self.checked.get(b.path)
            checked = (
                ""
                if problems is None
                else self.tr("Whole")
                if not problems
                else self.tr("Damaged: {problem}").format(problem=problems[0])
            )
            cells = (
                f"{b.created:%Y-%m-%d %H:%M:%S}",
                self.reason_label(b.reason),
                f"{b.size / 1e6:.1f} MB",
                checked,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        self._enable()

    def selected(self) -> backup.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    @Slot()
    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.verify_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.reload()

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(SAVED_STYLE if ok else ERROR_STYLE)
        self.status.setText(text)

    def _open(self, path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    # ------------------------------------------------------------ actions

    @Slot()
    def pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), str(self.folder or Path.home())
        )
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        """Remember ``folder`` as this computer's backup folder (None: the
        default beside the data); refused when it cannot be written."""

        def done(now: Path) -> None:
            self.checked.clear()
            self._say(self.tr("Backups now go to {folder}.").format(folder=now))
            self.reload()

        self.ctx.op(self, lambda db: backup.set_folder(db, folder)).success(done).failure(
            lambda err: self._say(str(err), ok=False)
        ).run()

    @Slot()
    def back_up_now(self) -> None:
        database, folder = self.database, self.folder

        def done(made: Path) -> None:
            self.checked[made] = []  # checked as it was made
            self._say(self.tr("Backed up: {path}").format(path=made))
            self.reload()

        self._say(self.tr("Backing up…"))
        self.ctx.task(self, lambda _job: backup.backup_now(database, "manual", folder)).busy(
            self.backup_button
        ).success(done).failure(lambda err: self._say(str(err), ok=False)).run()

    @Slot()
    def verify_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def done(problems: list[str]) -> None:
            self.checked[chosen.path] = problems
            if problems:
                self._say("；".join(problems[:3]), ok=False)
            else:
                self._say(self.tr("{name} is whole.").format(name=chosen.path.name))
            self.reload()

        self.ctx.task(self, lambda _job: backup.verify(chosen.path)).success(done).run()

    @Slot()
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the data on this computer with the backup made {when}?\n\n"
                "The data as it is now is backed up first. What was entered after {when} "
                "is not in the backup: enter it again or import it from another computer's "
                "exchange file. Village Desk closes the data and opens it again."
            ).format(when=f"{chosen.created:%Y-%m-%d %H:%M}"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        run_modal(box)
        if box.clickedButton() is not restore:
            return
        restart.request_restore(chosen.path)
