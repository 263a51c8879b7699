"""Start / lock screen: create a profile, wrong and right passwords, growing delays, no dead ends."""

from __future__ import annotations

from gui_support import PASSWORD
from PySide6.QtCore import Qt

from epcs_desktop.ui.start import StartWindow, failure_delay, strength_hint


def test_create_profile_through_the_form(qtbot, store) -> None:
    w = StartWindow(store)
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
        assert store.list() == ["Dr Kim"]
        assert store.path_for("Dr Kim").is_file()
    finally:
        profile.close()


def test_create_rejects_short_password_and_existing_name(qtbot, store) -> None:
    store.create("Dr Kim", PASSWORD).close()
    w = StartWindow(store)
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


def test_create_page_warns_password_cannot_be_recovered(qtbot, store) -> None:
    w = StartWindow(store)
    qtbot.addWidget(w)
    texts = [label.text() for label in w.create_page.findChildren(type(w.strength))]
    assert any("cannot be recovered" in t for t in texts)


def test_wrong_then_right_password(qtbot, store) -> None:
    store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(store)
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


def test_repeated_failures_make_the_button_wait(qtbot, store) -> None:
    store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(store)
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


def test_strength_hint_prefers_length(qapp) -> None:
    assert strength_hint("abc")[0] == 0
    assert strength_hint("aaaaaaaaaaaa")[0] <= 1
    assert strength_hint("correct horse battery staple")[0] >= 3


# -- the first run: no profile on this workstation ---------------------------------------------------


def _shown(qtbot, w: StartWindow) -> None:
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)


def test_first_run_offers_create_instead_of_a_password(qtbot, store) -> None:
    w = StartWindow(store)
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


def test_first_run_offers_the_front_desk_hand_over(qtbot, store) -> None:
    w = StartWindow(store)
    _shown(qtbot, w)
    assert w.handover_button is not None and w.handover_button.isVisible()
    assert w.handover_button.text() == w.handover_action.text()  # the same entry as in the File menu
    with qtbot.waitSignal(w.handover_requested, timeout=1000):
        qtbot.mouseClick(w.handover_button, Qt.MouseButton.LeftButton)


def test_back_from_create_returns_to_the_welcome(qtbot, store) -> None:
    w = StartWindow(store)
    _shown(qtbot, w)
    w.show_create()
    w.show_unlock()
    assert w.pages.currentWidget() is w.unlock_page
    assert w.first_run.isVisible() and not w.unlock_view.isVisible()
    qtbot.waitUntil(lambda: w.focusWidget() is w.create_first_button)


def test_a_profile_replaces_the_welcome_with_the_password_row(qtbot, store) -> None:
    w = StartWindow(store)
    _shown(qtbot, w)
    store.create("Dr Lee", PASSWORD).close()  # e.g. the front desk's hand-over just made one
    w.show_unlock("Dr Lee")
    assert not w.first_run.isVisible()
    assert w.password.isVisible() and w.password.isEnabled()
    assert w.unlock_button.isVisible() and w.unlock_button.isDefault()
    assert not w.create_first_button.isDefault()
    assert w.new_button.isVisible()
    assert w.selected_profile() == "Dr Lee"
    qtbot.waitUntil(lambda: w.focusWidget() is w.password)


def test_existing_profile_opens_on_the_password(qtbot, store) -> None:
    store.create("Dr Lee", PASSWORD).close()
    w = StartWindow(store)
    _shown(qtbot, w)
    assert not w.empty_label.isVisible() and not w.create_first_button.isVisible()
    qtbot.waitUntil(lambda: w.focusWidget() is w.password)
