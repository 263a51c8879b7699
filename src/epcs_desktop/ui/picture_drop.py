"""Paste (Ctrl+V) or drop a QR picture, or an export file, onto the main window to enroll or import.

A clinician who took a screenshot of ID.me's QR code, or has the picture in a chat or a
folder, should not have to save it and browse to it. What arrives goes to the wizard's own
entry points, so it is checked exactly as there: a picture file to "Open an image"
(`ImagePage.load_file`), picture data from the clipboard decoded in memory (never written to a
temporary file: it holds a secret key) and offered like a decoded image, any other file to the
import page (`ImportPage.read_files`), which says what it can read.

Ctrl+V is the window's shortcut only where the focus is not in a text field: a field's own
paste wins (Qt asks the focused editor first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def picture_in(mime: QMimeData | None) -> tuple[str, Any] | None:
    """("file", path) for a local file, ("image", QImage) for picture data, else None."""
    if mime is None:
        return None
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                return "file", url.toLocalFile()
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return "image", image
    return None


def is_picture_file(path: str) -> bool:
    from epcs_desktop.core.qr import IMAGE_PATTERNS

    suffixes = {p.removeprefix("*").lower() for p in IMAGE_PATTERNS.split()}
    return Path(path).suffix.lower() in suffixes


class PictureDrop(QObject):
    """Drop and paste on `window`; `open_wizard()` opens the enrollment wizard and returns it."""

    def __init__(self, window: QWidget, open_wizard: Callable[[], Any], say: Callable[[str], None]) -> None:
        super().__init__(window)
        self.target = window
        self.open_wizard = open_wizard
        self.say = say
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.paste = QShortcut(QKeySequence.StandardKey.Paste, window)
        self.paste.activated.connect(self.paste_clipboard)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.target or not isinstance(event, QDropEvent):  # (drag enter/move are too)
            return False
        dragging = event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if dragging and picture_in(event.mimeData()) is not None:
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop:
            found = picture_in(event.mimeData())
            if found is not None:
                event.acceptProposedAction()
                self.take(*found)
                return True
        return False

    def paste_clipboard(self) -> None:
        found = picture_in(QGuiApplication.clipboard().mimeData())
        if found is None:
            self.say(self.tr("The clipboard holds no picture or file to add a code generator from."))
            return
        self.take(*found)

    def take(self, kind: str, value: Any) -> Any:
        """Hand a file or picture to the wizard's entry point; returns the wizard."""
        from epcs_desktop.ui.wizard.ids import PageId

        wizard = self.open_wizard()
        if kind == "file" and not is_picture_file(str(value)):
            log.info("dropped or pasted file goes to the import page")
            wizard.setStartId(int(PageId.IMPORT))
            wizard.restart()
            wizard.import_page.read_files([str(value)])
            return wizard
        wizard.setStartId(int(PageId.IMAGE))
        wizard.restart()
        page = wizard.image_page
        if kind == "file":
            page.path_edit.setText(str(value))
            page.load_file(str(value))
            return wizard
        from epcs_desktop.core.qr import decode_frame
        from epcs_desktop.ui.screen_grab import qimage_to_bgr

        texts = decode_frame(qimage_to_bgr(value))
        if texts:
            page.accept_texts(texts)
        else:
            page.status.setText(self.tr("No QR code found in the pasted picture."))
        return wizard
