"""requirements.lock and pyproject.toml: one set of dependencies, checked to agree.

Why: pyproject.toml says what the program accepts (ranges); requirements.lock says what every machine
installs (one version each, with hashes), made by scripts/lock. A dependency added to pyproject.toml but
not to the lock would install everywhere except where it matters (the installers are built from the lock),
so the tests and .ci/run fail while the two disagree.

The lock's header records a digest of the requirement lists it was resolved from ([project]
dependencies, the `test`, `bench` and `package` extras, [build-system] requires,
packaging/lock-constraints.txt); `check` recomputes it and also verifies that every requirement is
pinned to a version it accepts and that every pin carries a hash.

    python packaging/lockfile.py check              exit 1 with one line per problem
    python packaging/lockfile.py build-requires     (scripts/lock) the build backend's requirements
    python packaging/lockfile.py finish NEW OUT     (scripts/lock) add the header to uv's output
    python packaging/lockfile.py wheels --platform macosx_13_0_arm64 --dest DIR
        the locked wheels for another platform (binary only, hash-checked) and DIR/requirements.txt,
        the lock's entries for that platform: the macOS build installs from there (pip would otherwise
        pick wheels for the runner's newer macOS), and .ci/run checks their binaries with macho.py

Standard library only (scripts/lock runs it with the system Python); the version-range check uses
`packaging` where it is installed (every venv made from the lock has it).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
CONSTRAINTS = ROOT / "packaging" / "lock-constraints.txt"  # scripts/lock's -c file
EXTRAS = ("test", "bench", "package")  # the extras scripts/lock resolves (--extra ... for each)
DIGEST_KEY = "# requirements-sha256:"
HEADER = """\
# The one set of packages every machine installs (development, tests, CI, installer builds), pinned with
# hashes for Linux, Windows and macOS. Made by scripts/lock from pyproject.toml: do not edit; run
# scripts/lock after changing a dependency there (packaging/lockfile.py check fails until you do).
# Install: pip install --require-hashes --no-deps -r requirements.lock
#          pip install --no-deps --no-build-isolation -e .
"""


@dataclass
class Pin:
    name: str
    version: str
    marker: str = ""
    hashes: list[str] = field(default_factory=list)


def normalize(name: str) -> str:
    """PEP 503 name: Pillow, pillow and PILLOW are one package; so are zxing_cpp and zxing-cpp."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lists(pyproject: Path = PYPROJECT) -> dict[str, list[str]]:
    """The requirement strings the lock is resolved from, by where they come from."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    extras = data["project"].get("optional-dependencies", {})
    lists = {"dependencies": list(data["project"].get("dependencies", []))}
    for extra in EXTRAS:
        lists[f"extra:{extra}"] = list(extras.get(extra, []))
    lists["build-system"] = list(data.get("build-system", {}).get("requires", []))
    constraints = pyproject.parent / "packaging" / CONSTRAINTS.name
    if constraints.is_file():
        lines = constraints.read_text(encoding="utf-8").splitlines()
        lists["constraints"] = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return lists


def digest(lists: dict[str, list[str]]) -> str:
    """Order and spacing do not matter; anything else that changes a requirement does."""
    lines = sorted(key + "|" + re.sub(r"\s+", "", req) for key, reqs in lists.items() for req in reqs)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def parse_lock(text: str) -> tuple[dict[str, str], list[Pin]]:
    """Header fields (`# key: value`) and the pins of a pip requirements file with hashes."""
    header: dict[str, str] = {}
    pins: list[Pin] = []
    logical = re.sub(r"\\\n", " ", text)
    for raw in logical.splitlines():
        line = raw.strip()
        if line.startswith(DIGEST_KEY):
            header["digest"] = line[len(DIGEST_KEY):].strip()
        if not line or line.startswith("#"):
            continue
        spec, _, _opts = line.partition(" --")
        hashes = re.findall(r"--hash=(sha256:[0-9a-f]{64})", line)
        req, _, marker = spec.partition(";")
        match = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*(\S+)\s*", req)
        if not match:
            pins.append(Pin(name=req.strip(), version="", marker=marker.strip(), hashes=hashes))
            continue
        pins.append(Pin(normalize(match[1]), match[2], marker.strip(), hashes))
    return header, pins


def problems(pyproject: Path = PYPROJECT, lock: Path = LOCK) -> list[str]:
    """Everything that makes the lock disagree with pyproject.toml, one sentence each (empty: they agree)."""
    if not lock.is_file():
        return [f"{lock.name} is missing: run scripts/lock"]
    lists = requirement_lists(pyproject)
    header, pins = parse_lock(lock.read_text(encoding="utf-8"))
    found: list[str] = []
    if header.get("digest") != digest(lists):
        found.append(f"{lock.name} was not made from this pyproject.toml's requirements: run scripts/lock")
    by_name: dict[str, list[Pin]] = {}
    for pin in pins:
        if not pin.version:
            found.append(f"{lock.name}: '{pin.name}' is not pinned with == (run scripts/lock)")
        if not pin.hashes:
            found.append(f"{lock.name}: {pin.name} has no --hash (run scripts/lock)")
        by_name.setdefault(pin.name, []).append(pin)
    try:
        from packaging.requirements import Requirement
    except ImportError:  # the system Python in scripts/lock: the digest check above still runs
        Requirement = None  # noqa: N806
    for key, reqs in lists.items():
        for text in reqs:
            if Requirement is None:
                name = normalize(re.split(r"[\s<>=!~;\[]", text, maxsplit=1)[0])
                spec = None
            else:
                parsed = Requirement(text)
                name, spec = normalize(parsed.name), parsed.specifier
            candidates = by_name.get(name, [])
            if not candidates and key == "constraints":
                continue  # a limit on a package nothing needs any more
            if not candidates:
                found.append(f"{lock.name} has no pin for '{text}': run scripts/lock")
            elif spec is not None and not any(spec.contains(p.version, prereleases=True) for p in candidates):
                versions = ", ".join(p.version for p in candidates)
                found.append(f"{lock.name} pins {name} {versions}, outside '{text}': run scripts/lock")
    return found


def finish(new: Path, out: Path, pyproject: Path = PYPROJECT) -> None:
    """uv's output with the header (including the digest the check compares)."""
    body = new.read_text(encoding="utf-8")
    body = "\n".join(line for line in body.splitlines() if not line.startswith("#")).lstrip("\n")
    out.write_text(
        f"{HEADER}{DIGEST_KEY} {digest(requirement_lists(pyproject))}\n{body}\n", encoding="utf-8"
    )


LOCK_PYTHON = "3.11"  # scripts/lock resolves for this Python (--python-version)


def marker_environment(platform: str) -> dict[str, str]:
    """PEP 508 marker values for a wheel platform tag, so the lock's markers are read for that platform
    (pip would read them for the machine it runs on)."""
    if platform.startswith("macosx_"):
        machine = "arm64" if platform.endswith("arm64") else "x86_64"
        system = ("darwin", "Darwin", "posix", machine)
    elif platform.startswith("win"):
        system = ("win32", "Windows", "nt", "AMD64" if platform.endswith("amd64") else "ARM64")
    elif "linux" in platform:
        system = ("linux", "Linux", "posix", platform.split("_", 3)[-1])
    else:
        raise ValueError(f"unknown platform tag {platform!r}")
    sys_platform, platform_system, os_name, machine = system
    return {
        "sys_platform": sys_platform, "platform_system": platform_system, "os_name": os_name,
        "platform_machine": machine, "python_version": LOCK_PYTHON, "python_full_version": f"{LOCK_PYTHON}.0",
        "implementation_name": "cpython", "platform_python_implementation": "CPython",
        "platform_release": "", "platform_version": "", "extra": "",
    }  # fmt: skip


def pins_for(platform: str, lock: Path = LOCK) -> list[Pin]:
    """The lock's pins whose environment marker holds on `platform`."""
    try:
        from packaging.markers import Marker
    except ImportError:  # a fresh venv (the macOS build, before anything is installed): pip's own copy
        from pip._vendor.packaging.markers import Marker
    env = marker_environment(platform)
    _header, pins = parse_lock(lock.read_text(encoding="utf-8"))
    return [p for p in pins if not p.marker or Marker(p.marker).evaluate(env)]


def wheels(platform: str, dest: Path, lock: Path = LOCK) -> Path:
    """Download the locked wheels for `platform` into dest (pip checks every hash); returns the
    requirements file (dest/requirements.txt) to install them with --no-index --find-links dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for stale in dest.glob("*.whl"):  # from an older lock: the folder must hold exactly this set
        stale.unlink()
    req = dest / "requirements.txt"
    req.write_text(
        "".join(f"{p.name}=={p.version} " + " ".join(f"--hash={h}" for h in p.hashes) + "\n"
                for p in pins_for(platform, lock)),
        encoding="utf-8",
    )  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--require-hashes", "--no-deps",
         "--only-binary=:all:", "--platform", platform, "--python-version", LOCK_PYTHON,
         "--implementation", "cp", "-d", str(dest), "-r", str(req)],
        check=True,
    )  # fmt: skip
    return req


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "build-requires":
        print("\n".join(requirement_lists()["build-system"]))
        return 0
    if command == "finish" and len(argv) == 3:
        finish(Path(argv[1]), Path(argv[2]))
        return 0
    if command == "wheels":
        parser = argparse.ArgumentParser(prog="lockfile.py wheels")
        parser.add_argument("--platform", required=True, help="a wheel platform tag: macosx_13_0_arm64")
        parser.add_argument("--dest", required=True, type=Path)
        args = parser.parse_args(argv[1:])
        try:
            print(wheels(args.platform, args.dest))
        except subprocess.CalledProcessError:
            print(f"error: the locked set has no wheel for {args.platform} (pip's message above): limit "
                  "that package in packaging/lock-constraints.txt and run scripts/lock", file=sys.stderr)
            return 1
        return 0
    if command == "check":
        found = problems()
        for line in found:
            print(f"error: {line}", file=sys.stderr)
        if not found:
            print(f"{LOCK.name} agrees with pyproject.toml")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
