"""Aegis exports, plain and encrypted (core/importers/aegis.py), written in Aegis's documented format."""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError, PasswordRequiredError
from epcs_desktop.core.importers import ImportResult, read_import_file
from epcs_desktop.core.otpauth import from_secret

from .conftest import A1, A2, A3, S1, S2, S3, STEAM, no_secret_in, write_json

# --------------------------------------------------------------------------- Aegis


def _aegis_entries() -> list[dict[str, Any]]:
    return [
        {
            "type": "totp",
            "uuid": "0",
            "name": "jane@clinic.org",
            "issuer": "ID.me",
            "icon": None,
            "info": {"secret": S1, "algo": "SHA1", "digits": 6, "period": 30},
        },
        {
            "type": "totp",
            "uuid": "1",
            "name": "jane",
            "issuer": "DrChrono",
            "info": {"secret": S2, "algo": "SHA256", "digits": 8, "period": 30},
        },
        {
            "type": "hotp",
            "uuid": "2",
            "name": "j",
            "issuer": "Bank",
            "info": {"secret": S3, "algo": "SHA1", "digits": 6, "counter": 5},
        },
        {"type": "steam", "uuid": "3", "name": "gamer", "issuer": "Steam", "info": {"secret": S1}},
        {"type": "totp", "uuid": "4", "name": "bad", "issuer": "Typo", "info": {"secret": "ABC!DEFGHIJKLM"}},
        "not an entry",
        {
            "type": "yandex",
            "uuid": "6",
            "name": "ivan",
            "issuer": "Yandex",
            "info": {"secret": S2, "algo": "SHA256", "digits": 8, "period": 30, "pin": "5239"},
        },
        {
            "type": "motp",
            "uuid": "7",
            "name": "vpn",
            "issuer": "Office",
            "info": {"secret": S3, "algo": "MD5", "digits": 6, "period": 10, "pin": "1234"},
        },
        # the same secret, issuer and account as the TOTP entry 1, but HOTP: a different account
        {
            "type": "hotp",
            "uuid": "8",
            "name": "jane@clinic.org",
            "issuer": "ID.me",
            "info": {"secret": S1, "algo": "SHA1", "digits": 6, "counter": 0},
        },
    ]


def _aegis_plain() -> dict[str, Any]:
    return {
        "version": 1,
        "header": {"slots": None, "params": None},
        "db": {"version": 3, "entries": _aegis_entries(), "groups": []},
    }


def _aegis_encrypted(password: str, *, n: int = 1024, extra_slots: list | None = None) -> dict[str, Any]:
    """Aegis' documented vault format: random master key wrapped by scrypt-derived key, AES-256-GCM."""
    master = AESGCM.generate_key(bit_length=256)
    content = json.dumps({"version": 3, "entries": _aegis_entries()}).encode()
    nonce = os.urandom(12)
    sealed = AESGCM(master).encrypt(nonce, content, None)
    salt = os.urandom(32)
    derived = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(password.encode())
    key_nonce = os.urandom(12)
    wrapped = AESGCM(derived).encrypt(key_nonce, master, None)
    slot = {
        "type": 1,
        "uuid": "01234567-89ab-cdef-0123-456789abcdef",
        "key": wrapped[:-16].hex(),
        "key_params": {"nonce": key_nonce.hex(), "tag": wrapped[-16:].hex()},
        "n": n,
        "r": 8,
        "p": 1,
        "salt": salt.hex(),
        "repaired": True,
    }
    return {
        "version": 1,
        "header": {
            "slots": [*(extra_slots or []), slot],
            "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
        },
        "db": base64.b64encode(sealed[:-16]).decode(),
    }


A1_HOTP = from_secret(S1, issuer="ID.me", account="jane@clinic.org", kind="hotp", counter=0)


def _check_aegis_result(result: ImportResult) -> None:
    assert result.accounts == [A1, A2, A3, STEAM, A1_HOTP]
    assert result.accounts[2].counter == 5
    assert len(result.problems) == 4
    typo, junk, yandex, motp = result.problems
    assert typo.startswith("entry 5 (Typo: bad): ") and "character “!” at position 4" in typo
    assert junk == "entry 6: not an account entry"
    assert yandex.startswith("entry 7 (Yandex: ivan): Yandex codes are not supported (")
    assert motp.startswith("entry 8 (Office: vpn): mOTP codes are not supported (")
    no_secret_in(result, S1, S2, S3, "ABC!DEFGHIJKLM")


def test_aegis_plain(tmp_path: Path) -> None:
    result = read_import_file(write_json(tmp_path / "aegis.json", _aegis_plain()))
    assert result.format == "Aegis export"
    _check_aegis_result(result)


def test_aegis_encrypted_needs_password_then_opens(tmp_path: Path) -> None:
    params = {"nonce": "00" * 12, "tag": "00" * 16}
    biometric = {"type": 2, "uuid": "x", "key": "00" * 32, "key_params": params}
    f = write_json(tmp_path / "aegis.json", _aegis_encrypted("correct horse", extra_slots=[biometric]))
    with pytest.raises(PasswordRequiredError) as need:
        read_import_file(f)
    assert need.value.needs_password and "password is needed" in str(need.value)
    with pytest.raises(ImportPasswordError, match=r"The password does not open aegis\.json\."):
        read_import_file(f, "wrong horse")
    result = read_import_file(f, "correct horse")
    assert result.format == "Aegis encrypted export"
    _check_aegis_result(result)


def test_aegis_encrypted_with_real_scrypt_cost(tmp_path: Path) -> None:
    f = write_json(tmp_path / "aegis.json", _aegis_encrypted("pässwörd", n=32768))
    assert read_import_file(f, "pässwörd").accounts == [A1, A2, A3, STEAM, A1_HOTP]


def test_aegis_damaged_vault_is_not_called_a_wrong_password(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    raw = bytearray(base64.b64decode(doc["db"]))
    raw[5] ^= 0x01
    doc["db"] = base64.b64encode(bytes(raw)).decode()
    f = write_json(tmp_path / "aegis.json", doc)
    with pytest.raises(ImportFileError, match="damaged") as exc:
        read_import_file(f, "pw")
    assert not isinstance(exc.value, ImportPasswordError)


def test_aegis_biometric_only(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    doc["header"]["slots"][0]["type"] = 2
    with pytest.raises(ImportFileError, match="fingerprint or device key"):
        read_import_file(write_json(tmp_path / "a.json", doc), "pw")


def test_aegis_unknown_version(tmp_path: Path) -> None:
    doc = _aegis_plain()
    doc["version"] = 2
    with pytest.raises(ImportFileError, match="version"):
        read_import_file(write_json(tmp_path / "a.json", doc))


def test_aegis_absurd_scrypt_settings_are_refused_not_run(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    doc["header"]["slots"][0]["n"] = 2**30
    with pytest.raises(ImportFileError, match="key settings"):
        read_import_file(write_json(tmp_path / "a.json", doc), "pw")


@pytest.mark.parametrize(
    ("setting", "value"),
    [("r", 2**20), ("r", 17), ("p", 17), ("n", 2**19)],
)
def test_aegis_every_scrypt_setting_is_capped_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, value: int
) -> None:
    """Issue 23 item 5: r = 2^20 with N = 2 passed the N*r*p cap (8 s and 800 MB before "wrong password")."""
    doc = _aegis_encrypted("pw")
    slot = doc["header"]["slots"][0]
    slot[setting] = value
    if setting == "r":
        slot["n"] = 2  # the same total work as Aegis's own slot: only a cap on r itself refuses it
    derived: list[int] = []
    real_derive = Scrypt.derive

    def counting_derive(self, key_material: bytes) -> bytes:
        derived.append(1)
        return real_derive(self, key_material)

    monkeypatch.setattr(Scrypt, "derive", counting_derive)
    with pytest.raises(ImportFileError, match="key settings are outside"):
        read_import_file(write_json(tmp_path / "a.json", doc), "pw")
    assert derived == []  # refused before any key was derived


def _aegis_with_slots(slots: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "version": 1,
        "header": {"slots": slots, "params": {"nonce": "00" * 12, "tag": "00" * 16}},
        "db": base64.b64encode(b"\0" * 32).decode(),
    }


def _slot(n: int = 2**15, r: int = 8, p: int = 1) -> dict[str, Any]:
    return {
        "type": 1,
        "key": "00" * 32,
        "key_params": {"nonce": "00" * 12, "tag": "00" * 16},
        "n": n,
        "r": r,
        "p": p,
        "salt": "00" * 32,
    }


@pytest.mark.parametrize(
    "slots",
    [[_slot() for _ in range(9)], [_slot(n=2**18, r=8, p=16)], [_slot(n=2**17)] * 5],
    ids=["nine-slots", "one-huge-slot", "total-cost"],
)
def test_aegis_slot_count_and_cost_are_capped_before_any_derivation(tmp_path: Path, slots: list) -> None:
    f = tmp_path / "aegis.json"
    f.write_text(json.dumps(_aegis_with_slots(slots)))
    start = time.monotonic()
    with pytest.raises(ImportFileError) as info:
        read_import_file(f, "some password")
    assert "password does not open" not in str(info.value)  # refused, not tried
    assert time.monotonic() - start < 1.0
