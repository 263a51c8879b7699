"""Guards for the PySide6 version pin.

PySide6 6.12.0 hands back None/True/False from Qt calls and from Signal.emit()
without taking a reference. On CPython 3.11 those singletons are not immortal,
so a window that runs for a few minutes aborts ("none_dealloc"/"bool_dealloc").
pyproject.toml pins PySide6 below 6.12; these tests fail if a build picks up a
release with that defect again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

ROUNDS = 5000


def test_emit_keeps_references_to_true(qtbot) -> None:
    class Pinger(QObject):
        ping = Signal(int)

    pinger = Pinger()
    got: list[int] = []
    pinger.ping.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(ROUNDS):
        pinger.ping.emit(i)
    assert len(got) == ROUNDS
    assert sys.getrefcount(True) - before > -100  # 6.12.0 loses one per emit


def test_void_and_bool_returning_calls_keep_references(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(ROUNDS):
        label.setText("x")  # returns None
        label.isHidden()  # returns True
        label.hasFocus()  # returns False
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
