"""Size of a PyInstaller one-folder bundle, by component.

Why: the .deb has a size budget (80 MB), and the only way to keep it is to know
what each Qt module, plugin family and wheel-bundled library costs. scripts/package
prints this table after every build; packaging/README.md records it per release.

Usage: python packaging/measure_bundle.py BUNDLE_DIR [--markdown]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

# (component, regex on the path relative to _internal/), first match wins.
RULES: tuple[tuple[str, str], ...] = (
    ("Qt translations", r"PySide6/Qt/translations/"),
    ("Qt plugins: platforms (xcb, wayland, offscreen, minimal)", r"PySide6/Qt/plugins/platforms/"),
    ("Qt plugins: wayland integration", r"PySide6/Qt/plugins/wayland-"),
    ("Qt plugins: other (image formats, icon engines, input, themes, GL)", r"PySide6/Qt/plugins/"),
    ("Qt: ICU 73 (libicudata/i18n/uc)", r"libicu"),
    ("Qt: QtCore", r"libQt6Core\.so|QtCore\.abi3"),
    ("Qt: QtGui", r"libQt6Gui\.so|QtGui\.abi3"),
    ("Qt: QtWidgets", r"libQt6Widgets\.so|QtWidgets\.abi3"),
    ("Qt: QtNetwork", r"libQt6Network\.so|QtNetwork\.abi3"),
    ("Qt: QtSvg", r"libQt6Svg\.so|QtSvg\.abi3"),
    ("Qt: QtDBus (needed by QtGui)", r"libQt6DBus\.so|QtDBus\.abi3"),
    ("Qt: xcb/wayland platform libraries", r"libQt6(XcbQpa|Wayland\w*|WlShell\w*)\.so"),
    ("Qt: other Qt libraries", r"libQt6\w+\.so|PySide6/Qt\w+\.abi3"),
    ("PySide6/shiboken6 runtime", r"PySide6/|shiboken6/|libpyside6|libshiboken6"),
    ("OpenCV: cv2 module", r"^cv2/"),
    (
        "OpenCV: FFmpeg (avcodec/avformat/avutil/swscale/swresample, vpx, aom)",
        r"opencv_python_headless\.libs/lib(av|sw|vpx|aom)",
    ),
    ("OpenCV: OpenBLAS + gfortran/quadmath", r"opencv_python_headless\.libs/lib(openblas|gfortran|quadmath)"),
    ("OpenCV: other bundled libraries (ssl 1.1, png, avif, drm)", r"opencv_python_headless\.libs/"),
    ("NumPy: OpenBLAS + gfortran/quadmath", r"numpy\.libs/"),
    ("NumPy", r"^numpy/"),
    ("Pillow", r"^PIL/|pillow\.libs/"),
    ("cryptography (Rust + OpenSSL)", r"^cryptography"),
    ("sqlcipher3 (SQLCipher 4 + OpenSSL)", r"^sqlcipher3"),
    ("zxing-cpp", r"zxingcpp"),
    ("argon2-cffi / cffi", r"argon2|_cffi_backend"),
    ("protobuf", r"^google/"),
    (
        "Python runtime (libpython, extension modules, stdlib, PYZ)",
        r"libpython|^python3\.\d+/|base_library\.zip|\.pyz$|^lib-dynload/",
    ),
    ("EPCS Desktop resources", r"^epcs_desktop/"),
    ("package metadata (*.dist-info)", r"\.dist-info/"),
)


def measure(bundle: Path) -> dict[str, int]:
    """Bytes per component; symlinks are not counted (they cost nothing in the .deb)."""
    internal = bundle / "_internal"
    totals: dict[str, int] = defaultdict(int)
    compiled = [(name, re.compile(rx)) for name, rx in RULES]
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            rel = path.relative_to(internal).as_posix()
        except ValueError:
            totals["launcher executable (+ PYZ archive of all Python code)"] += path.stat().st_size
            continue
        for name, rx in compiled:
            if rx.search(rel):
                totals[name] += path.stat().st_size
                break
        else:
            totals["other"] += path.stat().st_size
    return dict(totals)


def format_table(totals: dict[str, int], markdown: bool) -> str:
    rows = sorted(totals.items(), key=lambda kv: -kv[1])
    total = sum(totals.values())
    lines = []
    if markdown:
        lines += ["| component | MB |", "| --- | ---: |"]
        lines += [f"| {name} | {size / 1e6:.1f} |" for name, size in rows]
        lines.append(f"| **total** | **{total / 1e6:.1f}** |")
    else:
        lines += [f"{size / 1e6:8.1f} MB  {name}" for name, size in rows]
        lines.append(f"{total / 1e6:8.1f} MB  total")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    if not (args.bundle / "_internal").is_dir():
        print(f"error: {args.bundle} is not a PyInstaller one-folder bundle", file=sys.stderr)
        return 2
    print(format_table(measure(args.bundle), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
