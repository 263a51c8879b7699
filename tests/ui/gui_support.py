"""Shared constants and helpers of the GUI tests (imported by name: tests/ui is on sys.path)."""

from __future__ import annotations

from epcs_desktop.core.otpauth import OtpParams

PASSWORD = "correct horse battery"
# 2000000000 is 20 s into a 30 s period (2000000000 % 30 == 20).
T0 = 2_000_000_000.0


def otp(
    secret: str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",  # noqa: S107 (a test key)
    issuer: str = "ID.me",
    account: str = "lee@example.org",
) -> OtpParams:
    return OtpParams(kind="totp", secret=secret, issuer=issuer, account=account)
