"""The start / lock screen: choose a clinician profile and unlock it, or create one.

Unlocking runs the vault's key derivation (~0.2 s on purpose) on a worker so
the window stays responsive. After repeated wrong passwords the Unlock button
waits a little longer each time (1, 2, 4 … 30 s), which slows guessing at the
keyboard without ever locking a clinician out. Nothing here is modal: the
window can always be left by Quit, by choosing another profile, or by
creating a new one.

With no profile on the workstation (a first run) there is nothing to unlock,
so the page shows a welcome with "Create a profile" as the focused default
button, and the front desk's hand-over, instead of a password field that
could never be used.

This module is on the first paint's path: it imports no vault, profile or
rules module (the store only lists file names until a profile is opened).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.activity import event
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError, WrongPasswordError
from epcs_desktop.core.i18n import N_
from epcs_desktop.ui import theme
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.tasks import TaskHandle, busy, run_in_background, user_message
from epcs_desktop.ui.widgets.password_entry import ExistingPasswordField, PasswordEntry

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.profiles import ProfileStore

log = logging.getLogger(__name__)

MAX_DELAY_S = 30


def failure_delay(failures: int) -> int:
    """Seconds to wait before the next try: none for the first miss, then 1, 2, 4 … 30."""
    if failures < 2:
        return 0
    return min(MAX_DELAY_S, 1 << (failures - 2))


class StartWindow(QMainWindow):
    """Profile chooser, unlock and create; emits `unlocked(profile)`."""

    unlocked = Signal(object)
    settings_requested = Signal()
    handover_requested = Signal()

    def __init__(
        self, store: ProfileStore, demo_password: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.demo_password = demo_password
        self.failures: dict[str, int] = {}
        self.dialog: QDialog | None = None
        self.busy = False
        self.task: TaskHandle | None = None
        self.setObjectName("startWindow")
        # Qt adds " — EPCS Desktop" itself (the application display name) where the platform shows
        # the app's name in titles; repeating it read "EPCS Desktop — Unlock — EPCS Desktop".
        self.setWindowTitle(self.tr("Unlock"))
        self.setWindowIcon(theme.app_icon())
        self.resize(560, 460)
        self._build_menu()  # first: the first-run view offers the menu's hand-over entry too
        self.pages = QStackedWidget()
        self.unlock_page = self._build_unlock_page()
        self.create_page = self._build_create_page()
        self.pages.addWidget(self.unlock_page)
        self.pages.addWidget(self.create_page)
        self.setCentralWidget(self.pages)
        self.delay_timer = QTimer(self)
        self.delay_timer.setSingleShot(True)
        self.delay_timer.timeout.connect(self._delay_over)
        # The wait after wrong passwords counts down on screen, once a second.
        self.wait_left = 0
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._count_down)
        # Wrong passwords per profile since its last unlock: (count, time of the last). Written to the
        # profile's activity log at the next unlock (a locked vault cannot be written); never the text.
        self.failed_tries: dict[str, tuple[int, float]] = {}
        self.clock: Clock = store.clock  # the context's, through the store
        self.reload_profiles()
        self.focus_default()

    # -- menu ------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        new = menu.addAction(self.tr("&New profile…"))
        theme.set_icon(new, "add")
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.show_create)
        handover = menu.addAction(self.tr("Set up a profile for a &clinician (front desk)…"))
        handover.triggered.connect(self.handover_requested)
        self.handover_action = handover
        settings = menu.addAction(self.tr("&Settings…"))
        theme.set_icon(settings, "settings")
        settings.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        settings.triggered.connect(self.settings_requested)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quit"))
        theme.set_icon(quit_action, "quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(QCoreApplication.quit)

    # -- unlock page -------------------------------------------------------------------------
    def _build_unlock_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.first_run = self._build_first_run()
        self.unlock_view = QWidget()
        view = QVBoxLayout(self.unlock_view)
        view.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Choose your profile"))
        title.setObjectName("paneTitle")
        intro = QLabel(
            self.tr(
                "Each clinician on this workstation has a profile of their own, encrypted with their "
                "password."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.profile_list = QListWidget()
        self.profile_list.setAccessibleName(self.tr("Profiles"))
        self.profile_list.currentRowChanged.connect(self._profile_changed)
        self.password = ExistingPasswordField(
            accessible_name=self.tr("Profile password"), placeholder=self.tr("Profile password")
        )
        self.profile_list.itemActivated.connect(lambda _i: self.password.setFocus())
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        theme.set_icon(self.unlock_button, "lock", "highlight_text")
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_error = error_label()
        self.unlock_status = QLabel()
        self.unlock_status.setObjectName("hint")
        self.new_button = QPushButton(self.tr("&New profile…"))
        theme.set_icon(self.new_button, "add")
        self.new_button.clicked.connect(self.show_create)
        quit_button = QPushButton(self.tr("&Quit"))
        theme.set_icon(quit_button, "quit")
        quit_button.clicked.connect(QCoreApplication.quit)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(quit_button)
        view.addWidget(title)
        view.addWidget(intro)
        view.addWidget(self.profile_list, 1)
        view.addLayout(row)
        view.addWidget(self.unlock_error)
        view.addWidget(self.unlock_status)
        layout.addWidget(self.first_run, 1)
        layout.addWidget(self.unlock_view, 1)
        if self.demo_password:
            demo = QLabel(self.tr("Demo profile password: %1").replace("%1", self.demo_password))
            demo.setObjectName("notice")
            layout.addWidget(demo)
        layout.addLayout(bottom)
        return page

    def _build_first_run(self) -> QWidget:
        """No profile yet: a welcome, "Create a profile" (default) and the front desk's hand-over."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("No profile on this workstation yet"))
        self.empty_label.setObjectName("paneTitle")
        self.empty_label.setWordWrap(True)
        welcome = QLabel(
            self.tr(
                "Welcome to EPCS Desktop. Each clinician keeps their ID.me devices and code generators "
                "in a profile of their own, encrypted with their password. Create yours to get started; "
                "you choose its password."
            )
        )
        welcome.setWordWrap(True)
        welcome.setObjectName("hint")
        self.create_first_button = QPushButton(self.tr("Create a &profile"))
        theme.set_icon(self.create_first_button, "add", "highlight_text")
        self.create_first_button.setObjectName("primaryButton")
        self.create_first_button.setDefault(True)
        self.create_first_button.clicked.connect(self.show_create)
        buttons = QVBoxLayout()
        buttons.addWidget(self.create_first_button)
        self.handover_button: QPushButton | None = None
        if getattr(self, "handover_action", None) is not None:  # offered only where the menu has it
            self.handover_button = QPushButton(self.handover_action.text())
            self.handover_button.clicked.connect(self.handover_requested)
            buttons.addWidget(self.handover_button)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addStretch(1)
        layout.addWidget(self.empty_label)
        layout.addWidget(welcome)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)
        return box

    def reload_profiles(self, select: str | None = None) -> None:
        current = select or (
            self.profile_list.currentItem().text() if self.profile_list.currentItem() else None
        )
        self.profile_list.clear()
        names = self.store.list()
        for name in names:
            item = QListWidgetItem(theme.icon("profile"), name)
            self.profile_list.addItem(item)
        row = names.index(current) if current in names else 0
        if names:
            self.profile_list.setCurrentRow(row)
        has = bool(names)
        self.first_run.setVisible(not has)
        self.unlock_view.setVisible(has)
        self.new_button.setVisible(has)  # the first-run view has its own, primary, create button
        self.unlock_button.setDefault(has)
        self.create_first_button.setDefault(not has)
        self.password.setEnabled(has)
        self._update_unlock_enabled()

    def has_profiles(self) -> bool:
        return self.unlock_view.isVisibleTo(self)

    def focus_default(self) -> None:
        """Where typing should go: the password, or "Create a profile" on a first run."""
        (self.password if self.has_profiles() else self.create_first_button).setFocus()

    def selected_profile(self) -> str | None:
        item = self.profile_list.currentItem()
        return item.text() if item else None

    def show_lock_reason(self, reason: str) -> None:
        """Why the profile locked by itself (auto-lock, session lock); cleared by the next action."""
        self.unlock_status.setText(reason)

    def _profile_changed(self, _row: int) -> None:
        self.password.clear()
        show_error(self.unlock_error, "")
        self.unlock_status.setText("")
        self._update_unlock_enabled()

    def _update_unlock_enabled(self) -> None:
        self.unlock_button.setEnabled(
            bool(self.selected_profile()) and not self.busy and not self.delay_timer.isActive()
        )

    def unlock(self) -> None:
        name = self.selected_profile()
        if name and self.delay_timer.isActive():  # Enter during the wait: say so, do not swallow it
            show_error(self.unlock_error, self._wait_text(self.wait_left, pressed=True))
            return
        if not name or self.busy:
            return
        password = self.password.text()
        if not password:
            show_error(self.unlock_error, self.tr("Type the password of this profile."))
            return
        self.busy = True
        self._update_unlock_enabled()
        store = self.store
        # A profile on a temporary password opens here too: the controller then makes the
        # clinician choose their own before anything else (the CLI refuses it outright).
        self.task = run_in_background(
            self,
            lambda: store.open(name, password, allow_temporary=True),
            lambda profile: self._unlock_done(name, profile),
            lambda exc: self._unlock_failed(name, exc),
            busy=busy(self.unlock_view, self.tr("Unlocking…"), status=self.unlock_status),
        )

    def _unlock_done(self, name: str, profile: Profile) -> None:
        self.busy = False
        self.failures.pop(name, None)
        self._log_failed_tries(name, profile)
        self.password.clear()
        show_error(self.unlock_error, "")
        self._update_unlock_enabled()
        log.info("profile unlocked")
        self.unlocked.emit(profile)

    def _unlock_failed(self, name: str, exc: BaseException) -> None:
        self.busy = False
        self.password.clear()
        if isinstance(exc, WrongPasswordError):
            n = self.failures.get(name, 0) + 1
            self.failures[name] = n
            count = self.failed_tries.get(name, (0, 0.0))[0] + 1
            self.failed_tries[name] = (count, self.clock.now())
            delay = failure_delay(n)
            text = self.tr("Wrong password. Try again.")
            if delay:
                self.wait_left = delay
                self.delay_timer.start(delay * 1000)
                self.countdown.start()
                text = self._wait_text(delay)
            show_error(self.unlock_error, text)
        else:
            show_error(self.unlock_error, user_message(exc))
        self._update_unlock_enabled()
        self.password.setFocus()

    def _delay_over(self) -> None:
        # The message stays (the last try DID fail), now saying the wait is over.
        self.countdown.stop()
        self.wait_left = 0
        if self.unlock_error.isVisible():
            show_error(self.unlock_error, self.tr("Wrong password. You can try again now."))
        self._update_unlock_enabled()

    def _count_down(self) -> None:
        self.wait_left = max(0, self.wait_left - 1)
        if self.wait_left and self.unlock_error.isVisible():
            show_error(self.unlock_error, self._wait_text(self.wait_left))

    def _wait_text(self, seconds: int, *, pressed: bool = False) -> str:
        """The wait in words, with a real plural (no "second(s)")."""
        if pressed:
            if seconds == 1:
                return self.tr("Wrong password. Please wait 1 more second before trying again.")
            return self.tr("Wrong password. Please wait %n more seconds before trying again.", "", seconds)
        if seconds == 1:
            return self.tr("Wrong password. You can try again in 1 second.")
        return self.tr("Wrong password. You can try again in %n seconds.", "", seconds)

    def _log_failed_tries(self, name: str, profile: Profile) -> None:
        """Wrong passwords since the last unlock go into the profile's activity log: count and time only."""
        count, last = self.failed_tries.pop(name, (0, 0.0))
        if not count:
            return
        when = dt.datetime.fromtimestamp(last).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if count == 1:
            failed = event(N_("1 wrong password before this unlock, at {when}."), when=when)
        else:
            failed = event(
                N_("{count} wrong passwords before this unlock; the last at {when}."), count=count, when=when
            )
        try:
            profile.log_activity("failed unlocks", failed)
        except EpcsError:
            log.warning("failed unlocks not recorded in the activity log", exc_info=True)

    # -- create page -------------------------------------------------------------------------
    def _build_create_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("New profile"))
        title.setObjectName("paneTitle")
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("e.g. Dr. Lee"))
        self.new_name.setMaxLength(64)
        self.create_error = error_label()
        self.password_entry = PasswordEntry(
            policy=self.store.policy,
            password_label=self.tr("&Password:"),
            confirm_label=self.tr("&Repeat password:"),
            accessible_name=self.tr("Password"),
            error=self.create_error,
        )
        self.new_password, self.new_password2 = self.password_entry.password, self.password_entry.confirm
        self.strength = self.password_entry.strength_label
        # One label column for name and passwords (issue 22 #10: two forms left their fields misaligned).
        self.password_entry.form.insertRow(0, self.tr("Profile &name:"), self.new_name)
        warning = QLabel(
            self.tr(
                "Write your password down somewhere safe. A forgotten password cannot be recovered: "
                "nobody, not even support, can open the profile without it."
            )
        )
        warning.setWordWrap(True)
        warning.setObjectName("notice")
        self.create_button = QPushButton(self.tr("&Create profile"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.clicked.connect(self.create_profile)
        self.password_entry.submitted.connect(self.create_profile)
        back = QPushButton(self.tr("&Back"))
        back.clicked.connect(self.show_unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addWidget(title)
        layout.addWidget(self.password_entry)
        layout.addWidget(warning)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def show_create(self) -> None:
        self.new_name.clear()
        self.password_entry.clear()
        self.pages.setCurrentWidget(self.create_page)
        self.new_name.setFocus()

    def show_unlock(self, select: str | None = None) -> None:
        self.pages.setCurrentWidget(self.unlock_page)
        self.reload_profiles(select)
        self.focus_default()

    def create_profile(self) -> None:
        if self.busy:
            return
        name = self.new_name.text()
        password = self.password_entry.checked()  # core.passwords: the CLI's rule and words
        if password is None:
            return
        try:
            self.store.check_new_name(name)  # core's rule and words, as `profile create` says them
        except EpcsError as exc:
            show_error(self.create_error, user_message(exc))
            return
        self.busy = True
        store = self.store
        self.task = run_in_background(
            self,
            lambda: store.create(name, password),
            self._created,
            self._create_failed,
            busy=busy(self.create_page),
        )

    def _created(self, profile: Profile) -> None:
        self.busy = False
        self.password_entry.clear()
        self.show_unlock(profile.name)
        self.unlocked.emit(profile)

    def _create_failed(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self.create_error, user_message(exc))
