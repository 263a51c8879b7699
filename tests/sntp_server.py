"""A real SNTP server for tests: a UDP thread on 127.0.0.1 that answers with a chosen, possibly wrong, time.

Used by the core clock-check tests and by the GUI's clock-status tests (the
`sntp_responder` fixture in tests/conftest.py).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable

from epcs_desktop.core import ntp

Reply = Callable[[bytes], bytes | None]


def skewed_reply(
    skew: float,
    *,
    stratum: int = 2,
    leap: int = 0,
    ref_id: bytes = b"GPS\0",
    now: Callable[[], float] = time.time,
) -> Reply:
    """A server whose clock is `skew` seconds ahead of ours (positive offset expected).

    "Ours" is `now`: the computer's clock, or the `Clock` the program under test was given.
    """

    def reply(request: bytes) -> bytes:
        originate = struct.unpack_from(">Q", request, 40)[0]
        t2 = ntp.unix_to_ntp(now() + skew)
        time.sleep(0.01)  # a little server processing time between T2 and T3
        t3 = ntp.unix_to_ntp(now() + skew)
        first = (leap << 6) | (4 << 3) | 4
        return struct.pack(">BBbbII4sQQQQ", first, stratum, 6, -20, 0, 0, ref_id, t2, originate, t2, t3)

    return reply


class Responder:
    """A UDP server thread on 127.0.0.1 that answers each request with `reply(request)`."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, addr = self.sock.recvfrom(1024)
            except TimeoutError:
                continue
            except OSError:
                return
            self.requests.append(data)
            answer = self.reply(data)
            if answer is not None:
                self.sock.sendto(answer, addr)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def silent_reply(request: bytes) -> None:
    """A server that receives requests and never answers (an unreachable or firewalled one)."""
    return None
