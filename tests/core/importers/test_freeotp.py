"""FreeOTP+ JSON and FreeOTP tokens.xml (core/importers/freeotp.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import read_import_file

from .conftest import H1, T1, T2, assert_reads


def test_freeotp_plus_json() -> None:
    assert assert_reads("freeotp_plus.json", [T1, T2, H1]).format == "FreeOTP+ export"


def test_freeotp_tokens_xml() -> None:
    assert assert_reads("freeotp_tokens.xml", [T1, T2, H1]).format == "FreeOTP backup (tokens.xml)"


def test_xml_with_entities_is_refused_unparsed(tmp_path: Path) -> None:
    bomb = tmp_path / "tokens.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<map><string name="tokenOrder">[]</string><string name="x">&b;</string></map>',
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError, match="XML declarations"):
        read_import_file(bomb)


def test_a_token_without_a_key_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "plus.json"
    f.write_text('{"tokens": [{"issuerExt": "A", "label": "b", "secret": "nope", "type": "TOTP"}]}', "utf-8")
    assert read_import_file(f).problems == ["entry 1 (A: b): the entry has no readable key"]
