"""The code-generator pane: every code generator held here, its code and countdown.

Copying is the main action, so a click, Enter or Ctrl+C on a row copies its
code; the status line says when the clipboard will be cleared. The search box
is always there; "Next code" of a counter-based generator sits on its card.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.otp import copy_plan, is_time_based
from epcs_desktop.ui import theme
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.code_delegate import CodeDelegate
from epcs_desktop.ui.models import ROLE_CODE, ROLE_FILTER, ROLE_NICK, CodeListModel
from epcs_desktop.ui.ticker import Ticker

log = logging.getLogger(__name__)


class CodeListView(QListView):
    """A list view whose Enter key and Ctrl+C copy the current row."""

    copy_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.matches(
            QKeySequence.StandardKey.Copy
        ):
            idx = self.currentIndex()
            if idx.isValid():
                self.copy_requested.emit(idx)
                event.accept()
                return
        super().keyPressEvent(event)


class CodesPane(QWidget):
    """Right-hand pane. `message(str)` carries transient status text for the status bar."""

    message = Signal(str)
    add_requested = Signal()

    def __init__(
        self,
        profile: Any,
        clock: Clock,
        ticker: Ticker,
        guard: ClipboardGuard,
        clear_seconds: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codesPane")
        self.profile = profile
        self.clock = clock
        self.guard = guard
        # A copy asked for in a code's last seconds waits for the next code (core.otp.copy_plan).
        self._held: tuple[str, str] | None = None  # (nickname, code) to copy when the wait ends
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self._copy_held)
        self.clear_seconds = clear_seconds
        self.model = CodeListModel(profile, clock, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(ROLE_FILTER)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        title = QLabel(self.tr("Code generator"))
        title.setObjectName("paneTitle")
        self.add_button = QPushButton(self.tr("&Add code generator…"))
        self.add_button.setObjectName("primaryButton")
        theme.set_icon(self.add_button, "add", "highlight_text")
        self.add_button.clicked.connect(self.add_requested)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.add_button)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by nickname, issuer or account"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter code generators"))
        search = self.filter.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        theme.set_icon(search, "search")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.view = CodeListView()
        self.view.setModel(self.proxy)
        self.delegate = CodeDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName(self.tr("Codes"))
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self.copy_index)
        self.view.copy_requested.connect(self.copy_index)

        self.empty = QLabel(
            self.tr(
                "No code generator is held in this program yet. Choose “Add code generator…” to scan "
                "ID.me's QR code or type its secret key."
            )
        )
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.hint = QLabel(self.tr("Click a code, or press Enter, to copy it."))
        self.hint.setObjectName("hint")
        # Counter-based (HOTP) rows: the only action that advances a counter, one code per press.
        self.next_button = QPushButton(self.tr("&Next code"))
        self.next_button.setToolTip(
            self.tr("Counter-based code: make the next code (the counter moves on by one) and copy it")
        )
        self.next_button.clicked.connect(self.next_code)
        self.next_button.setVisible(False)
        # On the card itself (where a time-based card has its countdown), not far below the list.
        self.next_button.setParent(self.view.viewport())
        self.view.verticalScrollBar().valueChanged.connect(self._place_next_button)
        self.view.viewport().installEventFilter(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)

        self.view.selectionModel().currentChanged.connect(self._current_changed)
        ticker.tick.connect(self.on_tick)
        self.model.modelReset.connect(self._update_visibility)
        self.model.rowsInserted.connect(self._update_visibility)
        self.model.rowsRemoved.connect(self._update_visibility)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_filter)
        self._update_visibility()

    # -- behaviour -----------------------------------------------------------------
    def on_tick(self, now: float) -> None:
        """One second passed: the model reports it, the view repaints its visible rows. Nothing else.

        The ring moves in whole seconds. A sub-second animation made it glide,
        but it kept the process awake 20-60 times a second all day long
        (~6 % CPU with 100 generators on a shared practice PC); one repaint a
        second keeps an open window idle.
        """
        self.model.on_tick(now)

    def reload(self) -> None:
        self.model.reload()

    def _update_visibility(self, *_: object) -> None:
        n = self.model.rowCount()
        self.view.setVisible(n > 0)
        self.hint.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        self.filter.setEnabled(n > 0)  # always there (issue 22), useless only with nothing to search
        if n and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._current_changed()

    def _current_row(self) -> int:
        idx = self.proxy.mapToSource(self.view.currentIndex())
        return idx.row() if idx.isValid() else -1

    def _current_changed(self, *_args: object) -> None:
        row = self._current_row()
        self.next_button.setVisible(row >= 0 and self.model.is_counter_based(row))
        self._place_next_button()

    def _place_next_button(self, *_args: object) -> None:
        """Keep "Next code" on the current counter-based card, at its right edge."""
        if self.next_button.isHidden():
            return
        card = self.view.visualRect(self.view.currentIndex())
        size = self.next_button.sizeHint()
        self.next_button.resize(size)
        x = card.right() - size.width() - 16
        y = card.center().y() - size.height() // 2
        self.next_button.move(max(card.left(), x), y)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.view.viewport() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
        ):
            self._place_next_button()
        return super().eventFilter(watched, event)

    def next_code(self) -> None:
        """Advance the current HOTP row's counter by one (one transaction) and show and copy its code."""
        from epcs_desktop.core.errors import EpcsError
        from epcs_desktop.ui.tasks import user_message

        row = self._current_row()
        if row < 0 or not self.model.is_counter_based(row):
            return
        device = self.model.device_at(row)
        try:
            code = self.profile.next_hotp_code(device.id)
        except EpcsError as exc:
            self.message.emit(user_message(exc))
            return
        self.model.set_issued(device.id, code)
        self.copy_index(self.proxy.mapFromSource(self.model.index(row)))

    def _focus_filter(self) -> None:
        self.filter.setFocus()

    def copy_index(self, index: QModelIndex) -> None:
        """Copy the code of a (proxy) row to the clipboard."""
        code = str(index.data(ROLE_CODE) or "")
        if not code:
            source = self.proxy.mapToSource(index) if index.model() is self.proxy else index
            if source.isValid() and self.model.is_counter_based(source.row()):
                nick = str(index.data(ROLE_NICK) or "")
                self.message.emit(self.tr("Press “Next code” to make a code for “%1”.").replace("%1", nick))
            return
        nick = str(index.data(ROLE_NICK) or "")
        source = self.proxy.mapToSource(index) if index.model() is self.proxy else index
        params = self.model.device_at(source.row()).otp if source.isValid() else None
        self._hold_timer.stop()
        self._held = None
        if params is not None and is_time_based(params):
            plan = copy_plan(params, self.clock.now())
            if plan.wait > 0:  # this code would expire before it can be pasted: hand out the next one
                self._held = (nick, plan.code)
                self._hold_timer.start(int(plan.wait * 1000) + 1)
                text = self.tr("The code of “%1” changes in %2 s: the new code will be copied then.")
                self.message.emit(text.replace("%1", nick).replace("%2", str(math.ceil(plan.wait))))
                return
            code = plan.code
        self._put(nick, code)

    def _copy_held(self) -> None:
        if self._held is not None:
            nick, code = self._held
            self._held = None
            self._put(nick, code)

    def _put(self, nick: str, code: str) -> None:
        seconds = self.clear_seconds()
        self.guard.copy(code, seconds)
        if seconds > 0:
            text = self.tr("Copied the code of “%1” — clipboard clears in %2 s").replace("%1", nick)
            text = text.replace("%2", str(seconds))
        else:
            text = self.tr("Copied the code of “%1”").replace("%1", nick)
        self.message.emit(text)

    def copy_primary(self) -> bool:
        """Copy the primary device's code (tray menu). False when the primary is not held here."""
        row = self.model.primary_row()
        if row < 0:
            return False
        self.copy_index(self.model.index(row))
        return True
