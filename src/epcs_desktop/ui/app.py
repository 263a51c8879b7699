"""`run_gui`: start the desktop program.

Start-up imports only what the first screen needs: Qt widgets, the theme,
the translations and the list of profile names. The vault (SQLCipher), the
profile rules and OTP code load on the unlock worker (or are warmed right
after the first paint), OpenCV, qrcode and Pillow when the enrollment wizard
is opened, so the window appears quickly even on a slow practice PC. The log
file is opened right after the first paint too; records made before it are
held in memory and written then (`_EarlyLog`).

Hidden switches for tooling: `EPCS_DESKTOP_SCREENSHOT=path.png` saves a grab
of the first window shortly after it is painted and then quits (used by
scripts/screenshots); `EPCS_DESKTOP_COLOR_SCHEME=light|dark` forces a scheme.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, NoReturn

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from epcs_desktop import APP_ID, APP_NAME, DESKTOP_ID, __version__

log = logging.getLogger(__name__)

SCREENSHOT_ENV = "EPCS_DESKTOP_SCREENSHOT"
SCREENSHOT_DELAY_MS = 600
WARM_UP_DELAY_MS = 200  # after the first paint, so the lock screen is on screen before imports resume
# On quit, how long a running background task may still finish (a vault write about to commit).
# A clock check waiting for its time server or a camera opening is cut off after this.
TASK_GRACE_MS = 150


class _EarlyLog(logging.Handler):
    """Keeps log records made before the first paint; `finish()` opens the log file and writes them.

    Opening the rotating log file means importing logging.handlers (and with
    it socket, pickle, queue) and platformdirs: ~10 ms that the lock screen
    does not need to appear. Nothing is lost by waiting: the records are
    replayed, in order, through the real handlers.
    """

    LIMIT = 1000  # a runaway logger before the first paint cannot grow memory without bound

    def __init__(self, stderr_level: int) -> None:
        super().__init__(logging.DEBUG)
        self.stderr_level = stderr_level
        self.records: list[logging.LogRecord] = []
        self.root_level = logging.getLogger().level
        self.active = False

    def start(self) -> None:
        root = logging.getLogger()
        root.addHandler(self)
        root.setLevel(logging.DEBUG)  # the file's level is only known once logsetup reads it
        self.active = True

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)

    def finish(self, *, only_if_needed: bool = False) -> None:
        """Open the log file and replay the records; with `only_if_needed`, only when there are any."""
        if not self.active:
            return
        self.active = False
        root = logging.getLogger()
        root.removeHandler(self)
        root.setLevel(self.root_level)
        if only_if_needed and not self.records:
            return  # quitting before anything was logged: no file to open
        from epcs_desktop.logsetup import setup_logging

        setup_logging(stderr_level=self.stderr_level)
        for record in self.records:
            if record.levelno >= root.getEffectiveLevel():
                root.handle(record)
        self.records.clear()


class FirstPaint(QObject):
    """Calls `callback` once, right after the watched window's first paint event."""

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self.callback = callback
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def _install_excepthook() -> None:
    """A bug is logged with its traceback and shown as a generic dialog; no traceback reaches the user."""

    showing = [False]  # one dialog at a time, even if a bug repeats on every tick

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from epcs_desktop.logsetup import excepthook as log_hook  # loaded by the first bug, not at start

        log_hook(kind, exc, tb)
        if issubclass(kind, KeyboardInterrupt) or showing[0]:
            return
        showing[0] = True
        try:
            QMessageBox.critical(
                None,
                APP_NAME,
                QApplication.translate(
                    "app", "Something went wrong. The details were written to the log; your data is safe."
                ),
            )
        except Exception:  # the dialog itself must never raise from the hook
            log.debug("could not show the error dialog")
        finally:
            showing[0] = False

    sys.excepthook = hook


def apply_platform_facts(sys_platform: str | None = None, *, shell32: Any = None) -> list[str]:
    """Before the QApplication exists: high-DPI rounding, and Windows' AppUserModelID (core/platform.py).

    Why the id: without it Windows groups our windows under "python"/the launcher and a pinned
    Start-menu shortcut (which carries the same id) opens a second taskbar button. Returns what was applied.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from epcs_desktop.core.platform import current, platform_for

    facts = current() if sys_platform is None else platform_for(sys_platform)
    applied = []
    if QGuiApplication.instance() is None:
        policy = getattr(Qt.HighDpiScaleFactorRoundingPolicy, facts.high_dpi_rounding())
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(policy)
        applied.append(f"high-DPI {facts.high_dpi_rounding()}")
    aumid = facts.app_user_model_id()
    if aumid:
        import ctypes

        if shell32 is None and os.name == "nt":
            shell32 = ctypes.WinDLL("shell32")  # type: ignore[attr-defined,unused-ignore]
        if shell32 is None:  # Windows' facts asked for elsewhere without a substitute: nothing to call
            log.debug("AppUserModelID not set: not on Windows")
            return applied
        # No AttributeError is swallowed: a misspelt function name must fail the tests that pass a fake.
        set_id = shell32.SetCurrentProcessExplicitAppUserModelID
        set_id.argtypes = [ctypes.c_wchar_p]
        set_id.restype = ctypes.c_long  # HRESULT
        try:
            result = set_id(aumid)
        except OSError as exc:
            log.info("AppUserModelID not set (%s)", exc)
            return applied
        if result == 0:
            applied.append(f"AppUserModelID {aumid}")
        else:
            log.info("AppUserModelID not set (HRESULT %#010x)", result & 0xFFFFFFFF)
    return applied


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        apply_platform_facts()
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(DESKTOP_ID)
    return app


def run_gui(
    data_dir: str | os.PathLike[str] | None,
    demo: bool,
    quit_after_first_paint: bool,
    *,
    stderr_level: int = logging.WARNING,
    exit_process: bool = False,
) -> int:
    """Run the desktop program until it quits; returns the exit code.

    Logging is set up after the first paint unless the caller already did
    (`stderr_level` is for that set-up: the CLI passes INFO for ``-v``).
    With `exit_process` (the program's own process, not a test calling in),
    the process ends here once everything is closed: see `end_process`.
    """
    early: _EarlyLog | None = None
    if not logging.getLogger().handlers:
        early = _EarlyLog(stderr_level)
        early.start()
    try:
        code = _run(data_dir, demo, quit_after_first_paint, early, collect=not exit_process)
    finally:
        if early is not None:
            early.finish(only_if_needed=True)
    if exit_process:
        end_process(code)
    return code


def end_process(code: int, *, task_grace_ms: int | None = None) -> NoReturn:
    """End the process now that the windows, the vault and the clipboard are closed; waits are bounded.

    Why not a normal interpreter exit: it waits for things quitting must not
    wait for. Qt's global thread pool joins every running task when it is
    destroyed, so a clock check whose time server does not answer held Quit
    for the rest of its 2 s timeout (and its late result then reached a dead
    QApplication and aborted the process); and unloading ~300 modules and
    their Qt wrappers costs tens of milliseconds more. Everything that must
    happen on quit has happened by now (`AppController.shutdown` cleared our
    code from the clipboard, synced the window settings and closed the vault;
    windows were deleted), so: give running tasks a short grace (a vault write
    that is about to commit), flush the log and the standard streams, and exit.
    A task still running after the grace (a time server, a camera) is cut off;
    SQLite and the atomic writes are crash-safe, so nothing half-written stays.
    """
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    if pool.activeThreadCount():
        grace = TASK_GRACE_MS if task_grace_ms is None else task_grace_ms
        if not pool.waitForDone(grace):
            log.info("quit: %d background task(s) still running after %d ms", pool.activeThreadCount(), grace)
    logging.shutdown()  # flushes and closes the log file
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more to say
            pass
    os._exit(code)


def _run(
    data_dir: str | os.PathLike[str] | None,
    demo: bool,
    quit_after_first_paint: bool,
    early: _EarlyLog | None,
    *,
    collect: bool = True,
) -> int:
    app = _application()
    from epcs_desktop.core.context import AppContext
    from epcs_desktop.core.profiles import ProfileStore
    from epcs_desktop.ui import gui_collector, preferences, theme

    # Cycle collection on the GUI thread only: a worker must never finalise a Qt wrapper (gui_collector).
    collector = None if gui_collector.installed(app) else gui_collector.install(app)
    from epcs_desktop.ui.controller import AppController

    # THE window's context (core/context.py): one clock, one IT policy, one data folder for everything
    # the window opens; every store, profile, window and dialog gets it (or its clock) from here.
    context = AppContext.for_this_machine(data_dir)
    # Language and light/dark chosen in Settings (this computer's window.ini); the variables still win.
    home_store = ProfileStore(context)
    prefs = preferences.settings_file(home_store.data_dir)
    preferences.apply_language(prefs)
    preferences.apply_scheme(prefs)
    app_theme = theme.Theme(app)
    app.setWindowIcon(theme.app_icon())
    _install_excepthook()

    demo_dir: str | None = None
    instance: SingleInstance | None = None
    if demo:
        import tempfile

        from epcs_desktop.core.demo import DEMO_PASSWORD, create_demo_profile

        demo_dir = tempfile.mkdtemp(prefix="epcs-desktop-demo-")
        store = ProfileStore(context.with_data_dir(demo_dir))
        controller = AppController(store, context.clock, demo_password=DEMO_PASSWORD, show_notice=False)
        profile = create_demo_profile(store)
        main = controller.open_profile(profile)
        assert main is not None  # the demo profile never needs a password change
        window: QWidget = main
    else:
        store = home_store
        if not (quit_after_first_paint or os.environ.get(SCREENSHOT_ENV)):
            # Before the window shows: a second launch must not flash a lock screen of its own.
            from epcs_desktop.ui.single_instance import SingleInstance

            instance = SingleInstance(store.data_dir)
            if not instance.claim():
                return 0  # the running copy came forward: one vault, opened once
        # window.ini, already open for the prefs
        controller = AppController(store, context.clock, window_settings=prefs)
        if instance is not None:
            instance.activated.connect(controller.bring_forward)
        controller.show_start()
        window = controller.start_window
    app_theme.changed.connect(lambda _s: _repaint_all())

    shot = os.environ.get(SCREENSHOT_ENV, "").strip()
    if shot:

        def grab() -> None:
            target = controller.main_window or controller.start_window
            ok = target.grab().save(shot, "PNG")
            log.warning("screenshot %s: %s", "saved" if ok else "FAILED", shot)
            app.quit()

        FirstPaint(window, lambda: QTimer.singleShot(SCREENSHOT_DELAY_MS, grab))
    elif quit_after_first_paint:
        FirstPaint(window, app.quit)
    else:
        FirstPaint(window, lambda: _after_first_paint(early))

    try:
        code = app.exec()
    finally:
        controller.shutdown()
        _teardown(controller, collect=collect)
        if collector is not None and collect:
            collector.stop()  # a caller that carries on (a test) gets automatic collection back
        if instance is not None:
            instance.close()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)
    return int(code)


def _after_first_paint(early: _EarlyLog | None) -> None:
    """The lock screen is on screen: open the log file now, warm the rest up a moment later."""
    if early is not None:
        early.finish()
    QTimer.singleShot(WARM_UP_DELAY_MS, _warm_up)


def _warm_up() -> None:
    """Import the unlocked window's modules while the person types the password.

    They are kept off the first paint's path (the lock screen needs none of
    them), but unlocking should not then pay for them either. The vault and
    profile modules (SQLCipher, the rules, OTP) come first: the unlock worker
    would otherwise import them on its thread, after the password is typed.
    """
    import epcs_desktop.core.profile
    import epcs_desktop.ui.main_window  # noqa: F401

    log.debug("profile and main window modules loaded after first paint")


def _teardown(controller: QObject, *, collect: bool = True) -> None:
    """Destroy every window while Python and Qt are both still alive.

    Left to interpreter shutdown, PySide may free wrappers of Qt objects in an
    order that crashes the process after a clean quit; deleting them here, in
    order, gives a clean exit code. `collect=False` skips the final garbage
    collection when the process ends right after (`end_process`: no interpreter
    shutdown follows, so there is nothing for it to protect).
    """
    app = QApplication.instance()
    for w in QApplication.topLevelWidgets():
        w.hide()
        w.deleteLater()
    controller.deleteLater()
    if app is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()
    if collect:
        gc.collect()


def _repaint_all() -> None:
    """A scheme change: re-polish and repaint every window so painted parts pick up the palette."""
    for w in QApplication.topLevelWidgets():
        w.update()
        for child in w.findChildren(QWidget):
            child.update()
