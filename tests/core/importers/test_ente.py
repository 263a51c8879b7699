"""ente Auth encrypted export (core/importers/ente.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError
from epcs_desktop.core.importers import read_import_file

from .conftest import DATA, H1, ST, T1, T2, assert_reads


def test_encrypted_export_opens() -> None:
    assert assert_reads("ente_encrypted.txt", [T1, T2, H1, ST]).format == "ente Auth encrypted export"
    with pytest.raises(ImportPasswordError):
        read_import_file(DATA / "ente_encrypted.txt", "wrong")


@pytest.mark.parametrize(
    "limits", [{"memLimit": 8 * 2**30}, {"opsLimit": 1000}, {"memLimit": 2**30, "opsLimit": 5}]
)
def test_key_settings_are_bounded_before_any_work(tmp_path: Path, limits: dict[str, int]) -> None:
    doc = json.loads((DATA / "ente_encrypted.txt").read_text(encoding="utf-8"))
    doc["kdfParams"].update(limits)
    f = tmp_path / "crafted.txt"
    f.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ImportFileError, match="key settings are outside"):
        read_import_file(f, "sample-password")
