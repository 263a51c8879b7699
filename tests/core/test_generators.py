"""Issue 18: code generators held here and ID.me devices are two things, linked when one IS the other.

Real profiles (SQLCipher) through `Profile`; every test fails on the code before issue 18,
where each imported account became an ID.me device and could be made primary.
"""

from __future__ import annotations

import pytest

from epcs_desktop.core.enrollment import Candidate
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption, Location
from epcs_desktop.core.generator import code_pane_order, names_another_site
from epcs_desktop.core.otpauth import from_secret

HERE = DeviceOption.GENERATOR_HERE
IDME = from_secret("JBSWY3DPEHPK3PXP", issuer="ID.me", account="dr.lee@clinic.org")
TYPED = from_secret("GEZDGNBVGY3TQOJQ")
GOOGLE = from_secret("KRSXG5CTMVRXEZLU", issuer="Google", account="dr.lee@gmail.com")
STEAM = from_secret("ONSWG4TFOQYTEMZU", issuer="Steam", account="gamer", kind="steam", digits=5)


def test_the_issuer_rule() -> None:
    assert not names_another_site(IDME) and not names_another_site(TYPED) and not names_another_site(None)
    assert names_another_site(GOOGLE) and names_another_site(STEAM)
    assert not names_another_site(from_secret("JBSWY3DPEHPK3PXP", issuer=" id.me "))


def test_other_accounts_are_generators_only_and_never_primary(profile) -> None:
    profile.add_device("Office PC", HERE, IDME)
    google = profile.add_generator(None, GOOGLE)
    assert google.nickname == "Google (dr.lee@gmail.com)" and not google.idme and google.device_id is None
    assert [d.nickname for d in profile.devices()] == ["Office PC"]
    with pytest.raises(RuleError, match=r"not an ID\.me device"):
        profile.set_primary(google.nickname)
    with pytest.raises(RuleError, match=r"not an ID\.me device"):
        profile.remove_device(google.nickname)
    profile.remove_generator(google.nickname)
    assert [g.nickname for g in profile.generators()] == ["Office PC"]


def test_enrolling_knows_from_the_issuer_or_is_told(profile) -> None:
    added = profile.enroll(
        [
            Candidate("Office PC", HERE, IDME),  # ID.me's QR code: an ID.me device
            Candidate("Typed", HERE, TYPED),  # a typed key (no issuer): an ID.me device
            Candidate(None, HERE, GOOGLE),  # another site: a generator only
            Candidate("Steam, but ID.me", HERE, STEAM, idme=True),  # told explicitly
            Candidate(None, HERE, from_secret("MFRGGZDFMZTWQ2LK", account="x"), source="codes.txt"),
        ]
    )
    assert [type(a).__name__ for a in added] == ["Device", "Device", "Generator", "Device", "Generator"]
    assert [d.nickname for d in profile.devices()] == ["Office PC", "Typed", "Steam, but ID.me"]


def test_code_pane_order_pins_the_primary_then_other_accounts(profile) -> None:
    profile.add_generator(None, GOOGLE)
    profile.add_device("Office PC", HERE, IDME)
    profile.add_device("Laptop", HERE, TYPED, make_primary=True)
    gens = profile.generators()
    assert [g.nickname for g in gens] == ["Laptop", "Office PC", "Google (dr.lee@gmail.com)"]
    assert gens == code_pane_order(reversed(gens))


def test_link_a_generator_as_a_new_device_or_to_an_existing_one(profile) -> None:
    profile.add_device("MyiPad", DeviceOption.GENERATOR_OTHER)
    google = profile.add_generator(None, GOOGLE)
    steam = profile.add_generator("Steam", STEAM)
    device = profile.link_generator("Steam")
    assert device.nickname == "Steam" and device.location is Location.THIS_COMPUTER and not device.is_primary
    linked = profile.link_generator(google.nickname, "MyiPad")  # the iPad's secret, now held here
    assert linked.nickname == "MyiPad" and linked.location is Location.THIS_COMPUTER
    assert linked.otp == GOOGLE and linked.is_primary
    assert [g.nickname for g in profile.generators()] == ["MyiPad", "Steam"]
    with pytest.raises(RuleError, match=r"already an ID\.me device"):
        profile.link_generator("Steam")
    assert steam.id == device.id  # the same row: a generator that IS an ID.me device


def test_unlinking_the_primary_follows_the_primary_rule(profile) -> None:
    profile.add_device("A", HERE, IDME, make_primary=True)
    profile.add_device("B", HERE, TYPED)
    profile.add_device("C", DeviceOption.PUSH)
    with pytest.raises(RuleError, match="name the device that becomes primary"):
        profile.unlink_generator("A")
    gen = profile.unlink_generator("A", successor="C")
    assert not gen.idme and profile.primary().nickname == "C"
    with pytest.raises(RuleError, match=r"only a row of the ID\.me table"):
        profile.unlink_generator("C")


def test_move_to_phone_keeps_the_device_and_removes_the_secret_only_when_asked(profile) -> None:
    profile.add_device("Office PC", HERE, IDME)
    moved = profile.move_to_phone("Office PC")
    assert moved.location is Location.PHONE and moved.is_primary and moved.secret_kept and moved.otp is None
    assert profile.generators() == []  # its code is no longer made here
    assert [d.nickname for d in profile.devices()] == ["Office PC"]
    assert any("nothing changed in ID.me" in e.detail for e in profile.activity())
    kept = profile.snapshot()["devices"][0]
    assert kept["option"] == "generator_other" and kept["otp_uri"]  # a backup still carries the secret
    forgotten = profile.forget_secret("Office PC")
    assert not forgotten.secret_kept and profile.devices()[0].location is Location.PHONE
    with pytest.raises(RuleError, match="holds no secret"):
        profile.forget_secret("Office PC")


def test_a_backup_restores_both_sides(profile) -> None:
    profile.add_device("Office PC", HERE, IDME)
    profile.add_generator(None, GOOGLE)
    snap = profile.snapshot()
    profile.apply_snapshot(snap, "replace")
    assert [d.nickname for d in profile.devices()] == ["Office PC"]
    assert [(g.nickname, g.idme) for g in profile.generators()] == [
        ("Office PC", True),
        ("Google (dr.lee@gmail.com)", False),
    ]
    for entry in snap["devices"]:
        del entry["idme"]  # a backup from before issue 18: the issuer decides, as for an upgrade
    profile.apply_snapshot(snap, "replace")
    assert [d.nickname for d in profile.devices()] == ["Office PC"]
