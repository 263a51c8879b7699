"""Import speed and memory on large files (issue 23 item 4): link lists of 1,000 to 10,000 lines, and a
19 MB file of "%" lines.

Before: every nickname recomputed the key of every taken name (1k/2k/4k/8k lines: 2/7/30/122 s) and every
non-link line of a text file became one problem string (a 19 MB file of "%" took 3.5 GB). Each case runs
in a fresh child process (`read_import_file` / `ImportSession` + `plan_import`, the path of `import` and
the window), timed inside the child; peak memory is the child's maximum resident size.

    python bench/bench_import.py [--runs 3]
"""

from __future__ import annotations

import argparse
import base64
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report, spread

CHILD = r"""
import json, sys, time
from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.context import MachinePolicy
from epcs_desktop.core.importers import ImportSession, plan_import
from epcs_desktop.core.platform import current
started = time.perf_counter()
session = ImportSession(MachinePolicy(current()))
try:
    session.read_file(sys.argv[1])
    planned = len(plan_import([], session).enrollment.new)
except ImportFileError:
    planned = 0
print(json.dumps({"seconds": time.perf_counter() - started, "planned": planned}))
"""


def _links(path: Path, count: int) -> Path:
    from epcs_desktop.core.otpauth import build_uri, from_secret

    lines = [
        build_uri(from_secret(base64.b32encode(i.to_bytes(20, "big")).decode().rstrip("=")))
        for i in range(1, count + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(path: Path) -> tuple[float, float]:
    """(seconds inside the child, the child's peak resident MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = json.loads(done.stdout)
    return out["seconds"], max(peak_kib, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            f"{n:,} link lines": _links(Path(tmp) / f"{n}.txt", n) for n in (1_000, 2_000, 4_000, 10_000)
        }
        pct = Path(tmp) / "pct.txt"
        pct.write_bytes(b"%\n" * (19 * 1024 * 1024 // 2))
        cases["19 MB of % lines"] = pct
        print(f"{'case':<22} {'median s':>9} {'range s':>16} {'peak MiB':>9}")
        for name, path in cases.items():
            runs = [_run(path) for _ in range(args.runs)]
            seconds = [s for s, _ in runs]
            peak = max(m for _, m in runs)
            median = statistics.median(seconds)
            print(f"{name:<22} {median:>9.2f} {spread(seconds, digits=2, unit='s'):>16} {peak:>9.0f}")
            goal = "under 10 s" if "link" in name else "under 15 s and 300 MiB"
            met = median < 10 if "link" in name else (median < 15 and peak < 300)
            report(
                f"import: {name}",
                f"{median:.2f} s median, {spread(seconds, digits=2, unit='s')}, "
                f"peak {peak:.0f} MiB (RUSAGE_CHILDREN, all children so far)",
                goal,
                met,
            )


if __name__ == "__main__":
    main()
