"""One heartbeat for every countdown in the program.

Each view that shows a code could own a timer, but timers drift apart and each
wakes the CPU on its own. Instead one `Ticker` fires just after every
wall-clock second boundary (of the injected Clock) and every model listens to
it; the displayed code therefore changes within a few milliseconds after a
TOTP period ends. The timer is single-shot and re-armed on each tick for the
time left to the next boundary, so it never accumulates drift.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from epcs_desktop.core.clock import Clock

log = logging.getLogger(__name__)

# Fire a little after the boundary so `floor(now)` is safely the new second.
_LATE_MS = 5


class Ticker(QObject):
    """Emits `tick(now)` once per wall-clock second, aligned to the boundary."""

    tick = Signal(float)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock: Clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        """Start ticking; the first tick comes at the next second boundary."""
        self._arm()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def interval_to_next_boundary_ms(self) -> int:
        """Milliseconds from the clock's now to just after the next whole second."""
        now = self.clock.now()
        remaining = math.floor(now) + 1 - now
        return max(1, int(remaining * 1000) + _LATE_MS)

    def fire(self) -> None:
        """Emit one tick now (tests drive time with a FixedClock and call this)."""
        self.tick.emit(self.clock.now())

    def _arm(self) -> None:
        self._timer.start(self.interval_to_next_boundary_ms())

    def _on_timeout(self) -> None:
        self._arm()
        self.fire()
