"""考核 page: a spot-check is drawn through the form (a missing inspector is
refused at the field, the sample is the seeded draw the record describes),
findings are recorded entry by entry (a note required unless 真实), also by
the read-only inspector, who cannot open the 三评 form; a 群众测评 entered
in the form moves the cadre's 测评满意率 and 名次; wrong numbers are refused
at their field and store nothing."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from tests.ui.helpers import click, exposed, settle, type_chinese
from tests.ui.printing.test_printing import close_preview, open_preview
from village_desk.core import queries, services
from village_desk.core.services.assessment import AssessmentInput
from village_desk.core.services.diary import DiaryInput
from village_desk.core.storage import roles
from village_desk.core.storage.models import Assessment, DiaryEntry
from village_desk.ui.pages.assessment.dialogs import AssessmentDialog, DrawDialog
from village_desk.ui.pages.assessment.page import AssessmentPage

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def ctx(db, village, settings):
    from village_desk.ui.context import AppContext

    context = AppContext(db, settings, operator_id=village["secretary"])
    yield context
    context.close()


@pytest.fixture
def diary(db, village):
    """Six entries by the secretary and two by the grid worker in the last weeks."""
    out = {}
    for n in range(8):
        author = village["secretary"] if n < 6 else village["grid"]
        eid, _ = services.diary.write_entry(
            db,
            author,
            DiaryInput(
                date=TODAY - dt.timedelta(days=3 + n % 4),
                mode="home_visit",
                author_id=author,
                household_ids=[village["hh"]],
                narrative=f"第{n + 1}次入户，了解低保年审材料",
            ),
        )
        out[eid] = n
    return out


@pytest.fixture
def page(ctx, qtbot):
    page = AssessmentPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    exposed(page)
    return page


def cells(table, row: int) -> list[str]:
    return [
        table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())
    ]


def expected_draw(db, author, seed: int, size: int) -> list:
    """The rule the record prints: the cadre's entries of the period ordered by
    date, then by the entry's 32 hex digits; random.Random(seed).sample of the
    positions, listed in that order."""
    rows = db.read(
        lambda s: s.execute(
            select(DiaryEntry.id, DiaryEntry.date).where(DiaryEntry.author_id == author)
        ).all()
    )
    ordered = [eid for eid, _d in sorted(rows, key=lambda r: (r[1], r[0].hex))]
    return [ordered[i] for i in sorted(random.Random(seed).sample(range(len(ordered)), size))]


def draw_through_the_form(page, ctx, qtbot, modal, village) -> None:
    tab = page.spot_checks

    def fill(dialog: DrawDialog) -> None:
        combo = dialog.cadre_combo
        combo.setCurrentIndex(
            next(i for i in range(combo.count()) if combo.itemData(i) == village["secretary"])
        )
        dialog.size_spin.setValue(4)
        dialog.seed_edit.setText("4242")
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        # no inspector: refused under the field, the form stays, nothing drawn
        assert dialog.isVisible()
        message = dialog.errors.label_for("spot_check.inspector")
        assert not message.isHidden() and message.text()
        assert ctx.read(queries.assessment.spot_checks) == []
        type_chinese(dialog.inspector_edit, "镇纪委 刘明")
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(fill, DrawDialog):
        click(qtbot, tab.new_button)
    settle(qtbot, ctx)


def record(qtbot, ctx, tab, row: int, finding: str, note: str = "") -> None:
    tab.entry_table.selectRow(row)
    tab.finding_combo.setCurrentIndex(tab.finding_combo.findData(finding))
    tab.note_edit.setPlainText("")
    if note:
        type_chinese(tab.note_edit, note)
    click(qtbot, tab.save_finding_button)
    settle(qtbot, ctx)


def test_draw_a_spot_check_record_findings_and_print(page, ctx, db, village, diary, qtbot, modal):
    tab = page.spot_checks
    assert tab.check_table.rowCount() == 0 and not tab.print_button.isEnabled()
    draw_through_the_form(page, ctx, qtbot, modal, village)

    assert tab.check_table.rowCount() == 1
    check = cells(tab.check_table, 0)
    assert "王建国" in check[1] and check[3] == "镇纪委 刘明"
    assert check[4:9] == ["6", "4", "0", "—", "4242"]  # 6 in scope, 4 drawn, none checked
    # the entries listed are the seeded draw, each with what was written
    wanted = expected_draw(db, village["secretary"], 4242, 4)
    assert tab.entry_table.rowCount() == 4
    for r, eid in enumerate(wanted):
        row = cells(tab.entry_table, r)
        assert row[0] == str(r + 1) and row[2] == "王建国"
        assert f"第{diary[eid] + 1}次入户" in row[5]
    assert [e.entry_id for e in tab.entries] == wanted

    record(qtbot, ctx, tab, 0, "true")
    assert cells(tab.entry_table, 0)[6] == "真实"
    # anything but 真实 needs a note: refused at the note, nothing written
    record(qtbot, ctx, tab, 1, "vague")
    message = tab.errors.label_for("spot_check_item.note")
    assert not message.isHidden() and "不够具体" in message.text()
    stored = ctx.read(queries.assessment.checked_entries, tab.checks[0].id)
    assert [e.finding for e in stored] == ["true", "", "", ""]
    record(qtbot, ctx, tab, 1, "vague", "只写了了解情况，没写反映的问题")
    row = cells(tab.entry_table, 1)
    assert row[6] == "不够具体" and row[7] == "只写了了解情况，没写反映的问题"
    # 日记真实率 = 真实 ÷ entries with a finding = 1 ÷ 2
    assert cells(tab.check_table, 0)[6:8] == ["2", "50.0%"]
    assert tab.selected_entry().position == 3  # on to the next one not checked

    tab.print_record()
    dialog = open_preview(qtbot, tab.last_print)
    assert dialog.page_count() >= 1
    close_preview(qtbot, dialog)


def test_the_inspector_records_findings_but_cannot_open_the_evaluations(
    page, ctx, db, village, diary, qtbot, modal
):
    db.role = roles.INSPECTOR
    try:
        ctx.set_operator(None)  # (an inspector is nobody's operator)
        draw_through_the_form(page, ctx, qtbot, modal, village)
        tab = page.spot_checks
        assert tab.entry_table.rowCount() == 4
        record(qtbot, ctx, tab, 0, "false", "户主说当天没有干部来过")
        record(qtbot, ctx, tab, 1, "true")
        found = [e.finding for e in ctx.read(queries.assessment.checked_entries, tab.checks[0].id)]
        assert found == ["false", "true", "", ""]
        assert cells(tab.check_table, 0)[6:8] == ["2", "50.0%"]

        page.show_year()
        year = page.year
        qtbot.waitUntil(lambda: year.year_data is not None and not year.counting)
        year.table.selectRow(0)
        seen = []

        def refused(box: QMessageBox) -> None:
            seen.append(box.text())
            box.accept()

        with modal.expect(refused, QMessageBox):
            click(qtbot, year.enter_button)
        assert "只读" in seen[0]
        assert db.read(lambda s: s.scalar(select(func.count()).select_from(Assessment))) == 0
    finally:
        db.role = roles.FULL


def year_row(tab, name: str) -> list[str]:
    names = [cells(tab.table, r)[1] for r in range(tab.table.rowCount())]
    return cells(tab.table, names.index(name))


def show_year(page, ctx, qtbot):
    page.show_year()
    tab = page.year
    qtbot.waitUntil(lambda: tab.year_data is not None and not tab.counting)
    assert tab.year == YEAR and tab.rank_key == "poll_rate"
    return tab


def poll(qtbot, ctx, tab, name: str, satisfied: str, basic: str, unsatisfied: str, modal) -> None:
    tab.table.selectRow([cells(tab.table, r)[1] for r in range(tab.table.rowCount())].index(name))

    def enter(dialog: AssessmentDialog) -> None:
        for edit, text in (
            (dialog.satisfied_edit, satisfied),
            (dialog.basic_edit, basic),
            (dialog.unsatisfied_edit, unsatisfied),
        ):
            edit.clear()
            qtbot.keyClicks(edit, text)
        click(qtbot, dialog.save_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    with modal.expect(enter, AssessmentDialog):
        click(qtbot, tab.enter_button)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: not tab.counting)


def test_a_poll_entered_moves_the_satisfaction_and_the_place(page, ctx, db, village, qtbot, modal):
    # 李秀英 was polled: 30 满意, 10 基本满意, 10 不满意 → (30 + 10) ÷ 50 = 80.0%
    services.assessment.save_assessment(
        db,
        None,
        AssessmentInput(
            cadre_id=village["grid"],
            year=YEAR,
            poll_satisfied=30,
            poll_basic=10,
            poll_unsatisfied=10,
            poll_date=TODAY,
        ),
    )
    tab = show_year(page, ctx, qtbot)
    # place, name … votes, 测评满意率; 王建国 not polled: no place
    assert year_row(tab, "李秀英")[0] == "1" and year_row(tab, "李秀英")[-2:] == ["50", "80.0%"]
    assert year_row(tab, "王建国")[0] == "" and year_row(tab, "王建国")[-1] == "—"

    # 45 满意, 3 基本满意, 2 不满意 → 48 ÷ 50 = 96.0%: first place
    poll(qtbot, ctx, tab, "王建国", "45", "3", "2", modal)
    assert year_row(tab, "王建国")[0] == "1" and year_row(tab, "王建国")[-2:] == ["50", "96.0%"]
    assert year_row(tab, "李秀英")[0] == "2"
    assert [cells(tab.table, r)[1] for r in range(2)] == ["王建国", "李秀英"]
    # 36 + 4 of 50 = 80.0%, as much as 李秀英: they share the first place
    poll(qtbot, ctx, tab, "王建国", "36", "4", "10", modal)
    assert year_row(tab, "王建国")[0] == "1" and year_row(tab, "王建国")[-1] == "80.0%"
    assert year_row(tab, "李秀英")[0] == "1"
    stored = ctx.read(queries.assessment.entered, village["secretary"], YEAR)
    assert (stored.poll_satisfied, stored.poll_basic, stored.poll_unsatisfied) == (36, 4, 10)

    tab.table.selectRow(0)
    tab.print_one()
    dialog = open_preview(qtbot, tab.last_print)
    assert dialog.page_count() == 1
    close_preview(qtbot, dialog)


def test_wrong_numbers_are_refused_at_their_field_and_store_nothing(
    page, ctx, db, village, qtbot, modal
):
    tab = show_year(page, ctx, qtbot)
    tab.table.selectRow(0)

    def wrong(dialog: AssessmentDialog) -> None:
        def refused(edit, text: str, field: str) -> str:
            edit.clear()
            if text.isascii():
                qtbot.keyClicks(edit, text)
            else:
                type_chinese(edit, text)
            click(qtbot, dialog.save_button)
            settle(qtbot, ctx)
            assert dialog.isVisible()
            message = dialog.errors.label_for(field)
            assert not message.isHidden(), field
            edit.clear()
            return message.text()

        for edit in (dialog.satisfied_edit, dialog.basic_edit, dialog.unsatisfied_edit):
            qtbot.keyClicks(edit, "10")
        assert refused(dialog.basic_edit, "-3", "assessment.poll_basic") == "应为0或正整数票数"
        qtbot.keyClicks(dialog.basic_edit, "10")
        assert refused(dialog.self_score_edit, "120", "assessment.self_score") == "应为0至100分"
        assert refused(dialog.leader_score_edit, "九十", "assessment.leader_score") == "请填写整数"
        # a score without who commented: refused at 点评人
        qtbot.keyClicks(dialog.leader_score_edit, "90")
        click(qtbot, dialog.save_button)
        settle(qtbot, ctx)
        assert dialog.errors.label_for("assessment.leader_name").text() == "请填写点评人"
        assert db.read(lambda s: s.scalar(select(func.count()).select_from(Assessment))) == 0
        dialog.mark_clean()
        dialog.reject()

    with modal.expect(wrong, AssessmentDialog):
        click(qtbot, tab.enter_button)
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(Assessment))) == 0
    assert all(c[-1] == "—" for c in (cells(tab.table, r) for r in range(tab.table.rowCount())))


def test_a_township_office_ranks_its_villages(tmp_path, settings, qtbot):
    """At a township office 各村排名 sums each village's cadres: its
    测评满意率 is (满意 + 基本满意) ÷ 票数 over all its cadres' votes."""
    from village_desk import demo
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.models import Cadre, VillageProfile
    from village_desk.ui.context import AppContext

    db = Database.open(f"sqlite:///{tmp_path / 'township.sqlite3'}", device_name="乡镇办公室")
    demo.generate(db, households=40, villages=2, seed=4)
    context = AppContext(db, settings)
    try:
        page = AssessmentPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        exposed(page)
        tab = show_year(page, context, qtbot)
        assert tab.view_combo.isVisible()
        tab.view_combo.setCurrentIndex(tab.view_combo.findData("villages"))
        assert tab.village_table.isVisible() and not tab.enter_button.isVisible()

        votes: dict[str, list[int]] = {}
        for name, sat, basic, unsat in db.read(
            lambda s: s.execute(
                select(
                    VillageProfile.village,
                    Assessment.satisfied,
                    Assessment.basic,
                    Assessment.unsatisfied,
                )
                .join(Cadre, Cadre.id == Assessment.cadre_id)
                .join(VillageProfile, VillageProfile.id == Cadre.village_id)
                .where(Assessment.part == "poll", Assessment.year == YEAR)
            ).all()
        ):
            v = votes.setdefault(name, [0, 0])
            v[0] += sat + basic
            v[1] += sat + basic + unsat
        assert len(votes) == 2
        rates = {name: good / total for name, (good, total) in votes.items()}
        expected = sorted(rates, key=lambda n: -rates[n])
        shown = [cells(tab.village_table, r) for r in range(tab.village_table.rowCount())]
        assert [row[1] for row in shown] == expected
        for place, (row, name) in enumerate(zip(shown, expected, strict=True), 1):
            assert row[0] == str(place)
            assert row[-2:] == [str(votes[name][1]), f"{rates[name] * 100:.1f}%"]
    finally:
        context.close()
        db.close()
