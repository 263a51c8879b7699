"""The main window: the eRx Info companion and the code generator, side by side.

The window is a thin frame: it wires the profile's change notifications to
both panes, owns the menus and shortcuts, and remembers its geometry and
splitter position (window geometry is machine state, so QSettings in the data
folder is fine for it; product settings live in the vault).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from epcs_desktop import APP_NAME, __version__
from epcs_desktop.core.clock import Clock
from epcs_desktop.ui import theme
from epcs_desktop.ui.bridge import ProfileBridge
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.codes_pane import CodesPane
from epcs_desktop.ui.dialogs import HelpDialog, SettingsDialog, compliance_box
from epcs_desktop.ui.erx_pane import ErxPane
from epcs_desktop.ui.ticker import Ticker

log = logging.getLogger(__name__)

STATUS_MS = 6000


class MainWindow(QMainWindow):
    """Emits `lock_requested` and `switch_requested`; the app controller does the work."""

    lock_requested = Signal()
    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        profile: Any,
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
        self.dialog: Any = None
        self._settings_cache: dict[str, Any] = profile.settings()
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", profile.name).replace("%2", APP_NAME))
        self.setWindowIcon(theme.app_icon())

        self.erx = ErxPane(profile, lambda: self._settings_cache)
        self.codes = CodesPane(
            profile,
            clock,
            ticker,
            guard,
            lambda: int(self._settings_cache.get("clipboard_clear_seconds", 30)),
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.erx)
        self.splitter.addWidget(self.codes)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setHandleWidth(1)
        self.setCentralWidget(self.splitter)
        self.erx.setContentsMargins(8, 8, 4, 8)
        self.codes.setContentsMargins(4, 8, 8, 8)

        self.erx.message.connect(self.show_message)
        self.codes.message.connect(self.show_message)
        self.codes.add_requested.connect(self.add_code_generator)

        self.bridge = ProfileBridge(profile, self)
        self.bridge.changed.connect(self.on_profile_changed)

        self._build_menus()
        self.statusBar().showMessage(self.tr("Unlocked “%1”").replace("%1", profile.name), STATUS_MS)
        self._restore_geometry()
        self._install_trust_features()

    # -- menus -----------------------------------------------------------------------------
    def _action(self, icon: str | None, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
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
            self._action("phone", self.tr("&Record another device…"), self.erx.record_other_device)
        )
        file_menu.addSeparator()
        self.backup_action = self._action("shield", self.tr("&Back up now…"), self.backup_now)
        file_menu.addAction(self.backup_action)
        self.restore_action = self._action(None, self.tr("R&estore from backup…"), self.restore_backup)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "settings",
                self.tr("&Settings…"),
                self.open_settings,
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma),
            )
        )
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
        file_menu.addAction(
            self._action("quit", self.tr("&Quit"), self.quit_requested.emit, QKeySequence.StandardKey.Quit)
        )

        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self._action("phone", self.tr("&Change-phone guide…"), self.erx.show_change_guide))
        tools.addAction(self._action("add", self.tr("&Practice enrollment…"), self.open_practice))
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
        help_menu.addAction(self._action(None, self.tr("&About EPCS Desktop"), self.show_about))
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_action)
        toolbar.addAction(self.lock_action)

    # -- actions -------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def add_code_generator(self) -> None:
        """Open the enrollment wizard; imported only now so start-up never loads OpenCV or Pillow."""
        from epcs_desktop.ui.wizard import EnrollWizard

        wizard = EnrollWizard(self.profile, self, clock=self.clock)
        self.dialog = wizard
        wizard.open()

    def open_practice(self) -> None:
        """Front desk: a practice run of ID.me's enrollment (imported on demand: it draws QR codes)."""
        from epcs_desktop.ui.frontdesk import PracticeDialog

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

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save setup sheet"), f"{self.profile.name} setup sheet.pdf", self.tr("PDF (*.pdf)")
        )
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

        self.clock_status = ClockStatus(self, lambda: str(self._settings_cache.get("ntp_server", "")))
        self.backup_reminder = BackupReminder(self, self.profile, self.clock)
        self.bridge.changed.connect(self.backup_reminder.refresh)

    def backup_now(self) -> None:
        from epcs_desktop.ui.backup_dialogs import open_backup

        open_backup(self)

    def restore_backup(self) -> None:
        from epcs_desktop.ui.backup_dialogs import open_restore

        open_restore(self)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.profile, self)
        self.dialog = dialog
        dialog.open()

    def show_compliance(self) -> None:
        self.dialog = compliance_box(self)
        self.dialog.open()

    def show_compliance_help(self) -> None:
        self.dialog = HelpDialog(self.tr("Compliance notice"), "compliance", self)
        self.dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About EPCS Desktop"),
            self.tr("%1 %2\nMFA companion and code generator for DrChrono EPCS with ID.me.")
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    def on_profile_changed(self) -> None:
        try:
            self._settings_cache = self.profile.settings()
        except Exception:  # the vault may be closing; the next change refreshes
            log.debug("settings not readable during a change")
        self.erx.on_profile_changed()
        self.codes.reload()

    def current_settings(self) -> dict[str, Any]:
        return self._settings_cache

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
