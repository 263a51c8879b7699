"""Helpers for the reliability tests: child processes that really write profiles, and how to judge the result.

Every test here is bounded (a fixed number of rounds, short timeouts) and runs well under a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from profile_support import store_at

PASSWORD = "reliability-pass-1"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

# A child that opens a profile and adds devices until told to stop (or killed), printing each
# nickname only after add_device() returned, i.e. after the transaction committed.
WRITER = r"""
import os
import sys
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.errors import VaultLockedError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import from_secret
from epcs_desktop.core.profiles import ProfileStore

data_dir, name, prefix, count, busy = sys.argv[1:6]
password = os.environ["RELIABILITY_PASSWORD"]  # never in argv
secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # test secret; never passed in argv
store = ProfileStore(AppContext.for_this_machine(data_dir), busy_timeout=float(busy))
try:
    profile = store.open(name, password)
    print("ready", flush=True)
    for i in range(int(count)):
        nickname = f"{prefix} {i}"
        if i % 2:
            profile.add_device(nickname, DeviceOption.PUSH)
        else:
            profile.add_device(nickname, DeviceOption.GENERATOR_HERE, from_secret(secret, account=nickname))
        print(nickname, flush=True)
    profile.close()
except VaultLockedError as exc:
    print(f"LOCKED {exc}", flush=True)
    sys.exit(4)
"""


def writer_command(
    data_dir: Path, name: str, prefix: str, count: int, busy_timeout: float = 5.0
) -> list[str]:
    return [
        sys.executable,
        "-c",
        WRITER,
        str(data_dir),
        name,
        prefix,
        str(count),
        str(busy_timeout),
    ]


def start_writer(*args, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen(
        writer_command(*args, **kwargs),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "RELIABILITY_PASSWORD": PASSWORD},
    )


def completed_lines(stdout: str) -> list[str]:
    """Lines the child finished writing (a line cut by SIGKILL has no newline)."""
    return stdout.split("\n")[:-1]


@pytest.fixture
def profile_store(tmp_path: Path):

    store = store_at(tmp_path / "data")
    store.create("Dr Reliable", PASSWORD).close()
    return store


def integrity_ok(profile) -> bool:
    rows = profile.vault.query("PRAGMA integrity_check")
    return [tuple(r) for r in rows] == [("ok",)]
