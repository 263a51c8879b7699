"""Time as an injected dependency.

TOTP is a function of time, so every code path that needs "now" takes a
`Clock`. Production uses `SystemClock`; `epcs-desktop code --at T` and the
tests use `FixedClock`. Following KeePassXC, no code reads `time.time()`
directly.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch (UTC), as a float."""
        ...


class SystemClock:
    """The computer's wall clock (optionally corrected by a measured offset)."""

    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset

    def now(self) -> float:
        return time.time() + self.offset


class FixedClock:
    """A clock that says what it is told: `--at` on the CLI, and tests."""

    def __init__(self, t: float) -> None:
        self.t = float(t)

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
