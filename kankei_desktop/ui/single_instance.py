"""One window per coordinator file: a second launch hands over to the window already open.

The window that holds a file listens on a local socket (a named pipe on Windows)
whose name is made from the OS user and the file's full path; a second launch on
the same file by the same user connects, asks it to come forward and exits 0
instead of telling the coordinator that they themselves hold the file. Another
user or another PC (no such socket) still gets 「…さんが開いています」.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from kankei_desktop.store.audit import current_user

_REQUEST = b"come-forward\n"
_ANSWER = b"ok\n"


def server_name(db_path: Path) -> str:
    path = os.path.normcase(str(Path(db_path).resolve()))
    key = f"{current_user()}\0{path}".encode()
    return f"kankei-desktop-{hashlib.sha256(key).hexdigest()[:32]}"


def hand_over(db_path: Path, timeout_ms: int = 3000) -> bool:
    """Ask the window holding ``db_path`` to come forward; True when it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(_REQUEST)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not socket.waitForReadyRead(timeout_ms):
                return False
            answer += bytes(socket.readAll().data())
        return answer == _ANSWER
    finally:
        socket.disconnectFromServer()


class WindowServer(QObject):
    """Listens for second launches on the window's file and brings ``window`` forward."""

    handed_over = Signal()

    def __init__(self, window: QWidget, db_path: Path, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(db_path)
        # A socket file left by a crashed window (Unix) would refuse the name. Only the holder
        # of the one-writer lock gets here, so no live window can own it.
        QLocalServer.removeServer(name)
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_request(self, socket: QLocalSocket) -> None:
        if not bytes(socket.readAll().data()).startswith(_REQUEST.strip()):
            socket.disconnectFromServer()
            return
        self.bring_forward()
        socket.write(_ANSWER)
        socket.flush()
        self.handed_over.emit()

    def bring_forward(self) -> None:
        window = self.window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def close(self) -> None:
        self.server.close()
