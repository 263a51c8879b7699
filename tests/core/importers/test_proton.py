"""Proton Authenticator (plain, encrypted) and Proton Pass (core/importers/proton.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError, PasswordRequiredError
from epcs_desktop.core.importers import read_import_file

from .conftest import DATA, ST, T1, T2, assert_reads


def test_plain_export() -> None:
    assert_reads("proton_authenticator.json", [T1, T2, ST])


def test_encrypted_export() -> None:
    assert_reads("proton_authenticator_encrypted.json", [T1, T2, ST])
    with pytest.raises(PasswordRequiredError):
        read_import_file(DATA / "proton_authenticator_encrypted.json")
    with pytest.raises(ImportPasswordError):
        read_import_file(DATA / "proton_authenticator_encrypted.json", "wrong")


def test_proton_pass_zip() -> None:
    assert assert_reads("proton_pass.zip", [T1, T2]).format == "Proton Pass export"


def test_proton_pass_zip_bomb_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Proton Pass/data.json", "{" + " " * (25 * 1024 * 1024) + "}")
    f = tmp_path / "bomb.zip"
    f.write_bytes(buf.getvalue())
    with pytest.raises(ImportFileError, match="larger than any export"):
        read_import_file(f)
