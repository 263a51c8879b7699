"""The one registry of import formats (core/importers/registry.py) and what is built from it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from epcs_desktop.core.importers.registry import FORMATS, detect, file_filter_patterns, format_names
from epcs_desktop.core.importers.session import load_source

from .conftest import DATA

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_OF = {
    "aegis": None,  # Aegis, 2FAS and images: samples written in their tests (test_aegis.py, ...)
    "2fas": None,
    "image": None,
    "links": "winauth.txt",
    "andotp": "andotp_plain.json",
    "andotp-encrypted": "andotp_encrypted.json.aes",
    "freeotp-plus": "freeotp_plus.json",
    "freeotp-xml": "freeotp_tokens.xml",
    "bitwarden-json": "bitwarden.json",
    "bitwarden-csv": "bitwarden.csv",
    "proton-authenticator": "proton_authenticator.json",
    "proton-pass": "proton_pass.zip",
    "ente-encrypted": "ente_encrypted.txt",
    "authpro": "authpro.json",
    "authpro-encrypted": "authpro_encrypted.authpro",
    "lastpass": "lastpass.json",
    "steam-mafile": "gamer.maFile",
    "keepass-csv": "keepassxc.csv",
    "keepass-xml": "keepass.xml",
}


def test_every_format_has_a_sample_that_is_detected_as_it() -> None:
    assert {f.key for f in FORMATS} == set(SAMPLE_OF)
    for fmt in FORMATS:
        name = SAMPLE_OF[fmt.key]
        if name is not None:
            assert detect(load_source(DATA / name)).key == fmt.key, name


def test_every_format_has_a_test_module() -> None:
    modules = {f.read.__module__.rsplit(".", 1)[1] for f in FORMATS}
    tested = {p.stem.removeprefix("test_") for p in Path(__file__).parent.glob("test_*.py")}
    assert modules <= tested


def test_window_filter_and_cli_help_come_from_the_registry() -> None:
    patterns = file_filter_patterns()
    assert len(patterns) == len(set(patterns))
    for fmt in FORMATS:
        assert set(fmt.patterns) <= set(patterns)
    source = (ROOT / "src/epcs_desktop/cli/import_cmds.py").read_text(encoding="utf-8")
    calls = {
        n.func.id
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert "format_names" in calls
    page = (ROOT / "src/epcs_desktop/ui/wizard/import_page.py").read_text(encoding="utf-8")
    calls = {
        n.func.id
        for n in ast.walk(ast.parse(page))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert "file_filter_patterns" in calls


@pytest.mark.parametrize("label", format_names())
def test_docs_cli_md_names_every_format(label: str) -> None:
    docs = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    assert f"| {label} |" in docs, f"docs/cli.md's import table lacks a row for {label}"


ODD_VALUES = [None, 0, -1, True, "", "x" * 300, [], {}, 1e308, "\u202e", 2**70, [300, -200], {"a": 1}]
JSON_SAMPLES = [
    "andotp_plain.json",
    "freeotp_plus.json",
    "bitwarden.json",
    "bitwarden_authenticator.json",
    "proton_authenticator.json",
    "authpro.json",
    "lastpass.json",
    "gamer.maFile",
]


def _entry_dicts(doc: object) -> list[dict]:
    """Every dict inside `doc` (the entries and their nested objects)."""
    found: list[dict] = []
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


@pytest.mark.parametrize("name", JSON_SAMPLES)
def test_odd_field_values_are_problems_or_one_sentence_never_a_crash(tmp_path: Path, name: str) -> None:
    """Every field of every object of each sample set to odd values: the file reads, or is refused with
    one ImportFileError sentence; no other exception ever escapes an importer."""
    from epcs_desktop.core.errors import ImportFileError
    from epcs_desktop.core.importers import read_import_file

    original = json.loads((DATA / name).read_text(encoding="utf-8"))
    paths = [(i, key) for i, d in enumerate(_entry_dicts(original)) for key in d]
    target = tmp_path / name
    for i, key in paths:
        for value in ODD_VALUES:
            doc = json.loads(json.dumps(original))
            _entry_dicts(doc)[i][key] = value
            target.write_text(json.dumps(doc), encoding="utf-8")
            try:
                result = read_import_file(target, "sample-password")
            except ImportFileError as exc:
                assert "\n" not in str(exc)
                continue
            assert all("\n" not in p for p in result.problems)
