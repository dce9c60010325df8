"""Bringing the running window forward when the app is started a second time.

The data folder's file lock (``dropship_desktop.instance``) decides who runs; this module only
carries the "come forward" request over a QLocalSocket, so a failure here never matters for
safety.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["ActivationServer", "request_activation"]

log = logging.getLogger(__name__)

_MESSAGE = b"activate\n"


class ActivationServer(QObject):
    """Listens for a second launch; emits :attr:`activated` when one asks to come forward.

    Only start it while holding the instance lock: it removes a stale socket left by a killed
    process (Unix), which would otherwise block listening.
    """

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._sockets: list[QLocalSocket] = []
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("cannot listen for second launches: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_connection)

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening and drop open connections."""
        self._server.close()
        for socket in self._sockets:
            socket.abort()
        self._sockets.clear()

    @Slot()
    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Kept here (not in closures) so its lifetime is explicit; read whatever arrives.
            self._sockets.append(socket)
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)
            self._read_from(socket)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: QLocalSocket) -> None:
        if not socket.bytesAvailable():
            return
        data = bytes(socket.readAll().data())
        if _MESSAGE.strip() in data:
            log.info("a second launch asked this window to come forward")
            self.activated.emit()

    @Slot()
    def _drop(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket in self._sockets:
            self._read_from(socket)
            self._sockets.remove(socket)
            socket.deleteLater()


def request_activation(name: str, timeout_ms: int = 1500) -> bool:
    """Ask the running instance to bring its window forward; return whether it was reached."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_MESSAGE)
    socket.flush()
    ok = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return ok
