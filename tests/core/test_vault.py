"""The SQLCipher vault on real encrypted files: reopen, wrong password, secrets at rest, permissions,
migration from schema v1, rows set aside, re-keying and concurrent writers.

The KDF is real (about 0.2 s per unlock), so tests share files where they can.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3

from ast_support import (
    Module,
    assigned_names,
    calls_to,
    defined_functions,
    module_from_text,
    modules,
    strings,
)
from epcs_desktop.core import profilekey
from epcs_desktop.core import vault as vault_mod
from epcs_desktop.core.errors import (
    DamagedProfileError,
    RuleError,
    StorageError,
    VaultError,
    VaultLockedError,
    WrongPasswordError,
)
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.profile import Profile
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.vault import REKEYED_MESSAGE, PasswordChangedElsewhereError, Vault
from owner_only_support import assert_owner_only
from profile_support import (
    NO_POLICY,
    VAULT_CLOCK,
    crash_leaving_wal,
    file_hashes,
    keys_consistent,
    make_pbkdf2,
    make_v1,
    manageable,
    mount_tmpfs,
    profile_on_disk,
)

PASSWORD = "correct horse battery"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"  # 160 bits
URI = f"otpauth://totp/ID.me:dr.smith%40example.org?secret={SECRET}&issuer=ID.me"
NICKNAME = "Zebra Tablet Nickname"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): _sha(p) for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vault with a held secret and a push device, closed; tests that only read share it."""
    path = tmp_path_factory.mktemp("shared") / "profiles" / "shared.epcs"
    with Vault.create(path, PASSWORD, clock=VAULT_CLOCK) as v:
        p = Profile(v, "shared", NO_POLICY)
        p.add_device(NICKNAME, DeviceOption.GENERATOR_HERE, parse_uri(URI))
        p.add_device("Phone", DeviceOption.PUSH)
    return path


def test_reopen_gives_back_what_was_stored(shared: Path) -> None:
    with Vault.open(shared, PASSWORD, clock=VAULT_CLOCK) as v:
        assert v.schema_version == vault_mod.SCHEMA_VERSION
        p = Profile(v, "shared", NO_POLICY)
        assert p.set_aside == []
        devices = p.devices()
    assert [(d.nickname, d.option, d.is_primary) for d in devices] == [
        (NICKNAME, DeviceOption.GENERATOR_HERE, True),
        ("Phone", DeviceOption.PUSH, False),
    ]
    assert devices[0].otp == parse_uri(URI)
    assert devices[1].otp is None


def test_wrong_password_leaves_every_file_byte_for_byte_unchanged(
    shared: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = _tree(shared.parent)
    with pytest.raises(WrongPasswordError) as info:
        Vault.open(shared, "not the password", clock=VAULT_CLOCK)
    assert _tree(shared.parent) == before
    assert "not the password" not in str(info.value)
    err = capfd.readouterr().err
    assert err == "", err  # SQLCipher's own logging is silenced


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nope.epcs"
    with pytest.raises(VaultError):
        Vault.open(path, PASSWORD, clock=VAULT_CLOCK)
    assert not path.exists()


def test_create_refuses_existing_file_and_empty_password(shared: Path, tmp_path: Path) -> None:
    before = _sha(shared)
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(shared, PASSWORD, clock=VAULT_CLOCK)
    assert _sha(shared) == before
    with pytest.raises(VaultError, match="empty"):
        Vault.create(tmp_path / "x.epcs", "", clock=VAULT_CLOCK)
    assert not (tmp_path / "x.epcs").exists()


def test_secret_bytes_appear_in_no_file_of_the_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = data / "profiles" / "p.epcs"
    raw = base64.b32decode(SECRET)
    needles = [
        raw,
        SECRET.encode(),
        SECRET.lower().encode(),
        URI.encode(),
        NICKNAME.encode(),
        b"SQLite format 3",
    ]

    def scan() -> list[str]:
        found = []
        for f in data.rglob("*"):
            if f.is_file():
                blob = f.read_bytes()
                found += [f"{f.name}: {n[:6]!r}" for n in needles if n in blob]
        return found

    v = Vault.create(path, PASSWORD, clock=VAULT_CLOCK)
    Profile(v, "p", NO_POLICY).add_device(NICKNAME, DeviceOption.GENERATOR_HERE, parse_uri(URI))
    assert Path(str(path) + "-wal").exists()  # the change is (also) in the WAL right now
    assert scan() == []
    v.close()
    assert scan() == []
    assert any(f.stat().st_size > 0 for f in data.rglob("*.epcs"))


def test_files_and_folders_are_owner_only_even_with_a_lax_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "lax" / "profiles" / "p.epcs"
        v = Vault.create(path, PASSWORD, clock=VAULT_CLOCK)
        Profile(v, "p", NO_POLICY).add_device("Phone", DeviceOption.PUSH)
        side = [Path(str(path) + s) for s in ("-wal", "-shm")]
        for f in [path, *side]:
            assert f.exists(), f
            assert_owner_only(f)
        for d in (path.parent, path.parent.parent):
            assert_owner_only(d)
        v.close()
    finally:
        os.umask(old)


def test_change_password_rekeys_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rekey.epcs"
    with Vault.create(path, PASSWORD, clock=VAULT_CLOCK) as v:
        Profile(v, "r", NO_POLICY).add_device("Phone", DeviceOption.PUSH)
    before = _sha(path)
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        v.change_password("a brand new password")
    assert _sha(path) != before
    with pytest.raises(WrongPasswordError):
        Vault.open(path, PASSWORD, clock=VAULT_CLOCK)
    with Vault.open(path, "a brand new password", clock=VAULT_CLOCK) as v:
        assert [d.nickname for d in Profile(v, "r", NO_POLICY).devices()] == ["Phone"]


def test_failed_transaction_leaves_nothing_behind(shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "tx.epcs"
    with Vault.create(path, PASSWORD, clock=VAULT_CLOCK) as v:
        with pytest.raises(RuntimeError), v.transaction() as db:
            db.execute("INSERT INTO activity(at, action, detail) VALUES(1, 'x', 'y')")
            raise RuntimeError("boom")
        assert v.query("SELECT count(*) FROM activity WHERE action = 'x'")[0][0] == 0


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.epcs"
    with Vault.create(path, PASSWORD, clock=VAULT_CLOCK) as v, v.transaction() as db:
        db.execute(f"PRAGMA user_version = {vault_mod.SCHEMA_VERSION + 1}")
    with pytest.raises(VaultError, match="newer"):
        Vault.open(path, PASSWORD, clock=VAULT_CLOCK)


# --- set aside ---------------------------------------------------------------------------------


def test_an_undecodable_row_is_set_aside_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.epcs"
    bad_secret = "NOT!A!SECRET!1234"
    with Vault.create(path, PASSWORD, clock=VAULT_CLOCK) as v:
        p = Profile(v, "c", NO_POLICY)
        p.add_device("Broken", DeviceOption.GENERATOR_HERE, parse_uri(URI))  # first: the primary
        p.add_device("Phone", DeviceOption.PUSH)
        p.add_device("Tablet", DeviceOption.GENERATOR_OTHER)
        with v.transaction() as db:  # simulate a stored URI that no longer parses
            db.execute(
                "UPDATE device SET otp_uri = ? WHERE nickname = 'Broken'",
                (f"otpauth://totp/x?secret={bad_secret}",),
            )
    # rows are checked when the profile service takes the vault
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        p = Profile(v, "c", NO_POLICY)
        assert len(p.set_aside) == 1
        message = p.set_aside[0]
        assert "Broken" in message and "“Phone” is now the primary device" in message
        assert bad_secret not in message
        devices = Profile(v, "c", NO_POLICY).devices()
        assert [(d.nickname, d.is_primary) for d in devices] == [("Phone", True), ("Tablet", False)]
        kept = v.query("SELECT content FROM set_aside")
        assert json.loads(kept[0][0])["nickname"] == "Broken"  # kept (encrypted) for support
        assert any(e.action == "device set aside" for e in Profile(v, "c", NO_POLICY).activity())
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        assert Profile(v, "c", NO_POLICY).set_aside == []  # reported once; the profile is consistent again


# --- migration ---------------------------------------------------------------------------------


def _make_v1(path: Path) -> None:
    """A profile as EPCS Desktop 0.0.x wrote it (schema v1), built with SQLCipher directly."""
    rows = [
        (1, "Office iPad", "code_generator", 100.0, 0, SECRET.lower()),  # bare, lower-case secret
        (2, "office  IPAD", "push", 200.0, 1, None),  # clashes with row 1 once normalised
        (3, "Old phone", "code_generator", 300.0, 1, None),  # a second primary; generator elsewhere
        (4, "   ", "push", 400.0, 0, None),  # no usable name
    ]
    meta = [("state", "NY"), ("dea", "AB1234563"), ("npi", "1234567893"), ("license", "12345")]
    make_v1(path, PASSWORD, rows, meta, [(50.0, "profile created", "old entry")])


def test_v1_profile_is_migrated_and_its_copy_removed_once_it_opened(tmp_path: Path) -> None:
    """Issue 23 item 9: the pre-migration copy (old password, every secret) does not outlive the open."""
    path = tmp_path / "profiles" / "old.epcs"
    _make_v1(path)
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        assert v.schema_version == 3  # v1 -> v2 -> v3 (issue 18: ID.me devices and generators apart)
        backup = v.migration_backup
        assert backup is not None and backup.name == "old.epcs.v1.bak"
        assert not backup.exists()
        p = Profile(v, "old", NO_POLICY)
        devices = p.devices()
        assert [d.nickname for d in devices] == ["Office iPad", "office IPAD (2)", "Old phone", "Device 4"]
        assert [d.option for d in devices] == [
            DeviceOption.GENERATOR_HERE,
            DeviceOption.PUSH,
            DeviceOption.GENERATOR_OTHER,
            DeviceOption.PUSH,
        ]
        assert [d.is_primary for d in devices] == [False, True, False, False]
        assert devices[0].otp is not None and devices[0].otp.secret == SECRET
        assert p.prescriber().dea_number == "AB1234563" and p.prescriber().state == "NY"
        actions = [e.action for e in p.activity()]
        assert actions[0] == "profile upgraded" and "profile created" in actions
    assert sorted(f.name for f in path.parent.iterdir()) == ["old.epcs", "old.epcs.kdf"]
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:  # second open: nothing more to migrate
        assert v.migration_backup is None


def test_copies_left_by_a_crash_are_removed_at_the_next_open(tmp_path: Path) -> None:
    """A crash mid-migration, mid-upgrade (older versions) or mid key-file write left these behind."""
    path = tmp_path / "profiles" / "old.epcs"
    _make_v1(path)
    original = path.read_bytes()
    leftovers = [
        "old.epcs.v1.bak",
        "old.epcs.v1.1764300000.bak",
        "old.epcs.v1.bak-wal",
        "old.epcs.pbkdf2.bak",
        ".old.epcs.kdf.abc123.tmp",
        ".old.epcs.creating-1a2b3c4d",
    ]
    for name in leftovers:
        (path.parent / name).write_bytes(original)
    (path.parent / "other.epcs.v1.bak").write_bytes(b"another profile's file is not touched")
    Vault.open(path, PASSWORD, clock=VAULT_CLOCK).close()
    assert sorted(f.name for f in path.parent.iterdir()) == ["old.epcs", "old.epcs.kdf", "other.epcs.v1.bak"]


# --- concurrency -------------------------------------------------------------------------------


def test_a_held_write_lock_gives_a_clear_locked_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.epcs"
    first = Vault.create(path, PASSWORD, clock=VAULT_CLOCK)
    second = Vault.open(path, PASSWORD, busy_timeout=0.05, clock=VAULT_CLOCK)
    try:
        with first.transaction() as db:
            db.execute("INSERT INTO activity(at, action, detail) VALUES(1, 'a', 'b')")
            with pytest.raises(VaultLockedError, match="busy"), second.transaction():
                pass
            # readers are not blocked, and do not see the uncommitted row
            assert second.query("SELECT count(*) FROM activity WHERE action = 'a'")[0][0] == 0
        with second.transaction() as db:  # free again
            db.execute("INSERT INTO activity(at, action, detail) VALUES(2, 'c', 'd')")
    finally:
        first.close()
        second.close()


WRITER = textwrap.dedent(
    """
    import sys
    from epcs_desktop.core.vault import Vault
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.context import FixedPolicy
    from epcs_desktop.core.policy import Policy
    VAULT_CLOCK, NO_POLICY = FixedClock(0.0), FixedPolicy(Policy())
    path, tag = sys.argv[1], sys.argv[2]
    v = Vault.open(path, sys.stdin.readline().rstrip("\\n"), busy_timeout=30, clock=VAULT_CLOCK)
    p = Profile(v, "w", NO_POLICY)
    for i in range(15):
        p.add_device(f"{tag} {i}", "push")
    v.close()
    """
)


def test_two_processes_writing_at_once_do_not_corrupt_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "shared-writers.epcs"
    Vault.create(path, PASSWORD, clock=VAULT_CLOCK).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    for proc in procs:
        _out, err = proc.communicate(PASSWORD + "\n", timeout=120)
        assert proc.returncode == 0, err
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        assert v.query("PRAGMA integrity_check")[0][0] == "ok"
        devices = Profile(v, "w", NO_POLICY).devices()
        assert len(devices) == 30
        assert sum(d.is_primary for d in devices) == 1


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from epcs_desktop.core.vault import Vault
    from epcs_desktop.core.profile import Profile
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.context import FixedPolicy
    from epcs_desktop.core.policy import Policy
    VAULT_CLOCK, NO_POLICY = FixedClock(0.0), FixedPolicy(Policy())
    v = Vault.open(sys.argv[1], sys.stdin.readline().rstrip("\\n"), clock=VAULT_CLOCK)
    p = Profile(v, "k", NO_POLICY)
    i = 0
    while True:
        p.add_device(f"Dev {i}", "push")
        print(i, flush=True)  # only after the commit returned
        i += 1
    """
)


def test_a_writer_killed_mid_stream_loses_no_committed_change(tmp_path: Path) -> None:
    path = tmp_path / "killed.epcs"
    Vault.create(path, PASSWORD, clock=VAULT_CLOCK).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.flush()
    committed = [proc.stdout.readline() for _ in range(8)]
    proc.kill()  # SIGKILL: no clean close, the WAL is left behind
    proc.wait(timeout=30)
    assert all(line.strip() for line in committed)
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        assert v.query("PRAGMA integrity_check")[0][0] == "ok"
        names = {d.nickname for d in Profile(v, "k", NO_POLICY).devices()}
    assert {f"Dev {i}" for i in range(8)} <= names


# --- from the core-consistency review ------------------------------------------------------------

LONG = "A" * 57 + " " + "B" * 6  # 64 characters; a cut at 58 ends in a space


def test_migrated_clashing_long_names_stay_manageable(tmp_path: Path) -> None:
    path = tmp_path / "profiles" / "old.epcs"
    rows = [(i, n, "push", float(i), int(i == 1), None) for i, n in enumerate([LONG, LONG.lower()], 1)]
    make_v1(path, PASSWORD, rows)
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:
        p = Profile(v, "old", NO_POLICY)
        names = [d.nickname for d in p.devices()]
        assert names[0] == LONG and "  " not in names[1] and names[1].endswith(" (2)")
        keys_consistent(p)
        manageable(p, names[1])


def test_password_changed_by_another_connection_is_a_clear_error(store: ProfileStore) -> None:
    gui = store.create("A", PASSWORD)
    gui.add_device("X", DeviceOption.PUSH)
    cli = store.open("A", PASSWORD)
    cli.change_password("new-password-1")
    for action in (gui.devices, lambda: gui.add_device("Y", DeviceOption.PUSH), lambda: gui.settings):
        with pytest.raises(PasswordChangedElsewhereError) as err:
            action()
        assert isinstance(err.value, VaultError) and str(err.value) == REKEYED_MESSAGE
    gui.close()
    cli.close()
    again = store.open("A", "new-password-1")
    assert [d.nickname for d in again.devices()] == ["X"]
    again.close()


VAULT_PACKAGE = Path(vault_mod.__file__).parent
_GONE_FUNCTIONS = {"set_record", "set_aside_device", "_repair_nicknames"}
_ONE_WRITER_EACH = ("INSERT INTO activity(at", "INSERT INTO record(key")
_KEY_PRAGMAS = ("PRAGMA key", "PRAGMA rekey")
_KEY_WORK = {"profilekey.new_entry", "profilekey.derive", "profilekey.write_key_file"}


def storage_only_problems(package: list[Module], storage: Module) -> list[str]:
    """What made the vault more than storage, found on the syntax tree of the vault package.

    Issue 10: nickname repair, primary promotion and the test-only v1 schema left the vault; the
    service (`core.profile`) is the only writer, through `upsert_record` / `append_activity` (one
    statement each). Since the split, `storage` holds no key work (that is `opening` / `rekey`).
    """
    found: list[str] = []
    for m in package:
        found += [f"{m.where(f)} def {f.name}" for f in defined_functions(m) if f.name in _GONE_FUNCTIONS]
        found += [f"{m.where(n)} {name}" for n, name in assigned_names(m) if name == "SCHEMA_V1"]
        found += [f"{m.where(n)} sets is_primary" for n, s in strings(m) if "SET is_primary" in s]
    for prefix in _ONE_WRITER_EACH:
        writers = [m.where(n) for m in package for n, s in strings(m) if s.lstrip().startswith(prefix)]
        if len(writers) != 1:
            found.append(f"{prefix}…: {len(writers)} statements {writers}")
    found += calls_to(storage, _KEY_WORK)
    found += [f"{storage.where(n)} {s!r}" for n, s in strings(storage) if s.startswith(_KEY_PRAGMAS)]
    return found


def test_the_vault_is_storage_only() -> None:
    package = modules(VAULT_PACKAGE)
    assert {m.path.name for m in package} >= {"storage.py", "opening.py", "rekey.py", "schema.py"}
    storage = next(m for m in package if m.path.name == "storage.py")
    assert storage_only_problems(package, storage) == []


def test_the_storage_only_check_sees_what_it_looks_for() -> None:
    """Each rule of `storage_only_problems`, broken once in a written-out module, is found."""
    package = modules(VAULT_PACKAGE)
    bad = module_from_text(
        "from epcs_desktop.core import profilekey as pk\n"
        "SCHEMA_V1 = ''\n"
        "def set_record(db):\n"
        "    db.execute('UPDATE device SET is_primary = 0')\n"
        "    db.execute('INSERT INTO record(key, value) VALUES(?, ?)')\n"
        "    entry, raw = pk.new_entry('pw')\n"
        "    db.execute('PRAGMA rekey = x')\n",
        "storage.py",
    )
    found = storage_only_problems([*package, bad], bad)
    assert [f.split(" ", 1)[0] for f in found] == [
        "storage.py:3",
        "storage.py:2",
        "storage.py:4",
        "INSERT",
        "storage.py:6",
        "storage.py:7",
    ], found


# --- hardening (issue 11): wrong password, storage errors, key forms, crashes, damage -----------------


@pytest.mark.parametrize("kind", ["argon2id", "pbkdf2"])
def test_wrong_password_with_left_over_wal_changes_nothing(tmp_path: Path, kind: str) -> None:
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    if kind == "pbkdf2":
        make_pbkdf2(path, PASSWORD)
    crash_leaving_wal(path, PASSWORD)
    before = file_hashes(path)
    with pytest.raises(WrongPasswordError):
        Vault.open(path, "not the password", clock=VAULT_CLOCK)
    assert file_hashes(path) == before
    with Vault.open(path, PASSWORD, clock=VAULT_CLOCK) as v:  # the committed change survived
        assert v.query("SELECT value FROM record WHERE key = 'crash-test'")[0][0] == "1"


def test_no_write_permission_is_a_storage_error_not_a_wrong_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    if getattr(os, "geteuid", lambda: 0)() != 0:  # Windows ignores the bits too: answer as for root
        os.chmod(path.parent, 0o500)
    else:  # root ignores permission bits: make access() answer as it would for the clinician
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if mode & os.W_OK else real(p, mode))
    try:
        with pytest.raises(StorageError, match="permission"):
            Vault.open(path, PASSWORD, clock=VAULT_CLOCK)
    finally:
        os.chmod(path.parent, 0o700)


def test_read_only_disk_is_a_storage_error_and_changes_nothing(tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    if not mount_tmpfs(mnt, "size=4m"):
        pytest.skip("needs root and tmpfs mounts to make a real read-only disk")
    try:
        _store, path = profile_on_disk(mnt, PASSWORD)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        before = file_hashes(path)
        with pytest.raises(StorageError, match="read-only"):
            Vault.open(path, PASSWORD, clock=VAULT_CLOCK)
        with pytest.raises(StorageError):
            Vault.open(path, "wrong password either way", clock=VAULT_CLOCK)
        assert file_hashes(path) == before
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_raw_key_and_blank_passwords_are_refused_and_never_reach_sqlcipher(tmp_path: Path) -> None:
    from epcs_desktop.core.passwords import check_new_password

    raw_form = "x'" + "ab" * 32 + "'"
    for bad in (" " * 8, "\t" * 12, raw_form, "X'" + "00" * 32 + "'"):
        with pytest.raises(RuleError):
            check_new_password(bad, minimum=0)
    # Even straight at the vault, the x'…' text is an Argon2id input, not SQLCipher's raw key.
    path = tmp_path / "raw.epcs"
    Vault.create(path, raw_form, clock=VAULT_CLOCK).close()
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{raw_form}"')
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    Vault.open(path, raw_form, clock=VAULT_CLOCK).close()


def test_older_pbkdf2_profile_is_upgraded_at_unlock_and_the_copy_removed_once_verified(
    tmp_path: Path,
) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD, devices=2)
    make_pbkdf2(path, PASSWORD)
    assert profilekey.read_key_file(path) is None
    with store.open("Dr Test", PASSWORD) as profile:
        assert len(profile.devices()) == 2
    assert profilekey.read_key_file(path) is not None
    assert not path.with_name(path.name + ".pbkdf2.bak").exists()
    with store.open("Dr Test", PASSWORD) as profile:
        assert len(profile.devices()) == 2
    with pytest.raises(WrongPasswordError):
        store.open("Dr Test", "not the password")


def test_crash_between_key_file_and_rekey_still_opens(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD)
    make_pbkdf2(path, PASSWORD)
    entry, _raw = profilekey.new_entry(PASSWORD)
    profilekey.write_key_file(path, [entry])  # the upgrade wrote its key file, then the power went
    with store.open("Dr Test", PASSWORD) as profile:
        assert len(profile.devices()) == 1
    with store.open("Dr Test", PASSWORD):
        pass


def test_crash_during_password_change_keeps_the_old_password_working(tmp_path: Path) -> None:
    store, path = profile_on_disk(tmp_path, PASSWORD)
    old = profilekey.read_key_file(path)[0]  # type: ignore[index]
    new, _raw = profilekey.new_entry("the new password 2")
    profilekey.write_key_file(path, [new, old])  # change started, re-key never happened
    with store.open("Dr Test", PASSWORD):
        pass
    assert profilekey.read_key_file(path) == [old]


def test_damaged_first_page_with_the_right_password_is_damage_not_a_wrong_password(tmp_path: Path) -> None:
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedProfileError):
        Vault.open(path, PASSWORD, clock=VAULT_CLOCK)
    with pytest.raises(WrongPasswordError):
        Vault.open(path, "not the password", clock=VAULT_CLOCK)
