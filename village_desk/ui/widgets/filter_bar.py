"""A coloured bar above a filtered list: which filters are on, and a button
that shows everything again. Filters stay when one leaves a page and comes
back; this bar makes sure nobody takes a filtered list for the whole one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

FILTER_BAR_STYLE = (
    "QFrame#filterBar { background: #fff4c2; border: 1px solid #e0c060; border-radius: 3px; }"
)


def describe(parts: Iterable[tuple[str, QWidget] | str]) -> list[str]:
    """Words for the filters that are on: ``(label, combo)`` → "组：一组" when
    something other than the first (“all”) entry is chosen; ``(label, check)``
    → the label when checked (a spin box after the check adds its value); a
    plain string is taken as it is (an empty one is left out)."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                out.append(part)
            continue
        label, widget = part
        if isinstance(widget, QComboBox) and widget.currentIndex() > 0:
            out.append(f"{label}：{widget.currentText()}" if label else widget.currentText())
        elif isinstance(widget, QAbstractButton) and widget.isChecked():
            out.append(label or widget.text())
    return out


def with_value(check: QAbstractButton, value: QAbstractSpinBox) -> str:
    """A check box and the value it goes with, as one filter: "超过 90 天未走访"."""
    return f"{check.text()} {value.text().strip()}" if check.isChecked() else ""


class FilterBar(QFrame):
    """Hidden while a list shows everything; otherwise names its filters."""

    show_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setStyleSheet(FILTER_BAR_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Clear filters"))
        self.button.clicked.connect(self.show_all_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def set_filters(self, filters: list[str]) -> None:
        self.label.setText(self.tr("Showing only: {filters}").format(filters="；".join(filters)))
        self.setVisible(bool(filters))
