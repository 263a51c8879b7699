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
