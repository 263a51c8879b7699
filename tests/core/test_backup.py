"""Encrypted backups: round trip, the documented format, and every way a file can be wrong.

The KDF is real Argon2id throughout. Tests that read a file hundreds of times
write it with a small (but real) cost so the run stays short; the default cost
is exercised by the round-trip and wrong-password tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from epcs_desktop.core import backup
from epcs_desktop.core.backup import DEFAULT_KDF, KdfParams, read_backup, write_backup
from epcs_desktop.core.errors import BackupError

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery staple"
FAST = KdfParams(memory_kib=8 * 1024, time_cost=1, parallelism=1)
TINY = KdfParams(memory_kib=64, time_cost=1, parallelism=1)  # for tests that decrypt hundreds of times

SNAPSHOT = {
    "format": 1,
    "devices": [
        {
            "nickname": "Work phone",
            "option": "generator_here",
            "is_primary": True,
            "otp_uri": f"otpauth://totp/ID.me:dr.lee?secret={SECRET}&issuer=ID.me",
        },
        {"nickname": "Office iPad", "option": "push", "is_primary": False, "otp_uri": None},
    ],
    "prescriber": {"state": "CA", "license_number": "A12345", "dea_number": "AB1234563", "npi": "1234567893"},
    "note": "Ünïcødé ✓",
}


@pytest.fixture(scope="module")
def default_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bk") / "profile.epcsbak"
    write_backup(path, SNAPSHOT, PASSWORD)
    return path


@pytest.fixture(scope="module")
def fast_backup_bytes() -> bytes:
    return backup.encode_backup(SNAPSHOT, PASSWORD, TINY)


def test_round_trip_with_default_cost(default_backup: Path) -> None:
    assert read_backup(default_backup, PASSWORD) == SNAPSHOT


def test_file_is_owner_only_and_holds_no_secret(default_backup: Path) -> None:
    if os.name == "posix":
        assert stat.S_IMODE(default_backup.stat().st_mode) == 0o600
    data = default_backup.read_bytes()
    for needle in (SECRET, SECRET.lower(), "otpauth", "Work phone", "AB1234563", PASSWORD):
        assert needle.encode() not in data
    assert not [p for p in default_backup.parent.iterdir() if p.name.endswith(".tmp")]


def test_header_records_the_default_argon2id_cost(default_backup: Path) -> None:
    header = backup.parse_header(default_backup.read_bytes())
    assert header.version == 1
    assert (
        header.kdf == DEFAULT_KDF == KdfParams(65536, 3, 1)
    )  # OWASP minimum is m=19 MiB t=2 or m=47 MiB t=1
    assert "salt" not in repr(header) and "check" not in repr(header)


def test_independent_reader_following_the_documented_format(default_backup: Path) -> None:
    """Decrypt with nothing but docs/backup-format.md: the layout, Argon2id, HKDF labels, header as AAD."""
    data = default_backup.read_bytes()
    assert data[:8] == b"\x89EPCSBK\n"
    version, header_len = struct.unpack(">HH", data[8:12])
    assert (version, header_len) == (1, 84)
    kdf_id, argon_v, m, t, p, cipher = struct.unpack(">BBIIBB", data[12:24])
    assert (kdf_id, argon_v, cipher) == (1, 0x13, 1)
    salt, nonce = data[24:40], data[40:52]
    (ct_len,) = struct.unpack(">Q", data[52:60])
    check = data[60:76]
    assert data[76:84] == hashlib.sha256(data[:76]).digest()[:8]
    assert len(data) == 84 + ct_len
    master = hash_secret_raw(
        PASSWORD.encode(), salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID
    )

    def hkdf(info: bytes, n: int) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=n, salt=None, info=info).derive(master)

    assert hkdf(b"epcs-desktop backup v1 password check", 16) == check
    key = hkdf(b"epcs-desktop backup v1 aes-256-gcm key", 32)
    with pytest.raises(InvalidTag):  # the header is authenticated: no AAD, no plaintext
        AESGCM(key).decrypt(nonce, data[84:], None)
    envelope = json.loads(AESGCM(key).decrypt(nonce, data[84:], data[:84]))
    assert envelope["kind"] == "epcs-desktop-profile-backup"
    assert envelope["snapshot"] == SNAPSHOT
    assert isinstance(envelope["created_at"], float)


def test_wrong_password_is_named_and_changes_nothing(default_backup: Path) -> None:
    before = hashlib.sha256(default_backup.read_bytes()).hexdigest()
    with pytest.raises(BackupError, match="password is wrong") as info:
        read_backup(default_backup, "Correct horse battery staple")
    assert PASSWORD not in str(info.value)
    assert hashlib.sha256(default_backup.read_bytes()).hexdigest() == before


def test_every_truncation_is_reported(tmp_path: Path, fast_backup_bytes: bytes) -> None:
    path = tmp_path / "cut.epcsbak"
    for n in range(len(fast_backup_bytes)):
        path.write_bytes(fast_backup_bytes[:n])
        with pytest.raises(BackupError) as info:
            read_backup(path, PASSWORD)
        if n == 0:
            assert "not an EPCS Desktop backup" in str(info.value)
        else:
            assert "cut short" in str(info.value), n


def test_extra_bytes_at_the_end_are_reported(fast_backup_bytes: bytes) -> None:
    with pytest.raises(BackupError, match="extra data"):
        backup.decode_backup(fast_backup_bytes + b"\0", PASSWORD)


def test_every_single_flipped_byte_is_detected(fast_backup_bytes: bytes) -> None:
    """Flip each byte in turn (three different ways): always BackupError, never a snapshot."""
    messages: set[str] = set()
    for i in range(len(fast_backup_bytes)):
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(fast_backup_bytes)
            damaged[i] ^= mask
            with pytest.raises(BackupError) as info:
                backup.decode_backup(bytes(damaged), PASSWORD)
            messages.add(str(info.value))
    assert "The backup file is damaged (its header checksum does not match)." in messages
    assert "The backup file is damaged (its contents fail the integrity check)." in messages
    assert "This file is not an EPCS Desktop backup." in messages


def _with_header(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    """Change one header field and recompute the checksum, as a newer writer (or an attacker) would."""
    out = bytearray(data)
    struct.pack_into(fmt, out, offset, value)
    out[76:84] = hashlib.sha256(bytes(out[:76])).digest()[:8]
    return bytes(out)


def test_future_version_says_update(fast_backup_bytes: bytes) -> None:
    newer = _with_header(fast_backup_bytes, 8, ">H", 2)
    with pytest.raises(BackupError, match="format version 2, made by a newer EPCS Desktop"):
        backup.decode_backup(newer, PASSWORD)


def test_tampered_header_with_fixed_checksum_is_still_rejected(fast_backup_bytes: bytes) -> None:
    with pytest.raises(BackupError, match="password is wrong"):  # changed cost -> different key
        backup.decode_backup(_with_header(fast_backup_bytes, 18, ">I", 2), PASSWORD)
    with pytest.raises(BackupError, match="integrity check"):  # changed nonce
        backup.decode_backup(_with_header(fast_backup_bytes, 40, ">I", 7), PASSWORD)


@pytest.mark.parametrize(
    "offset, fmt, value",
    [(14, ">I", 0xFFFFFFFF), (14, ">I", 4), (18, ">I", 0), (18, ">I", 1000), (22, ">B", 0), (22, ">B", 200)],
    ids=["huge-memory", "tiny-memory", "zero-passes", "many-passes", "no-lanes", "many-lanes"],
)
def test_crafted_costs_are_refused_before_any_work(
    fast_backup_bytes: bytes, offset: int, fmt: str, value: int
) -> None:
    """A crafted header must not make restore allocate gigabytes or spin for minutes."""
    with pytest.raises(BackupError, match="key settings"):
        backup.decode_backup(_with_header(fast_backup_bytes, offset, fmt, value), PASSWORD)


def test_unsupported_methods_and_impossible_sizes(fast_backup_bytes: bytes) -> None:
    with pytest.raises(BackupError, match="unsupported key or cipher"):
        backup.decode_backup(_with_header(fast_backup_bytes, 23, ">B", 2), PASSWORD)
    with pytest.raises(BackupError, match="impossible"):
        backup.decode_backup(_with_header(fast_backup_bytes, 52, ">Q", 2**40), PASSWORD)


def test_not_a_backup_and_missing_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not a backup at all")
    with pytest.raises(BackupError, match="not an EPCS Desktop backup"):
        read_backup(text, PASSWORD)
    with pytest.raises(BackupError, match="no backup file"):
        read_backup(tmp_path / "missing.epcsbak", PASSWORD)
    with pytest.raises(BackupError, match="folder"):
        read_backup(tmp_path, PASSWORD)


def test_rewrite_replaces_atomically_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "p.epcsbak"
    write_backup(path, {"n": 1}, PASSWORD, FAST)
    inode_before = path.stat().st_ino
    write_backup(path, {"n": 2}, PASSWORD, FAST)
    assert read_backup(path, PASSWORD) == {"n": 2}
    assert path.stat().st_ino != inode_before  # a new file renamed over, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.epcsbak"]


def test_failed_write_keeps_the_old_backup(tmp_path: Path) -> None:
    path = tmp_path / "p.epcsbak"
    write_backup(path, {"n": 1}, PASSWORD, FAST)
    with pytest.raises(TypeError):
        write_backup(path, {"n": object()}, PASSWORD, FAST)
    with pytest.raises(BackupError, match="password is required"):
        write_backup(path, {"n": 3}, "", FAST)
    with pytest.raises(BackupError, match="does not exist"):
        write_backup(tmp_path / "nowhere" / "p.epcsbak", {"n": 3}, PASSWORD, FAST)
    assert read_backup(path, PASSWORD) == {"n": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.epcsbak"]


def test_each_backup_uses_fresh_salt_and_nonce() -> None:
    a = backup.parse_header(backup.encode_backup({}, PASSWORD, FAST))
    b = backup.parse_header(backup.encode_backup({}, PASSWORD, FAST))
    assert a.salt != b.salt and a.nonce != b.nonce


def test_envelope_must_be_a_profile(tmp_path: Path) -> None:
    """A well-encrypted file whose JSON is not our envelope is still refused with a clear message."""
    salt, nonce = b"s" * 16, b"n" * 12
    key, check = backup._keys(PASSWORD, salt, FAST)
    for payload in (
        b"[1,2]",
        b'{"kind":"other","snapshot":{}}',
        b"\xff\xfe",
        b'{"kind":"epcs-desktop-profile-backup"}',
    ):
        header = backup._pack_header(FAST, salt, nonce, len(payload) + 16, check)
        data = header + AESGCM(key).encrypt(nonce, payload, header)
        with pytest.raises(BackupError, match="contents"):
            backup.decode_backup(data, PASSWORD)


# --- with real profiles -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    from epcs_desktop.core.profiles import ProfileStore

    return ProfileStore(tmp_path_factory.mktemp("data"))


def _filled_profile(store, name: str):
    from epcs_desktop.core import erx
    from epcs_desktop.core.otpauth import from_secret

    profile = store.create(name, "profile-password-1")
    profile.add_device(
        "Work phone", erx.DeviceOption.GENERATOR_HERE, from_secret(SECRET, account="dr.lee", issuer="ID.me")
    )
    profile.add_device("Office iPad", erx.DeviceOption.PUSH)
    profile.set_prescriber(erx.PrescriberInfo(state="CA", license_number="A12345"))
    return profile


def test_profile_backup_and_replace_restore_into_another_profile(store, tmp_path: Path) -> None:
    from epcs_desktop.core import erx

    source = _filled_profile(store, "Dr Lee")
    assert backup.last_backup_at(source) is None
    assert backup.backup_due(source, now=1e10)
    path = backup.backup_profile(source, tmp_path / "lee.epcsbak", PASSWORD)
    assert backup.last_backup_at(source) is not None
    assert not backup.backup_due(source, now=backup.last_backup_at(source) + 13 * 86400)
    assert backup.backup_due(source, now=backup.last_backup_at(source) + 15 * 86400)
    assert source.activity(limit=1)[0].action == "backup made"
    assert SECRET not in source.activity(limit=1)[0].detail
    expected = [(d.nickname, d.option, d.is_primary, d.otp) for d in source.devices()]

    target = store.create("New laptop", "profile-password-2")
    target.add_device("Old token", erx.DeviceOption.GENERATOR_OTHER)
    snapshot = read_backup(path, PASSWORD)
    preview = backup.preview_restore(target, snapshot, "replace")
    assert "- remove device 'Old token' (Generate 2FA Key)" in preview
    assert "+ add device 'Work phone' (Generate 2FA Key)" in preview
    assert "+ add device 'Office iPad' (Push Notification 2FA)" in preview
    assert "* primary device: 'Work phone'" in preview
    assert any(line.startswith("~ prescriber info will be set (state CA") for line in preview)
    assert [d.nickname for d in target.devices()] == ["Old token"]  # preview changed nothing

    target.apply_snapshot(snapshot, "replace")
    assert [(d.nickname, d.option, d.is_primary, d.otp) for d in target.devices()] == expected
    assert target.prescriber().license_number == "A12345"
    assert backup.last_backup_at(target) is None  # the reminder state does not travel in backups
    source.close()
    target.close()


def test_merge_preview_matches_what_merge_does(store, tmp_path: Path) -> None:
    from epcs_desktop.core import erx
    from epcs_desktop.core.otpauth import from_secret

    source = _filled_profile(store, "Dr Kim")
    path = backup.backup_profile(source, tmp_path / "kim.epcsbak", PASSWORD)
    source.close()
    target = store.create("Kim laptop", "profile-password-3")
    target.add_device("Desk token", erx.DeviceOption.GENERATOR_OTHER)
    target.add_device(
        "office ipad", erx.DeviceOption.GENERATOR_HERE, from_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    )
    target.set_prescriber(erx.PrescriberInfo(state="NY"))
    snapshot = read_backup(path, PASSWORD)
    preview = backup.preview_restore(target, snapshot, "merge")
    assert preview == [
        "+ add device 'Work phone' (Generate 2FA Key)",
        "+ add device 'Office iPad (2)' (Push Notification 2FA) ('Office iPad' is taken by another device)",
        "* primary device: 'Desk token'",
        "= prescriber info unchanged (merge keeps what is already filled in)",
    ]
    target.apply_snapshot(snapshot, "merge")
    assert [d.nickname for d in target.devices()] == [
        "Desk token",
        "office ipad",
        "Work phone",
        "Office iPad (2)",
    ]
    assert target.primary().nickname == "Desk token"
    assert target.prescriber().state == "NY"
    again = backup.preview_restore(target, snapshot, "merge")
    assert "= keep device 'Work phone' (already present)" in again
    target.close()
