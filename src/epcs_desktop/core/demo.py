"""A sample clinician profile so a newcomer sees the whole program at once.

`epcs-desktop --demo` creates this profile in a throw-away data folder: a few
code generators held here (fresh random secrets, so nothing real is exposed),
a push-notification phone, a code generator app on another device and
prescriber information with a DEA and NPI that pass the format checks but
belong to nobody (the DEA/NPI check digits are computed, not copied).
"""

from __future__ import annotations

import base64
import logging
import secrets
from typing import Any

from epcs_desktop.core.erx import DeviceOption, IdentityConfirmation, PrescriberInfo
from epcs_desktop.core.otpauth import OtpParams

log = logging.getLogger(__name__)

DEMO_PROFILE_NAME = "Dr. Rivera - demo"
# Not a secret: the demo vault lives in a temporary folder and holds only random sample keys.
DEMO_PASSWORD = "demo-password"  # noqa: S105
DEMO_ACCOUNT = "a.rivera@example.org"


def dea_check_digit(digits6: str) -> str:
    """The DEA check digit: (d1+d3+d5) + 2*(d2+d4+d6), last digit."""
    d = [int(c) for c in digits6]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def npi_check_digit(digits9: str) -> str:
    """The NPI check digit: Luhn over the '80840' prefix and the first nine digits."""
    total = 0
    for i, ch in enumerate(reversed("80840" + digits9)):
        n = int(ch)
        if i % 2 == 0:  # every second digit from the right, starting with the rightmost payload digit
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


SAMPLE_DEA = "BR123456" + dea_check_digit("123456")  # BR1234563
SAMPLE_NPI = "123456789" + npi_check_digit("123456789")  # 1234567893
SAMPLE_PRESCRIBER = PrescriberInfo(
    state="CA", license_number="A123456", dea_number=SAMPLE_DEA, npi=SAMPLE_NPI
)
SAMPLE_IDENTITY = IdentityConfirmation(confirmed=True, confirmed_on="2025-07-29", note="")


def random_secret() -> str:
    """A fresh 160-bit Base32 secret (RFC 4226 recommends 160 bits), without padding."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _totp(issuer: str, account: str) -> OtpParams:
    return OtpParams(kind="totp", secret=random_secret(), account=account, issuer=issuer)


def populate_demo(profile: Any) -> Any:
    """Fill an empty profile with the sample devices and prescriber information."""
    profile.add_device(
        "Exam room desktop", DeviceOption.GENERATOR_HERE, otp=_totp("ID.me", DEMO_ACCOUNT), make_primary=True
    )
    profile.add_device("Front desk laptop", DeviceOption.GENERATOR_HERE, otp=_totp("ID.me", DEMO_ACCOUNT))
    profile.add_device("DrChrono sign-in", DeviceOption.GENERATOR_HERE, otp=_totp("DrChrono", "arivera"))
    profile.add_device("MyiPhone", DeviceOption.PUSH)
    profile.add_device("OfficeiPad", DeviceOption.GENERATOR_OTHER)
    profile.set_prescriber(SAMPLE_PRESCRIBER)
    profile.set_identity(SAMPLE_IDENTITY)
    log.info("demo profile populated")
    return profile


def create_demo_profile(store: Any) -> Any:
    """Create and fill the demo profile in `store` (a ProfileStore on a throw-away folder)."""
    profile = store.create(DEMO_PROFILE_NAME, DEMO_PASSWORD)
    return populate_demo(profile)
