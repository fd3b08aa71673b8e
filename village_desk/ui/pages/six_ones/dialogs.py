"""The form of a “六个一” activity: a policy talk (宣讲活动), a joint
service (联动服务) or a practical project (实事工程), with the cadres who did
it ticked in a list. At a township office it is recorded for a village
(or for the township as a whole). Saving goes through the services on the
writer thread; a refusal lands under its field."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.six_ones import ACTIVITY_KINDS, MAX_HEAD_COUNT
from village_desk.core.services.activities import ActivityInput
from village_desk.ui.i18n import current_language
from village_desk.ui.widgets.forms import EditDialog, FieldErrors, error_label, set_combo_data
from village_desk.ui.widgets.sizing import fit_lines

KINDS_EN = {"talk": "Policy talk", "joint_service": "Joint service", "project": "Practical project"}


def kind_text(code: str) -> str:
    if current_language().startswith("en"):
        return KINDS_EN.get(code, code)
    return ACTIVITY_KINDS.get(code, code)


def _text(lines: float) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    fit_lines(edit, lines)
    return edit


class ActivityDialog(EditDialog):
    """A new activity (of ``kind``, if given), or correcting one (``row``:
    the activity as listed)."""

    def __init__(self, ctx, row=None, kind: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Edit activity") if row else self.tr("New activity"))
        self.errors = FieldErrors(error_label())
        self.form = QFormLayout()
        self.kind_combo = QComboBox()
        for code in ACTIVITY_KINDS:
            self.kind_combo.addItem(kind_text(code), code)
        self._field(self.tr("Kind"), self.kind_combo, "activity.kind")
        self.village_combo: QComboBox | None = None
        if row is None and ctx.read(queries.reference.is_township):
            self.village_combo = QComboBox()
            self.village_combo.setAccessibleName(self.tr("Village"))
            self.village_combo.addItem(self.tr("The township (no single village)"), None)
            for v in ctx.read(queries.reference.village_profiles):
                self.village_combo.addItem(v.village, v.id)
            self._field(self.tr("Village"), self.village_combo, "activity.village_id")
        self.date_edit = QDateEdit(QDate(row.date) if row else QDate.currentDate())
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self._field(self.tr("Date"), self.date_edit, "activity.date")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("What it was"))
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Talk on the new medical insurance rules; hardening the group road")
        )
        self._field(self.tr("What it was *"), self.title_edit, "activity.title")
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(self.tr("Place"))
        self._field(self.tr("Place *"), self.place_edit, "activity.place")
        self.cadre_list = QListWidget()
        self.cadre_list.setAccessibleName(self.tr("Cadres who did it"))
        fit_lines(self.cadre_list, 4)
        chosen = set(row.cadre_ids) if row else set()
        cadres = list(ctx.read(queries.reference.cadres))
        names = {c.id for c in cadres}
        if row is not None:  # a cadre named before being made inactive stays ticked
            extra = dict(ctx.read(queries.reference.cadre_names))
            cadres += [
                _Named(cid, extra.get(cid, "?")) for cid in row.cadre_ids if cid not in names
            ]
        for c in cadres:
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = c.id in chosen or (row is None and c.id == ctx.operator_id)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.cadre_list.addItem(item)
        self._field(self.tr("Cadres who did it *"), self.cadre_list, "activity.cadre_ids")
        self.participants_edit = self._field(
            self.tr("Who took part"), _text(2), "activity.participants"
        )
        self.head_spin = QSpinBox()
        self.head_spin.setRange(0, MAX_HEAD_COUNT)
        self.head_spin.setAccessibleName(self.tr("How many took part"))
        self._field(self.tr("How many took part"), self.head_spin, "activity.head_count")
        self.notes_edit = self._field(self.tr("Results and notes"), _text(3), "activity.notes")

        self.buttons = self.save_cancel_buttons()
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if row is not None:
            set_combo_data(self.kind_combo, row.kind)
            self.title_edit.setText(row.title)
            self.place_edit.setText(row.place)
            self.participants_edit.setPlainText(row.participants)
            self.head_spin.setValue(row.head_count)
            self.notes_edit.setPlainText(row.notes)
        elif kind:
            set_combo_data(self.kind_combo, kind)
        self.want_size(560, 640)

    def _field(self, label: str, widget: QWidget, key: str) -> QWidget:
        message = error_label()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        inner.addWidget(message)
        self.form.addRow(label, box)
        self.errors.register(key, widget, message)
        return widget

    def checked_cadres(self) -> list:
        out = []
        for i in range(self.cadre_list.count()):
            item = self.cadre_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def data(self) -> ActivityInput:
        return ActivityInput(
            kind=self.kind_combo.currentData(),
            date=self.date_edit.date().toPython(),
            title=self.title_edit.text(),
            place=self.place_edit.text(),
            cadre_ids=self.checked_cadres(),
            participants=self.participants_edit.toPlainText(),
            head_count=self.head_spin.value(),
            notes=self.notes_edit.toPlainText(),
            village_id=self.village_combo.currentData() if self.village_combo else None,
        )

    def save(self) -> None:
        self.errors.clear()
        actor, data, row = self.ctx.operator_id, self.data(), self.row
        if row is None:
            work = lambda db: services.activities.record_activity(db, actor, data)  # noqa: E731
        else:
            work = lambda db: services.activities.update_activity(db, actor, row.id, data)  # noqa: E731
        self.ctx.op(self, work).errors(self.errors).busy(self.save_button).success(
            lambda _r: self.isVisible() and self.accept()
        ).run()


class _Named:
    def __init__(self, cid, name: str):
        self.id, self.name = cid, name
