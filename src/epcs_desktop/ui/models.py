"""Item models over a Profile: the eRx device table and the code-generator list.

Both are real Qt models so the views get sorting, keyboard navigation and
accessibility for free, and so they can be tested without a window
(QAbstractItemModelTester). The code list computes a row's codes lazily, when a
view asks for them, and caches them per TOTP period; a tick is one dataChanged
over all rows (seconds-left roles, plus the code roles at a period boundary),
so a second's update with 1,000 generators costs what painting the visible rows
costs, not 2,000 HMACs.

Both follow the profile through its bridge (`ui.bridge.ProfileBridge.devices_changed`,
which carries the typed event): each applies the ids the event names as row
inserts, removals, moves and `dataChanged` (`ui.model_rows.SortedRows`), never a
model reset, so a view keeps its selection, current row and scroll position
while the profile changes under it (issue 18). A new window (unlock, another
profile) builds new models.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from epcs_desktop.core import erx
from epcs_desktop.core import events as ev
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import Device
from epcs_desktop.core.generator import Generator, code_pane_key
from epcs_desktop.core.otp import group_code, totp_at, whole_seconds
from epcs_desktop.core.otpauth import OtpKind
from epcs_desktop.ui.bridge import ProfileBridge, bridge_for
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.model_rows import SortedRows
from epcs_desktop.ui.tasks import user_message

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

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


def touched_ids(event: ev.DevicesChanged, primary_now: int | None) -> list[int]:
    """The ids a device event concerns, for a model whose primary is `primary_now` (before the event).

    A new primary also changes the former primary's row (its flag, and in the code list its place).
    """
    ids = [*event.removed, *event.added, *event.renamed, *event.updated]
    if event.primary is not None:
        ids = [*(i for i in (primary_now,) if i is not None), *ids, event.primary]
    return ids


class DeviceTableModel(QAbstractTableModel):
    """ID.me Device Information: Name · Option · Primary Device.

    Editing the Name column renames the device in the vault; errors (empty or
    duplicate nickname) are reported through `error` instead of raising, so a
    view can show them inline.
    """

    COL_NAME, COL_OPTION, COL_PRIMARY = range(3)
    error = Signal(str)

    def __init__(
        self, profile: Profile, parent: QObject | None = None, *, bridge: ProfileBridge | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        # The device list is the bridge's, read once per device change for every view that shows it.
        self.bridge = bridge if bridge is not None else bridge_for(profile)
        self._devices: SortedRows[Device, Device] = SortedRows(
            self,
            self.bridge.devices(),
            key=lambda d: d.id,  # DrChrono's table: in the order added (`Profile.devices()`)
            wrap=lambda d: d,
            item_of=lambda d: d,
            refresh=lambda _old, d: d,
            last_column=self.COL_PRIMARY,
        )
        self.bridge.devices_changed.connect(self.apply)

    # -- loading -----------------------------------------------------------------
    def apply(self, event: ev.DevicesChanged | ev.Restored) -> None:
        """Apply a device event: the rows it names are inserted, removed or repainted (`dataChanged`).

        A restore (anything may have changed) brings every row up to date the same way, row by row.
        """
        new = self.bridge.devices()
        if isinstance(event, ev.DevicesChanged):
            primary = self.primary()
            self._devices.apply(touched_ids(event, primary.id if primary else None), new)
        else:
            self._devices.sync(new)

    def reload(self) -> None:
        """Catch up with the profile as it is now (a change made by another process): row by row."""
        self._devices.sync(self.bridge.devices())

    def device_at(self, row: int) -> Device:
        return self._devices.rows[row]

    def row_of_id(self, device_id: int) -> int:
        """The row showing the device with this id now, or -1 (rows move when the table changes)."""
        return self._devices.row_of(device_id)

    def primary(self) -> Device | None:
        """The primary device as last read (no vault read)."""
        return next((d for d in self._devices.rows if d.is_primary), None)

    def row_of(self, nickname: str) -> int:
        for row, d in enumerate(self._devices.rows):
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
        """DrChrono's option name as DrChrono shows it, in every language (core.erx.shown_option)."""
        return erx.shown_option(device.option)

    def primary_text(self, device: Device) -> str:
        """DrChrono's “Is Primary” (core.erx.shown_primary), or this program's own action, translated."""
        return erx.shown_primary(True) if device.is_primary else self.tr("Select as primary device")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks ~15 roles per cell for every size hint and paint, and a header in
        # ResizeToContents mode asks for every row: answer the roles this model never
        # provides before touching the index (a 1,000-device table made ~200,000 calls at unlock).
        if role not in _DEVICE_TABLE_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._devices) or not index.isValid():
            return None
        d = self._devices.rows[row]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_NAME:
                return d.nickname
            if col == self.COL_OPTION:
                return self.option_text(d)
            if col == self.COL_PRIMARY:
                return self.primary_text(d)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_OPTION:  # the label's meaning in the user's language, as on the setup sheet
                return erx.option_explained(d.option, core_text)
            if col == self.COL_PRIMARY and not d.is_primary:
                return self.tr("Click, or press Space, to make this the primary device")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_PRIMARY:
                return self.primary_text(d)
            if col == self.COL_OPTION:
                return erx.option_explained(d.option, core_text)
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
        old = self._devices.rows[index.row()].nickname
        new = str(value)
        if new.strip() == old:
            return False
        try:
            self.profile.rename_device(old, new)
        except EpcsError as exc:
            self.error.emit(user_message(exc))
            return False
        return True  # the profile's event renames the row (`apply`)


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
        profile: Profile,
        clock: Clock,
        parent: QObject | None = None,
        *,
        bridge: ProfileBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.bridge = bridge if bridge is not None else bridge_for(profile)
        self.clock = clock
        self._rows: SortedRows[_CodeRow, Generator] = SortedRows(
            self,
            self.bridge.generators(),
            key=code_pane_key,  # ID.me devices, the primary on top, then other accounts
            wrap=_CodeRow,
            item_of=lambda r: r.device,
            refresh=self._keep,
        )
        self._periods: frozenset[int] = self._distinct_periods()
        # HOTP: the code "Next code" last issued per device id (this window only). Displaying a
        # counter-based code never advances its counter; only `Profile.next_hotp_code` does.
        self._issued: dict[int, str] = {}
        self._now = clock.now()
        self.bridge.devices_changed.connect(self.apply)

    # -- loading -------------------------------------------------------------------
    def _distinct_periods(self) -> frozenset[int]:
        """The time-based periods in use (normally just 30): a tick checks each once for a rollover."""
        otps = (r.device.otp for r in self._rows.rows)
        return frozenset(p.period for p in otps if p is not None and p.kind != OtpKind.HOTP)

    @staticmethod
    def _keep(row: _CodeRow, generator: Generator) -> _CodeRow:
        """The same row shows the changed generator (codes recomputed if its secret or counter moved)."""
        if row.device.otp != generator.otp:
            row.period_index = -1
        row.device = generator
        return row

    def apply(self, event: ev.DevicesChanged | ev.Restored) -> None:
        """Apply a device event to the rows it names: inserted or removed at their place, repainted,
        and moved when their place changed (a new primary goes to the top of the ID.me devices, a
        linked generator moves between the sections). A restore brings every row up the same way."""
        headed = self._heading_ids()
        new = self.bridge.generators()
        self._now = self.clock.now()
        if isinstance(event, ev.DevicesChanged):
            primary = self.primary_row()
            before = self._rows.rows[primary].device.id if primary >= 0 else None
            self._rows.apply(touched_ids(event, before), new)
        else:
            self._rows.sync(new)
        self._after_change(headed)

    def reload(self) -> None:
        """Catch up with the profile as it is now (a change made by another process): row by row."""
        headed = self._heading_ids()
        self._now = self.clock.now()
        self._rows.sync(self.bridge.generators())
        self._after_change(headed)

    def _after_change(self, headed: set[int]) -> None:
        self._periods = self._distinct_periods()
        # A row that gained or lost a section heading changes height: repaint it (the view re-lays out).
        for gid in sorted(headed ^ self._heading_ids()):
            row = self._rows.row_of(gid)
            if row >= 0:
                self._rows.changed(row)

    def _heading_ids(self) -> set[int]:
        """The generators whose row starts a section heading (`codes_pane.section_heading`, unfiltered):
        the first other account, and the first ID.me device when other accounts follow it."""
        rows = self._rows.rows
        first_other = bisect.bisect_left(rows, True, key=lambda r: not r.device.idme)
        if first_other == len(rows):
            return set()
        ids = {rows[first_other].device.id}
        if first_other > 0:
            ids.add(rows[0].device.id)
        return ids

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
        if not len(self._rows):
            return
        rolled = any(int(before // period) != int(self._now // period) for period in self._periods)
        roles = CODE_ROLES if rolled else TICK_ROLES
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), roles)

    # -- helpers -------------------------------------------------------------------
    def seconds_left(self, row: int) -> float:
        p = self._rows.rows[row].device.otp
        assert p is not None
        if p.kind == OtpKind.HOTP:
            return -1.0
        return p.period - (self._now % p.period)

    def code_at(self, row: int) -> str:
        return self._codes(self._rows.rows[row]).code

    def set_issued(self, device_id: int, code: str) -> None:
        """Show `code` on the HOTP row of `device_id` (what `Profile.next_hotp_code` returned)."""
        self._issued[device_id] = code
        row = self._rows.row_of(device_id)
        if row >= 0:
            self._rows.rows[row].period_index = -1
            self._rows.changed(row)

    def is_counter_based(self, row: int) -> bool:
        p = self._rows.rows[row].device.otp
        return p is not None and p.kind == OtpKind.HOTP

    def device_at(self, row: int) -> Generator:
        return self._rows.rows[row].device

    def row_of_id(self, generator_id: int) -> int:
        """The row showing this generator now, or -1 (rows move when the list changes)."""
        return self._rows.row_of(generator_id)

    def primary_row(self) -> int:
        """The primary's row: row 0 when the primary's code is made here (it is pinned on top), else -1."""
        rows = self._rows.rows
        return 0 if rows and rows[0].device.is_primary else -1

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
        r = self._rows.rows[index.row()]
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
                secs = whole_seconds(left)
                text += ", " + self.tr("%n seconds left", "", secs)
            if d.is_primary:
                text += ", " + self.tr("primary device")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click, press Enter or Ctrl+C to copy the code")
        return None
