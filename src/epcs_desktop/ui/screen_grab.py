"""Grab every screen as BGR numpy frames, for "scan the QR code from the screen".

Why a helper of its own: both the enrollment wizard (inside the GUI) and
``epcs-desktop scan --screen`` (a plain CLI process with no window) need the
same thing, and the ways a platform refuses differ: no display at all, an
offscreen Qt platform, Wayland sessions that hand back black or null grabs,
macOS without the Screen Recording permission (black grabs). Each becomes a
`QrError` whose message points to the image-file and secret-key paths.

Call on the GUI thread (QScreen.grabWindow is not thread-safe). Outside the
GUI, a QGuiApplication is created on first use and kept for the process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import socket
import sys
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QGuiApplication, QImage

from epcs_desktop.core.errors import QrError

if TYPE_CHECKING:
    from epcs_desktop.core.policy import Policy

log = logging.getLogger(__name__)

__all__ = ["REFUSED_MESSAGE", "grab_screens", "qimage_to_bgr"]

REFUSED_MESSAGE = (
    "This system did not allow a screen capture (some Wayland desktops and macOS without the "
    "Screen Recording permission refuse it). Save a screenshot and open the image file, "
    "or type the secret key instead."
)
_NO_DISPLAY_MESSAGE = (
    "There is no graphical display to capture. Save a screenshot and open the image file, "
    "or type the secret key instead."
)

_app: QGuiApplication | None = None  # kept alive for CLI use; the GUI brings its own


def qimage_to_bgr(image: QImage) -> NDArray[Any]:
    """A QImage as a contiguous H x W x 3 BGR uint8 array (a copy; Qt may reuse its buffer)."""
    img = image.convertToFormat(QImage.Format.Format_BGR888)
    h, w, stride = img.height(), img.width(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


class _XProbe:
    """Holds a libxcb connection open until Qt has connected.

    Qt aborts the whole process when its xcb plugin cannot connect, so the
    CLI asks libxcb first. The probe connection stays open while Qt connects:
    an X server with no other client (Xvfb, xvfb-run) resets when its last
    client leaves, and would refuse Qt during that reset.
    """

    def __init__(self, display: str) -> None:
        self._xcb: ctypes.CDLL | None = None
        self._conn: int | None = None
        self.ok = False
        try:
            xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
        except OSError:
            self.ok = _x_socket_reachable(display)
            return
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.restype = ctypes.c_int
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        self._xcb, self._conn = xcb, xcb.xcb_connect(display.encode(), None)
        self.ok = bool(self._conn) and xcb.xcb_connection_has_error(self._conn) == 0

    def close(self) -> None:
        xcb, conn, self._conn = self._xcb, self._conn, None
        if xcb is not None and conn:
            xcb.xcb_disconnect(conn)  # also required after a failed connect (frees the error object)


def _x_socket_reachable(display: str) -> bool:
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix"):
        return True  # remote display: let Qt try
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    # abstract namespace first, then the socket file (the standard X location)
    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):  # noqa: S108
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2.0)
            try:
                sock.connect(address)
            except OSError:
                continue
            return True
    return False


def _ensure_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication after checking a display exists."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        raise QrError(_NO_DISPLAY_MESSAGE)
    probe: _XProbe | None = None
    if sys.platform.startswith("linux") and (platform.startswith("xcb") or not platform):
        display, wayland = os.environ.get("DISPLAY", ""), os.environ.get("WAYLAND_DISPLAY", "")
        if platform or not wayland:  # an X session (or xcb forced): Qt must be able to connect
            if not display:
                raise QrError(_NO_DISPLAY_MESSAGE)
            probe = _XProbe(display)
            if not probe.ok:
                probe.close()
                raise QrError(_NO_DISPLAY_MESSAGE)
    try:
        _app = QGuiApplication(sys.argv[:1])
    finally:
        if probe is not None:
            probe.close()
    return _app


def grab_screens(policy: Policy) -> list[NDArray[Any]]:
    """One BGR frame per screen. QrError when the platform refuses or gives only blank grabs."""
    from epcs_desktop.core.policy import check_action_allowed

    check_action_allowed("screen_scan", policy)  # IT's (disable_screen_scan): the wizard and `scan --screen`
    app = _ensure_app()
    name = app.platformName()
    if name in ("offscreen", "minimal"):
        raise QrError(_NO_DISPLAY_MESSAGE)
    frames: list[NDArray[Any]] = []
    for screen in QGuiApplication.screens():
        pixmap = screen.grabWindow(0)
        if pixmap.isNull() or pixmap.width() == 0:
            continue
        frame = qimage_to_bgr(pixmap.toImage())
        if frame.size and int(frame.max()) > 0:  # all black: capture was silently refused
            frames.append(frame)
    log.info("grabbed %d of %d screens (platform %s)", len(frames), len(QGuiApplication.screens()), name)
    if not frames:
        raise QrError(REFUSED_MESSAGE)
    return frames
