"""What goes into the PyInstaller bundle: the rules the spec applies, importable on their own.

Why a module: the spec is executed by PyInstaller, so its decisions (which Qt modules,
plugins and libraries are left out, which system libraries are left to the .deb's
Depends) could not be tested without running a build. Here they are plain functions
that tests/test_packaging_files.py checks against real file names from PySide6.
The cost of every group is measured in packaging/README.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)

# --- Qt: what the program uses, and everything else PySide6-Essentials ships -----------
# QtDBus: ui/session_watch.py subscribes to the screen-lock/sleep signals at the first unlock; leaving it
# out made the packaged program fail to open any profile ("No module named 'PySide6.QtDBus'").
# QtPrintSupport: the front-desk hand-over prints the temporary-password slip (ui/frontdesk/handover.py)
# straight to a printer, so that password never lands in a PDF file.
QT_USED = ["QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtDBus", "QtPrintSupport"]
QT_UNUSED = [
    "QtConcurrent",
    "QtDesigner",
    "QtHelp",
    "QtLabsStyleKit",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtSql",
    "QtSvgWidgets",
    "QtTest",
    "QtUiTools",
    "QtXml",
    "QtPdf",
    "QtPdfWidgets",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtCharts",
    "QtDataVisualization",
    "Qt3DCore",
    "QtAxContainer",
    "QtBluetooth",
    "QtPositioning",
    "QtRemoteObjects",
    "QtSerialPort",
    "QtStateMachine",
    "QtTextToSpeech",
    "QtWebChannel",
    "QtWebSockets",
]

# Destination paths (forward slashes) of collected files we do not want. Each entry
# says why; the cost of each group is measured in packaging/README.md.
DROP = [
    re.compile(p)
    for p in (
        # Plugin families: an allow-list, so a new PySide6 release cannot slip in a new family
        # (styles: the native Windows/macOS widget styles live there).
        r"/plugins/(?!(platforms|platforminputcontexts|platformthemes|imageformats|iconengines|"
        r"xcbglintegrations|wayland-decoration-client|wayland-shell-integration|styles)/)[^/]+/",
        # Platform plugins for embedded/kiosk/remote use; we keep xcb, wayland, offscreen, minimal.
        r"/plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)\b",
        r"/plugins/(egldeviceintegrations|generic|networkinformation|tls|sqldrivers|"
        r"qmltooling|designer|vectorimageformats|wayland-graphics-integration-server|multimedia)/",
        # Wayland: widgets draw through shared memory; the EGL client-buffer integrations are
        # for OpenGL windows (and need QtOpenGL), and the shells other than xdg-shell are for
        # embedded/automotive compositors.
        r"/plugins/wayland-graphics-integration-client/",
        r"/plugins/wayland-shell-integration/(lib)?(fullscreen-shell|ivi-shell|qt-shell|wl-shell)",
        # GTK3 theme plugin would pull the build machine's GTK stack; portal theme is kept.
        r"/plugins/platformthemes/(lib)?qgtk3\b",
        # The virtual keyboard input context is a QtQuick application in disguise.
        r"/plugins/platforminputcontexts/(lib)?qtvirtualkeyboard",
        # Image formats nobody feeds us (QR images are decoded by OpenCV/Pillow, not Qt).
        r"/plugins/imageformats/(lib)?q(pdf|tga|wbmp|icns)\b",
        # Libraries only the dropped plugins/modules need.
        r"(^|/)(lib)?Qt6(EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|Pdf|Qml\w*|Quick\w*|"
        r"VirtualKeyboard\w*|OpenGL\w*|WaylandCompositor\w*|WaylandEgl\w*|Labs\w*|Lottie\w*|"
        r"Sql|Test|Designer\w*|Help|UiTools|Xml|Concurrent|SvgWidgets)\b",
        # Qt Quick/QML files and Qt's own translations for modules we do not ship.
        r"/Qt/qml/",
        r"/Qt/translations/(?!qt_|qtbase_)",
        # Python packages that are build/test tools, not runtime dependencies.
        r"(^|/)(setuptools|pip|pkg_resources|_distutils_hack)/",
        # Windows: OpenCV's FFmpeg plugin (28 MB in 4.12). cv2.pyd does not link it; OpenCV loads it
        # only to open a video file, and without it reads video files through Media Foundation (the
        # formats Windows itself plays: MP4/H.264, MPEG-4, WMV) or its own MJPEG reader. Cameras use
        # MSMF/DirectShow. packaging/smoke_bundle.py scans an .avi and an .mp4 with the packaged program.
        r"(^|/)cv2/opencv_videoio_ffmpeg\w*\.dll$",
        # Linux: OpenCV's own OpenBLAS, gfortran and quadmath (38.8 MB; a second copy next to NumPy's).
        # scripts/package points cv2 at the system's liblapack3/libblas3 instead (packaging/system_blas.py).
        r"(^|/)opencv_python_headless\.libs/lib(openblas|gfortran|quadmath)[^/]*$",
    )
]

EXCLUDES = [f"PySide6.{m}" for m in QT_UNUSED] + [
    "tkinter",
    "_tkinter",
    "test",
    "unittest.mock",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "ruff",
    "setuptools",
    "pip",
    "pkg_resources",
    "IPython",
    "matplotlib",
    "PyQt5",
    "PyQt6",
    "PySide2",
    # Pillow's AVIF codec (4.7 MB with its libavif) and Tk bridge: we never read AVIF
    # (Pillow reports the format as unsupported) and there is no Tk.
    "PIL._avif",
    "PIL._imagingtk",
    "PIL.ImageTk",
    # Interactive-terminal modules nothing here uses; they pull libreadline/libncurses.
    "readline",
    "curses",
    "_curses",
    # Never loaded by the program (the bundle's own LD_DEBUG=files log over the lock screen, an unlock,
    # `code`, `scan` and `profile create`): NumPy loads these lazily on first `np.random`/`np.fft`, which
    # nothing here (nor OpenCV's Python loader) uses: 3.3 MB raw, 0.9 MB in the .deb.
    "numpy.random",
    "numpy.fft",
    # Pillow's FreeType text rendering (+ libfreetype, libharfbuzz, libbrotli from pillow.libs): only
    # ImageFont needs it, which Pillow imports guarded and which qrcode never uses to draw (no text in
    # a QR image); tests/test_packaging_files.py makes a QR image without it.
    "PIL._imagingft",
]


def keep(entry: Entry) -> bool:
    """False for a collected (dest, src, typecode) entry that matches a DROP pattern."""
    dest = "/" + entry[0].replace("\\", "/")
    return not any(rx.search(dest) for rx in DROP)


_LANG_RX = re.compile(r"_([a-z]{2,3})(?:_[A-Za-z]{2,4})?$")


def language_of(stem: str) -> str | None:
    """Primary language of a translation file stem: epcs_desktop_pt_BR -> pt, qtbase_es -> es."""
    match = _LANG_RX.search(stem)
    return match[1].lower() if match else None


def app_languages(pkg: Path) -> set[str]:
    """Languages the program itself is translated into (resources/translations/*_xx.qm|ts).

    Qt's own qtbase_xx.qm files translate standard buttons and dialogs; shipping them
    for languages the program is not translated into would only mix languages.
    """
    langs: set[str] = set()
    for path in (pkg / "resources" / "translations").glob("*_*.*"):
        lang = language_of(path.stem) if path.suffix in {".qm", ".ts"} else None
        if lang:
            langs.add(lang)
    return langs


def keep_translation(entry: Entry, langs: set[str]) -> bool:
    """Qt's own translations only for the languages the program ships (`langs`)."""
    dest = entry[0].replace("\\", "/")
    if "/Qt/translations/" not in "/" + dest and "/translations/qt" not in "/" + dest:
        return True
    return language_of(Path(dest).stem) in langs


_LIB_RX = re.compile(r"^lib[^/]*\.so(\.[0-9]+)*$")
_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def is_root(dest: str) -> bool:
    """Python extension modules, Qt plugins and libpython: what something loads by path."""
    name = Path(dest).name
    return (not _LIB_RX.match(name)) or "/plugins/" in "/" + dest or name.startswith("libpython")


def prune_linux(
    binaries: Iterable[Entry],
    get_imports: Callable[[str], Iterable[tuple[str, str | None]]],
    bundle_system_libs: bool = False,
) -> list[Entry]:
    """Drop shared libraries nothing in the bundle loads, and the distribution's own libraries.

    1. The Qt hooks resolve dependencies before we drop plugins, so the libraries only
       dropped plugins needed (the GTK stack for the gtk3 theme, Quick for the virtual
       keyboard, ...) are still listed. Keep only what the roots (Python extension
       modules, Qt plugins, libpython) link against; `ldd` already gives the closure.
    2. Libraries from the system's /usr/lib (X11, xcb, fontconfig, glib, OpenSSL, ...)
       are left to the system: the .deb declares them in Depends (computed by
       dpkg-shlibdeps). A bundled libstdc++/fontconfig older than the system's is the
       classic cause of crashes with Mesa drivers and "unknown element" font errors.
       Libraries that come inside wheels (Qt, ICU 73, FFmpeg, OpenBLAS) stay bundled.

    `get_imports(path)` is PyInstaller's bindepend.get_imports: {(name, fullpath)} via ldd.
    """
    binaries = list(binaries)
    needed: set[str] = set()
    for dest, src, _typ in binaries:
        if is_root(dest):
            needed.update(Path(n).name for n, _full in get_imports(src))
    kept: list[Entry] = []
    for entry in binaries:
        dest, src, _typ = entry
        name = Path(dest).name
        if not is_root(dest) and name not in needed:
            continue  # orphan: only a dropped plugin wanted it
        real = os.path.realpath(src)
        if (
            not bundle_system_libs
            and not is_root(dest)
            and real.startswith(_SYSTEM_DIRS)
            and "site-packages" not in real
        ):
            continue  # system library: a Depends of the .deb
        kept.append(entry)
    return kept


# --- macOS: the oldest version the .app claims, and what its binaries may need ---------------------
# LSMinimumSystemVersion of the .app (the spec's Info.plist), the deployment target of the macOS build
# and the platform its wheels are chosen for (packaging/macos/build-dmg.sh: pip download --platform
# macosx_13_0_<arch>). PySide6 6.10+ wheels are tagged macosx_13_0 (Qt 6.10/6.11 support macOS 13).
MACOS_MIN = "13.0"

# Files allowed to record a newer minimum than MACOS_MIN, each with the version it records, found by
# packaging/macho.py on the locked wheels. Anything else above MACOS_MIN fails the macOS build, and so
# does an entry here that a binary exceeds. PySide6's and shiboken6's Python binding modules record
# minos 15.0 in every 6.10/6.11 wheel measured (6.10.2, 6.11.0, 6.11.2, 6.11.3) although the wheels are
# tagged macosx_13_0 and the Qt frameworks inside them record 13.0: an upstream build setting, not a
# wheel chosen wrongly. dyld does not refuse a loaded module for its minos alone; whether they load on
# macOS 13 is NOT tested (no macOS 13 runner here or on the hosted workflow): see packaging/README.md.
MACOS_MINOS_ALLOWED: dict[str, str] = {
    r"(^|[/:])PySide6/(Qt\w+\.abi3\.so|libpyside6(qml)?\.abi3\.[0-9.]+dylib)$": "15.0",
    r"(^|[/:])PySide6/Qt/plugins/designer/libPySidePlugin\.dylib$": "15.0",
    r"(^|[/:])shiboken6/(Shiboken\.abi3\.so|libshiboken6\.abi3\.[0-9.]+dylib)$": "15.0",
}


def macos_allowed(name: str) -> str | None:
    """The newer minimum `name` (a path, or wheel:member) may record, or None: MACOS_MIN applies."""
    for pattern, version in MACOS_MINOS_ALLOWED.items():
        if re.search(pattern, name.replace("\\", "/")):
            return version
    return None


# --- what a finished bundle must not contain, and how big it may be ---------------------------------
def excluded_module_pattern(module: str) -> re.Pattern[str]:
    """Files of an EXCLUDES module in a bundle: its package folder or its compiled extension module."""
    path = re.escape(module.replace(".", "/"))
    return re.compile(rf"^{path}(/|\.[^/]*\.(so|pyd|dylib)$)")


_BUNDLE_TOP = re.compile(r"^(.*?/)?(_internal|Contents/Frameworks|Contents/Resources)/")


# Size limits of the Linux build (bytes), measured on 0.1.0 from requirements.lock (packaging/README.md,
# "Size") with a little room; scripts/package fails when either is passed.
LINUX_BUNDLE_LIMIT = 290_000_000
DEB_LIMIT = 78_000_000


def bundle_problems(files: Iterable[tuple[str, int]], limit: int | None = None) -> list[str]:
    """Problems with a finished bundle, given (path relative to its top folder, size) for every file:
    files the rules leave out because the program never loads them (they came back: a new wheel, a
    hook, a rule that stopped matching), and a total over `limit`."""
    found: list[str] = []
    excluded = [excluded_module_pattern(m) for m in EXCLUDES]
    total = 0
    for rel, size in files:
        total += size
        rel = rel.replace("\\", "/")
        inner = _BUNDLE_TOP.sub("", rel)
        if not keep((inner, "", "")):
            found.append(f"{rel}: left out by bundle_rules.DROP (never loaded) but in the bundle")
        elif any(rx.search(inner) for rx in excluded):
            found.append(f"{rel}: a module in bundle_rules.EXCLUDES (never imported) but in the bundle")
    if limit is not None and total > limit:
        found.append(f"the bundle is {total:,} bytes, over its limit of {limit:,}")
    return found
