"""The activity log of one profile: a sortable, filterable table with CSV export.

A model/proxy pair (not a QTableWidget) so the table can be sorted and
filtered without copying rows, and refreshed in place when the profile
changes. Text is scrubbed with the same rules as the CSV export, so a
detail that ever looked like a secret or a code would not be shown either.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.activity import action_name, entry_detail, render_action
from epcs_desktop.core.activity_export import scrub, write_csv
from epcs_desktop.ui.file_places import remember, start_path
from epcs_desktop.ui.frontdesk._common import follow, run_inline, show_message
from epcs_desktop.ui.i18n import core_text

if TYPE_CHECKING:
    from epcs_desktop.core.profile import ActivityEntry, Profile

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
ALL_ACTIONS = "All actions"


class ActivityTableModel(QAbstractTableModel):
    """Rows of `Profile.activity()`: When · Action · Detail, newest first by default."""

    HEADERS: tuple[str, ...] = (  # type: ignore[assignment]  # PySide6's stub says object; it returns the text
        QT_TRANSLATE_NOOP("ActivityTableModel", "When"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Action"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Detail"),
    )
    WHEN, ACTION, DETAIL = range(3)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._entries: list[ActivityEntry] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._entries = list(self.profile.activity())
        self.endResetModel()

    def entries(self) -> list[ActivityEntry]:
        return list(self._entries)

    def actions(self) -> list[str]:
        """The kinds present, in today's English names (core.activity.action_name)."""
        return sorted({action_name(str(e.action)) for e in self._entries}, key=str.casefold)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ActivityTableModel", self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return dt.datetime.fromtimestamp(entry.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if col == self.ACTION:  # stored as a stable kind, shown in the user's language
                return scrub(render_action(str(entry.action), core_text))
            return scrub(entry_detail(entry, core_text))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DETAIL:
            return scrub(entry_detail(entry, core_text))
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return entry.at if col == self.WHEN else self.data(index).casefold()
        if role == self.EntryRole:
            return entry
        return None


class ActivityFilterProxy(QSortFilterProxyModel):
    """Filter by action (exact) and by free text (in action or detail, case-insensitive)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._action = ""
        self._text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_action(self, action: str) -> None:
        self.beginFilterChange()
        self._action = "" if action == ALL_ACTIONS else action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        action = str(model.data(model.index(source_row, ActivityTableModel.ACTION, source_parent)))
        detail = str(model.data(model.index(source_row, ActivityTableModel.DETAIL, source_parent)))
        if self._action and action != self._action:
            return False
        return not self._text or self._text in action.casefold() or self._text in detail.casefold()

    def visible_entries(self) -> list[ActivityEntry]:
        """The entries shown now, in the order shown (what the export writes)."""
        out = []
        for row in range(self.rowCount()):
            out.append(self.data(self.index(row, 0), ActivityTableModel.EntryRole))
        return out


class ActivityLogDialog(QDialog):
    """The per-profile activity log window."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("Activity log — {name}").format(name=getattr(profile, "name", "")))
        self.resize(820, 480)
        self.model = ActivityTableModel(profile, self)
        self.proxy = ActivityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ActivityTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            ActivityTableModel.DETAIL, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Activity log entries"))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move inside
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter (e.g. a device name)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter the activity log"))
        self.search.textChanged.connect(self._filter_changed)
        self.action_combo = QComboBox()
        self.action_combo.setAccessibleName(self.tr("Show only this action"))
        self.action_combo.currentTextChanged.connect(self._filter_changed)
        self.count_label = QLabel()
        self.message = QLabel()
        self.message.setVisible(False)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.clicked.connect(self._export_clicked)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.action_combo)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addLayout(bottom)
        follow(profile, self, self.reload, "activity_changed")
        self.reload()

    def reload(self) -> None:
        current = self.action_combo.currentText()
        self.model.reload()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItems([self.tr("All actions"), *(core_text(a) for a in self.model.actions())])
        idx = self.action_combo.findText(current)
        self.action_combo.setCurrentIndex(max(idx, 0))
        self.action_combo.blockSignals(False)
        self._filter_changed()

    def _filter_changed(self, *_: Any) -> None:
        # The first item is "All actions" in the user's language; the proxy knows it as ALL_ACTIONS.
        index = self.action_combo.currentIndex()
        self.proxy.set_action(ALL_ACTIONS if index <= 0 else self.action_combo.currentText())
        self.proxy.set_text(self.search.text())
        self.count_label.setText(
            self.tr("{shown} of {total} entries").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def export_to(self, path: str) -> int | None:
        """Write the rows shown (after filtering) to `path` as CSV, and say how many of how many."""
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        written = run_inline(self.message, lambda: write_csv(self.proxy.visible_entries(), path, core_text))
        if written is None:
            return None
        name = Path(path).name
        if shown < total:
            text = self.tr("Exported {shown} of {total} entries (filtered) to {file}.").format(
                shown=written, total=total, file=name
            )
        elif total == 1:
            text = self.tr("Exported the only entry to {file}.").format(file=name)
        else:
            text = self.tr("Exported all {total} entries to {file}.").format(total=written, file=name)
        show_message(self.message, text, ok=True)
        return written

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export activity log"),
            start_path(
                "csv", self.tr("%1-activity.csv").replace("%1", str(getattr(self.profile, "name", "")))
            ),
            self.tr("CSV files (*.csv)"),
        )
        remember("csv", path)
        if path:
            self.export_to(path)
