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
