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

from PySide6.QtWidgets import (
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
from epcs_desktop.ui.frontdesk._common import show_message

log = logging.getLogger(__name__)


def _password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class HandOverDialog(QDialog):
    """Front desk: create a clinician's profile with a temporary password and Prescriber Info."""

    def __init__(self, profiles: Any, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.created_name: str | None = None
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

    def create(self) -> bool:
        """Create the profile, then close it: staff do not keep a clinician's profile open."""
        try:
            if not self.name_edit.text().strip():
                raise RuleError(self.tr("Enter a profile name."))
            prescriber = self._prescriber()
            profile = create_handover_profile(
                self.profiles,
                self.name_edit.text(),
                self.password_edit.text(),
                self.clock.now(),
                prescriber,
                self.staff_edit.text().strip(),
            )
        except EpcsError as exc:
            show_message(self.error, str(exc))
            return False
        self.created_name = profile.name
        profile.close()
        log.info("hand-over profile created")
        self.accept()
        return True


class NewPasswordDialog(QDialog):
    """The clinician's first unlock of a handed-over profile: choose your own password."""

    def __init__(self, profile: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.store = state_store(profile)
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
        try:
            complete_handover(self.profile, self.store, self.new_edit.text(), self.confirm_edit.text())
        except EpcsError as exc:
            show_message(self.error, str(exc))
            self.new_edit.clear()
            self.confirm_edit.clear()
            self.new_edit.setFocus()
            return False
        self.new_edit.clear()
        self.confirm_edit.clear()
        self.accept()
        return True


def require_new_password_if_needed(profile: Any, parent: QWidget | None = None) -> bool:
    """Called by the shell right after unlock. True: carry on. False: lock the profile again."""
    if not must_change_password(state_store(profile)):
        return True
    dlg = NewPasswordDialog(profile, parent)
    return dlg.exec() == QDialog.DialogCode.Accepted
