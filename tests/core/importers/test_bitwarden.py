"""Bitwarden JSON and CSV, Bitwarden Authenticator JSON (core/importers/bitwarden.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import read_import_file

from .conftest import H1, ST, T1, T2, assert_reads

TYPO = "item 6 (Typo: t): the secret is not valid Base32"


def test_json_with_links_steam_and_a_bad_key() -> None:
    assert_reads("bitwarden.json", [T1, T2, H1, ST], [TYPO])


def test_csv_with_steam_urls() -> None:
    """Issue 20 item 6: Bitwarden's steam://SECRET is a Steam Guard generator, the rest of the CSV imports."""
    assert_reads("bitwarden.csv", [T1, T2, H1, ST], [TYPO])


def test_bitwarden_authenticator_json() -> None:
    assert_reads("bitwarden_authenticator.json", [T1, T2, H1, ST])


def test_encrypted_export_says_how_to_export_plainly(tmp_path: Path) -> None:
    f = tmp_path / "enc.json"
    f.write_text(json.dumps({"encrypted": True, "passwordProtected": True, "items": []}), encoding="utf-8")
    with pytest.raises(ImportFileError, match="encrypted Bitwarden export"):
        read_import_file(f)
