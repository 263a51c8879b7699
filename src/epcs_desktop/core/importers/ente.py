"""ente Auth encrypted exports.

``{"version": 1, "kdfParams": {"memLimit", "opsLimit", "salt"},
"encryptedData", "encryptionNonce"}`` (base64): the key is libsodium's
``crypto_pwhash`` (Argon2id 1.3) of the password with the file's salt and
limits, and the data is one XChaCha20-Poly1305 secretstream message whose
header is ``encryptionNonce``. The plaintext is an otpauth link list (ente's
plain export). ente picks its limits from what the device manages (at most
1 GiB and a few passes); the file's limits are bounded before any work:
memory 8 KiB-1 GiB, 1-20 passes, memory x passes at most 4 GiB.

Needs PyNaCl (libsodium's secretstream; `cryptography` has no XChaCha20).
"""

from __future__ import annotations

from typing import Any

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError
from epcs_desktop.core.importers.base import (
    ImportFormat,
    ImportResult,
    Source,
    b64,
    damaged,
    kdf_int,
    need_password,
)
from epcs_desktop.core.importers.links import GoogleExports, read_lines

FORMAT_ENTE = "ente Auth encrypted export"
WHAT = "ente Auth export"
MAX_MEM = 1024 * 1024 * 1024
MAX_OPS = 20
MAX_WORK = 4 * MAX_MEM


def _detect(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and "kdfParams" in doc and "encryptedData" in doc


def _read(source: Source, password: str | None, exports: GoogleExports) -> ImportResult:
    doc, name = source.json, source.name
    assert isinstance(doc, dict)
    password = need_password(password, name, WHAT)
    params: Any = doc.get("kdfParams")
    if not isinstance(params, dict):
        raise damaged(name, WHAT, "its key settings are missing")
    mem = kdf_int(params.get("memLimit"), 8192, MAX_MEM, name, WHAT)
    ops = kdf_int(params.get("opsLimit"), 1, MAX_OPS, name, WHAT)
    if mem * ops > MAX_WORK:
        raise damaged(name, WHAT, "its key settings are outside what the app that wrote it uses")
    salt = b64(params.get("salt"), name, WHAT)
    data = b64(doc.get("encryptedData"), name, WHAT)
    header = b64(doc.get("encryptionNonce"), name, WHAT)
    try:
        import nacl.bindings as sodium
        from nacl.exceptions import CryptoError
    except ImportError:  # pragma: no cover - PyNaCl is a dependency
        raise ImportFileError(f"{name} needs PyNaCl to be opened; it is not installed.") from None
    if len(salt) != sodium.crypto_pwhash_SALTBYTES or len(header) != 24:
        raise damaged(name, WHAT, "its encrypted data is malformed")
    key = sodium.crypto_pwhash_alg(
        32, password.encode("utf-8"), salt, ops, mem, sodium.crypto_pwhash_ALG_ARGON2ID13
    )
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        plain, _tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, data, None)
    except (CryptoError, ValueError, RuntimeError):
        raise ImportPasswordError(f"The password does not open {name}.") from None
    try:
        text = plain.decode("utf-8")
    except UnicodeDecodeError:
        raise damaged(name, WHAT, "its contents are not text") from None
    result = read_lines(text, name, exports)
    result.format = FORMAT_ENTE
    return result


ENTE_ENCRYPTED = ImportFormat(
    key="ente-encrypted",
    label="ente Auth (encrypted)",
    patterns=("*.txt", "*.json"),
    detect=_detect,
    read=_read,
    encrypted=True,
    notes="Argon2id (the file's limits, at most 1 GiB and 20 passes) -> XChaCha20-Poly1305 secretstream; "
    "ente's plain export is an otpauth link list",
)
