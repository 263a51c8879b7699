"""Lock the profile when the desktop session locks, switches user or the computer goes to sleep.

Why: a clinician who locks the workstation (Win+L, Super+L) and walks away
expects everything behind that lock to be safe, but a screen locker only
hides windows; the decrypted vault would still be open in memory when the
next person unlocks the session with their own account (fast user switching)
or wakes the laptop. So every platform signal that means "the person is
leaving" asks the controller to lock, which closes the vault.

Sources, each optional (the idle auto-lock always works as a fallback):

- Linux: QtDBus. Session bus `org.freedesktop.ScreenSaver` / `org.gnome.ScreenSaver`
  `ActiveChanged(true)`; system bus logind: this session's `Lock` signal and the
  manager's `PrepareForSleep(true)`.
- Windows: `WTSRegisterSessionNotification` on a top-level window plus a native
  event filter for `WM_WTSSESSION_CHANGE` (lock, console/remote disconnect) and
  `WM_POWERBROADCAST`/`PBT_APMSUSPEND`.
- macOS: CoreGraphics' screen-lock state, polled every `MAC_POLL_MS` through ctypes
  (core/macsession.py, no pyobjc); a poll that comes much later than due means the
  Mac slept, which locks too (the idle auto-lock's clock also counts sleep).
- Everywhere: Qt's application state going to `ApplicationSuspended`.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# WTSRegisterSessionNotification's flag (wtsapi32.h). The message numbers and which WTS events mean
# "lock" are core/platform.py's (WM_WTSSESSION_CHANGE, WTS_LOCKING, ...), the one copy of these facts.
NOTIFY_FOR_THIS_SESSION = 0
#: macOS: how often the screen-lock state is read, and how late a poll must be to mean "the Mac slept".
MAC_POLL_MS = 2000
MAC_SLEEP_GAP_S = 30.0

SCREENSAVER_INTERFACES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIN1_SERVICE = "org.freedesktop.login1"
LOGIN1_SESSION_PREFIX = "/org/freedesktop/login1/session/"


def idle_clock() -> float:
    """Seconds on a clock that keeps running while the computer sleeps.

    `time.monotonic()` stops during suspend on Linux and macOS, so a laptop
    closed for an hour would wake up "idle for 0 s" and stay unlocked. Linux
    has CLOCK_BOOTTIME; on macOS clock_gettime(CLOCK_MONOTONIC) counts sleep;
    Windows' monotonic clock already does.
    """
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin" and hasattr(time, "CLOCK_MONOTONIC"):
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


def login1_session_path(session_id: str) -> str:
    """logind's object path for a session id (sd_bus_path_encode: `2` -> `_32`)."""
    if not session_id:
        return LOGIN1_SESSION_PREFIX + "_"
    out = []
    for i, ch in enumerate(session_id):
        plain = ch.isascii() and ch.isalnum() and not (i == 0 and ch.isdigit())
        out.append(ch if plain else "".join(f"_{b:02x}" for b in ch.encode()))
    return LOGIN1_SESSION_PREFIX + "".join(out)


def _session_bus_reachable() -> bool:
    """Only talk to a bus that exists: libdbus would otherwise try to autolaunch one."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return False
    return Path(runtime, "bus").exists()


def _system_bus_reachable() -> bool:
    return bool(os.environ.get("DBUS_SYSTEM_BUS_ADDRESS")) or Path("/run/dbus/system_bus_socket").exists()


class _WindowsFilter(QAbstractNativeEventFilter):
    """Reads each native MSG and hands session/power messages to the watch."""

    def __init__(self, watch: SessionWatch) -> None:
        super().__init__()
        self.watch = watch

    def nativeEventFilter(self, eventType: Any, message: int) -> object:  # noqa: N803 (Qt's name)
        if bytes(eventType) == b"windows_generic_MSG" and message:
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            self.watch.handle_windows_message(int(msg.message), int(msg.wParam or 0))
        return False, 0


class SessionWatch(QObject):
    """Emits `lock_requested(reason)` whenever the platform says the person left the session."""

    lock_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._buses: list[Any] = []
        self._win_filter: _WindowsFilter | None = None
        self._win_hwnd: int | None = None
        self._wtsapi32: Any = None
        self._mac_probe: Any = None
        self._mac_timer: QTimer | None = None
        self._mac_locked = False
        self._mac_last = 0.0
        self._state_connected = False
        self._win_platform: Any = None  # core.platform.WindowsPlatform, made at the first native message

    # -- start / stop --------------------------------------------------------------------
    def start(
        self, window: QWidget | None = None, *, session_bus: Any = None, system_bus: Any = None
    ) -> list[str]:
        """Subscribe to every source this platform offers; returns their names (for logs and tests).

        `window` is needed on Windows (session notifications go to a window
        handle). `session_bus`/`system_bus` let a test use its own dbus-daemon;
        may be called again to add buses.
        """
        app = QApplication.instance()
        if isinstance(app, QGuiApplication) and not self._state_connected:  # (not in a QCoreApplication)
            app.applicationStateChanged.connect(self.on_application_state)
            self._state_connected = True
            self._add_source("application suspended")
        if sys.platform.startswith("linux") or session_bus is not None or system_bus is not None:
            self._start_dbus(session_bus, system_bus)
        elif sys.platform == "win32" and window is not None:
            self._start_windows(window)
        elif sys.platform == "darwin":
            self._start_macos()
        log.info("session lock sources: %s", ", ".join(self.sources) or "none")
        return list(self.sources)

    def stop(self) -> None:
        """Unsubscribe (called on quit; the Windows registration must be undone before the window dies)."""
        app = QApplication.instance()
        if isinstance(app, QGuiApplication) and self._state_connected:
            try:
                app.applicationStateChanged.disconnect(self.on_application_state)
            except (RuntimeError, TypeError):
                log.debug("application state already disconnected")
            self._state_connected = False
        for bus, (service, path, interface, name, slot) in self._buses:
            bus.disconnect(service, path, interface, name, self, slot)
        self._buses.clear()
        if self._win_filter is not None and app is not None:
            app.removeNativeEventFilter(self._win_filter)
            self._win_filter = None
        if self._win_hwnd is not None and self._wtsapi32 is not None:
            from ctypes import wintypes

            unregister = self._wtsapi32.WTSUnRegisterSessionNotification
            unregister.argtypes, unregister.restype = [wintypes.HWND], wintypes.BOOL
            try:
                unregister(wintypes.HWND(self._win_hwnd))
            except OSError:
                log.debug("could not unregister session notifications")
            self._win_hwnd = None
        self._stop_macos()
        self.sources.clear()

    def _add_source(self, name: str) -> None:
        if name not in self.sources:
            self.sources.append(name)

    def _request(self, reason: str) -> None:
        log.info("lock requested: %s", reason)
        self.lock_requested.emit(reason)

    # -- everywhere ----------------------------------------------------------------------
    @Slot(Qt.ApplicationState)
    def on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request("application suspended")

    # -- Linux: D-Bus --------------------------------------------------------------------
    def _subscribe(self, bus: Any, path: str, interface: str, name: str, slot: str, label: str) -> None:
        signature = SLOT(slot)
        if bus.connect("", path, interface, name, self, signature):
            self._buses.append((bus, ("", path, interface, name, signature)))
            self._add_source(label)
        else:
            log.debug("could not subscribe to %s.%s", interface, name)

    def _start_dbus(self, session_bus: Any, system_bus: Any) -> None:
        from PySide6.QtDBus import QDBusConnection

        if session_bus is None and _session_bus_reachable():
            session_bus = QDBusConnection.sessionBus()
        if session_bus is not None and session_bus.isConnected():
            for interface in SCREENSAVER_INTERFACES:
                # any path: KDE uses /ScreenSaver and /org/freedesktop/ScreenSaver,
                # GNOME /org/gnome/ScreenSaver
                self._subscribe(
                    session_bus, "", interface, "ActiveChanged", "on_screensaver(bool)", f"{interface} lock"
                )
        if system_bus is None and _system_bus_reachable():
            system_bus = QDBusConnection.systemBus()
        if system_bus is not None and system_bus.isConnected():
            session_id = os.environ.get("XDG_SESSION_ID", "")
            if session_id:  # only this session's Lock, never another user's
                path = login1_session_path(session_id)
                self._subscribe(
                    system_bus, path, "org.freedesktop.login1.Session", "Lock", "on_login1_lock()",
                    "logind session lock",
                )  # fmt: skip
            self._subscribe(
                system_bus, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
                "on_prepare_for_sleep(bool)", "logind sleep",
            )  # fmt: skip

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self._request("screen locked")

    @Slot()
    def on_login1_lock(self) -> None:
        self._request("session locked")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self._request("going to sleep")

    # -- Windows ------------------------------------------------------------------------
    def handle_windows_message(self, message: int, wparam: int) -> bool:
        """Act on one native message; True when it asked for a lock (pure, so it is testable anywhere)."""
        # The decoding is core/platform.py's (tested there with Windows' facts on every OS). Made once:
        # every native message of the process (mouse moves, paints) passes through here.
        if self._win_platform is None:
            from epcs_desktop.core.platform import WindowsPlatform

            self._win_platform = WindowsPlatform(env={}, home=Path())
        reason = self._win_platform.lock_reason_for_message(message, wparam)
        if reason is not None:
            self._request(reason)
            return True
        return False

    def _start_windows(self, window: QWidget, wtsapi32: Any = None) -> None:
        """Register `window` for this session's WTS notifications and filter the native messages.

        Power broadcasts reach every top-level window without registration;
        session changes only reach a window registered with
        WTSRegisterSessionNotification (undone in stop()). `wtsapi32`: tests pass a
        recording fake (tests/platform/test_session_platforms.py); no AttributeError is
        swallowed, so a misspelt entry point fails there.
        """
        import ctypes
        from ctypes import wintypes

        app = QApplication.instance()
        if app is None:
            return
        self._win_filter = _WindowsFilter(self)
        app.installNativeEventFilter(self._win_filter)
        self._add_source("windows sleep")
        try:
            if wtsapi32 is None:
                wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            log.info("session notifications are not available")
            return
        register = wtsapi32.WTSRegisterSessionNotification
        register.argtypes = [wintypes.HWND, wintypes.DWORD]
        register.restype = wintypes.BOOL
        hwnd = int(window.winId())
        if register(wintypes.HWND(hwnd), NOTIFY_FOR_THIS_SESSION):
            self._wtsapi32, self._win_hwnd = wtsapi32, hwnd
            self._add_source("windows session lock")
        else:
            error = ctypes.get_last_error() if hasattr(ctypes, "get_last_error") else 0
            log.info("WTSRegisterSessionNotification failed (error %d)", error)

    # -- macOS --------------------------------------------------------------------------
    def _start_macos(self, probe: Any = None) -> None:
        """Poll the screen-lock state (core/macsession.py); `probe` is a test's substitute."""
        if probe is None:
            try:
                from epcs_desktop.core.macsession import load_screen_lock_probe

                probe = load_screen_lock_probe()
            except OSError as exc:
                log.info("macOS screen-lock state unavailable (%s): the idle auto-lock remains", exc)
                return
        self._mac_probe = probe
        self._mac_locked = False
        self._mac_last = idle_clock()
        self._mac_timer = QTimer(self)
        self._mac_timer.setInterval(MAC_POLL_MS)
        self._mac_timer.timeout.connect(self.poll_macos)
        self._mac_timer.start()
        self._add_source("macOS screen locked")
        self._add_source("macOS sleep")

    def poll_macos(self) -> None:
        """One poll: lock when the screen became locked, or when this poll is late enough to mean sleep."""
        now = idle_clock()
        slept = now - self._mac_last > MAC_SLEEP_GAP_S
        self._mac_last = now
        try:
            locked = bool(self._mac_probe.screen_is_locked())
        except OSError as exc:
            log.debug("screen-lock state unreadable: %s", exc)
            locked = False
        if slept:
            self._request("going to sleep")
        elif locked and not self._mac_locked:
            self._request("screen locked")
        self._mac_locked = locked

    def _stop_macos(self) -> None:
        if self._mac_timer is not None:
            self._mac_timer.stop()
            self._mac_timer.deleteLater()
            self._mac_timer = None
        self._mac_probe = None
