"""One-time codes: HOTP (RFC 4226) and TOTP (RFC 6238) through pyotp.

Time is always passed in (a `Clock` or a timestamp) so that codes are a pure
function of their inputs: the CLI's ``--at``, the tests and the GUI's single
ticker all agree. The time step is computed here as ``floor(t / period)``
rather than through pyotp's datetime path, which converts through local time
and can be off by an hour around daylight-saving changes.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyotp

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.otpauth import MIN_SECRET_BITS, STEAM_ALPHABET, STEAM_DIGITS, OtpKind, OtpParams

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
    if params.kind == OtpKind.STEAM:
        return _SteamGen(params.secret, digits=6, digest=hashlib.sha1)  # pyotp checks 6..10; unused here
    return _Hotp(params.secret, digits=params.digits, digest=_DIGESTS[params.algorithm])


class _SteamGen(_Hotp):
    """Steam Guard: RFC 4226's dynamic truncation, then 5 characters of Steam's alphabet.

    Why a subclass: the TOTP countdown, "next code" preview and the CLI all go
    through `_generator(...).at(step)`, so a Steam entry behaves like any
    other time-based code everywhere except in how the number is written.
    """

    def generate_otp(self, input: int) -> str:
        if input < 0:
            raise ValueError("input must be positive integer")
        mac = hmac.new(self.byte_secret(), input.to_bytes(8, "big"), hashlib.sha1).digest()
        offset = mac[-1] & 0x0F
        value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
        chars = []
        for _ in range(STEAM_DIGITS):
            value, index = divmod(value, len(STEAM_ALPHABET))
            chars.append(STEAM_ALPHABET[index])
        return "".join(chars)


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
    """The TOTP (or Steam) code valid at Unix time `t` (seconds, may be fractional)."""
    return _generator(params).at(time_step(t, params.period))


def is_time_based(params: OtpParams) -> bool:
    """TOTP and Steam change with the clock (countdown); HOTP changes only when asked (no countdown)."""
    return params.kind in (OtpKind.TOTP, OtpKind.STEAM)


def code_at(params: OtpParams, t: float) -> str:
    """What to show for `params` at time `t`: the time-based code, or HOTP's code for its stored counter.

    Showing an HOTP code never advances anything: only `Profile.next_hotp_code` does.
    """
    if is_time_based(params):
        return totp_at(params, t)
    return hotp(params)


class Totp:
    """A TOTP generator bound to a clock: current code, next code, countdown."""

    def __init__(self, params: OtpParams, clock: Clock) -> None:
        if not is_time_based(params):
            raise ValueError("Totp needs TOTP or Steam parameters; use hotp() for counter-based codes")
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


def whole_seconds(left: float) -> int:
    """Seconds as every countdown shows them (window, guide, wizard, CLI): rounded up.

    Why up: a code that is still valid has some time left, so it never reads
    "0 s" (the change guide once showed "(0 s)" beside a valid code while the
    code list said 1 s); and a wait is never announced shorter than it is.
    """
    return math.ceil(left)


COPY_MARGIN_SECONDS = 4.0
"""A copied code must live at least this long: switching window, pasting and pressing Continue
take a few seconds, and a code that expires meanwhile is refused (issue 22: 492866 handed out
with 505846 already current)."""


@dataclass(frozen=True)
class CopyPlan:
    """Which time-based code to hand out (copy, tray, CLI `code`) and when.

    `wait` is 0 when `code` is current and has at least the margin left;
    otherwise `code` is the NEXT code and `wait` the seconds until it becomes
    current: the caller waits that long before handing it out, and says so.
    """

    code: str
    wait: float
    starts_at: float


def copy_plan(params: OtpParams, t: float, margin: float = COPY_MARGIN_SECONDS) -> CopyPlan:
    """The one rule for every place that hands a code out: never one that expires before it is pasted.

    The margin is capped at a third of the period, so a very short period still gets codes.
    """
    if not is_time_based(params):
        raise ValueError("copy_plan is for time-based codes; counter-based codes do not expire")
    period = params.period
    step = time_step(t, period)
    left = (step + 1) * period - t
    if left >= min(margin, period / 3):
        return CopyPlan(totp_at(params, t), 0.0, t)
    start = float((step + 1) * period)
    return CopyPlan(totp_at(params, start), max(0.0, start - t), start)


HOTP_LOOK_AHEAD = 10
"""How many counter values after the stored one a typed HOTP code may come from (RFC 4226 7.4's
look-ahead window): a phone may have been pressed a few times while setting it up."""


def check_code(params: OtpParams, typed: str, t: float, *, steps: int = 1) -> bool:
    """Does `typed` (spaces ignored, any letter case) match what another device makes for `params`?

    For "Move to a phone": the phone's code proves it holds the same secret
    before this computer's copy is removed. Time-based codes are compared for
    the current step and `steps` either side (clocks differ by seconds, the
    person types slowly); HOTP for the stored counter and the look-ahead.
    Compared in constant time.
    """
    code = "".join(typed.split()).upper()
    if not code or len(code) != params.digits:
        return False
    if is_time_based(params):
        now = time_step(t, params.period)
        gen = _generator(params)
        candidates = [gen.at(now + d) for d in range(-steps, steps + 1) if now + d >= 0]
    else:
        candidates = [hotp(params, params.counter + d) for d in range(HOTP_LOOK_AHEAD + 1)]
    return any(hmac.compare_digest(code.encode(), c.upper().encode()) for c in candidates)


def group_code(code: str) -> str:
    """Split a code in two for reading aloud: "123 456", "123 4567", "1234 5678"."""
    if len(code) < 6:  # Steam's 5 characters are read as one word
        return code
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"
