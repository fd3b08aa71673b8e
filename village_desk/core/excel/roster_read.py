"""Reading roster files and finding what each column means.

python-calamine reads .xlsx, .xls and .ods alike. Rosters rarely start at
row 1: there are title rows above the header, merged cells (calamine gives a
merged range's value in its first cell only), and sometimes a two-level
header (家庭成员 over 姓名 | 身份证号). :func:`find_header` scores the first
rows by how many cells are known column names and takes the best one,
completing it from the row below for two-level headers.

Column names map to fields through :data:`SYNONYMS`; a user's corrections
are remembered in the ``roster_header_map`` setting (header text → field, or
``""`` to ignore a column) and take precedence next time.

A file is measured before it is read (:func:`check_size`): its size, the
uncompressed size of what a zip (.xlsx, .ods) holds, and the rows and
columns its cells span. calamine allocates a sheet's whole span at once, so
a 5 KB file with one cell at XFD1048576 would ask for 512 GB and abort the
process; such files are refused with a message instead, as are cells far
longer than any roster field and sheet XML calamine cannot parse.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from .. import queries, services
from ..domain.validation import ValidationError
from ..storage.db import Database

HEADER_SCAN_ROWS = 30
SETTING_KEY = "roster_header_map"

# Limits, far above a township's roster (tens of thousands of rows, a few
# dozen columns), far below what exhausts a village laptop's memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # all members of an .xlsx/.ods zip
MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_CELLS = 5_000_000  # rows × columns a sheet spans
MAX_CELL_CHARS = 1000

FIELDS = {
    "number": "户号",
    "name": "姓名",
    "head_name": "户主姓名（成员行所属户主）",
    "relation": "与户主关系",
    "id_number": "公民身份号码",
    "gender": "性别",
    "birth_date": "出生日期",
    "phone": "联系电话",
    "group": "村民小组",
    "address": "家庭住址",
    "category": "户类别（低保户、残疾人…）",
    "party_member": "是否党员（政治面貌）",
    "notes": "备注",
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("户号", "户编号", "户代码", "户序号", "户籍编号", "家庭编号"),
    "name": ("姓名", "成员姓名", "家庭成员姓名", "人员姓名", "户主姓名", "名字"),
    "relation": ("与户主关系", "关系", "与户主的关系", "家庭关系", "户内关系"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "公民身份证号码",
        "证件号码",
        "证件号",
        "身份证",
    ),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "电话号码", "联系方式", "手机"),
    "group": ("组别", "村民小组", "组", "小组", "所属组", "组名", "所在组"),
    "address": ("家庭住址", "住址", "地址", "家庭地址", "门牌号", "现住址"),
    "category": (
        "户类别",
        "户类型",
        "家庭类别",
        "人员类别",
        "类别",
        "户属性",
        "帮扶类别",
        "对象类别",
    ),
    "party_member": ("政治面貌", "是否党员", "党员"),
    "notes": ("备注", "说明"),
}
_SYNONYM_FIELD = {s: f for f, names in SYNONYMS.items() for s in names}


def header_key(value) -> str:
    """A header cell as compared: half-width, no spaces, line breaks or colons."""
    raw = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"[\s:：*（）()]", "", raw)


@dataclass
class SheetData:
    name: str
    rows: list[list]


@dataclass
class Header:
    row: int  # 0-based index of the (last) header row
    span: int  # 1, or 2 for a two-level header
    texts: list[str]  # per column, as the file shows it
    columns: dict[str, int] = field(default_factory=dict)  # field → column index

    @property
    def first_data_row(self) -> int:
        return self.row + 1


def read_sheets(path: str | os.PathLike, sheet: str | None = None) -> list[SheetData]:
    """All visible sheets (or one by name) as lists of rows; a file too
    large, spanning too many cells, damaged or holding an overlong cell is
    refused (:class:`ValidationError`) before it can exhaust memory."""
    from python_calamine import CalamineWorkbook

    check_size(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except BaseException as err:  # calamine raises its own error types per format
        if not _damaged(err):
            raise
        raise ValidationError(
            "import.file", f"无法读取（{err}）；请确认是 .xlsx、.xls 或 .ods 表格"
        ) from None
    names = wb.sheet_names
    if sheet is not None:
        if sheet not in names:
            raise ValidationError("import.sheet", f"文件中没有“{sheet}”；现有：{'、'.join(names)}")
        names = [sheet]
    out = []
    for name in names:
        try:
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except BaseException as err:  # XmlError, CalamineError: a damaged sheet
            if not _damaged(err):
                raise
            raise ValidationError(
                "import.file",
                f"工作表“{name}”已损坏，无法读取（{err}）；请用表格软件打开并另存后再导入",
            ) from None
        data = SheetData(name, [list(r) for r in rows])
        _check_cells(data)
        out.append(data)
    return out


def _damaged(err: BaseException) -> bool:
    """An error calamine raises on a damaged file: its own errors, and a
    panic in its Rust code (pyo3's PanicException derives from BaseException,
    so ``except Exception`` let a flipped byte in an .xls end the program)."""
    return isinstance(err, Exception) or type(err).__name__ == "PanicException"


def _refuse(message: str):
    raise ValidationError("import.file", message)


def check_size(path: str | os.PathLike) -> None:
    """Refuse a file whose size, uncompressed content or cell span is beyond
    the limits above — measured without reading the cells into memory."""
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        _refuse(
            f"文件有 {size / 2**20:.0f} MB，超过 {MAX_FILE_BYTES // 2**20} MB 的上限；请拆成几个文件"
        )
    if not zipfile.is_zipfile(path):
        _check_xls(path)
        return
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
            total = sum(m.file_size for m in members)
            if total > MAX_UNCOMPRESSED_BYTES:
                _refuse(
                    f"文件解压后有 {total / 2**20:.0f} MB，超过 {MAX_UNCOMPRESSED_BYTES // 2**20} MB"
                    " 的上限；花名册不会这么大，请检查文件或拆成几个文件"
                )
            for m in members:
                if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml"):
                    with z.open(m) as f:
                        rows, columns = _xlsx_span(f)
                elif m.filename == "content.xml":
                    with z.open(m) as f:
                        rows, columns = _ods_span(f)
                else:
                    continue
                _check_span(rows, columns)
    # zlib.error: a member's compressed bytes damaged; NotImplementedError: its
    # compression method byte flipped (both from a flipped byte on a stick);
    # RuntimeError: the "encrypted" flag bit flipped
    except (
        zipfile.BadZipFile,
        RuntimeError,
        zlib.error,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
    ) as err:
        if isinstance(err, ValidationError):
            raise
        _refuse(f"无法读取（文件已损坏：{err}）；请确认是 .xlsx、.xls 或 .ods 表格")


def _check_span(rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        _refuse(
            f"工作表的内容延伸到第 {rows} 行、第 {columns} 列，超过上限"
            f"（{MAX_ROWS} 行、{MAX_COLUMNS} 列）；可能有单元格误填在很远的位置，"
            "请在表格软件里删除多余的行和列后再导入"
        )


def _check_xls(path: str | os.PathLike) -> None:
    """An .xls (or anything not a zip) measured like an .xlsx: its format
    allows 65,536 × 256 cells, but a cell record's column is 16 bits, and a
    damaged one (a flipped byte) placed a cell at column 60,000: calamine
    then asked for 29 GB and the process aborted."""
    import olefile

    try:
        if not olefile.isOleFile(str(path)):
            return  # not an .xls: calamine says what it is not
        with olefile.OleFileIO(str(path)) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream is None:
                return  # calamine refuses it with its own message
            data = ole.openstream(stream).read()
    except ValidationError:
        raise
    except Exception as err:  # olefile's own errors for a damaged container
        _refuse(f"无法读取（文件已损坏：{err}）；请确认是 .xlsx、.xls 或 .ods 表格")
    _check_span(*_xls_span(data))


# BIFF records that place a cell: row and first column in their first 4 bytes;
# MULRK and MULBLANK end with their last column.
_XLS_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6, 0x0206, 0x0406}
_XLS_MULTI = {0x00BD, 0x00BE}


def _xls_span(data: bytes) -> tuple[int, int]:
    """Rows and columns the cell records of a BIFF workbook stream reach
    (over all its sheets: an upper bound of each sheet's span)."""
    max_row = max_col = 0
    at, end = 0, len(data)
    while at + 4 <= end:
        kind, size = (
            int.from_bytes(data[at : at + 2], "little"),
            int.from_bytes(data[at + 2 : at + 4], "little"),
        )
        body = data[at + 4 : at + 4 + size]
        at += 4 + size
        if len(body) < 4 or (kind not in _XLS_CELLS and kind not in _XLS_MULTI):
            continue
        row = int.from_bytes(body[0:2], "little") + 1
        col = int.from_bytes(body[2:4], "little") + 1
        if kind in _XLS_MULTI and len(body) >= 6:
            last = int.from_bytes(body[-2:], "little") + 1
            entries = (len(body) - 6) // (6 if kind == 0x00BD else 2)
            col = max(col, last, col + entries - 1)
        max_row, max_col = max(max_row, row), max(max_col, col)
    return max_row, max_col


_TAG = re.compile(rb"<(row|c)\b([^>]*)>")
# Any number of letters: a damaged reference such as AAAA1 (column 18,281,
# beyond Excel's XFD) is read by calamine and must be measured, not skipped.
_REF = re.compile(rb'\br="([A-Z]*)([0-9]*)"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _xlsx_span(stream) -> tuple[int, int]:
    """Rows and columns the cells of one worksheet XML reach (as calamine
    places them: by their ``r`` reference, else after the previous one)."""
    max_row = max_col = row = col = 0
    rest = b""
    while chunk := stream.read(1 << 20):
        buffer = rest + chunk
        cut = buffer.rfind(b">") + 1
        buffer, rest = buffer[:cut], buffer[cut:]
        for m in _TAG.finditer(buffer):
            ref = _REF.search(m.group(2))
            if m.group(1) == b"row":
                row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                col = 0
                max_row = max(max_row, row)
            else:
                col = _column_number(ref.group(1)) if ref and ref.group(1) else col + 1
                if ref and ref.group(2):
                    row = int(ref.group(2))
                    max_row = max(max_row, row)
                max_col = max(max_col, col)
            if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
                return max_row, max_col
    return max_row, max_col


_ODS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_span(stream) -> tuple[int, int]:
    """Rows and columns an OpenDocument spreadsheet's cells with content
    reach, repeats counted (empty repeated rows and cells, which every
    LibreOffice file ends with, reach nothing)."""
    from lxml import etree

    max_row = max_col = 0
    row = 0
    for event, el in etree.iterparse(stream, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == f"{_ODS}table":
                row = 0
            continue
        if tag == f"{_ODS}table-row":
            repeat = int(el.get(f"{_ODS}number-rows-repeated", "1") or 1)
            col = reach = 0
            for cell in el:
                if cell.tag not in (f"{_ODS}table-cell", f"{_ODS}covered-table-cell"):
                    continue
                span = int(cell.get(f"{_ODS}number-columns-repeated", "1") or 1)
                col += span
                if len(cell) or cell.get(
                    "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
                ):
                    reach = col
            if reach:
                max_row = max(max_row, row + repeat)
                max_col = max(max_col, reach)
            row += repeat
            el.clear()
            if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
                break
    return max_row, max_col


def _check_cells(data: SheetData) -> None:
    for r, row in enumerate(data.rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                _refuse(
                    f"工作表“{data.name}”第 {r} 行第 {c} 列有 {len(value)} 个字，"
                    f"超过 {MAX_CELL_CHARS} 字的上限（花名册的单元格不会这么长，可能误粘贴了内容）；"
                    "请改正后再导入"
                )


def learned_mapping(session: Session) -> dict[str, str]:
    return dict(queries.reference.get_setting(session, SETTING_KEY) or {})


def check_mapping(corrections: dict[str, str]) -> dict[str, str]:
    """``corrections`` if every target is a field (or ``""``); else refused."""
    for target in corrections.values():
        if target and target not in FIELDS:
            raise ValidationError("import.mapping", f"没有名为 {target} 的字段")
    return corrections


def remember_mapping(db: Database, actor_id, corrections: dict[str, str]) -> None:
    """Store header → field corrections (``""`` = ignore the column) for next time."""
    check_mapping(corrections)
    with db.transaction(actor_id) as s:
        remember_mapping_in(s, corrections)


def remember_mapping_in(s: Session, corrections: dict[str, str]) -> None:
    """:func:`remember_mapping` inside an open transaction (an import's own)."""
    known = learned_mapping(s)
    known.update({header_key(h): f for h, f in check_mapping(corrections).items()})
    services.setup.set_setting_in(s, SETTING_KEY, known)


def _field_for(key: str, learned: dict[str, str]) -> str | None:
    if key in learned:
        return learned[key] or None
    return _SYNONYM_FIELD.get(key)


def _score(row: list, learned: dict[str, str]) -> int:
    return len({f for v in row if (f := _field_for(header_key(v), learned))})


def find_header(rows: list[list], learned: dict[str, str]) -> Header | None:
    """The header among the first rows: the row naming most known columns."""
    best, best_score = None, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = _score(row, learned)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    texts = [str(v).strip() if v not in (None, "") else "" for v in rows[best]]
    span, last = 1, best

    def complete_from(row: list, at_least: int) -> bool:
        extra = {
            i: str(v).strip()
            for i, v in enumerate(row)
            if _field_for(header_key(v), learned)
            and (i >= len(texts) or not _field_for(header_key(texts[i]), learned))
        }
        if len(extra) < at_least:
            return False
        texts.extend([""] * (len(row) - len(texts)))
        for i, v in extra.items():
            texts[i] = v
        return True

    # Two-level headers: 户号 merged over two rows above 姓名 | 身份证号 …, or
    # a group label (家庭成员) above the row with the column names.
    if best > 0 and complete_from(rows[best - 1], 1):
        span = 2
    elif best + 1 < len(rows) and complete_from(rows[best + 1], 2):
        span, last = 2, best + 1
    header = Header(last, span, texts)
    header.columns = map_columns(texts, learned)
    return header


def map_columns(texts: list[str], learned: dict[str, str]) -> dict[str, int]:
    """field → column index; the first column wins when a name repeats.

    When a sheet has both a name column and a 户主姓名 column, the latter names
    the head each member row belongs to (field ``head_name``).
    """
    columns: dict[str, int] = {}
    keys = [header_key(t) for t in texts]
    for i, key in enumerate(keys):
        target = _field_for(key, learned)
        if target and target not in columns:
            columns[target] = i
    head_col = keys.index("户主姓名") if "户主姓名" in keys else None
    others = [i for i, k in enumerate(keys) if _field_for(k, learned) == "name" and k != "户主姓名"]
    if head_col is not None and others and "户主姓名" not in learned:
        columns["name"] = others[0]
        columns["head_name"] = head_col
    return columns
