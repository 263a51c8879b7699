"""Real QR images and real video files for the tests that stand a file in for a camera.

Shared by the frame-source, scanner, wizard and scan-CLI tests so they all
exercise the same kind of input: codes drawn by `qrcode`, frames written by
OpenCV's MJPG encoder and read back through the real decoder.
"""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import qrcode


def qr_gray(text: str, px: int = 6) -> np.ndarray:
    """The code for `text` as a grayscale image, `px` pixels per module, with a 4-module quiet zone."""
    q = qrcode.QRCode(border=4)
    q.add_data(text)
    q.make(fit=True)
    m = np.array(q.get_matrix(), dtype=bool)
    img = np.where(m, 0, 255).astype(np.uint8)
    return cv2.resize(img, (m.shape[1] * px, m.shape[0] * px), interpolation=cv2.INTER_NEAREST)


def on_canvas(code: np.ndarray, w: int, h: int, at: tuple[int, int], grey: int = 200) -> np.ndarray:
    """A BGR frame of size w x h with `code` pasted at (y, x)."""
    canvas = np.full((h, w, 3), grey, np.uint8)
    y, x = at
    canvas[y : y + code.shape[0], x : x + code.shape[1]] = code[..., None]
    return canvas


def write_video(path: Path, frames_bgr: list[np.ndarray], fps: float = 30.0) -> Path:
    """Write the frames as an MJPG AVI file (decodable by every OpenCV build)."""
    h, w = frames_bgr[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened(), "OpenCV could not create an MJPG writer"
    for f in frames_bgr:
        writer.write(f)
    writer.release()
    return path


def write_qr_video(
    path: Path, text: str, blank: int, coded: int, size: tuple[int, int] = (640, 480), qr_size: int = 360
) -> Path:
    """`blank` plain grey frames, then `coded` frames showing the code for `text`, centred."""
    w, h = size
    plain = np.full((h, w, 3), 170, np.uint8)
    code = cv2.resize(qr_gray(text), (qr_size, qr_size), interpolation=cv2.INTER_NEAREST)
    coded_frame = on_canvas(code, w, h, ((h - qr_size) // 2, (w - qr_size) // 2), grey=170)
    return write_video(path, [plain] * blank + [coded_frame] * coded)


class RecordingSource:
    """Wraps the real VideoFileSource to observe what a scanner does with it.

    It counts reads and records close(); frames pass through unchanged.
    """

    def __init__(self, path: Path) -> None:
        from epcs_desktop.core.frames import VideoFileSource

        self.inner = VideoFileSource(path)
        self.reads = 0
        self.closed = threading.Event()

    def read(self) -> np.ndarray | None:
        frame = self.inner.read()
        if frame is not None:
            self.reads += 1
        return frame

    def close(self) -> None:
        self.inner.close()
        self.closed.set()

    def __enter__(self) -> RecordingSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sequence_clip(kind: str, seed: int = 0, **kw: object):  # -> qr_sequences.Clip
    """A generated webcam-like clip (bench/qr_sequences.py, dev seeds) of the given kind."""
    import sys

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import qr_sequences

    return qr_sequences.make_clip(kind, qr_sequences.SPLITS["dev"][seed], **kw)  # type: ignore[arg-type]


def clip_video(path: Path, kind: str, seed: int = 0, **kw: object) -> Path:
    """The clip of `kind` written as an MJPG video at its own frame rate (what a webcam would send)."""
    clip = sequence_clip(kind, seed, **kw)
    return write_video(path, clip.frames, fps=clip.fps)
