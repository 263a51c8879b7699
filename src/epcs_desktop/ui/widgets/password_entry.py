"""THE new-password entry: password, repeat, one strength meter, one inline error.

Why one widget: creating a profile, the clinician's own password after a
hand-over, and a backup password each had their own fields, checks and (two)
strength meters that rated the same password differently. The rule and the
estimate now live in core.passwords (the CLI uses the same ones); this widget
only shows them, in the user's language, the same way everywhere.

Beside it, for a password that already EXISTS (unlock, a backup's or an
export file's password, the profile password typed again):
`ExistingPasswordField` is the one field (hidden echo, an accessible name, no
context menu, forgotten when its window closes) and `ReauthPrompt` the one
"type the profile password again" before a secret leaves the screen (export,
"Move to a phone"), checked by core.reauth on a background task.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core import passwords
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.i18n import core_text

if TYPE_CHECKING:
    from epcs_desktop.core.context import PolicySource
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)


class PasswordEntry(QWidget):
    """Two password fields and a strength meter; `checked()` applies core.passwords' rule.

    `password_label` / `confirm_label` are the caller's (translated, with
    mnemonics) row labels. The inline error is `error` unless the caller's
    form already has one to share (`error=`).
    """

    submitted = Signal()  # Return pressed in the repeat field

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        policy: PolicySource,
        password_label: str | None = None,
        confirm_label: str | None = None,
        accessible_name: str | None = None,
        error: QLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy  # IT's minimum strength is read from it at each check
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least %n characters", "", passwords.MIN_LENGTH))
        self.password.setAccessibleName(accessible_name or self.tr("New password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setPlaceholderText(self.tr("type it again"))
        self.confirm.setAccessibleName(self.tr("Repeat the password"))
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Password strength"))
        self.strength_label = QLabel()
        self.strength_label.setObjectName("strengthHint")
        self.strength_label.setWordWrap(True)
        self.own_error = error is None
        self.error = error if error is not None else error_label()
        meter_box = QWidget()
        meter_layout = QVBoxLayout(meter_box)
        meter_layout.setContentsMargins(0, 0, 0, 0)
        meter_layout.addWidget(self.meter)
        meter_layout.addWidget(self.strength_label)
        # `form` is public so a caller's own rows (e.g. "Profile name") share its label column.
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(password_label or self.tr("&Password:"), self.password)
        form.addRow("", meter_box)
        form.addRow(confirm_label or self.tr("&Repeat password:"), self.confirm)
        if self.own_error:
            form.addRow(self.error)
        self.password.textChanged.connect(self.update_strength)
        # A refusal is about the entries as they were: once either is edited it is stale (issue 12 #18:
        # "the two passwords are not the same" stayed up while the person was already fixing it).
        self.password.textEdited.connect(self._entries_edited)
        self.confirm.textEdited.connect(self._entries_edited)
        self.confirm.returnPressed.connect(self.submitted)
        self.update_strength("")

    # -- the meter ------------------------------------------------------------------------------
    def update_strength(self, text: str | None = None) -> passwords.Strength:
        """Show core.passwords.strength for the typed password (nothing while the field is empty)."""
        value = self.password.text() if text is None else text
        rated = passwords.strength(value)
        self.meter.setValue(rated.score if value else 0)
        self.meter.setProperty("strength", rated.score)
        self.strength_label.setProperty("strength", rated.score)
        if not value:
            self.strength_label.setText("")
        else:
            words = self.tr("Strength: %1.").replace("%1", core_text(rated.label))
            if rated.hint:
                words += " " + core_text(rated.hint)
            self.strength_label.setText(words)
        self.meter.setAccessibleDescription(self.strength_label.text())
        return rated

    @property
    def score(self) -> int:
        return int(self.meter.property("strength") or 0)

    # -- the rule -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.password.text()

    def checked(self) -> str | None:
        """The new password if core.passwords accepts both entries; else None with the reason shown."""
        from epcs_desktop.ui.tasks import user_message

        try:
            from epcs_desktop.core.policy import minimum_password_strength

            minimum = minimum_password_strength(self.policy.current())
            value = passwords.check_new_password(self.password.text(), self.confirm.text(), minimum=minimum)
        except EpcsError as exc:
            self.refuse(user_message(exc))
            return None
        show_error(self.error, "")
        return value

    def _entries_edited(self, _text: str) -> None:
        if self.error.isVisible() or self.error.text():
            show_error(self.error, "")

    def refuse(self, message: str) -> None:
        """Show why the password was refused; the repeat is cleared (the first entry is kept to fix)."""
        show_error(self.error, message)
        self.confirm.clear()
        self.password.setFocus()
        self.password.selectAll()

    def clear_entries(self) -> None:
        """Forget both entries but keep the message (a refused password is typed again, not fixed)."""
        self.password.clear()
        self.confirm.clear()
        self.password.setFocus()

    def clear(self) -> None:
        """Forget both entries and the message (after use, on cancel, on lock)."""
        self.password.clear()
        self.confirm.clear()
        show_error(self.error, "")

    def setFocus(self) -> None:  # type: ignore[override]
        self.password.setFocus()


class ExistingPasswordField(QLineEdit):
    """THE field for typing a password that already exists (never for choosing one: PasswordEntry).

    Why one: the unlock screen, the export and "Move to a phone" re-entry,
    the backup and the export-file passwords each built their own QLineEdit,
    and only some had an accessible name. Here, everywhere: the echo is
    hidden, no context menu offers to paste or select into a screen reader
    narration, drag is off, and the text is forgotten as soon as the field's
    window closes or its page is left (a non-spontaneous hide; minimising is
    spontaneous and keeps it).
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        accessible_name: str | None = None,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name or self.tr("Password"))
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.clear()
        super().hideEvent(event)


_WRONG = object()  # the re-entry check's answer for a wrong password (the follow-up may return None)


class ReauthPrompt(QWidget):
    """THE "type the profile password again" before a secret leaves the screen.

    Why: an unlocked window may be unattended, so exporting the code
    generators or showing one as a QR code asks for the profile password
    again (core.reauth; KDF-slow, so on a background task). One widget gives
    both places the same label, messages and clearing. Callers put `label`
    and the prompt in their form (`form.addRow(prompt.label, prompt)`), listen
    to `submitted` (Return, or the optional button) and call `confirm(...)`.
    Closing the window drops a check still running.
    """

    submitted = Signal()

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        error: QLabel,
        button_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.error = error
        self._task: Any = None
        self.field = ExistingPasswordField(self, accessible_name=self.tr("Profile password"))
        self.label = QLabel(self.tr("Profile &password:"), parent)
        self.label.setBuddy(self.field)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        self.button: QPushButton | None = None
        if button_text:
            self.button = QPushButton(button_text, self)
            self.button.clicked.connect(self.submitted)
            row.addWidget(self.button)
        self.field.returnPressed.connect(self.submitted)

    @property
    def checking(self) -> bool:
        return self._task is not None

    def confirm(
        self,
        on_confirmed: Callable[[Any], None],
        *,
        then: Callable[[], Any] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        busy: Any = None,
    ) -> bool:
        """Check the typed password off the GUI thread; only if right, `on_confirmed(then())`.

        `then` runs on the same background task after a right password (e.g.
        the export's own KDF). A wrong or empty password is said in `error`;
        the field is cleared after every check. False when nothing was started.
        """
        from epcs_desktop.ui.tasks import run_in_background, user_message

        typed = self.field.text()
        if not typed:
            show_error(self.error, self.tr("Type the profile password to continue."))
            self.field.setFocus()
            return False
        if self._task is not None:
            return False
        profile = self.profile

        def work() -> Any:
            from epcs_desktop.core.reauth import check_profile_password

            if not check_profile_password(profile, typed):
                return _WRONG
            return then() if then is not None else None

        def done(result: Any) -> None:
            self._task = None
            self.field.clear()
            if result is _WRONG:
                show_error(self.error, self.tr("That is not this profile's password."))
                self.field.setFocus()
                return
            show_error(self.error, "")
            on_confirmed(result)

        def failed(exc: BaseException) -> None:
            self._task = None
            self.field.clear()
            if on_failed is not None:
                on_failed(exc)
            else:
                show_error(self.error, user_message(exc))

        show_error(self.error, "")
        self._task = run_in_background(self, work, done, failed, busy=busy if busy is not None else self)
        return True

    def cancel(self) -> None:
        """Drop a check still running (its answer is not wanted any more) and forget the typed text."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.field.clear()

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.cancel()
        super().hideEvent(event)

    def setFocus(self) -> None:  # type: ignore[override]
        self.field.setFocus()
