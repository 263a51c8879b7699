"""Graded, deterministic corpus of QR scanning conditions for bench_qr.py.

Why a home-made corpus: the decoder has to cope with what a webcam pointed at
a phone or monitor (or a screenshot of a web page) really delivers, and no
public corpus mixes exactly those conditions with realistic authenticator
payloads. Every sample is rendered from a seed, so the same seed always gives
the same image; the benchmark tunes on one seed range and reports on another.

Each sample is a real image file (PNG for screenshots, JPEG for camera
frames) written to disk and read back through the product's decode_file.
The payloads are synthetic (random secrets, invented accounts) and are kept
in memory only: the manifest on disk names files and categories, not payloads.

Categories (every one graded from easy to hard by `level` in [0, 1]):
  screenshot     axis-aligned code on a busy web page, 3-6 px per module
  small          2-3 px per module in a 1280x720 camera frame
  rotation       any angle
  perspective    tilt up to ~50 degrees
  blur           defocus or motion blur
  noise_jpeg     sensor noise plus heavy JPEG compression
  low_contrast   low contrast, uneven light, glare
  inverted       light modules on dark (dark-mode screens)
  moire          webcam photo of a monitor (RGB sub-pixel grid aliasing)
  no_quiet_zone  0-1 module quiet zone on a busy page
  multi          2-4 codes in one frame (all must be found)
  dense          ~450-character otpauth-migration exports
  negative       no QR code at all (other barcodes, text, textures)
"""

from __future__ import annotations

import base64
import json
import math
import string
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import qrcode
import zxingcpp

CATEGORIES = (
    "screenshot",
    "small",
    "rotation",
    "perspective",
    "blur",
    "noise_jpeg",
    "low_contrast",
    "inverted",
    "moire",
    "no_quiet_zone",
    "multi",
    "dense",
    "negative",
)

CAM_W, CAM_H = 1280, 720
SS = 2  # supersampling factor for camera scenes (optics integrate over pixels)

ISSUERS = ("ID.me", "DrChrono", "Epic EPCS", "Surescripts", "Okta", "Duo", "Imprivata", "GitHub")
FIRST = ("alex", "sam", "maria", "li", "jordan", "priya", "omar", "chen", "ana", "kofi")
LAST = ("smith", "garcia", "nguyen", "patel", "okafor", "kim", "muller", "rossi", "cohen", "silva")
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass
class Sample:
    """One corpus image: where it is, what it shows, and what must be read from it."""

    name: str
    category: str
    level: float
    path: Path
    expected: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- payloads


def otpauth_uri(rng: np.random.Generator) -> str:
    """A realistic otpauth:// URI: 80-256 bit secret, issuer prefix, optional parameters."""
    issuer = str(rng.choice(ISSUERS))
    account = f"{rng.choice(FIRST)}.{rng.choice(LAST)}{int(rng.integers(1, 99))}@clinic.example"
    nchars = int(rng.choice([16, 26, 32, 52]))
    secret = "".join(rng.choice(list(B32), nchars))
    label = urllib.parse.quote(f"{issuer}:{account}", safe=":@")
    uri = f"otpauth://totp/{label}?secret={secret}&issuer={urllib.parse.quote(issuer)}"
    if rng.random() < 0.5:
        uri += "&algorithm=SHA1&digits=6&period=30"
    return uri


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(num: int, wire: int, body: bytes | int) -> bytes:
    key = _varint((num << 3) | wire)
    if wire == 0:
        assert isinstance(body, int)
        return key + _varint(body)
    assert isinstance(body, bytes)
    return key + _varint(len(body)) + body


def migration_uri(rng: np.random.Generator, target_len: int = 450) -> str:
    """A Google Authenticator style otpauth-migration:// export of about target_len characters.

    The protobuf is built by hand in the real wire format (MigrationPayload /
    OtpParameters) so the payload has the byte statistics of a real export.
    """
    accounts = b""
    best = ""
    while True:
        secret = rng.bytes(int(rng.choice([10, 16, 20])))
        name = f"{rng.choice(FIRST)}.{rng.choice(LAST)}@clinic.example".encode()
        issuer = str(rng.choice(ISSUERS)).encode()
        otp = (
            _field(1, 2, secret)
            + _field(2, 2, name)
            + _field(3, 2, issuer)
            + _field(4, 0, 1)
            + _field(5, 0, 1)
            + _field(6, 0, 2)
        )
        accounts += _field(1, 2, otp)
        data = accounts + _field(2, 0, 1) + _field(3, 0, 1) + _field(4, 0, 0) + _field(5, 0, 12345)
        uri = "otpauth-migration://offline?data=" + urllib.parse.quote(base64.b64encode(data), safe="")
        if len(uri) >= target_len:  # whichever of the last two is closer to the target length
            return best if best and target_len - len(best) < len(uri) - target_len else uri
        best = uri


def text_payload(rng: np.random.Generator) -> str:
    """A non-secret payload (URL) so the corpus is not all otpauth."""
    path = "".join(rng.choice(list(string.ascii_lowercase), 10))
    return f"https://account.id.me/{path}"


# --------------------------------------------------------------------------- rendering helpers


def qr_matrix(payload: str, ec: int = qrcode.constants.ERROR_CORRECT_M, border: int = 4) -> np.ndarray:
    """Boolean module matrix (True = dark) including `border` quiet-zone modules."""
    q = qrcode.QRCode(error_correction=ec, border=border)
    q.add_data(payload)
    q.make(fit=True)
    return np.array(q.get_matrix(), dtype=bool)


def matrix_image(m: np.ndarray, px: int, dark: int = 0, light: int = 255) -> np.ndarray:
    """Gray image of a module matrix at an integer number of pixels per module."""
    img = np.where(m, dark, light).astype(np.uint8)
    return cv2.resize(img, (m.shape[1] * px, m.shape[0] * px), interpolation=cv2.INTER_NEAREST)


def page_background(rng: np.random.Generator, w: int, h: int, dark: bool = False) -> np.ndarray:
    """A busy web page: header bar, text lines, boxes, buttons (gray or colour)."""
    bg = 30 if dark else 250
    fg = 220 if dark else 40
    img = np.full((h, w, 3), bg, np.uint8)
    hdr = tuple(int(c) for c in rng.integers(40, 200, 3))
    cv2.rectangle(img, (0, 0), (w, int(h * 0.08)), hdr, -1)
    y = int(h * 0.12)
    font = cv2.FONT_HERSHEY_SIMPLEX
    while y < h:
        x = int(rng.integers(10, 60))
        words = "".join(rng.choice(list(string.ascii_letters + "  "), int(rng.integers(20, 90))))
        scale = float(rng.uniform(0.35, 0.7)) * w / 1280
        cv2.putText(img, words, (x, y), font, scale, (fg, fg, fg), 1, cv2.LINE_AA)
        if rng.random() < 0.1:
            c = tuple(int(v) for v in rng.integers(0, 255, 3))
            x0, y0 = int(rng.integers(0, w)), y
            cv2.rectangle(
                img, (x0, y0), (x0 + int(rng.integers(40, 200)), y0 + int(rng.integers(15, 40))), c, -1
            )
        y += int(rng.integers(16, 34) * h / 720)
    return img


def desk_background(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A camera scene: smooth colour gradient, blobs and edges (desk, hand, wall)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    for c in range(3):
        a, b, d = rng.uniform(-0.1, 0.1, 3)
        img[..., c] = 90 + 60 * rng.random() + a * xx + b * yy + d * 0
    for _ in range(int(rng.integers(3, 9))):
        center = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        axes = (int(rng.integers(20, w // 3)), int(rng.integers(20, h // 3)))
        col = tuple(float(v) for v in rng.integers(20, 235, 3))
        cv2.ellipse(img, center, axes, float(rng.uniform(0, 180)), 0, 360, col, -1)
    img = cv2.GaussianBlur(img, (0, 0), 3 * SS)
    return np.clip(img, 0, 255).astype(np.uint8)


def code_homography(
    n_px: float,
    center: tuple[float, float],
    size: float,
    angle_deg: float,
    tilt_deg: float,
    tilt_axis_deg: float,
) -> np.ndarray:
    """Homography from a square code image (n_px wide) to a frame.

    The code is placed with its centre at `center`, side `size` pixels,
    rotated in-plane by `angle_deg`, and tilted out of plane by `tilt_deg`
    about an in-plane axis at `tilt_axis_deg`, seen by a pinhole camera.
    """
    src = np.float32([[0, 0], [n_px, 0], [n_px, n_px], [0, n_px]])
    pts3 = np.array([[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]], np.float64) * (size / 2.0)
    ax = math.radians(tilt_axis_deg)
    axis = np.array([math.cos(ax), math.sin(ax), 0.0])
    rot_tilt, _ = cv2.Rodrigues(axis * math.radians(tilt_deg))
    a = math.radians(angle_deg)
    rot_z = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    pts3 = pts3 @ rot_z.T @ rot_tilt.T
    f = 2.2 * size  # focal length: the code fills a moderate part of the field of view
    z = pts3[:, 2] + f
    dst = np.stack([center[0] + f * pts3[:, 0] / z, center[1] + f * pts3[:, 1] / z], axis=1).astype(
        np.float32
    )
    return cv2.getPerspectiveTransform(src, dst)


def paste(scene: np.ndarray, code: np.ndarray, hmat: np.ndarray) -> np.ndarray:
    """Warp a gray code image into a colour scene (the code covers its own quiet zone)."""
    h, w = scene.shape[:2]
    warped = cv2.warpPerspective(code, hmat, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full(code.shape, 255, np.uint8), hmat, (w, h), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    out = scene.astype(np.float32) * (1 - alpha) + warped[..., None].astype(np.float32) * alpha
    return out.astype(np.uint8)


def camera_optics(img: np.ndarray, rng: np.random.Generator, sigma: float = 0.6) -> np.ndarray:
    """Supersampled scene -> camera frame: lens blur, pixel integration, mild noise."""
    img = cv2.GaussianBlur(img, (0, 0), sigma * SS)
    img = cv2.resize(img, (img.shape[1] // SS, img.shape[0] // SS), interpolation=cv2.INTER_AREA)
    return add_noise(img, rng, float(rng.uniform(1.5, 4.0)))


def add_noise(img: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Sensor noise: Gaussian read noise plus a little signal-dependent shot noise."""
    f = img.astype(np.float32)
    shot = np.sqrt(np.maximum(f, 0) / 255.0) * sigma
    f = f + rng.standard_normal(f.shape).astype(np.float32) * (sigma * 0.6 + shot)
    return np.clip(f, 0, 255).astype(np.uint8)


def defocus(img: np.ndarray, radius: float) -> np.ndarray:
    """Disc (pill-box) blur, the shape of an out-of-focus lens."""
    r = max(1, math.ceil(radius))
    k = np.zeros((2 * r + 1, 2 * r + 1), np.float32)
    cv2.circle(k, (r, r), max(1, round(radius)), 1.0, -1, cv2.LINE_AA)
    return cv2.filter2D(img, -1, k / k.sum())


def motion(img: np.ndarray, length: float, angle_deg: float) -> np.ndarray:
    """Linear motion blur of `length` pixels at `angle_deg`."""
    n = max(3, int(length) | 1)
    k = np.zeros((n, n), np.float32)
    c = n // 2
    dx, dy = math.cos(math.radians(angle_deg)) * length / 2, math.sin(math.radians(angle_deg)) * length / 2
    cv2.line(k, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 1, cv2.LINE_AA)
    return cv2.filter2D(img, -1, k / k.sum())


# --------------------------------------------------------------------------- scenes


def camera_scene(
    rng: np.random.Generator,
    payloads: list[str],
    *,
    module_px: float,
    angle: float = 0.0,
    tilt: float = 0.0,
    border: int = 4,
    invert: bool = False,
) -> np.ndarray:
    """A 1280x720 camera frame of one or more codes shown on a phone/paper in a desk scene."""
    w, h = CAM_W * SS, CAM_H * SS
    scene = desk_background(rng, w, h)
    n = len(payloads)
    for i, payload in enumerate(payloads):
        m = qr_matrix(payload, border=border)
        px = 8
        code = matrix_image(m, px, dark=255 if invert else 0, light=0 if invert else 255)
        size = m.shape[0] * module_px * SS
        if n == 1:
            cx = w / 2 + rng.uniform(-0.25, 0.25) * (w - size)
            cy = h / 2 + rng.uniform(-0.2, 0.2) * max(0.0, h - size)
        else:
            cx = w * (i + 0.5) / n + rng.uniform(-0.03, 0.03) * w
            cy = h / 2 + rng.uniform(-0.15, 0.15) * h
        hmat = code_homography(
            code.shape[1],
            (cx, cy),
            size,
            angle + rng.uniform(-5, 5) * (n > 1),
            tilt,
            float(rng.uniform(0, 180)),
        )
        scene = paste(scene, code, hmat)
    return scene


def screenshot_scene(
    rng: np.random.Generator, payloads: list[str], *, module_px: int, border: int = 4, dark: bool = False
) -> np.ndarray:
    """A web-page screenshot with the code(s) pasted pixel-exact (PNG, no optics)."""
    w, h = (int(rng.choice([1280, 1366, 1920])), int(rng.choice([720, 800, 1080])))
    page = page_background(rng, w, h, dark=dark)
    n = len(payloads)
    for i, payload in enumerate(payloads):
        m = qr_matrix(payload, border=border)
        code = matrix_image(m, module_px, dark=230 if dark else 0, light=30 if dark else 255)
        ch, cw = code.shape
        if ch >= h or cw * n >= w:
            raise ValueError("code does not fit the page")
        x0 = int(w * i / n + rng.integers(0, max(1, w // n - cw)))
        y0 = int(rng.integers(int(h * 0.1), max(int(h * 0.1) + 1, h - ch)))
        page[y0 : y0 + ch, x0 : x0 + cw] = code[..., None]
    return page


def monitor_photo(rng: np.random.Generator, payload: str, level: float) -> np.ndarray:
    """A webcam photo of a monitor showing the code: RGB sub-pixel stripes alias into moire."""
    m = qr_matrix(payload)
    spx = int(rng.integers(3, 6))  # screen pixels per module
    screen = matrix_image(m, spx)
    sh = screen.shape[0]
    pad = sh // 3
    screen = cv2.copyMakeBorder(screen, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=245)
    # each screen pixel becomes three vertical sub-pixel stripes with a dark gap row (the panel mask)
    sub = 4
    big = np.repeat(np.repeat(screen, sub, axis=0), 3 * sub, axis=1).astype(np.float32)
    colour = np.zeros((*big.shape, 3), np.float32)
    stripe = (np.arange(big.shape[1]) // sub) % 3  # 0=R,1=G,2=B columns
    for ch_bgr, ch_rgb in ((2, 0), (1, 1), (0, 2)):
        colour[..., ch_bgr] = big * (stripe == ch_rgb)[None, :] * 2.8
    gap = (np.arange(big.shape[0]) % sub) == 0
    colour[gap] *= 0.35
    colour = np.clip(colour, 0, 255).astype(np.uint8)
    # camera: screen pixel pitch of 0.8-1.7 camera pixels, slight rotation and tilt
    pitch = float(rng.uniform(0.7 + 0.4 * (1 - level), 1.6))  # camera px per screen px
    ch_, cw_ = colour.shape[:2]
    size = screen.shape[0] * pitch * SS  # side of the shown region in supersampled camera px
    w, h = CAM_W * SS, CAM_H * SS
    cx = w / 2 + rng.uniform(-0.15, 0.15) * w
    cy = h / 2 + rng.uniform(-0.1, 0.1) * h
    size = min(size, h * 0.95)
    hm = code_homography(
        cw_,
        (cx, cy),
        size,
        float(rng.uniform(-8, 8)),
        float(rng.uniform(0, 25 * level)),
        float(rng.uniform(0, 180)),
    )
    # non-square source: scale y so the homography maps the full sub-pixel image
    hm = hm @ np.float64([[1, 0, 0], [0, cw_ / ch_, 0], [0, 0, 1]])
    warped = cv2.warpPerspective(colour, hm, (w, h), flags=cv2.INTER_LINEAR, borderValue=(25, 25, 25))
    img = cv2.GaussianBlur(warped, (0, 0), 0.35 * SS)
    img = cv2.resize(img, (CAM_W, CAM_H), interpolation=cv2.INTER_NEAREST)  # sensor samples: aliasing
    img = cv2.GaussianBlur(img, (0, 0), float(rng.uniform(0.3, 0.8)))
    return add_noise(img, rng, float(rng.uniform(2, 6)))


def negative_scene(rng: np.random.Generator, kind: int) -> np.ndarray:
    """Frames with no QR code: pages, desk scenes, checkerboards, noise, other 2D/1D barcodes."""
    if kind == 0:
        return page_background(rng, 1280, 800)
    if kind == 1:
        return cv2.resize(
            desk_background(rng, CAM_W * SS, CAM_H * SS), (CAM_W, CAM_H), interpolation=cv2.INTER_AREA
        )
    if kind == 2:
        s = int(rng.integers(4, 24))
        yy, xx = np.mgrid[0:CAM_H, 0:CAM_W]
        board = (((yy // s) + (xx // s)) % 2 * 255).astype(np.uint8)
        return cv2.cvtColor(board, cv2.COLOR_GRAY2BGR)
    if kind == 3:
        blocks = (rng.random((CAM_H // 6, CAM_W // 6)) > 0.5).astype(np.uint8) * 255
        return cv2.cvtColor(
            cv2.resize(blocks, (CAM_W, CAM_H), interpolation=cv2.INTER_NEAREST), cv2.COLOR_GRAY2BGR
        )
    # another symbology on a page: DataMatrix / Aztec / Code128 / PDF417 must not be reported
    page = page_background(rng, 1280, 800)
    fmt = [
        zxingcpp.BarcodeFormat.DataMatrix,
        zxingcpp.BarcodeFormat.Aztec,
        zxingcpp.BarcodeFormat.Code128,
        zxingcpp.BarcodeFormat.PDF417,
    ][int(rng.integers(0, 4))]
    bc = zxingcpp.create_barcode(otpauth_uri(rng)[:60], fmt)
    img = np.asarray(bc.to_image(scale=4, add_quiet_zones=True))
    if img.ndim == 3:
        img = img[..., 0]
    hh, ww = img.shape[:2]
    if hh < 700 and ww < 1200:
        page[50 : 50 + hh, 40 : 40 + ww] = img[..., None]
    return page


# --------------------------------------------------------------------------- degradations


def jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    """Round-trip through JPEG at the given quality (what cheap webcams and chat apps do)."""
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    assert ok
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def lighting(img: np.ndarray, rng: np.random.Generator, level: float) -> np.ndarray:
    """Low contrast, a light gradient across the frame and a glare spot."""
    f = img.astype(np.float32)
    contrast = 0.5 - 0.38 * level  # 0.50 .. 0.12 of full range
    mid = float(rng.uniform(90, 160))
    f = mid + (f - 128) * contrast
    h, w = f.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    grad = ((xx - w / 2) * math.cos(ang) + (yy - h / 2) * math.sin(ang)) / max(w, h)
    f = f * (1 + grad[..., None] * (0.3 + 0.5 * level))
    if rng.random() < 0.7:
        gx, gy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
        sig = rng.uniform(0.04, 0.12) * w
        glare = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * sig * sig)) * (40 + 80 * level)
        f = f + glare[..., None]
    return np.clip(f, 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------- the generator


def make_sample(category: str, seed: int) -> tuple[np.ndarray, list[str], float, str]:
    """Render one sample. Returns (BGR image, expected payloads, level, file extension)."""
    rng = np.random.default_rng([CATEGORIES.index(category), seed])
    level = float(rng.random())
    pay = [otpauth_uri(rng) if rng.random() < 0.85 else text_payload(rng)]
    ext = ".jpg"
    if category == "screenshot":
        img = screenshot_scene(rng, pay, module_px=int(rng.integers(3, 7)), dark=False)
        ext = ".png"
    elif category == "small":
        mpx = 3.0 - 1.0 * level
        scene = camera_scene(
            rng, pay, module_px=mpx, angle=float(rng.uniform(-15, 15)), tilt=float(rng.uniform(0, 20))
        )
        img = jpeg(camera_optics(scene, rng, sigma=0.5 + 0.2 * level), 80)
    elif category == "rotation":
        scene = camera_scene(
            rng,
            pay,
            module_px=3.5 - level + float(rng.uniform(0, 2)),
            angle=float(rng.uniform(0, 360)),
            tilt=float(rng.uniform(0, 15)),
        )
        img = jpeg(camera_optics(scene, rng), 85)
    elif category == "perspective":
        tilt = 20 + 35 * level
        scene = camera_scene(
            rng, pay, module_px=float(rng.uniform(3, 6)), angle=float(rng.uniform(0, 360)), tilt=tilt
        )
        img = jpeg(camera_optics(scene, rng), 85)
    elif category == "blur":
        mpx = float(rng.uniform(4, 7))
        scene = camera_scene(rng, pay, module_px=mpx, angle=float(rng.uniform(-20, 20)))
        img = camera_optics(scene, rng)
        if rng.random() < 0.5:
            img = defocus(img, mpx * (0.3 + 0.45 * level))
        else:
            img = motion(img, mpx * (0.5 + 1.2 * level), float(rng.uniform(0, 180)))
        img = jpeg(img, 85)
    elif category == "noise_jpeg":
        scene = camera_scene(
            rng, pay, module_px=float(rng.uniform(3.5, 6)), angle=float(rng.uniform(-30, 30))
        )
        img = add_noise(camera_optics(scene, rng), rng, 8 + 24 * level)
        img = jpeg(img, int(40 - 30 * level))
    elif category == "low_contrast":
        scene = camera_scene(
            rng, pay, module_px=float(rng.uniform(3.5, 6)), angle=float(rng.uniform(-30, 30))
        )
        img = jpeg(lighting(camera_optics(scene, rng), rng, level), 85)
    elif category == "inverted":
        if rng.random() < 0.5:
            img = screenshot_scene(rng, pay, module_px=int(rng.integers(3, 7)), dark=True)
            ext = ".png"
        else:
            scene = camera_scene(
                rng,
                pay,
                module_px=float(rng.uniform(2.5, 5)),
                angle=float(rng.uniform(0, 360)),
                tilt=float(rng.uniform(0, 40)),
                invert=True,
            )
            img = jpeg(camera_optics(scene, rng), 85)
    elif category == "moire":
        img = jpeg(monitor_photo(rng, pay[0], level), int(rng.integers(60, 90)))
    elif category == "no_quiet_zone":
        border = int(rng.integers(0, 2))
        if rng.random() < 0.5:
            img = screenshot_scene(rng, pay, module_px=int(rng.integers(3, 6)), border=border)
            # busy page right up to the code: draw dark text strokes hugging its edges
            ext = ".png"
        else:
            scene = camera_scene(
                rng,
                pay,
                module_px=float(rng.uniform(3.5, 6)),
                border=border,
                angle=float(rng.uniform(-20, 20)),
            )
            img = jpeg(camera_optics(scene, rng), 85)
    elif category == "multi":
        n = int(rng.integers(2, 5))
        pay = [otpauth_uri(rng) for _ in range(n)]
        if rng.random() < 0.5:
            img = screenshot_scene(rng, pay, module_px=int(rng.integers(2, 5)) if n < 4 else 2)
            ext = ".png"
        else:
            scene = camera_scene(
                rng,
                pay,
                module_px=float(rng.uniform(2.6, 4.5)) * (3 / max(3, n)) ** 0.5 + 0.4,
                angle=float(rng.uniform(-15, 15)),
            )
            img = jpeg(camera_optics(scene, rng), 85)
    elif category == "dense":
        pay = [migration_uri(rng, int(rng.integers(400, 480)))]
        if rng.random() < 0.4:
            img = screenshot_scene(rng, pay, module_px=int(rng.integers(3, 6)))
            ext = ".png"
        else:
            scene = camera_scene(
                rng,
                pay,
                module_px=4.5 - 1.5 * level + float(rng.uniform(0, 1)),
                angle=float(rng.uniform(0, 360)),
                tilt=float(rng.uniform(0, 30)),
            )
            img = jpeg(camera_optics(scene, rng), 85)
    elif category == "negative":
        pay = []
        img = negative_scene(rng, int(seed % 5))
        if rng.random() < 0.5:
            img = jpeg(add_noise(img, rng, 5), 60)
        else:
            ext = ".png"
    else:
        raise ValueError(f"unknown category {category!r}")
    return img, pay, level, ext


def generate(out_dir: Path, seeds: range, categories: tuple[str, ...] = CATEGORIES) -> list[Sample]:
    """Render every category for every seed into out_dir; returns the samples (payloads in memory only)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    samples: list[Sample] = []
    for cat in categories:
        for seed in seeds:
            img, pay, level, ext = make_sample(cat, seed)
            path = out_dir / f"{cat}_{seed:05d}{ext}"
            params = [cv2.IMWRITE_JPEG_QUALITY, 95] if ext == ".jpg" else []
            if not cv2.imwrite(str(path), img, params):
                raise OSError(f"could not write {path}")
            samples.append(Sample(path.stem, cat, level, path, pay))
    manifest = [
        {
            "name": s.name,
            "category": s.category,
            "level": round(s.level, 3),
            "file": s.path.name,
            "codes": len(s.expected),
        }
        for s in samples
    ]
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return samples


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=5)
    a = ap.parse_args()
    got = generate(a.out_dir, range(a.first_seed, a.first_seed + a.count))
    print(f"wrote {len(got)} images to {a.out_dir}")
