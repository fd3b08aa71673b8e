"""Running the command as a user would meet trouble: as a process of its
own, in a read-only folder, on a full disk, killed.

Root ignores file modes, so a read-only folder is made real for root by
running the command as another user in a user namespace (``unshare
--map-user``); a full disk is a small tmpfs mounted in a private mount
namespace (``unshare -rm``), which needs no privileges where user
namespaces are allowed. Tests skip (saying why) where neither works.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A user's environment with logs and configuration in ``tmp_path`` and
    this checkout's code first on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VILLAGE_DESK_")}
    env.update(
        VILLAGE_DESK_LOG_DIR=str(tmp_path / "logs"),
        VILLAGE_DESK_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
        TMPDIR=str(tmp_path / "system-tmp"),
    )
    (tmp_path / "system-tmp").mkdir(exist_ok=True)
    env.update(extra)
    return env


def cli(tmp_path: Path, *args, prefix=(), timeout=120, **kwargs) -> subprocess.CompletedProcess:
    """``village-desk ARGS`` as its own process; text output."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "village_desk", *map(str, args)],
        env=kwargs.pop("env", None) or environment(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        **kwargs,
    )


@functools.cache
def _works(*command: str) -> bool:
    if not shutil.which(command[0]):
        return False
    try:
        return subprocess.run([*command, "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def as_another_user() -> list[str]:
    """A command prefix under which file modes apply (empty when not root)."""
    if os.geteuid() != 0:
        return []
    if _works("unshare", "--map-user=1000", "--map-group=1000"):
        return ["unshare", "--map-user=1000", "--map-group=1000"]
    pytest.skip("root ignores file modes and user namespaces are not available here")


def small_disk_available() -> bool:
    return sys.platform.startswith("linux") and _works("unshare", "-rm")


def on_small_disk(mount: Path, size_kb: int, script: str, env: dict) -> subprocess.CompletedProcess:
    """Run the shell ``script`` with a fresh tmpfs of ``size_kb`` mounted at
    ``mount`` (empty, seen only by this script; copy out what the test must
    look at). ``$PY`` is this Python."""
    if not small_disk_available():
        pytest.skip("no private mount namespace here for a small tmpfs")
    mount.mkdir(parents=True, exist_ok=True)
    wrapped = f'mount -t tmpfs -o size={size_kb}k tmpfs "{mount}" || exit 99\n{script}'
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", wrapped],
        env={**env, "PY": sys.executable},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
    )
