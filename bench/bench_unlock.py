"""How long does unlocking a profile take? Prints numbers; asserts nothing.

The KDF (PBKDF2-HMAC-SHA512, 256,000 iterations, SQLCipher 4's default) is
deliberately slow: it is what makes guessing a stolen profile's password
expensive. The target here is 0.1-1 s for an unlock of a profile with 1,000
devices: fast enough not to annoy, slow enough to meet OWASP's minimum
(210,000 iterations for PBKDF2-HMAC-SHA512).

    python bench/bench_unlock.py [--devices 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.vault import KDF_ITERATIONS

PASSWORD = "benchmark password"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    kdf = []
    for _ in range(args.runs):
        t = time.perf_counter()
        hashlib.pbkdf2_hmac("sha512", PASSWORD.encode(), os.urandom(16), KDF_ITERATIONS, 32)
        kdf.append(time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore(Path(tmp))
        t = time.perf_counter()
        profile = store.create("Bench", PASSWORD)
        create = time.perf_counter() - t
        t = time.perf_counter()
        with profile.vault.transaction():  # one transaction: setting up is not what we measure
            for i in range(args.devices):
                if i % 3 == 0:
                    secret = base64.b32encode(os.urandom(20)).decode().rstrip("=")
                    otp = OtpParams(kind="totp", secret=secret, account=f"user{i}", issuer="ID.me")
                    profile.add_device(f"Device {i}", DeviceOption.GENERATOR_HERE, otp)
                else:
                    option = DeviceOption.PUSH if i % 3 == 1 else DeviceOption.GENERATOR_OTHER
                    profile.add_device(f"Device {i}", option)
        fill = time.perf_counter() - t
        profile.close()
        size = store.path_for("Bench").stat().st_size

        opens, loads = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            profile = store.open("Bench", PASSWORD)
            opened = time.perf_counter()
            devices = profile.devices()
            loaded = time.perf_counter()
            profile.close()
            assert len(devices) == args.devices
            opens.append(opened - t)
            loads.append(loaded - t)

    print(f"KDF: PBKDF2-HMAC-SHA512, {KDF_ITERATIONS:,} iterations (OWASP minimum 210,000)")
    print(f"  KDF alone (hashlib)            median {_ms(statistics.median(kdf))}  min {_ms(min(kdf))}")
    print(f"  create empty profile                  {_ms(create)}")
    print(f"  add {args.devices} devices (one transaction)  {_ms(fill)}   file {size / 1024:.0f} KiB")
    print(f"  unlock (open + verify key)     median {_ms(statistics.median(opens))}  min {_ms(min(opens))}")
    print(
        f"  unlock + list {args.devices} devices     median {_ms(statistics.median(loads))}  "
        f"min {_ms(min(loads))}"
    )
    ok = 0.1 <= statistics.median(loads) <= 1.0
    print(f"  target 0.1-1 s for unlock + list: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
