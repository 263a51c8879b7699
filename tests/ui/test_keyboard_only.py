"""Keyboard only, end to end: unlock, copy a code, enroll by secret key, select a primary, lock.

Every step is a key press sent to whichever widget has the keyboard focus (as a person
without a mouse would): Tab and Shift+Tab to move, mnemonics, Enter, Space and arrows.
Tab must get out of every control within `MAX_TABS` presses, so a control that traps
focus (the ID.me device table once cycled its cells forever) fails this test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_support import PASSWORD, T0
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from epcs_desktop.core.otp import totp_at

NEW_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
MAX_TABS = 40


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focus(), key, mods)


def type_text(text: str) -> None:
    QTest.keyClicks(focus(), text)


def tab_until(test: Callable[[QWidget], bool], what: str) -> QWidget:
    """Press Tab until the focused widget passes `test`; fail if it never comes (focus trapped)."""
    seen: list[str] = []
    for _ in range(MAX_TABS):
        if test(focus()):
            return focus()
        seen.append(type(focus()).__name__)
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"{MAX_TABS} Tab presses never reached {what}; focus went through {seen}")


def test_unlock_copy_enroll_select_primary_lock_by_keyboard(
    qtbot, controller, lee_profile, data_dir_store
) -> None:
    from epcs_desktop.ui.codes_pane import CodeListView
    from epcs_desktop.ui.erx_pane import DeviceTableView

    lee_profile.close()
    start = controller.start_window
    start.reload_profiles("Dr Lee")
    controller.show_start()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is start)
    start.focus_default()

    # Unlock: the password field has the focus; type and press Enter.
    assert focus() is start.password or start.password.isAncestorOf(focus())
    type_text(PASSWORD)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    window = controller.main_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    live = controller.profile

    # Copy a code: Tab to the code list, first row, Enter.
    tab_until(lambda w: isinstance(w, CodeListView), "the code list")
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_Return)
    codes = {totp_at(d.otp, T0) for d in live.devices() if d.otp is not None}
    copied = QApplication.clipboard().text().replace(" ", "")
    assert copied in codes

    # Tab leaves the device table (item 2): in, then out to a control after it.
    table = tab_until(lambda w: isinstance(w, DeviceTableView), "the device table")
    press(Qt.Key.Key_Tab)
    assert focus() is not table and not table.isAncestorOf(focus())
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focus() is table

    # Enroll by secret key: Ctrl+N, Alt+K (Enter the secret key), Enter, type, Enter, name it, Enter.
    before = len(live.devices())
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None or window.dialog is not None)
    wizard = window.dialog
    qtbot.waitUntil(lambda: wizard.isVisible() and wizard.isAncestorOf(focus()))
    press(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.page(0).chosen().name == "KEY")  # a mnemonic clicks after ~100 ms
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: type(wizard.currentPage()).__name__ == "SecretKeyPage")
    qtbot.waitUntil(lambda: wizard.currentPage().key_edit.hasFocus())
    type_text(NEW_KEY)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: type(wizard.currentPage()).__name__ == "ConfirmPage")
    qtbot.waitUntil(lambda: wizard.isAncestorOf(focus()))
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("Exam room")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(live.devices()) == before + 1, timeout=5000)
    assert live.devices()[-1].nickname == "Exam room"
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # Select a primary: back to the table, last row's Primary Device cell, Space.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tab_until(lambda w: isinstance(w, DeviceTableView), "the device table")
    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: live.primary() is not None and live.primary().nickname == "Exam room")

    # Lock: Ctrl+L.
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.main_window is None)
    assert start.isVisible()
    assert QApplication.clipboard().text().replace(" ", "") not in codes  # our code left the clipboard


@pytest.mark.parametrize("trap", [True])
def test_tab_would_fail_in_a_table_that_keeps_it(qtbot, trap: bool) -> None:
    """The helper above fails on a table with Tab key navigation on (what the device table had)."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout

    host = QWidget()
    lay = QVBoxLayout(host)
    table = QTableView()
    model = QStandardItemModel(3, 3)
    table.setModel(model)
    table.setTabKeyNavigation(trap)
    after = QPushButton("After")
    lay.addWidget(table)
    lay.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    with pytest.raises(AssertionError, match="never reached"):
        tab_until(lambda w: w is after, "the button after the table")
