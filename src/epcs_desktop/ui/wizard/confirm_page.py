"""Last page: the live code for ID.me's "Confirm your device", and a name.

ID.me finishes enrollment only after it receives a current code from the
new generator, so the code is shown big, grouped ("123 456") and with a
countdown, refreshed by the shared `Ticker` from the injected Clock so the
tests see exactly `core.otp` at a fixed time.

The name is what ID.me and DrChrono's eRx Info table show as the device's
Name; it must be unique in this profile (case- and space-insensitively,
`core.erx.nickname_key`), so it is checked as it is typed, not on Finish.

Each row asks whether the new generator is an ID.me device (issue 18):
ticked as core's `Candidate.is_idme` would decide unasked (an issuer naming
another site is not), and the answer goes to `Profile.enroll` as
`Candidate.idme`, the same path as the CLI's `device add` (an ID.me device)
and `generator add` (another account).
"""

from __future__ import annotations

import logging
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSysInfo, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from epcs_desktop.core.enrollment import Candidate
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.otpauth import OtpKind, OtpParams
from epcs_desktop.ui.dialogs import compliance_text
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.ticker import Ticker

from .owner import owner
from .state import describe

if TYPE_CHECKING:
    from epcs_desktop.core.clock import Clock
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

_MAX_NICKNAME = 64


def computer_name() -> str:
    """This computer's short host name, the natural device name in eRx Info."""
    name = QSysInfo.machineHostName() or socket.gethostname() or ""
    name = name.split(".")[0].strip()
    return name or QCoreApplication.translate("EnrollWizard", "This computer")


class _DeviceRow(QFrame):
    """One new generator: its live code, countdown and nickname."""

    def __init__(self, params: OtpParams, suggestion: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.params = params
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(describe(params), self)
        self.code = QLabel(self)
        font = QFont(self.code.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.6)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(font)
        # Its accessible name, set on every refresh, carries the digits ("Current code: 4 8 2  9 1 7"):
        # a screen reader reads them (not a Tab stop: focus stays on the name to type).
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown = QProgressBar(self)
        self.countdown.setTextVisible(True)
        self.countdown.setAccessibleName(self.tr("Seconds until the code changes"))
        self.nickname = QLineEdit(suggestion, self)
        self.nickname.setMaxLength(_MAX_NICKNAME + 16)
        self.nickname.setAccessibleName(self.tr("Device name"))
        # Pre-set by core's rule for an enrolment that did not say (the issuer); the person decides.
        # Short, so it is never elided in the wizard's width; what it means is its description.
        self.idme = QCheckBox(self.tr("This is an ID.me device"), self)
        meaning = self.tr("A row of DrChrono's ID.me Device Information table.")
        self.idme.setToolTip(meaning)
        self.idme.setAccessibleDescription(meaning)
        self.idme.setChecked(Candidate(None, otp=params).is_idme)
        self.error = error_label()
        self.error.setParent(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout(self)
        form.addRow(self.title)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow("", self.countdown)
        form.addRow(self.tr("&Name your device:"), self.nickname)
        form.addRow("", self.idme)
        form.addRow("", self.error)
        if params.kind == OtpKind.HOTP:
            self.countdown.setVisible(False)

    def refresh(self, clock: Clock) -> None:
        from epcs_desktop.core.otp import Totp, hotp, whole_seconds

        if self.params is None:
            return
        if self.params.kind == OtpKind.HOTP:
            self._show_code(hotp(self.params))
            return
        totp = Totp(self.params, clock)
        self._show_code(totp.code())
        left = whole_seconds(totp.seconds_remaining())
        self.countdown.setRange(0, self.params.period)
        self.countdown.setValue(left)
        self.countdown.setFormat(self.tr("changes in %v s"))

    def _show_code(self, code: str) -> None:
        """The big grouped code, and its digits one by one in the accessible name (a screen reader)."""
        from epcs_desktop.core.otp import group_code
        from epcs_desktop.ui.models import spoken_code

        grouped = group_code(code)
        if self.code.text() == grouped:
            return
        self.code.setText(grouped)
        self.code.setAccessibleName(self.tr("Current code: %1").replace("%1", spoken_code(code)))


class ConfirmPage(QWizardPage):
    def __init__(self, profile: Profile, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.clock = clock
        self.setTitle(self.tr("Confirm your device"))
        self.setSubTitle(
            self.tr("Type this code into ID.me's “Confirm your device” screen, then name the device here.")
        )
        self.rows: list[_DeviceRow] = []
        self._rows_box = QWidget(self)
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.primary = QCheckBox(self.tr("&Make this my primary device"), self)
        self.primary.setAccessibleName(self.tr("Make this my primary device"))
        self.reminder = QLabel(
            self.tr(
                "Also select it as the primary device in DrChrono: Account › Provider Settings › eRx Info "
                "(Update MFA Device)."
            ),
            self,
        )
        self.reminder.setWordWrap(True)
        self.compliance = QLabel(compliance_text(), self)
        self.compliance.setWordWrap(True)
        self.compliance.setFrameShape(QFrame.Shape.StyledPanel)
        self.compliance.setAccessibleDescription(self.tr("Compliance note"))
        self.error = error_label()
        self.error.setParent(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self._rows_box)
        layout.addWidget(self.primary)
        layout.addWidget(self.reminder)
        layout.addWidget(self.compliance)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.ticker = Ticker(clock, self)
        self.ticker.tick.connect(self.refresh)
        self.primary.toggled.connect(self._primary_toggled)
        self._problems: list[str | None] = []

    # -- set-up ------------------------------------------------------------
    def initializePage(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        show_error(self.error, "")
        params_list = owner(self).state.to_confirm()
        existing = self.profile.all_rows()
        taken = {self._key(d.nickname) for d in existing}
        host = computer_name()
        for params in params_list:
            base = host if len(params_list) == 1 else f"{host} \u2013 {describe(params)}"
            suggestion = _unique(base, taken)
            taken.add(self._key(suggestion))
            row = _DeviceRow(params, suggestion, self._rows_box)
            row.nickname.textChanged.connect(self._validate)
            row.idme.toggled.connect(self._validate)
            self._rows_layout.addWidget(row)
            self.rows.append(row)
        first_device = not existing
        self.primary.setChecked(first_device)
        self.primary.setEnabled(not first_device)
        if first_device:
            self.primary.setText(
                self.tr("&Make this my primary device (your first device is always primary)")
            )
        elif len(self.rows) > 1:
            self.primary.setText(self.tr("&Make the first of these my primary device"))
        else:
            self.primary.setText(self.tr("&Make this my primary device"))
        if self.rows:  # the rows are made after the checkbox: Tab should reach them first
            QWidget.setTabOrder(self.rows[-1].idme, self.primary)
        self._primary_toggled(self.primary.isChecked())
        self.refresh()
        self._validate()
        self.ticker.start()
        if self.rows:
            self.rows[0].nickname.setFocus()
            self.rows[0].nickname.selectAll()

    def cleanupPage(self) -> None:
        self.ticker.stop()
        super().cleanupPage()

    def forget(self) -> None:
        """Blank the codes and let go of the parameters (the wizard has ended)."""
        self.ticker.stop()
        for row in self.rows:
            row.code.clear()
            row.code.setAccessibleName("")
            row.params = None  # type: ignore[assignment]

    def _primary_toggled(self, on: bool) -> None:
        self.reminder.setVisible(on and not self.primary.isHidden())

    def _show_primary(self) -> None:
        """A primary flag means something only for an ID.me device: hidden while no row is one."""
        any_idme = any(row.idme.isChecked() for row in self.rows)
        self.primary.setHidden(not any_idme)
        self._primary_toggled(self.primary.isChecked())

    @staticmethod
    def _key(nickname: str) -> str:
        from epcs_desktop.core.erx import nickname_key

        return nickname_key(nickname)

    # -- live code -----------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        for row in self.rows:
            row.refresh(self.clock)

    # -- nickname validation --------------------------------------------------
    def _validate(self) -> None:
        """Each row's problem in core's words: the nickname rule, then core.enrollment's plan.

        The plan is what Finish will apply (`Profile.add_devices`), so an account
        already in the profile is refused here already, naming the device that
        holds it, exactly as the CLI's `device add` and `import` say it.
        """
        from epcs_desktop.core.enrollment import Outcome, check_new_device, plan_enrollment
        from epcs_desktop.core.erx import DeviceOption

        self._problems = []
        here = DeviceOption.GENERATOR_HERE
        candidates = [
            Candidate(row.nickname.text(), here, row.params, idme=row.idme.isChecked()) for row in self.rows
        ]
        plan = plan_enrollment(self.profile.all_rows(), candidates)
        for row, entry in zip(self.rows, plan.entries, strict=True):
            problem: str | None = None
            try:  # an empty name is refused (the plan would suggest one; here a person names it)
                check_new_device(row.nickname.text(), DeviceOption.GENERATOR_HERE, row.params)
            except EpcsError as exc:
                problem = user_message(exc)
            else:
                if entry.outcome is not Outcome.NEW:
                    problem = core_text(entry.message)
            show_error(row.error, problem or "")
            self._problems.append(problem)
        self._show_primary()
        self.completeChanged.emit()

    def nickname_problems(self) -> list[str | None]:
        return list(self._problems)

    def isComplete(self) -> bool:
        return bool(self.rows) and not any(self._problems)

    def nextId(self) -> int:
        """Always the last page (Finish), though pages with higher ids (IMPORT) exist."""
        return -1

    def validatePage(self) -> bool:
        from epcs_desktop.core.erx import DeviceOption

        self._validate()
        if not self.isComplete():
            return False
        from epcs_desktop.core.profile import NewDevice

        wizard = owner(self)
        # "the first of these" is the first ID.me device: another account is never primary
        first_idme = next((row for row in self.rows if row.idme.isChecked()), None)
        items = [
            NewDevice(
                row.nickname.text(),
                DeviceOption.GENERATOR_HERE,
                otp=row.params,
                make_primary=self.primary.isChecked() and row is first_idme,
                idme=row.idme.isChecked(),
            )
            for row in self.rows
        ]
        try:  # all or nothing: a refusal on one account must not leave the others saved
            wizard.added.extend(self.profile.add_devices(items))
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            self._validate()
            return False
        self.ticker.stop()
        return True


def _unique(base: str, taken: set[str]) -> str:
    """A suggestion the profile will accept: the one clash rule of `core.erx.unique_nickname`."""
    from epcs_desktop.core.erx import unique_nickname

    try:
        return unique_nickname(base, taken)
    except EpcsError:  # e.g. a host name of control characters: fall back to plain words
        return unique_nickname(QCoreApplication.translate("EnrollWizard", "This computer"), taken)
