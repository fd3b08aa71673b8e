"""GUI targets at township scale (issue 13), offscreen, each against a bare-Qt
baseline measured in the same run.

* cold start, per start page (工作台, 户情, 民情台账, 民情日记, 统计): a fresh
  process from its start to the first event-loop turn with the main window
  shown (the app's hidden start-up probe), against a process that imports
  PySide6 and ``sqlalchemy.orm``, opens the same database, runs one query and
  shows an empty ``QTableView`` in a ``QMainWindow``;
* opening the household list (10,000 households) and scrolling to its end:
  time to the first rows on screen and the longest frame while scrolling,
  against a bare ``QTableView`` over the same rows read with ``sqlite3``;
* a keystroke in the quick search to its results on screen (p95), against a
  bare line edit running ``LIKE`` on the person names;
* switching between the pages (p95), against a stack of bare tables;
* the longest GUI-thread stall (a 10 ms heartbeat timer measuring its own
  lateness) during a ledger export, a roster import, card printing and an
  exchange-file import, each started from its page as a user would, against
  a Python thread spinning for a second (the interpreter lock's floor);
* resident memory after visiting every page, against the bare window's.

The demo database is generated once per run with the command line
(``village-desk demo --households 10000 --villages 10``; ``--quick``: 600
households in 2 villages). The measurements inside the GUI run in a child
process of their own (``--worker``), so the memory figure is the app's.

Run alone: ``python benchmarks/bench_gui.py [--quick]``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from common import fresh_dir, p95, result  # noqa: E402

START_PAGES = [
    ("dashboard", "工作台 dashboard"),
    ("households", "户情 households"),
    ("ledger", "民情台账 ledger"),
    ("diary", "民情日记 diary"),
    ("stats", "统计 statistics"),
]
SECRET = "benchmark-passphrase"

BASELINE_START = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

app = QApplication(sys.argv[:1])
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with Session(engine) as s:
    s.execute(text("SELECT count(*) FROM household WHERE deleted = 0")).scalar()
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 720)
window.show()


def reached():
    rss = 0
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024
    Path(sys.argv[2]).write_text(json.dumps({"time": time.time(), "rss": rss}))
    app.quit()


QTimer.singleShot(0, reached)
app.exec()
"""


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(
        HOME=str(home),  # fresh preferences, identity store and logs
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    env.pop("VILLAGE_DESK_START_PAGE", None)
    env.pop("VILLAGE_DESK_STARTUP_PROBE", None)
    return env


def _app(*args: str) -> list[str]:
    return [sys.executable, "-m", "village_desk", *args]


def run(quick: bool = False) -> list[dict]:
    households, villages = (600, 2) if quick else (10_000, 10)
    work = fresh_dir("gui")
    home, data = work / "home", work / "data"
    env = _env(home)
    started = time.perf_counter()
    subprocess.run(
        _app("--data-dir", str(data), "demo", "--households", str(households),
             "--villages", str(villages)),
        env=env, check=True, capture_output=True, cwd=ROOT, timeout=3600,
    )  # fmt: skip
    generated = time.perf_counter() - started
    print(f"   demo: {households} households in {generated:.0f} s", file=sys.stderr)
    rows, bare_rss = _cold_starts(data, work, env, runs=1 if quick else 3)
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(data), str(work)]
        + (["--quick"] if quick else []),
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=3600,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"GUI benchmark worker failed:\n{done.stderr[-4000:]}")
    measured = json.loads((work / "worker.json").read_text(encoding="utf-8"))
    for row in measured:
        if row.get("memory"):
            rss = row.pop("memory")
            row["detail"] = (
                f"{rss / 1e6:,.0f} MB（空窗口 bare window {bare_rss / 1e6:,.0f} MB）"
                + (f"；{row['detail']}" if row.get("detail") else "")
            )
    return rows + measured


# --------------------------------------------------------------- cold start


def _probe(cmd: list[str], env: dict, probe: Path) -> tuple[float, int]:
    probe.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT, timeout=300)
    text = probe.read_text(encoding="utf-8")
    if text.startswith("{"):
        got = json.loads(text)
        return got["time"] - started, got["rss"]
    return float(text) - started, 0


def _cold_starts(data: Path, work: Path, env: dict, runs: int) -> tuple[list[dict], int]:
    database = data / "village-desk.sqlite3"
    baseline_script = work / "baseline_start.py"
    baseline_script.write_text(BASELINE_START, encoding="utf-8")
    probe = work / "probe"
    # one start to settle first-run work (preferences, the daily backup's folder)
    _probe(_app("--data-dir", str(data)), {**env, "VILLAGE_DESK_START_PAGE": "dashboard",
           "VILLAGE_DESK_STARTUP_PROBE": str(probe)}, probe)  # fmt: skip
    app_times: dict[str, list[float]] = {page: [] for page, _ in START_PAGES}
    base_times: list[float] = []
    rss: list[int] = []
    for _ in range(runs):
        for page, _label in START_PAGES:  # alternate: both see the same machine load
            seconds, used = _probe(
                [sys.executable, str(baseline_script), str(database), str(probe)], env, probe
            )
            base_times.append(seconds)
            rss.append(used)
            app_env = {
                **env,
                "VILLAGE_DESK_START_PAGE": page,
                "VILLAGE_DESK_STARTUP_PROBE": str(probe),
            }
            app_times[page].append(_probe(_app("--data-dir", str(data)), app_env, probe)[0])
    baseline = statistics.median(base_times)
    rows = [
        result(
            f"冷启动 cold start: {label}",
            statistics.median(app_times[page]),
            baseline,
            "≤ 1.5× and ≤ 1.5 s",
            detail=f"median of {runs}",
        )
        for page, label in START_PAGES
    ]
    return rows, int(statistics.median(rss))


# --------------------------------------------------------------- inside the GUI


def _rss() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class _Gui:
    """The main window on the demo database, and ways to wait for it."""

    def __init__(self, data: Path):
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from village_desk.core import queries
        from village_desk.core.storage.db import Database
        from village_desk.core.storage.paths import database_url
        from village_desk.ui.app import create_application
        from village_desk.ui.context import AppContext
        from village_desk.ui.main_window import MainWindow

        self.app: QApplication = create_application([sys.argv[0]])
        self.db = Database.open(database_url(data, None))
        self.ctx = AppContext(self.db)
        cadres = self.db.read(queries.reference.cadres)
        self.ctx.set_operator(cadres[0].id if cadres else None)
        self.window = MainWindow(self.ctx)
        self.window.resize(1366, 768)
        self.window.show()
        self.settle(lambda: self.window.isVisible())
        self.idle()
        self.refused: list[str] = []  # message boxes that popped up (and were closed)
        self._guard = QTimer()
        self._guard.setInterval(200)
        self._guard.timeout.connect(self._close_message_boxes)
        self._guard.start()

    def _close_message_boxes(self) -> None:
        """Nobody is there to answer a question: note what it said, close it."""
        from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

        box = self.app.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.refused.append(f"{box.text()} {box.informativeText()}".strip())
        elif isinstance(box, QDialog) and not isinstance(box, QProgressDialog):
            if type(box).__name__ == "PrintPreviewDialog":
                return  # wanted: card printing ends in the preview
            self.refused.append(f"{type(box).__name__}: {box.windowTitle()}")
        else:
            return
        print(f"closed a dialog: {self.refused[-1]}", file=sys.stderr, flush=True)
        box.reject()

    def settle(self, until=None, timeout: float = 120.0) -> None:
        """Process events until ``until()`` holds (once if no condition)."""
        deadline = time.perf_counter() + timeout
        while True:
            self.app.processEvents()
            if until is None or until():
                return
            if time.perf_counter() > deadline:
                raise TimeoutError("the GUI did not get there")
            time.sleep(0.0005)

    def idle(self) -> None:
        """Every background read or write has reached the screen."""
        self.settle(lambda: self.ctx.executor.pending == 0)
        self.app.processEvents()

    def wait(self, until, timeout: float = 1800.0) -> None:
        """Run the event loop (as ``app.exec`` would) until ``until()`` holds."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: (self.refused or until()) and loop.quit())
        poll.start()
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        if not until():
            loop.exec()
        poll.stop()
        if self.refused:
            raise RuntimeError(f"the GUI said: {self.refused}")
        if not until():
            raise TimeoutError("the job did not finish")


def _bare_table(rows: list[tuple], headers: list[str]):
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Rows(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else len(headers)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
                return headers[section]
            return None

    return Rows()


HOUSEHOLD_SQL = """
SELECT h.number, p.name, g.name, h.phone, h.categories, '', s.last_visit, s.open_matters
FROM household h
LEFT JOIN person p ON p.household_id = h.id AND p.relation = 'head' AND p.deleted = 0
LEFT JOIN villager_group g ON g.id = h.group_id
LEFT JOIN household_summary s ON s.household_id = h.id
WHERE h.deleted = 0 ORDER BY h.number
"""


def _scroll_to_end(gui: _Gui, table, model) -> list[float]:
    """Page down until the last row is on screen; each step's time to a painted frame."""
    from PySide6.QtCore import QModelIndex

    bar = table.verticalScrollBar()
    frames = []
    for _ in range(100_000):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        gui.app.processEvents()
        table.viewport().repaint()
        frames.append(time.perf_counter() - started)
        if bar.value() >= bar.maximum() and not model.canFetchMore(QModelIndex()):
            break
    return frames


def _household_list(gui: _Gui, sqlite_path: Path) -> list[dict]:
    import sqlite3

    from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTableView, QWidget

    w = gui.window
    page = w.households_page
    w.go_to_page(w.PAGE_DASHBOARD)
    gui.idle()
    started = time.perf_counter()
    w.go_to_page(w.PAGE_HOUSEHOLDS)
    gui.settle(lambda: page.table.isVisible() and page.model.rowCount() > 0)
    page.table.viewport().repaint()
    first_rows = time.perf_counter() - started
    gui.idle()
    total = page.model.total
    frames = _scroll_to_end(gui, page.table, page.model)

    # baseline: the same columns read with sqlite3 into a bare table
    bare = QMainWindow()
    stack = QStackedWidget()
    stack.addWidget(QWidget())
    table = QTableView()
    stack.addWidget(table)
    bare.setCentralWidget(stack)
    bare.resize(w.size())
    bare.show()
    gui.settle()
    con = sqlite3.connect(sqlite_path)
    headers = ["户号", "户主", "组", "电话", "类别", "干部", "最近走访", "未办结"]
    started = time.perf_counter()
    first = con.execute(HOUSEHOLD_SQL + " LIMIT 200").fetchall()
    table.setModel(_bare_table(first, headers))
    stack.setCurrentIndex(1)
    gui.app.processEvents()
    table.viewport().repaint()
    base_first = time.perf_counter() - started
    everything = _bare_table(con.execute(HOUSEHOLD_SQL).fetchall(), headers)
    table.setModel(everything)
    gui.settle()
    base_frames = _scroll_to_end(gui, table, everything)
    con.close()
    bare.close()
    return [
        result(
            "户情列表首屏 household list: first rows",
            first_rows,
            base_first,
            "≤ 150 ms",
            detail=f"{total:,} 户 households",
        ),
        result(
            "户情列表滚动到底 scrolling to the end: longest frame",
            max(frames),
            max(base_frames),
            "≤ 50 ms",
            detail=f"{len(frames)} frames, median {statistics.median(frames) * 1000:.1f} ms",
        ),
    ]


def _search_words(sqlite_path: Path, count: int) -> list[str]:
    import random
    import sqlite3

    con = sqlite3.connect(sqlite_path)
    names = [r[0] for r in con.execute("SELECT name FROM person WHERE deleted = 0")]
    phones = [r[0] for r in con.execute("SELECT phone FROM person WHERE phone != '' LIMIT 500")]
    con.close()
    rng = random.Random(13)
    words = rng.sample(names, min(count, len(names)))
    words += [p[-4:] for p in rng.sample(phones, min(count // 4, len(phones)))]
    try:  # pinyin initials, as cadres type them
        from pypinyin import Style, lazy_pinyin

        words += ["".join(lazy_pinyin(n, style=Style.FIRST_LETTER)) for n in words[: count // 4]]
    except ImportError:
        pass
    return words


def _quick_search(gui: _Gui, sqlite_path: Path, quick: bool) -> list[dict]:
    import sqlite3

    from PySide6.QtCore import QStringListModel
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

    words = _search_words(sqlite_path, 12 if quick else 40)

    def type_text(widget, text: str) -> None:
        # as an input method commits a character (QTest types only Latin-1)
        event = QInputMethodEvent()
        event.setCommitString(text)
        gui.app.sendEvent(widget, event)

    edit = gui.window.search_edit
    popup = edit.popup
    edit.setFocus()

    def shown() -> bool:
        current = getattr(edit, "shown_text", None)
        return gui.ctx.executor.pending == 0 and (current is None or current == edit.text())

    samples = []
    for word in words:
        edit.clear()
        edit.textEdited.emit("")
        gui.idle()
        for ch in word:
            started = time.perf_counter()
            type_text(edit, ch)
            gui.settle(shown)
            popup.viewport().repaint()
            samples.append(time.perf_counter() - started)
    edit.clear()
    edit.textEdited.emit("")
    gui.idle()

    # baseline: a bare line edit running LIKE on the names
    con = sqlite3.connect(sqlite_path)
    box = QWidget()
    line = QLineEdit()
    results = QStringListModel()
    view = QListView()
    view.setModel(results)
    lay = QVBoxLayout(box)
    lay.addWidget(line)
    lay.addWidget(view)
    box.resize(400, 400)
    box.show()

    def search(text: str) -> None:
        found = con.execute(
            "SELECT name FROM person WHERE deleted = 0 AND name LIKE ? LIMIT 20", (f"%{text}%",)
        ).fetchall()
        results.setStringList([r[0] for r in found])

    line.textEdited.connect(search)
    gui.settle()
    line.setFocus()
    base = []
    for word in words:
        line.clear()
        gui.settle()
        for ch in word:
            started = time.perf_counter()
            type_text(line, ch)
            gui.app.processEvents()
            view.viewport().repaint()
            base.append(time.perf_counter() - started)
    box.close()
    con.close()
    return [
        result(
            "快速查找每次按键 quick search: keystroke to results (p95)",
            p95(samples),
            p95(base),
            "p95 ≤ 50 ms",
            detail=f"{len(samples)} keystrokes, {len(words)} words",
        )
    ]


def _page_switching(gui: _Gui, quick: bool) -> list[dict]:
    import random

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTableView

    w = gui.window
    pages = [w.PAGE_DASHBOARD, w.PAGE_HOUSEHOLDS, w.PAGE_DIARY, w.PAGE_LEDGER, w.PAGE_STATS]
    pages += [w.PAGE_EXCHANGE, w.PAGE_SETTINGS]
    rng = random.Random(5)
    order, current = [], w.nav.currentRow()
    for _ in range(20 if quick else 60):
        current = rng.choice([p for p in pages if p != current])
        order.append(current)
    shown, filled = [], []
    for row in order:
        started = time.perf_counter()
        w.go_to_page(row)
        gui.app.processEvents()
        w.repaint()
        shown.append(time.perf_counter() - started)
        gui.idle()
        filled.append(time.perf_counter() - started)

    bare = QMainWindow()
    stack = QStackedWidget()
    for _ in pages:
        model = QStandardItemModel(200, 8)
        for r in range(200):
            for c in range(8):
                model.setItem(r, c, QStandardItem(f"{r}-{c}"))
        table = QTableView()
        table.setModel(model)
        stack.addWidget(table)
    bare.setCentralWidget(stack)
    bare.resize(w.size())
    bare.show()
    gui.settle()
    base = []
    for row in order:
        started = time.perf_counter()
        stack.setCurrentIndex(row)
        gui.app.processEvents()
        bare.repaint()
        base.append(time.perf_counter() - started)
    bare.close()
    return [
        result(
            "切换页面 switching pages (p95)",
            p95(shown),
            p95(base),
            "p95 ≤ 100 ms",
            detail=(
                f"{len(order)} switches; until filled in: p95 {p95(filled) * 1000:.0f} ms, "
                f"longest {max(filled) * 1000:.0f} ms"
            ),
        )
    ]


class _Heartbeat:
    """A 10 ms timer measuring its own lateness on the GUI thread."""

    INTERVAL = 0.010

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(self.INTERVAL * 1000))
        self.timer.timeout.connect(self._beat)
        self.last: float | None = None
        self.worst = 0.0
        self.beats = 0

    def _beat(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.worst = max(self.worst, now - self.last - self.INTERVAL)
        self.last = now
        self.beats += 1

    def __enter__(self) -> _Heartbeat:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()


def _finished(op) -> bool:
    return op is not None and op.finished


def _exchange_file(gui: _Gui, work: Path, quick: bool) -> Path:
    """A package from a copy of this database made on another laptop
    (new households and phone edits), addressed to this copy."""
    import random
    import shutil
    import sqlite3

    from bench_sync import _make_changes

    from village_desk.core.exchange import package
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.models import Change, ExchangePeer
    from village_desk.core.storage.replica import IdentityStore

    source = gui.db.sqlite_path
    fork_path = work / "fork.sqlite3"
    fork_path.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(fork_path)
    src.backup(dst)  # a consistent copy of the open database
    src.close()
    dst.close()
    fork = Database.open(f"sqlite:///{fork_path}", identities=IdentityStore(work / "fork-config"))
    assert fork.identity.replica_id != gui.db.identity.replica_id, source
    with fork.reading() as s:
        start = s.query(Change.seq).order_by(Change.seq.desc()).limit(1).scalar() or 0
    copy_id = gui.db.identity.replica_id
    with fork.transaction(None) as s:
        # both are copies of the township office's database
        s.add(
            ExchangePeer(
                copy_id=copy_id, code="TWN", label="乡镇", devices="", acked_seq=start,
                kind="township",
            )
        )  # fmt: skip
    new, edits = (100, 200) if quick else (2_000, 4_000)
    _make_changes(fork, new, edits, random.Random(7))
    out = work / "exchange"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    sent = package.export_package(fork, out, secret=SECRET, peer=str(copy_id))
    fork.close()
    return sent.path


def _roster_file(work: Path, quick: bool) -> Path:
    """A roster of another village's people (a second, smaller demo database)."""
    from bench_excel import _roster

    from village_desk import demo
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.replica import IdentityStore

    path = work / "other.sqlite3"
    path.unlink(missing_ok=True)
    other = Database.open(f"sqlite:///{path}", identities=IdentityStore(work / "other-config"))
    demo.generate(other, households=100 if quick else 1_000, seed=9)
    roster = work / "花名册.xlsx"
    _roster(other, roster)
    other.close()
    return roster


def _stalls(gui: _Gui, work: Path, quick: bool) -> list[dict]:
    import threading

    from village_desk.ui.pages.exchange.roster_import import RosterImportDialog
    from village_desk.ui.printing.dialogs import print_cards

    w = gui.window
    roster = _roster_file(work, quick)
    package_path = _exchange_file(gui, work, quick)
    rows = []

    # baseline: a Python thread spinning for a second
    def spin() -> None:
        end = time.perf_counter() + 1.0
        n = 0
        while time.perf_counter() < end:
            n += 1

    with _Heartbeat() as beat:
        thread = threading.Thread(target=spin)
        thread.start()
        gui.wait(lambda: not thread.is_alive())
    floor = beat.worst

    def measure(name: str, start, done, detail: str = "") -> None:
        with _Heartbeat() as beat:
            started = time.perf_counter()
            try:
                start()
                gui.wait(done)
            except (RuntimeError, TimeoutError) as err:  # reported in the table
                gui.refused.clear()
                detail = f"did not finish: {err}"
            seconds = time.perf_counter() - started
        rows.append(
            result(
                f"后台任务时界面最长卡顿 longest GUI stall: {name}",
                beat.worst,
                floor,
                "≤ 100 ms",
                detail=f"job {seconds:.1f} s, {beat.beats} beats"
                + (f"; {detail}" if detail else ""),
            )
        )

    # 民情台账 export (数据交换 page), the whole year
    w.go_to_page(w.PAGE_EXCHANGE)
    gui.idle()
    panel = w.exchange_page.export_panel
    chooser = panel.period_chooser
    chooser.kind_combo.setCurrentIndex(chooser.YEAR)
    jobs: dict = {}
    measure(
        "民情台账导出 ledger export",
        lambda: jobs.update(export=panel.export_to(work / "台账.xlsx", chooser.period())),
        lambda: _finished(jobs.get("export")),
    )

    # roster import: read, check, import
    dialog = RosterImportDialog(gui.ctx, w)
    dialog.show()
    if dialog.township:  # a township office imports a roster into one of its villages
        dialog.village_combo.setCurrentIndex(1)
    gui.settle()

    def roster_steps() -> None:
        jobs["roster"] = dialog.open_file(roster)

    def roster_done() -> bool:
        op = jobs.get("roster")
        if not _finished(op):
            return False
        if op.error is not None:
            raise RuntimeError(f"roster import: {op.error}")
        if dialog.plan is None:
            jobs["roster"] = dialog.dry_run()
            if jobs["roster"] is None:
                raise RuntimeError(f"roster import: {dialog.error.text()}")
            return False
        if not dialog.applied:
            jobs["roster"] = dialog.apply()
            return False
        return True

    measure("花名册导入 roster import", roster_steps, roster_done)
    if dialog.plan is not None:
        counts = dialog.plan.counts()
        rows[-1]["detail"] += "; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    dialog.close()
    gui.idle()

    # contact cards of the largest group, through to the preview
    w.go_to_page(w.PAGE_HOUSEHOLDS)
    gui.idle()
    import sqlite3

    con = sqlite3.connect(gui.db.sqlite_path)
    group, size = con.execute(
        "SELECT g.name, count(*) FROM household h JOIN villager_group g ON g.id = h.group_id "
        "WHERE h.deleted = 0 GROUP BY g.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    con.close()
    preview: dict = {}

    def cards_start() -> None:
        run = print_cards(w.households_page, gui.ctx, group=group)
        run.opened.connect(lambda dialog: preview.update(dialog=dialog, at=time.perf_counter()))
        run.failed.connect(lambda err: preview.update(error=err))

    def cards_done() -> bool:
        if "error" in preview:
            raise RuntimeError(f"card printing: {preview['error']}")
        # the preview is open and has had a second to draw its pages
        return "at" in preview and time.perf_counter() - preview["at"] > 1.0

    measure(
        "打印联系卡 card printing", cards_start, cards_done, detail=f"{size} cards, with preview"
    )
    if "dialog" in preview:
        preview["dialog"].close()
    gui.idle()

    # exchange file import (数据交换 page)
    w.go_to_page(w.PAGE_EXCHANGE)
    gui.idle()
    files = w.exchange_page.files_panel
    measure(
        "导入交换文件 exchange import",
        lambda: jobs.update(package=files.import_checked(package_path, SECRET)),
        lambda: _finished(jobs.get("package")),
    )
    gui.idle()
    return rows


def _visit_every_page(gui: _Gui) -> dict:
    w = gui.window
    for row in range(w.nav.count()):
        w.go_to_page(row)
        gui.idle()
    w.go_to_page(w.PAGE_DASHBOARD)
    gui.idle()
    return {
        "name": "访问每个页面后的常驻内存 resident memory after every page",
        "seconds": None,
        "baseline_seconds": None,
        "ratio": None,
        "target": "≤ 400 MB",
        "memory": _rss(),
    }


def worker(data: Path, work: Path, quick: bool) -> None:
    """The in-process measurements; rows to WORK/worker.json."""
    gui = _Gui(data)
    sqlite_path = gui.db.sqlite_path
    rows = _household_list(gui, sqlite_path)
    memory = _visit_every_page(gui)
    rows += _quick_search(gui, sqlite_path, quick)
    rows += _page_switching(gui, quick)
    rows.append(memory)
    rows += _stalls(gui, work, quick)
    (work / "worker.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    gui.window.close()
    gui.ctx.close()
    gui.db.close()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]), "--quick" in sys.argv)
        sys.exit(0)
    import run as runner

    sys.exit(runner.main(["--only", "gui", *sys.argv[1:]]))
