"""Enter presses the focused button everywhere, not only in dialogs.

Qt presses a focused push button with Space everywhere, but with Enter only
inside a QDialog (auto-default buttons). In the main window and the lock screen
Enter on a focused button did nothing, which keyboard users read as "broken".
This application-wide filter makes Enter/Return on a focused push or tool button
click it, unless a dialog will already (check boxes and radio buttons keep Enter
for the dialog's default button).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QPushButton, QRadioButton

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    """Install once on the QApplication (`install()`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if not watched.hasFocus() or not watched.isEnabled():
            return False
        if isinstance(watched, QCheckBox | QRadioButton):
            return False  # Enter there means "submit the form" (a dialog's default button), not "toggle"
        in_dialog = isinstance(watched.window(), QDialog)
        if isinstance(watched, QPushButton) and in_dialog and watched.autoDefault():
            return False  # a dialog presses its focused auto-default button itself
        watched.animateClick()
        return True


_filter: EnterPressesButtons | None = None


def install(app: QCoreApplication | None = None) -> None:
    global _filter
    app = app or QApplication.instance()
    if app is None or _filter is not None:
        return
    _filter = EnterPressesButtons(app)
    app.installEventFilter(_filter)
