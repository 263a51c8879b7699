"""One-time codes: HOTP (RFC 4226) and TOTP (RFC 6238) through pyotp.

Time is always passed in (a `Clock` or a timestamp) so that codes are a pure
function of their inputs: the CLI's ``--at``, the tests and the GUI's single
ticker all agree. The time step is computed here as ``floor(t / period)``
rather than through pyotp's datetime path, which converts through local time
and can be off by an hour around daylight-saving changes.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable
from typing import Any

import pyotp

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.otpauth import MIN_SECRET_BITS, OtpParams

log = logging.getLogger(__name__)

_DIGESTS: dict[str, Callable[..., Any]] = {
    "SHA1": hashlib.sha1,
    "SHA256": hashlib.sha256,
    "SHA512": hashlib.sha512,
}


class _Hotp(pyotp.HOTP):
    """pyotp's HOTP with our minimum key length.

    pyotp refuses keys under 112 bits; `otpauth.normalise_secret` already
    enforces (and warns about) key length, and real services still issue
    80-bit keys that a clinician must be able to use.
    """

    min_secret_length_bits = MIN_SECRET_BITS


def _generator(params: OtpParams) -> _Hotp:
    return _Hotp(params.secret, digits=params.digits, digest=_DIGESTS[params.algorithm])


def hotp(params: OtpParams, counter: int | None = None) -> str:
    """The HOTP code for `counter` (default: the counter stored in `params`)."""
    value = params.counter if counter is None else counter
    if value < 0:
        raise ValueError("HOTP counter must not be negative")
    return _generator(params).at(value)


def time_step(t: float, period: int) -> int:
    """RFC 6238's T = floor((t - T0) / X) with T0 = 0."""
    return math.floor(t / period)


def totp_at(params: OtpParams, t: float) -> str:
    """The TOTP code valid at Unix time `t` (seconds, may be fractional)."""
    return _generator(params).at(time_step(t, params.period))


class Totp:
    """A TOTP generator bound to a clock: current code, next code, countdown."""

    def __init__(self, params: OtpParams, clock: Clock) -> None:
        if params.kind != "totp":
            raise ValueError("Totp needs TOTP parameters; use hotp() for counter-based codes")
        self.params = params
        self.clock = clock
        self._gen = _generator(params)

    def __repr__(self) -> str:
        return f"Totp({self.params!r})"

    def period_index(self) -> int:
        """Which time step the clock is in now."""
        return time_step(self.clock.now(), self.params.period)

    def code(self) -> str:
        return self._gen.at(self.period_index())

    def next_code(self) -> str:
        """The code of the following time step, for "next code" previews."""
        return self._gen.at(self.period_index() + 1)

    def seconds_remaining(self) -> float:
        """Seconds until the current code expires, in (0, period]."""
        period = self.params.period
        now = self.clock.now()  # read once: a running clock must not move between the two uses
        return period - (now - time_step(now, period) * period)


def group_code(code: str) -> str:
    """Split a code in two for reading aloud: "123 456", "123 4567", "1234 5678"."""
    if len(code) < 4:
        return code
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"
