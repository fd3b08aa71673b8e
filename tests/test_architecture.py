"""The core must stay Qt-free (ENGINEERING.md habit 1)."""

import ast
import os
import pathlib
import subprocess
import sys

CORE = pathlib.Path(__file__).resolve().parents[1] / "village_desk" / "core"


def test_no_pyside6_import_in_core_source():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6")
            ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        "village_desk.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_building_the_command_line_parser_stays_light():
    """``village-desk --help`` and the GUI start must not pay for reportlab,
    openpyxl, Alembic or the ORM before they are needed."""
    code = (
        "import sys\n"
        "from village_desk.cli import build_parser\n"
        "build_parser()\n"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'alembic', 'sqlalchemy.orm', 'PySide6')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_device_code_alphabet_matches_the_database():
    from village_desk.cli.init import DEVICE_CODE_ALPHABET
    from village_desk.core.storage.db import DEVICE_CODE_ALPHABET as STORED

    assert DEVICE_CODE_ALPHABET == STORED


def test_layer_contracts_hold():
    """import-linter's contracts (pyproject.toml): layers point down only, the
    core never imports Qt, the GUI never imports the ORM models or journal."""
    lint_imports = pathlib.Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=CORE.parents[1],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def import_cycles(graph) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.find_modules_directly_imported_by(module):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_import_circles_anywhere():
    import grimp

    graph = grimp.build_graph("village_desk", cache_dir=None)
    assert import_cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        modules = {"a", "b", "c", "d"}
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, module):
            return self.edges.get(module, set())

    assert import_cycles(Graph()) == [{"a", "b", "c"}]


def test_the_main_window_imports_no_format_library():
    """The first screen must not pay for printing, Excel, pinyin, migrations
    or exchange-file crypto: each is imported when first used."""
    code = (
        "import sys\n"
        "import village_desk.ui.main_window\n"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'python_calamine', 'pypinyin',"
        " 'alembic.command', 'cryptography', 'zstandard') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    )


FIRST_SCREEN = r"""
import os, sys
from PySide6.QtWidgets import QApplication
from village_desk.core.storage.db import Database
from village_desk.ui.app import create_application
from village_desk.ui.context import AppContext
from village_desk.ui.main_window import MainWindow

app = create_application([sys.argv[0]])
db = Database.open(sys.argv[1])
ctx = AppContext(db)
window = MainWindow(ctx)
window.open_start_page(sys.argv[2])
window.show()
for _ in range(50):  # the page fills in from reader threads
    app.processEvents()
    ctx.executor.wait_idle()
app.processEvents()
assert window.stack.currentWidget() is window.page(window.nav.currentRow())
heavy = [m for m in ('reportlab', 'openpyxl', 'python_calamine', 'pypinyin',
         'alembic.command', 'cryptography', 'zstandard') if m in sys.modules]
assert not heavy, (sys.argv[2], heavy)
window.close()
ctx.close()
db.close()
"""


def test_the_first_screen_imports_no_format_library(tmp_path):
    """Starting on any page (工作台, 户情, 民情日记, 民情台账, 统计) and filling it
    in loads no printing, Excel, pinyin, migration or crypto library."""
    url = f"sqlite:///{tmp_path / 'village.sqlite3'}"
    make = (
        "import sys\n"
        "from village_desk import demo\n"
        "from village_desk.core.storage.db import Database\n"
        "db = Database.open(sys.argv[1])\n"
        "demo.generate(db, households=30)\n"
        "db.close()\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
    }
    subprocess.run([sys.executable, "-c", make, url], check=True, env=env)
    for page in ("dashboard", "households", "diary", "ledger", "stats"):
        subprocess.run([sys.executable, "-c", FIRST_SCREEN, url, page], check=True, env=env)
