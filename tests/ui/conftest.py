"""Fixtures for the GUI tests: real profile stores in per-test folders, a fixed clock, one controller."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import BANK_HOTP, EXPORT_PASSWORD, OFFICE_TOTP, PASSWORD, T0, otp

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.profiles import ProfileStore
from profile_support import store_at


@pytest.fixture(scope="session", autouse=True)
def _gui_thread_collector(qapp: object) -> Iterator[None]:
    """The window tests run with the program's own cycle-collection set-up (ui/gui_collector.py).

    Python's automatic collection runs on whichever thread allocates, a background task's worker
    included, and finalises there the Qt wrappers that earlier tests left in reference cycles: the
    segmentation faults (exit 139) once seen in tests/ui/frontdesk/test_handover.py and
    tests/ui/test_wizard.py (`tests/ui/gc_stress_app.py --bare` reproduces them; see test_gui_collector.py).
    """
    from epcs_desktop.ui import gui_collector

    collector = gui_collector.install(qapp)  # type: ignore[arg-type]
    yield
    collector.stop()


@pytest.fixture
def data_dir_store(data_dir: Path) -> ProfileStore:
    """A ProfileStore in the exported EPCS_DESKTOP_DATA_DIR (the folder the CLI and the app read), on the
    system clock (activity order and backup-age tests need time to move). The shared `store` is neither."""
    return store_at(data_dir)


@pytest.fixture
def mid_period_clock() -> FixedClock:
    """A FixedClock at `gui_support.T0` (2e9), 20 s into a 30 s code period (not the shared `clock`'s T0)."""
    return FixedClock(T0)


@pytest.fixture
def lee_profile(data_dir_store: ProfileStore) -> Iterator[object]:
    """'Dr Lee' with two generators here (first is primary), a push phone and another generator."""
    p = data_dir_store.create("Dr Lee", PASSWORD)
    p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=otp())
    p.add_device(
        "Laptop", DeviceOption.GENERATOR_HERE, otp=otp("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "DrChrono", "lee")
    )
    p.add_device("MyiPhone", DeviceOption.PUSH)
    p.add_device("OfficeiPad", DeviceOption.GENERATOR_OTHER)
    yield p
    p.close()  # closing twice (after a lock) is harmless


@pytest.fixture
def fresh_profile(data_dir_store: ProfileStore) -> Iterator[object]:
    """An empty profile of this test's own ('Dr Fresh', PASSWORD), not the module-shared `profile`.

    The shared one is reused across tests with its listeners cleared, which a window's ProfileBridge
    (one per profile object, caching the device list) does not survive.
    """
    p = data_dir_store.create("Dr Fresh", PASSWORD)
    yield p
    p.close()


@pytest.fixture
def totp_hotp_push_profile(data_dir_store: ProfileStore) -> Iterator[object]:
    """'Dr Move' (password EXPORT_PASSWORD): a TOTP generator (primary), an HOTP token and a push phone."""
    p = data_dir_store.create("Dr Move", EXPORT_PASSWORD)
    p.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=OFFICE_TOTP)
    p.add_device("Bank token", DeviceOption.GENERATOR_HERE, otp=BANK_HOTP)
    p.add_device("Phone", DeviceOption.PUSH)
    yield p
    p.close()


@pytest.fixture
def controller(qapp, data_dir_store: ProfileStore, mid_period_clock: FixedClock) -> Iterator[object]:
    """The real application controller on a per-test store, with a fixed clock."""
    from PySide6.QtWidgets import QApplication

    from epcs_desktop.ui.controller import AppController

    c = AppController(data_dir_store, mid_period_clock, show_notice=False)  # the notice test turns it on
    yield c
    c.ticker.stop()
    c.shutdown()
    QApplication.instance().removeEventFilter(c)
    for w in QApplication.topLevelWidgets():
        w.close()
    c.start_window.deleteLater()


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for the tests that need a real X display (AT-SPI, grabbing the screen)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/common.sh TEST_DEBS)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        number = fh.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def spanish(qapp) -> Iterator[bool]:
    """The window in Spanish (Mexico) for one test: True when the catalogue loaded; English again after."""
    from PySide6.QtCore import QLocale

    from epcs_desktop.ui import i18n

    loaded = i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    yield loaded
    i18n.remove_translators()
