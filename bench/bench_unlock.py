"""How long does unlocking a profile take? Prints numbers; asserts nothing.

The KDF (Argon2id calibrated to about 0.5 s since issue 11; docs/profile-format.md)
is deliberately slow: it is what makes guessing a stolen profile's password
expensive, so it is reported but not judged. What is judged is everything
else: unlocking a profile with 1,000 devices and listing them, minus the KDF's
own time, must be at most 50 ms.

The KDF's own time is measured as unlocking runs it: Argon2id with the bench
profile's own key-file parameters, then keying SQLCipher with the raw key and
reading the first page. The old PBKDF2 cost (hashlib) is printed for reference;
bench/bench_guessing.py compares the two as guesses per second.

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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report, spread
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.enrollment import Candidate
from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.vault import KDF_ITERATIONS

PASSWORD = "benchmark password"
OVERHEAD_TARGET_MS = 50.0
WINDOW_TARGET_MS = 100.0


def _sqlcipher_kdf(path: Path) -> float:
    """Seconds for the key as unlocking derives it: Argon2id from the profile's key file (issue 11),
    then keying SQLCipher with the raw key and reading the first page."""
    import sqlcipher3

    from epcs_desktop.core import profilekey

    entry = profilekey.read_key_file(path)[0]  # type: ignore[index]
    start = time.perf_counter()
    raw, _ok = profilekey.derive(PASSWORD, entry)
    conn = sqlcipher3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA key = {profilekey.raw_key_pragma(raw)}")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    return time.perf_counter() - start


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _gui_unlocks(store: ProfileStore, runs: int) -> list[float]:
    """Seconds from an unlocked profile to its main window shown and laid out: what the GUI adds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from epcs_desktop.ui import theme
    from epcs_desktop.ui.app import _application
    from epcs_desktop.ui.controller import AppController

    app = _application()
    theme.Theme(app)
    controller = AppController(store, store.clock, show_notice=False)
    import epcs_desktop.ui.main_window  # noqa: F401  (ui.app loads it after the first paint)

    out = []
    for _ in range(runs):
        profile = store.open("Bench", PASSWORD)
        t = time.perf_counter()
        controller.open_profile(profile)
        app.processEvents()
        out.append(time.perf_counter() - t)
        controller.lock()
        app.processEvents()
    controller.shutdown()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--no-gui", dest="gui", action="store_false", help="skip the main-window part (needs Qt, offscreen)"
    )
    args = ap.parse_args()

    kdf = []
    for _ in range(args.runs):
        t = time.perf_counter()
        hashlib.pbkdf2_hmac("sha512", PASSWORD.encode(), os.urandom(16), KDF_ITERATIONS, 32)
        kdf.append(time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore(AppContext.for_this_machine(Path(tmp)))
        t = time.perf_counter()
        profile = store.create("Bench", PASSWORD)
        create = time.perf_counter() - t
        t = time.perf_counter()
        candidates = []
        for i in range(args.devices):
            if i % 3 == 0:
                secret = base64.b32encode(os.urandom(20)).decode().rstrip("=")
                otp = OtpParams(kind="totp", secret=secret, account=f"user{i}", issuer="ID.me")
                candidates.append(Candidate(f"Device {i}", DeviceOption.GENERATOR_HERE, otp))
            else:
                option = DeviceOption.PUSH if i % 3 == 1 else DeviceOption.GENERATOR_OTHER
                candidates.append(Candidate(f"Device {i}", option))
        profile.enroll(candidates)  # the public API's one transaction: setting up is not what we measure
        fill = time.perf_counter() - t
        profile.close()
        size = store.path_for("Bench").stat().st_size

        opens, loads, sq_kdf = [], [], []
        for _ in range(args.runs):
            sq_kdf.append(_sqlcipher_kdf(store.path_for("Bench")))  # alternating: load affects both alike
            t = time.perf_counter()
            profile = store.open("Bench", PASSWORD)
            opened = time.perf_counter()
            devices = profile.devices()
            loaded = time.perf_counter()
            profile.close()
            assert len(devices) == args.devices
            opens.append(opened - t)
            loads.append(loaded - t)
        # The same unlock with the KDF's result remembered: what unlocking costs besides the KDF, measured
        # directly (the difference of two ~0.5 s timings is noise on a shared machine).
        from epcs_desktop.core import profilekey

        real_kdf, memo = profilekey._argon2, {}

        def remembered_kdf(*kdf_args: object) -> bytes:
            if kdf_args not in memo:
                memo[kdf_args] = real_kdf(*kdf_args)  # type: ignore[arg-type]
            return memo[kdf_args]

        profilekey._argon2 = remembered_kdf  # type: ignore[assignment]
        try:
            store.open("Bench", PASSWORD).close()  # derives once
            without_kdf = []
            for _ in range(args.runs):
                t = time.perf_counter()
                profile = store.open("Bench", PASSWORD)
                assert len(profile.devices()) == args.devices
                without_kdf.append(time.perf_counter() - t)
                profile.close()
        finally:
            profilekey._argon2 = real_kdf  # type: ignore[assignment]
        windows = _gui_unlocks(store, args.runs) if args.gui else []

    print("KDF: Argon2id calibrated to ~0.5 s (before issue 11: PBKDF2-HMAC-SHA512, 256,000 iterations)")
    print(f"  old PBKDF2 alone (hashlib)     median {_ms(statistics.median(kdf))}  min {_ms(min(kdf))}")
    print(f"  create empty profile                  {_ms(create)}")
    print(f"  add {args.devices} devices (one transaction)  {_ms(fill)}   file {size / 1024:.0f} KiB")
    print(f"  unlock (open + verify key)     median {_ms(statistics.median(opens))}  min {_ms(min(opens))}")
    print(
        f"  unlock + list {args.devices} devices     median {_ms(statistics.median(loads))}  "
        f"min {_ms(min(loads))}"
    )
    # Best of N for the difference: a loaded machine only ever adds time, and the medians of two
    # ~170 ms series on a shared box wobble by more than the ~20 ms being measured.
    kdf_ms = min(sq_kdf) * 1000
    overhead = min(loads) * 1000 - kdf_ms
    print(f"  Argon2id key + first page      median {_ms(statistics.median(sq_kdf))}  min {_ms(min(sq_kdf))}")
    print(f"  unlock + list minus KDF, best  {overhead:7.1f} ms (target <= {OVERHEAD_TARGET_MS:.0f} ms)")
    # The KDF (~0.3-0.5 s of Argon2id) wobbles by more than the ~20 ms measured here, so the difference of
    # two medians (or of each run's pair) is mostly noise; best of N is the estimate (a loaded machine
    # only ever adds time). Listing the devices is timed on its own too: no KDF in it.
    listing = [(load - opened) * 1000 for load, opened in zip(loads, opens, strict=True)]
    direct = [x * 1000 for x in without_kdf]
    print(f"  unlock + list, KDF result remembered: median {statistics.median(direct):.1f} ms")
    report(
        f"unlock + list {args.devices} devices, minus the KDF",
        f"{statistics.median(direct):.0f} ms median ({spread(direct, digits=1, unit='ms')}, "
        f"{args.runs} runs; listing alone {statistics.median(listing):.0f} ms)",
        f"<= {OVERHEAD_TARGET_MS:.0f} ms",
        statistics.median(direct) <= OVERHEAD_TARGET_MS,
        f"the real unlock with the Argon2id result remembered; unlock - KDF timed apart gives "
        f"{overhead:.0f} ms (best of {args.runs}), within the KDF's own spread "
        f"{spread([k * 1000 for k in sq_kdf], unit='ms')}",
    )
    if windows:
        gui_ms = statistics.median(windows) * 1000
        print(
            f"  main window for {args.devices} devices   median {_ms(statistics.median(windows))}  "
            f"min {_ms(min(windows))}"
        )
        report(
            f"main window shown for {args.devices} devices after unlock",
            f"{gui_ms:.0f} ms median ({spread(windows, scale=1000, unit='ms')}, {args.runs} runs)",
            f"<= {WINDOW_TARGET_MS:.0f} ms",
            gui_ms <= WINDOW_TARGET_MS,
            "building both panes and their first layout; after the unlock, not part of it",
        )
    report(
        "KDF cost (Argon2id, calibrated; docs/profile-format.md)",
        f"{statistics.median(sq_kdf) * 1000:.0f} ms median "
        f"(old PBKDF2-HMAC-SHA512 {KDF_ITERATIONS:,} in hashlib: {statistics.median(kdf) * 1000:.0f} ms)",
        "about 500 ms (deliberately slow; never below OWASP m=19 MiB, t=2)",
        None,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
