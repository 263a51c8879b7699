"""2FAS backups (``.2fas``), plain or encrypted, schema 1 to 4.

``{"services": [...], "schemaVersion": 4, ...}``; when encrypted,
``servicesEncrypted`` is ``base64(ct+tag):base64(salt):base64(iv)`` with the
key from PBKDF2-HMAC-SHA256, 10,000 iterations, 32 bytes (fixed by 2FAS, so
the file cannot ask for more work).

The issuer is ``otp.issuer`` when the service has one, else the service name
(older schemas have no ``otp.issuer``); an ``otp.issuer`` that is present but
empty means "no issuer" (our own exports of a generator without one, issue 20
item 5).
"""

from __future__ import annotations

from typing import Any

from epcs_desktop.core.errors import ImportPasswordError
from epcs_desktop.core.importers.base import (
    Collector,
    ImportFormat,
    ImportResult,
    Source,
    as_list,
    b64,
    damaged,
    describe,
    gcm_open,
    json_load,
    need_password,
    text_of,
)
from epcs_desktop.core.otpauth import OtpKind

FORMAT_2FAS = "2FAS backup"
FORMAT_2FAS_ENCRYPTED = "2FAS encrypted backup"
TWOFAS_ITERATIONS = 10_000
WHAT = "2FAS backup"


def _services(doc: dict[str, Any], password: str | None, name: str) -> tuple[Any, str]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    sealed = doc.get("servicesEncrypted")
    if sealed is None or sealed == "":
        return as_list(doc.get("services"), name, WHAT, "it has no list of services"), FORMAT_2FAS
    password = need_password(password, name, WHAT)
    if not isinstance(sealed, str) or sealed.count(":") != 2:
        raise damaged(name, WHAT, "its encrypted data is malformed")
    ct, salt, iv = (b64(part, name, WHAT) for part in sealed.split(":"))
    if not salt or not iv or len(ct) <= 16:
        raise damaged(name, WHAT, "its encrypted data is malformed")
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=TWOFAS_ITERATIONS).derive(
        password.encode("utf-8")
    )
    try:
        plain = gcm_open(key, iv, ct)
    except InvalidTag:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    except ValueError:
        raise damaged(name, WHAT, "its encrypted data is malformed") from None
    return json_load(plain, name, WHAT), FORMAT_2FAS_ENCRYPTED


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and ("servicesEncrypted" in doc or "services" in doc)


def _read(source: Source, password: str | None, _context: object = None) -> ImportResult:
    doc, name = source.json, source.name
    assert isinstance(doc, dict)
    services, fmt = _services(doc, password, name)
    out = Collector(fmt)
    for number, service in out.each(as_list(services, name, WHAT, "it has no list of services"), name):
        raw_otp = service.get("otp")
        otp = raw_otp if isinstance(raw_otp, dict) else {}
        issuer = text_of(otp["issuer"]) if "issuer" in otp else text_of(service.get("name"))
        account = text_of(otp.get("account"))
        label = text_of(otp.get("label"))
        if not account and label.strip():
            account = label.split(":", 1)[1] if ":" in label else label
        kind = text_of(otp.get("tokenType")) or "TOTP"
        out.entry(
            describe(issuer, account, number),
            secret=service.get("secret", ""),
            account=account,
            issuer=issuer,
            algorithm=otp.get("algorithm") or "SHA1",
            digits=otp.get("digits") or (5 if kind.lower() == OtpKind.STEAM else 6),
            period=otp.get("period") or 30,
            kind=kind,
            counter=(otp.get("counter") or 0) if kind.lower() == OtpKind.HOTP else 0,
        )
    return out.result


TWOFAS = ImportFormat(
    key="2fas",
    label="2FAS (plain or encrypted)",
    patterns=("*.2fas", "*.json"),
    detect=_detect,
    read=_read,
    encrypted=True,
    notes="schemas 1-4; encrypted: PBKDF2-SHA256 (10,000, fixed) -> AES-256-GCM",
)
