"""Numbers of every length inside free text are masked in the ledger workbook
(DOMAIN.md §4: numbers are masked in what is shown outside), not only the
11-digit mobiles and 18-digit ID numbers: a 7- or 8-digit local landline, a
9- or 10-digit account number."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from village_desk.core import services
from village_desk.core.excel import parse_period
from village_desk.core.excel.ledger_export import export_ledger

HEADER = 3  # title, information row, then the header

# (as typed in a note, as the workbook must show it: all but the last four hidden)
NUMBERS = [
    ("8123456", "***3456"),  # a local landline without area code
    ("81234567", "****4567"),
    ("620123456", "*****3456"),
    ("6212345678", "******5678"),
]


def _cell(wb, sheet, header):
    ws = wb[sheet]
    names = [c.value for c in ws[HEADER]]
    return ws.cell(HEADER + 1, names.index(header) + 1).value


def _export(db, tmp_path, **options):
    today = dt.date.today()
    out = tmp_path / "ledger.xlsx"
    export_ledger(db, out, parse_period(f"{today:%Y-%m}"), today=today, **options)
    return load_workbook(out)


@pytest.mark.parametrize("number, shown", NUMBERS)
def test_shorter_numbers_in_free_text_are_masked(db, village, tmp_path, number, shown):
    today = dt.date.today()
    mid = services.ledger.register_matter(
        db,
        village["secretary"],
        services.ledger.MatterInput(
            content=f"申请核对号码{number}的低保存折",
            responsible_id=village["secretary"],
            applicant_name="张三丰",
            received_date=today,
            kind="hardship",
        ),
    )
    services.ledger.add_note(db, village["secretary"], mid, f"已打{number}联系")
    services.diary.write_entry(
        db,
        village["secretary"],
        services.diary.DiaryInput(
            date=today,
            mode="home_visit",
            author_id=village["secretary"],
            household_ids=[village["hh"]],
            narrative=f"户主说邻居号码是{number}",
        ),
    )
    wb = _export(db, tmp_path)
    cells = [
        _cell(wb, "民情台账", "申办事项"),
        _cell(wb, "民情台账", "办理情况"),
        _cell(wb, "走访记录", "主要情况"),
    ]
    for value in cells:
        assert number not in value, value
        assert shown in value, value

    wb = _export(db, tmp_path, unmasked=True)
    assert number in _cell(wb, "民情台账", "申办事项")


def test_an_unmasked_export_is_written_to_the_log_with_who_and_how_many(
    db, village, tmp_path, caplog
):
    """显示完整号码 exports are logged: the file, the period, how many
    households and people, and the operator (or the computer's user on the
    command line). A masked export is not."""
    import logging

    from village_desk.core.storage.models import Cadre

    with db.reading() as s:
        secretary = s.get(Cadre, village["secretary"]).name
    today = dt.date.today()
    period = parse_period(f"{today:%Y-%m}")
    caplog.set_level(logging.INFO, logger="village_desk")
    export_ledger(db, tmp_path / "打码.xlsx", period, today=today)
    assert not [r for r in caplog.records if "unmasked" in r.getMessage()]
    summary = export_ledger(
        db,
        tmp_path / "完整.xlsx",
        period,
        today=today,
        unmasked=True,
        actor_id=village["secretary"],
    )
    [record] = [r for r in caplog.records if "unmasked" in r.getMessage()]
    text = record.getMessage()
    assert record.levelno == logging.WARNING
    assert "完整.xlsx" in text and period.label in text and secretary in text
    assert f"{summary.households} households" in text and "2 people" in text  # 张三丰 and 刘桂兰
    caplog.clear()
    export_ledger(db, tmp_path / "命令行.xlsx", period, today=today, unmasked=True)
    [record] = [r for r in caplog.records if "unmasked" in r.getMessage()]
    assert "命令行" in record.getMessage()


def test_an_unmasked_export_is_recorded_in_the_journal_and_a_masked_one_is_not(
    db, village, tmp_path
):
    """The township sees where full numbers went: an unmasked export leaves a
    journaled record (file, period, households, people, who); a masked one none."""
    from sqlalchemy import select

    from village_desk.core.storage.models import Cadre, Change, Disclosure

    today = dt.date.today()
    period = parse_period(f"{today:%Y-%m}")
    export_ledger(db, tmp_path / "打码.xlsx", period, today=today)
    with db.reading() as s:
        assert s.scalars(select(Disclosure)).all() == []
        secretary = s.get(Cadre, village["secretary"]).name
    summary = export_ledger(
        db,
        tmp_path / "完整.xlsx",
        period,
        today=today,
        unmasked=True,
        actor_id=village["secretary"],
    )
    with db.reading() as s:
        [d] = s.scalars(select(Disclosure)).all()
        assert (d.kind, d.file_name, d.period, d.households, d.people, d.by_name) == (
            "ledger_export",
            "完整.xlsx",
            period.label,
            summary.households,
            2,  # 张三丰 and 刘桂兰
            secretary,
        )
        assert d.at.startswith(today.isoformat())
        journal = s.scalars(select(Change).where(Change.record_id == d.id)).all()
        assert [c.entity for c in journal] == ["disclosure"]
