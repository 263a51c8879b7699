"""Typed secret key and pasted otpauth link pages.

The key is validated as it is typed so a mistyped character is caught before
the person reaches ID.me's "Confirm your device" screen. Messages come from
core (`OtpAuthError`), which never repeats the key; this page never puts the
key in a message, tooltip or log either.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.otpauth import ALGORITHMS, OtpParams
from epcs_desktop.core.secret_hints import diagnose, note
from epcs_desktop.ui.feedback import error_label, show_message
from epcs_desktop.ui.i18n import core_message, core_text

from .ids import PageId
from .owner import owner
from .state import describe, sentence

log = logging.getLogger(__name__)

_SENSITIVE = (
    Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)


def _message_label(parent: QWidget) -> QLabel:
    """The page's inline line: red for a problem, green when the key or link checks out (ui.feedback)."""
    label = error_label()
    label.setParent(parent)
    return label


class SecretKeyPage(QWizardPage):
    """Enter the secret key ID.me shows under the QR code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Enter the secret key"))
        self.setSubTitle(
            self.tr("Type or paste the key ID.me shows. Spaces, hyphens and lower case are fine.")
        )
        self.params: OtpParams | None = None

        self.key_edit = QLineEdit(self)
        self.key_edit.setInputMethodHints(_SENSITIVE)
        self.key_edit.setAccessibleName(self.tr("Secret key"))
        self.key_edit.setPlaceholderText(self.tr("e.g. ABCD EFGH IJKL MNOP"))
        self.issuer_edit = QLineEdit("ID.me", self)
        self.issuer_edit.setAccessibleName(self.tr("Issuer"))
        self.account_edit = QLineEdit(self)
        self.account_edit.setAccessibleName(self.tr("Account"))
        self.account_edit.setPlaceholderText(self.tr("Your ID.me e-mail address (optional)"))
        self.message = _message_label(self)

        self.advanced_button = QToolButton(self)
        self.advanced_button.setText(self.tr("&Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setAccessibleName(self.tr("Show advanced settings"))
        self.advanced = QWidget(self)
        self.algorithm = QComboBox(self.advanced)
        self.algorithm.addItems(list(ALGORITHMS))
        self.algorithm.setAccessibleName(self.tr("Algorithm"))
        self.digits = QSpinBox(self.advanced)
        self.digits.setRange(6, 8)
        self.digits.setValue(6)
        self.digits.setAccessibleName(self.tr("Digits"))
        self.period = QSpinBox(self.advanced)
        self.period.setRange(10, 120)
        self.period.setValue(30)
        self.period.setSuffix(self.tr(" s"))
        self.period.setAccessibleName(self.tr("Period in seconds"))
        adv_form = QFormLayout(self.advanced)
        adv_form.addRow(self.tr("A&lgorithm:"), self.algorithm)
        adv_form.addRow(self.tr("&Digits:"), self.digits)
        adv_form.addRow(self.tr("&Period:"), self.period)
        note = QLabel(self.tr("ID.me uses SHA1, 6 digits, 30 seconds. Change these only if told to."))
        note.setWordWrap(True)
        adv_form.addRow(note)
        self.advanced.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Secret &key:"), self.key_edit)
        form.addRow(self.tr("&Issuer:"), self.issuer_edit)
        form.addRow(self.tr("A&ccount:"), self.account_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.advanced_button)
        layout.addWidget(self.advanced)
        layout.addStretch(1)

        self.advanced_button.toggled.connect(self._toggle_advanced)
        for edit in (self.key_edit, self.issuer_edit, self.account_edit):
            edit.textChanged.connect(self._validate)
        self.algorithm.currentIndexChanged.connect(self._validate)
        self.digits.valueChanged.connect(self._validate)
        self.period.valueChanged.connect(self._validate)

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def initializePage(self) -> None:
        self.key_edit.setFocus()
        self._validate()

    def _validate(self) -> None:
        from epcs_desktop.core.otpauth import from_secret

        text = self.key_edit.text()
        params: OtpParams | None = None
        hint = diagnose(text) if text.strip() else None
        if not text.strip():
            show_message(self.message, "")
        elif hint is not None:
            show_message(self.message, core_text(hint.template).format(**dict(hint.args)))
        else:
            try:
                params = from_secret(
                    text,
                    account=self.account_edit.text().strip(),
                    issuer=self.issuer_edit.text().strip(),
                    algorithm=self.algorithm.currentText(),
                    digits=self.digits.value(),
                    period=self.period.value(),
                )
            except EpcsError as exc:
                show_message(self.message, sentence(core_message(exc)))
            else:
                # Only the key's length is noted, as information: the length is the service's choice.
                info = note(params.secret)
                text = self.tr("The key looks right.")
                if info is not None:
                    text += " " + core_text(info.template).format(**dict(info.args))
                show_message(self.message, text, ok=True)
        self.params = params
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.params is not None

    def validatePage(self) -> bool:
        if self.params is None:
            return False
        owner(self).state.set_single(self.params)
        return True

    def nextId(self) -> int:
        return int(PageId.CONFIRM)


class PasteLinkPage(QWizardPage):
    """Paste an otpauth:// (or otpauth-migration://) link, checked as it is pasted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Paste an otpauth link"))
        self.setSubTitle(
            self.tr("Paste the otpauth:// link your authenticator or password manager exported.")
        )
        self.edit = QPlainTextEdit(self)
        self.edit.setInputMethodHints(_SENSITIVE)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("otpauth link"))
        self.edit.setPlaceholderText("otpauth://totp/…")
        label = QLabel(self.tr("&Link:"), self)
        label.setBuddy(self.edit)
        self.message = _message_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self._ok = False
        self._migration = False
        self.edit.textChanged.connect(self._validate)

    def initializePage(self) -> None:
        self.edit.setFocus()
        self._validate()

    def _validate(self) -> None:
        state = owner(self).state
        text = self.edit.toPlainText().strip()
        self._ok = False
        self._migration = False
        state.reset()
        if not text:
            show_message(self.message, "")
        else:
            # One link per line: a multi-code Google export pastes as several.
            for line in (x.strip() for x in text.splitlines()):
                if line:
                    feedback = state.offer([line])
            self._ok = feedback.done
            self._migration = state.is_migration
            if feedback.done and not self._migration and state.candidates:
                show_message(
                    self.message,
                    self.tr("The link is valid: {what}.").format(what=describe(state.candidates[0])),
                    ok=True,
                )
            else:
                show_message(self.message, feedback.message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._ok

    def nextId(self) -> int:
        return int(PageId.ACCOUNTS if self._migration else PageId.CONFIRM)
