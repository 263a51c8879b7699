"""Practice enrollment: the code check (window, stale, wrong, reuse) and the clean-up."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import OtpParams, parse_uri
from epcs_desktop.core.practice import (
    PRACTICE_ISSUER,
    PracticeSession,
    is_practice_device,
    make_practice_params,
    remove_practice_devices,
)
from profile_support import store_at

T0 = 1_764_300_015.0  # 15 s into a period


@pytest.fixture
def session() -> PracticeSession:
    return PracticeSession(FixedClock(T0))


def code(session: PracticeSession, offset_periods: int) -> str:
    return totp_at(session.params, T0 + 30 * offset_periods)


def test_params_are_fresh_160_bit_practice_secrets() -> None:
    a, b = make_practice_params(), make_practice_params()
    assert a.secret != b.secret
    assert len(a.secret) == 32 and len(base64.b32decode(a.secret)) == 20
    assert a.issuer == PRACTICE_ISSUER and "not ID.me" in a.issuer
    assert a.secret not in repr(PracticeSession(FixedClock(T0), a))


def test_uri_round_trips_and_key_is_grouped(session: PracticeSession) -> None:
    assert parse_uri(session.uri()) == session.params
    assert session.secret_key().replace(" ", "") == session.params.secret
    assert all(len(g) == 4 for g in session.secret_key().split(" "))


def test_current_code_accepted_matches_oathtool(session: PracticeSession) -> None:
    oath = subprocess.run(
        ["oathtool", "--totp", "-b", session.params.secret, "--now", "@" + str(int(T0))],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    result = session.check(oath[:3] + " " + oath[3:])
    assert result.accepted and result.outcome == "ok"
    assert session.accepted


@pytest.mark.parametrize(("offset", "outcome"), [(-1, "ok_previous"), (1, "ok_next")])
def test_neighbour_periods_accepted_with_a_note(session, offset, outcome) -> None:
    r = session.check(code(session, offset))
    assert r.accepted and r.outcome == outcome


def test_stale_code_says_how_old(session) -> None:
    r = session.check(code(session, -3))
    assert not r.accepted and r.outcome == "stale"
    assert "expired about 75 seconds ago" in r.message


def test_future_code_blames_the_clock(session) -> None:
    r = session.check(code(session, 4))
    assert not r.accepted and r.outcome == "ahead"


def test_wrong_and_malformed(session) -> None:
    good = {code(session, k) for k in range(-25, 26)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in good)
    r = session.check(wrong)
    assert not r.accepted and r.outcome == "wrong" and "PRACTICE" in r.message
    assert wrong not in r.message
    for bad in ("", "12345", "abcdef", "1234567"):
        assert session.check(bad).outcome == "malformed"
    assert not session.accepted


def test_a_code_is_accepted_once(session) -> None:
    c = code(session, 0)
    assert session.check(c).accepted
    r = session.check(c)
    assert not r.accepted and r.outcome == "reused"
    session.clock.advance(30)
    assert session.check(code(session, 1)).accepted


def test_practice_devices_are_removed_and_primary_restored(tmp_path: Path) -> None:
    store = store_at(tmp_path / "d")
    with store.create("Dr Bo", "a long password") as p:
        p.add_device("Work phone", DeviceOption.PUSH)
        p.add_device("Desk", DeviceOption.GENERATOR_OTHER)
        practice = make_practice_params()
        p.add_device("This PC", DeviceOption.GENERATOR_HERE, practice, make_primary=True)
        real = OtpParams("totp", "JBSWY3DPEHPK3PXP", "x", "ID.me")
        p.add_device("Real here", DeviceOption.GENERATOR_HERE, real)
        assert [is_practice_device(d) for d in p.devices()] == [False, False, True, False]
        removed = remove_practice_devices(p, restore_primary="Work phone")
        assert removed == ["This PC"]
        assert [d.nickname for d in p.devices()] == ["Work phone", "Desk", "Real here"]
        assert p.primary().nickname == "Work phone"
        assert remove_practice_devices(p) == []
