"""Crash dumps are off from the first line of `main`, with each OS's facts substituted (issue 23 item 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from epcs_desktop.core import coredumps


class FakeResource:
    RLIMIT_CORE = 4

    def __init__(self) -> None:
        self.calls: list[tuple[int, tuple[int, int]]] = []

    def setrlimit(self, which: int, limits: tuple[int, int]) -> None:
        self.calls.append((which, limits))


class FakeWin:
    def __init__(self, result: int = 0) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.result = result

    def __getattr__(self, name: str):
        def call(*args: object) -> int:
            self.calls.append((name, args))
            return self.result

        return call


def test_linux_sets_no_core_limit_and_not_dumpable() -> None:
    res, prctl_calls = FakeResource(), []
    done = coredumps.disable_core_dumps("linux", resource=res, prctl=lambda *a: prctl_calls.append(a) or 0)
    assert res.calls == [(FakeResource.RLIMIT_CORE, (0, 0))]
    assert prctl_calls == [(coredumps.PR_SET_DUMPABLE, 0, 0, 0, 0)]
    assert done == ["RLIMIT_CORE=0", "PR_SET_DUMPABLE=0"]


def test_macos_sets_no_core_limit_only() -> None:
    res = FakeResource()
    done = coredumps.disable_core_dumps("darwin", resource=res, prctl=lambda *a: pytest.fail("no prctl"))
    assert res.calls == [(FakeResource.RLIMIT_CORE, (0, 0))] and done == ["RLIMIT_CORE=0"]


def test_windows_no_fault_box_no_heap_in_reports_and_the_packaged_exe_excluded() -> None:
    k32, wer = FakeWin(), FakeWin()
    exe = r"C:\Program Files\EPCS Desktop\EPCS Desktop.exe"
    done = coredumps.disable_core_dumps("win32", kernel32=k32, wer=wer, executable=exe, frozen=True)
    assert k32.calls == [("SetErrorMode", (0x8003,))]
    assert wer.calls == [("WerSetFlags", (1,)), ("WerAddExcludedApplication", (exe, False))]
    assert done == ["SetErrorMode", "WerSetFlags(NOHEAP)", "WerAddExcludedApplication"]
    # run from source: python.exe is never excluded (that would affect every Python program)
    wer2 = FakeWin()
    coredumps.disable_core_dumps("win32", kernel32=FakeWin(), wer=wer2, executable="python.exe", frozen=False)
    assert [c[0] for c in wer2.calls] == ["WerSetFlags"]


def test_a_failing_step_is_logged_and_the_program_still_starts(caplog) -> None:
    done = coredumps.disable_core_dumps("win32", kernel32=FakeWin(), wer=FakeWin(result=-2147024891))
    assert done == ["SetErrorMode"]
    assert "WerSetFlags(NOHEAP) not applied" in caplog.text


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and prctl on Linux")
def test_the_real_cli_process_cannot_dump_core(tmp_path: Path) -> None:
    """The real `main` in a real process: the hard core limit is 0 and the process is not dumpable."""
    code = (
        "import ctypes, ctypes.util, resource, sys\n"
        "from epcs_desktop.cli import main\n"
        "main(['profile', 'list'])\n"
        "libc = ctypes.CDLL(ctypes.util.find_library('c'))\n"
        "print('LIMIT', resource.getrlimit(resource.RLIMIT_CORE), 'DUMPABLE', libc.prctl(3, 0, 0, 0, 0))\n"
    )
    env = {**os.environ, "EPCS_DESKTOP_DATA_DIR": str(tmp_path), "EPCS_DESKTOP_LOG_DIR": str(tmp_path / "l")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "LIMIT (0, 0) DUMPABLE 0" in out.stdout, out.stdout + out.stderr
