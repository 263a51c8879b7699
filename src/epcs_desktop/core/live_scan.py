"""Scanning a stream of frames (a webcam, a video): where to decode, when a read counts, what to say.

Why one home: the enrollment window, ``epcs-desktop scan --camera`` and
``scan VIDEO`` must accept the same reads and give the same guidance, so the
rules live here once and all three feed frames to a `LiveScanner`.

- **Two identical reads** (`ReadConfirmer`): a text counts only when two
  decoded frames in a row both hold it. A single misread of a half-visible or
  moire-striped code never reaches the person.
- **Where to decode**: the region around where the code was last seen is
  decoded first (a code held up to a camera moves little between frames; the
  full ladder there while it keeps reading, after a miss only every
  `HARD_EVERY` frames), the whole frame with the full ladder only every
  `FULL_EVERY` frames or when finder patterns say a code is there. A frame
  without a code costs one fast zxing pass and, one frame in `LOOK_EVERY`, a
  finder search (about 2.5 ms at 720p) instead of the whole ladder.
- **Guidance**: frames that did not decode go to `scan_guide.Guide`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from epcs_desktop.core import qr
from epcs_desktop.core.scan_guide import FrameLook, Guide, Hint, look_at

log = logging.getLogger(__name__)

__all__ = ["FrameResult", "LiveScanner", "ReadConfirmer"]

#: Every this many frames the whole frame gets the full decoding ladder even when nothing hints at a code.
FULL_EVERY = 6
#: While the full ladder keeps failing on a code the guide sees (too far, covered, glare), it runs on
#: every this many frames only: the guidance needs no decode, and the preview stays smooth.
HARD_EVERY = 3
#: The finder search for guidance runs on every this many frames without a quick read.
LOOK_EVERY = 3
#: How long (seconds) the last seen place of the code is decoded first.
REGION_MEMORY = 1.5
#: The decoded region: this many times the code's size around its centre.
REGION_GROWTH = 2.2


class ReadConfirmer:
    """THE two-identical-reads rule: a text is confirmed when two decoded frames in a row hold it.

    A frame that decodes nothing resets nothing: the rule is about decoded
    frames (the window skips frames while busy, and empty frames between two
    reads of a steady code are blur, not a different code).
    """

    def __init__(self) -> None:
        self._previous: set[str] = set()
        self._confirmed: set[str] = set()

    def reset(self) -> None:
        self._previous = set()
        self._confirmed = set()

    def feed(self, texts: list[str]) -> list[str]:
        """Texts confirmed by this decoded frame (each text once per session)."""
        if not texts:
            return []
        new = [t for t in texts if t in self._previous and t not in self._confirmed]
        self._confirmed.update(new)
        self._previous = set(texts)
        return new


@dataclass
class FrameResult:
    """What one frame gave: raw reads, reads confirmed now, and the (steadied) hint to show."""

    texts: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    hint: Hint | None = None


class LiveScanner:
    """Decode a stream of frames, confirm reads, steady the guidance. Not thread-safe: one per stream."""

    def __init__(self) -> None:
        self.confirmer = ReadConfirmer()
        self.guide = Guide()
        self._region: tuple[float, float, float, float] | None = None  # t, cx, cy, size
        self._count = 0
        self._hard_failures = 0  # finder-region ladders in a row that read nothing
        self._region_misses = 0  # frames in a row the last-seen region gave nothing
        self._look: FrameLook | None = None
        self._sharp_at = -1e9

    def reset(self) -> None:
        self.confirmer.reset()
        self.guide.reset()
        self._region = None
        self._count = 0
        self._hard_failures = 0
        self._region_misses = 0
        self._look = None
        self._sharp_at = -1e9

    def _crop_box(
        self, shape: tuple[int, ...], cx: float, cy: float, size: float
    ) -> tuple[int, int, int, int]:
        h, w = shape[:2]
        half = max(64.0, size * REGION_GROWTH / 2)
        return int(max(0, cx - half)), int(max(0, cy - half)), int(min(w, cx + half)), int(min(h, cy + half))

    def _decode_region(
        self, frame: NDArray[Any], cx: float, cy: float, size: float, *, fast: bool = False
    ) -> list[qr.Hit]:
        x0, y0, x1, y1 = self._crop_box(frame.shape, cx, cy, size)
        if x1 - x0 < 32 or y1 - y0 < 32:
            return []
        hits = qr.decode_hits(np.ascontiguousarray(frame[y0:y1, x0:x1]), fast=fast)
        return [qr.Hit(h.text, h.cx + x0, h.cy + y0, h.size, h.version, h.ec_level) for h in hits]

    def decode(self, frame: NDArray[Any], t: float) -> tuple[list[qr.Hit], FrameLook | None]:
        """The symbols in this frame, looked for where they are likely first (see the module doc),
        and the guide's look at the frame when nothing was found quickly."""
        self._count += 1
        region = self._region
        backing_off = False  # the region missed and it is not its ladder's turn: no ladder this frame
        if region is not None and t - region[0] <= REGION_MEMORY:
            # Why back off: a code that has gone (or is smeared, too far) would cost the full ladder on
            # the region in every frame for REGION_MEMORY seconds; one that reads is read every frame.
            ladder = self._region_misses % HARD_EVERY == 0
            hits = self._decode_region(frame, region[1], region[2], region[3], fast=not ladder)
            if hits:
                self._region_misses = 0
                return hits, None
            self._region_misses += 1
            backing_off = not ladder
        hits = qr.decode_hits(frame, fast=True)
        if hits:
            return hits, None
        # Guidance changes at most twice a second: two frames in three reuse the last look.
        look = self._look if self._count % LOOK_EVERY != 0 and self._look is not None else look_at(frame)
        self._look = look
        hard_turn = self._hard_failures % HARD_EVERY == 0
        if look.finders and hard_turn and not backing_off:
            # a code is there: the full ladder on the area around its finder patterns
            fs = look.finders
            module = max(f.module for f in fs)
            if len(fs) >= 2:
                cx, cy = float(np.mean([f.x for f in fs])), float(np.mean([f.y for f in fs]))
                span = max(np.hypot(a.x - b.x, a.y - b.y) for a in fs for b in fs)
                hits = self._decode_region(frame, cx, cy, span * 1.3 + 10 * module)
            else:
                hits = self._decode_region(frame, fs[0].x, fs[0].y, 60 * module)
        if look.finders:
            self._hard_failures = 0 if hits else self._hard_failures + 1
        if not hits and self._count % FULL_EVERY == 1:
            hits = qr.decode_hits(frame)
        return hits, look

    def feed(self, frame: NDArray[Any], t: float) -> FrameResult:
        """One frame at time `t` (seconds, any origin; video: index / fps)."""
        hits, look = self.decode(frame, t)
        texts = qr.reading_order(hits)
        if hits:
            big = max(hits, key=lambda h: h.size)
            self._region = (t, big.cx, big.cy, big.size)
            self._region_misses = 0
            # how sharp the code is where it was read: refreshed twice a second, enough for "hold still"
            fresh = t - self._sharp_at >= 0.5
            self.guide.seen_at(t, big.cx, big.cy, big.size / 29, frame if fresh else None)
            if fresh:
                self._sharp_at = t
            hint = self.guide.update(None, t)
        else:
            hint = self.guide.update(frame, t, look)
        return FrameResult(texts, self.confirmer.feed(texts), hint)
