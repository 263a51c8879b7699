"""The item models, without any window: real profiles, real codes, Qt's own model checker."""

from __future__ import annotations

import pytest
from gui_support import T0, otp
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import totp_at
from epcs_desktop.ui.models import (
    CODE_ROLES,
    ROLE_CODE,
    ROLE_GROUPED_CODE,
    ROLE_NEXT_CODE,
    ROLE_PRIMARY,
    ROLE_SECONDS_LEFT,
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
        ["Office PC", "Generate 2FA Key", "Is Primary"],
        ["Laptop", "Generate 2FA Key", "Select as primary device"],
        ["MyiPhone", "Push Notification 2FA", "Select as primary device"],
        ["OfficeiPad", "Generate 2FA Key", "Select as primary device"],
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


def test_device_table_inserts_new_devices(qapp, qtbot, lee_profile) -> None:
    model = DeviceTableModel(lee_profile)
    QAbstractItemModelTester(model, FATAL)
    lee_profile.add_device("Spare phone", DeviceOption.PUSH)
    with qtbot.waitSignal(model.rowsInserted):
        model.reload()
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
    model.reload()
    assert model.primary_row() == 0  # the primary is pinned on top (issue 18)
    assert model.device_at(0).nickname == "Laptop"
    lee_profile.remove_device("Office PC")
    model.reload()
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
    assert model.data(model.index(0, 2), Qt.ItemDataRole.AccessibleTextRole) == "Is Primary"


def test_added_and_removed_rows_are_inserts_and_removals_not_resets(qapp, lee_profile) -> None:
    """Issue 18: a change elsewhere keeps the views' place: rows are inserted/removed, never a reset
    (except when the code list's order changes: a new primary is pinned on top)."""
    from epcs_desktop.core.otpauth import from_secret
    from epcs_desktop.ui.models import DeviceTableModel

    table = DeviceTableModel(lee_profile)
    codes = CodeListModel(lee_profile, FixedClock(T0))
    QAbstractItemModelTester(table, FATAL)
    QAbstractItemModelTester(codes, FATAL)
    signals: list[tuple[str, int, int]] = []
    for name, model in (("table", table), ("codes", codes)):
        model.modelReset.connect(lambda name=name: signals.append((name + " reset", -1, -1)))
        model.rowsInserted.connect(lambda _p, a, b, name=name: signals.append((name + " insert", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b, name=name: signals.append((name + " remove", a, b)))

    lee_profile.add_generator("GitHub", from_secret("MFRGGZDFMZTWQ2LK", issuer="GitHub", account="lee"))
    lee_profile.add_device("Desk", DeviceOption.GENERATOR_HERE, otp=from_secret("ONSWG4TFOQYTEMZU"))
    table.bridge.invalidate()
    table.reload()
    codes.reload()
    assert [codes.device_at(r).nickname for r in range(codes.rowCount())] == [
        "Office PC", "Laptop", "Desk", "GitHub"
    ]  # fmt: skip
    lee_profile.remove_device("Laptop")
    table.bridge.invalidate()
    table.reload()
    codes.reload()
    assert signals == [
        ("table insert", 4, 4),  # "Desk" (GitHub is not an ID.me device)
        ("codes insert", 2, 2),  # "Desk", before the other accounts
        ("codes insert", 3, 3),  # "GitHub", under other accounts
        ("table remove", 1, 1),
        ("codes remove", 1, 1),
    ]
