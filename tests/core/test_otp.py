"""HOTP/TOTP codes: RFC test vectors, clock behaviour, and a cross-check against oathtool."""

from __future__ import annotations

import base64
import random
import shutil
import subprocess

import pytest

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.otp import Totp, group_code, hotp, totp_at, whole_seconds
from epcs_desktop.core.otpauth import OtpParams, from_secret


def _b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode().rstrip("=")


RFC4226_SECRET = _b32(b"12345678901234567890")
RFC4226_CODES = [
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489",
]  # fmt: skip


@pytest.mark.parametrize(("counter", "code"), list(enumerate(RFC4226_CODES)))
def test_rfc4226_hotp_vectors(counter: int, code: str) -> None:
    params = from_secret(RFC4226_SECRET, kind="hotp", counter=counter)
    assert hotp(params) == code
    assert hotp(from_secret(RFC4226_SECRET, kind="hotp"), counter) == code


# RFC 6238 appendix B: each algorithm uses a seed of its own hash length.
RFC6238_SEEDS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
RFC6238_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize("row", RFC6238_VECTORS, ids=[str(r[0]) for r in RFC6238_VECTORS])
@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256", "SHA512"])
def test_rfc6238_totp_vectors(row: tuple[int, str, str, str], algorithm: str) -> None:
    t, *codes = row
    expected = dict(zip(("SHA1", "SHA256", "SHA512"), codes, strict=True))[algorithm]
    params = from_secret(_b32(RFC6238_SEEDS[algorithm]), algorithm=algorithm, digits=8)
    assert totp_at(params, t) == expected
    assert Totp(params, FixedClock(t)).code() == expected


def test_fractional_time_and_period_boundaries() -> None:
    params = from_secret(_b32(RFC6238_SEEDS["SHA1"]), digits=8)
    assert totp_at(params, 59.999) == "94287082"
    assert totp_at(params, 60.0) != "94287082"
    assert totp_at(params, 60.0) == totp_at(params, 89.9)


def test_totp_clock_countdown_and_next_code() -> None:
    params = from_secret(_b32(RFC6238_SEEDS["SHA1"]), digits=8)
    clock = FixedClock(1111111109.25)
    totp = Totp(params, clock)
    assert totp.code() == "07081804"
    assert totp.period_index() == 1111111109 // 30
    assert totp.seconds_remaining() == pytest.approx(30 - (1111111109.25 % 30))
    nxt = totp.next_code()
    clock.advance(totp.seconds_remaining())
    assert totp.code() == nxt == "14050471"
    assert totp.seconds_remaining() == pytest.approx(30.0)


def test_seconds_remaining_is_in_half_open_range() -> None:
    params = from_secret(RFC4226_SECRET, period=7)
    clock = FixedClock(0)
    totp = Totp(params, clock)
    for _ in range(50):
        assert 0 < totp.seconds_remaining() <= 7
        clock.advance(0.37)


def test_whole_seconds_never_shows_zero_for_a_live_code() -> None:
    params = from_secret(RFC4226_SECRET, period=30)
    clock = FixedClock(29.6)  # 0.4 s left in the first time step
    totp = Totp(params, clock)
    assert whole_seconds(totp.seconds_remaining()) == 1
    clock.advance(0.4)  # a new step begins: the whole period is left
    assert whole_seconds(totp.seconds_remaining()) == 30
    assert whole_seconds(2.01) == 3  # a wait is never announced shorter than it is


def test_eighty_bit_secret_generates_codes() -> None:
    params = from_secret(_b32(b"0123456789"))  # pyotp alone would refuse < 112 bits
    assert len(totp_at(params, 1_700_000_000)) == 6


def test_totp_refuses_hotp_params() -> None:
    with pytest.raises(ValueError, match="TOTP"):
        Totp(from_secret(RFC4226_SECRET, kind="hotp"), FixedClock(0))


def test_repr_does_not_show_secret() -> None:
    params = from_secret(RFC4226_SECRET)
    assert RFC4226_SECRET not in repr(Totp(params, FixedClock(0)))


@pytest.mark.parametrize(
    ("code", "grouped"),
    [("123456", "123 456"), ("1234567", "123 4567"), ("12345678", "1234 5678"), ("12", "12")],
)
def test_group_code(code: str, grouped: str) -> None:
    assert group_code(code) == grouped


# --------------------------------------------------------------------------- oathtool cross-check

OATHTOOL = shutil.which("oathtool")


def _oathtool(params: OtpParams, *, t: int | None = None) -> str:
    """Ask oathtool; the key goes through stdin, never argv."""
    assert OATHTOOL
    args = [OATHTOOL, "-b", "-d", str(params.digits)]
    if params.kind == "totp":
        args += [f"--totp={params.algorithm}", "-s", f"{params.period}s", "-N", f"@{t}"]
    else:
        args += ["-c", str(params.counter)]
    args.append("-")
    out = subprocess.run(args, input=params.secret + "\n", capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.skipif(OATHTOOL is None, reason="oathtool not installed (scripts/test installs it)")
def test_totp_matches_oathtool_for_random_inputs() -> None:
    rng = random.Random(6238)
    for _ in range(120):
        key_bytes = rng.choice([10, 16, 20, 32, 64])
        params = from_secret(
            _b32(rng.randbytes(key_bytes)),
            algorithm=rng.choice(["SHA1", "SHA256", "SHA512"]),
            digits=rng.choice([6, 7, 8]),
            period=rng.choice([1, 15, 30, 60, 90, 300, rng.randint(1, 300)]),
        )
        t = rng.randint(0, 2**34)
        assert totp_at(params, t) == _oathtool(params, t=t), (params, t)


@pytest.mark.skipif(OATHTOOL is None, reason="oathtool not installed (scripts/test installs it)")
def test_hotp_matches_oathtool_for_random_inputs() -> None:
    rng = random.Random(4226)
    for _ in range(60):
        params = from_secret(
            _b32(rng.randbytes(rng.choice([10, 20, 32]))),
            kind="hotp",
            digits=rng.choice([6, 7, 8]),
            counter=rng.choice([0, 1, rng.randint(0, 10**6), rng.randint(0, 2**40)]),
        )
        assert hotp(params) == _oathtool(params), params


# RFC 4226 appendix D lists the 31-bit truncated value (Snum) of each count for its test key. A Steam
# Guard code is that same value written least-significant first in Steam's 26-letter alphabet, so
# these published numbers pin the Steam codes independently of our HMAC path.
RFC4226_SNUM = [
    1284755224, 1094287082, 137359152, 1726969429, 1640338314,
    868254676, 1918287922, 82162583, 673399871, 645520489,
]  # fmt: skip


def _steam_text(snum: int) -> str:
    alphabet = "23456789BCDFGHJKMNPQRTVWXY"
    out = ""
    for _ in range(5):
        snum, i = divmod(snum, 26)
        out += alphabet[i]
    return out


@pytest.mark.parametrize(("step", "snum"), list(enumerate(RFC4226_SNUM)))
def test_steam_codes_from_rfc4226_truncated_values(step: int, snum: int) -> None:
    params = from_secret(RFC4226_SECRET, kind="steam", digits=5, issuer="Steam")
    code = totp_at(params, step * 30 + 29.9)
    assert code == _steam_text(snum)
    assert len(code) == 5 and set(code) <= set("23456789BCDFGHJKMNPQRTVWXY")
    assert Totp(params, FixedClock(step * 30)).code() == code
    assert group_code(code) == code  # five characters are read as one word


def test_hotp_code_is_shown_for_the_stored_counter_and_showing_changes_nothing() -> None:
    from epcs_desktop.core.otp import code_at, is_time_based

    params = from_secret(RFC4226_SECRET, kind="hotp", counter=3)
    assert not is_time_based(params)
    assert code_at(params, 0) == code_at(params, 10**9) == RFC4226_CODES[3]
    assert params.counter == 3


def test_check_code_for_moving_to_a_phone() -> None:
    from epcs_desktop.core.otp import check_code

    totp = from_secret(RFC4226_SECRET)
    now = 1_000_000.0
    code = totp_at(totp, now)
    assert check_code(totp, code[:3] + " " + code[3:], now)
    assert check_code(totp, totp_at(totp, now - 30), now)  # the phone's clock is a step behind
    assert not check_code(totp, totp_at(totp, now - 90), now)
    assert not check_code(totp, "", now) and not check_code(totp, code + "1", now)
    steam = from_secret(RFC4226_SECRET, kind="steam", digits=5)
    assert check_code(steam, totp_at(steam, now).lower(), now)
    counter = from_secret(RFC4226_SECRET, kind="hotp", counter=2)
    assert check_code(counter, RFC4226_CODES[2], 0) and check_code(counter, RFC4226_CODES[9], 0)
    assert not check_code(counter, RFC4226_CODES[1], 0)  # already used: before the stored counter


def test_copy_plan_hands_out_the_current_code_while_it_has_time_left() -> None:
    from epcs_desktop.core.otp import COPY_MARGIN_SECONDS, copy_plan

    params = OtpParams("totp", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    t = 1_700_000_010.0  # 20 s left in its 30 s step
    plan = copy_plan(params, t)
    assert plan.code == totp_at(params, t) and plan.wait == 0.0
    edge = 1_700_000_040.0 - COPY_MARGIN_SECONDS  # exactly the margin left: still fine
    assert copy_plan(params, edge).wait == 0.0


def test_copy_plan_waits_for_the_next_code_in_the_last_seconds() -> None:
    """Issue 22: copying in the last second handed out the expiring code."""
    from epcs_desktop.core.otp import copy_plan

    params = OtpParams("totp", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    t = 1_700_000_039.2  # 0.8 s left
    plan = copy_plan(params, t)
    assert plan.code == totp_at(params, 1_700_000_040.0) != totp_at(params, t)
    assert plan.wait == pytest.approx(0.8) and plan.starts_at == 1_700_000_040.0


def test_copy_plan_refuses_counter_based_codes() -> None:
    from epcs_desktop.core.otp import copy_plan

    with pytest.raises(ValueError):
        copy_plan(OtpParams("hotp", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), 0.0)
