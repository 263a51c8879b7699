"""andOTP backups: ``otp_accounts.json`` (plain) and ``otp_accounts.json.aes`` (encrypted).

Plain: a JSON list of ``{"secret", "issuer", "label", "digits", "type"
(TOTP/HOTP/STEAM), "algorithm", "period" or "counter", ...}``. Encrypted (andOTP
0.6.3+): 4 bytes big-endian PBKDF2 iteration count, 12 bytes salt, 12 bytes
IV, then AES-256-GCM of the plain JSON; the key is PBKDF2-HMAC-SHA1(password,
salt, iterations, 32 bytes). andOTP picks 140,000-160,000 iterations; the
file's count is bounded (at most 1,000,000) before any work.
"""

from __future__ import annotations

import struct
from typing import Any

from epcs_desktop.core.errors import ImportPasswordError
from epcs_desktop.core.importers.base import (
    Collector,
    ImportFormat,
    ImportResult,
    Source,
    damaged,
    describe,
    gcm_open,
    json_load,
    kdf_int,
    need_password,
    text_of,
)
from epcs_desktop.core.otpauth import OtpKind

FORMAT_ANDOTP = "andOTP backup"
FORMAT_ANDOTP_ENCRYPTED = "andOTP encrypted backup"
WHAT = "andOTP backup"
MIN_ITERATIONS, MAX_ITERATIONS = 100_000, 1_000_000  # andOTP writes 140,000-160,000
_HEADER = 4 + 12 + 12


def _is_entry(item: Any) -> bool:
    return isinstance(item, dict) and "secret" in item and "type" in item


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, list) and bool(doc) and all(_is_entry(x) for x in doc[:3])


def entries(doc: Any, name: str, fmt: str) -> ImportResult:
    if not isinstance(doc, list):
        raise damaged(name, WHAT, "it has no list of entries")
    out = Collector(fmt)
    for number, item in out.each(doc, name):
        issuer, account = text_of(item.get("issuer")), text_of(item.get("label"))
        kind = text_of(item.get("type")) or "TOTP"
        out.entry(
            describe(issuer, account, number),
            secret=text_of(item.get("secret")),
            account=account,
            issuer=issuer,
            algorithm=text_of(item.get("algorithm")) or "SHA1",
            digits=item.get("digits") or (5 if kind.lower() == OtpKind.STEAM else 6),
            period=item.get("period") or 30,
            kind=kind,
            counter=item.get("counter") or 0 if kind.lower() == OtpKind.HOTP else 0,
        )
    return out.result


def _read(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    return entries(source.json, source.name, FORMAT_ANDOTP)


def _detect_encrypted(source: Source) -> bool:
    data = source.data
    if source.text is not None or len(data) <= _HEADER + 16:
        return False
    (iterations,) = struct.unpack(">I", data[:4])
    return bool(MIN_ITERATIONS <= iterations <= MAX_ITERATIONS)


def _read_encrypted(source: Source, password: str | None, _context: object = None) -> ImportResult:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    name, data = source.name, source.data
    password = need_password(password, name, WHAT)
    iterations = kdf_int(struct.unpack(">I", data[:4])[0], MIN_ITERATIONS, MAX_ITERATIONS, name, WHAT)
    salt, iv, sealed = data[4:16], data[16:28], data[28:]
    key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=iterations).derive(  # noqa: S303
        password.encode("utf-8")
    )
    try:
        plain = gcm_open(key, iv, sealed)
    except InvalidTag:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    return entries(json_load(plain, name, WHAT), name, FORMAT_ANDOTP_ENCRYPTED)


ANDOTP = ImportFormat(
    key="andotp",
    label="andOTP (plain)",
    patterns=("*.json",),
    detect=_detect,
    read=_read,
    notes="a JSON list of entries (TOTP, HOTP, STEAM; MOTP refused)",
)
ANDOTP_ENCRYPTED = ImportFormat(
    key="andotp-encrypted",
    label="andOTP (encrypted)",
    patterns=("*.aes", "*.bin"),
    detect=_detect_encrypted,
    read=_read_encrypted,
    encrypted=True,
    notes="PBKDF2-SHA1 (100,000-1,000,000 iterations, as the file says) -> AES-256-GCM",
)
