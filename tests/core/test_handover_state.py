"""`core.handover` and the hand-over state: a profile on a temporary password (Profile, ProfileStore.open).

(Named test_handover_state.py: tests/ui/frontdesk/test_handover.py is the dialog's.)
"""

from __future__ import annotations

import json

import pytest

from epcs_desktop.core import handover
from epcs_desktop.core.errors import ProfileError, RuleError, TemporaryPasswordError, WrongPasswordError
from epcs_desktop.core.erx import PrescriberInfo
from epcs_desktop.core.events import HandoverChanged, PasswordChanged
from epcs_desktop.core.profile import Profile
from epcs_desktop.core.vault import upsert_record

TEMP = "Temp-Pass-1234"
MINE = "my own password 9"


def test_a_temporary_password_is_refused_by_open_unless_it_is_replaced(store) -> None:
    store.create("Dr Lee", TEMP, temporary=True, staff="Front desk").close()
    with pytest.raises(TemporaryPasswordError) as err:
        store.open("dr lee", TEMP)
    assert str(err.value) == (
        "this profile's temporary password must be replaced: run `epcs-desktop profile passwd 'Dr Lee'`"
    )
    assert isinstance(err.value, ProfileError)
    with store.open("Dr Lee", TEMP, allow_temporary=True) as p:
        assert p.requires_new_password and p.handed_over_by == "Front desk"
        assert p.activity()[0].action == "profile handed over"
        raw = json.dumps(p._handover())
        assert TEMP not in raw  # only an Argon2id hash of it is kept


def test_replacing_it_follows_the_policy_and_is_not_the_temporary_one(store) -> None:
    p = store.create("Dr Lee", TEMP, temporary=True)
    events: list[object] = []
    p.add_listener(events.append)
    for new, confirm, words in (
        (TEMP, TEMP, "not the temporary one"),
        (MINE, MINE + "x", "not the same"),
        ("short", "short", "at least 8"),
    ):
        with pytest.raises(RuleError, match=words):
            p.replace_temporary_password(new, confirm)
    assert p.requires_new_password and events == []
    p.replace_temporary_password(MINE, MINE)
    assert not p.requires_new_password
    assert events == [PasswordChanged(), HandoverChanged()]
    p.close()
    with pytest.raises(WrongPasswordError):
        store.open("Dr Lee", TEMP)
    with store.open("Dr Lee", MINE) as again:  # no TemporaryPasswordError any more
        assert not again.requires_new_password


def test_change_password_on_a_handed_over_profile_is_the_replacement(store) -> None:
    p = store.create("Dr Lee", TEMP, temporary=True)
    with pytest.raises(RuleError, match="not the temporary one"):
        p.change_password(TEMP)  # `profile passwd` with the same password
    p.change_password(MINE)
    assert not p.requires_new_password
    p.close()


def test_a_crash_between_rekey_and_flag_leaves_the_safe_state_and_open_repairs_it(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-key first, flag second: a crash in between never leaves the temporary password opening the file."""
    p = store.create("Dr Lee", TEMP, temporary=True)

    def crash(self: Profile, detail: str) -> None:
        raise KeyboardInterrupt  # the process dies after the re-key committed

    monkeypatch.setattr(Profile, "_finish_handover", crash)
    with pytest.raises(KeyboardInterrupt):
        p.replace_temporary_password(MINE, MINE)
    p.close()
    monkeypatch.undo()
    with pytest.raises(WrongPasswordError):
        store.open("Dr Lee", TEMP)  # the temporary password no longer opens anything
    with store.open("Dr Lee", MINE) as again:  # the clinician's own password: the stale flag is cleared
        assert not again.requires_new_password
        assert "already been replaced" in again.activity()[0].detail


def test_a_damaged_flag_fails_safe(profile) -> None:
    with profile.vault.transaction() as db:
        upsert_record(db, handover.HANDOVER_KEY, "{not json")
    assert profile.requires_new_password


def test_create_is_all_or_nothing_and_the_front_desk_call_fills_prescriber_info(store) -> None:
    with pytest.raises(RuleError):
        store.create("Dr Bad", TEMP, temporary=True, prescriber=PrescriberInfo(npi="1245319598"))
    assert store.list() == [] and not store.path_for("Dr Bad").exists()
    p = store.create("Dr Ok", TEMP, temporary=True, prescriber=PrescriberInfo(state="ca"), staff="Ann")
    assert p.prescriber().state == "CA" and p.handed_over_by == "Ann" and p.requires_new_password
    p.replace_temporary_password(MINE, MINE)
    assert not p.requires_new_password
    p.close()
    pw = handover.generate_temporary_password()
    assert len(pw) == 14 and pw.count("-") == 2 and not set(pw) & set("0O1lI")


def test_the_temporary_password_give_or_take_spaces_is_still_the_temporary_one(store) -> None:
    """Issue 23 item 12: the temporary password plus a trailing space was accepted as the clinician's own."""
    p = store.create("Dr Space", TEMP, temporary=True)
    for variant in (TEMP + " ", " " + TEMP, TEMP + "  ", TEMP.replace("-", "-", 1) + "\t"):
        with pytest.raises(RuleError, match="not the temporary one"):
            p.replace_temporary_password(variant, variant)
    p.replace_temporary_password(MINE, MINE)
    assert not p.requires_new_password
