"""`run_gui`: start the desktop program.

Start-up imports only what the first screen needs: Qt widgets, the profile
store and the vault. OpenCV, qrcode and Pillow load when the enrollment wizard
is opened, so the window appears quickly even on a slow practice PC.

Hidden switches for tooling: `EPCS_DESKTOP_SCREENSHOT=path.png` saves a grab
of the first window shortly after it is painted and then quits (used by
scripts/screenshots); `EPCS_DESKTOP_COLOR_SCHEME=light|dark` forces a scheme.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from epcs_desktop import APP_ID, APP_NAME, DESKTOP_ID, __version__

log = logging.getLogger(__name__)

SCREENSHOT_ENV = "EPCS_DESKTOP_SCREENSHOT"
SCREENSHOT_DELAY_MS = 600
WARM_UP_DELAY_MS = 200  # after the first paint, so the lock screen is on screen before imports resume


class FirstPaint(QObject):
    """Calls `callback` once, right after the watched window's first paint event."""

    def __init__(self, window: QWidget, callback: object) -> None:
        super().__init__(window)
        self.callback = callback
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.callback)  # type: ignore[arg-type]
        return False


def _install_excepthook() -> None:
    """A bug is logged with its traceback and shown as a generic dialog; no traceback reaches the user."""

    from epcs_desktop.logsetup import excepthook as log_hook

    showing = [False]  # one dialog at a time, even if a bug repeats on every tick

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
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


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(DESKTOP_ID)
    return app


def run_gui(data_dir: str | os.PathLike[str] | None, demo: bool, quit_after_first_paint: bool) -> int:
    """Run the desktop program until it quits; returns the exit code."""
    if not logging.getLogger().handlers:  # the CLI has normally set up logging already
        from epcs_desktop.logsetup import setup_logging

        setup_logging()
    app = _application()
    from epcs_desktop.core.profiles import ProfileStore
    from epcs_desktop.ui import i18n, theme
    from epcs_desktop.ui.controller import AppController

    i18n.install_translators()
    app_theme = theme.Theme(app)
    app.setWindowIcon(theme.app_icon())
    _install_excepthook()

    demo_dir: str | None = None
    instance: QObject | None = None
    if demo:
        from epcs_desktop.core.demo import DEMO_PASSWORD, create_demo_profile

        demo_dir = tempfile.mkdtemp(prefix="epcs-desktop-demo-")
        store = ProfileStore(Path(demo_dir))
        controller = AppController(store, demo_password=DEMO_PASSWORD, show_notice=False)
        profile = create_demo_profile(store)
        main = controller.open_profile(profile)
        assert main is not None  # the demo profile never needs a password change
        window: QWidget = main
    else:
        store = ProfileStore(Path(data_dir) if data_dir is not None else None)
        from epcs_desktop.ui.single_instance import SingleInstance

        instance = SingleInstance(store.data_dir)
        if not (quit_after_first_paint or os.environ.get(SCREENSHOT_ENV)) and not instance.claim():
            return 0  # the running copy came forward: one vault, opened once
        controller = AppController(store)
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
        FirstPaint(window, lambda: QTimer.singleShot(WARM_UP_DELAY_MS, _warm_up))

    try:
        code = app.exec()
    finally:
        controller.shutdown()
        _teardown(controller)
        if instance is not None:
            instance.close()  # type: ignore[attr-defined]
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return int(code)


def _warm_up() -> None:
    """Import the unlocked window's modules while the person types the password.

    They are kept off the first paint's path (the lock screen needs none of
    them), but unlocking should not then pay for them either.
    """
    import epcs_desktop.ui.main_window  # noqa: F401

    log.debug("main window modules loaded after first paint")


def _teardown(controller: QObject) -> None:
    """Destroy every window while Python and Qt are both still alive.

    Left to interpreter shutdown, PySide may free wrappers of Qt objects in an
    order that crashes the process after a clean quit; deleting them here, in
    order, gives a clean exit code.
    """
    app = QApplication.instance()
    for w in QApplication.topLevelWidgets():
        w.hide()
        w.deleteLater()
    controller.deleteLater()
    if app is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()
    gc.collect()


def _repaint_all() -> None:
    """A scheme change: re-polish and repaint every window so painted parts pick up the palette."""
    for w in QApplication.topLevelWidgets():
        w.update()
        for child in w.findChildren(QWidget):
            child.update()
