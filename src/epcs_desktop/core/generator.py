"""Code generators held here, as opposed to ID.me devices.

Why two types: a row of DrChrono's ID.me Device Information table (an
`erx.Device`: nickname, option, primary flag, where it lives) and a secret this
program makes codes from (a `Generator`: any site's TOTP, HOTP or Steam key)
are different things. A clinician who imports Google, GitHub or Steam accounts
from another app brings code generators, not ID.me devices; only when a
generator held here *is* an ID.me device are the two linked (`Generator.idme`,
the same id in `Profile.devices()`). The table, the primary rule, the guide,
the practice flow and the setup sheet see ID.me devices only; the code pane
shows every generator held here (`code_pane_order`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from epcs_desktop.core.otpauth import OtpParams

logger = logging.getLogger(__name__)

IDME_ISSUERS = frozenset({"id.me", "idme"})


def is_idme_issuer(issuer: str) -> bool:
    """Whether an issuer names ID.me ("ID.me", "id.me", "IDme")."""
    return issuer.strip().casefold() in IDME_ISSUERS


def names_another_site(otp: OtpParams | None) -> bool:
    """THE rule for rows whose kind was never asked: an ID.me device unless the issuer names another site.

    Used when a profile written before ID.me devices and generators were told
    apart is upgraded, and for enrolments that did not say (imports): a secret
    without an issuer (a typed key) or with ID.me's stays an ID.me device.
    """
    return otp is not None and bool(otp.issuer.strip()) and not is_idme_issuer(otp.issuer)


@dataclass(frozen=True)
class Generator:
    """A code generator held here: a secret this program makes codes from.

    `idme` True: this generator IS the ID.me device with the same `id`
    (`device_id`); `is_primary` is that device's primary flag. The repr never
    shows the secret.
    """

    id: int
    nickname: str
    otp: OtpParams
    added_at: float
    idme: bool
    is_primary: bool = False

    def __repr__(self) -> str:
        return (
            f"Generator(id={self.id}, nickname={self.nickname!r}, idme={self.idme}, "
            f"is_primary={self.is_primary}, otp=<hidden>)"
        )

    @property
    def device_id(self) -> int | None:
        """The id of the ID.me device this generator is, or None for another site's account."""
        return self.id if self.idme else None


def code_pane_key(generator: Generator) -> tuple[bool, bool, float, int]:
    """THE code pane's sort key: ID.me devices first, the primary on top, then in the order added.

    Unique per generator (the id breaks ties), so the code list model can place one changed row by
    bisection (`ui.model_rows`) and end in exactly the order `code_pane_order` gives.
    """
    return (not generator.idme, not generator.is_primary, generator.added_at, generator.id)


def code_pane_order(generators: Iterable[Generator]) -> list[Generator]:
    """ID.me devices first with the primary pinned on top, then other accounts; each in the order added."""
    return sorted(generators, key=code_pane_key)
