"""First page: how the secret gets in.

ID.me's "Enroll with barcode / secret key" screen shows both a QR code and
the key as text, so every way of reading it is offered; the order puts the
common desktop case (the code is on this screen) near the top.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizardPage

from .ids import PageId

log = logging.getLogger(__name__)


class MethodPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Add a code generator"))
        self.setSubTitle(
            self.tr(
                "On ID.me, choose Sign In & Security › Code Generator › Set Up, then "
                "“Enroll with barcode / secret key”. How do you want to read it?"
            )
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        choices = [
            (PageId.CAMERA, self.tr("Scan with the &webcam"), self.tr("Hold a QR code up to the camera.")),
            (
                PageId.SCREEN,
                self.tr("Scan from the &screen"),
                self.tr("The QR code is shown on this computer."),
            ),
            (PageId.IMAGE, self.tr("Open an &image file"), self.tr("A screenshot or photo of the QR code.")),
            (
                PageId.KEY,
                self.tr("Enter the secret &key"),
                self.tr("Type or paste the key ID.me shows as text."),
            ),
            (
                PageId.LINK,
                self.tr("Paste an otpauth &link"),
                self.tr("An otpauth:// or otpauth-migration:// link."),
            ),
            (
                PageId.IMPORT,
                self.tr("Import from another a&pp"),
                self.tr("An Aegis or 2FAS export, Google Authenticator export pictures, or a list of links."),
            ),
        ]
        self.buttons: dict[PageId, QRadioButton] = {}
        for page_id, text, hint in choices:
            button = QRadioButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            button.setAccessibleDescription(hint)
            button.setToolTip(hint)
            self.group.addButton(button, int(page_id))
            self.buttons[page_id] = button
            layout.addWidget(button)
            note = QLabel(hint, self)
            note.setIndent(24)
            note.setEnabled(False)
            layout.addWidget(note)
        layout.addStretch(1)
        self.buttons[PageId.SCREEN].setChecked(True)

    def choose(self, page_id: PageId) -> None:
        self.buttons[page_id].setChecked(True)

    def chosen(self) -> PageId:
        return PageId(self.group.checkedId())

    def nextId(self) -> int:
        return int(self.chosen())

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "state"):
            wizard.state.reset()
        return True
