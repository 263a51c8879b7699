"""What to tell a person holding a phone up to the webcam, judged from the frame itself.

Why: when a code does not decode, "No QR code yet" is true but useless; the
person needs to know *what* to change (come closer, face the camera, hold
still, more light, less glare, fingers off). The window and ``epcs-desktop
scan --explain`` both ask this module, so they always say the same thing.

"A code is there" is decided by QR finder patterns (the three nested squares
in its corners: a dark ring around a light ring around a dark core), found as
contours nested three deep whose areas have the finder's proportions. Empty
scenes, text and textures do not have them, so they get no hint. One or two
finder patterns of one size in a bright area mean glare or fingers cover the
rest; a finder pattern squashed into a narrow rectangle means the phone is
turned away; finder patterns only a pixel or two per module wide mean the code
is too far; a code whose edges are smeared means the hand moves.

A hint is shown only once it was the commonest verdict over the last second,
and changes at most twice a second (`HintSteadier`), so the status never
flickers between two sentences. Times come from the caller (frame times).
"""

from __future__ import annotations

import enum
import logging
from collections import Counter, deque
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from epcs_desktop.core.i18n import N_

log = logging.getLogger(__name__)

__all__ = [
    "Finder",
    "FrameLook",
    "Guide",
    "Hint",
    "HintSteadier",
    "find_finders",
    "finders_for_decoding",
    "hint_for_frame",
    "look_at",
]

# Below this many camera pixels per module the decoder cannot read a code (measured, bench/qr_sequences.py).
MIN_MODULE_PX = 2.1
# A finder pattern whose short side is below this fraction of its long side: the phone is turned away.
MIN_FACING = 0.6
# Mean gray level below which a frame is too dark to judge or read.
DARK_LEVEL = 45
# Share of saturated pixels around the finder patterns that means a glare spot.
GLARE_SHARE = 0.04
# Edge sharpness (mean gradient over contrast, per module) below which the code is smeared by motion.
MIN_SHARPNESS = 0.22
# Sharpness below this share of the sharpness where the code was last read: the hand moves.
SMEARED = 0.85
# How often the shown hint may change, and over how long a window verdicts are counted (seconds).
HINT_PERIOD = 0.5
# A hint needs at least this many frames agreeing (one odd frame at the start is no majority).
MIN_VOTES = 3
HINT_WINDOW = 1.0
# How much darker than its neighbourhood's mean a pixel must be to count as dark in the finder search.
# 8 rather than 5: sensor noise in flat areas then makes a third as many contours to trace (the finder
# search costs ~1 ms at 640x360 instead of ~2.5) with the same per-frame verdicts on the clips.
FINDER_OFFSET = 8


class Hint(enum.Enum):
    """One piece of guidance; `text` is the sentence (translated by the window in the "core" context)."""

    MOVE_CLOSER = N_("A QR code is there but too small. Bring the phone closer to the camera.")
    FACE_CAMERA = N_("Turn the phone so its screen faces the camera.")
    HOLD_STILL = N_("Hold the phone still for a moment.")
    MORE_LIGHT = N_("It is too dark. Turn on a light or turn up the phone's brightness.")
    LESS_GLARE = N_("Glare hides part of the code. Tilt the phone a little or move it away from the light.")
    UNCOVER = N_("Part of the code is covered. Keep your fingers off the code.")

    @property
    def text(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Finder:
    """One finder pattern: centre, pixels per module (along its long side), short/long side ratio."""

    x: float
    y: float
    module: float
    facing: float


@dataclass(frozen=True)
class FrameLook:
    """What one frame shows, as far as guidance cares."""

    finders: tuple[Finder, ...]
    brightness: float
    glare: float = 0.0
    sharpness: float = 1.0


def _gray(frame: NDArray[Any]) -> NDArray[Any]:
    if frame.ndim == 3:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY if frame.shape[2] == 4 else cv2.COLOR_BGR2GRAY)
    return frame


def _centroid(contour: NDArray[Any]) -> tuple[float, float] | None:
    m = cv2.moments(contour)
    if m["m00"] == 0:
        return None
    return m["m10"] / m["m00"], m["m01"] / m["m00"]


def _finder_binary(gray: NDArray[Any]) -> NDArray[Any]:
    """255 where a pixel is FINDER_OFFSET below the mean of its neighbourhood (~1/24 of the picture)."""
    h, w = gray.shape[:2]
    block = max(11, (min(h, w) // 24) | 1)
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, FINDER_OFFSET
    )


def _rings_around_a_core(binary: NDArray[Any]) -> bool:
    """Whether any foreground blob has its centre in another blob: every finder pattern does (ring, core).

    One connected-component labelling, judged in numpy: it costs the same for
    any picture, while the contour tree costs ~5 us per contour in Python
    (a page of text or a textured picture: 5-8 ms at 640 px).
    """
    h, w = binary.shape[:2]
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if n < 3:
        return False
    cx = np.clip(np.rint(centroids[:, 0]).astype(np.intp), 0, w - 1)
    cy = np.clip(np.rint(centroids[:, 1]).astype(np.intp), 0, h - 1)
    inside = labels[cy, cx]
    ids = np.arange(n)
    sides = np.minimum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    return bool(np.any((ids > 0) & (inside > 0) & (inside != ids) & (sides >= 4)))


def find_finders(gray: NDArray[Any], *, limit: int = 12) -> list[Finder]:
    """QR finder patterns in a gray frame (cheap: one adaptive threshold and one contour pass).

    A finder is a contour nested three deep (ring, hole, core; either
    polarity, since holes are contours too) with the finder's proportions.
    """
    return _finders_in(_finder_binary(gray), limit)


def _finders_in(binary: NDArray[Any], limit: int = 12) -> list[Finder]:
    """The finder patterns of a `_finder_binary` picture (see find_finders)."""
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    tree = hierarchy[0]
    found: list[Finder] = []
    for i, contour in enumerate(contours):
        child = tree[i][2]
        if child < 0 or tree[child][2] < 0:
            continue
        core = contours[tree[child][2]]
        area = cv2.contourArea(contour)
        core_area = cv2.contourArea(core)
        if area < 40 or core_area <= 0 or not 2.5 < area / core_area < 14:
            continue
        (x, y), (rw, rh), _angle = cv2.minAreaRect(contour)
        if min(rw, rh) < 4 or area / (rw * rh) < 0.6:
            continue
        c_out, c_in = _centroid(contour), _centroid(core)
        if (
            c_out is None
            or c_in is None
            or np.hypot(c_out[0] - c_in[0], c_out[1] - c_in[1]) > 0.25 * area**0.5
        ):
            continue
        found.append(Finder(float(x), float(y), max(rw, rh) / 7.0, min(rw, rh) / max(rw, rh)))
        if len(found) >= limit:
            break
    return found


def _same_code(finders: list[Finder]) -> list[Finder]:
    """The largest group of finder patterns of about one module size (one code's corners)."""
    best: list[Finder] = []
    for f in finders:
        group = [
            g
            for g in finders
            if 0.6 < g.module / f.module < 1.6
            and np.hypot(g.x - f.x, g.y - f.y) < 60 * max(f.module, g.module)
        ]
        if len(group) > len(best):
            best = group
    return best[:3]


def finders_for_decoding(gray: NDArray[Any]) -> list[Finder]:
    """Every finder pattern in a picture, in its coordinates, for the decoder's finder-based passes.

    Pictures over 1000 px are searched at half size (cheaper; a code worth
    straightening there has finder patterns that survive halving). A cheap
    labelling first says whether any finder pattern can be there (`_rings_around_a_core`;
    it missed none of the contour tree's on the generated corpora and clips).
    """
    f = 0.5 if max(gray.shape[:2]) > 1000 else 1.0
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    binary = _finder_binary(small)
    # Most pictures without a code have no ring around a core in either polarity: no contour tree then.
    if not _rings_around_a_core(binary) and not _rings_around_a_core(cv2.bitwise_not(binary)):
        return []
    return [Finder(g.x / f, g.y / f, g.module / f, g.facing) for g in _finders_in(binary)]


def code_finders(
    gray: NDArray[Any], finders: list[Finder] | None = None
) -> list[tuple[Finder, Finder, Finder]]:
    """Triples of finder patterns that can be one code's corners, the corner one first.

    The corner finder is the one whose two neighbours are furthest apart (the
    right angle of the code's triangle, whatever the perspective). `finders`:
    `finders_for_decoding(gray)` when the caller already has it.
    """
    group = _same_code(finders if finders is not None else finders_for_decoding(gray))
    if len(group) < 3:
        return []
    a, b, c = group
    best = max(
        ((a, b, c), (b, a, c), (c, a, b)),
        key=lambda t: np.hypot(t[1].x - t[2].x, t[1].y - t[2].y),
    )
    return [best]


def _glare(gray: NDArray[Any], finders: list[Finder]) -> float:
    """Share of the code's area washed out: no dark module within two modules of a pixel.

    Inside a QR code a dark module is never far away, so after a grey-level
    erosion two modules wide only a glare spot stays white. The area is the
    box of the finder centres grown by 3.5 modules: the code itself, never the
    white phone screen or page around it (which may well be overexposed).
    """
    h, w = gray.shape[:2]
    module = max(f.module for f in finders)
    pad = 3.5 * module
    xs, ys = [f.x for f in finders], [f.y for f in finders]
    x0, x1 = int(max(0, min(xs) - pad)), int(min(w, max(xs) + pad))
    y0, y1 = int(max(0, min(ys) - pad)), int(min(h, max(ys) + pad))
    area = gray[y0:y1, x0:x1]
    if area.size == 0:
        return 0.0
    k = max(3, round(2 * module) | 1)
    eroded = cv2.erode(area, np.ones((k, k), np.uint8))
    return float(np.count_nonzero(eroded >= 245)) / area.size


def _sharpness(image: NDArray[Any], finders: list[Finder]) -> float:
    """Mean gradient magnitude over the finder areas, per unit contrast, times the module size.

    A sharp module edge rises over about one pixel whatever the module size,
    so the mean gradient of a sharp code falls as 1/module; multiplying back
    makes the figure comparable between near and far codes.
    """
    values = []
    for f in finders:
        r = int(4.5 * f.module) + 1
        x0, y0 = max(0, int(f.x) - r), max(0, int(f.y) - r)
        raw = image[y0 : int(f.y) + r, x0 : int(f.x) + r]
        if raw.shape[0] < 4 or raw.shape[1] < 4:
            continue
        patch = _gray(raw).astype(np.float32)  # BGR or gray: only the patch is converted
        lo, hi = np.percentile(patch, (5, 95))
        contrast = float(hi - lo)
        if contrast < 10:
            continue
        gx = cv2.Sobel(patch, cv2.CV_32F, 1, 0, ksize=3) / 8
        gy = cv2.Sobel(patch, cv2.CV_32F, 0, 1, ksize=3) / 8
        values.append(float(np.mean(np.hypot(gx, gy))) / contrast * f.module)
    return min(values) if values else 1.0


def look_at(frame: NDArray[Any]) -> FrameLook:
    """The facts guidance needs from one BGR or gray frame."""
    gray = _gray(frame)
    small = gray
    f = 1.0
    if max(gray.shape) > 1400:  # 1080p: finder patterns of a readable code survive halving
        f = 0.5
        small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    brightness = float(cv2.mean(small)[0])  # type: ignore[index]  # a 4-tuple; the stub says maybe float
    if brightness < DARK_LEVEL:
        return FrameLook((), brightness)
    finders = [Finder(x.x / f, x.y / f, x.module / f, x.facing) for x in _same_code(find_finders(small))]
    if not finders:
        return FrameLook((), brightness)
    return FrameLook(tuple(finders), brightness, _glare(gray, finders), _sharpness(gray, finders))


def hint_for(look: FrameLook) -> Hint | None:
    """The guidance for one frame in which nothing decoded; None when there is nothing useful to say."""
    if look.brightness < DARK_LEVEL:
        return Hint.MORE_LIGHT
    finders = look.finders
    if not finders:
        return None  # no code in view (or too smeared to tell): say nothing rather than guess
    if min(f.facing for f in finders) < MIN_FACING:
        return Hint.FACE_CAMERA
    if look.glare > GLARE_SHARE:
        return Hint.LESS_GLARE
    if max(f.module for f in finders) < MIN_MODULE_PX:
        return Hint.MOVE_CLOSER
    if look.sharpness < MIN_SHARPNESS:
        return Hint.HOLD_STILL
    if len(finders) < 3:
        return Hint.UNCOVER
    return None


def hint_for_frame(frame: NDArray[Any]) -> Hint | None:
    """`hint_for(look_at(frame))`: the per-frame verdict, before steadying."""
    return hint_for(look_at(frame))


class HintSteadier:
    """Turns per-frame verdicts into the hint to show: the commonest of the last second, changed at most
    every half second. A decoded frame counts as "no hint" (the decode has its own message).

    Why: single frames disagree (one blurred frame in a steady hold, one frame
    that caught the glare); showing each would flicker.
    """

    def __init__(self, period: float = HINT_PERIOD, window: float = HINT_WINDOW) -> None:
        self.period = period
        self.window = window
        self._votes: deque[tuple[float, Hint | None]] = deque()
        self._shown: Hint | None = None
        self._changed_at: float | None = None

    @property
    def shown(self) -> Hint | None:
        return self._shown

    def reset(self) -> None:
        self._votes.clear()
        self._shown = None
        self._changed_at = None

    def update(self, t: float, verdict: Hint | None) -> Hint | None:
        """Record the verdict for the frame at time `t` (seconds, any origin); return the hint to show."""
        self._votes.append((t, verdict))
        while self._votes and self._votes[0][0] < t - self.window:
            self._votes.popleft()
        if self._changed_at is not None and t - self._changed_at < self.period:
            return self._shown
        counts = Counter(v for _, v in self._votes)
        best, n = counts.most_common(1)[0]
        # a hint needs a clear majority of the window; "nothing to say" wins ties
        if best is not None and (n * 2 <= len(self._votes) or n < MIN_VOTES):
            best = None
        if best is not self._shown:
            self._shown = best
            self._changed_at = t
        elif self._changed_at is None:
            self._changed_at = t
        return self._shown


class Guide:
    """Per-session guidance: per-frame verdicts, a memory of where the code was, and the steadier.

    The memory matters for shaking hands: a smeared code loses its finder
    patterns, so a frame alone would say nothing. If finder patterns (or a
    decode) were seen in the last second and the same place is now smeared,
    the verdict is "hold still".
    """

    def __init__(self, steadier: HintSteadier | None = None) -> None:
        self.steadier = steadier or HintSteadier()
        self._last: tuple[float, float, float, float] | None = None  # t, x, y, module
        self._reference = 0.0  # sharpness where the code was last read

    def reset(self) -> None:
        self.steadier.reset()
        self._last = None

    def seen_at(self, t: float, x: float, y: float, module: float, frame: NDArray[Any] | None = None) -> None:
        """Remember where a code was seen; with the frame it was read in, how sharp it was there."""
        self._last = (t, x, y, module)
        if frame is not None:
            self._reference = _sharpness(frame, [Finder(x, y, module, 1.0)])

    def verdict(self, frame: NDArray[Any], t: float, look: FrameLook | None = None) -> Hint | None:
        """The unsteadied verdict for one frame in which nothing decoded (`look`: already computed)."""
        look = look if look is not None else look_at(frame)
        if look.finders:
            f = max(look.finders, key=lambda g: g.module)
            self.seen_at(t, f.x, f.y, f.module)
            return hint_for(look)
        hint = hint_for(look)
        if hint is None and self._reference and self._last is not None and t - self._last[0] <= HINT_WINDOW:
            # Where the code was just read, edges are now smeared (but it is not simply gone:
            # an empty background is far smoother still).
            _t, x, y, module = self._last
            now = _sharpness(frame, [Finder(x, y, module, 1.0)])
            if 0.35 * self._reference < now < SMEARED * self._reference:
                return Hint.HOLD_STILL
        return hint

    def update(self, frame: NDArray[Any] | None, t: float, look: FrameLook | None = None) -> Hint | None:
        """The hint to show after the frame at `t`; `frame` None means it decoded (no verdict needed)."""
        return self.steadier.update(t, None if frame is None else self.verdict(frame, t, look))
