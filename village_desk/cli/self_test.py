"""``village-desk --self-test`` (also ``village-desk self-test``): is this install complete?

For a township IT person after installing, and for the bundle's smoke test in
CI. In a new temporary folder (never the user's data, preferences or
language) it starts the GUI — offscreen when there is no display — checks
that the Chinese translation loaded, creates the database (running every
migration), loads demo data, shows the main window, writes a ledger workbook
and a card PDF, and prints a short report in Chinese. Exit code 0 when every
step passed, 1 when one failed (its traceback goes to the log file).

(Exchange files will join the sequence when they exist.)
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

EXIT_FAILED = 1
DEMO_HOUSEHOLDS = 30
APP_NAME_ZH = "村务民情台账"
LEDGER_SHEETS = (
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


def register(sub) -> None:
    p = sub.add_parser(
        "self-test",
        help="自检：在临时文件夹里试运行，检查安装是否完整",
        description=(
            "在一个新的临时文件夹里启动界面、载入示范数据、导出台账工作簿、生成联系卡 PDF，"
            "并检查中文界面，最后打印自检报告。不会读写您的数据。也可写成 village-desk --self-test。"
        ),
    )
    p.add_argument(
        "--keep", action="store_true", help="保留临时文件夹（数据库、工作簿、PDF）以便查看"
    )
    p.set_defaults(run=run)


@dataclass
class Step:
    name: str
    ok: bool
    detail: str


class Failed(Exception):
    """A check did not hold; the message says what was seen."""


def has_display() -> bool:
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have one


class SelfTest:
    def __init__(self, folder: Path):
        self.folder = folder
        self.steps: list[Step] = []
        self.app = self.db = self.ctx = self.window = None

    # ------------------------------------------------------------ running

    def run(self) -> list[Step]:
        from PySide6.QtCore import qInstallMessageHandler

        qt_log = logging.getLogger("village_desk.qt")
        # Qt's messages (the offscreen platform's notes, say) go to the log, not the report.
        previous = qInstallMessageHandler(lambda mode, context, message: qt_log.info(message))
        try:
            return self._run()
        finally:
            qInstallMessageHandler(previous)

    def _run(self) -> list[Step]:
        checks = (
            ("程序", self.check_program),
            ("中文界面", self.check_translation),
            ("数据库", self.check_database),
            ("示范数据", self.check_demo),
            ("主窗口", self.check_window),
            ("台账工作簿", self.check_workbook),
            ("联系卡 PDF", self.check_cards),
        )
        try:
            for i, (name, check) in enumerate(checks):
                try:
                    detail = check()
                except Exception as err:
                    log.exception("self-test step %s failed", name)
                    reason = str(err) if isinstance(err, Failed) else f"{type(err).__name__}: {err}"
                    self.steps.append(Step(name, False, reason))
                    self.steps += [Step(n, False, "未进行") for n, _ in checks[i + 1 :]]
                    break
                self.steps.append(Step(name, True, detail))
        finally:
            self.close()
        return self.steps

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        if self.ctx is not None:
            self.ctx.close()
        if self.db is not None:
            self.db.close()

    # ------------------------------------------------------------ steps

    def check_program(self) -> str:
        from PySide6.QtCore import qVersion

        from village_desk import __version__

        where = "安装包" if getattr(sys, "frozen", False) else sys.prefix
        return (
            f"版本 {__version__}，Python {platform.python_version()}，Qt {qVersion()}，"
            f"{platform.system()} {platform.machine()}（{where}）"
        )

    def check_translation(self) -> str:
        from PySide6.QtCore import QCoreApplication, QSettings

        from village_desk.ui import i18n
        from village_desk.ui.app import create_application
        from village_desk.ui.prefs import ENV_LANGUAGE

        # Preferences of this run go to the temporary folder: the user's own
        # (language, window geometry, remembered cadre) are neither read nor changed.
        settings = self.folder / "settings"
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
                QSettings.setPath(fmt, scope, str(settings))
        os.environ[ENV_LANGUAGE] = i18n.DEFAULT_LANGUAGE
        self.app = create_application([sys.argv[0] if sys.argv else "village-desk"])
        name = QCoreApplication.translate("App", "Village Desk")
        if name != APP_NAME_ZH:
            raise Failed(f"没有载入中文翻译（界面显示“{name}”）：{i18n.qm_path()}")
        qt_own = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if qt_own == "Cancel":
            raise Failed("Qt 自带的中文翻译（确定、取消等按钮）没有载入")
        return f"界面为简体中文（{i18n.qm_path().name}，Qt 按钮“{qt_own}”）"

    def check_database(self) -> str:
        from sqlalchemy import create_engine

        from village_desk.core.storage.db import Database
        from village_desk.core.storage.migrate import HEAD, current_revision
        from village_desk.core.storage.paths import database_url

        url = database_url(self.folder)
        self.db = Database.open(url)
        engine = create_engine(url)
        try:
            revision = current_revision(engine)
        finally:
            engine.dispose()
        if revision != HEAD:
            raise Failed(f"数据库结构版本是 {revision}，应为 {HEAD}（迁移脚本不全）")
        return f"新建数据库并迁移到结构版本 {revision}"

    def check_demo(self) -> str:
        from village_desk import demo

        summary = demo.generate(self.db, households=DEMO_HOUSEHOLDS, seed=1)
        if summary.households != DEMO_HOUSEHOLDS or not summary.matters:
            raise Failed(f"示范数据不完整：{summary.households} 户，{summary.matters} 件事项")
        return (
            f"{summary.households} 户，{summary.persons} 人，"
            f"{summary.diary_entries} 篇民情日记，{summary.matters} 件台账事项"
        )

    def check_window(self) -> str:
        from PySide6.QtCore import QEventLoop, QTimer

        from village_desk.core import queries
        from village_desk.core.resources import resource_path
        from village_desk.ui.context import AppContext
        from village_desk.ui.main_window import MainWindow

        errors: list[BaseException] = []
        previous_hook = sys.excepthook
        sys.excepthook = lambda kind, err, tb: errors.append(err)  # errors in Qt slots
        try:
            self.ctx = AppContext(self.db)
            cadres = self.db.read(queries.reference.cadres)
            self.ctx.set_operator(cadres[0].id if cadres else None)
            self.window = MainWindow(self.ctx)
            self.window.show()
            loop = QEventLoop()
            QTimer.singleShot(0, loop.quit)  # the first event-loop turn with the window shown
            loop.exec()
        finally:
            sys.excepthook = previous_hook
        if errors:
            raise Failed(f"主窗口出错：{type(errors[0]).__name__}: {errors[0]}")
        if not self.window.isVisible():
            raise Failed("主窗口没有显示出来")
        title = self.window.windowTitle()
        if not title.startswith(APP_NAME_ZH):
            raise Failed(f"主窗口标题不是中文：{title}")
        if not self.window.windowIcon().availableSizes():
            raise Failed(f"没有找到程序图标：{resource_path('icons', 'village-desk.png')}")
        pages = [self.window.nav.item(i).text() for i in range(self.window.nav.count())]
        return (
            f"已显示“{title}”，{len(pages)} 个页面（{'、'.join(pages)}），"
            f"显示方式 {self.app.platformName()}"
        )

    def check_workbook(self) -> str:
        from python_calamine import CalamineWorkbook

        from village_desk.core.excel import Period
        from village_desk.core.excel.ledger_export import export_ledger

        out = self.folder / "民情台账.xlsx"
        today = dt.date.today()
        period = Period.custom(today - dt.timedelta(days=365), today)
        summary = export_ledger(self.db, out, period, prepared_by="自检", today=today)
        # read back with the reader the roster import uses
        sheets = tuple(CalamineWorkbook.from_path(str(out)).sheet_names)
        if sheets != LEDGER_SHEETS:
            raise Failed(f"工作簿的表不对：{'、'.join(sheets)}")
        if not summary.matters:
            raise Failed("工作簿里没有台账事项")
        return f"{len(sheets)} 张表，{summary.matters} 件事项，{summary.diary_entries} 篇走访记录"

    def check_cards(self) -> str:
        from village_desk.core.printing import CardSelection, cjk_font, print_cards

        out = self.folder / "联系卡.pdf"
        cards, pages = print_cards(self.db, str(out), CardSelection(all=True))
        data = out.read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise Failed("生成的 PDF 文件不完整")
        if cards != DEMO_HOUSEHOLDS or pages < 1:
            raise Failed(f"应有 {DEMO_HOUSEHOLDS} 张联系卡，实有 {cards} 张")
        font = cjk_font()
        font_text = (
            f"字体 {Path(font.path).name}"
            if font.path
            else "注意：没有找到可嵌入的中文字体，别的电脑上可能显示不出中文"
        )
        return f"{cards} 张联系卡，{pages} 页，{font_text}"


def report(steps: list[Step], seconds: float, folder: Path | None) -> str:
    from village_desk import __version__
    from village_desk.core import logs

    lines = [f"{APP_NAME_ZH} {__version__} 自检"]
    lines += [f"  {'通过' if s.ok else '失败'}  {s.name}：{s.detail}" for s in steps]
    failed = [s for s in steps if not s.ok and s.detail != "未进行"]
    if failed:
        lines.append(f"结果：未通过（{failed[0].name}），用时 {seconds:.1f} 秒。")
        setup = logs.current()
        if setup is not None and setup.file is not None:
            lines.append(f"详细情况见日志：{setup.file}")
    else:
        lines.append(f"结果：全部通过，用时 {seconds:.1f} 秒。安装完整，可以使用。")
    if folder is not None:
        lines.append(f"临时文件夹已保留：{folder}")
    return "\n".join(lines)


def run(args) -> int:
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    offscreen = not has_display() and "QT_QPA_PLATFORM" not in os.environ
    if offscreen and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    folder = Path(tempfile.mkdtemp(prefix="village-desk-self-test-"))
    # This computer's record of its databases (core/storage/replica.py) stays
    # untouched too: the throwaway database registers in the temporary folder.
    os.environ["VILLAGE_DESK_CONFIG_DIR"] = str(folder / "config")
    try:
        steps = SelfTest(folder).run()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    text = report(steps, time.perf_counter() - started, folder if args.keep else None)
    log.info("self-test:\n%s", text)
    print(text, flush=True)
    ok = all(s.ok for s in steps)
    if sys.stdout is None and not offscreen:  # a windowed program has no console to print to
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox.information if ok else QMessageBox.warning
        box(None, f"{APP_NAME_ZH} 自检", text)
    return 0 if ok else EXIT_FAILED
