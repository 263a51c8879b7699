"""Small dialogs of the main window: remove a device, identity, other device, help, settings.

Every dialog is opened with `open()` (window-modal, non-blocking) and acts on
`accepted`, so the event loop keeps running (the ticker, auto-lock) and tests
can drive them without a nested `exec()` loop. Errors from the core are shown
inline in the dialog, which stays open until the input is acceptable.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import Device, DeviceOption, IdentityConfirmation
from epcs_desktop.ui.feedback import error_label, show_error
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.theme import RESOURCES

if TYPE_CHECKING:
    from epcs_desktop.core.policy import Policy
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

HELP_DIR = RESOURCES / "help"  # the one resources folder (ui/theme.py)


class RemoveDeviceDialog(QDialog):
    """Confirms removing a device; for the primary, asks which device takes over."""

    def __init__(self, profile: Profile, device: Device, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.device = device
        self.notice: str | None = None
        self.setWindowTitle(self.tr("Remove device"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        text = self.tr("Remove “%1” from this profile?").replace("%1", device.nickname)
        if device.option == DeviceOption.GENERATOR_HERE:
            text += " " + self.tr(
                "Its secret key is deleted from this computer. Also delete the device in your ID.me "
                "account (Sign In & Security), or ID.me will keep asking for its codes."
            )
        else:
            text += " " + self.tr(
                "This only changes this companion list; also delete it in your ID.me account."
            )
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.successor = QComboBox()
        self.successor.setAccessibleName(self.tr("New primary device"))
        others = [d.nickname for d in profile.devices() if d.id != device.id]
        if device.is_primary and others:
            row = QFormLayout()
            row.addRow(self.tr("New &primary device:"), self.successor)
            self.successor.addItems(others)
            layout.addLayout(row)
        else:
            self.successor.setVisible(False)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = buttons.addButton(
            self.tr("&Remove"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Destructive is never the default: Enter (or a stray Return in the combo box) cancels.
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)

    def accept(self) -> None:
        successor = self.successor.currentText() if self.successor.count() else None
        try:
            self.notice = self.profile.remove_device(self.device.nickname, successor=successor)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        super().accept()


class IdentityDialog(QDialog):
    """Edits the Identity Confirmation block (ID.me identity proofing confirmed in DrChrono)."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("Identity Confirmation"))
        conf: IdentityConfirmation = profile.identity()
        self.confirmed = QCheckBox(self.tr("My identity has been &confirmed by ID.me in DrChrono"))
        self.confirmed.setChecked(conf.confirmed)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        # Not confirmed yet: today by the profile's clock (never Qt's own wall-clock read).
        today = QDateTime.fromSecsSinceEpoch(int(profile.clock.now())).date()
        self.date.setDate(QDate.fromString(conf.confirmed_on, "yyyy-MM-dd") if conf.confirmed_on else today)
        self.date.setEnabled(conf.confirmed)
        self.confirmed.toggled.connect(self.date.setEnabled)
        self.note = QLineEdit(conf.note)
        self.note.setPlaceholderText(self.tr("What is still missing, e.g. “waiting for DrChrono approval”"))
        # Wide enough for the whole example in either language (issue 22: it was elided), frame included.
        hint = self.note.fontMetrics().horizontalAdvance(self.note.placeholderText())
        self.note.setMinimumWidth(hint + 24)
        form = QFormLayout(self)
        form.addRow(self.confirmed)
        form.addRow(self.tr("Confirmed &on:"), self.date)
        form.addRow(self.tr("&Note:"), self.note)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        conf = IdentityConfirmation(
            confirmed=self.confirmed.isChecked(),
            confirmed_on=self.date.date().toString("yyyy-MM-dd") if self.confirmed.isChecked() else None,
            note=self.note.text(),
        )
        try:
            self.profile.set_identity(conf)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        super().accept()


class OtherDeviceDialog(QDialog):
    """Records a device whose codes are not generated here: a push phone or another code generator."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.added: Device | None = None
        # One dialog, one wording (ID.me's "Name your device"), for the eRx pane and the change-phone guide.
        self.setWindowTitle(self.tr("Record a phone or push device"))
        self.nickname = QLineEdit()
        self.nickname.setPlaceholderText(self.tr("e.g. My iPhone"))
        self.option = QComboBox()
        self.option.addItem(self.tr("Push Notification 2FA (ID.me Authenticator)"), DeviceOption.PUSH.value)
        self.option.addItem(
            self.tr("Generate 2FA Key (code generator app on another device)"),
            DeviceOption.GENERATOR_OTHER.value,
        )
        self.primary = QCheckBox(self.tr("Make this the &primary device"))
        form = QFormLayout(self)
        info = QLabel(
            self.tr("List a device you set up in ID.me so this table matches DrChrono's eRx Info tab.")
        )
        info.setWordWrap(True)
        info.setObjectName("hint")
        form.addRow(info)
        form.addRow(self.tr("&Name your device:"), self.nickname)
        form.addRow(self.tr("&Option:"), self.option)
        form.addRow(self.primary)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.added = self.profile.add_device(
                self.nickname.text(),
                DeviceOption(self.option.currentData()),
                make_primary=self.primary.isChecked(),
            )
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        super().accept()


def help_html(name: str) -> str:
    """A help page: the translated file (name.<lang>.html) if there is one, else English."""
    from PySide6.QtCore import QLocale

    if name == "change-phone":  # built from the guide's steps in core: one source (issue 18)
        from epcs_desktop.ui.frontdesk.guide_dialog import change_phone_help_html

        return change_phone_help_html()
    lang = QLocale().name().split("_")[0]
    for candidate in (f"{name}.{lang}.html", f"{name}.html"):
        try:
            return (HELP_DIR / candidate).read_text(encoding="utf-8")
        except OSError:
            continue
    log.warning("help page %s missing", name)
    return ""


class HelpDialog(QDialog):
    """Shows one HTML page from resources/help/ (links open in the browser)."""

    def __init__(self, title: str, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 520)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(help_html(page))
        self.browser.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SettingsDialog(QDialog):
    """A form built from core.settings.SETTINGS; values are validated by `coerce` and stored in the vault."""

    def _source_text(self, source: str) -> str:
        """core.policy names a source in English ("policy file /etc/…"): say it in the language shown."""
        for prefix, text in (
            ("policy file ", self.tr("policy file %1")),
            ("configuration profile ", self.tr("configuration profile %1")),
        ):
            if source.startswith(prefix):
                return text.replace("%1", source.removeprefix(prefix))
        if source == "Windows registry":
            return self.tr("Windows registry")
        return source

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, prefs: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        from epcs_desktop.core.settings import PROFILE_SETTINGS as SETTINGS  # IT-only keys: not here

        self.profile = profile
        self.prefs = prefs  # QSettings of this computer (language, light/dark), or None
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        values = profile.settings
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        note = QLabel(self.tr("These settings belong to this profile and are stored in it, encrypted."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(note)
        # The practice's machine policy (core/policy.py): locked rows are shown, disabled, with who set them.
        policy = profile.policy.current()  # IT's policy in force (core/context.py)
        self.locked: dict[str, str] = {  # core.policy's sources, in English (see `_source_text`)
            s.key: policy.source_of(s.key) or "" for s in SETTINGS if policy.locked(s.key)
        }
        if policy.problems:
            problem = QLabel(self.tr("Your practice's policy could not be read: {problem}").format(
                problem=policy.problems[0]
            ))
            problem.setObjectName("policy_problem")
            problem.setWordWrap(True)
            form.addRow(problem)
        for s in SETTINGS:
            value = values[s.key]
            editor: QWidget
            if s.key == "camera_index":
                editor = _camera_combo(int(value), policy)
            elif s.kind == "bool":
                check = QCheckBox()
                check.setChecked(bool(value))
                editor = check
            elif s.kind == "int":
                spin = QSpinBox()
                spin.setRange(
                    s.minimum if s.minimum is not None else 0, s.maximum if s.maximum is not None else 10**6
                )
                spin.setValue(int(value))
                editor = spin
            else:
                line = QLineEdit(str(value))
                editor = line
            label, help_text = core_text(s.label), core_text(s.help)
            editor.setToolTip(help_text)
            editor.setAccessibleName(label)
            editor.setAccessibleDescription(help_text)
            editor.setObjectName(f"setting_{s.key}")
            self.editors[s.key] = editor
            form.addRow(label.replace("&", "&&") + ":", editor)  # "&" in a label is not a mnemonic
            if s.key in self.locked:
                editor.setEnabled(False)
                why = QLabel(
                    self.tr("Set by your practice's IT ({source})").format(
                        source=self._source_text(self.locked[s.key])
                    )
                )
                why.setObjectName(f"locked_{s.key}")
                why.setWordWrap(True)
                editor.setToolTip(why.text())
                editor.setAccessibleDescription(why.text())
                form.addRow("", why)
        self.language: QComboBox | None = None
        self.scheme: QComboBox | None = None
        if prefs is not None:
            self._display_rows(form, prefs)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        form.addRow(buttons)

    def _display_rows(self, form: QFormLayout, prefs: QSettings) -> None:
        """Language and light/dark: this computer's, not the profile's (the lock screen uses them too)."""
        from epcs_desktop.ui import preferences

        heading = QLabel(self.tr("<b>On this computer</b>"))
        form.addRow(heading)
        self.language = QComboBox()
        self.language.setObjectName("display_language")
        for code, text in (
            ("", self.tr("Same as the computer")),
            ("en", "English"),
            ("es", "Español"),
        ):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language(prefs))))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("&Language:"), self.language)
        self.scheme = QComboBox()
        self.scheme.setObjectName("display_scheme")
        for code, text in (
            ("", self.tr("Same as the desktop")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.scheme.addItem(text, code)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(preferences.scheme(prefs))))
        self.scheme.setAccessibleName(self.tr("Appearance"))
        form.addRow(self.tr("A&ppearance:"), self.scheme)
        from epcs_desktop.ui import tray

        self.keep_in_tray = QCheckBox(
            self.tr("&Keep running in the notification area when the window is closed")
        )
        self.keep_in_tray.setObjectName("display_keep_in_tray")
        self.keep_in_tray.setChecked(tray.keep_in_tray(prefs))
        form.addRow(self.keep_in_tray)
        self.language_note = QLabel(
            self.tr("A new language shows fully the next time EPCS Desktop starts.")
        )
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)
        form.addRow(self.language_note)

    def _save_display(self) -> None:
        from epcs_desktop.ui import preferences

        if self.prefs is None or self.language is None or self.scheme is None:
            return
        old_language = preferences.language(self.prefs)
        preferences.save(
            self.prefs, language=str(self.language.currentData()), scheme=str(self.scheme.currentData())
        )
        preferences.apply_scheme(self.prefs)
        from epcs_desktop.ui import tray

        tray.set_keep_in_tray(self.prefs, self.keep_in_tray.isChecked())
        if preferences.language(self.prefs) != old_language:
            preferences.apply_language(self.prefs)  # dialogs opened from now on; the rest at next start

    def value_of(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return int(editor.currentData())
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def restore_defaults(self) -> None:
        from epcs_desktop.core.settings import PROFILE_SETTINGS as SETTINGS  # IT-only keys: not here

        for s in SETTINGS:
            editor = self.editors[s.key]
            if s.key in self.locked:
                continue  # the policy's value stays
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(int(s.default))))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(s.default))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(s.default))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(s.default))

    def accept(self) -> None:
        from epcs_desktop.core.settings import PROFILE_SETTINGS as SETTINGS
        from epcs_desktop.core.settings import coerce

        try:
            new = {s.key: coerce(s.key, self.value_of(s.key)) for s in SETTINGS if s.key not in self.locked}
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        current = self.profile.settings
        changed = {key: value for key, value in new.items() if current[key] != value}
        try:  # one OK, one change: a single transaction and activity entry
            self.profile.set_settings(changed)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        self._save_display()
        super().accept()


def _camera_combo(current: int, policy: Policy) -> QComboBox:
    """Cameras by name ("Integrated Webcam"), not by a bare index; the index is what is stored."""
    import sys

    names: list[tuple[int, str]] | None = None  # None: the platform cannot say which cameras exist
    if sys.platform.startswith("linux"):  # sysfs names, nothing opened; elsewhere probing would block
        try:
            from epcs_desktop.core.frames import list_cameras

            names = [(c.index, c.name) for c in list_cameras(policy)]
        except Exception:  # OpenCV missing or sysfs unreadable: fall back to numbered cameras
            log.warning("camera names unavailable", exc_info=True)
    combo = QComboBox()
    if names == []:
        # Listed, and there is none: offer no "Camera 1" where the wizard says "No camera was found";
        # the stored choice is kept for when one is plugged in.
        combo.addItem(QCoreApplication.translate("SettingsDialog", "No camera was found"), current)
        combo.setEnabled(False)
        return combo
    if not names:
        names = [(i, "") for i in range(4)]
    for index, name in names:
        label = QCoreApplication.translate("SettingsDialog", "Camera {number}").format(number=index + 1)
        combo.addItem(f"{label} — {name}" if name else label, index)
    if combo.findData(current) < 0:
        label = QCoreApplication.translate("SettingsDialog", "Camera {number} (not connected)")
        combo.addItem(label.format(number=current + 1), current)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def compliance_text() -> str:
    """The DEA notice in the user's language: the one wording every screen and the setup sheet use."""

    return QCoreApplication.translate(
        "compliance",
        "Codes generated on this computer are not a DEA “hard token” separate from the prescribing computer (21 CFR 1311.115). Use a code generator on your phone (or a hardware token) to sign controlled-substance prescriptions.",  # noqa: E501
    )


def compliance_box(parent: QWidget | None) -> QDialog:
    """The plain compliance notice (first run of each profile, and Help > Compliance notice)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("compliance", "Compliance notice"))
    box.setText(compliance_text())
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def confirm_removal(parent: QWidget | None, title: str, text: str, button: str) -> bool:
    """Ask before something is removed: `button` removes, Cancel is the default (Enter cancels)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    remove = box.addButton(button, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is remove


def confirm_secret_removal(parent: QWidget | None, nickname: str) -> bool:
    """Ask before the secret of a device that now lives on a phone is removed from this computer.

    Removing is never the default button (Enter cancels). The ID.me device stays in the table.
    """
    return confirm_removal(
        parent,
        QCoreApplication.translate("Dialogs", "Remove the secret from this computer"),
        QCoreApplication.translate(
            "Dialogs",
            "Remove the secret of “%1” from this computer? Its codes are then made only on the phone; "
            "the device stays in the ID.me device table and nothing changes in ID.me.",
        ).replace("%1", nickname),
        QCoreApplication.translate("Dialogs", "&Remove secret"),
    )
