"""Locking for real: a private dbus-daemon emits the desktop's lock signals, the idle timer runs, Ctrl+L.

The Linux path is tested end to end: a session bus started here, the signal
sent by `dbus-send` from another process, the real controller locking. The
Windows path cannot run here; its message handler is tested directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication

from epcs_desktop.core import platform as win
from epcs_desktop.core.errors import VaultError
from epcs_desktop.ui import session_watch as sw
from epcs_desktop.ui.session_watch import SessionWatch, idle_clock, login1_session_path

PREPARE_FOR_SLEEP = "org.freedesktop.login1.Manager.PrepareForSleep"
needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="needs the Debian package dbus (dbus-daemon, dbus-send)",
)


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A private session-type dbus-daemon for this test only."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address=1", "--nofork"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        address = daemon.stdout.readline().strip() if daemon.stdout else ""
        assert address.startswith("unix:"), "dbus-daemon did not start"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


def bus(address: str, name: str):
    from PySide6.QtDBus import QDBusConnection

    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected()
    return connection


def send_signal(address: str, path: str, member: str, *args: str) -> None:
    """Emit a D-Bus signal from another process, as the desktop would."""
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, member, *args],
        check=True,
        timeout=10,
    )


def unlocked(qtbot, controller, lee_profile):
    window = controller.open_profile(lee_profile)
    assert window is not None  # not added to qtbot: the lock deletes it, the controller fixture cleans up
    return window


def assert_fully_locked(controller, lee_profile, dialog=None) -> None:
    assert controller.main_window is None and controller.profile is None
    assert controller.start_window.isVisible()
    with pytest.raises(VaultError):
        lee_profile.devices()  # the vault is closed: its key is gone
    if dialog is not None:  # closed, or already deleted with the main window
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()


@needs_dbus
def test_screensaver_active_changed_locks(qtbot, controller, lee_profile, bus_address) -> None:
    window = unlocked(qtbot, controller, lee_profile)
    window.restore_backup()  # a window that may hold decrypted secrets
    dialog = window.dialog
    sources = controller.session_watch.start(session_bus=bus(bus_address, "screensaver-test"))
    assert "org.freedesktop.ScreenSaver lock" in sources and "org.gnome.ScreenSaver lock" in sources
    reasons: list[str] = []
    controller.session_watch.lock_requested.connect(reasons.append)

    send_signal(bus_address, "/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:false")
    send_signal(bus_address, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", "boolean:true")
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=10_000)
    assert reasons == ["screen locked"]  # the "false" (screen saver ended) did not lock
    assert_fully_locked(controller, lee_profile, dialog)


@needs_dbus
def test_logind_lock_of_this_session_only_and_sleep(
    qtbot, controller, data_dir_store, lee_profile, bus_address, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "7")
    unlocked(qtbot, controller, lee_profile)
    sources = controller.session_watch.start(system_bus=bus(bus_address, "logind-test"))
    assert "logind session lock" in sources and "logind sleep" in sources
    reasons: list[str] = []
    controller.session_watch.lock_requested.connect(reasons.append)

    send_signal(bus_address, "/org/freedesktop/login1/session/_38", "org.freedesktop.login1.Session.Lock")
    send_signal(bus_address, "/org/freedesktop/login1", PREPARE_FOR_SLEEP, "boolean:false")
    send_signal(bus_address, "/org/freedesktop/login1/session/_37", "org.freedesktop.login1.Session.Lock")
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=10_000)
    assert reasons == ["session locked"]  # another session's Lock and a resume did nothing
    assert_fully_locked(controller, lee_profile)

    again = data_dir_store.open("Dr Lee", "correct horse battery")
    unlocked(qtbot, controller, again)
    send_signal(bus_address, "/org/freedesktop/login1", PREPARE_FOR_SLEEP, "boolean:true")
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=10_000)
    assert reasons[-1] == "going to sleep"
    assert_fully_locked(controller, again)


def test_no_bus_no_autolaunch(qapp, monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent-runtime-dir")
    assert not sw._session_bus_reachable()


def test_windows_session_messages(qtbot, controller, lee_profile) -> None:
    """The Win32 path cannot run here: its handler gets the same numbers Windows would send."""
    unlocked(qtbot, controller, lee_profile)
    watch = controller.session_watch
    assert not watch.handle_windows_message(win.WM_WTSSESSION_CHANGE, 0x8)  # WTS_SESSION_UNLOCK
    assert not watch.handle_windows_message(0x0112, win.WTS_SESSION_LOCK)  # another message, same wParam
    assert controller.main_window is not None
    assert watch.handle_windows_message(win.WM_WTSSESSION_CHANGE, win.WTS_SESSION_LOCK)
    assert_fully_locked(controller, lee_profile)
    assert watch.handle_windows_message(win.WM_POWERBROADCAST, win.PBT_APMSUSPEND)  # locked: harmless again
    assert watch.handle_windows_message(win.WM_WTSSESSION_CHANGE, win.WTS_CONSOLE_DISCONNECT)


def test_application_suspended_locks(qtbot, controller, lee_profile) -> None:
    unlocked(qtbot, controller, lee_profile)
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert controller.main_window is not None
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert_fully_locked(controller, lee_profile)


def test_ctrl_l_locks(qtbot, controller, lee_profile) -> None:
    window = unlocked(qtbot, controller, lee_profile)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    qtbot.keyClick(window.codes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert_fully_locked(controller, lee_profile)


def test_idle_auto_lock_with_the_real_ticker(qtbot, controller, lee_profile) -> None:
    """auto_lock_minutes = 1 and 59.5 s of idleness already behind us: the real timer locks within a tick."""
    lee_profile.set_setting("auto_lock_minutes", 1)
    window = unlocked(qtbot, controller, lee_profile)
    window.add_code_generator()  # the enrollment wizard may show a secret: it must close too
    wizard = window.dialog
    assert wizard.isVisible() and controller.ticker.is_active()
    controller.last_input = idle_clock() - 59.5
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=10_000)
    assert_fully_locked(controller, lee_profile, wizard)


def test_input_resets_the_idle_time(qtbot, controller, lee_profile) -> None:
    lee_profile.set_setting("auto_lock_minutes", 1)
    window = unlocked(qtbot, controller, lee_profile)
    controller.last_input = idle_clock() - 120
    qtbot.mouseMove(window.codes)
    qtbot.keyClick(window.codes, Qt.Key.Key_Shift)
    assert idle_clock() - controller.last_input < 30
    controller.ticker.fire()
    assert controller.main_window is window
    controller.last_input = idle_clock() - 61
    controller.ticker.fire()
    assert_fully_locked(controller, lee_profile)


def test_copied_code_is_cleared_by_the_real_timer_only_if_still_ours(qtbot, controller) -> None:
    clipboard = QGuiApplication.clipboard()
    controller.guard.copy("123456", 1)
    assert bytes(clipboard.mimeData().data("x-kde-passwordManagerHint")) == b"secret"
    with qtbot.waitSignal(controller.guard.cleared, timeout=5_000):
        pass
    assert clipboard.text() == ""
    controller.guard.copy("654321", 1)
    clipboard.setText("the patient's chart number", QClipboard.Mode.Clipboard)
    qtbot.waitUntil(lambda: not controller.guard.pending(), timeout=5_000)
    assert clipboard.text() == "the patient's chart number"


def test_idle_clock_counts_suspended_time_on_linux() -> None:
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        pytest.skip("CLOCK_BOOTTIME is Linux only")
    import time

    assert abs(idle_clock() - time.clock_gettime(time.CLOCK_BOOTTIME)) < 1


@pytest.mark.parametrize(("sid", "path"), [("2", "_32"), ("c1", "c1"), ("", "_"), ("a-b", "a_2db")])
def test_login1_session_path(sid: str, path: str) -> None:
    assert login1_session_path(sid) == "/org/freedesktop/login1/session/" + path


def test_stop_unsubscribes(qapp) -> None:
    watch = SessionWatch()
    watch.start()
    assert "application suspended" in watch.sources
    reasons: list[str] = []
    watch.lock_requested.connect(reasons.append)
    watch.stop()
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert reasons == [] and watch.sources == []


# --- Windows and macOS, with their facts substituted ------------------------------------------------


class _FakeWtsapi32:
    """WTSRegisterSessionNotification / WTSUnRegisterSessionNotification, as documented (BOOL result)."""

    def __init__(self, ok: bool = True) -> None:
        self.calls: list[tuple[str, int, int | None]] = []
        outer = self

        class Fn:
            def __init__(self, name: str) -> None:
                self.name, self.argtypes, self.restype = name, None, None

            def __call__(self, hwnd, *flags):
                from ctypes import wintypes

                assert self.restype is wintypes.BOOL and self.argtypes is not None
                assert len(self.argtypes) == 1 + len(flags) and isinstance(hwnd, wintypes.HWND)
                outer.calls.append((self.name, int(hwnd.value or 0), flags[0] if flags else None))
                return 1 if ok else 0

        self.WTSRegisterSessionNotification = Fn("WTSRegisterSessionNotification")
        self.WTSUnRegisterSessionNotification = Fn("WTSUnRegisterSessionNotification")


def test_windows_start_registers_the_window_and_stop_unregisters_it(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    fake = _FakeWtsapi32()
    watch = SessionWatch()
    watch._start_windows(window, wtsapi32=fake)
    hwnd = int(window.winId())
    assert fake.calls == [("WTSRegisterSessionNotification", hwnd, sw.NOTIFY_FOR_THIS_SESSION)]
    assert {"windows sleep", "windows session lock"} <= set(watch.sources)
    watch.stop()
    assert fake.calls[-1] == ("WTSUnRegisterSessionNotification", hwnd, None)
    refused = _FakeWtsapi32(ok=False)
    watch._start_windows(window, wtsapi32=refused)
    assert "windows session lock" not in watch.sources and watch._win_hwnd is None
    watch.stop()
    assert [c[0] for c in refused.calls] == ["WTSRegisterSessionNotification"]  # nothing to undo


def test_windows_native_filter_reads_the_msg_and_locks(qapp) -> None:
    import ctypes
    from ctypes import wintypes

    watch = SessionWatch()
    reasons: list[str] = []
    watch.lock_requested.connect(reasons.append)
    event_filter = sw._WindowsFilter(watch)
    msg = wintypes.MSG()
    msg.message, msg.wParam = win.WM_WTSSESSION_CHANGE, win.WTS_SESSION_LOCK
    assert event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg)) == (False, 0)
    msg.message, msg.wParam = 0x0200, 0  # WM_MOUSEMOVE
    event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    event_filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(msg))  # another platform's event
    assert reasons == ["session locked"]


class _Probe:
    def __init__(self) -> None:
        self.locked = False

    def screen_is_locked(self) -> bool:
        return self.locked


def test_macos_polls_the_screen_lock_and_notices_sleep(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(sw, "idle_clock", lambda: now[0])
    probe = _Probe()
    watch = SessionWatch()
    reasons: list[str] = []
    watch.lock_requested.connect(reasons.append)
    watch._start_macos(probe)
    assert {"macOS screen locked", "macOS sleep"} <= set(watch.sources)
    assert watch._mac_timer is not None and watch._mac_timer.interval() == sw.MAC_POLL_MS
    for locked in (False, True, True, False, True):
        now[0] += 2
        probe.locked = locked
        watch.poll_macos()
    assert reasons == ["screen locked", "screen locked"]  # once per lock, not per poll
    now[0] += sw.MAC_SLEEP_GAP_S + 5  # the poll came 35 s late: the Mac slept
    watch.poll_macos()
    assert reasons[-1] == "going to sleep"
    watch.stop()
    assert watch._mac_timer is None


def test_macos_without_coregraphics_keeps_the_idle_lock(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from epcs_desktop.core import macsession

    def missing() -> None:
        raise OSError("CoreGraphics not found")

    monkeypatch.setattr(macsession, "load_screen_lock_probe", missing)
    watch = SessionWatch()
    watch._start_macos()
    assert "macOS screen locked" not in watch.sources and watch._mac_timer is None


def test_start_takes_each_platforms_path(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """SessionWatch.start() as the app calls it, with sys.platform and the OS libraries substituted."""
    import ctypes
    import sys

    from PySide6.QtWidgets import QWidget

    from epcs_desktop.core import macsession

    window = QWidget()
    qtbot.addWidget(window)
    fake = _FakeWtsapi32()
    loaded: list[str] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, **kw: loaded.append(name) or fake, raising=False)
    watch = SessionWatch()
    assert "windows session lock" in watch.start(window)
    assert loaded == ["wtsapi32"] and fake.calls[0][0] == "WTSRegisterSessionNotification"
    watch.stop()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(macsession, "load_screen_lock_probe", _Probe)
    watch = SessionWatch()
    assert "macOS screen locked" in watch.start(window)
    watch.stop()
