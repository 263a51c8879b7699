"""A sample clinician profile so a newcomer sees the whole program at once.

`epcs-desktop --demo` creates this profile in a throw-away data folder: a few
code generators held here (fresh random secrets, so nothing real is exposed),
a push-notification phone, a code generator app on another device and
prescriber information with a DEA and NPI that pass the format checks but
belong to nobody (the DEA/NPI check digits are computed, not copied).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from epcs_desktop.core.erx import (
    DeviceOption,
    IdentityConfirmation,
    PrescriberInfo,
    validate_dea,
    validate_npi,
)
from epcs_desktop.core.otpauth import OtpKind, OtpParams, new_secret

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.profiles import ProfileStore

log = logging.getLogger(__name__)

DEMO_PROFILE_NAME = "Dr. Rivera - demo"
# Not a secret: the demo vault lives in a temporary folder and holds only random sample keys.
DEMO_PASSWORD = "demo-password"  # noqa: S105
DEMO_ACCOUNT = "a.rivera@example.org"


# Sample numbers with valid check digits (validated here, so a rule change shows at import).
SAMPLE_DEA = validate_dea("BR1234563")  # (1+3+5) + 2*(2+4+6) = 33 -> check digit 3
SAMPLE_NPI = validate_npi("1234567893")  # Luhn over 80840123456789 -> check digit 3
SAMPLE_PRESCRIBER = PrescriberInfo(
    state="CA", license_number="A123456", dea_number=SAMPLE_DEA, npi=SAMPLE_NPI
)
SAMPLE_IDENTITY = IdentityConfirmation(confirmed=True, confirmed_on="2025-07-29", note="")


def _totp(issuer: str, account: str) -> OtpParams:
    return OtpParams(kind=OtpKind.TOTP, secret=new_secret(), account=account, issuer=issuer)


def populate_demo(profile: Profile) -> Profile:
    """Fill an empty profile with the sample devices and prescriber information."""
    profile.add_device(
        "Exam room desktop", DeviceOption.GENERATOR_HERE, otp=_totp("ID.me", DEMO_ACCOUNT), make_primary=True
    )
    profile.add_device("Front desk laptop", DeviceOption.GENERATOR_HERE, otp=_totp("ID.me", DEMO_ACCOUNT))
    profile.add_generator("DrChrono sign-in", _totp("DrChrono", "arivera"))  # another account, not ID.me
    profile.add_device("MyiPhone", DeviceOption.PUSH)
    profile.add_device("OfficeiPad", DeviceOption.GENERATOR_OTHER)
    profile.set_prescriber(SAMPLE_PRESCRIBER)
    profile.set_identity(SAMPLE_IDENTITY)
    log.info("demo profile populated")
    return profile


def create_demo_profile(store: ProfileStore) -> Profile:
    """Create and fill the demo profile in `store` (a ProfileStore on a throw-away folder)."""
    profile = store.create(DEMO_PROFILE_NAME, DEMO_PASSWORD)
    return populate_demo(profile)
