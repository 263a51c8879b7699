"""Real I/O errors injected into a child process at one system call: `strace -e inject=…`.

Why strace: the kernel really returns EIO/ENOSPC to the process at that call (SQLite, Python and
the C library see exactly what a failing disk gives them); nothing in the program is patched.
A first run counts the calls of each kind the operation makes; then each numbered call of each
kind fails once, in its own run, and the test judges the files that run left behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# What "a write, fsync, rename, unlink or truncate" is at the system-call level on Linux.
SYSCALLS = (
    "write",
    "pwrite64",
    "fsync",
    "fdatasync",
    "rename",
    "renameat",
    "renameat2",
    "unlink",
    "unlinkat",
    "truncate",
    "ftruncate",
)
ERRORS = ("EIO", "ENOSPC")

OLD = "old-password-1"
NEW = "new-password-22"
NAME = "Dr Fault"

# The child: one operation, in a fresh interpreter, nothing in argv but the operation and the folder.
CHILD = r"""
import os, sys
from pathlib import Path
op, data_dir, extra = sys.argv[1], sys.argv[2], sys.argv[3]
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.profiles import ProfileStore
store = ProfileStore(AppContext.for_this_machine(data_dir))
old, new = os.environ["FAULT_OLD"], os.environ["FAULT_NEW"]
name = os.environ["FAULT_NAME"]
if op == "passwd":
    p = store.open(name, old)
    p.change_password(new)
    p.close()
elif op == "upgrade":
    store.open(name, old).close()
elif op == "create":
    store.create(name, old).close()
elif op == "hotp":
    p = store.open(name, old)
    p.next_hotp_code(next(d.id for d in p.devices() if d.nickname == "Counter"))
    p.close()
elif op == "restore":
    p = store.open(name, old)
    p.apply_snapshot(p.snapshot(), "replace")
    p.close()
elif op == "import":
    from epcs_desktop.core.erx import DeviceOption
    from epcs_desktop.core.otpauth import parse_uri
    p = store.open(name, old)
    uri = "otpauth://totp/Imported:x?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ&issuer=Imported"
    p.add_devices([("Imported one", DeviceOption.GENERATOR_HERE, parse_uri(uri))])
    p.close()
# no output: a failing write to stdout would be the child's fault, not the program's
"""


@dataclass(frozen=True)
class Point:
    syscall: str
    nth: int
    error: str

    def __str__(self) -> str:
        return f"{self.syscall}#{self.nth}={self.error}"


def strace_or_skip() -> str:
    exe = shutil.which("strace")
    if exe is None or sys.platform != "linux":
        pytest.skip("needs Linux and strace (scripts/common.sh TEST_DEBS installs it)")
    probe = subprocess.run([exe, "-qq", "-f", "-e", "trace=none", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here (ptrace not permitted): {probe.stderr.decode()[:200]}")
    return exe


def _env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env.update(
        PYTHONPATH=src,
        PYTHONDONTWRITEBYTECODE="1",  # a .pyc write would shift every count
        EPCS_DESKTOP_TEST_FAST_KDF="1",
        FAULT_OLD=OLD,
        FAULT_NEW=NEW,
        FAULT_NAME=NAME,
    )
    return env


def run_child(op: str, data_dir: Path, extra: str = "", inject: Point | None = None):
    """Run `op` under strace (counting, or failing the one call `inject`): the CompletedProcess."""
    exe = strace_or_skip()
    cmd = [exe, "-f", "-qq", "-o", os.devnull, "-e", "trace=" + ",".join(SYSCALLS)]
    if inject is not None:
        how = "signal=SIGKILL" if inject.error == "SIGKILL" else f"error={inject.error}"
        cmd += ["-e", f"inject={inject.syscall}:{how}:when={inject.nth}"]
    cmd += [sys.executable, "-c", CHILD, op, str(data_dir), extra]
    return subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=120, check=False)


_COUNT = re.compile(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$")


def count_calls(op: str, data_dir: Path, extra: str = "") -> dict[str, int]:
    """{syscall: how many times `op` makes it} from one clean run (`strace -c`)."""
    exe = strace_or_skip()
    summary = data_dir.parent / "strace-count.txt"
    cmd = [exe, "-f", "-qq", "-c", "-o", str(summary), "-e", "trace=" + ",".join(SYSCALLS)]
    cmd += [sys.executable, "-c", CHILD, op, str(data_dir), extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    counts: dict[str, int] = {}
    for line in summary.read_text().splitlines():
        m = _COUNT.match(line)
        if m and m.group(2) in SYSCALLS:
            counts[m.group(2)] = int(m.group(1))
    summary.unlink()
    return counts


def points(counts: dict[str, int], every: int = 1, errors: tuple[str, ...] = ERRORS) -> list[Point]:
    """Every `every`-th call of each kind (1: all of them; the last call is always included), failing
    with each of `errors` ("SIGKILL": the process is killed at that call instead)."""
    out = []
    for syscall, n in sorted(counts.items()):
        chosen = set(range(1, n + 1, every)) | {n}
        out += [Point(syscall, i, err) for i in sorted(chosen) for err in errors]
    return out


def one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    """A failed run never shows a traceback of a crash the program did not handle cleanly (the child
    runs the core directly, so an EpcsError reaching the top is acceptable; anything else is not)."""
    if proc.returncode in (0, -9, 137):  # 137: strace reports the child's SIGKILL as 128 + 9
        return
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    assert last.startswith("epcs_desktop.core.errors."), proc.stderr[-2000:]
