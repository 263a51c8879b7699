"""core/profilekey.py: profiles are keyed with Argon2id, calibrated, never below OWASP's minimum.

(The upgrade of an older PBKDF2 profile and crashes around the key file are in test_vault.py: Vault
runs them.)
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import sqlcipher3

from epcs_desktop.core import profilekey
from owner_only_support import assert_owner_only
from profile_support import PASSWORD, profile_on_disk, store_at


def test_profiles_are_keyed_with_argon2id_never_below_owasp(tmp_path: Path) -> None:
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    doc = json.loads(Path(str(path) + ".kdf").read_text())
    (entry,) = doc["entries"]
    assert entry["kdf"] == "argon2id" and entry["version"] == 0x13
    assert entry["memory_kib"] >= 19 * 1024 and entry["time_cost"] >= 2 and entry["parallelism"] == 1
    assert len(bytes.fromhex(entry["salt"])) == 16
    assert_owner_only(Path(str(path) + ".kdf"))
    # SQLCipher's PBKDF2 with the password no longer opens the file: the key is Argon2id's.
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + PASSWORD + "'")
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_calibration_aims_at_half_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(profilekey.FAST_ENV, raising=False)
    monkeypatch.setattr(profilekey, "_calibrated", None)
    memory, passes, lanes = profilekey.calibrate()
    assert memory >= profilekey.MIN_MEMORY_KIB and passes >= profilekey.MIN_TIME_COST and lanes == 1
    start = time.perf_counter()
    profilekey._argon2("x", b"s" * 16, memory, passes, lanes)
    assert 0.15 < time.perf_counter() - start < 2.5


# RFC 5869 appendix A, the HKDF-SHA256 cases (1: basic, 2: longer inputs, 3: no salt, no info).
_RFC5869 = [
    (
        bytes([0x0B] * 22),
        bytes(range(0x00, 0x0D)),
        bytes(range(0xF0, 0xFA)),
        42,
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ),
    (
        bytes(range(0x00, 0x50)),
        bytes(range(0x60, 0xB0)),
        bytes(range(0xB0, 0x100)),
        82,
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
        "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
    ),
    (
        bytes([0x0B] * 22),
        b"",
        b"",
        42,
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
    ),
]


@pytest.mark.parametrize(("ikm", "salt", "info", "length", "okm"), _RFC5869, ids=["A.1", "A.2", "A.3"])
def test_hkdf_gives_rfc5869s_test_vectors(
    ikm: bytes, salt: bytes, info: bytes, length: int, okm: str
) -> None:
    assert profilekey.hkdf_sha256(ikm, info, length, salt).hex() == okm


def test_hkdf_gives_the_same_bytes_as_cryptography() -> None:
    """The profile key was cryptography's HKDF (salt None) until issue 14: every length, same bytes."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    master = bytes(range(32))
    for info in (b"epcs-desktop profile v1 sqlcipher key", b"epcs-desktop profile v1 check", b""):
        for length in (1, 16, 32, 33, 64, 65, 255 * 32):
            theirs = HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(master)
            assert profilekey.hkdf_sha256(master, info, length) == theirs
    with pytest.raises(ValueError):
        profilekey.hkdf_sha256(master, b"", 255 * 32 + 1)


def test_a_profile_made_before_the_stdlib_hkdf_still_opens(tmp_path: Path) -> None:
    """tests/core/data/profile_v1_hkdf was made with cryptography's HKDF (FAST KDF, one device)."""
    import shutil


    store = store_at(tmp_path)
    made = Path(__file__).parent / "data" / "profile_v1_hkdf"
    target = store.path_for("Made before")
    target.parent.mkdir(parents=True, exist_ok=True)
    for name in ("Made before.epcs", "Made before.epcs.kdf"):
        shutil.copyfile(made / name, target.parent / name)
    entry = profilekey.read_key_file(target)[0]  # type: ignore[index]
    raw, ok = profilekey.derive("correct horse battery", entry)
    assert ok and raw.hex() == "a9b92608a1d8d829114dd290af32f7467605d1c592cc2bb105e8bf1e771968f5"
    assert not profilekey.derive("wrong password here", entry)[1]
    profile = store.open("Made before", "correct horse battery")
    try:
        (device,) = profile.devices()
        assert device.nickname == "Office PC" and device.otp is not None
        assert device.otp.secret == "JBSWY3DPEHPK3PXP"
    finally:
        profile.close()


def test_unlocking_loads_no_cryptography(tmp_path: Path) -> None:
    """Issue 14: unlocking a profile must not import cryptography (its Rust module is ~6 MiB resident)."""
    import os
    import subprocess
    import sys

    store, _path = profile_on_disk(tmp_path, PASSWORD, name="Dr Test")
    code = (
        "import sys; from pathlib import Path; from epcs_desktop.core.profiles import ProfileStore\n"
        "from epcs_desktop.core.context import AppContext\n"
        f"context = AppContext.for_this_machine(Path({str(store.data_dir)!r}))\n"
        f"p = ProfileStore(context).open('Dr Test', {PASSWORD!r})\n"
        "p.devices(); p.close()\n"
        "heavy = ('cryptography', 'zxcvbn', 'cv2', 'numpy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == "[]"


# --- issue 23 item 10: a floor never weaker than PBKDF2, no test switch in a release -------------------


def test_calibration_never_goes_below_the_floor_even_on_a_slow_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tiny target is what a slow machine looks like: the key stays at 64 MiB x 3 passes."""
    monkeypatch.delenv(profilekey.FAST_ENV, raising=False)
    monkeypatch.setattr(profilekey, "_calibrated", None)
    memory, passes, _lanes = profilekey.calibrate(target=0.001)
    assert memory >= 64 * 1024 and passes >= 3


@pytest.mark.slow
def test_a_floor_key_is_slower_to_guess_than_the_pbkdf2_key_it_replaced() -> None:
    """Per guess, the floor's Argon2id costs at least SQLCipher's PBKDF2-HMAC-SHA512 256,000 (same run, same
    core; best of three each, the attacker's cheapest case). bench/bench_guessing.py gives guesses/s."""
    import hashlib

    def best(fn) -> float:
        """CPU seconds of this process (not wall time: the machine is shared), best of three."""
        times = []
        for i in range(3):
            start = time.process_time()
            fn(i)
            times.append(time.process_time() - start)
        return min(times)

    pbkdf2 = best(lambda i: hashlib.pbkdf2_hmac("sha512", f"guess {i}".encode(), b"s" * 16, 256_000))
    floor = best(
        lambda i: profilekey._argon2(
            f"guess {i}", b"s" * 16, profilekey.FLOOR_MEMORY_KIB, profilekey.FLOOR_TIME_COST, 1
        )
    )
    assert floor >= pbkdf2, f"floor {floor:.3f} s per guess vs PBKDF2 {pbkdf2:.3f} s"


def test_the_fast_test_switch_does_nothing_in_a_release_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(profilekey.FAST_ENV, "1")
    monkeypatch.setattr(profilekey, "_calibrated", (64 * 1024, 4, 1))  # spare the test a calibration
    assert profilekey.test_switches_allowed()  # this test runs from the source checkout
    assert profilekey.calibrate() == (profilekey.MIN_MEMORY_KIB, profilekey.MIN_TIME_COST, 1)
    monkeypatch.setattr("sys.frozen", True, raising=False)  # a PyInstaller bundle
    assert not profilekey.test_switches_allowed()
    assert profilekey.calibrate() == (64 * 1024, 4, 1)


def test_an_installed_copy_is_a_release(tmp_path: Path) -> None:
    """The same module file, copied as pip installs it (site-packages/epcs_desktop/core): no test switch."""
    import subprocess
    import sys

    src = Path(profilekey.__file__).resolve().parents[1]
    site = tmp_path / "lib" / "site-packages"
    (site / "epcs_desktop" / "core").mkdir(parents=True)
    for rel in (
        "__init__.py",
        "core/__init__.py",
        "core/profilekey.py",
        "core/bounded.py",
        "core/errors.py",
        "core/private_files.py",
        "core/i18n.py",
    ):
        (site / "epcs_desktop" / rel).write_bytes((src / rel).read_bytes())
    code = (
        "from epcs_desktop.core import profilekey as k; print(k.test_switches_allowed(), k.fast_for_tests())"
    )
    env = {"PYTHONPATH": str(site), profilekey.FAST_ENV: "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_a_key_file_asking_more_than_calibration_ever_writes_is_refused(tmp_path: Path) -> None:
    """Issue 23 item 5 (key file part): 2 GiB x 64 passes once took 148 s and 2 GB before "wrong password"."""
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    kdf = Path(str(path) + ".kdf")
    doc = json.loads(kdf.read_text())
    for memory, passes, lanes in ((2 * 1024 * 1024, 2, 1), (64 * 1024, 64, 1), (64 * 1024, 3, 16)):
        doc["entries"][0].update(memory_kib=memory, time_cost=passes, parallelism=lanes)
        kdf.write_text(json.dumps(doc))
        with pytest.raises(profilekey.DamagedProfileError):
            profilekey.read_key_file(path)


def test_a_key_below_the_floor_is_strengthened_at_unlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A profile keyed below the floor by an older version (a slow machine's 32 MiB, 2 passes) is re-keyed
    to the floor when it next opens."""
    monkeypatch.delenv(profilekey.FAST_ENV, raising=False)
    monkeypatch.setattr(profilekey, "_calibrated", (32 * 1024, 2, 1))
    _store, path = profile_on_disk(tmp_path, PASSWORD)
    assert profilekey.read_key_file(path)[0].memory_kib == 32 * 1024  # type: ignore[index]
    monkeypatch.setattr(profilekey, "_calibrated", (64 * 1024, 3, 1))
    with _store.open("Dr Test", PASSWORD) as profile:
        assert len(profile.devices()) == 1
    (entry,) = profilekey.read_key_file(path)  # type: ignore[misc]
    assert (entry.memory_kib, entry.time_cost) == (64 * 1024, 3)
    with _store.open("Dr Test", PASSWORD) as profile:
        assert len(profile.devices()) == 1
