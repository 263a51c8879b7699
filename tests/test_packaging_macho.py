"""packaging/macho.py: the minimum macOS recorded in Mach-O binaries, read without macOS tools.

Synthetic headers built here with the layouts from Apple's <mach-o/loader.h> and <mach-o/fat.h>
(thin 64- and 32-bit, universal, static archives, both version load commands), plus the real macOS
wheels of the locked set where .ci/run has downloaded them (build/wheels-macosx_13_0_*).
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from packaging_support import ROOT, load

macho = load("macho")
rules = load("bundle_rules")

CPU_ARM64 = 0x0100000C
CPU_X86_64 = 0x01000007


def packed(version: str) -> int:
    major, minor, patch = macho.parse_version(version)
    return (major << 16) | (minor << 8) | patch


def thin(
    minos: str | None = "13.0",
    *,
    cpu: int = CPU_ARM64,
    command: str = "build",
    bits: int = 64,
    endian: str = "<",
    platform: int = 1,
) -> bytes:
    """A Mach-O file: header, an unrelated load command, the version command (if any), some code."""
    cmds = [struct.pack(endian + "II", 0x2, 24) + b"\0" * 16]  # LC_SYMTAB, content irrelevant here
    if minos is not None and command == "build":  # LC_BUILD_VERSION: platform, minos, sdk, ntools
        cmds.append(struct.pack(endian + "IIIIII", 0x32, 24, platform, packed(minos), packed("15.0"), 0))
    elif minos is not None:  # LC_VERSION_MIN_MACOSX: version, sdk
        cmds.append(struct.pack(endian + "IIII", 0x24, 16, packed(minos), packed("14.0")))
    body = b"".join(cmds)
    magic = 0xFEEDFACF if bits == 64 else 0xFEEDFACE
    header = struct.pack(endian + "IiiIIII", magic, cpu, 0, 6, len(cmds), len(body), 0)
    if bits == 64:
        header += b"\0\0\0\0"
    return header + body + b"\xc3" * 64


def fat(*parts: bytes) -> bytes:
    """A universal binary: big-endian fat header, each slice at a 4 KiB-aligned offset."""
    header = struct.pack(">II", 0xCAFEBABE, len(parts))
    offset = 4096
    entries, blobs = b"", b""
    for part in parts:
        cpu = struct.unpack_from("<i", part, 4)[0] if part[:4] != b"!<ar" else CPU_X86_64
        entries += struct.pack(">iiIII", cpu, 0, offset, len(part), 12)
        blobs += part + b"\0" * (-len(part) % 4096)
        offset += len(part) + (-len(part) % 4096)
    return (header + entries).ljust(4096, b"\0") + blobs


def test_thin_64_bit_build_version() -> None:
    assert macho.slices(thin("13.0")) == [macho.Slice("arm64", (13, 0, 0))]
    assert macho.slices(thin("14.2.1", cpu=CPU_X86_64)) == [macho.Slice("x86_64", (14, 2, 1))]


def test_old_version_min_command_and_32_bit_and_big_endian() -> None:
    assert macho.slices(thin("10.9", command="min"))[0].minos == (10, 9, 0)
    assert macho.slices(thin("10.13", bits=32, cpu=7))[0] == macho.Slice("i386", (10, 13, 0))
    assert macho.slices(thin("12.0", endian=">"))[0].minos == (12, 0, 0)


def test_binaries_for_other_platforms_and_without_a_version_record_none() -> None:
    assert macho.slices(thin("17.0", platform=2))[0].minos is None  # PLATFORM_IOS
    assert macho.slices(thin(None))[0].minos is None


def test_universal_binary_reports_each_architecture_and_skips_static_archives() -> None:
    data = fat(thin("13.0", cpu=CPU_X86_64), thin("14.0"))
    assert macho.slices(data) == [macho.Slice("x86_64", (13, 0, 0)), macho.Slice("arm64", (14, 0, 0))]
    # A universal .a (PySide6 ships some): ar archives inside, nothing dyld loads.
    assert macho.slices(fat(b"!<arch>\n" + b"\0" * 100)) == []


@pytest.mark.parametrize(
    "data",
    [
        b"\xcf\xfa\xed\xfe" + b"\0" * 10,  # header cut short
        thin("13.0")[:40],  # load commands cut short
        struct.pack(">II", 0xCAFEBABE, 1) + struct.pack(">iiIII", CPU_ARM64, 0, 4096, 10**6, 12),
    ],
)
def test_corrupt_files_are_errors_not_crashes(data: bytes) -> None:
    with pytest.raises(macho.MachOError):
        macho.slices(data)


def test_is_macho_tells_java_class_files_and_text_apart() -> None:
    assert macho.is_macho(thin("13.0")[:8])
    assert macho.is_macho(fat(thin("13.0"))[:8])
    assert not macho.is_macho(struct.pack(">IHH", 0xCAFEBABE, 0, 52))  # a Java 8 class file
    assert not macho.is_macho(b"#!/bin/sh\n")


def _app(tmp_path: Path, files: dict[str, bytes], claim: str = "13.0") -> Path:
    app = tmp_path / "EPCS Desktop.app"
    for rel, data in {"Contents/MacOS/epcs-desktop": thin("11.0"), **files}.items():
        (app / rel).parent.mkdir(parents=True, exist_ok=True)
        (app / rel).write_bytes(data)
    plist = f'<?xml version="1.0"?><plist version="1.0"><dict><key>LSMinimumSystemVersion</key>' \
        f"<string>{claim}</string></dict></plist>"  # fmt: skip
    (app / "Contents" / "Info.plist").write_text(plist)
    (app / "Contents" / "Resources").mkdir()
    (app / "Contents" / "Resources" / "readme.txt").write_text("not a binary")
    return app


def test_check_fails_on_one_binary_above_the_apps_claim(tmp_path: Path) -> None:
    app = _app(tmp_path, {
        "Contents/Frameworks/numpy/_core/_multiarray_umath.cpython-311-darwin.so": fat(
            thin("13.0", cpu=CPU_X86_64), thin("14.0")),
        "Contents/Frameworks/cv2/cv2.abi3.so": thin("13.0"),
    })  # fmt: skip
    assert macho.app_target(app) == (13, 0, 0)
    out = io.StringIO()
    bad = macho.check([app], macho.app_target(app), out=out)
    assert len(bad) == 1 and "_multiarray_umath" in bad[0] and "[arm64] needs macOS 14.0" in bad[0]
    assert "3 Mach-O files; highest minimum macOS 14.0; target 13.0" in out.getvalue()
    assert macho.main(["check", str(app)]) == 1
    assert macho.main(["check", "--target", "14.0", str(app)]) == 0


def test_known_exceptions_are_notes_up_to_their_version_only(tmp_path: Path) -> None:
    app = _app(tmp_path, {"Contents/Frameworks/PySide6/QtCore.abi3.so": thin("15.0")})
    out = io.StringIO()
    assert macho.check([app], (13, 0, 0), rules.macos_allowed, out) == []
    assert "QtCore.abi3.so records macOS 15.0 (known" in out.getvalue()
    assert macho.main(["check", str(app)]) == 0
    assert macho.main(["check", "--strict", str(app)]) == 1
    (app / "Contents/Frameworks/PySide6/QtCore.abi3.so").write_bytes(thin("26.0"))
    assert macho.check([app], (13, 0, 0), rules.macos_allowed, io.StringIO())


def test_check_reads_binaries_inside_wheels(tmp_path: Path) -> None:
    wheel = tmp_path / "numpy-2.2.6-cp311-cp311-macosx_14_0_arm64.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("numpy/linalg/_umath_linalg.cpython-311-darwin.so", thin("14.0"))
        zf.writestr("numpy/__init__.py", "")
    bad = macho.check([wheel], (13, 0, 0), out=io.StringIO())
    assert bad == [f"{wheel.name}:numpy/linalg/_umath_linalg.cpython-311-darwin.so [arm64] needs macOS 14.0"]


def test_a_path_without_binaries_fails_rather_than_passing_silently(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert macho.check([tmp_path / "empty"], (13, 0, 0), out=io.StringIO()) == [
        "no Mach-O file found (wrong path?)"
    ]
    assert macho.main(["check", "--target", "13.0", str(tmp_path / "missing")]) == 2


def test_the_spec_claims_the_one_macos_minimum() -> None:
    text = (ROOT / "packaging" / "epcs-desktop.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": MACOS_MIN' in text
    assert rules.MACOS_MIN == "13.0"


@pytest.mark.parametrize("arch", ["arm64", "x86_64"])
def test_the_locked_macos_wheels_run_on_the_claimed_version(arch: str) -> None:
    """The real wheels the macOS build installs (.ci/run downloads them first with lockfile.py wheels)."""
    folder = ROOT / "build" / f"wheels-macosx_{rules.MACOS_MIN.replace('.', '_')}_{arch}"
    wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        pytest.skip(f"{folder.name} not downloaded (.ci/run does: packaging/lockfile.py wheels)")
    out = io.StringIO()
    bad = macho.check(wheels, macho.parse_version(rules.MACOS_MIN), rules.macos_allowed, out)
    assert bad == [], "\n".join(bad)
    assert any("numpy" in w.name for w in wheels) and any("opencv" in w.name for w in wheels)
