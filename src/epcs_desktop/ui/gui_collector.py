"""Python's cycle collector runs on the GUI thread only, from the top of the event loop.

Why: CPython starts a collection on whichever thread happens to allocate past
the collector's threshold. When that is a worker (a background task creating a
profile, the camera decode thread), the garbage Qt wrappers it finds — a closed
dialog kept in a reference cycle by its own lambdas — are finalised on that
worker: their C++ destructors run off the GUI thread, at the same time as the
GUI thread paints and handles events. `QWidget`'s destructor then either races
the GUI thread (a segmentation fault, seen as exit 139 in the window tests) or
waits forever for window-system events only the GUI thread delivers (a hang).
PySide does not move such a deletion to the object's own thread.

So, while the window runs, automatic collection is off and a timer on the GUI
thread runs the same generational collection the interpreter would, with the
interpreter's own thresholds. A timer slot runs at the top of the event loop,
where no Qt object is in the middle of its own code. The command-line tool
keeps Python's automatic collection: it has no Qt objects and no workers.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

log = logging.getLogger(__name__)

# Often enough that cyclic garbage never piles up (a collection of the young generations takes well
# under a millisecond), seldom enough to cost nothing while the window is idle.
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer until `stop()`."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        if QThread.currentThread() is not parent.thread():
            raise RuntimeError("the collector must be created on the GUI thread")
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        self.collections = 0
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def collect_if_due(self) -> int:
        """Collect the generations the interpreter would collect now; returns the generation or -1."""
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if t0 <= 0 or c0 <= t0:
            return -1
        generation = 2 if (c1 >= t1 and c2 >= t2) else 1 if c1 >= t1 else 0
        gc.collect(generation)
        self.collections += 1
        return generation

    def stop(self) -> None:
        """Collection goes back to how it was (a test or a caller that carries on after the window)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def installed(app: QCoreApplication) -> GuiThreadCollector | None:
    """The application's running collector, if one was installed and not stopped."""
    for child in app.findChildren(GuiThreadCollector):
        if child.active:
            return child
    return None


def install(app: QCoreApplication | None = None) -> GuiThreadCollector:
    """The application's collector (made once, a child of the application); call on the GUI thread."""
    app = app if app is not None else QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication yet")
    existing = installed(app)
    if existing is not None:
        return existing
    collector = GuiThreadCollector(app)
    log.debug("cycle collection moved to the GUI thread (thresholds %s)", gc.get_threshold())
    return collector
