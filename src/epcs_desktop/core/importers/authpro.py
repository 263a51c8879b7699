"""Authenticator Pro (now Stratum) backups: plain JSON and the two encrypted forms.

Plain: ``{"Authenticators": [{"Type", "Issuer", "Username", "Secret",
"Algorithm", "Digits", "Period", "Counter"}], "Categories", ...}`` with Type
1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex and Algorithm 0 SHA1, 1 SHA256,
2 SHA512. Encrypted (the app's ``doc/BACKUP_FORMAT.md``): ``AUTHENTICATORPRO`` +
16-byte salt + 12-byte IV + AES-256-GCM, key Argon2id(t=3, m=64 MiB, p=4);
legacy ``AuthenticatorPro`` + 20-byte salt + 16-byte IV + AES-256-CBC/PKCS7,
key PBKDF2-SHA1(64,000). Both settings are fixed by the app.
"""

from __future__ import annotations

import json
from typing import Any

from epcs_desktop.core.errors import ImportPasswordError
from epcs_desktop.core.importers.base import (
    Collector,
    ImportFormat,
    ImportResult,
    Source,
    damaged,
    describe,
    json_load,
    need_password,
    text_of,
)
from epcs_desktop.core.otpauth import OtpKind

FORMAT_AUTHPRO = "Authenticator Pro backup"
FORMAT_AUTHPRO_ENCRYPTED = "Authenticator Pro encrypted backup"
WHAT = "Authenticator Pro backup"
STRONG_HEADER, LEGACY_HEADER = b"AUTHENTICATORPRO", b"AuthenticatorPro"
TYPES = {1: OtpKind.HOTP, 2: OtpKind.TOTP, 3: "motp", 4: OtpKind.STEAM, 5: "yandex"}
ALGORITHMS = {0: "SHA1", 1: "SHA256", 2: "SHA512"}


def _code(value: Any) -> int:
    """An enum number of the file (Type, Algorithm): an int, else -1, no code (a list or a bool is none)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and isinstance(doc.get("Authenticators"), list)


def entries(doc: Any, name: str, fmt: str) -> ImportResult:
    items = doc.get("Authenticators") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise damaged(name, WHAT, "it has no list of authenticators")
    out = Collector(fmt)
    for number, item in out.each(items, name):
        issuer, account = text_of(item.get("Issuer")), text_of(item.get("Username"))
        kind = TYPES.get(_code(item.get("Type")), f"type {text_of(item.get('Type'))}")
        out.entry(
            describe(issuer, account, number),
            secret=text_of(item.get("Secret")),
            issuer=issuer,
            account=account,
            kind=kind,
            algorithm=ALGORITHMS.get(_code(item.get("Algorithm")), "unknown"),
            digits=item.get("Digits") or (5 if kind == OtpKind.STEAM else 6),
            period=item.get("Period") or 30,
            counter=item.get("Counter") or 0 if kind == OtpKind.HOTP else 0,
        )
    return out.result


def _read(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    return entries(source.json, source.name, FORMAT_AUTHPRO)


def _detect_encrypted(source: Source) -> bool:
    return source.data[:16] in (STRONG_HEADER, LEGACY_HEADER)


def _read_encrypted(source: Source, password: str | None, _context: object = None) -> ImportResult:
    from cryptography.exceptions import InvalidTag

    name, data = source.name, source.data
    secret = need_password(password, name, WHAT).encode("utf-8")
    try:
        if data[:16] == STRONG_HEADER:
            from argon2.low_level import Type, hash_secret_raw

            from epcs_desktop.core.importers.base import gcm_open

            salt, iv, sealed = data[16:32], data[32:44], data[44:]
            key = hash_secret_raw(
                secret, salt, time_cost=3, memory_cost=65536, parallelism=4, hash_len=32, type=Type.ID
            )
            plain = gcm_open(key, iv, sealed)
        else:
            from cryptography.hazmat.primitives import hashes, padding
            from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
            from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

            salt, iv, sealed = data[16:36], data[36:52], data[52:]
            key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=64_000).derive(secret)  # noqa: S303
            decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            padded = decryptor.update(sealed) + decryptor.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            plain = unpadder.update(padded) + unpadder.finalize()
            json.loads(plain)  # a wrong key gives garbage, not an error: ValueError below
    except InvalidTag:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    except ValueError:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    except Exception as exc:
        if exc.__class__.__module__.startswith("argon2"):
            raise damaged(name, WHAT, "its key settings cannot be used") from None
        raise
    return entries(json_load(plain, name, WHAT), name, FORMAT_AUTHPRO_ENCRYPTED)


AUTHPRO = ImportFormat(
    key="authpro",
    label="Authenticator Pro / Stratum (plain)",
    patterns=("*.json", "*.authpro", "*.stratum"),
    detect=_detect,
    read=_read,
    notes="Authenticators with Type 1 HOTP, 2 TOTP, 4 Steam (mOTP and Yandex refused)",
)
AUTHPRO_ENCRYPTED = ImportFormat(
    key="authpro-encrypted",
    label="Authenticator Pro / Stratum (encrypted)",
    patterns=("*.authpro", "*.stratum", "*.bin"),
    detect=_detect_encrypted,
    read=_read_encrypted,
    encrypted=True,
    notes="Argon2id (t=3, 64 MiB, p=4, fixed) -> AES-256-GCM; legacy PBKDF2-SHA1 (64,000) -> AES-256-CBC",
)
