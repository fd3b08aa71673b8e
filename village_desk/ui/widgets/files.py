"""Where file dialogs start: the folder last used for that kind of file, else
the user's Documents, else the home folder — never the program's working
folder (a Documents folder that does not exist made Qt fall back to it).

The dialogs themselves are Qt's static ``QFileDialog`` functions, which use
the system's own dialog where there is one; Qt's own dialog is translated by
the ``qtbase`` translation that ``ui/i18n.py`` installs.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

FOLDER_KEYS = {
    "ledger": "exchange/last_folder",  # exported ledger workbooks
    "roster": "exchange/roster_folder",  # household rosters to import
    "pdf": "files/pdf_folder",  # printouts saved as PDF
    "exchange": "exchange/package_folder",  # exchange files written and read
}


def documents_folder() -> str:
    """The user's Documents folder if it exists, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and os.path.isdir(documents):
        return documents
    return str(Path.home())


def start_folder(prefs: QSettings, kind: str) -> str:
    """The folder a file dialog for ``kind`` (a key of :data:`FOLDER_KEYS`)
    opens in: the last one used for it, if it still exists, else Documents."""
    last = str(prefs.value(FOLDER_KEYS[kind]) or "")
    if last and os.path.isdir(last):
        return last
    return documents_folder()


def remember_folder(prefs: QSettings, kind: str, path: str | os.PathLike) -> None:
    """Remember the folder of ``path`` (a file chosen for ``kind``)."""
    prefs.setValue(FOLDER_KEYS[kind], str(Path(path).parent))
