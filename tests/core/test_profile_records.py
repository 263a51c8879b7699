"""Issue 18: no untyped "write any key" door on Profile; facts for services are typed, one key each."""

from __future__ import annotations

import inspect

import pytest

from epcs_desktop.core import erx
from epcs_desktop.core.errors import EpcsError
from epcs_desktop.core.handover import HANDOVER_KEY
from epcs_desktop.core.profile import Profile


def test_no_method_writes_a_key_it_is_given() -> None:
    """`put_record(key, …)` / `record(key)` are gone; the only key-taking writers are settings',
    which check the key against the settings registry and IT's policy."""
    assert not hasattr(Profile, "put_record") and not hasattr(Profile, "record")
    takes_key = sorted(
        name
        for name, member in inspect.getmembers(Profile, inspect.isfunction)
        if not name.startswith("_") and "key" in inspect.signature(member).parameters
    )
    assert takes_key == ["set_setting"]


@pytest.mark.parametrize("reserved", [HANDOVER_KEY, "prescriber", "identity", "settings", "guide_state"])
def test_a_reserved_key_cannot_be_written_from_outside(profile, reserved: str) -> None:
    before = profile.vault.get_record(reserved)
    with pytest.raises(EpcsError, match="no setting called"):
        profile.set_setting(reserved, {"must_change": False})
    with pytest.raises(EpcsError):
        profile.set_settings({reserved: "x"})
    assert profile.vault.get_record(reserved) == before


def test_the_prescriber_draft_is_typed_and_bounded(profile) -> None:
    typed = erx.PrescriberInfo(state="ca", license_number="A" * 200, dea_number="not yet", npi="")
    profile.keep_prescriber_draft(typed)
    draft = profile.prescriber_draft()
    assert draft is not None and draft.state == "ca" and len(draft.license_number) == 64
    assert profile.prescriber() == erx.PrescriberInfo()  # a draft is never the saved Prescriber Info
    profile.clear_prescriber_draft()
    assert profile.prescriber_draft() is None
    entries = len(profile.activity())
    profile.clear_prescriber_draft()  # nothing to clear: no change, no entry
    assert len(profile.activity()) == entries


def test_backup_bookkeeping_is_one_typed_change(profile) -> None:
    assert profile.last_backup_at() is None
    profile.note_backup(1234.5, "lee.epcsbak")
    assert profile.last_backup_at() == 1234.5
    assert profile.activity()[0].detail == "Encrypted backup written to lee.epcsbak."
