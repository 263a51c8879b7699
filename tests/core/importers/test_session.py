"""One import of many sources, and whole-file refusals (core/importers/session.py, registry.detect)."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import ImportResult, read_import_file
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import build_uri, from_secret
from profile_support import NO_POLICY

from .conftest import A1, A2, A3, S1, S3, STEAM, write_json

# --------------------------------------------------------------------------- the file itself


def test_missing_file_folder_empty_and_binary(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"File not found: nope\.txt"):
        read_import_file(tmp_path / "nope.txt")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_import_file(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        read_import_file(tmp_path / "empty.txt")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ImportFileError, match="neither a text file nor an image"):
        read_import_file(tmp_path / "blob.bin")


def test_json_that_is_not_an_export(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="a JSON file, but not an export this app can read"):
        read_import_file(write_json(tmp_path / "x.json", {"hello": "world"}))
    (tmp_path / "broken.json").write_text('{"header": ', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_import_file(tmp_path / "broken.json")


# --------------------------------------------------------------------------- fuzz

_FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=10), kids, max_size=4),
    max_leaves=20,
)


@_FUZZ
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "fuzz.dat"
    f.write_bytes(data)
    try:
        result = read_import_file(f, "pw")
    except ImportFileError:
        return
    assert isinstance(result, ImportResult)


@_FUZZ
@given(
    doc=st.fixed_dictionaries(
        {},
        optional={
            "version": json_values,
            "header": json_values,
            "db": json_values,
            "services": json_values,
            "servicesEncrypted": json_values,
            "schemaVersion": json_values,
        },
    ),
    password=st.none() | st.text(max_size=8),
)
def test_arbitrary_json_exports_never_crash(tmp_path: Path, doc: dict, password: str | None) -> None:
    f = write_json(tmp_path / "fuzz.json", doc)
    try:
        result = read_import_file(f, password)
    except ImportFileError:
        return
    assert isinstance(result, ImportResult)


@_FUZZ
@given(entries=st.lists(json_values, max_size=5), services=st.lists(json_values, max_size=5))
def test_arbitrary_entries_become_problems_not_crashes(tmp_path: Path, entries: list, services: list) -> None:
    aegis = {"version": 1, "header": {"slots": None, "params": None}, "db": {"entries": entries}}
    read_import_file(write_json(tmp_path / "a.json", aegis))
    read_import_file(write_json(tmp_path / "b.2fas", {"services": services}))


@_FUZZ
@given(
    entry=st.fixed_dictionaries(
        {"type": st.sampled_from(["totp", "hotp", "steam", None])},
        optional={
            "name": json_values,
            "issuer": json_values,
            "info": st.fixed_dictionaries(
                {}, optional={k: json_values for k in ("secret", "algo", "digits", "period", "counter")}
            ),
        },
    )
)
def test_structured_aegis_entries_never_crash(tmp_path: Path, entry: dict) -> None:
    aegis = {"version": 1, "header": {"slots": None, "params": None}, "db": {"entries": [entry]}}
    result = read_import_file(write_json(tmp_path / "a.json", aegis))
    assert len(result.accounts) + len(result.problems) == 1


# ------------------------------------------------------------------ issue 13: one import, many sources


def test_one_export_over_three_files_is_complete(tmp_path: Path) -> None:
    """Three payload files of a 3-code export in one import: no "incomplete" line, all accounts."""
    from epcs_desktop.core.importers import ImportSession

    uris = build_migration_uris([A1, A2, A3], per_code=1, batch_id=42)
    files = []
    for i, uri in enumerate(uris):
        f = tmp_path / f"part{i}.txt"
        f.write_text(("QR-Code:" if i == 1 else "") + uri + "\n", encoding="utf-8")
        files.append(f)
    session = ImportSession(NO_POLICY)
    for f in files:
        session.read_file(f)
    assert [p for _, r in session.results for p in r.accounts] == [A1, A2, A3]
    assert [line for _, r in session.results for line in r.problems] == []
    assert session.incomplete_exports() == []

    partial = ImportSession(NO_POLICY)
    partial.read_file(files[0])
    partial.read_file(files[0])  # the same code twice: read once, said once
    assert partial.results[1][1].accounts == []
    again = partial.results[1][1].problems[0]
    assert "code 1 of 3 of this Google Authenticator export was already read" in again
    (line,) = partial.incomplete_exports()
    assert "1 of 3 codes read; missing code 2, 3" in line


def test_absurd_batch_size_is_refused_at_once(tmp_path: Path) -> None:
    """A 92-byte line claiming batch_size=2147483647 used to allocate gigabytes (exit 70)."""

    from epcs_desktop.core.migration import MigrationPayload

    for size, index in ((2**31 - 1, 0), (101, 0), (5, 2**31 - 1), (-3, 0)):
        msg = MigrationPayload(version=1, batch_size=size, batch_index=index, batch_id=1)
        data = base64.b64encode(msg.SerializeToString()).decode()
        f = tmp_path / "absurd.txt"
        f.write_text(f"otpauth-migration://offline?data={data}\n", encoding="utf-8")
        start = time.perf_counter()
        result = read_import_file(f)
        assert time.perf_counter() - start < 1.0
        assert result.accounts == []
        assert len(result.problems) == 1
        assert result.problems[0].startswith("line 1: This export code cannot be used")


def test_duplicates_consider_the_code_type(tmp_path: Path) -> None:
    hotp_twin = from_secret(S1, issuer="ID.me", account="jane@clinic.org", kind="hotp", counter=3)
    f = tmp_path / "codes.txt"
    f.write_text(f"{build_uri(A1)}\n{build_uri(hotp_twin)}\n{build_uri(A1)}\n", encoding="utf-8")
    result = read_import_file(f)
    assert result.accounts == [A1, hotp_twin]
    assert result.problems == ["line 3: ID.me (jane@clinic.org) appears more than once; imported once"]


def test_ente_style_links_with_encoded_colon_and_text_around(tmp_path: Path) -> None:
    """ente Auth writes Issuer%3Aaccount labels; notes wrap links in words or quotes."""
    f = tmp_path / "ente.txt"
    f.write_text(
        f"otpauth://totp/ID.me%3Ajane%40clinic.org?secret={S1}&issuer=ID.me&algorithm=SHA1&digits=6&period=30\n"
        f'My bank: "otpauth://hotp/Bank%3Aj?secret={S3}&issuer=Bank&counter=5" (keep safe)\n'
        f"otpauth://steam/Steam%3Agamer?secret={S1}&issuer=Steam\n",
        encoding="utf-8",
    )
    result = read_import_file(f)
    assert result.accounts == [A1, A3, STEAM]
    assert result.problems == []


# --- Aegis slot and cost caps, checked before deriving anything (issue 11) ----------------------------
