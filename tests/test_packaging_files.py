"""Cheap CI checks of the packaging recipes (the real build is scripts/package + scripts/smoke-package).

Why these: a .desktop file or AppStream metainfo that fails validation is rejected by
software centres; a spec with a syntax error, a Qt plugin kept without the Qt library
it links against, or an icon that renders blank only shows up in a 10-minute build on
release day. Each check here runs on the real files in packaging/ and, where it
matters, against the real PySide6 installation.
"""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from ast_support import Module, imported_modules, module_from_text, modules
from epcs_desktop import APP_ID, APP_NAME, __version__
from packaging_support import load

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP_ID = "org.epcsdesktop.EpcsDesktop"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
SPEC = PACKAGING / "epcs-desktop.spec"
SVG = ROOT / "src" / "epcs_desktop" / "resources" / "icons" / f"{APP_ID}.svg"


def _load(name: str) -> ModuleType:
    """Import packaging/<name>.py (packaging/ is not a package: PyInstaller runs it as scripts)."""
    return load(name)


def _elf_needed(path: Path) -> list[str]:
    """DT_NEEDED entries of a little-endian ELF64 file (enough for x86-64/aarch64 Linux)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"not ELF64 LE: {path}"
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
    strtab = sections[dynamic[6]]  # sh_link -> .dynstr
    names = []
    for off in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, val = struct.unpack_from("<qQ", data, off)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strtab[4] + val
            names.append(data[start : data.index(b"\0", start)].decode())
    return names


# --- Linux desktop integration ---------------------------------------------------------


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_launches_the_cli_entry_and_names_the_shipped_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[0] == APP_ID
    assert entry["Icon"] == APP_ID and SVG.is_file()
    assert entry["Name"] == APP_NAME
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_lists_this_version_and_launches_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()  # noqa: S314  (our own file)
    assert root.findtext("id") == DESKTOP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/binary").text == APP_ID
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions, "add a <release> for this version (RELEASE.md)"


# --- the icon --------------------------------------------------------------------------


def test_icon_svg_is_256_square_and_needs_no_fonts() -> None:
    root = ET.parse(SVG).getroot()  # noqa: S314  (our own file)
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 256 256"
    assert not [el for el in root.iter() if el.tag.endswith("text")], "text depends on installed fonts"


def test_icons_render_crisp_at_every_hicolor_size(tmp_path: Path, qapp) -> None:
    from PIL import Image

    render_icons = _load("render_icons")
    paths = render_icons.render_pngs(SVG, tmp_path, (16, 48, 256))
    for path, size in zip(paths, (16, 48, 256), strict=True):
        with Image.open(path) as img:
            assert img.size == (size, size)
            rgba = img.convert("RGBA")
            assert rgba.getpixel((0, 0))[3] == 0, "corners must be transparent"
            assert rgba.getpixel((size // 2, size // 2))[3] == 255, "the shield must be opaque"
            # Not a flat blob: the white Rx mark and the dark shield are both there.
            pixels = np.asarray(rgba).reshape(-1, 4)
            opaque = pixels[pixels[:, 3] == 255][:, :3]
            assert len(np.unique(opaque, axis=0)) > 3


def test_windows_and_macos_icon_containers_hold_native_sizes(tmp_path: Path, qapp) -> None:
    from PIL import Image

    render_icons = _load("render_icons")
    ico = render_icons.render_platform_icon(SVG, tmp_path, "ico")
    with Image.open(ico) as img:
        assert {(16, 16), (32, 32), (256, 256)} <= set(img.info["sizes"])
    icns = render_icons.render_platform_icon(SVG, tmp_path, "icns")
    with Image.open(icns) as img:
        assert img.size[0] >= 512


# --- the PyInstaller spec and what it keeps ----------------------------------------------


def test_spec_parses_and_declares_entry_hidden_imports_and_camera_text() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    for module in (
        "sqlcipher3",
        "zxingcpp",
        "cv2",
        "argon2",
        "_cffi_backend",
        "cryptography.hazmat.bindings._rust",
    ):
        assert module in strings, f"hidden import {module} missing"
    assert "NSCameraUsageDescription" in strings
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    # Entry point = epcs_desktop.cli:main, through the one-line entry script.
    entry = ast.parse((PACKAGING / "entry.py").read_text(encoding="utf-8"))
    imports = [n for n in ast.walk(entry) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "epcs_desktop.cli" and n.names[0].name == "main" for n in imports)


def _pyside_qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def qt_modules_imported(found_in: list[Module]) -> set[str]:
    """The Qt modules imported, however spelt: `from PySide6.QtDBus import …`, `import PySide6.QtDBus as d`,
    `from PySide6 import QtDBus` (also lazily, inside a function)."""
    names = set()
    for module in found_in:
        for _node, name in imported_modules(module):
            parts = name.split(".")
            if len(parts) >= 2 and parts[0] == "PySide6" and parts[1].startswith("Qt"):
                names.add(parts[1])
    return names


def test_the_qt_import_scan_sees_every_spelling() -> None:
    sample = module_from_text(
        "# import PySide6.QtNetwork in a comment\n"
        "import PySide6.QtDBus as dbus\n"
        "from PySide6 import QtSvg\n"
        "def later():\n"
        "    from PySide6.QtMultimedia import QCamera\n"
        "s = 'from PySide6.QtWebEngine import X'\n"
    )
    assert qt_modules_imported([sample]) == {"QtDBus", "QtSvg", "QtMultimedia"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux plugin layout")
def test_every_qt_module_the_program_imports_is_bundled() -> None:
    """A Qt module imported anywhere in src/ (even lazily, inside a function) is collected, never excluded.

    QtDBus (the screen-lock watcher, imported at the first unlock) was once excluded: the packaged
    program then failed to open any profile, and a lock-screen smoke run could not notice.
    """
    rules = _load("bundle_rules")
    imported = qt_modules_imported(modules(ROOT / "src" / "epcs_desktop"))
    assert "QtDBus" in imported and "QtWidgets" in imported  # the scan itself sees lazy imports
    for module in sorted(imported):
        assert module in rules.QT_USED, f"PySide6.{module} is imported by the program but not in QT_USED"
        assert f"PySide6.{module}" not in rules.EXCLUDES, f"PySide6.{module} is imported but excluded"


def test_modules_left_out_of_the_bundle_are_not_needed(tmp_path: Path) -> None:
    """What bundle_rules excludes as never loaded is not needed: QR images and scanning work without it."""
    rules = _load("bundle_rules")
    left_out = [m for m in ("numpy.random", "numpy.fft", "PIL._imagingft") if m in rules.EXCLUDES]
    assert left_out == ["numpy.random", "numpy.fft", "PIL._imagingft"]
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name in {left_out!r}: raise ImportError('left out of the bundle: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import numpy, cv2, qrcode, qrcode.image.pil\n"
        "from epcs_desktop.core.qr import decode_frame, load_image\n"
        "uri = 'otpauth://totp/Bundle:dr?secret=JBSWY3DPEHPK3PXP&issuer=Bundle'\n"
        f"qrcode.make(uri).save({str(tmp_path / 'qr.png')!r})\n"
        f"found = decode_frame(load_image({str(tmp_path / 'qr.png')!r}))\n"
        "print('DECODED', any(uri in str(f) for f in found))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "DECODED True" in out.stdout


def test_bundle_rules_keep_what_the_gui_needs_and_drop_the_rest() -> None:
    rules = _load("bundle_rules")
    qt = _pyside_qt_dir()

    def kept(rel: str) -> bool:
        return rules.keep((f"PySide6/Qt/{rel}", str(qt / rel), "BINARY"))

    for rel in (
        "plugins/platforms/libqxcb.so",
        "plugins/platforms/libqwayland.so",
        "plugins/platforms/libqoffscreen.so",
        "plugins/imageformats/libqsvg.so",
        "plugins/iconengines/libqsvgicon.so",
        "plugins/wayland-shell-integration/libxdg-shell.so",
        "lib/libQt6Core.so.6",
        "lib/libQt6Gui.so.6",
        "lib/libQt6Widgets.so.6",
        "lib/libQt6Svg.so.6",
        "lib/libQt6Network.so.6",
        "lib/libQt6DBus.so.6",
        "lib/libQt6XcbQpa.so.6",
        "lib/libQt6WaylandClient.so.6",
    ):
        assert (qt / rel).exists(), f"PySide6 no longer ships {rel}: review bundle_rules"
        assert kept(rel), f"{rel} must stay in the bundle"
    for rel in (
        "plugins/platforms/libqeglfs.so",
        "plugins/platforms/libqvnc.so",
        "plugins/platformthemes/libqgtk3.so",
        "plugins/tls/libqopensslbackend.so",
        "plugins/sqldrivers/libqsqlite.so",
        "lib/libQt6Quick.so.6",
        "lib/libQt6Qml.so.6",
        "lib/libQt6OpenGL.so.6",
        "lib/libQt6Pdf.so.6",
    ):
        if (qt / rel).exists():
            assert not kept(rel), f"{rel} should be left out"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_every_kept_qt_plugin_finds_its_qt_libraries() -> None:
    """A plugin whose Qt library was dropped fails to load at run time, silently."""
    rules = _load("bundle_rules")
    qt = _pyside_qt_dir()
    problems = []
    for plugin in sorted((qt / "plugins").rglob("*.so")):
        rel = plugin.relative_to(qt).as_posix()
        if not rules.keep((f"PySide6/Qt/{rel}", str(plugin), "BINARY")):
            continue
        for lib in _elf_needed(plugin):
            if lib.startswith("libQt6") and not rules.keep((f"PySide6/Qt/lib/{lib}", "", "BINARY")):
                problems.append(f"{rel} needs {lib}")
    assert not problems, problems


def test_qt_translations_follow_the_program_languages(tmp_path: Path) -> None:
    rules = _load("bundle_rules")
    pkg = tmp_path / "pkg"
    (pkg / "resources" / "translations").mkdir(parents=True)
    (pkg / "resources" / "translations" / "epcs_desktop_es.qm").write_bytes(b"")
    (pkg / "resources" / "translations" / "epcs_desktop_pt_BR.ts").write_text("")
    (pkg / "resources" / "translations" / "README.md").write_text("")
    assert rules.app_languages(pkg) == {"es", "pt"}

    def kept(name: str) -> bool:
        return rules.keep_translation((f"PySide6/Qt/translations/{name}", "", "DATA"), {"es"})

    assert kept("qtbase_es.qm") and kept("qt_es.qm")
    assert not kept("qtbase_de.qm") and not kept("qt_fr.qm") and not kept("qtbase_pt_BR.qm")
    assert rules.keep_translation(("epcs_desktop/resources/translations/x.qm", "", "DATA"), set())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_prune_linux_drops_orphans_and_system_libraries() -> None:
    """Real files: QtCore's module needs libQt6Core; nothing kept needs libQt6Quick; zlib is the system's."""
    rules = _load("bundle_rules")
    import PySide6

    pyside = Path(PySide6.__file__).parent
    qt_lib = pyside / "Qt" / "lib"
    zlib = next(
        (
            p
            for p in (
                Path("/usr/lib/x86_64-linux-gnu/libz.so.1"),
                Path("/lib/x86_64-linux-gnu/libz.so.1"),
                Path("/usr/lib/aarch64-linux-gnu/libz.so.1"),
                Path("/usr/lib64/libz.so.1"),
            )
            if p.exists()
        ),
        None,
    )
    if zlib is None:
        pytest.skip("no system zlib at a known path")
    entries = [
        ("PySide6/QtCore.abi3.so", str(pyside / "QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(qt_lib / "libQt6Core.so.6"), "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", str(qt_lib / "libQt6Quick.so.6"), "BINARY"),
        ("libz.so.1", str(zlib), "BINARY"),
    ]

    def get_imports(path: str) -> list[tuple[str, str | None]]:
        # Direct DT_NEEDED plus one level more, like ldd's closure for these files.
        names = set(_elf_needed(Path(path)))
        core = qt_lib / "libQt6Core.so.6"
        if "libQt6Core.so.6" in names:
            names |= set(_elf_needed(core))
        return [(n, None) for n in names]

    kept = {e[0] for e in rules.prune_linux(entries, get_imports)}
    assert "PySide6/QtCore.abi3.so" in kept
    assert "PySide6/Qt/lib/libQt6Core.so.6" in kept
    assert "PySide6/Qt/lib/libQt6Quick.so.6" not in kept, "orphan kept"
    assert "libz.so.1" not in kept, "system library bundled"
    kept_all = {e[0] for e in rules.prune_linux(entries, get_imports, bundle_system_libs=True)}
    assert "libz.so.1" in kept_all


# --- size report ---------------------------------------------------------------------------


def test_measure_bundle_groups_by_component_and_skips_symlinks(tmp_path: Path) -> None:
    measure = _load("measure_bundle")
    bundle = tmp_path / "epcs-desktop"
    files = {
        "_internal/PySide6/Qt/lib/libQt6Core.so.6": 1000,
        "_internal/PySide6/QtCore.abi3.so": 200,
        "_internal/cv2/cv2.abi3.so": 3000,
        "_internal/opencv_python_headless.libs/libavcodec-1234.so.62": 500,
        "_internal/numpy.libs/libscipy_openblas64_-x.so": 700,
        "epcs-desktop": 50,
    }
    for rel, size in files.items():
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(b"x" * size)
    os.symlink("PySide6/Qt/lib/libQt6Core.so.6", bundle / "_internal" / "libQt6Core.so.6")
    totals = measure.measure(bundle)
    assert totals["Qt: QtCore"] == 1200
    assert totals["OpenCV: cv2 module"] == 3000
    assert totals["NumPy: OpenBLAS + gfortran/quadmath"] == 700
    assert sum(totals.values()) == sum(files.values())
    assert "total" in measure.format_table(totals, markdown=True)


# --- shell, Windows and macOS recipes ------------------------------------------------------


@pytest.mark.parametrize(
    "script",
    [
        "scripts/package",
        "scripts/smoke-package",
        "scripts/lock",
        ".ci/run",
        "packaging/linux/make-deb.sh",
        "packaging/macos/build-dmg.sh",
    ],
)
def test_shell_scripts_parse(script: str) -> None:
    path = ROOT / script
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert os.access(path, os.X_OK), f"{script} is not executable"


def test_macos_entitlements_grant_the_camera_and_nothing_else() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as fh:
        entitlements = plistlib.load(fh)
    assert entitlements == {"com.apple.security.device.camera": True}


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in (PACKAGING / "windows" / "epcs-desktop.iss").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match[1]
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def test_inno_setup_installs_per_user_with_start_menu_shortcut() -> None:
    """Per-user without administrator rights by default (issue 15); /ALLUSERS for a machine install."""
    sections = _iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line and not line.startswith("#"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert "commandline" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert any(line.startswith('Name: "{autoprograms}') for line in sections["Icons"])
    exe = APP_NAME.replace(" ", "") + ".exe"  # the spec's windowed launcher
    assert any(exe in line for line in sections["Icons"]) or '#define AppExe "' + exe + '"' in (
        PACKAGING / "windows" / "epcs-desktop.iss"
    ).read_text(encoding="utf-8")


def test_inno_setup_uninstall_touches_only_the_program_folder() -> None:
    sections = _iss_sections()
    for line in sections["UninstallDelete"]:
        name = re.search(r'Name: "([^"]+)"', line)
        assert name and name[1].startswith("{app}"), line
    code = "\n".join(sections["Code"])
    assert "UninstallSilent" in code and "MB_DEFBUTTON2" in code  # asks, default No, never silently


def test_the_desktop_id_is_the_same_everywhere() -> None:
    """Wayland matches windows to their .desktop entry by this id; a mismatch loses the icon."""
    from epcs_desktop import DESKTOP_ID

    root = Path(__file__).resolve().parents[1] / "packaging"
    assert (root / "linux" / f"{DESKTOP_ID}.desktop").is_file()
    assert (root / "linux" / f"{DESKTOP_ID}.metainfo.xml").is_file()
    assert f'BUNDLE_ID = "{DESKTOP_ID}"' in (root / "epcs-desktop.spec").read_text(encoding="utf-8")


# --- the finished bundle: nothing the program never loads, and within its size --------------------


def test_bundle_problems_flag_files_the_program_never_loads_and_the_size_limit() -> None:
    rules = _load("bundle_rules")
    clean = [
        ("epcs-desktop", 6_000_000),
        ("_internal/cv2/cv2.abi3.so", 66_000_000),
        ("_internal/numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", 10_000_000),
        ("_internal/PySide6/Qt/plugins/platforms/libqxcb.so", 100_000),
        ("_internal/PIL/_imaging.cpython-311-x86_64-linux-gnu.so", 1_000_000),
    ]
    assert rules.bundle_problems(clean, limit=100_000_000) == []
    returned = [
        ("_internal/cv2/opencv_videoio_ffmpeg4120_64.dll", 28_000_000),  # Windows
        ("EPCS Desktop.app/Contents/Frameworks/PIL/_avif.cpython-311-darwin.so", 4_000_000),  # macOS
        ("_internal/numpy/random/_generator.cpython-311-x86_64-linux-gnu.so", 900_000),
        ("_internal/PySide6/Qt/plugins/platforms/libqeglfs.so", 100_000),
        ("_internal/setuptools/__init__.py", 1_000),
    ]
    found = rules.bundle_problems(clean + returned, limit=100_000_000)
    assert [line.split(":", 1)[0] for line in found[:-1]] == [rel for rel, _size in returned]
    assert "(never loaded)" in found[0] and "(never imported)" in found[1]
    assert found[-1] == "the bundle is 116,101,000 bytes, over its limit of 100,000,000"


def test_the_windows_ffmpeg_plugin_is_dropped_and_cv2_itself_kept() -> None:
    rules = _load("bundle_rules")
    assert not rules.keep(("cv2/opencv_videoio_ffmpeg4120_64.dll", "x", "BINARY"))
    assert not rules.keep(("cv2\\opencv_videoio_ffmpeg4140_64.dll", "x", "BINARY"))
    assert rules.keep(("cv2/cv2.pyd", "x", "EXTENSION"))
    assert rules.keep(("cv2/cv2.abi3.so", "x", "EXTENSION"))


def test_check_bundle_runs_on_a_bundle_folder_and_a_deb(tmp_path: Path) -> None:
    check = _load("check_bundle")
    bundle = tmp_path / "epcs-desktop"
    (bundle / "_internal" / "cv2").mkdir(parents=True)
    (bundle / "_internal" / "cv2" / "cv2.abi3.so").write_bytes(b"\0" * 1000)
    (bundle / "_internal" / "cv2" / "link.so").symlink_to("cv2.abi3.so")
    deb = tmp_path / "x.deb"
    deb.write_bytes(b"\0" * 10)
    assert check.listing(bundle) == [("_internal/cv2/cv2.abi3.so", 1000)]
    assert check.main([str(bundle), "--limit", "2000", "--deb", str(deb)]) == 0
    assert check.main([str(bundle), "--limit", "999"]) == 1
    (bundle / "_internal" / "cv2" / "opencv_videoio_ffmpeg4120_64.dll").write_bytes(b"\0")
    assert check.main([str(bundle), "--limit", "2000"]) == 1


def test_smoke_media_hold_the_uri_for_the_real_scanner(tmp_path: Path) -> None:
    """The QR image and videos the packaged program is smoke-tested on decode with the program's own
    code (the bundle check then only proves the bundle still has what this needs)."""
    from epcs_desktop.core.frames import open_source
    from epcs_desktop.core.qr import decode_frame

    smoke = _load("smoke_bundle")
    made = smoke.make_media(tmp_path)
    assert [p.name for p in made] == ["qr.png", *smoke.VIDEOS]
    for path in made:
        source = open_source(path)
        try:
            found = []
            while (frame := source.read()) is not None and not found:
                found = decode_frame(frame)
        finally:
            source.close()
        assert any(smoke.URI in str(f) for f in found), path.name


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("patchelf") is None,
    reason="Linux bundles only; needs patchelf (scripts/common.sh TEST_DEBS)",
)
def test_cv2_runs_on_the_system_blas_without_its_own_openblas(tmp_path: Path) -> None:
    """packaging/system_blas.py on a copy of the installed OpenCV: the vendored OpenBLAS is gone, and the
    OpenCV routines that call BLAS/LAPACK (perspective transform, solve, SVD, gemm) still give NumPy's
    answers through the system's liblapack3/libblas3."""
    import cv2

    blas = _load("system_blas")
    site = Path(cv2.__file__).resolve().parents[1]
    if not (site / "opencv_python_headless.libs").is_dir():
        pytest.skip("this OpenCV is not a manylinux wheel")
    if not Path("/usr/lib/x86_64-linux-gnu/liblapack.so.3").exists() and not shutil.which("ldconfig"):
        pytest.skip("no system LAPACK")
    internal = tmp_path / "_internal"
    internal.mkdir()
    shutil.copytree(site / "cv2", internal / "cv2")
    shutil.copytree(site / "opencv_python_headless.libs", internal / "opencv_python_headless.libs")
    removed = blas.use_system_blas(internal)
    names = [name for name, _size in removed]
    assert any(n.startswith("libopenblas") for n in names) and any(n.startswith("libgfortran") for n in names)
    left = [p.name for p in (internal / "opencv_python_headless.libs").iterdir()]
    assert not any(n.startswith(("libopenblas", "libgfortran", "libquadmath")) for n in left), left
    assert blas.use_system_blas(internal) == []  # idempotent
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(internal)!r})\n"
        "import cv2, numpy as np\n"
        f"assert cv2.__file__.startswith({str(internal)!r}), cv2.__file__\n"
        "src = np.float32([[0, 0], [100, 0], [100, 100], [0, 100]])\n"
        "dst = np.float32([[10, 5], [90, 12], [95, 98], [3, 90]])\n"
        "m = cv2.getPerspectiveTransform(src, dst)\n"
        "assert np.allclose(cv2.perspectiveTransform(src[None], m)[0], dst, atol=1e-3)\n"
        "a = np.random.default_rng(1).random((6, 6)); b = np.ones((6, 1))\n"
        "for flag in (cv2.DECOMP_LU, cv2.DECOMP_SVD, cv2.DECOMP_QR):\n"
        "    ok, x = cv2.solve(a, b, flags=flag); assert ok and np.allclose(a @ x, b), flag\n"
        "w, u, vt = cv2.SVDecomp(a); assert np.allclose(u @ np.diag(w.ravel()) @ vt, a)\n"
        "f = a.astype(np.float32); assert np.allclose(cv2.gemm(f, f, 1, None, 0), f @ f, atol=1e-4)\n"
        "print('SYSTEM BLAS OK')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "SYSTEM BLAS OK" in out.stdout
