"""A small window program under which Python's cycle collector runs all the time (test_gui_collector.py).

Run as a script, in a process of its own: `gc_stress_app.py [--bare] [--watchdog=SECONDS] [ROUNDS]`.

Each round opens a dialog that keeps itself alive through reference cycles
(like a closed dialog whose attributes point back at it), starts a few
background tasks through `ui.tasks` (one of them the dialog's bound method),
closes the dialog and drops it while the tasks still run, so the dialog becomes
cyclic garbage at the moment workers allocate. The collector's threshold is 1:
a collection starts on nearly every allocation, on whichever thread allocates.

With the GUI-thread collector (`ui.gui_collector.install`, what the program
does at start) the script ends with exit status 0. With `--bare` (Python's
automatic collection, as before) a worker finalises the garbage dialogs: the
process dies with a segmentation fault or hangs.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import sys
import time
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout

from epcs_desktop.ui.tasks import run_in_background, wait_for_tasks

_ALIVE: weakref.WeakSet[QDialog] = weakref.WeakSet()


class _Helper(QObject):
    """A parentless QObject a dialog keeps (a timer, a tray icon, a task's signal carrier)."""

    ping = Signal(str)

    @Slot(str)
    def note(self, text: str) -> None:
        self.last = text


class _Dialog(QDialog):
    """Kept alive by reference cycles only (`self.me`, a bound method of its own), as a closed dialog is."""

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        self.field = QLineEdit(self)
        self.label = QLabel("waiting", self)
        lay.addWidget(self.field)
        lay.addWidget(self.label)
        self.field.textChanged.connect(self.label.setText)
        self.helper = _Helper()  # no parent: Python owns it, and frees it with the dialog's cycle
        self.field.textChanged.connect(self.helper.note)
        self.helper.ping.connect(self.field.setText)
        self.me = self  # only the cycle collector can free it
        self.on_close = self.close
        _ALIVE.add(self)

    def work(self) -> int:
        """A task whose callable is the dialog's own bound method (as the wizard's camera list is)."""
        return len(_churn())


def _churn() -> list[object]:
    """Runs on a worker for a few milliseconds, allocating cyclic garbage: collections start there."""
    junk: list[object] = []
    until = time.monotonic() + 0.01
    while time.monotonic() < until:
        cell: list[object] = [len(junk)]
        cell.append(cell)
        junk.append(cell)
    return junk[:1]


def main(argv: list[str]) -> int:
    bare = "--bare" in argv
    watchdog = [float(a.split("=", 1)[1]) for a in argv if a.startswith("--watchdog=")]
    if watchdog:  # a hang (a deadlock between a worker's and the GUI thread's destructors) shows its stacks
        faulthandler.dump_traceback_later(watchdog[0], exit=True)
    numbers = [a for a in argv if a.isdigit()]
    rounds = int(numbers[0]) if numbers else 60
    app = QApplication.instance() or QApplication([])
    gc.set_threshold(1, 1, 1)  # set before install: the collector keeps the interpreter's thresholds
    collector = None
    if not bare:
        from epcs_desktop.ui import gui_collector

        collector = gui_collector.install(app)
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(2)
    wait = pool.waitForDone  # bound once: waiting must not allocate (a collection would start here)
    started = time.monotonic()
    keeper = QLabel("results")  # a receiver that outlives the dialogs
    for _ in range(rounds):
        run_in_background(keeper, _churn, lambda _v: None)
        dialog = _Dialog()
        dialog.show()
        run_in_background(keeper, dialog.work, lambda _v: None)
        dialog.field.setText("typed")
        QCoreApplication.processEvents()
        dialog.close()
        del dialog  # cyclic garbage from now on, while the workers allocate
        wait(5)  # the GUI thread idle a moment (the person waits for the task), the workers busy
        until = time.monotonic() + 0.02
        while time.monotonic() < until:  # then handling events while the workers still run
            QCoreApplication.processEvents()
    wait_for_tasks(timeout_ms=60_000)
    pool.waitForDone()  # the pool deletes each runnable after its run(): none may still hold a dialog
    if collector is not None:
        # The timer, not an explicit call, has to free the dialogs: run the event loop until it did.
        deadline = time.monotonic() + 10
        kept: list[object] = []
        while len(_ALIVE) and time.monotonic() < deadline:
            kept.extend([i] for i in range(10))  # the program goes on allocating: collections fall due
            QCoreApplication.processEvents()
            time.sleep(0.01)
        collector.stop()
    else:
        gc.collect()
    left = len(_ALIVE)
    collections = collector.collections if collector is not None else "automatic"
    print(f"seconds={time.monotonic() - started:.1f} rounds={rounds} collections={collections} left={left}")
    # Without the collector the question is only whether the process survives; with it, the
    # dialogs must also have been freed (by the timer, on the GUI thread).
    return 0 if bare or left == 0 else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
