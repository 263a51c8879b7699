"""andOTP backups, plain and encrypted (core/importers/andotp.py)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError, ImportPasswordError, PasswordRequiredError
from epcs_desktop.core.importers import read_import_file

from .conftest import DATA, H1, ST, T1, T2, assert_reads

MOTP = "entry 5 (Old VPN: pin): mOTP codes are not supported"


def test_plain_backup_reads_every_entry_and_refuses_motp_in_one_line() -> None:
    assert_reads("andotp_plain.json", [T1, T2, H1, ST], [MOTP])


def test_encrypted_backup_opens_with_its_password() -> None:
    result = assert_reads("andotp_encrypted.json.aes", [T1, T2, H1, ST], [MOTP])
    assert result.format == "andOTP encrypted backup"
    with pytest.raises(PasswordRequiredError):
        read_import_file(DATA / "andotp_encrypted.json.aes")
    with pytest.raises(ImportPasswordError):
        read_import_file(DATA / "andotp_encrypted.json.aes", "wrong password")


def test_iteration_count_is_bounded_before_any_work(tmp_path: Path) -> None:
    data = (DATA / "andotp_encrypted.json.aes").read_bytes()
    crafted = tmp_path / "big.aes"
    crafted.write_bytes(struct.pack(">I", 2_000_000_000) + data[4:])
    with pytest.raises(
        ImportFileError, match="neither a text file nor an image"
    ):  # not even taken for andOTP
        read_import_file(crafted, "x")
    crafted.write_bytes(struct.pack(">I", 1_000_001) + data[4:])
    with pytest.raises(ImportFileError):
        read_import_file(crafted, "x")
