"""Hand-over dialogs: staff create a profile on a temporary password; the clinician replaces it.

`HandOverDialog` is for front-desk staff. `NewPasswordDialog` is what the
shell shows right after a profile is unlocked when the vault's must-change
flag is set (`require_new_password_if_needed`); it cannot be dismissed with a
changed password still pending — cancelling tells the shell to lock again.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock, SystemClock
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.erx import US_STATES, PrescriberInfo, validate_dea, validate_npi
from epcs_desktop.core.guide import state_store
from epcs_desktop.core.handover import (
    complete_handover,
    create_handover_profile,
    generate_temporary_password,
    handed_over_by,
    must_change_password,
)
from epcs_desktop.core.profile import check_new_password
from epcs_desktop.ui.frontdesk._common import show_message
from epcs_desktop.ui.workers import run_task, user_message

log = logging.getLogger(__name__)


def _set_busy(dialog: QDialog, busy: bool, widgets: list[QWidget]) -> None:
    """Grey out the form while the key derivation runs on a worker thread, and show a busy cursor.

    The window keeps repainting (the work is off the GUI thread), but nothing
    can be typed or pressed twice until the result is back.
    """
    for w in widgets:
        w.setEnabled(not busy)
    if busy:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    else:
        QApplication.restoreOverrideCursor()
    dialog.setProperty("busy", busy)


def _password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class HandOverDialog(QDialog):
    """Front desk: create a clinician's profile with a temporary password and Prescriber Info.

    Creating a profile derives its key (a deliberately slow KDF), so it runs on
    a worker thread; `created(name)` is emitted when the profile exists.
    """

    created = Signal(str)

    def __init__(self, profiles: Any, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.created_name: str | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Set up a profile for a clinician"))
        intro = QLabel(
            self.tr(
                "Create the clinician's profile with a temporary password and give it to them in person. "
                "At their first unlock they must choose their own password; after that, no one else can "
                "read this profile's codes."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.staff_edit = QLineEdit()
        self.staff_edit.setPlaceholderText(self.tr("your name (optional)"))
        self.password_edit = QLineEdit()
        self.password_edit.setPlaceholderText(self.tr("at least 8 characters"))
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.clicked.connect(
            lambda: self.password_edit.setText(generate_temporary_password())
        )
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.password_edit, 1)
        pw_row.addWidget(self.generate_button)
        self.state_combo = QComboBox()
        self.state_combo.addItem("—", "")
        for code, name in US_STATES:
            self.state_combo.addItem(f"{code} — {name}", code)
        self.license_edit = QLineEdit()
        self.dea_edit = QLineEdit()
        self.npi_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Profile &name:"), self.name_edit)
        pw_label = QLabel(self.tr("&Temporary password:"))
        pw_label.setBuddy(self.password_edit)  # a row holding a layout gets no buddy by itself
        self.password_edit.setAccessibleName(self.tr("Temporary password"))
        form.addRow(pw_label, pw_row)
        form.addRow(self.tr("Set &up by:"), self.staff_edit)
        form.addRow(QLabel("<b>" + self.tr("Prescriber Info") + "</b>"))
        form.addRow(self.tr("&State:"), self.state_combo)
        form.addRow(self.tr("&License Number:"), self.license_edit)
        form.addRow(self.tr("&DEA Number:"), self.dea_edit)
        form.addRow(self.tr("N&PI:"), self.npi_edit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        std = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(std.Ok | std.Cancel)
        self.buttons.button(std.Ok).setText(self.tr("C&reate profile"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        # Tab follows the form as drawn (the "Set up by" field was created before the password row).
        order = [self.name_edit, self.password_edit, self.generate_button, self.staff_edit, self.state_combo]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _prescriber(self) -> PrescriberInfo:
        dea = self.dea_edit.text().strip()
        npi = self.npi_edit.text().strip()
        return PrescriberInfo(
            state=str(self.state_combo.currentData() or ""),
            license_number=self.license_edit.text().strip(),
            dea_number=validate_dea(dea) if dea else "",
            npi=validate_npi(npi) if npi else "",
        )

    def _inputs(self) -> list[QWidget]:
        return [
            self.name_edit,
            self.staff_edit,
            self.password_edit,
            self.generate_button,
            self.state_combo,
            self.license_edit,
            self.dea_edit,
            self.npi_edit,
            self.buttons,
        ]

    def create(self) -> bool:
        """Check the form, then create the profile on a worker thread; False if the form is wrong.

        True means the creation started: `created` (or an inline error) follows.
        The new profile is closed at once: staff do not keep a clinician's profile open.
        """
        if self.busy:
            return False
        try:
            if not self.name_edit.text().strip():
                raise RuleError(self.tr("Enter a profile name."))
            prescriber = self._prescriber()
        except EpcsError as exc:
            show_message(self.error, str(exc))
            return False
        profiles, name, password = self.profiles, self.name_edit.text(), self.password_edit.text()
        now, staff = self.clock.now(), self.staff_edit.text().strip()
        self.busy = True
        show_message(self.error, "")
        _set_busy(self, True, self._inputs())
        run_task(
            lambda: _create_and_close(profiles, name, password, now, prescriber, staff),
            self._created,
            self._create_failed,
        )
        return True

    def _created(self, name: str) -> None:
        log.info("hand-over profile created")
        if not shiboken6.isValid(self):  # the window went away meanwhile; the profile is closed
            QApplication.restoreOverrideCursor()
            return
        self._idle()
        self.created_name = name
        self.created.emit(name)
        self.accept()

    def _create_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            QApplication.restoreOverrideCursor()
            return
        self._idle()
        show_message(self.error, user_message(exc))

    def _idle(self) -> None:
        self.busy = False
        _set_busy(self, False, self._inputs())

    def reject(self) -> None:
        if self.busy:  # a profile is being written: wait for it instead of leaving it half-made
            return
        super().reject()


def _create_and_close(
    profiles: Any, name: str, password: str, now: float, prescriber: PrescriberInfo, staff: str
) -> str:
    """Worker thread: create the handed-over profile and close it again; returns its name."""
    profile = create_handover_profile(profiles, name, password, now, prescriber, staff)
    try:
        return str(profile.name)
    finally:
        profile.close()


class NewPasswordDialog(QDialog):
    """The clinician's first unlock of a handed-over profile: choose your own password.

    Checking against the temporary password (Argon2) and re-keying the vault
    (SQLCipher KDF over every page) are slow, so they run on a worker thread;
    `password_changed` is emitted when the new password is in place.
    """

    password_changed = Signal()

    def __init__(self, profile: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.store = state_store(profile)
        self.busy = False
        self.setWindowTitle(self.tr("Choose your own password"))
        staff = handed_over_by(self.store)
        if staff:
            setup = self.tr("This profile was set up for you by {staff} with a temporary password.")
        else:
            setup = self.tr("This profile was set up for you with a temporary password.")
        intro = QLabel(
            setup.format(staff=staff)
            + " "
            + self.tr("Choose a password only you know before using it; the temporary one stops working.")
        )
        intro.setWordWrap(True)
        self.new_edit = _password_edit(self.tr("at least 8 characters"))
        self.confirm_edit = _password_edit(self.tr("type it again"))
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.new_edit)
        form.addRow(self.tr("C&onfirm:"), self.confirm_edit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        std = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(std.Ok | std.Cancel)
        self.buttons.button(std.Ok).setText(self.tr("&Set my password"))
        self.buttons.button(std.Cancel).setText(self.tr("&Lock profile"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def submit(self) -> bool:
        """Start replacing the password; False (with the reason shown) if the two entries are unusable.

        True means the change started on a worker thread: `password_changed`
        and accept() follow, or the reason it was refused is shown inline.
        """
        if self.busy:
            return False
        new, confirm = self.new_edit.text(), self.confirm_edit.text()
        try:
            if new != confirm:  # the quick checks answer at once; the rest needs the worker
                # The unlock window's sentence (already translated there).
                raise RuleError(
                    QCoreApplication.translate("StartWindow", "The two passwords are not the same.")
                )
            check_new_password(new)
        except EpcsError as exc:
            self._refused(str(exc))
            return False
        profile, store = self.profile, self.store
        self.busy = True
        show_message(self.error, "")
        _set_busy(self, True, [self.new_edit, self.confirm_edit, self.buttons])
        run_task(lambda: complete_handover(profile, store, new, confirm), self._changed, self._failed)
        return True

    def _changed(self, _result: object) -> None:
        if not shiboken6.isValid(self):
            QApplication.restoreOverrideCursor()
            return
        self._idle()
        self.new_edit.clear()
        self.confirm_edit.clear()
        self.password_changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            QApplication.restoreOverrideCursor()
            return
        self._idle()
        self._refused(user_message(exc))

    def _refused(self, message: str) -> None:
        show_message(self.error, message)
        self.new_edit.clear()
        self.confirm_edit.clear()
        self.new_edit.setFocus()

    def _idle(self) -> None:
        self.busy = False
        _set_busy(self, False, [self.new_edit, self.confirm_edit, self.buttons])

    def reject(self) -> None:
        if self.busy:  # locking now would close the vault in the middle of its re-key
            return
        super().reject()


def require_new_password_if_needed(profile: Any, parent: QWidget | None = None) -> bool:
    """Called by the shell right after unlock. True: carry on. False: lock the profile again."""
    if not must_change_password(state_store(profile)):
        return True
    dlg = NewPasswordDialog(profile, parent)
    return dlg.exec() == QDialog.DialogCode.Accepted
