"""The inline message line every form uses (same look, same screen-reader treatment everywhere).

A screen reader must hear what went wrong (or right), not "error": the
label's accessible name is its own text (no fixed name), its description
says what kind of line it is, and every time the text appears or changes an
accessibility announcement is sent (`QAccessibleAnnouncementEvent`, which
AT-SPI delivers as ``object:announcement`` — Orca speaks it, like a live
region on a web page), assertive for errors, polite for confirmations.

A module of its own, importing nothing from core, so the lock screen can use
it without loading the eRx rules before its first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget


def error_label() -> QLabel:
    """A hidden inline message line (red until `show_message(..., ok=True)` makes it green)."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleDescription(QCoreApplication.translate("dialogs", "Problem"))
    return label


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label for a row that holds a layout: QFormLayout gives such a row no buddy, so its
    "&" would show literally ("&File:") and Alt+letter would do nothing."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Have a screen reader say `text` now (a live-region update), on behalf of `widget`."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


def set_live_text(label: QLabel, text: str, assertive: bool = False) -> None:
    """Set a status line's text and announce it when it changed (any live line, not only errors)."""
    if label.text() == text:
        return
    label.setText(text)
    QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.NameChanged))
    if not label.isHidden():
        announce(label, text, assertive)


def show_error(label: QLabel, text: str) -> None:
    changed = text != label.text() or label.isHidden() == bool(text)
    label.setText(text)
    label.setVisible(bool(text))
    if text:
        _make_room(label)
        if changed:
            QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.NameChanged))
            announce(label, text, assertive=label.objectName() != "ok")


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
        done, problem = (
            QCoreApplication.translate("dialogs", "Done"),
            QCoreApplication.translate("dialogs", "Problem"),
        )
        label.setAccessibleDescription(done if ok else problem)
    show_error(label, text)
