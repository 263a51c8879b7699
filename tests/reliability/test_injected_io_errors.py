"""EIO and ENOSPC at every write, fsync, rename, unlink and truncate: the profile always opens, nothing lost.

Issue 23 item 1: one I/O error during `profile passwd` or the Argon2id upgrade used to destroy the
profile (the database re-keyed, then its key file rolled back or deleted). Here every such call
of re-key, upgrade, create, restore, import and HOTP advance fails once, in its own run
(`faults.py`). After each run the profile must open with the old or the new password, hold every
device it held before, pass the integrity check, and leave no extra file behind.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.profile_support import make_pbkdf2, profile_on_disk

from epcs_desktop.core import profilekey
from epcs_desktop.core.errors import DamagedProfileError, WrongPasswordError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import parse_uri
from profile_support import store_at

from .faults import NAME, NEW, OLD, Point, count_calls, one_line_error, points, run_child

pytestmark = pytest.mark.slow

DEVICES = 3


HOTP_URI = "otpauth://hotp/Example:c?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5&issuer=Example"
BASE = [f"Device {i}" for i in range(DEVICES)]


def _template(tmp_path: Path, op: str) -> Path:
    store, path = profile_on_disk(tmp_path / "template", OLD, name=NAME, devices=DEVICES)
    if op == "upgrade":
        make_pbkdf2(path, OLD)
    if op == "hotp":
        with store.open(NAME, OLD) as profile:
            profile.add_device("Counter", DeviceOption.GENERATOR_HERE, parse_uri(HOTP_URI))
    if op == "create":
        shutil.rmtree(store.profiles_dir)
    return store.data_dir


def _fresh(template: Path, where: Path) -> Path:
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(template, where)
    return where


def _opens_whole(data_dir: Path, point: Point | str, devices: list[str] = BASE, maybe: str = "") -> str:
    """The password that opens the profile now (old or new); `devices` there (and perhaps `maybe`, the
    one the interrupted operation added); integrity intact; no stray file."""
    store = store_at(data_dir)
    opened = None
    for password in (NEW, OLD):
        try:
            profile = store.open(NAME, password)
        except (WrongPasswordError, DamagedProfileError):
            continue
        opened = password
        with profile:
            names = sorted(d.nickname for d in profile.devices())
            assert names in (sorted(devices), sorted([*devices, maybe])), f"{point}: {names}"
            assert [tuple(r) for r in profile.vault.query("PRAGMA integrity_check")] == [("ok",)], point
        break
    assert opened is not None, f"{point}: neither the old nor the new password opens the profile"
    left = sorted(p.name for p in (data_dir / "profiles").iterdir())
    assert left == [f"{NAME}.epcs", f"{NAME}.epcs.kdf"], f"{point}: left behind {left}"
    entries = profilekey.read_key_file(data_dir / "profiles" / f"{NAME}.epcs")
    assert entries is not None and len(entries) == 1, point
    return opened


@pytest.mark.parametrize("op", ["passwd", "upgrade"])
def test_every_io_error_in_rekey_and_upgrade_leaves_a_profile_that_opens(tmp_path: Path, op: str) -> None:
    template = _template(tmp_path, op)
    counts = count_calls(op, _fresh(template, tmp_path / "count"))
    assert counts.get("pwrite64", 0) > 0 and counts.get("fsync", 0) > 0, counts
    failures = []
    results: dict[str, int] = {}
    for point in points(counts):
        data_dir = _fresh(template, tmp_path / "run")
        proc = run_child(op, data_dir, inject=point)
        try:
            one_line_error(proc)
            opened = _opens_whole(data_dir, point)
        except AssertionError as exc:
            failures.append(f"{point}: {str(exc).splitlines()[0][:300]}")
            continue
        key = f"exit {proc.returncode}, opens with {'new' if opened == NEW else 'old'}"
        results[key] = results.get(key, 0) + 1
    print(f"{op}: {sum(counts.values())} calls {counts}; outcomes {results}")
    assert not failures, "\n".join(failures)


EVERY_CALL = {
    "restore": (BASE, ""),
    "import": (BASE, "Imported one"),
    "hotp": ([*BASE, "Counter"], ""),
}


@pytest.mark.parametrize("op", sorted(EVERY_CALL))
def test_every_io_error_in_restore_import_and_hotp_loses_nothing(tmp_path: Path, op: str) -> None:
    """Every call of each kind, EIO and ENOSPC: the devices held before are all there,
    and a HOTP counter never goes back (a code once shown is never shown again)."""
    template = _template(tmp_path, op)
    counts = count_calls(op, _fresh(template, tmp_path / "count"))
    devices, maybe = EVERY_CALL[op]
    failures = []
    for point in points(counts):
        data_dir = _fresh(template, tmp_path / "run")
        proc = run_child(op, data_dir, inject=point)
        try:
            one_line_error(proc)
            _opens_whole(data_dir, point, devices, maybe)
            if op == "hotp":
                with store_at(data_dir).open(NAME, OLD) as profile:
                    otp = profile.device("Counter").otp
                    assert otp is not None and otp.counter in (5, 6), f"{point}: counter {otp.counter}"
        except AssertionError as exc:
            failures.append(f"{point}: {str(exc).splitlines()[0][:300]}")
    assert not failures, "\n".join(failures)


def test_io_errors_in_create_never_leave_a_profile_that_blocks_its_name(tmp_path: Path) -> None:
    """Issue 23 item 2: after a failed or killed create the name is free again or the profile opens."""
    template = _template(tmp_path, "create")
    counts = count_calls("create", _fresh(template, tmp_path / "count"))
    failures = []
    for point in points(counts, errors=("EIO", "ENOSPC", "SIGKILL")):
        data_dir = _fresh(template, tmp_path / "run")
        proc = run_child("create", data_dir, inject=point)
        store = store_at(data_dir)
        try:
            one_line_error(proc)
            if store.exists(NAME):
                _opens_whole(data_dir, point, [])
            else:
                store.create(NAME, OLD).close()  # the name is free again
                _opens_whole(data_dir, point, [])
        except Exception as exc:  # any failure here is the finding
            failures.append(f"{point}: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
    assert not failures, "\n".join(failures)


def test_cli_passwd_reports_an_io_error_as_such_never_as_busy(tmp_path: Path) -> None:
    """Issue 23 items 1 and 12: `strace -e inject=fsync:error=EIO:when=N epcs-desktop profile passwd` was
    exit 6 or "busy" (exit 4) with the profile lost. Every fsync of the real command fails once."""
    import os
    import subprocess
    import sys

    from .faults import strace_or_skip

    exe = strace_or_skip()
    template = _template(tmp_path, "passwd")
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env.update(
        PYTHONPATH=src,
        PYTHONDONTWRITEBYTECODE="1",
        EPCS_DESKTOP_TEST_FAST_KDF="1",
        EPCS_DESKTOP_PASSWORD=OLD,
        EPCS_DESKTOP_NEW_PASSWORD=NEW,
        EPCS_DESKTOP_LOG_DIR=str(tmp_path / "logs"),
    )

    def passwd(data_dir: Path, *strace_args: str) -> subprocess.CompletedProcess[str]:
        env["EPCS_DESKTOP_DATA_DIR"] = str(data_dir)
        cmd = [
            exe,
            "-f",
            "-qq",
            *strace_args,
            sys.executable,
            "-m",
            "epcs_desktop",
            "profile",
            "passwd",
            NAME,
        ]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)

    summary = tmp_path / "count.txt"
    counted = passwd(_fresh(template, tmp_path / "count"), "-c", "-o", str(summary), "-e", "trace=fsync")
    assert counted.returncode == 0, counted.stderr
    fsyncs = next(
        int(ln.split()[3]) for ln in summary.read_text().splitlines() if ln.strip().endswith("fsync")
    )
    failures = []
    for n in range(1, fsyncs + 1):
        data_dir = _fresh(template, tmp_path / "run")
        proc = passwd(
            data_dir, "-o", os.devnull, "-e", "trace=fsync", "-e", f"inject=fsync:error=EIO:when={n}"
        )
        lines = proc.stderr.strip().splitlines()
        try:
            assert proc.returncode in (0, 6), f"exit {proc.returncode}: {proc.stderr}"
            assert proc.returncode == 0 or (lines and lines[-1].startswith("error: ")), proc.stderr
            assert (
                "busy" not in proc.stderr and "PRAGMA" not in proc.stderr and "Traceback" not in proc.stderr
            )
            _opens_whole(data_dir, f"cli fsync#{n}")
        except AssertionError as exc:
            failures.append(f"fsync#{n}: {str(exc).splitlines()[0][:300]}")
    assert not failures, "\n".join(failures)
