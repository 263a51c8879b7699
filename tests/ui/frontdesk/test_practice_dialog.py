"""PRACTICE enrollment: the QR code on screen is real, the check is real, nothing real is left behind."""

from __future__ import annotations

import json
import os
import shutil
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


def test_practice_qr_decodes_and_code_is_confirmed(qtbot, profile) -> None:
    clock = FixedClock(T0)
    dlg = PracticeDialog(profile, clock=clock)
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
    qtbot.keyClicks(dlg.code_edit, "")
    dlg.code_edit.returnPressed.emit()
    assert "expired" in dlg.result_label.text() and not dlg.session.accepted

    clock.advance(31)  # the code read a moment ago is from the previous period now: still accepted
    qtbot.keyClicks(dlg.code_edit, totp_at(params, T0))
    qtbot.mouseClick(dlg.confirm_button, Qt.MouseButton.LeftButton)
    assert dlg.session.accepted and "just expired" in dlg.result_label.text()
    assert dlg.close_button.text() == "Finish practice"
    dlg.accept()
    # nothing real touched
    assert [d.nickname for d in profile.devices()] == ["android"]


def test_practice_generator_enrolled_here_is_removed_on_close(qtbot, profile) -> None:
    dlg = PracticeDialog(profile, clock=FixedClock(T0))
    qtbot.addWidget(dlg)
    # What the wizard does with the scanned practice code:
    params = parse_uri(dlg.session.uri())
    profile.add_device("This computer", DeviceOption.GENERATOR_HERE, params, make_primary=True)
    assert profile.primary().nickname == "This computer"
    dlg.reject()
    assert dlg.removed == ["This computer"]
    assert [d.nickname for d in profile.devices()] == ["android"]
    assert profile.primary().nickname == "android"
    details = " ".join(e.detail for e in profile.activity())
    assert params.secret not in details


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
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
    return proc, f":{number}"


@pytest.fixture
def xvfb_display():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/common.sh TEST_DEBS)")
    proc, display = _start_xvfb()
    yield display
    proc.terminate()
    proc.wait(timeout=10)


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
