"""Fixtures shared by every test.

Qt runs offscreen unless a test starts Xvfb itself; every test gets its own
data directory so nothing touches the user's real profiles.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test asks a real time server at unlock; tests/ui/test_clock_status.py turns it on.
os.environ.setdefault("EPCS_DESKTOP_CLOCK_CHECK", "off")
# The policy tests point this variable at their own files. It ADDS a policy file: it does not hide
# this machine's own policy (/etc/epcs-desktop/policy.json, C:\ProgramData\EPCS Desktop\policy.json,
# the Windows registry, macOS managed preferences), which still applies (core/policy.py). A test
# machine must therefore have no machine policy; tests that need one substitute the platform facts.
os.environ.setdefault("EPCS_DESKTOP_POLICY", str(Path(__file__).parent / "no-such-policy.json"))

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty per-test data directory, also exported as EPCS_DESKTOP_DATA_DIR."""
    d = tmp_path / "data"
    monkeypatch.setenv("EPCS_DESKTOP_DATA_DIR", str(d))
    monkeypatch.delenv("EPCS_DESKTOP_PASSWORD", raising=False)
    return d


@pytest.fixture
def policy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`policy_file(doc)` writes a policy (a dict as JSON, or raw text) where the app and CLI read it.

    Through $EPCS_DESKTOP_POLICY (inherited by CLI subprocesses); the process's cached policy
    re-reads it on the next call, as it would after IT's edit.
    """
    import json

    path = tmp_path / "policy.json"
    monkeypatch.setenv("EPCS_DESKTOP_POLICY", str(path))

    def write(doc: object) -> Path:
        path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
        stamp = path.stat().st_mtime_ns + 1_000_000  # a rewrite within one tick still counts as a change
        os.utime(path, ns=(stamp, stamp))
        return path

    return write


@pytest.fixture
def sntp_responder():
    """Start real SNTP servers on 127.0.0.1: `sntp_responder(reply)`; all are stopped after the test."""
    from sntp_server import Responder

    made: list[Responder] = []

    def start(reply):
        made.append(Responder(reply))
        return made[-1]

    yield start
    for server in made:
        server.close()


# --- profiles: the store/profile fixtures every core and CLI test uses (declared only here) ----------


@pytest.fixture
def clock():
    """A FixedClock at `profile_support.T0` (the store and profile fixtures use it)."""
    from epcs_desktop.core.clock import FixedClock
    from profile_support import T0

    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock):
    """An empty ProfileStore in this test's own folder, on the `clock` fixture."""
    from profile_support import store_at

    return store_at(tmp_path / "store", clock)


@pytest.fixture(scope="module")
def module_profile_holder(tmp_path_factory: pytest.TempPathFactory):
    """One real profile per test module (the KDF takes ~0.2 s per create/open); see `profile`."""
    from epcs_desktop.core.clock import FixedClock
    from profile_support import PASSWORD, T0, store_at

    holder = {"store": store_at(tmp_path_factory.mktemp("shared-store"), FixedClock(T0))}
    holder["profile"] = holder["store"].create("Dr Shared", PASSWORD)
    yield holder
    holder["profile"].close()


@pytest.fixture
def profile(module_profile_holder, clock):
    """An open, empty profile ("Dr Shared", password `profile_support.PASSWORD`) on the `clock` fixture.

    The module's profile, emptied for each test; a test that closed it (or changed its password)
    gets a fresh one. Tests that need their own file use `store`.
    """
    from profile_support import PASSWORD, wipe

    p = module_profile_holder["profile"]
    if not p.is_open or p.requires_new_password:
        p.close()
        s = module_profile_holder["store"]
        s.delete(p.name)
        p = module_profile_holder["profile"] = s.create("Dr Shared", PASSWORD)
    wipe(p)
    p._listeners.clear()
    p.set_aside.clear()
    p.clock = clock
    return p

# Profiles made by tests use OWASP's minimum Argon2id cost instead of the ~0.5 s calibrated one (never lower):
# hundreds of profiles are created and unlocked; tests/core/test_profilekey.py checks the calibrated path.
os.environ.setdefault("EPCS_DESKTOP_TEST_FAST_KDF", "1")
