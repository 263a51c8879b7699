"""One running program per user and data folder; a second launch brings the first one forward.

Why: two copies on the same data folder would each hold a decrypted vault,
lock independently (one could stay unlocked after the other locked) and
race on the same SQLCipher file. A clinician double-clicking the icon wants
the window they already have.

How: a QLocalServer (a Unix socket in a private folder / a Windows named
pipe) whose name is derived from the user name and the data folder, so the
demo and tests, which use their own folders, never meet the real program.
A second launch connects, sends one line, waits for the answer and exits.
A socket file left behind by a crash refuses connections; the new launch then
takes the name over (Qt 6 replaces the file in listen(); removeServer() is the
fallback), which is only safe because nobody answered first. A QLockFile serialises "is anyone there?" and
"listen" so two launches at the same instant cannot both become the server.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"EPCS-DESKTOP ACTIVATE 1\n"
ACK = b"OK\n"
CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 3000


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): the uid still separates users
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """A per-user, per-data-folder name; a hash, so no path or user name appears in /tmp or the pipe list."""
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    digest = hashlib.sha256(f"{_user()}\0{folder}".encode()).hexdigest()[:24]
    return f"epcs-desktop-{digest}"


class SingleInstance(QObject):
    """`claim()` once at start: False means another copy was told to come forward and we should exit."""

    activated = Signal()

    def __init__(self, data_dir: str | os.PathLike[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server: QLocalServer | None = None
        self._lock = QLockFile(QDir.temp().filePath(f"{self.name}.lock"))
        self._lock.setStaleLockTime(10_000)

    def claim(self) -> bool:
        """Become the one instance (True), or wake the running one and return False."""
        if not self._lock.tryLock(5000):
            log.warning("start-up lock busy; continuing without the single-instance check")
            return self._listen()
        try:
            if self.notify_running():
                return False
            return self._listen()
        finally:
            self._lock.unlock()

    def notify_running(self) -> bool:
        """True when a running instance answered (or at least accepted) our activation request."""
        if sys.platform == "win32":
            _allow_foreground()
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        answered = socket.waitForReadyRead(REPLY_TIMEOUT_MS) and bytes(socket.readAll().data()) == ACK
        socket.disconnectFromServer()
        # Connected but silent: it is alive (busy in a dialog), still not ours to open.
        log.info("another instance is running; %s", "it came forward" if answered else "it did not answer")
        return True

    def _listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered above, so whatever holds the name is a leftover of a crash.
            log.info("removing a stale single-instance socket")
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance server unavailable: %s", server.errorString())
                return True  # run anyway: refusing to start would be worse
        server.newConnection.connect(self._on_connection)
        self.server = server
        log.info("single-instance server listening")
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > 256:  # not one of ours
                socket.abort()
            return
        line = bytes(socket.readLine(256).data())
        if line == ACTIVATE:
            socket.write(ACK)
            socket.flush()
            log.info("brought forward by another launch")
            self.activated.emit()
        socket.disconnectFromServer()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def _allow_foreground() -> None:
    """Windows only lets the foreground process hand focus over; let the running copy take it."""
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]  # ASFW_ANY
    except (OSError, AttributeError):
        log.debug("AllowSetForegroundWindow unavailable")
