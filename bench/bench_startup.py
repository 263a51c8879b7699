"""How much slower than an empty Qt window does EPCS Desktop start? Prints numbers; asserts nothing.

A clinician opens the app in the middle of signing a prescription, so the
window must appear about as fast as Qt itself allows. Compares, wall clock
from process start to exit:

* ``epcs-desktop --quit-after-first-paint`` with one existing profile (so it
  shows the lock screen, the common case), and
* a bare PySide6 script that shows an empty QMainWindow and quits after its
  first paint the same way,

alternating the two so machine load affects both equally (offscreen
platform). Target: the ratio of the medians is at most 1.3.

It also reports the time from starting the process to the first paint
event of each window (`time.monotonic()` in the parent before the start and
in the child at the paint: one system-wide clock). Process lifetime charges
work done after the paint (opening the log file, teardown) to start-up;
time to first paint is what a clinician waits for. The program's paint is
seen by wrapping `ui.app.FirstPaint.eventFilter` in the child (a benchmark
probe: nothing else of the program is changed, and it runs the real CLI).

Both run with compiled bytecode, as an installed program does (pip and the
packaging compile it): the children get a private PYTHONPYCACHEPREFIX that the
warm-up runs fill, even where PYTHONDONTWRITEBYTECODE is set in the shell.
Without it every one of the program's modules is compiled from source on each
start, which is a cost of an editable checkout, not of the program.

    python bench/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report, spread

TARGET_RATIO = 1.3

BARE = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if not hasattr(self, "painted"):
                self.painted = True
                print("FIRST-PAINT", time.monotonic(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(900, 600)
hook = FirstPaint(window)
window.installEventFilter(hook)
window.show()
sys.exit(app.exec())
"""


# Runs the real `epcs-desktop` entry point, printing the monotonic time of the window's first paint.
APP_PROBE = r"""
import sys
import time

import epcs_desktop.ui.app as gui

_filter = gui.FirstPaint.eventFilter
_seen = []


def _probe(self, watched, event):
    if not _seen and event.type() == event.Type.Paint:
        _seen.append(True)
        print("FIRST-PAINT", time.monotonic(), flush=True)
    return _filter(self, watched, event)


gui.FirstPaint.eventFilter = _probe
from epcs_desktop.cli import main

sys.exit(main(["--quit-after-first-paint"]))
"""


def _app_command() -> list[str]:
    script = Path(sys.executable).with_name("epcs-desktop")
    if script.exists():
        return [str(script), "--quit-after-first-paint"]
    return [sys.executable, "-m", "epcs_desktop", "--quit-after-first-paint"]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds from start to exit, peak resident memory in MiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} exited {proc.returncode}: {err.strip()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024  # Linux: KiB


def _ratios(app: list[float], bare: list[float]) -> list[float]:
    """Ratio of each alternating pair: the spread of the ratio itself over the runs."""
    return [a / b for a, b in zip(app, bare, strict=True)]


def _time_to_paint(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process starts to its window's first paint event."""
    start = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} exited {out.returncode}: {out.stderr.strip()[-500:]}")
    for line in out.stdout.splitlines():
        if line.startswith("FIRST-PAINT "):
            return float(line.split()[1]) - start
    raise SystemExit(f"{cmd[0]} printed no first-paint time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    try:
        # In a child: a process's peak RSS (ru_maxrss) starts at its parent's RSS when it is spawned, so
        # this parent must stay small. Creating a profile runs the memory-hard KDF (~64 MiB): that
        # inflated every peak measured afterwards, the bare window's included.
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from epcs_desktop.core.profiles import ProfileStore;"
                "from epcs_desktop.core.context import AppContext;"
                "store = ProfileStore(AppContext.for_this_machine(Path(sys.argv[1])));"
                "store.create('Dr Bench', 'benchmark password').close()",
                str(data_dir),
            ],
            check=True,
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "EPCS_DESKTOP_DATA_DIR": str(data_dir),
            "EPCS_DESKTOP_LOG_DIR": str(data_dir / "logs"),
        }
        env.pop("EPCS_DESKTOP_PASSWORD", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(data_dir / "pycache")
        app_cmd, bare_cmd = _app_command(), [sys.executable, "-c", BARE]
        _run(app_cmd, env)  # warm the file cache for both before measuring
        _run(bare_cmd, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        app_rss: list[float] = []
        bare_rss: list[float] = []
        for i in range(args.runs):
            pair = [(app_times, app_rss, app_cmd), (bare_times, bare_rss, bare_cmd)]
            for times, rss, cmd in pair if i % 2 == 0 else reversed(pair):
                elapsed, peak = _run(cmd, env)
                times.append(elapsed)
                rss.append(peak)
        probe_cmd = [sys.executable, "-c", APP_PROBE]
        app_paint: list[float] = []
        bare_paint: list[float] = []
        for i in range(args.runs):
            pair = [(app_paint, probe_cmd), (bare_paint, bare_cmd)]
            for times, cmd in pair if i % 2 == 0 else reversed(pair):
                times.append(_time_to_paint(cmd, env))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_med / bare_med
    print(f"bench_startup: {args.runs} alternating runs each, offscreen, lock screen of an existing profile")
    print(f"{'program':<46} {'median ms':>9} {'min ms':>9} {'max ms':>9}")
    for name, times in (
        ("epcs-desktop --quit-after-first-paint", app_times),
        ("bare PySide6 QMainWindow", bare_times),
    ):
        print(
            f"{name:<46} {statistics.median(times) * 1000:9.0f} "
            f"{min(times) * 1000:9.0f} {max(times) * 1000:9.0f}"
        )
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(f"ratio of medians: {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    paint_app, paint_bare = statistics.median(app_paint), statistics.median(bare_paint)
    paint_ratio = paint_app / paint_bare
    print(
        f"time to first paint, median of {args.runs}: {paint_app * 1000:.0f} vs {paint_bare * 1000:.0f} ms "
        f"= {paint_ratio:.2f}x (process start to the window's first paint event)"
    )
    rss_app, rss_bare = statistics.median(app_rss), statistics.median(bare_rss)
    rss_ratio = rss_app / rss_bare
    print(
        f"peak RSS, median of {args.runs}: {rss_app:.1f} vs {rss_bare:.1f} MiB = {rss_ratio:.2f}x "
        f"(app {spread(app_rss, unit='MiB', digits=1)}, bare {spread(bare_rss, unit='MiB', digits=1)})"
    )
    report(
        "start-up: `--quit-after-first-paint`, process start to exit (lock screen)",
        f"{ratio:.2f}x bare ({app_med * 1000:.0f} vs {bare_med * 1000:.0f} ms median; ratio per run "
        f"{spread(_ratios(app_times, bare_times), digits=2)}; "
        f"app {spread(app_times, scale=1000, unit='ms')}, "
        f"bare {spread(bare_times, scale=1000, unit='ms')}; {args.runs} runs)",
        f"<= {TARGET_RATIO}x bare QMainWindow",
        ratio <= TARGET_RATIO,
        "the issue's measure",
    )
    report(
        "start-up: process start to the first paint event (lock screen)",
        f"{paint_ratio:.2f}x bare ({paint_app * 1000:.0f} vs {paint_bare * 1000:.0f} ms median; "
        f"ratio per run {spread(_ratios(app_paint, bare_paint), digits=2)}; {args.runs} runs)",
        f"<= {TARGET_RATIO}x bare QMainWindow",
        paint_ratio <= TARGET_RATIO,
        "what the clinician waits for; excludes the log file and exit after the paint",
    )
    report(
        "peak memory (max RSS) of the same start, lock screen",
        f"{rss_ratio:.2f}x bare ({rss_app:.1f} vs {rss_bare:.1f} MiB median; app "
        f"{spread(app_rss, unit='MiB', digits=1)}, bare {spread(bare_rss, unit='MiB', digits=1)})",
        f"<= {TARGET_RATIO}x bare QMainWindow",
        rss_ratio <= TARGET_RATIO,
        "",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
