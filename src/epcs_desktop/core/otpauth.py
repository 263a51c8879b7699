"""otpauth:// URIs (Google's Key URI format) and Base32 secrets.

OWNER: core-otp helper. The dataclass below is the shared contract; the
functions are implemented by that helper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["totp", "hotp"]
ALGORITHMS = ("SHA1", "SHA256", "SHA512")


@dataclass(frozen=True)
class OtpParams:
    """Everything needed to generate codes for one account.

    `secret` is normalised Base32 (upper case, no spaces/hyphens, no '=' padding).
    `warnings` (e.g. a short secret, an issuer that disagrees with the label) is
    informational and excluded from equality, so parse(build(x)) == x.
    """

    kind: Kind
    secret: str
    account: str = ""
    issuer: str = ""
    algorithm: str = "SHA1"
    digits: int = 6
    period: int = 30
    counter: int = 0
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:  # never leak the secret into logs or tracebacks
        return (
            f"OtpParams(kind={self.kind!r}, account={self.account!r}, issuer={self.issuer!r}, "
            f"algorithm={self.algorithm!r}, digits={self.digits}, period={self.period}, secret=<hidden>)"
        )


def normalise_secret(text: str) -> str:
    raise NotImplementedError


def parse_uri(uri: str) -> OtpParams:
    raise NotImplementedError


def build_uri(params: OtpParams) -> str:
    raise NotImplementedError
