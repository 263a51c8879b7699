"""Two processes writing the same profile at once never corrupt it.

Either both finish (SQLite's write lock serialises their transactions, the
busy timeout absorbs the waiting) or one gives up with the clear
VaultLockedError sentence; afterwards the file passes integrity_check and
holds every device either process reported as added, with exactly one primary.
"""

from __future__ import annotations

import pytest

from epcs_desktop.core.vault import LOCKED_MESSAGE

from .conftest import PASSWORD, completed_lines, integrity_ok, start_writer

pytestmark = pytest.mark.slow


def _run_pair(
    profile_store, prefix: str, count: int, busy_timeout: float
) -> list[tuple[int, list[str], str]]:
    children = [
        start_writer(profile_store.data_dir, "Dr Reliable", f"{prefix}{who}", count, busy_timeout)
        for who in "AB"
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert "Traceback" not in err, err
        results.append((child.returncode, completed_lines(out), err))
    return results


def _check_profile(profile_store, promised: set[str]) -> None:
    with profile_store.open("Dr Reliable", PASSWORD) as profile:
        assert integrity_ok(profile)
        devices = profile.devices()
        names = [d.nickname for d in devices]
        assert len(names) == len(set(names))
        assert promised <= set(names), sorted(promised - set(names))
        assert sum(d.is_primary for d in devices) == 1
        assert profile.set_aside == []


def test_two_writers_with_the_normal_timeout_both_finish(profile_store) -> None:
    results = _run_pair(profile_store, "w", 40, busy_timeout=10.0)
    promised: set[str] = set()
    for returncode, lines, _err in results:
        assert returncode == 0, lines[-1:]
        added = [line for line in lines if line != "ready"]
        assert len(added) == 40
        promised |= set(added)
    _check_profile(profile_store, promised)


def test_impatient_writers_get_the_clear_locked_error_and_no_damage(profile_store) -> None:
    """With a tiny busy timeout one process may give up: with the one-line message, never a corrupt file."""
    promised: set[str] = set()
    outcomes: list[int] = []
    for rnd in range(3):
        for returncode, lines, _err in _run_pair(profile_store, f"i{rnd}", 60, busy_timeout=0.001):
            assert returncode in (0, 4)
            outcomes.append(returncode)
            added = [line for line in lines if line != "ready" and not line.startswith("LOCKED ")]
            promised |= set(added)
            if returncode == 4:
                assert lines[-1] == f"LOCKED {LOCKED_MESSAGE}"
        _check_profile(profile_store, promised)
    assert len(promised) >= 60  # at least one writer got through each time
