"""The main window: the eRx Info companion and the code generator, side by side.

The window is a thin frame: it wires the profile's change notifications to
both panes, owns the menus and shortcuts, and remembers its geometry and
splitter position (window geometry is machine state, so QSettings in the data
folder is fine for it; product settings live in the vault).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QSplitter, QWidget

from epcs_desktop import APP_NAME, __version__
from epcs_desktop.core import events as ev
from epcs_desktop.core import platform
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui import theme
from epcs_desktop.ui.bridge import bridge_for
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.codes_pane import CodesPane
from epcs_desktop.ui.dialogs import SettingsDialog, compliance_box
from epcs_desktop.ui.erx_pane import ErxPane
from epcs_desktop.ui.ticker import Ticker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.generator import Generator
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.settings import Settings
    from epcs_desktop.ui.wizard import EnrollWizard

log = logging.getLogger(__name__)

STATUS_MS = 6000


class MainWindow(QMainWindow):
    """Emits `lock_requested` and `switch_requested`; the app controller does the work."""

    lock_requested = Signal()
    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        profile: Profile,
        clock: Clock,
        ticker: Ticker,
        guard: ClipboardGuard,
        window_settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.profile = profile
        self.clock = clock
        self.window_settings = window_settings
        self.dialog: QDialog | None = None  # the dialog open from this window (tests reach it here)
        self.bridge = bridge_for(profile)  # the profile's one event adapter, shared with every dialog
        self._settings = profile.settings  # typed (core.settings.Settings), re-read on SettingsChanged
        self.setWindowTitle(profile.name)  # Qt adds " — EPCS Desktop" (the application display name)
        self.setWindowIcon(theme.app_icon())

        from epcs_desktop.ui.clock_status import install_banner_area

        # Built top-down: the splitter is in the window (under the banners' column) before the panes
        # are made inside it. Building the panes first and parenting them afterwards re-parents the
        # whole built tree at each level, and every re-parent re-polishes it and re-sizes the device
        # table's columns (issue 14: ~25 ms of the main window's ~110 ms for 1,000 devices).
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        install_banner_area(self, self.splitter)
        self.erx = ErxPane(profile, self.current_settings, self.splitter, clock=clock)
        self.codes = CodesPane(
            profile,
            clock,
            ticker,
            guard,
            lambda: self._settings.clipboard_clear_seconds,
            self.splitter,
        )
        self.splitter.addWidget(self.erx)  # already in it (QSplitter adds child widgets): keeps the order
        self.splitter.addWidget(self.codes)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setHandleWidth(1)
        self.erx.setContentsMargins(8, 8, 4, 8)
        self.codes.setContentsMargins(4, 8, 8, 8)

        self.erx.message.connect(self.show_message)
        self.codes.message.connect(self.show_message)
        self.codes.add_requested.connect(self.add_code_generator)
        from epcs_desktop.ui.picture_drop import PictureDrop

        # Ctrl+V of a QR picture or a copied file, or a file dropped on the window: enroll or import.
        self.picture_drop = PictureDrop(self, self.add_code_generator, self.show_message)

        # Each view refreshes from the events that concern it (a restore fires them all).
        self.bridge.devices_changed.connect(self.on_devices_changed)
        self.bridge.prescriber_changed.connect(self.erx.on_prescriber_changed)
        self.bridge.identity_changed.connect(self.erx.on_identity_changed)
        self.bridge.settings_changed.connect(self.on_settings_changed)

        self._build_menus()
        self.statusBar().showMessage(self.tr("Unlocked “%1”").replace("%1", profile.name), STATUS_MS)
        self._restore_geometry()
        self._install_trust_features()
        self._first_show = True
        self.notes_box: QMessageBox | None = None

    def showEvent(self, event: Any) -> None:
        """First show after unlock: the primary's code gets the focus (Enter copies it), and rows an
        upgrade listed apart are shown once (issue 18)."""
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            QTimer.singleShot(0, self._after_first_show)

    def _after_first_show(self) -> None:
        self.codes.focus_primary()
        notes = list(getattr(self.profile, "upgrade_notes", []) or [])
        if notes:
            self.show_upgrade_notes(notes)

    def show_upgrade_notes(self, notes: list[str]) -> None:
        """Rows the upgrade moved to “Other accounts” (each also in the activity log); not modal."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("ID.me devices and other accounts"))
        box.setText(
            self.tr(
                "This version lists ID.me devices apart from the codes of other accounts. Nothing was "
                "removed; these rows changed place:"
            )
        )
        from epcs_desktop.core.activity import render_detail
        from epcs_desktop.ui.i18n import core_text

        box.setInformativeText("\n\n".join(render_detail(n, core_text) for n in notes))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.notes_box = box
        box.show()

    # -- menus -----------------------------------------------------------------------------
    def _action(self, icon: str | None, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        # No guessing from the text: Qt's heuristics would move a translated "Settings" nowhere on
        # macOS; About/Settings/Quit get their roles explicitly in _build_menus (core/platform.py).
        action.setMenuRole(QAction.MenuRole.NoRole)
        if icon:
            theme.set_icon(action, icon)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.add_action = self._action(
            "add", self.tr("&Add code generator…"), self.add_code_generator, QKeySequence.StandardKey.New
        )
        file_menu.addAction(self.add_action)
        file_menu.addAction(
            self._action("phone", self.tr("&Record a phone or push device…"), self.erx.record_other_device)
        )
        file_menu.addSeparator()
        self.backup_action = self._action("shield", self.tr("&Back up now…"), self.backup_now)
        file_menu.addAction(self.backup_action)
        self.restore_action = self._action(None, self.tr("R&estore from backup…"), self.restore_backup)
        file_menu.addAction(self.restore_action)
        self.export_action = self._action(None, self.tr("E&xport code generators…"), self.export_codes)
        file_menu.addAction(self.export_action)
        file_menu.setToolTipsVisible(True)  # the disabled Export says why (IT turned it off)
        self._update_export_action(self.profile.settings)
        file_menu.addSeparator()
        roles = platform.current().menu_roles()  # macOS: About, Settings, Quit in the app menu
        settings_action = self._action(
            "settings",
            self.tr("&Settings…"),
            self.open_settings,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma),  # Ctrl is Cmd on macOS: Cmd+,
        )
        settings_action.setMenuRole(getattr(QAction.MenuRole, roles["settings"]))
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        self.switch_action = self._action(
            "switch",
            self.tr("S&witch profile…"),
            self.switch_requested.emit,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_P),
        )
        file_menu.addAction(self.switch_action)
        self.lock_action = self._action(
            "lock", self.tr("&Lock"), self.lock_requested.emit, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
        )
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = self._action(
            "quit", self.tr("&Quit"), self.quit_requested.emit, QKeySequence.StandardKey.Quit
        )
        quit_action.setMenuRole(getattr(QAction.MenuRole, roles["quit"]))
        file_menu.addAction(quit_action)

        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self._action("phone", self.tr("&Change-phone guide…"), self.erx.show_change_guide))
        self.practice_action = self._action("add", self.tr("&Practice enrollment…"), self.open_practice)
        self.practice_action.setVisible(not self.profile.settings.disable_practice_mode)  # IT may turn it off
        tools.addAction(self.practice_action)
        tools.addAction(self._action(None, self.tr("&Activity log…"), self.open_activity_log))
        tools.addAction(self._action(None, self.tr("Save &setup sheet (PDF)…"), self.save_setup_sheet))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                "help",
                self.tr("What happens to my MFA when I change my phone?"),
                self.erx.show_change_help,
                QKeySequence.StandardKey.HelpContents,
            )
        )
        help_menu.addAction(self._action("shield", self.tr("&Compliance notice"), self.show_compliance))
        help_menu.addSeparator()
        about_action = self._action(None, self.tr("&About EPCS Desktop"), self.show_about)
        about_action.setMenuRole(getattr(QAction.MenuRole, roles["about"]))
        help_menu.addAction(about_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_action)
        toolbar.addAction(self.lock_action)

    # -- actions -------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def add_code_generator(self) -> EnrollWizard:
        """Open the enrollment wizard and return it (imported now: start-up never loads OpenCV or Pillow)."""
        from epcs_desktop.ui.wizard import EnrollWizard

        wizard = EnrollWizard(self.profile, self, clock=self.clock)
        wizard.accepted.connect(lambda: self.offer_link(list(wizard.added)))
        self.dialog = wizard
        wizard.open()
        return wizard

    def offer_link(self, added: Sequence[Device | Generator]) -> QMessageBox | None:
        """After an import: other accounts were added as code generators only; offer to link one to an
        ID.me device (issue 18). Not modal; "Close" is the default. None: nothing to offer."""
        from epcs_desktop.core.generator import Generator

        others = [g.nickname for g in added if isinstance(g, Generator) and not g.idme]
        if not others:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Other accounts added"))
        box.setText(
            self.tr(
                "Added under “Other accounts”: %1. Their codes are made here, but they are not ID.me "
                "devices and are not in the ID.me device table."
            ).replace("%1", ", ".join(f"“{n}”" for n in others))
        )
        box.setInformativeText(
            self.tr("If one of them is an ID.me device, link it now (or later from its menu).")
        )
        link = box.addButton(self.tr("&Link one to an ID.me device…"), QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        link.clicked.connect(lambda: self._link_one(others))
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.notes_box = box
        box.show()
        return box

    def _link_one(self, nicknames: list[str]) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getItem(
            self,
            self.tr("Link to an ID.me device"),
            self.tr("Which account is an ID.me device?"),
            nicknames,
            0,
            False,
        )
        if not ok:
            return
        model = self.codes.model
        for row in range(model.rowCount()):
            if model.device_at(row).nickname == name:
                self.codes.link_row(row)
                return

    def open_practice(self) -> None:
        """Front desk: a practice run of ID.me's enrollment (imported on demand: it draws QR codes)."""
        from epcs_desktop.ui.frontdesk import PracticeDialog

        if self.profile.settings.disable_practice_mode:  # the practice's policy (or Settings) turned it off
            return

        self.dialog = PracticeDialog(self.profile, self, self.clock)
        self.dialog.open()

    def open_activity_log(self) -> None:
        from epcs_desktop.ui.frontdesk import ActivityLogDialog

        self.dialog = ActivityLogDialog(self.profile, self)
        self.dialog.open()

    def save_setup_sheet(self) -> None:
        """A printable PDF of the profile's devices and prescriber info (no secrets)."""
        from PySide6.QtWidgets import QFileDialog

        from epcs_desktop.core.errors import EpcsError
        from epcs_desktop.ui.file_places import remember, start_path

        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save setup sheet"),
            start_path("sheet", self.tr("%1 setup sheet.pdf").replace("%1", self.profile.name)),
            self.tr("PDF (*.pdf)"),
        )
        remember("sheet", path)
        if not path:
            return
        from epcs_desktop.ui.frontdesk import save_setup_sheet

        try:
            saved = save_setup_sheet(self.profile, path, self.clock)
        except (EpcsError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Save setup sheet"), str(exc))
            return
        self.show_message(self.tr("Setup sheet saved to %1").replace("%1", str(saved)))

    def _install_trust_features(self) -> None:
        """Clock check (status bar, banner when off) and the backup reminder banner (ui/gui-trust)."""
        from epcs_desktop.ui.backup_dialogs import BackupReminder
        from epcs_desktop.ui.clock_status import ClockStatus

        self.clock_status = ClockStatus(  # setting clock_check off: never asks a time server by itself
            self,
            lambda: self._settings.ntp_server,
            clock=self.clock,
            auto=None if self._settings.clock_check else False,
        )
        self.backup_reminder = BackupReminder(self, self.profile, self.clock)
        # Connected through the window (a QObject), so the connection ends when the window does.
        self.bridge.record_changed.connect(self._refresh_reminder)  # last_backup_at
        self.bridge.settings_changed.connect(self._refresh_reminder)  # backup_reminder_days

    def _refresh_reminder(self, *_args: object) -> None:
        self.backup_reminder.refresh()

    def backup_now(self) -> None:
        from epcs_desktop.ui.backup_dialogs import open_backup

        open_backup(self)

    def restore_backup(self) -> None:
        from epcs_desktop.ui.backup_dialogs import open_restore

        open_restore(self)

    def _update_export_action(self, settings: Settings) -> None:
        """File › Export follows the one core rule (core.export.check_export_allowed, issue 15)."""
        from epcs_desktop.core import export
        from epcs_desktop.ui.tasks import user_message

        try:
            export.check_export_allowed(self.profile.policy.current(), settings)
        except EpcsError as exc:
            why = user_message(exc)  # core's sentence, translated (templated ones too)
            self.export_action.setEnabled(False)
            self.export_action.setToolTip(why)
            self.export_action.setStatusTip(why)
            return
        self.export_action.setEnabled(True)
        self.export_action.setToolTip("")
        self.export_action.setStatusTip("")

    def export_codes(self) -> None:
        """File › Export: the secrets leave in a format other apps read (password re-entry, warning)."""
        from epcs_desktop.ui.export_dialog import ExportDialog

        if not self.export_action.isEnabled():  # IT (or Settings) turned exports off; the shortcut too
            return

        dialog = ExportDialog(self.profile, self, clock=self.clock)
        dialog.accepted.connect(
            lambda: self.show_message(self.tr("Exported to %1").replace("%1", str(dialog.written or "")))
        )
        self.dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.profile, self, prefs=self.window_settings)
        self.dialog = dialog
        server_before = self.profile.settings.ntp_server
        dialog.accepted.connect(lambda: self._after_settings(server_before))
        dialog.open()

    def _after_settings(self, server_before: str) -> None:
        """A new time server is asked at once: the clock status must describe the server now chosen."""
        settings = self.profile.settings
        if settings.ntp_server != server_before and settings.clock_check:
            self.clock_status.check_now()

    def show_compliance(self) -> None:
        self.dialog = compliance_box(self)
        self.dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About EPCS Desktop"),
            self.tr("%1 %2\nMFA companion and code generator for DrChrono EPCS with ID.me.")
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    def on_devices_changed(self, _event: ev.ProfileEvent | None = None) -> None:
        """The models applied the event already (they follow the bridge, connected first); the pane's
        note follows them."""
        self.erx.on_devices_changed()

    def on_settings_changed(self, _keys: list[str] | None = None) -> None:
        try:
            self._settings = self.profile.settings
            self.practice_action.setVisible(not self._settings.disable_practice_mode)
            self._update_export_action(self._settings)
        except Exception:  # the vault may be closing; the next change refreshes
            log.debug("settings not readable during a change")

    def on_profile_changed(self) -> None:
        """Re-read and refresh everything (e.g. after a change made by another process)."""
        self.bridge.invalidate()
        self.on_settings_changed()
        self.erx.on_profile_changed()
        self.codes.reload()

    def current_settings(self) -> Settings:
        """The profile's settings as last read (typed: `current_settings().auto_lock_minutes`)."""
        return self._settings

    # -- geometry ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.window_settings.value("main/geometry")
        state = self.window_settings.value("main/splitter")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 800)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([690, 490])

    def save_geometry(self) -> None:
        self.window_settings.setValue("main/geometry", self.saveGeometry())
        self.window_settings.setValue("main/splitter", self.splitter.saveState())
        self.window_settings.sync()

    def detach(self) -> None:
        """Stop listening to the profile before it is closed."""
        self.bridge.detach()

    def keep_drafts(self) -> bool:
        """Unsaved edits are kept (in the vault) before a lock closes the profile; True if any were."""
        try:
            return self.erx.keep_draft()
        except EpcsError:
            log.warning("the unsaved Prescriber Info could not be kept", exc_info=True)
            return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
