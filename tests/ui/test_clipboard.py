"""ui/clipboard.py: a copied code carries every "keep this out of history" marker, not only KDE's."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication

from epcs_desktop.ui.clipboard import (
    MAC_CONCEALED,
    SENSITIVE_MIME,
    WIN_CLOUD,
    WIN_EXCLUDE_MONITOR,
    WIN_HISTORY,
    ClipboardGuard,
    sensitive_mime,
)


def test_sensitive_mime_sets_windows_history_cloud_and_macos_concealed_formats() -> None:
    mime = sensitive_mime("123456")
    assert mime.text() == "123456"
    assert bytes(mime.data(SENSITIVE_MIME).data()) == b"secret"  # KDE Klipper
    assert WIN_EXCLUDE_MONITOR == "ExcludeClipboardContentFromMonitorProcessing"
    assert mime.hasFormat(WIN_EXCLUDE_MONITOR)
    # Windows reads these two as a DWORD: 0 = not in clipboard history, not synced to the cloud.
    assert bytes(mime.data(WIN_HISTORY).data()) == b"\0\0\0\0"
    assert bytes(mime.data(WIN_CLOUD).data()) == b"\0\0\0\0"
    assert WIN_HISTORY == "CanIncludeInClipboardHistory" and WIN_CLOUD == "CanUploadToCloudClipboard"
    assert mime.hasFormat(MAC_CONCEALED)  # org.nspasteboard.ConcealedType


def test_the_guard_puts_those_formats_on_the_clipboard(qtbot: object) -> None:
    guard = ClipboardGuard()
    guard.copy("654321", 0)
    data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
    formats = set(data.formats())
    assert {SENSITIVE_MIME, WIN_EXCLUDE_MONITOR, WIN_HISTORY, WIN_CLOUD, MAC_CONCEALED} <= formats, formats
    guard.expire()
