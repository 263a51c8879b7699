"""No crash dump of this process's memory, on any OS: the unlocked window holds every secret.

Why: a crash of the unlocked window once wrote a 90 MB core file with every TOTP secret in it ten
times (issue 23 item 8), readable by anyone who later reads the disk or the crash reporter's
upload. So the first thing `epcs_desktop.cli.main` (the CLI and the window) does is:

* Linux: ``RLIMIT_CORE`` 0 (soft and hard: a child cannot raise it again) and
  ``prctl(PR_SET_DUMPABLE, 0)``, which also stops systemd-coredump / apport (they honour it) and
  other processes of the same user from attaching a debugger to read memory.
* macOS: ``RLIMIT_CORE`` 0 (the kernel writes /cores/core.PID only when the limit allows).
* Windows: ``SetErrorMode`` so no fault dialog waits with the process alive, ``WerSetFlags(NOHEAP)``
  so a Windows Error Reporting dump holds no heap (where the secrets are), and, for the packaged
  program only, ``WerAddExcludedApplication`` for its own executable (never python.exe, which
  would affect every Python program of the user).

Every OS facility is passed in (tests substitute each OS's facts, as in core/platform.py); a step
that fails is logged and skipped: the program must start even where one is unavailable.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
SEM_NOOPENFILEERRORBOX = 0x8000
WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1


def _resource() -> Any:
    import resource  # POSIX only

    return resource


def _libc_prctl() -> Callable[..., int]:
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return libc.prctl


def _windll(name: str) -> Any:
    import ctypes

    return getattr(ctypes.windll, name)  # type: ignore[attr-defined]  # Windows only


def disable_core_dumps(
    system: str | None = None,
    *,
    resource: Any = None,
    prctl: Callable[..., int] | None = None,
    kernel32: Any = None,
    wer: Any = None,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """Turn crash dumps off for this process; the steps that took effect (for the log and the tests)."""
    system = sys.platform if system is None else system
    done: list[str] = []

    def step(name: str, action: Callable[[], object]) -> None:
        try:
            action()
            done.append(name)
        except Exception as exc:  # an unavailable facility must not stop the program
            logger.warning("crash dumps: %s not applied (%s)", name, type(exc).__name__)

    if system.startswith("linux") or system == "darwin":
        res = resource if resource is not None else _resource()
        step("RLIMIT_CORE=0", lambda: res.setrlimit(res.RLIMIT_CORE, (0, 0)))
    if system.startswith("linux"):
        call = prctl if prctl is not None else _libc_prctl()

        def not_dumpable() -> None:
            if call(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                raise OSError("prctl(PR_SET_DUMPABLE) failed")

        step("PR_SET_DUMPABLE=0", not_dumpable)
    if system == "win32":
        k32 = kernel32 if kernel32 is not None else _windll("kernel32")
        step(
            "SetErrorMode",
            lambda: k32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX),
        )
        werdll = wer if wer is not None else _windll("wer")

        def no_heap() -> None:
            if werdll.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP) != 0:  # S_OK
                raise OSError("WerSetFlags failed")

        step("WerSetFlags(NOHEAP)", no_heap)
        is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
        if is_frozen:
            exe = executable if executable is not None else sys.executable

            def exclude() -> None:
                if werdll.WerAddExcludedApplication(exe, False) != 0:
                    raise OSError("WerAddExcludedApplication failed")

            step("WerAddExcludedApplication", exclude)
    logger.debug("crash dumps off: %s", ", ".join(done) or "nothing applicable")
    return done
