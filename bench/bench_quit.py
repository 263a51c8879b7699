"""How long does Quit take, with the main window open? Prints numbers; asserts nothing.

A clinician who quits expects the program to be gone at once; before this
benchmark existed, Quit waited for the clock check's time server (up to its
2 s timeout) and then could abort the process. Measured: from the moment
Quit is triggered in the child (`time.monotonic()` printed just before
`QApplication.quit()`, what Ctrl+Q does) to the moment the parent sees the
process end (one system-wide clock), with the demo profile's main window open:

* ``answering``: the time server answers at once (the usual case);
* ``silent``: the time server never answers (an offline practice PC, a
  firewall dropping NTP): the check is still waiting when Quit comes;

and, as the baseline measured in the same run, a bare PySide6 QMainWindow
quitting the same way. Runs alternate so machine load affects all equally.
The time server is simulated inside the child (no network is used), the rest
is the real program started through its real command line.

    python bench/bench_quit.py [--runs 7]
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

GOAL_S = 0.3
QUIT_AFTER_MS = 700  # after the main window's first paint: the clock check has started by then

# The real program (`epcs-desktop --demo`, so the main window opens), with the time server simulated.
APP_PROBE = r"""
import sys, time
MODE, DELAY = sys.argv[1], int(sys.argv[2])
import epcs_desktop.core.ntp as ntp
import epcs_desktop.ui.app as gui
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def fake_offset(server, port, timeout, *args, **kwargs):
    if MODE == "silent":
        time.sleep(timeout)  # what an unanswered UDP request costs
        raise ntp.NtpError("The time server did not answer.")
    return 0.0

ntp.sntp_offset = fake_offset
_after = gui._after_first_paint

def after_first_paint(early):
    _after(early)
    def quit_now():
        print("QUIT", time.monotonic(), flush=True)
        QApplication.quit()
    QTimer.singleShot(DELAY, quit_now)

gui._after_first_paint = after_first_paint
from epcs_desktop.cli import main

sys.argv = ["epcs-desktop", "--demo"]
sys.exit(main())
"""

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

DELAY = int(sys.argv[2])

def quit_now():
    print("QUIT", time.monotonic(), flush=True)
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "painted"):
            self.painted = True
            QTimer.singleShot(DELAY, quit_now)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(900, 600)
hook = FirstPaint()
window.installEventFilter(hook)
window.show()
sys.exit(app.exec())
"""


def _quit_time(code: str, mode: str, env: dict[str, str]) -> float:
    """Seconds from Quit in the child to the parent seeing the process end."""
    proc = subprocess.run(
        [sys.executable, "-c", code, mode, str(QUIT_AFTER_MS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    ended = time.monotonic()
    if proc.returncode != 0:
        raise SystemExit(f"{mode}: exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    for line in proc.stdout.splitlines():
        if line.startswith("QUIT "):
            return ended - float(line.split()[1])
    raise SystemExit(f"{mode}: printed no quit time")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="bench-quit-"))
    try:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "EPCS_DESKTOP_DATA_DIR": str(data_dir),
            "EPCS_DESKTOP_LOG_DIR": str(data_dir / "logs"),
            "EPCS_DESKTOP_CLOCK_CHECK": "on",
            "PYTHONPYCACHEPREFIX": str(data_dir / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cases = [("answering", APP_PROBE), ("silent", APP_PROBE), ("bare", BARE)]
        times: dict[str, list[float]] = {name: [] for name, _ in cases}
        _quit_time(APP_PROBE, "answering", env)  # warm-up: bytecode and file cache
        for i in range(args.runs):
            for name, code in cases if i % 2 == 0 else reversed(cases):
                times[name].append(_quit_time(code, name, env))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    print(f"bench_quit: {args.runs} alternating runs each, demo profile's main window open, offscreen")
    print(f"{'case':<34} {'median ms':>9} {'min ms':>9} {'max ms':>9}")
    labels = {
        "answering": "Quit, time server answers",
        "silent": "Quit, time server silent",
        "bare": "bare QMainWindow (baseline)",
    }
    for name, values in times.items():
        print(
            f"{labels[name]:<34} {statistics.median(values) * 1000:9.0f} "
            f"{min(values) * 1000:9.0f} {max(values) * 1000:9.0f}"
        )
    bare = statistics.median(times["bare"])
    for name in ("answering", "silent"):
        med = statistics.median(times[name])
        report(
            f"Quit to process exit, main window open, {labels[name].split(', ')[1]}",
            f"{med * 1000:.0f} ms ({spread(times[name], scale=1000, unit='ms')}; bare window "
            f"{bare * 1000:.0f} ms, {args.runs} runs)",
            f"<= {GOAL_S * 1000:.0f} ms",
            max(times[name]) <= GOAL_S,
            "verdict on the slowest run",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
