"""Issue 18: a profile written before ID.me devices and code generators were told apart upgrades losslessly.

tests/core/data/profile_v2_mixed was written by the code of commit 8682e63
(tests/core/data/make_profile_v2_mixed.py): schema v2, every row a "device":
ID.me (QR, primary), a typed key without issuer, a phone, a push device,
Google, GitHub, Steam and an HOTP account (counter 7), Prescriber Info and a setting.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from epcs_desktop.core import erx
from epcs_desktop.core.profiles import ProfileStore
from profile_support import store_at

DATA = Path(__file__).parent / "data" / "profile_v2_mixed"
NAME = "Mixed rows"
PASSWORD = "correct horse battery"
IDME = ["Office PC", "Typed key", "MyiPad", "Lee's phone"]
OTHERS = ["Google (dr.lee@gmail.com)", "GitHub (drlee)", "Steam (gamer)", "VPN (lee)"]


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    store = store_at(tmp_path)
    target = store.path_for(NAME)
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".kdf"):
        shutil.copyfile(DATA / f"{NAME}.epcs{suffix}", Path(str(target) + suffix))
    return store


def test_the_old_file_is_really_schema_v2(store: ProfileStore) -> None:
    from epcs_desktop.core import profilekey

    assert profilekey.read_key_file(store.path_for(NAME))  # a real key file next to a real SQLCipher file
    assert store.path_for(NAME).read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted, not plain SQLite


def test_upgrade_keeps_every_row_and_tells_the_sides_apart(store: ProfileStore) -> None:
    profile = store.open(NAME, PASSWORD)
    try:
        assert profile.vault.schema_version == 3
        assert [d.nickname for d in profile.devices()] == IDME
        assert profile.primary() is not None and profile.primary().nickname == "Office PC"
        by_name = {d.nickname: d for d in profile.devices()}
        assert by_name["MyiPad"].location is erx.Location.PHONE
        assert by_name["Lee's phone"].location is erx.Location.PUSH
        assert by_name["Office PC"].location is erx.Location.THIS_COMPUTER
        gens = profile.generators()
        # ID.me devices first, the primary on top; then other accounts in the order added
        assert [g.nickname for g in gens] == ["Office PC", "Typed key", *OTHERS]
        assert [g.idme for g in gens] == [True, True, False, False, False, False]
        by_gen = {g.nickname: g for g in gens}
        assert by_gen["VPN (lee)"].otp.kind == "hotp" and by_gen["VPN (lee)"].otp.counter == 7
        assert by_gen["Steam (gamer)"].otp.kind == "steam"
        assert by_gen["Google (dr.lee@gmail.com)"].otp.secret == "KRSXG5CTMVRXEZLU"
        assert profile.prescriber().dea_number == "AB1234563"
        assert profile.settings.auto_lock_minutes == 7
        # every row that changed side: listed once in the activity log and in the notes shown at this unlock
        moved = [e.detail for e in profile.activity() if e.action == "listed under other accounts"]
        assert len(moved) == 4 and all(any(o in m for m in moved) for o in OTHERS)
        assert len(profile.upgrade_notes) == 4
        from epcs_desktop.core.activity import render_detail

        assert [render_detail(n) for n in profile.upgrade_notes] == list(reversed(moved))
    finally:
        profile.close()
    again = store.open(NAME, PASSWORD)
    try:
        assert again.upgrade_notes == []  # shown once: the next unlock has nothing new to say
        moved = [e for e in again.activity() if e.action == "listed under other accounts"]
        assert len(moved) == 4
    finally:
        again.close()


def test_a_row_that_changed_side_can_be_moved_back(store: ProfileStore) -> None:
    profile = store.open(NAME, PASSWORD)
    try:
        device = profile.link_generator("Steam (gamer)")
        assert device.nickname == "Steam (gamer)" and not device.is_primary
        assert "Steam (gamer)" in [d.nickname for d in profile.devices()]
        assert profile.generator("Steam (gamer)").idme
        profile.unlink_generator("Steam (gamer)")
        assert "Steam (gamer)" not in [d.nickname for d in profile.devices()]
        assert not profile.generator("Steam (gamer)").idme
    finally:
        profile.close()
