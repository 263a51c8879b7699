"""core/images.py: picture bombs are refused from their header, before any pixel is decoded (issue 23 item 3).

The bombs are generated here without ever holding their pixels (PNG and TIFF streams are written
row by row through zlib; the WebP's header is patched), then `epcs-desktop scan` reads each one in
a subprocess whose peak resident memory is measured (and whose address space is capped at 2 GiB,
so that a regression fails the test instead of exhausting the machine).
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from epcs_desktop.core import images
from epcs_desktop.core.errors import QrError

PEAK_LIMIT_MB = 300


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(path: Path, side: int = 19999, palette: bool = False) -> Path:
    """A valid side x side PNG of one colour: gray 8-bit (~400 MB decoded) or 1-bit palette."""
    if palette:
        ihdr = struct.pack(">IIBBBBB", side, side, 1, 3, 0, 0, 0)
        row = b"\x00" + bytes((side + 7) // 8)
    else:
        ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
        row = b"\x00" + bytes(side)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    body = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
    if palette:
        body += _chunk(b"PLTE", bytes([0, 0, 0, 255, 255, 255])) + _chunk(b"tRNS", b"\x00")
    path.write_bytes(body + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
    return path


def webp_bomb(path: Path) -> Path:
    """A lossless WebP of a few KB whose header says 16383 x 16383 (what libwebp would allocate)."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (255, 255, 255)).save(buf, "WEBP", lossless=True)
    data = bytearray(buf.getvalue())
    at = data.index(b"VP8L") + 8
    assert data[at] == 0x2F
    bits = int.from_bytes(data[at + 1 : at + 5], "little")
    bits = (bits & ~((1 << 28) - 1)) | (16382 << 14) | 16382  # width-1 and height-1, 14 bits each
    data[at + 1 : at + 5] = bits.to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def float_tiff_bomb(path: Path, side: int = 8000) -> Path:
    """A deflate-compressed 32-bit float TIFF (256 MB of floats decoded, ~250 KB on disk)."""
    comp = zlib.compressobj(9)
    row = bytes(side * 4)
    strip = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    entries = [
        (256, 4, 1, side),  # ImageWidth
        (257, 4, 1, side),  # ImageLength
        (258, 3, 1, 32),  # BitsPerSample
        (259, 3, 1, 8),  # Compression: deflate
        (262, 3, 1, 1),  # Photometric: black is zero
        (273, 4, 1, 0),  # StripOffsets (filled in below)
        (277, 3, 1, 1),  # SamplesPerPixel
        (278, 4, 1, side),  # RowsPerStrip
        (279, 4, 1, len(strip)),  # StripByteCounts
        (339, 3, 1, 3),  # SampleFormat: IEEE float
    ]
    ifd_at = 8
    data_at = ifd_at + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        value = data_at if tag == 273 else value
        packed = struct.pack("<HH", value, 0) if typ == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, typ, count) + packed
    path.write_bytes(b"II*\x00" + struct.pack("<I", ifd_at) + ifd + b"\x00\x00\x00\x00" + strip)
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bombs")
    return {
        "19999x19999 PNG": png_bomb(d / "big.png"),
        "palette PNG": png_bomb(d / "palette.png", palette=True),
        "small WebP": webp_bomb(d / "small.webp"),
        "float TIFF": float_tiff_bomb(d / "float.tiff"),
    }


_MEASURE = r"""
import resource, subprocess, sys
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
cmd = [sys.executable, "-m", "epcs_desktop", "scan", sys.argv[1]]
p = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=cap, timeout=300)
sys.stdout.write(f"{p.returncode}\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n{p.stderr}")
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="peak RSS (ru_maxrss in KiB) and RLIMIT_AS as on Linux")
@pytest.mark.parametrize("kind", ["19999x19999 PNG", "palette PNG", "small WebP", "float TIFF"])
def test_scan_refuses_each_bomb_in_one_line_under_300_mb(
    bombs: dict[str, Path], kind: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env.update(EPCS_DESKTOP_DATA_DIR=str(tmp_path), EPCS_DESKTOP_LOG_DIR=str(tmp_path / "logs"))
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(bombs[kind])],
        capture_output=True,
        text=True,
        env=env,
        timeout=320,
    )
    code, peak_kib, stderr = out.stdout.split("\n", 2)
    peak_mb = int(peak_kib) / 1024
    print(f"{kind}: {bombs[kind].stat().st_size / 1024:.0f} KB on disk, peak {peak_mb:.0f} MB")
    assert peak_mb < PEAK_LIMIT_MB, f"{kind}: peak {peak_mb:.0f} MB"
    lines = stderr.strip().splitlines()
    assert code == "2" and len(lines) == 1 and "is too large a picture to read" in lines[0], stderr


def test_a_big_photo_is_reduced_before_colour_conversion() -> None:
    """A 6000 x 1500 RGBA picture (allowed: 9 MP) comes back at most QR_SIDE wide, flattened onto white."""
    img = Image.new("RGBA", (6000, 1500), (0, 0, 0, 0))
    img.paste((0, 0, 0, 255), (0, 0, 3000, 1500))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    arr = images.picture_from_bytes(buf.getvalue(), "wide.png")
    assert arr.shape[:2] == (750, 3000) and arr.dtype == np.uint8
    assert arr[10, 10].tolist() == [0, 0, 0] and arr[10, 2990].tolist() == [255, 255, 255]


def test_a_large_jpeg_is_decoded_at_a_fraction_by_the_jpeg_decoder() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (8000, 6000), (200, 200, 200)).save(buf, "JPEG", quality=50)
    arr = images.picture_from_bytes(buf.getvalue(), "photo.jpg")
    assert max(arr.shape[:2]) <= images.QR_SIDE


def test_float_pictures_are_stretched_to_gray_and_nan_is_black() -> None:
    a = np.array([[0.0, 0.5], [1.0, np.nan]], dtype=np.float32)
    buf = io.BytesIO()
    Image.fromarray(a, mode="F").save(buf, "TIFF")
    assert images.picture_from_bytes(buf.getvalue(), "f.tiff").tolist() == [[0, 127], [255, 0]]


def test_refusals_are_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(QrError, match="too large a picture"):
        images.load_picture(webp_bomb(tmp_path / "w.webp"))
    with pytest.raises(QrError, match="not a picture"):
        images.picture_from_bytes(b"hello", "x.png")
    with pytest.raises(QrError, match="damaged"):
        images.picture_from_bytes(png_bomb(tmp_path / "p.png", side=64).read_bytes()[:60], "p.png")
