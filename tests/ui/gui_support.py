"""Shared constants and helpers of the GUI tests (imported by name: tests/ui is on sys.path)."""

from __future__ import annotations

from epcs_desktop.core.otpauth import OtpParams, from_secret

PASSWORD = "correct horse battery"
# 2000000000 is 20 s into a 30 s period (2000000000 % 30 == 20).
T0 = 2_000_000_000.0


# The `totp_hotp_push_profile` fixture's password and accounts (File › Export, "Move to a phone").
EXPORT_PASSWORD = "correct horse battery staple"


def otp(
    secret: str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",  # noqa: S107 (a test key)
    issuer: str = "ID.me",
    account: str = "lee@example.org",
) -> OtpParams:
    return OtpParams(kind="totp", secret=secret, issuer=issuer, account=account)


OFFICE_TOTP = from_secret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", issuer="ID.me", account="jane@clinic.org")
BANK_HOTP = from_secret(
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", issuer="Bank", account="j", kind="hotp", counter=4
)
