"""Run by test_practice_dialog.py in a subprocess on an Xvfb display (QT_QPA_PLATFORM=xcb).

Shows the PRACTICE dialog on a real X screen, grabs the whole screen the way
the wizard's "from the screen" path does, decodes it with the real decoder,
computes the code from the scanned URI and types it into "Confirm your
device". Prints one JSON line describing what happened (never the secret).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.context import AppContext
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.qr import decode_frame
from epcs_desktop.ui.frontdesk import PracticeDialog
from epcs_desktop.ui.screen_grab import grab_screens


def main(data_dir: str) -> int:
    app = QApplication(sys.argv[:1])
    assert app.platformName() == "xcb", app.platformName()
    context = AppContext.for_this_machine(data_dir)  # what run_gui builds
    clock = context.clock
    profile = ProfileStore(context).create("Dr Xvfb", "xvfb password 1")
    dlg = PracticeDialog(profile, None, clock)
    dlg.show()
    dlg.raise_()
    QTest.mouseClick(dlg.secure_continue, Qt.MouseButton.LeftButton)
    for _ in range(20):
        app.processEvents()
        QTest.qWait(50)
    payloads: list[str] = []
    for frame in grab_screens(context.policy.current()):  # the wizard's real "from the screen" path
        payloads.extend(decode_frame(frame))
    out: dict[str, object] = {"payloads": len(payloads)}
    if payloads:
        params = parse_uri(payloads[0])
        out["issuer"] = params.issuer
        out["same_secret"] = params.secret == dlg.session.params.secret
        code = totp_at(params, clock.now())
        QTest.mouseClick(dlg.barcode_continue, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dlg.code_edit, code)
        QTest.mouseClick(dlg.confirm_button, Qt.MouseButton.LeftButton)
        app.processEvents()
        out["message"] = dlg.result_label.text()
        out["accepted"] = dlg.session.accepted
        out["typed_code_in_message"] = code in dlg.result_label.text()
    dlg.accept()
    profile.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
