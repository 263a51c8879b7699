"""Back up now / Restore from backup through the real dialogs, real Argon2id and real vaults."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from gui_support import otp
from PySide6.QtWidgets import QMessageBox

from epcs_desktop.core import backup
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.backup_dialogs import (
    BackupDialog,
    RestoreDialog,
    open_backup,
    open_restore,
    password_strength,
)

BACKUP_PASSWORD = "tulip minute copper lantern"


def devices(profile) -> list[tuple[str, str, bool, str | None]]:
    return [
        (d.nickname, d.option.value, d.is_primary, d.otp.secret if d.otp else None) for d in profile.devices()
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
    assert dialog.busy and dialog.bar.isVisibleTo(dialog)  # the KDF runs on the worker
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    return dialog


def test_backup_then_restore_round_trip_through_the_dialogs(qtbot, controller, profile, tmp_path) -> None:
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    original = devices(profile)
    target = tmp_path / "lee.epcsbak"

    dialog = open_backup(window, choose_path=chooser(target))
    dialog.browse()
    assert dialog.path.text() == str(target) and dialog.choose_path.asked == [True]
    qtbot.keyClicks(dialog.password, BACKUP_PASSWORD)
    qtbot.keyClicks(dialog.confirm, BACKUP_PASSWORD + "x")
    dialog.accept()
    assert "different" in dialog.error.text() and dialog.isVisible() and not target.exists()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, BACKUP_PASSWORD)
    dialog.accept()
    assert dialog.busy and dialog.bar.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20_000)
    assert not dialog.isVisible() and target.exists() and dialog.password.text() == ""
    assert backup.last_backup_at(profile) is not None
    assert profile.activity()[0].action == "backup made"
    assert backup.read_backup(target, BACKUP_PASSWORD)["devices"][1]["nickname"] == "Laptop"

    profile.remove_device("Laptop")
    profile.rename_device("Office PC", "Front desk PC")
    changed = devices(profile)

    wrong = read_backup_in_dialog(qtbot, window, target, "not the password")
    assert wrong.error.text() == "The backup password is wrong."
    assert wrong.pages.currentIndex() == 0 and devices(profile) == changed
    wrong.reject()

    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert restore.pages.currentIndex() == 1 and restore.password.text() == ""
    assert "made" in restore.about.text() and "4 device(s)" in restore.about.text()
    merge_lines = restore.preview_lines()
    assert "+ add device 'Laptop' (Generate 2FA Key)" in merge_lines
    assert "+ add device 'Office PC' (Generate 2FA Key)" in merge_lines
    restore.replace.setChecked(True)
    replace_lines = restore.preview_lines()
    assert replace_lines != merge_lines
    assert any("identity confirmation and settings" in x for x in replace_lines)
    assert devices(profile) == changed  # previewing changes nothing

    restore.ask_confirmation()
    box = restore.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "Replace everything" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert devices(profile) == changed and restore.isVisible()

    restore.ask_confirmation()
    box = restore.confirm_box
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    go.click()
    qtbot.waitUntil(lambda: not restore.isVisible(), timeout=5_000)
    assert devices(profile) == original
    assert restore.snapshot is None and restore.summary
    # the main window followed the change (the profile listener refreshed the table)
    qtbot.waitUntil(lambda: window.erx.model.rowCount() == len(original), timeout=2_000)


def test_merge_restore_keeps_what_is_here(qtbot, controller, profile, tmp_path) -> None:
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    profile.remove_device("OfficeiPad")
    profile.add_device("New tablet", DeviceOption.GENERATOR_OTHER)
    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert restore.mode() == "merge"
    restore.ask_confirmation()
    assert "Nothing already here is removed" in restore.confirm_box.text()
    go = next(
        b
        for b in restore.confirm_box.buttons()
        if restore.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    go.click()
    names = [d.nickname for d in profile.devices()]
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
    qtbot, controller, profile, tmp_path, damage, message
) -> None:
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    target.write_bytes(damage(target.read_bytes()))
    profile.remove_device("Laptop")
    before = devices(profile)
    restore = read_backup_in_dialog(qtbot, window, target, BACKUP_PASSWORD)
    assert message in restore.error.text()
    assert restore.pages.currentIndex() == 0 and restore.snapshot is None
    assert devices(profile) == before


def test_backup_dialog_validates_before_any_work(qtbot, controller, profile, tmp_path) -> None:
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    dialog = BackupDialog(profile, window, choose_path=lambda _p, _s: "")
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.browse()  # cancelled file dialog: nothing chosen
    dialog.accept()
    assert dialog.error.text() == "Choose where to save the backup." and not dialog.busy
    dialog.path.setText(str(tmp_path))
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog.accept()
    assert "at least 8 characters" in dialog.error.text()
    assert "Too short" in dialog.hint.text()
    dialog.password.setText(BACKUP_PASSWORD)
    dialog.confirm.setText(BACKUP_PASSWORD)
    assert dialog.hint.text() == "Strong."
    dialog.accept()
    assert "folder" in dialog.error.text() and not dialog.busy
    dialog.path.setText(str(tmp_path / "missing-folder" / "x.epcsbak"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "does not exist" in dialog.error.text() and dialog.saved is None
    assert backup.last_backup_at(profile) is None


def test_password_strength_orders_passwords() -> None:
    assert password_strength("abc") == 0
    assert password_strength("aaaaaaaaaaaa") == 1
    assert password_strength("Summer2024") == 2
    assert password_strength("correct horse battery staple") == 3


def test_reminder_banner_follows_the_last_backup(qtbot, controller, store, clock, tmp_path) -> None:
    clock.t = time.time()  # the backup time is recorded from the system clock
    profile = store.create("Dr Ortiz", "correct horse battery")
    profile.add_device("Office PC", DeviceOption.GENERATOR_HERE, otp=otp())
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    banner = window.backup_reminder.banner
    assert not banner.isHidden() and "never been backed up" in banner.label.text()

    make_backup(qtbot, window, tmp_path / "ortiz.epcsbak")
    assert banner.isHidden()

    clock.advance(15.5 * 86400)
    window.backup_reminder.refresh()
    assert not banner.isHidden() and "15 days ago" in banner.label.text()

    profile.set_setting("backup_reminder_days", 0)  # a profile change refreshes the banner: 0 = off
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=2_000)
    profile.set_setting("backup_reminder_days", 30)
    window.backup_reminder.refresh()
    assert banner.isHidden()  # 15 days < 30
    clock.advance(20 * 86400)
    window.backup_reminder.refresh()
    assert not banner.isHidden()
    window.backup_reminder.dismiss()  # "Later": quiet until the next unlock
    window.backup_reminder.refresh()
    assert banner.isHidden()


def test_file_menu_offers_backup_and_restore(qtbot, controller, profile) -> None:
    window = controller.open_profile(profile)  # not added to qtbot: the lock below deletes it
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Back up now…" in texts and "R&estore from backup…" in texts
    window.restore_action.trigger()
    assert isinstance(window.dialog, RestoreDialog) and window.dialog.isVisible()
    controller.lock()  # locking closes the dialog and drops whatever it decrypted
    assert not window.dialog.isVisible()


def test_lock_while_the_backup_is_being_encrypted(qtbot, controller, profile, tmp_path) -> None:
    window = controller.open_profile(profile)  # not added to qtbot: the lock deletes it
    target = tmp_path / "lee.epcsbak"
    dialog = open_backup(window, choose_path=chooser(target))
    dialog.browse()
    dialog.password.setText(BACKUP_PASSWORD)
    dialog.confirm.setText(BACKUP_PASSWORD)
    dialog.accept()
    assert dialog.busy and not dialog.cancel_button.isEnabled()
    controller.lock()
    assert not dialog.isVisible() and dialog.password.text() == ""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)  # the worker finished; nothing crashed
    assert target.exists() and dialog.saved is None
    assert controller.main_window is None and controller.start_window.isVisible()


def test_lock_while_a_backup_is_being_decrypted_keeps_nothing(qtbot, controller, profile, tmp_path) -> None:
    window = controller.open_profile(profile)
    target = tmp_path / "lee.epcsbak"
    make_backup(qtbot, window, target)
    restore = open_restore(window, choose_path=chooser(target))
    restore.browse()
    restore.password.setText(BACKUP_PASSWORD)
    restore.read()
    controller.lock()
    assert not restore.isVisible() and restore.busy
    qtbot.waitUntil(lambda: not restore.busy, timeout=20_000)  # the result arrived, and was dropped
    assert restore.snapshot is None
    assert not shiboken6.isValid(restore) or restore.pages.currentIndex() == 0
