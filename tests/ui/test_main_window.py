"""The main window on a real profile: codes, ticker, primary, remove, copy, lock, prescriber, links."""

from __future__ import annotations

from gui_support import PASSWORD, T0, otp
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QClipboard, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QPushButton,
)

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import group_code, totp_at
from epcs_desktop.ui.clipboard import SENSITIVE_MIME
from epcs_desktop.ui.dialogs import RemoveDeviceDialog, SettingsDialog
from epcs_desktop.ui.models import ROLE_CODE, DeviceTableModel
from profile_support import store_at

LAPTOP = otp("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "DrChrono", "lee")


def shown_codes(window) -> list[str]:
    view = window.codes.view
    return [str(view.model().index(r, 0).data(ROLE_CODE)) for r in range(view.model().rowCount())]


def test_unlock_opens_main_window_and_shows_notice_once(qtbot, controller, data_dir_store) -> None:
    data_dir_store.create("Dr Lee", PASSWORD).close()
    controller.show_notice = True
    start = controller.start_window
    start.reload_profiles()
    controller.show_start()
    qtbot.keyClicks(start.password, PASSWORD)
    qtbot.keyClick(start.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    window = controller.main_window
    assert window.isVisible() and not start.isVisible()
    qtbot.waitUntil(lambda: isinstance(window.dialog, QMessageBox), timeout=5_000)
    assert "21 CFR 1311.115" in window.dialog.text()
    window.dialog.accept()

    controller.lock()
    start.password.setText(PASSWORD)
    start.unlock()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    qtbot.wait(50)
    assert controller.main_window.dialog is None  # once per profile


def test_codes_equal_core_and_flip_at_the_boundary(qtbot, controller, lee_profile, mid_period_clock) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    assert shown_codes(window) == [totp_at(otp(), T0), totp_at(LAPTOP, T0)]
    mid_period_clock.advance(9.5)
    controller.ticker.fire()
    assert shown_codes(window) == [totp_at(otp(), T0), totp_at(LAPTOP, T0)]
    mid_period_clock.advance(0.6)  # 0.1 s into the next period
    controller.ticker.fire()
    assert shown_codes(window) == [totp_at(otp(), T0 + 10), totp_at(LAPTOP, T0 + 10)]
    # The painted row uses the same model data: the grouped code is what a user reads.
    assert window.codes.view.model().index(0, 0).data() == f"Office PC: {group_code(totp_at(otp(), T0 + 10))}"


def test_ticker_interval_is_aligned_to_the_clock(qapp, mid_period_clock) -> None:
    from epcs_desktop.ui.ticker import Ticker

    mid_period_clock.t = T0 + 0.25
    ticker = Ticker(mid_period_clock)
    assert ticker.interval_to_next_boundary_ms() == 750 + 5
    mid_period_clock.t = T0 + 0.999
    assert 1 <= ticker.interval_to_next_boundary_ms() <= 10


def test_real_ticker_ticks_and_rearms(qtbot) -> None:
    from epcs_desktop.core.clock import SystemClock
    from epcs_desktop.ui.ticker import Ticker

    ticker = Ticker(SystemClock())  # the real clock: it must tick on its own
    ticker.start()
    with qtbot.waitSignal(ticker.tick, timeout=3_000):
        pass
    assert ticker.is_active()
    ticker.stop()


def test_select_primary_by_keyboard_and_mouse(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    table = window.erx.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, DeviceTableModel.COL_PRIMARY))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert lee_profile.primary().nickname == "Laptop"
    assert table.model().index(1, 2).data() == "“Is Primary”"
    assert window.codes.model.primary_row() == 0  # the code pane followed through the profile listener
    assert window.codes.model.device_at(0).nickname == "Laptop"  # ...and pinned the new primary on top

    rect = table.visualRect(table.model().index(2, DeviceTableModel.COL_PRIMARY))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert lee_profile.primary().nickname == "MyiPhone"
    assert window.codes.model.primary_row() == -1


def test_remove_primary_asks_for_successor(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    table = window.erx.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    dialog = window.erx.dialog
    assert isinstance(dialog, RemoveDeviceDialog)
    assert dialog.successor.isVisibleTo(dialog)
    assert [dialog.successor.itemText(i) for i in range(dialog.successor.count())] == [
        "Laptop",
        "MyiPhone",
        "OfficeiPad",
    ]
    dialog.successor.setCurrentText("MyiPhone")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [d.nickname for d in lee_profile.devices()] == ["Laptop", "MyiPhone", "OfficeiPad"]
    assert lee_profile.primary().nickname == "MyiPhone"
    assert table.model().rowCount() == 3
    assert window.codes.model.rowCount() == 1


def test_remove_non_primary_can_be_cancelled(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    window.erx.remove_row(2)
    dialog = window.erx.dialog
    assert not dialog.successor.isVisibleTo(dialog)
    dialog.reject()
    assert len(lee_profile.devices()) == 4


def test_copy_and_clear_only_if_unchanged(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    clipboard = QGuiApplication.clipboard()
    view = window.codes.view
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clipboard.text() == totp_at(LAPTOP, T0)
    assert bytes(clipboard.mimeData().data(SENSITIVE_MIME)) == b"secret"
    assert "clears in 30 s" in window.statusBar().currentMessage()
    assert controller.guard.pending()
    controller.guard.expire()
    assert clipboard.text() == ""

    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == totp_at(otp(), T0)
    clipboard.setText("a note the user copied", QClipboard.Mode.Clipboard)
    controller.guard.expire()
    assert clipboard.text() == "a note the user copied"


def test_lock_closes_windows_and_the_vault(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    window.codes.copy_primary()
    window.erx.show_change_help()
    help_page = window.erx.dialog
    assert "Select as primary device" in help_page.browser.toPlainText()
    window.erx.show_change_guide()
    guide = window.erx.dialog
    from epcs_desktop.ui.frontdesk import ChangeGuideDialog

    assert isinstance(guide, ChangeGuideDialog) and guide.isVisible() and help_page.isVisible()
    with qtbot.waitActive(guide):
        guide.activateWindow()
    qtbot.keyClick(guide, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.main_window is None
    assert not window.isVisible() and not guide.isVisible() and not help_page.isVisible()
    assert not lee_profile.vault.is_open
    assert QGuiApplication.clipboard().text() == ""
    assert controller.start_window.isVisible()
    assert controller.start_window.selected_profile() == "Dr Lee"
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [controller.start_window]


def test_enrolled_device_appears_at_once(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    lee_profile.add_device(
        "New phone app", DeviceOption.GENERATOR_HERE, otp=otp("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")
    )
    assert window.erx.table.model().rowCount() == 5
    assert window.codes.model.rowCount() == 3
    assert window.codes.model.index(2).data(ROLE_CODE) == totp_at(otp("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"), T0)


def test_search_box_is_always_there(qtbot, controller, lee_profile) -> None:
    """Issue 22 item 8: it used to appear only past the fourth generator."""
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    window.show()
    assert window.codes.model.rowCount() == 2
    assert window.codes.filter.isVisible() and window.codes.filter.isEnabled()
    for i in range(3):
        # three different accounts (the same account twice is refused: core.enrollment)
        params = otp(account=f"extra{i}@example.org")
        lee_profile.add_device(f"Extra {i}", DeviceOption.GENERATOR_HERE, otp=params)
    assert window.codes.filter.isVisible()
    qtbot.keyClicks(window.codes.filter, "drchrono")
    assert window.codes.view.model().rowCount() == 1


def test_prescriber_inline_validation_and_save(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    erx = window.erx
    qtbot.keyClicks(erx.dea, "AB1234567")
    assert erx.dea_status.objectName() == "error" and erx.dea_status.text()
    assert not erx.save_prescriber_button.isEnabled()
    erx.dea.clear()
    qtbot.keyClicks(erx.dea, "AB1234563")
    assert erx.dea_status.objectName() == "ok"
    qtbot.keyClicks(erx.npi, "1234567893")
    assert erx.npi_status.objectName() == "ok"
    erx.state.setCurrentIndex(erx.state.findData("PR"))
    qtbot.keyClicks(erx.license, "md-4411")
    assert erx.save_prescriber_button.isEnabled()
    qtbot.mouseClick(erx.save_prescriber_button, Qt.MouseButton.LeftButton)
    info = lee_profile.prescriber()
    assert (info.state, info.license_number, info.dea_number, info.npi) == (
        "PR",
        "MD-4411",
        "AB1234563",
        "1234567893",
    )
    assert not erx.save_prescriber_button.isEnabled()


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_update_mfa_device_opens_configured_address(qtbot, controller, lee_profile) -> None:
    lee_profile.set_setting("idme_security_url", "https://account.id.me/example-security")
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        qtbot.mouseClick(window.erx.update_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == ["https://account.id.me/example-security"]


def test_settings_dialog_is_built_from_declarations(qtbot, controller, lee_profile) -> None:
    from epcs_desktop.core.settings import PROFILE_SETTINGS

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    assert set(dialog.editors) == {s.key for s in PROFILE_SETTINGS}  # IT-only keys are for policy files
    dialog.editors["clipboard_clear_seconds"].setValue(45)
    dialog.editors["idme_security_url"].setText("not a web address")
    dialog.accept()
    assert dialog.error.isVisible() and "https" in dialog.error.text()
    assert lee_profile.settings.clipboard_clear_seconds == 30
    dialog.editors["idme_security_url"].setText("https://account.id.me/signin-security")
    dialog.accept()
    assert lee_profile.settings.clipboard_clear_seconds == 45
    assert window.current_settings().clipboard_clear_seconds == 45


def test_identity_block_mirrors_drchrono(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    assert "not been confirmed" in window.erx.identity_label.text()
    window.erx.edit_identity()
    dialog = window.erx.dialog
    dialog.confirmed.setChecked(True)
    dialog.accept()
    assert lee_profile.identity().confirmed
    text = window.erx.identity_label.text()
    assert "Your identity has now been confirmed" in text and "EPCS Permissions Page" in text


def test_auto_lock_after_idle_minutes(qtbot, controller, lee_profile) -> None:
    import time

    lee_profile.set_setting("auto_lock_minutes", 1)
    window = controller.open_profile(lee_profile)
    controller.ticker.fire()
    assert controller.main_window is window  # just unlocked: not idle
    controller.last_input = time.monotonic() - 61
    controller.ticker.fire()
    assert controller.main_window is None
    assert not lee_profile.vault.is_open


def test_geometry_and_splitter_are_remembered(qtbot, controller, lee_profile, data_dir_store) -> None:
    window = controller.open_profile(lee_profile)
    window.resize(700, 500)  # the offscreen screen is 800x600
    window.splitter.setSizes([250, 450])
    sizes = window.splitter.sizes()
    controller.lock()
    reopened = controller.open_profile(data_dir_store.open("Dr Lee", PASSWORD))
    qtbot.addWidget(reopened)
    assert (reopened.size().width(), reopened.size().height()) == (700, 500)
    assert reopened.splitter.sizes() == sizes
    assert (data_dir_store.data_dir / "window.ini").is_file()


def test_tray_menu_copies_primary_code_and_locks(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    assert controller.tray_copy.isEnabled() and controller.tray_lock.isEnabled()
    controller.tray_copy.trigger()
    assert QGuiApplication.clipboard().text() == totp_at(otp(), T0)
    lee_profile.set_primary("MyiPhone")  # a push phone: no code here
    controller.tray_copy.trigger()
    assert "not generated here" in controller.tray_notice
    controller.tray_lock.trigger()
    assert controller.main_window is None and not window.isVisible()
    assert not controller.tray_copy.isEnabled()
    assert QGuiApplication.clipboard().text() == ""


def test_rename_with_f2_from_the_keyboard(qtbot, controller, lee_profile) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    table = window.erx.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, DeviceTableModel.COL_OPTION))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "MyiPhone"
    editor.selectAll()
    qtbot.keyClicks(editor, "Work iPhone")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # the commit is queued
    assert [d.nickname for d in lee_profile.devices()][2] == "Work iPhone"
    assert table.model().index(2, 0).data() == "Work iPhone"


def test_handed_over_profile_must_get_a_new_password(qtbot, controller, data_dir_store) -> None:
    from PySide6.QtCore import QTimer

    data_dir_store.create("Dr Park", "front-desk-temp-1", temporary=True).close()
    # as the lock screen does
    profile = data_dir_store.open("Dr Park", "front-desk-temp-1", allow_temporary=True)
    refused: list[str] = []

    def refuse() -> None:
        dialog = QApplication.activeModalWidget()
        refused.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, refuse)
    assert controller.open_profile(profile) is None  # refused: locked again
    assert refused == ["NewPasswordDialog"]
    assert not profile.is_open
    assert controller.main_window is None


def test_front_desk_handover_opens_from_the_lock_screen(qtbot, controller) -> None:
    from epcs_desktop.ui.frontdesk import HandOverDialog

    controller.show_start()
    controller.start_window.handover_requested.emit()
    dialog = controller.start_window.dialog
    assert isinstance(dialog, HandOverDialog) and dialog.isVisible()
    dialog.reject()
    assert controller.start_window.isVisible()


def test_erx_pane_warns_when_the_primary_device_is_this_computer(qtbot, tmp_path) -> None:
    """The DEA notice appears where it matters: a primary whose codes come from this computer."""
    from epcs_desktop.core.erx import DeviceOption
    from epcs_desktop.core.otpauth import from_secret
    from epcs_desktop.ui.erx_pane import ErxPane

    store = store_at(tmp_path)
    profile = store.create("Dr Note", "correct horse battery")
    try:
        profile.add_device("Phone", DeviceOption.PUSH)
        pane = ErxPane(profile, lambda: profile.settings, clock=profile.clock)
        qtbot.addWidget(pane)
        assert pane.primary_note.isHidden()
        otp = from_secret("JBSWY3DPEHPK3PXPJBSWY3DP")
        profile.add_device("This PC", DeviceOption.GENERATOR_HERE, otp=otp, make_primary=True)
        pane.on_profile_changed()
        assert not pane.primary_note.isHidden()
        assert "21 CFR 1311.115" in pane.primary_note.text()
        profile.set_primary("Phone")
        pane.on_profile_changed()
        assert pane.primary_note.isHidden()
    finally:
        profile.close()


def test_settings_save_is_one_change(qtbot, lee_profile) -> None:
    from epcs_desktop.ui.dialogs import SettingsDialog

    lee_profile.add_device("Desk", DeviceOption.PUSH)
    before = len(lee_profile.activity())
    dialog = SettingsDialog(lee_profile)
    qtbot.addWidget(dialog)
    dialog.editors["auto_lock_minutes"].setValue(9)
    dialog.editors["clipboard_clear_seconds"].setValue(50)
    dialog.accept()
    values = lee_profile.settings
    assert (values.auto_lock_minutes, values.clipboard_clear_seconds) == (9, 50)
    log = lee_profile.activity()
    assert len(log) == before + 1 and log[0].action == "setting changed"


def test_changing_the_time_server_checks_the_clock_again(qtbot, controller, lee_profile, monkeypatch) -> None:
    window = controller.open_profile(lee_profile)
    calls: list[str] = []
    monkeypatch.setattr(
        window.clock_status, "check_now", lambda **_: calls.append(lee_profile.settings.ntp_server)
    )
    window.open_settings()
    dlg = window.dialog
    dlg.editors["ntp_server"].setText("time.example.org")
    dlg.accept()
    assert calls == ["time.example.org"]
    window.open_settings()
    window.dialog.accept()  # nothing changed: no new check
    assert calls == ["time.example.org"]


def test_enter_presses_a_focused_button_in_the_main_window(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    links = [b for b in window.erx.findChildren(QPushButton) if b.objectName() == "linkButton"]
    button = next(b for b in links if b.isVisible())
    clicked: list[bool] = []
    button.clicked.connect(lambda *_: clicked.append(True))
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(clicked), timeout=2000)
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible() and w is not controller.start_window:
            w.close()


def test_menu_roles_put_about_settings_quit_in_the_macos_app_menu(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    by_role: dict[QAction.MenuRole, list[QAction]] = {}
    for action in window.findChildren(QAction):
        by_role.setdefault(action.menuRole(), []).append(action)
    for role in (QAction.MenuRole.AboutRole, QAction.MenuRole.PreferencesRole, QAction.MenuRole.QuitRole):
        assert len(by_role.get(role, [])) == 1, role
    assert by_role[QAction.MenuRole.PreferencesRole][0].shortcut().toString() == "Ctrl+,"  # Cmd+, on macOS
    quit_keys = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)]
    assert by_role[QAction.MenuRole.QuitRole][0].shortcut().toString() == (quit_keys[0] if quit_keys else "")
    # Nothing else is left to Qt's text heuristics ("Save setup sheet" must stay in Tools).
    sheet = [a for a in window.findChildren(QAction) if "setup sheet" in a.text()]
    assert sheet and sheet[0].menuRole() == QAction.MenuRole.NoRole


def test_practice_mode_follows_the_policy(qtbot, controller, lee_profile, policy_file) -> None:
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    assert window.practice_action.isVisible()
    policy_file({"settings": {"disable_practice_mode": {"value": True, "locked": True}}})
    window.on_settings_changed()
    assert not window.practice_action.isVisible()
    window.dialog = None
    window.open_practice()
    assert window.dialog is None  # refused even if triggered some other way


def test_export_is_disabled_with_a_reason_when_it_turns_exports_off(
    qtbot, controller, lee_profile, policy_file
):
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    assert window.export_action.isEnabled()
    policy_file({"settings": {"disable_export": {"value": True, "locked": True}}})
    window.on_settings_changed()
    assert not window.export_action.isEnabled()
    assert window.export_action.toolTip() == "Exporting secret keys is turned off by your practice's IT."
    window.dialog = None
    window.export_codes()
    assert window.dialog is None  # refused even if triggered some other way


def test_window_is_built_with_its_banner_column_around_the_panes(qtbot, controller, lee_profile) -> None:
    """Issue 14: the window is built top-down (banners' column, splitter, panes in order); the
    banners added at unlock (clock check, backup reminder) go into that column without re-wrapping."""
    from PySide6.QtWidgets import QVBoxLayout

    from epcs_desktop.ui.clock_status import banner_area

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    central = window.centralWidget()
    assert central.objectName() == "bannerContainer"
    assert [window.splitter.widget(i) for i in range(window.splitter.count())] == [window.erx, window.codes]
    assert window.splitter.parent() is central and window.erx.window() is window
    area = banner_area(window)
    assert isinstance(area, QVBoxLayout) and window.centralWidget() is central  # no second wrapper
    banners = [area.itemAt(i).widget() for i in range(area.count())]
    assert window.clock_status.banner in banners and window.backup_reminder.banner in banners
    # The device table still sizes its Option and Primary columns to their text.
    table = window.erx.table
    for col in (DeviceTableModel.COL_OPTION, DeviceTableModel.COL_PRIMARY):
        assert table.columnWidth(col) >= table.sizeHintForColumn(col) > 0
