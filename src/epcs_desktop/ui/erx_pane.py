"""The eRx Info companion: mirrors DrChrono's Account > Provider Settings > eRx Info tab.

Same three blocks and the same words as DrChrono (Identity Confirmation, ID.me
Device Information with Name · Option · Primary Device, Prescriber Info), so a
clinician can keep the two side by side and see at once whether they agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import (
    US_STATES,
    DeviceOption,
    PrescriberInfo,
    validate_dea,
    validate_npi,
    validate_prescriber,
)
from epcs_desktop.ui import theme
from epcs_desktop.ui.dialogs import (
    HelpDialog,
    IdentityDialog,
    OtherDeviceDialog,
    RemoveDeviceDialog,
    compliance_text,
)
from epcs_desktop.ui.feedback import error_label
from epcs_desktop.ui.models import ROLE_IS_PRIMARY, DeviceTableModel

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
        if primary:
            font.setBold(True)
            painter.setPen(theme.color("ok"))
        else:
            font.setUnderline(True)
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            painter.setPen(theme.color("highlight_text") if selected else theme.color("link"))
        del c
        painter.setFont(font)
        rect: QRect = opt.rect.adjusted(6, 0, -6, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(index.data()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the painted text with its 6 px margins, underlined or bold."""
        size = super().sizeHint(option, index)
        font = QFont(option.font)  # type: ignore[attr-defined]
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

    def __init__(self, profile: Any, settings: Callable[[], dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erxPane")
        self.profile = profile
        self.settings = settings
        self.dialog: Any = None  # the dialog currently open from this pane (tests reach it here)
        self.context_menu: QMenu | None = None  # the row menu last shown (tests trigger its actions)
        self._saved_prescriber: PrescriberInfo | None = None  # as last read from the vault

        title = QLabel(self.tr("eRx Info"))
        title.setObjectName("paneTitle")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self._identity_box())
        layout.addWidget(self._devices_box(), 1)
        layout.addWidget(self._prescriber_box())
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.identity_label.setText(self._identity_html())
        self._load_prescriber()

    # -- Identity Confirmation -------------------------------------------------------
    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity Confirmation"))
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextFormat(Qt.TextFormat.RichText)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.identity_label.linkActivated.connect(self._open_link)
        edit = QPushButton(self.tr("&Edit…"))
        theme.set_icon(edit, "rename")
        edit.setAccessibleName(self.tr("Edit identity confirmation"))
        edit.clicked.connect(self.edit_identity)
        row = QHBoxLayout(box)
        row.addWidget(self.identity_label, 1)
        row.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _identity_html(self) -> str:
        conf = self.profile.identity()
        link_color = theme.colors()["link"]
        link = (
            f'<a style="color:{link_color}" href="setting:epcs_permissions_url">'
            + self.tr("EPCS Permissions Page")
            + "</a>"
        )
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
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Size the content columns from the first rows only: measuring every row of a
        # 1,000-device table made the window take ~0.7 s to appear after unlock.
        header.setResizeContentsPrecision(50)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.primary_delegate = PrimaryDelegate(self.table)
        self.primary_delegate.activated.connect(lambda idx: self.select_primary(idx.row()))
        self.table.setItemDelegateForColumn(DeviceTableModel.COL_PRIMARY, self.primary_delegate)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.remove_requested.connect(self.remove_row)
        self.table.primary_requested.connect(self.select_primary)
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table, 1)

        self.table_error = error_label()
        layout.addWidget(self.table_error)
        self.primary_note = QLabel()
        self.primary_note.setObjectName("notice")
        self.primary_note.setWordWrap(True)
        self.primary_note.setAccessibleName(self.tr("Compliance warning"))
        layout.addWidget(self.primary_note)
        self._update_primary_note()
        buttons = QHBoxLayout()
        other = QPushButton(self.tr("&Record another device…"))
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

    def _show_table_error(self, text: str) -> None:
        self.table_error.setText(text)
        self.table_error.setVisible(bool(text))

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
            self._show_table_error(str(exc))
            return
        self._show_table_error("")
        self.message.emit(self.tr("“%1” is now the primary device").replace("%1", device.nickname))

    def rename_row(self, row: int) -> None:
        idx = self.model.index(row, DeviceTableModel.COL_NAME)
        self.table.setCurrentIndex(idx)
        self.table.edit(idx)

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
        self.dialog = ChangeGuideDialog(self.profile, self)
        self.dialog.show()  # not modal: it is read next to the table it talks about

    def show_change_help(self) -> None:
        """The six steps of DrChrono's help article, as a help page."""
        self.dialog = HelpDialog(
            self.tr("What happens to my MFA when I change my phone?"), "change-phone", self
        )
        self.dialog.show()

    def open_update_mfa(self) -> None:
        self._open_link("setting:idme_security_url")

    def _open_link(self, link: str) -> None:
        if link.startswith("setting:"):
            link = str(self.settings().get(link.removeprefix("setting:"), ""))
        if link:
            QDesktopServices.openUrl(QUrl(link))

    # -- Prescriber Info ----------------------------------------------------------------
    def _prescriber_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Prescriber Info"))
        form = QFormLayout(box)
        self.state = QComboBox()
        self.state.addItem(self.tr("(not set)"), "")
        for code, name in US_STATES:
            self.state.addItem(f"{name} ({code})", code)
        self.license = QLineEdit()
        self.license.setMaxLength(32)
        self.dea = QLineEdit()
        self.dea.setMaxLength(16)
        self.dea.setPlaceholderText(self.tr("two letters and seven digits, e.g. AB1234563"))
        self.npi = QLineEdit()
        self.npi.setMaxLength(16)
        self.npi.setPlaceholderText(self.tr("ten digits"))
        self.dea_status = QLabel()
        self.npi_status = QLabel()
        for status in (self.dea_status, self.npi_status):
            status.setWordWrap(True)
        form.addRow(self.tr("&State:"), self.state)
        form.addRow(self.tr("State &License Number:"), self.license)
        form.addRow(self.tr("&DEA Number:"), self.dea)
        form.addRow("", self.dea_status)
        form.addRow(self.tr("&NPI:"), self.npi)
        form.addRow("", self.npi_status)
        self.prescriber_error = error_label()
        form.addRow(self.prescriber_error)
        self.save_prescriber_button = QPushButton(self.tr("Sa&ve Prescriber Info"))
        self.save_prescriber_button.clicked.connect(self.save_prescriber)
        form.addRow("", self.save_prescriber_button)
        self.dea.textChanged.connect(self._validate_fields)
        self.npi.textChanged.connect(self._validate_fields)
        self.license.textChanged.connect(self._validate_fields)
        self.state.currentIndexChanged.connect(self._validate_fields)
        return box

    def _field_status(self, label: QLabel, text: str, check: Callable[[str], str]) -> bool:
        if not text.strip():
            label.setText("")
            label.setVisible(False)
            return True
        try:
            check(text)
        except EpcsError as exc:
            label.setObjectName("error")
            label.setText(str(exc))
            ok = False
        else:
            label.setObjectName("ok")
            label.setText(self.tr("✓ valid format"))
            ok = True
        label.setVisible(True)
        label.style().unpolish(label)
        label.style().polish(label)
        return ok

    def _form_info(self) -> PrescriberInfo:
        return PrescriberInfo(
            state=str(self.state.currentData() or ""),
            license_number=self.license.text(),
            dea_number=self.dea.text(),
            npi=self.npi.text(),
        )

    def _validate_fields(self, *_: object) -> None:
        ok = self._field_status(self.dea_status, self.dea.text(), validate_dea)
        ok = self._field_status(self.npi_status, self.npi.text(), validate_npi) and ok
        try:
            info = validate_prescriber(self._form_info())
        except EpcsError:
            info = None
        # Compared with the copy read at load/save/change: this runs on every keystroke.
        saved = self._saved_prescriber
        self.save_prescriber_button.setEnabled(ok and info is not None and info != saved)

    def save_prescriber(self) -> None:
        try:
            self.profile.set_prescriber(self._form_info())
        except EpcsError as exc:
            self.prescriber_error.setText(str(exc))
            self.prescriber_error.setVisible(True)
            return
        self.prescriber_error.setVisible(False)
        self._load_prescriber()
        self.message.emit(self.tr("Prescriber Info saved"))

    def _load_prescriber(self) -> None:
        info = self.profile.prescriber()
        self._saved_prescriber = info
        i = self.state.findData(info.state)
        self.state.setCurrentIndex(max(0, i))
        self.license.setText(info.license_number)
        self.dea.setText(info.dea_number)
        self.npi.setText(info.npi)
        self._validate_fields()

    def _update_primary_note(self) -> None:
        """Say it plainly where it matters: a primary device whose codes come from this computer."""
        primary = self.model.primary()  # from the table's read, not another one
        here = primary is not None and primary.option is DeviceOption.GENERATOR_HERE
        self.primary_note.setText(
            self.tr(
                "Your primary device generates its codes on this computer. {notice}"
            ).format(notice=compliance_text())
            if here
            else ""
        )
        self.primary_note.setVisible(here)

    # -- refresh -------------------------------------------------------------------------
    def on_profile_changed(self) -> None:
        """Re-read after every committed change; the prescriber form keeps what the user is typing."""
        self.identity_label.setText(self._identity_html())
        self.model.reload()
        self._update_primary_note()
        try:
            self._saved_prescriber = self.profile.prescriber()  # it may have changed elsewhere
        except EpcsError:
            log.debug("prescriber not readable during a change")
        self._validate_fields()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
