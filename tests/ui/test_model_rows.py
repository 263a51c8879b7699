"""ui/model_rows.py: rows kept in order by inserts, removals and moves, checked by Qt's model tester."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from gui_support import ModelSignals
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from epcs_desktop.ui.model_rows import SortedRows


@dataclass(frozen=True)
class Item:
    id: int
    rank: int  # the sort key's first part (a primary flag, a section)
    name: str = ""


class ItemModel(QAbstractListModel):
    """The smallest model over SortedRows (rows are the items themselves)."""

    def __init__(self, items: list[Item]) -> None:
        super().__init__()
        self.rows: SortedRows[Item, Item] = SortedRows(
            self,
            items,
            key=lambda i: (i.rank, i.id),
            wrap=lambda i: i,
            item_of=lambda i: i,
            refresh=lambda _old, i: i,
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows.rows[index.row()].name
        return None


def _ordered(items: dict[int, Item]) -> list[Item]:
    return sorted(items.values(), key=lambda i: (i.rank, i.id))


def test_random_changes_keep_the_order_without_a_reset(qapp) -> None:
    """Any mix of added, removed and re-ranked ids, applied one event at a time, ends in the sorted
    order, with persistent indexes following their item; Qt's tester checks every signal."""
    rng = random.Random(18)
    items = {i: Item(i, rng.randrange(4), f"n{i}") for i in range(1, 30)}
    model = ItemModel(_ordered(items))
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    signals = ModelSignals(model)
    next_id = 30
    for _ in range(200):
        touched = []
        for _ in range(rng.randrange(1, 4)):
            action = rng.random()
            if action < 0.3 or not items:
                items[next_id] = Item(next_id, rng.randrange(4), f"n{next_id}")
                touched.append(next_id)
                next_id += 1
            elif action < 0.5:
                gone = rng.choice(list(items))
                del items[gone]
                touched.append(gone)
            else:
                moved = rng.choice(list(items))
                items[moved] = replace(items[moved], rank=rng.randrange(4), name=f"r{moved}")
                touched.append(moved)
        watched = {i: QPersistentModelIndex(model.index(model.rows.row_of(i))) for i in model.rows.ids()}
        model.rows.apply(touched, _ordered(items))
        assert model.rows.ids() == [i.id for i in _ordered(items)]
        for item_id, index in watched.items():  # a view's selection follows its item
            assert index.isValid() == (item_id in items)
            if index.isValid():
                assert model.rows.rows[index.row()].id == item_id
    assert ("reset",) not in signals.take()


def test_a_changed_row_is_repainted_only_when_it_changed_and_moved_only_when_its_place_did(qapp) -> None:
    model = ItemModel([Item(1, 0, "a"), Item(2, 1, "b"), Item(3, 1, "c")])
    signals = ModelSignals(model)
    model.rows.apply([2], [Item(1, 0, "a"), Item(2, 1, "b"), Item(3, 1, "c")])  # nothing changed
    assert signals.take() == []
    model.rows.apply([2], [Item(1, 0, "a"), Item(2, 1, "B"), Item(3, 1, "c")])  # renamed in place
    assert signals.take() == [("changed", 1, 1)]
    model.rows.apply([3], [Item(1, 0, "a"), Item(3, 0, "c"), Item(2, 1, "B")])  # ranked up: moves
    assert signals.take() == [("move", 2, 2, 1), ("changed", 1, 1)]
    model.rows.apply([1], [Item(3, 0, "c"), Item(2, 1, "B"), Item(1, 2, "a")])  # ranked down: to the end
    assert signals.take() == [("move", 0, 0, 3), ("changed", 2, 2)]
    assert [model.index(r).data() for r in range(3)] == ["c", "B", "a"]
