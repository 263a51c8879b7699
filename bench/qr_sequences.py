"""Deterministic webcam-like frame sequences of a phone (or paper) showing an enrollment QR code.

Why: the live scanner's job is a *sequence* problem (the code drifts, shakes,
comes closer; the status must guide and must not flicker), and still photos
cannot test that. Each clip is rendered from a seed with a small physical
model: a hand holding a phone (bezel, lit screen) or a printed sheet in front
of a desk scene, drifting and trembling; a fixed-focus lens (Gaussian blur),
motion blur along the hand's velocity, exposure gain with sensor noise, MJPG
compression. Conditions (the `KINDS`): distance sweep, far, steep angle,
shake, dark, glare spot, screen moire, fingers over a corner, printed paper,
and empty scenes; any clip can be mirrored (laptop cameras that flip).

Seeds split into `dev` (tune and unit-test here) and `test` (report only), so
the scanner is not tuned to the clips it is judged on. Clips are small (a few
frames, 640x360 by default) because the test machines have little CPU.

    clip = make_clip("far", seed=3)      # clip.frames: list of BGR uint8 frames
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

import qr_corpus

KINDS = ("near", "sweep", "far", "angled", "shake", "dark", "glare", "moire", "fingers", "paper", "empty")
SPLITS = {"dev": range(0, 1000), "test": range(1000, 2000)}
#: The hint (core.scan_guide.Hint name) the window should settle on within a second, per kind.
EXPECTED_HINT = {
    "far": "MOVE_CLOSER",
    "angled": "FACE_CAMERA",
    "shake": "HOLD_STILL",
    "dark": "MORE_LIGHT",
    "glare": "LESS_GLARE",
    "fingers": "UNCOVER",
    "empty": None,
}
ENROLL_URI = "otpauth://totp/ID.me:{who}%40clinic.example?secret={secret}&issuer=ID.me"


@dataclass
class Clip:
    """A rendered sequence: BGR frames at `fps`, the text it shows (None: no code) and how it was made."""

    name: str
    kind: str
    seed: int
    fps: float
    text: str | None
    frames: list[np.ndarray] = field(default_factory=list)
    mirrored: bool = False
    module_px: list[float] = field(default_factory=list)  # camera pixels per module, per frame


def _payload(rng: np.random.Generator) -> str:
    secret = "".join(rng.choice(list(qr_corpus.B32), 32))
    who = f"{rng.choice(qr_corpus.FIRST)}.{rng.choice(qr_corpus.LAST)}"
    return ENROLL_URI.format(who=who, secret=secret)


def _phone_texture(m: np.ndarray, px: int, paper: bool) -> np.ndarray:
    """The code on a lit phone screen inside a dark bezel (or on a white sheet), gray, px per module."""
    code = qr_corpus.matrix_image(m, px, dark=20 if not paper else 35, light=245 if not paper else 225)
    n = code.shape[0]
    if paper:
        pad = n // 3
        return cv2.copyMakeBorder(code, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=225)
    screen = cv2.copyMakeBorder(code, n // 5, n, n // 12, n // 12, cv2.BORDER_CONSTANT, value=240)
    b = max(2, n // 14)
    return cv2.copyMakeBorder(screen, b, b, b, b, cv2.BORDER_CONSTANT, value=12)


def _moire(tex: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A fine RGB-like stripe grid over the screen: the camera samples it into moire."""
    h, w = tex.shape
    period = float(rng.uniform(2.2, 3.2))
    xx = np.arange(w, dtype=np.float32)[None, :]
    yy = np.arange(h, dtype=np.float32)[:, None]
    grid = 0.7 + 0.3 * np.cos(2 * math.pi * xx / period) * np.cos(2 * math.pi * yy / (period * 1.3))
    return np.clip(tex.astype(np.float32) * grid, 0, 255).astype(np.uint8)


def _finger(frame: np.ndarray, corner: np.ndarray, toward: np.ndarray, width: float) -> None:
    """A skin-coloured finger (rounded bar) laid over one corner of the code, from outside it."""
    tip = corner + (toward - corner) * 0.28
    base = corner - (toward - corner) * 0.9
    colour = (120, 150, 205)
    cv2.line(frame, tuple(int(v) for v in base), tuple(int(v) for v in tip), colour, int(width), cv2.LINE_AA)
    cv2.circle(frame, tuple(int(v) for v in tip), int(width / 2), colour, -1, cv2.LINE_AA)


def make_clip(
    kind: str,
    seed: int,
    *,
    size: tuple[int, int] = (640, 360),
    frames: int = 12,
    fps: float = 10.0,
    mirrored: bool = False,
) -> Clip:
    """Render one clip of `kind` (see KINDS) from `seed`; same arguments, same pixels."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    rng = np.random.default_rng(seed * 7919 + KINDS.index(kind))
    w, h = size
    scale = w / 640.0
    text = None if kind == "empty" else _payload(rng)
    scene = cv2.resize(qr_corpus.desk_background(rng, w, h), (w, h), interpolation=cv2.INTER_AREA).astype(
        np.float32
    )
    m = qr_corpus.qr_matrix(text or "x", border=0)
    n_mod = m.shape[0]
    tex_px = 6
    paper = kind == "paper"
    tex = _phone_texture(m, tex_px, paper)
    if kind == "moire":
        tex = _moire(tex, rng)
    code_px = n_mod * tex_px
    # where the code sits inside the texture (pixels): needed to size and to place fingers
    if paper:
        off_x = off_y = code_px // 3
    else:
        b = max(2, code_px // 14)
        off_x, off_y = b + code_px // 12, b + code_px // 5
    # camera pixels per module over the clip
    base_mod = {"far": 1.25, "sweep": 1.2, "moire": 2.6}.get(kind, float(rng.uniform(3.2, 4.2)))
    mod = [base_mod] * frames
    if kind == "sweep":  # the phone comes from arm's length to reading distance
        mod = list(np.linspace(1.2, 3.6, frames))
    tilt = float(rng.uniform(60, 66)) if kind == "angled" else float(rng.uniform(0, 12))
    tilt_axis = float(rng.uniform(-15, 15)) + (90 if rng.random() < 0.5 else 0)
    angle = float(rng.uniform(-10, 10))
    gain = float(rng.uniform(0.06, 0.08)) if kind == "dark" else float(rng.uniform(0.85, 1.05))
    noise = 12.0 if kind == "dark" else float(rng.uniform(1.5, 3.0))
    shake_amp = (9.0 if kind == "shake" else 0.6) * scale
    cx0, cy0 = w / 2 + rng.uniform(-0.08, 0.08) * w, h / 2 + rng.uniform(-0.08, 0.08) * h
    phase = rng.uniform(0, 2 * math.pi, 4)
    finger_corner = int(rng.choice([0, 1, 3]))  # which finder pattern the finger covers (TL, TR, BL)
    clip = Clip(f"{kind}-{seed}{'-mirrored' if mirrored else ''}", kind, seed, fps, text, mirrored=mirrored)
    prev_c = None
    for i in range(frames):
        t = i / fps
        # hand drift (slow) plus tremor (fast); shaking hands move fast
        cx = (
            cx0
            + 6 * scale * math.sin(0.7 * t + phase[0])
            + shake_amp * math.sin(2 * math.pi * 3.1 * t + phase[1])
        )
        cy = (
            cy0
            + 4 * scale * math.sin(0.5 * t + phase[2])
            + shake_amp * math.cos(2 * math.pi * 2.7 * t + phase[3])
        )
        code_side = n_mod * mod[i] * scale  # camera px of the code itself
        # the homography places the code square; the rest of the texture (bezel, paper) follows it
        hm = qr_corpus.code_homography(code_px, (cx, cy), code_side, angle, tilt, tilt_axis)
        hm = hm @ np.float64([[1, 0, -off_x], [0, 1, -off_y], [0, 0, 1]])
        warped = cv2.warpPerspective(
            tex, hm, (w, h), flags=cv2.INTER_AREA if kind != "moire" else cv2.INTER_NEAREST
        )
        mask = cv2.warpPerspective(np.full(tex.shape, 255, np.uint8), hm, (w, h), flags=cv2.INTER_LINEAR)
        a = (mask.astype(np.float32) / 255.0)[..., None] * (kind != "empty")
        frame = scene * (1 - a) + warped[..., None].astype(np.float32) * a
        corners = cv2.perspectiveTransform(
            np.float32(
                [
                    [
                        [off_x, off_y],
                        [off_x + code_px, off_y],
                        [off_x + code_px, off_y + code_px],
                        [off_x, off_y + code_px],
                    ]
                ]
            ),
            hm,
        )[0]
        if kind == "fingers":
            centre = corners.mean(axis=0)
            _finger(frame, corners[finger_corner], centre, 0.3 * code_side)
        if kind == "glare":
            gx, gy = corners.mean(axis=0) + (corners[0] - corners.mean(axis=0)) * 0.35
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            sig = 0.22 * code_side
            frame += 330 * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * sig * sig))[..., None]
        frame = np.clip(frame * gain, 0, 255)
        frame = cv2.GaussianBlur(frame, (0, 0), 0.55 * scale)  # fixed-focus lens
        c = np.array([cx, cy])
        if prev_c is not None and kind == "shake":
            v = c - prev_c
            frame = qr_corpus.motion(frame, float(np.hypot(*v)) * 0.9, math.degrees(math.atan2(v[1], v[0])))
        prev_c = c
        frame = qr_corpus.add_noise(np.clip(frame, 0, 255).astype(np.uint8), rng, noise)
        frame = qr_corpus.jpeg(frame, 80)
        if mirrored:
            frame = np.ascontiguousarray(frame[:, ::-1])
        clip.frames.append(frame)
        clip.module_px.append(mod[i] * scale * math.cos(math.radians(tilt)) ** 0.5)
    return clip


def clips(split: str, per_kind: int = 2, **kw: object) -> list[Clip]:
    """`per_kind` clips of every kind from the `split` seed range, every other one mirrored."""
    seeds = SPLITS[split]
    out = []
    for kind in KINDS:
        for j in range(per_kind):
            out.append(make_clip(kind, seeds[j], mirrored=bool(j % 2), **kw))  # type: ignore[arg-type]
    return out
