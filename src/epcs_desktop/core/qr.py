"""QR decoding for enrollment: webcam frames, screen grabs and image files.

Why a ladder of passes rather than one decoder call: zxing-cpp is fast and
accurate on most frames, but a webcam pointed at a monitor (moire), a very
small code, or a washed-out, glary frame each need different preprocessing.
Running every variant on every frame would blow the per-frame budget of a
live preview, so the fast path runs first and the fallbacks only run when it
finds nothing. Each fallback was kept only if it raised the success rate on
the tuning corpus (bench/qr_corpus.py) without adding false positives.

Misreads are worse than misses (a wrong secret enrolls a device that never
produces valid codes), so only symbols whose Reed-Solomon error correction
succeeded are accepted: zxing-cpp drops the others unless asked for them.

Nothing here logs or embeds a payload in an exception message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from epcs_desktop.core.errors import QrError

if TYPE_CHECKING:
    from epcs_desktop.core.scan_guide import Finder

log = logging.getLogger(__name__)

# THE list of picture formats, for messages, the file dialog's filter and its page (one list everywhere).
IMAGE_FORMATS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PNG", ("png",)),
    ("JPEG", ("jpg", "jpeg")),
    ("BMP", ("bmp",)),
    ("GIF", ("gif",)),
    ("WebP", ("webp",)),
    ("TIFF", ("tif", "tiff")),
)
IMAGE_FORMATS_TEXT = ", ".join(n for n, _ in IMAGE_FORMATS)  # no "or": the list goes into translated text
IMAGE_PATTERNS = " ".join(f"*.{ext}" for _, exts in IMAGE_FORMATS for ext in exts)

__all__ = ["Hit", "decode_bytes", "decode_file", "decode_frame", "decode_hits", "load_image", "reading_order"]

# Size limits of pictures (bytes, sides, pixels): core/images.py, the one guarded loader.

_FMT = zxingcpp.BarcodeFormat.QRCode


@dataclass(frozen=True)
class Hit:
    """One decoded symbol with its centre and size in the original frame's coordinates.

    `version` and `ec_level` (QR version 1-40, "L"/"M"/"Q"/"H"; 0 and "" when
    unknown) let the tiny-symbol guard tell a chance version-1 read apart.
    """

    text: str
    cx: float
    cy: float
    size: float
    version: int = 0
    ec_level: str = ""


_Hit = Hit


def _read(
    gray: NDArray[Any],
    *,
    try_rotate: bool = True,
    try_downscale: bool = True,
    try_invert: bool = False,
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage,
    scale: float = 1.0,
) -> list[_Hit]:
    """One zxing-cpp pass over a gray image; positions mapped back by `scale`."""
    results = zxingcpp.read_barcodes(
        gray,
        formats=_FMT,  # type: ignore[arg-type]  # one format is a valid BarcodeFormats; the stub lacks it
        try_rotate=try_rotate,
        try_downscale=try_downscale,
        try_invert=try_invert,
        text_mode=zxingcpp.TextMode.HRI,
        binarizer=binarizer,
    )
    hits: list[_Hit] = []
    for r in results:
        if not r.valid or r.error is not None or not r.text:
            continue
        p = r.position
        xs = (p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x)
        ys = (p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y)
        size = max(max(xs) - min(xs), max(ys) - min(ys)) / scale
        extra = r.extra if isinstance(r.extra, dict) else {}
        version = str(extra.get("Version", "0"))
        hits.append(
            _Hit(
                r.text,
                sum(xs) / 4 / scale,
                sum(ys) / 4 / scale,
                size,
                int(version) if version.isdigit() else 0,
                str(extra.get("ECLevel", "")),
            )
        )
    return hits


def _to_gray(frame: NDArray[Any]) -> NDArray[Any]:
    """BGR, BGRA or gray uint8 -> contiguous gray uint8 (other dtypes are rescaled)."""
    if not isinstance(frame, np.ndarray) or frame.ndim not in (2, 3) or frame.size == 0:
        raise QrError("The image is empty or not a picture.")
    if frame.dtype != np.uint8:
        f = frame.astype(np.float64)
        lo, hi = float(np.nanmin(f)), float(np.nanmax(f))
        frame = np.zeros(f.shape, np.uint8) if hi <= lo else ((f - lo) * (255.0 / (hi - lo))).astype(np.uint8)
    if frame.ndim == 3:
        channels = frame.shape[2]
        if channels == 1:
            frame = frame[..., 0]
        elif channels == 3:
            frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        elif channels == 4:
            frame = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
        else:
            raise QrError("The image has an unsupported number of colour channels.")
    return np.ascontiguousarray(frame)


def _brightest_channel(frame: NDArray[Any]) -> NDArray[Any] | None:
    """Per-pixel maximum of B, G, R; None for gray frames.

    On a photographed monitor a white pixel is three coloured sub-pixel
    stripes; in gray they alias into moire, but the brightest channel is lit
    almost everywhere a pixel is white. It also turns a saturated coloured
    background light, which gives a code with no quiet zone its edge back.
    """
    if frame.ndim != 3 or frame.shape[2] < 3:
        return None
    return cv2.max(cv2.max(frame[..., 0], frame[..., 1]), frame[..., 2])


def _quad_corners(contour: NDArray[Any]) -> NDArray[Any] | None:
    """The four corners of a blob that is a (perspective-distorted) quadrilateral, else None."""
    hull = cv2.convexHull(contour)
    peri = cv2.arcLength(hull, True)
    for eps in (0.02, 0.04, 0.06):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
    return None


def _code_like_regions(gray: NDArray[Any], max_regions: int = 3) -> list[NDArray[Any]]:
    """Corner points (4x2, frame coordinates) of square, densely textured regions: QR candidates.

    Found on a <=640 px copy: morphological gradient, Otsu, close/open into
    blobs, then keep blobs that fill their bounding rectangle and are near
    square, or are a clean quadrilateral (a square seen at a steep angle is a
    narrow trapezoid: its four corners straighten it, see `_read_isolated`).
    """
    h, w = gray.shape
    f = min(1.0, 640.0 / max(h, w))
    small = cv2.resize(gray, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else gray
    kernel3, kernel5 = np.ones((3, 3), np.uint8), np.ones((5, 5), np.uint8)
    grad = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, kernel3)
    _, mask = cv2.threshold(grad, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel5), cv2.MORPH_OPEN, kernel5)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes: list[NDArray[Any]] = []
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[: 2 * max_regions]:
        area = cv2.contourArea(contour)
        if area < 0.002 * mask.size:
            break
        (cx, cy), (rw, rh), angle = cv2.minAreaRect(contour)
        if min(rw, rh) < 15 or area / (rw * rh) < 0.6:
            continue
        if max(rw, rh) / min(rw, rh) <= 1.6 and area / (rw * rh) >= 0.75:
            boxes.append(cv2.boxPoints(((cx, cy), (rw, rh), angle)) / f)
        else:
            quad = _quad_corners(contour)
            if quad is None or max(rw, rh) / min(rw, rh) > 4.0:
                continue
            boxes.append(_boxpoints_order(quad) / f)
        if len(boxes) >= max_regions:
            break
    return boxes


def _boxpoints_order(quad: NDArray[Any]) -> NDArray[Any]:
    """Four corners in cv2.boxPoints order (bottom-left, top-left, top-right, bottom-right)."""
    c = quad.mean(axis=0)
    ang = np.arctan2(quad[:, 1] - c[1], quad[:, 0] - c[0])
    ordered = quad[np.argsort(ang)]  # clockwise on screen from the left: TL, TR, BR, BL (y down)
    start = int(np.argmin(ordered[:, 0] + ordered[:, 1]))  # top-left: smallest x + y
    tl, tr, br, bl = (ordered[(start + i) % 4] for i in range(4))
    return np.array([bl, tl, tr, br], dtype=np.float32)


def _read_isolated(gray: NDArray[Any]) -> list[_Hit]:
    """Decode each code-like region on its own, with a white quiet zone painted around it.

    Why: a code shown with no quiet zone against a dark or busy background
    has finder patterns that merge with their surroundings, so no binarizer
    finds them. Cutting the region out slightly inside its edge (97 %) and
    surrounding it with white gives the finder patterns their edge back.
    Positions are mapped back to the frame for reading order.
    """
    hits: list[_Hit] = []
    for box in _code_like_regions(gray):
        centre = box.mean(axis=0)
        inner = ((box - centre) * 0.97 + centre).astype(np.float32)
        side = max(float(np.linalg.norm(inner[0] - inner[1])), float(np.linalg.norm(inner[1] - inner[2])))
        size = int(min(1600, max(200, side)))
        m = size // 8
        # boxPoints order
        dst = np.array([[m, size + m], [m, m], [size + m, m], [size + m, size + m]], dtype=np.float32)
        crop = cv2.warpPerspective(
            gray,
            cv2.getPerspectiveTransform(inner, dst),
            (size + 2 * m, size + 2 * m),
            flags=cv2.INTER_LINEAR,
            borderValue=255,
        )
        crop[:m], crop[-m:], crop[:, :m], crop[:, -m:] = 255, 255, 255, 255
        for hit in _read(crop, try_invert=True):
            hits.append(_Hit(hit.text, float(centre[0]), float(centre[1]), side, hit.version, hit.ec_level))
    return hits


def _read_straightened(gray: NDArray[Any], finders: list[Finder]) -> list[_Hit]:
    """Straighten a code by its three finder patterns and decode the square it becomes.

    Why: seen at a steep angle (a phone turned ~60 degrees away) a code is a
    narrow trapezoid; its modules are squeezed below what zxing's finder scan
    accepts across the short direction, though they are still there. The three
    finder centres and the fourth corner they imply (parallelogram rule) map
    to a square at 6 px per module, which zxing then reads like a flat code.
    `finders`: the picture's finder patterns (`_FinderSearch`).
    """
    from epcs_desktop.core.scan_guide import code_finders

    hits: list[_Hit] = []
    for a, b, c in code_finders(gray, finders):  # corner finder first, then its two neighbours
        p_a, p_b, p_c = (np.array([f.x, f.y], dtype=np.float32) for f in (a, b, c))
        p_d = p_b + p_c - p_a
        module = float(np.median([f.module for f in (a, b, c)]))
        span = max(float(np.linalg.norm(p_b - p_a)), float(np.linalg.norm(p_c - p_a)))
        for modules in sorted({round(span / module) + 7, round(span / module / 4) * 4 + 7 + 4}):
            if not 21 <= modules <= 177:
                continue
            px, quiet = 6, 6
            lo, hi = (quiet + 3.5) * px, (quiet + modules - 3.5) * px
            side = int((modules + 2 * quiet) * px)
            for pb, pc in ((p_b, p_c), (p_c, p_b)):  # either neighbour may be the top-right one
                src = np.array([p_a, pb, p_d, pc], dtype=np.float32)
                dst = np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=np.float32)
                warp = cv2.warpPerspective(
                    gray,
                    cv2.getPerspectiveTransform(src, dst),
                    (side, side),
                    flags=cv2.INTER_CUBIC,
                    borderValue=255,
                )
                found = _read(warp, try_rotate=False, try_downscale=False)
                if found:
                    centre = (p_b + p_c) / 2
                    hits.extend(
                        _Hit(h.text, float(centre[0]), float(centre[1]), 1.4 * span, h.version, h.ec_level)
                        for h in found
                    )
                    return hits
    return hits


def _local_threshold(gray: NDArray[Any]) -> NDArray[Any]:
    """Black and white by a near-Gaussian local mean over ~1/12 of the picture.

    Why: a glare spot or a bright lamp reflection lifts one part of the code
    far above the rest; zxing's own binarizers then lose the modules at the
    spot's falling edge. A Gaussian-like weighted mean follows that slope
    smoothly. Measured (bench/bench_qr_sequences.py, glare clips): it reads
    frames no other pass reads (plain zxing-cpp reads none of those clips),
    with no false positives on the no-code corpora. Stack blur rather than
    cv2.adaptiveThreshold's Gaussian: the same reads at a quarter of the cost.
    """
    block = max(15, (min(gray.shape[:2]) // 12) | 1)
    mean = cv2.stackBlur(gray, (block, block))
    darker = cv2.subtract(mean, 5)  # type: ignore[call-overload]  # a scalar operand: the stub lacks it
    return cv2.compare(gray, darker, cv2.CMP_GT)


class _FinderSearch:
    """The finder patterns of one picture, searched once, when a pass first needs them.

    Why: the glare and straightening passes both work from finder patterns,
    and a picture without any (most pictures without a code) skips both
    rather than paying for a local threshold and a zxing call that cannot
    succeed (bench/bench_qr.py, no-code images).
    """

    def __init__(self, gray: NDArray[Any]) -> None:
        self._gray = gray
        self._found: list[Finder] | None = None

    def get(self) -> list[Finder]:
        if self._found is None:
            from epcs_desktop.core.scan_guide import finders_for_decoding

            self._found = finders_for_decoding(self._gray)
        return self._found


def _passes(frame: NDArray[Any], gray: NDArray[Any]) -> Iterator[tuple[str, Callable[[], list[_Hit]]]]:
    """The decoding ladder, cheapest and most productive first.

    Each pass runs only when every pass before it found nothing, so a frame
    with a plain code costs one zxing call and a frame without any code costs
    the whole ladder (bounded by the p95 budget measured in bench/bench_qr.py);
    the last two passes run only where finder patterns are seen.
    """
    yield "gray", lambda: _read(gray)
    yield "inverted", lambda: _read(cv2.bitwise_not(gray))
    yield (
        "global-threshold",
        lambda: _read(
            gray, try_invert=True, try_downscale=False, binarizer=zxingcpp.Binarizer.GlobalHistogram
        ),
    )
    bright = _brightest_channel(frame)
    if bright is not None:
        yield "brightest-channel", lambda: _read(cv2.GaussianBlur(bright, (0, 0), 1.2), try_invert=True)
    h, w = gray.shape
    if max(h, w) <= 2000:
        base = bright if bright is not None else gray
        yield (
            "upscaled",
            lambda: _read(
                cv2.resize(
                    cv2.GaussianBlur(base, (0, 0), 0.8), None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC
                ),
                try_downscale=False,
                scale=1.5,
            ),
        )
    yield "smoothed", lambda: _read(cv2.GaussianBlur(gray, (0, 0), 1.2), try_invert=True, try_downscale=False)
    finders = _FinderSearch(gray)
    yield (
        "glare",
        lambda: _read(_local_threshold(gray), try_invert=True, try_downscale=False) if finders.get() else [],
    )
    yield "isolated", lambda: _read_isolated(gray)
    yield "straightened", lambda: _read_straightened(gray, finders.get())


def _chance_symbol(hit: Hit, gray: NDArray[Any], others: list[Hit]) -> bool:
    """True for a tiny weak-error-correction symbol that is most likely noise inside a larger code.

    Why: a version-1 or -2 symbol with error correction L or M has so few
    check codewords that moire on a photographed screen can, now and then,
    form one at a corner of the real code (a false "408259" was seen). Such a
    read is dropped when a larger symbol was read around it, or when finder
    patterns with modules nearly twice its size are right next to it. No
    enrollment payload fits in such a small symbol anyway.
    """
    if not 0 < hit.version <= 2 or hit.ec_level not in ("L", "M"):
        return False
    module = hit.size / (17 + 4 * hit.version)
    for other in others:
        larger = other is not hit and other.size > 1.5 * hit.size
        if larger and abs(other.cx - hit.cx) < other.size and abs(other.cy - hit.cy) < other.size:
            return True
    from epcs_desktop.core.scan_guide import find_finders

    h, w = gray.shape[:2]
    r = 4 * hit.size
    x0, y0 = int(max(0, hit.cx - r)), int(max(0, hit.cy - r))
    x1, y1 = int(min(w, hit.cx + r)), int(min(h, hit.cy + r))
    if x1 - x0 < 16 or y1 - y0 < 16:
        return False
    return any(f.module >= 1.8 * module for f in find_finders(np.ascontiguousarray(gray[y0:y1, x0:x1])))


def _guarded(hits: list[Hit], gray: NDArray[Any]) -> list[Hit]:
    return [h for h in hits if not _chance_symbol(h, gray, hits)]


def reading_order(hits: list[Hit]) -> list[str]:
    """Distinct payloads of `hits`, top-to-bottom by rows, left-to-right within a row."""
    return _reading_order(hits)


def _reading_order(hits: list[_Hit]) -> list[str]:
    """Distinct payloads, top-to-bottom by rows, left-to-right within a row."""
    hits = sorted(hits, key=lambda h: h.cy)
    rows: list[list[_Hit]] = []
    for hit in hits:
        if rows and abs(hit.cy - rows[-1][0].cy) < 0.5 * max(hit.size, rows[-1][0].size):
            rows[-1].append(hit)
        else:
            rows.append([hit])
    out: list[str] = []
    for row in rows:
        for hit in sorted(row, key=lambda h: h.cx):
            if hit.text not in out:
                out.append(hit.text)
    return out


def decode_frame(frame: NDArray[Any]) -> list[str]:
    """Every distinct QR payload in a BGR/BGRA/gray frame, in reading order; [] when there is none."""
    return decode_frame_verbose(frame)[0]


def decode_frame_verbose(frame: NDArray[Any]) -> tuple[list[str], str | None]:
    """Like decode_frame, plus the name of the pass that succeeded (for the benchmark)."""
    hits, name = _decode(frame, fast=False)
    return _reading_order(hits), name


def decode_hits(frame: NDArray[Any], *, fast: bool = False) -> list[Hit]:
    """The symbols in a frame with their positions; `fast`: the first, cheapest pass only.

    The live scanner (core/live_scan.py) uses `fast` on whole frames and the
    full ladder on the region where a code is, so a frame without a code stays cheap.
    """
    return _decode(frame, fast=fast)[0]


def _decode(frame: NDArray[Any], *, fast: bool) -> tuple[list[Hit], str | None]:
    gray = _to_gray(frame)
    for name, attempt in _passes(frame if frame.dtype == np.uint8 else gray, gray):
        hits = _guarded(attempt(), gray)
        if hits:
            return hits, name
        if fast:
            break
    return [], None


def load_image(path: str | Path) -> NDArray[Any]:
    """Read a picture file into a BGR (or gray) array: core/images.py, the one guarded loader."""
    from epcs_desktop.core.images import load_picture

    return load_picture(path)


def _image_from_bytes(data: bytes, name: str) -> NDArray[Any]:
    from epcs_desktop.core.images import picture_from_bytes

    return picture_from_bytes(data, name)


def decode_bytes(data: bytes, name: str = "image") -> list[str]:
    """Decode QR codes from an encoded image in memory (clipboard, drag-and-drop)."""
    return decode_frame(_image_from_bytes(data, name))


def decode_file(path: str | Path) -> list[str]:
    """Every distinct QR payload in an image file; QrError if the file is not a readable image."""
    return decode_frame(load_image(path))
