"""Autosaved drafts of diary entries: JSON files in the data folder.

A draft is written (atomically: temporary file, then rename) a moment after
every change and when the editor closes, so neither closing the window nor a
crash loses a half-written entry. A saved entry deletes its draft.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from village_desk.core.storage.db import Database


def drafts_dir(db: Database) -> Path:
    path = db.sqlite_path
    if path is not None:
        base = path.parent
    else:
        base = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
    return base / "drafts"


class DraftStore:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, draft_id: str) -> Path:
        return self.directory / f"diary-{draft_id}.json"

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def save(self, draft_id: str, data: dict) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(draft_id)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    def load(self, draft_id: str) -> dict | None:
        try:
            return json.loads(self._path(draft_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def exists(self, draft_id: str) -> bool:
        return self._path(draft_id).is_file()

    def delete(self, draft_id: str) -> None:
        self._path(draft_id).unlink(missing_ok=True)

    def list(self) -> list[tuple[str, dict]]:
        """(draft id, data), newest first; unreadable files are skipped."""
        if not self.directory.is_dir():
            return []
        out = []
        files = sorted(
            self.directory.glob("diary-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for path in files:
            draft_id = path.stem.removeprefix("diary-")
            data = self.load(draft_id)
            if data is not None:
                out.append((draft_id, data))
        return out
