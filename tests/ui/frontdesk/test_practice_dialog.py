"""PRACTICE enrollment: the QR code on screen is real, the check is real, nothing real is left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from frontdesk_support import T0, qimage_to_bgr
from PySide6.QtCore import Qt

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.practice import PRACTICE_ISSUER
from epcs_desktop.core.qr import decode_frame
from epcs_desktop.ui.frontdesk import PracticeDialog
from epcs_desktop.ui.frontdesk.practice_dialog import BANNER

HERE = Path(__file__).parent


def test_practice_qr_decodes_and_code_is_confirmed(qtbot, ada_profile) -> None:
    clock = FixedClock(T0)
    dlg = PracticeDialog(ada_profile, None, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "PRACTICE" in dlg.windowTitle() and "not ID.me" in BANNER
    qtbot.mouseClick(dlg.secure_continue, Qt.MouseButton.LeftButton)
    assert dlg.pages.currentIndex() == dlg.BARCODE

    # The QR label shows a real QR code whose payload is the practice URI.
    [payload] = decode_frame(qimage_to_bgr(dlg.qr_label.pixmap().toImage()))
    params = parse_uri(payload)
    assert params.issuer == PRACTICE_ISSUER
    assert params.secret == dlg.key_label.text().split(": ")[1].replace(" ", "")

    qtbot.mouseClick(dlg.barcode_continue, Qt.MouseButton.LeftButton)
    wrong = next(f"{n:06d}" for n in range(10**6) if f"{n:06d}" != totp_at(params, T0)
                 and all(totp_at(params, T0 + 30 * k) != f"{n:06d}" for k in range(-20, 21)))
    qtbot.keyClicks(dlg.code_edit, wrong)
    qtbot.mouseClick(dlg.confirm_button, Qt.MouseButton.LeftButton)
    assert "does not match" in dlg.result_label.text() and not dlg.session.accepted

    qtbot.keyClicks(dlg.code_edit, totp_at(params, T0 - 90))
    qtbot.keyClick(dlg.code_edit, Qt.Key.Key_Return)
    assert "expired" in dlg.result_label.text() and not dlg.session.accepted

    clock.advance(31)  # the code read a moment ago is from the previous period now: still accepted
    qtbot.keyClicks(dlg.code_edit, totp_at(params, T0))
    qtbot.mouseClick(dlg.confirm_button, Qt.MouseButton.LeftButton)
    assert dlg.session.accepted and "just expired" in dlg.result_label.text()
    assert dlg.close_button.text() == "Finish practice"
    dlg.accept()
    # nothing real touched
    assert [d.nickname for d in ada_profile.devices()] == ["android"]


def test_practice_generator_enrolled_here_is_removed_on_close(qtbot, ada_profile) -> None:
    dlg = PracticeDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    # What the wizard does with the scanned practice code:
    params = parse_uri(dlg.session.uri())
    ada_profile.add_device("This computer", DeviceOption.GENERATOR_HERE, params, make_primary=True)
    assert ada_profile.primary().nickname == "This computer"
    dlg.reject()
    assert dlg.removed == ["This computer"]
    assert [d.nickname for d in ada_profile.devices()] == ["android"]
    assert ada_profile.primary().nickname == "android"
    details = " ".join(e.detail for e in ada_profile.activity())
    assert params.secret not in details


@pytest.mark.xvfb
def test_practice_code_scanned_from_the_real_screen(xvfb_display, tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run(
        [sys.executable, str(HERE / "practice_screen_scan.py"), str(tmp_path / "d")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["payloads"] >= 1
    assert result["issuer"] == PRACTICE_ISSUER and result["same_secret"]
    assert result["accepted"], result["message"]
    assert "This was only practice" in result["message"]
    assert not result["typed_code_in_message"]


PLACEMENT = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.ui.frontdesk import PracticeDialog
from epcs_desktop.ui.wizard import EnrollWizard
p = ProfileStore(AppContext.for_this_machine(sys.argv[1])).create("Dr Practice", "practice password")
dlg = PracticeDialog(p, None, FixedClock(2e9))
dlg.show()
dlg.secure_continue.click()
dlg.move(int(sys.argv[2]), 60)
app.processEvents()
wizard = EnrollWizard(p, dlg, clock=FixedClock(2e9))
dlg.place_beside_qr(wizard)
wizard.show()
app.processEvents()
qr, w, screen = dlg.qr_rect(), wizard.frameGeometry(), dlg.screen().availableGeometry()
print(json.dumps({"overlap": w.intersects(qr), "qr_visible": screen.contains(qr),
                  "wizard_on_screen": screen.contains(w), "qr": qr.getRect(), "wizard": w.getRect()}))
wizard.reject(); dlg.reject(); p.close()
"""


@pytest.mark.parametrize(("width", "dialog_x"), [(1920, 300), (1280, 500), (1280, 20)])
def test_practice_wizard_opens_beside_the_practice_qr(tmp_path: Path, width: int, dialog_x: int) -> None:
    """Item 9: "Scan from the screen" needs the practice QR uncovered; the wizard opens beside it."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": 1024}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run(
        [sys.executable, "-c", PLACEMENT, str(tmp_path / "d"), str(dialog_x)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert not result["overlap"], result
    assert result["qr_visible"] and result["wizard_on_screen"], result


def test_enter_presses_continue_on_every_step(qtbot, ada_profile) -> None:
    """Issue 22 #10: Enter did not press Continue; on step 3 it checks the code once (not twice)."""
    from PySide6.QtTest import QTest

    dlg = PracticeDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    QTest.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.pages.currentIndex() == dlg.BARCODE
    QTest.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.pages.currentIndex() == dlg.CONFIRM
    params = parse_uri(dlg.session.uri())
    qtbot.keyClicks(dlg.code_edit, totp_at(params, T0))
    QTest.keyClick(dlg.code_edit, Qt.Key.Key_Return)
    assert dlg.session.accepted
    assert dlg.result_label.objectName() == "ok"  # the accepted line, not a second check of an empty field
    assert dlg.isVisible()  # Enter never ends the practice


def test_step_three_moves_off_the_code_cards(qtbot, ada_profile) -> None:
    """Issue 22 #10: the practice window covered the card whose code step 3 asks for."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.codes = QLabel("code cards", window)  # what MainWindow calls its code pane
    window.codes.setMinimumSize(220, 300)
    lay = QHBoxLayout(window)
    lay.addWidget(window.codes)
    lay.addStretch(1)
    window.setGeometry(0, 0, 260, 360)
    window.show()
    qtbot.waitExposed(window)
    dlg = PracticeDialog(ada_profile, window, FixedClock(T0))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.move(window.codes.mapToGlobal(QPoint(10, 10)))
    dlg.go(dlg.BARCODE)
    dlg.go(dlg.CONFIRM)
    cards = QRect(window.codes.mapToGlobal(QPoint(0, 0)), window.codes.size())
    assert not dlg.frameGeometry().intersects(cards)
