"""Hand-over: staff create a profile on a temporary password; the clinician must replace it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.errors import WrongPasswordError
from epcs_desktop.core.guide import state_store
from epcs_desktop.core.handover import generate_temporary_password, must_change_password
from epcs_desktop.ui.frontdesk import HandOverDialog, NewPasswordDialog, require_new_password_if_needed

TEMP = "temp-pass-1234"
MINE = "my own secret phrase"


def _staff_creates(qtbot, profiles) -> HandOverDialog:
    dlg = HandOverDialog(profiles)
    qtbot.addWidget(dlg)
    dlg.name_edit.setText("Dr Cy")
    dlg.password_edit.setText(TEMP)
    dlg.staff_edit.setText("Pat at the front desk")
    dlg.state_combo.setCurrentIndex(dlg.state_combo.findData("CA"))
    dlg.license_edit.setText("A123456")
    dlg.dea_edit.setText("BR1234563")
    dlg.npi_edit.setText("1234567893")
    return dlg


def _create(qtbot, dlg: HandOverDialog) -> bool:
    """Press Create and wait for the worker thread (the KDF runs off the GUI thread)."""
    if not dlg.create():
        return False
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    return dlg.created_name is not None


def _submit(qtbot, dlg: NewPasswordDialog) -> bool:
    """Press Set my password and wait for the worker thread (Argon2 check, re-key)."""
    if not dlg.submit():
        return False
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20000)
    return dlg.result() == NewPasswordDialog.DialogCode.Accepted


def test_front_desk_creates_then_clinician_must_change(qtbot, profiles) -> None:
    dlg = _staff_creates(qtbot, profiles)
    dlg.npi_edit.setText("1234567890")  # bad Luhn: shown inline, nothing created
    assert not _create(qtbot, dlg)
    assert not dlg.error.isHidden() and "NPI" in dlg.error.text()
    assert not profiles.exists("Dr Cy")
    dlg.npi_edit.setText("1234567893")
    assert _create(qtbot, dlg) and dlg.created_name == "Dr Cy"

    # The clinician unlocks with the temporary password and is made to choose a new one.
    profile = profiles.open("Dr Cy", TEMP)
    assert profile.prescriber().dea_number == "BR1234563" and profile.prescriber().state == "CA"
    assert must_change_password(state_store(profile))
    change = NewPasswordDialog(profile)
    qtbot.addWidget(change)
    assert "Pat at the front desk" in change.findChildren(type(change.error))[0].text()
    for new, confirm, why in (
        (MINE, MINE + "x", "not the same"),
        ("short", "short", "at least 8"),
        (TEMP, TEMP, "not the temporary one"),
    ):
        change.new_edit.setText(new)
        change.confirm_edit.setText(confirm)
        assert not _submit(qtbot, change)
        assert why in change.error.text()
        assert new not in change.error.text()
    assert must_change_password(state_store(profile))
    change.new_edit.setText(MINE)
    change.confirm_edit.setText(MINE)
    assert _submit(qtbot, change)
    assert not must_change_password(state_store(profile))
    profile.close()

    with pytest.raises(WrongPasswordError):
        profiles.open("Dr Cy", TEMP)
    profile = profiles.open("Dr Cy", MINE)
    try:
        assert require_new_password_if_needed(profile) is True  # no dialog any more
        actions = [e.action for e in profile.activity()]
        assert "profile handed over" in actions and "password changed" in actions
    finally:
        profile.close()


def test_require_new_password_runs_the_modal_dialog(qtbot, profiles) -> None:
    assert _create(qtbot, _staff_creates(qtbot, profiles))
    profile = profiles.open("Dr Cy", TEMP)
    seen: list[str] = []

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, NewPasswordDialog)
        seen.append(dlg.windowTitle())
        dlg.new_edit.setText(MINE)
        dlg.confirm_edit.setText(MINE)
        dlg.buttons.accepted.emit()

    QTimer.singleShot(0, answer)
    try:
        assert require_new_password_if_needed(profile) is True
        assert seen == ["Choose your own password"]
        assert not must_change_password(state_store(profile))
    finally:
        profile.close()
    profiles.open("Dr Cy", MINE).close()


def test_cancelling_the_change_keeps_the_flag(qtbot, profiles) -> None:
    assert _create(qtbot, _staff_creates(qtbot, profiles))
    profile = profiles.open("Dr Cy", TEMP)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    try:
        assert require_new_password_if_needed(profile) is False
        assert must_change_password(state_store(profile))
    finally:
        profile.close()


def test_other_profiles_stay_closed_to_staff(qtbot, profiles, profile) -> None:
    """Staff who know Dr Cy's temporary password cannot open Dr Ada's codes with it."""
    assert _create(qtbot, _staff_creates(qtbot, profiles))
    with pytest.raises(WrongPasswordError):
        profiles.open("Dr Ada", TEMP)
    raw = profiles.path_for("Dr Cy").read_bytes()
    assert b"BR1234563" not in raw and b"frontdesk" not in raw  # encrypted at rest


def test_temporary_passwords_are_readable_and_random() -> None:
    a, b = generate_temporary_password(), generate_temporary_password()
    assert a != b and len(a) == 14 and a.count("-") == 2
    assert not set(a) & set("0O1lI")


def test_creating_runs_off_the_gui_thread_with_the_form_greyed_out(qtbot, profiles) -> None:
    """The KDF runs on a worker: the form is greyed out meanwhile and Cancel waits for it."""
    dlg = _staff_creates(qtbot, profiles)
    dlg.show()
    with qtbot.waitSignal(dlg.created, timeout=20000) as blocker:
        assert dlg.create()
        assert dlg.busy
        assert not dlg.buttons.isEnabled() and not dlg.password_edit.isEnabled()
        dlg.reject()  # Escape / Cancel while the profile is written: ignored, not half-made
        assert dlg.isVisible()
    assert blocker.args == ["Dr Cy"]
    assert dlg.result() == HandOverDialog.DialogCode.Accepted
    assert dlg.buttons.isEnabled()
    profiles.open("Dr Cy", TEMP).close()


def test_new_password_is_set_off_the_gui_thread(qtbot, profiles) -> None:
    assert _create(qtbot, _staff_creates(qtbot, profiles))
    profile = profiles.open("Dr Cy", TEMP)
    try:
        change = NewPasswordDialog(profile)
        qtbot.addWidget(change)
        change.show()
        change.new_edit.setText(MINE)
        change.confirm_edit.setText(MINE)
        with qtbot.waitSignal(change.password_changed, timeout=20000):
            assert change.submit()
            assert change.busy and not change.buttons.isEnabled()
            change.reject()  # "Lock profile" during the re-key is refused
            assert change.isVisible()
        assert not must_change_password(state_store(profile))
    finally:
        profile.close()
    profiles.open("Dr Cy", MINE).close()
