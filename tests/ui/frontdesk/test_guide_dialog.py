"""The change-device guide dialog, end to end against a real vault.

Ticks must follow real state changes: ones made by the dialog's own buttons
and ones made elsewhere through the Profile API (another window).
"""

from __future__ import annotations

import pytest
from frontdesk_support import PW, T0
from gui_support import PASSWORD
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.guide import (
    ADD_NEW,
    OPEN_IDME,
    REMOVE_OLD,
    SELECT_PRIMARY,
    SIGN_IN_MFA,
    SIGN_IN_SECURITY,
    STEP_IDS,
)
from epcs_desktop.core.otp import group_code, totp_at
from epcs_desktop.ui.frontdesk import ChangeGuideDialog, RecordDeviceDialog


def ticks(dlg: ChangeGuideDialog) -> dict[str, bool]:
    return {sid: dlg.boxes[sid].tick.isChecked() for sid in STEP_IDS}


def test_guide_end_to_end_with_resume(qtbot, data_dir_store, ada_profile) -> None:
    clock = FixedClock(T0)
    dlg = ChangeGuideDialog(ada_profile, None, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.resumed
    assert ticks(dlg) == dict.fromkeys(STEP_IDS, False)
    assert dlg.progress_label.text() == "0 of 6 steps done"
    assert not dlg.finish_button.isEnabled()
    # observable steps cannot be ticked by hand
    assert not dlg.boxes[ADD_NEW].tick.isEnabled()
    assert dlg.boxes[OPEN_IDME].link is not None and dlg.boxes[SIGN_IN_MFA].link is None

    # Step 3 shows the code of the primary device held here.
    params = ada_profile.primary().otp
    assert group_code(totp_at(params, T0)) in dlg.code_label.text()
    clock.advance(30)
    dlg.ticker.fire()
    assert group_code(totp_at(params, T0 + 30)) in dlg.code_label.text()

    qtbot.mouseClick(dlg.boxes[OPEN_IDME].tick, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.boxes[SIGN_IN_SECURITY].tick, Qt.MouseButton.LeftButton)
    assert dlg.progress_label.text() == "2 of 6 steps done"

    # Leave the guide and come back: progress is in the vault.
    dlg.close_button.click()
    ada_profile.close()
    ada_profile = data_dir_store.open("Dr Ada", PW)
    dlg = ChangeGuideDialog(ada_profile, None, clock)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.resumed and "Welcome back" in dlg.intro.text() and "android" in dlg.intro.text()
    assert ticks(dlg)[OPEN_IDME] and ticks(dlg)[SIGN_IN_SECURITY] and not ticks(dlg)[SIGN_IN_MFA]
    qtbot.mouseClick(dlg.boxes[SIGN_IN_MFA].tick, Qt.MouseButton.LeftButton)
    assert ticks(dlg)[SIGN_IN_MFA]

    # Step 5 through the dialog's "record a phone" path.
    rec = RecordDeviceDialog(ada_profile, dlg)
    qtbot.addWidget(rec)
    rec.nickname.setText("  ANDROID ")
    rec.accept()  # the OK button's slot
    assert "already a device called “android”" in rec.error.text()
    rec.nickname.setText("New iPhone")
    rec.option.setCurrentIndex(rec.option.findData(DeviceOption.PUSH.value))
    rec.accept()
    assert rec.result() == rec.DialogCode.Accepted
    assert ticks(dlg)[ADD_NEW]  # refreshed by the profile listener
    assert "“New iPhone”" in dlg.boxes[ADD_NEW].detail.text()
    assert not ticks(dlg)[SELECT_PRIMARY]

    # Step 5: the new device is preselected; mark it primary here.
    assert dlg.primary_combo.currentData() == "New iPhone"
    qtbot.mouseClick(dlg.primary_button, Qt.MouseButton.LeftButton)
    assert ada_profile.primary().nickname == "New iPhone"
    assert ticks(dlg)[SELECT_PRIMARY]
    assert "Push Notification" in dlg.hint_label.text() and not dlg.code_label.isVisibleTo(dlg)

    # Step 6: the old device goes, last.
    assert "android" in dlg.remove_button.text()
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    # The same confirmation as the table's Delete (issue 18): nothing is removed until it is confirmed,
    # and Enter cancels.
    confirm = dlg.remove_dialog
    assert type(confirm).__name__ == "RemoveDeviceDialog" and confirm.isVisible()
    assert "android" in [d.nickname for d in ada_profile.devices()]
    assert confirm.cancel_button.isDefault() and not confirm.remove_button.isDefault()
    confirm.reject()
    assert "android" in [d.nickname for d in ada_profile.devices()]
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.remove_dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [d.nickname for d in ada_profile.devices()] == ["New iPhone"]
    assert ticks(dlg) == dict.fromkeys(STEP_IDS, True)
    assert dlg.progress_label.text() == "6 of 6 steps done"
    assert dlg.finish_button.isEnabled() and dlg.remove_button.isHidden()

    qtbot.mouseClick(dlg.finish_button, Qt.MouseButton.LeftButton)
    again = ChangeGuideDialog(ada_profile, None, clock)
    qtbot.addWidget(again)
    assert not again.resumed and ticks(again) == dict.fromkeys(STEP_IDS, False)


def test_step_three_never_shows_zero_seconds_beside_a_valid_code(qtbot, ada_profile) -> None:
    params = ada_profile.primary().otp
    start = (int(T0) // params.period + 1) * params.period - 0.4  # 0.4 s before the code changes
    dlg = ChangeGuideDialog(ada_profile, None, FixedClock(start))
    qtbot.addWidget(dlg)
    assert dlg.code_label.text().endswith("(1 s)")
    assert group_code(totp_at(params, start)) in dlg.code_label.text()


def test_changes_made_elsewhere_tick_the_open_guide(qtbot, ada_profile) -> None:
    dlg = ChangeGuideDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    ada_profile.add_device("Office iPad", DeviceOption.GENERATOR_OTHER, make_primary=True)
    assert ticks(dlg)[ADD_NEW] and ticks(dlg)[SELECT_PRIMARY] and not ticks(dlg)[REMOVE_OLD]
    # a change back unticks: the device table wins
    ada_profile.set_primary("android")
    assert not ticks(dlg)[SELECT_PRIMARY]
    assert dlg.boxes[SELECT_PRIMARY].detail.text() == "“android” is still the primary device here."
    ada_profile.set_primary("Office iPad")
    ada_profile.remove_device("android")
    assert ticks(dlg)[REMOVE_OLD] and ticks(dlg)[SELECT_PRIMARY]
    assert dlg.progress_label.text() == "3 of 6 steps done"


def test_rule_errors_are_shown_inline(qtbot, ada_profile) -> None:
    ada_profile.add_device("Desk", DeviceOption.PUSH)
    ada_profile.add_device("Car", DeviceOption.PUSH)
    dlg = ChangeGuideDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    # The old (primary) device cannot go while two others remain and no new one was added.
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    confirm = dlg.remove_dialog  # the table's dialog: it asks which device becomes primary
    assert confirm.successor.isVisibleTo(confirm) and confirm.successor.count() == 2
    assert len(ada_profile.devices()) == 3


def test_locked_profile_stops_the_countdown(qtbot, ada_profile) -> None:
    """Auto-lock closes the vault under an open guide: it says so instead of raising."""
    dlg = ChangeGuideDialog(ada_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.ticker.is_active()
    ada_profile.close()
    dlg.ticker.fire()
    assert "locked" in dlg.message.text()
    assert not dlg.ticker.is_active() and dlg.code_label.text() == ""
    assert not dlg.primary_button.isEnabled()
    dlg.hide()


@pytest.mark.parametrize("option", [DeviceOption.PUSH, DeviceOption.GENERATOR_OTHER])
def test_guide_wraps_at_640_px_with_a_push_or_phone_primary(qtbot, data_dir_store, option) -> None:
    from epcs_desktop.ui.frontdesk import ChangeGuideDialog

    with data_dir_store.create("Dr Narrow", PASSWORD) as p:
        p.add_device("A phone with a long name for testing", option)
        dlg = ChangeGuideDialog(p, None, FixedClock(T0))
        qtbot.addWidget(dlg)
        dlg.resize(640, 700)
        dlg.show()
        qtbot.waitExposed(dlg)
        QApplication.processEvents()
        scroll = dlg.findChild(QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible()
        assert scroll.widget().width() <= scroll.viewport().width()
        port = scroll.viewport()
        viewport = QRect(port.mapToGlobal(port.rect().topLeft()), port.size())
        for button in scroll.widget().findChildren(QPushButton):
            if button.isVisibleTo(dlg):
                where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
                assert where.right() <= viewport.right(), button.text()
        assert (dlg.hint_label.wordWrap() and "approve" in dlg.hint_label.text()) or "shown by the app" in (
            dlg.hint_label.text()
        )
        dlg.close()


def test_guide_and_help_page_titles_differ(qtbot, data_dir_store) -> None:
    from epcs_desktop.ui.dialogs import HelpDialog
    from epcs_desktop.ui.frontdesk import ChangeGuideDialog

    with data_dir_store.create("Dr Titles", PASSWORD) as p:
        guide = ChangeGuideDialog(p, None, FixedClock(T0))
        help_page = HelpDialog("What happens to my MFA when I change my phone?", "change-phone")
        qtbot.addWidget(guide)
        qtbot.addWidget(help_page)
        assert guide.windowTitle() != help_page.windowTitle()


def test_help_page_lists_the_guides_own_steps(qtbot) -> None:
    """The F1 help is built from core's STEPS: the same order and words as the guide (issue 18)."""
    from epcs_desktop.core.guide import ORDER_NOTE, STEPS
    from epcs_desktop.ui.dialogs import HelpDialog

    page = HelpDialog("x", "change-phone")
    qtbot.addWidget(page)
    text = page.browser.toPlainText()
    positions = [text.index(st.title) for st in STEPS]
    assert positions == sorted(positions) and all(st.instructions in text for st in STEPS)
    assert ORDER_NOTE in text
    assert text.index("Set up and confirm the new device") < text.index("Delete the old device in ID.me")
