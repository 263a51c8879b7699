"""The profile service on a real encrypted vault: primary-device invariants, nickname uniqueness,
one transaction and one activity entry per change, records, listeners, snapshots, the profile store.

One profile is created per module (the KDF is real); each test starts from an emptied profile.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from epcs_desktop.core import erx
from epcs_desktop.core.errors import EpcsError, ProfileError, RuleError, WrongPasswordError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.profile import Profile
from epcs_desktop.core.profiles import ProfileStore, default_data_dir

PASSWORD = "s3cret-pass"
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
URI = f"otpauth://totp/ID.me:dr%40example.org?secret={SECRET}&issuer=ID.me"
HERE, OTHER, PUSH = DeviceOption.GENERATOR_HERE, DeviceOption.GENERATOR_OTHER, DeviceOption.PUSH


@pytest.fixture(scope="module")
def module_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    store = ProfileStore(tmp_path_factory.mktemp("store"))
    profile = store.create("Dr Smith", PASSWORD)
    yield profile
    profile.close()


def _wipe(profile: Profile) -> None:
    with profile.vault.transaction() as db:
        for table in ("device", "activity", "record"):
            db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed table names)


@pytest.fixture
def profile(module_profile: Profile) -> Profile:
    _wipe(module_profile)
    module_profile._listeners.clear()
    return module_profile


def _table(p: Profile) -> list[tuple[str, bool]]:
    return [(d.nickname, d.is_primary) for d in p.devices()]


# --- primary invariants ------------------------------------------------------------------------


def test_first_device_becomes_primary_and_later_ones_do_not(profile: Profile) -> None:
    profile.add_device("Phone", PUSH)
    profile.add_device("Tablet", OTHER)
    assert _table(profile) == [("Phone", True), ("Tablet", False)]
    assert profile.primary() is not None and profile.primary().nickname == "Phone"


def test_make_primary_moves_the_flag(profile: Profile) -> None:
    profile.add_device("Phone", PUSH)
    profile.add_device("Laptop", HERE, parse_uri(URI), make_primary=True)
    assert _table(profile) == [("Phone", False), ("Laptop", True)]
    profile.set_primary("phone")
    assert _table(profile) == [("Phone", True), ("Laptop", False)]


def test_removing_a_non_primary_device_keeps_the_primary(profile: Profile) -> None:
    for n in ("A", "B", "C"):
        profile.add_device(n, PUSH)
    assert profile.remove_device("B") is None
    assert _table(profile) == [("A", True), ("C", False)]


def test_removing_the_primary_among_several_requires_a_successor(profile: Profile) -> None:
    for n in ("A", "B", "C"):
        profile.add_device(n, PUSH)
    entries = len(profile.activity())
    with pytest.raises(RuleError, match="name the device that becomes primary"):
        profile.remove_device("A")
    assert _table(profile) == [("A", True), ("B", False), ("C", False)]  # nothing changed
    assert len(profile.activity()) == entries  # and nothing logged
    with pytest.raises(RuleError, match="cannot succeed itself"):
        profile.remove_device("A", successor="a")
    with pytest.raises(RuleError, match="no device called"):
        profile.remove_device("A", successor="Z")
    notice = profile.remove_device("A", successor="c")
    assert notice == "'C' is now the primary device."
    assert _table(profile) == [("B", False), ("C", True)]


def test_successor_is_refused_for_a_non_primary_device(profile: Profile) -> None:
    profile.add_device("A", PUSH)
    profile.add_device("B", PUSH)
    with pytest.raises(RuleError, match="not the primary"):
        profile.remove_device("B", successor="A")


def test_last_remaining_device_is_promoted_and_the_notice_says_so(profile: Profile) -> None:
    profile.add_device("Old phone", PUSH)
    profile.add_device("Office iPad", HERE, parse_uri(URI))
    notice = profile.remove_device("old phone")
    assert notice == "'Office iPad' is now the primary device."
    assert _table(profile) == [("Office iPad", True)]
    assert profile.remove_device("Office iPad") is None
    assert profile.devices() == [] and profile.primary() is None


ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "add_primary", "remove", "set_primary", "rename"]),
        st.integers(0, 5),
        st.integers(0, 5),
    ),
    max_size=25,
)


@settings(max_examples=30, deadline=None)
@given(ops)
def test_exactly_one_primary_whenever_any_device_exists(module_profile: Profile, steps: list) -> None:
    profile = module_profile
    _wipe(profile)
    names = [f"Dev {i}" for i in range(6)]
    for op, i, j in steps:
        try:
            if op == "add":
                profile.add_device(names[i], PUSH)
            elif op == "add_primary":
                profile.add_device(names[i], OTHER, make_primary=True)
            elif op == "remove":
                profile.remove_device(names[i], successor=names[j] if i != j else None)
            elif op == "set_primary":
                profile.set_primary(names[i])
            else:
                profile.rename_device(names[i], names[j].upper())
        except RuleError:
            pass
        devices = profile.devices()
        assert sum(d.is_primary for d in devices) == (1 if devices else 0)
        keys = [erx.nickname_key(d.nickname) for d in devices]
        assert len(keys) == len(set(keys))


# --- nicknames and options ---------------------------------------------------------------------


@pytest.mark.parametrize("clash", ["Office iPad", "office ipad", "  OFFICE   IPAD ", "Office\tiPad"])
def test_nickname_clashes_are_refused_whatever_the_case_and_spacing(profile: Profile, clash: str) -> None:
    profile.add_device("Office iPad", PUSH)
    with pytest.raises(RuleError, match="already a device called 'Office iPad'"):
        profile.add_device(clash, OTHER)
    profile.add_device("Phone", PUSH)
    with pytest.raises(RuleError, match="already"):
        profile.rename_device("Phone", clash)
    assert _table(profile) == [("Office iPad", True), ("Phone", False)]


def test_rename_can_change_only_the_case(profile: Profile) -> None:
    profile.add_device("office ipad", PUSH)
    assert profile.rename_device("OFFICE IPAD", "  Office   iPad ").nickname == "Office iPad"
    assert profile.device("office ipad").nickname == "Office iPad"


def test_options_and_secrets_must_agree(profile: Profile) -> None:
    with pytest.raises(RuleError, match="secret key"):
        profile.add_device("Laptop", HERE)
    with pytest.raises(RuleError, match="Only a code generator"):
        profile.add_device("Phone", PUSH, parse_uri(URI))
    with pytest.raises(RuleError, match="not a device option"):
        profile.add_device("Phone", "carrier pigeon")
    with pytest.raises(RuleError, match="empty"):
        profile.add_device("   ", PUSH)
    assert profile.devices() == []


def test_generator_here_keeps_its_secret(profile: Profile) -> None:
    profile.add_device("Laptop", HERE, parse_uri(URI))
    assert profile.device("laptop").otp == parse_uri(URI)


# --- activity ----------------------------------------------------------------------------------


def test_every_change_is_one_activity_entry_without_secrets(profile: Profile) -> None:
    profile.add_device("Laptop", HERE, parse_uri(URI))
    profile.add_device("Phone", PUSH)
    profile.rename_device("Phone", "Cell")
    profile.set_primary("Cell")
    profile.remove_device("Laptop")
    profile.set_prescriber(erx.PrescriberInfo("CA", "A12345", "AB1234563", "1234567893"))
    profile.set_identity(erx.IdentityConfirmation(True, "2020-10-01"))
    profile.set_setting("auto_lock_minutes", 10)
    entries = profile.activity()
    assert [e.action for e in entries] == [
        "setting changed",
        "identity confirmation changed",
        "prescriber info changed",
        "device removed",
        "primary changed",
        "device renamed",
        "device added",
        "device added",
    ]
    assert entries[-1].detail == "'Laptop' (Generate 2FA Key) was added as the primary device."
    assert profile.activity(limit=2) == entries[:2]
    for e in entries:
        assert SECRET not in e.detail and SECRET.lower() not in e.detail and "otpauth" not in e.detail


def test_log_activity_is_available_to_other_services(profile: Profile) -> None:
    profile.log_activity("backup written", "Encrypted backup saved.")
    assert profile.activity(limit=1)[0].action == "backup written"


# --- records -----------------------------------------------------------------------------------


def test_records_persist_across_reopen(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    with store.create("Persist", PASSWORD) as p:
        p.set_prescriber(erx.PrescriberInfo("ny", "lic 1", "mj4512376", "1245319599"))
        p.set_identity(erx.IdentityConfirmation(True, "2020-10-01", "verified by ID.me"))
        p.set_setting("clipboard_clear_seconds", "45")
        with pytest.raises(RuleError):
            p.set_prescriber(erx.PrescriberInfo(npi="1245319598"))
        with pytest.raises(RuleError):
            p.set_setting("auto_lock_minutes", -5)
    with store.open("persist", PASSWORD) as p:
        assert p.prescriber() == erx.PrescriberInfo("NY", "LIC 1", "MJ4512376", "1245319599")
        assert p.identity() == erx.IdentityConfirmation(True, "2020-10-01", "verified by ID.me")
        s = p.settings()
        assert s["clipboard_clear_seconds"] == 45 and s["auto_lock_minutes"] == 5


def test_listeners_run_after_commits_only(profile: Profile) -> None:
    seen: list[list[str]] = []
    profile.add_listener(lambda: seen.append([d.nickname for d in profile.devices()]))
    profile.add_device("Phone", PUSH)
    with pytest.raises(RuleError):
        profile.add_device("phone", PUSH)
    profile.rename_device("Phone", "Cell")
    assert seen == [["Phone"], ["Cell"]]


# --- snapshots ---------------------------------------------------------------------------------


def test_snapshot_replace_and_merge(profile: Profile) -> None:
    profile.add_device("Laptop", HERE, parse_uri(URI))
    profile.add_device("Phone", PUSH, make_primary=True)
    profile.set_prescriber(erx.PrescriberInfo(state="TX"))
    snap = profile.snapshot()
    assert snap["devices"][0]["otp_uri"] and snap["prescriber"]["state"] == "TX"

    _wipe(profile)
    profile.add_device("Tablet", OTHER)
    profile.add_device("phone", OTHER)  # same name as in the backup, different device
    summary = profile.apply_snapshot(snap, mode="merge")
    assert "2 device(s) added" in summary
    assert _table(profile) == [("Tablet", True), ("phone", False), ("Laptop", False), ("Phone (2)", False)]
    assert profile.apply_snapshot(snap, mode="merge").endswith("0 device(s) added, 2 already present.")

    profile.apply_snapshot(snap, mode="replace")
    assert _table(profile) == [("Laptop", False), ("Phone", True)]
    assert profile.device("Laptop").otp == parse_uri(URI)
    assert profile.prescriber().state == "TX"

    with pytest.raises(RuleError, match="not an EPCS Desktop"):
        profile.apply_snapshot({"format": "other"})
    bad_device = {"nickname": "X", "option": "generator_here", "added_at": 1, "otp_uri": "nope"}
    broken = dict(snap, devices=[bad_device])
    with pytest.raises(EpcsError, match=r"otpauth|damaged"):
        profile.apply_snapshot(broken, mode="replace")
    assert _table(profile) == [("Laptop", False), ("Phone", True)]  # refused before any write


# --- the profile store -------------------------------------------------------------------------


def test_store_names_files_and_case_insensitive_uniqueness(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "d")
    assert store.list() == []
    store.create("  Dr   Jones ", PASSWORD).close()
    assert store.list() == ["Dr Jones"]
    assert store.exists("DR JONES")
    assert store.path_for("dr jones") == tmp_path / "d" / "profiles" / "Dr Jones.epcs"
    assert stat.S_IMODE((tmp_path / "d").stat().st_mode) == 0o700
    with pytest.raises(ProfileError, match="already exists"):
        store.create("dr jones", PASSWORD)
    for bad in ("", "../evil", ".hidden", "a/b", "x" * 65, "trailing.", "semi;colon"):
        with pytest.raises(ProfileError):
            store.create(bad, PASSWORD)
    with pytest.raises(RuleError, match="at least 8"):
        store.create("Short", "short")
    with pytest.raises(ProfileError, match="no profile called"):
        store.open("Nobody", PASSWORD)
    with pytest.raises(WrongPasswordError):
        store.open("dr jones", "wrong password")
    store.delete("DR JONES")
    assert store.list() == []


def test_default_data_dir_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EPCS_DESKTOP_DATA_DIR", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    assert ProfileStore().data_dir == tmp_path / "x"
    monkeypatch.delenv("EPCS_DESKTOP_DATA_DIR")
    assert default_data_dir().name == "epcs-desktop"
