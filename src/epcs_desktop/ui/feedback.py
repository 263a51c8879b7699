"""The inline error line every form uses (same look and screen-reader name everywhere).

A module of its own, importing nothing from core, so the lock screen can use
it without loading the eRx rules before its first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setAccessibleName(QCoreApplication.translate("dialogs", "error"))
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
