"""`core.clock`: the one place that reads the wall clock; everything else is given a `Clock`."""

from __future__ import annotations

import re
from pathlib import Path

import epcs_desktop
from epcs_desktop.core import backup
from epcs_desktop.core.clock import FixedClock, SystemClock

SRC = Path(epcs_desktop.__file__).parent


def test_fixed_clock_says_what_it_is_told() -> None:
    clock = FixedClock(100)
    clock.advance(2.5)
    assert clock.now() == 102.5
    assert SystemClock(offset=10).now() - SystemClock().now() > 9


def test_no_wall_clock_read_outside_clock_py() -> None:
    """`time.time(` / `datetime.now(` / `datetime.today(` / `date.today(` only in core/clock.py."""
    pattern = re.compile(r"\btime\.time\(|\bdatetime\.(now|today|utcnow)\(|\bdate\.today\(|\btime\.time_ns\(")
    found = [
        f"{p.relative_to(SRC)}:{n}"
        for p in sorted(SRC.rglob("*.py"))
        if p.relative_to(SRC).as_posix() != "core/clock.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_profile_times_come_from_the_injected_clock(store, clock, tmp_path: Path) -> None:
    """Activity rows, added_at, snapshots and the backup bookkeeping all read the profile's clock."""
    from epcs_desktop.core.erx import DeviceOption

    p = store.create("Dr Time", "clock-pass-1")
    clock.advance(60)
    device = p.add_device("Phone", DeviceOption.PUSH)
    assert device.added_at == clock.now() and p.activity()[0].at == clock.now()
    assert p.snapshot()["taken_at"] == clock.now()
    clock.advance(60)
    backup.backup_profile(p, tmp_path / "b.epcsbak", "backup-pass-1", backup.KdfParams(8, 1, 1))
    assert backup.last_backup_at(p) == clock.now()
    assert p.created_at() == clock.now() - 120  # written by the vault from the same clock
    p.close()
