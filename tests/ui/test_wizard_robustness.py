"""Background results that arrive after the wizard moved on, closed or was deleted (review findings).

A decode or a camera probe runs on a worker thread and reports by a queued
signal, so its result is delivered only when the event loop runs again. The
tests start the work and close / leave / delete the wizard in the same turn of
the event loop, which makes "the result arrives late" deterministic.
Exceptions raised in a slot fail the test (pytest-qt captures them).
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import qrcode
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
URI = f"otpauth://totp/ID.me:jane%40example.com?secret={SECRET}&issuer=ID.me"
PASSWORD = "correct horse battery staple"


class _Cam:
    def __init__(self, index: int, name: str) -> None:
        self.index = index
        self.name = name


@pytest.fixture
def profile(data_dir: Path):
    from epcs_desktop.core.profiles import ProfileStore

    p = ProfileStore(data_dir).create("Dr Late", PASSWORD)
    yield p
    p.close()


def _wizard(qtbot, profile, parent: QWidget | None = None, **kwargs) -> EnrollWizard:
    wizard = EnrollWizard(profile, parent, clock=FixedClock(1_700_000_007.0), **kwargs)
    if parent is None:
        qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _go(wizard: EnrollWizard, page: PageId) -> None:
    wizard.method_page.choose(page)
    wizard.next()
    assert wizard.currentId() == page


def _qr_png(path: Path) -> Path:
    qrcode.make(URI, box_size=8, border=4).save(path)
    return path


def _delete_now(widget: QWidget) -> None:
    """What a lock does to the main window (and so to the wizard parented to it)."""
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _pool_idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=20000)
    qtbot.wait(50)  # deliver the queued results


def test_image_result_after_the_wizard_was_deleted_is_dropped(qtbot, profile, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _wizard(qtbot, profile, parent)
    _go(wizard, PageId.IMAGE)
    wizard.image_page.load_file(str(_qr_png(tmp_path / "code.png")))
    _delete_now(parent)
    _pool_idle(qtbot)  # before the fix: RuntimeError, the page's label was already deleted
    assert profile.devices() == []


def test_image_result_after_cancel_does_not_bring_the_secret_back(qtbot, profile, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, profile)
    _go(wizard, PageId.IMAGE)
    page = wizard.image_page
    page.load_file(str(_qr_png(tmp_path / "code.png")))
    wizard.reject()  # the wizard forgets its secrets now; the decode is still on its way
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert wizard.state.candidates == []
    assert not page.isComplete()


def test_image_result_after_back_is_not_taken_by_a_page_no_longer_shown(
    qtbot, profile, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, profile)
    _go(wizard, PageId.IMAGE)
    page = wizard.image_page
    page.load_file(str(_qr_png(tmp_path / "code.png")))
    wizard.back()
    assert wizard.currentId() == PageId.METHOD
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert wizard.state.candidates == []
    assert not page.isComplete()
    # Going forward again works normally.
    wizard.next()
    page.load_file(str(tmp_path / "code.png"))
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert [c.secret for c in wizard.state.candidates] == [SECRET]


def test_screen_result_after_the_wizard_was_deleted_is_dropped(qtbot, profile) -> None:
    noise = (np.random.default_rng(7).random((1500, 2000, 3)) * 255).astype("uint8")
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _wizard(qtbot, profile, parent, screen_grabber=lambda: [noise])
    _go(wizard, PageId.SCREEN)
    page = wizard.screen_page
    page.scan()
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() > 0 or not page.busy, timeout=5000)  # decoding
    _delete_now(parent)
    _pool_idle(qtbot)
    assert profile.devices() == []


def test_camera_list_after_the_wizard_was_deleted_starts_no_camera(qtbot, profile) -> None:
    probing = threading.Event()
    release = threading.Event()
    opened: list[int] = []

    def cameras() -> list[_Cam]:
        probing.set()
        release.wait(10)
        return [_Cam(0, "late camera")]

    def factory(index: int):
        opened.append(index)
        raise AssertionError("no camera may be opened for a deleted wizard")

    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = _wizard(qtbot, profile, parent, cameras=cameras, source_factory=factory)
    _go(wizard, PageId.CAMERA)
    assert probing.wait(5)
    _delete_now(parent)
    release.set()
    _pool_idle(qtbot)  # before the fix: RuntimeError from the deleted page's wizard()
    assert opened == []
