"""The window side of the AT-SPI test: shows one screen at a time for the walker (run from the venv).

Usage: python a11y_app.py DATA_DIR  — reads commands on stdin, one per line:
``show NAME`` builds and shows that screen (closing the previous one) and answers
``shown NAME <window title>`` (or ``failed NAME <error>``); ``quit`` ends.
The screens are the lock screen, the main window, the wizard's pages and every dialog a
clinician or the front desk can open. Accessibility is forced on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1")
os.environ.setdefault("EPCS_DESKTOP_CLOCK_CHECK", "off")

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PASSWORD = "correct horse battery"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NEW_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QApplication(["epcs-a11y"])
    app.setApplicationName("epcs-a11y")
    from epcs_desktop.core.context import AppContext
    from epcs_desktop.core.erx import DeviceOption
    from epcs_desktop.core.otpauth import OtpParams
    from epcs_desktop.core.profiles import ProfileStore
    from epcs_desktop.ui import theme
    from epcs_desktop.ui.controller import AppController

    theme.Theme(app)
    context = AppContext.for_this_machine(data_dir)  # what run_gui builds
    store = ProfileStore(context)
    profile = store.create("Dr Lee", PASSWORD)
    profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, OtpParams("totp", SECRET, "lee", "ID.me"))
    profile.add_device("MyiPhone", DeviceOption.PUSH)
    controller = AppController(store, context.clock, show_notice=False)
    window = controller.open_profile(profile)
    assert window is not None
    current: list[QWidget] = []

    def wizard_page(page_id: str):
        from epcs_desktop.ui.wizard import EnrollWizard
        from epcs_desktop.ui.wizard.ids import PageId

        page_id, _, typed = page_id.partition("!")
        w = EnrollWizard(profile, window, clock=context.clock, cameras=lambda: [], screen_grabber=lambda: [])
        w.show()
        if page_id == "CONFIRM":  # a new generator to confirm: its live code is what is read out
            w.state.set_single(OtpParams("totp", NEW_SECRET, "lee", "ID.me"))
        if page_id != "METHOD":
            # Walk forward through the method page to the wanted one.
            target = int(getattr(PageId, page_id))
            w.setStartId(target)
            w.restart()
        if typed:  # "KEY!text": type into the page once shown, so its message line appears (announced)
            QTimer.singleShot(150, lambda: w.currentPage().key_edit.setText(typed))
        return w

    def frontdesk(name: str):
        from epcs_desktop.ui import frontdesk as fd

        if name == "guide":
            return fd.ChangeGuideDialog(profile, window, context.clock)
        if name == "practice":
            return fd.PracticeDialog(profile, window, context.clock)
        if name == "activity":
            return fd.ActivityLogDialog(profile, window)
        if name == "record":
            return fd.RecordDeviceDialog(profile, window)
        if name == "handover":
            return fd.HandOverDialog(store, controller.start_window)
        raise KeyError(name)

    def dialogs(name: str):
        from epcs_desktop.ui import backup_dialogs
        from epcs_desktop.ui import dialogs as d

        if name == "settings":
            return d.SettingsDialog(profile, window, prefs=controller.window_settings)
        if name == "identity":
            return d.IdentityDialog(profile, window)
        if name == "other_device":
            return d.OtherDeviceDialog(profile, window)
        if name == "remove_device":
            return d.RemoveDeviceDialog(profile, profile.device("MyiPhone"), window)
        if name == "backup":
            return backup_dialogs.BackupDialog(profile, window, choose_path=lambda *_: "")
        if name == "restore":
            return backup_dialogs.RestoreDialog(profile, window, choose_path=lambda *_: "")
        raise KeyError(name)

    if os.environ.get("EPCS_A11Y_PLANT_DEFECT"):  # the walker's own test: known defects
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolButton

        nameless = QToolButton(window.statusBar())  # an icon-only button with no name
        window.statusBar().addPermanentWidget(nameless)
        tab_stop = QWidget(window.statusBar())  # a nameless panel that takes focus
        tab_stop.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        tab_stop.setMinimumSize(20, 10)
        window.statusBar().addPermanentWidget(tab_stop)

    def build(name: str) -> QWidget:
        if name == "main":
            return window
        if name == "lock":
            return controller.start_window
        if name.startswith("wizard:"):
            return wizard_page(name.split(":", 1)[1])
        if name.startswith("frontdesk:"):
            return frontdesk(name.split(":", 1)[1])
        return dialogs(name)

    def handle(line: str) -> None:
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "quit":
            app.quit()
            return
        for w in current:
            if w is not window and w is not controller.start_window:
                w.close()
                w.deleteLater()
        current.clear()
        try:
            w = build(arg)
        except Exception as exc:  # reported to the walker's test, which fails on it
            traceback.print_exc(file=sys.stderr)
            print(f"failed {arg} {type(exc).__name__}: {exc}", flush=True)
            return
        if w is controller.start_window:
            window.hide()
        elif w is window:
            controller.start_window.hide()
        else:
            window.show()
        w.show()
        w.raise_()
        w.activateWindow()
        current.append(w)
        QTimer.singleShot(400, lambda: print(f"shown {arg} {w.windowTitle()}", flush=True))

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        handle(line)

    notifier.activated.connect(read)
    print("ready", flush=True)
    code = app.exec()
    controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
