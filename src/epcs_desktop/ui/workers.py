"""Run blocking core calls (KDF unlock, decoding, camera) off the GUI thread.

Unlocking a vault spends ~0.2 s in the key-derivation function on purpose;
doing that on the GUI thread would freeze the window. `run_task` hands the
call to the global QThreadPool and delivers the result (or the error) by a
queued signal, so the callbacks run on the GUI thread and may touch widgets.
Only `EpcsError`s are forwarded as user errors; anything else is logged with
its traceback and reported as a generic failure, never shown raw.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from epcs_desktop.core.errors import EpcsError

log = logging.getLogger(__name__)

# Strong references to in-flight tasks' signal carriers: without them Python could
# collect the QObject before its queued signal is delivered.
_ALIVE: set[TaskSignals] = set()


class TaskSignals(QObject):
    """Signals of one task; lives on the GUI thread so slots run there."""

    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """A QRunnable that calls `fn()` and reports through `TaskSignals`."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except EpcsError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:
            log.exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> TaskSignals:
    """Run `fn` on the pool; `on_done(result)` or `on_error(exc)` is called on the GUI thread."""
    task = Task(fn)
    signals = task.signals
    _ALIVE.add(signals)

    def done(result: object) -> None:
        _ALIVE.discard(signals)
        on_done(result)

    def failed(exc: object) -> None:
        _ALIVE.discard(signals)
        on_error(exc)  # type: ignore[arg-type]

    signals.finished.connect(done)
    signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(task)
    return signals


def user_message(exc: BaseException) -> str:
    """The sentence to show for an error: the EpcsError's own text, or a generic one."""
    if isinstance(exc, EpcsError):
        return str(exc)
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("workers", "Something went wrong. The details were written to the log.")
