"""Aegis vault exports (``docs/vault.md`` in beemdevelopment/Aegis), plain or encrypted.

``{"version": 1, "header": {"slots", "params"}, "db"}``. Plain exports have
``slots``/``params`` null and ``db`` an object. Encrypted exports wrap a random
master key in password slots (type 1: scrypt(N, r, p, salt) -> AES-256-GCM of
the key) and ``db`` is base64 of the AES-256-GCM ciphertext of the content,
nonce/tag in ``header.params``.

Caps on what an encrypted file may make us compute (issue 11 item 7, issue 23
item 5): Aegis writes one password slot at N=2^15, r=8, p=1 (plus biometric
slots). Every setting is bounded on its own (N <= 2^18, r <= 16, p <= 16),
one slot may cost 8x Aegis's and all slots together 16x, checked before the
first derivation. An uncapped ``r`` (2^20 with N=2) cost 8 s and 800 MB.
"""

from __future__ import annotations

from typing import Any

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError
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
    hexbytes,
    json_load,
    kdf_int,
    need_password,
)
from epcs_desktop.core.otpauth import OtpKind

FORMAT_AEGIS = "Aegis export"
FORMAT_AEGIS_ENCRYPTED = "Aegis encrypted export"
WHAT = "Aegis export"

MAX_AEGIS_SLOTS = 64
MAX_AEGIS_PASSWORD_SLOTS = 8
MAX_SCRYPT_N = 2**18
MAX_SCRYPT_R = 16
MAX_SCRYPT_P = 16
MAX_SCRYPT_WORK = 8 * 2**15 * 8  # n * r * p of one slot
MAX_SCRYPT_WORK_TOTAL = 16 * 2**15 * 8  # summed over the password slots


def _checked_costs(slot: dict[str, Any], name: str) -> tuple[int, int, int]:
    n = kdf_int(slot.get("n"), 2, MAX_SCRYPT_N, name, WHAT)
    r = kdf_int(slot.get("r"), 1, MAX_SCRYPT_R, name, WHAT)
    p = kdf_int(slot.get("p"), 1, MAX_SCRYPT_P, name, WHAT)
    if n & (n - 1) or n * r * p > MAX_SCRYPT_WORK:
        raise damaged(name, WHAT, "its key settings are outside what the app that wrote it uses")
    return n, r, p


def master_key(slots: Any, password: str, name: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not isinstance(slots, list):
        raise damaged(name, WHAT, "it has no key slots")
    password_slots = [s for s in slots if isinstance(s, dict) and s.get("type") == 1]
    if not password_slots:
        raise ImportFileError(
            f"{name} can only be unlocked with a fingerprint or device key, not a password."
        )
    if len(slots) > MAX_AEGIS_SLOTS or len(password_slots) > MAX_AEGIS_PASSWORD_SLOTS:
        raise damaged(name, WHAT, "it has more key slots than any Aegis vault")
    costs = [_checked_costs(slot, name) for slot in password_slots]  # all checked before any derivation
    if sum(n * r * p for n, r, p in costs) > MAX_SCRYPT_WORK_TOTAL:
        raise damaged(name, WHAT, "its key settings are outside what the app that wrote it uses")
    secret = password.encode("utf-8")
    for slot, (n, r, p) in zip(password_slots, costs, strict=True):
        salt = hexbytes(slot.get("salt"), name, WHAT)
        key_params = slot.get("key_params")
        if not isinstance(key_params, dict):
            raise damaged(name, WHAT, "a key slot is incomplete")
        wrapped = hexbytes(slot.get("key"), name, WHAT) + hexbytes(key_params.get("tag"), name, WHAT)
        nonce = hexbytes(key_params.get("nonce"), name, WHAT)
        try:
            derived = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
            return gcm_open(derived, nonce, wrapped)
        except InvalidTag:
            continue
        except (ValueError, MemoryError):
            raise damaged(name, WHAT, "a key slot is malformed") from None
    raise ImportPasswordError(f"The password does not open {name}.")


def _content(doc: dict[str, Any], password: str | None, name: str) -> tuple[Any, str]:
    from cryptography.exceptions import InvalidTag

    header, db = doc.get("header"), doc.get("db")
    if isinstance(db, dict):
        return db, FORMAT_AEGIS
    if not isinstance(db, str) or not isinstance(header, dict):
        raise damaged(name, WHAT, "its vault data is missing")
    password = need_password(password, name, WHAT)
    params = header.get("params")
    if not isinstance(params, dict):
        raise damaged(name, WHAT, "its encryption settings are missing")
    master = master_key(header.get("slots"), password, name)
    ciphertext = b64(db, name, WHAT) + hexbytes(params.get("tag"), name, WHAT)
    nonce = hexbytes(params.get("nonce"), name, WHAT)
    try:
        plain = gcm_open(master, nonce, ciphertext)
    except (InvalidTag, ValueError):
        raise damaged(name, WHAT, "its vault data is damaged") from None
    return json_load(plain, name, WHAT), FORMAT_AEGIS_ENCRYPTED


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and "header" in doc and "db" in doc


def _read(source: Source, password: str | None, _context: object = None) -> ImportResult:
    doc, name = source.json, source.name
    assert isinstance(doc, dict)
    if doc.get("version") != 1:
        raise ImportFileError(f"{name} is an Aegis export of a version this app does not know.")
    content, fmt = _content(doc, password, name)
    if not isinstance(content, dict):
        raise damaged(name, WHAT, "it has no list of entries")
    out = Collector(fmt)
    for number, entry in out.each(as_list(content.get("entries"), name, WHAT), name):
        where = describe(entry.get("issuer"), entry.get("name"), number)
        kind = entry.get("type")
        info = entry.get("info")
        if not isinstance(info, dict):
            out.problem(f"{where}: the entry has no key")
            continue
        out.entry(
            where,
            secret=info.get("secret", ""),
            account=entry.get("name") or "",
            issuer=entry.get("issuer") or "",
            algorithm=info.get("algo") or "SHA1",
            digits=info.get("digits", 5 if kind == OtpKind.STEAM else 6),
            period=info.get("period", 30),
            kind=kind,
            counter=info.get("counter", 0) if kind == OtpKind.HOTP else 0,
        )
    return out.result


AEGIS = ImportFormat(
    key="aegis",
    label="Aegis (plain or encrypted)",
    patterns=("*.json",),
    detect=_detect,
    read=_read,
    encrypted=True,
    notes="vault format of Aegis's docs/vault.md; encrypted: scrypt password slots (N <= 2^18, r <= 16, "
    "p <= 16, at most 8x Aegis's cost) -> AES-256-GCM",
)
