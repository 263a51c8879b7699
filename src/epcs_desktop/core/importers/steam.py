"""Steam Desktop Authenticator account files (``*.maFile``).

``{"shared_secret": base64, "account_name", "serial_number", "revocation_code",
...}``: the Steam Guard key is ``shared_secret`` (base64 of the raw key). SDA can
encrypt maFiles with its own passkey; such a file (``shared_secret`` missing or
not base64) is refused with how to decrypt it in SDA first.
"""

from __future__ import annotations

import base64
import binascii

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source, describe, text_of
from epcs_desktop.core.otpauth import OtpKind

FORMAT_STEAM = "Steam Desktop Authenticator account (maFile)"


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and "shared_secret" in doc


def _read(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    doc = source.json
    assert isinstance(doc, dict)
    try:
        raw = base64.b64decode(text_of(doc.get("shared_secret")), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if not raw:
        raise ImportFileError(
            f"{source.name} is an encrypted Steam Desktop Authenticator file: remove its encryption in "
            "Steam Desktop Authenticator (Manage encryption) and import the file again."
        )
    account = text_of(doc.get("account_name"))
    out = Collector(FORMAT_STEAM)
    secret = base64.b32encode(raw).decode("ascii").rstrip("=")
    out.entry(
        describe("Steam", account, 1),
        secret=secret,
        kind=OtpKind.STEAM,
        digits=5,
        issuer="Steam",
        account=account,
    )
    return out.result


STEAM_MAFILE = ImportFormat(
    key="steam-mafile",
    label="Steam Desktop Authenticator (.maFile)",
    patterns=("*.maFile", "*.mafile"),
    detect=_detect,
    read=_read,
    notes="the account's shared_secret as a Steam Guard generator; SDA-encrypted files are refused",
)
