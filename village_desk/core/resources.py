"""Where the files of the top-level ``resources/`` folder are at run time.

The repository keeps translations and icons in the top-level ``resources/``
folder. A build carries that folder into the package as
``village_desk/resources``: ``setup.py`` for the wheel (and so for any
``pip install``), ``packaging/village_desk.spec`` for the PyInstaller bundle.
An installed wheel and a bundle therefore find it through
:mod:`importlib.resources`; a source checkout (and an editable install, which
points into the checkout) has no ``village_desk/resources`` and uses the
top-level folder itself.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PACKAGE = "village_desk"
FOLDER = "resources"


def packaged_dir() -> Path | None:
    """``village_desk/resources`` inside the installed package or bundle, if there."""
    found = resources.files(PACKAGE) / FOLDER
    # Installed wheels and PyInstaller bundles are plain folders on disk (Qt
    # needs real file paths); a zipped package is not supported.
    if isinstance(found, Path) and found.is_dir():
        return found
    return None


def checkout_dir() -> Path:
    """The repository's top-level ``resources/`` (source checkout, editable install)."""
    return Path(__file__).resolve().parents[2] / FOLDER


def resources_dir() -> Path:
    """The resources folder of this installation (packaged first, else the checkout's)."""
    return packaged_dir() or checkout_dir()


def resource_path(*parts: str) -> Path:
    """A file in the resources folder, e.g. ``resource_path("icons", "village-desk.png")``."""
    return resources_dir().joinpath(*parts)


def font_candidates() -> list[Path]:
    """System TrueType CJK fonts worth trying, best first (printing; the
    demo's pictures of signed slips)."""
    win = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        win / "msyh.ttc",  # 微软雅黑
        win / "msyh.ttf",
        win / "simhei.ttf",  # 黑体
        win / "simsun.ttc",  # 宋体
        win / "simsun.ttf",
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora
        Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf"),
        Path("/usr/share/fonts/truetype/noto/NotoSerifSC-Regular.ttf"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("/System/Library/Fonts/STHeiti Medium.ttc"),
    ]
