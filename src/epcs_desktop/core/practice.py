"""A practice run of ID.me's "Secure your account" enrollment, with nothing real at stake.

The enrollment screens are seen once every few years, usually while a
prescription is waiting, so front-desk staff let a clinician rehearse them:
a throw-away secret (made here, on the spot) is shown as a QR code and a
secret key labelled PRACTICE, the clinician enrolls it with their phone or
with this program, and types the 6-digit code back, which is checked here
the way a server would (the previous, current and next 30-second period are
accepted; older codes are called stale, other codes wrong).

The secret lives only in this object's memory. Any device the clinician
enrolled in this program during the practice carries the practice issuer, so
`practice_devices()` finds it for removal afterwards.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.erx import Device
from epcs_desktop.core.otp import time_step, totp_at
from epcs_desktop.core.otpauth import OtpKind, OtpParams, build_uri, new_secret

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

log = logging.getLogger(__name__)

PRACTICE_ISSUER = "PRACTICE – not ID.me"
PRACTICE_ACCOUNT = "practice enrollment"
PRACTICE_NICKNAME = "PRACTICE device"
# How far back a code is recognised as "stale" rather than "wrong" (periods).
STALE_WINDOW = 20

_NON_DIGITS = re.compile(r"[\s\-]")


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one typed code. `message` is what the practice screen says."""

    accepted: bool
    outcome: str  # "ok", "ok_previous", "ok_next", "stale", "ahead", "wrong", "malformed", "reused"
    message: str


def make_practice_params(secret_bytes: bytes | None = None) -> OtpParams:
    """A fresh 160-bit TOTP secret (RFC 4226 recommends 160 bits) under the PRACTICE issuer."""
    return OtpParams(
        kind=OtpKind.TOTP, secret=new_secret(secret_bytes), account=PRACTICE_ACCOUNT, issuer=PRACTICE_ISSUER
    )


def group_secret(secret: str) -> str:
    """Groups of four, as ID.me shows its secret key, so it can be typed without losing place."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class PracticeSession:
    """One rehearsal: a secret, its QR payload, and the code check."""

    def __init__(self, clock: Clock, params: OtpParams | None = None) -> None:
        self.clock = clock
        self.params = params if params is not None else make_practice_params()
        self.accepted = False
        self._used_steps: set[int] = set()

    def __repr__(self) -> str:
        return f"PracticeSession(accepted={self.accepted}, secret=<hidden>)"

    def uri(self) -> str:
        """The otpauth URI to encode in the practice QR code (never logged)."""
        return build_uri(self.params)

    def secret_key(self) -> str:
        """The secret key grouped for typing, as on ID.me's "secret key" screen."""
        return group_secret(self.params.secret)

    def check(self, typed: str) -> CheckResult:
        """Check a typed code like a server: one period of slack each way, no reuse."""
        code = _NON_DIGITS.sub("", typed or "")
        digits = self.params.digits
        if not code.isdigit() or len(code) != digits:
            return CheckResult(False, "malformed", f"Enter the {digits}-digit code (digits only).")
        now = self.clock.now()
        period = self.params.period
        step_now = time_step(now, period)
        matched: int | None = None
        for offset in (0, -1, 1):
            if totp_at(self.params, (step_now + offset) * period) == code:
                matched = offset
                break
        if matched is not None:
            if step_now + matched in self._used_steps:
                return CheckResult(
                    False,
                    "reused",
                    "That code was already used. Wait for the next code and enter that one.",
                )
            self._used_steps.add(step_now + matched)
            self.accepted = True
            log.info("practice code accepted (period offset %d)", matched)
            if matched == 0:
                return CheckResult(True, "ok", "Correct – your device is set up. This was only practice.")
            if matched == -1:
                return CheckResult(
                    True,
                    "ok_previous",
                    "Accepted, but that code had just expired – enter codes as soon as they appear. "
                    "This was only practice.",
                )
            return CheckResult(
                True,
                "ok_next",
                "Accepted, but that code is from the next period: your device's clock runs a little fast. "
                "This was only practice.",
            )
        for back in range(2, STALE_WINDOW + 1):
            if totp_at(self.params, (step_now - back) * period) == code:
                age = int(now - (step_now - back + 1) * period)
                return CheckResult(
                    False,
                    "stale",
                    f"That code expired about {max(age, 1)} seconds ago. "
                    "Enter the code your device shows now.",
                )
        for ahead in range(2, STALE_WINDOW + 1):
            if totp_at(self.params, (step_now + ahead) * period) == code:
                return CheckResult(
                    False,
                    "ahead",
                    "That code is not valid yet: the device's clock is ahead. Set its time automatically.",
                )
        return CheckResult(
            False,
            "wrong",
            "That code does not match. Make sure you scanned the PRACTICE code shown here, not another one.",
        )


def is_practice_device(device: Device, secrets: Collection[str] = ()) -> bool:
    """A device enrolled from a practice code: the issuer says so, or (typed key, issuer
    left as "ID.me") its secret is one of this practice's `secrets`."""
    if device.otp is None:
        return False
    return device.otp.issuer == PRACTICE_ISSUER or device.otp.secret in secrets


def practice_devices(devices: Iterable[Device], secrets: Collection[str] = ()) -> list[Device]:
    return [d for d in devices if is_practice_device(d, secrets)]


def remove_practice_devices(
    profile: Profile, restore_primary: str | None = None, secrets: Collection[str] = ()
) -> list[str]:
    """Remove every practice device from `profile`; returns their nicknames.

    Called when the practice ends, so a rehearsal never leaves a code
    generator that looks like a real one in the clinician's roster. If a
    practice device had become primary, `restore_primary` (the primary before
    the practice) gets the role back, else the first real device does.
    """
    removed: list[str] = []
    for d in practice_devices(profile.devices(), secrets):
        successor = None
        if d.is_primary:
            real = [o.nickname for o in profile.devices() if not is_practice_device(o, secrets)]
            if real:
                successor = restore_primary if restore_primary in real else real[0]
        profile.remove_device(d.nickname, successor=successor)
        removed.append(d.nickname)
    if restore_primary is not None:
        primary = profile.primary()
        still_there = any(d.nickname == restore_primary for d in profile.devices())
        if primary is not None and primary.nickname != restore_primary and still_there:
            profile.set_primary(restore_primary)
    if removed:
        log.info("removed %d practice device(s)", len(removed))
    return removed
