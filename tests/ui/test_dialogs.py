"""ui/dialogs.py: settings, device removal, record-device and identity dialogs as a person sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
)

from epcs_desktop.ui.dialogs import SettingsDialog


def test_settings_offer_language_theme_and_camera_names(qtbot, lee_profile, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from epcs_desktop.core import frames
    from epcs_desktop.ui import preferences, theme
    from epcs_desktop.ui.dialogs import SettingsDialog

    monkeypatch.delenv("EPCS_DESKTOP_COLOR_SCHEME", raising=False)
    cameras = [frames.CameraInfo(0, "Integrated Webcam"), frames.CameraInfo(2, "USB Camera")]
    monkeypatch.setattr(frames, "list_cameras", lambda *a, **k: cameras)
    monkeypatch.setattr("sys.platform", "linux")
    prefs = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    dlg = SettingsDialog(lee_profile, None, prefs=prefs)
    qtbot.addWidget(dlg)
    camera = dlg.editors["camera_index"]
    assert [camera.itemText(i) for i in range(camera.count())] == [
        "Camera 1 — Integrated Webcam",
        "Camera 3 — USB Camera",
    ]
    camera.setCurrentIndex(1)
    dlg.scheme.setCurrentIndex(dlg.scheme.findData("dark"))
    dlg.language.setCurrentIndex(dlg.language.findData("es"))
    try:
        dlg.accept()
        assert lee_profile.settings.camera_index == 2
        assert preferences.scheme(prefs) == "dark" and preferences.language(prefs) == "es"
        assert theme.current_scheme() == "dark"
    finally:
        theme.set_preferred_scheme(None)
        from epcs_desktop.ui.i18n import remove_translators

        remove_translators()


def test_removing_the_primary_defaults_to_cancel(qtbot, lee_profile) -> None:
    from epcs_desktop.ui.dialogs import RemoveDeviceDialog

    dlg = RemoveDeviceDialog(lee_profile, lee_profile.primary())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.cancel_button.isDefault() and not dlg.remove_button.isDefault()
    QTest.keyClick(dlg.successor, Qt.Key.Key_Return)
    assert dlg.result() == dlg.DialogCode.Rejected
    assert lee_profile.primary() is not None and len(lee_profile.devices()) == 4


def test_both_record_device_dialogs_use_one_wording(qtbot, lee_profile) -> None:
    from PySide6.QtWidgets import QFormLayout

    from epcs_desktop.ui.dialogs import OtherDeviceDialog
    from epcs_desktop.ui.frontdesk import RecordDeviceDialog

    texts = []
    for cls in (OtherDeviceDialog, RecordDeviceDialog):
        dlg = cls(lee_profile)
        qtbot.addWidget(dlg)
        form = dlg.findChild(QFormLayout)
        label = form.labelForField(dlg.nickname).text()
        texts.append((dlg.windowTitle(), label, dlg.nickname.placeholderText()))
    assert texts[0] == texts[1]
    assert texts[0][1] == "&Name your device:" and texts[0][2].startswith("e.g. ")


def test_no_dialog_box_button_defaults_to_a_destructive_action(qtbot, lee_profile) -> None:
    from epcs_desktop.ui.dialogs import RemoveDeviceDialog

    for device in lee_profile.devices():
        dlg = RemoveDeviceDialog(lee_profile, device)
        qtbot.addWidget(dlg)
        box = dlg.findChild(QDialogButtonBox)
        role = QDialogButtonBox.ButtonRole.DestructiveRole
        destructive = [b for b in box.buttons() if box.buttonRole(b) == role]
        assert destructive and not any(b.isDefault() or b.autoDefault() for b in destructive)


def test_settings_dialog_disables_locked_settings_and_says_who_set_them(
    qtbot, lee_profile, policy_file
) -> None:
    path = policy_file(
        {"settings": {"auto_lock_minutes": {"value": 3, "locked": True}, "disable_export": {"locked": True}}}
    )
    lee_profile.set_settings({"clipboard_clear_seconds": 45})
    dialog = SettingsDialog(lee_profile)
    qtbot.addWidget(dialog)
    lock = dialog.editors["auto_lock_minutes"]
    assert isinstance(lock, QSpinBox) and not lock.isEnabled() and lock.value() == 3
    why = dialog.findChild(QLabel, "locked_auto_lock_minutes")
    assert why is not None and why.text() == f"Set by your practice's IT (policy file {path})"
    export = dialog.editors["disable_export"]
    assert isinstance(export, QCheckBox) and not export.isEnabled()
    assert dialog.editors["clipboard_clear_seconds"].isEnabled()
    # Restore defaults and Save leave the locked values alone and save the rest.
    dialog.restore_defaults()
    assert lock.value() == 3
    dialog.accept()
    assert not dialog.error.isVisible() or not dialog.error.text()
    assert lee_profile.settings.clipboard_clear_seconds == 30
    assert lee_profile.settings.auto_lock_minutes == 3


def test_settings_dialog_reports_a_broken_policy_and_locks_everything(
    qtbot, lee_profile, policy_file
) -> None:
    policy_file("{ broken")
    dialog = SettingsDialog(lee_profile)
    qtbot.addWidget(dialog)
    problem = dialog.findChild(QLabel, "policy_problem")
    assert problem is not None and "is not valid JSON" in problem.text()
    assert not any(editor.isEnabled() for editor in dialog.editors.values())


def test_settings_offer_no_camera_when_none_exists(qtbot, lee_profile, tmp_path, monkeypatch) -> None:
    """Issue 22 #10: "Camera 1" was offered while the wizard said "No camera was found"."""
    from PySide6.QtCore import QSettings

    from epcs_desktop.core import frames

    monkeypatch.setattr(frames, "list_cameras", lambda *a, **k: [])
    monkeypatch.setattr("sys.platform", "linux")
    prefs = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    dlg = SettingsDialog(lee_profile, None, prefs=prefs)
    qtbot.addWidget(dlg)
    camera = dlg.editors["camera_index"]
    texts = [camera.itemText(i) for i in range(camera.count())]
    assert texts == ["No camera was found"]
    assert not camera.isEnabled()
    before = lee_profile.settings.camera_index
    dlg.accept()
    assert lee_profile.settings.camera_index == before  # kept for a camera plugged in later


def test_identity_note_example_is_not_clipped(qtbot, lee_profile) -> None:
    """Issue 22 #10: the note's example text was elided in the identity dialog."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    from epcs_desktop.ui.dialogs import IdentityDialog

    dlg = IdentityDialog(lee_profile)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    note = dlg.note
    option = QStyleOptionFrame()
    note.initStyleOption(option)
    inside = note.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, note)
    text_room = inside.width() - 4  # QLineEdit keeps 2 px each side of its text
    assert note.fontMetrics().horizontalAdvance(note.placeholderText()) <= text_room


def test_identity_date_starts_at_the_profiles_today(qtbot, store) -> None:
    """Not confirmed yet: the date offered is today by the profile's clock (it was Qt's own wall clock)."""
    from datetime import date, datetime

    from epcs_desktop.ui.dialogs import IdentityDialog
    from profile_support import PASSWORD

    profile = store.create("Dr Date", PASSWORD)  # on a FixedClock in 2025
    try:
        dlg = IdentityDialog(profile)
        qtbot.addWidget(dlg)
        expected = datetime.fromtimestamp(profile.clock.now()).date()
        assert expected != date.today()
        assert dlg.date.date().toPython() == expected
    finally:
        profile.close()
