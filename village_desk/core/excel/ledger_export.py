"""The township ledger workbook: one period, streamed.

    summary = export_ledger(db, "桃花村台账.xlsx", parse_period("2026-11"))

Sheets (see :mod:`.ledger_data` for which records each covers and the
definitions of the rates): 民情台账, 逾期事项 (as of the period's end or the
report day), 走访记录, 联系户花名册, 干部走访统计, 结对检查 (households
without a cadre, cadres below the pairing norms, on the export day), 统计汇总,
公开承诺 (the years' public commitments and 践诺率 per person, see
:mod:`.commitment_sheet`), 会议记录 (the period's meetings, see
:mod:`.meeting_sheet`), 矛盾纠纷 (the 矛盾纠纷排查调处台账: disputes with
their parties, mediations and outcome, see :mod:`.dispute_sheet`), 干部考核
(the yearly assessment of the year the period ends in, see
:mod:`.assessment_sheet`). ID numbers and phones are masked unless
``unmasked=True``; such an export is written to the log and recorded in the
journal (who, when, the file, how many households and people), see
:func:`export_ledger`.

The workbook is written to a temporary file next to the target and renamed
at the end, so a failed or cancelled export never leaves half a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from .. import queries
from ..domain.lifecycle import STATUS_LABELS
from ..domain.visits import CONTACT_KINDS, contact_kind
from ..jobs import Cancelled, Job, ensure
from ..storage.db import Database
from ..storage.files import forget_output, note_output
from .assessment_sheet import write_assessment
from .commitment_sheet import write_commitments
from .dispute_sheet import write_disputes
from .layout import Column, SheetWriter
from .ledger_data import LedgerData
from .meeting_sheet import write_meetings
from .period import Period

log = logging.getLogger(__name__)

__all__ = ["export_ledger", "ExportSummary", "Cancelled", "SHEETS"]

SHEETS = (
    "民情台账",
    "逾期事项",
    "走访记录",
    "联系户花名册",
    "干部走访统计",
    "结对检查",
    "统计汇总",
    "公开承诺",
    "会议记录",
    "矛盾纠纷",
    "干部考核",
)
# A township office's workbook (乡镇汇总) adds its villages side by side.
VILLAGES_SHEET = "各村汇总"
VILLAGE_COLUMNS = (
    Column("村（社区）", max_width=14),
    Column("户数", "int"),
    Column("走访户", "int"),
    Column("走访户次", "int"),
    Column("走访覆盖率", "pct"),
    Column("期内在账", "int"),
    Column("已办结", "int"),
    Column("办结率", "pct"),
    Column("按时办结率", "pct"),
    Column("最终满意率", "pct"),
    Column("逾期未办结", "int"),
)

MATTER_COLUMNS = (
    Column("序号", "int"),
    Column("编号", "code", 16),
    Column("受理日期", "date"),
    Column("来源渠道", max_width=10),
    Column("申请人", max_width=8),
    Column("所属组", max_width=10),
    Column("申办事项", "wrap", 28, 16),
    Column("事项类别", max_width=8),
    Column("代办类型", max_width=10),
    Column("层级", max_width=10),
    Column("办理方式", max_width=8),
    Column("主办责任人", max_width=8),
    Column("协办人", "wrap", 12),
    Column("办结时限", "date"),
    Column("办理情况", "wrap", 36, 24),
    Column("办理结果", "wrap", 24, 14),
    Column("退回理由", "wrap", 16),
    Column("解释说明", "wrap", 16),
    Column("状态", max_width=10),
    Column("办结日期", "date"),
    Column("回访日期", "date"),  # the latest return visit
    Column("满意度", max_width=12),
    Column("销号日期", "date"),
    Column("是否逾期", max_width=8),
)
OVERDUE_COLUMNS = (
    Column("序号", "int"),
    Column("编号", "code", 16),
    Column("受理日期", "date"),
    Column("申请人", max_width=8),
    Column("所属组", max_width=10),
    Column("申办事项", "wrap", 28, 16),
    Column("主办责任人", max_width=8),
    Column("协办人", "wrap", 12),
    Column("办结时限", "date"),
    Column("逾期天数", "int"),
    Column("状态", max_width=10),
    Column("最近办理情况", "wrap", 32, 18),
)
DIARY_COLUMNS = (
    Column("序号", "int"),
    Column("日期", "date"),
    Column("走访干部", "wrap", 14),
    Column("方式", max_width=12),
    Column("走访对象（户主/户号）", "wrap", 30, 16),
    Column("主要情况", "wrap", 40, 24),
    Column("当场解决", "wrap", 30, 12),
    Column("转入台账", "wrap", 16),
)
HOUSEHOLD_COLUMNS = (
    Column("序号", "int"),
    Column("户号", "code", 12),
    Column("户主", max_width=8),
    Column("公民身份号码", "code", 20),
    Column("联系电话", "code", 14),
    Column("所属组", max_width=10),
    Column("家庭人口", "int"),
    Column("户类别", "wrap", 24),
    Column("联户干部", "wrap", 16),
    Column("最近走访", "date"),
    Column("期内走访户次", "int"),
    Column("期内其他联系", "int"),
)
CADRE_COLUMNS = (
    Column("序号", "int"),
    Column("干部", max_width=8),
    Column("职务", max_width=12),
    Column("走访户次", "int"),
    Column("走访户数", "int"),
    Column("入户户次", "int"),
    Column("坐访户次", "int"),
    Column("电话户次", "int"),
    Column("会议户次", "int"),
    Column("日记篇数", "int"),
    Column("任务要求", max_width=30),
    Column("期内应完成", "int"),
    Column("完成率", "pct"),
    Column("主办事项", "int"),
    Column("已办结", "int"),
    Column("按时办结", "int"),
)
PAIRING_COLUMNS = (
    Column("序号", "int"),
    Column("问题", max_width=14),
    Column("对象", "wrap", 24),
    Column("结对方式", max_width=12),
    Column("要求", "wrap", 26),
    Column("现有", "wrap", 26),
)


@dataclass
class ExportSummary:
    path: Path
    period: Period
    matters: int
    diary_entries: int
    households: int
    cadres: int
    masked: bool


def export_ledger(
    db: Database,
    path: str | os.PathLike,
    period: Period,
    *,
    unmasked: bool = False,
    prepared_by: str = "",
    today: dt.date | None = None,
    job: Job | None = None,
    actor_id=None,
) -> ExportSummary:
    """Write the ledger workbook; raise :class:`Cancelled` if the job
    is cancelled (the target file is then left as it was)."""
    target = Path(path)
    today = today or dt.date.today()
    job = ensure(job)
    report = job.report
    fd, tmp_name = tempfile.mkstemp(suffix=".xlsx", prefix=".导出中-", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    note_output(tmp)  # removed at the next start if this run is killed
    try:
        wb = Workbook(write_only=True)
        try:
            with _collector_paused(), db.reading() as s:
                data = LedgerData(s, period, today, unmasked)
                summary = _write(wb, s, data, tmp, prepared_by, today, job)
        except BaseException:
            _discard(wb)
            raise
        summary.path, summary.masked = target, not unmasked
        report("完成", 1.0)  # the last chance to cancel: after the move the file is there
        os.replace(tmp, target)
        if unmasked:
            _log_unmasked(db, target, period, summary, actor_id)
    finally:
        tmp.unlink(missing_ok=True)
        forget_output(tmp)
    return summary


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector paused while the workbook is read and written.

    The export keeps a township's year in memory (the ledger's states, the
    diary's households, the notes) and allocates millions of short-lived
    tuples and cells; every collection the allocations trigger walks the
    kept objects again, a tenth to a quarter of the export's time. Reference
    counting still frees everything the export drops; cycles made meanwhile
    are collected once the collector runs again. It is left off if something
    else had turned it off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _log_unmasked(db: Database, target: Path, period: Period, summary, actor_id) -> None:
    """An export showing whole ID numbers and phones is written to the log:
    who (the operator, else the computer's user), the file, the period, how
    many households and people it holds — and the same in the journal (a
    ``disclosure`` record, synced like the others). On a read-only folder
    only the log has it."""
    import getpass

    from sqlalchemy import func, select

    from ..storage.models import Cadre, Person

    with db.reading() as s:
        who = s.scalar(select(Cadre.name).where(Cadre.id == actor_id)) if actor_id else None
        people = s.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False)))
    if not who:
        with contextlib.suppress(Exception):
            who = f"命令行（{getpass.getuser()}）"
    log.warning(
        "unmasked export (完整身份证号和电话): %s, period %s, %d households, "
        "%d people on record, by %s",
        target,
        period.label,
        summary.households,
        people,
        who or "?",
    )
    try:  # and in the journal, which travels to the township with the records
        from .. import services

        services.disclosures.record_disclosure(
            db,
            actor_id,
            "ledger_export",
            target.name,
            period.label,
            summary.households,
            people or 0,
            who or "?",
        )
    except Exception:  # a read-only folder: the export stands, the log has it
        log.exception("could not record the unmasked export in the journal")


def _discard(wb: Workbook) -> None:
    """Close the half-written sheets' streams and remove their temporary files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
            ws._writer.cleanup()


def _write(
    wb: Workbook, s, data: LedgerData, tmp: Path, prepared_by, today, job: Job
) -> ExportSummary:
    report = job.report
    profile = queries.reference.profile(s)
    village = profile.village if profile else ""
    township = profile.township if profile else ""
    period = data.period
    info = "　　".join(
        part
        for part in (
            f"乡镇：{township}" if township else "",
            f"村（社区）：{village}",
            f"统计期间：{period.span_text()}",
            f"制表人：{prepared_by or '__________'}",
            f"制表日期：{today:%Y-%m-%d}",
        )
        if part
    )

    def heading(what: str) -> str:
        return f"{village}{what}（{period.label}）"

    matters, entries = data.matter_count(), data.diary_count()
    households = data.household_count()
    total = max(matters + entries + households, 1)
    done = 0

    def ticker(stage: str):
        def tick(count: int) -> None:
            if job.cancelled:
                raise Cancelled("已取消导出")
            report(stage, 0.05 + 0.9 * (done + count) / total)

        return tick

    report("写入民情台账", 0.02)
    sheet = SheetWriter(
        wb, SHEETS[0], _village_first(data, MATTER_COLUMNS), heading("民情台账"), info
    )
    sheet.extend(data.matter_rows(), tick=ticker("写入民情台账"))
    sheet.finish()
    done += matters

    # 逾期事项: open on the period's last day (or the report day) and past the deadline
    as_of = data.as_of
    sheet = SheetWriter(
        wb, SHEETS[1], OVERDUE_COLUMNS, f"{village}逾期事项（截至{as_of:%Y年%m月%d日}）", info
    )
    sheet.extend(
        (
            n,
            o.number,
            o.received_date,
            o.applicant,
            o.group,
            data._free(o.content),
            o.responsible,
            o.co_handlers,
            o.deadline,
            o.days_overdue,
            STATUS_LABELS.get(o.status, o.status),
            data._free(o.last_note),
        )
        for n, o in enumerate(queries.ledger_period.overdue_matters(s, as_of), 1)
    )
    sheet.finish()

    report("写入走访记录", 0.05 + 0.9 * done / total)
    sheet = SheetWriter(wb, SHEETS[2], DIARY_COLUMNS, heading("走访记录"), info)
    sheet.extend(data.diary_rows(), tick=ticker("写入走访记录"))
    sheet.finish()
    done += entries

    report("写入联系户花名册", 0.05 + 0.9 * done / total)
    sheet = SheetWriter(
        wb, SHEETS[3], _village_first(data, HOUSEHOLD_COLUMNS), heading("联系户花名册"), info
    )
    sheet.extend(data.household_rows(), tick=ticker("写入联系户花名册"))
    sheet.finish()

    sheet = SheetWriter(wb, SHEETS[4], CADRE_COLUMNS, heading("干部走访统计"), info)
    cadre_rows = list(data.cadre_rows())
    sheet.extend(cadre_rows)
    sheet.finish()

    # 结对检查: the pairing rules as they stand on the export day
    sheet = SheetWriter(
        wb, SHEETS[5], PAIRING_COLUMNS, f"{village}结对检查（{today:%Y年%m月%d日}）", info
    )
    problems = [
        ("没有联户干部的户", f"{u.number} {u.head}（{u.group}）", "", "至少1名联户干部", "无")
        for u in queries.pairing.households_without_cadre(s)
    ] + [
        ("未达到结对要求", f"{g.name}（{g.role}）", g.kind_label, g.required, g.current)
        for g in queries.pairing.pairing_gaps(s, today)
    ]
    sheet.extend((n, *row) for n, row in enumerate(problems, 1))
    sheet.finish()

    _summary_sheet(wb, data, heading("统计汇总"), info)
    write_commitments(wb, s, data, heading("公开承诺"), info)
    write_meetings(wb, s, data, heading("会议记录"), info)
    write_disputes(wb, s, data, heading("矛盾纠纷排查调处台账"), info)
    write_assessment(wb, s, data, heading("干部考核"), info)
    if queries.reference.is_township(s):
        _villages_sheet(wb, s, data, heading("各村汇总"), info, today)
    if job.cancelled:
        raise Cancelled("已取消导出")
    report("保存文件", 0.97)
    wb.save(tmp)
    return ExportSummary(tmp, period, matters, entries, households, len(cadre_rows), True)


def _village_first(data: LedgerData, columns: tuple) -> tuple:
    """A township office's sheet names each row's village after the 序号."""
    if not data.township:
        return columns
    return (columns[0], Column("村（社区）", max_width=10), *columns[1:])


def _villages_sheet(wb: Workbook, s, data: LedgerData, heading: str, info: str, today) -> None:
    """各村汇总 (a township office's workbook): every village's figures side
    by side, counted as the village's own workbook counts them
    (``queries/township.py``), and the township's total."""
    p = data.period
    figures = queries.township.township_figures(
        s, p.start, p.end, today, cadres=False, ledger=data.ledger, visits=data.visits
    )
    sheet = SheetWriter(wb, VILLAGES_SHEET, VILLAGE_COLUMNS, heading, info)
    sheet.extend(
        (
            v.name,
            v.households,
            v.visited,
            v.visits,
            v.coverage,
            v.matters,
            v.done,
            v.done_rate,
            v.on_time_rate,
            v.satisfaction_rate,
            v.overdue,
        )
        for v in [*figures.villages, figures.total]
    )
    sheet.finish()


def _summary_sheet(wb: Workbook, data: LedgerData, heading: str, info: str) -> None:
    """统计汇总: category × status and 代办类型 × status at the period's end,
    the matter figures with the base each is counted on, coverage, levels."""
    stats, statuses = data.stats, list(STATUS_LABELS)
    columns = [Column("事项类别", max_width=26, min_width=24)]
    columns += [Column(STATUS_LABELS[code], "int", 8) for code in statuses]
    columns.append(Column("合计", "int"))
    sheet = SheetWriter(wb, SHEETS[6], columns, heading, info, gridlines=False)

    def box(*values, bold=False, header=False):
        cells = []
        for v in values:
            fmt = "0.0%" if isinstance(v, float) else None
            align = Alignment(horizontal="center") if header or not isinstance(v, str) else None
            cells.append(
                sheet.cell(v, bold=bold or header, fill=header, border=True, fmt=fmt, align=align)
            )
        return cells

    def note(text: str):
        return sheet.cell(text)

    def table(by: dict, labels: dict, empty: str) -> list:
        codes = [k for k in labels if k in by]
        codes += sorted(set(by) - set(codes))
        out = []
        for code in codes:
            counts = by[code]
            label = labels.get(code, code) or empty
            out.append(box(label, *(counts.get(c, 0) for c in statuses), sum(counts.values())))
        total = [stats.by_status.get(c, 0) for c in statuses]
        out.append(box("合计", *total, stats.total, bold=True))
        return out

    rows = table(stats.by_kind_status, data.labels["matter_kind"], "未分类")
    table_rows = len(rows)

    def rate(value):
        return "—" if value is None else value

    cov = data.coverage
    mode_labels = data.labels["visit_mode"]
    counted = "、".join(mode_labels.get(m, m) for m in mode_labels if m in data.counted_modes)
    modes_of: dict[str, list[str]] = {kind: [] for kind, _ in CONTACT_KINDS}
    for code, label in mode_labels.items():
        modes_of[contact_kind(code)].append(label)
    as_of = f"{data.as_of:%m-%d}"
    rows += [
        [],
        box("办理情况", "数量", "比率", header=True) + [note("口径")],
        box("上期结转", stats.carried, "") + [note("本期开始时仍在账的以前受理事项")],
        box("本期受理", stats.received, "") + [note("受理日期在本期")],
        box("期内在账事项", stats.total, "") + [note("上期结转 + 本期受理，即民情台账各行")],
        box("已办结（含已回访、已销号）", stats.done, rate(stats.done_rate))
        + [note(f"{as_of}的状态；比率 = 已办结 ÷ 期内在账事项")],
        box("其中本期办结", stats.done_in_period, "") + [note("办结日期在本期")],
        box("按时办结", stats.on_time, rate(stats.on_time_rate))
        + [note("办结日期不晚于办结时限；比率 = 按时办结 ÷ 已办结")],
        box("本期销号", stats.closed_in_period, "") + [note("销号日期在本期")],
        box("期末未办结", stats.open_at_end, "")
        + [note(f"{as_of}仍为登记受理、办理中、已上报或结果返回")],
        box("逾期未办结", stats.overdue, "") + [note(f"{as_of}未办结且已过办结时限")],
        box("回访次数", stats.visits, "")
        + [note("本期每一次回访都计入，含重新办理前的不满意回访")],
        box("回访满意（次）", stats.visits_satisfied, rate(stats.visit_rate))
        + [note("满意或基本满意的回访次数；比率 = ÷ 回访次数")],
        box("首次回访满意", stats.first_satisfied, rate(stats.first_rate))
        + [note(f"首次回访在本期的 {stats.first_rated} 件事项中，首次回访即满意（含基本满意）的")],
        box("最终满意", stats.final_satisfied, rate(stats.final_rate))
        + [
            note(
                f"最近一次回访在本期的 {stats.final_rated} 件事项中，"
                "以期末最后一次回访为准满意（含基本满意）的"
            )
        ],
        [],
        box("代办类型", *(STATUS_LABELS[c] for c in statuses), "合计", header=True),
    ]
    rows += table(stats.by_service_status, data.labels["service_type"], "未填写")
    rows += [
        [],
        box("走访覆盖", "数量", "比率", header=True),
        box("在册户数", cov.households, ""),
        box("期内走访户数", cov.visited, rate(cov.rate))
        + [note(f"计入任务的走访方式（{counted}）走访过的户；比率 = ÷ 在册户数")],
        box("期内走访户次", cov.visits, "") + [note(f"计入任务的走访方式（{counted}）")],
        *(
            box(f"{label}联系户次", data.contacts_by_kind.get(kind, 0), "")
            + [note(f"{label}类：{'、'.join(modes_of[kind])}")]
            for kind, label in CONTACT_KINDS
        ),
        [],
        box("办理层级", "在账", "已办结", header=True),
    ]
    for code, label in data.labels["level"].items():
        total_level, finished = stats.by_level.get(code, (0, 0))
        rows.append(box(label, total_level, finished))
    notes = (
        "说明：统计对象为本期在账事项——本期受理的，以及以前受理、本期开始时仍在账"
        "（未销号、未退回、非暂不能解决）的上期结转事项；状态为期末（本期未结束的为制表日）的状态。"
        "办结率 = 已办结 ÷ 期内在账事项；按时办结率 = 办结日期不晚于办结时限的 ÷ 已办结；"
        "回访满意率 = 满意（含基本满意）的回访次数 ÷ 本期回访次数（每次回访都计入）；"
        "首次回访满意率、最终满意率按事项计，分别以首次、期末最后一次回访为准；逾期 = 期末未办结且已过办结时限；"
        "覆盖率 = 期内以计入任务的方式（默认入户走访、慰问）走访过的户数 ÷ 在册户数；"
        "干部的走访户次、户数只计这些方式，同行干部同样计入；电话、坐访、会议另列。"
    )
    wrap = Alignment(wrap_text=True, vertical="top")
    rows += [[], [sheet.cell(notes, align=wrap)]]
    sheet.add_rows([])  # starts the sheet: title rows and header
    # Write-only rows are serialised on append: size the note row beforehand.
    last = sheet.row + len(rows)
    sheet.ws.row_dimensions[last].height = 64
    sheet.ws.merged_cells.add(f"A{last}:{get_column_letter(len(columns))}{last}")
    sheet.add_rows(rows)
    sheet.finish(table_rows=table_rows)
