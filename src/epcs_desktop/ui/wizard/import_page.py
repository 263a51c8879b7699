"""Wizard page "Import from another app": every format of `core.importers.registry`, pasted links.

Why here and not only in the CLI: the README promises that Aegis and 2FAS
exports can be enrolled, and clinicians do not use terminals. The page reads
through the same core import plan as ``epcs-desktop import``
(`core.importers.ImportSession` + `plan_import` + `apply_import`), so it shows
the same preview, the same per-entry problems and adds all-or-nothing. Files
can be added in several goes (three screenshots of a 3-code Google export):
the session tracks the codes of one export across all of them.

Files are read on a worker thread (scrypt, PBKDF2 and QR decoding take
time); pasted text is read at once. Secrets never reach a label or the log:
the preview names entries by issuer and account only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from epcs_desktop.core.errors import EpcsError, ImportFileError, PasswordRequiredError
from epcs_desktop.core.otpauth import OtpKind
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.file_places import remember, start_path
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import run_in_background, user_message
from epcs_desktop.ui.widgets.password_entry import ExistingPasswordField

if TYPE_CHECKING:
    from epcs_desktop.core.importers.session import ImportPlan
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

PLACE = "import"  # file_places key: the folder last imported from


def _safe(text: str, limit: int = 200) -> str:
    from epcs_desktop.core.textguard import clean_for_display

    return clean_for_display(text, limit)


class ImportPage(QWizardPage):
    """Read export files or pasted links, preview the plan, add the new accounts on Finish."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from epcs_desktop.core.importers import ImportSession

        self.profile = profile
        self.session = ImportSession(self.profile.policy)
        self.plan: ImportPlan | None = None
        self._waiting: list[str] = []  # files still to read after the password is typed
        self._file_problems: list[tuple[str, str]] = []  # whole files that could not be read
        self._task: Any = None
        self.setTitle(self.tr("Import from another app"))
        self.setSubTitle(
            self.tr(
                "Add the code generators from another authenticator's export (Aegis, 2FAS, andOTP, "
                "FreeOTP, Bitwarden, Proton, ente, Authenticator Pro, LastPass, Steam, KeePass and more), "
                "Google Authenticator export screenshots, or a list of otpauth links. Nothing is added "
                "until you press Import."
            )
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.files_button = QPushButton(self.tr("Add export &files…"), self)
        self.files_button.setAccessibleDescription(
            self.tr("Export files of other authenticator apps, otpauth link lists or QR code pictures")
        )
        self.files_button.clicked.connect(self.choose_files)
        self.paste = QPlainTextEdit(self)
        self.paste.setPlaceholderText(self.tr("Or paste otpauth:// or otpauth-migration:// links here"))
        self.paste.setAccessibleName(self.tr("Pasted links"))
        self.paste.setTabChangesFocus(True)
        self.paste.setMaximumHeight(80)
        self.paste_button = QPushButton(self.tr("Read the pasted &links"), self)
        self.paste_button.clicked.connect(self.read_pasted)
        self.password_row = QWidget(self)
        prow = QHBoxLayout(self.password_row)
        prow.setContentsMargins(0, 0, 0, 0)
        self.password_label = QLabel(self.password_row)
        self.password_label.setWordWrap(True)
        self.password = ExistingPasswordField(
            self.password_row, accessible_name=self.tr("Export file password")
        )
        self.password_label.setBuddy(self.password)
        self.unlock_button = QPushButton(self.tr("&Open"), self.password_row)
        self.unlock_button.clicked.connect(self.unlock)
        self.password.returnPressed.connect(self.unlock)
        prow.addWidget(self.password_label, 1)
        prow.addWidget(self.password, 1)
        prow.addWidget(self.unlock_button)
        self.password_row.setVisible(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QListWidget(self)
        self.preview.setAccessibleName(self.tr("What will be imported"))
        self.error = error_label()
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.paste)
        layout.addWidget(self.password_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)

    # -- reading ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.reset()

    def cleanupPage(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Start a new import (entering the page again, Back, the wizard ending): forget what was read."""
        from epcs_desktop.core.importers import ImportSession

        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.session = ImportSession(self.profile.policy)
        self.plan = None
        self._waiting = []
        self._file_problems = []
        self.paste.clear()
        self.password.clear()
        self.password_row.setVisible(False)
        self.preview.clear()
        self.summary.setText("")
        show_error(self.error, "")
        self.completeChanged.emit()

    def choose_files(self) -> None:
        from epcs_desktop.core.importers.registry import file_filter_patterns

        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose export files"),
            start_path(PLACE),
            self.tr("Authenticator exports")
            + f" ({' '.join(file_filter_patterns())});;"
            + self.tr("All files")
            + " (*)",
        )
        if names:
            remember(PLACE, names[0])
            self.read_files(names)

    def read_files(self, paths: list[str], password: str | None = None) -> None:
        """Read `paths` into the session on a worker; a file needing a password asks for it and waits."""
        session = self.session
        todo = list(paths)

        def work() -> tuple[list[str], list[tuple[str, str]], str | None]:
            problems: list[tuple[str, str]] = []
            while todo:
                path = todo[0]
                try:
                    session.read_file(Path(path), password)
                except PasswordRequiredError as exc:
                    return todo, problems, str(exc)
                except ImportFileError as exc:
                    if exc.needs_password:  # a wrong password: ask again for the same file
                        return todo, problems, str(exc)
                    problems.append((Path(path).name, str(exc)))
                todo.pop(0)
            return [], problems, None

        show_error(self.error, "")
        busy = [self.files_button, self.paste_button, self.password_row]
        self._task = run_in_background(self, work, self._files_read, self._read_failed, busy=busy)
        self.completeChanged.emit()

    def _files_read(self, result: tuple[list[str], list[tuple[str, str]], str | None]) -> None:
        waiting, problems, needs = result
        self._task = None
        self._file_problems.extend(problems)
        self._waiting = waiting
        if needs is not None:
            self.password_label.setText(core_text(needs))
            self.password_row.setVisible(True)
            self.password.clear()
            self.password.setFocus()
        else:
            self.password_row.setVisible(False)
        self.replan()

    def _read_failed(self, exc: BaseException) -> None:
        self._task = None
        show_error(self.error, user_message(exc))

    def unlock(self) -> None:
        if self._waiting and self.password.text():
            self.read_files(self._waiting, self.password.text())
            self.password.clear()

    def read_pasted(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            show_error(self.error, self.tr("Paste one or more otpauth links first."))
            return
        try:
            self.session.read_text(text, self.tr("pasted text"))
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        self.paste.clear()  # the links hold secrets: not kept in the widget once read
        show_error(self.error, "")
        self.replan()

    # -- the plan -----------------------------------------------------------------------------
    def replan(self) -> None:
        """Plan against the profile's devices now (the same `plan_import` as the CLI) and show it."""
        from epcs_desktop.core.enrollment import Outcome
        from epcs_desktop.core.importers import plan_import

        self.plan = plan_import(self.profile.all_rows(), self.session)
        self.preview.clear()
        for entry in self.plan.enrollment.entries:
            label = _safe(entry.candidate.otp.label if entry.candidate.otp is not None else "")
            if entry.outcome is Outcome.NEW:
                line = self.tr("Add: {label} as “{nickname}”").format(
                    label=label, nickname=_safe(entry.nickname)
                )
                if entry.candidate.otp is not None and entry.candidate.otp.kind == OtpKind.HOTP:
                    line += " " + self.tr("(counter-based: press Next code for each code)")
                elif entry.candidate.otp is not None and entry.candidate.otp.kind == OtpKind.STEAM:
                    line += " " + self.tr("(Steam Guard)")
            elif entry.outcome is Outcome.DUPLICATE_EXISTING:
                line = self.tr("Skip: {label} is already in this profile as “{nickname}”").format(
                    label=label, nickname=_safe(entry.nickname)
                )
            elif entry.outcome is Outcome.DUPLICATE_IN_BATCH:
                line = self.tr("Skip: {label} appears earlier in this import").format(label=label)
            else:
                line = self.tr("Not added: {label}: {reason}").format(
                    label=label, reason=core_text(entry.message)
                )
            self.preview.addItem(line)
        for source, message in [*self._file_problems, *self.plan.problems]:
            where = f"{_safe(Path(source).name)}: " if source else ""
            text = self.tr("Problem: {where}{message}").format(where=where, message=_safe(message, 300))
            self.preview.addItem(text)
        n_new = len(self.plan.enrollment.new)
        if not self.plan.found:
            summary = self.tr("No code generator was found yet.")
        elif n_new == 1:
            summary = self.tr("1 code generator will be added.")
        else:
            summary = self.tr("%1 code generators will be added.").replace("%1", str(n_new))
        self.summary.setText(summary)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.plan is not None and bool(self.plan.enrollment.new) and self._task is None

    def validatePage(self) -> bool:
        """Add every planned account in one transaction (`apply_import`), or nothing and say why."""
        from epcs_desktop.core.importers import apply_import

        if self.plan is None or not self.plan.enrollment.new:
            return False
        try:
            added = apply_import(self.profile, self.plan)
        except EpcsError as exc:
            show_error(self.error, self.tr("Nothing was imported: {reason}").format(reason=user_message(exc)))
            self.replan()
            return False
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "added"):
            wizard.added.extend(added)
        log.info("imported %d code generators in the window", len(added))
        return True

    def nextId(self) -> int:
        return -1  # the last page: Finish imports
