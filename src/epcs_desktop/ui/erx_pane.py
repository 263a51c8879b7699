"""The eRx Info companion: mirrors DrChrono's Account > Provider Settings > eRx Info tab.

Same three blocks and the same words as DrChrono (Identity Confirmation, ID.me
Device Information with Name · Option · Primary Device, Prescriber Info), so a
clinician can keep the two side by side and see at once whether they agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import (
    Device,
    DeviceOption,
    PrescriberInfo,
)
from epcs_desktop.core.policy import action_allowed
from epcs_desktop.ui import theme
from epcs_desktop.ui.dialogs import (
    HelpDialog,
    IdentityDialog,
    OtherDeviceDialog,
    RemoveDeviceDialog,
    compliance_text,
)
from epcs_desktop.ui.feedback import error_label, show_error, show_message
from epcs_desktop.ui.models import ROLE_IS_PRIMARY, DeviceTableModel
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.widgets.prescriber_form import PrescriberForm

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.settings import Settings

log = logging.getLogger(__name__)



class PrimaryDelegate(QStyledItemDelegate):
    """Primary Device column: bold "Is Primary", or a link-styled "Select as primary device"."""

    activated = Signal(QModelIndex)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        primary = bool(index.data(ROLE_IS_PRIMARY))
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        font = QFont(opt.font)
        c = theme.colors()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if primary:
            font.setBold(True)
            # Green on the blue selection is unreadable: selected rows use the selection's text colour.
            painter.setPen(theme.color("highlight_text") if selected else theme.color("ok"))
        else:
            font.setUnderline(True)
            painter.setPen(theme.color("highlight_text") if selected else theme.color("link"))
        del c
        painter.setFont(font)
        rect: QRect = opt.rect.adjusted(6, 0, -6, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(index.data()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the painted text with its 6 px margins, underlined or bold."""
        size = super().sizeHint(option, index)
        font = QFont(option.font)
        font.setBold(True)
        width = QFontMetrics(font).horizontalAdvance(str(index.data())) + 16
        return QSize(max(size.width(), width), size.height())

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: Any) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and not index.data(ROLE_IS_PRIMARY):
            self.activated.emit(QModelIndex(index))
            return True
        return super().editorEvent(event, model, option, index)


class DeviceTableView(QTableView):
    """The device table: F2 renames, Delete removes, Space/Enter on the last column selects primary."""

    remove_requested = Signal(int)
    primary_requested = Signal(int)
    metrics_changed = Signal()  # font or style changed: text widths must be measured again

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.metrics_changed.emit()

    def keyPressEvent(self, event: Any) -> None:
        idx = self.currentIndex()
        if idx.isValid() and self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_F2:  # rename from any column of the row
                name = self.model().index(idx.row(), DeviceTableModel.COL_NAME)
                self.setCurrentIndex(name)
                self.edit(name)
                return
            if event.key() == Qt.Key.Key_Delete or event.matches(QKeySequence.StandardKey.Delete):
                self.remove_requested.emit(idx.row())
                return
            if (
                event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and idx.column() == DeviceTableModel.COL_PRIMARY
                and self.state() != QAbstractItemView.State.EditingState
            ):
                self.primary_requested.emit(idx.row())
                return
        super().keyPressEvent(event)


class ErxPane(QWidget):
    """Left-hand pane. `message(str)` carries transient status text for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        profile: Profile,
        settings: Callable[[], Settings],
        parent: QWidget | None = None,
        *,
        clock: Clock,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("erxPane")
        self.profile = profile
        self.clock = clock  # the context's (dialogs opened from here get it too)
        self.settings = settings
        self.dialog: QDialog | None = None  # the dialog currently open from this pane (tests reach it here)
        self.context_menu: QMenu | None = None  # the row menu last shown (tests trigger its actions)
        self._saved_prescriber: PrescriberInfo | None = None  # as last read from the vault

        title = QLabel(self.tr("eRx Info"))
        title.setObjectName("paneTitle")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own (a nameless "filler" to a screen reader): focus goes to the
        # controls inside, and the area scrolls to keep the focused one in view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer.addWidget(scroll)
        body = QWidget()
        layout = QVBoxLayout(body)
        # Top-down (issue 14): the body is in the scroll area, in this pane, before the boxes go in;
        # every level a built tree is re-parented re-polishes it and re-sizes the device table.
        scroll.setWidget(body)
        layout.addWidget(title)
        layout.addWidget(self._identity_box())
        layout.addWidget(self._devices_box(), 1)
        layout.addWidget(self._prescriber_box())
        self.identity_label.setText(self._identity_html())
        self._load_prescriber()
        self._restore_draft()

    # -- Identity Confirmation -------------------------------------------------------
    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity Confirmation"))
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextFormat(Qt.TextFormat.RichText)
        # The permissions page is a button, not a link inside the sentence: a link in a label is a
        # focusable "label" to a screen reader, and Tab stops on it without saying it can be pressed.
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        edit = QPushButton(self.tr("&Edit…"))
        theme.set_icon(edit, "rename")
        edit.setAccessibleName(self.tr("Edit identity confirmation"))
        edit.clicked.connect(self.edit_identity)
        self.permissions_button = QPushButton(self.tr("Open the EPCS Permissions Page"))
        self.permissions_button.setObjectName("linkButton")
        self.permissions_button.setToolTip(self.tr("Opens DrChrono's EPCS permissions page in your browser"))
        self.permissions_button.clicked.connect(lambda: self._open_link(self.settings().epcs_permissions_url))
        buttons = QVBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(self.permissions_button)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.addWidget(self.identity_label, 1)
        row.addLayout(buttons)
        return box

    def _identity_html(self) -> str:
        conf = self.profile.identity()
        link = "<b>" + self.tr("EPCS Permissions Page") + "</b>"
        if conf.confirmed:
            text = self.tr("Your identity has now been confirmed.")
            if conf.confirmed_on:
                text = self.tr("Your identity has now been confirmed (%1).").replace("%1", conf.confirmed_on)
            return (
                text + " " + self.tr("To adjust future EPCS permissions, visit the %1.").replace("%1", link)
            )
        missing = conf.note or self.tr(
            "ID.me identity proofing and DrChrono's approval are both needed before you can send EPCS."
        )
        return (
            "<b>"
            + self.tr("Your identity has not been confirmed yet.")
            + "</b> "
            + _escape(missing)
            + " "
            + self.tr("To adjust future EPCS permissions, visit the %1.").replace("%1", link)
        )

    def edit_identity(self) -> None:
        self.dialog = IdentityDialog(self.profile, self)
        self.dialog.open()

    # -- ID.me Device Information ---------------------------------------------------------
    def _devices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("ID.me Device Information"))
        layout = QVBoxLayout(box)
        links = QHBoxLayout()
        change = QPushButton(self.tr("What happens to my MFA when I change my phone?"))
        change.setObjectName("linkButton")
        change.setCursor(Qt.CursorShape.PointingHandCursor)
        change.clicked.connect(self.show_change_guide)
        self.change_button = change
        update = QPushButton(self.tr("&Update MFA Device"))
        theme.set_icon(update, "external")
        update.setToolTip(self.tr("Opens ID.me Sign In & Security in your browser"))
        update.clicked.connect(self.open_update_mfa)
        self.update_button = update
        links.addWidget(change)
        links.addStretch(1)
        links.addWidget(update)
        layout.addLayout(links)

        self.model = DeviceTableModel(self.profile, self)
        self.model.error.connect(self._show_table_error)
        self.table = DeviceTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("ID.me devices"))
        # Tab / Shift+Tab leave the table (arrows move inside it): cycling its cells trapped keyboard users.
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Option and Primary are as wide as their widest text, measured by _fit_columns from one row
        # per distinct text (a handful): ResizeToContents asked ~250 rows' delegates at every layout
        # pass of a 1,000-device table (issue 14), and with a precision limit could miss a wider row.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.primary_delegate = PrimaryDelegate(self.table)
        self.primary_delegate.activated.connect(lambda idx: self.select_primary(idx.row()))
        self.table.setItemDelegateForColumn(DeviceTableModel.COL_PRIMARY, self.primary_delegate)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.remove_requested.connect(self.remove_row)
        self.table.primary_requested.connect(self.select_primary)
        self.table.setMinimumHeight(120)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._fit_columns)
        self.model.dataChanged.connect(self._fit_columns)
        # The note follows the table's own changes, whichever connection to the bridge runs first.
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(lambda *_: self._update_primary_note())
        self.table.metrics_changed.connect(self._fit_columns)
        layout.addWidget(self.table, 1)
        self._fit_columns()

        self.table_error = error_label()
        layout.addWidget(self.table_error)
        self.primary_note = QLabel()
        self.primary_note.setObjectName("notice")
        self.primary_note.setWordWrap(True)
        self.primary_note.setAccessibleName(self.tr("Compliance warning"))
        layout.addWidget(self.primary_note)
        self._update_primary_note()
        buttons = QHBoxLayout()
        other = QPushButton(self.tr("&Record a phone or push device…"))
        theme.set_icon(other, "phone")
        other.setToolTip(self.tr("A push-notification phone or a code generator app on another device"))
        other.clicked.connect(self.record_other_device)
        hint = QLabel(self.tr("F2 renames, Delete removes, Space selects the primary device."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons.addWidget(other)
        buttons.addWidget(hint, 1)
        layout.addLayout(buttons)
        return box

    def _fit_columns(self, *_args: object) -> None:
        """Size Option and Primary to their widest text, as ResizeToContents did, measuring only one
        row per distinct text plus the header. The model's option_text depends on the device's option
        alone and primary_text on is_primary alone, so one row per value of those is every text."""
        header = self.table.horizontalHeader()
        devices = [self.model.device_at(row) for row in range(self.model.rowCount())]
        columns: tuple[tuple[int, Callable[[Device], object]], ...] = (
            (DeviceTableModel.COL_OPTION, lambda d: d.option),
            (DeviceTableModel.COL_PRIMARY, lambda d: d.is_primary),
        )
        for col, key in columns:
            rows: dict[object, int] = {}
            for row, device in enumerate(devices):
                rows.setdefault(key(device), row)
            width = header.sectionSizeHint(col)
            for row in rows.values():
                width = max(width, self.table.sizeHintForIndex(self.model.index(row, col)).width())
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def _show_table_error(self, text: str) -> None:
        show_error(self.table_error, text)

    def _context_menu(self, pos: Any) -> None:
        """Row menu. It acts on the device by id, not by row number: the table can change
        (another window, the CLI, a restore) while the menu is open, and the row number
        would then point at a different device."""
        idx = self.table.indexAt(pos)
        if not idx.isValid():
            return
        device = self.model.device_at(idx.row())
        device_id = device.id
        menu = QMenu(self)
        primary = menu.addAction(theme.icon("star"), self.tr("Select as primary device"))
        primary.setEnabled(not device.is_primary)
        primary.triggered.connect(lambda: self._on_device(device_id, self.select_primary))
        rename = menu.addAction(theme.icon("rename"), self.tr("Rename"))
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        rename.triggered.connect(lambda: self._on_device(device_id, self.rename_row))
        move = menu.addAction(theme.icon("phone"), self.tr("Move to a phone…"))
        allowed = action_allowed("move_to_phone", self.profile.policy.current())  # IT may turn it off
        move.setEnabled(device.otp is not None and allowed)
        move.triggered.connect(lambda: self._on_device(device_id, self.move_to_phone))
        if device.secret_kept:  # moved to a phone; this computer still holds the secret
            forget = menu.addAction(theme.icon("remove"), self.tr("Remove the secret from this computer…"))
            forget.triggered.connect(lambda: self._on_device(device_id, self.forget_secret_row))
        unlink = menu.addAction(self.tr("Not an ID.me device (keep its code under other accounts)"))
        unlink.setEnabled(device.otp is not None)
        unlink.triggered.connect(lambda: self._on_device(device_id, self.unlink_row))
        remove = menu.addAction(theme.icon("remove"), self.tr("Remove…"))
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.triggered.connect(lambda: self._on_device(device_id, self.remove_row))
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_device(self, device_id: int, action: Callable[[int], None]) -> None:
        """Run a row action on the row showing `device_id` now; nothing if it was removed meanwhile."""
        row = self.model.row_of_id(device_id)
        if row >= 0:  # removed meanwhile: the table no longer shows it, so there is nothing to do
            action(row)

    def select_primary(self, row: int) -> None:
        device = self.model.device_at(row)
        if device.is_primary:
            return
        try:
            self.profile.set_primary(device.nickname)
        except EpcsError as exc:
            self._show_table_error(user_message(exc))
            return
        self._show_table_error("")
        self.message.emit(self.tr("“%1” is now the primary device").replace("%1", device.nickname))

    def rename_row(self, row: int) -> None:
        idx = self.model.index(row, DeviceTableModel.COL_NAME)
        self.table.setCurrentIndex(idx)
        self.table.edit(idx)

    def move_to_phone(self, row: int) -> None:
        """Show this generator's QR code for a phone (password re-entry, countdown, code check)."""
        from epcs_desktop.ui.move_to_phone import MoveToPhoneDialog

        device = self.model.device_at(row)
        if device.otp is None or not action_allowed("move_to_phone", self.profile.policy.current()):
            return
        dialog = MoveToPhoneDialog(self.profile, device, self, clock=self.clock)
        self.dialog = dialog
        dialog.open()

    def unlink_row(self, row: int) -> None:
        """This row is not an ID.me device: it leaves the table, its code stays under other accounts."""
        device = self.model.device_at(row)
        try:
            self.profile.unlink_generator(device.nickname)
        except EpcsError as exc:
            self._show_table_error(user_message(exc))
            return
        self._show_table_error("")
        self.message.emit(
            self.tr("“%1” is listed under other accounts, not as an ID.me device").replace(
                "%1", device.nickname
            )
        )

    def forget_secret_row(self, row: int, *, confirmed: bool = False) -> None:
        """Remove the secret of a device that moved to a phone, after a confirmation (the row stays)."""
        device = self.model.device_at(row)
        if not confirmed:
            from epcs_desktop.ui.dialogs import confirm_secret_removal

            confirmed = confirm_secret_removal(self, device.nickname)
        if not confirmed:
            return
        try:
            self.profile.forget_secret(device.nickname)
        except EpcsError as exc:
            self._show_table_error(user_message(exc))
            return
        self._show_table_error("")
        self.message.emit(
            self.tr("The secret of “%1” was removed from this computer").replace("%1", device.nickname)
        )

    def remove_row(self, row: int) -> None:
        device = self.model.device_at(row)
        dialog = RemoveDeviceDialog(self.profile, device, self)
        dialog.accepted.connect(lambda: self._removed(dialog))
        self.dialog = dialog
        dialog.open()

    def _removed(self, dialog: RemoveDeviceDialog) -> None:
        text = self.tr("Removed “%1”").replace("%1", dialog.device.nickname)
        if dialog.notice:
            text += " — " + dialog.notice
        self.message.emit(text)

    def record_other_device(self) -> None:
        self.dialog = OtherDeviceDialog(self.profile, self)
        self.dialog.open()

    def show_change_guide(self) -> None:
        """The interactive change-phone guide (front desk), or the plain six steps if it cannot load."""
        try:
            from epcs_desktop.ui.frontdesk import ChangeGuideDialog
        except ImportError:
            log.warning("change-phone guide unavailable; showing the help page")
            self.show_change_help()
            return
        self.dialog = ChangeGuideDialog(self.profile, self, self.clock)
        self.dialog.show()  # not modal: it is read next to the table it talks about

    def show_change_help(self) -> None:
        """The six steps of DrChrono's help article, as a help page."""
        self.dialog = HelpDialog(
            self.tr("What happens to my MFA when I change my phone?"), "change-phone", self
        )
        self.dialog.show()

    def open_update_mfa(self) -> None:
        self._open_link(self.settings().idme_security_url)

    def _open_link(self, link: str) -> None:
        """Open an address from Settings (typed: `Settings.idme_security_url`…); empty means not set."""
        if link:
            QDesktopServices.openUrl(QUrl(link))

    # -- Prescriber Info ----------------------------------------------------------------
    def _prescriber_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Prescriber Info"))
        layout = QVBoxLayout(box)
        self.prescriber_form = PrescriberForm()
        # The fields by their old names (tests, screenshots and accessibility checks reach them).
        form = self.prescriber_form
        self.state, self.license, self.dea, self.npi = form.state, form.license, form.dea, form.npi
        self.dea_status, self.npi_status = form.dea_status, form.npi_status
        layout.addWidget(form)
        self.prescriber_error = error_label()
        layout.addWidget(self.prescriber_error)
        row = QHBoxLayout()
        self.save_prescriber_button = QPushButton(self.tr("Sa&ve Prescriber Info"))
        self.save_prescriber_button.clicked.connect(self.save_prescriber)
        self.discard_draft_button = QPushButton(self.tr("&Discard the draft"))
        self.discard_draft_button.clicked.connect(self.discard_draft)
        self.discard_draft_button.setVisible(False)
        row.addStretch(1)
        row.addWidget(self.discard_draft_button)
        row.addWidget(self.save_prescriber_button)
        layout.addLayout(row)
        form.edited.connect(self._validate_fields)
        return box

    def _validate_fields(self, *_: object) -> None:
        # Compared with the copy read at load/save/change: this runs on every keystroke.
        ok = self.prescriber_form.is_valid()
        info = self.prescriber_form.valid_info() if ok else None
        self.save_prescriber_button.setEnabled(ok and info != self._saved_prescriber)

    # A lock (Ctrl+L, auto-lock, session lock) with unsaved Prescriber Info keeps it as a draft in the
    # profile's encrypted vault, through the profile service; the next unlock puts it back in the form.
    def has_unsaved_prescriber(self) -> bool:
        return self.prescriber_form.info() != self._saved_prescriber

    def keep_draft(self) -> bool:
        """Store the unsaved form as a draft (called just before the profile closes). True if kept."""
        if not self.has_unsaved_prescriber():
            return False
        self.profile.keep_prescriber_draft(self.prescriber_form.info())
        return True

    def _restore_draft(self) -> None:
        info = self.profile.prescriber_draft()
        if info is None or info == self._saved_prescriber:
            return
        self.prescriber_form.set_info(info)
        self._validate_fields()
        self.discard_draft_button.setVisible(True)
        show_message(
            self.prescriber_error,
            self.tr(
                "Your unsaved Prescriber Info from before the lock is back: save it, or discard the draft."
            ),
            ok=True,
        )

    def _clear_draft(self) -> None:
        self.discard_draft_button.setVisible(False)
        self.profile.clear_prescriber_draft()

    def discard_draft(self) -> None:
        self._clear_draft()
        show_error(self.prescriber_error, "")
        self._load_prescriber()

    def save_prescriber(self) -> None:
        try:
            self.profile.set_prescriber(self.prescriber_form.info())
        except EpcsError as exc:
            show_error(self.prescriber_error, user_message(exc))
            return
        self._clear_draft()
        show_error(self.prescriber_error, "")
        self._load_prescriber()
        self.message.emit(self.tr("Prescriber Info saved"))

    def _load_prescriber(self) -> None:
        info = self.profile.prescriber()
        self._saved_prescriber = info
        self.prescriber_form.set_info(info)
        self._validate_fields()

    def _update_primary_note(self) -> None:
        """Say it plainly where it matters: a primary device whose codes come from this computer."""
        primary = self.model.primary()  # from the table's read, not another one
        here = primary is not None and primary.option is DeviceOption.GENERATOR_HERE
        self.primary_note.setText(
            self.tr("Your primary device generates its codes on this computer. {notice}").format(
                notice=compliance_text()
            )
            if here
            else ""
        )
        self.primary_note.setVisible(here)

    # -- refresh (from the profile's events, through ui.bridge) ----------------------------
    def on_devices_changed(self) -> None:
        """After a device event: the table applied it itself (`DeviceTableModel.apply`); the note follows."""
        self._update_primary_note()

    def on_identity_changed(self) -> None:
        self.identity_label.setText(self._identity_html())

    def on_prescriber_changed(self) -> None:
        """The saved copy may have changed elsewhere; the form keeps what the user is typing."""
        try:
            self._saved_prescriber = self.profile.prescriber()
        except EpcsError:
            log.debug("prescriber not readable during a change")
        self._validate_fields()

    def on_profile_changed(self) -> None:
        """Everything (a restore)."""
        self.on_identity_changed()
        self.model.reload()  # row by row, never a reset: the selection stays
        self.on_devices_changed()
        self.on_prescriber_changed()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
