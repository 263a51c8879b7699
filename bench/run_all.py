"""Run every benchmark and print one results table (markdown); also write it to bench/results.md.

Why one table: the targets (start-up, unlock, ticking, idle CPU, memory,
scanning) are judged together, on the same machine, in the same run, each
against its own baseline measured in that run. The table says when and where
it was measured and how loaded the shared machine was, because on a 2-core box
shared with other jobs absolute milliseconds move by tens of percent.

Benchmarks never fail on a slow number: this exits 1 only if a benchmark crashed.

    python bench/run_all.py [--quick] [--only startup,ticking] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _results import parse  # noqa: E402

# name -> (script, full-run arguments, --quick arguments)
BENCHES: dict[str, tuple[str, list[str], list[str]]] = {
    "startup": ("bench_startup.py", ["--runs", "20"], ["--runs", "4"]),
    "unlock": ("bench_unlock.py", ["--runs", "7"], ["--runs", "2"]),
    "quit": ("bench_quit.py", ["--runs", "7"], ["--runs", "2"]),
    "guessing": ("bench_guessing.py", ["--seconds", "10"], ["--seconds", "3"]),
    "ticking": ("bench_ticking.py", ["--ticks", "30"], ["--ticks", "10"]),
    "idle": ("bench_idle.py", ["--seconds", "60"], ["--seconds", "10"]),
    "qr": ("bench_qr.py", ["--set", "heldout", "--count", "20"], ["--set", "heldout", "--count", "3"]),
    "scanner": ("bench_scanner.py", [], []),
    "import": ("bench_import.py", ["--runs", "3"], ["--runs", "1"]),
    # real photos (../shared/qr-photos-dev/, skipped when absent) and generated webcam sequences, each
    # against zxing-cpp alone (and zbar, OpenCV) in the same run
    "qr_photos": ("bench_qr_photos.py", [], []),
    "qr_sequences": ("bench_qr_sequences.py", ["--per-kind", "3"], ["--per-kind", "1"]),
}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _versions() -> str:
    try:
        import PySide6
        from PySide6 import QtCore

        qt = f"Qt {QtCore.qVersion()}, PySide6 {PySide6.__version__}"
    except ImportError:
        qt = "Qt not importable"
    return f"Python {platform.python_version()}, {qt}"


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def _run(name: str, script: str, args: list[str]) -> tuple[list[dict[str, object]], bool]:
    """Run one benchmark, echo its own output to stderr, and return its result rows."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, str(HERE / script), *args]
    print(f"==> {name}: {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=HERE.parent)
    rows: list[dict[str, object]] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        row = parse(line)
        if row is None:
            sys.stderr.write(line)
        else:
            rows.append({"bench": name, **row})
    ok = proc.wait() == 0
    if not ok:
        crashed = {"target": f"{script} crashed", "measured": "-", "goal": "-", "met": False}
        rows.append({"bench": name, **crashed})
    return rows, ok


def _verdict(met: object) -> str:
    return {True: "met", False: "**not met**"}.get(met, "info")  # type: ignore[call-overload]


def table(rows: list[dict[str, object]], started: dt.datetime, load_before: str, load_after: str) -> str:
    lines = [
        f"# Benchmark results — {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- Machine: {_cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Software: {_versions()}",
        f"- Load average (1/5/15 min) before: {load_before}; after: {load_after} "
        "(the machine is shared; treat absolute times as ±30 %)",
        "- Offscreen Qt platform; each target is compared with a baseline measured in the same run.",
        "",
        "| bench | target | measured | goal | verdict | note |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['bench']} | {r['target']} | {r['measured']} | {r['goal']} | {_verdict(r.get('met'))} "
            f"| {r.get('note', '')} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs (a smoke check, not for reporting)")
    ap.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(BENCHES)}")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results.md")
    args = ap.parse_args()
    chosen = [n for n in args.only.split(",") if n] or list(BENCHES)
    unknown = [n for n in chosen if n not in BENCHES]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")

    started = dt.datetime.now(dt.UTC)
    load_before = _load()
    rows: list[dict[str, object]] = []
    all_ok = True
    for name in chosen:
        script, full, quick = BENCHES[name]
        got, ok = _run(name, script, quick if args.quick else full)
        rows += got
        all_ok &= ok
    text = table(rows, started, load_before, _load())
    if args.quick:
        text += "\n_Quick run (--quick): fewer samples than a reporting run._\n"
    print(text)
    if not args.no_write:
        (HERE / "results.md").write_text(text, encoding="utf-8")
        print(f"written to {HERE / 'results.md'}", file=sys.stderr)
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
