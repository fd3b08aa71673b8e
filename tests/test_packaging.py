"""What a user gets from ``pip install village_desk-….whl``: the translations,
icons and migrations travel in the wheel and are found there once installed,
not in this checkout.

The wheel is built the way ``python -m build`` does (source distribution
first, then the wheel from it), without network: the build uses this
environment's setuptools (no build isolation) and is installed with
``--no-index --no-deps`` into a fresh virtual environment. That environment
borrows this one's dependencies (PySide6, SQLAlchemy…) through a path file,
but not this checkout: the program runs from the installed copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
# What a build reads; a file the build needs but not listed here fails the test.
SOURCES = ["pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "CHANGELOG.md"]
SOURCE_DIRS = ["village_desk", "resources"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
APP_NAME_ZH = "村务民情台账"  # the program's Chinese name (README)


def run(args, cwd, env=None, check=True):
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )
    if check:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def pep517(hook: str, source: Path, out: Path) -> tuple[Path, str]:
    """Call a setuptools build hook (as pip or ``build`` would) in ``source``."""
    code = f"import sys\nfrom setuptools import build_meta\nprint(build_meta.{hook}(sys.argv[1]))"
    done = run([sys.executable, "-c", code, out], cwd=source)
    return out / done.stdout.strip().splitlines()[-1], done.stderr


@pytest.fixture(scope="module")
def built():
    # a folder of its own: the module's tests share it for a while
    with tempfile.TemporaryDirectory(prefix="village-desk-packaging-") as tmp:
        yield build_and_install(Path(tmp))


def build_and_install(work: Path) -> dict:
    source = work / "source"
    for name in SOURCES:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, source / name, ignore=IGNORE)

    sdist, sdist_log = pep517("build_sdist", source, work / "sdist")
    with tarfile.open(sdist) as tar:
        tar.extractall(work / "unpacked", filter="data")
    (unpacked,) = (work / "unpacked").iterdir()
    wheel, wheel_log = pep517("build_wheel", unpacked, work / "wheel")

    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=work)
    python = venv / "bin" / "python"
    run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
        + ["--no-index", "--no-deps", "--no-compile", wheel],
        cwd=work,
    )
    # The dependencies come from this environment; its own .pth files (the
    # editable install of this checkout) are not read from a path listed here.
    site = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], work
        ).stdout.strip()
    )
    (site / "_village_desk_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")

    home = work / "home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "VILLAGE_DESK_LOG_DIR": str(work / "logs"),
        "VILLAGE_DESK_CONFIG_DIR": str(work / "config"),
        "LANG": "C.UTF-8",
    }
    return {
        "work": work,
        "venv": venv,
        "python": python,
        "wheel": wheel,
        "env": env,
        "log": sdist_log + wheel_log,
    }


def test_building_prints_no_deprecation_warnings(built):
    assert "Deprecat" not in built["log"], built["log"]


def test_installed_program_reports_the_wheels_version(built):
    version = built["wheel"].name.split("-")[1]  # village_desk-0.1.0-py3-none-any.whl
    done = run([built["venv"] / "bin" / "village-desk", "--version"], built["work"], built["env"])
    assert done.stdout.strip() == f"village-desk {version}"


def test_installed_package_finds_translation_migrations_and_icons(built):
    code = """
import json, village_desk
from PySide6.QtCore import QCoreApplication, QTranslator
from village_desk.core.resources import resource_path
from village_desk.core.storage.migrate import MIGRATIONS_DIR
from village_desk.ui import i18n
app = QCoreApplication([])
translator = QTranslator()
loaded = translator.load(str(i18n.qm_path("zh_CN")))
app.installTranslator(translator)
print(json.dumps({
    "package": village_desk.__file__,
    "qm": str(i18n.qm_path("zh_CN")),
    "name": QCoreApplication.translate("App", "Village Desk") if loaded else None,
    "migrations": str(MIGRATIONS_DIR),
    "env": (MIGRATIONS_DIR / "env.py").is_file(),
    "versions": sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py")),
    "icon": str(resource_path("icons", "village-desk.png")),
    "icon_found": resource_path("icons", "village-desk.png").is_file(),
}))
"""
    done = run([built["python"], "-c", code], built["work"], built["env"])
    found = json.loads(done.stdout)
    venv = str(built["venv"])
    for key in ("package", "qm", "migrations", "icon"):
        assert found[key].startswith(venv), f"{key} not from the installed wheel: {found[key]}"
    assert found["name"] == APP_NAME_ZH
    assert found["env"]
    source_versions = ROOT / "village_desk" / "core" / "storage" / "migrations" / "versions"
    assert found["versions"] == sorted(p.name for p in source_versions.glob("*.py"))
    assert found["icon_found"]


def test_installed_self_test_passes(built):
    done = run(
        [built["venv"] / "bin" / "village-desk", "--self-test"],
        built["work"],
        built["env"],
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "全部通过" in done.stdout
    assert "界面为简体中文" in done.stdout
