"""Fixtures for the GUI tests: real profile stores in per-test folders, a fixed clock, one controller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import PASSWORD, T0, otp

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.profiles import ProfileStore


@pytest.fixture
def store(data_dir: Path) -> ProfileStore:
    return ProfileStore(data_dir)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def profile(store: ProfileStore) -> Iterator[object]:
    """'Dr Lee' with two generators here (first is primary), a push phone and another generator."""
    p = store.create("Dr Lee", PASSWORD)
    p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=otp())
    p.add_device(
        "Laptop", DeviceOption.GENERATOR_HERE, otp=otp("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "DrChrono", "lee")
    )
    p.add_device("MyiPhone", DeviceOption.PUSH)
    p.add_device("OfficeiPad", DeviceOption.GENERATOR_OTHER)
    yield p
    p.close()  # closing twice (after a lock) is harmless


@pytest.fixture
def controller(qapp, store: ProfileStore, clock: FixedClock) -> Iterator[object]:
    """The real application controller on a per-test store, with a fixed clock."""
    from PySide6.QtWidgets import QApplication

    from epcs_desktop.ui.controller import AppController

    c = AppController(store, clock, show_notice=False)  # the notice test turns it on
    yield c
    c.ticker.stop()
    c.shutdown()
    QApplication.instance().removeEventFilter(c)
    for w in QApplication.topLevelWidgets():
        w.close()
    c.start_window.deleteLater()
