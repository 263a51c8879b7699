"""The change-device guide against a real SQLCipher profile: ticks follow real changes."""

from __future__ import annotations

import pytest

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.guide import (
    ADD_NEW,
    GUIDE_STATE_KEY,
    OPEN_IDME,
    REMOVE_OLD,
    SELECT_PRIMARY,
    SIGN_IN_MFA,
    SIGN_IN_SECURITY,
    STEP_IDS,
    ChangeDeviceGuide,
    GuideProgress,
    state_store,
)
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.vault import upsert_record
from profile_support import PASSWORD

T0 = 1_764_300_000.0
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def android(profile):
    """Every test starts from the shared `profile` holding one code generator, "android" (the primary)."""
    otp = OtpParams("totp", SECRET, "ada", "ID.me")
    return profile.add_device("android", DeviceOption.GENERATOR_HERE, otp)


def done_map(guide: ChangeDeviceGuide) -> dict[str, bool]:
    return {s.step.id: s.done for s in guide.status()}


def test_six_steps_in_the_safe_order_with_links() -> None:
    """Set up new -> confirm -> make primary -> delete old (the article lists deletion first: it says why)."""
    from epcs_desktop.core.guide import ORDER_NOTE, STEPS

    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6]
    assert [s.id for s in STEPS][3:] == [ADD_NEW, SELECT_PRIMARY, REMOVE_OLD]
    assert "Update MFA Device" in STEPS[0].instructions
    assert "Sign In & Security" in STEPS[1].instructions
    assert {s.link_setting for s in STEPS} == {"drchrono_erx_url", "idme_security_url", None}
    assert "Confirm your device" in STEPS[3].instructions
    assert "Select as Primary Device" in STEPS[4].instructions
    assert STEPS[5].instructions.startswith("Only now")
    assert "help article lists deleting the old device first" in ORDER_NOTE
    assert "lock you out" in ORDER_NOTE


def test_ticks_follow_real_profile_changes(profile) -> None:
    clock = FixedClock(T0)
    guide = ChangeDeviceGuide(profile, state_store(profile), clock)
    guide.start()
    assert done_map(guide) == dict.fromkeys(STEP_IDS, False)
    assert next(st.step for st in guide.status() if not st.done).id == OPEN_IDME

    profile.add_device("New iPhone", DeviceOption.GENERATOR_OTHER)
    assert done_map(guide)[ADD_NEW] is True
    assert done_map(guide)[SELECT_PRIMARY] is False
    assert "“android” is still the primary" in {s.step.id: s for s in guide.status()}[SELECT_PRIMARY].detail

    profile.set_primary("New iPhone")
    assert done_map(guide)[SELECT_PRIMARY] is True
    assert done_map(guide)[REMOVE_OLD] is False

    profile.remove_device("android")
    statuses = {s.step.id: s for s in guide.status()}
    assert statuses[REMOVE_OLD].done and statuses[REMOVE_OLD].detail == "“android” was removed here."
    assert not guide.complete

    for sid in (OPEN_IDME, SIGN_IN_SECURITY, SIGN_IN_MFA):
        guide.mark(sid)
    assert guide.complete


def test_rename_is_not_a_new_device(profile) -> None:
    guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(T0))
    guide.start()
    profile.rename_device("android", "Old Android")
    assert done_map(guide)[ADD_NEW] is False
    assert done_map(guide)[REMOVE_OLD] is False


def test_progress_survives_closing_and_reopening_the_vault(module_profile_holder, profile) -> None:
    guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(T0))
    guide.start()
    guide.mark(OPEN_IDME)
    guide.mark(SIGN_IN_SECURITY)
    profile.add_device("Office iPad", DeviceOption.PUSH)
    profile.close()

    reopened = module_profile_holder["store"].open(profile.name, PASSWORD)
    try:
        resumed = ChangeDeviceGuide(reopened, state_store(reopened), FixedClock(T0 + 3600))
        assert resumed.in_progress
        assert resumed.progress.baseline.started_at == T0
        d = done_map(resumed)
        assert d[OPEN_IDME] and d[SIGN_IN_SECURITY] and d[ADD_NEW]
        assert not d[SIGN_IN_MFA]
        # the raw stored value is JSON without any secret
        raw = reopened.vault.get_record(GUIDE_STATE_KEY)
        assert SECRET not in raw and "otpauth" not in raw
        resumed.finish()
        assert reopened.vault.get_record(GUIDE_STATE_KEY) is None
        assert not ChangeDeviceGuide(reopened, state_store(reopened), FixedClock(T0)).in_progress
    finally:
        reopened.close()


def test_observable_steps_cannot_be_ticked_by_hand(profile) -> None:
    guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(T0))
    guide.start()
    with pytest.raises(RuleError, match="ticked from this profile"):
        guide.mark(REMOVE_OLD)
    guide.mark(OPEN_IDME)
    guide.mark(OPEN_IDME, done=False)
    assert done_map(guide)[OPEN_IDME] is False


def test_named_old_device_and_unknown_name(profile) -> None:
    profile.add_device("Office iPad", DeviceOption.PUSH)
    guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(T0))
    with pytest.raises(RuleError, match="no device named “Nope”"):
        guide.start("Nope")
    guide.start("office ipad")
    assert guide.old_device().nickname == "Office iPad"
    profile.remove_device("Office iPad")
    assert done_map(guide)[REMOVE_OLD] is True
    # the primary did not change, and the old device was not primary: step 6 still open
    assert done_map(guide)[SELECT_PRIMARY] is False


def test_sign_in_hint_shows_code_of_primary_held_here(profile) -> None:
    clock = FixedClock(T0)
    guide = ChangeDeviceGuide(profile, state_store(profile), clock)
    hint = guide.sign_in_hint()
    params = profile.primary().otp
    assert hint.nickname == "android"
    assert hint.code == totp_at(params, T0)
    clock.advance(30)
    assert guide.sign_in_hint().code == totp_at(params, T0 + 30) != hint.code

    profile.add_device("iPhone", DeviceOption.PUSH, make_primary=True)
    hint = guide.sign_in_hint()
    assert hint.code is None and "approve" in hint.message and "“iPhone”" in hint.message


def test_damaged_progress_means_no_guide(profile) -> None:
    with profile.vault.transaction() as db:  # damaged progress as a broken older version might leave it
        upsert_record(db, GUIDE_STATE_KEY, "{not json")
    guide = ChangeDeviceGuide(profile, state_store(profile), FixedClock(T0))
    assert not guide.in_progress
    assert GuideProgress.from_json('{"device_ids": "x"}') is None


def test_guide_progress_is_a_profile_change_with_activity_and_event(profile) -> None:
    """Guide progress goes through `Profile` (no write behind its back): one entry and one event per save."""
    from epcs_desktop.core.events import GuideChanged

    events: list[object] = []
    profile.add_listener(events.append)
    guide = ChangeDeviceGuide(profile, None, FixedClock(T0))  # the store defaults to the profile's
    before = len(profile.activity())
    guide.start()
    guide.mark(OPEN_IDME)
    guide.finish()
    assert events == [GuideChanged(), GuideChanged(), GuideChanged()]
    details = [e.detail for e in profile.activity()[:3]]
    assert len(profile.activity()) == before + 3
    assert details == [
        "The change-phone guide was closed.",
        "Change-phone guide: step 1 was ticked.",
        "The change-phone guide was started.",
    ]
    assert profile.guide_state() is None


def test_test_only_and_dead_helpers_are_gone() -> None:
    from epcs_desktop.core import activity_export, guide

    assert not hasattr(guide, "MemoryStateStore") and not hasattr(guide, "VaultStateStore")
    assert not hasattr(ChangeDeviceGuide, "next_step") and not hasattr(activity_export, "to_csv")
