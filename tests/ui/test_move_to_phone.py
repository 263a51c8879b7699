"""ui/move_to_phone.py: "Move to a phone": password re-entry, the QR countdown, removal after a code."""

from __future__ import annotations

import cv2
import numpy as np
from gui_support import EXPORT_PASSWORD, OFFICE_TOTP

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import build_uri
from epcs_desktop.ui.move_to_phone import SHOW_SECONDS, MoveToPhoneDialog
from epcs_desktop.ui.tasks import wait_for_tasks

T0 = 1_700_000_007.0


def _decode(pixmap) -> str:
    image = pixmap.toImage().convertToFormat(pixmap.toImage().Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(raw[:, :width]))
    return text


def test_move_to_phone_shows_qr_after_password_hides_it_and_removes_after_code(
    qtbot, totp_hotp_push_profile
) -> None:
    clock = FixedClock(T0)
    device = totp_hotp_push_profile.device("Office PC")
    dialog = MoveToPhoneDialog(totp_hotp_push_profile, device, None, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.qr_shown and "Anyone who sees this QR code" in dialog.warning.text()
    dialog.password.setText("wrong password")
    dialog.reveal()
    wait_for_tasks(qtbot, 30_000)
    assert not dialog.qr_shown and "not this profile's password" in dialog.error.text()
    dialog.password.setText(EXPORT_PASSWORD)
    dialog.reveal()
    wait_for_tasks(qtbot, 30_000)
    assert dialog.qr_shown and dialog.password.text() == ""
    assert _decode(dialog.qr.pixmap()) == build_uri(OFFICE_TOTP)
    for _ in range(SHOW_SECONDS):  # the countdown hides it by itself
        dialog._tick()
    assert not dialog.qr_shown and dialog.pw_form.isVisible()

    assert not dialog.remove_button.isVisible()
    dialog.code.setText("000000")
    dialog.check()
    assert not dialog.verified and "not the code" in dialog.result.text()
    dialog.remove_here()
    assert [d.nickname for d in totp_hotp_push_profile.devices()] == ["Office PC", "Bank token", "Phone"]
    dialog.code.setText(totp_at(OFFICE_TOTP, clock.now()))
    dialog.check()
    assert dialog.verified and dialog.remove_button.isVisible()
    # "Office PC" is the primary and two devices remain: the next primary is asked for, here
    assert dialog.successor_row.isVisibleTo(dialog)
    dialog.successor.setCurrentIndex(dialog.successor.findText("Phone"))
    dialog.remove_here()
    assert [(d.nickname, d.is_primary) for d in totp_hotp_push_profile.devices()] == [
        ("Bank token", False),
        ("Phone", True),
    ]
    assert dialog.removed
