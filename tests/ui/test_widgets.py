"""ui/widgets: the one password entry and the one Prescriber Info form, used by every window."""

from __future__ import annotations

from epcs_desktop.core.erx import PrescriberInfo
from epcs_desktop.core.passwords import MISMATCH, TOO_SHORT
from epcs_desktop.ui.widgets.password_entry import ExistingPasswordField, PasswordEntry, ReauthPrompt
from epcs_desktop.ui.widgets.prescriber_form import PrescriberForm
from profile_support import NO_POLICY


def test_password_entry_applies_the_core_policy(qtbot) -> None:
    entry = PasswordEntry(policy=NO_POLICY)
    qtbot.addWidget(entry)
    entry.password.setText("short")
    entry.confirm.setText("short")
    assert entry.checked() is None and entry.error.text() == TOO_SHORT
    assert entry.confirm.text() == ""  # the repeat is typed again
    entry.password.setText("a long passphrase")
    entry.confirm.setText("a long passphrase!")
    assert entry.checked() is None and entry.error.text() == MISMATCH
    entry.confirm.setText("a long passphrase")
    assert entry.checked() == "a long passphrase" and entry.error.isHidden()
    entry.clear()
    assert entry.password.text() == entry.confirm.text() == ""


def test_password_entry_meter_follows_typing(qtbot) -> None:
    entry = PasswordEntry(policy=NO_POLICY)
    qtbot.addWidget(entry)
    assert entry.strength_label.text() == "" and entry.meter.value() == 0
    entry.password.setText("tulip minute copper lantern")
    assert entry.score == 4 and entry.meter.value() == 4
    assert entry.strength_label.text() == "Strength: Strong."
    entry.password.setText("password")
    assert entry.score == 0 and "commonly used" in entry.strength_label.text()


def test_prescriber_form_round_trips_and_checks_as_you_type(qtbot) -> None:
    form = PrescriberForm()
    qtbot.addWidget(form)
    info = PrescriberInfo(state="CA", license_number="A123456", dea_number="BR1234563", npi="1234567893")
    form.set_info(info)
    assert form.info() == info and form.is_valid()
    assert form.dea_status.text() == "✓ valid format"
    form.npi.setText("1234567890")  # bad check digit
    assert not form.is_valid() and form.npi_status.objectName() == "error" and form.npi_status.text()
    form.npi.setText("")
    assert form.is_valid() and form.npi_status.isHidden()


def test_existing_password_field_hides_names_and_forgets_on_close(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = ExistingPasswordField(dialog, accessible_name="Backup password")
    QVBoxLayout(dialog).addWidget(field)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert field.accessibleName() == "Backup password"
    assert ExistingPasswordField().accessibleName() == "Password"
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    dialog.show()
    field.setText("typed secret")
    field.copy()  # a hidden password is never copied
    from PySide6.QtWidgets import QApplication

    assert QApplication.clipboard().text() != "typed secret"
    dialog.reject()
    assert field.text() == ""  # closing the window forgets it


def test_reauth_prompt_checks_the_profile_password_on_a_task(qtbot, profile) -> None:
    from epcs_desktop.ui.feedback import error_label
    from epcs_desktop.ui.tasks import wait_for_tasks
    from profile_support import PASSWORD  # the shared `profile` fixture's password

    error = error_label()
    prompt = ReauthPrompt(profile, error=error, button_text="&Show")
    qtbot.addWidget(prompt)
    qtbot.addWidget(error)
    prompt.show()
    got: list[object] = []
    assert not prompt.confirm(got.append) and error.text() == "Type the profile password to continue."
    prompt.field.setText("not the password")
    assert prompt.confirm(got.append, then=lambda: "rendered")
    wait_for_tasks(qtbot, 30_000)
    assert got == [] and error.text() == "That is not this profile's password."
    assert prompt.field.text() == ""
    prompt.field.setText(PASSWORD)
    assert prompt.confirm(got.append, then=lambda: "rendered")
    wait_for_tasks(qtbot, 30_000)
    assert got == ["rendered"] and prompt.field.text() == "" and error.isHidden()
    # Closing while the check runs drops its answer.
    prompt.field.setText(PASSWORD)
    assert prompt.confirm(got.append) and prompt.checking
    prompt.hide()
    wait_for_tasks(qtbot, 30_000)
    assert got == ["rendered"] and not prompt.checking and prompt.field.text() == ""


def test_a_mismatch_message_goes_once_the_entries_are_edited(qtbot) -> None:
    from epcs_desktop.ui.widgets.password_entry import PasswordEntry

    entry = PasswordEntry(policy=NO_POLICY)
    qtbot.addWidget(entry)
    entry.show()
    qtbot.keyClicks(entry.password, "correct horse battery")
    qtbot.keyClicks(entry.confirm, "correct horse batery")
    assert entry.checked() is None
    assert entry.error.text() == "The two passwords are not the same."
    qtbot.keyClicks(entry.confirm, "c")  # the person is fixing it: the old verdict is gone
    assert entry.error.text() == "" and not entry.error.isVisible()
