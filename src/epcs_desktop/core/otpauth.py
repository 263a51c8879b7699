"""otpauth:// URIs (Google's Key URI format) and Base32 secrets.

Secrets reach us from QR codes printed by many different services and from
keys people type by hand, so the parser is liberal wherever the meaning is
unambiguous (letter case, spaces and hyphens in keys, missing padding,
unknown extra parameters such as ``image``) and strict wherever guessing
could silently produce wrong codes (a bad Base32 character, an unsupported
algorithm, a repeated parameter with two different values). Every
rejection is an `OtpAuthError` whose message names the problem without ever
quoting the secret: at most one offending character and its position.
"""

from __future__ import annotations

import base64
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from epcs_desktop.core.errors import OtpAuthError
from epcs_desktop.core.textguard import BIDI_CONTROLS, is_unsafe_char

log = logging.getLogger(__name__)



class OtpKind(StrEnum):
    """The code types held: one enum instead of "hotp" strings compared in a dozen modules (issue 18).

    A `StrEnum` whose values are the otpauth URI's type names, so it equals,
    hashes, formats and JSON-encodes as those strings: stored URIs, exports
    and the CLI's ``--json`` output are unchanged.
    """

    TOTP = "totp"
    HOTP = "hotp"
    STEAM = "steam"


KINDS: tuple[OtpKind, ...] = tuple(OtpKind)
ALGORITHMS = ("SHA1", "SHA256", "SHA512")

MIN_SECRET_BITS = 80
"""RFC 4226 section 4 requires at least 128 bits and recommends 160; 80 is what
real services still hand out (ten-byte keys), so it is accepted with a warning."""
RECOMMENDED_SECRET_BITS = 128
MAX_SECRET_CHARS = 1024
"""No authenticator uses keys anywhere near this long; the cap keeps a pasted
file or a garbage QR code from being mistaken for a key."""
MIN_DIGITS, MAX_DIGITS = 6, 10
"""Why 6..10 (and so 9-digit TOTP is accepted): RFC 4226 section 5.3 makes 6 digits the minimum and says
"Digit = 7 or more SHOULD be considered", with no upper bound; the code is Snum mod 10^Digit where Snum
is the 31-bit truncated HMAC (< 2^31 = 2,147,483,648), so up to 10 digits are computed exactly as the RFC
defines and an 11th would always be 0. RFC 6238's reference code tabulates only up to 8, but uses the
same formula. Aegis accepts 1..10 for this reason; Google Authenticator only 6 or 8 (its export format
cannot hold other counts, so those are refused there). Below 6 only Steam (its own alphabet) is allowed."""
STEAM_DIGITS = 5
STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY"
"""Steam Guard codes: TOTP (SHA1, 30 s) whose truncated value is written as 5 characters of this
26-letter alphabet, least significant first (Aegis's docs/vault.md: "essentially the same as TOTP, but it
uses a different final encoding step")."""
MIN_PERIOD, MAX_PERIOD = 1, 300
MAX_COUNTER = 2**64 - 1  # HOTP's moving factor is an 8-byte big-endian integer

REFUSED_KINDS = {
    "motp": "mOTP codes are not supported (they are made from a PIN with MD5 by an algorithm no standard "
    "defines, so this app cannot promise the right codes)",
    "yandex": "Yandex codes are not supported (they need the account's PIN and Yandex has published no "
    "specification, so this app cannot promise the right codes)",
}
"""Code types other apps hold that are refused, each with its one-line reason (an entry, not a file)."""

_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_IGNORED_IN_SECRET = frozenset(" \t\r\n-")
_INVALID_LENGTHS = frozenset({1, 3, 6})  # len % 8 values no Base32 encoder can produce
_DIGITS_ONLY = re.compile(r"[0-9]+")
# Characters that stay literal in a label or parameter: RFC 3986 unreserved.
# ':' is always escaped inside issuer/account; the separator is the first ':' or
# '%3A' of the label (Google's Key URI Format allows either), so an issuer
# parameter is always written too and wins (see `_split_label`).
_SAFE = "-._~@"


@dataclass(frozen=True)
class OtpParams:
    """Everything needed to generate codes for one account.

    `secret` is normalised Base32 (upper case, no spaces/hyphens, no '=' padding).
    `warnings` (e.g. a short secret, an issuer that disagrees with the label) is
    informational and excluded from equality, so parse(build(x)) == x.
    """

    kind: OtpKind
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
            f"OtpParams(kind={str(self.kind)!r}, account={self.account!r}, issuer={self.issuer!r}, "
            f"algorithm={self.algorithm!r}, digits={self.digits}, period={self.period}, secret=<hidden>)"
        )

    @property
    def secret_bits(self) -> int:
        """Length of the decoded key in bits (whole bytes only, as Base32 decoders do)."""
        return len(self.secret) * 5 // 8 * 8

    @property
    def label(self) -> str:
        """What a person would call this account: "Issuer (account)", or whichever is set."""
        if self.issuer and self.account:
            return f"{self.issuer} ({self.account})"
        return self.issuer or self.account or "Unnamed account"


# --------------------------------------------------------------------------- secrets


def new_secret(raw: bytes | None = None) -> str:
    """A fresh secret as normalised Base32: 160 random bits, the length RFC 4226 recommends.

    `raw` lets a caller (tests, the practice screen) fix the bytes.
    """
    return base64.b32encode(raw if raw is not None else secrets.token_bytes(20)).decode("ascii").rstrip("=")


def normalise_secret(text: str) -> str:
    """Return `text` as canonical Base32: upper case, no spaces/hyphens, no padding.

    Raises `OtpAuthError` when it is not Base32 or decodes to fewer than 80 bits.
    The position in the message counts characters of what the person typed
    (1-based) so they can find the typo.
    """
    if not isinstance(text, str):
        raise OtpAuthError("the secret must be text")
    stripped = text.strip()
    if not stripped:
        raise OtpAuthError("the secret is empty")
    chars: list[str] = []
    padding_at: int | None = None
    offset = len(text) - len(text.lstrip())
    for index, ch in enumerate(stripped, start=offset + 1):
        if ch in _IGNORED_IN_SECRET or ch.isspace():
            continue
        if ch == "=":
            padding_at = padding_at or index
            continue
        up = ch.upper() if ch.isascii() else ch  # 'ı'.upper() == 'I': only ASCII folds
        if up not in _BASE32 or padding_at is not None:
            where = f"character {_show_char(ch)} at position {index}"
            raise OtpAuthError(f"the secret is not valid Base32 ({where})")
        chars.append(up)
    secret = "".join(chars)
    if not secret:
        raise OtpAuthError("the secret has no Base32 characters")
    if len(secret) > MAX_SECRET_CHARS:
        raise OtpAuthError(f"the secret is too long ({len(secret)} characters; at most {MAX_SECRET_CHARS})")
    if len(secret) % 8 in _INVALID_LENGTHS:
        raise OtpAuthError(
            f"the secret is not valid Base32 ({len(secret)} characters is not a possible length; "
            "a character may be missing or extra)"
        )
    bits = len(secret) * 5 // 8 * 8
    if bits < MIN_SECRET_BITS:
        raise OtpAuthError(f"the secret is too short ({bits} bits; at least {MIN_SECRET_BITS} are needed)")
    return secret


def _show_char(ch: str) -> str:
    """A single character, quoted, with invisible ones spelled out."""
    if ch.isprintable() and not ch.isspace():
        return f"“{ch}”"
    return f"U+{ord(ch):04X}"


def _secret_warnings(secret: str) -> tuple[str, ...]:
    bits = len(secret) * 5 // 8 * 8
    if bits < RECOMMENDED_SECRET_BITS:
        return (
            f"the secret is only {bits} bits long; {RECOMMENDED_SECRET_BITS} or more is recommended",
        )
    return ()


# --------------------------------------------------------------------------- fields


def _kind(value: str) -> OtpKind:
    if not isinstance(value, str):
        raise OtpAuthError("the OTP type must be text (totp or hotp)")
    low = value.strip().lower()
    if low in KINDS:
        return OtpKind(low)
    if low in REFUSED_KINDS:
        raise OtpAuthError(REFUSED_KINDS[low])
    if not low:
        raise OtpAuthError("the URI does not say whether it is TOTP or HOTP (otpauth://totp/... expected)")
    raise OtpAuthError(f"unsupported OTP type “{_clip(value)}” (only TOTP, HOTP and Steam are supported)")


def _algorithm(value: str) -> str:
    if not isinstance(value, str):
        raise OtpAuthError("the algorithm must be text (SHA1, SHA256 or SHA512)")
    up = value.strip().upper().replace("-", "").replace("_", "")
    if up in ALGORITHMS:
        return up
    raise OtpAuthError(f"unsupported algorithm “{_clip(value)}” (use SHA1, SHA256 or SHA512)")


def _int_field(name: str, value: str | int, low: int, high: int, unit: str = "") -> int:
    if isinstance(value, bool):
        raise OtpAuthError(f"the {name} must be a whole number")
    if isinstance(value, int):
        number = value
    elif not isinstance(value, str):
        raise OtpAuthError(f"the {name} must be a whole number")
    else:
        text = value.strip()
        if not _DIGITS_ONLY.fullmatch(text):
            raise OtpAuthError(f"the {name} must be a whole number, not “{_clip(value)}”")
        if len(text) > 25:
            raise OtpAuthError(f"the {name} is far too large")
        number = int(text)
    if not low <= number <= high:
        raise OtpAuthError(f"the {name} must be between {low} and {high}{unit} (got {_clip(str(number))})")
    return number


MAX_LABEL_CHARS = 256
"""Issuer and account: real ones are short; the cap stops a crafted QR code storing 100,000 characters."""


def _text_field(name: str, value: str, stored: bool = False) -> str:
    """NFC text without NUL, controls, bidi overrides or invisible characters, at most MAX_LABEL_CHARS.

    They are shown as device names and printed by the CLI, so "PayPal\u202e" must not reorder a line
    (core/textguard.py has the one rule). `stored`: a value already saved by an older version loads as is.
    """
    if not isinstance(value, str):
        raise OtpAuthError(f"the {name} must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise OtpAuthError(f"the {name} contains characters that cannot be stored") from None
    if stored:
        return value.strip()
    text = unicodedata.normalize("NFC", value).strip()
    if len(text) > MAX_LABEL_CHARS:
        raise OtpAuthError(f"the {name} is too long ({len(text)} characters; at most {MAX_LABEL_CHARS})")
    bad = next((ch for ch in text if is_unsafe_char(ch)), None)
    if bad is not None:
        kind = "a direction-changing" if bad in BIDI_CONTROLS else "an invisible or control"
        raise OtpAuthError(f"the {name} contains {kind} character (U+{ord(bad):04X})")
    return text


def _clip(text: str, limit: int = 24) -> str:
    """Echo a short, non-secret value back in a message, never a whole paste."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _build_params(
    *,
    kind: str,
    secret: str,
    account: str,
    issuer: str,
    algorithm: str,
    digits: str | int,
    period: str | int,
    counter: str | int,
    warnings: tuple[str, ...] = (),
    stored: bool = False,
) -> OtpParams:
    """The single validation path shared by `parse_uri` and `from_secret`."""
    k = _kind(kind)
    clean = normalise_secret(secret)
    algo = _algorithm(algorithm)
    if k == OtpKind.STEAM:
        # Steam Guard is SHA1, 5 characters, by definition: anything else is not a Steam code.
        if algo != "SHA1":
            raise OtpAuthError("Steam codes always use SHA1")
        if _int_field("number of digits", digits, 1, MAX_DIGITS) != STEAM_DIGITS:
            raise OtpAuthError(f"Steam codes always have {STEAM_DIGITS} characters")
        n_digits = STEAM_DIGITS
    else:
        n_digits = _int_field("number of digits", digits, MIN_DIGITS, MAX_DIGITS)
    return OtpParams(
        kind=k,
        secret=clean,
        account=_text_field("account name", account, stored),
        issuer=_text_field("issuer", issuer, stored),
        algorithm=algo,
        digits=n_digits,
        period=_int_field("period", period, MIN_PERIOD, MAX_PERIOD, " seconds"),
        counter=_int_field("counter", counter, 0, MAX_COUNTER) * (k == OtpKind.HOTP),  # only HOTP has one
        warnings=(*_secret_warnings(clean), *warnings),
    )


def from_secret(
    secret: str,
    *,
    account: str = "",
    issuer: str = "",
    algorithm: str = "SHA1",
    digits: int = 6,
    period: int = 30,
    kind: str = OtpKind.TOTP,
    counter: int = 0,
) -> OtpParams:
    """Validate a typed secret key and its settings exactly as `parse_uri` would."""
    return _build_params(
        kind=kind,
        secret=secret,
        account=account,
        issuer=issuer,
        algorithm=algorithm,
        digits=digits,
        period=period,
        counter=counter,
    )


# --------------------------------------------------------------------------- URIs


def _decode(part: str, what: str) -> str:
    try:
        return unquote(part, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise OtpAuthError(f"the {what} in the URI is not valid UTF-8") from None


def _split_label(path: str, issuer: str = "") -> tuple[str, str]:
    """Return (issuer prefix, account) from the raw, still percent-encoded path.

    Google's Key URI Format: ``label = accountname / issuer (":" / "%3A") *"%20" accountname``,
    and neither part may contain a colon. So the first ':' or '%3A' (any case)
    separates them and spaces after it are dropped (ente Auth and others write
    ``Issuer%3Aaccount``). When the URI also has an issuer parameter and the
    label starts with exactly that issuer and a separator, the split is made
    there instead, so an issuer that itself has a colon (which this app
    escapes when it writes a URI) still comes back whole.
    """
    raw = path[1:] if path.startswith("/") else path
    text = _decode(raw, "label")
    head = issuer + ":"
    if issuer and len(text) >= len(head) and text[: len(head)].casefold() == head.casefold():
        return text[: len(issuer)].strip(), text[len(head) :].strip()
    if ":" in text:
        prefix, account = text.split(":", 1)
        return prefix.strip(), account.strip()
    return "", text.strip()


def _query(query: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise OtpAuthError("a parameter in the URI is not valid UTF-8") from None
    params: dict[str, str] = {}
    for raw_name, value in pairs:
        name = raw_name.strip().lower()
        if name in params and params[name] != value:
            raise OtpAuthError(f"the URI gives the “{_clip(name)}” parameter twice with different values")
        params[name] = value
    return params


def parse_uri(uri: str, *, stored: bool = False) -> OtpParams:
    """Parse an ``otpauth://totp|hotp/LABEL?secret=...`` URI into validated `OtpParams`.

    `stored=True` (a row already in a profile) keeps issuer/account text an older version accepted.
    """
    if not isinstance(uri, str):
        raise OtpAuthError("the otpauth URI must be text")
    text = uri.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        raise OtpAuthError("this is not a well-formed otpauth URI") from None
    scheme = parts.scheme.lower()
    if scheme == "otpauth-migration":
        raise OtpAuthError(
            "this is a Google Authenticator export (otpauth-migration), not a single account URI"
        )
    if scheme != "otpauth":
        raise OtpAuthError("this is not an otpauth URI (it must start with otpauth://)")
    kind = _kind(parts.netloc)
    params = _query(parts.query)
    label_issuer, account = _split_label(parts.path, params.get("issuer", "").strip())
    if kind == OtpKind.TOTP and params.get("encoder", "").strip().lower() == "steam":
        kind = OtpKind.STEAM  # KeePassXC's and others' way of marking a Steam entry in an otpauth://totp URI
    elif (
        kind == OtpKind.TOTP
        and params.get("digits", "").strip() == str(STEAM_DIGITS)
        and (params.get("issuer", "") or label_issuer).strip().casefold() == "steam"
    ):
        kind = OtpKind.STEAM  # WinAuth and others: a 5-character "Steam" TOTP is Steam Guard

    secret = params.get("secret", "")
    if "secret" not in params or not secret.strip():
        raise OtpAuthError("the URI has no secret parameter")

    warnings: list[str] = []
    issuer = params.get("issuer", "").strip()
    if issuer and label_issuer and issuer.casefold() != label_issuer.casefold():
        warnings.append(
            f"the label names the issuer “{_clip(label_issuer, 40)}” but the issuer parameter says "
            f"“{_clip(issuer, 40)}”; using “{_clip(issuer, 40)}”"
        )
    issuer = issuer or label_issuer

    if kind == OtpKind.HOTP and not params.get("counter", "").strip():
        raise OtpAuthError("an HOTP URI needs a counter parameter")

    def opt(name: str, default: str | int) -> str | int:
        value = params.get(name, "")
        return value if value.strip() else default

    result = _build_params(
        kind=kind,
        secret=secret,
        account=account,
        issuer=issuer,
        algorithm=str(opt("algorithm", "SHA1")),
        digits=opt("digits", STEAM_DIGITS if kind == OtpKind.STEAM else 6),
        period=opt("period", 30),
        counter=opt("counter", 0),
        warnings=tuple(warnings),
        stored=stored,
    )
    log.debug("parsed an otpauth URI (%s, %s, %d digits)", result.kind, result.algorithm, result.digits)
    return result


def build_uri(params: OtpParams) -> str:
    """Build the canonical otpauth URI for `params` (the inverse of `parse_uri`).

    Parameters are written only where a reader could not infer them, except
    issuer, algorithm, digits and period which are always written because some
    authenticator apps ignore the documented defaults.
    """
    issuer = quote(params.issuer, safe=_SAFE)
    account = quote(params.account, safe=_SAFE)
    # Without an issuer, an account holding a colon gets an empty issuer prefix: its
    # escaped colon must not be read back as the separator.
    label = f"{issuer}:{account}" if params.issuer or ":" in params.account else account
    query = [f"secret={params.secret}"]
    if params.issuer:
        query.append(f"issuer={issuer}")
    query.append(f"algorithm={params.algorithm}")
    query.append(f"digits={params.digits}")
    if params.kind == OtpKind.HOTP:
        query.append(f"counter={params.counter}")
        if params.period != 30:
            query.append(f"period={params.period}")
    else:
        query.append(f"period={params.period}")
        if params.counter:
            query.append(f"counter={params.counter}")
    return f"otpauth://{params.kind}/{label}?{'&'.join(query)}"


LABEL_COLON = "\uff1a"
"""FULLWIDTH COLON: stands in for ':' inside a label part of a portable link (see `build_portable_uri`)."""


def build_portable_uri(params: OtpParams, *, account: str | None = None) -> str:
    """An otpauth link every other app reads right (exports, move-to-phone QR codes; issue 20 items 3-4).

    Differs from `build_uri` (this app's own lossless storage form) where other
    readers disagree: the Key URI Format forbids ':' inside the issuer or the
    account, and Aegis and the npm `otpauth` package split the label at any
    colon, so a label part never holds one (an issuer with a colon is left out
    of the label, the issuer parameter carries it whole; a colon in the
    account is written as a fullwidth colon). Steam is written as
    ``otpauth://totp/…&digits=5&encoder=steam``, the form pyotp, npm `otpauth`
    and KeePassXC know (``otpauth://steam/`` is Aegis's and 2FAS's only).
    `account` overrides the label's account (the export adds the nickname).
    """
    shown = params.account if account is None else account
    label_account = quote(shown.replace(":", LABEL_COLON), safe=_SAFE)
    issuer = quote(params.issuer, safe=_SAFE)
    label = f"{issuer}:{label_account}" if params.issuer and ":" not in params.issuer else label_account
    kind = OtpKind.TOTP if params.kind == OtpKind.STEAM else params.kind
    query = [f"secret={params.secret}"]
    if params.issuer:
        query.append(f"issuer={issuer}")
    if params.kind != OtpKind.STEAM:  # pyotp refuses a Steam link with an algorithm (Steam is always SHA1)
        query.append(f"algorithm={params.algorithm}")
    query.append(f"digits={params.digits}")
    if params.kind == OtpKind.HOTP:
        query.append(f"counter={params.counter}")
    else:
        query.append(f"period={params.period}")
    if params.kind == OtpKind.STEAM:
        query.append("encoder=steam")
    return f"otpauth://{kind}/{label}?{'&'.join(query)}"

