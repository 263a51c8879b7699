"""Proton Authenticator exports (plain or password-encrypted) and Proton Pass exports (zip or JSON).

Proton Authenticator: ``{"version": 1, "entries": [{"content": {"uri",
"entry_type", "name"}, "note"}]}``; ``uri`` is an otpauth link or
``steam://KEY``. Encrypted: ``{"version": 1, "salt": base64 (16 bytes),
"content": base64(nonce 12 || AES-256-GCM ciphertext || tag)}`` with the key
Argon2id(password, salt, m=19 MiB, t=2, p=1, 32 bytes) and the associated data
``proton.authenticator.export.v1`` (proton-pass-common's password exporter;
the settings are fixed, so the file cannot ask for more work).

Proton Pass: ``Proton Pass/data.json`` inside the export zip (or that JSON on
its own): ``{"encrypted": false, "vaults": {id: {"items": [{"data": {"type":
"login", "metadata": {"name"}, "content": {"itemUsername", "itemEmail",
"totpUri"}}}]}}}``. PGP-encrypted Proton Pass exports are refused with how
to export them unencrypted.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError
from epcs_desktop.core.importers.base import (
    MAX_FILE_BYTES,
    Collector,
    ImportFormat,
    ImportResult,
    Source,
    b64,
    damaged,
    describe,
    json_load,
    need_password,
    text_of,
)
from epcs_desktop.core.importers.bitwarden import add_totp
from epcs_desktop.core.importers.links import GoogleExports

FORMAT_PROTON = "Proton Authenticator export"
FORMAT_PROTON_ENCRYPTED = "Proton Authenticator encrypted export"
FORMAT_PROTON_PASS = "Proton Pass export"  # noqa: S105 (a format name)
WHAT = "Proton Authenticator export"
AAD = b"proton.authenticator.export.v1"
ARGON2_MEMORY_KIB, ARGON2_TIME, ARGON2_LANES = 19 * 1024, 2, 1
_ZIP_MAGIC = b"PK\x03\x04"


def _detect(source: Source) -> bool:
    doc = source.json
    if not isinstance(doc, dict):
        return False
    entries = doc.get("entries")
    if isinstance(entries, list):
        return all(isinstance(e, dict) and "content" in e for e in entries[:3])
    return set(doc) >= {"version", "salt", "content"}


def _decrypt(doc: dict[str, Any], password: str | None, name: str) -> Any:
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    password = need_password(password, name, WHAT)
    if doc.get("version") != 1:
        raise ImportFileError(f"{name} is a Proton Authenticator export of a version this app does not know.")
    salt, frame = b64(doc.get("salt"), name, WHAT), b64(doc.get("content"), name, WHAT)
    if len(salt) != 16 or len(frame) < 12 + 16:
        raise damaged(name, WHAT, "its encrypted data is malformed")
    key = hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=ARGON2_TIME,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_LANES,
        hash_len=32,
        type=Type.ID,
    )
    try:
        plain = AESGCM(key).decrypt(frame[:12], frame[12:], AAD)
    except InvalidTag:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    return json_load(plain, name, WHAT)


def _read(source: Source, password: str | None, exports: GoogleExports) -> ImportResult:
    doc, name = source.json, source.name
    assert isinstance(doc, dict)
    fmt = FORMAT_PROTON
    if "entries" not in doc:
        doc, fmt = _decrypt(doc, password, name), FORMAT_PROTON_ENCRYPTED
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise damaged(name, WHAT, "it has no list of entries")
    out = Collector(fmt)
    for number, entry in enumerate(entries, start=1):
        if out.full():
            out.too_many(name)
            break
        content = entry.get("content") if isinstance(entry, dict) else None
        if not isinstance(content, dict):
            out.problem(f"entry {number}: not an account entry")
            continue
        label = text_of(content.get("name"))
        add_totp(out, text_of(content.get("uri")), "", label, describe("", label, number), exports)
    return out.result


# --------------------------------------------------------------------------- Proton Pass


def _pass_json(source: Source) -> Any:
    """The data.json of a Proton Pass export: the file itself, or read (bounded) from the zip."""
    if not source.data.startswith(_ZIP_MAGIC):
        return source.json
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            info = next((i for i in archive.infolist() if i.filename.endswith("data.json")), None)
            if info is None:
                return None
            if info.file_size > MAX_FILE_BYTES:
                raise damaged(source.name, "Proton Pass export", "its data is larger than any export")
            with archive.open(info) as member:
                raw = member.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    if len(raw) > MAX_FILE_BYTES:
        raise damaged(source.name, "Proton Pass export", "its data is larger than any export")
    return json_load(raw, source.name, "Proton Pass export")


def _detect_pass(source: Source) -> bool:
    if source.data.startswith(_ZIP_MAGIC):
        return source.path.suffix.lower() == ".zip" or b"data.json" in source.data[:4096]
    doc = source.json
    return isinstance(doc, dict) and isinstance(doc.get("vaults"), dict)


def _read_pass(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    doc = _pass_json(source)
    if not isinstance(doc, dict):
        raise ImportFileError(f"{source.name} is a zip file, but not a Proton Pass export.")
    if doc.get("encrypted") is True:
        raise ImportFileError(
            f"{source.name} is an encrypted Proton Pass export: export again without encryption (ZIP) "
            "and import that file."
        )
    vaults = doc.get("vaults")
    if not isinstance(vaults, dict):
        raise damaged(source.name, "Proton Pass export", "it has no vaults")
    out = Collector(FORMAT_PROTON_PASS)
    number = 0
    for vault in vaults.values():
        items = vault.get("items") if isinstance(vault, dict) else None
        for item in items if isinstance(items, list) else []:
            data = item.get("data") if isinstance(item, dict) else None
            if not isinstance(data, dict) or out.full():
                continue
            raw_content = data.get("content")
            content = raw_content if isinstance(raw_content, dict) else {}
            totp = text_of(content.get("totpUri"))
            if not totp.strip():
                continue
            number += 1
            raw_meta = data.get("metadata")
            meta = raw_meta if isinstance(raw_meta, dict) else {}
            title = text_of(meta.get("name"))
            user = (
                text_of(content.get("itemUsername"))
                or text_of(content.get("itemEmail"))
                or text_of(content.get("username"))
            )
            add_totp(out, totp, title, user, describe(title, user, number, "item"), exports)
    if not number:
        out.problem(f"{source.name} holds no login with a TOTP key")
    return out.result


PROTON_AUTHENTICATOR = ImportFormat(
    key="proton-authenticator",
    label="Proton Authenticator (plain or encrypted)",
    patterns=("*.json",),
    detect=_detect,
    read=_read,
    encrypted=True,
    notes="entries with an otpauth or steam:// link; encrypted: Argon2id (19 MiB, t=2, fixed) -> AES-256-GCM",
)
PROTON_PASS = ImportFormat(
    key="proton-pass",
    label="Proton Pass (ZIP or JSON)",
    patterns=("*.zip", "*.json"),
    detect=_detect_pass,
    read=_read_pass,
    notes="logins with a TOTP link in data.json; the PGP-encrypted export is refused",
)
