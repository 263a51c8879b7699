"""The item models, without any window: real profiles, real codes, Qt's own model checker."""

from __future__ import annotations

import pytest
from gui_support import T0, ModelSignals, otp
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import from_secret
from epcs_desktop.ui.codes_pane import section_heading
from epcs_desktop.ui.models import (
    CODE_ROLES,
    ROLE_CODE,
    ROLE_GROUPED_CODE,
    ROLE_NEXT_CODE,
    ROLE_PRIMARY,
    ROLE_SECONDS_LEFT,
    SECTION_IDME,
    SECTION_OTHER,
    TICK_ROLES,
    CodeListModel,
    DeviceTableModel,
    spoken_code,
)

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def test_device_table_mirrors_erx_info(qapp, lee_profile) -> None:
    model = DeviceTableModel(lee_profile)
    QAbstractItemModelTester(model, FATAL)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name", "Option", "Primary Device"]
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [
        ["Office PC", "“Generate 2FA Key”", "“Is Primary”"],
        ["Laptop", "“Generate 2FA Key”", "Select as primary device"],
        ["MyiPhone", "“Push Notification 2FA”", "Select as primary device"],
        ["OfficeiPad", "“Generate 2FA Key”", "Select as primary device"],
    ]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


def test_device_table_rename_and_duplicate_error(qapp, qtbot, lee_profile) -> None:
    model = DeviceTableModel(lee_profile)
    QAbstractItemModelTester(model, FATAL)
    assert model.setData(model.index(1, 0), "  Work   laptop ")
    assert model.index(1, 0).data() == "Work laptop"
    assert lee_profile.device("Work laptop").option == DeviceOption.GENERATOR_HERE
    with qtbot.waitSignal(model.error) as blocker:
        assert not model.setData(model.index(1, 0), "office pc")
    assert "Office PC" in blocker.args[0] or "already" in blocker.args[0].lower()
    assert model.index(1, 0).data() == "Work laptop"


def test_device_table_inserts_a_new_device_when_the_profile_says_so(qapp, lee_profile) -> None:
    """The profile's event reaches the table through the bridge: no reload call, one row inserted."""
    model = DeviceTableModel(lee_profile)
    QAbstractItemModelTester(model, FATAL)
    signals = ModelSignals(model)
    lee_profile.add_device("Spare phone", DeviceOption.PUSH)
    assert signals.take() == [("insert", 4, 4)]  # nothing else repainted
    assert model.rowCount() == 5
    assert model.index(4, 0).data() == "Spare phone"


def test_code_list_codes_equal_the_core(qapp, lee_profile) -> None:
    clock = FixedClock(T0)
    model = CodeListModel(lee_profile, clock)
    QAbstractItemModelTester(model, FATAL)
    assert model.rowCount() == 2  # only the generators held here
    laptop = otp("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "DrChrono", "lee")
    assert model.index(0).data(ROLE_CODE) == totp_at(otp(), T0)
    assert model.index(1).data(ROLE_CODE) == totp_at(laptop, T0)
    assert model.index(0).data(ROLE_NEXT_CODE) == totp_at(otp(), T0 + 10)
    code = totp_at(otp(), T0)
    assert model.index(0).data(ROLE_GROUPED_CODE) == f"{code[:3]} {code[3:]}"
    assert model.index(0).data(ROLE_SECONDS_LEFT) == pytest.approx(10.0)
    assert model.index(0).data(ROLE_PRIMARY) is True
    assert model.index(1).data(ROLE_PRIMARY) is False


def test_code_list_tick_reports_only_changed_roles(qapp, lee_profile) -> None:
    clock = FixedClock(T0)
    model = CodeListModel(lee_profile, clock)
    QAbstractItemModelTester(model, FATAL)
    seen: list[tuple[int, int, list[int]]] = []
    model.dataChanged.connect(lambda tl, br, roles: seen.append((tl.row(), br.row(), list(roles))))
    before = model.index(0).data(ROLE_CODE)

    clock.advance(1)
    model.on_tick(clock.now())
    assert seen == [(0, 1, TICK_ROLES)]  # one signal over every row, countdown roles only
    assert model.index(0).data(ROLE_SECONDS_LEFT) == pytest.approx(9.0)
    assert model.index(0).data(ROLE_CODE) == before

    seen.clear()
    clock.advance(9)  # exactly on the period boundary
    model.on_tick(clock.now())
    assert seen == [(0, 1, CODE_ROLES)]
    assert model.index(0).data(ROLE_CODE) == totp_at(otp(), T0 + 10)
    assert model.index(0).data(ROLE_CODE) != before or totp_at(otp(), T0) == totp_at(otp(), T0 + 10)
    assert model.index(0).data(ROLE_SECONDS_LEFT) == pytest.approx(30.0)


def test_accessible_text_reads_digits_and_seconds(qapp, lee_profile) -> None:
    model = CodeListModel(lee_profile, FixedClock(T0 - 2))  # 18 s into the period: 12 s left
    code = totp_at(otp(), T0 - 2)
    text = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert text == f"Office PC, {spoken_code(code)}, 12 seconds left, primary device"
    assert spoken_code("482917") == "4 8 2  9 1 7"


def test_code_list_follows_profile_changes(qapp, lee_profile) -> None:
    model = CodeListModel(lee_profile, FixedClock(T0))
    QAbstractItemModelTester(model, FATAL)
    lee_profile.set_primary("Laptop")
    assert model.primary_row() == 0  # the primary is pinned on top (issue 18)
    assert model.device_at(0).nickname == "Laptop"
    lee_profile.remove_device("Office PC")
    assert model.rowCount() == 1
    assert model.index(0).data(ROLE_PRIMARY) is True


def test_code_list_codes_stay_right_across_skipped_periods(qapp, lee_profile) -> None:
    """Codes are computed when asked, per period: a tick that jumps several periods (a sleeping
    laptop waking up) announces new codes, and every row then shows the code for the new time."""
    clock = FixedClock(T0)
    model = CodeListModel(lee_profile, clock)
    laptop = otp("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "DrChrono", "lee")
    seen: list[list[int]] = []
    model.dataChanged.connect(lambda _tl, _br, roles: seen.append(list(roles)))

    clock.advance(3 * 30 + 7)  # no tick and no read in between
    model.on_tick(clock.now())
    assert seen == [CODE_ROLES]
    assert model.index(1).data(ROLE_CODE) == totp_at(laptop, clock.now())
    assert model.index(0).data(ROLE_NEXT_CODE) == totp_at(otp(), clock.now() + 30)
    assert model.code_at(0) == totp_at(otp(), clock.now())


def test_device_table_ignores_roles_it_does_not_provide(qapp, lee_profile) -> None:
    model = DeviceTableModel(lee_profile)
    index = model.index(0, 0)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole):
        assert model.data(index, role) is None
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "Office PC"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.AccessibleTextRole) == "“Is Primary”"


# -- the profile's events applied as row changes, never a reset (issue 18) ---------------------------
GITHUB = from_secret("MFRGGZDFMZTWQ2LK", issuer="GitHub", account="lee")
BANK = from_secret("GEZDGNBVGY3TQOJQ", issuer="Bank", account="lee")
DESK = from_secret("ONSWG4TFOQYTEMZU")


def _models(profile) -> tuple[DeviceTableModel, CodeListModel, ModelSignals, ModelSignals]:
    table, codes = DeviceTableModel(profile), CodeListModel(profile, FixedClock(T0))
    QAbstractItemModelTester(table, FATAL)
    QAbstractItemModelTester(codes, FATAL)
    return table, codes, ModelSignals(table), ModelSignals(codes)


def _names(model) -> list[str]:
    return [model.device_at(r).nickname for r in range(model.rowCount())]


def test_a_new_primary_moves_to_the_top_of_the_code_list_without_a_reset(qapp, lee_profile) -> None:
    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=DESK)
    table, codes, table_signals, code_signals = _models(lee_profile)
    assert _names(codes) == ["Office PC", "Laptop", "Desk"]

    lee_profile.set_primary("Desk")
    assert _names(codes) == ["Desk", "Office PC", "Laptop"]
    assert code_signals.take() == [
        ("changed", 0, 0),  # "Office PC" is no longer primary (it stays first of the others)
        ("move", 2, 2, 0),  # "Desk" to the top of the ID.me devices
        ("changed", 0, 0),
    ]
    # DrChrono's table keeps its order: the two primary cells change, nothing else.
    assert table_signals.take() == [("changed", 0, 0), ("changed", 4, 4)]
    assert table.index(4, 2).data() == "“Is Primary”"
    assert table.index(0, 2).data() == "Select as primary device"

    lee_profile.set_primary("Office PC")  # back: "Desk" returns to its place in the order added
    assert _names(codes) == ["Office PC", "Laptop", "Desk"]
    assert code_signals.take() == [("move", 0, 0, 3), ("changed", 2, 2), ("changed", 0, 0)]


def test_a_device_added_as_primary_is_inserted_on_top(qapp, lee_profile) -> None:
    _table, codes, table_signals, code_signals = _models(lee_profile)
    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=DESK, make_primary=True)
    assert _names(codes) == ["Desk", "Office PC", "Laptop"]
    assert code_signals.take() == [("changed", 0, 0), ("insert", 0, 0)]
    assert table_signals.take() == [("changed", 0, 0), ("insert", 4, 4)]


def test_removing_the_primary_removes_its_row_and_repaints_the_successor(qapp, lee_profile) -> None:
    table, codes, table_signals, code_signals = _models(lee_profile)
    lee_profile.remove_device("Office PC", successor="Laptop")
    assert code_signals.take() == [("remove", 0, 0), ("changed", 0, 0)]
    assert table_signals.take() == [("remove", 0, 0), ("changed", 0, 0)]
    assert codes.index(0).data(ROLE_PRIMARY) is True and table.index(0, 2).data() == "“Is Primary”"


def test_a_rename_repaints_that_row_only(qapp, lee_profile) -> None:
    lee_profile.add_generator("GitHub", GITHUB)
    table, codes, table_signals, code_signals = _models(lee_profile)
    lee_profile.rename_device("Laptop", "Home laptop")
    assert table_signals.take() == [("changed", 1, 1)]
    assert code_signals.take() == [("changed", 1, 1)]
    assert table.index(1, 0).data() == "Home laptop" and codes.device_at(1).nickname == "Home laptop"
    lee_profile.rename_generator("GitHub", "GitHub (work)")
    assert code_signals.take() == [("changed", 2, 2)] and table_signals.take() == []


def test_the_other_accounts_heading_follows_the_first_and_last_other_account(qapp, lee_profile) -> None:
    """Adding the first other account gives row 0 its "ID.me devices" heading and the new row its
    "Other accounts" heading: both rows are repainted (their height changes). Removing the first
    other account moves the heading to the next one; removing the last takes both away."""
    _table, codes, table_signals, signals = _models(lee_profile)

    def headings() -> list[str | None]:
        return [section_heading(codes.index(r)) for r in range(codes.rowCount())]

    assert headings() == [None, None]
    github = lee_profile.add_generator("GitHub", GITHUB)
    assert signals.take() == [("insert", 2, 2), ("changed", 0, 0), ("changed", 2, 2)]
    assert headings() == [SECTION_IDME, None, SECTION_OTHER]
    lee_profile.add_generator("Bank", BANK)
    assert signals.take() == [("insert", 3, 3)]
    assert headings() == [SECTION_IDME, None, SECTION_OTHER, None]
    assert table_signals.take() == []  # other accounts are not ID.me devices

    lee_profile.remove_generator(github.nickname)
    assert signals.take() == [("remove", 2, 2), ("changed", 2, 2)]  # "Bank" now heads the section
    assert headings() == [SECTION_IDME, None, SECTION_OTHER]
    lee_profile.remove_generator("Bank")
    assert signals.take() == [("remove", 2, 2), ("changed", 0, 0)]
    assert headings() == [None, None]


def test_linking_and_unlinking_move_a_generator_between_the_sections(qapp, lee_profile) -> None:
    lee_profile.add_generator("GitHub", GITHUB)  # added before "Desk"
    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=DESK)
    table, codes, table_signals, signals = _models(lee_profile)
    assert _names(codes) == ["Office PC", "Laptop", "Desk", "GitHub"]

    lee_profile.link_generator("GitHub")  # an ID.me device after all: among them, in the order added
    assert _names(codes) == ["Office PC", "Laptop", "GitHub", "Desk"]
    assert signals.take() == [
        ("move", 3, 3, 2),
        ("changed", 2, 2),
        ("changed", 0, 0),  # no other accounts left: both headings go
        ("changed", 2, 2),
    ]
    assert table_signals.take() == [("insert", 4, 4)]  # a new row of the ID.me table, by id
    assert _names(table) == ["Office PC", "Laptop", "MyiPhone", "OfficeiPad", "GitHub", "Desk"]

    lee_profile.unlink_generator("Laptop")  # not an ID.me device: under other accounts
    assert _names(codes) == ["Office PC", "GitHub", "Desk", "Laptop"]
    assert signals.take() == [("move", 1, 1, 4), ("changed", 3, 3), ("changed", 0, 0), ("changed", 3, 3)]
    assert [section_heading(codes.index(r)) for r in range(4)] == [SECTION_IDME, None, None, SECTION_OTHER]
    assert table_signals.take() == [("remove", 1, 1)]


def test_a_restore_and_a_reload_catch_up_row_by_row(qapp, lee_profile) -> None:
    """A restore (anything may have changed) and a change made by another process are applied as row
    changes too: the views keep their place."""
    from epcs_desktop.core import events as ev

    table, codes, table_signals, signals = _models(lee_profile)
    lee_profile.add_generator("GitHub", GITHUB)
    signals.take()
    codes.apply(ev.Restored())  # the profile already matches: nothing to do
    table.reload()
    assert signals.take() == [] and table_signals.take() == []
    assert _names(codes) == ["Office PC", "Laptop", "GitHub"]


def test_an_event_behind_a_newer_read_is_caught_up_row_by_row(qapp, lee_profile) -> None:
    """A worker's event is delivered later, on the GUI thread; the list the model reads may already hold
    the next change too. The model applies its event, then catches up with inserts, not a reset."""
    from epcs_desktop.core import events as ev

    _table, codes, _table_signals, signals = _models(lee_profile)
    codes.bridge.devices_changed.disconnect(codes.apply)  # the events are late: delivered by hand
    github = lee_profile.add_generator("GitHub", GITHUB)
    bank = lee_profile.add_generator("Bank", BANK)
    codes.apply(ev.DevicesChanged(added=(github.id,)))
    assert _names(codes) == ["Office PC", "Laptop", "GitHub", "Bank"]
    assert signals.take() == [("insert", 2, 2), ("insert", 3, 3), ("changed", 0, 0), ("changed", 2, 2)]
    codes.apply(ev.DevicesChanged(added=(bank.id,)))  # already shown: nothing left to do
    assert signals.take() == []
