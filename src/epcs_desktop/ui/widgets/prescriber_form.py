"""THE Prescriber Info form (State, State License Number, DEA Number, NPI).

Why one widget: the eRx pane and the front desk's hand-over each had a form
of their own, with different state lists, labels and value formats. Both now
show this one, with DrChrono's words, the same state list, the same
as-you-type DEA/NPI checks (core.erx) and one value type, `PrescriberInfo`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.erx import US_STATES, PrescriberInfo, validate_dea, validate_npi, validate_prescriber
from epcs_desktop.ui.feedback import error_label, show_message

log = logging.getLogger(__name__)


class PrescriberForm(QWidget):
    """The four fields with inline format checks. `edited` fires on every change of any field."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox()
        self.state.addItem("—", "")  # the glossary's empty value: no state chosen yet
        for code, name in US_STATES:
            self.state.addItem(f"{name} ({code})", code)
        self.license = QLineEdit()
        self.license.setMaxLength(32)
        self.dea = QLineEdit()
        self.dea.setMaxLength(16)
        self.dea.setPlaceholderText(self.tr("two letters and seven digits, e.g. AB1234563"))
        self.npi = QLineEdit()
        self.npi.setMaxLength(16)
        self.npi.setPlaceholderText(self.tr("ten digits"))
        self.dea_status = error_label()
        self.npi_status = error_label()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&State:"), self.state)
        form.addRow(self.tr("State &License Number:"), self.license)
        form.addRow(self.tr("&DEA Number:"), self.dea)
        form.addRow("", self.dea_status)
        form.addRow(self.tr("N&PI:"), self.npi)
        form.addRow("", self.npi_status)
        self.state.currentIndexChanged.connect(self._changed)
        for edit in (self.license, self.dea, self.npi):
            edit.textChanged.connect(self._changed)

    # -- value ----------------------------------------------------------------------------------
    def info(self) -> PrescriberInfo:
        """What the form holds, as typed (not validated)."""
        return PrescriberInfo(
            state=str(self.state.currentData() or ""),
            license_number=self.license.text(),
            dea_number=self.dea.text(),
            npi=self.npi.text(),
        )

    def valid_info(self) -> PrescriberInfo:
        """The form's value normalised by core.erx.validate_prescriber; `RuleError` if any field is wrong."""
        return validate_prescriber(self.info())

    def set_info(self, info: PrescriberInfo) -> None:
        self.state.setCurrentIndex(max(0, self.state.findData(info.state)))
        self.license.setText(info.license_number)
        self.dea.setText(info.dea_number)
        self.npi.setText(info.npi)
        self.check_fields()

    def fields(self) -> list[QWidget]:
        return [self.state, self.license, self.dea, self.npi]

    # -- checks -----------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        self.check_fields()
        self.edited.emit()

    def check_fields(self) -> bool:
        """Show each DEA/NPI field's format verdict under it; True when both are empty or valid."""
        return not self.failing_fields()

    def failing_fields(self) -> list[tuple[QWidget, str]]:
        """Check DEA and NPI (verdicts shown under each); the failing fields with their names."""
        failing: list[tuple[QWidget, str]] = []
        if not self._field_status(self.dea_status, self.dea.text(), validate_dea):
            failing.append((self.dea, self.tr("DEA Number")))
        if not self._field_status(self.npi_status, self.npi.text(), validate_npi):
            failing.append((self.npi, self.tr("NPI")))
        return failing

    def is_valid(self) -> bool:
        if not self.check_fields():
            return False
        try:
            self.valid_info()
        except EpcsError:
            return False
        return True

    def _field_status(self, label: QLabel, text: str, check: Callable[[str], str]) -> bool:
        """The verdict under the field (ui.feedback: the dialog grows so a long one is not clipped)."""
        if not text.strip():
            show_message(label, "")
            return True
        try:
            check(text)
        except EpcsError as exc:
            from epcs_desktop.ui.tasks import user_message

            show_message(label, user_message(exc))
            return False
        show_message(label, self.tr("✓ valid format"), ok=True)
        return True
