"""``epcs-desktop scan``: read QR codes from image/video files, a camera or the screen.

Why a command-line scanner: support staff and scripts need to check what a
QR code holds (is it an otpauth URI, a migration export, an ID.me activation
link?) without opening the GUI. Printing the payloads to stdout is the point
of the command; they are never logged.

Exit status: 0 when at least one code was found, 1 when none was, 2 on an
error (unreadable file, no camera, screen capture refused) with one
``error:`` line on stderr. Qt is imported only for ``--screen``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.cli.common import EXIT_NOT_FOUND, EXIT_OK, print_json
from epcs_desktop.cli.common import EXIT_USAGE as EXIT_ERROR
from epcs_desktop.core.errors import EpcsError, QrError

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

log = logging.getLogger(__name__)

DEFAULT_CAMERA_TIMEOUT = 30.0
MAX_PRINTED = 8192  # characters of one payload in text output (a QR code holds at most ~7,000)


def register(subparsers: Subparsers) -> None:
    """Add the ``scan`` subcommand."""
    p = subparsers.add_parser(
        "scan",
        help="read QR codes from image files, a camera or the screen",
        description="Print every distinct QR code payload found, one per line. "
        "Exit status: 0 found, 1 nothing found, 2 error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="image files (PNG, JPEG, ...) or video files")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--camera", type=int, metavar="N", help="scan live from camera N (0 = first camera)")
    src.add_argument("--screen", action="store_true", help="scan every screen once")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_CAMERA_TIMEOUT,
        metavar="S",
        help=f"with --camera: give up after S seconds (default {DEFAULT_CAMERA_TIMEOUT:.0f})",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list with each payload's kind")
    p.add_argument(
        "--raw",
        action="store_true",
        help="with --camera or a video: print every text read, even in one frame only "
        "(by default a text counts once two decoded frames in a row hold it, as in the window)",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="with a video: print, per second of video, the hint the window would show",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, context: AppContext) -> int:
    """Dispatch to the chosen source; every EpcsError becomes one ``error:`` line and exit 2."""
    paths: list[str] = list(getattr(args, "paths", []) or [])
    camera = getattr(args, "camera", None)
    screen = bool(getattr(args, "screen", False))
    if (camera is not None or screen) and paths:
        return _fail("give either image paths, --camera or --screen, not several")
    if camera is None and not screen and not paths:
        return _fail("nothing to scan: give image paths, --camera N or --screen")
    found: list[tuple[str, str]] = []  # (payload, source label)
    status = EXIT_OK
    raw = bool(getattr(args, "raw", False))
    if getattr(args, "explain", False):
        if camera is not None or screen:
            return _fail("--explain works on video files only")
        try:
            return _explain(paths)
        except EpcsError as exc:
            return _fail(str(exc))
    try:
        if camera is not None:
            found = _scan_camera(context, camera, float(args.timeout), raw=raw)
        elif screen:
            found = _scan_screen(context)
        else:
            found, status = _scan_paths(paths, raw=raw)
    except EpcsError as exc:
        return _fail(str(exc))
    _emit(found, bool(getattr(args, "json", False)))
    if status != EXIT_OK:
        return status
    return EXIT_OK if found else EXIT_NOT_FOUND


def _fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return EXIT_ERROR


def _add(found: list[tuple[str, str]], texts: list[str], source: str) -> None:
    seen = {t for t, _ in found}
    for text in texts:
        if text not in seen:
            seen.add(text)
            found.append((text, source))


def _video_fps(source: Any) -> float:
    fps = float(getattr(source, "fps", 0.0) or 0.0)
    return fps if 1.0 <= fps <= 240.0 else 30.0


def _scan_video(path: Path, found: list[tuple[str, str]], raw: bool) -> None:
    """A video as the window would see it: confirmed reads only (every read with `raw`)."""
    from epcs_desktop.core.frames import VideoFileSource
    from epcs_desktop.core.live_scan import LiveScanner

    scanner = LiveScanner()
    with VideoFileSource(path) as source:
        fps = _video_fps(source)
        index = 0
        while (frame := source.read()) is not None:
            result = scanner.feed(frame, index / fps)
            _add(found, result.texts if raw else result.confirmed, str(path))
            index += 1


def _explain(paths: list[str]) -> int:
    """Per second of each video: the hint the window would show, or that a code was read."""
    from epcs_desktop.core.frames import VIDEO_SUFFIXES, VideoFileSource
    from epcs_desktop.core.live_scan import LiveScanner

    if not paths:
        return _fail("--explain needs a video file")
    for raw_path in paths:
        path = Path(raw_path)
        if path.suffix.lower() not in VIDEO_SUFFIXES:
            return _fail(f"--explain works on video files only, not {path.name}")
        scanner = LiveScanner()
        with VideoFileSource(path) as source:
            fps = _video_fps(source)
            index, second, line = 0, 0, ""
            while (frame := source.read()) is not None:
                t = index / fps
                if int(t) != second:
                    sys.stdout.write(f"{path.name} {second}-{second + 1} s: {line}\n")
                    second = int(t)
                result = scanner.feed(frame, t)
                index += 1
                if result.confirmed:  # the window takes the code and lets go of the camera
                    line = "QR code read (the window stops here)"
                    break
                line = result.hint.text if result.hint else "(no hint)"
            if index:
                sys.stdout.write(f"{path.name} {second}-{second + 1} s: {line}\n")
    return EXIT_OK


def _scan_paths(paths: list[str], raw: bool = False) -> tuple[list[tuple[str, str]], int]:
    """Every file in turn; an unreadable one is reported and makes the exit status 2."""
    from epcs_desktop.core.frames import VIDEO_SUFFIXES
    from epcs_desktop.core.qr import decode_file

    found: list[tuple[str, str]] = []
    status = EXIT_OK
    for name in paths:
        path = Path(name)
        try:
            if path.suffix.lower() in VIDEO_SUFFIXES:
                _scan_video(path, found, raw)
            else:
                _add(found, decode_file(path), str(path))
        except QrError as exc:
            sys.stderr.write(f"error: {exc}\n")
            status = EXIT_ERROR
    return found, status


def _scan_camera(context: AppContext, index: int, timeout: float, raw: bool = False) -> list[tuple[str, str]]:
    """Read frames until a code is confirmed (read in two decoded frames in a row; with `raw`, read
    once) or `timeout` seconds pass."""
    from epcs_desktop.core.frames import CameraSource
    from epcs_desktop.core.live_scan import LiveScanner

    if timeout <= 0:
        raise QrError("--timeout must be a positive number of seconds.")
    start = time.monotonic()
    deadline = start + timeout
    found: list[tuple[str, str]] = []
    scanner = LiveScanner()
    shown = None
    with CameraSource(index, policy=context.policy.current()) as cam:
        sys.stderr.write(f"Hold the QR code in front of camera {index} (up to {timeout:.0f} s)...\n")
        while time.monotonic() < deadline:
            result = scanner.feed(cam.read(), time.monotonic() - start)
            texts = result.texts if raw else result.confirmed
            if result.hint is not shown:
                shown = result.hint
                if shown is not None:
                    sys.stderr.write(shown.text + "\n")
            if texts:
                _add(found, texts, f"camera {index}")
                break
    return found


def _scan_screen(context: AppContext) -> list[tuple[str, str]]:
    """Grab every screen (Qt, imported only here) and decode each grab."""
    try:
        from epcs_desktop.ui import screen_grab
    except ImportError:
        raise QrError(
            "Screen capture needs Qt, which is not available in this installation. "
            "Save a screenshot and run 'scan FILE', or type the secret key instead."
        ) from None
    from epcs_desktop.core.qr import decode_frame

    found: list[tuple[str, str]] = []
    frames = screen_grab.grab_screens(context.policy.current())
    if not frames:
        raise QrError(screen_grab.REFUSED_MESSAGE)
    for i, frame in enumerate(frames):
        _add(found, decode_frame(frame), f"screen {i}")
    return found


def _kind(text: str) -> dict[str, Any]:
    """The payload's kind from core.payload.classify (never raises on arbitrary text)."""
    try:
        from epcs_desktop.core.payload import classify

        verdict = classify(text)
        return {"kind": str(verdict.kind), "usable": bool(verdict.usable), "message": verdict.message}
    except Exception as exc:  # classify is documented never to raise; a bug there must not lose the scan
        log.error(
            "payload classification failed (%s)", type(exc).__name__
        )  # no text: it may hold the payload
        return {"kind": "unknown", "usable": False, "message": ""}


def _emit(found: list[tuple[str, str]], as_json: bool) -> None:
    if as_json:
        rows = [{"payload": text, "source": source, **_kind(text)} for text, source in found]
        print_json(rows)
        return
    from epcs_desktop.core.textguard import clean_for_display

    for text, _source in found:  # a QR code is untrusted text: no escape sequence reaches the terminal
        sys.stdout.write(clean_for_display(text, MAX_PRINTED) + "\n")
