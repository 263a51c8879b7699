"""Move to a phone: show one code generator's QR code so a phone app can take it over.

Why: DEA's rule wants the second factor on a device separate from the
computer that prescribes, so front-desk staff help clinicians move the code
generator from this program to a phone app. The QR code IS the secret, so:

* it appears only after the profile password is typed again;
* a plain warning says anyone who sees it (or photographs it) can copy the codes;
* a countdown hides it again (`SHOW_SECONDS`), and closing the dialog, locking
  or a lost focus does too; showing it again needs the password again;
* once the phone shows a code, it is typed here and checked
  (`core.otp.check_code`); the ID.me device then moves to "on a phone"
  (`Profile.move_to_phone`: it stays in the table, its code is no longer made
  here, nothing changes in ID.me), and only then is removing its secret from
  this computer offered (`Profile.forget_secret`, issue 18).

The QR code's label comes from `core.export.export_uri` (issuer ``ID.me``, the
account naming the device and the sign-in), the one label builder exports use,
so the phone shows which device is which.

The countdown counts timer ticks, not the wall clock (no wall-clock read
outside core/clock.py); the code check uses the injected `Clock`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
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

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.feedback import buddy_label, error_label, show_error, show_message
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.widgets.password_entry import ReauthPrompt

if TYPE_CHECKING:
    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

SHOW_SECONDS = 60


class MoveToPhoneDialog(QDialog):
    """One ID.me device: password → QR code with countdown → the phone's code → the device moves to
    "on a phone" → only then, removing its secret from this computer is offered."""

    def __init__(
        self, profile: Profile, device: Device, parent: QWidget | None = None, *, clock: Clock
    ) -> None:
        super().__init__(parent)
        if device.otp is None:
            raise ValueError("only a code generator held here can move to a phone")
        self.profile = profile
        self.device = device
        self.otp = device.otp  # the secret held here (not None: checked above)
        self.clock: Clock = clock
        self.removed = False
        self.verified = False
        self.moved = False
        self._left = 0
        self.setWindowTitle(self.tr("Move “%1” to a phone").replace("%1", device.nickname))

        intro = QLabel(
            self.tr(
                "Open the authenticator app on the phone (for example ID.me Authenticator, Google "
                "Authenticator, Aegis or 2FAS), choose to add an account by QR code, and scan the code "
                "this window shows."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "Anyone who sees this QR code, or takes a photo of it, can make the same sign-in codes. "
                "Show it only to the phone, with nobody looking, and close it as soon as the phone has it."
            ),
            self,
        )
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.error = error_label()
        self.pw_form = QWidget(self)
        self.reauth = ReauthPrompt(
            profile, self.pw_form, error=self.error, button_text=self.tr("&Show the QR code")
        )
        self.reauth.submitted.connect(self.reveal)
        self.password = self.reauth.field
        self.show_button = self.reauth.button
        form = QFormLayout(self.pw_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.reauth.label, self.reauth)

        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("QR code for the phone"))
        self.qr.setVisible(False)
        self.countdown = QLabel(self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setVisible(False)
        self.hide_button = QPushButton(self.tr("&Hide the QR code now"), self)
        self.hide_button.clicked.connect(self.conceal)
        self.hide_button.setVisible(False)

        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Code shown on the phone"))
        self.code.setPlaceholderText(self.tr("the code the phone shows now"))
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.clicked.connect(self.check)
        self.code.returnPressed.connect(self.check)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.check_button)
        self.code_form = QWidget(self)
        cform = QFormLayout(self.code_form)
        cform.setContentsMargins(0, 0, 0, 0)
        cform.addRow(buddy_label(self.tr("Code on the &phone:"), self.code), code_row)
        self.check_result = error_label()
        self.remove_button = QPushButton(self.tr("&Remove the secret from this computer"), self)
        self.remove_button.setVisible(False)
        self.remove_button.clicked.connect(self.remove_here)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addWidget(self.pw_form)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.code_form)
        layout.addWidget(self.check_result)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    # -- showing the secret -------------------------------------------------------------------
    def reveal(self) -> None:
        """Check the profile password on a worker (ReauthPrompt); show the QR code only if it is right."""
        self.reauth.confirm(lambda _none: self._show_qr(), busy=self.pw_form)

    def _show_qr(self) -> None:
        from epcs_desktop.core.export import export_uri
        from epcs_desktop.core.policy import ActionTurnedOffError, check_action_allowed
        from epcs_desktop.ui.frontdesk.practice_dialog import qr_pixmap

        try:
            # IT's policy, read again when the secret would show
            check_action_allowed("move_to_phone", self.profile.policy.current())
        except ActionTurnedOffError as exc:
            show_error(self.error, user_message(exc))
            return
        self.qr.setPixmap(qr_pixmap(export_uri(self.device.nickname, self.otp)))
        self.qr.setVisible(True)
        self.hide_button.setVisible(True)
        self.pw_form.setVisible(False)
        self._left = SHOW_SECONDS
        self._show_left()
        self.countdown.setVisible(True)
        self.timer.start()
        self.code.setFocus()
        log.info("showed a code generator's QR code for a phone (after password re-entry)")

    def _show_left(self) -> None:
        if self._left == 1:
            self.countdown.setText(self.tr("The QR code hides itself in 1 second."))
        else:
            self.countdown.setText(
                self.tr("The QR code hides itself in %1 seconds.").replace("%1", str(self._left))
            )

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.conceal()
        else:
            self._show_left()

    @property
    def qr_shown(self) -> bool:
        return self.qr.isVisible() and self.qr.pixmap() is not None and not self.qr.pixmap().isNull()

    def conceal(self) -> None:
        """Hide the QR code (countdown over, Hide pressed, closing); showing it again needs the password."""
        self.timer.stop()
        self.qr.clear()
        self.qr.setVisible(False)
        self.hide_button.setVisible(False)
        self.countdown.setText(self.tr("The QR code is hidden. Type the password again to show it."))
        self.pw_form.setVisible(not self.removed)

    # -- checking the phone ---------------------------------------------------------------------
    def check(self) -> None:
        from epcs_desktop.core.otp import check_code

        if check_code(self.otp, self.code.text(), self.clock.now()):
            self.verified = True
            try:
                self.profile.move_to_phone(self.device.nickname)
            except EpcsError as exc:
                show_error(self.error, user_message(exc))
                self.code.clear()
                return
            self.moved = True
            show_message(
                self.check_result,
                self.tr(
                    "The phone makes the same codes. “%1” now makes its codes on the phone: it stays in the "
                    "ID.me device table (on a phone), and nothing changes in ID.me, which still knows it as "
                    "the same device. This computer still holds its secret: remove it once you no longer "
                    "need its codes here."
                ).replace("%1", self.device.nickname),
                ok=True,
            )
            self.remove_button.setVisible(True)
            self.conceal()
            self.pw_form.setVisible(False)
            self.code_form.setVisible(False)
        else:
            show_message(
                self.check_result,
                self.tr(
                    "That is not the code this generator makes now. Check that the phone scanned this QR "
                    "code and type the code it shows now."
                ),
            )
        self.code.clear()

    def remove_here(self, *, confirmed: bool = False) -> None:
        """Remove the secret from this computer, only after the move (and a confirmation); the ID.me
        device stays in the table, on the phone."""
        if not self.moved:
            return
        if not confirmed:
            from epcs_desktop.ui.dialogs import confirm_secret_removal

            confirmed = confirm_secret_removal(self, self.device.nickname)
        if not confirmed:
            return
        try:
            self.profile.forget_secret(self.device.nickname)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        self.removed = True
        self.remove_button.setVisible(False)
        text = self.tr(
            "The secret of “%1” was removed from this computer. The device stays in the ID.me device table, "
            "on the phone; nothing changes in ID.me."
        ).replace("%1", self.device.nickname)
        show_message(self.check_result, text, ok=True)

    def done(self, result: int) -> None:
        self.reauth.cancel()
        self.conceal()
        super().done(result)

    def changeEvent(self, event: Any) -> None:
        # Another window in front (the person walked away, a screen share started): hide the secret.
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow() and self.qr_shown:
            self.conceal()
        super().changeEvent(event)
