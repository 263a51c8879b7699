"""The eRx Info pane: the row menu acts on the right device; a change reads the devices once.

Real main window over a real SQLCipher profile. Vault reads are counted with
SQLite's own statement trace on the profile's connection, not by replacing
any product code.
"""

from __future__ import annotations

from gui_support import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.ui.dialogs import RemoveDeviceDialog
from epcs_desktop.ui.models import DeviceTableModel

FULL_DEVICE_READ = "SELECT * FROM device ORDER BY id"


def _menu_for(erx, nickname: str):
    row = erx.model.row_of(nickname)
    pos = erx.table.visualRect(erx.model.index(row, 0)).center()
    erx._context_menu(pos)
    menu = erx.context_menu
    assert menu is not None
    return {a.text(): a for a in menu.actions()}


def test_row_menu_acts_on_its_device_after_the_table_changed(qtbot, controller, lee_profile) -> None:
    erx = controller.open_profile(lee_profile).erx
    actions = _menu_for(erx, "MyiPhone")  # row 2
    # While the menu is open, another window removes the first device: every row moves up.
    lee_profile.remove_device("Office PC", successor="Laptop")
    assert erx.model.row_of("MyiPhone") == 1
    actions["Select as primary device"].trigger()
    assert lee_profile.primary().nickname == "MyiPhone"  # not "OfficeiPad", now on row 2

    actions = _menu_for(erx, "OfficeiPad")
    lee_profile.remove_device("Laptop")
    actions["Remove…"].trigger()
    assert isinstance(erx.dialog, RemoveDeviceDialog)
    assert erx.dialog.device.nickname == "OfficeiPad"
    erx.dialog.reject()


def test_row_menu_does_nothing_for_a_device_removed_meanwhile(qtbot, controller, lee_profile) -> None:
    erx = controller.open_profile(lee_profile).erx
    actions = _menu_for(erx, "OfficeiPad")  # the last row
    lee_profile.remove_device("OfficeiPad")
    erx.dialog = None
    actions["Select as primary device"].trigger()  # before the fix: IndexError (row 3 is gone)
    actions["Remove…"].trigger()
    assert erx.dialog is None
    assert lee_profile.primary().nickname == "Office PC"


def test_one_change_reads_the_devices_once(qtbot, controller, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    reads_before = window.bridge.reads
    statements: list[str] = []
    lee_profile.vault.conn.set_trace_callback(statements.append)
    try:
        lee_profile.add_device("Desk phone", DeviceOption.PUSH)
        full_reads = [s for s in statements if FULL_DEVICE_READ in s]
    finally:
        lee_profile.vault.conn.set_trace_callback(None)
    # One read inside the service (the enrollment plan checks the account is not there yet) and
    # ONE for the views: was 3, the device table, primary note and code list each read it.
    assert window.bridge.reads - reads_before == 1
    assert len(full_reads) == 2
    assert window.erx.model.row_of("Desk phone") == 4
    assert window.codes.model.rowCount() == 2


def test_shared_read_is_never_stale(qtbot, controller, data_dir_store, lee_profile) -> None:
    window = controller.open_profile(lee_profile)
    # Two changes in one turn of the event loop: the second refresh must see both.
    lee_profile.add_device("Desk phone", DeviceOption.PUSH)
    lee_profile.set_primary("Desk phone")
    assert window.erx.model.device_at(window.erx.model.row_of("Desk phone")).is_primary
    assert window.erx.primary_note.isHidden()  # the primary's codes are no longer made here
    # A change through another connection (another process) is seen at the next refresh.
    QApplication.processEvents()
    other = data_dir_store.open("Dr Lee", PASSWORD)
    try:
        other.add_device("From the CLI", DeviceOption.PUSH)
    finally:
        other.close()
    window.on_profile_changed()
    assert window.erx.model.row_of("From the CLI") >= 0


def test_typing_in_prescriber_info_does_not_read_the_vault(qtbot, controller, lee_profile) -> None:
    erx = controller.open_profile(lee_profile).erx
    statements: list[str] = []
    lee_profile.vault.conn.set_trace_callback(statements.append)
    try:
        for ch in "BR1234563":
            erx.dea.insert(ch)
    finally:
        lee_profile.vault.conn.set_trace_callback(None)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == []  # was one per key
    assert erx.save_prescriber_button.isEnabled()
    erx.save_prescriber()
    assert lee_profile.prescriber().dea_number == "BR1234563"
    assert not erx.save_prescriber_button.isEnabled()  # saved copy refreshed: nothing left to save


def test_primary_text_is_readable_on_the_selection(qtbot, controller, lee_profile) -> None:
    from PySide6.QtGui import QColor, QImage

    window = controller.open_profile(lee_profile)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    table = window.erx.table
    primary_row = next(r for r in range(table.model().rowCount()) if table.model().device_at(r).is_primary)
    idx = table.model().index(primary_row, 2)
    table.setCurrentIndex(idx)
    table.setFocus()
    QApplication.processEvents()
    rect = table.visualRect(idx)
    image: QImage = table.viewport().grab(rect).toImage()
    background = QColor(image.pixel(2, 2))
    darkest = min(
        (QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())),
        key=lambda c: abs(c.lightness() - background.lightness()) * -1,
    )
    # The text's contrast against the selection: WCAG-style luminance ratio >= 3 (green on blue was ~1.3).
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    a, b = sorted((lum(background), lum(darkest)))
    assert (b + 0.05) / (a + 0.05) >= 3.0


def test_unsaved_prescriber_info_is_kept_over_an_auto_lock(
    qtbot, controller, lee_profile, data_dir_store
) -> None:
    window = controller.open_profile(lee_profile)
    erx = window.erx
    erx.license.setText("LIC-998877")
    assert erx.save_prescriber_button.isEnabled()  # unsaved
    controller.lock("Locked after 5 minutes without use.")
    status = controller.start_window.unlock_status.text()
    assert status.startswith("Locked after 5 minutes without use.") and "kept as a draft" in status
    again = data_dir_store.open("Dr Lee", PASSWORD)
    assert again.prescriber().license_number == ""  # not saved behind the person's back
    window = controller.open_profile(again)
    erx = window.erx
    assert erx.license.text() == "LIC-998877"
    assert "is back" in erx.prescriber_error.text() and erx.discard_draft_button.isVisibleTo(window)
    erx.save_prescriber()
    assert again.prescriber().license_number == "LIC-998877"
    assert again.prescriber_draft() is None
    assert not erx.discard_draft_button.isVisibleTo(window)


def test_option_and_primary_columns_fit_every_row_and_follow_changes(
    qtbot, controller, data_dir_store
) -> None:
    """Issue 14: the two text columns are sized from one row per distinct text, not every row's
    delegate; they still fit the widest text wherever it is (here only in row 79) and follow changes."""
    from epcs_desktop.ui.models import DeviceTableModel

    profile = data_dir_store.create("Dr Wide", PASSWORD)
    with profile.vault.transaction():
        for i in range(80):
            option = DeviceOption.PUSH if i == 79 else DeviceOption.GENERATOR_OTHER
            profile.add_device(f"Device {i}", option)
    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    erx = window.erx
    table, model = erx.table, erx.model

    def fits(col: int) -> bool:
        widths = [table.sizeHintForIndex(model.index(r, col)).width() for r in range(model.rowCount())]
        header = table.horizontalHeader().sectionSizeHint(col)
        return table.columnWidth(col) == max([*widths, header])

    assert fits(DeviceTableModel.COL_OPTION) and fits(DeviceTableModel.COL_PRIMARY)
    assert model.option_text(model.device_at(79)) != model.option_text(model.device_at(0))
    profile.remove_device("Device 79")  # the only push device: Option narrows to what is left
    qtbot.waitUntil(lambda: model.rowCount() == 79, timeout=2_000)
    assert fits(DeviceTableModel.COL_OPTION) and fits(DeviceTableModel.COL_PRIMARY)
    bigger = table.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    table.setFont(bigger)  # a font change measures again
    assert fits(DeviceTableModel.COL_OPTION) and fits(DeviceTableModel.COL_PRIMARY)


def test_move_to_phone_off_disables_the_menu_entry(policy_file, qtbot, controller, lee_profile) -> None:
    """disable_move_to_phone (IT's policy): the row menu's entry is greyed and the slot refuses too."""
    from epcs_desktop.ui.move_to_phone import MoveToPhoneDialog

    erx = controller.open_profile(lee_profile).erx
    assert _menu_for(erx, "Office PC")["Move to a phone…"].isEnabled()
    policy_file({"settings": {"disable_move_to_phone": {"value": True, "locked": True}}})
    assert not _menu_for(erx, "Office PC")["Move to a phone…"].isEnabled()
    erx.move_to_phone(erx.model.row_of("Office PC"))  # a stale menu or shortcut reaching the slot
    assert not isinstance(erx.dialog, MoveToPhoneDialog)


def test_the_window_keeps_its_place_when_the_primary_changes(qtbot, controller, lee_profile) -> None:
    """Issue 18: a new primary (here from another window) is applied as row changes, not a reset: the
    table's selected cell and the code list's selected code stay where the clinician put them, and the
    compliance note follows the table."""
    from gui_support import ModelSignals, otp

    from epcs_desktop.ui.models import ROLE_NICK

    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=otp("ONSWG4TFOQYTEMZU", account="desk"))
    window = controller.open_profile(lee_profile)
    table, codes = window.erx.table, window.codes.view
    table_signals, code_signals = ModelSignals(window.erx.model), ModelSignals(window.codes.model)
    table.setCurrentIndex(window.erx.model.index(2, 0))  # "MyiPhone"
    codes.setCurrentIndex(window.codes.proxy.index(1, 0))  # "Laptop"
    assert not window.erx.primary_note.isHidden()  # "Office PC" makes its codes here

    lee_profile.set_primary("MyiPhone")  # a push phone: the code list loses its pinned primary
    assert table.currentIndex().data() == "MyiPhone" and codes.currentIndex().data(ROLE_NICK) == "Laptop"
    assert window.erx.primary_note.isHidden()
    lee_profile.set_primary("Desk")  # "Desk" moves to the top of the code list
    assert table.currentIndex().data() == "MyiPhone" and codes.currentIndex().data(ROLE_NICK) == "Laptop"
    assert [i.data(ROLE_NICK) for i in codes.selectionModel().selectedIndexes()] == ["Laptop"]
    assert [i.data() for i in table.selectionModel().selectedIndexes()] == ["MyiPhone"]
    assert not window.erx.primary_note.isHidden()
    assert ("reset",) not in table_signals.take() + code_signals.take()


def test_in_spanish_the_table_shows_drchronos_labels_as_drchrono_does(
    qtbot, controller, lee_profile, spanish
) -> None:
    """DrChrono's screens are English: the mirror keeps its option names and “Is Primary” literal and
    quoted, as the setup sheet prints them (core.erx), and says what each means in Spanish beside it.
    Before, the table translated them (“Generar clave 2FA”) while the sheet kept them in English."""
    assert spanish
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    model = window.erx.model
    option, primary = DeviceTableModel.COL_OPTION, DeviceTableModel.COL_PRIMARY
    shown = [(model.index(r, option).data(), model.index(r, primary).data()) for r in range(model.rowCount())]
    assert shown == [
        ("“Generate 2FA Key”", "“Is Primary”"),
        ("“Generate 2FA Key”", "Seleccionar como dispositivo principal"),  # this program's own action
        ("“Push Notification 2FA”", "Seleccionar como dispositivo principal"),
        ("“Generate 2FA Key”", "Seleccionar como dispositivo principal"),
    ]
    assert model.headerData(DeviceTableModel.COL_OPTION, Qt.Orientation.Horizontal) == "Opción"
    meaning = [model.index(r, option).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert meaning == [
        "“Generate 2FA Key” (este equipo)",
        "“Generate 2FA Key” (este equipo)",
        "“Push Notification 2FA” (un teléfono (push))",
        "“Generate 2FA Key” (un teléfono o tableta)",
    ]
    accessible = model.index(3, option).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == meaning[3]  # a screen reader hears the meaning too
