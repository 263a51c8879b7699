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


class ModelSignals:
    """Records an item model's change signals, in order, as tuples a test compares exactly (issue 18).

    ("insert", first, last), ("remove", first, last), ("move", first, last, destination),
    ("changed", top row, bottom row) and ("reset",): a test of how a model applied a change.
    """

    def __init__(self, model: object) -> None:
        self.seen: list[tuple[object, ...]] = []
        add = self.seen.append
        model.modelReset.connect(lambda: add(("reset",)))  # type: ignore[attr-defined]
        model.rowsInserted.connect(lambda _p, a, b: add(("insert", a, b)))  # type: ignore[attr-defined]
        model.rowsRemoved.connect(lambda _p, a, b: add(("remove", a, b)))  # type: ignore[attr-defined]
        model.rowsMoved.connect(  # type: ignore[attr-defined]
            lambda _p, a, b, _d, row: add(("move", a, b, row))
        )
        model.dataChanged.connect(  # type: ignore[attr-defined]
            lambda top, bottom, *_roles: add(("changed", top.row(), bottom.row()))
        )

    def take(self) -> list[tuple[object, ...]]:
        """What was recorded since the last take (and forget it)."""
        seen = list(self.seen)
        self.seen.clear()
        return seen
