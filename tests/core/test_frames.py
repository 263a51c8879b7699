"""core.frames: real video files (MJPG .avi written with cv2.VideoWriter) stand in for a camera.

This machine has no camera, so the missing-camera path is tested for real
(index 7), and the "unplugged mid-scan" / "never starts" paths run the
product's CameraSource over a real VideoCapture that stops delivering frames.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from epcs_desktop.core import frames
from epcs_desktop.core.errors import CameraError, QrError
from epcs_desktop.core.frames import (
    CameraInfo,
    CameraSource,
    FrameSource,
    ImageFileSource,
    VideoFileSource,
    backends_for_platform,
    list_cameras,
    open_source,
)
from epcs_desktop.core.policy import Policy
from epcs_desktop.core.qr import decode_frame
from qr_support import on_canvas, qr_gray, write_video

URI = "otpauth://totp/ID.me:dr.ana%40clinic.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEH&issuer=ID.me"


@pytest.fixture
def qr_video(tmp_path: Path) -> Path:
    """Three blank frames, then two with the QR code, then one blank: 6 frames of 640x480."""
    blank = np.full((480, 640, 3), 180, np.uint8)
    code = on_canvas(qr_gray(URI, px=5), 640, 480, (60, 120))
    return write_video(tmp_path / "camera.avi", [blank, blank, blank, code, code, blank], fps=10.0)


def test_video_file_stands_in_for_a_camera(qr_video: Path) -> None:
    seen: list[list[str]] = []
    with VideoFileSource(qr_video) as src:
        assert isinstance(src, FrameSource)
        while (frame := src.read()) is not None:
            assert frame.shape == (480, 640, 3)
            seen.append(decode_frame(frame))
        assert src.read() is None  # stays exhausted
    assert seen == [[], [], [], [URI], [URI], []]
    src.close()  # idempotent after the context manager closed it


def test_video_file_errors(tmp_path: Path) -> None:
    with pytest.raises(QrError, match="not found"):
        VideoFileSource(tmp_path / "nope.avi")
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"this is not a video")
    with pytest.raises(QrError, match=r"bad\.avi"):
        VideoFileSource(bad)


def test_image_file_source_gives_one_frame(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    cv2.imwrite(str(path), on_canvas(qr_gray(URI), 640, 480, (40, 40)))
    with ImageFileSource(path) as src:
        frame = src.read()
        assert frame is not None and decode_frame(frame) == [URI]
        assert src.read() is None
    (tmp_path / "junk.png").write_text("not an image")
    with pytest.raises(QrError):
        ImageFileSource(tmp_path / "junk.png")


def test_open_source_picks_by_suffix(qr_video: Path, tmp_path: Path) -> None:
    img = tmp_path / "code.jpg"
    cv2.imwrite(str(img), on_canvas(qr_gray(URI), 640, 480, (40, 40)))
    with open_source(qr_video) as v, open_source(img) as i:
        assert isinstance(v, VideoFileSource)
        assert isinstance(i, ImageFileSource)


def test_missing_camera_is_a_clear_error() -> None:
    """No camera 7 on this machine (or any CI box): CameraError, not a hang or a traceback."""
    with pytest.raises(CameraError) as info:
        CameraSource(7, policy=Policy(), open_timeout=5.0)
    msg = str(info.value)
    assert "7" in msg and "\n" not in msg
    assert "image file" in msg or "could not be opened" in msg or "did not respond" in msg
    with pytest.raises(CameraError, match="not valid"):
        CameraSource(-1, policy=Policy())


def test_camera_unplugged_mid_scan_raises_and_releases(qr_video: Path) -> None:
    """Frames flow, then read() starts failing (what a pulled USB cable looks like to OpenCV)."""
    cap = cv2.VideoCapture(str(qr_video))
    cam = CameraSource.from_capture(cap, index=3)
    with cam:
        got = [decode_frame(cam.read()) for _ in range(6)]
        assert got[3] == [URI]
        with pytest.raises(CameraError, match="unplugged"):
            cam.read()
        assert not cap.isOpened()  # released at once, before the context manager exits
        with pytest.raises(CameraError, match="closed"):
            cam.read()
    cam.close()


def test_camera_that_never_sends_a_frame(tmp_path: Path) -> None:
    empty = write_video(tmp_path / "one.avi", [np.zeros((48, 64, 3), np.uint8)], fps=10.0)
    cap = cv2.VideoCapture(str(empty))
    assert cap.read()[0]  # swallow the only frame: from now on reads fail from the start
    cam = CameraSource.from_capture(cap, index=2)
    with pytest.raises(CameraError, match="sends no pictures"):
        cam.read()
    assert not cap.isOpened()


def test_from_capture_refuses_an_unopened_capture() -> None:
    with pytest.raises(CameraError):
        CameraSource.from_capture(cv2.VideoCapture(), index=5)


def test_backends_per_platform() -> None:
    assert backends_for_platform("linux") == [cv2.CAP_V4L2]
    assert backends_for_platform("win32") == [cv2.CAP_MSMF, cv2.CAP_DSHOW]
    assert backends_for_platform("darwin") == [cv2.CAP_AVFOUNDATION]


@pytest.mark.skipif(not Path("/sys/class").is_dir(), reason="Linux sysfs layout")
def test_linux_camera_names_from_sysfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cameras come from a sysfs-shaped folder; metadata nodes (index 1) are not offered."""
    root = tmp_path / "video4linux"
    for node, name, index in (
        ("video0", "Integrated Webcam", "0"),
        ("video1", "Integrated Webcam", "1"),
        ("video10", "Logitech BRIO\n", "0"),
    ):
        (root / node).mkdir(parents=True)
        (root / node / "name").write_text(name)
        (root / node / "index").write_text(index + "\n")
    monkeypatch.setattr(frames, "SYSFS_V4L", root)
    monkeypatch.setattr(frames.sys, "platform", "linux")
    assert list_cameras(Policy()) == [CameraInfo(0, "Integrated Webcam"), CameraInfo(10, "Logitech BRIO")]


class FakeCamera:
    """The facts of a camera: the modes its driver grants (nearest one for any request)."""

    def __init__(self, modes: list[tuple[int, int]]) -> None:
        self.modes = modes
        self.asked: list[tuple[int, int]] = []
        self.current = modes[0]

    def ask(self, w: int, h: int) -> tuple[int, int]:
        self.asked.append((w, h))
        self.current = min(self.modes, key=lambda m: abs(m[0] - w) + abs(m[1] - h))
        return self.current


@pytest.mark.parametrize(
    ("modes", "expected"),
    [
        ([(640, 480), (1280, 720), (1920, 1080)], (1920, 1080)),  # a 1080p webcam opens at 1080p
        ([(640, 480), (1280, 720)], (1280, 720)),  # a 720p one falls back
        ([(640, 480)], (640, 480)),
        ([(3840, 2160), (1920, 1080), (640, 480)], (1920, 1080)),  # 4K is not asked for
        ([(3840, 2160), (800, 600)], (800, 600)),  # never more than 1080p, even if it is all but one
    ],
)
def test_camera_opens_at_the_best_resolution_up_to_1080p(modes, expected) -> None:
    cam = FakeCamera(modes)
    assert frames.negotiate_resolution(cam.ask) == expected
    assert cam.current == expected  # the camera is left in that mode


def test_a_camera_that_reports_nothing_gets_the_smallest_request() -> None:
    asked: list[tuple[int, int]] = []

    def ask(w: int, h: int) -> tuple[int, int]:
        asked.append((w, h))
        return (0, 0)

    assert frames.negotiate_resolution(ask) == (0, 0)
    assert asked[-1] == frames.RESOLUTIONS[-1]


def test_video_file_reports_its_frame_rate(qr_video: Path) -> None:
    with VideoFileSource(qr_video) as src:
        assert src.fps == pytest.approx(10.0)
