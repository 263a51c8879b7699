"""The front-desk dialogs open the real enrollment wizard; what it adds ticks / is cleaned up.

The wizard is modal (exec), so a zero-delay timer drives it once it is up:
"Enter a secret key" → type the key → "Confirm your device" → Add device.
"""

from __future__ import annotations

from frontdesk_support import T0
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.guide import ADD_NEW, SELECT_PRIMARY
from epcs_desktop.ui.frontdesk import ChangeGuideDialog, PracticeDialog
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId


def drive_wizard_with_key(key: str, nickname: str, primary: bool, seen: list[str]) -> None:
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, EnrollWizard), type(wizard)
    try:
        wizard.method_page.choose(PageId.KEY)
        wizard.next()
        assert wizard.currentId() == int(PageId.KEY)
        wizard.key_page.key_edit.setText(key)  # issuer left at its default, as a hurried person would
        wizard.next()
        assert wizard.currentId() == int(PageId.CONFIRM)
        wizard.confirm_page.rows[0].nickname.setText(nickname)
        wizard.confirm_page.primary.setChecked(primary)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        seen.append(nickname)
    finally:
        if wizard.isVisible():  # never leave a modal loop running: the test would hang
            wizard.reject()


def test_practice_key_typed_into_the_wizard_is_removed_afterwards(qtbot, ada_profile) -> None:
    dlg = PracticeDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    dlg.show()
    seen: list[str] = []
    key = dlg.session.secret_key()
    QTimer.singleShot(0, lambda: drive_wizard_with_key(key, "Practice here", True, seen))
    dlg.wizard_button.click()
    assert seen == ["Practice here"]
    assert [d.nickname for d in ada_profile.devices()] == ["android", "Practice here"]
    assert ada_profile.primary().nickname == "Practice here"
    assert "removed when the practice ends" in dlg.barcode_message.text()
    dlg.accept()
    assert dlg.removed == ["Practice here"]
    assert [d.nickname for d in ada_profile.devices()] == ["android"]
    assert ada_profile.primary().nickname == "android"


def test_guide_step_five_through_the_wizard(qtbot, ada_profile) -> None:
    dlg = ChangeGuideDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    dlg.show()
    seen: list[str] = []
    QTimer.singleShot(
        0, lambda: drive_wizard_with_key("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "This PC", False, seen)
    )
    dlg.enroll_button.click()
    assert seen == ["This PC"]
    assert dlg.boxes[ADD_NEW].tick.isChecked()
    assert not dlg.boxes[SELECT_PRIMARY].tick.isChecked()
    assert dlg.primary_combo.currentData() == "This PC"
