"""Authenticator Pro / Stratum backups (core/importers/authpro.py)."""

from __future__ import annotations

import pytest

from epcs_desktop.core.errors import ImportPasswordError
from epcs_desktop.core.importers import read_import_file

from .conftest import DATA, H1, ST, T1, T2, assert_reads

YANDEX = "entry 5 (Yandex: ya): Yandex codes are not supported"


@pytest.mark.parametrize("name", ["authpro.json", "authpro_encrypted.authpro", "authpro_legacy.authpro"])
def test_plain_strong_and_legacy_backups(name: str) -> None:
    assert_reads(name, [T1, T2, H1, ST], [YANDEX])


@pytest.mark.parametrize("name", ["authpro_encrypted.authpro", "authpro_legacy.authpro"])
def test_wrong_password(name: str) -> None:
    with pytest.raises(ImportPasswordError):
        read_import_file(DATA / name, "wrong")
