"""THE way the window runs blocking core work (KDF unlock, Argon2 backups, decoding, clock checks).

Why this shape:
- Blocking calls run on the global QThreadPool so the window keeps painting.
- A result is delivered to a *receiver* QObject, through a small relay
  QObject parented to it: when the receiver is destroyed (a lock closes every
  window) the relay goes with it and the result is dropped here, once, instead
  of every dialog guarding its callbacks with `shiboken6.isValid`.
- `TaskHandle.cancel()` drops a result nobody wants any more (a dialog that
  was closed while the KDF ran).
- `busy(widget, text)` is the one busy treatment: the form disabled, a wait
  cursor, an optional status text; the task releases it however it ends, even
  when the receiver is already gone (a wait cursor must never stick).
- `wait_for_tasks()` lets tests wait for every started task deterministically.
- A worker never releases the last reference to anything a task holds (its
  callable may be a dialog's bound method): the handle, on the GUI thread,
  releases the call and its outcome once the worker is done. A Qt wrapper
  freed on a worker runs its C++ destructor there, racing the GUI thread; the
  cycle collector is kept off workers for the same reason (`gui_collector`).

Only `EpcsError`s are user errors; anything else is logged with its traceback
and shown as one generic sentence (`user_message`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from epcs_desktop.core.errors import EpcsError

log = logging.getLogger(__name__)

T = TypeVar("T")  # what a background call returns and its `on_done` takes

# Handles whose result has not been delivered or dropped yet, by task number (tests wait on this).
_PENDING: dict[int, TaskHandle] = {}
_NUMBER = 0


def user_message(exc: BaseException) -> str:
    """The sentence to show for an error: the EpcsError's own text (translated), or a generic one."""
    if isinstance(exc, EpcsError):
        from epcs_desktop.ui.i18n import core_message

        return core_message(exc)
    return QCoreApplication.translate("tasks", "Something went wrong. The details were written to the log.")


# -- the busy treatment ---------------------------------------------------------------------------------


class Busy:
    """The form disabled, a wait cursor and an optional status text, until `release()` (idempotent).

    Widgets destroyed meanwhile are skipped (their `destroyed` signal removes
    them), so releasing after a lock never touches a deleted widget.
    """

    def __init__(
        self, widgets: Sequence[QWidget], text: str | None, status: QLabel | None, cursor: bool = True
    ) -> None:
        self._widgets: list[QWidget] = []
        self._cursor = cursor
        self._status = status
        self._text = text
        self._window: QMainWindow | None = None
        self.active = True
        self._was_disabled: dict[int, bool] = {}
        for w in widgets:
            self._widgets.append(w)
            # What the form had disabled itself stays disabled afterwards.
            self._was_disabled[id(w)] = w.testAttribute(Qt.WidgetAttribute.WA_Disabled)
            w.destroyed.connect(lambda _o=None, w=w: self._forget(w))
            w.setEnabled(False)
            w.setProperty("busy", True)
        if status is not None:
            status.destroyed.connect(lambda _o=None: setattr(self, "_status", None))
        if text:
            if status is not None:
                status.setText(text)
            elif widgets and isinstance(window := widgets[0].window(), QMainWindow):
                self._window = window
                window.destroyed.connect(lambda _o=None: setattr(self, "_window", None))
                window.statusBar().showMessage(text)
        if cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def _forget(self, widget: QWidget) -> None:
        had = bool(self._widgets)
        self._widgets = [w for w in self._widgets if w is not widget]
        if had and not self._widgets:  # the whole form is gone (a lock): the cursor must not stick
            self.release()

    def release(self) -> None:
        if not self.active:
            return
        self.active = False
        if self._cursor:
            QApplication.restoreOverrideCursor()
        for w in self._widgets:
            # Widgets destroyed meanwhile (a lock mid-task) left the list through `destroyed`.
            w.setEnabled(not self._was_disabled.get(id(w), False))
            w.setProperty("busy", False)
        if self._text:
            if self._status is not None:
                self._status.setText("")
            if self._window is not None:
                self._window.statusBar().clearMessage()
        self._widgets = []


BusyTarget = QWidget | Sequence[QWidget] | Busy


def busy(
    widget: QWidget | Iterable[QWidget],
    text: str | None = None,
    *,
    status: QLabel | None = None,
    cursor: bool = True,
) -> Busy:
    """Mark a form busy: disabled, wait cursor, `text` in `status` (or the main window's status bar).

    `cursor=False` is for work nobody asked for just now (the periodic clock check): a wait
    cursor appearing by itself would only puzzle.
    """
    widgets = [widget] if isinstance(widget, QWidget) else list(widget)
    return Busy(widgets, text, status, cursor)


_make_busy = busy  # run_in_background's `busy=` argument shadows the function's name


# -- background tasks -----------------------------------------------------------------------------------


class _Dispatcher(QObject):
    """One per application, on the GUI thread: workers announce a finished task on it by number.

    A worker only ever emits here; it holds no per-task Qt object, so none can
    be left for a worker thread to delete (see `_Runnable`).
    """

    finished = Signal(int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.finished.connect(self._arrive, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _arrive(self, number: int) -> None:
        handle = _PENDING.pop(number, None)
        if handle is not None:
            handle._finish()


def _the_dispatcher() -> _Dispatcher:
    """The application's dispatcher, made on first use (on the GUI thread: tasks start there)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background tasks need a QApplication")
    found = app.findChild(_Dispatcher, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, _Dispatcher) else _Dispatcher(app)


class _Relay(QObject):
    """A child of the receiver: its destruction tells the handle the receiver is gone."""


class _Job:
    """The call and its outcome: plain Python, owned by the handle on the GUI thread.

    The worker reads `fn` and writes `outcome`; it never drops the last
    reference to either, so whatever they keep alive (a dialog's bound method,
    a profile) is released on the GUI thread, in `TaskHandle._finish`.
    """

    def __init__(self, number: int, fn: Callable[[], Any]) -> None:
        self.number = number
        self.fn: Callable[[], Any] | None = fn
        self.outcome: tuple[bool, Any] | None = None

    def run(self) -> None:
        fn = self.fn
        assert fn is not None
        try:
            self.outcome = (True, fn())
        except EpcsError as exc:
            self.outcome = (False, exc)
        except Exception as exc:
            log.exception("background task failed")
            self.outcome = (False, exc)


class _Runnable(QRunnable):
    """Deleted by the pool on its worker thread, so it carries nothing but the job until `run` takes it."""

    def __init__(self, job: _Job, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self._job: _Job | None = job
        self._dispatcher = dispatcher  # the application's: this is never its last reference
        self.setAutoDelete(True)

    def run(self) -> None:
        job, self._job = self._job, None
        assert job is not None
        job.run()
        number = job.number
        del job  # the handle (GUI thread) still holds it: after the signal, this thread holds nothing
        self._dispatcher.finished.emit(number)


class TaskHandle:
    """One background call. `cancel()` drops its result; `done` is True once it was delivered or dropped."""

    def __init__(
        self,
        receiver: QObject,
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], None] | None,
        busy_state: Busy | None,
    ) -> None:
        self._on_done = on_done
        self._on_error = on_error
        self._busy = busy_state
        self.cancelled = False
        self.receiver_gone = False
        self.done = False
        self._job: _Job | None = None  # set by run_in_background
        self._relay: _Relay | None = _Relay(receiver)
        self._relay.destroyed.connect(self._gone)

    def _gone(self, *_args: object) -> None:
        self.receiver_gone = True
        self._release()

    def _release(self) -> None:
        if self._busy is not None:
            self._busy.release()

    def cancel(self) -> None:
        """The result will be dropped; the busy state ends now."""
        self.cancelled = True
        self._release()

    @property
    def pending(self) -> bool:
        return not self.done

    def _finish(self) -> None:
        job, self._job = self._job, None
        assert job is not None and job.outcome is not None
        ok, value = job.outcome
        job.outcome = job.fn = None
        self.done = True
        self._release()
        if self.cancelled or self.receiver_gone:
            log.debug("background result dropped (%s)", "cancelled" if self.cancelled else "receiver gone")
            return
        relay, self._relay = self._relay, None
        assert relay is not None  # (one finish per task: the relay is dropped only here)
        try:
            relay.destroyed.disconnect(self._gone)
            relay.setParent(None)
            relay.deleteLater()
        except RuntimeError:
            log.debug("relay already gone")
        try:
            if ok:
                self._on_done(value)
            elif self._on_error is not None:
                self._on_error(value)
            else:
                log.warning("background task failed: %s", type(value).__name__)
        except Exception:
            log.exception("a background task's callback failed")


def run_in_background(
    receiver: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], object],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    busy: BusyTarget | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle:
    """Run `fn()` on the pool; its result or error reaches the GUI thread while `receiver` lives.

    `on_done` takes what `fn` returns (mypy checks the pair at every call).

    `busy` (a widget, widgets, or a `Busy` from `busy()`) is marked busy now and
    released when the task ends, is cancelled, or its receiver is destroyed.
    """
    state = busy if busy is None or isinstance(busy, Busy) else _make_busy(busy)
    handle = TaskHandle(receiver, on_done, on_error, state)
    global _NUMBER
    _NUMBER += 1
    handle._job = _Job(_NUMBER, fn)
    _PENDING[_NUMBER] = handle
    (pool or QThreadPool.globalInstance()).start(_Runnable(handle._job, _the_dispatcher()))
    return handle


def pending_tasks() -> int:
    return len(_PENDING)


def wait_for_tasks(qtbot: Any = None, timeout_ms: int = 10_000) -> None:
    """Block (processing events) until every started task was delivered or dropped; TimeoutError otherwise."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: not _PENDING, timeout=timeout_ms)
        return
    timer = QElapsedTimer()
    timer.start()
    while _PENDING:
        QCoreApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
        if timer.elapsed() > timeout_ms:
            raise TimeoutError(f"{len(_PENDING)} background task(s) still running after {timeout_ms} ms")
    QCoreApplication.processEvents()
