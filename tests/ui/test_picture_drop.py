"""ui/picture_drop.py: Ctrl+V of a QR picture or a copied file, or a dropped file, enrolls or imports."""

from __future__ import annotations

from pathlib import Path

import cv2
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from epcs_desktop.ui.wizard.ids import PageId
from qr_support import on_canvas, qr_gray

URI = "otpauth://totp/ID.me:lee@example.org?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=ID.me"


def _picture(tmp_path: Path) -> Path:
    path = tmp_path / "qr.png"
    cv2.imwrite(str(path), on_canvas(qr_gray(URI), 420, 420, (40, 40)))
    return path


def _drop(window, path: Path) -> None:
    """A real drag's two events: Qt delivers the drop only to the widget that accepted the drag."""
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point, action = QPointF(10, 10), Qt.DropAction.CopyAction
    no_button, no_key = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, mime, no_button, no_key)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(point, action, mime, no_button, no_key))


def _window(qtbot, controller, lee_profile):
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # a shortcut needs its window active
    window.codes.view.setFocus()  # not a text field: Ctrl+V is the window's
    return window


def test_ctrl_v_of_a_picture_opens_the_wizard_with_the_code_read(
    qtbot, controller, lee_profile, tmp_path
) -> None:
    window = _window(qtbot, controller, lee_profile)
    QGuiApplication.clipboard().setImage(QImage(str(_picture(tmp_path))))
    qtbot.keyClick(window.codes.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wizard = window.dialog
    assert wizard is not None and wizard.currentId() == PageId.IMAGE
    assert wizard.state.candidates and wizard.state.candidates[0].account == "lee@example.org"
    wizard.reject()


def test_ctrl_v_with_nothing_usable_says_so(qtbot, controller, lee_profile) -> None:
    window = _window(qtbot, controller, lee_profile)
    QGuiApplication.clipboard().setText("just words")
    said: list[str] = []
    window.picture_drop.say = said.append
    window.picture_drop.paste_clipboard()
    assert said and "no picture" in said[0]


def test_dropping_a_picture_file_reads_it_and_another_file_goes_to_import(
    qtbot, controller, lee_profile, tmp_path
) -> None:
    window = _window(qtbot, controller, lee_profile)
    _drop(window, _picture(tmp_path))
    wizard = window.dialog
    assert wizard.currentId() == PageId.IMAGE
    qtbot.waitUntil(lambda: bool(wizard.state.candidates), timeout=10_000)  # read on a worker thread
    wizard.reject()

    export = tmp_path / "links.txt"
    export.write_text(URI + "\n")
    _drop(window, export)
    assert window.dialog.currentId() == PageId.IMPORT
    window.dialog.reject()


def test_ctrl_v_in_a_text_field_still_pastes_text(qtbot, controller, lee_profile, tmp_path) -> None:
    window = _window(qtbot, controller, lee_profile)
    QGuiApplication.clipboard().setText("Office")
    window.codes.filter.setFocus()
    qtbot.keyClick(window.codes.filter, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.codes.filter.text() == "Office" and window.dialog is None
