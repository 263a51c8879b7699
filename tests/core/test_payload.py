"""What a scanned text is, and what the person is told about it."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import build_uri, from_secret
from epcs_desktop.core.payload import Payload, PayloadKind, classify

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_otpauth() -> None:
    p = classify(f"  otpauth://totp/ID.me:jane@clinic.org?secret={SECRET}&issuer=ID.me\n")
    assert p.kind is PayloadKind.OTPAUTH and p.usable
    assert p.otp is not None and p.otp.secret == SECRET and p.otp.issuer == "ID.me"
    assert p.message == "Authenticator code for ID.me (jane@clinic.org)."
    assert SECRET not in p.message and SECRET not in repr(p)


def test_hotp_and_uppercase_scheme() -> None:
    p = classify(f"OTPAUTH://HOTP/x?secret={SECRET}&counter=3")
    assert p.kind is PayloadKind.OTPAUTH and p.otp is not None and p.otp.counter == 3


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("otpauth://totp/x?secret=JBSWY3DPEHPK3PX1JBSW", "character “1” at position 16"),
        (f"otpauth://totp/x?secret={SECRET}&algorithm=MD5", "unsupported algorithm"),
        (f"otpauth://hotp/x?secret={SECRET}", "needs a counter"),
        ("otpauth://totp/x", "no secret"),
    ],
)
def test_invalid_otpauth_carries_parser_message(text: str, reason: str) -> None:
    p = classify(text)
    assert p.kind is PayloadKind.INVALID_OTPAUTH and not p.usable and p.otp is None
    assert reason in p.message
    assert "JBSWY3DPEHPK3PX" not in p.message


def test_migration() -> None:
    accounts = [from_secret(SECRET, issuer=f"I{i}", account="a") for i in range(3)]
    (uri,) = build_migration_uris(accounts)
    p = classify(uri)
    assert p.kind is PayloadKind.MIGRATION and p.usable
    assert p.migration is not None and list(p.migration.accounts) == accounts
    assert p.message == "Google Authenticator export: 3 accounts."
    assert uri.split("data=")[1][:12] not in p.message


def test_migration_part_of_a_set_says_which_code() -> None:
    accounts = [from_secret(SECRET, issuer=f"I{i}") for i in range(3)]
    uris = build_migration_uris(accounts, per_code=2)
    assert classify(uris[1]).message == "Google Authenticator export, code 2 of 2: 1 account."


def test_damaged_migration_is_invalid() -> None:
    p = classify("otpauth-migration://offline?data=%%%")
    assert p.kind is PayloadKind.INVALID_OTPAUTH and "damaged" in p.message


@pytest.mark.parametrize(
    "url",
    [
        "https://account.id.me/mobile/generator/9f8e7d6c5b4a",
        "https://ACCOUNT.ID.ME/mobile/generator/abc?code=123&x=y",
        "https://Account.Id.Me/mobile/generator",
        "http://account.id.me/mobile/generator/abc",
        "https://account.id.me:443/mobile/generator/abc",
    ],
)
def test_idme_activation_link(url: str) -> None:
    p = classify(url)
    assert p.kind is PayloadKind.IDME_ACTIVATION and not p.usable
    assert "only works inside the ID.me Authenticator app" in p.message
    assert "Enroll with barcode / secret key" in p.message
    assert "secret key" in p.message
    assert url not in p.message


@pytest.mark.parametrize(
    "url",
    [
        "https://account.id.me/signin-security",
        "https://account.id.me.evil.example/mobile/generator/x",
        "https://evil.example/account.id.me/mobile/generator/x",
        "https://example.com/",
        "HTTP://drchrono.com/",
    ],
)
def test_other_web_addresses(url: str) -> None:
    p = classify(url)
    assert p.kind is PayloadKind.URL
    assert p.message == "This QR code is a web address, not an authenticator code."


def test_wifi() -> None:
    p = classify("WIFI:T:WPA;S:ClinicGuest;P:hunter2hunter2;;")
    assert p.kind is PayloadKind.WIFI
    assert "hunter2" not in p.message and "Wi-Fi" in p.message


@pytest.mark.parametrize("text", ["", "   ", "hello", SECRET, "mailto:a@b.c", "tel:+15551234567", "{}"])
def test_text(text: str) -> None:
    p = classify(text)
    assert p.kind is PayloadKind.TEXT and not p.usable
    assert p.message


@given(st.text(max_size=300))
def test_classify_never_raises_and_never_echoes(text: str) -> None:
    p = classify(text)
    assert isinstance(p, Payload) and isinstance(p.kind, PayloadKind)
    assert p.message and "\n" not in p.message
    if len(text.strip()) >= 16:
        assert text.strip() not in p.message


@given(
    st.sampled_from(["otpauth://totp/", "otpauth://hotp/", "otpauth-migration://offline?data=", "https://"]),
    st.text(max_size=200),
)
def test_classify_never_raises_on_prefixed_garbage(prefix: str, rest: str) -> None:
    p = classify(prefix + rest)
    assert p.message


@given(st.binary(max_size=200))
def test_classify_never_raises_on_base64_garbage_exports(raw: bytes) -> None:
    p = classify("otpauth-migration://offline?data=" + base64.urlsafe_b64encode(raw).decode())
    assert p.kind in (PayloadKind.MIGRATION, PayloadKind.INVALID_OTPAUTH)


def test_round_trip_through_build_uri() -> None:
    params = from_secret(SECRET, issuer="Big: Corp", account="a%b c", digits=8, algorithm="SHA512")
    assert classify(build_uri(params)).otp == params


# --- issue 13: text around a link ----------------------------------------------------------------


def test_a_link_inside_other_text_is_taken_out() -> None:
    from epcs_desktop.core.payload import PayloadKind, classify, find_link

    uri = "otpauth://totp/ID.me:jane?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ID.me"
    for text in (f"QR-Code:{uri}", f"Secret link: <{uri}>.", f'"{uri}"', f"scan this ({uri}) please"):
        assert find_link(text) == uri
        result = classify(text)
        assert result.kind is PayloadKind.OTPAUTH and result.otp is not None
        assert result.otp.issuer == "ID.me"
    two = f"{uri} and otpauth://totp/B:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert find_link(two) is None  # ambiguous: left alone
    assert classify(two).kind is PayloadKind.TEXT
    assert "GEZDGNBV" not in classify(two).message and "JBSWY3DP" not in classify(two).message
    assert classify("https://example.org/?next=otpauth://totp/x").kind is PayloadKind.URL  # stays a web link
