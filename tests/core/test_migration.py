"""Google Authenticator export codes: real protobuf bytes in, validated accounts out."""

from __future__ import annotations

import base64
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epcs_desktop.core.errors import PayloadError
from epcs_desktop.core.migration import (
    MigrationCollector,
    MigrationPayload,
    OtpParameters,
    build_migration_uris,
    parse_migration_uri,
)
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import from_secret

# A published vector (GNOME Authenticator's test data): one Discord TOTP account.
DISCORD = (
    "otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20aB0Rpc2Nv"
    "cmQgASgBMAIQARgBIAA%3D"
)


def _uri(message: object) -> str:
    data = base64.b64encode(message.SerializeToString()).decode()  # type: ignore[attr-defined]
    return "otpauth-migration://offline?data=" + quote(data, safe="")


def _entry(secret: bytes = b"0123456789abcdefghij", **kw: object) -> object:
    base = {"name": "jane@clinic.org", "issuer": "ID.me", "algorithm": 1, "digits": 1, "type": 2}
    base.update(kw)
    return OtpParameters(secret=secret, **base)


def test_published_vector() -> None:
    batch = parse_migration_uri(DISCORD)
    assert (batch.batch_index, batch.batch_size, batch.skipped) == (0, 1, ())
    (acct,) = batch.accounts
    assert (acct.issuer, acct.account, acct.kind, acct.algorithm, acct.digits, acct.period) == (
        "Discord",
        "johndoe@example.com",
        "totp",
        "SHA1",
        6,
        30,
    )
    assert base64.b32decode(acct.secret + "======")[:4] == bytes.fromhex("4c7225f3")


def test_all_field_values_are_mapped() -> None:
    msg = MigrationPayload(
        otp_parameters=[
            _entry(algorithm=2, digits=2, type=2, name="ID.me:jane"),
            _entry(algorithm=3, digits=0, type=1, counter=41, issuer="", name="bank"),
            _entry(algorithm=0, digits=1, type=0, issuer="X", name="y"),
        ],
        version=1,
        batch_size=1,
        batch_index=0,
        batch_id=77,
    )
    batch = parse_migration_uri(_uri(msg))
    a, b, c = batch.accounts
    assert (a.algorithm, a.digits, a.kind, a.issuer, a.account) == ("SHA256", 8, "totp", "ID.me", "jane")
    assert (b.algorithm, b.digits, b.kind, b.counter) == ("SHA512", 6, "hotp", 41)
    assert (b.issuer, b.account) == ("", "bank")
    assert (c.algorithm, c.digits, c.kind) == ("SHA1", 6, "totp")
    assert batch.batch_id == 77
    assert a.secret == base64.b32encode(b"0123456789abcdefghij").decode()


def test_unsupported_entries_are_skipped_with_reason_not_blocking() -> None:
    msg = MigrationPayload(
        otp_parameters=[
            _entry(algorithm=4, issuer="OldBank", name="me"),
            _entry(secret=b"", issuer="Empty", name="e"),
            _entry(secret=b"short", issuer="Short", name="s"),
            _entry(issuer="ID.me", name="jane"),
            _entry(digits=5, issuer="Odd", name="o"),
        ],
        batch_size=1,
    )
    batch = parse_migration_uri(_uri(msg))
    assert [a.issuer for a in batch.accounts] == ["ID.me"]
    assert len(batch.skipped) == 4
    md5, empty, short, odd = batch.skipped
    assert md5.startswith("OldBank (me): MD5")
    assert "no secret key" in empty
    assert "too short" in short
    assert "digit count" in odd


def test_plus_signs_left_unescaped_still_decode() -> None:
    for lead in (b"", b"\x00", b"\x00\x00"):  # one of three alignments puts '+' signs in the base64
        secret = lead + b"\xfb\xef\xbe" * 7
        msg = MigrationPayload(otp_parameters=[_entry(secret=secret)], batch_size=1)
        data = base64.b64encode(msg.SerializeToString()).decode()
        if "+" in data:
            break
    assert "+" in data
    batch = parse_migration_uri("otpauth-migration://offline?data=" + data)  # '+' becomes ' ' in a query
    assert batch.accounts[0].secret == base64.b32encode(secret).decode().rstrip("=")


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", "not a Google Authenticator export"),
        ("otpauth-migration://offline", "no data"),
        ("otpauth-migration://offline?data=", "no data"),
        ("otpauth-migration://offline?data=%%%%", "not base64"),
        ("otpauth-migration://offline?data=" + base64.b64encode(b"\xff\xff\xff").decode(), "cannot be"),
    ],
)
def test_damaged_codes(uri: str, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        parse_migration_uri(uri)


def test_impossible_batch_position() -> None:
    msg = MigrationPayload(otp_parameters=[_entry()], batch_size=2, batch_index=2)
    with pytest.raises(PayloadError, match="impossible position"):
        parse_migration_uri(_uri(msg))


def _accounts(n: int) -> list:
    return [
        from_secret(
            base64.b32encode(bytes([i]) * 20).decode(),
            issuer=f"Issuer {i}",
            account=f"user{i}@example.org",
            algorithm=("SHA1", "SHA256", "SHA512")[i % 3],
            digits=(6, 8)[i % 2],
            kind=("totp", "hotp")[i % 4 == 3],
            counter=i if i % 4 == 3 else 0,
        )
        for i in range(n)
    ]


def test_build_then_parse_round_trip_and_codes_match() -> None:
    accounts = _accounts(23)
    uris = build_migration_uris(accounts, per_code=10, batch_id=1234)
    assert len(uris) == 3
    batches = [parse_migration_uri(u) for u in uris]
    assert [(b.batch_index, b.batch_size, b.batch_id) for b in batches] == [(i, 3, 1234) for i in range(3)]
    back = [a for b in batches for a in b.accounts]
    assert back == accounts
    totp = next(a for a in accounts if a.kind == "totp")
    assert totp_at(back[accounts.index(totp)], 1_700_000_000) == totp_at(totp, 1_700_000_000)


def test_build_refuses_what_the_format_cannot_hold() -> None:
    with pytest.raises(PayloadError, match="7 digits"):
        build_migration_uris([from_secret("JBSWY3DPEHPK3PXPJBSWY3DP", digits=7, issuer="X")])
    with pytest.raises(PayloadError, match="60-second"):
        build_migration_uris([from_secret("JBSWY3DPEHPK3PXPJBSWY3DP", period=60, issuer="X")])


def test_collector_completes_across_scans_without_duplicates() -> None:
    uris = build_migration_uris(_accounts(25), per_code=10, batch_id=9)
    batches = [parse_migration_uri(u) for u in uris]
    col = MigrationCollector()
    assert not col.complete
    assert col.add(batches[2]) == "1 of 3 codes scanned"
    assert col.missing == [1, 2]
    assert col.add(batches[0]) == "2 of 3 codes scanned"
    assert col.add(batches[0]) == "code 1 of 3 was already scanned; 2 of 3 codes scanned"
    assert not col.complete
    assert len(col.accounts()) == 15
    assert col.add(batches[1]) == "3 of 3 codes scanned"
    assert col.complete and col.missing == []
    assert col.accounts() == _accounts(25)  # export order restored


def test_collector_dedupes_same_account_in_two_codes() -> None:
    acct = _accounts(1)
    uris = build_migration_uris(acct + acct, per_code=1, batch_id=5)
    col = MigrationCollector()
    for u in uris:
        col.add(parse_migration_uri(u))
    assert col.complete and col.accounts() == acct


def test_collector_refuses_a_different_export() -> None:
    first = parse_migration_uri(build_migration_uris(_accounts(12), per_code=10, batch_id=1)[0])
    other = parse_migration_uri(build_migration_uris(_accounts(12), per_code=10, batch_id=2)[1])
    col = MigrationCollector()
    col.add(first)
    with pytest.raises(PayloadError, match="different Google Authenticator export"):
        col.add(other)
    assert col.scanned == 1


def test_single_code_export_completes_at_once() -> None:
    col = MigrationCollector()
    assert col.add(parse_migration_uri(DISCORD)) == "1 of 1 code scanned"
    assert col.complete


@given(st.binary(max_size=300))
def test_arbitrary_bytes_only_raise_payload_error(raw: bytes) -> None:
    uri = "otpauth-migration://offline?data=" + quote(base64.b64encode(raw).decode(), safe="")
    try:
        batch = parse_migration_uri(uri)
    except PayloadError:
        return
    assert 0 <= batch.batch_index < batch.batch_size
