"""File › Export: write the profile's code generators to a file other authenticator apps import.

Why a dialog with friction: an export holds every secret key, so the
profile password is typed again (an unlocked window may be unattended), the
warning says plainly what the file holds, an encrypted format asks for its
own password twice (the one password policy), and the file is written
owner-only and never over a profile file (`core.export.check_target`). The
same `core.export.render` writes what `epcs-desktop export` writes. The KDFs
(re-entry check, Aegis's scrypt) run on a worker.

The file dialog is reached through `choose_path(parent, suggested) -> str`,
which tests replace with a function returning a path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.activity import export_event
from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.ui.feedback import buddy_label, error_label, show_error
from epcs_desktop.ui.file_places import remember, start_path
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.tasks import user_message
from epcs_desktop.ui.widgets.password_entry import PasswordEntry, ReauthPrompt

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

PLACE = "export"


def _save_path(parent: QWidget, suggested: str) -> str:
    title = QCoreApplication.translate("ExportDialog", "Export to")
    path, _filter = QFileDialog.getSaveFileName(parent, title, start_path(PLACE, suggested))
    return remember(PLACE, path)


class ExportDialog(QDialog):
    """Format, target file, password re-entry; writes on OK. `written` is the path once done."""

    choose_path: Callable[[QWidget, str], str] = staticmethod(_save_path)

    def __init__(self, profile: Profile, parent: QWidget | None = None, *, clock: Clock) -> None:
        super().__init__(parent)
        from epcs_desktop.core import export

        self.profile = profile
        self.clock: Clock = clock
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export code generators"))
        self.format = QComboBox(self)
        for fmt in export.FORMATS:
            self.format.addItem(core_text(export.FORMAT_LABELS[fmt]), fmt)
        self.format.setAccessibleName(self.tr("File format"))
        self.warning = QLabel(self)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("Export file"))
        browse = QPushButton(self.tr("&Choose…"), self)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.error = error_label()
        self.reauth = ReauthPrompt(profile, self, error=self.error)
        self.password = self.reauth.field
        self.export_password = PasswordEntry(
            self,
            policy=profile.policy,
            password_label=self.tr("E&xport password:"),
            confirm_label=self.tr("Re&peat it:"),
            accessible_name=self.tr("Export password"),
            error=self.error,
        )
        self.count = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(buddy_label(self.tr("&File:"), self.path), path_row)
        form.addRow(self.reauth.label, self.reauth)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addLayout(form)
        layout.addWidget(self.export_password)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.entries = export.entries_from_devices(profile.generators())
        n = len(self.entries)
        if n == 1:
            self.count.setText(self.tr("1 code generator held in this profile will be exported."))
        else:
            self.count.setText(
                self.tr("%1 code generators held in this profile will be exported.").replace("%1", str(n))
            )
        self._format_changed()

    # -- form ---------------------------------------------------------------------------------
    @property
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self, *_args: object) -> None:
        from epcs_desktop.core import export

        fmt = self.chosen_format
        self.export_password.setVisible(not export.is_plain(fmt))
        self.warning.setText(core_text(export.warning_for(fmt)))
        current = self.path.text().strip()
        if current:  # keep the folder and name, follow the format's suffix
            self.path.setText(str(Path(current).with_suffix(export.SUFFIXES[fmt])))

    def browse(self) -> None:
        from epcs_desktop.core import export

        suggested = f"{self.profile.name}-codes{export.SUFFIXES[self.chosen_format]}"
        chosen = self.choose_path(self, suggested)
        if chosen:
            self.path.setText(chosen)

    # -- export -------------------------------------------------------------------------------
    def export(self) -> None:
        """Check everything cheap here, then the password and the KDF on a worker, then write."""
        from epcs_desktop.core import export

        show_error(self.error, "")
        if not export.export_allowed(self.profile.settings):
            show_error(self.error, core_text(export.EXPORT_DISABLED))
            return
        if not self.entries:
            show_error(self.error, core_text(export.NOTHING_TO_EXPORT))
            return
        if not self.path.text().strip():
            show_error(self.error, self.tr("Choose the file to export to."))
            return
        try:
            target = export.check_target(self.path.text().strip(), self.profile.path.parent)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        fmt = self.chosen_format
        new_password: str | None = None
        if not export.is_plain(fmt):
            new_password = self.export_password.checked()
            if new_password is None:
                return
        entries, clock = list(self.entries), self.clock
        self.reauth.confirm(
            lambda data: self._rendered(target, fmt, data),
            then=lambda: export.render(fmt, entries, clock=clock, password=new_password),
            busy=self,
        )

    def _rendered(self, target: Path, fmt: str, data: bytes) -> None:
        from epcs_desktop.core import export

        try:
            export.write_export(target, data, self.profile)
        except EpcsError as exc:
            show_error(self.error, user_message(exc))
            return
        n = len(self.entries)
        self.profile.log_activity(
            "codes exported",
            export_event(n, fmt),
        )
        self.written = target
        self.export_password.clear()
        log.info("exported %d code generators (%s)", n, fmt)
        self.accept()

    def done(self, result: int) -> None:
        self.reauth.cancel()
        self.export_password.clear()
        super().done(result)
