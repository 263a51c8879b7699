"""Steam Desktop Authenticator maFile (core/importers/steam.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import read_import_file

from .conftest import ST, assert_reads


def test_mafile() -> None:
    assert_reads("gamer.maFile", [ST])


def test_sda_encrypted_mafile_says_how_to_decrypt(tmp_path: Path) -> None:
    f = tmp_path / "enc.maFile"
    f.write_text(json.dumps({"shared_secret": "not base64 at all!", "account_name": "x"}), encoding="utf-8")
    with pytest.raises(ImportFileError, match="Manage encryption"):
        read_import_file(f)
