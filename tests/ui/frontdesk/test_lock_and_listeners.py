"""Front-desk dialogs vs a lock during a nested wizard, and profile listeners (review findings).

Real controller, real main window, real SQLCipher profile: `controller.lock()`
closes every window and the vault while the nested `exec()` is still running,
exactly as the auto-lock timer or a screen lock does.
"""

from __future__ import annotations

from frontdesk_support import PW
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.frontdesk import ActivityLogDialog, ChangeGuideDialog


def _unlocked(controller, data_dir_store):
    profile = data_dir_store.create("Dr Lock", PW)
    profile.add_device("Office PC", DeviceOption.PUSH)
    return profile, controller.open_profile(profile)


def test_lock_while_the_practice_wizard_is_open(qtbot, controller, data_dir_store) -> None:
    profile, window = _unlocked(controller, data_dir_store)
    window.open_practice()
    dialog = window.dialog
    QTimer.singleShot(0, controller.lock)  # runs inside the wizard's own event loop
    dialog._open_wizard()  # before the fix: VaultError from the closed vault after exec() returned
    assert controller.profile is None
    assert not profile.vault.is_open


def test_lock_while_the_guide_wizard_is_open(qtbot, controller, data_dir_store) -> None:
    profile, window = _unlocked(controller, data_dir_store)
    window.erx.show_change_guide()
    dialog = window.erx.dialog
    assert isinstance(dialog, ChangeGuideDialog)
    QTimer.singleShot(0, controller.lock)
    dialog._enroll()
    assert not profile.vault.is_open
    assert dialog.message.text() == ""  # it did not go on to read the closed vault


def test_lock_while_the_guide_record_dialog_is_open(qtbot, controller, data_dir_store) -> None:
    profile, window = _unlocked(controller, data_dir_store)
    window.erx.show_change_guide()
    dialog = window.erx.dialog
    QTimer.singleShot(0, controller.lock)
    dialog._record()
    assert not profile.vault.is_open
    assert dialog.message.text() == ""


def test_closed_dialogs_stop_listening(qtbot, controller, data_dir_store) -> None:
    profile, window = _unlocked(controller, data_dir_store)
    base = len(profile._listeners)
    for _ in range(5):
        window.erx.show_change_guide()
        window.erx.dialog.close()
        window.open_activity_log()
        window.dialog.close()
    QApplication.processEvents()
    assert len(profile._listeners) == base  # was 1 -> 11: every hidden dialog refreshed on each change


def test_open_dialog_follows_changes_and_catches_up_when_shown_again(qtbot, ada_profile) -> None:
    dlg = ActivityLogDialog(ada_profile)
    qtbot.addWidget(dlg)
    base = len(ada_profile._listeners)
    dlg.show()
    before = dlg.model.rowCount()
    ada_profile.add_device("Desk phone", DeviceOption.PUSH)
    assert dlg.model.rowCount() == before + 1  # listening while open
    dlg.close()
    assert len(ada_profile._listeners) == base == 1  # one listener per profile: its ui.bridge
    ada_profile.add_device("Spare phone", DeviceOption.PUSH)
    assert dlg.model.rowCount() == before + 1  # closed: no refresh
    dlg.show()
    assert dlg.model.rowCount() == before + 2  # shown again: caught up and listening
    assert len(ada_profile._listeners) == base
    ada_profile.add_device("Third phone", DeviceOption.PUSH)
    assert dlg.model.rowCount() == before + 3
