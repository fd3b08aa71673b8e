"""Form building blocks: headings, inline field errors keyed by the core's
field keys, edit dialogs that ask before discarding changes, combo helpers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from village_desk.ui.errors import describe
from village_desk.ui.widgets.modal import run_modal
from village_desk.ui.widgets.sizing import fit_to_screen, relative_font

ERROR_COLOR = "#b00020"
ERROR_STYLE = f"color: {ERROR_COLOR};"
# The field a message is about: a red frame as tall as the usual one (a field
# that grew or shrank would move the fields below it).
ERROR_BORDER_STYLE = f"border: 2px solid {ERROR_COLOR}; padding: 1px;"
# Hints and captions: dark enough to read on a dim laptop screen (palette(mid)
# was too faint for older cadres).
HINT_STYLE = "color: #5a5a5a;"


def destructive(button: QAbstractButton) -> QAbstractButton:
    """Mark a button that deletes or removes: red text and a bin icon, so it
    never passes for a common one (greyed when disabled, like the others).
    Pages place it apart (after a stretch)."""
    button.setProperty("destructive", True)
    button.setStyleSheet(f"*{{color: {ERROR_COLOR};}} *:disabled{{color: palette(mid);}}")
    button.setIcon(button.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
    return button


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A bold title, ``scale`` × the text size (large text too)."""
    label = QLabel(text)
    relative_font(label, scale, bold=True)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def keep_space(label: QWidget) -> None:
    """Once a message has been shown, hiding it keeps its room: the fields
    below do not jump back up while the user types (and a click meant for
    one does not land on another). Call it before showing the message."""
    if label.property("keepsSpace"):
        return
    label.setProperty("keepsSpace", True)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)  # enough in a box layout…
    label.setSizePolicy(policy)
    form = _form_layout_of(label)
    if form is None:
        return
    # …but a form layout closes the row of a hidden widget: the message goes
    # into a holder that stays, at least as tall as the message was.
    # (Created with its parent: a holder that Python owned would be deleted,
    # with the message in it, whenever its Python object is collected.)
    holder = QWidget(label.parentWidget())
    inner = QVBoxLayout(holder)
    inner.setContentsMargins(0, 0, 0, 0)
    form.replaceWidget(label, holder)
    inner.addWidget(label)
    holder.setMinimumHeight(max(label.sizeHint().height(), label.fontMetrics().height()))
    holder.setVisible(True)


def _form_layout_of(widget: QWidget) -> QFormLayout | None:
    parent = widget.parentWidget()
    todo = [parent.layout()] if parent is not None and parent.layout() is not None else []
    while todo:
        layout = todo.pop()
        if isinstance(layout, QFormLayout) and layout.indexOf(widget) >= 0:
            return layout
        todo += [
            layout.itemAt(i).layout() for i in range(layout.count()) if layout.itemAt(i).layout()
        ]
    return None


class FieldErrors:
    """Inline validation messages: one red label under each field.

    Fields are registered under the key the core uses in
    ``ValidationError.field`` (``"matter.deadline"``, see
    ``core/domain/fields.py``); an error for a field without a widget goes to
    the general label (at the bottom of the form), named by its label.
    """

    def __init__(self, general: QLabel):
        self.general = general
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def register(self, field: str, widget: QWidget, label: QLabel) -> None:
        self._fields[field] = (widget, label)

    def label_for(self, field: str) -> QLabel | None:
        entry = self._fields.get(field)
        return entry[1] if entry else None

    def show(self, field: str, message: str, focus: bool = True) -> None:
        """``message`` under the widget registered for the field key ``field``;
        a field without a widget goes to the general label, named by its label."""
        entry = self._fields.get(field)
        if entry is None:
            from village_desk.core.domain.fields import field_label

            self.general.setText(f"{field_label(field)}：{message}" if field else message)
            self.general.show()
            return
        widget, label = entry
        label.setText(message)
        keep_space(label)
        label.show()
        widget.setStyleSheet(ERROR_BORDER_STYLE)
        if focus:
            widget.setFocus()

    def show_error(self, err: BaseException) -> None:
        from village_desk.core.domain.validation import ValidationError

        if isinstance(err, ValidationError):
            self.show(err.field, err.message)
        else:
            self.show("", describe(err))

    def clear(self, field: str | None = None) -> None:
        items = [self._fields[field]] if field in self._fields else []
        if field is None:
            items = list(self._fields.values())
            self.general.hide()
        for widget, label in items:
            label.hide()  # (its text stays: the room it keeps is as tall as it was)
            widget.setStyleSheet("")

    def visible_messages(self) -> list[str]:
        out = [label.text() for _, label in self._fields.values() if not label.isHidden()]
        if not self.general.isHidden():
            out.append(self.general.text())
        return out


def save_shortcut(window: QWidget, button: QPushButton) -> QShortcut:
    """Ctrl+S in a dialog presses its Save button (same checks, same messages)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), window)
    shortcut.activated.connect(button.click)
    button.setToolTip(QCoreApplication.translate("Widgets", "Save (Ctrl+S)"))
    return shortcut


def ask_discard_changes(parent: QWidget | None) -> bool:
    """“Discard unsaved changes?” — True when the user chose to discard them."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Widgets", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Widgets", "Discard unsaved changes?"))
    discard = box.addButton(
        QCoreApplication.translate("Widgets", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Widgets", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    run_modal(box)
    return box.clickedButton() is discard


def _input_state(widget: QWidget):
    """What the user can change in one input widget (None: not an input)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):  # spin boxes, date edits
        return widget.text()
    if isinstance(widget, QListWidget):
        items = [widget.item(i) for i in range(widget.count())]
        return tuple((i.text(), i.checkState().value) for i in items)
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def input_snapshot(root: QWidget) -> dict:
    """The state of every input inside ``root`` (not the inner parts of a
    combo, spin box or calendar, which follow their owner)."""
    out: dict = {}

    def walk(parent: QWidget) -> None:
        for child in parent.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if isinstance(child, QCalendarWidget) or child.property("notAnInput"):
                continue
            state = _input_state(child)
            if state is not None:
                out[child] = state
                if isinstance(child, QComboBox | QAbstractSpinBox):
                    continue
            walk(child)

    walk(root)
    return out


class EditDialog(QDialog):
    """A dialog that edits something: Esc, Cancel or closing it asks
    “Discard unsaved changes?” when the user changed a field since it opened.

    The state is taken when the dialog is first shown (or by
    :meth:`mark_clean`). ``confirm_discard(parent) -> bool`` asks the
    question; tests may replace it.
    """

    #: Opens in the read-only inspector's session too (a spot-check form:
    #: what :data:`~village_desk.core.storage.roles.INSPECTOR_WRITABLE` allows).
    inspector_may_open = False

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clean_state: dict | None = None
        self._wanted: QSize | None = None
        self._fitted = False
        self.confirm_discard: Callable[[QWidget], bool] = ask_discard_changes

    def want_size(self, width: int, height: int) -> None:
        """The size the dialog opens with, as far as the screen allows (a
        smaller screen gets a smaller dialog whose contents scroll)."""
        self._wanted = QSize(width, height)

    def mark_clean(self) -> None:
        self._clean_state = input_snapshot(self)

    def showEvent(self, event) -> None:
        if self._clean_state is None:
            self.mark_clean()
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self, self._wanted)
        super().showEvent(event)

    def exec(self) -> int:
        """In the inspector's read-only session an edit form does not open
        (the core would refuse its save, and it shows numbers in full): a
        message says why instead."""
        from village_desk.core.storage import roles

        ctx = getattr(self, "ctx", None)
        role = getattr(getattr(ctx, "db", None), "role", roles.FULL)
        if role == roles.INSPECTOR and not self.inspector_may_open:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("Widgets", "Read-only (inspector)"),
                QCoreApplication.translate(
                    "Widgets",
                    "This window is open read-only for an inspector: records can be looked "
                    "at, not changed.",
                ),
                QMessageBox.StandardButton.Ok,
                self.parentWidget(),
            )
            run_modal(box)
            return QDialog.DialogCode.Rejected.value
        return super().exec()

    def has_changes(self) -> bool:
        if self._clean_state is None:
            return False
        now = input_snapshot(self)
        return any(now[w] != state for w, state in self._clean_state.items() if w in now)

    def reject(self) -> None:
        if self.has_changes() and not self.confirm_discard(self):
            return
        super().reject()

    def save_cancel_buttons(self) -> QDialogButtonBox:
        """保存 / 取消, wired to ``self.save`` and :meth:`reject`, with Ctrl+S."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_shortcut(self, buttons.button(QDialogButtonBox.StandardButton.Save))
        return buttons


def please_choose_text() -> str:
    """The empty first entry of a combo that has no preselection (请选择)."""
    return QCoreApplication.translate("Widgets", "Please choose")


def add_choose_entry(combo: QComboBox, text: str | None = None) -> None:
    """An empty first entry (data ``""``), chosen: the person must pick a value
    themself (a villager's satisfaction, a matter's category)."""
    combo.insertItem(0, text or please_choose_text(), "")
    combo.setCurrentIndex(0)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a form taller than the screen
    scrolls, and the dialog's buttons below it stay in view."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    return scroll


def set_combo_data(combo: QComboBox, value) -> None:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


def refill_combo(combo: QComboBox, items, keep: dict | None = None) -> bool:
    """Replace a combo's ``(label, data)`` items, keeping the chosen one chosen.

    A chosen value that is no longer offered (a retired term, an inactive
    cadre) stays in the list when ``keep`` gives its label (``data → label``),
    so an old record is not changed by reopening it; otherwise the first item
    is chosen. No change signals are sent. Returns whether the choice stayed.
    """
    current = combo.currentData()
    items = list(items)
    if current is not None and current not in [d for _, d in items] and keep and current in keep:
        items.append((keep[current], current))
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    i = combo.findData(current) if combo.count() else -1
    combo.setCurrentIndex(max(i, 0) if combo.count() else -1)
    combo.blockSignals(False)
    return i >= 0


def seen_now(base: dict | None, err: BaseException, entity: str, now) -> None:
    """After a field was refused because it changed underneath (the message
    shows its value now), the user has seen that value: saving again writes
    what the form holds for it instead of being refused again."""
    key = (getattr(err, "field", None) or "").removeprefix(f"{entity}.")
    if base is not None and now is not None and key in base and hasattr(now, key):
        base[key] = getattr(now, key)
