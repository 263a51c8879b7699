"""How a benchmark hands its headline numbers to `bench/run_all.py` (and so to bench/results.md).

Each benchmark still prints its own detailed table for a person; in addition it
calls `report()` once per target, which prints one tagged JSON line. The runner
collects those lines from every benchmark into a single table, so the numbers
in the table are exactly the ones the scripts measured (no copying by hand).
"""

from __future__ import annotations

import json

PREFIX = "@@bench-result "


def report(target: str, measured: str, goal: str, met: bool | None, note: str = "") -> None:
    """One row of the results table: `met` None means "no pass/fail target, for information"."""
    row = {"target": target, "measured": measured, "goal": goal, "met": met, "note": note}
    print(PREFIX + json.dumps(row), flush=True)


def parse(line: str) -> dict[str, object] | None:
    """The row in a line printed by `report`, or None for any other line."""
    if not line.startswith(PREFIX):
        return None
    return json.loads(line[len(PREFIX) :])


def spread(values: list[float], *, scale: float = 1.0, unit: str = "", digits: int = 0) -> str:
    """'range LO–HI unit' over the runs: every row of the table shows how much a re-run may move."""
    lo, hi = min(values) * scale, max(values) * scale
    suffix = f" {unit}" if unit else ""
    return f"range {lo:.{digits}f}–{hi:.{digits}f}{suffix}"
