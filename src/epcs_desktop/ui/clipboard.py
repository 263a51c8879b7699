"""Copy a code to the clipboard, and take it back again.

A code left on the clipboard can be pasted by accident into a chat window
minutes later. The guard marks the data as sensitive (KDE Klipper and other
clipboard managers honour `x-kde-passwordManagerHint: secret` and keep it out
of their history) and clears it after the configured delay — but only if the
clipboard still holds our code, so whatever the user copied since is kept.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)

SENSITIVE_MIME = "x-kde-passwordManagerHint"


class ClipboardGuard(QObject):
    """Owns the one code this program may have put on the clipboard."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.expire)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, code: str, clear_after_seconds: int) -> None:
        """Put `code` on the clipboard and schedule its removal."""
        mime = QMimeData()
        mime.setText(code)
        mime.setData(SENSITIVE_MIME, b"secret")
        self._clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._held = code
        if clear_after_seconds > 0:
            self._timer.start(clear_after_seconds * 1000)
        log.info("code copied to the clipboard")

    def holds_our_code(self) -> bool:
        return self._held is not None and self._clipboard().text(QClipboard.Mode.Clipboard) == self._held

    def expire(self) -> None:
        """Clear the clipboard now if it still holds our code (timer, lock and quit call this)."""
        self._timer.stop()
        if self.holds_our_code():
            self._clipboard().clear(QClipboard.Mode.Clipboard)
            log.info("clipboard cleared")
            self.cleared.emit()
        self._held = None

    def pending(self) -> bool:
        return self._timer.isActive()
