"""Back up now / Restore from backup through the real dialogs, real Argon2id and real vaults."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from gui_support import PASSWORD, otp
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from epcs_desktop.core import backup
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.backup_dialogs import (
    BackupDialog,
    RestoreDialog,
    open_backup,
    open_restore,
)
from epcs_desktop.ui.tasks import wait_for_tasks

BACKUP_PASSWORD = "tulip minute copper lantern"


def devices(lee_profile) -> list[tuple[str, str, bool, str | None]]:
    return [
        (d.nickname, d.option.value, d.is_primary, d.otp.secret if d.otp else None)
        for d in lee_profile.devices()
    ]


def chooser(path: Path):
    asked: list[bool] = []

    def choose(_parent, save: bool) -> str:
        asked.append(save)
        return str(path)

    choose.asked = asked  # type: ignore[attr-defined]
    return choose


def make_backup(qtbot, window, path: Path) -> BackupDialog:
    dialog = open_backup(window, choose_path=chooser(path))
    dialog.browse()
    qtbot.keyClicks(dialog.password, BACKUP_PASSWORD)
    qtbot.keyClicks(dialog.confirm, BACKUP_PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    return dialog


def read_backup_in_dialog(qtbot, window, path: Path, password: str) -> RestoreDialog:
    dialog = open_restore(window, choose_path=chooser(path))
    dialog.browse()
    qtbot.keyClicks(dialog.password, password)
    dialog.read()
    # The KDF runs on the worker: the one busy treatment (form disabled, wait cursor).
    assert dialog.busy and not dialog.password.isEnabled() and QApplication.overrideCursor() is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    return dialog


def press_restore(restore: RestoreDialog) -> None:
    """Press "Merge" / "Replace" in the confirmation box (its destructive button)."""
    box = restore.confirm_box
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    go.click()


def test_backup_then_restore_round_trip_through_the_dialogs(qtbot, controller, lee_profile, tmp_path) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    original = devices(lee_profile)
    target = tmp_path / "lee.epcsbak"

    dialog = open_backup(window, choose_path=chooser(target))
    dialog.browse()
    assert dialog.path.text() == str(target) and dialog.choose_path.asked == [True]
    qtbot.keyClicks(dialog.password, BACKUP_PASSWORD)
    qtbot.keyClicks(dialog.confirm, BACKUP_PASSWORD + "x")
    dialog.accept()
    # core.passwords' words, the same as the profile password's and the CLI's
    assert dialog.error.text() == "The two passwords are not the same."
    assert dialog.isVisible() and not target.exists()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, BACKUP_PASSWORD)
    dialog.accept()
    assert dialog.busy and not dialog.ok_button.isEnabled() and QApplication.overrideCursor() is not None
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    assert not dialog.isVisible() and target.exists() and dialog.password.text() == ""
    assert backup.last_backup_at(lee_profile) is not None
    assert lee_profile.activity()[0].action == "backup made"
    assert backup.read_backup(target, BACKUP_PASSWORD)["devices"][1]["nickname"] == "Laptop"

    lee_profile.remove_device("Laptop")
    lee_profile.rename_device("Office PC", "Front desk PC")
    changed = devices(lee_profile)

    wrong = read_backup_in_dialog(qtbot, window, target, "not the password")
    assert wrong.error.text() == "The backup password is wrong."
    assert wrong.pages.currentIndex() == 0 and devices(lee_profile) == changed
    wrong.reject()

    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert restore.pages.currentIndex() == 1 and restore.password.text() == ""
    assert "made" in restore.about.text() and "with 4 devices." in restore.about.text()
    merge_lines = restore.preview_lines()
    assert "“Laptop” (Generate 2FA Key) is added." in merge_lines
    # The renamed generator is the same account (core.enrollment.account_key): kept, not added twice.
    assert "“Office PC” is kept: it is already here as “Front desk PC”." in merge_lines
    restore.replace.setChecked(True)
    replace_lines = restore.preview_lines()
    assert replace_lines != merge_lines
    # In words, each device once: the unchanged ones are "kept", not removed and added again.
    assert "“MyiPhone” (Push Notification 2FA) is kept." in replace_lines
    assert not any("MyiPhone" in x and ("removed" in x or "added" in x) for x in replace_lines)
    assert not any(x[:1] in "-+=*~" for x in replace_lines)
    assert devices(lee_profile) == changed  # previewing changes nothing

    restore.ask_confirmation()
    box = restore.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "Replace everything" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert devices(lee_profile) == changed and restore.isVisible()

    restore.ask_confirmation()
    box = restore.confirm_box
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    go.click()
    qtbot.waitUntil(lambda: not restore.isVisible(), timeout=5_000)
    assert devices(lee_profile) == original
    assert restore.snapshot is None and restore.summary
    # the main window followed the change (the profile listener refreshed the table)
    qtbot.waitUntil(lambda: window.erx.model.rowCount() == len(original), timeout=2_000)


def test_merge_restore_keeps_what_is_here(qtbot, controller, lee_profile, tmp_path) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    lee_profile.remove_device("OfficeiPad")
    lee_profile.add_device("New tablet", DeviceOption.GENERATOR_OTHER)
    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert restore.mode() == "merge"
    restore.ask_confirmation()
    assert "Nothing already here is removed" in restore.confirm_box.text()
    press_restore(restore)
    names = [d.nickname for d in lee_profile.devices()]
    assert "New tablet" in names and "OfficeiPad" in names and len(names) == 5


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: len(b) // 2], "incomplete"),
        (lambda b: b[:-5] + bytes(x ^ 0xFF for x in b[-5:]), "damaged"),
        (lambda b: b"not a backup at all", "not an EPCS Desktop backup"),
    ],
)
def test_damaged_file_gives_a_clear_message_and_changes_nothing(
    qtbot, controller, lee_profile, tmp_path, damage, message
) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    target.write_bytes(damage(target.read_bytes()))
    lee_profile.remove_device("Laptop")
    before = devices(lee_profile)
    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert message in restore.error.text()
    assert restore.pages.currentIndex() == 0 and restore.snapshot is None
    assert devices(lee_profile) == before


def test_backup_dialog_validates_before_any_work(qtbot, controller, lee_profile, tmp_path) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    dialog = BackupDialog(lee_profile, window, choose_path=lambda _p, _s: "")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.browse()  # cancelled file dialog: nothing chosen
    dialog.accept()
    assert dialog.error.text() == "Choose where to save the backup." and not dialog.busy
    dialog.path.setText(str(tmp_path))
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog.accept()
    assert dialog.error.text() == "Choose a password of at least 8 characters."
    assert dialog.hint.text() == "Strength: Very weak. Use at least 8 characters."
    dialog.password.setText(BACKUP_PASSWORD)
    dialog.confirm.setText(BACKUP_PASSWORD)
    assert dialog.hint.text() == "Strength: Strong." and dialog.entry.score == 4
    dialog.accept()
    assert "folder" in dialog.error.text() and not dialog.busy
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.epcsbak"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "does not exist" in dialog.error.text() and dialog.saved is None
    assert backup.last_backup_at(lee_profile) is None


def test_the_backup_meter_orders_passwords(qtbot, lee_profile) -> None:
    """The backup password's meter is core.passwords.strength (the one every password form shows)."""
    dialog = BackupDialog(lee_profile)
    qtbot.addWidget(dialog)
    scores = []
    for pw in ("abc", "aaaaaaaaaaaa", "Summer2024", "correct horse battery staple"):
        dialog.password.setText(pw)
        scores.append(dialog.entry.score)
    assert scores[0] == 0 and scores[1] <= 1 and scores == sorted(scores) and scores[3] == 4


def test_reminder_banner_follows_the_last_backup(
    qtbot, controller, data_dir_store, mid_period_clock, tmp_path
) -> None:
    mid_period_clock.t = time.time()  # the backup time is recorded from the system clock
    profile = data_dir_store.create("Dr Ortiz", "correct horse battery")
    profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=otp())
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    banner = window.backup_reminder.banner
    assert not banner.isHidden() and "never been backed up" in banner.label.text()

    make_backup(qtbot, window, tmp_path / "ortiz.epcsbak")
    assert banner.isHidden()

    mid_period_clock.advance(15.5 * 86400)
    window.backup_reminder.refresh()
    assert not banner.isHidden() and "15 days ago" in banner.label.text()

    profile.set_setting("backup_reminder_days", 0)  # a profile change refreshes the banner: 0 = off
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=2_000)
    profile.set_setting("backup_reminder_days", 30)
    window.backup_reminder.refresh()
    assert banner.isHidden()  # 15 days < 30
    mid_period_clock.advance(20 * 86400)
    window.backup_reminder.refresh()
    assert not banner.isHidden()
    window.backup_reminder.dismiss()  # "Later": quiet until the next unlock
    window.backup_reminder.refresh()
    assert banner.isHidden()


def test_file_menu_offers_backup_and_restore(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)  # not added to qtbot: the lock below deletes it
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Back up now…" in texts and "R&estore from backup…" in texts
    window.restore_action.trigger()
    assert isinstance(window.dialog, RestoreDialog) and window.dialog.isVisible()
    controller.lock()  # locking closes the dialog and drops whatever it decrypted
    assert not window.dialog.isVisible()


def test_lock_while_the_backup_is_being_encrypted(qtbot, controller, lee_profile, tmp_path) -> None:
    window = controller.open_profile(lee_profile)  # not added to qtbot: the lock deletes it
    target = tmp_path / "lee.epcsbak"
    dialog = open_backup(window, choose_path=chooser(target))
    dialog.browse()
    dialog.password.setText(BACKUP_PASSWORD)
    dialog.confirm.setText(BACKUP_PASSWORD)
    dialog.accept()
    assert dialog.busy and not dialog.cancel_button.isEnabled()
    controller.lock()
    assert not dialog.isVisible() and dialog.password.text() == ""
    assert dialog.task.cancelled and not dialog.busy  # closing dropped the result
    wait_for_tasks(qtbot, 20_000)  # the worker finished; nothing crashed
    assert QApplication.overrideCursor() is None  # the busy cursor did not stick
    assert target.exists() and dialog.saved is None
    assert controller.main_window is None and controller.start_window.isVisible()


def test_lock_while_a_backup_is_being_decrypted_keeps_nothing(
    qtbot, controller, lee_profile, tmp_path
) -> None:
    window = controller.open_profile(lee_profile)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    restore = open_restore(window, choose_path=chooser(target))
    restore.browse()
    restore.password.setText(BACKUP_PASSWORD)
    restore.read()
    controller.lock()
    assert not restore.isVisible() and restore.task.pending and restore.task.cancelled
    wait_for_tasks(qtbot, 20_000)  # the result arrived, and was dropped
    assert restore.snapshot is None and QApplication.overrideCursor() is None
    assert not shiboken6.isValid(restore) or restore.pages.currentIndex() == 0


def test_backup_dialog_keeps_backups_in_the_folder_it_requires(
    qtbot, controller, lee_profile, tmp_path, monkeypatch
) -> None:
    import json

    from epcs_desktop.ui import backup_dialogs

    share = tmp_path / "share"
    share.mkdir()
    policy = tmp_path / "policy.json"
    doc = {"settings": {"required_backup_folder": {"value": str(share), "locked": True}}}
    policy.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(policy))
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    seen: list[str] = []

    def save_dialog(_parent, _title, start, _pattern):
        seen.append(start)
        return "", ""

    monkeypatch.setattr(backup_dialogs.QFileDialog, "getSaveFileName", save_dialog)
    dialog = BackupDialog(lee_profile, window)
    qtbot.addWidget(dialog)
    dialog.browse()
    assert len(seen) == 1 and Path(seen[0]).parent == share  # the file dialog opens in that folder
    dialog.path.setText(str(tmp_path / "desktop.epcsbak"))
    dialog.accept()  # refused before the (empty) password is even looked at
    assert dialog.error.text() == (
        f"Your practice's IT requires backups to be saved in the folder “{share}”; choose a file there."
    )
    assert not dialog.busy and not (tmp_path / "desktop.epcsbak").exists()


def test_another_clinicians_backup_needs_an_explicit_choice(qtbot, data_dir_store) -> None:
    from epcs_desktop.core.erx import PrescriberInfo
    from epcs_desktop.ui.backup_dialogs import RestoreDialog

    with data_dir_store.create("Dr Kim", PASSWORD) as kim:
        kim.add_device("Kim phone", DeviceOption.PUSH)
        kim.set_prescriber(PrescriberInfo("NY", "K1", "BK1234563", "1234567893"))
        snapshot = kim.snapshot()
    # A crafted backup: the "Update MFA Device" link points elsewhere.
    snapshot["settings"] = {**snapshot.get("settings", {}), "idme_security_url": "https://id-me.example.net/"}
    with data_dir_store.create("Dr Lee", PASSWORD) as lee:
        lee.add_device("Lee phone", DeviceOption.PUSH)
        dlg = RestoreDialog(lee)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg._read_done(snapshot)
        assert dlg.pages.currentIndex() == 1
        warning = dlg.other_warning.text()
        assert "“Dr Kim”" in warning and "“Dr Lee”" in warning and dlg.other_warning.isVisible()
        assert dlg.other_check.isVisible() and not dlg.other_check.isChecked()
        assert not dlg.restore_button.isEnabled()  # nothing without the explicit choice
        lines = dlg.preview_lines()
        assert "Prescriber Info is kept: another clinician's is never merged in." in lines
        # Merge into a profile that never saved settings: the link change is shown (and not applied).
        with pytest.raises(Exception, match="another clinician"):
            lee.apply_snapshot(snapshot, "merge")
        dlg.other_check.setChecked(True)
        assert dlg.restore_button.isEnabled()
        dlg.apply()
        assert {d.nickname for d in lee.devices()} == {"Lee phone", "Kim phone"}
        assert lee.prescriber().npi == "" and lee.prescriber().dea_number == ""
        assert lee.settings.idme_security_url != "https://id-me.example.net/"


def test_enter_in_the_repeat_field_backs_up_even_after_browse(qtbot, lee_profile, tmp_path) -> None:
    """Issue 22: after “Browse…”, Enter in “Repeat” opened the file chooser again."""
    from PySide6.QtCore import Qt

    from epcs_desktop.ui.backup_dialogs import BackupDialog

    chosen: list[int] = []

    def chooser(_parent, _save):
        chosen.append(1)
        return str(tmp_path / "x.epcsbackup")

    dialog = BackupDialog(lee_profile, choose_path=chooser)
    qtbot.addWidget(dialog)
    dialog.show()
    browse = dialog.path_row.findChild(QPushButton)
    browse.setFocus()
    browse.click()
    assert chosen == [1]
    dialog.confirm.setFocus()
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)  # empty passwords: refused inline, no chooser
    assert chosen == [1] and not browse.isDefault()


def test_restore_summary_is_in_the_language_shown(qtbot, controller, lee_profile, tmp_path) -> None:
    """Issue 22: after a restore the status bar still said "Restored from a backup (merge)…" in Spanish."""
    from PySide6.QtCore import QLocale

    from epcs_desktop.ui import i18n

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    lee_profile.remove_device("OfficeiPad")
    assert i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    try:
        restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
        restore.ask_confirmation()
        press_restore(restore)
        qtbot.waitUntil(lambda: not restore.isVisible(), timeout=5_000)
        shown = window.statusBar().currentMessage()
        assert shown == restore.summary
        assert shown.startswith("Restaurado desde una copia de seguridad (combinar)"), shown
    finally:
        i18n.remove_translators()
    # The log keeps the entry, not the sentence: in English it reads as before.
    assert lee_profile.activity(1)[0].detail.startswith("Restored from a backup (merge): devices added: 1")
