"""Start / lock screen: create a profile, wrong and right passwords, growing delays, no dead ends."""

from __future__ import annotations

from gui_support import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from epcs_desktop.ui.start import StartWindow, failure_delay


def test_create_profile_through_the_form(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show()
    assert w.empty_label.isVisible()
    qtbot.mouseClick(w.create_first_button, Qt.MouseButton.LeftButton)  # the first run's primary button
    assert w.pages.currentWidget() is w.create_page
    qtbot.keyClicks(w.new_name, "Dr Kim")
    qtbot.keyClicks(w.new_password, PASSWORD)
    assert w.strength.text()  # a strength hint is shown while typing
    qtbot.keyClicks(w.new_password2, PASSWORD + "x")
    w.create_profile()
    assert "not the same" in w.create_error.text()
    assert w.new_password2.text() == ""
    qtbot.keyClicks(w.new_password2, PASSWORD)
    with qtbot.waitSignal(w.unlocked, timeout=10_000) as blocker:
        qtbot.mouseClick(w.create_button, Qt.MouseButton.LeftButton)
    profile = blocker.args[0]
    try:
        assert profile.name == "Dr Kim"
        assert data_dir_store.list() == ["Dr Kim"]
        assert data_dir_store.path_for("Dr Kim").is_file()
    finally:
        profile.close()


def test_create_rejects_short_password_and_existing_name(qtbot, data_dir_store) -> None:
    data_dir_store.create("Dr Kim", PASSWORD).close()
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show_create()
    w.new_name.setText("Dr New")
    w.new_password.setText("short")
    w.new_password2.setText("short")
    w.create_profile()
    assert "8" in w.create_error.text()
    w.new_name.setText("dr kim")
    w.new_password.setText(PASSWORD)
    w.new_password2.setText(PASSWORD)
    w.create_profile()
    assert "already exists" in w.create_error.text()
    assert not w.busy


def test_create_page_warns_password_cannot_be_recovered(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    texts = [label.text() for label in w.create_page.findChildren(type(w.strength))]
    assert any("cannot be recovered" in t for t in texts)


def test_wrong_then_right_password(qtbot, data_dir_store) -> None:
    data_dir_store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show()
    assert w.selected_profile() == "Dr Lee"
    qtbot.keyClicks(w.password, "not the password")
    qtbot.keyClick(w.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.busy and w.unlock_error.text() != "", timeout=10_000)
    assert "Wrong password" in w.unlock_error.text()
    assert w.password.text() == ""
    assert w.unlock_button.isEnabled()  # the first miss costs no waiting

    qtbot.keyClicks(w.password, PASSWORD)
    with qtbot.waitSignal(w.unlocked, timeout=10_000) as blocker:
        qtbot.mouseClick(w.unlock_button, Qt.MouseButton.LeftButton)
    profile = blocker.args[0]
    try:
        assert profile.name == "Dr Lee"
        assert w.password.text() == ""
        assert w.unlock_error.text() == "" or not w.unlock_error.isVisible()
    finally:
        profile.close()


def test_repeated_failures_make_the_button_wait(qtbot, data_dir_store) -> None:
    data_dir_store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show()
    for _ in range(2):
        w.password.setText("wrong password")
        w.unlock()
        qtbot.waitUntil(lambda: not w.busy, timeout=10_000)
    assert w.failures["Dr Lee"] == 2
    assert w.delay_timer.isActive()
    assert not w.unlock_button.isEnabled()
    assert "second" in w.unlock_error.text()
    w.password.setText(PASSWORD)
    w.unlock()  # ignored while waiting
    assert not w.busy
    # Switching profile, creating one and quitting all stay available while waiting.
    assert w.new_button.isEnabled()


def test_failure_delays_grow_and_are_capped() -> None:
    delays = [failure_delay(n) for n in range(1, 10)]
    assert delays[0] == 0
    assert delays == sorted(delays)
    assert delays[1] >= 1
    assert max(delays) == 30


def test_strength_meter_prefers_length(qtbot, data_dir_store) -> None:
    """The create page's meter is core.passwords.strength, the backup dialog's too (one meter)."""
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    meter = w.password_entry
    for pw, check in (
        ("abc", lambda s: s == 0),
        ("aaaaaaaaaaaa", lambda s: s <= 1),
        ("correct horse battery staple", lambda s: s >= 3),
    ):
        w.new_password.setText(pw)
        assert check(meter.score), (pw, meter.score)
        assert meter.meter.value() == meter.score


# -- the first run: no profile on this workstation ---------------------------------------------------


def _shown(qtbot, w: StartWindow) -> None:
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)


def test_first_run_offers_create_instead_of_a_password(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    _shown(qtbot, w)
    assert w.empty_label.isVisible()
    assert w.empty_label.text() == "No profile on this workstation yet"
    assert not w.password.isVisible()  # nothing to unlock: no password row
    assert not w.unlock_button.isVisible()
    assert not w.profile_list.isVisible()
    assert not w.new_button.isVisible()  # the primary button replaces it
    assert w.create_first_button.isVisible() and w.create_first_button.isEnabled()
    assert w.create_first_button.isDefault() and not w.unlock_button.isDefault()
    qtbot.waitUntil(lambda: w.focusWidget() is w.create_first_button)
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_Return)  # Enter creates, as the default button
    assert w.pages.currentWidget() is w.create_page
    qtbot.waitUntil(lambda: w.focusWidget() is w.new_name)


def test_first_run_offers_the_front_desk_hand_over(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    _shown(qtbot, w)
    assert w.handover_button is not None and w.handover_button.isVisible()
    assert w.handover_button.text() == w.handover_action.text()  # the same entry as in the File menu
    with qtbot.waitSignal(w.handover_requested, timeout=1000):
        qtbot.mouseClick(w.handover_button, Qt.MouseButton.LeftButton)


def test_back_from_create_returns_to_the_welcome(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    _shown(qtbot, w)
    w.show_create()
    w.show_unlock()
    assert w.pages.currentWidget() is w.unlock_page
    assert w.first_run.isVisible() and not w.unlock_view.isVisible()
    qtbot.waitUntil(lambda: w.focusWidget() is w.create_first_button)


def test_a_profile_replaces_the_welcome_with_the_password_row(qtbot, data_dir_store) -> None:
    w = StartWindow(data_dir_store)
    _shown(qtbot, w)
    data_dir_store.create("Dr Lee", PASSWORD).close()  # e.g. the front desk's hand-over just made one
    w.show_unlock("Dr Lee")
    assert not w.first_run.isVisible()
    assert w.password.isVisible() and w.password.isEnabled()
    assert w.unlock_button.isVisible() and w.unlock_button.isDefault()
    assert not w.create_first_button.isDefault()
    assert w.new_button.isVisible()
    assert w.selected_profile() == "Dr Lee"
    qtbot.waitUntil(lambda: w.focusWidget() is w.password)


def test_existing_profile_opens_on_the_password(qtbot, data_dir_store) -> None:
    data_dir_store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(data_dir_store)
    _shown(qtbot, w)
    assert not w.empty_label.isVisible() and not w.create_first_button.isVisible()
    qtbot.waitUntil(lambda: w.focusWidget() is w.password)


def test_lockout_counts_down_says_so_on_enter_and_logs_failures(qtbot, data_dir_store) -> None:
    from epcs_desktop.ui.start import StartWindow

    data_dir_store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show()
    for attempt in range(3):  # the second miss waits 1 s, the third 2 s
        if attempt:
            w.delay_timer.stop()  # as if the wait had passed
            w._delay_over()
        w.password.setText("wrong password")
        w.unlock()
        qtbot.waitUntil(lambda: not w.busy, timeout=10_000)
    assert w.delay_timer.isActive()
    assert w.unlock_error.text() == "Wrong password. You can try again in 2 seconds."
    assert "(s)" not in w.unlock_error.text()
    w._count_down()  # the 1 s tick
    assert w.unlock_error.text() == "Wrong password. You can try again in 1 second."
    # Enter during the wait says so instead of doing nothing.
    w.password.setText(PASSWORD)
    QTest.keyClick(w.password, Qt.Key.Key_Return)
    assert not w.busy
    assert "Please wait 1 more second" in w.unlock_error.text()
    # The wait ends: the sign that the last try failed stays.
    w.delay_timer.stop()
    w._delay_over()
    assert w.unlock_error.isVisible() and "try again now" in w.unlock_error.text()
    assert w.unlock_button.isEnabled()
    # The next unlock writes the failures to the profile's activity log: count and time, no text.
    got = []
    w.unlocked.connect(got.append)
    w.password.setText(PASSWORD)
    w.unlock()
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    profile = got[0]
    try:
        entries = [e for e in profile.activity() if e.action == "failed unlocks"]
        assert len(entries) == 1
        assert entries[0].detail.startswith("3 wrong passwords before this unlock; the last at ")
        assert "wrong password" not in entries[0].detail.replace("wrong passwords", "")
    finally:
        profile.close()


def test_lock_screen_preselects_the_last_used_profile(qtbot, data_dir_store, mid_period_clock) -> None:
    from PySide6.QtCore import QSettings

    from epcs_desktop.ui.controller import AppController

    for name in ("Dr Adams", "Dr Zhou"):
        data_dir_store.create(name, PASSWORD).close()
    settings = QSettings(str(data_dir_store.data_dir / "window.ini"), QSettings.Format.IniFormat)
    first = AppController(data_dir_store, mid_period_clock, window_settings=settings, show_notice=False)
    try:
        assert first.start_window.selected_profile() == "Dr Adams"
        first.open_profile(data_dir_store.open("Dr Zhou", PASSWORD))
        first.lock()
    finally:
        first.shutdown()
        QApplication.instance().removeEventFilter(first)
        first.start_window.close()
    again = AppController(data_dir_store, mid_period_clock, window_settings=settings, show_notice=False)
    try:
        assert again.start_window.selected_profile() == "Dr Zhou"
        assert again.start_window.windowTitle() == "Unlock"  # Qt adds " — EPCS Desktop" itself
    finally:
        again.shutdown()
        QApplication.instance().removeEventFilter(again)
        again.start_window.close()


def test_auto_lock_says_why(qtbot, controller, lee_profile) -> None:
    controller.open_profile(lee_profile)
    controller.lock("Locked after 5 minutes without use.")
    assert controller.start_window.unlock_status.text() == "Locked after 5 minutes without use."


def test_new_profile_fields_line_up(qtbot, data_dir_store) -> None:
    """Issue 22 #10: "Profile name" sat in its own form, its field out of line with the password fields."""
    from PySide6.QtCore import QPoint

    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    w.show()
    w.show_create()
    qtbot.waitExposed(w)
    page = w.create_page
    fields = [w.new_name, w.new_password, w.new_password2]
    lefts = {f.mapTo(page, QPoint(0, 0)).x() for f in fields}
    widths = {f.width() for f in fields}
    assert len(lefts) == 1 and len(widths) == 1
