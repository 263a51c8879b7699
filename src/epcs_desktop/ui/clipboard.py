"""Copy a code to the clipboard, and take it back again.

A code left on the clipboard can be pasted by accident into a chat window
minutes later. The guard marks the data as sensitive (KDE Klipper and other
clipboard managers honour `x-kde-passwordManagerHint: secret` and keep it out
of their history) and clears it after the configured delay — but only if the
clipboard still holds our code, so whatever the user copied since is kept.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from epcs_desktop.core import platform

log = logging.getLogger(__name__)

SENSITIVE_MIME = "x-kde-passwordManagerHint"
# Windows: Qt registers a clipboard format named like any MIME type it does not know, so these become the
# formats Windows documents for "keep out of history" (issue 11 item 14, as KeePassXC does).
# ExcludeClipboardContentFromMonitorProcessing: any data, clipboard monitors/history skip the content;
# CanIncludeInClipboardHistory and CanUploadToCloudClipboard: a DWORD 0 = no history, no cloud sync.
WIN_EXCLUDE_MONITOR = "ExcludeClipboardContentFromMonitorProcessing"
WIN_HISTORY = "CanIncludeInClipboardHistory"
WIN_CLOUD = "CanUploadToCloudClipboard"
# macOS: the nspasteboard.org convention honoured by pasteboard managers (Maccy, Alfred, Paste...) is the
# pasteboard type org.nspasteboard.ConcealedType. This is the MIME name KeePassXC maps to it with a native
# converter; without one Qt 6 publishes an unknown MIME type under its own UTI ("com.trolltech.anymime.…"),
# which managers do not read, and PySide6 has no QUtiMimeConverter. So on macOS the guard also asks the
# platform's pasteboard marker (core/macpasteboard.py: NSPasteboard addTypes:owner: + setData:forType:
# through libobjc/ctypes) to add the real type right after Qt's write, and to clearContents when it clears.
# Its message sequence is tested on Linux with a fake runtime (tests/platform/test_macpasteboard.py); the
# real-pasteboard test there is skipped off macOS and first runs on the hosted macOS runners (build.yml).
MAC_CONCEALED = "application/x-nspasteboard-concealed-type"
MAC_CONCEALED_UTI = "org.nspasteboard.ConcealedType"
_DWORD_ZERO = (0).to_bytes(4, "little")

if TYPE_CHECKING:  # the marker module loads ctypes: only when a code is first copied
    from epcs_desktop.core.macpasteboard import PasteboardMarker


def sensitive_mime(code: str) -> QMimeData:
    """The clipboard payload for a code: the text plus every "do not keep this" marker we know of.

    All are set on every platform: a format no clipboard manager reads costs nothing, and it
    keeps the markers testable on the build machine.
    """
    mime = QMimeData()
    mime.setText(code)
    mime.setData(SENSITIVE_MIME, b"secret")
    mime.setData(WIN_EXCLUDE_MONITOR, b"1")
    mime.setData(WIN_HISTORY, _DWORD_ZERO)
    mime.setData(WIN_CLOUD, _DWORD_ZERO)
    mime.setData(MAC_CONCEALED, b"1")
    return mime


def system_marker() -> PasteboardMarker:
    """This OS's pasteboard marker, but only when Qt writes the system pasteboard (the cocoa plugin).

    Why: under the offscreen plugin (the macOS test runs) Qt keeps the clipboard in-process, so marking
    or clearing the real pasteboard would touch whatever the person copied elsewhere.
    """
    if QGuiApplication.platformName() != "cocoa":
        from epcs_desktop.core.macpasteboard import NoPasteboardMarker

        return NoPasteboardMarker()
    return platform.current().pasteboard_marker()


class ClipboardGuard(QObject):
    """Owns the one code this program may have put on the clipboard."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None, *, marker: PasteboardMarker | None = None) -> None:
        super().__init__(parent)
        # The system pasteboard beyond Qt (macOS's concealed type); a no-op marker elsewhere.
        self._given_marker = marker  # None: this OS's marker, looked up at the first copy
        self._held: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.expire)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def _marker(self) -> PasteboardMarker:
        if self._given_marker is None:
            self._given_marker = system_marker()
        return self._given_marker

    def copy(self, code: str, clear_after_seconds: int) -> None:
        """Put `code` on the clipboard and schedule its removal."""
        self._clipboard().setMimeData(sensitive_mime(code), QClipboard.Mode.Clipboard)
        self._marker().conceal()  # right after Qt's write; never raises, logs a warning when it cannot
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
            self._marker().clear()
            log.info("clipboard cleared")
            self.cleared.emit()
        self._held = None

    def pending(self) -> bool:
        return self._timer.isActive()
