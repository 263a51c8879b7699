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
from epcs_desktop.core.errors import BackupError, ImportFileError, OtpAuthError, PayloadError, RuleError
from epcs_desktop.core.erx import normalise_nickname
from epcs_desktop.core.importers import ImportResult, read_import_file
from epcs_desktop.core.migration import MigrationBatch, build_migration_uris, parse_migration_uri
from epcs_desktop.core.otpauth import OtpParams, build_uri, from_secret, parse_uri
from epcs_desktop.core.payload import Payload, PayloadKind, classify
from epcs_desktop.core.snapshot_rules import check_snapshot_shape
from epcs_desktop.core.textguard import clean_for_display, is_unsafe_char
from profile_support import VAULT_CLOCK

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
GOOD_BACKUP = backup.encode_backup({"devices": [], "note": "fuzz"}, "fuzz-password", FAST, clock=VAULT_CLOCK)


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


# --- issue 11 shapes: bidi, zero-width, C1 controls, NaN/inf, huge counts and costs -------------------

HOSTILE_CHARS = (
    "\u202e\u202d\u2066\u2067\u2069\u200b\u200c\u200d\u2060\ufeff\u00ad\x1b\x07\x85\x9b\x00\r\n\u2028"
)
hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters(exclude_categories=("Cs",))), max_size=60
)


@given(hostile_text, hostile_text)
def test_labels_with_bidi_zero_width_and_controls_never_get_stored(issuer: str, account: str) -> None:
    uri = f"otpauth://totp/{quote(issuer, safe='')}:{quote(account, safe='')}?secret={SECRET}"
    try:
        params = parse_uri(uri)
    except OtpAuthError:
        return
    assert not any(is_unsafe_char(ch) for ch in params.issuer + params.account)


@given(hostile_text)
def test_nicknames_with_hostile_characters_raise_only_rule_error(name: str) -> None:
    try:
        clean = normalise_nickname(name)
    except RuleError:
        return
    assert not any(is_unsafe_char(ch) for ch in clean)


@given(hostile_text)
def test_display_sanitiser_never_lets_an_unsafe_character_through(text: str) -> None:
    out = clean_for_display(text, 40)
    assert len(out) <= 40 and not any(is_unsafe_char(ch) for ch in out)


odd_numbers = st.one_of(
    st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e300, -1.0, 2**70, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.booleans(),
    st.text(max_size=5),
    st.none(),
)


@st.composite
def snapshot_like(draw: st.DrawFn) -> dict:
    device = {
        "nickname": draw(st.one_of(hostile_text, st.integers())),
        "option": draw(st.sampled_from(["generator_here", "push", "x"])),
        "added_at": draw(odd_numbers),
        "is_primary": draw(st.one_of(st.booleans(), odd_numbers)),
        "otp_uri": draw(st.one_of(st.none(), st.just(VALID_URI), st.text(max_size=30))),
    }
    count = draw(st.sampled_from([0, 1, 2, 5000]))
    return {
        "format": "epcs-desktop-profile",
        "version": 1,
        "taken_at": draw(odd_numbers),
        "devices": [device] * count,
        "prescriber": {"npi": draw(st.one_of(st.text(max_size=12), odd_numbers))},
        "identity": {"confirmed": draw(st.one_of(st.booleans(), odd_numbers))},
        "settings": {"auto_lock_minutes": draw(odd_numbers)},
    }


@given(snapshot_like())
def test_snapshot_shape_check_raises_only_rule_error(snapshot: dict) -> None:
    try:
        check_snapshot_shape(snapshot)
    except RuleError:
        return
    for device in snapshot["devices"]:
        assert isinstance(device["added_at"], int | float) and 0 <= device["added_at"] < 1e12


@given(snapshot_like())
def test_backups_holding_nan_inf_or_huge_values_raise_only_backup_error(snapshot: dict) -> None:
    text = json.dumps({"kind": backup.ENVELOPE_KIND, "created_at": 1.0, "snapshot": snapshot})  # writes NaN
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = b"s" * 16, b"n" * 12
    key, check = backup._keys("fuzz-password", salt, FAST)
    header = backup._pack_header(FAST, salt, nonce, len(text.encode()) + 16, check)
    data = header + AESGCM(key).encrypt(nonce, text.encode(), header)
    try:
        restored = backup.decode_backup(data, "fuzz-password")
    except BackupError:
        return
    check_snapshot_shape(restored)  # what the reader lets through is well-formed
    assert "NaN" not in text and "Infinity" not in text


@st.composite
def aegis_slots_like(draw: st.DrawFn) -> bytes:
    slot = {
        "type": 1,
        "key": "00" * 32,
        "key_params": {"nonce": "00" * 12, "tag": "00" * 16},
        "n": draw(st.sampled_from([2, 2**10, 2**15, 2**18, 2**20, 3, 0, -1])),
        "r": draw(st.sampled_from([1, 8, 64, 0])),
        "p": draw(st.sampled_from([1, 16, 17])),
        "salt": "00" * 32,
    }
    count = draw(st.sampled_from([1, 2, 9, 100, 20_000]))
    doc = {
        "version": 1,
        "header": {"slots": [slot] * count, "params": {"nonce": "00" * 12, "tag": "00" * 16}},
        "db": base64.b64encode(b"\0" * 32).decode(),
    }
    return json.dumps(doc).encode()


@given(aegis_slots_like())
def test_aegis_slot_counts_and_costs_raise_only_import_file_error_quickly(content: bytes) -> None:
    import time

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aegis.json"
        path.write_bytes(content)
        start = time.monotonic()
        with pytest.raises(ImportFileError):
            read_import_file(path, "pw")
        assert time.monotonic() - start < 3.0
