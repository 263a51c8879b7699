"""How fast can a thief guess passwords against a copied profile file? Before (PBKDF2) and after (Argon2id).

The attack (issue 11 item 12): someone copies ``<name>.epcs`` (and, for the
new format, ``<name>.epcs.kdf``, which sits beside it) and tries passwords
offline, one CPU core per guessing loop. Both loops do exactly what the
cheapest attacker would do with this program's own code paths:

* before: an older profile keyed by SQLCipher's PBKDF2-HMAC-SHA512 (256,000
  iterations): key a read-only connection and read page 1 (SQLCipher's own
  C implementation; no cheaper test exists: the HMAC of page 1 needs the key);
* after: a profile keyed by Argon2id with the parameters this machine
  calibrates (about 0.5 s; never below the floor m = 64 MiB, t = 3, p = 1):
  one Argon2id derivation and a compare with the key file's check value
  (cheaper for an attacker than keying SQLCipher, so the honest number);
* floor: the same at the floor itself, what a slow machine gets (issue 23
  item 10: it must never be faster to guess than the PBKDF2 it replaced).

Both profiles are made in the same run on the same machine, then copied to a
fresh folder (the attacker's copy) before guessing. Prints attempts per
second per core for each, and the factor.

    python bench/bench_guessing.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report

PASSWORD = "correct horse battery staple"


def _make_pbkdf2_profile(path: Path) -> None:
    """An older profile: same schema, keyed the way EPCS Desktop did before Argon2id (SQLCipher's PBKDF2)."""
    import sqlcipher3

    from epcs_desktop.core import profilekey
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.vault import Vault

    VAULT_CLOCK = FixedClock(0.0)  # noqa: N806 - the time a bare vault records does not matter here

    os.environ[profilekey.FAST_ENV] = "1"  # the temporary Argon2 key is replaced at once
    try:
        Vault.create(path, PASSWORD, clock=VAULT_CLOCK).close()
    finally:
        del os.environ[profilekey.FAST_ENV]
    entry = profilekey.read_key_file(path)[0]  # type: ignore[index]
    raw, _ = profilekey.derive(PASSWORD, entry)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {profilekey.raw_key_pragma(raw)}")
    conn.execute("PRAGMA rekey = '" + PASSWORD.replace("'", "''") + "'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    profilekey.remove_key_file(path)


def _guess_pbkdf2(path: Path, seconds: float) -> tuple[int, float]:
    import sqlcipher3

    uri = path.resolve().as_uri() + "?mode=ro"
    tries, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or tries < 2:
        conn = sqlcipher3.connect(uri, uri=True)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = 'wrong guess {tries}'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            raise SystemExit("a wrong guess opened the profile")
        except sqlcipher3.DatabaseError:
            pass
        conn.close()
        tries += 1
    return tries, time.perf_counter() - start


def _guess_argon2(path: Path, seconds: float) -> tuple[int, float, str]:
    from epcs_desktop.core import profilekey

    entry = profilekey.read_key_file(path)[0]  # type: ignore[index]
    tries, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or tries < 2:
        _key, ok = profilekey.derive(f"wrong guess {tries}", entry)
        if ok:
            raise SystemExit("a wrong guess matched the check value")
        tries += 1
    cost = f"Argon2id m={entry.memory_kib // 1024} MiB, t={entry.time_cost}, p={entry.parallelism}"
    return tries, time.perf_counter() - start, cost


def _guess_floor(seconds: float) -> tuple[int, float]:
    from epcs_desktop.core import profilekey

    tries, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or tries < 2:
        profilekey._argon2(
            f"wrong guess {tries}",
            b"0123456789abcdef",
            profilekey.FLOOR_MEMORY_KIB,
            profilekey.FLOOR_TIME_COST,
            1,
        )
        tries += 1
    return tries, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="guessing time per profile (default 10)")
    args = parser.parse_args()
    os.environ.pop("EPCS_DESKTOP_TEST_FAST_KDF", None)  # the real, calibrated cost
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.vault import Vault

    VAULT_CLOCK = FixedClock(0.0)  # noqa: N806 - the time a bare vault records does not matter here

    with tempfile.TemporaryDirectory() as tmp:
        made, stolen = Path(tmp, "made"), Path(tmp, "stolen")
        made.mkdir()
        stolen.mkdir()
        old, new = made / "Before.epcs", made / "After.epcs"
        _make_pbkdf2_profile(old)
        start = time.perf_counter()
        Vault.create(new, PASSWORD, clock=VAULT_CLOCK).close()
        create_s = time.perf_counter() - start
        for p in made.iterdir():
            shutil.copy2(p, stolen / p.name)  # the attacker's copy
        start = time.perf_counter()
        Vault.open(stolen / "After.epcs", PASSWORD, clock=VAULT_CLOCK).close()
        unlock_s = time.perf_counter() - start
        n_old, t_old = _guess_pbkdf2(stolen / "Before.epcs", args.seconds)
        n_new, t_new, cost = _guess_argon2(stolen / "After.epcs", args.seconds)
        n_floor, t_floor = _guess_floor(args.seconds)
    rate_old, rate_new, rate_floor = n_old / t_old, n_new / t_new, n_floor / t_floor
    print(f"before: PBKDF2-SHA512 256,000 iterations: {n_old} in {t_old:.1f} s = {rate_old:.2f}/s/core")
    print(f"after:  {cost}: {n_new} guesses in {t_new:.1f} s = {rate_new:.2f}/s/core")
    print(
        f"floor:  Argon2id m=64 MiB, t=3, p=1: {n_floor} guesses in {t_floor:.1f} s = {rate_floor:.2f}/s/core"
    )
    print(f"factor: {rate_old / rate_new:.1f}x fewer/s; create {create_s:.2f} s, unlock {unlock_s:.2f} s")
    print(f"floor factor: {rate_old / rate_floor:.1f}x fewer/s than PBKDF2")
    report("guessing a copied profile, before (PBKDF2)", f"{rate_old:.2f}/s/core", "information", None)
    report(
        "guessing a copied profile, after (Argon2id)",
        f"{rate_new:.2f}/s/core ({cost})",
        "far fewer than before",
        rate_new < rate_old / 2,
    )
    report(
        "guessing a copied profile, at the floor (Argon2id 64 MiB, t=3)",
        f"{rate_floor:.2f}/s/core",
        "never faster than before (PBKDF2)",
        rate_floor <= rate_old,
    )


if __name__ == "__main__":
    main()
