"""Review findings on core consistency, each reproduced on real SQLCipher vaults (no mocks).

1. invented names ("Name (2)") are normalised: a restored or migrated device stays manageable;
2. the restore preview and the restore follow one plan and cannot disagree;
3. `Profile.add_devices` is all-or-nothing;
4. counter-based (HOTP) codes are refused at enrollment, stored ones still load;
5. a password changed by another connection is a clear error on this one;
6. settings and the after-backup bookkeeping are single changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from epcs_desktop.core import backup, erx
from epcs_desktop.core import vault as vault_mod
from epcs_desktop.core.errors import EpcsError, RuleError, VaultError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import from_secret, parse_uri
from epcs_desktop.core.profile import HOTP_MESSAGE, NewDevice, Profile
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.vault import REKEYED_MESSAGE, PasswordChangedElsewhereError, Vault

PASSWORD = "s3cret-pass"
S1 = "JBSWY3DPEHPK3PXPJBSWY3DPAAAAAAAA"
S2 = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
HERE, OTHER, PUSH = DeviceOption.GENERATOR_HERE, DeviceOption.GENERATOR_OTHER, DeviceOption.PUSH
LONG = "A" * 57 + " " + "B" * 6  # 64 characters; a cut at 58 ends in a space
HOTP_URI = f"otpauth://hotp/Bank:j?secret={S1}&issuer=Bank&counter=5"


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "data")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Profile, Profile]]:
    """Two profiles reused by the property test (the KDF is real, so they are made once)."""
    st_ = ProfileStore(tmp_path_factory.mktemp("store"))
    a, b = st_.create("Source", PASSWORD), st_.create("Target", PASSWORD)
    yield a, b
    a.close()
    b.close()


def _manageable(profile: Profile, nickname: str) -> None:
    """What the review found impossible: rename, make primary and remove the device by its shown name."""
    renamed = profile.rename_device(nickname, "Short name")
    assert profile.set_primary(renamed.nickname).is_primary
    profile.remove_device("Short name", successor=profile.devices()[0].nickname)
    assert "Short name" not in [d.nickname for d in profile.devices()]


def _keys_consistent(profile: Profile) -> None:
    for row in profile.vault.query("SELECT nickname, nickname_key FROM device"):
        assert row["nickname"] == erx.normalise_nickname(row["nickname"])
        assert row["nickname_key"] == erx.nickname_key(row["nickname"])


# --- 1. one clash rule -------------------------------------------------------------------------


def test_unique_nickname_is_normalised_bounded_and_case_insensitive() -> None:
    assert erx.unique_nickname("Phone", {"phone", "PHONE (2)"}) == "Phone (3)"
    assert erx.unique_nickname("  Office   iPad ", set()) == "Office iPad"
    second = erx.unique_nickname(LONG, {LONG})
    assert "  " not in second and len(second) <= erx.NICKNAME_MAX and second.endswith(" (2)")
    assert erx.unique_nickname("x" * 80, set()) == "x" * 64
    assert erx.unique_nickname("ID.me (jane)", {"id.me (JANE)"}, pattern=" {n}") == "ID.me (jane) 2"
    with pytest.raises(RuleError):
        erx.unique_nickname("   ", set())


@settings(max_examples=200)
@given(
    base=st.text(alphabet=st.sampled_from("aB  é(2)\t"), min_size=1, max_size=90).filter(lambda s: s.strip()),
    taken=st.lists(st.text(alphabet="ab (2)", min_size=1, max_size=8).filter(str.strip), max_size=6),
)
def test_unique_nickname_property(base: str, taken: list[str]) -> None:
    taken = [*taken, next(erx.nickname_candidates(base))]  # the base itself is taken too
    name = erx.unique_nickname(base, taken)
    assert name == erx.normalise_nickname(name) and len(name) <= 64
    assert erx.nickname_key(name) not in {erx.nickname_key(t) for t in taken}


def test_restored_device_whose_cut_name_ends_in_a_space_stays_manageable(store: ProfileStore) -> None:
    src = store.create("Src", PASSWORD)
    src.add_device(LONG, PUSH)
    dst = store.create("Dst", PASSWORD)
    dst.add_device(LONG, OTHER)
    preview = backup.preview_restore(dst, src.snapshot(), "merge")
    dst.apply_snapshot(src.snapshot(), "merge")
    new = dst.devices()[-1]
    assert "  " not in new.nickname
    note = f"('{LONG}' is taken by another device)"
    assert f"+ add device '{new.nickname}' (Push Notification 2FA) {note}" in preview
    _keys_consistent(dst)
    _manageable(dst, new.nickname)


def _make_v1(path: Path, names: list[str]) -> None:
    """A schema-v1 file (EPCS Desktop 0.0.x) written with SQLCipher directly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSWORD}'")
    conn.executescript(vault_mod.SCHEMA_V1)
    conn.executemany(
        "INSERT INTO devices VALUES(?, ?, 'push', ?, ?, NULL)",
        [(i, n, float(i), int(i == 1)) for i, n in enumerate(names, start=1)],
    )
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_migrated_clashing_long_names_stay_manageable(tmp_path: Path) -> None:
    path = tmp_path / "profiles" / "old.epcs"
    _make_v1(path, [LONG, LONG.lower()])
    with Vault.open(path, PASSWORD) as v:
        p = Profile(v, "old")
        names = [d.nickname for d in p.devices()]
        assert names[0] == LONG and "  " not in names[1] and names[1].endswith(" (2)")
        _keys_consistent(p)
        _manageable(p, names[1])


def test_a_row_stored_with_a_double_space_is_repaired_when_opened(store: ProfileStore) -> None:
    p = store.create("Old", PASSWORD)
    p.add_device("Phone", PUSH)
    with p.vault.transaction() as db:  # what 0.1.x restore wrote
        db.execute(
            "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary) "
            "VALUES('Desk  (2)', 'desk  (2)', 'push', 1.0, 0)"
        )
    p.close()
    p = store.open("Old", PASSWORD)
    assert [d.nickname for d in p.devices()] == ["Phone", "Desk (2)"]
    _keys_consistent(p)
    assert p.activity()[0].action == "device renamed"
    _manageable(p, "Desk (2)")
    p.close()


# --- 2. preview and restore agree --------------------------------------------------------------


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
    assert preview[0] == "= keep device 'Phone' (already present as 'Phone (2)')"
    assert not any(line.startswith("+ add") for line in preview)
    assert q.apply_snapshot(snap, "merge").endswith("0 device(s) added, 1 already present.")
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
    for name, kind, primary in devices:
        option = {"push": PUSH, "other": OTHER}.get(kind, HERE)
        otp = from_secret(S1 if kind == "s1" else S2, issuer="ID.me") if option is HERE else None
        profile.add_device(name, option, otp, make_primary=primary)


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
    preview = backup.preview_restore(target, snapshot, mode)
    target.apply_snapshot(snapshot, mode)
    after = target.devices()
    predicted = [line.split("'")[1] for line in preview if line.startswith("+ add device")]
    kept = before if mode == "merge" else []
    assert [d.nickname for d in after] == kept + predicted
    primary = [line.split("'")[1] for line in preview if line.startswith("* primary device")]
    assert [d.nickname for d in after if d.is_primary] == primary
    _keys_consistent(target)


# --- 3. several devices at once ----------------------------------------------------------------


def test_add_devices_is_all_or_nothing(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    p.add_device("Two", PUSH)
    entries = len(p.activity())
    calls: list[int] = []
    p.add_listener(lambda: calls.append(1))
    items = [NewDevice("One", HERE, from_secret(S1)), NewDevice("TWO", HERE, from_secret(S2))]
    with pytest.raises(RuleError, match="already a device called 'Two'"):
        p.add_devices(items)
    assert [d.nickname for d in p.devices()] == ["Two"] and len(p.activity()) == entries and not calls
    with pytest.raises(RuleError, match="Two of the new devices"):
        p.add_devices([NewDevice("X", PUSH), ("x", OTHER, None, False)])
    added = p.add_devices([NewDevice("One", HERE, from_secret(S1)), ("Three", OTHER, None, True)])
    assert [d.nickname for d in added] == ["One", "Three"]
    assert [d.is_primary for d in added] == [False, True] and p.primary().nickname == "Three"
    assert calls == [1]  # one committed change
    assert [e.action for e in p.activity()[:2]] == ["device added", "device added"]
    assert p.add_devices([]) == []


# --- 4. HOTP ------------------------------------------------------------------------------------


def test_hotp_is_refused_at_enrollment_but_a_stored_one_still_loads(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    hotp = parse_uri(HOTP_URI)
    with pytest.raises(RuleError) as err:
        p.add_device("Bank", HERE, otp=hotp)
    assert str(err.value) == HOTP_MESSAGE
    with pytest.raises(RuleError, match="counter-based"):
        p.add_devices([NewDevice("Ok", HERE, from_secret(S1)), NewDevice("Bank", HERE, hotp)])
    assert p.devices() == []
    with p.vault.transaction() as db:  # a HOTP row enrolled by an earlier version
        db.execute(
            "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
            "VALUES('Bank', 'bank', 'generator_here', 1.0, 1, ?)",
            (HOTP_URI,),
        )
    p.close()
    p = store.open("A", PASSWORD)
    assert p.set_aside == []
    [device] = p.devices()
    assert device.otp is not None and device.otp.kind == "hotp" and device.otp.counter == 5
    p.close()


# --- 5. password changed by another connection -------------------------------------------------


def test_password_changed_by_another_connection_is_a_clear_error(store: ProfileStore) -> None:
    gui = store.create("A", PASSWORD)
    gui.add_device("X", PUSH)
    cli = store.open("A", PASSWORD)
    cli.change_password("new-password-1")
    for action in (gui.devices, lambda: gui.add_device("Y", PUSH), gui.settings):
        with pytest.raises(PasswordChangedElsewhereError) as err:
            action()
        assert isinstance(err.value, VaultError) and str(err.value) == REKEYED_MESSAGE
    gui.close()
    cli.close()
    again = store.open("A", "new-password-1")
    assert [d.nickname for d in again.devices()] == ["X"]
    again.close()


# --- 6. single changes -------------------------------------------------------------------------


def test_set_settings_is_one_change_and_validates_everything_first(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    entries = len(p.activity())
    with pytest.raises(EpcsError):
        p.set_settings({"auto_lock_minutes": 7, "idme_security_url": "http://not-https.example"})
    assert p.settings()["auto_lock_minutes"] == 5 and len(p.activity()) == entries
    p.set_settings({"auto_lock_minutes": 7, "clipboard_clear_seconds": 45})
    assert (p.settings()["auto_lock_minutes"], p.settings()["clipboard_clear_seconds"]) == (7, 45)
    log = p.activity()
    assert len(log) == entries + 1 and log[0].action == "setting changed"
    assert "7" in log[0].detail and "45" in log[0].detail
    assert p.set_setting("backup_reminder_days", 3) == 3


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
