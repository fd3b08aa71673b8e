"""The 设置 page: village profile, groups, cadres, vocabularies, deadlines and
duty days, contact-card texts, and this computer's language and font size.

Every Save button is one op (one transaction: ``services.setup.save_settings``
for several settings). The lists (groups, cadres, vocabularies, and the rows
per matter kind and per role) follow ``AppContext.data_changed``; the fields
a user may be editing are re-read only after their own tab was saved, so a
change elsewhere never overwrites unsaved input.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.vocab import VOCABULARY_TITLES
from village_desk.ui.pages.base import REFERENCE_TABLES, Page
from village_desk.ui.pages.settings.data_tab import DataTab
from village_desk.ui.pages.settings.security_tab import SecurityTab
from village_desk.ui.prefs import LANGUAGE_KEY, LARGE_FONT_KEY, apply_font_size, is_true
from village_desk.ui.widgets.forms import (
    ERROR_STYLE,
    HINT_STYLE,
    EditDialog,
    FieldErrors,
    error_label,
    heading,
    scrolling,
    set_combo_data,
)
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.sizing import fit_lines

ID_ROLE = Qt.ItemDataRole.UserRole + 70
SAVED_STYLE = "color: #1b7f3b;"


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class CadreDialog(EditDialog):
    """Add a cadre, or edit one (``cadre``: a row of ``queries.reference.cadres``)."""

    def __init__(self, ctx, cadre=None, parent=None):
        super().__init__(parent)
        self.ctx, self.cadre = ctx, cadre
        self.setWindowTitle(self.tr("Edit cadre") if cadre else self.tr("Add cadre"))
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for t in ctx.read(queries.reference.vocabulary, "role"):
            self.role_combo.addItem(t.label, t.code)
        if cadre is not None and self.role_combo.findData(cadre.role) < 0:
            # a retired role stays the cadre's own until someone changes it
            label = ctx.read(queries.reference.labels, "role").get(cadre.role, cadre.role)
            self.role_combo.addItem(label, cadre.role)
        self.phone_edit = QLineEdit()
        self.duties_edit = QPlainTextEdit()
        fit_lines(self.duties_edit, 3)
        self.active_check = QCheckBox(self.tr("Active (can be chosen for new records)"))
        self.active_check.setChecked(True)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        for label, widget, field in (
            (self.tr("Name *"), self.name_edit, "cadre.name"),
            (self.tr("Role"), self.role_combo, "cadre.role"),
            (self.tr("Phone"), self.phone_edit, "cadre.phone"),
        ):
            err = error_label()
            form.addRow(label, widget)
            form.addRow("", err)
            self.errors.register(field, widget, err)
        form.addRow(self.tr("Duties"), self.duties_edit)
        form.addRow("", self.active_check)
        if cadre is not None:
            self.name_edit.setText(cadre.name)
            set_combo_data(self.role_combo, cadre.role)
            self.phone_edit.setText(cadre.phone)
            self.duties_edit.setPlainText(cadre.duties)
            self.active_check.setChecked(cadre.active)
        buttons = self.save_cancel_buttons()
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        values = {
            "name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "phone": self.phone_edit.text(),
            "duties": self.duties_edit.toPlainText(),
            "active": self.active_check.isChecked(),
        }
        if self.cadre is None:
            work = lambda db: services.setup.add_cadre(db, ctx.operator_id, **values)  # noqa: E731
        else:
            cadre_id = self.cadre.id
            work = lambda db: services.setup.update_cadre(  # noqa: E731
                db, ctx.operator_id, cadre_id, **values
            )
        ctx.op(self, work).errors(self.errors).busy(self.save_button).success(
            lambda _result: self.isVisible() and self.accept()
        ).run()


class SettingsPage(Page):
    font_changed = Signal(bool)

    watches = REFERENCE_TABLES

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.prefs = ctx.prefs
        self.tabs = QTabWidget()
        # Each tab scrolls when the screen is small (1024×600, large text).
        self.tabs.addTab(scrolling(self._profile_tab()), self.tr("Village"))
        self.tabs.addTab(self._groups_tab(), self.tr("Groups"))
        self.tabs.addTab(self._cadres_tab(), self.tr("Cadres"))
        self.tabs.addTab(self._vocab_tab(), self.tr("Vocabularies"))
        self.tabs.addTab(scrolling(self._rules_tab()), self.tr("Deadlines and duty days"))
        self.tabs.addTab(scrolling(self._quotas_tab()), self.tr("Visit quotas"))
        self.tabs.addTab(scrolling(self._card_tab()), self.tr("Contact card and printing"))
        self.data_tab = DataTab(ctx)
        self.tabs.addTab(self.data_tab, self.tr("Data and backups"))
        self.security_tab = SecurityTab(ctx)
        self.tabs.addTab(scrolling(self.security_tab), self.tr("Security"))
        self.display_tab = scrolling(self._ui_tab())
        self.tabs.addTab(self.display_tab, self.tr("Display"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(self.tabs, 1)
        self.refresh()
        self._load_profile()
        self._load_rules()
        self._load_quotas()
        self._load_card()

    # ------------------------------------------------------------ tabs

    def _profile_tab(self) -> QWidget:
        page = QWidget()
        self.profile_edits = {
            key: QLineEdit()
            for key in (
                "village",
                "township",
                "county",
                "division_code",
                "service_phone",
                "hotline",
            )
        }
        self.profile_general = error_label()
        self.profile_errors = FieldErrors(self.profile_general)
        form = QFormLayout()
        for key, label, field in (
            ("village", self.tr("Village (community) *"), "profile.village"),
            ("township", self.tr("Township"), ""),
            ("county", self.tr("County"), ""),
            ("division_code", self.tr("Division code (12 digits)"), "profile.division_code"),
            ("service_phone", self.tr("Service station phone"), "profile.service_phone"),
            ("hotline", self.tr("Secretary mailbox / hotline"), ""),
        ):
            form.addRow(label, self.profile_edits[key])
            if field:
                err = error_label()
                form.addRow("", err)
                self.profile_errors.register(field, self.profile_edits[key], err)
        self.profile_save = QPushButton(self.tr("Save"))
        self.profile_save.clicked.connect(self.save_profile)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.profile_general)
        layout.addLayout(_buttons(self.profile_save))
        layout.addStretch(1)
        return page

    def _groups_tab(self) -> QWidget:
        page = QWidget()
        self.groups_list = QListWidget()
        self.group_add = QPushButton(self.tr("Add group…"))
        self.group_rename = QPushButton(self.tr("Rename…"))
        self.group_delete = QPushButton(self.tr("Delete"))
        self.group_add.clicked.connect(self.add_group)
        self.group_rename.clicked.connect(self.rename_group)
        self.group_delete.clicked.connect(self.delete_group)
        layout = QVBoxLayout(page)
        layout.addLayout(_buttons(self.group_add, self.group_rename, self.group_delete))
        layout.addWidget(self.groups_list, 1)
        return page

    def _cadres_tab(self) -> QWidget:
        page = QWidget()
        self.cadres_table = QTableWidget(0, 5)
        self.cadres_table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Phone"),
                self.tr("Duties"),
                self.tr("Active"),
            ]
        )
        self.cadres_table.verticalHeader().hide()
        self.cadres_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cadres_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cadres_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.cadre_add = QPushButton(self.tr("Add cadre…"))
        self.cadre_edit = QPushButton(self.tr("Edit…"))
        self.cadre_add.clicked.connect(lambda: self.edit_cadre(None))
        self.cadre_edit.clicked.connect(self._edit_selected_cadre)
        self.cadres_table.doubleClicked.connect(self._edit_selected_cadre)
        layout = QVBoxLayout(page)
        layout.addLayout(_buttons(self.cadre_add, self.cadre_edit))
        layout.addWidget(self.cadres_table, 1)
        return page

    def _vocab_tab(self) -> QWidget:
        page = QWidget()
        self.vocab_kind = QComboBox()
        for kind, title in VOCABULARY_TITLES.items():
            self.vocab_kind.addItem(title, kind)
        self.vocab_list = QListWidget()
        self.vocab_add = QPushButton(self.tr("Add…"))
        self.vocab_rename = QPushButton(self.tr("Rename…"))
        self.vocab_retire = QPushButton(self.tr("Retire / reinstate"))
        note = QLabel(
            self.tr("Retired entries are no longer offered for new records; old records keep them.")
        )
        note.setStyleSheet(HINT_STYLE)
        note.setWordWrap(True)
        self.vocab_kind.currentIndexChanged.connect(self.reload_vocab)
        self.vocab_add.clicked.connect(self.add_term)
        self.vocab_rename.clicked.connect(self.rename_term)
        self.vocab_retire.clicked.connect(self.toggle_term)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("List")))
        top.addWidget(self.vocab_kind)
        top.addSpacing(12)
        for b in (self.vocab_add, self.vocab_rename, self.vocab_retire):
            top.addWidget(b)
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.vocab_list, 1)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget()
        self.deadline_spins: dict[str, QSpinBox] = {}
        self.deadline_form = QFormLayout()  # one row per matter kind, see reload()
        self.deadline_form.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Default deadline (days) by matter kind")))
        form.addRow(self.deadline_form)
        self.due_soon_spin = QSpinBox()
        self.due_soon_spin.setRange(1, 30)
        self.due_soon_spin.setSuffix(self.tr(" days"))
        self.long_unvisited_spin = QSpinBox()
        self.long_unvisited_spin.setRange(7, 3650)
        self.long_unvisited_spin.setSuffix(self.tr(" days"))
        self.monthly_min_spin = QSpinBox()
        self.monthly_min_spin.setRange(0, 500)
        form.addRow(self.tr("Highlight matters due within"), self.due_soon_spin)
        form.addRow(self.tr("Households long unvisited after"), self.long_unvisited_spin)
        form.addRow(self.tr("Monthly minimum visits per cadre"), self.monthly_min_spin)
        duty = QHBoxLayout()
        self.duty_checks = []
        for name in (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ):
            box = QCheckBox(name)
            self.duty_checks.append(box)
            duty.addWidget(box)
        duty.addStretch(1)
        form.addRow(self.tr("Duty days (一线工作日)"), duty)
        self.rules_save = QPushButton(self.tr("Save"))
        self.rules_save.clicked.connect(self.save_rules)
        self.rules_general = error_label()
        self.rules_errors = FieldErrors(self.rules_general)
        for key, widget in (
            ("due_soon_days", self.due_soon_spin),
            ("long_unvisited_days", self.long_unvisited_spin),
            ("monthly_visit_minimum", self.monthly_min_spin),
        ):
            self.rules_errors.register(f"setting.{key}", widget, self.rules_general)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.rules_general)
        layout.addLayout(_buttons(self.rules_save))
        layout.addStretch(1)
        return page

    def _quotas_tab(self) -> QWidget:
        """Per role: how many visits (户次) or households (户) in which period."""
        page = QWidget()
        self.quotas_table = QTableWidget(0, 4)
        self.quotas_table.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Counted as"), self.tr("Number"), self.tr("Period")]
        )
        self.quotas_table.verticalHeader().hide()
        self.quotas_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quotas_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.quotas_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quota_widgets: dict[str, tuple[QComboBox, QSpinBox, QComboBox]] = {}
        self._quota_roles: list[tuple[str, str]] | None = None  # rows built in refresh()
        note = QLabel(
            self.tr(
                "Visits count every household visited each time (户次); households count "
                "each household once in the period (户). Campaign quotas cover a visiting "
                "campaign as the township sets it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.quotas_save = QPushButton(self.tr("Save"))
        self.quotas_save.clicked.connect(self.save_quotas)
        self.quotas_message = QLabel()
        self.quotas_general = error_label()
        self.quotas_errors = FieldErrors(self.quotas_general)
        self.quotas_errors.register("setting.visit_quotas", self.quotas_table, self.quotas_general)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.quotas_table, 1)
        layout.addWidget(self.quotas_general)
        row = _buttons(self.quotas_save)
        row.insertWidget(1, self.quotas_message)
        layout.addLayout(row)
        return page

    def _build_quota_rows(self, roles: list[tuple[str, str]]) -> None:
        """A row per role (roles come and go in 词表); kept as they are when
        the roles did not change. Rebuilt rows keep what was chosen in them;
        a new role's row shows the saved quota."""
        if roles == self._quota_roles:
            return
        first = self._quota_roles is None
        self._quota_roles = roles
        chosen = {code: self._quota_of(*widgets) for code, widgets in self.quota_widgets.items()}
        saved = {} if first else self.ctx.read(queries.reference.get_setting, "visit_quotas") or {}
        self.quotas_table.setRowCount(0)  # deletes the old rows' widgets
        self.quotas_table.setRowCount(len(roles))
        self.quota_widgets = {}
        for r, (code, label) in enumerate(roles):
            self.quotas_table.setItem(r, 0, QTableWidgetItem(label))
            unit = QComboBox()
            unit.addItem(self.tr("No quota"), "")
            unit.addItem(self.tr("Visits (household-times)"), "visits")
            unit.addItem(self.tr("Households (each counted once)"), "households")
            number = QSpinBox()
            number.setRange(1, 100000)
            period = QComboBox()
            period.addItem(self.tr("per year"), "year")
            period.addItem(self.tr("per month"), "month")
            period.addItem(self.tr("per campaign"), "campaign")
            unit.currentIndexChanged.connect(
                lambda _i, u=unit, n=number, p=period: self._quota_row_enabled(u, n, p)
            )
            self.quotas_table.setCellWidget(r, 1, unit)
            self.quotas_table.setCellWidget(r, 2, number)
            self.quotas_table.setCellWidget(r, 3, period)
            self.quota_widgets[code] = (unit, number, period)
            if not first:
                self._show_quota((unit, number, period), chosen.get(code, saved.get(code)))

    @staticmethod
    def _quota_of(unit: QComboBox, number: QSpinBox, period: QComboBox) -> dict | None:
        """One row's quota as the setting stores it (None: no quota)."""
        if not unit.currentData():
            return None
        return {unit.currentData(): number.value(), "period": period.currentData()}

    def _show_quota(self, widgets: tuple[QComboBox, QSpinBox, QComboBox], quota) -> None:
        unit, number, period = widgets
        quota = quota or {}
        kind = next((k for k in ("visits", "households") if k in quota), "")
        set_combo_data(unit, kind)
        number.setValue(int(quota.get(kind) or 1) if kind else 1)
        set_combo_data(period, quota.get("period", "year"))
        self._quota_row_enabled(unit, number, period)

    @staticmethod
    def _quota_row_enabled(unit: QComboBox, number: QSpinBox, period: QComboBox) -> None:
        on = bool(unit.currentData())
        number.setEnabled(on)
        period.setEnabled(on)

    def quotas_value(self) -> dict:
        out = {}
        for code, widgets in self.quota_widgets.items():
            quota = self._quota_of(*widgets)
            if quota:
                out[code] = quota
        return out

    def _card_tab(self) -> QWidget:
        page = QWidget()
        self.card_title_edit = QLineEdit()
        self.card_title_edit.setPlaceholderText(self.tr("e.g. 民情联系卡, 干群连心卡"))
        self.slogan_edit = QLineEdit()
        self.policy_edit = QPlainTextEdit()
        fit_lines(self.policy_edit, 4)
        self.services_edit = QPlainTextEdit()
        fit_lines(self.services_edit, 4)
        self.font_edit = QLineEdit()
        self.font_edit.setPlaceholderText(self.tr("Empty: a Chinese font found on this computer"))
        self.font_button = QPushButton(self.tr("Choose…"))
        self.font_button.clicked.connect(self.choose_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_edit, 1)
        font_row.addWidget(self.font_button)
        self.card_general = error_label()
        self.card_errors = FieldErrors(self.card_general)
        form = QFormLayout()
        for label, widget, field in (
            (self.tr("Card title"), self.card_title_edit, "setting.card_title"),
            (self.tr("Slogan"), self.slogan_edit, ""),
            (self.tr("Policy publicity text"), self.policy_edit, ""),
            (self.tr("Service items (one per line)"), self.services_edit, ""),
            (self.tr("Print font (.ttf / .ttc)"), font_row, "setting.print_font_path"),
        ):
            form.addRow(label, widget)
            if field:
                err = error_label()
                form.addRow("", err)
                self.card_errors.register(
                    field, widget if isinstance(widget, QWidget) else self.font_edit, err
                )
        font_note = QLabel(
            self.tr(
                "Printouts embed this font so Chinese shows on any computer. Use a TrueType "
                "font with Chinese characters (.ttf or .ttc, e.g. msyh.ttc, simhei.ttf); "
                ".otf fonts cannot be embedded."
            )
        )
        font_note.setWordWrap(True)
        font_note.setStyleSheet(HINT_STYLE)
        form.addRow("", font_note)
        for key, widget in (
            ("card_slogan", self.slogan_edit),
            ("card_policy_text", self.policy_edit),
            ("card_service_items", self.services_edit),
        ):
            self.card_errors.register(f"setting.{key}", widget, self.card_general)
        self.card_save = QPushButton(self.tr("Save"))
        self.card_save.clicked.connect(self.save_card)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.card_general)
        layout.addLayout(_buttons(self.card_save))
        layout.addStretch(1)
        return page

    @Slot()
    def choose_font(self) -> None:
        start = self.font_edit.text().strip() or self._fonts_folder()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the print font"),
            start,
            self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC)"),
        )
        if path:
            self.font_edit.setText(path)
            self.card_errors.clear("setting.print_font_path")

    @staticmethod
    def _fonts_folder() -> str:
        import os

        windir = os.environ.get("WINDIR")
        if windir:
            return os.path.join(windir, "Fonts")
        return "/usr/share/fonts"

    def _ui_tab(self) -> QWidget:
        page = QWidget()
        self.language_combo = QComboBox()
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.large_font_check = QCheckBox(self.tr("Large font (easier to read)"))
        self.language_note = QLabel(self.tr("A new language applies after restarting."))
        self.language_note.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow("", self.large_font_check)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        set_combo_data(self.language_combo, str(self.prefs.value(LANGUAGE_KEY) or "zh_CN"))
        self.large_font_check.setChecked(is_true(self.prefs.value(LARGE_FONT_KEY, False)))
        self.language_combo.currentIndexChanged.connect(self.save_language)
        self.large_font_check.toggled.connect(self.save_font)
        return page

    # ------------------------------------------------------------ loading

    def _build_deadline_rows(self, kinds: list[tuple[str, str]]) -> None:
        """A spin box per matter kind in use (kinds come and go in 词表).
        Rebuilt rows keep their values; a new kind's row shows the saved one."""
        wanted = [("", self.tr("Other / no kind")), *kinds]
        if wanted == getattr(self, "_deadline_kinds", None):
            return
        first = not hasattr(self, "_deadline_kinds")
        self._deadline_kinds = wanted
        values = {code: spin.value() for code, spin in self.deadline_spins.items()}
        if not first:
            saved = self.ctx.read(queries.reference.get_setting, "default_deadline_days") or {}
            for code, _label in wanted:
                values.setdefault(code, int(saved.get(code, saved.get("", 15))))
        while self.deadline_form.rowCount():
            self.deadline_form.removeRow(0)
        self.deadline_spins = {}
        for code, label in wanted:
            spin = QSpinBox()
            spin.setRange(1, 365)
            spin.setSuffix(self.tr(" days"))
            if code in values:
                spin.setValue(values[code])
            self.deadline_spins[code] = spin
            self.deadline_form.addRow(label, spin)
        self.rules_errors.register(
            "setting.default_deadline_days", self.deadline_spins[""], self.rules_general
        )

    @Slot()
    def save_current_tab(self) -> bool:
        """Ctrl+S: press the Save button of the tab on screen (if it has one)."""
        page = self.tabs.currentWidget()
        for button in (self.profile_save, self.rules_save, self.quotas_save, self.card_save):
            if page.isAncestorOf(button):
                button.click()
                return True
        return False

    def refresh(self) -> None:
        """Re-read the lists (groups, cadres, vocabularies, the rows per matter
        kind and per role), keeping what is selected; never the fields a user
        may be editing (see the ``_load_*`` methods)."""
        read = self.ctx.read
        groups = read(queries.reference.groups)
        cadres = read(queries.reference.cadres, include_inactive=True)
        roles = read(queries.reference.labels, "role")
        kinds = read(queries.reference.choices, "matter_kind")
        quota_roles = [
            (t.code, t.label)
            for t in read(queries.reference.vocabulary, "role", include_retired=True)
        ]
        item = self.groups_list.currentItem()
        current = item.data(ID_ROLE) if item else None
        self.groups_list.clear()
        for g in groups:
            item = QListWidgetItem(g.name)
            item.setData(ID_ROLE, g.id)
            self.groups_list.addItem(item)
            if g.id == current:
                self.groups_list.setCurrentItem(item)
        row = self.cadres_table.currentRow()
        current = self.cadres_table.item(row, 0).data(ID_ROLE) if row >= 0 else None
        self._cadres = {c.id: c for c in cadres}
        self.cadres_table.setRowCount(len(cadres))
        for r, c in enumerate(cadres):
            values = [
                c.name,
                roles.get(c.role, c.role),
                c.phone,
                c.duties.replace("\n", " "),
                self.tr("Yes") if c.active else self.tr("No"),
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, c.id)
                self.cadres_table.setItem(r, col, item)
            if c.id == current:
                self.cadres_table.selectRow(r)
        self._build_deadline_rows(kinds)
        self._build_quota_rows(quota_roles)
        self.reload_vocab()

    def _load_profile(self) -> None:
        p = self.ctx.read(queries.reference.profile)
        if p is not None:
            for key, edit in self.profile_edits.items():
                edit.setText(getattr(p, key))

    def _load_rules(self) -> None:
        setting = self._settings(
            "default_deadline_days",
            "due_soon_days",
            "long_unvisited_days",
            "monthly_visit_minimum",
            "duty_days",
        )
        deadlines = setting["default_deadline_days"] or {}
        for code, spin in self.deadline_spins.items():
            spin.setValue(int(deadlines.get(code, deadlines.get("", 15))))
        self.due_soon_spin.setValue(int(setting["due_soon_days"] or 3))
        self.long_unvisited_spin.setValue(int(setting["long_unvisited_days"] or 90))
        self.monthly_min_spin.setValue(int(setting["monthly_visit_minimum"] or 0))
        duty = setting["duty_days"] or []
        for i, box in enumerate(self.duty_checks, 1):
            box.setChecked(i in duty)

    def _load_quotas(self) -> None:
        quotas = self.ctx.read(queries.reference.get_setting, "visit_quotas") or {}
        for code, widgets in self.quota_widgets.items():
            self._show_quota(widgets, quotas.get(code))

    def _load_card(self) -> None:
        setting = self._settings(
            "card_title", "print_font_path", "card_slogan", "card_policy_text", "card_service_items"
        )
        self.card_title_edit.setText(setting["card_title"] or "")
        self.font_edit.setText(setting["print_font_path"] or "")
        self.slogan_edit.setText(setting["card_slogan"] or "")
        self.policy_edit.setPlainText(setting["card_policy_text"] or "")
        self.services_edit.setPlainText("\n".join(setting["card_service_items"] or []))

    def _settings(self, *keys: str) -> dict:
        return {key: self.ctx.read(queries.reference.get_setting, key) for key in keys}

    @Slot()
    def reload_vocab(self) -> None:
        kind = self.vocab_kind.currentData()
        terms = self.ctx.read(queries.reference.vocabulary, kind, include_retired=True)
        item = self.vocab_list.currentItem()
        current = item.data(ID_ROLE)[0] if item else None
        self.vocab_list.clear()
        for t in terms:
            text = t.label + (self.tr(" (retired)") if t.retired else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, (t.code, t.label, t.retired))
            if t.retired:
                item.setForeground(Qt.GlobalColor.gray)
            self.vocab_list.addItem(item)
            if t.code == current:
                self.vocab_list.setCurrentItem(item)

    def _saved(self, label: QLabel) -> None:
        label.setText(self.tr("Saved."))
        label.setStyleSheet(SAVED_STYLE)
        label.show()

    def _write(self, work, *, errors: FieldErrors | None = None, busy=(), success=None):
        """One op for one button: ``work(db, actor)`` calls one service."""
        ctx = self.ctx
        op = ctx.op(self, lambda db: work(db, ctx.operator_id))
        if errors is not None:
            op.errors(errors)
        if success is not None:
            op.success(success)
        return op.busy(*busy).run()

    # ------------------------------------------------------------ actions

    @Slot()
    def save_profile(self) -> None:
        self.profile_errors.clear()
        self.profile_general.setStyleSheet(ERROR_STYLE)
        values = {k: e.text() for k, e in self.profile_edits.items()}

        def saved(_result) -> None:
            self._load_profile()  # as stored (trimmed)
            self._saved(self.profile_general)

        self._write(
            lambda db, actor: services.setup.update_profile(db, actor, **values),
            errors=self.profile_errors,
            busy=(self.profile_save,),
            success=saved,
        )

    @Slot()
    def add_group(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add group"), self.tr("Group name:"))
        if ok:
            self._write(lambda db, actor: services.setup.add_group(db, actor, name))

    @Slot()
    def rename_group(self) -> None:
        item = self.groups_list.currentItem()
        if item is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename group"), self.tr("Group name:"), text=item.text()
        )
        if ok:
            gid = item.data(ID_ROLE)
            self._write(lambda db, actor: services.setup.rename_group(db, actor, gid, name))

    @Slot()
    def delete_group(self) -> None:
        item = self.groups_list.currentItem()
        if item is None:
            return
        gid = item.data(ID_ROLE)
        self._write(lambda db, actor: services.setup.delete_group(db, actor, gid))

    def edit_cadre(self, cadre) -> None:
        run_modal(CadreDialog(self.ctx, cadre, self))

    @Slot()
    def _edit_selected_cadre(self) -> None:
        row = self.cadres_table.currentRow()
        if row < 0:
            return
        self.edit_cadre(self._cadres[self.cadres_table.item(row, 0).data(ID_ROLE)])

    @Slot()
    def add_term(self) -> None:
        kind = self.vocab_kind.currentData()
        label, ok = QInputDialog.getText(self, self.tr("Add entry"), self.tr("Name:"))
        if ok:
            self._write(lambda db, actor: services.setup.add_vocab_term(db, actor, kind, label))

    @Slot()
    def rename_term(self) -> None:
        item = self.vocab_list.currentItem()
        if item is None:
            return
        code, label, _retired = item.data(ID_ROLE)
        kind = self.vocab_kind.currentData()
        new, ok = QInputDialog.getText(self, self.tr("Rename entry"), self.tr("Name:"), text=label)
        if ok:
            self._write(
                lambda db, actor: services.setup.rename_vocab_term(db, actor, kind, code, new)
            )

    @Slot()
    def toggle_term(self) -> None:
        item = self.vocab_list.currentItem()
        if item is None:
            return
        code, _label, retired = item.data(ID_ROLE)
        kind = self.vocab_kind.currentData()
        self._write(
            lambda db, actor: services.setup.retire_vocab_term(db, actor, kind, code, not retired)
        )

    @Slot()
    def save_rules(self) -> None:
        self.rules_errors.clear()
        values = {
            "default_deadline_days": {code: s.value() for code, s in self.deadline_spins.items()},
            "due_soon_days": self.due_soon_spin.value(),
            "long_unvisited_days": self.long_unvisited_spin.value(),
            "monthly_visit_minimum": self.monthly_min_spin.value(),
            "duty_days": [i for i, box in enumerate(self.duty_checks, 1) if box.isChecked()],
        }
        self._write(
            lambda db, actor: services.setup.save_settings(db, actor, values),
            errors=self.rules_errors,
            busy=(self.rules_save,),
            success=lambda _result: self._load_rules(),
        )

    @Slot()
    def save_quotas(self) -> None:
        self.quotas_errors.clear()
        self.quotas_message.setText("")
        quotas = self.quotas_value()
        # A campaign's dates are not on this page: keep the stored ones.
        stored = self.ctx.read(queries.reference.get_setting, "visit_quotas") or {}
        for role, quota in quotas.items():
            before = stored.get(role) or {}
            if before.get("period", "year") == quota.get("period", "year"):
                for key in ("start", "end"):
                    if before.get(key) and key not in quota:
                        quota[key] = before[key]
        self._write(
            lambda db, actor: services.setup.save_settings(db, actor, {"visit_quotas": quotas}),
            errors=self.quotas_errors,
            busy=(self.quotas_save,),
            success=lambda _result: self.quotas_message.setText(self.tr("Saved.")),
        )

    def check_font_path(self, text: str) -> str | None:
        """An error message for the print font field, or None when usable."""
        if not text:
            return None
        from pathlib import Path

        path = Path(text).expanduser()
        if not path.is_file():
            return self.tr("There is no font file at this path.")
        if path.suffix.lower() not in (".ttf", ".ttc"):
            return self.tr(
                "Choose a TrueType font (.ttf or .ttc); .otf and other fonts cannot be embedded."
            )
        from village_desk.core.printing import cjk_font

        found = cjk_font(path)
        if found.path is None or Path(found.path).resolve() != path.resolve():
            return self.tr("This font cannot be used: it is damaged or has no Chinese characters.")
        return None

    @Slot()
    def save_card(self) -> None:
        self.card_errors.clear()
        self.card_general.setStyleSheet(ERROR_STYLE)
        font_path = self.font_edit.text().strip()
        problem = self.check_font_path(font_path)  # a file on this computer
        if problem:
            self.card_errors.show("setting.print_font_path", problem)
            return
        values = {
            "card_title": self.card_title_edit.text(),
            "card_slogan": self.slogan_edit.text(),
            "card_policy_text": self.policy_edit.toPlainText(),
            "card_service_items": self.services_edit.toPlainText().splitlines(),
            "print_font_path": font_path,
        }

        def saved(_result) -> None:
            self._load_card()  # as stored (trimmed, empty lines left out)
            self._saved(self.card_general)

        self._write(
            lambda db, actor: services.setup.save_settings(db, actor, values),
            errors=self.card_errors,
            busy=(self.card_save,),
            success=saved,
        )

    @Slot()
    def save_language(self) -> None:
        self.prefs.setValue(LANGUAGE_KEY, self.language_combo.currentData())
        self.prefs.sync()
        QMessageBox.information(
            self, self.tr("Language"), self.tr("A new language applies after restarting.")
        )

    @Slot(bool)
    def save_font(self, large: bool) -> None:
        self.prefs.setValue(LARGE_FONT_KEY, large)
        self.prefs.sync()
        app = QApplication.instance()
        if app is not None:
            apply_font_size(app, large)
        self.font_changed.emit(large)
