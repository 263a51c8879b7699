"""Import files, built here with the same formats and crypto the real apps use."""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
import qrcode
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError, PasswordRequiredError
from epcs_desktop.core.importers import ImportResult, read_import_file
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import build_uri, from_secret

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
A1 = from_secret(S1, issuer="ID.me", account="jane@clinic.org")
A2 = from_secret(S2, issuer="DrChrono", account="jane", algorithm="SHA256", digits=8)
A3 = from_secret(S3, issuer="Bank", account="j", kind="hotp", counter=5)
STEAM = from_secret(S1, issuer="Steam", account="gamer", kind="steam", digits=5)


def _no_secret_in(result: ImportResult, *secrets: str) -> None:
    text = " ".join(result.problems)
    for s in secrets:
        assert s not in text and s.lower() not in text


# --------------------------------------------------------------------------- otpauth link lists


def test_uri_list_with_comments_blank_lines_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "codes.txt"
    f.write_text(
        "# exported from my password manager\n"
        "\n"
        f"{build_uri(A1)}\n"
        "otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1JBSW\n"
        f"   {build_uri(A2)}   \r\n"
        "https://account.id.me/mobile/generator/abc\n"
        f"{build_uri(A3)}\n"
        "just some words\n"
        f"{build_uri(A1)}\n",
        encoding="utf-8",
    )
    result = read_import_file(f)
    assert result.format == "otpauth link list"
    assert result.accounts == [A1, A2, A3]
    assert len(result.problems) == 4
    assert result.problems[0].startswith("line 4: ") and "character “1” at position 16" in result.problems[0]
    assert result.problems[1].startswith("line 6: ") and "ID.me Authenticator app" in result.problems[1]
    assert result.problems[2].startswith("line 9: ") and "more than once" in result.problems[2]
    # issue 20 item 6: a line that is no link at all is not one complaint per line, but one summary
    assert result.problems[3] == "1 line holds no authenticator link and was skipped (line 8)"
    _no_secret_in(result, S1, S2, S3, "JBSWY3DPEHPK3PX1JBSW")


def test_uri_list_with_bom_and_google_export_lines(tmp_path: Path) -> None:
    uris = build_migration_uris([A1, A2, A3], per_code=2, batch_id=7)
    f = tmp_path / "export.txt"
    f.write_bytes(("\ufeff" + "\n".join(uris) + "\n").encode("utf-8"))
    result = read_import_file(f)
    assert result.accounts == [A1, A2, A3] and result.problems == []


def test_incomplete_google_export_is_reported(tmp_path: Path) -> None:
    uris = build_migration_uris([A1, A2, A3], per_code=1, batch_id=7)
    f = tmp_path / "export.txt"
    f.write_text(uris[0] + "\n" + uris[2] + "\n", encoding="utf-8")
    result = read_import_file(f)
    assert result.accounts == [A1, A3]
    assert len(result.problems) == 1
    assert "2 of 3 codes read" in result.problems[0] and "missing code 2" in result.problems[0]


def test_text_that_is_not_a_link_list(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("Shopping list\nmilk\neggs\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="holds no authenticator link"):
        read_import_file(f)


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


def _write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, indent=4), encoding="utf-8")
    return path


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
    _no_secret_in(result, S1, S2, S3, "ABC!DEFGHIJKLM")


def test_aegis_plain(tmp_path: Path) -> None:
    result = read_import_file(_write_json(tmp_path / "aegis.json", _aegis_plain()))
    assert result.format == "Aegis export"
    _check_aegis_result(result)


def test_aegis_encrypted_needs_password_then_opens(tmp_path: Path) -> None:
    params = {"nonce": "00" * 12, "tag": "00" * 16}
    biometric = {"type": 2, "uuid": "x", "key": "00" * 32, "key_params": params}
    f = _write_json(tmp_path / "aegis.json", _aegis_encrypted("correct horse", extra_slots=[biometric]))
    with pytest.raises(PasswordRequiredError) as need:
        read_import_file(f)
    assert need.value.needs_password and "password is needed" in str(need.value)
    with pytest.raises(ImportPasswordError, match=r"The password does not open aegis\.json\."):
        read_import_file(f, "wrong horse")
    result = read_import_file(f, "correct horse")
    assert result.format == "Aegis encrypted export"
    _check_aegis_result(result)


def test_aegis_encrypted_with_real_scrypt_cost(tmp_path: Path) -> None:
    f = _write_json(tmp_path / "aegis.json", _aegis_encrypted("pässwörd", n=32768))
    assert read_import_file(f, "pässwörd").accounts == [A1, A2, A3, STEAM, A1_HOTP]


def test_aegis_damaged_vault_is_not_called_a_wrong_password(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    raw = bytearray(base64.b64decode(doc["db"]))
    raw[5] ^= 0x01
    doc["db"] = base64.b64encode(bytes(raw)).decode()
    f = _write_json(tmp_path / "aegis.json", doc)
    with pytest.raises(ImportFileError, match="damaged") as exc:
        read_import_file(f, "pw")
    assert not isinstance(exc.value, ImportPasswordError)


def test_aegis_biometric_only(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    doc["header"]["slots"][0]["type"] = 2
    with pytest.raises(ImportFileError, match="fingerprint or device key"):
        read_import_file(_write_json(tmp_path / "a.json", doc), "pw")


def test_aegis_unknown_version(tmp_path: Path) -> None:
    doc = _aegis_plain()
    doc["version"] = 2
    with pytest.raises(ImportFileError, match="version"):
        read_import_file(_write_json(tmp_path / "a.json", doc))


def test_aegis_absurd_scrypt_settings_are_refused_not_run(tmp_path: Path) -> None:
    doc = _aegis_encrypted("pw")
    doc["header"]["slots"][0]["n"] = 2**30
    with pytest.raises(ImportFileError, match="key settings"):
        read_import_file(_write_json(tmp_path / "a.json", doc), "pw")


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
        read_import_file(_write_json(tmp_path / "a.json", doc), "pw")
    assert derived == []  # refused before any key was derived


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
    result = read_import_file(_write_json(tmp_path / "backup.2fas", _twofas_plain()))
    assert result.format == "2FAS backup"
    _check_twofas_result(result)


def test_twofas_encrypted(tmp_path: Path) -> None:
    f = _write_json(tmp_path / "backup.2fas", _twofas_encrypted("s3cret pass"))
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
        read_import_file(_write_json(tmp_path / "b.2fas", doc), "pw")


# --------------------------------------------------------------------------- images


def _qr_png(path: Path, text: str) -> Path:
    qrcode.make(text, box_size=8, border=4).save(path)
    return path


def test_png_with_otpauth_qr(tmp_path: Path) -> None:
    result = read_import_file(_qr_png(tmp_path / "code.png", build_uri(A2)))
    assert result.format == "QR code image"
    assert result.accounts == [A2] and result.problems == []


def test_jpeg_with_google_export_qr(tmp_path: Path) -> None:
    (uri,) = build_migration_uris([A1, A3], batch_id=3)
    img = qrcode.make(uri, box_size=8, border=4).get_image().convert("RGB")
    path = tmp_path / "photo.jpg"
    img.save(path, quality=92)
    result = read_import_file(path)
    assert result.accounts == [A1, A3] and result.problems == []


def test_image_with_a_web_address(tmp_path: Path) -> None:
    result = read_import_file(_qr_png(tmp_path / "url.png", "https://account.id.me/mobile/generator/x"))
    assert result.accounts == []
    assert len(result.problems) == 1 and result.problems[0].startswith("the QR code: This is an ID.me")


def test_image_without_qr_code(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(path)
    with pytest.raises(ImportFileError, match=r"No QR code was found in blank\.png"):
        read_import_file(path)


def test_truncated_image(tmp_path: Path) -> None:
    good = _qr_png(tmp_path / "good.png", build_uri(A1)).read_bytes()
    bad = tmp_path / "bad.png"
    bad.write_bytes(good[: len(good) // 3])
    with pytest.raises(ImportFileError):
        read_import_file(bad)


# --------------------------------------------------------------------------- the file itself


def test_missing_file_folder_empty_and_binary(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"File not found: nope\.txt"):
        read_import_file(tmp_path / "nope.txt")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_import_file(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        read_import_file(tmp_path / "empty.txt")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ImportFileError, match="neither a text file nor an image"):
        read_import_file(tmp_path / "blob.bin")


def test_json_that_is_not_an_export(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="a JSON file, but not an export this app can read"):
        read_import_file(_write_json(tmp_path / "x.json", {"hello": "world"}))
    (tmp_path / "broken.json").write_text('{"header": ', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_import_file(tmp_path / "broken.json")


# --------------------------------------------------------------------------- fuzz

_FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=10), kids, max_size=4),
    max_leaves=20,
)


@_FUZZ
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "fuzz.dat"
    f.write_bytes(data)
    try:
        result = read_import_file(f, "pw")
    except ImportFileError:
        return
    assert isinstance(result, ImportResult)


@_FUZZ
@given(
    doc=st.fixed_dictionaries(
        {},
        optional={
            "version": json_values,
            "header": json_values,
            "db": json_values,
            "services": json_values,
            "servicesEncrypted": json_values,
            "schemaVersion": json_values,
        },
    ),
    password=st.none() | st.text(max_size=8),
)
def test_arbitrary_json_exports_never_crash(tmp_path: Path, doc: dict, password: str | None) -> None:
    f = _write_json(tmp_path / "fuzz.json", doc)
    try:
        result = read_import_file(f, password)
    except ImportFileError:
        return
    assert isinstance(result, ImportResult)


@_FUZZ
@given(entries=st.lists(json_values, max_size=5), services=st.lists(json_values, max_size=5))
def test_arbitrary_entries_become_problems_not_crashes(tmp_path: Path, entries: list, services: list) -> None:
    aegis = {"version": 1, "header": {"slots": None, "params": None}, "db": {"entries": entries}}
    read_import_file(_write_json(tmp_path / "a.json", aegis))
    read_import_file(_write_json(tmp_path / "b.2fas", {"services": services}))


@_FUZZ
@given(
    entry=st.fixed_dictionaries(
        {"type": st.sampled_from(["totp", "hotp", "steam", None])},
        optional={
            "name": json_values,
            "issuer": json_values,
            "info": st.fixed_dictionaries(
                {}, optional={k: json_values for k in ("secret", "algo", "digits", "period", "counter")}
            ),
        },
    )
)
def test_structured_aegis_entries_never_crash(tmp_path: Path, entry: dict) -> None:
    aegis = {"version": 1, "header": {"slots": None, "params": None}, "db": {"entries": [entry]}}
    result = read_import_file(_write_json(tmp_path / "a.json", aegis))
    assert len(result.accounts) + len(result.problems) == 1


# ------------------------------------------------------------------ issue 13: one import, many sources


def test_one_export_over_three_files_is_complete(tmp_path: Path) -> None:
    """Three payload files of a 3-code export in one import: no "incomplete" line, all accounts."""
    from epcs_desktop.core.importers import ImportSession

    uris = build_migration_uris([A1, A2, A3], per_code=1, batch_id=42)
    files = []
    for i, uri in enumerate(uris):
        f = tmp_path / f"part{i}.txt"
        f.write_text(("QR-Code:" if i == 1 else "") + uri + "\n", encoding="utf-8")
        files.append(f)
    session = ImportSession()
    for f in files:
        session.read_file(f)
    assert [p for _, r in session.results for p in r.accounts] == [A1, A2, A3]
    assert [line for _, r in session.results for line in r.problems] == []
    assert session.incomplete_exports() == []

    partial = ImportSession()
    partial.read_file(files[0])
    partial.read_file(files[0])  # the same code twice: read once, said once
    assert partial.results[1][1].accounts == []
    again = partial.results[1][1].problems[0]
    assert "code 1 of 3 of this Google Authenticator export was already read" in again
    (line,) = partial.incomplete_exports()
    assert "1 of 3 codes read; missing code 2, 3" in line


def test_absurd_batch_size_is_refused_at_once(tmp_path: Path) -> None:
    """A 92-byte line claiming batch_size=2147483647 used to allocate gigabytes (exit 70)."""
    import time

    from epcs_desktop.core.migration import MigrationPayload

    for size, index in ((2**31 - 1, 0), (101, 0), (5, 2**31 - 1), (-3, 0)):
        msg = MigrationPayload(version=1, batch_size=size, batch_index=index, batch_id=1)
        data = base64.b64encode(msg.SerializeToString()).decode()
        f = tmp_path / "absurd.txt"
        f.write_text(f"otpauth-migration://offline?data={data}\n", encoding="utf-8")
        start = time.perf_counter()
        result = read_import_file(f)
        assert time.perf_counter() - start < 1.0
        assert result.accounts == []
        assert len(result.problems) == 1
        assert result.problems[0].startswith("line 1: This export code cannot be used")


def test_duplicates_consider_the_code_type(tmp_path: Path) -> None:
    hotp_twin = from_secret(S1, issuer="ID.me", account="jane@clinic.org", kind="hotp", counter=3)
    f = tmp_path / "codes.txt"
    f.write_text(f"{build_uri(A1)}\n{build_uri(hotp_twin)}\n{build_uri(A1)}\n", encoding="utf-8")
    result = read_import_file(f)
    assert result.accounts == [A1, hotp_twin]
    assert result.problems == ["line 3: ID.me (jane@clinic.org) appears more than once; imported once"]


def test_ente_style_links_with_encoded_colon_and_text_around(tmp_path: Path) -> None:
    """ente Auth writes Issuer%3Aaccount labels; notes wrap links in words or quotes."""
    f = tmp_path / "ente.txt"
    f.write_text(
        f"otpauth://totp/ID.me%3Ajane%40clinic.org?secret={S1}&issuer=ID.me&algorithm=SHA1&digits=6&period=30\n"
        f'My bank: "otpauth://hotp/Bank%3Aj?secret={S3}&issuer=Bank&counter=5" (keep safe)\n'
        f"otpauth://steam/Steam%3Agamer?secret={S1}&issuer=Steam\n",
        encoding="utf-8",
    )
    result = read_import_file(f)
    assert result.accounts == [A1, A3, STEAM]
    assert result.problems == []


# --- Aegis slot and cost caps, checked before deriving anything (issue 11) ----------------------------


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
