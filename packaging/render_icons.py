"""Render the one app icon SVG into the raster icons each platform wants.

Why Qt's renderer: PySide6 (with QtSvg) is already in every build environment,
on Linux, Windows and macOS alike, so one code path makes the hicolor PNGs, the
Windows .ico and the macOS .icns with no extra tool to install. Pillow (already a
runtime dependency) writes the .ico/.icns containers.

Usage: python packaging/render_icons.py SVG OUTDIR [--sizes 16,32,...] [--ico] [--icns]
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def _render_png_bytes(svg: Path, size: int) -> bytes:
    """One square PNG of the SVG at `size` pixels, transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def render_pngs(svg: Path, outdir: Path, sizes: tuple[int, ...] = HICOLOR_SIZES) -> list[Path]:
    """Write `<outdir>/<n>x<n>.png` for each size; returns the paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    out = []
    for size in sizes:
        path = outdir / f"{size}x{size}.png"
        path.write_bytes(_render_png_bytes(svg, size))
        out.append(path)
    return out


def render_platform_icon(svg: Path, outdir: Path, kind: str) -> Path:
    """Write `<outdir>/<svg stem>.ico` or `.icns` with every size rendered natively.

    Rendering each size from the vector (instead of letting Pillow downscale the
    largest) keeps the 16/32 px icons crisp.
    """
    from PIL import Image

    outdir.mkdir(parents=True, exist_ok=True)
    sizes = ICO_SIZES if kind == "ico" else ICNS_SIZES
    images = [Image.open(io.BytesIO(_render_png_bytes(svg, s))).convert("RGBA") for s in sizes]
    largest = images[-1]
    path = outdir / f"{svg.stem}.{kind}"
    if kind == "ico":
        largest.save(path, format="ICO", sizes=[(s, s) for s in sizes], append_images=images[:-1])
    elif kind == "icns":
        largest.save(path, format="ICNS", append_images=images[:-1])
    else:
        raise ValueError(f"unknown icon kind {kind!r}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("svg", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sizes", default=",".join(map(str, HICOLOR_SIZES)))
    parser.add_argument("--ico", action="store_true")
    parser.add_argument("--icns", action="store_true")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s)
    for path in render_pngs(args.svg, args.outdir, sizes):
        print(path)
    for kind, wanted in (("ico", args.ico), ("icns", args.icns)):
        if wanted:
            print(render_platform_icon(args.svg, args.outdir, kind))
    return 0


if __name__ == "__main__":
    sys.exit(main())
