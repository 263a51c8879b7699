"""One program per user and data folder, tested with real processes: activation, a crashed copy, demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from epcs_desktop.ui.single_instance import server_name

LISTENING = "single-instance server listening"


class Gui:
    """`python -m epcs_desktop` in its own process (offscreen), with its own log folder."""

    def __init__(self, tmp: Path, tag: str, data_dir: Path, *args: str) -> None:
        self.log_dir = tmp / f"logs-{tag}"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "EPCS_DESKTOP_LOG_DIR": str(self.log_dir),
            "EPCS_DESKTOP_LOG_LEVEL": "INFO",
        }
        env.pop("EPCS_DESKTOP_DATA_DIR", None)
        cmd = [sys.executable, "-m", "epcs_desktop", "--data-dir", str(data_dir), *args]
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def log(self) -> str:
        path = self.log_dir / "epcs-desktop.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def wait_for_log(self, text: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.log():
            assert self.proc.poll() is None, f"exited early ({self.proc.returncode}): {self.log()[-800:]}"
            assert time.monotonic() < deadline, f"{text!r} not logged: {self.log()[-800:]}"
            time.sleep(0.05)

    def finish(self, timeout: float = 60.0) -> int:
        return self.proc.wait(timeout)

    def crash(self) -> None:
        self.proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        self.proc.wait(30)


@pytest.fixture
def gui(tmp_path: Path) -> Iterator[object]:
    started: list[Gui] = []

    def start(tag: str, data_dir: Path, *args: str) -> Gui:
        started.append(Gui(tmp_path, tag, data_dir, *args))
        return started[-1]

    yield start
    for g in started:
        if g.proc.poll() is None:
            g.proc.kill()
            g.proc.wait(30)


def test_second_launch_brings_the_first_forward_and_exits(gui, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = gui("first", data)
    first.wait_for_log(LISTENING)

    second = gui("second", data)
    assert second.finish() == 0
    assert "another instance is running; it came forward" in second.log()
    assert LISTENING not in second.log()
    first.wait_for_log("brought forward by another launch")
    assert first.proc.poll() is None  # still running, still the one instance

    # A smoke test, a screenshot-free demo and another data folder are never blocked or redirected.
    assert gui("smoke", data, "--quit-after-first-paint").finish() == 0
    assert gui("demo", data, "--demo", "--quit-after-first-paint").finish() == 0
    other = gui("other", tmp_path / "other-data")
    other.wait_for_log(LISTENING)
    assert first.log().count("brought forward by another launch") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind after a crash")
def test_a_crashed_instance_leaves_no_lock_out(gui, tmp_path: Path) -> None:
    data = tmp_path / "data"
    crashed = gui("crashed", data)
    crashed.wait_for_log(LISTENING)
    crashed.crash()
    assert Path(QDir.tempPath(), server_name(data)).exists()  # the socket file outlived its process

    successor = gui("successor", data)
    successor.wait_for_log(LISTENING)  # nobody answered on the old socket, so it took over the name
    third = gui("third", data)
    assert third.finish() == 0
    successor.wait_for_log("brought forward by another launch")


def test_server_name_is_per_user_and_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) == server_name(tmp_path / "x" / ".." / "a")
    assert server_name(a) != server_name(b)
    assert str(tmp_path) not in server_name(a) and server_name(a).startswith("epcs-desktop-")
