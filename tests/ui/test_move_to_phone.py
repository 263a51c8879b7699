"""ui/move_to_phone.py: "Move to a phone": password re-entry, the QR countdown, removal after a code."""

from __future__ import annotations

import cv2
import numpy as np
from gui_support import EXPORT_PASSWORD, OFFICE_TOTP

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import Location
from epcs_desktop.core.export import export_uri
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.ui.move_to_phone import SHOW_SECONDS, MoveToPhoneDialog
from epcs_desktop.ui.tasks import wait_for_tasks

T0 = 1_700_000_007.0


def _decode(pixmap) -> str:
    image = pixmap.toImage().convertToFormat(pixmap.toImage().Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(raw[:, :width]))
    return text


def test_move_to_phone_shows_qr_after_password_hides_it_and_keeps_the_device_on_the_phone(
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
    uri = _decode(dialog.qr.pixmap())
    assert uri == export_uri("Office PC", OFFICE_TOTP)  # the one label builder exports use (issue 18)
    label = parse_uri(uri)
    assert label.issuer == "ID.me" and "Office PC" in label.account and "jane@clinic.org" in label.account
    for _ in range(SHOW_SECONDS):  # the countdown hides it by itself
        dialog._tick()
    assert not dialog.qr_shown and dialog.pw_form.isVisible()

    assert not dialog.remove_button.isVisible()
    dialog.code.setText("000000")
    dialog.check()
    assert not dialog.verified and "not the code" in dialog.check_result.text()
    dialog.remove_here()
    assert [d.nickname for d in totp_hotp_push_profile.devices()] == ["Office PC", "Bank token", "Phone"]
    dialog.code.setText(totp_at(OFFICE_TOTP, clock.now()))
    dialog.check()
    assert dialog.verified and dialog.remove_button.isVisible()
    # Issue 18: the ID.me device stays, now "on a phone"; its code is no longer made here; nothing is
    # removed until the person asks, and the dialog says nothing changes in ID.me.
    office = totp_hotp_push_profile.device("Office PC")
    assert office.location is Location.PHONE and office.is_primary and office.secret_kept
    assert "nothing changes in ID.me" in dialog.check_result.text()
    assert "Office PC" not in [g.nickname for g in totp_hotp_push_profile.generators()]
    assert [d.nickname for d in totp_hotp_push_profile.devices()] == ["Office PC", "Bank token", "Phone"]
    dialog.remove_here(confirmed=True)
    office = totp_hotp_push_profile.device("Office PC")
    assert not office.secret_kept and office.location is Location.PHONE and office.is_primary
    assert dialog.removed and not dialog.remove_button.isVisible()
