"""One printable sheet the way a township clerk lays it out, streamed.

A :class:`SheetWriter` writes, in openpyxl's write-only mode:

* a title row and an information row (村, 乡镇, 统计期间, 制表人, 制表日期),
  merged across the table;
* a bold, shaded header row that stays frozen on screen, carries the
  autofilter and is repeated on every printed page;
* data rows with real dates and numbers, long text wrapped, codes and ID
  numbers as text; column widths fitted to the first rows (a CJK character
  counts double);
* A4 landscape, fit to one page wide, gridlines printed, and the footer
  ``第 &P 页 共 &N 页``.

Write-only sheets stream rows straight to the file, so the column widths and
frozen panes must be known before the first row: the writer keeps the first
:data:`SAMPLE_ROWS` rows back, measures them, then streams the rest.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

SAMPLE_ROWS = 400
CANCEL_EVERY = 1000  # rows between cancel checks / progress reports
LINE_HEIGHT = 14.5  # points per line of the default 11-point text

FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
NUMBER_FORMATS = {"code": "@", "date": "yyyy-mm-dd", "pct": "0.0%", "num": "0.0"}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text / wrap / code / date / int / pct / num
    max_width: float = 24.0  # characters; wrapped columns wrap beyond this
    min_width: float = 0.0


@lru_cache(maxsize=4096)
def _char_cells(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(value) -> float:
    """Width of a value as Excel shows it, in 'character' units."""
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.1f}")
    text = str(value)
    longest = max(text.split("\n"), key=len) if "\n" in text else text
    return sum(_char_cells(c) for c in longest)


def _lines(text: str, width: int) -> int:
    """Lines a wrapped cell needs; cheap: UTF-8 bytes + characters ≈ 2 × width."""
    if "\n" not in text:
        return -(-((len(text.encode()) + len(text)) // 2) // width)
    return sum(max(_lines(part, width), 1) for part in text.split("\n"))


class _TemplateCell(Cell):
    """A data cell reused for every row of its column, its style id looked up once.

    openpyxl resolves a cell's style id (hashing its style array) for every
    cell it writes; for a column that always has the same style that is wasted.
    """

    __slots__ = ("_style_id",)

    def freeze_style(self) -> None:
        self._style_id = self.parent.parent._cell_styles.add(self._style)

    @property
    def style_id(self) -> int:
        return self._style_id

    has_style = True


def _set_value(cell: Cell, value) -> None:
    """``cell.value = value``, dropping the characters a worksheet cannot hold
    (stored text is cleaned, but an export must not fail on one bad value)."""
    try:
        cell.value = value
    except IllegalCharacterError:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)


def _fast_values_to_row(ws):
    """openpyxl's row converter without the try/except for ready-made cells.

    openpyxl first tries ``cell.value = value`` and falls back on ValueError
    when the value is already a cell; with a styled cell in many columns of
    100,000 rows that exception costs a quarter of the export time.
    """

    def convert(values, row_idx):
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                cell = WriteOnlyCell(ws)
                try:  # (inline: this runs for every cell)
                    cell.value = value
                except IllegalCharacterError:
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if cell.data_type == "f":
                    cell.data_type = "s"  # typed text, never a formula
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    return convert


class SheetWriter:
    """Title rows, header and streamed rows of one write-only worksheet."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        columns: Sequence[Column],
        heading: str,
        info: str,
        *,
        gridlines: bool = True,
    ):
        self.ws = wb.create_sheet(title)
        self.gridlines = gridlines
        if hasattr(self.ws, "_values_to_row"):
            self.ws._values_to_row = _fast_values_to_row(self.ws)
        self.columns = list(columns)
        self.heading, self.info = heading, info
        self.row = 0  # last written row number
        self.header_row = 0
        self._buffer: list[list] = []
        self._started = False
        self._templates: list[tuple[Cell, bool]] = []  # (reused cell, date column)
        self._wrapped: list[tuple[int, int]] = []  # (column index, usable width)
        self._heights: dict[int, dict[str, str]] = {}
        self.data_rows = 0

    # ------------------------------------------------------------ cells

    def _template(self, col: Column) -> Cell:
        cell = _TemplateCell(self.ws)
        wrap = col.kind == "wrap"
        centered = "center" if col.kind in ("date", "int") else None
        cell.alignment = Alignment(horizontal=centered, vertical="center", wrap_text=wrap or None)
        fmt = NUMBER_FORMATS.get(col.kind)
        if fmt:
            cell.number_format = fmt
        cell.freeze_style()
        return cell

    def _styled(self, values: Sequence) -> list:
        row = list(values)
        for i, (tpl, is_date_column) in enumerate(self._templates):
            value = row[i]
            if value is None or value == "":
                row[i] = None  # no empty <c/> elements
                continue
            # Rows are serialised on append, so one cell per column is reused.
            kind = value.__class__
            if kind is dt.date and is_date_column:
                # The template already has a date format: skip openpyxl's
                # per-cell format lookup (a tenth of the export time).
                tpl._value, tpl.data_type = value, "d"
            elif kind is int:
                tpl._value, tpl.data_type = value, "n"
            else:
                try:  # strings are checked for characters XML forbids
                    tpl.value = value
                except IllegalCharacterError:  # (stored text is cleaned; never fail here)
                    tpl.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if tpl.data_type == "f":  # "=修路=" typed by a user is text, not a formula
                    tpl.data_type = "s"
            row[i] = tpl
        return row

    def cell(self, value, *, bold=False, size=11, align=None, fill=False, border=False, fmt=None):
        c = WriteOnlyCell(self.ws)
        _set_value(c, value)
        if c.data_type == "f":
            c.data_type = "s"  # the workbook holds no formulas: "=…" is text
        c.font = Font(name=FONT, size=size, bold=bold)
        if align:
            c.alignment = align
        if fill:
            c.fill = _HEADER_FILL
        if border:
            c.border = _BORDER
        if fmt:
            c.number_format = fmt
        return c

    # ------------------------------------------------------------ writing

    def append(self, values: Sequence) -> None:
        if not self._started:
            self._buffer.append(list(values))
            if len(self._buffer) >= SAMPLE_ROWS:
                self._start()
            return
        self.row += 1
        self.data_rows += 1
        lines = 1
        for i, width in self._wrapped:
            text = values[i]
            if text:
                lines = max(lines, _lines(text, width))
        if lines == 1:
            self.ws.append(self._styled(values))
            return
        # No application reliably re-measures wrapped rows on opening, so the
        # height is written. openpyxl's row writer only reads the attributes
        # of ``row_dimensions[row]``; a ready attribute dict instead of a
        # RowDimension object saves a tenth of the export time.
        attrs = self._heights.get(lines)
        if attrs is None:
            attrs = {"ht": f"{LINE_HEIGHT * lines + 2:g}", "customHeight": "1"}
            self._heights[lines] = attrs
        dims = self.ws.row_dimensions
        dict.__setitem__(dims, self.row, attrs)
        self.ws.append(self._styled(values))
        dict.__delitem__(dims, self.row)

    def extend(
        self,
        rows: Iterable[Sequence],
        *,
        tick: Callable[[int], None] | None = None,
    ) -> None:
        """Append many rows, calling ``tick(count)`` every :data:`CANCEL_EVERY`."""
        for n, values in enumerate(rows, 1):
            self.append(values)
            if tick is not None and n % CANCEL_EVERY == 0:
                tick(n)

    def _widths(self) -> list[float]:
        widths = []
        for i, col in enumerate(self.columns):
            fit = max([display_width(col.header)] + [display_width(r[i]) for r in self._buffer])
            if col.kind == "date":
                fit = max(fit, 10)
            width = min(max(fit, col.min_width), col.max_width) + 2
            widths.append(round(width, 1))
        return widths

    def _start(self) -> None:
        self._started = True
        ws = self.ws
        # Everything the sheet's <sheetPr>, <sheetViews> and <cols> carry is
        # written with the first row, so it is set before that.
        for i, width in enumerate(self._widths(), 1):
            ws.column_dimensions[get_column_letter(i)].width = width
            if self.columns[i - 1].kind == "wrap":
                self._wrapped.append((i - 1, max(int(width) - 1, 1)))
        ws.freeze_panes = "A4"
        self._page_setup()
        self._templates = [(self._template(c), c.kind == "date") for c in self.columns]
        last = get_column_letter(len(self.columns))
        ws.row_dimensions[1].height = 30
        ws.row_dimensions[2].height = 20
        middle = Alignment(horizontal="center", vertical="center")
        ws.append([self.cell(self.heading, bold=True, size=16, align=middle)])
        ws.merged_cells.add(f"A1:{last}1")
        ws.append([self.cell(self.info, align=Alignment(horizontal="left", vertical="center"))])
        ws.merged_cells.add(f"A2:{last}2")
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.append(
            [
                self.cell(c.header, bold=True, align=center, fill=True, border=True)
                for c in self.columns
            ]
        )
        self.header_row = self.row = 3
        ws.print_title_rows = "3:3"
        buffered, self._buffer = self._buffer, []
        for values in buffered:
            self.append(values)

    def _page_setup(self) -> None:
        ws = self.ws
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.gridLines = self.gridlines
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = 0.5
        ws.page_margins.bottom = 0.6
        ws.page_margins.footer = 0.25
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
        ws.oddFooter.center.font = FONT
        ws.oddFooter.center.size = 9

    def add_rows(self, rows: Iterable[Sequence]) -> None:
        """Free rows after the table (notes, a second small table)."""
        if not self._started:
            self._start()
        for values in rows:
            self.ws.append(list(values))
            self.row += 1

    def finish(self, *, autofilter: bool = True, table_rows: int | None = None) -> None:
        """Close the table: the autofilter over header and data rows."""
        if not self._started:
            self._start()
        last_col = get_column_letter(len(self.columns))
        last_row = self.header_row + (self.data_rows if table_rows is None else table_rows)
        if autofilter:
            self.ws.auto_filter.ref = f"A{self.header_row}:{last_col}{last_row}"
