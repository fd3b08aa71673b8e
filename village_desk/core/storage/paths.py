"""Where data lives: the platform's user data dir, or an override.

Order of precedence: an explicit ``--data-dir``, then the environment variable
``VILLAGE_DESK_DATA_DIR``, then ``platformdirs.user_data_dir("village-desk")``
(e.g. ``~/.local/share/village-desk`` on Linux, ``%LOCALAPPDATA%\\village-desk``
on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "VILLAGE_DESK_DATA_DIR"
ENV_DB_URL = "VILLAGE_DESK_DB_URL"
DB_FILENAME = "village-desk.sqlite3"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("village-desk", appauthor=False))


def database_url(data_dir_override=None, db_url: str | None = None) -> str:
    url = db_url or os.environ.get(ENV_DB_URL)
    if url:
        return url
    return "sqlite:///" + str(data_dir(data_dir_override) / DB_FILENAME)
