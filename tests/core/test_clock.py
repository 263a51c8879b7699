"""`core.clock`: the one place that reads the wall clock; everything else is given a `Clock`."""

from __future__ import annotations

from pathlib import Path

from ast_support import SRC, Module, calls, module_from_text, modules, references_to
from epcs_desktop.core import backup
from epcs_desktop.core.clock import FixedClock, SystemClock


def test_fixed_clock_says_what_it_is_told() -> None:
    clock = FixedClock(100)
    clock.advance(2.5)
    assert clock.now() == 102.5
    assert SystemClock(offset=10).now() - SystemClock().now() > 9


# Every way src/ could read the wall clock (a name matches however the module imported it; Qt's class
# names match at the end, whichever module they came from).
WALL_CLOCK = {
    "time.time",
    "time.time_ns",
    "datetime.datetime.now",
    "datetime.datetime.today",
    "datetime.datetime.utcnow",
    "datetime.date.today",
    "QDate.currentDate",
    "QTime.currentTime",
    "QDateTime.currentDateTime",
    "QDateTime.currentDateTimeUtc",
    "QDateTime.currentMSecsSinceEpoch",
    "QDateTime.currentSecsSinceEpoch",
}
# These read the clock only when given no time: `time.localtime()`, `time.strftime("%Y")`.
NOW_WHEN_NO_TIME_GIVEN = {
    "time.localtime": 0,
    "time.gmtime": 0,
    "time.ctime": 0,
    "time.asctime": 0,
    "time.strftime": 1,
}


def wall_clock_reads(module: Module) -> list[str]:
    found = references_to(module, WALL_CLOCK)
    for node, name in calls(module):
        if name in NOW_WHEN_NO_TIME_GIVEN and len(node.args) <= NOW_WHEN_NO_TIME_GIVEN[name]:
            found.append(f"{module.where(node)} {name}()")
    return found


def test_no_wall_clock_read_outside_clock_py() -> None:
    """Time only from the injected `Clock`: only core/clock.py reads the wall clock, however it is spelt."""
    others = modules(SRC, skip=lambda p: p.as_posix() == "core/clock.py")
    assert others and all(m.path.name != "clock.py" or m.path.parent.name != "core" for m in others)
    found = [f for m in others for f in wall_clock_reads(m)]
    assert found == []


def test_the_wall_clock_check_sees_every_spelling() -> None:
    sample = module_from_text(
        "import time as t\n"
        "from datetime import datetime as dt, date\n"
        "import datetime\n"
        "from PySide6.QtCore import QDate, QDateTime\n"
        "from time import time_ns as ns, localtime, strftime\n"
        "# time.time() in a comment, and in a string:\n"
        "s = 'datetime.now()'\n"
        "a = t.time()\n"
        "b = dt.now()\n"
        "c = date.today()\n"
        "d = datetime.datetime.utcnow()\n"
        "e = QDate.currentDate()\n"
        "f = QDateTime.currentMSecsSinceEpoch()\n"
        "g = ns()\n"
        "h = localtime()\n"
        "i = strftime('%Y')\n"
        "j = QDate.currentDate\n"
        "ok = (localtime(0), strftime('%Y', localtime(0)), dt.fromtimestamp(0), t.monotonic())\n"
    )
    lines = sorted({int(f.split(" ")[0].split(":")[1]) for f in wall_clock_reads(sample)})
    assert lines == list(range(8, 18))


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
