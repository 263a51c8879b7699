"""What a scanned QR code (or pasted text) actually is.

The camera, screen grab and image import all hand their decoded texts here
so that a clinician pointing the webcam at the wrong code gets a sentence
that says what they scanned and what to do instead. The most important case
is ID.me's own activation QR code: it looks like an enrollment code but only
works inside the ID.me Authenticator app, so the message steers the person
to ID.me's "Enroll with barcode / secret key" option.

`classify` never raises and its `message` never repeats the payload, which
may be a secret.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.migration import MigrationBatch, parse_migration_uri
from epcs_desktop.core.otpauth import OtpParams, parse_uri

log = logging.getLogger(__name__)

IDME_HOST = "account.id.me"
IDME_GENERATOR_PATH = "/mobile/generator"

IDME_ACTIVATION_MESSAGE = (
    "This is an ID.me activation link: it only works inside the ID.me Authenticator app. "
    "To use this app as your code generator instead, choose \"Enroll with barcode / secret key\" "
    "on ID.me's page and type the secret key it shows here."
)
URL_MESSAGE = "This QR code is a web address, not an authenticator code."
WIFI_MESSAGE = "This QR code is a Wi-Fi network login, not an authenticator code."
TEXT_MESSAGE = "This QR code holds text that is not an authenticator code."
EMPTY_MESSAGE = "This QR code is empty."


# An otpauth or export link inside other text ("QR-Code:otpauth-migration://...", a pasted sentence).
# A link never holds whitespace, quotes or angle brackets, so where it ends is unambiguous.
_EMBEDDED_LINK = re.compile(r"otpauth(?:-migration)?://[^\s\"'<>`]+", re.IGNORECASE)
_TRAILING = ",;)]}"
_LINK_START = re.compile(r"otpauth(?:-migration)?://", re.IGNORECASE)
SEVERAL_LINKS_MESSAGE = "This text holds more than one authenticator link; read them one at a time."


def find_link(text: str) -> str | None:
    """The one otpauth/otpauth-migration link inside `text`, or None (no link, or several different ones).

    Why lenient here: scanner apps and notes prefix the payload ("QR-Code:",
    "Secret: ") or wrap it in a sentence; the link itself is unchanged, so
    taking it out is safe. Two different links in one text are ambiguous and
    are left alone (the caller then says the text is not a code).
    """
    found = {m.group(0).rstrip(_TRAILING) for m in _EMBEDDED_LINK.finditer(text)}
    return found.pop() if len(found) == 1 else None


class PayloadKind(StrEnum):
    OTPAUTH = "otpauth"
    MIGRATION = "migration"
    IDME_ACTIVATION = "idme_activation"
    URL = "url"
    WIFI = "wifi"
    TEXT = "text"
    INVALID_OTPAUTH = "invalid_otpauth"


@dataclass(frozen=True)
class Payload:
    """The verdict on one decoded text. `message` is a human sentence, never the text itself."""

    kind: PayloadKind
    otp: OtpParams | None = None
    migration: MigrationBatch | None = None
    message: str = ""

    def __repr__(self) -> str:
        return f"Payload(kind={self.kind!s}, otp={self.otp!r}, message={self.message!r})"

    @property
    def usable(self) -> bool:
        """True when this payload can enroll at least one code generator."""
        return self.kind in (PayloadKind.OTPAUTH, PayloadKind.MIGRATION)


def _scheme(text: str) -> str:
    head, sep, _ = text.partition(":")
    return head.strip().lower() if sep else ""


def _otpauth(text: str) -> Payload:
    try:
        params = parse_uri(text)
    except EpcsError as exc:
        return Payload(PayloadKind.INVALID_OTPAUTH, message=f"This authenticator code cannot be used: {exc}.")
    return Payload(PayloadKind.OTPAUTH, otp=params, message=f"Authenticator code for {params.label}.")


def _migration(text: str) -> Payload:
    try:
        batch = parse_migration_uri(text)
    except EpcsError as exc:
        return Payload(PayloadKind.INVALID_OTPAUTH, message=f"This export code cannot be used: {exc}.")
    n = len(batch.accounts)
    what = f"{n} account" + ("" if n == 1 else "s")
    if batch.skipped:
        what += f" ({len(batch.skipped)} more cannot be used)"
    where = f", {batch.position}" if batch.batch_size > 1 else ""
    return Payload(
        PayloadKind.MIGRATION, migration=batch, message=f"Google Authenticator export{where}: {what}."
    )


def _is_idme_activation(text: str) -> bool:
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    path = parts.path.lower()
    return host == IDME_HOST and (
        path == IDME_GENERATOR_PATH or path.startswith(IDME_GENERATOR_PATH + "/")
    )


def classify(text: str) -> Payload:
    """Say what `text` is; never raises, never echoes `text`."""
    if not isinstance(text, str):
        return Payload(PayloadKind.TEXT, message=TEXT_MESSAGE)
    stripped = text.strip()
    if not stripped:
        return Payload(PayloadKind.TEXT, message=EMPTY_MESSAGE)
    scheme = _scheme(stripped)
    if len(_LINK_START.findall(stripped)) > 1:
        # Two links run together ("…&issuer=A otpauth://…") would parse as one whose issuer holds the
        # second link, secret and all, and the message would echo it: refuse instead.
        result = Payload(PayloadKind.TEXT, message=SEVERAL_LINKS_MESSAGE)
    elif scheme == "otpauth":
        result = _otpauth(stripped)
    elif scheme == "otpauth-migration":
        result = _migration(stripped)
    elif scheme in ("http", "https"):
        if _is_idme_activation(stripped):
            result = Payload(PayloadKind.IDME_ACTIVATION, message=IDME_ACTIVATION_MESSAGE)
        else:
            result = Payload(PayloadKind.URL, message=URL_MESSAGE)
    elif scheme == "wifi":
        result = Payload(PayloadKind.WIFI, message=WIFI_MESSAGE)
    elif (link := find_link(stripped)) is not None:
        return classify(link)
    else:
        result = Payload(PayloadKind.TEXT, message=TEXT_MESSAGE)
    log.debug("classified a decoded text as %s", result.kind)
    return result
