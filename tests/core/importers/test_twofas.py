"""2FAS backups, plain and encrypted (core/importers/twofas.py), written in 2FAS's format."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError, PasswordRequiredError
from epcs_desktop.core.importers import ImportResult, read_import_file

from .conftest import A1, A2, A3, S1, S2, S3, STEAM, write_json

# --------------------------------------------------------------------------- 2FAS


def _twofas_services() -> list[dict[str, Any]]:
    return [
        {
            "name": "ID.me",
            "secret": S1,
            "updatedAt": 1704874073731,
            "otp": {
                "label": "ID.me:jane@clinic.org",
                "account": "jane@clinic.org",
                "issuer": "ID.me",
                "digits": 6,
                "period": 30,
                "algorithm": "SHA1",
                "tokenType": "TOTP",
                "source": "Link",
            },
            "order": {"position": 0},
        },
        {
            "name": "DrChrono",
            "secret": S2,
            "otp": {"label": "", "account": "jane", "digits": 8, "period": 30, "algorithm": "SHA256"},
        },
        {
            "name": "Bank",
            "secret": S3,
            "otp": {"label": "Bank:j", "digits": 6, "algorithm": "SHA1", "tokenType": "HOTP", "counter": 5},
        },
        {"name": "Steam", "secret": S1, "otp": {"account": "gamer", "tokenType": "STEAM"}},
    ]


def _twofas_plain() -> dict[str, Any]:
    return {
        "services": _twofas_services(),
        "groups": [],
        "updatedAt": 1708958781890,
        "schemaVersion": 4,
        "appVersionCode": 5000017,
        "appOrigin": "android",
    }


def _twofas_encrypted(password: str) -> dict[str, Any]:
    """2FAS: PBKDF2-HMAC-SHA256 (10,000 iterations) + AES-256-GCM, 'ct+tag:salt:iv' in base64."""
    salt, iv = os.urandom(256), os.urandom(12)
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10_000)
    key = kdf.derive(password.encode())
    sealed = AESGCM(key).encrypt(iv, json.dumps(_twofas_services()).encode(), None)
    doc = _twofas_plain()
    doc["services"] = []
    doc["servicesEncrypted"] = ":".join(base64.b64encode(x).decode() for x in (sealed, salt, iv))
    return doc


def _check_twofas_result(result: ImportResult) -> None:
    assert result.accounts == [A1, A2, A3, STEAM]
    assert result.problems == []


def test_twofas_plain(tmp_path: Path) -> None:
    result = read_import_file(write_json(tmp_path / "backup.2fas", _twofas_plain()))
    assert result.format == "2FAS backup"
    _check_twofas_result(result)


def test_twofas_encrypted(tmp_path: Path) -> None:
    f = write_json(tmp_path / "backup.2fas", _twofas_encrypted("s3cret pass"))
    with pytest.raises(PasswordRequiredError, match="encrypted 2FAS backup"):
        read_import_file(f)
    with pytest.raises(ImportPasswordError):
        read_import_file(f, "S3cret pass")
    result = read_import_file(f, "s3cret pass")
    assert result.format == "2FAS encrypted backup"
    _check_twofas_result(result)


def test_twofas_malformed_encrypted_field(tmp_path: Path) -> None:
    doc = _twofas_plain()
    doc["servicesEncrypted"] = "only:two"
    with pytest.raises(ImportFileError, match="malformed"):
        read_import_file(write_json(tmp_path / "b.2fas", doc), "pw")
