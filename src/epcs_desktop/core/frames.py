"""Frame sources for scanning: cameras, video files and image files behind one interface.

Why one interface: the enrollment wizard and `epcs-desktop scan --camera` only
need "give me the next frame" and "let go of the device". A video or image file
behaves like a camera that runs out, which is how the tests stand in for real
hardware on machines without a webcam.

Cameras are opened with the backend that works on each platform (V4L2 on
Linux, Media Foundation then DirectShow on Windows, AVFoundation on macOS).
Opening is bounded in time: some drivers block for many seconds on a device
that is busy or missing, and a scan must never hang the program. Every failure
a person can cause (no camera, busy, permission denied, unplugged) is a
`CameraError` whose message says what to do; the device is always released.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self, runtime_checkable

import cv2
from numpy.typing import NDArray

from epcs_desktop.core.errors import CameraError, QrError
from epcs_desktop.core.qr import load_image

if TYPE_CHECKING:
    from epcs_desktop.core.policy import Policy

log = logging.getLogger(__name__)

# FFmpeg, inside OpenCV, prints its own complaint about a broken video ("moov atom not found") straight
# to stderr, under the program's one clear line. OpenCV reads this setting when its FFmpeg backend first
# opens a file, so setting it here, before any video is opened, silences it (-8 is AV_LOG_QUIET). A
# person who sets it themselves keeps their value.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
# OpenCV's own "[ WARN:0@…] global cap_….cpp" lines (a backend that cannot open a file or a camera) are
# likewise not for the person: the program reports the failure itself. 2 is cv::utils::logging ERROR.
cv2.setLogLevel(2)

__all__ = [
    "CameraInfo",
    "CameraSource",
    "FrameSource",
    "ImageFileSource",
    "VideoFileSource",
    "backends_for_platform",
    "list_cameras",
    "negotiate_resolution",
    "open_source",
]

#: Resolutions asked of a camera, best first: a far code needs pixels (at 720p a phone's code stops
#: reading beyond ~40 cm; 1080p reads it at ~55 cm), more than 1080p only slows the decoder.
RESOLUTIONS: tuple[tuple[int, int], ...] = ((1920, 1080), (1280, 720), (640, 480))

#: Consecutive failed reads that mean "the camera is gone" once frames have flowed.
MAX_FAILED_READS = 5
#: Failed reads tolerated while a freshly opened camera warms up.
WARMUP_READS = 30
VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".mkv", ".mov", ".webm", ".m4v", ".mjpg", ".mjpeg"})
SYSFS_V4L = Path("/sys/class/video4linux")


@runtime_checkable
class FrameSource(Protocol):
    """Anything that yields BGR frames until it runs out (None) and can be closed twice."""

    def read(self) -> NDArray[Any] | None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


@dataclass(frozen=True)
class CameraInfo:
    """A camera a person can pick: OpenCV index plus the name the platform gives it."""

    index: int
    name: str


class _Closable:
    """Context-manager plumbing shared by every source."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # interpreter shutdown: nothing sensible to do
            self.close()


def backends_for_platform(platform: str | None = None) -> list[int]:
    """OpenCV capture backends to try, in order, for this operating system."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return [cv2.CAP_V4L2]
    if platform.startswith("win"):
        return [cv2.CAP_MSMF, cv2.CAP_DSHOW]
    if platform == "darwin":
        return [cv2.CAP_AVFOUNDATION]
    return [cv2.CAP_ANY]


def negotiate_resolution(
    ask: Callable[[int, int], tuple[int, int]], candidates: tuple[tuple[int, int], ...] = RESOLUTIONS
) -> tuple[int, int]:
    """The best resolution the camera grants, asking for each candidate in turn (best first).

    `ask(width, height)` requests a size and returns the size the driver then
    reports (drivers silently pick the nearest mode they have). The first
    candidate granted as asked wins; otherwise the largest size any request
    got, capped at the first candidate (a 4K camera asked for 1080p may answer
    4K: it is asked again for the next size down). `ask` is the only contact
    with the camera, so tests substitute the camera's facts.
    """
    best: tuple[int, int] | None = None
    cap_w, cap_h = candidates[0]
    for width, height in candidates:
        got = ask(width, height)
        if got == (width, height):
            return got
        usable = 0 < got[0] <= cap_w and 0 < got[1] <= cap_h
        if usable and (best is None or got[0] * got[1] > best[0] * best[1]):
            best = got
    if best is None:
        return ask(*candidates[-1])
    if ask(*best) != best:  # put the camera back on the best mode it granted
        log.info("camera did not return to %dx%d", *best)
    return best


def _platform() -> Any:
    from epcs_desktop.core import platform

    return platform.current()


def raise_if_camera_blocked(policy: Policy) -> None:
    """CameraError with the system's own guidance when its privacy settings block the camera.

    Why before opening: a blocked camera just "fails to open" in OpenCV, and the person
    needs to know which switch to flip (Windows Settings, macOS System Settings, IT).
    """
    from epcs_desktop.core.platform import CameraAccess
    from epcs_desktop.core.policy import check_action_allowed

    check_action_allowed("camera_scan", policy)  # IT's (disable_camera_scan): window and `scan --camera`
    access = _platform().camera_access()
    if access in (CameraAccess.DENIED, CameraAccess.RESTRICTED):
        message = _platform().camera_message(access)
        if message:
            log.info("camera blocked by the system: %s", access.value)
            raise CameraError(message)


def _linux_camera_name(index: int) -> str | None:
    try:
        return (SYSFS_V4L / f"video{index}" / "name").read_text(
            encoding="utf-8", errors="replace"
        ).strip() or None
    except OSError:
        return None


def list_cameras(policy: Policy, max_probe: int = 4) -> list[CameraInfo]:
    """Cameras this computer offers, with readable names where the platform gives them.

    On Linux the list comes from sysfs without opening anything (V4L2 also
    lists metadata nodes; only a device's first interface, index 0, captures).
    Elsewhere OpenCV offers no enumeration, so the first `max_probe` indices
    are opened briefly (when `policy` allows camera scanning); they are named "Camera N".
    """
    if sys.platform.startswith("linux"):
        found: list[CameraInfo] = []
        if not SYSFS_V4L.is_dir():
            return found
        for node in sorted(SYSFS_V4L.glob("video*"), key=lambda p: int(p.name[5:] or 0)):
            if not node.name[5:].isdigit():
                continue
            try:
                if (node / "index").read_text().strip() not in ("", "0"):
                    continue
            except OSError:
                pass
            idx = int(node.name[5:])
            found.append(CameraInfo(idx, _linux_camera_name(idx) or f"Camera {idx}"))
        return found
    cams = []
    for idx in range(max_probe):
        try:
            with CameraSource(idx, policy=policy, open_timeout=3.0):
                cams.append(CameraInfo(idx, f"Camera {idx}"))
        except CameraError:
            continue
    return cams


class CameraSource(_Closable):
    """A live camera at the best resolution it offers up to 1920x1080 (`RESOLUTIONS`), or at
    `width` x `height` when given.

    Raises CameraError from the constructor when the camera is missing, busy,
    refused or does not answer within `open_timeout` seconds, and from read()
    when it stops delivering frames after it had started (unplugged).
    """

    def __init__(
        self,
        index: int,
        width: int | None = None,
        height: int | None = None,
        *,
        policy: Policy,
        open_timeout: float = 8.0,
    ) -> None:
        self.index = index
        self._cap: cv2.VideoCapture | None = None
        self._lock = threading.Lock()
        self._frames = 0
        self._failures = 0
        if index < 0:
            raise CameraError(f"Camera number {index} is not valid; use 0 for the first camera.")
        raise_if_camera_blocked(policy)  # IT's policy and the system's privacy switch before the hardware
        self._precheck_linux()
        self._cap = self._open_bounded(width, height, open_timeout)
        self.width = int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH))
        self.height = int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
        log.info("camera %d opened at %dx%d", index, self.width, self.height)

    @classmethod
    def from_capture(cls, capture: cv2.VideoCapture, index: int = 0) -> CameraSource:
        """Wrap an already opened VideoCapture (a network stream, a special device, a test double
        made of a real video file) with the same read/unplug/release behaviour as a camera."""
        if not capture.isOpened():
            capture.release()
            raise CameraError(f"Camera {index} could not be opened.")
        self = cls.__new__(cls)
        self.index = index
        self._lock = threading.Lock()
        self._frames = 0
        self._failures = 0
        self._cap = capture
        self.width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
        self.height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
        return self

    def _precheck_linux(self) -> None:
        """Give specific messages for the common Linux failures before OpenCV hides them."""
        if not sys.platform.startswith("linux"):
            return
        dev = Path(f"/dev/video{self.index}")
        if not dev.exists():
            raise CameraError(
                f"No camera number {self.index} was found. Check that a webcam is connected, "
                "or scan an image file or type the secret key instead."
            )
        if not os.access(dev, os.R_OK | os.W_OK):
            raise CameraError(
                f"Permission denied for camera {self.index} ({dev}). Add your user to the “video” group "
                "and log in again, or scan an image file instead."
            )

    def _open_bounded(self, width: int | None, height: int | None, timeout: float) -> cv2.VideoCapture:
        """Open in a helper thread so a driver that blocks cannot hang the caller.

        If the deadline passes, the helper thread releases the device itself
        when (if ever) the driver returns, so nothing is leaked.
        """
        result: dict[str, cv2.VideoCapture | None] = {"cap": None}
        abandoned = threading.Event()

        def worker() -> None:
            for backend in backends_for_platform():
                cap = cv2.VideoCapture(self.index, backend)
                if cap.isOpened():
                    if backend == cv2.CAP_V4L2:
                        # USB webcams deliver 720p at full frame rate only as MJPG (YUYV is ~10 fps)
                        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter_fourcc(*"MJPG"))  # type: ignore[attr-defined]  # missing from the stubs
                    candidates = ((width, height),) if width and height else RESOLUTIONS

                    def ask(w: int, h: int, cap: cv2.VideoCapture = cap) -> tuple[int, int]:
                        cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
                        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
                        return int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))

                    negotiate_resolution(ask, candidates)
                    with self._lock:
                        if abandoned.is_set():
                            cap.release()
                            return
                        result["cap"] = cap
                    return
                cap.release()

        t = threading.Thread(target=worker, name=f"open-camera-{self.index}", daemon=True)
        t.start()
        t.join(timeout)
        with self._lock:
            if t.is_alive():
                abandoned.set()
                raise CameraError(
                    f"Camera {self.index} did not respond within {timeout:.0f} seconds. "
                    "Close other programs that may be using it and try again."
                )
            cap = result["cap"]
        if cap is None:
            raise CameraError(
                f"Camera {self.index} could not be opened. It may be in use by another program, "
                "or access to it was refused (check the system's camera privacy settings)."
            )
        return cap

    def read(self) -> NDArray[Any]:
        """The next BGR frame. CameraError if the camera never starts or stops delivering."""
        cap = self._cap
        if cap is None:
            raise CameraError("The camera is closed.")
        while True:
            ok, frame = cap.read()
            if ok and frame is not None and frame.size:
                self._frames += 1
                self._failures = 0
                return frame
            self._failures += 1
            if self._frames and self._failures >= MAX_FAILED_READS:
                self.close()
                raise CameraError(f"Camera {self.index} stopped sending pictures; was it unplugged?")
            if not self._frames and self._failures >= WARMUP_READS:
                self.close()
                raise CameraError(
                    f"Camera {self.index} opened but sends no pictures. It may be in use by another program."
                )

    def close(self) -> None:
        """Release the device; safe to call more than once."""
        cap, self._cap = getattr(self, "_cap", None), None
        if cap is not None:
            cap.release()
            log.info("camera %d released", self.index)


class VideoFileSource(_Closable):
    """Frames of a video file, then None. Stands in for a camera in tests and offline scans."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cap: cv2.VideoCapture | None = None
        if not self.path.is_file():
            raise QrError(f"File not found: {self.path.name}")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise QrError(f"{self.path.name} is not a video file that can be read.")
        self._cap = cap
        #: Frames per second the file declares (0 when it does not say); the scan CLI times hints by it.
        self.fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)

    def read(self) -> NDArray[Any] | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return None
        return frame

    def close(self) -> None:
        cap, self._cap = getattr(self, "_cap", None), None
        if cap is not None:
            cap.release()


class ImageFileSource(_Closable):
    """One image file as a one-frame source (QrError for unreadable, truncated or non-image files)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._frame: NDArray[Any] | None = load_image(self.path)

    def read(self) -> NDArray[Any] | None:
        frame, self._frame = self._frame, None
        return frame

    def close(self) -> None:
        self._frame = None


def open_source(path: str | Path) -> VideoFileSource | ImageFileSource:
    """A file source chosen by suffix: known video suffixes play as video, anything else is an image."""
    p = Path(path)
    if p.suffix.lower() in VIDEO_SUFFIXES:
        return VideoFileSource(p)
    return ImageFileSource(p)
