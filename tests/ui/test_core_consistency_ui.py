"""The GUI side of the core-consistency review, with real widgets on a real SQLCipher profile.

Wizard Finish adds several accounts all-or-nothing and refuses HOTP on the row it belongs to;
the Settings dialog's Save is one change (one activity entry).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import qrcode
from PySide6.QtWidgets import QWizard

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import from_secret
from epcs_desktop.core.profile import HOTP_MESSAGE
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId

PASSWORD = "correct horse battery staple"
S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.fixture
def profile(data_dir: Path):
    p = ProfileStore(data_dir).create("Dr Test", PASSWORD)
    yield p
    p.close()


def _wizard(qtbot, profile) -> EnrollWizard:
    wizard = EnrollWizard(profile, None, clock=FixedClock(1_700_000_007.0))
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    wizard.method_page.choose(PageId.IMAGE)
    wizard.next()
    return wizard


def _to_confirm(qtbot, wizard: EnrollWizard, accounts: list, tmp_path: Path) -> None:
    png = tmp_path / "export.png"
    qrcode.make(build_migration_uris(accounts, per_code=10)[0], box_size=8).save(png)
    wizard.image_page.load_file(str(png))
    qtbot.waitUntil(lambda: not wizard.image_page.busy, timeout=10000)
    wizard.next()
    for box in wizard.accounts_page.boxes:
        box.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PageId.CONFIRM


def test_finish_with_several_accounts_is_all_or_nothing(qtbot, profile, tmp_path: Path) -> None:
    accounts = [from_secret(S1, issuer="ID.me", account="a"), from_secret(S2, issuer="Bank", account="b")]
    wizard = _wizard(qtbot, profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    rows = wizard.confirm_page.rows
    rows[0].nickname.setText("One")
    rows[1].nickname.setText("Two")
    seen: list[list[str]] = []

    def meanwhile() -> None:  # another window looks at the profile after every committed change
        seen.append([d.nickname for d in profile.devices()])

    profile.add_listener(meanwhile)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert seen == [["One", "Two"]]  # never a state with only the first account saved
    assert [d.nickname for d in wizard.added] == ["One", "Two"]


def test_finish_refused_midway_saves_nothing_and_can_be_completed(qtbot, profile, tmp_path: Path) -> None:
    accounts = [from_secret(S1, issuer="ID.me", account="a"), from_secret(S2, issuer="Bank", account="b")]
    wizard = _wizard(qtbot, profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    rows = wizard.confirm_page.rows
    rows[0].nickname.setText("One")
    rows[1].nickname.setText("Two")
    # a real SQLite trigger makes the second insert fail at run time, as a full disk would (a VaultError)
    profile.vault.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON device WHEN NEW.nickname = 'Two' "
        "BEGIN SELECT json('not json'); END"
    )
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.confirm_page.error.text()
    assert profile.devices() == []  # the first account was not left behind
    assert wizard.confirm_page.nickname_problems() == [None, None]
    profile.vault.conn.execute("DROP TRIGGER refuse")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert [d.nickname for d in profile.devices()] == ["One", "Two"]


def test_hotp_account_shows_the_refusal_on_its_row(qtbot, profile, tmp_path: Path) -> None:
    accounts = [
        from_secret(S1, issuer="ID.me", account="a"),
        from_secret(S2, issuer="Bank", account="b", kind="hotp", counter=3),
    ]
    wizard = _wizard(qtbot, profile)
    _to_confirm(qtbot, wizard, accounts, tmp_path)
    assert wizard.confirm_page.nickname_problems() == [None, HOTP_MESSAGE]
    assert wizard.confirm_page.rows[1].error.text() == HOTP_MESSAGE
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert profile.devices() == []


def test_settings_save_is_one_change(qtbot, profile) -> None:
    from epcs_desktop.ui.dialogs import SettingsDialog

    profile.add_device("Desk", DeviceOption.PUSH)
    before = len(profile.activity())
    dialog = SettingsDialog(profile)
    qtbot.addWidget(dialog)
    dialog.editors["auto_lock_minutes"].setValue(9)
    dialog.editors["clipboard_clear_seconds"].setValue(50)
    dialog.accept()
    values = profile.settings()
    assert (values["auto_lock_minutes"], values["clipboard_clear_seconds"]) == (9, 50)
    log = profile.activity()
    assert len(log) == before + 1 and log[0].action == "setting changed"
