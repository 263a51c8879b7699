"""eRx pane review findings: the row menu acts on the right device; refreshes read the vault once.

Real main window over a real SQLCipher profile. Vault reads are counted with
SQLite's own statement trace on the profile's connection, not by replacing
any product code.
"""

from __future__ import annotations

from gui_support import PASSWORD
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.dialogs import RemoveDeviceDialog

FULL_DEVICE_READ = "SELECT * FROM device ORDER BY id"


def _menu_for(erx, nickname: str):
    row = erx.model.row_of(nickname)
    pos = erx.table.visualRect(erx.model.index(row, 0)).center()
    erx._context_menu(pos)
    menu = erx.context_menu
    assert menu is not None
    return {a.text(): a for a in menu.actions()}


def test_row_menu_acts_on_its_device_after_the_table_changed(qtbot, controller, profile) -> None:
    erx = controller.open_profile(profile).erx
    actions = _menu_for(erx, "MyiPhone")  # row 2
    # While the menu is open, another window removes the first device: every row moves up.
    profile.remove_device("Office PC", successor="Laptop")
    assert erx.model.row_of("MyiPhone") == 1
    actions["Select as primary device"].trigger()
    assert profile.primary().nickname == "MyiPhone"  # not "OfficeiPad", now on row 2

    actions = _menu_for(erx, "OfficeiPad")
    profile.remove_device("Laptop")
    actions["Remove…"].trigger()
    assert isinstance(erx.dialog, RemoveDeviceDialog)
    assert erx.dialog.device.nickname == "OfficeiPad"
    erx.dialog.reject()


def test_row_menu_does_nothing_for_a_device_removed_meanwhile(qtbot, controller, profile) -> None:
    erx = controller.open_profile(profile).erx
    actions = _menu_for(erx, "OfficeiPad")  # the last row
    profile.remove_device("OfficeiPad")
    erx.dialog = None
    actions["Select as primary device"].trigger()  # before the fix: IndexError (row 3 is gone)
    actions["Remove…"].trigger()
    assert erx.dialog is None
    assert profile.primary().nickname == "Office PC"


def test_one_change_reads_the_devices_once(qtbot, controller, profile) -> None:
    window = controller.open_profile(profile)
    statements: list[str] = []
    profile.vault.conn.set_trace_callback(statements.append)
    try:
        profile.add_device("Desk phone", DeviceOption.PUSH)
        full_reads = [s for s in statements if FULL_DEVICE_READ in s]
    finally:
        profile.vault.conn.set_trace_callback(None)
    assert len(full_reads) == 1  # was 3: device table, primary note and code list each read it
    assert window.erx.model.row_of("Desk phone") == 4
    assert window.codes.model.rowCount() == 2


def test_shared_read_is_never_stale(qtbot, controller, store, profile) -> None:
    window = controller.open_profile(profile)
    # Two changes in one turn of the event loop: the second refresh must see both.
    profile.add_device("Desk phone", DeviceOption.PUSH)
    profile.set_primary("Desk phone")
    assert window.erx.model.device_at(window.erx.model.row_of("Desk phone")).is_primary
    assert window.erx.primary_note.isHidden()  # the primary's codes are no longer made here
    # A change through another connection (another process) is seen at the next refresh.
    QApplication.processEvents()
    other = store.open("Dr Lee", PASSWORD)
    try:
        other.add_device("From the CLI", DeviceOption.PUSH)
    finally:
        other.close()
    window.on_profile_changed()
    assert window.erx.model.row_of("From the CLI") >= 0


def test_typing_in_prescriber_info_does_not_read_the_vault(qtbot, controller, profile) -> None:
    erx = controller.open_profile(profile).erx
    statements: list[str] = []
    profile.vault.conn.set_trace_callback(statements.append)
    try:
        for ch in "BR1234563":
            erx.dea.insert(ch)
    finally:
        profile.vault.conn.set_trace_callback(None)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == []  # was one per key
    assert erx.save_prescriber_button.isEnabled()
    erx.save_prescriber()
    assert profile.prescriber().dea_number == "BR1234563"
    assert not erx.save_prescriber_button.isEnabled()  # saved copy refreshed: nothing left to save
