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
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core import backup
from epcs_desktop.core.activity import entry_detail
from epcs_desktop.core.backup import DEFAULT_KDF, FILE_SUFFIX, KdfParams
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.clock_status import Banner, banner_area
from epcs_desktop.ui.feedback import buddy_label, error_label, show_error
from epcs_desktop.ui.file_places import remember, start_path
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import TaskHandle, run_in_background, user_message
from epcs_desktop.ui.widgets.password_entry import ExistingPasswordField, PasswordEntry

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PathChooser = Callable[[QWidget, bool], str]


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
        required = _required_folder(parent)  # issue 15: open where IT requires backups
        if required is not None:
            start = str(required / _default_name(parent))
        else:
            start = start_path("backup", _default_name(parent))
        path, _f = QFileDialog.getSaveFileName(parent, title, start, pattern)
        if path and not Path(path).suffix:
            path += FILE_SUFFIX
    else:
        path, _f = QFileDialog.getOpenFileName(parent, title, start_path("backup"), pattern)
    return remember("backup", path)


def _required_folder(parent: QWidget) -> Path | None:
    profile = getattr(parent, "profile", None)
    try:
        return backup.required_backup_folder(profile.settings) if profile is not None else None
    except EpcsError:
        return None


def _default_name(parent: QWidget) -> str:
    profile: Profile | None = getattr(parent, "profile", None)  # the save dialog's parent is a BackupDialog
    if profile is None:
        return f"profile{FILE_SUFFIX}"
    # The date from the profile's clock: the context's (core/context.py), never a wall clock of its own.
    return f"{profile.name} {datetime.fromtimestamp(profile.clock.now()):%Y-%m-%d}{FILE_SUFFIX}"


def _path_row(parent: QWidget, browse: Callable[[], None]) -> tuple[QLineEdit, QWidget]:
    path = QLineEdit()
    path.setAccessibleName(QCoreApplication.translate("BackupDialog", "Backup file"))
    button = QPushButton(QCoreApplication.translate("BackupDialog", "&Browse…"))
    button.clicked.connect(browse)
    # Not an auto-default: once it had the focus, Enter in a password field below would browse again
    # instead of making the backup (issue 22).
    button.setAutoDefault(False)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(path, 1)
    layout.addWidget(button)
    return path, row


class BackupDialog(QDialog):
    """File + password twice + strength meter; the encryption runs on a worker. `saved` holds the path."""

    backed_up = Signal(str)

    def __init__(
        self,
        profile: Profile,
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
        self.task: TaskHandle | None = None
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
        self.path_row = row
        form.addRow(buddy_label(self.tr("&File:"), self.path), row)
        layout.addLayout(form)
        self.error = error_label()
        self.entry = PasswordEntry(
            policy=profile.policy,
            password_label=self.tr("Backup &password:"),
            confirm_label=self.tr("&Repeat:"),
            accessible_name=self.tr("Backup password"),
            error=self.error,
        )
        self.password, self.confirm = self.entry.password, self.entry.confirm
        self.hint = self.entry.strength_label
        layout.addWidget(self.entry)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons = buttons
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("&Back up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def browse(self) -> None:
        path = self.choose_path(self, True)
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        """Validate, then encrypt and write on a worker; the dialog closes only when the file is written."""
        if self.busy:
            return
        path = self.path.text().strip()
        if not path:
            show_error(self.error, self.tr("Choose where to save the backup."))
            return
        try:  # issue 15: the folder the practice's IT requires (core.backup, the CLI's rule too)
            backup.check_backup_folder(path, self.profile.settings)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        password = self.entry.checked()  # core.passwords: the profile password's rule and words
        if password is None:
            return
        if Path(path).is_dir():
            show_error(self.error, self.tr("That is a folder; enter a file name."))
            return
        try:  # issue 11: never a backup of a damaged profile (reads every page: milliseconds)
            backup.check_profile_before_backup(self.profile)
            snapshot = self.profile.snapshot()
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        self.busy = True
        kdf = self.kdf
        live, clock = self.profile.path, self.profile.clock

        def write() -> Path:  # never onto the profile's own files (core.backup.check_destination)
            return backup.write_backup(path, snapshot, password, kdf, profile_path=live, clock=clock)

        # The whole form, Cancel included: a half-cancelled backup would leave the person unsure.
        self.task = run_in_background(
            self,
            write,
            self._written,
            self._failed,
            busy=[self.path_row, self.entry, self.buttons],
        )

    def _written(self, target: Path) -> None:
        self.busy = False
        self.entry.clear()
        try:  # the bookkeeping of core.backup.backup_profile (the same function), on the GUI thread
            backup.record_backup(self.profile, target)
        except EpcsError as exc:
            log.warning("backup written but not recorded: %s", type(exc).__name__)
        self.saved = Path(target)
        self.backed_up.emit(str(target))
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self.error, user_message(exc))

    def done(self, result: int) -> None:
        """Closed (a lock closes every window): a backup still being written is not recorded here."""
        if self.task is not None:
            self.task.cancel()
            self.busy = False
        self.entry.clear()
        super().done(result)


def _preview_text(line: backup.PreviewLine) -> str:
    """A restore preview line in the user's language (the template, then its values)."""
    args = {k: (core_text(v) if k in line.translated else v) for k, v in line.args}
    try:
        return core_text(line.template).format(**args)
    except (KeyError, IndexError, ValueError):
        return line.text


class RestoreDialog(QDialog):
    """File + password -> preview (merge or replace) -> confirmation -> apply. `summary` is the result."""

    restored = Signal(str)

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, choose_path: PathChooser | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.choose_path = choose_path or choose_file
        self.snapshot: dict[str, Any] | None = None
        self.summary = ""
        self.busy = False
        self.task: TaskHandle | None = None
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.open_page = self._open_page()
        self.pages.addWidget(self.open_page)
        self.pages.addWidget(self._preview_page())
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
        form.addRow(buddy_label(self.tr("&File:"), self.path), row)
        self.password = ExistingPasswordField(accessible_name=self.tr("Backup password"))
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
        # Another clinician's backup: both names, and nothing happens without this explicit choice.
        self.other_warning = error_label()
        layout.addWidget(self.other_warning)
        self.other_check = QCheckBox()
        self.other_check.setVisible(False)
        self.other_check.toggled.connect(lambda _c: self._update_restore_enabled())
        layout.addWidget(self.other_check)
        layout.addWidget(QLabel(self.tr("What will change:")))
        self.preview = QListWidget()
        self.preview.setAccessibleName(self.tr("Changes"))
        self.preview.setWordWrap(True)  # a long line wraps instead of needing a horizontal scrollbar
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.preview)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.restore_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        (self.next_button if index == 0 else self.restore_button).setDefault(True)

    def mode(self) -> Literal["merge", "replace"]:
        return "replace" if self.replace.isChecked() else "merge"

    def browse(self) -> None:
        path = self.choose_path(self, False)
        if path:
            self.path.setText(path)

    def back(self) -> None:
        self.snapshot = None
        self._show_page(0)

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
        self.busy = True
        self.task = run_in_background(
            self,
            lambda: backup.read_backup(path, password),
            self._read_done,
            self._read_failed,
            busy=[self.open_page, self.next_button],
        )

    def _read_done(self, snapshot: dict[str, Any]) -> None:
        self.busy = False
        self.password.clear()
        self.snapshot = snapshot
        taken = snapshot.get("taken_at")
        when = "?"
        if isinstance(taken, int | float):
            when = datetime.fromtimestamp(taken).strftime("%Y-%m-%d %H:%M")
        count = len(snapshot.get("devices") or [])
        about = (
            self.tr("Backup of profile “%1” made %2, with 1 device.")
            if count == 1
            else self.tr("Backup of profile “%1” made %2, with %3 devices.").replace("%3", str(count))
        )
        self.about.setText(about.replace("%1", str(snapshot.get("profile", "?"))).replace("%2", when))
        self.other_check.setChecked(False)
        if not self.update_preview():
            return
        self._show_page(1)

    def _read_failed(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self.error, user_message(exc))
        self.password.selectAll()
        self.password.setFocus()

    def update_preview(self) -> bool:
        """Fill the change list for the chosen mode; False (message shown) if the backup is unusable."""
        self.preview.clear()
        if self.snapshot is None:
            return False
        try:
            preview = backup.describe_restore(self.profile, self.snapshot, self.mode())
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            self.snapshot = None
            return False
        self.preview.addItems([_preview_text(line) for line in preview.lines])
        self.other_clinician = preview.other_clinician
        if preview.other_clinician:
            warning = (
                self.tr(
                    "This backup was made from the profile “%1”, and nothing in it (NPI, DEA number, "
                    "clinician id) matches “%2”: it looks like another clinician's. Replacing makes this "
                    "profile exactly their backup: their secret keys, Prescriber Info and settings."
                )
                if self.mode() == "replace"
                else self.tr(
                    "This backup was made from the profile “%1”, and nothing in it (NPI, DEA number, "
                    "clinician id) matches “%2”: it looks like another clinician's. Their secret keys would "
                    "be added here. Their Prescriber Info is never merged in."
                )
            )
            warning = warning.replace("%1", preview.backup_profile).replace("%2", preview.profile)
            show_error(self.other_warning, warning)
            self.other_check.setText(
                self.tr("&Yes, restore the backup of “%1” into “%2”")
                .replace("%1", preview.backup_profile.replace("&", "&&"))
                .replace("%2", preview.profile.replace("&", "&&"))
            )
        else:
            show_error(self.other_warning, "")
        self.other_check.setVisible(preview.other_clinician)
        self._update_restore_enabled()
        return True

    def _update_restore_enabled(self) -> None:
        other = getattr(self, "other_clinician", False)
        self.restore_button.setEnabled(not other or self.other_check.isChecked())

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
            self.summary = self.profile.apply_snapshot(
                self.snapshot, self.mode(), other_clinician=self.other_check.isChecked()
            )
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        log.info("backup restored (%s)", self.mode())
        self.snapshot = None
        self.summary = self._shown_summary(self.summary)
        self.restored.emit(self.summary)
        super().accept()

    def _shown_summary(self, english: str) -> str:
        """The restore's activity entry (core.activity) in the language shown; core's English otherwise.

        core returns its summary in English (the CLI prints it); the log keeps the structured
        entry, so the status bar renders that one (issue 22: Spanish window, English summary).
        """
        try:
            latest = self.profile.activity(1)
        except EpcsError:
            return english
        if latest and latest[0].action == "backup restored":
            return entry_detail(latest[0], core_text)
        return english

    def done(self, result: int) -> None:
        if self.task is not None:  # closed (e.g. locked) while decrypting: the secrets are not kept
            self.task.cancel()
            self.busy = False
        self.snapshot = None  # the decrypted secrets leave with the dialog
        self.password.clear()
        super().done(result)


class BackupReminder:
    """A banner in the main window when the last backup is older than backup_reminder_days."""

    def __init__(self, window: MainWindow, profile: Profile, clock: Clock) -> None:
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

    def refresh(self, *_args: object) -> None:
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
    window: MainWindow, *, choose_path: PathChooser | None = None, kdf: KdfParams = DEFAULT_KDF
) -> BackupDialog:
    """File > Back up now: opens the dialog (window-modal) and refreshes the reminder when done."""
    dialog = BackupDialog(window.profile, window, choose_path=choose_path, kdf=kdf)
    reminder = getattr(window, "backup_reminder", None)
    dialog.backed_up.connect(lambda path: _after_backup(window, reminder, path))
    window.dialog = dialog
    dialog.open()
    return dialog


def _after_backup(window: MainWindow, reminder: BackupReminder | None, path: str) -> None:
    if reminder is not None:
        reminder.refresh()
    if hasattr(window, "show_message"):
        window.show_message(
            QCoreApplication.translate("BackupDialog", "Encrypted backup saved to %1").replace("%1", path)
        )


def open_restore(window: MainWindow, *, choose_path: PathChooser | None = None) -> RestoreDialog:
    """File > Restore from backup…"""
    dialog = RestoreDialog(window.profile, window, choose_path=choose_path)
    if hasattr(window, "show_message"):
        dialog.restored.connect(window.show_message)
    window.dialog = dialog
    dialog.open()
    return dialog
