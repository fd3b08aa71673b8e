"""Rosters that would exhaust a village laptop are refused with a message,
measured before their cells are read: a cell placed at XFD1048576 (calamine
would allocate 512 GB and abort the process), a small zip holding a
gigabyte of cells, a 32,767-character name, and sheet XML calamine cannot
parse. Nothing is written in any of these cases."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from tests.helpers import make_id
from village_desk.core.domain.validation import ValidationError
from village_desk.core.excel import roster_read
from village_desk.core.excel.roster_import import apply_import, plan_import
from village_desk.core.storage import merge


def roster(path, rows=3):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    for i in range(rows):
        ws.append([f"07-{i + 1:03d}", f"周{i}", "户主", make_id("19750505", f"{i + 100:03d}")])
    wb.save(path)
    return path


def rewrite_sheet(source, target, change):
    """A copy of ``source`` whose first worksheet's XML is ``change(xml)``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            dst.writestr(info, data)
    return target


def test_a_cell_far_away_is_refused_before_calamine_allocates_its_span(tmp_path):
    """In a process of its own: were the check missing, calamine would abort it."""
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    ws["XFD1048576"] = "x"
    path = tmp_path / "远处的单元格.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    data = tmp_path / "data"
    run = [sys.executable, "-m", "village_desk", "--data-dir", str(data)]
    assert (
        subprocess.run([*run, "init", "--village", "桃花村"], capture_output=True).returncode == 0
    )
    out = subprocess.run(
        [*run, "import-roster", str(path), "--dry-run"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2, out.stderr
    assert "第 1048576 行" in out.stderr and "删除多余的行和列" in out.stderr
    assert "Traceback" not in out.stderr and "memory allocation" not in out.stderr


def test_cells_spanning_too_many_columns_are_refused(db, village, tmp_path):
    path = rewrite_sheet(
        roster(tmp_path / "a.xlsx"),
        tmp_path / "宽.xlsx",
        lambda xml: xml.replace(b'r="D2"', b'r="ZZ2"'),
    )
    with pytest.raises(ValidationError, match="第 702 列"):
        plan_import(db, path)


def test_a_zip_of_a_gigabyte_of_cells_is_refused_by_its_uncompressed_size(
    db, village, tmp_path, monkeypatch
):
    """Measured from the zip's directory, not by reading it (the limit is
    lowered here so the test file stays small)."""
    monkeypatch.setattr(roster_read, "MAX_UNCOMPRESSED_BYTES", 2_000_000)
    filler = b"<row><c><v>1</v></c></row>" * 100_000  # 2.6 MB, compresses to little
    path = rewrite_sheet(
        roster(tmp_path / "a.xlsx"),
        tmp_path / "炸弹.xlsx",
        lambda xml: xml.replace(b"</sheetData>", filler + b"</sheetData>"),
    )
    assert path.stat().st_size < 100_000
    with pytest.raises(ValidationError, match="解压后有"):
        plan_import(db, path)


def test_a_32767_character_name_is_refused_quickly(db, village, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "身份证号"])
    ws.append(["07-001", "长" * 32767, "户主", make_id("19750505", "191")])
    path = tmp_path / "长名字.xlsx"
    wb.save(path)
    before = merge.digest(db)
    with pytest.raises(ValidationError, match="第 2 行第 2 列有 32767 个字"):
        apply_import(db, path, actor_id=village["secretary"])
    assert merge.digest(db) == before


@pytest.mark.parametrize(
    "damage",
    [b'<c r="A', b"</worksheet>", b'<row r="x">', b"\x00\xff\xfe"],
    ids=["unclosed-attribute", "stray-close-tag", "bad-row-reference", "not-utf8"],
)
def test_damaged_sheet_xml_in_a_whole_zip_is_a_message(db, village, tmp_path, damage):
    def spoil(xml: bytes) -> bytes:
        at = re.search(rb'<row r="3"', xml).start()
        return xml[:at] + damage + xml[at:]

    path = rewrite_sheet(roster(tmp_path / "a.xlsx", rows=5), tmp_path / "坏.xlsx", spoil)
    with pytest.raises(ValidationError, match="已损坏"):
        plan_import(db, path)


def test_a_roster_within_the_limits_still_imports(db, village, tmp_path):
    path = roster(tmp_path / "a.xlsx", rows=20)
    assert apply_import(db, path, actor_id=village["secretary"]).counts()["created"] == 20


def _member_data_offset(data: bytes, name: str) -> tuple[int, int]:
    """Where a zip member's compressed bytes start, and how many there are."""
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        info = z.getinfo(name)
    at = info.header_offset
    name_len = int.from_bytes(data[at + 26 : at + 28], "little")
    extra_len = int.from_bytes(data[at + 28 : at + 30], "little")
    return at + 30 + name_len + extra_len, info.compress_size


@pytest.mark.parametrize("how", ["deflate"])
def test_a_damaged_zip_member_is_refused_not_a_crash(db, tmp_path, how):
    """Found by fuzzing: a flipped byte in a sheet's compressed data raised
    zlib.error, in its compression-method field NotImplementedError — both
    escaped the import as tracebacks."""
    data = bytearray(roster(tmp_path / "好.xlsx", rows=30).read_bytes())
    start, size = _member_data_offset(bytes(data), "xl/worksheets/sheet1.xml")
    if how == "deflate":
        data[start : start + 4] = b"\xff\xff\xff\xff"  # not a deflate stream
    else:  # the local header's method (8 = deflate) made 99
        header = bytes(data).rfind(b"PK\x03\x04", 0, start)
        data[header + 8] = 99
    path = tmp_path / "坏.xlsx"
    path.write_bytes(bytes(data))
    before = merge.digest(db)
    with pytest.raises(ValidationError, match="无法读取"):
        plan_import(db, path)
    assert merge.digest(db) == before


def _xls_damaged_at(tmp_path, seed: int):
    """The messy .xls with the bytes flipped that fuzzing flipped (seed)."""
    import random
    from pathlib import Path

    good = (Path(__file__).parent / "data" / "messy_roster.xls").read_bytes()
    r, d = random.Random(seed), bytearray(good)
    k = r.random()
    if k < 0.6:
        for _ in range(r.randint(1, 8)):
            d[r.randrange(len(d))] ^= r.randint(1, 255)
    elif k < 0.8:
        del d[r.randrange(len(d)) :]
    else:
        a, b = r.randrange(len(d)), r.randrange(len(d))
        d[a:a] = good[b : b + r.randint(1, 200)]
    path = tmp_path / f"坏{seed}.xls"
    path.write_bytes(bytes(d))
    return path


def test_an_xls_with_a_cell_record_far_away_is_refused_before_calamine(tmp_path):
    """Found by fuzzing, in a process of its own: flipped bytes put a cell
    record at column 25,348; calamine asked for 29 GB and the process aborted."""
    path = _xls_damaged_at(tmp_path, 41)
    data = tmp_path / "data"
    run = [sys.executable, "-m", "village_desk", "--data-dir", str(data)]
    assert (
        subprocess.run([*run, "init", "--village", "桃花村"], capture_output=True).returncode == 0
    )
    out = subprocess.run(
        [*run, "import-roster", str(path), "--dry-run"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2, out.stderr
    assert "超过上限" in out.stderr and "Traceback" not in out.stderr


def test_an_xls_calamine_panics_on_is_refused_with_a_message(db, tmp_path):
    """Found by fuzzing: calamine panics on a damaged directory; pyo3's
    PanicException is no Exception and went past ``except Exception``."""
    path = _xls_damaged_at(tmp_path, 19)
    with pytest.raises(ValidationError, match="无法读取"):
        plan_import(db, path)
