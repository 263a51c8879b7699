"""Is this computer's clock right? An SNTP (RFC 4330) client and a plain-language verdict.

Why it matters: a time-based code is only accepted within a small window
around the server's time. A laptop whose clock drifted a minute produces codes
that look fine and are rejected at EPCS signing, which is exactly when a
prescriber can least afford it. One UDP round trip to a time server tells us
the offset so the app can say so, and how to fix it.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import secrets
import socket
import struct
import sys
import time
from dataclasses import dataclass
from typing import Any

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import EpcsError

log = logging.getLogger(__name__)

DEFAULT_SERVER = "pool.ntp.org"
NTP_PORT = 123
TOLERANCE_SECONDS = 15.0

# Seconds between the NTP era-0 epoch (1900-01-01) and the Unix epoch (1970-01-01).
NTP_UNIX_DELTA = 2_208_988_800
_PACKET = struct.Struct(">BBbbII4sQQQQ")  # 48 bytes
_MODE_CLIENT = 3
_MODE_SERVER = 4
_VERSION = 4


class NtpError(EpcsError):
    """The time server could not be reached or gave an unusable answer."""


class _NotOurReplyError(NtpError):
    """A datagram that answers some other request: ignored, never shown."""


def ntp_to_unix(stamp: int) -> float:
    """64-bit NTP timestamp (32.32 fixed point) to Unix seconds.

    RFC 4330 section 3: with the top bit set the time is in 1968-2036 (era 0);
    clear, it is 2036-2104 (era 1), so this keeps working past February 2036.
    """
    seconds = stamp >> 32
    if not seconds & 0x80000000:
        seconds += 2**32
    return seconds - NTP_UNIX_DELTA + (stamp & 0xFFFFFFFF) / 2**32


def unix_to_ntp(t: float) -> int:
    """Unix seconds to a 64-bit NTP timestamp (wrapping into era 1 after 2036)."""
    seconds = int(t) + NTP_UNIX_DELTA
    fraction = int((t - int(t)) * 2**32) & 0xFFFFFFFF
    return ((seconds & 0xFFFFFFFF) << 32) | fraction


def build_request(transmit: int) -> bytes:
    """A 48-byte client request: LI 0, version 4, mode 3, the given transmit timestamp.

    The transmit field is a random nonce rather than our clock reading (the
    server echoes it back as "originate", which is all we need to match the
    reply; RFC 9109-style data minimisation).
    """
    first = (0 << 6) | (_VERSION << 3) | _MODE_CLIENT
    return _PACKET.pack(first, 0, 0, 0, 0, 0, b"\0\0\0\0", 0, 0, 0, transmit)


def parse_reply(data: bytes, expected_originate: int) -> tuple[int, int]:
    """(receive, transmit) NTP timestamps from a server reply, validated per RFC 4330 section 5.

    Raises `NtpError` for a short packet, a wrong mode, an unsynchronised
    server, a kiss-o'-death or a reply to someone else's request.
    """
    if len(data) < _PACKET.size:
        raise NtpError("The time server sent a malformed reply.")
    fields = _PACKET.unpack_from(data)
    first, stratum, ref_id, originate, receive, transmit = fields[0], fields[1], fields[6], *fields[8:]
    leap, version, mode = first >> 6, (first >> 3) & 7, first & 7
    if mode != _MODE_SERVER or not (1 <= version <= 4):
        raise NtpError("The time server sent a malformed reply.")
    if originate != expected_originate:
        raise _NotOurReplyError("The time server's reply did not match the request.")
    if stratum == 0:
        code = ref_id.decode("ascii", "replace").strip("\0 ")
        code = "".join(ch for ch in code if ch.isalnum())[:4] or "unknown"
        raise NtpError(
            f"The time server refused to answer (kiss code {code}); try again later or another server."
        )
    if leap == 3 or stratum > 15:
        raise NtpError("The time server is not synchronised itself; try another server.")
    if transmit == 0 or receive == 0:
        raise NtpError("The time server sent a malformed reply.")
    return receive, transmit


_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def check_host(host: str) -> str:
    """A DNS name (letters, digits, '-', dots; labels of 1..63) or an IPv4/IPv6 address; else NtpError."""
    text = str(host).strip()
    if not text or len(text) > 253:
        raise NtpError("The time server name is not valid.")
    try:
        ipaddress.ip_address(text)
        return text
    except ValueError:
        pass
    name = text[:-1] if text.endswith(".") else text
    if not all(_LABEL.fullmatch(label) for label in name.split(".")):
        raise NtpError("The time server name is not valid (use a name such as pool.ntp.org or an address).")
    return text


def parse_server(text: str) -> tuple[str, int]:
    """'host', 'host:port', '[v6]:port' or a bare IPv6 address -> (host, port), validated.

    Why strict: "host:99999" used to be accepted and port 123 silently used,
    so a typo looked like a working setting. A port must be 1..65535.
    """
    text = str(text).strip()
    port_text = ""
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise NtpError("The time server is not valid (write an IPv6 address and port as [address]:port).")
        port_text = rest[1:] if rest else ""
        if rest == ":":
            raise NtpError("The time server's port is missing after ':'.")
    elif text.count(":") == 1:
        host, port_text = text.split(":")
        if not port_text:
            raise NtpError("The time server's port is missing after ':'.")
    else:
        host = text
    host = check_host(host)
    if not port_text:
        return host, NTP_PORT
    if not (port_text.isascii() and port_text.isdigit()) or not 1 <= int(port_text[:6]) <= 65535:
        raise NtpError("The time server's port must be a number from 1 to 65535.")
    return host, int(port_text)


def _resolve(server: str, port: int) -> tuple[int, tuple[Any, ...]]:
    if not server or len(server) > 253 or any(ch.isspace() for ch in server):
        raise NtpError("The time server name is not valid.")
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise NtpError("The time server's port must be a number from 1 to 65535.")
    try:
        infos = socket.getaddrinfo(server, port, type=socket.SOCK_DGRAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise NtpError(f"Could not find the time server “{server}”; check the internet connection.") from None
    if not infos:
        raise NtpError(f"Could not find the time server “{server}”; check the internet connection.")
    family, _type, _proto, _name, addr = infos[0]
    return family, addr


def sntp_offset(
    server: str = DEFAULT_SERVER, port: int = NTP_PORT, timeout: float = 2.0, *, clock: Clock
) -> float:
    """Seconds to add to `clock` (the context's: this computer's) to match the server (positive: behind).

    offset = ((T2 - T1) + (T3 - T4)) / 2 with T1/T4 our send/receive times and
    T2/T3 the server's receive/transmit times. T1 is read from `clock` (an
    uncorrected `SystemClock`: the offset of the computer's own clock is what
    is measured); T4 is T1 plus a monotonic elapsed time, so a clock step
    during the exchange cannot distort it.
    """
    wall = clock
    family, addr = _resolve(server, port)
    nonce = secrets.randbits(64) or 1
    deadline = time.monotonic() + timeout
    try:
        sock = socket.socket(family, socket.SOCK_DGRAM)
    except OSError:
        raise NtpError("Could not open a network socket to ask the time server.") from None
    with sock:
        try:
            sock.connect(addr)  # the kernel then drops datagrams from any other address
            t1 = wall.now()
            start = time.perf_counter()
            sock.send(build_request(nonce))
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                sock.settimeout(remaining)
                data = sock.recv(1024)
                elapsed = time.perf_counter() - start
                try:
                    receive, transmit = parse_reply(data, nonce)
                except _NotOurReplyError:
                    continue  # a stray or late datagram: keep waiting for ours
                break
        except TimeoutError:
            raise NtpError(
                f"The time server “{server}” did not answer within {timeout:g} s; "
                "check the internet connection or try another server."
            ) from None
        except OSError:
            raise NtpError(
                f"Could not reach the time server “{server}”; check the internet connection."
            ) from None
    t4 = t1 + elapsed
    t2, t3 = ntp_to_unix(receive), ntp_to_unix(transmit)
    offset = ((t2 - t1) + (t3 - t4)) / 2
    log.info("clock offset against %s: %+.3f s (round trip %.3f s)", server, offset, elapsed - (t3 - t2))
    return offset


def fix_instructions(platform: str | None = None) -> str:
    """How to turn on automatic time on this operating system, in one sentence."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "On Windows open Settings > Time & language > Date & time and click Sync now."
    if platform == "darwin":
        return (
            "On macOS open System Settings > General > Date & Time and turn on "
            "Set time and date automatically."
        )
    return "On Linux run: timedatectl set-ntp true (or turn on automatic time in your desktop's settings)."


def _describe(seconds: float) -> str:
    a = abs(seconds)
    if a < 120:
        return f"{a:.1f} s"
    if a < 7200:
        return f"{a / 60:.0f} min"
    return f"{a / 3600:.1f} h"


@dataclass(frozen=True)
class ClockCheck:
    """The result of a clock check, ready to show to a person."""

    server: str
    offset: float
    ok: bool
    message: str

    @classmethod
    def from_offset(
        cls, offset: float, server: str = DEFAULT_SERVER, platform: str | None = None
    ) -> ClockCheck:
        """The verdict for a measured offset: within +/- 15 s is fine, beyond that says how to fix it."""
        if abs(offset) <= TOLERANCE_SECONDS:
            message = f"Your computer's clock is correct (within {_describe(offset)})."
            return cls(server, offset, True, message)
        direction = "behind" if offset > 0 else "ahead"
        message = (
            f"Your computer's clock is {_describe(offset)} {direction}, so codes generated here may be "
            f"rejected. {fix_instructions(platform)}"
        )
        return cls(server, offset, False, message)


def check_clock(
    server: str = DEFAULT_SERVER,
    port: int = NTP_PORT,
    timeout: float = 2.0,
    platform: str | None = None,
    *,
    clock: Clock,
) -> ClockCheck:
    """Measure `clock`'s offset from `server` and give the verdict (`NtpError` if it cannot be measured)."""
    return ClockCheck.from_offset(sntp_offset(server, port, timeout, clock=clock), server, platform)
