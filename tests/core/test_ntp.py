"""The clock check against a real SNTP sntp_responder on 127.0.0.1 that lies about the time on purpose."""

from __future__ import annotations

import socket
import struct

import pytest

from epcs_desktop.core import ntp, settings
from epcs_desktop.core.clock import SystemClock
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.ntp import ClockCheck, NtpError, check_clock, parse_server, sntp_offset
from sntp_server import Reply, skewed_reply

# The offset of the computer's own clock is what is measured (what `AppContext.for_this_machine` gives).
WALL = SystemClock()


@pytest.mark.parametrize("skew", [0.0, 42.0, -95.5, 3600.0])
def test_measures_the_skew_of_the_server(sntp_responder, skew: float) -> None:
    server = sntp_responder(skewed_reply(skew))
    offset = sntp_offset("127.0.0.1", server.port, timeout=2.0, clock=WALL)
    assert offset == pytest.approx(skew, abs=0.5)


def test_request_is_a_48_byte_version_4_client_packet(sntp_responder) -> None:
    server = sntp_responder(skewed_reply(0.0))
    sntp_offset("127.0.0.1", server.port, timeout=2.0, clock=WALL)
    (request,) = server.requests
    assert len(request) == 48
    assert request[0] >> 6 == 0 and (request[0] >> 3) & 7 == 4 and request[0] & 7 == 3
    assert struct.unpack_from(">Q", request, 40)[0] != 0  # transmit nonce the server must echo


def test_clock_check_verdicts(sntp_responder) -> None:
    server = sntp_responder(skewed_reply(-40.0))
    result = check_clock("127.0.0.1", server.port, timeout=2.0, platform="linux", clock=WALL)
    assert not result.ok
    assert "ahead" in result.message and "timedatectl set-ntp true" in result.message
    fine = ClockCheck.from_offset(3.2, platform="win32")
    assert fine.ok and "correct" in fine.message
    assert "Sync now" in ClockCheck.from_offset(16.0, platform="win32").message
    assert "behind" in ClockCheck.from_offset(16.0, platform="win32").message
    assert "Set time and date automatically" in ClockCheck.from_offset(-20, platform="darwin").message
    assert ClockCheck.from_offset(15.0).ok and ClockCheck.from_offset(-15.0).ok
    assert not ClockCheck.from_offset(15.01).ok


def test_timeout_against_a_port_that_never_answers(sntp_responder) -> None:
    silent = sntp_responder(lambda request: None)
    with pytest.raises(NtpError, match=r"did not answer within 0\.5 s"):
        sntp_offset("127.0.0.1", silent.port, timeout=0.5, clock=WALL)
    assert len(silent.requests) == 1


@pytest.mark.parametrize(
    "reply, message",
    [
        (lambda request: b"\x24" + b"\0" * 10, "malformed reply"),
        (lambda request: b"\xff" * 48, "malformed reply"),
        (skewed_reply(0.0, stratum=0, ref_id=b"RATE"), "kiss code RATE"),
        (skewed_reply(0.0, leap=3), "not synchronised"),
    ],
    ids=["short", "wrong-mode", "kiss-o-death", "unsynchronised"],
)
def test_bad_replies_give_a_clear_error(sntp_responder, reply: Reply, message: str) -> None:
    server = sntp_responder(reply)
    with pytest.raises(NtpError, match=message):
        sntp_offset("127.0.0.1", server.port, timeout=1.0, clock=WALL)


def test_reply_to_another_request_is_ignored_until_timeout(sntp_responder) -> None:
    def wrong_originate(request: bytes) -> bytes:
        forged = bytearray(skewed_reply(500.0)(request))
        forged[24:32] = b"\x01" * 8
        return bytes(forged)

    server = sntp_responder(wrong_originate)
    with pytest.raises(NtpError, match="did not answer"):
        sntp_offset("127.0.0.1", server.port, timeout=0.5, clock=WALL)


def test_unknown_server_name() -> None:
    with pytest.raises(NtpError, match="Could not find the time server"):
        sntp_offset("no-such-host.invalid", timeout=0.5, clock=WALL)
    with pytest.raises(NtpError, match="not valid"):
        sntp_offset("two words", timeout=0.5, clock=WALL)


def test_timestamp_conversion_round_trips_across_the_2036_era_boundary() -> None:
    for t in (0.0, 1_790_000_000.25, 2_085_978_496.5, 2_200_000_000.75):
        assert ntp.ntp_to_unix(ntp.unix_to_ntp(t)) == pytest.approx(t, abs=1e-6)


def test_closed_port_is_reported_as_unreachable_or_silent() -> None:
    """ICMP port-unreachable surfaces as a clear 'could not reach' (or, if filtered, as a timeout)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(NtpError, match=r"Could not reach|did not answer"):
        sntp_offset("127.0.0.1", port, timeout=0.5, clock=WALL)


# --- time server setting (issue 11) -------------------------------------------------------------------


def test_time_server_host_and_port_are_validated_and_the_check_can_be_turned_off() -> None:
    for bad in ("host:99999", "host:0", "host:", "bad host", "-x.example", "[::1"):
        with pytest.raises(RuleError):
            settings.coerce("ntp_server", bad)
    assert parse_server("time.example:1123") == ("time.example", 1123)
    assert parse_server("[2001:db8::1]:123") == ("2001:db8::1", 123)
    with pytest.raises(NtpError):
        sntp_offset("127.0.0.1", 99999, timeout=0.1, clock=WALL)
    assert settings.setting("clock_check").default is True
    assert settings.coerce("clock_check", "off") is False
    assert settings.Settings.from_stored({"clock_check": False}).clock_check is False
