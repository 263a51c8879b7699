"""THE guarded picture loader: `scan`, `import` and the window read every picture through here.

Why (issue 23 item 3): a 1.6 MB PNG of 19999 x 19999 pixels took 11.5 GB and 52 s in `scan`;
Pillow's own guard errs only above 2 x 200 M pixels, and the RGBA/RGB/gray/float copies made
along the way multiply the decoded size. So, in this order:

1. The header alone is read (`Image.open` is lazy) and the picture's size checked *before* any
   pixel is decoded: at most `MAX_SIDE` per side and `MAX_DECODE_PIXELS` in all (a 4032 x 3024
   phone photo fits; a screen-sized screenshot fits). A JPEG larger than that is decoded at 1/2,
   1/4 or 1/8 scale by the JPEG decoder itself (`draft`), never whole.
2. Only the first frame of an animation or a multi-page file is decoded.
3. A picture with a side over `QR_SIDE` is reduced (integer box filter) *before* any colour
   conversion, so every later copy is small. A QR code needs a few pixels per module: 177 modules
   at most, so 4096 pixels per side loses nothing a camera could have resolved.
4. Colour conversions happen once each, without an extra full-size background image.

Pillow's warnings (DecompressionBombWarning, EXIF and TIFF-tag warnings) are caught here and
logged, never printed on stderr. Peak memory of `scan` on the bombs is measured in
tests/cli/test_scan_bombs.py (a subprocess's peak RSS).
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

from epcs_desktop.core.bounded import read_bounded
from epcs_desktop.core.errors import QrError
from epcs_desktop.core.i18n import N_

logger = logging.getLogger(__name__)

#: Larger files than this are not pictures a person means to scan.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Longest side and pixel count decoded at all (after a JPEG's own down-scaling).
MAX_SIDE = 8192
MAX_DECODE_PIXELS = 4096 * 3072
#: Sides longer than this are reduced before colour conversion and QR decoding.
QR_SIDE = 4096

TOO_LARGE = N_("“{name}” is too large a picture to read. Take a screenshot of just the QR code.")
NOT_A_PICTURE = N_("“{name}” is not a picture this program can open. Use one of these formats: {formats}.")
DAMAGED = N_("“{name}” is damaged or incomplete. Save the picture again and choose the new copy.")


def load_picture(path: str | Path) -> NDArray[Any]:
    """A picture file as a BGR (or gray) uint8 array, size-guarded; QrError with one clear sentence."""
    p = Path(path)
    data = read_bounded(p, MAX_FILE_BYTES, "a QR code image", QrError)
    return picture_from_bytes(data, p.name)


def picture_from_bytes(data: bytes, name: str) -> NDArray[Any]:
    """Encoded picture bytes (a file, the clipboard, a drop) as a BGR or gray uint8 array."""
    if not data:
        raise QrError(f"{name} is empty.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return _decode(data, name)
        except UnidentifiedImageError:
            raise _image_error(NOT_A_PICTURE, name) from None
        except Image.DecompressionBombError:
            raise _image_error(TOO_LARGE, name) from None
        except MemoryError:
            raise _image_error(TOO_LARGE, name) from None
        except (OSError, ValueError, SyntaxError, EOFError, TypeError, KeyError, IndexError):
            raise _image_error(DAMAGED, name) from None
        finally:
            for w in caught:
                logger.info("picture decoder warning: %s", str(w.message)[:200])


def _webp_size(data: bytes) -> tuple[int, int] | None:
    """A WebP's canvas size from its first chunk's header (Pillow's WebP plugin decodes while opening)."""
    if len(data) < 30 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    kind, body = data[12:16], data[20:]
    if kind == b"VP8X":
        return int.from_bytes(body[4:7], "little") + 1, int.from_bytes(body[7:10], "little") + 1
    if kind == b"VP8L" and body[0] == 0x2F:
        bits = int.from_bytes(body[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8 " and body[3:6] == b"\x9d\x01\x2a":
        return int.from_bytes(body[6:8], "little") & 0x3FFF, int.from_bytes(body[8:10], "little") & 0x3FFF
    return None


def _decode(data: bytes, name: str) -> NDArray[Any]:
    webp = _webp_size(data)
    if webp is not None and (max(webp) > MAX_SIDE or webp[0] * webp[1] > MAX_DECODE_PIXELS):
        raise _image_error(TOO_LARGE, name)
    # Pillow's own guard (checked at open, from the header) as a second line: room for a JPEG that its
    # decoder reduces 8x; every other format is held to MAX_DECODE_PIXELS below.
    Image.MAX_IMAGE_PIXELS = MAX_DECODE_PIXELS * 32
    with Image.open(io.BytesIO(data)) as img:
        w, h = img.size
        if w < 1 or h < 1:
            raise _image_error(DAMAGED, name)
        if img.format == "JPEG" and (max(w, h) > QR_SIDE or w * h > MAX_DECODE_PIXELS):
            scale = 1
            while scale < 8 and (max(w, h) / scale > QR_SIDE or w * h / scale**2 > MAX_DECODE_PIXELS):
                scale *= 2
            img.draft(img.mode, (math.ceil(w / scale), math.ceil(h / scale)))
            w, h = img.size
        if max(w, h) > MAX_SIDE or w * h > MAX_DECODE_PIXELS:
            raise _image_error(TOO_LARGE, name)
        if getattr(img, "n_frames", 1) > 1:
            img.seek(0)
        img.load()
        oriented = ImageOps.exif_transpose(img) or img
        return _to_array(_reduced(oriented))


def _reduced(img: Image.Image) -> Image.Image:
    """Sides over QR_SIDE reduced by an integer factor, before any colour conversion."""
    factor = math.ceil(max(img.size) / QR_SIDE)
    if factor <= 1:
        return img
    if img.mode not in ("L", "LA", "RGB", "RGBA", "I", "F", "I;16", "CMYK", "YCbCr"):
        img = img.convert("RGBA" if _has_alpha(img) else "L" if img.mode == "1" else "RGB")
    return img.reduce(factor)


def _has_alpha(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)


def _to_array(img: Image.Image) -> NDArray[Any]:
    """PIL image -> gray or BGR uint8; transparency flattened onto white (QR codes on clear PNGs)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return _gray_from_numbers(np.asarray(img))
    if _has_alpha(img):
        rgba = img.convert("RGBA") if img.mode != "RGBA" else img
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))  # onto white, in place: no second RGBA copy
        img = flat
    if img.mode in ("1", "L"):
        return np.asarray(img.convert("L"))
    rgb = np.asarray(img.convert("RGB") if img.mode != "RGB" else img)
    return np.ascontiguousarray(rgb[..., ::-1])


def _gray_from_numbers(a: NDArray[Any]) -> NDArray[Any]:
    """16-bit or float pixels stretched to 0..255 (NaN and infinities as black)."""
    a = np.nan_to_num(a.astype(np.float32, copy=False), nan=0.0, posinf=0.0, neginf=0.0)
    lo, hi = float(a.min()), float(a.max())
    if hi <= lo:
        return np.full(a.shape, 255, np.uint8)
    return ((a - lo) * (255.0 / (hi - lo))).astype(np.uint8)


def _image_error(template: str, name: str) -> QrError:
    """A QrError whose template the window translates before the file name and format list go in."""
    from epcs_desktop.core.qr import IMAGE_FORMATS_TEXT

    params = {"name": name, "formats": IMAGE_FORMATS_TEXT}
    exc = QrError(template.format(**params))
    exc.template, exc.params = template, params
    return exc
