"""LastPass Authenticator export (core/importers/lastpass.py)."""

from __future__ import annotations

from .conftest import T1, T2, assert_reads


def test_lastpass_export() -> None:
    assert assert_reads("lastpass.json", [T1, T2]).format == "LastPass Authenticator export"
