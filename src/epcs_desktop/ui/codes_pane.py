"""The code-generator pane: every code generator held here, its code and countdown.

Copying is the main action, so a click, Enter or Ctrl+C on a row copies its
code; the status line says when the clipboard will be cleared. The search box
is always there; "Next code" of a counter-based generator sits on its card.

Order (issue 18): ID.me devices first, the primary pinned on top, then other
accounts under their own heading (`core.generator.code_pane_order`), so the
code a clinician needs for EPCS is never below the fold. After unlock the
primary's row has the keyboard focus, drawn with a clear ring, so Enter copies it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.erx import Location
from epcs_desktop.core.otp import copy_plan, is_time_based, whole_seconds
from epcs_desktop.ui import theme
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.code_delegate import CodeDelegate
from epcs_desktop.ui.models import (
    ROLE_CODE,
    ROLE_FILTER,
    ROLE_NICK,
    ROLE_SECTION,
    SECTION_IDME,
    SECTION_OTHER,
    CodeListModel,
)
from epcs_desktop.ui.ticker import Ticker

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

HEADING_HEIGHT = 30


def section_heading(index: QModelIndex | QPersistentModelIndex) -> str | None:
    """The section a (view) row starts, or None: the first row, or one whose section differs from above.

    Computed on the view's model (the filter proxy), so a heading follows the rows a filter leaves.
    A list of ID.me devices only has no heading (nothing to tell apart).
    """
    section = index.data(ROLE_SECTION)
    if index.row() > 0 and index.sibling(index.row() - 1, 0).data(ROLE_SECTION) == section:
        return None
    if section == SECTION_IDME:  # "ID.me devices" only heads a list that has other accounts below
        model = index.model()
        last = model.index(model.rowCount() - 1, 0) if model is not None else QModelIndex()
        return SECTION_IDME if last.data(ROLE_SECTION) == SECTION_OTHER else None
    return SECTION_OTHER if section == SECTION_OTHER else None


class SectionedCodeDelegate(CodeDelegate):
    """The code card (`CodeDelegate`), with a section heading above the first row of each section and a
    2-pixel focus ring around the focused card (Enter copies it; the ring says which one)."""

    def heading_text(self, section: str) -> str:
        if section == SECTION_IDME:
            return self.tr("ID.me devices")
        return self.tr("Other accounts (not ID.me)")

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if section_heading(index) is not None:
            size.setHeight(size.height() + HEADING_HEIGHT)
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        section = section_heading(index)
        rect: QRect = option.rect
        card_option = QStyleOptionViewItem(option)
        if section is not None:
            c = theme.colors()
            heading = QRect(rect.left() + 6, rect.top(), rect.width() - 12, HEADING_HEIGHT)
            painter.save()
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(c["muted"]))
            painter.drawText(
                heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.heading_text(section)
            )
            painter.restore()
            card_option.rect = rect.adjusted(0, HEADING_HEIGHT, 0, 0)
        super().paint(painter, card_option, index)
        if card_option.state & QStyle.StateFlag.State_HasFocus:
            c = theme.colors()
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(QColor(c["highlight"]), 2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = QRectF(card_option.rect.adjusted(2, 1, -2, -1))
            painter.drawRoundedRect(ring, 9, 9)
            painter.restore()



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
        profile: Profile,
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
        self.delegate = SectionedCodeDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A row that starts a section is taller (its heading): sizes are uniform only while the list
        # has one section (no heading), so 1,000 ID.me generators lay out as fast as before (`_sections`).
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName(self.tr("Codes"))
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self.copy_index)
        self.view.copy_requested.connect(self.copy_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.context_menu: QMenu | None = None  # the row menu last shown (tests trigger its actions)

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
        self.model.rowsMoved.connect(self._update_visibility)  # a link or unlink changes the sections
        self.model.dataChanged.connect(lambda *_: self._sections())  # O(1): a link may add the headings
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_filter)
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

    def _sections(self) -> None:
        """Uniform row sizes unless both sections (and so the headings) are shown."""
        n = self.model.rowCount()
        mixed = n > 1 and self.model.device_at(0).idme and not self.model.device_at(n - 1).idme
        if self.view.uniformItemSizes() == bool(mixed):
            self.view.setUniformItemSizes(not mixed)

    def _update_visibility(self, *_: object) -> None:
        self._sections()
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
                self.message.emit(text.replace("%1", nick).replace("%2", str(whole_seconds(plan.wait))))
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

    # -- a row's menu: which side a generator is on (issue 18) ------------------------------------
    def _context_menu(self, pos: Any) -> None:
        """Row menu: link another account's generator to an ID.me device, or unlink; remove another account.

        It acts by id: the list can change while the menu is open."""
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        generator = self.model.device_at(self.proxy.mapToSource(index).row())
        gid = generator.id
        menu = QMenu(self)
        if generator.idme:
            unlink = menu.addAction(self.tr("Not an ID.me device (keep its code under other accounts)"))
            unlink.triggered.connect(lambda: self._on_row(gid, self.unlink_row))
        else:
            link = menu.addAction(self.tr("This is an ID.me device…"))
            link.triggered.connect(lambda: self._on_row(gid, self.link_row))
            remove = menu.addAction(theme.icon("remove"), self.tr("Remove…"))
            remove.triggered.connect(lambda: self._on_row(gid, self.remove_row))
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _on_row(self, generator_id: int, action: Callable[[int], None]) -> None:
        for row in range(self.model.rowCount()):
            if self.model.device_at(row).id == generator_id:
                action(row)
                return

    def link_choices(self) -> list[tuple[str, str | None]]:
        """(label, device nickname or None for a new row) a generator can be linked to."""
        choices: list[tuple[str, str | None]] = [(self.tr("A new row of the ID.me device table"), None)]
        for d in self.profile.devices():
            if d.otp is None and d.location is not Location.PUSH:  # its codes are not made here yet
                choices.append((self.tr("The ID.me device “%1”").replace("%1", d.nickname), d.nickname))
        return choices

    def link_row(self, row: int, device: str | None = None, *, ask: bool = True) -> None:
        """This generator is an ID.me device: a new row of the table, or an existing device (`device`)."""
        from PySide6.QtWidgets import QInputDialog

        from epcs_desktop.core.errors import EpcsError
        from epcs_desktop.ui.tasks import user_message

        generator = self.model.device_at(row)
        if ask:
            choices = self.link_choices()
            label, ok = QInputDialog.getItem(
                self,
                self.tr("This is an ID.me device"),
                self.tr("Which ID.me device is “%1”?").replace("%1", generator.nickname),
                [c[0] for c in choices],
                0,
                False,
            )
            if not ok:
                return
            device = dict(choices).get(label)
        try:
            linked = self.profile.link_generator(generator.nickname, device)
        except EpcsError as exc:
            self.message.emit(user_message(exc))
            return
        self.message.emit(
            self.tr("“%1” is an ID.me device; its code is made here").replace("%1", linked.nickname)
        )

    def unlink_row(self, row: int) -> None:
        from epcs_desktop.core.errors import EpcsError
        from epcs_desktop.ui.tasks import user_message

        generator = self.model.device_at(row)
        try:
            self.profile.unlink_generator(generator.nickname)
        except EpcsError as exc:
            self.message.emit(user_message(exc))
            return
        self.message.emit(
            self.tr("“%1” is listed under other accounts, not as an ID.me device").replace(
                "%1", generator.nickname
            )
        )

    def remove_row(self, row: int, *, confirmed: bool = False) -> None:
        """Remove another account's code generator after a confirmation (Cancel is the default)."""
        from epcs_desktop.core.errors import EpcsError
        from epcs_desktop.ui.tasks import user_message

        generator = self.model.device_at(row)
        if not confirmed:
            from epcs_desktop.ui.dialogs import confirm_removal

            confirmed = confirm_removal(
                self,
                self.tr("Remove code generator"),
                self.tr(
                    "Remove “%1” from this profile? Its secret key is deleted from this computer."
                ).replace("%1", generator.nickname),
                self.tr("&Remove"),
            )
        if not confirmed:
            return
        try:
            self.profile.remove_generator(generator.nickname)
        except EpcsError as exc:
            self.message.emit(user_message(exc))
            return
        self.message.emit(self.tr("Removed “%1”").replace("%1", generator.nickname))

    def focus_primary(self) -> bool:
        """Give the primary's row the keyboard focus (after unlock): Enter then copies its code.

        Without a primary held here, the first row gets it. False when the list is empty.
        """
        if self.model.rowCount() == 0:
            return False
        row = max(self.model.primary_row(), 0)
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            index = self.proxy.index(0, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def copy_primary(self) -> bool:
        """Copy the primary device's code (tray menu). False when the primary is not held here."""
        row = self.model.primary_row()
        if row < 0:
            return False
        self.copy_index(self.model.index(row))
        return True
