"""The three scanning pages: webcam, screen and image file.

They share one rule: nothing is called a success until a decoded text is a
valid authenticator payload (`core.payload.classify`). Everything else gets
the classifier's own explanation ("QR code found but it is not an
authenticator code", the ID.me activation-link hint...), and when a path is
unavailable (no camera, the platform refuses screen capture) the page says so
and offers the image and secret-key paths instead of raising.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.qr import IMAGE_FORMATS_TEXT, IMAGE_PATTERNS
from epcs_desktop.ui.file_places import remember, start_path
from epcs_desktop.ui.i18n import core_text
from epcs_desktop.ui.scanner import ScanPreview, ScanSession
from epcs_desktop.ui.screen_grab import qimage_to_bgr
from epcs_desktop.ui.tasks import Busy, busy, run_in_background, user_message

from .ids import PageId
from .owner import owner
from .state import Feedback, sentence

log = logging.getLogger(__name__)

IMAGE_FILTER = IMAGE_PATTERNS  # core/qr.py's one list
_READ_HOLD_S = 1.0  # a read's message stays this long through frames that do not decode
_FADE_MS = 300  # time for the desktop to repaint what the faded-out wizard covered


class _ScanPageBase(QWizardPage):
    """Status line, fallback buttons and routing common to the scanning pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Scan status"))
        self.progress = QLabel(self)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setVisible(False)
        self.fallback = QWidget(self)
        row = QHBoxLayout(self.fallback)
        row.setContentsMargins(0, 0, 0, 0)
        self.image_instead = QPushButton(self.tr("&Open an image instead"), self.fallback)
        self.key_instead = QPushButton(self.tr("Enter the secret &key instead"), self.fallback)
        row.addWidget(self.image_instead)
        row.addWidget(self.key_instead)
        row.addStretch(1)
        self.fallback.setVisible(False)
        self.image_instead.clicked.connect(lambda: self._switch_to(PageId.IMAGE))
        self.key_instead.clicked.connect(lambda: self._switch_to(PageId.KEY))
        self._done = False

    # -- shared behaviour ------------------------------------------------
    def _is_current(self) -> bool:
        """Still on screen for a result arriving from a worker thread?

        A decode or a camera probe can finish after the wizard was closed, the
        page left (Back, another path) or the window deleted on lock; its
        result must then be dropped, not written into a deleted label.
        """
        wizard = self.wizard()  # results reach a live page only (ui.tasks drops the rest)
        if wizard is None or getattr(wizard, "ended", False):
            return False
        return wizard.currentPage() is self

    def _switch_to(self, page_id: PageId) -> None:
        wizard = owner(self)
        wizard.method_page.choose(page_id)
        wizard.restart_at_choice()

    def show_feedback(self, feedback: Feedback) -> None:
        self.status.setText(sentence(feedback.message))
        state = owner(self).state
        busy_collecting = state.collector is not None and not state.is_migration and state.collector_status
        self.progress.setVisible(bool(busy_collecting))
        if busy_collecting:
            self.progress.setText(state.collector_status)
        if feedback.done and not self._done:
            self._done = True
            self.completeChanged.emit()

    def show_unavailable(self, message: str) -> None:
        """A path that cannot work here: say why, point to the ones that can."""
        self.status.setText(sentence(message))
        self.fallback.setVisible(True)

    def accept_texts(self, texts: Sequence[str]) -> Feedback:
        feedback = owner(self).state.offer(texts)
        self.show_feedback(feedback)
        return feedback

    def initializePage(self) -> None:
        self._done = False
        self.fallback.setVisible(False)
        self.progress.setVisible(False)
        owner(self).state.reset()

    def isComplete(self) -> bool:
        return self._done

    def nextId(self) -> int:
        if self.wizard() is not None and owner(self).state.is_migration:
            return int(PageId.ACCOUNTS)
        return int(PageId.CONFIRM)

    def stop(self) -> None:
        """Release whatever this page holds; called on every way out."""


class CameraPage(_ScanPageBase):
    """Live webcam scanning with a mirrored preview and a camera picker."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        source_factory: Callable[[int], Any] | None = None,
        cameras: Callable[[], list[Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scan with the webcam"))
        self.setSubTitle(self.tr("Hold the QR code ID.me shows inside the box. It is read twice to be sure."))
        self._source_factory = source_factory
        self._cameras = cameras
        self.session: ScanSession | None = None
        self._hint = ""
        self._read_at = -1e9
        self.accepted_frame: int | None = None
        self._generation = 0
        self.camera_combo = QComboBox(self)
        self.camera_combo.setAccessibleName(self.tr("Camera"))
        picker_label = QLabel(self.tr("&Camera:"), self)
        picker_label.setBuddy(self.camera_combo)
        self.preview = ScanPreview(self)
        self.again_button = QPushButton(self.tr("Scan &again"), self)
        self.again_button.setAccessibleName(self.tr("Scan again"))
        self.again_button.setVisible(False)
        self.again_button.clicked.connect(self.scan_again)
        top = QHBoxLayout()
        top.addWidget(picker_label)
        top.addWidget(self.camera_combo, 1)
        top.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.fallback)
        self.camera_combo.activated.connect(self._camera_chosen)

    def initializePage(self) -> None:
        super().initializePage()
        self.accepted_frame = None
        self.again_button.setVisible(False)
        self.preview.clear()
        self.preview.set_found(False)
        self.camera_combo.clear()
        self.camera_combo.setEnabled(False)
        self.status.setText(self.tr("Looking for cameras…"))
        # Probing cameras can block for seconds on some drivers: do it off the GUI thread.
        self._generation += 1
        generation = self._generation
        run_in_background(
            self,
            self._list_cameras,
            lambda cams: self._cameras_listed(generation, cams),
            lambda exc: self._cameras_failed(generation, exc),
        )

    def _still_wanted(self, generation: int) -> bool:
        return generation == self._generation and self._is_current()

    def _cameras_failed(self, generation: int, exc: BaseException) -> None:
        if self._still_wanted(generation):
            self.show_unavailable(user_message(exc))

    def _cameras_listed(self, generation: int, cameras: list[Any]) -> None:
        if not self._still_wanted(generation):
            return
        for cam in cameras:
            self.camera_combo.addItem(str(getattr(cam, "name", "") or cam), int(cam.index))
        if not cameras:
            self.show_unavailable(
                self.tr("No camera was found. Open an image of the QR code or enter the secret key instead.")
            )
            return
        self.camera_combo.setEnabled(True)
        preferred = owner(self).preferred_camera_index()
        pos = self.camera_combo.findData(preferred)
        self.camera_combo.setCurrentIndex(max(0, pos))
        self.camera_combo.setFocus()
        self._start(int(self.camera_combo.currentData()))

    def _list_cameras(self) -> list[Any]:
        if self._cameras is not None:
            return list(self._cameras())
        from epcs_desktop.core.frames import list_cameras

        return list(list_cameras(self.wizard().profile.policy.current()))  # type: ignore[attr-defined]

    def _camera_chosen(self, _pos: int) -> None:
        if self._done:
            return
        self._start(int(self.camera_combo.currentData()))

    def _start(self, index: int) -> None:
        # Switching cameras: give the old session a moment to let go of its device first
        # (some drivers refuse a second open). Closing the wizard never waits (stop()).
        self.stop(wait_ms=2000)
        factory = self._source_factory
        if factory is None:
            from epcs_desktop.core.frames import CameraSource

            policy = self.wizard().profile.policy.current()  # type: ignore[attr-defined]  # IT's, now
            factory = lambda i: CameraSource(i, policy=policy)  # noqa: E731
        session = ScanSession(lambda: factory(index), parent=self)
        session.frame.connect(self._on_frame)
        session.seen.connect(self._on_seen)
        session.confirmed.connect(self._on_confirmed)
        session.hint.connect(self._on_hint)
        session.failed.connect(self._on_failed)
        session.ended.connect(self._on_ended)
        self.session = session
        self._hint = ""
        self._read_at = -1e9
        self.fallback.setVisible(False)
        self.status.setText(self.tr("Starting the camera…"))
        session.start()

    def stop(self, wait_ms: int = 0) -> None:
        """Let go of the camera without waiting for it (`wait_ms`: at most that long)."""
        session, self.session = self.session, None
        if session is None:
            return
        for sig in (
            session.frame,
            session.seen,
            session.confirmed,
            session.hint,
            session.failed,
            session.ended,
        ):
            sig.disconnect()
        session.dispose(wait_ms)

    def cancel(self) -> None:
        """Stop the camera and forget any camera list still being probed (the wizard is closing)."""
        self._generation += 1
        self.stop()

    def _current(self) -> bool:
        return self.session is not None and self.sender() is self.session

    def _on_frame(self, frame: Any) -> None:
        if self._current():
            self.preview.set_frame(frame)

    def _on_hint(self, hint: str) -> None:
        if self._current():
            self._hint = hint

    def _on_seen(self, texts: list[str], _index: int) -> None:
        """Say what is in view, without flicker.

        A read keeps its message for `_READ_HOLD_S` through frames that do not
        decode (a hand's tremor blurs every other frame); a text that is not an
        authenticator code is only reported once it is confirmed (`_on_confirmed`),
        so a single misread never flashes a warning. With nothing read, the
        steadied hint (core/scan_guide.py) says what to change, if anything.
        """
        if not self._current() or self._done:
            return
        now = time.monotonic()
        state = owner(self).state
        if texts:
            feedback = state.preview(texts)
            if not feedback.usable:
                return
            self._read_at = now
            self.status.setText(sentence(feedback.message))
            self.preview.set_found(True)
            return
        if now - self._read_at < _READ_HOLD_S:
            return
        self.preview.set_found(False)
        if self._hint:
            self.status.setText(sentence(core_text(self._hint)))
        else:
            self.status.setText(sentence(state.preview([]).message))

    def _on_confirmed(self, text: str, index: int) -> None:
        if not self._current() or self._done:
            return
        feedback = self.accept_texts([text])
        if feedback.done:
            self.accepted_frame = index
            self.preview.set_found(True)
            self.stop()  # the code is in; the camera light goes off now
            self.again_button.setVisible(True)

    def scan_again(self) -> None:
        """Forget the code found and start the camera again (e.g. after Back from the confirm page)."""
        owner(self).state.reset()
        self._done = False
        self.completeChanged.emit()
        self.again_button.setVisible(False)
        self.accepted_frame = None
        self.preview.set_found(False)
        if self.camera_combo.count():
            self._start(int(self.camera_combo.currentData()))

    def _on_failed(self, message: str) -> None:
        if self._current():
            self.stop()
            self.show_unavailable(message)

    def _on_ended(self) -> None:
        if self._current() and not self._done:
            self.stop()
            self.show_unavailable(self.tr("The camera stopped sending pictures."))

    def cleanupPage(self) -> None:
        self._generation += 1  # a camera list still on its way must not start a camera
        self.stop()
        super().cleanupPage()

    def validatePage(self) -> bool:
        self._generation += 1
        self.stop()
        return self._done


class ScreenPage(_ScanPageBase):
    """Grab every screen and look for the QR code ID.me shows in the browser."""

    def __init__(
        self, parent: QWidget | None = None, *, grabber: Callable[[], list[Any]] | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Scan from the screen"))
        self.setSubTitle(
            self.tr("Show the QR code in your browser, uncovered, then press Scan. Every screen is searched.")
        )
        self._grabber = grabber
        self.busy = False
        self._busy: Busy | None = None
        self.scan_button = QPushButton(self.tr("&Scan the screen"), self)
        self.scan_button.setAccessibleName(self.tr("Scan the screen"))
        self.scan_button.clicked.connect(self.scan)
        QWidget.setTabOrder(self.scan_button, self.image_instead)  # the button above the fallbacks
        QWidget.setTabOrder(self.image_instead, self.key_instead)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_button)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.fallback)
        layout.addStretch(1)

    def initializePage(self) -> None:
        super().initializePage()
        self.status.setText(self.tr("Press Scan when the QR code is visible."))
        self.scan_button.setFocus()

    def _grab(self) -> list[Any]:
        if self._grabber is not None:
            return list(self._grabber())
        from epcs_desktop.ui import screen_grab

        return list(screen_grab.grab_screens(self.wizard().profile.policy.current()))  # type: ignore[attr-defined]

    def scan(self) -> None:
        """Fade this window out (it may cover the code), grab every screen, decode off the GUI thread."""
        if self.busy:
            return
        self.busy = True
        self.fallback.setVisible(False)
        self._busy = busy(self.scan_button, self.tr("Looking at the screen…"), status=self.status)
        window = self.window()
        window.setWindowOpacity(0.0)
        # Give the window manager a moment to repaint what the wizard covered (dropped with the page).
        QTimer.singleShot(_FADE_MS if self._grabber is None else 0, self, self._grab_and_decode)

    def _grab_and_decode(self) -> None:
        if not self._is_current():
            self.window().setWindowOpacity(1.0)
            self._finish_scan()
            return
        try:
            shots = self._grab()  # QScreen.grabWindow: GUI thread only
        except EpcsError as exc:
            self._finish_scan()
            self.show_unavailable(str(exc))
            return
        finally:
            self.window().setWindowOpacity(1.0)
        if not shots:
            self._finish_scan()
            self.show_unavailable(
                self.tr("This system did not allow a screen capture. Open an image or enter the key instead.")
            )
            return
        frames = [qimage_to_bgr(s) if isinstance(s, QImage) else s for s in shots]
        run_in_background(
            self, lambda: _decode_all(frames), self._decoded, self._decode_failed, busy=self._busy
        )

    def _finish_scan(self) -> None:
        self.busy = False
        if self._busy is not None:
            self._busy.release()

    def _decoded(self, texts: list[str]) -> None:
        self._finish_scan()
        if not self._is_current():
            return
        if not texts:
            self.status.setText(self.tr("No QR code found on the screen. Make sure it is fully visible."))
            return
        self.accept_texts(texts)

    def _decode_failed(self, exc: BaseException) -> None:
        self._finish_scan()
        if self._is_current():
            self.status.setText(sentence(user_message(exc)))


def _decode_all(frames: Sequence[Any]) -> list[str]:
    """Every distinct text on every screen, in screen order (runs on a worker thread)."""
    from epcs_desktop.core.qr import decode_frame

    texts: list[str] = []
    for frame in frames:
        try:
            found = decode_frame(frame)
        except EpcsError:
            found = []
        texts.extend(t for t in found if t not in texts)
    return texts


class ImagePage(_ScanPageBase):
    """Read the QR code from a PNG, JPEG, BMP or WebP file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open an image"))
        subtitle = self.tr("Choose a screenshot or photo of the QR code ({formats}).")
        self.setSubTitle(subtitle.format(formats=IMAGE_FORMATS_TEXT))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Image file"))
        self.path_edit.setPlaceholderText(self.tr("Path to the image, then Enter"))
        self.browse = QPushButton(self.tr("B&rowse…"), self)
        self.browse.setAccessibleName(self.tr("Choose an image file"))
        label = QLabel(self.tr("&Image:"), self)
        label.setBuddy(self.path_edit)
        QWidget.setTabOrder(self.path_edit, self.browse)  # the file row comes before the fallbacks
        QWidget.setTabOrder(self.browse, self.image_instead)
        QWidget.setTabOrder(self.image_instead, self.key_instead)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.fallback)
        layout.addStretch(1)
        self.busy = False
        self.browse.clicked.connect(self.choose_file)
        self.path_edit.returnPressed.connect(lambda: self.load_file(self.path_edit.text().strip()))

    def initializePage(self) -> None:
        super().initializePage()
        self.status.setText("")
        self.browse.setFocus()

    def choose_file(self) -> None:
        title = self.tr("Open an image of the QR code")
        filters = self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER)
        path = remember("image", QFileDialog.getOpenFileName(self, title, start_path("image"), filters)[0])
        if path:
            self.path_edit.setText(path)
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Decode the image on a worker thread (large photos take a moment)."""
        from epcs_desktop.core.qr import decode_file

        if not path or self.busy:
            return
        self.busy = True
        run_in_background(
            self,
            lambda: decode_file(Path(path)),
            self._decoded,
            self._failed,
            # Not the path field: disabling the field that has the focus hands its Return to the wizard.
            busy=busy(self.browse, self.tr("Reading the image…"), status=self.status),
        )

    def _decoded(self, texts: list[str]) -> None:
        self.busy = False
        if not self._is_current():  # Back, another path, or the wizard closed meanwhile
            return
        if not texts:
            self.status.setText(self.tr("No QR code found in this image."))
            return
        self.accept_texts(texts)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if self._is_current():
            self.status.setText(sentence(user_message(exc)))
