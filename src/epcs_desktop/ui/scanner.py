"""Live QR scanning from a camera (or a video file standing in for one).

Why two threads: reading a camera blocks for a frame period and decoding a
720p frame can take longer than that. If one thread did both, the preview
would stutter to the decoder's pace. So a capture thread reads frames as the
source delivers them and keeps only the newest one; a decode thread takes
whatever is newest when it is free. Frames that arrive while the decoder is
busy are dropped, never queued, so the scanner never lags behind the camera.

The preview works the same way: the capture thread hands the GUI at most one
frame at a time (the next one only after the GUI took the last), and the GUI
thread converts it to a QImage. No widget is touched outside the GUI thread;
the threads speak only through queued signals.

A payload is reported as confirmed only after the decoder read the same text
in two decoded frames in a row (core/live_scan.py's `ReadConfirmer`, the rule
`epcs-desktop scan` uses too): a single misread of a half-visible code never
counts. Guidance ("bring the phone closer"...) comes from the same
`LiveScanner`, already steadied; the session only passes it on when it
changes. Decoded texts travel only through signals, never through logs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QThread, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from epcs_desktop.core.errors import EpcsError

log = logging.getLogger(__name__)


class FrameSourceLike(Protocol):
    """What the scanner needs of `core.frames.FrameSource`."""

    def read(self) -> NDArray[Any] | None: ...

    def close(self) -> None: ...


SourceFactory = Callable[[], FrameSourceLike]
Decoder = Callable[[NDArray[Any]], list[str]]

# A source that yields this many `None`s in a row has ended (end of file,
# unplugged camera). A camera may give a single empty read while it warms up.
_END_AFTER_EMPTY_READS = 30


class _Reader:
    """Per-frame work of the decode thread: the core LiveScanner, or a substituted decoder plus the
    same two-reads rule (tests gate the decoder to hold a frame)."""

    def __init__(self, decoder: Decoder | None) -> None:
        from epcs_desktop.core.live_scan import LiveScanner, ReadConfirmer

        self._decoder = decoder
        self._scanner = LiveScanner() if decoder is None else None
        self._confirmer = ReadConfirmer()
        self._t0 = time.monotonic()

    def read(self, frame: NDArray[Any]) -> tuple[list[str], list[str], str]:
        """(texts read, texts confirmed now, hint sentence or "")."""
        if self._scanner is not None:
            result = self._scanner.feed(frame, time.monotonic() - self._t0)
            return result.texts, result.confirmed, result.hint.text if result.hint else ""
        assert self._decoder is not None
        texts = self._decoder(frame)
        return texts, self._confirmer.feed(list(texts)), ""


class _LatestFrame:
    """A one-slot mailbox: writers overwrite, the reader takes the newest."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._item: tuple[int, NDArray[Any]] | None = None
        self._closed = False

    def put(self, index: int, frame: NDArray[Any]) -> None:
        with self._cond:
            self._item = (index, frame)
            self._cond.notify()

    def take(self, timeout: float = 0.2) -> tuple[int, NDArray[Any]] | None:
        with self._cond:
            if self._item is None and not self._closed:
                self._cond.wait(timeout)
            item, self._item = self._item, None
            return item

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class _CaptureThread(QThread):
    """Opens the source, reads frames at the source's pace, closes the source."""

    opened = Signal()
    failed = Signal(str)
    ended = Signal()

    def __init__(self, session: ScanSession) -> None:
        super().__init__()
        self._session = session

    def run(self) -> None:
        s = self._session
        try:
            source = s._factory()
        except EpcsError as exc:
            self.failed.emit(str(exc))
            return
        except Exception:
            log.exception("could not open the frame source")
            self.failed.emit(s.generic_failure)
            return
        s._mark_opened(source)
        self.opened.emit()
        try:
            self._loop(source)
        except EpcsError as exc:
            self.failed.emit(str(exc))
        except Exception:
            log.exception("frame source failed while reading")
            self.failed.emit(s.generic_failure)
        finally:
            try:
                source.close()
            except Exception:
                log.exception("closing the frame source failed")
            s._mark_closed()

    def _loop(self, source: FrameSourceLike) -> None:
        s = self._session
        period = 1.0 / s.max_fps if s.max_fps > 0 else 0.0
        next_due = time.monotonic()
        empty = 0
        index = 0
        while not s._stop.is_set():
            # Pace sources that do not block (video files) to a camera-like
            # rate; a real camera blocks in read() and never waits here.
            delay = next_due - time.monotonic()
            if delay > 0 and s._stop.wait(delay):
                break
            next_due = max(next_due + period, time.monotonic())
            frame = source.read()
            if frame is None:
                empty += 1
                if empty >= _END_AFTER_EMPTY_READS:
                    self.ended.emit()
                    return
                continue
            empty = 0
            s._mailbox.put(index, frame)
            s._offer_preview(frame)
            s.frames_read = index + 1
            index += 1


class _DecodeThread(QThread):
    """Decodes the newest frame whenever it is free; confirms texts seen twice in a row."""

    def __init__(self, session: ScanSession) -> None:
        super().__init__()
        self._session = session

    def run(self) -> None:
        s = self._session
        reader = _Reader(s._decoder)
        hint = ""
        while not s._stop.is_set():
            item = s._mailbox.take()
            if item is None:
                continue
            index, frame = item
            try:
                texts, confirmed, new_hint = reader.read(frame)
            except EpcsError:
                texts, confirmed, new_hint = [], [], hint
            except Exception:
                log.exception("decoding a frame failed")
                texts, confirmed, new_hint = [], [], hint
            s.frames_decoded += 1
            if s._stop.is_set():
                break
            if new_hint != hint:
                hint = new_hint
                s.hint.emit(hint)
            s.seen.emit(list(texts), index)
            for text in confirmed:
                s.confirmed.emit(text, index)


_LINGERING: set[ScanSession] = set()
_QUIT_HOOKED: list[bool] = []


def _wait_at_quit() -> None:
    """At application exit, give lingering sessions a moment to close their cameras.

    A QThread destroyed while running aborts the process; this only runs when
    the program quits right after closing a wizard whose camera was still opening.
    """
    if _QUIT_HOOKED:
        return
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        return
    _QUIT_HOOKED.append(True)

    def _drain() -> None:
        for session in list(_LINGERING):
            session.wait(3000)

    app.aboutToQuit.connect(_drain)


class ScanSession(QObject):
    """One scanning session: a frame source, a capture thread and a decode thread.

    Signals (all delivered on the GUI thread):
    - `frame(np.ndarray)`: the newest frame for the preview (at most one in flight);
    - `seen(list[str], int)`: what the decoder found in frame N (may be empty);
    - `confirmed(str, int)`: a text decoded in two frames in a row (once per text);
    - `hint(str)`: the guidance sentence (English, `core` context) when it changes; "" for none;
    - `failed(str)`: the source could not be opened or broke (a user message);
    - `ended()`: the source ran out of frames;
    - `stopped()`: the source is closed and both threads have finished.
    """

    frame = Signal(object)
    seen = Signal(list, int)
    confirmed = Signal(str, int)
    hint = Signal(str)
    failed = Signal(str)
    ended = Signal()
    opened = Signal()
    stopped = Signal()

    def __init__(
        self,
        factory: SourceFactory,
        *,
        decoder: Decoder | None = None,
        max_fps: float = 30.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._decoder: Decoder | None = decoder
        self.max_fps = max_fps
        self.generic_failure = self.tr("The camera stopped working. Try another camera or open an image.")
        self._stop = threading.Event()
        self._mailbox = _LatestFrame()
        self._preview_lock = threading.Lock()
        self._preview_busy = False
        self._source_lock = threading.Lock()
        self._source_open = False
        self.frames_read = 0
        self.frames_decoded = 0
        self.preview_frames = 0
        self._capture: _CaptureThread | None = None
        self._decode: _DecodeThread | None = None
        self.frame.connect(self._frame_delivered)

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> None:
        """Open the source on the capture thread (it may block) and start decoding."""
        if self.is_running():
            return
        self._stop.clear()
        self._mailbox = _LatestFrame()
        self._capture = _CaptureThread(self)
        self._decode = _DecodeThread(self)
        self._capture.opened.connect(self.opened)
        self._capture.failed.connect(self.failed)
        self._capture.ended.connect(self.ended)
        self._capture.finished.connect(self._thread_finished)
        self._decode.finished.connect(self._thread_finished)
        self._capture.start()
        self._decode.start()

    def stop(self, timeout_ms: int = 0) -> None:
        """Ask both threads to stop; by default return at once, without waiting for them.

        Why not wait: a camera may take up to 8 s to open (core/frames.py) and a
        driver can hang in read(); waiting here froze the window while the
        wizard closed. The threads see the stop flag, close the source (the
        camera light goes off) and end on their own; `stopped` is emitted
        then. Safe to call any number of times and from any exit path (Back,
        Cancel, close, accept, lock). `timeout_ms > 0` waits up to that long
        (tests and command-line use); `wait()` does the same later.
        """
        self._stop.set()
        self._mailbox.close()
        if timeout_ms > 0:
            self.wait(timeout_ms)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until both threads have finished (the source is closed); False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000.0
        for thread in (self._capture, self._decode):
            if thread is None or not thread.isRunning():
                continue
            left = max(0, int((deadline - time.monotonic()) * 1000))
            if not thread.wait(left):
                log.warning("scanner thread did not stop within %d ms", timeout_ms)
                return False
        return True

    def dispose(self, timeout_ms: int = 0) -> None:
        """Stop, then delete this session once its threads have really finished; never blocks by default.

        Deleting a QThread that still runs would abort the process, so a
        session whose threads are still winding down (a camera still opening,
        a driver stuck in read()) is detached from its parent and kept alive in
        `_LINGERING` until `stopped`; its owner can be deleted meanwhile.
        """
        self.stop(timeout_ms)
        if not self.is_running():
            self.deleteLater()
            return
        _LINGERING.add(self)
        self.setParent(None)

        def _gone() -> None:
            _LINGERING.discard(self)
            self.wait(1000)  # both already past run(); lets QThread finish its own bookkeeping
            self.deleteLater()

        # The threads' `finished` is queued to this (GUI) thread, so `stopped` cannot
        # have fired between the is_running() check above and this connect.
        self.stopped.connect(_gone)
        _wait_at_quit()

    def is_running(self) -> bool:
        return any(t is not None and t.isRunning() for t in (self._capture, self._decode))

    @property
    def source_open(self) -> bool:
        """True while the frame source (the camera) is held open."""
        with self._source_lock:
            return self._source_open

    # -- called from the capture thread -----------------------------------
    def _mark_opened(self, _source: FrameSourceLike) -> None:
        with self._source_lock:
            self._source_open = True

    def _mark_closed(self) -> None:
        with self._source_lock:
            self._source_open = False

    def _offer_preview(self, frame: NDArray[Any]) -> None:
        with self._preview_lock:
            if self._preview_busy:
                return  # the GUI has not taken the last one: drop this frame
            self._preview_busy = True
        self.frame.emit(frame)

    # -- GUI thread ---------------------------------------------------------
    def _frame_delivered(self, _frame: Any) -> None:
        # Connected first, so it runs before the preview's slot; the next frame
        # can only be emitted after the event loop returns, so at most one is queued.
        with self._preview_lock:
            self._preview_busy = False
        self.preview_frames += 1

    def _thread_finished(self) -> None:
        if not self.is_running():
            self.stopped.emit()


def frame_to_qimage(frame: NDArray[Any]) -> QImage:
    """Copy a BGR or grey numpy frame into a QImage (on the GUI thread)."""
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    if frame.ndim == 2:
        return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_Grayscale8).copy()
    if frame.shape[2] == 4:
        return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_ARGB32).copy()
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()


class ScanPreview(QWidget):
    """A mirrored camera preview with a focus box, like looking into a mirror.

    Mirroring matters: people move the phone toward the code's image on the
    screen; without it, moving left makes the code drift right.
    """

    def __init__(self, parent: QWidget | None = None, *, mirrored: bool = True) -> None:
        super().__init__(parent)
        self.mirrored = mirrored
        self._image: QImage | None = None
        self._box_color = QColor(255, 255, 255)
        self.frames_shown = 0
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Camera preview"))
        self.setAccessibleDescription(self.tr("Hold the QR code inside the box."))

    def set_frame(self, frame: NDArray[Any]) -> None:
        image = frame_to_qimage(frame)
        if self.mirrored:
            image = image.flipped(Qt.Orientation.Horizontal)
        self._image = image
        self.frames_shown += 1
        self.update()

    def clear(self) -> None:
        self._image = None
        self.update()

    def set_found(self, found: bool) -> None:
        """Green box once a usable code is in view, white otherwise."""
        self._box_color = QColor(40, 180, 90) if found else QColor(255, 255, 255)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(20, 20, 20))
        if self._image is None or self._image.isNull():
            p.end()
            return
        scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(
            QPointF((self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2),
            scaled.toSizeF(),
        )
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(target, self._image)
        side = min(target.width(), target.height()) * 0.6
        box = QRectF(target.center().x() - side / 2, target.center().y() - side / 2, side, side)
        p.setPen(QPen(self._box_color, 3))
        p.drawRoundedRect(box, 8, 8)
        p.end()
