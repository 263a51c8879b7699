"""Item models over a Profile: the eRx device table and the code-generator list.

Both are real Qt models so the views get sorting, keyboard navigation and
accessibility for free, and so they can be tested without a window
(QAbstractItemModelTester). The code list computes a row's codes lazily, when a
view asks for them, and caches them per TOTP period; a tick is one dataChanged
over all rows (seconds-left roles, plus the code roles at a period boundary),
so a second's update with 1,000 generators costs what painting the visible rows
costs, not 2,000 HMACs.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import Device, DeviceOption
from epcs_desktop.core.generator import Generator
from epcs_desktop.core.otp import group_code, totp_at
from epcs_desktop.core.otpauth import OtpKind
from epcs_desktop.ui.bridge import ProfileBridge, bridge_for
from epcs_desktop.ui.tasks import user_message

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

ROLE_DEVICE = Qt.ItemDataRole.UserRole + 1
ROLE_IS_PRIMARY = Qt.ItemDataRole.UserRole + 2
ROLE_NICKNAME = Qt.ItemDataRole.UserRole + 3


_DEVICE_TABLE_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ROLE_DEVICE,
        ROLE_IS_PRIMARY,
        ROLE_NICKNAME,
    )
)


def sync_rows(
    model: QAbstractItemModel,
    rows: list[Any],
    new: list[Any],
    row_id: Callable[[Any], int],
    wrap: Callable[[Any], Any],
    update: Callable[[Any, Any], Any],
) -> bool:
    """Bring `rows` (the model's list) to `new` with row removals and insertions, in place (issue 18).

    Why: a model reset loses the view's selection, focus and scroll position; a device added or
    removed elsewhere (another window, the CLI) must not move the clinician's place in the list.
    Rows whose relative order changed (a new primary pinned on top) cannot be expressed this way:
    returns False and leaves `rows` untouched, and the caller resets. `update(old_row, new_item)`
    returns the row to keep for an item still there; the caller emits dataChanged afterwards.
    """
    new_ids = [row_id(x) for x in new]
    keep = set(new_ids)
    survivors = [row_id(r) for r in rows if row_id(r) in keep]
    if survivors != [i for i in new_ids if i in set(survivors)]:
        return False
    for index in range(len(rows) - 1, -1, -1):
        if row_id(rows[index]) not in keep:
            model.beginRemoveRows(QModelIndex(), index, index)
            del rows[index]
            model.endRemoveRows()
    held = {row_id(r): n for n, r in enumerate(rows)}
    for index, item in enumerate(new):
        if row_id(item) in held:
            rows[index] = update(rows[index], item)
        else:
            model.beginInsertRows(QModelIndex(), index, index)
            rows.insert(index, wrap(item))
            model.endInsertRows()
    return True


class DeviceTableModel(QAbstractTableModel):
    """ID.me Device Information: Name · Option · Primary Device.

    Editing the Name column renames the device in the vault; errors (empty or
    duplicate nickname) are reported through `error` instead of raising, so a
    view can show them inline.
    """

    COL_NAME, COL_OPTION, COL_PRIMARY = range(3)
    error = Signal(str)

    def __init__(
        self, profile: Any, parent: QObject | None = None, *, bridge: ProfileBridge | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        # The device list is the bridge's, read once per device change for every view that shows it.
        self.bridge = bridge if bridge is not None else bridge_for(profile)
        self._devices: list[Device] = self.bridge.devices()

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the devices: added/removed rows are inserted/removed, changed ones dataChanged.

        A reset only when rows changed order (which a table of ID.me devices in added order never does).
        """
        new = self.bridge.devices()
        if not sync_rows(self, self._devices, new, lambda d: d.id, lambda d: d, lambda _old, d: d):
            self.beginResetModel()
            self._devices = new
            self.endResetModel()
            return
        if self._devices:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._devices) - 1, 2))

    def device_at(self, row: int) -> Device:
        return self._devices[row]

    def row_of_id(self, device_id: int) -> int:
        """The row showing the device with this id now, or -1 (rows move when the table changes)."""
        for row, d in enumerate(self._devices):
            if d.id == device_id:
                return row
        return -1

    def primary(self) -> Device | None:
        """The primary device as last read (no vault read)."""
        return next((d for d in self._devices if d.is_primary), None)

    def row_of(self, nickname: str) -> int:
        for row, d in enumerate(self._devices):
            if d.nickname == nickname:
                return row
        return -1

    # -- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._devices)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (self.tr("Name"), self.tr("Option"), self.tr("Primary Device"))[section]
                if 0 <= section < 3
                else None
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == self.COL_NAME:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def option_text(self, device: Device) -> str:
        if device.option == DeviceOption.PUSH:
            return self.tr("Push Notification 2FA")
        return self.tr("Generate 2FA Key")

    def primary_text(self, device: Device) -> str:
        return self.tr("Is Primary") if device.is_primary else self.tr("Select as primary device")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks ~15 roles per cell for every size hint and paint, and a header in
        # ResizeToContents mode asks for every row: answer the roles this model never
        # provides before touching the index (a 1,000-device table made ~200,000 calls at unlock).
        if role not in _DEVICE_TABLE_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._devices) or not index.isValid():
            return None
        d = self._devices[row]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_NAME:
                return d.nickname
            if col == self.COL_OPTION:
                return self.option_text(d)
            if col == self.COL_PRIMARY:
                return self.primary_text(d)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_OPTION and d.option == DeviceOption.GENERATOR_HERE:
                return self.tr("Codes are generated by this program")
            if col == self.COL_OPTION and d.option == DeviceOption.GENERATOR_OTHER:
                return self.tr("A code generator app on another device")
            if col == self.COL_PRIMARY and not d.is_primary:
                return self.tr("Click, or press Space, to make this the primary device")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_PRIMARY:
                return self.primary_text(d)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ROLE_DEVICE:
            return d
        if role == ROLE_IS_PRIMARY:
            return d.is_primary
        if role == ROLE_NICKNAME:
            return d.nickname
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != self.COL_NAME:
            return False
        old = self._devices[index.row()].nickname
        new = str(value)
        if new.strip() == old:
            return False
        try:
            self.profile.rename_device(old, new)
        except EpcsError as exc:
            self.error.emit(user_message(exc))
            return False
        self.reload()
        return True


@dataclass
class _CodeRow:
    """A generator and its codes for one period, cached until the period (or HOTP counter) moves on.

    `period_index` is -1 until the row is first painted or asked for: codes are
    computed lazily in `data()`, so a tick costs nothing for rows nobody sees.
    """

    device: Generator
    code: str = ""
    next_code: str = ""
    period_index: int = -1


ROLE_CODE = Qt.ItemDataRole.UserRole + 10
ROLE_NEXT_CODE = Qt.ItemDataRole.UserRole + 11
ROLE_SECONDS_LEFT = Qt.ItemDataRole.UserRole + 12
ROLE_PERIOD = Qt.ItemDataRole.UserRole + 13
ROLE_PRIMARY = Qt.ItemDataRole.UserRole + 14
ROLE_SUBTITLE = Qt.ItemDataRole.UserRole + 15
ROLE_GROUPED_CODE = Qt.ItemDataRole.UserRole + 16
ROLE_NICK = Qt.ItemDataRole.UserRole + 17
ROLE_FILTER = Qt.ItemDataRole.UserRole + 18
ROLE_SECTION = Qt.ItemDataRole.UserRole + 19  # SECTION_IDME or SECTION_OTHER
SECTION_IDME, SECTION_OTHER = "idme", "other"

# Roles that change on every tick vs only when the period rolls over.
TICK_ROLES = [ROLE_SECONDS_LEFT, Qt.ItemDataRole.AccessibleTextRole]
CODE_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    ROLE_CODE,
    ROLE_GROUPED_CODE,
    ROLE_NEXT_CODE,
    ROLE_SECONDS_LEFT,
    Qt.ItemDataRole.AccessibleTextRole,
]

# Roles whose value needs the row's codes (computed lazily, see `CodeListModel._codes`).
_CODE_DEPENDENT = frozenset(
    (
        Qt.ItemDataRole.DisplayRole,
        ROLE_CODE,
        ROLE_GROUPED_CODE,
        ROLE_NEXT_CODE,
        Qt.ItemDataRole.AccessibleTextRole,
    )
)

# The next code is shown during the last seconds of a period.
NEXT_CODE_SECONDS = 5


def spoken_code(code: str) -> str:
    """'482917' -> '4 8 2  9 1 7': a screen reader reads digits, not 'four hundred…'."""
    return "  ".join(" ".join(group) for group in group_code(code).split(" "))


class CodeListModel(QAbstractListModel):
    """One row per code generator held here (`Profile.generators()`): ID.me devices first, the primary
    on top, then other accounts (`ROLE_SECTION` says which; the pane draws the headings)."""

    def __init__(
        self,
        profile: Any,
        clock: Clock,
        parent: QObject | None = None,
        *,
        bridge: ProfileBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.bridge = bridge if bridge is not None else bridge_for(profile)
        self.clock = clock
        self._rows: list[_CodeRow] = []
        self._periods: frozenset[int] = frozenset()
        # HOTP: the code "Next code" last issued per device id (this window only). Displaying a
        # counter-based code never advances its counter; only `Profile.next_hotp_code` does.
        self._issued: dict[int, str] = {}
        self._now = clock.now()
        self._load()

    # -- loading -------------------------------------------------------------------
    def _generators(self) -> list[Generator]:
        return self.bridge.generators()

    def _load(self) -> None:
        self._rows = [_CodeRow(d) for d in self._generators()]
        self._now = self.clock.now()
        self._periods = self._distinct_periods()

    def _distinct_periods(self) -> frozenset[int]:
        """The time-based periods in use (normally just 30): a tick checks each once for a rollover."""
        otps = (r.device.otp for r in self._rows)
        return frozenset(p.period for p in otps if p is not None and p.kind != OtpKind.HOTP)

    def reload(self) -> None:
        """Re-read the generators after a profile change: added/removed rows are inserted/removed,
        renamed/updated ones dataChanged; a reset only when rows changed order (a new primary on top)."""
        new = self._generators()
        self._now = self.clock.now()

        def keep(row: _CodeRow, d: Generator) -> _CodeRow:
            if row.device.otp != d.otp:
                row.period_index = -1  # same row, different secret or counter: recompute
            row.device = d
            return row

        if not sync_rows(
            self, self._rows, new, lambda x: x.id if isinstance(x, Generator) else x.device.id, _CodeRow, keep
        ):
            self.beginResetModel()
            self._load()
            self.endResetModel()
            return
        self._periods = self._distinct_periods()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _codes(self, row: _CodeRow) -> _CodeRow:
        """The row with its codes for the model's time, recomputed only when its period moved on."""
        p = row.device.otp
        assert p is not None
        if p.kind == OtpKind.HOTP:  # no countdown; the code "Next code" issued, else nothing yet
            if row.period_index == -1:
                row.code = self._issued.get(row.device.id, "")
                row.next_code = ""
                row.period_index = 0
            return row
        index = int(self._now // p.period)
        if index != row.period_index:
            row.period_index = index
            row.code = totp_at(p, self._now)
            row.next_code = totp_at(p, (index + 1) * p.period)
        return row

    def on_tick(self, now: float | None = None) -> None:
        """Advance to `now` (the Ticker's time) with ONE dataChanged over every row.

        Only the countdown roles change on an ordinary second; the code roles
        are added when any generator's period rolled over. Nothing is computed
        here: `data()` computes codes for the rows a view actually paints, and a
        view repaints only its visible rows, so a tick's cost does not grow with
        the number of generators.
        """
        before = self._now
        self._now = self.clock.now() if now is None else now
        if not self._rows:
            return
        rolled = any(int(before // period) != int(self._now // period) for period in self._periods)
        roles = CODE_ROLES if rolled else TICK_ROLES
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    # -- helpers -------------------------------------------------------------------
    def seconds_left(self, row: int) -> float:
        p = self._rows[row].device.otp
        assert p is not None
        if p.kind == OtpKind.HOTP:
            return -1.0
        return p.period - (self._now % p.period)

    def code_at(self, row: int) -> str:
        return self._codes(self._rows[row]).code

    def set_issued(self, device_id: int, code: str) -> None:
        """Show `code` on the HOTP row of `device_id` (what `Profile.next_hotp_code` returned)."""
        self._issued[device_id] = code
        for i, r in enumerate(self._rows):
            if r.device.id == device_id:
                r.period_index = -1
                self.dataChanged.emit(self.index(i), self.index(i))

    def is_counter_based(self, row: int) -> bool:
        p = self._rows[row].device.otp
        return p is not None and p.kind == OtpKind.HOTP

    def device_at(self, row: int) -> Generator:
        return self._rows[row].device

    def primary_row(self) -> int:
        for i, r in enumerate(self._rows):
            if r.device.is_primary:
                return i
        return -1

    # -- Qt model API --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        d = r.device
        p = d.otp
        assert p is not None
        if role in _CODE_DEPENDENT:
            self._codes(r)
        if role == Qt.ItemDataRole.DisplayRole:
            if p.kind == OtpKind.HOTP and not r.code:
                return f"{d.nickname}: " + self.tr("press Next code")
            return f"{d.nickname}: {group_code(r.code)}"
        if role in (ROLE_NICK, Qt.ItemDataRole.EditRole):
            return d.nickname
        if role == ROLE_CODE:
            return r.code
        if role == ROLE_GROUPED_CODE:
            return group_code(r.code)
        if role == ROLE_NEXT_CODE:
            return r.next_code
        if role == ROLE_SECONDS_LEFT:
            return self.seconds_left(index.row())
        if role == ROLE_PERIOD:
            return p.period if p.kind != OtpKind.HOTP else 0
        if role == ROLE_PRIMARY:
            return d.is_primary
        if role == ROLE_SECTION:
            return SECTION_IDME if d.idme else SECTION_OTHER
        if role == ROLE_SUBTITLE:
            parts = [x for x in (p.issuer, p.account) if x]
            return " · ".join(parts)
        if role == ROLE_FILTER:
            return " ".join((d.nickname, p.issuer, p.account))
        if role == ROLE_DEVICE:
            return d
        if role == Qt.ItemDataRole.AccessibleTextRole:
            left = self.seconds_left(index.row())
            if p.kind == OtpKind.HOTP and not r.code:
                text = f"{d.nickname}, " + self.tr("counter-based code: press Next code")
            else:
                text = f"{d.nickname}, {spoken_code(r.code)}"
            if left >= 0:
                secs = math.ceil(left)
                text += ", " + self.tr("%n seconds left", "", secs)
            if d.is_primary:
                text += ", " + self.tr("primary device")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click, press Enter or Ctrl+C to copy the code")
        return None
