"""ui/tray.py: closing the window keeps the program in the notification area only when chosen."""

from __future__ import annotations

from gui_support import PASSWORD
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from epcs_desktop.ui import tray


def test_closing_ends_the_window_unless_keep_in_tray_was_chosen(qtbot, controller, lee_profile) -> None:
    assert not tray.keep_in_tray(controller.window_settings)  # off by default
    controller.tray = QSystemTrayIcon()  # the offscreen platform has no notification area: give it one
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not window.isVisible()  # closed as before (the program ends when it is the last window)
    assert QApplication.instance().quitOnLastWindowClosed()

    window = controller.open_profile(controller.store.open("Dr Lee", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    tray.set_keep_in_tray(controller.window_settings, True)
    controller.close_to_tray.apply()
    assert window.close() is False  # refused: hidden, still unlocked, reachable from the tray
    assert not window.isVisible() and controller.main_window is window and controller.profile is not None
    assert not QApplication.instance().quitOnLastWindowClosed()
    controller.tray_lock.trigger()  # the tray's Lock really closes it
    assert controller.main_window is None and controller.profile is None

    controller.tray = None  # no notification area: closing must close, or there is no way back
    assert not controller.close_to_tray.active()
    tray.set_keep_in_tray(controller.window_settings, False)


def test_settings_offers_the_choice(qtbot, controller, lee_profile) -> None:
    from epcs_desktop.ui.dialogs import SettingsDialog

    dialog = SettingsDialog(lee_profile, prefs=controller.window_settings)
    qtbot.addWidget(dialog)
    assert not dialog.keep_in_tray.isChecked()
    dialog.keep_in_tray.setChecked(True)
    dialog._save_display()
    assert tray.keep_in_tray(controller.window_settings)
    tray.set_keep_in_tray(controller.window_settings, False)
