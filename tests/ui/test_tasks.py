"""ui/tasks.py: results reach a live receiver only, a cancel drops them, the busy state never sticks."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from epcs_desktop.core.errors import RuleError
from epcs_desktop.ui.tasks import busy, pending_tasks, run_in_background, user_message, wait_for_tasks


def _form(qtbot) -> tuple[QWidget, QLineEdit, QLabel]:
    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit(form)
    status = QLabel(form)
    return form, field, status


def test_result_and_error_arrive_on_the_gui_thread(qtbot) -> None:
    receiver = QObject()
    gui = threading.get_ident()
    got: list[tuple[str, object, int]] = []
    run_in_background(receiver, lambda: 41 + 1, lambda v: got.append(("done", v, threading.get_ident())))
    run_in_background(
        receiver,
        lambda: (_ for _ in ()).throw(RuleError("no")),
        lambda v: got.append(("done", v, 0)),
        lambda e: got.append(("error", str(e), threading.get_ident())),
    )
    wait_for_tasks(qtbot)
    assert sorted(got, key=lambda g: g[0]) == [("done", 42, gui), ("error", "no", gui)]
    assert pending_tasks() == 0


def test_a_destroyed_receiver_gets_nothing_and_the_busy_state_ends(qtbot) -> None:
    form, field, status = _form(qtbot)
    release = threading.Event()
    got: list[object] = []
    handle = run_in_background(
        form, lambda: release.wait(5), got.append, got.append, busy=busy(form, "Working…", status=status)
    )
    assert not field.isEnabled() and status.text() == "Working…"
    assert QApplication.overrideCursor() is not None
    form.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # what a lock does
    assert handle.receiver_gone
    assert QApplication.overrideCursor() is None  # released with the form, not left spinning
    release.set()
    wait_for_tasks(qtbot)
    assert got == [] and handle.done


def test_cancel_drops_the_result_and_restores_the_form(qtbot) -> None:
    form, field, status = _form(qtbot)
    field.setEnabled(True)
    release = threading.Event()
    got: list[object] = []
    state = busy([field], "…", status=status)
    handle = run_in_background(form, lambda: release.wait(5), got.append, busy=state)
    handle.cancel()
    assert field.isEnabled() and status.text() == "" and QApplication.overrideCursor() is None
    release.set()
    wait_for_tasks(qtbot)
    assert got == [] and handle.cancelled and handle.done


def test_busy_keeps_what_the_form_had_disabled_itself(qtbot) -> None:
    form, field, _status = _form(qtbot)
    other = QLineEdit(form)
    other.setEnabled(False)
    state = busy([field, other], cursor=False)
    assert QApplication.overrideCursor() is None  # no cursor for work nobody asked for
    assert not field.isEnabled() and field.property("busy") is True
    state.release()
    state.release()  # idempotent
    assert field.isEnabled() and not other.isEnabled() and field.property("busy") is False


def test_user_message_hides_internal_errors(qapp) -> None:
    assert user_message(RuleError("Choose a password of at least 8 characters.")) == (
        "Choose a password of at least 8 characters."
    )
    assert "log" in user_message(ValueError("secret=ABC"))
    assert "ABC" not in user_message(ValueError("secret=ABC"))


# The thread each `_Owner` was freed on.
_FREED_ON: list[int] = []


class _Owner(QObject):
    """Something a task's callable keeps alive (a dialog whose bound method runs on the worker)."""

    def slow(self) -> int:
        threading.Event().wait(0.2)
        return 1

    def __del__(self) -> None:
        _FREED_ON.append(threading.get_ident())


def test_the_worker_never_frees_what_a_task_holds(qtbot) -> None:
    """The worker's references go before the GUI thread's: a Qt wrapper is never freed on a worker.

    (Before: the pool deleted the runnable on its worker, and with it the last reference to the
    callable, so the dialog behind a bound method was destroyed off the GUI thread.)
    """
    _FREED_ON.clear()
    receiver = QObject()
    owner = _Owner()
    got: list[object] = []
    run_in_background(receiver, owner.slow, got.append)
    del owner  # only the task holds it now
    wait_for_tasks(qtbot)
    qtbot.waitUntil(lambda: bool(_FREED_ON), timeout=5_000)
    assert got == [1]
    assert [threading.get_ident()] == _FREED_ON
