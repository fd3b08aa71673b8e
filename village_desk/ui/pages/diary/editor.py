"""The diary editor: one contact, the six questions, and what was raised.

Each raised item is marked 当场解决 (stays in the diary) or 转入台账 (becomes a
ledger matter with the author as first responsible). The editor autosaves a
draft (see ``drafts.py``) a moment after each change and when it closes.

What it shows comes from ``queries.diary`` (plain rows); saving is one op
(``services.diary.write_entry`` / ``update_entry``) whose refusals land at the
field they name, a raised item's under its row (``diary.item.{n}.text``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from village_desk.core import queries, services
from village_desk.core.domain.fields import item_field
from village_desk.core.domain.visits import SIX_QUESTIONS
from village_desk.core.services.diary import DiaryInput, RaisedItem
from village_desk.core.storage.changes import Changes
from village_desk.ui.pages.diary.drafts import DraftStore
from village_desk.ui.widgets.attachments import AttachmentPanel
from village_desk.ui.widgets.forms import (
    ERROR_BORDER_STYLE,
    HINT_STYLE,
    FieldErrors,
    add_choose_entry,
    destructive,
    error_label,
    heading,
    keep_space,
    refill_combo,
    set_combo_data,
)
from village_desk.ui.widgets.pickers import CadreChecklist, HouseholdPicker
from village_desk.ui.widgets.sizing import fit_lines

AUTOSAVE_MS = 800
SOLVED, MATTER = "solved", "matter"
ITEM_PARTS = ("text", "outcome", "kind")  # the parts of a raised item a refusal names


class CollapsibleText(QWidget):
    """A titled, optional text section that opens when clicked (or has text)."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.edit = QPlainTextEdit()
        fit_lines(self.edit, 3)
        self.edit.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.edit)
        self.toggle.toggled.connect(self.set_open)
        self.edit.textChanged.connect(self.changed)

    @Slot(bool)
    def set_open(self, open_: bool) -> None:
        self.toggle.setChecked(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.edit.setVisible(open_)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.set_open(bool(text.strip()))


class RaisedItemRow(QFrame):
    """One raised item: what, 当场解决 (with how) or 转入台账 (with kind/deadline)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, kinds: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("What was raised"))
        self.text_edit.setAccessibleName(self.tr("Raised item"))
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("Solved on the spot"), SOLVED)
        self.outcome_combo.addItem(self.tr("Turn into a ledger matter"), MATTER)
        self.solution_edit = QLineEdit()
        self.solution_edit.setPlaceholderText(self.tr("How it was solved"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of matter"))
        self.kind_combo.setToolTip(self.tr("Required for a ledger matter"))
        for code, label in kinds:
            self.kind_combo.addItem(label, code)
        add_choose_entry(self.kind_combo, self.choose_kind_text())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.error = error_label()
        top = QHBoxLayout()
        top.addWidget(self.text_edit, 3)
        top.addWidget(self.outcome_combo)
        top.addWidget(self.remove_button)
        second = QHBoxLayout()
        second.addWidget(self.solution_edit, 3)
        second.addWidget(self.kind_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.error)
        self.outcome_combo.currentIndexChanged.connect(self._update)
        for w in (self.text_edit, self.solution_edit):
            w.textChanged.connect(self.changed)
        self.outcome_combo.currentIndexChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self._update()

    def choose_kind_text(self) -> str:
        return self.tr("Choose the kind *")

    @Slot()
    def _kind_chosen(self) -> None:
        if self.kind_combo.currentData() and self.error.property("part") == "kind":
            self.clear_error()

    def set_kinds(self, kinds: list[tuple[str, str]]) -> None:
        """New kinds from the settings; the chosen one stays chosen."""
        labels = {
            self.kind_combo.itemData(i): self.kind_combo.itemText(i)
            for i in range(self.kind_combo.count())
        }
        refill_combo(
            self.kind_combo,
            [(self.choose_kind_text(), "")] + [(label, code) for code, label in kinds],
            keep=labels,
        )

    def _update(self) -> None:
        solved = self.outcome_combo.currentData() == SOLVED
        self.solution_edit.setVisible(solved)
        self.kind_combo.setVisible(not solved)

    def set_outcome(self, outcome: str) -> None:
        set_combo_data(self.outcome_combo, outcome)

    def to_dict(self) -> dict:
        return {
            "text": self.text_edit.text(),
            "outcome": self.outcome_combo.currentData(),
            "solution": self.solution_edit.text(),
            "kind": self.kind_combo.currentData(),
        }

    def load(self, d: dict) -> None:
        self.text_edit.setText(d.get("text", ""))
        self.set_outcome(d.get("outcome", SOLVED))
        self.solution_edit.setText(d.get("solution", ""))
        set_combo_data(self.kind_combo, d.get("kind", ""))

    def value(self) -> RaisedItem:
        d = self.to_dict()
        return RaisedItem(
            text=d["text"], outcome=d["outcome"], solution=d["solution"], kind=d["kind"] or ""
        )

    def field_widget(self, part: str) -> QWidget:
        """The input a refusal of ``part`` (``"text"``, ``"outcome"``, ``"kind"``) is about."""
        return {"outcome": self.outcome_combo, "kind": self.kind_combo}.get(part, self.text_edit)

    def show_error(self, part: str, message: str, focus: bool = True) -> None:
        widget = self.field_widget(part)
        self.error.setText(message)
        self.error.setProperty("part", part)
        keep_space(self.error)
        self.error.show()
        widget.setStyleSheet(ERROR_BORDER_STYLE)
        if focus:
            widget.setFocus()

    def clear_error(self) -> None:
        self.error.hide()  # its room stays (keep_space): nothing below moves
        for part in ITEM_PARTS:
            self.field_widget(part).setStyleSheet("")


class EditorErrors(FieldErrors):
    """The form's field errors, and the raised items' by their keys
    (``diary.item.{n}.text`` / ``.outcome`` / ``.kind``, 1-based): shown under that row."""

    def __init__(self, general: QLabel, rows, reveal=None):
        super().__init__(general)
        self._rows = rows  # () -> the item rows, in the order they are saved
        self._reveal = reveal  # (row) -> None: scroll it into view

    def _item(self, field: str) -> tuple[RaisedItemRow, str] | None:
        for n, row in enumerate(self._rows(), 1):
            for part in ITEM_PARTS:
                if field == item_field(n, part):
                    return row, part
        return None

    def show(self, field: str, message: str, focus: bool = True) -> None:
        item = self._item(field)
        if item is None:
            super().show(field, message, focus)
            return
        row, part = item
        row.show_error(part, message, focus)
        if self._reveal is not None:
            self._reveal(row)

    def label_for(self, field: str) -> QLabel | None:
        item = self._item(field)
        return item[0].error if item else super().label_for(field)

    def clear(self, field: str | None = None) -> None:
        super().clear(field)
        if field is None:
            rows = self._rows()
        else:
            item = self._item(field)
            rows = [item[0]] if item else []
        for row in rows:
            row.clear_error()

    def visible_messages(self) -> list[str]:
        rows = [row.error.text() for row in self._rows() if not row.error.isHidden()]
        return super().visible_messages() + rows


class DiaryEditor(QWidget):
    saved = Signal(object, list)  # entry id, new matter ids
    closed = Signal()
    delete_requested = Signal(object)  # entry id
    open_matter_requested = Signal(object)

    def __init__(self, ctx, drafts: DraftStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.drafts = drafts
        self.entry_id: uuid.UUID | None = None
        self._save_op = None  # the save running on the writer thread
        self.draft_id: str | None = None
        self._loading = False
        self._dirty = False  # changed since the entry or draft was opened
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)

        self._kinds: list[tuple[str, str]] = []
        self._all_modes: dict[str, str] = {}  # code → label, retired ones too
        self._all_cadres: dict[str, str] = {}  # id → name, inactive ones too
        self._active_modes: list[tuple[str, str]] = []  # (label, code)
        self._active_cadres: list[tuple[str, str]] = []  # (name, id)

        self.title = heading(self.tr("New diary entry"))
        self.draft_label = QLabel()
        self.draft_label.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton(self.tr("Save entry"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close (Esc); an unsaved entry is kept as a draft"))
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.hide()  # shown only while there is a draft
        self.delete_button = destructive(QPushButton(self.tr("Delete entry")))
        self.delete_button.setToolTip(self.tr("Delete this saved entry (can be undone)"))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.draft_label, 1)
        top.addWidget(self.delete_button)
        top.addWidget(self.discard_button)
        top.addSpacing(24)  # the destructive ones apart from Close and Save
        top.addWidget(self.close_button)
        top.addWidget(self.save_button)

        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.mode_combo = QComboBox()
        self.author_combo = QComboBox()
        self.companions = CadreChecklist(ctx.db)
        self.picker = HouseholdPicker(ctx.db, multiple=True)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("For meetings: where, and who took part"))

        self.general_error = error_label()
        self.item_rows: list[RaisedItemRow] = []
        self.errors = EditorErrors(
            self.general_error,
            lambda: self.item_rows,
            lambda row: self.scroll.ensureWidgetVisible(row),
        )
        form = QFormLayout()

        def row(label: str, widget: QWidget, *fields: str) -> None:
            form.addRow(label, widget)
            if fields:
                err = error_label()
                form.addRow("", err)
                for f in fields:
                    self.errors.register(f, widget, err)

        row(self.tr("Date"), self.date_edit, "diary.date")
        row(self.tr("Mode"), self.mode_combo, "diary.mode")
        row(self.tr("Cadre"), self.author_combo, "diary.author_id")
        row(self.tr("Companions"), self.companions, "diary.companion_ids")
        row(self.tr("Visited households"), self.picker, "diary.household_ids")
        row(self.tr("Place / participants"), self.place_edit, "diary.place")

        self.sections: dict[str, CollapsibleText] = {}
        # The title is a label, not the group box's own title: QGroupBox sizes its
        # title without the fallback CJK font and cut off the closing bracket.
        sections_title = QLabel(self.tr("The six questions (optional; click to open)"))
        sections_title.setWordWrap(True)
        sections_box = QGroupBox()
        sl = QVBoxLayout(sections_box)
        titles = {
            "q_basic": self.tr("Basic situation"),
            "q_hardship": self.tr("Hardships"),
            "q_wishes": self.tr("Wishes to raise income"),
            "q_evaluation": self.tr("Views of cadres"),
            "q_suggestions": self.tr("Suggestions for our work"),
            "q_development": self.tr("Development ideas"),
        }
        for code, _label in SIX_QUESTIONS:
            section = CollapsibleText(titles[code])
            self.sections[code] = section
            sl.addWidget(section)

        self.narrative_edit = QPlainTextEdit()
        fit_lines(self.narrative_edit, 4)
        self.narrative_edit.setPlaceholderText(self.tr("What happened on this visit"))
        self.help_edit = QPlainTextEdit()
        fit_lines(self.help_edit, 2)
        self.help_edit.setPlaceholderText(self.tr("Policies explained, services, goods"))
        # One form, so the fields of both halves line up.
        form.addRow(self.tr("Narrative"), self.narrative_edit)
        form.addRow(self.tr("Help given"), self.help_edit)

        items_title = QLabel(self.tr("Raised by the villagers"))
        items_box = QGroupBox()
        self.items_layout = QVBoxLayout(items_box)
        self.existing_items = QVBoxLayout()
        self.items_layout.addLayout(self.existing_items)
        self.rows_layout = QVBoxLayout()
        self.items_layout.addLayout(self.rows_layout)
        self.add_item_button = QPushButton(self.tr("Add raised item"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_item_button)
        add_row.addStretch(1)
        self.items_layout.addLayout(add_row)

        content = QWidget()
        cl = QVBoxLayout(content)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        # visit photos (留痕): chosen for a new entry, they are added once it is saved
        self.attachments = AttachmentPanel(ctx, "diary_entry", self)
        left.addWidget(self.attachments)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(sections_title)
        right.addWidget(sections_box)
        right.addSpacing(6)
        right.addWidget(items_title)
        right.addWidget(items_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        cl.addLayout(columns)
        cl.addWidget(self.general_error)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.reload_choices()
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close_editor)
        self.discard_button.clicked.connect(self.discard)
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.entry_id))
        self.add_item_button.clicked.connect(lambda: self.add_item())
        for w in (self.date_edit, self.mode_combo, self.author_combo):
            sig = w.dateChanged if isinstance(w, QDateEdit) else w.currentIndexChanged
            sig.connect(self._touched)
        self.companions.changed.connect(self._touched)
        self.picker.changed.connect(self._touched)
        self.picker.changed.connect(lambda: self.errors.clear("diary.household_ids"))
        self.place_edit.textChanged.connect(self._touched)
        for section in self.sections.values():
            section.changed.connect(self._touched)
        self.narrative_edit.textChanged.connect(self._touched)
        self.help_edit.textChanged.connect(self._touched)
        ctx.data_changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ choices

    def reload_choices(self) -> None:
        """(Re)read modes, kinds and cadres (at start and after a settings change).

        What the open entry has chosen stays chosen, also when it was retired
        meanwhile; new entries are offered only the terms and cadres in use.
        """
        modes = self.ctx.read(queries.reference.vocabulary, "visit_mode", include_retired=True)
        kinds = self.ctx.read(queries.reference.vocabulary, "matter_kind")
        cadres = self.ctx.read(queries.reference.cadres, include_inactive=True)
        self._all_modes = {t.code: t.label for t in modes}
        self._all_cadres = {str(c.id): c.name for c in cadres}
        self._kinds = [(t.code, t.label) for t in kinds]
        self._active_modes = [(t.label, t.code) for t in modes if not t.retired]
        self._active_cadres = [(c.name, str(c.id)) for c in cadres if c.active]
        loading, self._loading = self._loading, True
        refill_combo(self.mode_combo, self._active_modes, keep=self._all_modes)
        refill_combo(self.author_combo, self._active_cadres, keep=self._all_cadres)
        self.companions.reload()
        for row in self.item_rows:
            row.set_kinds(self._kinds)
        self._loading = loading

    def _choose(self, combo: QComboBox, value, labels: dict[str, str]) -> None:
        """Choose ``value``; a retired one is added back for this entry."""
        if value and combo.findData(value) < 0 and value in labels:
            combo.addItem(labels[value], value)
        set_combo_data(combo, value)

    # ------------------------------------------------------------ items

    def add_item(self, data: dict | None = None) -> RaisedItemRow:
        row = RaisedItemRow(self._kinds)
        if data:
            row.load(data)
        row.changed.connect(self._touched)
        row.remove_requested.connect(self._remove_item)
        self.item_rows.append(row)
        self.rows_layout.addWidget(row)
        row.text_edit.setFocus()
        self._touched()
        return row

    @Slot(object)
    def _remove_item(self, row: RaisedItemRow) -> None:
        self.item_rows.remove(row)
        row.hide()
        row.deleteLater()
        self._touched()

    def _clear_items(self) -> None:
        for row in self.item_rows:
            row.hide()
            row.deleteLater()
        self.item_rows = []
        self._clear_existing_items()

    # ------------------------------------------------------------ start

    def _reset(self) -> None:
        self._loading = True
        self.errors.clear()
        self._clear_items()
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.currentDate())
        # a retired mode or cadre added for the previous entry is not offered again
        self.mode_combo.setCurrentIndex(0)
        refill_combo(self.mode_combo, self._active_modes)
        self.author_combo.setCurrentIndex(0)
        refill_combo(self.author_combo, self._active_cadres)
        if self.ctx.operator_id:
            set_combo_data(self.author_combo, str(self.ctx.operator_id))
        self.companions.set_ids([])
        self.picker.set_households([])
        self.place_edit.clear()
        for section in self.sections.values():
            section.set_text("")
        self.narrative_edit.clear()
        self.help_edit.clear()
        self.draft_label.clear()
        self._loading = False
        self._dirty = False
        self._update_discard_button()

    def start_new(self, household_ids: list[uuid.UUID] = ()) -> None:
        self._reset()
        self.entry_id = None
        self.attachments.set_owner(None)
        self.delete_button.hide()
        self.draft_id = self.drafts.new_id()
        self.title.setText(self.tr("New diary entry"))
        self._loading = True
        self.picker.set_households(list(household_ids))
        self._loading = False
        self.picker.edit.setFocus()

    def resume_draft(self, draft_id: str) -> bool:
        data = self.drafts.load(draft_id)
        if data is None:
            return False
        self._reset()
        self.draft_id = draft_id
        entry = data.get("entry_id")
        self.entry_id = uuid.UUID(entry) if entry else None
        self.attachments.set_owner(self.entry_id)
        self.delete_button.setVisible(self.entry_id is not None)
        self.title.setText(self.tr("Edit diary entry") if entry else self.tr("New diary entry"))
        self._loading = True
        self._apply(data)
        if self.entry_id:
            self._show_existing_items(self.entry_id)
        self._loading = False
        self.draft_label.setText(self.tr("Draft restored"))
        self._update_discard_button()
        return True

    def _saved_entry(self, entry_id: uuid.UUID) -> dict | None:
        """The saved entry as the editor's fields (a draft's layout); None when
        it is gone or deleted."""
        e = self.ctx.read(queries.diary.entry, entry_id)
        if e is None or e.deleted:
            return None
        hids = self.ctx.read(queries.diary.entry_households, entry_id)
        return {
            "date": e.date.isoformat(),
            "mode": e.mode,
            "author_id": str(e.author_id),
            "companion_ids": [str(c) for c in e.companion_ids or []],
            "household_ids": [str(h) for h in hids],
            "place": e.place,
            "sections": {code: getattr(e, code) for code, _ in SIX_QUESTIONS},
            "narrative": e.narrative,
            "help_given": e.help_given,
            "items": [],
        }

    def open_entry(self, entry_id: uuid.UUID) -> bool:
        data = self._saved_entry(entry_id)
        if data is None:
            return False
        self._reset()
        self.entry_id = entry_id
        self.attachments.set_owner(entry_id)
        self.delete_button.show()
        self.draft_id = self.drafts.new_id()
        self.title.setText(self.tr("Edit diary entry"))
        self._loading = True
        self._apply(data)
        self._show_existing_items(entry_id)
        self._loading = False
        return True

    def _clear_existing_items(self) -> None:
        while self.existing_items.count():
            w = self.existing_items.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()

    def _show_existing_items(self, entry_id: uuid.UUID) -> None:
        self._clear_existing_items()
        items = self.ctx.read(queries.diary.entry_items, entry_id)
        numbers = {}
        for item in items:
            if item.matter_id:
                matter = self.ctx.read(queries.matters.matter, item.matter_id)
                numbers[item.matter_id] = matter.number if matter else ""
        for item in items:
            if item.outcome == MATTER and item.matter_id:
                button = QPushButton(
                    self.tr("{text} → ledger matter {number}").format(
                        text=item.text, number=numbers[item.matter_id]
                    )
                )
                button.setFlat(True)
                button.setStyleSheet("text-align: left; color: palette(link);")
                mid = item.matter_id
                button.clicked.connect(lambda _=False, m=mid: self.open_matter_requested.emit(m))
                self.existing_items.addWidget(button)
            else:
                label = QLabel(
                    self.tr("{text} — solved on the spot: {solution}").format(
                        text=item.text, solution=item.solution
                    )
                )
                label.setWordWrap(True)
                self.existing_items.addWidget(label)

    def _apply(self, d: dict) -> None:
        try:
            date = dt.date.fromisoformat(d.get("date", ""))
            self.date_edit.setDate(QDate(date.year, date.month, date.day))
        except ValueError:
            pass
        self._choose(self.mode_combo, d.get("mode"), self._all_modes)
        self._choose(self.author_combo, d.get("author_id"), self._all_cadres)
        self.companions.set_ids(d.get("companion_ids", []))
        self.picker.set_households([uuid.UUID(h) for h in d.get("household_ids", [])])
        self.place_edit.setText(d.get("place", ""))
        for code, text in (d.get("sections") or {}).items():
            if code in self.sections:
                self.sections[code].set_text(text)
        self.narrative_edit.setPlainText(d.get("narrative", ""))
        self.help_edit.setPlainText(d.get("help_given", ""))
        for item in d.get("items", []):
            self.add_item(item)

    # ------------------------------------------------------------ drafts

    def to_dict(self) -> dict:
        d = self.date_edit.date()
        return {
            "entry_id": str(self.entry_id) if self.entry_id else "",
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "date": d.toPython().isoformat(),
            "mode": self.mode_combo.currentData(),
            "author_id": self.author_combo.currentData(),
            "companion_ids": [str(c) for c in self.companions.ids()],
            "household_ids": [str(h) for h in self.picker.household_ids()],
            "household_labels": [
                self.picker.chosen.item(i).text() for i in range(self.picker.chosen.count())
            ],
            "place": self.place_edit.text(),
            "sections": {code: sec.text() for code, sec in self.sections.items()},
            "narrative": self.narrative_edit.toPlainText(),
            "help_given": self.help_edit.toPlainText(),
            "items": [row.to_dict() for row in self.item_rows],
        }

    def has_content(self) -> bool:
        d = self.to_dict()
        return bool(
            d["household_ids"]
            or d["place"].strip()
            or d["narrative"].strip()
            or d["help_given"].strip()
            or any(t.strip() for t in d["sections"].values())
            or any(i["text"].strip() for i in d["items"])
        )

    def has_draft(self) -> bool:
        """Changes not saved as an entry: typed since opening, or a restored draft."""
        return bool(self.draft_id) and (self._dirty or self.drafts.exists(self.draft_id))

    def _update_discard_button(self) -> None:
        self.discard_button.setVisible(self.has_draft())

    @Slot()
    def _touched(self) -> None:
        if not self._loading and self.draft_id:
            self._dirty = True
            self._update_discard_button()
            self._timer.start()

    @Slot()
    def save_draft(self) -> bool:
        self._timer.stop()
        # an entry opened and left unchanged needs no draft
        if not self.draft_id or not self._dirty or not self.has_content():
            return False
        try:
            self.drafts.save(self.draft_id, self.to_dict())
        except OSError as err:
            self.draft_label.setText(
                self.tr("Draft could not be saved: {reason}").format(
                    reason=err.strerror or str(err)
                )
            )
            return False
        self.draft_label.setText(
            self.tr("Draft saved {time}").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )
        return True

    # ------------------------------------------------------------ save / close

    def value(self) -> DiaryInput:
        d = self.date_edit.date()
        author = self.author_combo.currentData()
        return DiaryInput(
            date=d.toPython(),
            mode=self.mode_combo.currentData(),
            author_id=uuid.UUID(author) if author else None,
            household_ids=self.picker.household_ids(),
            companion_ids=self.companions.ids(),
            place=self.place_edit.text(),
            sections={code: sec.text() for code, sec in self.sections.items()},
            narrative=self.narrative_edit.toPlainText(),
            help_given=self.help_edit.toPlainText(),
            items=[row.value() for row in self.item_rows],
        )

    def is_saving(self) -> bool:
        return self._save_op is not None

    @Slot()
    def save(self):
        """Save the entry as one op; a refusal is shown at its field. Returns
        the op (None when nothing was sent)."""
        if self._save_op is not None:  # Ctrl+S again while the save runs
            return None
        self.errors.clear()
        data = self.value()
        if data.author_id is None:
            self.errors.show("diary.author_id", self.tr("Add a cadre in Settings first."))
            return None
        entry_id, actor = self.entry_id, self.ctx.operator_id

        def write(db) -> tuple[uuid.UUID, list[uuid.UUID]]:
            if entry_id is None:
                return services.diary.write_entry(db, actor, data)
            return entry_id, services.diary.update_entry(db, actor, entry_id, data)

        self._save_op = (
            self.ctx.op(self, write)
            .errors(self.errors)
            .busy(self.save_button, self.close_button, self.discard_button, self.delete_button)
            .always(self._save_ended)
            .success(self._on_saved)
            .run()
        )
        return self._save_op

    def _save_ended(self) -> None:
        self._save_op = None

    def _on_saved(self, result: tuple[uuid.UUID, list[uuid.UUID]]) -> None:
        entry_id, matter_ids = result
        self.attachments.commit(entry_id)  # the photos chosen before it had an id
        self.forget()
        self._update_discard_button()
        self.saved.emit(entry_id, list(matter_ids))

    def forget(self) -> None:
        """End this editing without a draft (saved, or deleted)."""
        self._timer.stop()
        if self.draft_id:
            self.drafts.delete(self.draft_id)
        self.draft_id = None
        self._dirty = False

    @Slot()
    def close_editor(self) -> None:
        """Leave the editor; a half-written entry stays as a draft."""
        if self.is_saving():
            return
        self.save_draft()
        self.draft_id = None
        self.closed.emit()

    @Slot()
    def discard(self) -> None:
        if self.is_saving():
            return
        if self.has_content():
            answer = QMessageBox.question(
                self,
                self.tr("Discard draft"),
                self.tr("Throw away what was written in this entry?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.forget()
        self.closed.emit()

    # ------------------------------------------------------------ fresh data

    @Slot(object)
    def _on_data_changed(self, changes: Changes) -> None:
        """The open entry was changed elsewhere (another window's import, a
        restore): show it as saved now, unless the user is changing it here."""
        if self.entry_id is None or self.draft_id is None or self.is_saving():
            return
        if not (
            changes.everything
            or self.entry_id in changes.ids("diary_entry")
            or changes.touches("diary_item", "diary_household")
        ):
            return
        data = self._saved_entry(self.entry_id)
        if self.has_draft():  # what is typed here stays; saving will tell
            if data is not None:
                self._show_existing_items(self.entry_id)
            return
        if data is None:  # deleted elsewhere, nothing typed here
            self.forget()
            self.closed.emit()
            return
        self._reset()
        self._loading = True
        self._apply(data)
        self._show_existing_items(self.entry_id)
        self._loading = False
