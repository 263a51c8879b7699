"""Closing a window keeps the program in the notification area, only when the person chose so.

The tray icon itself (copy the primary device's code, show the window, lock, quit) is made by
`AppController`; this module adds the choice in Settings ("Keep running in the notification
area when the window is closed", off by default, a preference of this computer like the
language) and the close handling it needs. Off: closing the window ends the program as before.
On (and a notification area exists): closing hides the window; the profile stays unlocked
until it is locked (tray menu, auto-lock, session lock) or the program quits from the tray.

A global keyboard shortcut is not offered: every platform needs its own native hook (X11 key
grabs, RegisterHotKey, Carbon hot keys) or an extra library, and the tray's menu plus the
single-instance "bring forward" on a second launch cover the same need.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

log = logging.getLogger(__name__)

KEEP_IN_TRAY_KEY = "display/keep_in_tray"


def keep_in_tray(settings: QSettings) -> bool:
    """The person's choice (default off)."""
    return str(settings.value(KEEP_IN_TRAY_KEY, "false")).lower() in ("true", "1")


def set_keep_in_tray(settings: QSettings, on: bool) -> None:
    settings.setValue(KEEP_IN_TRAY_KEY, "true" if on else "false")
    settings.sync()


class CloseToTray(QObject):
    """Event filter on the program's windows: a close hides the window when the choice is on.

    `tray()` returns the controller's tray icon (None where the desktop has no notification
    area: then closing always closes, or the program would run on with no way back to it).
    """

    def __init__(
        self, settings: QSettings, tray: Callable[[], QSystemTrayIcon | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tray = tray
        self.told = False

    def active(self) -> bool:
        return keep_in_tray(self.settings) and self.tray() is not None

    def watch(self, window: QWidget) -> None:
        """Hide `window` on close while the choice is on (the program's own closes unwatch first)."""
        window.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        """Last window closed must not end the program while it is meant to stay in the tray."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.active())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Close or not isinstance(watched, QWidget) or not self.active():
            return False
        event.ignore()
        watched.hide()
        log.info("window hidden to the notification area")
        tray: QSystemTrayIcon | None = self.tray()
        if tray is not None and not self.told:
            self.told = True
            tray.showMessage(
                "EPCS Desktop",
                self.tr("EPCS Desktop keeps running here. Lock or quit it from this icon's menu."),
            )
        return True
