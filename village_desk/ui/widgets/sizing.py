"""Sizes that follow the text size and the screen.

The large-font option (Settings → 显示) scales the application font. Widgets
that inherit the application font follow it by themselves; these helpers make
the rest follow too, at start-up and when the option changes while the
program runs:

* :func:`relative_font` — a heading, the sidebar, a big number: the application
  font × a factor, re-applied when the option changes (a font set with
  ``setFont`` would otherwise keep its size);
* :func:`fit_lines` — a text box or list sized in lines of text, not pixels;
* :func:`fit_header` — table columns at least as wide as their header text;
* :func:`fit_to_screen` — a dialog no larger than the screen it opens on
  (its contents scroll, its buttons stay visible).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

# Widgets whose size follows the font, by id of their Python wrapper (held
# here, so the id stays theirs): a Python registry rather than widget
# properties or event filters (an event filter is called while its widget is
# being destroyed, and reading a missing property costs PySide6 6.12 a
# reference to None). Entries of deleted widgets are dropped as they are found.
_relative: dict[int, tuple[QWidget, float, bool]] = {}  # widget, scale, bold
_lines: dict[int, tuple[QWidget, float, bool]] = {}  # widget, lines, maximum
_sizes = {"relative": 64, "lines": 64}  # prune a registry when it outgrows this


def _register(registry: dict, name: str, widget: QWidget, *params) -> None:
    registry[id(widget)] = (widget, *params)
    if len(registry) > _sizes[name]:
        _prune(registry)
        _sizes[name] = max(64, 2 * len(registry))


def _prune(registry: dict) -> None:
    for key, (widget, *_params) in list(registry.items()):
        if not isValid(widget):
            del registry[key]


def relative_font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> QWidget:
    """Give ``widget`` the application font × ``scale`` (bold if asked), now and
    whenever the large-font option changes (see :func:`refresh_fonts`)."""
    _register(_relative, "relative", widget, float(scale), bool(bold))
    _apply_relative(widget, QApplication.font(), float(scale), bool(bold))
    return widget


def _apply_relative(widget: QWidget, base: QFont, scale: float, bold: bool) -> None:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def refresh_fonts(app: QApplication) -> None:
    """After the application font changed: widgets with a relative font get
    theirs again, widgets with a style sheet (hints, error messages), which
    keep the font they had when the sheet was applied, are polished anew so
    that they take the new size, and boxes sized in lines are sized again."""
    base = app.font()
    _prune(_relative)
    for widget, scale, bold in _relative.values():
        _apply_relative(widget, base, scale, bold)
    for widget in app.allWidgets():
        if id(widget) not in _relative and widget.styleSheet():
            sheet = widget.styleSheet()
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
    # A few inner parts (a table's header in a tab never shown yet) miss the
    # change: an empty font makes them inherit their parent's again.
    for widget in app.allWidgets():
        parent = widget.parentWidget()
        if (
            parent is not None
            and not widget.isWindow()
            and not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and id(widget) not in _relative
            and widget.font().pointSizeF() != parent.font().pointSizeF()
        ):
            widget.setFont(QFont())
    _prune(_lines)
    for widget, lines, maximum in _lines.values():
        _apply_lines(widget, lines, maximum)


def _apply_lines(widget: QWidget, lines: float, maximum: bool) -> None:
    metrics = widget.fontMetrics()
    extra = 0
    if isinstance(widget, QAbstractScrollArea):
        extra = 2 * widget.frameWidth()
    if isinstance(widget, QAbstractItemView):
        per_line = max(metrics.height() + 6, widget.sizeHintForRow(0))
    else:
        per_line = metrics.lineSpacing()
        extra += 10  # the text document's margins
    height = round(per_line * lines + extra)
    if maximum:
        widget.setMaximumHeight(height)
    else:
        widget.setFixedHeight(height)


def fit_lines(widget: QWidget, lines: float, maximum: bool = False) -> QWidget:
    """Make a text box (or list) ``lines`` lines high in its own font, also
    after the large-font option changes; ``maximum``: at most that high."""
    _register(_lines, "lines", widget, float(lines), bool(maximum))
    _apply_lines(widget, float(lines), bool(maximum))
    return widget


def fit_header(table: QTableView, widths: dict[int, int] | list[int]) -> None:
    """Set column widths, each at least as wide as its header text (no
    「Responsibl」 in English or with large text)."""
    header = table.horizontalHeader()
    items = widths.items() if isinstance(widths, dict) else enumerate(widths)
    for column, width in items:
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))


def available_geometry(widget: QWidget) -> QRect:
    """The free area (without task bars) of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, wanted: QSize | None = None, margin: int = 40) -> None:
    """Size a dialog as ``wanted`` (or its size hint), but no larger than the
    free area of its screen minus ``margin`` for the window frame; centred."""
    area = available_geometry(widget)
    size = QSize(wanted) if wanted is not None else widget.sizeHint()
    size = size.expandedTo(widget.minimumSizeHint())
    width = min(size.width(), area.width() - margin // 2)
    height = min(size.height(), area.height() - margin)
    widget.resize(width, height)
    if widget.isWindow():
        frame = widget.frameGeometry()
        frame.moveCenter(area.center())
        widget.move(max(frame.left(), area.left()), max(frame.top(), area.top()))
