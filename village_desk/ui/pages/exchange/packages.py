"""Exchange files on the 数据交换 page: send this copy's changes to the
township (or another laptop of the village) and bring theirs in
(``core/exchange``).

* **Export**: choose who it is for (or everything), where to save it; the
  package is written on the writer thread with progress and Cancel.
* **Import**: choose the file; it is checked completely on a reader thread
  (passphrase, every chunk, signature) before anything is written; a laptop
  never seen before is shown with its key fingerprint for the cadre to
  compare on the phone; then the merge runs on the writer thread with
  progress. Afterwards the window's 冲突与待核对 list opens when the import
  left anything to settle.
* The peers (what each has acknowledged, what is waiting for it) and the
  packages sent and received are listed below, with 停用 for a lost laptop.

The passphrase is the township's; the one stored on this computer is used,
else it is asked for (and may be remembered).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries
from village_desk.ui.errors import describe
from village_desk.ui.widgets.files import remember_folder, start_folder
from village_desk.ui.widgets.forms import ERROR_STYLE, HINT_STYLE
from village_desk.ui.widgets.modal import run_modal

EVERYTHING = "__all__"
VILLAGE_PREFIX = "village:"  # a township office's "everything of one village"


class PassphraseDialog(QDialog):
    """Ask for the township's exchange passphrase (optionally remembered)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange passphrase"))
        intro = QLabel(
            self.tr(
                "Exchange files are encrypted with the passphrase the township set for all its "
                "villages. Ask the township office if you do not have it."
            )
        )
        intro.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember it on this computer (only for this user)"))
        self.remember.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)

    @Slot()
    def _accept(self) -> None:
        from village_desk.core.domain.errors import ServiceError
        from village_desk.core.exchange.keys import check_passphrase

        try:
            check_passphrase(self.edit.text())
        except ServiceError as err:
            self.error.setText(getattr(err, "message", str(err)))
            self.error.show()
            self.edit.setFocus()
            return
        self.accept()


class ExchangeFilesPanel(QGroupBox):
    """The 交换文件 box of the 数据交换 page."""

    review_requested = Signal()  # an import left conflicts or broken rules

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(self.tr("Exchange files (township and other laptops)"), parent)
        self.ctx = ctx
        self.prefs = ctx.prefs
        self.job = None
        self.last_path: Path | None = None
        self.last_import = None  # the ImportResult of the last import
        self._fingerprint: str | None = None

        intro = QLabel(
            self.tr(
                "Carry this laptop's changes to the township office on a USB stick or by WeChat, "
                "and bring the township's reply back. Files are encrypted and signed; importing "
                "merges without losing anything, and importing the same file twice changes "
                "nothing."
            )
        )
        intro.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setStyleSheet(HINT_STYLE)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.peer_combo = QComboBox()
        self.peer_combo.setMinimumContentsLength(18)
        self.export_button = QPushButton(self.tr("Export an exchange file…"))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Import an exchange file…"))
        self.import_button.clicked.connect(self.import_file)
        self.passphrase_button = QPushButton(self.tr("Set the passphrase…"))
        self.passphrase_button.clicked.connect(self.set_passphrase)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("For:")))
        actions.addWidget(self.peer_combo)
        actions.addWidget(self.export_button)
        actions.addSpacing(16)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        self.review_button = QPushButton(self.tr("Conflicts and checks…"))
        self.review_button.setToolTip(
            self.tr("What merging left for a person to decide, and the rules records break")
        )
        self.review_button.clicked.connect(self.review_requested)
        actions.addWidget(self.review_button)
        actions.addWidget(self.passphrase_button)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        self.peers_table = self._table(
            [
                self.tr("Copy"),
                self.tr("Code"),
                self.tr("Waiting to send"),
                self.tr("Last exchange"),
                self.tr("Key"),
            ]
        )
        self.revoke_button = QPushButton(self.tr("Stop accepting this laptop…"))
        self.revoke_button.setToolTip(
            self.tr("For a lost or stolen laptop: its files are refused from now on.")
        )
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.revoke_button.setEnabled(False)
        self.peers_table.itemSelectionChanged.connect(
            lambda: self.revoke_button.setEnabled(bool(self.peers_table.selectedItems()))
        )
        self.history_table = self._table(
            [
                self.tr("When"),
                self.tr("Direction"),
                self.tr("Changes"),
                self.tr("File"),
            ]
        )

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(actions)
        layout.addWidget(self.result_label)
        layout.addWidget(QLabel(self.tr("Peers")))
        layout.addWidget(self.peers_table)
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(self.fingerprint_label, 1)
        revoke_row.addWidget(self.revoke_button)
        layout.addLayout(revoke_row)
        layout.addWidget(QLabel(self.tr("Files sent and received")))
        layout.addWidget(self.history_table)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _fit(table: QTableWidget, visible: int = 6) -> None:
        """As tall as its rows (at least two, at most ``visible``)."""
        rows = min(max(table.rowCount(), 2), visible)
        row_height = table.verticalHeader().defaultSectionSize()
        height = table.horizontalHeader().sizeHint().height() + rows * row_height
        table.setFixedHeight(height + 2 * table.frameWidth())

    # ------------------------------------------------------------ state

    def refresh(self) -> None:
        """Peers, history and this laptop's fingerprint, read anew."""
        from village_desk.core.domain.errors import ServiceError
        from village_desk.core.exchange import package

        db = self.ctx.db
        if self._fingerprint is None:  # read once: it does not change while running
            try:
                self._fingerprint = package.own_fingerprint(db)
            except ServiceError as err:  # a damaged key file: say so (the message says what to do)
                self._fingerprint = describe(err)
        self.fingerprint_label.setText(
            self.tr("This laptop's key fingerprint: {fingerprint}").format(
                fingerprint=self._fingerprint
            )
        )
        chosen = self.peer_combo.currentData()
        self.peer_combo.clear()
        self.peers = package.peers(db)
        for p in self.peers:
            self.peer_combo.addItem(p.label, p.code)
        if db.read(queries.reference.is_township):
            # A township office: a new laptop gets its own village only.
            for v in db.read(queries.reference.village_profiles):
                self.peer_combo.addItem(
                    self.tr("Everything of {village} (its new laptop)").format(village=v.village),
                    f"{VILLAGE_PREFIX}{v.id}",
                )
            self.peer_combo.addItem(self.tr("Everything, all villages (the county)"), EVERYTHING)
        else:
            self.peer_combo.addItem(
                self.tr("Everything (a new laptop, the first time)"), EVERYTHING
            )
        # The peer chosen before, else the first peer; "everything" is never
        # kept (it was the only choice before the first exchange).
        whole = chosen == EVERYTHING or str(chosen).startswith(VILLAGE_PREFIX)
        index = self.peer_combo.findData(chosen) if chosen and not whole else 0
        self.peer_combo.setCurrentIndex(max(index, 0))

        self.peers_table.setRowCount(len(self.peers))
        for row, p in enumerate(self.peers):
            revoked = bool(p.keys) and all(when for _fp, when in p.keys)
            key = ", ".join(fp for fp, _when in p.keys)
            cells = [
                p.label,
                p.code,
                str(p.pending),
                p.last_seen.replace("T", " ")[:16],
                self.tr("{key} (stopped)").format(key=key) if revoked else key,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.code)
                self.peers_table.setItem(row, col, item)
        self._fit(self.peers_table)
        names = {p.copy_id: p.label for p in self.peers}
        packages = package.history(db, 50)
        self.history_table.setRowCount(len(packages))
        for row, pkg in enumerate(packages):
            peer = names.get(pkg.peer_copy_id, "")
            if pkg.direction == "out":
                way = (
                    self.tr("sent to {peer}").format(peer=peer)
                    if peer
                    else self.tr("sent (everything)")
                )
            else:
                way = self.tr("received from {peer}").format(peer=peer)
            cells = [
                pkg.processed.replace("T", " ")[:16],
                way,
                str(pkg.change_count),
                os.path.basename(pkg.file_name),
            ]
            for col, text in enumerate(cells):
                self.history_table.setItem(row, col, QTableWidgetItem(text))
        self._fit(self.history_table)

    def _show(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.show()

    # ------------------------------------------------------------ passphrase

    def secret(self) -> str | None:
        """The passphrase to use: stored, else asked for (None: cancelled)."""
        from village_desk.core.exchange import package

        found = package.passphrase(self.ctx.db)
        if found:
            return found
        return self.ask_passphrase(remember_default=True)

    def ask_passphrase(self, remember_default: bool = True) -> str | None:
        from village_desk.core.exchange import keys, package

        dialog = PassphraseDialog(self)
        dialog.remember.setChecked(remember_default)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return None
        text = dialog.edit.text().strip()
        if dialog.remember.isChecked():
            try:
                keys.store_passphrase(package.key_folder(self.ctx.db), text)
            except Exception as err:  # noqa: BLE001 (a folder not writable: say so, go on)
                self._show(describe(err), error=True)
        return text

    @Slot()
    def set_passphrase(self) -> None:
        if self.ask_passphrase(remember_default=True) is not None:
            self._show(self.tr("The passphrase is saved on this computer."))

    # ------------------------------------------------------------ export

    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the exchange file"), suggested, self.tr("Exchange file (*.vdx)")
        )
        return path

    @Slot()
    def export(self) -> None:
        from village_desk.core.exchange import package

        self.result_label.hide()
        target = self.peer_combo.currentData()
        folder = Path(start_folder(self.prefs, "exchange"))
        suggested = package.default_file_name(self.ctx.db, folder)
        chosen = self.ask_save_path(str(suggested))
        if not chosen:
            return
        secret = self.secret()
        if secret is None:
            return
        self.export_to(Path(chosen), target, secret)

    def export_to(self, path: Path, target: str | None, secret: str):
        from village_desk.core.exchange.package import export_package

        village = None
        if target and target.startswith(VILLAGE_PREFIX):
            village, target = target.removeprefix(VILLAGE_PREFIX), EVERYTHING
        full = target == EVERYTHING
        peer = None if full or not target else target

        def work(db, job):
            return export_package(
                db, path, secret=secret, peer=peer, full=full, village=village, job=job
            )

        self.job = (
            self.ctx.op(self, work)
            .progress(self.tr("Writing the exchange file…"))
            .busy(self.export_button, self.import_button)
            .always(self._ended)
            .success(self._exported)
            .failure(self._failed)
            .cancelled(lambda: self._show(self.tr("Export cancelled; no file was written.")))
            .run()
        )
        return self.job

    def _ended(self) -> None:
        self.job = None

    def _exported(self, result) -> None:
        self.last_path = result.path
        remember_folder(self.prefs, "exchange", result.path)
        to = (
            self.tr("for {peer}").format(peer=result.peer)
            if result.peer
            else self.tr("with everything")
        )
        self._show(
            self.tr(
                "Exchange file written {to}: {changes} changes.\nFile: {path}\n"
                "Carry it to the receiver (USB stick or WeChat); it is encrypted."
            ).format(to=to, changes=result.changes, path=result.path)
            + self._files_line(result.files, result.file_bytes)
            + (
                "\n"
                + self.tr(
                    "{n} attached photos or scans are missing or damaged on this computer "
                    "and were not included."
                ).format(n=result.files_missing)
                if result.files_missing
                else ""
            )
        )
        self.refresh()

    def _files_line(self, files: int, size: int) -> str:
        """The photos and scans a package carried, as a line of its own."""
        if not files:
            return ""
        from village_desk.core.domain.attachments import human_size

        return "\n" + self.tr("Photos and scans in the file: {n} ({size}).").format(
            n=files, size=human_size(size)
        )

    def _failed(self, err: BaseException) -> None:
        self._show(describe(err), error=True)

    # ------------------------------------------------------------ import

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import an exchange file"),
            start_folder(self.prefs, "exchange"),
            self.tr("Exchange file (*.vdx);;All files (*)"),
        )
        return path

    @Slot()
    def import_file(self) -> None:
        self.result_label.hide()
        chosen = self.ask_open_path()
        if not chosen:
            return
        secret = self.secret()
        if secret is None:
            return
        self.check_then_import(Path(chosen), secret)

    def check_then_import(self, path: Path, secret: str):
        """Check the whole file on a reader thread; then (after a new
        laptop's fingerprint is confirmed) import it."""
        from village_desk.core.exchange import package

        db = self.ctx.db
        remember_folder(self.prefs, "exchange", path)

        def check(_job):
            checked = package.check_package(path, secret, township=package.township_of(db))
            return checked, package.key_state(db, checked)

        self.job = (
            self.ctx.task(self, check)
            .progress(self.tr("Checking the exchange file…"))
            .busy(self.export_button, self.import_button)
            .always(self._ended)
            .success(lambda found: self._checked(path, secret, *found))
            .failure(self._failed)
            .run()
        )
        return self.job

    def _checked(self, path: Path, secret: str, checked, state: str) -> None:
        if state == "new" and not self.confirm_new_laptop(checked):
            self._show(self.tr("Not imported: the laptop was not confirmed."), error=True)
            return
        self.import_checked(path, secret)

    def confirm_new_laptop(self, checked) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("A laptop not seen before"))
        box.setText(
            self.tr(
                "This file comes from a laptop this computer has not exchanged with yet:\n"
                "{label}\n\nKey fingerprint: {fingerprint}\n\n"
                "Ask its user (on the phone) to read the fingerprint shown on their 数据交换 page. "
                "Import only if both are the same."
            ).format(label=checked.label, fingerprint=checked.fingerprint)
        )
        yes = box.addButton(self.tr("Same — import"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        run_modal(box)
        return box.clickedButton() is yes

    def import_checked(self, path: Path, secret: str):
        from village_desk.core.exchange.package import import_package

        def work(db, job):
            return import_package(db, path, secret=secret, confirm_new=lambda _c: True, job=job)

        self.job = (
            self.ctx.op(self, work)
            .progress(self.tr("Importing the exchange file…"))
            .busy(self.export_button, self.import_button)
            .always(self._ended)
            .success(self._imported)
            .failure(self._failed)
            .cancelled(lambda: self._show(self.tr("Import cancelled; nothing was changed.")))
            .run()
        )
        return self.job

    def _imported(self, result) -> None:
        self.last_import = result
        self.refresh()
        if result.replay:
            self._show(
                self.tr("This file was already imported on {when}; nothing was changed.").format(
                    when=result.imported_on.replace("T", " ")[:16]
                )
            )
            return
        report = result.sync.merge
        conflicts, broken = result.sync.conflicts_open, len(result.violations)
        self._show(
            self.tr(
                "Imported {file} from {source}: {new} new changes ({known} already here), "
                "{records} records updated. Open conflicts: {conflicts}; rules to check: "
                "{broken}.\nA backup was taken before the import."
            ).format(
                file=result.path.name,
                source=result.source,
                new=report.recorded,
                known=report.duplicates,
                records=sum(result.by_entity.values()),
                conflicts=conflicts,
                broken=broken,
            )
            + self._files_line(result.files, result.file_bytes)
        )
        if conflicts or broken:
            self.review_requested.emit()

    # ------------------------------------------------------------ revoke

    @Slot()
    def revoke_selected(self) -> None:
        from village_desk.core.exchange.package import revoke

        items = self.peers_table.selectedItems()
        if not items:
            return
        code = items[0].data(Qt.ItemDataRole.UserRole)
        label = self.peers_table.item(items[0].row(), 0).text()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Stop accepting this laptop"),
            self.tr(
                "From now on, exchange files from “{label}” are refused (for a lost or stolen "
                "laptop). Records already imported stay. Continue?"
            ).format(label=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if run_modal(box) != QMessageBox.StandardButton.Yes:
            return
        (
            self.ctx.op(self, lambda db: revoke(db, code))
            .success(lambda _fps: self.refresh())
            .failure(self._failed)
            .run()
        )
