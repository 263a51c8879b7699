"""The application's states: locked (start window) and unlocked (main window).

One object owns the transitions so that locking is complete: every window
that could show a code is closed, the clipboard is cleared if it still holds
our code, the profile's vault is closed (its key leaves memory with it), and
the start window comes back with the same profile selected. Auto-lock after
the profile's idle time is checked on each Ticker tick.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from epcs_desktop.core.activity import event
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.i18n import N_
from epcs_desktop.ui import theme
from epcs_desktop.ui.clipboard import ClipboardGuard
from epcs_desktop.ui.session_watch import SessionWatch, idle_clock
from epcs_desktop.ui.start import StartWindow
from epcs_desktop.ui.ticker import Ticker

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.profiles import ProfileStore
    from epcs_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NOTICE_ACTION = "compliance notice shown"
LAST_PROFILE_KEY = "start/last_profile"  # preselected on the lock screen (window.ini, like the geometry)
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class AppController(QObject):
    """Locked ⇄ unlocked. `main_window` is None while locked."""

    locked = Signal()
    unlocked = Signal(object)

    def __init__(
        self,
        store: ProfileStore,
        clock: Clock,
        *,
        window_settings: QSettings | None = None,
        demo_password: str | None = None,
        show_notice: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock  # the context's (ui/app.py builds it once)
        self.ticker = Ticker(self.clock, self)
        self.guard = ClipboardGuard(self)
        self.show_notice = show_notice
        self.window_settings = window_settings or QSettings(
            str(store.data_dir / "window.ini"), QSettings.Format.IniFormat
        )
        self.profile: Profile | None = None
        self.main_window: MainWindow | None = None
        self.start_window = StartWindow(store, demo_password=demo_password)
        self.start_window.unlocked.connect(self.open_profile)
        self.start_window.settings_requested.connect(self._locked_settings)
        self.start_window.handover_requested.connect(self._handover)
        last = self.window_settings.value(LAST_PROFILE_KEY)
        if isinstance(last, str) and last:
            self.start_window.reload_profiles(last)  # the clinician who used this computer last
        self.last_input = idle_clock()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            from epcs_desktop.ui.keys import install as enter_presses_buttons

            enter_presses_buttons(app)  # Enter on a focused button clicks it in every window
            app.aboutToQuit.connect(self.shutdown)
        self.ticker.tick.connect(self._check_idle)
        self.ticker.start()
        self.tray: QSystemTrayIcon | None = None
        self._make_tray()
        from epcs_desktop.ui.tray import CloseToTray

        self.close_to_tray = CloseToTray(self.window_settings, lambda: self.tray, self)
        self.close_to_tray.watch(self.start_window)
        # Screen lock, user switch, sleep: subscribed at the first unlock (nothing to protect before).
        self.session_watch = SessionWatch(self)
        self.session_watch.lock_requested.connect(self.session_lock)

    # -- states ----------------------------------------------------------------------------
    def show_start(self) -> None:
        self.start_window.show()
        self.start_window.raise_()
        self.start_window.activateWindow()

    def open_profile(self, profile: Profile) -> MainWindow | None:
        """Show the main window for an unlocked profile (None: a required password change was refused)."""
        if self.profile is not None:
            self.lock()
        if not self._password_change_done(profile):
            profile.close()
            self.start_window.show_unlock(profile.name)
            return None
        self.profile = profile
        self.window_settings.setValue(LAST_PROFILE_KEY, profile.name)  # a file name already, not a secret
        self.last_input = idle_clock()
        # Imported here, not at the top: the lock screen's first paint does not wait for the main
        # window's modules (ui.app warms them right after that paint).
        from epcs_desktop.ui.main_window import MainWindow

        window = MainWindow(profile, self.clock, self.ticker, self.guard, self.window_settings)
        window.lock_requested.connect(self.lock)
        window.switch_requested.connect(self.switch_profile)
        window.quit_requested.connect(self.quit)
        self.close_to_tray.watch(window)
        self.main_window = window
        window.show()
        self.start_window.hide()
        self._update_tray()
        if not self.session_watch.sources:
            self.session_watch.start(self.start_window)
        self.unlocked.emit(profile)
        if self.show_notice:
            QTimer.singleShot(0, self._maybe_show_notice)
        return window

    def _password_change_done(self, profile: Profile) -> bool:
        """A profile the front desk handed over must get the clinician's own password first.

        The start window opens such a profile with `allow_temporary=True` (core
        refuses it otherwise, as the CLI does); nothing of it is shown until
        `profile.replace_temporary_password` succeeded.
        """
        if not profile.requires_new_password:
            return True
        from epcs_desktop.ui.frontdesk import require_new_password_if_needed

        return require_new_password_if_needed(profile, self.start_window)

    def _maybe_show_notice(self) -> None:
        """The hard-token notice, once per profile (remembered in the vault's activity log)."""
        if self.profile is None or self.main_window is None:
            return
        if any(e.action == NOTICE_ACTION for e in self.profile.activity()):
            return
        self.profile.log_activity(NOTICE_ACTION, event(N_("The EPCS hard-token notice was shown.")))
        from epcs_desktop.ui.dialogs import compliance_box  # not at the top: ui.dialogs loads the eRx rules

        box = compliance_box(self.main_window)
        self.main_window.dialog = box
        box.open()

    def lock(self, reason: str = "") -> None:
        """Close every window showing a code, clear our clipboard, close the vault.

        `reason` (auto-lock, session lock) is shown on the lock screen: a window that vanished
        by itself must say why, or a clinician thinks the program crashed.
        """
        self.guard.expire()
        window = self.main_window
        name = self.profile.name if self.profile is not None else None
        if window is not None:
            window.save_geometry()
            if window.keep_drafts() and isinstance(reason, str):
                kept = self.tr("Your unsaved Prescriber Info was kept as a draft.")
                reason = f"{reason} {kept}".strip()
            window.detach()
            window.removeEventFilter(self.close_to_tray)  # locking really closes it
            for w in QApplication.topLevelWidgets():
                if w is not self.start_window and w.isVisible() and w is not window:
                    w.close()
            window.close()
            window.deleteLater()
            self.main_window = None
        if self.profile is not None:
            try:
                self.profile.close()
            except Exception:
                log.exception("closing the profile failed")
            self.profile = None
        log.info("locked")
        self.start_window.show_unlock(name)
        self.start_window.show_lock_reason(reason if isinstance(reason, str) else "")  # (bool from triggered)
        self.show_start()
        self._update_tray()
        self.locked.emit()

    def switch_profile(self) -> None:
        self.lock()
        self.start_window.profile_list.setFocus()

    def quit(self) -> None:
        QApplication.quit()

    def shutdown(self) -> None:
        """On quit: take our code off the clipboard and close the vault cleanly."""
        self.guard.expire()
        if self.main_window is not None:
            self.main_window.save_geometry()
            self.main_window.detach()
        if self.profile is not None:
            try:
                self.profile.close()
            except Exception:
                log.exception("closing the profile failed")
            self.profile = None
        if self.tray is not None:
            self.tray.hide()
        self.session_watch.stop()
        # Written now, not by a destructor: the process may end without one (ui.app.end_process).
        self.window_settings.sync()

    def _handover(self) -> None:
        """Front desk sets up a profile for a clinician, who picks their own password at first unlock."""
        from epcs_desktop.ui.frontdesk import HandOverDialog

        dialog = HandOverDialog(self.store, self.start_window)
        self.start_window.dialog = dialog
        dialog.finished.connect(lambda _r: self.start_window.show_unlock(dialog.created_name))
        dialog.open()

    def _locked_settings(self) -> None:
        QMessageBox.information(
            self.start_window,
            self.tr("Settings"),
            self.tr(
                "Settings are kept in each profile, encrypted: unlock a profile and choose "
                "File > Settings. Profiles on this workstation are stored in:\n%1"
            ).replace("%1", str(self.store.data_dir)),
        )

    # -- auto-lock -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = idle_clock()
        return False

    def _check_idle(self, _now: float) -> None:
        if self.main_window is None:
            return
        minutes = self.main_window.current_settings().auto_lock_minutes
        if minutes > 0 and idle_clock() - self.last_input > minutes * 60:
            log.info("auto-lock after %d idle minutes", minutes)
            self.lock(
                self.tr("Locked after %n minutes without use.", "", minutes)
                if minutes != 1
                else self.tr("Locked after 1 minute without use.")
            )

    # -- tray ------------------------------------------------------------------------------
    def _make_tray(self) -> None:
        """The tray menu always exists (tests use it); the icon only where a system tray does."""
        menu = QMenu()
        self.tray_copy = menu.addAction(self.tr("Copy primary device's code"))
        theme.set_icon(self.tray_copy, "copy")
        self.tray_copy.triggered.connect(self._tray_copy_code)
        menu.addAction(self.tr("Show")).triggered.connect(self._show_current)
        self.tray_lock = menu.addAction(self.tr("Lock"))
        theme.set_icon(self.tray_lock, "lock")
        self.tray_lock.triggered.connect(self.lock)
        menu.addSeparator()
        menu.addAction(self.tr("Quit")).triggered.connect(self.quit)
        self.tray_menu = menu
        self.tray_notice = ""
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(theme.app_icon(), self)
            tray.setToolTip("EPCS Desktop")
            tray.setContextMenu(menu)
            tray.activated.connect(self._tray_activated)
            tray.show()
            self.tray = tray
        self._update_tray()

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._show_current()

    def _update_tray(self) -> None:
        unlocked = self.main_window is not None
        self.tray_copy.setEnabled(unlocked)  # a primary that is not held here gets a message instead
        self.tray_lock.setEnabled(unlocked)

    def _tray_copy_code(self) -> None:
        if self.main_window is None or self.main_window.codes.copy_primary():
            self.tray_notice = ""
            return
        self.tray_notice = self.tr("The primary device's codes are not generated here.")
        if self.tray is not None:
            self.tray.showMessage("EPCS Desktop", self.tray_notice)

    def session_lock(self, reason: str) -> None:
        """The desktop session locked, switched user or is going to sleep: lock if unlocked."""
        if self.main_window is not None:
            log.info("locking: %s", reason)
            self.lock(self.tr("Locked because this computer's session was locked or went to sleep."))

    def bring_forward(self) -> None:
        """Another launch of the program asked for this one (ui/single_instance)."""
        self._show_current()

    def _show_current(self) -> None:
        window: QWidget = self.main_window if self.main_window is not None else self.start_window
        window.show()
        window.raise_()
        window.activateWindow()
