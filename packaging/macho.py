"""The minimum macOS version of every Mach-O binary in a bundle (or in wheels), checked against the claim.

Why: the .app declares LSMinimumSystemVersion (bundle_rules.MACOS_MIN), but what it really needs is the
highest minimum of any binary inside it: pip on a macOS 14 runner picks a NumPy built for macOS 14 when
one exists, and the .app then fails to start on macOS 13 with an unhelpful dyld error. Each Mach-O file
records its minimum in a load command (LC_BUILD_VERSION `minos` since macOS 10.14's toolchain,
LC_VERSION_MIN_MACOSX before); this module reads them with the standard library only (no macOS tools,
so the same check runs here on downloaded macOS wheels and on the hosted macOS runner on the built .app).

    python packaging/macho.py check "dist/EPCS Desktop.app"          target from its Info.plist
    python packaging/macho.py check --target 13.0 DIR_OR_WHEEL ...   every Mach-O file in them
    python packaging/macho.py show FILE ...                           the minimum per architecture

Exit status 1 (one line per offending file) when any binary needs a newer macOS than the target.
"""

from __future__ import annotations

import argparse
import io
import os
import plistlib
import struct
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MH_MAGIC = 0xFEEDFACE  # 32-bit, in the file's own byte order
MH_MAGIC_64 = 0xFEEDFACF
FAT_MAGIC = 0xCAFEBABE  # universal binaries: always big-endian
FAT_MAGIC_64 = 0xCAFEBABF
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1
PLATFORM_MACCATALYST = 6
CPU_NAMES = {7: "i386", 0x01000007: "x86_64", 12: "arm", 0x0100000C: "arm64", 18: "ppc"}
# Bounds against hostile or corrupt input: a fat header listing thousands of slices, a header claiming
# millions of load commands. Real binaries have at most a few slices and a few hundred commands.
MAX_FAT_ARCHES = 16
MAX_LOAD_COMMANDS = 10_000
MAX_WHEEL_MEMBER = 512 * 1024 * 1024


class MachOError(ValueError):
    """Not a Mach-O file, or one whose headers contradict themselves."""


@dataclass(frozen=True)
class Slice:
    """One architecture of a Mach-O file and the macOS version it needs (None: it records none)."""

    arch: str
    minos: tuple[int, int, int] | None


def decode_version(value: int) -> tuple[int, int, int]:
    """Mach-O's packed X.Y.Z: 16 bits major, 8 minor, 8 patch (0x000D0000 is 13.0.0)."""
    return (value >> 16, (value >> 8) & 0xFF, value & 0xFF)


def version_text(version: tuple[int, int, int] | None) -> str:
    if version is None:
        return "none recorded"
    return f"{version[0]}.{version[1]}" + (f".{version[2]}" if version[2] else "")


def parse_version(text: str) -> tuple[int, int, int]:
    parts = [int(p) for p in text.strip().split(".")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a macOS version: {text!r}")
    major, minor, patch = [*parts, 0, 0][:3]
    return (major, minor, patch)


def is_macho(head: bytes) -> bool:
    """True for the first bytes of a thin or fat Mach-O file (not for a Java class file)."""
    if len(head) < 8:
        return False
    if struct.unpack("<I", head[:4])[0] in (MH_MAGIC, MH_MAGIC_64):
        return True
    if struct.unpack(">I", head[:4])[0] in (MH_MAGIC, MH_MAGIC_64):
        return True
    magic, count = struct.unpack(">II", head[:8])
    # Java class files share 0xCAFEBABE; their next field (the class file version) is 45 or more.
    return magic in (FAT_MAGIC, FAT_MAGIC_64) and 0 < count <= MAX_FAT_ARCHES


def _thin(data: bytes, offset: int) -> Slice:
    if offset + 28 > len(data):
        raise MachOError("truncated Mach-O header")
    raw = data[offset : offset + 4]
    for endian in ("<", ">"):
        magic = struct.unpack(endian + "I", raw)[0]
        if magic in (MH_MAGIC, MH_MAGIC_64):
            break
    else:
        raise MachOError(f"no Mach-O header at offset {offset}")
    is64 = magic == MH_MAGIC_64
    cputype, _sub, _ftype, ncmds, sizeofcmds, _flags = struct.unpack_from(endian + "iiIIII", data, offset + 4)
    if ncmds > MAX_LOAD_COMMANDS:
        raise MachOError(f"{ncmds} load commands")
    pos = offset + (32 if is64 else 28)
    end = pos + sizeofcmds
    if end > len(data):
        raise MachOError("load commands run past the end of the file")
    found: tuple[int, int, int] | None = None
    for _ in range(ncmds):
        if pos + 8 > end:
            raise MachOError("truncated load command")
        cmd, cmdsize = struct.unpack_from(endian + "II", data, pos)
        if cmdsize < 8 or pos + cmdsize > end:
            raise MachOError(f"load command size {cmdsize} out of range")
        if cmd == LC_BUILD_VERSION and cmdsize >= 16:
            platform, minos = struct.unpack_from(endian + "II", data, pos + 8)
            if platform in (PLATFORM_MACOS, PLATFORM_MACCATALYST):
                found = decode_version(minos)
        elif cmd == LC_VERSION_MIN_MACOSX and cmdsize >= 16 and found is None:
            found = decode_version(struct.unpack_from(endian + "I", data, pos + 8)[0])
        pos += cmdsize
    return Slice(CPU_NAMES.get(cputype, f"cpu{cputype:#x}"), found)


def slices(data: bytes) -> list[Slice]:
    """Every architecture in a thin or universal (fat) Mach-O file, with its minimum macOS
    (none for a universal static library: its slices are ar archives, which nothing loads)."""
    if len(data) < 8:
        raise MachOError("too short for a Mach-O file")
    magic, count = struct.unpack(">II", data[:8])
    if magic not in (FAT_MAGIC, FAT_MAGIC_64):
        return [_thin(data, 0)]
    if not 0 < count <= MAX_FAT_ARCHES:
        raise MachOError(f"universal binary with {count} architectures")
    out = []
    size = 32 if magic == FAT_MAGIC_64 else 20
    for i in range(count):
        at = 8 + i * size
        if at + size > len(data):
            raise MachOError("truncated universal header")
        if magic == FAT_MAGIC_64:
            _cpu, _sub, offset, length, _align, _res = struct.unpack_from(">iiQQII", data, at)
        else:
            _cpu, _sub, offset, length, _align = struct.unpack_from(">iiIII", data, at)
        if offset + length > len(data):
            raise MachOError(f"architecture {i} runs past the end of the file")
        if data[offset : offset + 8] == b"!<arch>\n":
            continue  # a universal static library (.a): linked into programs, never loaded by dyld
        out.append(_thin(data[: offset + length], offset))
    return out


def _wheel_members(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as wheel:
        for info in wheel.infolist():
            if info.is_dir() or info.file_size > MAX_WHEEL_MEMBER:
                continue
            with wheel.open(info) as fh:
                head = fh.read(8)
                if is_macho(head):
                    yield f"{path.name}:{info.filename}", head + fh.read()


def _file(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.suffix == ".whl":
        yield from _wheel_members(path)
        return
    with path.open("rb") as fh:
        if is_macho(fh.read(8)):
            fh.seek(0)
            yield str(path), fh.read()


def binaries(paths: list[Path]) -> Iterator[tuple[str, bytes]]:
    """(name, content) of every Mach-O file under the folders, in the files and inside the wheels
    (*.whl, also inside the folders) given; symlinks are skipped (their targets are counted)."""
    for path in paths:
        if path.is_dir():
            for root, _dirs, files in os.walk(path):
                for name in sorted(files):
                    file = Path(root) / name
                    if not file.is_symlink() and file.is_file():
                        yield from _file(file)
        else:
            yield from _file(path)


def app_target(app: Path) -> tuple[int, int, int]:
    """LSMinimumSystemVersion of a .app (what the bundle promises)."""
    with (app / "Contents" / "Info.plist").open("rb") as fh:
        return parse_version(str(plistlib.load(fh)["LSMinimumSystemVersion"]))


def check(
    paths: list[Path],
    target: tuple[int, int, int],
    allowed: Callable[[str], str | None] = lambda _name: None,
    out: io.TextIOBase | None = None,
) -> list[str]:
    """One line per binary whose minimum is above `target` (empty: all of them run on it).

    `allowed(name)` may name a newer version one file is known to record (bundle_rules.macos_allowed):
    such a file is listed as a note, and fails only if it records more than that.
    """
    out = out or sys.stdout
    bad: list[str] = []
    notes: set[str] = set()
    count = 0
    highest: tuple[int, int, int] = (0, 0, 0)
    for name, data in binaries(paths):
        count += 1
        try:
            found = slices(data)
        except MachOError as exc:
            bad.append(f"{name}: unreadable Mach-O file ({exc})")
            continue
        for s in found:
            if s.minos is not None and s.minos > target:
                known = allowed(name)
                if known is not None and s.minos <= parse_version(known):
                    notes.add(f"note: {name} records macOS {version_text(s.minos)} (known, bundle_rules)")
                else:
                    bad.append(f"{name} [{s.arch}] needs macOS {version_text(s.minos)}")
            if s.minos is not None:
                highest = max(highest, s.minos)
    for line in sorted(notes):
        print(line, file=out)
    print(f"{count} Mach-O files; highest minimum macOS {version_text(highest) if count else '-'}; "
          f"target {version_text(target)}", file=out)
    if count == 0:
        bad.append("no Mach-O file found (wrong path?)")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="fail when a binary needs a newer macOS than the target")
    c.add_argument("--target", help="e.g. 13.0 (default: the LSMinimumSystemVersion of the .app given)")
    c.add_argument("--strict", action="store_true", help="ignore bundle_rules.MACOS_MINOS_ALLOWED")
    c.add_argument("paths", nargs="+", type=Path)
    s = sub.add_parser("show", help="the minimum macOS of each architecture of each file")
    s.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.command == "show":
        for name, data in binaries(args.paths):
            print(name, " ".join(f"{x.arch}={version_text(x.minos)}" for x in slices(data)))
        return 0
    if args.target:
        target = parse_version(args.target)
    elif len(args.paths) == 1 and args.paths[0].suffix == ".app":
        target = app_target(args.paths[0])
    else:
        parser.error("--target is needed unless the one path is a .app")
    if args.strict:
        bad = check(args.paths, target)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bundle_rules import macos_allowed

        bad = check(args.paths, target, macos_allowed)
    for line in bad:
        print(f"error: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
