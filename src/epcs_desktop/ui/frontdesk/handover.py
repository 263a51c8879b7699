"""Hand-over dialogs: staff create a profile on a temporary password; the clinician replaces it.

`HandOverDialog` is for front-desk staff. `NewPasswordDialog` is what the
shell shows right after a profile is unlocked when the vault's must-change
flag is set (`require_new_password_if_needed`); it cannot be dismissed with a
changed password still pending — cancelling tells the shell to lock again.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import PrescriberInfo
from epcs_desktop.core.handover import generate_temporary_password
from epcs_desktop.core.passwords import MIN_LENGTH
from epcs_desktop.ui.feedback import error_label, show_error, show_message
from epcs_desktop.ui.tasks import TaskHandle, run_in_background, user_message
from epcs_desktop.ui.widgets.password_entry import PasswordEntry
from epcs_desktop.ui.widgets.prescriber_form import PrescriberForm

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.profiles import ProfileStore

log = logging.getLogger(__name__)


class HandOverDialog(QDialog):
    """Front desk: create a clinician's profile with a temporary password and Prescriber Info.

    Creating a profile derives its key (a deliberately slow KDF), so it runs on
    a worker thread; `created(name)` is emitted when the profile exists.
    """

    created = Signal(str)

    def __init__(self, profiles: ProfileStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles = profiles
        self.created_name: str | None = None
        self._temporary_password = ""
        self.busy = False
        self.task: TaskHandle | None = None
        self.setWindowTitle(self.tr("Set up a profile for a clinician"))
        # Wide enough for its title and a wrapped field message without clipping (issue 22 item 10).
        self.setMinimumWidth(max(560, self.fontMetrics().horizontalAdvance(self.windowTitle()) + 160))
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
        self.password_edit.setPlaceholderText(self.tr("at least %n characters", "", MIN_LENGTH))
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.clicked.connect(
            lambda: self.password_edit.setText(generate_temporary_password())
        )
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.password_edit, 1)
        pw_row.addWidget(self.generate_button)
        self.prescriber_form = PrescriberForm()
        form_ = self.prescriber_form
        self.state_combo, self.license_edit = form_.state, form_.license
        self.dea_edit, self.npi_edit = form_.dea, form_.npi
        # Each problem is shown under its own field, all at once (not one at a time under NPI).
        self.name_error = error_label()
        self.password_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Profile &name:"), self.name_edit)
        form.addRow("", self.name_error)
        pw_label = QLabel(self.tr("&Temporary password:"))
        pw_label.setBuddy(self.password_edit)  # a row holding a layout gets no buddy by itself
        self.password_edit.setAccessibleName(self.tr("Temporary password"))
        form.addRow(pw_label, pw_row)
        form.addRow("", self.password_error)
        form.addRow(self.tr("Set &up by:"), self.staff_edit)
        form.addRow(QLabel("<b>" + self.tr("Prescriber Info") + "</b>"))
        form.addRow(self.prescriber_form)
        self.error = error_label()
        std = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(std.Ok | std.Cancel)
        self.buttons.button(std.Ok).setText(self.tr("C&reate profile"))
        self.buttons.accepted.connect(self.create_profile)
        self.buttons.rejected.connect(self.reject)
        self.form_page = QWidget()
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(intro)
        page.addLayout(form)
        page.addWidget(self.error)
        page.addWidget(self.buttons)
        self.done_page = self._build_done_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.done_page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        # Tab follows the form as drawn (the "Set up by" field was created before the password row).
        order = [self.name_edit, self.password_edit, self.generate_button, self.staff_edit, self.state_combo]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        # A field's message goes as soon as the field is fixed (re-checked while it is shown).
        self.name_edit.textChanged.connect(lambda: self._recheck(self.name_error))
        self.password_edit.textChanged.connect(lambda: self._recheck(self.password_error))
        self.prescriber_form.edited.connect(lambda: self._recheck(self.error))

    def _minimum(self) -> int:
        """IT's minimum password strength, from the store's (the context's) policy."""
        from epcs_desktop.core.policy import minimum_password_strength

        return minimum_password_strength(self.profiles.policy.current())

    def _recheck(self, label: QLabel) -> None:
        """Re-run the field checks only while a message is shown (typing must not nag before Create)."""
        if label.isHidden():
            return
        from epcs_desktop.core.passwords import check_new_password

        checks: dict[QLabel, Callable[[], object]] = {
            self.name_error: lambda: self.profiles.check_new_name(self.name_edit.text()),
            self.password_error: lambda: check_new_password(
                self.password_edit.text(), minimum=self._minimum()
            ),
        }
        if label is self.error:
            if not self.prescriber_form.failing_fields():
                try:
                    self.prescriber_form.valid_info()
                except EpcsError as exc:
                    show_error(label, user_message(exc))
                else:
                    show_error(label, "")
            return
        try:
            checks[label]()
        except EpcsError as exc:
            show_error(label, user_message(exc))
        else:
            show_error(label, "")

    def _inputs(self) -> list[QWidget]:
        return [
            self.name_edit,
            self.staff_edit,
            self.password_edit,
            self.generate_button,
            self.prescriber_form,
            self.buttons,
        ]

    def create_profile(self) -> bool:
        """Check the form, then create the profile on a worker thread; False if the form is wrong.

        True means the creation started: `created` (or an inline error) follows.
        The new profile is closed at once: staff do not keep a clinician's profile open.
        """
        if self.busy:
            return False
        prescriber = self._check_fields()
        if prescriber is None:
            return False
        profiles, name, password = self.profiles, self.name_edit.text(), self.password_edit.text()
        self._temporary_password = password
        staff = self.staff_edit.text().strip()
        self.busy = True
        show_error(self.error, "")
        self.task = run_in_background(
            self,
            lambda: _create_and_close(profiles, name, password, prescriber, staff),
            self._created,
            self._create_failed,
            busy=self._inputs(),
        )
        return True

    def _check_fields(self) -> PrescriberInfo | None:
        """Every field's problem under that field, all at once; the prescriber info when all are right."""
        from epcs_desktop.core.passwords import check_new_password

        problems: list[tuple[QWidget, QLabel, str]] = []
        name = self.name_edit.text()
        try:
            self.profiles.check_new_name(name)  # core's rule and words, as `profile create` says them
        except EpcsError as exc:
            problems.append((self.name_edit, self.name_error, user_message(exc)))
        try:
            check_new_password(self.password_edit.text(), minimum=self._minimum())
        except EpcsError as exc:
            problems.append((self.password_edit, self.password_error, user_message(exc)))
        prescriber: PrescriberInfo | None = None
        failing = self.prescriber_form.failing_fields()  # DEA and NPI: their verdicts under each field
        try:
            prescriber = self.prescriber_form.valid_info()
        except EpcsError as exc:
            if not failing:  # a problem the per-field checks do not show (e.g. the license): say it here
                problems.append((self.prescriber_form.license, self.error, user_message(exc)))
            elif len(failing) == 1:  # name only the fields that are wrong
                text = self.tr("Check the “%1” field.").replace("%1", failing[0][1])
                problems.append((failing[0][0], self.error, text))
            else:
                text = self.tr("Check the “%1” and “%2” fields.")
                text = text.replace("%1", failing[0][1]).replace("%2", failing[1][1])
                problems.append((failing[0][0], self.error, text))
        for label in (self.name_error, self.password_error, self.error):
            show_error(label, next((text for _w, lab, text in problems if lab is label), ""))
        if problems:
            problems[0][0].setFocus()
            return None
        return prescriber

    def _created(self, name: str) -> None:
        log.info("hand-over profile created")
        self.busy = False
        self.created_name = name
        self.created.emit(name)
        self._show_done(name)

    def _create_failed(self, exc: BaseException) -> None:
        self.busy = False
        show_error(self.error, user_message(exc))

    # -- the hand-over screen: what to tell the clinician, and a slip to print (no secrets) -------------
    def _build_done_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.done_title = QLabel()
        self.done_title.setObjectName("paneTitle")
        self.done_title.setWordWrap(True)
        # The temporary password, shown this once, large, so it can be read out or printed on the slip.
        self.password_caption = QLabel(
            self.tr("Temporary password (shown only now; the clinician replaces it at the first unlock):")
        )
        self.password_caption.setWordWrap(True)
        self.password_shown = QLabel()
        font = QFont(self.password_shown.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.0)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
        self.password_shown.setFont(font)
        self.password_shown.setTextFormat(Qt.TextFormat.PlainText)
        self.password_shown.setWordWrap(True)
        self.password_shown.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.password_shown.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setTextFormat(Qt.TextFormat.RichText)
        self.slip_message = error_label()
        self.print_button = QPushButton(self.tr("&Print the hand-over slip…"))
        self.print_button.clicked.connect(self._print_slip_clicked)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        lay.addWidget(self.done_title)
        lay.addWidget(self.password_caption)
        lay.addWidget(self.password_shown)
        lay.addWidget(self.done_text, 1)
        lay.addWidget(self.slip_message)
        lay.addLayout(row)
        return page

    def handover_steps(self, name: str) -> list[str]:
        """What to tell the clinician, in order (also the slip's text, under the temporary password)."""
        return [
            self.tr("Give this temporary password to the clinician in person, and no one else."),
            self.tr(
                "At the lock screen they choose the profile “%1” and unlock it with that password."
            ).replace("%1", name),
            self.tr("They are then asked to choose their own password; after that no one else can open it."),
            self.tr(
                "Next they add their phone's code generator (File > Add code generator) and select it as "
                "the primary device in DrChrono's eRx Info."
            ),
        ]

    def _show_done(self, name: str) -> None:
        self.done_title.setText(self.tr("The profile “%1” is ready").replace("%1", name))
        self.password_shown.setText(self._temporary_password)
        self.password_shown.setAccessibleName(
            self.tr("Temporary password: %1").replace("%1", self._temporary_password)
        )
        items = "".join(f"<li>{html.escape(s, quote=False)}</li>" for s in self.handover_steps(name))
        self.done_text.setText(self.tr("Tell the clinician:") + f"<ol>{items}</ol>")
        self.password_edit.clear()  # the form's copy goes; the hand-over screen shows it this once
        self.pages.setCurrentWidget(self.done_page)
        self.done_button.setFocus()

    def slip_html(self) -> tuple[str, str]:
        """The hand-over slip (title, HTML): profile, who set it up, the temporary password, the steps.

        Its one secret is the temporary password, which stops working once the clinician replaces it.
        """
        name = self.created_name or ""
        title = self.tr("EPCS Desktop hand-over — %1").replace("%1", name)
        staff = self.staff_edit.text().strip()
        parts = [f"<h1>{html.escape(title)}</h1>"]
        if staff:
            parts.append("<p>" + html.escape(self.tr("Set up by %1.").replace("%1", staff)) + "</p>")
        parts.append("<p>" + html.escape(self.tr("Temporary password:")) + "</p>")
        shown = html.escape(self._temporary_password)
        parts.append(f'<p style="font-size: 20pt; font-family: monospace"><b>{shown}</b></p>')
        parts.append("<h2>" + html.escape(self.tr("Next steps")) + "</h2><ol>")
        parts += [f"<li>{html.escape(s, quote=False)}</li>" for s in self.handover_steps(name)]
        no_secrets = self.tr(
            "This slip holds no code and no other password: the temporary password stops working "
            "once the clinician has chosen their own. Shred the slip then."
        )
        parts.append("</ol><p><i>" + html.escape(no_secrets) + "</i></p>")
        return title, "\n".join(parts)

    def _print_slip_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_slip(printer)

    def print_slip(self, printer: Any) -> None:
        """Print the slip on `printer` (a QPrinter the person chose).

        Printed, never saved by this program: the slip holds the temporary password, and a file
        with it would outlive the hand-over (the print dialog's own "print to file" is the person's call).
        """
        from PySide6.QtGui import QTextDocument

        title, body = self.slip_html()
        doc = QTextDocument()
        doc.setHtml(body)
        printer.setDocName(title)
        doc.print_(printer)
        show_message(self.slip_message, self.tr("Hand-over slip sent to the printer."), ok=True)

    def reject(self) -> None:
        if self.busy:  # a profile is being written: wait for it instead of leaving it half-made
            return
        super().reject()

    def done(self, result: int) -> None:
        """The temporary password is shown once: it goes from the screen and memory with the dialog."""
        self._temporary_password = ""
        self.password_shown.clear()
        self.password_shown.setAccessibleName("")
        super().done(result)


def _create_and_close(
    profiles: ProfileStore, name: str, password: str, prescriber: PrescriberInfo, staff: str
) -> str:
    """Worker thread: create the handed-over profile (on its temporary password) and close it again."""
    profile = profiles.create(name, password, temporary=True, prescriber=prescriber, staff=staff)
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

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.busy = False
        self.task: TaskHandle | None = None
        self.setWindowTitle(self.tr("Choose your own password"))
        self.setMinimumWidth(520)  # the prompt wraps instead of eliding (issue 22 item 10)
        staff = profile.handed_over_by
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
        self.error = error_label()
        self.entry = PasswordEntry(
            policy=profile.policy,
            password_label=self.tr("&New password:"), confirm_label=self.tr("C&onfirm:"), error=self.error
        )
        self.new_edit, self.confirm_edit = self.entry.password, self.entry.confirm
        std = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(std.Ok | std.Cancel)
        self.buttons.button(std.Ok).setText(self.tr("&Set my password"))
        self.buttons.button(std.Cancel).setText(self.tr("&Lock profile"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.entry.submitted.connect(self.submit)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.entry)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def submit(self) -> bool:
        """Start replacing the password; False (with the reason shown) if the two entries are unusable.

        True means the change started on a worker thread: `password_changed`
        and accept() follow, or the reason it was refused is shown inline.
        """
        if self.busy:
            return False
        new = self.entry.checked()  # core.passwords: the same rule and words as the CLI
        if new is None:
            self.entry.clear_entries()
            return False
        confirm = self.confirm_edit.text()
        profile = self.profile
        self.busy = True
        self.task = run_in_background(
            self,
            lambda: profile.replace_temporary_password(new, confirm),
            self._changed,
            self._failed,
            busy=[self.entry, self.buttons],
        )
        return True

    def _changed(self, _result: object) -> None:
        self.busy = False
        self.entry.clear()
        self.password_changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.entry.refuse(user_message(exc))
        self.entry.clear_entries()

    def reject(self) -> None:
        if self.busy:  # locking now would close the vault in the middle of its re-key
            return
        super().reject()

    def done(self, result: int) -> None:
        self.entry.clear()
        super().done(result)


def require_new_password_if_needed(profile: Profile, parent: QWidget | None = None) -> bool:
    """Called by the shell right after unlock. True: carry on. False: lock the profile again."""
    if not profile.requires_new_password:
        return True
    dlg = NewPasswordDialog(profile, parent)
    return dlg.exec() == QDialog.DialogCode.Accepted
