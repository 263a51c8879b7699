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
    if text:
        _make_room(label)


def _make_room(label: QLabel) -> None:
    """Grow the dialog so a newly shown (wrapped) line does not squeeze or clip the text above it.

    Only dialogs, and only taller: a window the person sized stays as wide as they made it.
    """
    from PySide6.QtWidgets import QDialog

    window = label.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(width, needed)


def show_message(label: QLabel, text: str, ok: bool = False) -> None:
    """An inline result line: an error (red, the default) or a confirmation (`ok`, green).

    The colour comes from the style sheet (QLabel#error / QLabel#ok), so the
    light and dark schemes and high contrast apply to every form alike.
    """
    name = "ok" if ok else "error"
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    show_error(label, text)
