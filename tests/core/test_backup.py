"""Encrypted backups: round trip, the documented format, and every way a file can be wrong.

The KDF is real Argon2id throughout. Tests that read a file hundreds of times
write it with a small (but real) cost so the run stays short; the default cost
is exercised by the round-trip and wrong-password tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from epcs_desktop.core import backup, erx
from epcs_desktop.core.backup import DEFAULT_KDF, KdfParams, read_backup, write_backup
from epcs_desktop.core.errors import BackupError, DamagedProfileError, RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import from_secret
from epcs_desktop.core.profile import Profile
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.settings import Settings
from owner_only_support import assert_owner_only
from profile_support import VAULT_CLOCK, keys_consistent, manageable, profile_on_disk, sha_or_none

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
    write_backup(path, SNAPSHOT, PASSWORD, clock=VAULT_CLOCK)
    return path


@pytest.fixture(scope="module")
def fast_backup_bytes() -> bytes:
    return backup.encode_backup(SNAPSHOT, PASSWORD, TINY, clock=VAULT_CLOCK)


def test_round_trip_with_default_cost(default_backup: Path) -> None:
    assert read_backup(default_backup, PASSWORD) == SNAPSHOT


def test_file_is_owner_only_and_holds_no_secret(default_backup: Path) -> None:
    assert_owner_only(default_backup)
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
    write_backup(path, {"n": 1}, PASSWORD, FAST, clock=VAULT_CLOCK)
    inode_before = path.stat().st_ino
    write_backup(path, {"n": 2}, PASSWORD, FAST, clock=VAULT_CLOCK)
    assert read_backup(path, PASSWORD) == {"n": 2}
    assert path.stat().st_ino != inode_before  # a new file renamed over, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.epcsbak"]


def test_failed_write_keeps_the_old_backup(tmp_path: Path) -> None:
    path = tmp_path / "p.epcsbak"
    write_backup(path, {"n": 1}, PASSWORD, FAST, clock=VAULT_CLOCK)
    with pytest.raises(TypeError):
        write_backup(path, {"n": object()}, PASSWORD, FAST, clock=VAULT_CLOCK)
    with pytest.raises(BackupError, match="password is required"):
        write_backup(path, {"n": 3}, "", FAST, clock=VAULT_CLOCK)
    with pytest.raises(BackupError, match="does not exist"):
        write_backup(tmp_path / "nowhere" / "p.epcsbak", {"n": 3}, PASSWORD, FAST, clock=VAULT_CLOCK)
    assert read_backup(path, PASSWORD) == {"n": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.epcsbak"]


def test_each_backup_uses_fresh_salt_and_nonce() -> None:
    a = backup.parse_header(backup.encode_backup({}, PASSWORD, FAST, clock=VAULT_CLOCK))
    b = backup.parse_header(backup.encode_backup({}, PASSWORD, FAST, clock=VAULT_CLOCK))
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
    assert "“Old token” (Generate 2FA Key) is removed." in preview
    assert "“Work phone” (Generate 2FA Key) is added." in preview
    assert "“Office iPad” (Push Notification 2FA) is added." in preview
    assert "“Work phone” becomes the primary device." in preview
    assert any(line.startswith("Prescriber Info becomes: “State” CA") for line in preview)
    assert not any("dea number" in line or "dea_number" in line for line in preview)  # DrChrono's names
    assert [d.nickname for d in target.devices()] == ["Old token"]  # preview changed nothing

    with pytest.raises(RuleError, match=r"“Dr Lee”.*“New laptop”"):  # another profile's backup: ask first
        target.apply_snapshot(snapshot, "replace")
    assert [d.nickname for d in target.devices()] == ["Old token"]
    target.apply_snapshot(snapshot, "replace", other_clinician=True)
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
        "“Work phone” (Generate 2FA Key) is added.",
        "“Office iPad” (Push Notification 2FA) is added as “Office iPad (2)”: another device here is called "
        "“Office iPad”.",
        "“Desk token” stays the primary device.",
        "Prescriber Info is kept: another clinician's is never merged in.",
    ]
    target.apply_snapshot(snapshot, "merge", other_clinician=True)
    assert [d.nickname for d in target.devices()] == [
        "Desk token",
        "office ipad",
        "Work phone",
        "Office iPad (2)",
    ]
    assert target.primary().nickname == "Desk token"
    assert target.prescriber().state == "NY"
    again = backup.preview_restore(target, snapshot, "merge")
    assert "“Work phone” is kept: it is already here." in again
    target.close()


# --- preview and restore follow one plan (from the core-consistency review) ------------------------

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPAAAAAAAA"
S2 = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
HERE, OTHER, PUSH = DeviceOption.GENERATOR_HERE, DeviceOption.GENERATOR_OTHER, DeviceOption.PUSH
LONG = "A" * 57 + " " + "B" * 6  # 64 characters; a cut at 58 ends in a space


def test_restored_device_whose_cut_name_ends_in_a_space_stays_manageable(store: ProfileStore) -> None:
    src = store.create("Src", PASSWORD)
    src.add_device(LONG, PUSH)
    dst = store.create("Dst", PASSWORD)
    dst.add_device(LONG, OTHER)
    preview = backup.preview_restore(dst, src.snapshot(), "merge")
    dst.apply_snapshot(src.snapshot(), "merge", other_clinician=True)
    new = dst.devices()[-1]
    assert "  " not in new.nickname
    note = f"another device here is called “{LONG}”."
    assert f"“{LONG}” (Push Notification 2FA) is added as “{new.nickname}”: {note}" in preview
    keys_consistent(dst)
    manageable(dst, new.nickname)


def test_preview_and_restore_agree_when_the_same_device_is_already_there_as_name_2(
    store: ProfileStore,
) -> None:
    s1, s2 = from_secret(S1, issuer="ID.me"), from_secret(S2, issuer="ID.me")
    q = store.create("B", PASSWORD)
    q.add_device("Phone", HERE, otp=s1)
    q.add_device("Phone (2)", HERE, otp=s2)
    snap = q.snapshot()
    snap["devices"] = [dict(snap["devices"][1], nickname="Phone")]  # s2, but called "Phone" in the backup
    preview = backup.preview_restore(q, snap, "merge")
    assert preview[0] == "“Phone” is kept: it is already here as “Phone (2)”."
    assert not any("is added" in line for line in preview)
    assert q.apply_snapshot(snap, "merge").endswith("devices added: 0; already present: 1.")
    assert [d.nickname for d in q.devices()] == ["Phone", "Phone (2)"]


_NAMES = ["Phone", "phone (2)", "Phone (3)", "Desk", LONG]
_DEVICES = st.lists(
    st.tuples(st.sampled_from(_NAMES), st.sampled_from(["push", "other", "s1", "s2"]), st.booleans()),
    max_size=4,
    unique_by=lambda t: erx.nickname_key(t[0]),
)


def _fill(profile: Profile, devices: list[tuple[str, str, bool]]) -> None:
    with profile.vault.transaction() as db:
        db.execute("DELETE FROM device")
        db.execute("DELETE FROM record")
    held: set[str] = set()
    for name, kind, primary in devices:
        if kind in held:  # one account is held once (the enrollment rule): a second copy is refused
            continue
        held.add(kind) if kind in ("s1", "s2") else None
        option = {"push": PUSH, "other": OTHER}.get(kind, HERE)
        otp = from_secret(S1 if kind == "s1" else S2, issuer="ID.me") if option is HERE else None
        profile.add_device(name, option, otp, make_primary=primary)


@pytest.fixture(scope="module")
def shared(module_profile_holder: dict) -> Iterator[tuple[Profile, Profile]]:
    """Two profiles reused by the property test (the KDF is real, so they are made once per module)."""
    store = module_profile_holder["store"]
    a, b = store.create("Source", PASSWORD), store.create("Target", PASSWORD)
    yield a, b
    a.close()
    b.close()


@settings(max_examples=40, deadline=None)
@given(current=_DEVICES, backed_up=_DEVICES, mode=st.sampled_from(["merge", "replace"]))
def test_preview_lists_exactly_what_the_restore_does(
    shared: tuple[Profile, Profile], current: list, backed_up: list, mode: str
) -> None:
    source, target = shared
    _fill(source, backed_up)
    _fill(target, current)
    snapshot = source.snapshot()
    before = [d.nickname for d in target.devices()]
    lines = backup.describe_restore(target, snapshot, mode).lines
    target.apply_snapshot(snapshot, mode, other_clinician=True)
    after = target.devices()
    pairs = [(line.template, dict(line.args)) for line in lines]
    primary_lines = (backup.BECOMES_PRIMARY, backup.STAYS_PRIMARY)
    added = [a.get("new", a["name"]) for t, a in pairs if t in (backup.ADDED, backup.ADDED_AS)]
    if mode == "merge":
        assert [d.nickname for d in after] == before + added
    else:  # replace: the devices afterwards are exactly those the preview keeps, replaces or adds
        stays = [a["name"] for t, a in pairs if "name" in a and t not in primary_lines and "removed" not in t]
        assert sorted(d.nickname for d in after) == sorted(stays)
    primary = [a["name"] for t, a in pairs if t in primary_lines]
    assert [d.nickname for d in after if d.is_primary] == primary
    keys_consistent(target)


def _refuse_activity(profile: Profile) -> None:
    """A real SQLite trigger on this connection makes the activity insert fail (say, a full disk)."""
    profile.vault.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON activity BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )


def test_backup_bookkeeping_is_one_transaction(store: ProfileStore, tmp_path: Path) -> None:
    p = store.create("A", PASSWORD)
    _refuse_activity(p)
    with pytest.raises(sqlcipher3.IntegrityError):
        backup.backup_profile(p, tmp_path / "a.epcsbak", "backup-password", backup.KdfParams(8, 1, 1))
    assert backup.last_backup_at(p) is None  # the fact did not commit without its activity entry
    p.vault.conn.execute("DROP TRIGGER refuse")
    backup.backup_profile(p, tmp_path / "a.epcsbak", "backup-password", backup.KdfParams(8, 1, 1))
    assert backup.last_backup_at(p) is not None and p.activity()[0].action == "backup made"


# --- a backup never overwrites a profile; restored fields validated; integrity check first ------------


def test_backup_destination_refuses_the_profile_its_side_files_and_device_nodes(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD)
    before = sha_or_none(path)
    with store.open("Dr Test", PASSWORD) as profile:
        for target in (
            path,
            Path(str(path) + "-wal"),
            Path(str(path) + "-shm"),
            path.parent / "other.epcsbak",
        ):
            with pytest.raises(BackupError, match="cannot be written there"):
                backup.backup_profile(profile, target, "backup-pass-1", backup.KdfParams(8 * 1024, 1, 1))
        link = tmp_path / "innocent.epcsbak"
        link.symlink_to(path)
        with pytest.raises(BackupError, match="cannot be written there"):
            backup.backup_profile(profile, link, "backup-pass-1", backup.KdfParams(8 * 1024, 1, 1))
        with pytest.raises(BackupError, match="not a regular file" if os.name == "posix" else "cannot be"):
            backup.check_destination(os.devnull)  # /dev/null; Windows' NUL
    assert sha_or_none(path) == before
    store.open("Dr Test", PASSWORD).close()  # still opens


def _sealed(plaintext: bytes, password: str = "backup-pass-1") -> bytes:  # noqa: S107
    """A backup file around arbitrary plaintext (as a crafted file would be), per docs/backup-format.md."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = backup.KdfParams(8 * 1024, 1, 1)
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = backup._keys(password, salt, kdf)
    header = backup._pack_header(kdf, salt, nonce, len(plaintext) + 16, check)
    return header + AESGCM(key).encrypt(nonce, plaintext, header)


@pytest.mark.parametrize("added_at", ["Infinity", "NaN", "-Infinity", "1e300", "-5", '"1700000000"', "true"])
def test_backup_with_impossible_device_date_is_refused(tmp_path: Path, added_at: str) -> None:
    store, _path = profile_on_disk(tmp_path, PASSWORD)
    with store.open("Dr Test", PASSWORD) as profile:
        snap = profile.snapshot()
        text = json.dumps({"kind": backup.ENVELOPE_KIND, "created_at": 1.0, "snapshot": snap})
        text = text.replace(json.dumps(snap["devices"][0]["added_at"]), added_at, 1)
        with pytest.raises(BackupError):
            backup.decode_backup(_sealed(text.encode()), "backup-pass-1")
        bad = json.loads(json.dumps(snap))
        bad["devices"][0]["added_at"] = float(added_at) if added_at[0] not in '"t' else 1.0
        if added_at in ('"1700000000"', "true"):
            bad["devices"][0]["added_at"] = json.loads(added_at)
        with pytest.raises(RuleError):
            profile.apply_snapshot(bad, "replace")
        assert len(profile.devices()) == 1


def test_damaged_page_is_found_by_the_check_and_stops_a_backup(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD, devices=40)
    with store.open("Dr Test", PASSWORD) as profile:
        assert profile.vault.check_integrity() == []
        for i in range(300):  # activity pages: never read when a profile opens or lists its devices
            profile.log_activity("note", f"entry {i} " + "x" * 200)
    good = path.read_bytes()
    pages = len(good) // 4096
    assert pages >= 8
    for page in range(pages - 1, 1, -1):  # find a page whose damage goes unnoticed by opening
        data = bytearray(good)
        data[page * 4096 + 300] ^= 0x5A
        path.write_bytes(bytes(data))
        try:
            profile = store.open("Dr Test", PASSWORD)
            profile.devices()
        except DamagedProfileError:
            continue
        break
    else:
        pytest.fail("every damaged page was noticed at open: nothing left for the check to find")
    with profile:
        assert profile.vault.check_integrity()
        target = tmp_path / "b.epcsbak"
        with pytest.raises(DamagedProfileError, match="damaged"):
            backup.backup_profile(profile, target, "backup-pass-1", backup.KdfParams(8 * 1024, 1, 1))
        assert not target.exists()


# --- the required backup folder (issue 15 policy) -----------------------------------------------------


def test_a_backup_must_be_inside_the_required_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    (share / "dr").mkdir(parents=True)
    rule = Settings.from_stored({"required_backup_folder": str(share)})
    backup.check_backup_folder(share / "a.epcsbak", rule)
    backup.check_backup_folder(share / "dr" / "a.epcsbak", rule)  # a folder inside it is inside it
    for outside in (tmp_path / "a.epcsbak", share / ".." / "a.epcsbak", tmp_path / "share2" / "a.epcsbak"):
        with pytest.raises(BackupError, match="requires backups to be saved in the folder") as caught:
            backup.check_backup_folder(outside, rule)
        assert caught.value.params == {"folder": str(share)}  # type: ignore[attr-defined]
    backup.check_backup_folder(tmp_path / "anywhere.epcsbak", Settings.from_stored({}))  # "" = no rule


def test_backup_profile_refuses_outside_the_required_folder(
    profile: Profile, tmp_path: Path, monkeypatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    policy = tmp_path / "policy.json"
    doc = {"settings": {"required_backup_folder": {"value": str(share), "locked": True}}}
    policy.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(policy))
    with pytest.raises(BackupError, match="requires backups"):
        backup.backup_profile(profile, tmp_path / "x.epcsbak", "good-pass-12", backup.KdfParams(8192, 1, 1))
    assert not (tmp_path / "x.epcsbak").exists() and backup.last_backup_at(profile) is None


def test_restore_preview_lists_setting_changes(store) -> None:
    """A crafted backup may change the "Update MFA Device" link: the merge preview must say so."""
    with store.create("Dr Lee", PASSWORD) as lee:
        snapshot = lee.snapshot()
        snapshot["settings"] = {"idme_security_url": "https://id-me.example.net/"}
        lines = backup.preview_restore(lee, snapshot, "merge")
        assert any(
            "ID.me Sign In & Security" in x and "https://id-me.example.net/" in x and "changes from" in x
            for x in lines
        ), lines


def test_a_device_or_pipe_is_not_read_as_a_backup(tmp_path: Path) -> None:
    """Backups are read like every outside file (core/bounded): a device or FIFO is refused unread."""
    folder = tmp_path / "folder.epcsbak"
    folder.mkdir()
    specials = [folder]  # Windows has no FIFOs or /dev/zero: a folder is its "not a regular file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.epcsbak"
        os.mkfifo(fifo)  # a reader of a FIFO with no writer would block for ever
        specials += [Path("/dev/zero"), fifo]
    for special in specials:
        with pytest.raises(BackupError, match=r"not a regular file|is a folder|Permission denied"):
            read_backup(special, PASSWORD)


def test_the_restore_preview_only_renders_the_plan() -> None:
    """Issue 18: `describe_restore` takes everything from `Profile.plan_restore` (devices, primary,
    Prescriber Info, identity, settings) and imports no private helper of the profile service."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(backup))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("epcs_desktop.core.profile")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
    source = inspect.getsource(backup.describe_restore)
    calls = {
        n.func.attr
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
    }
    reads = {"prescriber", "identity", "devices", "primary", "stored_settings", "all_rows"}
    assert "plan_restore" in calls and not calls & reads
