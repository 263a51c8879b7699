"""Front-desk timings: guide re-tick, practice code check, activity CSV export, setup sheet PDF.

Prints numbers; asserts nothing (speed targets live here, not in tests).
Run: QT_QPA_PLATFORM=offscreen python bench/bench_frontdesk.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from epcs_desktop.core.activity_export import write_csv
from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.guide import ChangeDeviceGuide, state_store
from epcs_desktop.core.practice import PracticeSession
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.ui.frontdesk import save_setup_sheet


def timed(label: str, fn: Callable[[], object], repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    print(f"{label:<52} median {statistics.median(runs):8.2f} ms  max {max(runs):8.2f} ms  (n={repeat})")


def main() -> None:
    _app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore(AppContext.for_this_machine(Path(tmp) / "d"))
        profile = store.create("Bench", "bench password 1")
        for i in range(20):
            profile.add_device(f"Phone {i}", DeviceOption.GENERATOR_OTHER)
        for i in range(2000):
            profile.log_activity("note", f"entry {i}")
        guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(1.7e9))
        guide.start()
        timed("guide status (20 devices, real vault)", guide.status, 200)
        session = PracticeSession(FixedClock(1.7e9))
        timed("practice check, wrong code (scans +/-20 periods)", lambda: session.check("000000"), 200)
        entries = profile.activity()
        out = Path(tmp) / "a.csv"
        timed(f"activity CSV export ({len(entries)} entries)", lambda: write_csv(entries, out), 10)
        pdf = Path(tmp) / "s.pdf"
        timed("setup sheet PDF (20 devices)", lambda: save_setup_sheet(profile, pdf, profile.clock), 5)
        print(f"setup sheet size: {pdf.stat().st_size} bytes")
        profile.close()


if __name__ == "__main__":
    main()
