"""Hypothesis fuzzing of every reader that takes outside input: only the documented error, never a crash.

Outside input is whatever a camera, a screen, a file or a clipboard hands us,
so each parser must turn anything at all into either a result or its one
documented `EpcsError` subclass (which the GUI shows as a sentence). Any
other exception would reach the "unexpected error" dialog instead. Inputs are
drawn both at random and as mutations of valid inputs, so the fuzzing gets
past the first "not our scheme" check into the deep parsing code.
"""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from epcs_desktop.core import backup
from epcs_desktop.core.errors import BackupError, ImportFileError, OtpAuthError, PayloadError
from epcs_desktop.core.imports import ImportResult, read_import_file
from epcs_desktop.core.migration import MigrationBatch, build_migration_uris, parse_migration_uri
from epcs_desktop.core.otpauth import OtpParams, build_uri, from_secret, parse_uri
from epcs_desktop.core.payload import Payload, PayloadKind, classify

pytestmark = pytest.mark.slow

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
VALID_URI = build_uri(from_secret(SECRET, account="dr.lee@clinic.example", issuer="ID.me"))
VALID_MIGRATION = build_migration_uris(
    [
        from_secret(SECRET, account="dr.lee", issuer="ID.me"),
        from_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", account="x", issuer="Y", digits=8),
    ]
)[0]

# --- strategies ---------------------------------------------------------------------------------

text = st.text(max_size=300)
QUERY_KEYS = ["secret", "issuer", "algorithm", "digits", "period", "counter", "image", "x"]
query_values = st.one_of(
    st.sampled_from(
        [SECRET, "", "SHA1", "sha256", "MD5", "6", "8", "0", "-1", "30", "1e9", "99999999999999999999"]
    ),
    st.text(max_size=60),
)


@st.composite
def otpauth_like(draw: st.DrawFn) -> str:
    """Structurally plausible otpauth URIs with arbitrary pieces."""
    scheme = draw(st.sampled_from(["otpauth", "OTPAUTH", "otpauth-migration", "http", ""]))
    kind = draw(st.sampled_from(["totp", "hotp", "TOTP", "", "steam", "x" * 3]))
    label = draw(st.text(max_size=40))
    pairs = draw(st.lists(st.tuples(st.sampled_from(QUERY_KEYS), query_values), max_size=7))
    encode = draw(st.booleans())
    query = "&".join(f"{k}={quote(v) if encode else v}" for k, v in pairs)
    return f"{scheme}://{kind}/{quote(label) if encode else label}?{query}"


@st.composite
def mutated(draw: st.DrawFn, base: str) -> str:
    """A valid input with a few characters replaced, inserted or deleted."""
    chars = list(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["replace", "insert", "delete"]))
        i = draw(st.integers(0, max(len(chars) - 1, 0)))
        if op == "delete" and chars:
            del chars[i]
        else:
            c = draw(st.characters(codec="utf-8"))
            if op == "insert" or not chars:
                chars.insert(i, c)
            else:
                chars[i] = c
    return "".join(chars)


@st.composite
def migration_like(draw: st.DrawFn) -> str:
    """otpauth-migration links around arbitrary or mutated protobuf bytes."""
    if draw(st.booleans()):
        raw = draw(st.binary(max_size=300))
    else:
        data = VALID_MIGRATION.split("data=", 1)[1]
        genuine = bytearray(
            base64.b64decode(data.replace("%2B", "+").replace("%2F", "/").replace("%3D", "="))
        )
        for _ in range(draw(st.integers(1, 6))):
            genuine[draw(st.integers(0, len(genuine) - 1))] = draw(st.integers(0, 255))
        raw = bytes(genuine[: draw(st.integers(0, len(genuine)))] if draw(st.booleans()) else genuine)
    data = base64.b64encode(raw).decode()
    data = draw(st.sampled_from([quote(data, safe=""), data, data.rstrip("="), data.replace("+", "-")]))
    return f"otpauth-migration://{draw(st.sampled_from(['offline', '', 'x']))}?data={data}"


json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.floats(allow_nan=False), st.text(max_size=30)
)
json_values = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                ["header", "db", "slots", "params", "entries", "services", "servicesEncrypted", "secret",
                 "otp", "info", "type", "name", "issuer", "version", "schemaVersion", "key", "salt", "n",
                 "r", "p", "nonce", "tag", "key_params", "algorithm", "digits", "period", "tokenType"]
            ) | st.text(max_size=8),
            children,
            max_size=6,
        ),
    ),
    max_leaves=25,
)  # fmt: skip


@st.composite
def export_like(draw: st.DrawFn) -> bytes:
    """Aegis- and 2FAS-shaped JSON with arbitrary contents, or arbitrary text and bytes."""
    choice = draw(st.integers(0, 4))
    if choice == 0:
        doc = {"version": draw(json_leaf), "header": draw(json_values), "db": draw(json_values)}
    elif choice == 1:
        doc = {"schemaVersion": draw(json_leaf), "services": draw(json_values)}
    elif choice == 2:
        doc = {"servicesEncrypted": draw(st.text(max_size=80)), "services": []}
    elif choice == 3:
        return draw(st.text(max_size=400)).encode("utf-8")
    else:
        return draw(st.binary(max_size=400))
    return json.dumps(doc).encode()


# --- the properties -----------------------------------------------------------------------------


@given(st.one_of(text, otpauth_like(), mutated(VALID_URI)))
def test_parse_uri_raises_only_otpauth_error(uri: str) -> None:
    try:
        result = parse_uri(uri)
    except OtpAuthError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, OtpParams)
    assert parse_uri(build_uri(result)) == result


@given(st.one_of(text, migration_like(), mutated(VALID_MIGRATION), otpauth_like()))
def test_parse_migration_uri_raises_only_payload_error(uri: str) -> None:
    try:
        result = parse_migration_uri(uri)
    except PayloadError as exc:
        assert str(exc)
        return
    assert isinstance(result, MigrationBatch)
    assert 0 <= result.batch_index < result.batch_size
    assert all(isinstance(a, OtpParams) for a in result.accounts)


@given(st.one_of(text, otpauth_like(), migration_like(), mutated(VALID_URI), mutated(VALID_MIGRATION)))
def test_classify_never_raises_and_never_echoes_the_payload(payload: str) -> None:
    result = classify(payload)
    assert isinstance(result, Payload) and isinstance(result.kind, PayloadKind)
    if result.kind is PayloadKind.OTPAUTH:
        assert result.otp is not None
    if len(payload) > 40 and SECRET in payload:
        assert SECRET not in result.message


FAST = backup.KdfParams(memory_kib=8, time_cost=1, parallelism=1)
GOOD_BACKUP = backup.encode_backup({"devices": [], "note": "fuzz"}, "fuzz-password", FAST)


@st.composite
def backup_like(draw: st.DrawFn) -> bytes:
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return draw(st.binary(max_size=400))
    if choice == 1:
        return backup.MAGIC + draw(st.binary(max_size=400))
    data = bytearray(GOOD_BACKUP)
    for _ in range(draw(st.integers(1, 5))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut] if draw(st.booleans()) else data)


@given(backup_like())
def test_backup_reader_raises_only_backup_error(data: bytes) -> None:
    assume(data != GOOD_BACKUP)
    with pytest.raises(BackupError):
        backup.decode_backup(data, "fuzz-password")


@given(export_like(), st.sampled_from([".txt", ".json", ".2fas", ".png", ""]), st.sampled_from([None, "pw"]))
def test_import_reader_raises_only_import_file_error(
    content: bytes, suffix: str, password: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(content)
        try:
            result = read_import_file(path, password)
        except ImportFileError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            return
    assert isinstance(result, ImportResult)
    assert all(isinstance(a, OtpParams) for a in result.accounts)
    assert all(isinstance(p, str) for p in result.problems)
