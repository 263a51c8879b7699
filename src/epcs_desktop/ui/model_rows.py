"""The rows of a flat Qt model, kept in core's order and changed one id at a time (issue 18).

Why: a model reset makes a view forget its selection, its current row (the
focus ring the clinician moved) and its scroll position. A typed event
(`core.events.DevicesChanged`) names the ids a change touched, so a model can
apply exactly that: a row removed, a row inserted at its sorted place, a row
whose data changed reported with `dataChanged` and, when its sort key changed
(a new primary pinned on top, a generator linked to an ID.me device), moved
with `beginMoveRows`. Views and proxies keep their persistent indexes through
all of those.

The order is core's (`core.generator.code_pane_key`, the device id for the
ID.me table): `key` must be unique per row, so one row is found and placed by
bisection and the rows end in exactly the order the profile lists them in.
After applying an event the ids are compared with the profile's list; a
mismatch (an event that arrived after a newer read, a change made by another
process) is caught up with the same row-by-row operations (`sync`), never a
reset.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

log = logging.getLogger(__name__)


class HasId(Protocol):
    """A Device or a Generator: what a row shows, identified by its stored id."""

    @property
    def id(self) -> int: ...


R = TypeVar("R")  # a row as the model keeps it
T = TypeVar("T", bound=HasId)  # what the profile lists (a Device, a Generator)


class SortedRows(Generic[R, T]):
    """A model's rows in `key` order, changed by row inserts, removals, moves and `dataChanged`.

    `wrap(item)` makes a row, `item_of(row)` is what it shows, `refresh(row, item)` returns the
    row to keep for a changed item. The model's `index(row, column)` names the cells that a
    change repaints (columns 0 .. `last_column`).
    """

    def __init__(
        self,
        model: QAbstractItemModel,
        items: Iterable[T],
        *,
        key: Callable[[T], Any],
        wrap: Callable[[T], R],
        item_of: Callable[[R], T],
        refresh: Callable[[R, T], R],
        last_column: int = 0,
    ) -> None:
        self.model = model
        self._key = key
        self._wrap = wrap
        self._item_of = item_of
        self._refresh = refresh
        self._last_column = last_column
        self.rows: list[R] = []
        self._by_id: dict[int, R] = {}
        self.load(items)

    # -- reading ------------------------------------------------------------------------------------
    def load(self, items: Iterable[T]) -> None:
        """Take `items` as they are (no signals: for a model being built)."""
        self.rows = [self._wrap(i) for i in sorted(items, key=self._key)]
        self._by_id = {self._item_of(r).id: r for r in self.rows}

    def __len__(self) -> int:
        return len(self.rows)

    def ids(self) -> list[int]:
        return [self._item_of(r).id for r in self.rows]

    def row_of(self, item_id: int) -> int:
        """The row now showing `item_id`, or -1: found by bisection on the row's own key."""
        row = self._by_id.get(item_id)
        if row is None:
            return -1
        at = bisect.bisect_left(self.rows, self._key(self._item_of(row)), key=self._sort_key)
        if at < len(self.rows) and self.rows[at] is row:
            return at
        log.debug("row %s not at its sorted place; searching", item_id)  # cannot happen: keys are unique
        return next(n for n, r in enumerate(self.rows) if r is row)

    def _sort_key(self, row: R) -> Any:
        return self._key(self._item_of(row))

    # -- changing -----------------------------------------------------------------------------------
    def apply(self, ids: Iterable[int], items: Sequence[T]) -> None:
        """Apply a change to the rows of `ids` only; `items` is the profile's list after it."""
        by_id = {i.id: i for i in items}
        for item_id in dict.fromkeys(ids):
            self._place(item_id, by_id.get(item_id))
        if self.ids() != [i.id for i in items]:
            log.debug("rows differ from the profile's list after an event; catching up row by row")
            self.sync(items)

    def sync(self, items: Sequence[T]) -> None:
        """Bring every row to `items` (a restore, a change made elsewhere): removals, changes, inserts."""
        by_id = {i.id: i for i in items}
        for item_id in [i for i in self._by_id if i not in by_id]:
            self._place(item_id, None)
        for item in items:
            self._place(item.id, item)

    def _place(self, item_id: int, item: T | None) -> None:
        held = item_id in self._by_id
        if held and item is None:
            self._remove(item_id)
        elif item is not None and not held:
            self._insert(item)
        elif item is not None:
            self._update(item)

    def _remove(self, item_id: int) -> None:
        at = self.row_of(item_id)
        self.model.beginRemoveRows(QModelIndex(), at, at)
        del self.rows[at]
        del self._by_id[item_id]
        self.model.endRemoveRows()

    def _insert(self, item: T) -> None:
        at = bisect.bisect_left(self.rows, self._key(item), key=self._sort_key)
        self.model.beginInsertRows(QModelIndex(), at, at)
        row = self._wrap(item)
        self.rows.insert(at, row)
        self._by_id[item.id] = row
        self.model.endInsertRows()

    def _update(self, item: T) -> None:
        """The row of `item` shows it; moved first when its place in the order changed."""
        at = self.row_of(item.id)
        row = self.rows[at]
        before = self._item_of(row)
        old_key, new_key = self._key(before), self._key(item)
        target = at
        if new_key < old_key:  # moves up: before the first row whose key is not smaller
            target = bisect.bisect_left(self.rows, new_key, 0, at, key=self._sort_key)
            dest = target
        elif new_key > old_key:  # moves down: Qt's destination counts the row itself
            dest = bisect.bisect_left(self.rows, new_key, at + 1, len(self.rows), key=self._sort_key)
            target = dest - 1
        if target != at:
            if not self.model.beginMoveRows(QModelIndex(), at, at, QModelIndex(), dest):
                raise AssertionError(f"invalid row move {at} -> {dest}")  # a bug here, not bad input
            del self.rows[at]
            self.rows.insert(target, row)
            self.model.endMoveRows()
        kept = self._refresh(row, item)
        if kept is not row:
            self.rows[target] = kept
            self._by_id[item.id] = kept
        if before != item:
            self.changed(target)

    def changed(self, row: int) -> None:
        """Repaint one row (every column)."""
        model = self.model
        model.dataChanged.emit(model.index(row, 0), model.index(row, self._last_column))
