"""The shape a profile snapshot must have before a restore may use it: types, ranges, lengths.

Why a separate check: a backup is a file from outside (a USB stick, a share).
One whose device date was `inf`, `NaN`, `1e300` or negative used to restore and
then break `device list --json` and the next backup (exit 70). Everything in
a snapshot is checked here, before anything is written; the backup reader
also refuses JSON the writer never produces (NaN, Infinity), so
`json.loads` cannot hand this check a non-finite float in the first place.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.textguard import is_unsafe_char

logger = logging.getLogger(__name__)

MAX_DEVICES = 1000
MAX_TEXT = 500
MAX_URI = 8192
MAX_SETTINGS = 64
LATEST_TIME = 32_503_680_000.0  # 3000-01-01: later than any real date, small enough for every formatter
DAMAGED = "This backup is damaged: a device or setting in it cannot be read."


def _bad(where: str) -> RuleError:
    logger.info("snapshot refused at %s", where)  # the field name only, never its value
    return RuleError(DAMAGED)


def check_time(value: Any, where: str = "a time") -> float:
    """A Unix time from outside: a finite number from 0 (1970) to LATEST_TIME, not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad(where)
    try:
        number = float(value)
    except OverflowError:  # a 401-digit integer: no float holds it (issue 23 item 7: it was exit 70)
        raise _bad(where) from None
    if not math.isfinite(number) or not 0.0 <= number <= LATEST_TIME:
        raise _bad(where)
    return number


def _text(value: Any, where: str, limit: int = MAX_TEXT, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise _bad(where)


def check_snapshot_shape(snapshot: Any) -> None:
    """Raise RuleError (one sentence) unless every field of `snapshot` has a sane type, range and length.

    The eRx rules themselves (nicknames, DEA, NPI, settings values) are applied
    afterwards by `Profile._read_snapshot`; this only guarantees they are given
    values of the right kind, so no later formatter meets an infinite date.
    """
    if not isinstance(snapshot, dict):
        raise _bad("snapshot")
    if "taken_at" in snapshot:
        check_time(snapshot["taken_at"], "taken_at")
    _text(snapshot.get("profile", ""), "profile", 64)
    if any(is_unsafe_char(ch) for ch in snapshot.get("profile", "")):  # escapes, RTL overrides (item 6)
        raise _bad("profile")
    clinician = snapshot.get("clinician_id", "")
    _text(clinician, "clinician_id", 64)
    if any(ch not in "0123456789abcdefABCDEF" for ch in clinician):
        raise _bad("clinician_id")
    devices = snapshot.get("devices", [])
    if not isinstance(devices, list) or len(devices) > MAX_DEVICES:
        raise _bad("devices")
    for raw in devices:
        if not isinstance(raw, dict):
            raise _bad("device")
        _text(raw.get("nickname"), "nickname", 256)
        _text(raw.get("option"), "option", 32)
        check_time(raw.get("added_at"), "added_at")
        if not isinstance(raw.get("is_primary", False), bool):
            raise _bad("is_primary")
        _text(raw.get("otp_uri"), "otp_uri", MAX_URI, optional=True)
    for section, fields in (
        ("prescriber", ("state", "license_number", "dea_number", "npi")),
        ("identity", ("confirmed_on", "note")),
    ):
        value = snapshot.get(section, {})
        if not isinstance(value, dict) or set(value) - {*fields, "confirmed"}:
            raise _bad(section)
        for name in fields:
            _text(value.get(name), f"{section}.{name}", optional=True)
    if not isinstance(snapshot.get("identity", {}).get("confirmed", False), bool):
        raise _bad("identity.confirmed")
    stored = snapshot.get("settings", {})
    if not isinstance(stored, dict) or len(stored) > MAX_SETTINGS:
        raise _bad("settings")
    for key, value in stored.items():
        _text(key, "settings key", 64)
        if isinstance(value, float) and not math.isfinite(value):
            raise _bad("settings value")
        if isinstance(value, str):
            _text(value, "settings value")
            if any(is_unsafe_char(ch) for ch in value):  # the settings rules refuse them too (`coerce`)
                raise _bad("settings value")
        elif not isinstance(value, bool | int | float):
            raise _bad("settings value")
