"""Fixtures for the CLI tests (the store/profile fixtures are in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import URI, run


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with profile 'Dr Smith' holding three devices."""
    d = tmp_path_factory.mktemp("cli-data")
    assert run(d, "profile", "create", "Dr Smith").returncode == 0
    assert (
        run(
            d, "device", "add", "-p", "Dr Smith", "--nickname", "Office iPad", "--uri", "-", stdin=URI + "\n"
        ).returncode
        == 0
    )
    assert run(d, "device", "add", "-p", "dr smith", "--nickname", "Phone", "--push").returncode == 0
    assert (
        run(
            d, "device", "add", "--profile", "Dr Smith", "--nickname", "Old phone", "--other-generator"
        ).returncode
        == 0
    )
    return d
