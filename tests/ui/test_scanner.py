"""The live scanner: threads, frame dropping, two-frame confirmation, release, preview.

The frame source is the real `core.frames.VideoFileSource` over a real MJPG
video written here; the decoder is the real `core.qr.decode_frame` except in
the frame-dropping test, which gates it on an Event to make "the decoder was
busy while frames arrived" deterministic instead of a matter of timing.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from epcs_desktop.core.qr import decode_frame
from epcs_desktop.ui.scanner import ScanPreview, ScanSession, frame_to_qimage
from qr_support import RecordingSource, write_qr_video

TEXT = "otpauth://totp/ID.me:dr?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ID.me"


def test_confirms_only_text_seen_in_two_frames_and_closes_source(qtbot, tmp_path: Path) -> None:
    blank = 10
    video = write_qr_video(tmp_path / "v.avi", TEXT, blank=blank, coded=30, size=(480, 360), qr_size=300)
    rec: list[RecordingSource] = []
    session = ScanSession(lambda: rec.append(RecordingSource(video)) or rec[-1], max_fps=60)
    seen: list[tuple[int, list[str]]] = []
    confirmed: list[tuple[str, int]] = []
    session.seen.connect(lambda texts, i: seen.append((i, texts)))
    session.confirmed.connect(lambda text, i: confirmed.append((text, i)))
    session.start()
    qtbot.waitUntil(lambda: bool(confirmed), timeout=15000)
    session.stop(5000)  # stop() alone does not wait; this waits for the threads
    assert rec[0].closed.is_set()
    assert not session.is_running()
    assert not session.source_open

    text, index = confirmed[0]
    assert text == TEXT
    assert index >= blank
    hits = [i for i, texts in seen if TEXT in texts]
    # Confirmed on the second decoded frame that showed the code, not the first.
    assert len(hits) >= 2 and index == hits[1]
    assert all(texts == [] for i, texts in seen if i < blank)
    assert len(confirmed) == 1  # reported once, not once per frame


def test_busy_decoder_drops_frames_instead_of_queueing(qtbot, tmp_path: Path) -> None:
    video = write_qr_video(tmp_path / "v.avi", TEXT, blank=0, coded=120, size=(480, 360), qr_size=300)
    rec: list[RecordingSource] = []
    gate = threading.Event()
    decoded_indices: list[int] = []

    def gated_decoder(frame: np.ndarray) -> list[str]:
        gate.wait(10)
        return decode_frame(frame)

    session = ScanSession(
        lambda: rec.append(RecordingSource(video)) or rec[-1], decoder=gated_decoder, max_fps=120
    )
    session.seen.connect(lambda texts, i: decoded_indices.append(i))
    session.start()
    # The decoder is stuck on the first frame; the capture thread keeps reading.
    qtbot.waitUntil(lambda: bool(rec) and rec[0].reads >= 20, timeout=10000)
    read_while_blocked = rec[0].reads
    gate.set()
    qtbot.waitUntil(lambda: len(decoded_indices) >= 2, timeout=10000)
    session.stop(5000)  # stop() alone does not wait; this waits for the threads
    first, second = decoded_indices[:2]
    # The decoder took whatever frame was newest when it started (frame 0 on an idle
    # machine; a later one when its thread started late under load), then stuck on it.
    assert first < read_while_blocked - 1
    # The next decode took the newest frame, skipping everything read meanwhile.
    assert second >= read_while_blocked - 1
    assert session.frames_decoded < session.frames_read
    assert rec[0].closed.is_set()


def test_open_failure_is_reported_not_raised(qtbot) -> None:
    from epcs_desktop.core.errors import CameraError

    def broken():
        raise CameraError("No camera is connected")

    session = ScanSession(broken)
    with qtbot.waitSignal(session.failed, timeout=5000) as blocker:
        session.start()
    assert blocker.args == ["No camera is connected"]
    session.stop(5000)  # stop() alone does not wait; this waits for the threads
    assert not session.is_running()


def test_end_of_video_is_reported(qtbot, tmp_path: Path) -> None:
    video = write_qr_video(tmp_path / "v.avi", TEXT, blank=3, coded=0, size=(480, 360), qr_size=300)
    rec: list[RecordingSource] = []
    session = ScanSession(lambda: rec.append(RecordingSource(video)) or rec[-1], max_fps=200)
    with qtbot.waitSignal(session.ended, timeout=10000):
        session.start()
    session.stop(5000)  # stop() alone does not wait; this waits for the threads
    assert rec[0].closed.is_set()


def test_preview_is_mirrored(qtbot) -> None:
    frame = np.zeros((40, 60, 3), np.uint8)
    frame[:, :30] = (255, 0, 0)  # left half blue (BGR)
    frame[:, 30:] = (0, 0, 255)  # right half red
    preview = ScanPreview()
    qtbot.addWidget(preview)
    preview.set_frame(frame)
    image = preview._image
    assert image is not None
    assert image.pixelColor(0, 0).red() == 255  # red now on the left
    assert image.pixelColor(59, 0).blue() == 255
    plain = frame_to_qimage(frame)
    assert plain.pixelColor(0, 0).blue() == 255
    preview.show()
    preview.repaint()  # paints without error


def test_dispose_waits_out_a_hung_camera_without_crashing(qtbot) -> None:
    """A driver stuck in read() outlives stop()'s timeout; the session lingers until it returns."""
    from epcs_desktop.ui import scanner

    release = threading.Event()
    closed = threading.Event()
    entered = threading.Event()

    class HungCamera:
        def read(self):
            entered.set()
            release.wait(10)
            return None

        def close(self) -> None:
            closed.set()

    session = ScanSession(HungCamera)
    session.start()
    assert entered.wait(5)
    session.dispose(timeout_ms=50)
    assert session in scanner._LINGERING
    assert session.is_running()
    with qtbot.waitSignal(session.stopped, timeout=5000):
        release.set()
    assert closed.is_set()
    qtbot.waitUntil(lambda: session not in scanner._LINGERING, timeout=2000)


def test_dispose_does_not_wait_for_a_camera_still_opening(qtbot) -> None:
    """Closing the wizard while a camera is opening returns at once; the camera is closed later.

    The camera gives up waiting after 3 s: a stop() that waited for the threads
    (it used to wait up to 5 s) would still be blocked then, so the camera
    would have given up and the session would have finished before dispose() returned.
    """
    from epcs_desktop.ui import scanner

    release = threading.Event()
    entered = threading.Event()
    closed = threading.Event()
    gave_up: list[bool] = []

    class SlowCamera:
        def __init__(self) -> None:
            entered.set()
            if not release.wait(3):
                gave_up.append(True)

        def read(self):
            return None

        def close(self) -> None:
            closed.set()

    session = ScanSession(SlowCamera)
    session.start()
    assert entered.wait(5)
    session.dispose()
    assert session in scanner._LINGERING
    assert session.is_running()
    assert not closed.is_set()
    with qtbot.waitSignal(session.stopped, timeout=5000):
        release.set()
    assert closed.is_set()
    assert not gave_up
    qtbot.waitUntil(lambda: session not in scanner._LINGERING, timeout=2000)
