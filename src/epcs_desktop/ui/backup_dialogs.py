"""Back up now, Restore from backup, and the backup reminder banner.

Why these shapes:
- The backup password is typed twice (a typo would make the backup useless
  exactly when it is needed) and gets a strength hint, because the file will
  end up on USB sticks and shared drives where it can be attacked offline.
- Argon2id deliberately costs ~0.2 s and 64 MiB, so it runs on a worker with
  a busy indicator. The snapshot is taken and the bookkeeping written on the
  GUI thread, so the vault connection is never used from two threads at once.
- Restore reads and decrypts first, then shows what would change
  (core.backup.preview_restore), then asks before changing anything. A wrong
  password or a damaged file is an inline message and nothing is touched.

The file dialog is reached through `choose_path(parent, save) -> str`, which
tests replace with a function returning a path (no mock of product code).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core import backup
from epcs_desktop.core.backup import DEFAULT_KDF, FILE_SUFFIX, KdfParams
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.clock_status import Banner, banner_area
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.workers import run_task, user_message

log = logging.getLogger(__name__)

MIN_PASSWORD = 8
PathChooser = Callable[[QWidget, bool], str]


def password_strength(password: str) -> int:
    """0 (too short) .. 3 (strong): a rough guessing-cost estimate from length and character variety.

    Deliberately simple and explainable; its job is to steer people away from
    "password1" toward a long passphrase, not to be a cracking model.
    """
    if len(password) < MIN_PASSWORD:
        return 0
    pool = 0
    pool += 26 if any(c.islower() for c in password) else 0
    pool += 26 if any(c.isupper() for c in password) else 0
    pool += 10 if any(c.isdigit() for c in password) else 0
    pool += 33 if any(not c.isalnum() for c in password) else 0
    effective = min(len(password), 2 * len(set(password)))  # "aaaaaaaa" is not 8 characters' worth
    bits = effective * math.log2(max(pool, 2))
    return 1 if bits < 50 else 2 if bits < 70 else 3


def choose_file(parent: QWidget, save: bool) -> str:
    """The real file dialog (save or open); returns "" when cancelled."""
    title = (
        QCoreApplication.translate("BackupDialog", "Save backup")
        if save
        else QCoreApplication.translate("BackupDialog", "Open backup")
    )
    pattern = QCoreApplication.translate("BackupDialog", "EPCS Desktop backups (*%1);;All files (*)").replace(
        "%1", FILE_SUFFIX
    )
    if save:
        path, _f = QFileDialog.getSaveFileName(parent, title, _default_name(parent), pattern)
        if path and not Path(path).suffix:
            path += FILE_SUFFIX
    else:
        path, _f = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return path


def _default_name(parent: QWidget) -> str:
    name = getattr(getattr(parent, "profile", None), "name", "profile")
    return f"{name} {datetime.now():%Y-%m-%d}{FILE_SUFFIX}"


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _path_row(parent: QWidget, browse: Callable[[], None]) -> tuple[QLineEdit, QWidget]:
    path = QLineEdit()
    path.setAccessibleName(QCoreApplication.translate("BackupDialog", "Backup file"))
    button = QPushButton(QCoreApplication.translate("BackupDialog", "&Browse…"))
    button.clicked.connect(browse)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(path, 1)
    layout.addWidget(button)
    return path, row


def _busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # indeterminate: the KDF gives no progress
    bar.setTextVisible(False)
    bar.setVisible(False)
    return bar


class BackupDialog(QDialog):
    """File + password twice + strength hint; the encryption runs on a worker. `saved` holds the path."""

    backed_up = Signal(str)

    def __init__(
        self,
        profile: Any,
        parent: QWidget | None = None,
        *,
        choose_path: PathChooser | None = None,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.choose_path = choose_path or choose_file
        self.kdf = kdf
        self.saved: Path | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Back up now"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The backup holds this profile's secret keys, encrypted with the backup password below. "
                "Without that password nobody, including you, can restore it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.path, row = _path_row(self, self.browse)
        form.addRow(self.tr("&File:"), row)
        self.password = _password_field(self.tr("Backup password"))
        self.confirm = _password_field(self.tr("Repeat backup password"))
        form.addRow(self.tr("Backup &password:"), self.password)
        form.addRow(self.tr("&Repeat:"), self.confirm)
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.password.textChanged.connect(self._update_hint)
        self.bar = _busy_bar()
        layout.addWidget(self.bar)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("&Back up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_hint("")

    def browse(self) -> None:
        path = self.choose_path(self, True)
        if path:
            self.path.setText(path)

    def _update_hint(self, text: str) -> None:
        score = password_strength(text)
        hints = (
            self.tr("Too short: use at least 8 characters (a few words are easy to remember)."),
            self.tr("Weak: add more words or characters; this file may be copied and attacked offline."),
            self.tr("Fair: a longer passphrase would be stronger."),
            self.tr("Strong."),
        )
        self.hint.setText(hints[score] if text else "")
        self.hint.setProperty("strength", score)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        for w in (self.path, self.password, self.confirm, self.ok_button, self.cancel_button):
            w.setEnabled(not busy)  # a half-cancelled backup would leave the person unsure

    def accept(self) -> None:
        """Validate, then encrypt and write on a worker; the dialog closes only when the file is written."""
        if self.busy:
            return
        path, password = self.path.text().strip(), self.password.text()
        problem = ""
        if not path:
            problem = self.tr("Choose where to save the backup.")
        elif len(password) < MIN_PASSWORD:
            problem = self.tr("The backup password needs at least %1 characters.")
            problem = problem.replace("%1", str(MIN_PASSWORD))
        elif password != self.confirm.text():
            problem = self.tr("The two backup passwords are different.")
        elif Path(path).is_dir():
            problem = self.tr("That is a folder; enter a file name.")
        if problem:
            show_error(self.error, problem)
            return
        show_error(self.error, "")
        try:
            snapshot = self.profile.snapshot()
        except EpcsError as exc:
            show_error(self.error, str(exc))
            return
        self._set_busy(True)
        kdf = self.kdf
        run_task(lambda: backup.write_backup(path, snapshot, password, kdf), self._written, self._failed)

    def _written(self, target: Path) -> None:
        self.busy = False
        if not shiboken6.isValid(self) or not self.isVisible():
            return  # closed by a lock meanwhile: the profile is closed, nothing to record into
        self._set_busy(False)
        self.password.clear()
        self.confirm.clear()
        try:  # the bookkeeping of core.backup.backup_profile (the same function), on the GUI thread
            backup.record_backup(self.profile, target)
        except EpcsError as exc:
            log.warning("backup written but not recorded: %s", type(exc).__name__)
        self.saved = Path(target)
        self.backed_up.emit(str(target))
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        self._set_busy(False)
        show_error(self.error, user_message(exc))

    def done(self, result: int) -> None:
        self.password.clear()
        self.confirm.clear()
        super().done(result)


class RestoreDialog(QDialog):
    """File + password -> preview (merge or replace) -> confirmation -> apply. `summary` is the result."""

    restored = Signal(str)

    def __init__(
        self, profile: Any, parent: QWidget | None = None, *, choose_path: PathChooser | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.choose_path = choose_path or choose_file
        self.snapshot: dict[str, Any] | None = None
        self.summary = ""
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.pages.addWidget(self._open_page())
        self.pages.addWidget(self._preview_page())
        self.bar = _busy_bar()
        layout.addWidget(self.bar)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back_button = buttons.addButton(self.tr("< &Back"), QDialogButtonBox.ButtonRole.ResetRole)
        self.next_button = buttons.addButton(self.tr("&Read backup"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.read)
        self.restore_button.clicked.connect(self.ask_confirmation)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_page(0)

    def _open_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.path, row = _path_row(self, self.browse)
        form.addRow(self.tr("&File:"), row)
        self.password = _password_field(self.tr("Backup password"))
        self.password.returnPressed.connect(self.read)
        form.addRow(self.tr("Backup &password:"), self.password)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.about = QLabel()
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        self.merge = QRadioButton(self.tr("&Merge: add what is missing, keep everything here"))
        self.replace = QRadioButton(self.tr("Re&place: make this profile exactly the backup"))
        self.merge.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.merge)
        group.addButton(self.replace)
        self.merge.toggled.connect(lambda _c: self.update_preview())
        layout.addWidget(self.merge)
        layout.addWidget(self.replace)
        layout.addWidget(QLabel(self.tr("What will change:")))
        self.preview = QListWidget()
        self.preview.setAccessibleName(self.tr("Changes"))
        layout.addWidget(self.preview)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.restore_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        (self.next_button if index == 0 else self.restore_button).setDefault(True)

    def mode(self) -> str:
        return "replace" if self.replace.isChecked() else "merge"

    def browse(self) -> None:
        path = self.choose_path(self, False)
        if path:
            self.path.setText(path)

    def back(self) -> None:
        self.snapshot = None
        self._show_page(0)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        for w in (self.path, self.password, self.next_button):
            w.setEnabled(not busy)

    def read(self) -> None:
        """Decrypt on a worker (Argon2id); nothing in the profile changes here."""
        if self.busy:
            return
        path, password = self.path.text().strip(), self.password.text()
        if not path:
            show_error(self.error, self.tr("Choose the backup file to restore."))
            return
        if not password:
            show_error(self.error, self.tr("Enter the backup password."))
            return
        show_error(self.error, "")
        self._set_busy(True)
        run_task(lambda: backup.read_backup(path, password), self._read_done, self._read_failed)

    def _read_done(self, snapshot: dict[str, Any]) -> None:
        self.busy = False
        if not shiboken6.isValid(self) or not self.isVisible():
            return  # closed (e.g. locked) while decrypting: the secrets are not kept
        self._set_busy(False)
        self.password.clear()
        self.snapshot = snapshot
        taken = snapshot.get("taken_at")
        when = "?"
        if isinstance(taken, int | float):
            when = datetime.fromtimestamp(taken).strftime("%Y-%m-%d %H:%M")
        count = len(snapshot.get("devices") or [])
        self.about.setText(
            self.tr("Backup of profile “%1” made %2, with %3 device(s).")
            .replace("%1", str(snapshot.get("profile", "?")))
            .replace("%2", when)
            .replace("%3", str(count))
        )
        if not self.update_preview():
            return
        self._show_page(1)

    def _read_failed(self, exc: BaseException) -> None:
        self.busy = False
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        self._set_busy(False)
        show_error(self.error, user_message(exc))
        self.password.selectAll()
        self.password.setFocus()

    def update_preview(self) -> bool:
        """Fill the change list for the chosen mode; False (message shown) if the backup is unusable."""
        self.preview.clear()
        if self.snapshot is None:
            return False
        try:
            lines = backup.preview_restore(self.profile, self.snapshot, self.mode())
        except EpcsError as exc:
            show_error(self.error, str(exc))
            self.snapshot = None
            return False
        self.preview.addItems(lines)
        return True

    def preview_lines(self) -> list[str]:
        return [self.preview.item(i).text() for i in range(self.preview.count())]

    def ask_confirmation(self) -> None:
        """Nothing is written until the person confirms in this (window-modal, non-blocking) box."""
        if self.snapshot is None:
            return
        name = self.profile.name
        if self.mode() == "replace":
            text = self.tr(
                "Replace everything in “%1” with this backup? Devices, prescriber info and settings that "
                "are not in the backup are deleted from this profile."
            ).replace("%1", name)
            label = self.tr("&Replace")
        else:
            text = self.tr("Merge this backup into “%1”? Nothing already here is removed.")
            text = text.replace("%1", name)
            label = self.tr("&Merge")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from backup"), text, parent=self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setInformativeText("\n".join(self.preview_lines()[:12]))
        go = box.addButton(label, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda b: self.apply() if b is go else None)
        self.confirm_box = box
        box.open()

    def apply(self) -> None:
        if self.snapshot is None:
            return
        try:
            self.summary = self.profile.apply_snapshot(self.snapshot, self.mode())
        except EpcsError as exc:
            show_error(self.error, str(exc))
            return
        log.info("backup restored (%s)", self.mode())
        self.snapshot = None
        self.restored.emit(self.summary)
        super().accept()

    def done(self, result: int) -> None:
        self.snapshot = None  # the decrypted secrets leave with the dialog
        self.password.clear()
        super().done(result)


class BackupReminder:
    """A banner in the main window when the last backup is older than backup_reminder_days."""

    def __init__(self, window: QMainWindow, profile: Any, clock: Clock) -> None:
        self.window = window
        self.profile = profile
        self.clock = clock
        self.dismissed = False
        self.banner = Banner("backupBanner")
        self.banner.add_button(
            QCoreApplication.translate("BackupReminder", "Back up now…"), lambda: open_backup(window)
        )
        self.banner.add_button(QCoreApplication.translate("BackupReminder", "Later"), self.dismiss)
        banner_area(window).addWidget(self.banner)
        self.refresh()

    def dismiss(self) -> None:
        """Until the next unlock: a reminder that cannot be silenced gets ignored altogether."""
        self.dismissed = True
        self.banner.hide()

    def due(self) -> bool:
        try:
            return backup.backup_due(self.profile, self.clock.now())
        except EpcsError:
            return False  # a closing vault: the next unlock asks again

    def refresh(self) -> None:
        if not shiboken6.isValid(self.banner):
            return
        if self.dismissed or not self.due():
            self.banner.hide()
            return
        last = backup.last_backup_at(self.profile)
        if last is None:
            text = QCoreApplication.translate(
                "BackupReminder",
                "This profile has never been backed up. An encrypted backup lets you restore your "
                "code generators if this computer is lost or fails.",
            )
        else:
            days = max(1, int((self.clock.now() - last) // 86400))
            text = QCoreApplication.translate(
                "BackupReminder", "The last backup of this profile was made %1 days ago."
            )
            text = text.replace("%1", str(days))
        self.banner.show_text(text)


def open_backup(
    window: Any, *, choose_path: PathChooser | None = None, kdf: KdfParams = DEFAULT_KDF
) -> BackupDialog:
    """File > Back up now: opens the dialog (window-modal) and refreshes the reminder when done."""
    dialog = BackupDialog(window.profile, window, choose_path=choose_path, kdf=kdf)
    reminder = getattr(window, "backup_reminder", None)
    dialog.backed_up.connect(lambda path: _after_backup(window, reminder, path))
    window.dialog = dialog
    dialog.open()
    return dialog


def _after_backup(window: Any, reminder: BackupReminder | None, path: str) -> None:
    if reminder is not None:
        reminder.refresh()
    if hasattr(window, "show_message"):
        window.show_message(
            QCoreApplication.translate("BackupDialog", "Encrypted backup saved to %1").replace("%1", path)
        )


def open_restore(window: Any, *, choose_path: PathChooser | None = None) -> RestoreDialog:
    """File > Restore from backup…"""
    dialog = RestoreDialog(window.profile, window, choose_path=choose_path)
    if hasattr(window, "show_message"):
        dialog.restored.connect(window.show_message)
    window.dialog = dialog
    dialog.open()
    return dialog
