"""The profile service on a real encrypted vault: primary-device invariants, nickname uniqueness,
one transaction and one activity entry per change, records, listeners, snapshots, the profile store.

One profile is created per module (the KDF is real); each test starts from an emptied profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from epcs_desktop.core import backup, erx
from epcs_desktop.core.errors import EpcsError, RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import from_secret, parse_uri
from epcs_desktop.core.profile import HOTP_MESSAGE, NewDevice, Profile
from epcs_desktop.core.profiles import ProfileStore
from profile_support import (
    HARD_SECRET,
    PASSWORD,
    keys_consistent,
    manageable,
    profile_on_disk,
    store_at,
    wipe,
)

SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
URI = f"otpauth://totp/ID.me:dr%40example.org?secret={SECRET}&issuer=ID.me"
HERE, OTHER, PUSH = DeviceOption.GENERATOR_HERE, DeviceOption.GENERATOR_OTHER, DeviceOption.PUSH


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
    assert notice == "“C” is now the primary device."
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
    assert notice == "“Office iPad” is now the primary device."
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
def test_exactly_one_primary_whenever_any_device_exists(module_profile_holder: dict, steps: list) -> None:
    profile = module_profile_holder["profile"]
    wipe(profile)
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
    with pytest.raises(RuleError, match="already a device called “Office iPad”"):
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
    assert entries[-1].detail == "“Laptop” (Generate 2FA Key) was added as the primary device."
    assert profile.activity(limit=2) == entries[:2]
    for e in entries:
        assert SECRET not in e.detail and SECRET.lower() not in e.detail and "otpauth" not in e.detail


def test_log_activity_is_available_to_other_services(profile: Profile) -> None:
    profile.log_activity("backup written", "Encrypted backup saved.")
    assert profile.activity(limit=1)[0].action == "backup written"


# --- records -----------------------------------------------------------------------------------


def test_records_persist_across_reopen(tmp_path: Path) -> None:
    store = store_at(tmp_path)
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
        s = p.settings
        assert s.clipboard_clear_seconds == 45 and s.auto_lock_minutes == 5


def test_listeners_run_after_commits_only(profile: Profile) -> None:
    seen: list[list[str]] = []
    profile.add_listener(lambda _event: seen.append([d.nickname for d in profile.devices()]))
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

    wipe(profile)
    profile.add_device("Tablet", OTHER)
    profile.add_device("phone", OTHER)  # same name as in the backup, different device
    summary = profile.apply_snapshot(snap, mode="merge")
    assert "devices added: 2" in summary
    assert _table(profile) == [("Tablet", True), ("phone", False), ("Laptop", False), ("Phone (2)", False)]
    assert profile.apply_snapshot(snap, mode="merge").endswith("devices added: 0; already present: 2.")

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


# --- from the core-consistency review ------------------------------------------------------------

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPAAAAAAAA"
S2 = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
HOTP_URI = f"otpauth://hotp/Bank:j?secret={S1}&issuer=Bank&counter=5"


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
    keys_consistent(p)
    assert p.activity()[0].action == "device renamed"
    manageable(p, "Desk (2)")
    p.close()


def test_add_devices_is_all_or_nothing(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    p.add_device("Two", PUSH)
    entries = len(p.activity())
    calls: list[int] = []
    p.add_listener(lambda _event: calls.append(1))
    items = [NewDevice("One", HERE, from_secret(S1)), NewDevice("TWO", HERE, from_secret(S2))]
    with pytest.raises(RuleError, match="already a device called “Two”"):
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


def test_hotp_is_held_since_issue_13_and_a_stored_one_still_loads(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    hotp = parse_uri(HOTP_URI)
    twin = from_secret(hotp.secret, issuer=hotp.issuer, account=hotp.account)  # same account, TOTP
    added = p.add_devices(
        [NewDevice("Bank", HERE, hotp, idme=True), NewDevice("Bank TOTP", HERE, twin, idme=True)]
    )
    kinds = [(d.nickname, d.otp.kind, d.otp.counter) for d in added]
    assert kinds == [("Bank", "hotp", 5), ("Bank TOTP", "totp", 0)]
    with pytest.raises(RuleError, match="already in this profile as “Bank”"):
        p.add_device("Bank again", HERE, otp=hotp)
    for d in added:
        p.remove_device(d.nickname, successor=None if d.nickname == "Bank TOTP" else "Bank TOTP")
    assert p.devices() == [] and HOTP_MESSAGE  # the name is still importable
    with p.vault.transaction() as db:  # a HOTP row enrolled by an earlier version
        db.execute(
            "INSERT INTO device(nickname, nickname_key, option, added_at, is_primary, otp_uri) "
            "VALUES('Bank', 'bank', 'generator_here', 1.0, 1, ?)",
            (HOTP_URI,),
        )
    p.close()
    p = store.open("A", PASSWORD)
    assert p.set_aside == []
    [device] = p.generators()  # kept, listed under other accounts: its issuer names another site (issue 18)
    assert device.otp.kind == "hotp" and device.otp.counter == 5 and not device.idme
    assert p.devices() == [] and len(p.upgrade_notes) == 1
    p.close()


def test_set_settings_is_one_change_and_validates_everything_first(store: ProfileStore) -> None:
    p = store.create("A", PASSWORD)
    entries = len(p.activity())
    with pytest.raises(EpcsError):
        p.set_settings({"auto_lock_minutes": 7, "idme_security_url": "http://not-https.example"})
    assert p.settings.auto_lock_minutes == 5 and len(p.activity()) == entries
    p.set_settings({"auto_lock_minutes": 7, "clipboard_clear_seconds": 45})
    assert (p.settings.auto_lock_minutes, p.settings.clipboard_clear_seconds) == (7, 45)
    log = p.activity()
    assert len(log) == entries + 1 and log[0].action == "setting changed"
    assert "7" in log[0].detail and "45" in log[0].detail
    assert p.set_setting("backup_reminder_days", 3) == 3


# --- typed events (issue 10) -------------------------------------------------------------------


def test_listeners_get_one_typed_event_per_committed_change(profile: Profile) -> None:
    from epcs_desktop.core import events as ev

    seen: list[object] = []
    profile.add_listener(seen.append)
    a = profile.add_device("A", PUSH)
    b = profile.add_device("B", HERE, parse_uri(URI), make_primary=True)
    profile.rename_device("A", "Alpha")
    profile.set_primary("Alpha")
    profile.set_primary("Alpha")  # nothing changed: no event
    profile.remove_device("Alpha")
    profile.set_prescriber(erx.PrescriberInfo(state="TX"))
    profile.set_identity(erx.IdentityConfirmation(True))
    profile.log_activity("note", "A note.")
    profile.note_backup(1.0, "b.epcsbak")
    profile.apply_snapshot(profile.snapshot(), "merge")
    assert seen == [
        ev.DevicesChanged(added=(a.id,), primary=a.id),
        ev.DevicesChanged(added=(b.id,), primary=b.id),
        ev.DevicesChanged(renamed=(a.id,)),
        ev.DevicesChanged(primary=a.id),
        ev.DevicesChanged(removed=(a.id,), primary=b.id),
        ev.PrescriberChanged(),
        ev.IdentityChanged(),
        ev.ActivityAdded(),
        ev.RecordChanged("last_backup_at"),
        ev.Restored(),
    ]
    assert all(isinstance(e, ev.ProfileEvent) for e in seen)
    with pytest.raises(RuleError):
        profile.add_device("b", PUSH)
    assert len(seen) == 10  # a refused change commits nothing and says nothing


# --- a name stored by an older version still loads (issue 11) -----------------------------------------


def test_a_stored_name_from_an_older_version_still_loads(tmp_path: Path) -> None:
    """The stricter rules apply to new names; a device saved earlier with one is not set aside."""
    store, _path = profile_on_disk(tmp_path, PASSWORD, devices=1)
    with store.open("Dr Test", PASSWORD) as profile, profile.vault.transaction() as db:
        db.execute(
            "UPDATE device SET nickname = ?, otp_uri = ?",
            (
                "Old\u200bname",
                f"otpauth://totp/Is%E2%80%8Bsuer:a?secret={HARD_SECRET}&issuer=Is%E2%80%8Bsuer",
            ),
        )
    with store.open("Dr Test", PASSWORD) as profile:
        assert [d.nickname for d in profile.devices()] == ["Old\u200bname"]


# --- restore never moves an HOTP counter backwards ----------------------------------------------------


# The counter lives inside the stored otpauth URI, so "the same account" for restore is
# `enrollment.account_key` (counter excluded) and the higher counter of the two wins.


def _bank(counter: int):
    return from_secret(SECRET, issuer="Bank", account="j", kind="hotp", counter=counter)


def _counters(profile: Profile) -> list[tuple[str, int]]:
    return [(d.nickname, d.otp.counter) for d in profile.devices() if d.otp is not None]


@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_an_older_backup_never_rolls_a_used_counter_back(profile: Profile, mode: str) -> None:
    device = profile.add_device("Bank key", HERE, _bank(3))
    old = profile.snapshot()  # counter 3 in the backup
    for _ in range(4):
        profile.next_hotp_code(device.id)
    assert _counters(profile) == [("Bank key", 7)]

    preview = backup.preview_restore(profile, old, mode)
    assert any("kept" in line for line in preview), preview
    summary = profile.apply_snapshot(old, mode)
    expected = "devices added: 0; already present: 1." if mode == "merge" else "devices added: 1."
    assert summary.endswith(expected)
    assert _counters(profile) == [("Bank key", 7)]


@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_the_same_account_under_another_name_is_not_added_twice(profile: Profile, mode: str) -> None:
    profile.add_device("Bank key", HERE, _bank(9))
    snap = profile.snapshot()
    snap["devices"][0]["nickname"] = "Bank (old laptop)"
    snap["devices"][0]["otp_uri"] = snap["devices"][0]["otp_uri"].replace("counter=9", "counter=2")
    assert "counter=2" in snap["devices"][0]["otp_uri"]

    profile.apply_snapshot(snap, mode)
    assert len(_counters(profile)) == 1
    assert _counters(profile)[0][1] == 9


@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_a_backup_with_the_higher_counter_moves_the_profile_forward(profile: Profile, mode: str) -> None:
    profile.add_device("Bank key", HERE, _bank(4))
    snap = profile.snapshot()
    snap["devices"][0]["otp_uri"] = snap["devices"][0]["otp_uri"].replace("counter=4", "counter=12")

    profile.apply_snapshot(snap, mode)
    assert _counters(profile) == [("Bank key", 12)]


def test_next_hotp_code_is_one_transaction_even_from_two_handles(store) -> None:
    """Two handles on one profile file (two windows, or the window and the CLI): never the same code twice."""
    from epcs_desktop.core.otp import hotp

    bank = from_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", issuer="Bank", account="j", kind="hotp", counter=4)
    steam = from_secret(
        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", issuer="Steam", account="g", kind="steam", digits=5
    )
    with store.create("Dr Counter", PASSWORD) as mine:
        mine.add_device("Bank token", DeviceOption.GENERATOR_HERE, otp=bank)
        mine.add_device("Steam", DeviceOption.GENERATOR_HERE, otp=steam)
        with store.open("Dr Counter", PASSWORD) as other:
            device_id = mine.device("Bank token").id
            codes = [mine.next_hotp_code(device_id), other.next_hotp_code(device_id)]
            codes.append(mine.next_hotp_code(device_id))
        assert codes == [hotp(bank, 4), hotp(bank, 5), hotp(bank, 6)]
        with pytest.raises(EpcsError, match="not a counter-based"):
            mine.next_hotp_code(mine.device("Steam").id)
