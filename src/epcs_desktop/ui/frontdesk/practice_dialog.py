"""PRACTICE run of ID.me's enrollment screens: Secure your account → barcode / key → Confirm.

Everything on these screens is made here, on the spot, and is labelled
PRACTICE on every page: the secret is random, held only in memory, and
issued as "PRACTICE – not ID.me", so nothing real is touched. A clinician
scans the code with their phone (or with this program's wizard, from the
screen or the webcam) or types the key, and enters the 6-digit code, which
`core.practice.PracticeSession` checks like a server would. When the dialog
closes, any practice generator enrolled in this program is removed again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import qrcode
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.practice import PracticeSession, practice_devices, remove_practice_devices
from epcs_desktop.ui.frontdesk._common import (
    PRACTICE_STYLE,
    profile_usable,
    run_inline,
    show_message,
)
from epcs_desktop.ui.tasks import user_message

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

# PySide6's stub says QT_TRANSLATE_NOOP returns object; it returns the text.
BANNER: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "PracticeDialog", "PRACTICE — this is not ID.me. Nothing real is changed."
)
MODULE_PX = 6
QUIET_MODULES = 4


def qr_pixmap(payload: str, module_px: int = MODULE_PX) -> QPixmap:
    """Draw a QR code straight into a QPixmap (no image file, so the secret never reaches disk)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_MODULES)
    qr.add_data(payload)
    qr.make(fit=True)
    matrix = qr.get_matrix()  # includes the quiet zone
    size = len(matrix) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * module_px, y * module_px, module_px, module_px)
    painter.end()
    return QPixmap.fromImage(image)


def _banner() -> QLabel:
    label = QLabel(QCoreApplication.translate("PracticeDialog", BANNER))
    label.setStyleSheet(PRACTICE_STYLE)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class PracticeDialog(QDialog):
    """Three pages mirroring ID.me: choose method, barcode / secret key, confirm your device."""

    SECURE, BARCODE, CONFIRM = range(3)

    def __init__(self, profile: Profile, parent: QWidget | None, clock: Clock) -> None:
        super().__init__(parent)
        self.profile = profile
        self.clock: Clock = clock
        self.session = PracticeSession(self.clock)
        self.removed: list[str] = []
        primary = profile.primary()
        self.primary_before: str | None = primary.nickname if primary is not None else None
        self.setWindowTitle(self.tr("PRACTICE enrollment — not ID.me"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._secure_page())
        self.pages.addWidget(self._barcode_page())
        self.pages.addWidget(self._confirm_page())
        lay = QVBoxLayout(self)
        lay.addWidget(_banner())
        lay.addWidget(self.pages, 1)
        self.close_button = QPushButton(self.tr("End practice"))
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        lay.addLayout(bottom)

    # -- pages ------------------------------------------------------------------------------

    def _secure_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("SECURE YOUR ACCOUNT (practice)")))
        lay.addWidget(QLabel(self.tr("Step 1 of 3 — choose how to enroll your code generator.")))
        self.link_choice = QRadioButton(
            self.tr("Enroll in Code Generator with an activation link (text message / email)")
        )
        self.link_choice.setEnabled(False)
        self.link_choice.setToolTip(
            self.tr("Not part of the practice: it needs ID.me to send you a message.")
        )
        self.barcode_choice = QRadioButton(self.tr("Enroll with &barcode / secret key"))
        self.barcode_choice.setChecked(True)
        lay.addWidget(self.link_choice)
        lay.addWidget(self.barcode_choice)
        note = QLabel(
            self.tr("At ID.me, if the QR code fails to work, the text message option is the alternative.")
        )
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addStretch(1)
        self.secure_continue = QPushButton(self.tr("&Continue"))
        self.secure_continue.clicked.connect(lambda: self.go(self.BARCODE))
        lay.addWidget(self.secure_continue)
        return page

    def _barcode_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("Enroll with barcode / secret key (practice)")))
        text = QLabel(
            self.tr(
                "Step 2 of 3 — in your authenticator app tap the scan (+) icon and scan this PRACTICE code, "
                "or type the secret key below. You can also enroll it in this program with the wizard "
                "(from the screen or the webcam); it will be removed when the practice ends."
            )
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        self.qr_label = QLabel()
        self.qr_label.setPixmap(qr_pixmap(self.session.uri()))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("Practice QR code"))
        lay.addWidget(self.qr_label)
        self.key_label = QLabel(self.tr("Secret key: {key}").format(key=self.session.secret_key()))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setStyleSheet("font-family:monospace;font-size:15px;")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.key_label)
        lay.addWidget(QLabel(self.tr("Issuer: {issuer}").format(issuer=self.session.params.issuer)))
        row = QHBoxLayout()
        self.wizard_button = QPushButton(self.tr("&Enroll it in this program…"))
        self.wizard_button.clicked.connect(self._open_wizard)
        self.barcode_continue = QPushButton(self.tr("&Continue"))
        self.barcode_continue.clicked.connect(lambda: self.go(self.CONFIRM))
        row.addWidget(self.wizard_button)
        row.addStretch(1)
        row.addWidget(self.barcode_continue)
        lay.addLayout(row)
        self.barcode_message = QLabel()
        self.barcode_message.setVisible(False)
        lay.addWidget(self.barcode_message)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_heading(self.tr("Confirm your device (practice)")))
        text = QLabel(
            self.tr(
                "Step 3 of 3 — check your code generator app and enter the 6-digit code to complete securing "
                "your (practice) account."
            )
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Enter the 6-digit code"))
        self.code_edit.setMaxLength(9)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("ex. My iPhone (optional)"))
        code_caption = QLabel(self.tr("Enter the 6-&digit code"))
        code_caption.setBuddy(self.code_edit)
        name_caption = QLabel(self.tr("&Name your device"))
        name_caption.setBuddy(self.name_edit)
        self.code_edit.setAccessibleName(self.tr("6-digit code"))
        self.name_edit.setAccessibleName(self.tr("Device name"))
        lay.addWidget(code_caption)
        lay.addWidget(self.code_edit)
        lay.addWidget(name_caption)
        lay.addWidget(self.name_edit)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setVisible(False)
        lay.addWidget(self.result_label)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Go &back"))
        self.back_button.clicked.connect(lambda: self.go(self.BARCODE))
        self.confirm_button = QPushButton(self.tr("&Continue"))
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        # Enter in the code field reaches the dialog, which presses this default button: checked once.
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.confirm_button)
        lay.addLayout(row)
        return page

    # -- behaviour --------------------------------------------------------------------------

    def go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        # Enter presses the Continue of the page shown (issue 22 #10: it pressed nothing).
        self.continue_button().setDefault(True)
        if page == self.CONFIRM:
            self.code_edit.setFocus()
            self.place_beside_codes()

    def continue_button(self) -> QPushButton:
        """The page's "Continue": the one Enter presses."""
        return (self.secure_continue, self.barcode_continue, self.confirm_button)[self.pages.currentIndex()]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.continue_button().setDefault(True)

    def place_beside_codes(self) -> None:
        """Step 3 asks for the code on the practice generator's card: move off the window's code pane.

        The pane is the parent window's `codes` (the main window); without one there is nothing to uncover.
        """
        parent = self.parentWidget()
        pane = getattr(parent, "codes", None) if parent is not None else None
        if not isinstance(pane, QWidget) or not pane.isVisible():
            return
        cards = QRect(pane.mapToGlobal(QPoint(0, 0)), pane.size())
        if not self.frameGeometry().intersects(cards):
            return
        where = self._beside(cards, self.frameGeometry().size())
        if where is not None:
            self.move(where)

    def _beside(self, target: QRect, size: QSize) -> QPoint | None:
        """A spot right of `target`, else left of it, for a window of `size`; None if neither fits."""
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        gap = 12
        if target.right() + gap + size.width() <= screen.right():
            x = target.right() + gap
        elif target.left() - gap - size.width() >= screen.left():
            x = target.left() - gap - size.width()
        else:
            return None
        lowest = max(screen.top(), screen.bottom() - size.height())
        y = min(max(screen.top(), self.frameGeometry().top()), lowest)
        return QPoint(x, y)

    def confirm(self) -> bool:
        """Check the typed code; the message says accepted, wrong, stale or malformed."""
        result = self.session.check(self.code_edit.text())
        show_message(self.result_label, result.message, ok=result.accepted)
        self.code_edit.clear()
        if result.accepted:
            self.close_button.setText(self.tr("Finish practice"))
        return result.accepted

    def _open_wizard(self) -> None:
        try:
            from epcs_desktop.ui.wizard import EnrollWizard
        except ImportError:
            show_message(
                self.barcode_message, self.tr("The enrollment wizard is not available in this build.")
            )
            return
        wizard = EnrollWizard(self.profile, self, clock=self.clock)
        self.place_beside_qr(wizard)  # "Scan from the screen" must see the practice QR, not the wizard
        wizard.exec()
        # A lock while the wizard was open closed this dialog and the vault before exec() returned.
        if not profile_usable(self.profile):
            return
        try:
            enrolled = practice_devices(self.profile.devices(), self._secrets())
        except EpcsError as exc:
            show_message(self.barcode_message, user_message(exc))
            return
        if enrolled:
            show_message(
                self.barcode_message,
                self.tr(
                    "The practice generator was added here for now; it is removed when the practice ends."
                ),
                ok=True,
            )

    def qr_rect(self) -> QRect:
        """Where the practice QR code is on the screen (global coordinates)."""
        pixmap = self.qr_label.pixmap()
        size = pixmap.deviceIndependentSize().toSize() if not pixmap.isNull() else self.qr_label.size()
        rect = QRect(QPoint(0, 0), size)
        rect.moveCenter(self.qr_label.mapToGlobal(self.qr_label.rect().center()))
        return rect

    def place_beside_qr(self, window: QWidget) -> None:
        """Put `window` (the wizard) next to the QR code instead of on top of it.

        To the right of the code if it fits, else to the left; when the screen is too
        narrow for either, this dialog moves to the screen's left edge first.
        """
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        window.adjustSize()
        size = window.size().expandedTo(window.minimumSizeHint())
        where = self._beside(self.qr_rect(), size)
        if where is None:
            self.move(screen.left(), self.frameGeometry().top())
            where = self._beside(self.qr_rect(), size) or QPoint(
                max(screen.left(), screen.right() - size.width()), screen.top()
            )
        window.move(where)

    def _secrets(self) -> tuple[str, ...]:
        return (self.session.params.secret,)

    def cleanup(self) -> list[str]:
        """Remove practice generators enrolled in this program during (or before) the practice."""
        if not profile_usable(self.profile):  # locked meanwhile: cleaned up at the next practice
            return []
        removed = run_inline(
            self.barcode_message,
            lambda: remove_practice_devices(self.profile, self.primary_before, self._secrets()),
        )
        self.removed = list(removed or [])
        return self.removed

    def done(self, result: int) -> None:
        self.cleanup()
        super().done(result)
