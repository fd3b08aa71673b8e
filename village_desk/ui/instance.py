"""One running window per data folder.

Two windows on one database are two writers the user does not know about
(and two daily backups, two operators). The first start takes a lock file
in the data folder — ``village-desk.lock``, holding its process id, locked
through the operating system so that a crash never leaves it in the way —
and listens on a local socket named after the folder. A second start finds
the lock taken, asks the first over that socket to bring its window
forward, says which process holds the folder, and ends without opening the
database.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from village_desk.core.storage.files import FileLock

log = logging.getLogger(__name__)

LOCK_NAME = "village-desk.lock"
REQUEST = b"raise\n"
ANSWER = b"ok\n"


def instance_key(url: str) -> tuple[Path, str]:
    """Where the lock lives and the local socket's name for a database URL:
    the SQLite file's folder, or for a server database the program's data
    folder with the URL in the name."""
    from village_desk.core.storage.db import sqlite_file
    from village_desk.core.storage.paths import data_dir

    path = sqlite_file(url)
    if path is not None:
        folder, what, lock = path.parent, str(path.resolve()), LOCK_NAME
    else:
        folder, what = data_dir(), url
        lock = f"village-desk-{hashlib.sha256(url.encode()).hexdigest()[:12]}.lock"
    digest = hashlib.sha256(what.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = f"village-desk-{digest}"
    if os.name == "posix":
        # A full path: Qt would otherwise put the socket in $TMPDIR, which
        # two starts of one user need not share. The user's runtime folder
        # is private; /tmp is the fallback every start finds.
        base = os.environ.get("XDG_RUNTIME_DIR") or "/tmp"
        name = os.path.join(base, f"village-desk-{os.getuid()}-{digest}")
    return folder / lock, name


class SingleInstance(QObject):
    """The lock and the socket of one data folder (see the module doc)."""

    raise_requested = Signal()

    def __init__(self, lock_path: Path, socket_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lock = FileLock(lock_path)
        self.socket_name = socket_name
        self.server: QLocalServer | None = None

    @classmethod
    def for_url(cls, url: str) -> SingleInstance:
        return cls(*instance_key(url))

    def claim(self) -> bool:
        """Take the folder for this process (False: another process has it).
        A folder that does not exist yet is this process's to create."""
        try:
            self.lock.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            taken = self.lock.lock()
        except OSError:  # a read-only folder: nobody can write there anyway
            log.warning("no instance lock in %s", self.lock.path.parent, exc_info=True)
            taken = True
        if not taken:
            return False
        QLocalServer.removeServer(self.socket_name)  # a socket left by a crash
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.socket_name):
            log.warning("cannot listen on %s: %s", self.socket_name, self.server.errorString())
        self.server.newConnection.connect(self._answer)
        return True

    def holder(self) -> int | None:
        """The process id of the start that holds the folder."""
        return self.lock.holder()

    def ask_holder_to_raise(self, timeout_ms: int = 3000) -> bool:
        """Ask the holder to bring its window forward; True when it said so."""
        socket = QLocalSocket()
        socket.connectToServer(self.socket_name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(REQUEST)
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        while ANSWER not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll())
        socket.disconnectFromServer()
        return ANSWER in answer

    def _answer(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()):
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if REQUEST.strip() not in bytes(socket.peek(64)):
            return
        socket.readAll()
        socket.write(ANSWER)
        socket.flush()
        log.info("another start asked this window to come forward")
        self.raise_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()


def bring_forward(app: QApplication, window: QWidget | None = None) -> QWidget | None:
    """Show the dialog the user must answer first, else ``window`` (or the
    first visible top-level window), restored and on top."""
    target = app.activeModalWidget() or window
    if target is None:
        target = next((w for w in app.topLevelWidgets() if w.isVisible()), None)
    if target is None:
        return None
    if target.windowState() & Qt.WindowState.WindowMinimized:
        target.setWindowState(target.windowState() & ~Qt.WindowState.WindowMinimized)
    target.show()
    target.raise_()
    target.activateWindow()
    return target


def running_message(holder: int | None, folder: Path, raised: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    who = (
        QCoreApplication.translate("App", "process {pid}").format(pid=holder)
        if holder
        else QCoreApplication.translate("App", "another process")
    )
    text = QCoreApplication.translate(
        "App", "Village Desk is already running ({who}) with the data in {folder}."
    ).format(who=who, folder=folder)
    if raised:
        return text + " " + QCoreApplication.translate("App", "Its window was brought forward.")
    return (
        text
        + " "
        + QCoreApplication.translate(
            "App",
            "It does not answer. Close it (if it hangs, end process {pid} in the task manager) "
            "and start again.",
        ).format(pid=holder or "?")
    )


__all__ = [
    "LOCK_NAME",
    "SingleInstance",
    "bring_forward",
    "instance_key",
    "running_message",
]
