"""关于 (About): the program's name and version, where its data and logs are.

The version is ``village_desk.__version__``, the one version source that
``--version``, the wheel, the bundle and the Windows installer also use.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from village_desk import __version__
from village_desk.core import logs
from village_desk.ui.context import AppContext


class AboutBox(QMessageBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About Village Desk"))
        icon = QApplication.windowIcon()
        if not icon.isNull():
            self.setIconPixmap(icon.pixmap(64, 64))
        self.setText(
            "<b>{name}</b><br>{version}".format(
                name=self.tr("Village Desk"),
                version=self.tr("Version {version}").format(version=__version__),
            )
        )
        path = ctx.db.sqlite_path
        lines = [
            self.tr(
                "Offline desktop software for village cadres: contact cards, "
                "visit diaries and the matter ledger."
            ),
            self.tr("Data: {location}").format(
                location=str(path) if path is not None else ctx.db.url
            ),
        ]
        setup = logs.current()
        if setup is not None and setup.folder is not None:
            lines.append(self.tr("Log folder: {path}").format(path=setup.folder))
        lines.insert(1, "")
        self.setInformativeText("\n".join(lines))
        # wide enough for a data path on one line (QMessageBox sizes itself to its labels)
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 440px; }")
        self.setDetailedText(
            f"village-desk {__version__}\n"
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}\n"
            f"{platform.platform()}"
        )
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
