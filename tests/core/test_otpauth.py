"""otpauth URI parsing/building and secret normalisation, against real inputs seen in the wild."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from epcs_desktop.core.errors import OtpAuthError
from epcs_desktop.core.otpauth import (
    OtpParams,
    build_uri,
    from_secret,
    normalise_secret,
    parse_uri,
)
from epcs_desktop.core.textguard import is_unsafe_char

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # 160 bits


# --------------------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    "typed",
    [
        "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp",
        "JBSW-Y3DP-EHPK-3PXP-JBSW-Y3DP-EHPK-3PXP",
        "  JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP  ",
        "jbswy3dpehpk3pxpjbswy3dpehpk3pxp",
    ],
)
def test_normalise_secret_accepts_human_formatting(typed: str) -> None:
    assert normalise_secret(typed) == SECRET


def test_normalise_secret_strips_padding_and_accepts_missing_padding() -> None:
    raw = base64.b32encode(b"0123456789abcdef!").decode()  # 17 bytes: padded
    assert raw.endswith("=")
    assert normalise_secret(raw) == raw.rstrip("=")
    assert normalise_secret(raw.rstrip("=")) == raw.rstrip("=")


def test_bad_character_reports_character_and_position_not_secret() -> None:
    with pytest.raises(OtpAuthError) as exc:
        normalise_secret("ABCDEF1GHIJKLMNOPQRS")
    assert str(exc.value) == "the secret is not valid Base32 (character “1” at position 7)"


def test_position_counts_what_the_person_typed() -> None:
    with pytest.raises(OtpAuthError, match=r"character “8” at position 11\)"):
        normalise_secret("ABCD EFGH 8JKL MNOP")


def test_padding_in_the_middle_is_rejected() -> None:
    with pytest.raises(OtpAuthError, match="character “A” at position 10"):
        normalise_secret("JBSWY3DP=AEHPK3PXPJBSW")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the secret is empty"),
        ("   ", "the secret is empty"),
        ("- - -", "the secret has no Base32 characters"),
        ("JBSWY3DPEHPK3PX", "at least 80"),  # 15 chars = 72 bits
        ("JBSWY3DPEHPK3PXPJ", "not a possible length"),  # 17 chars: len % 8 == 1
        ("A" * 2000, "too long"),
    ],
)
def test_normalise_secret_rejections(text: str, message: str) -> None:
    with pytest.raises(OtpAuthError, match=message):
        normalise_secret(text)


def test_eighty_bits_accepted_with_warning_and_128_without() -> None:
    short = from_secret(base64.b32encode(b"x" * 10).decode())
    assert short.secret_bits == 80
    assert any("80 bits" in w for w in short.warnings)
    ok = from_secret(base64.b32encode(b"x" * 16).decode())
    assert ok.warnings == ()


def test_repr_hides_secret() -> None:
    p = from_secret(SECRET, account="a", issuer="b")
    assert SECRET not in repr(p) and SECRET not in str(p)


# --------------------------------------------------------------------------- parsing


def test_parse_google_example() -> None:
    p = parse_uri(
        "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example"
        "&image=https%3A%2F%2Fexample.com%2Flogo.png&color=red"
    )
    assert p == OtpParams("totp", "JBSWY3DPEHPK3PXP", "alice@google.com", "Example")


def test_liberal_letter_case() -> None:
    p = parse_uri(f"OTPAUTH://TOTP/Acme:bob?secret={SECRET.lower()}&algorithm=sha256&Digits=8")
    assert (p.kind, p.algorithm, p.digits, p.secret) == ("totp", "SHA256", 8, SECRET)
    assert parse_uri(f"otpauth://totp/x?secret={SECRET}&algorithm=SHA-512").algorithm == "SHA512"


# Google's Key URI Format (github.com/google/google-authenticator/wiki/Key-Uri-Format): the label is
# "accountname / issuer (":" / "%3A") *"%20" accountname"; these are the spec's own examples.
@pytest.mark.parametrize(
    ("uri", "issuer", "account"),
    [
        ("otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example", "Example",
         "alice@google.com"),
        ("otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
         "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30", "ACME Co", "john.doe@email.com"),
        ("otpauth://totp/Example:alice@gmail.com?secret=JBSWY3DPEHPK3PXP", "Example", "alice@gmail.com"),
        ("otpauth://totp/Provider1:Alice%20Smith?secret=JBSWY3DPEHPK3PXP", "Provider1", "Alice Smith"),
        ("otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret=JBSWY3DPEHPK3PXP",
         "Big Corporation", "alice@bigco.com"),
    ],
)  # fmt: skip
def test_key_uri_format_label_examples(uri: str, issuer: str, account: str) -> None:
    p = parse_uri(uri)
    assert (p.issuer, p.account) == (issuer, account)


def test_percent_encoded_colon_separates_issuer_and_account() -> None:
    """What ente Auth writes: the old parser read issuer "" and account "Issuer:account"."""
    p = parse_uri(f"otpauth://totp/GitHub%3Ajane?secret={SECRET}")
    assert (p.issuer, p.account) == ("GitHub", "jane")
    q = parse_uri(f"otpauth://totp/GitHub%3a%20%20jane?secret={SECRET}&issuer=GitHub")
    assert (q.issuer, q.account, q.warnings) == ("GitHub", "jane", ())


def test_issuer_parameter_wins_over_an_encoded_label_prefix() -> None:
    p = parse_uri(f"otpauth://totp/Old%3Abob?secret={SECRET}&issuer=New")
    assert (p.issuer, p.account) == ("New", "bob")
    assert any("“Old”" in w and "“New”" in w for w in p.warnings)


def test_colons_inside_issuer_or_account_survive_our_own_uris() -> None:
    for issuer, account in (("A:B", "c:d"), ("", "only:account"), ("Acme", "x:y")):
        params = from_secret(SECRET, issuer=issuer, account=account)
        back = parse_uri(build_uri(params))
        assert (back.issuer, back.account) == (issuer, account)


def test_space_after_label_colon_is_ignored_and_issuer_taken_from_label() -> None:
    p = parse_uri(f"otpauth://totp/Big%20Corp:%20%20jane?secret={SECRET}")
    assert (p.issuer, p.account) == ("Big Corp", "jane")


def test_plus_in_query_is_a_space() -> None:
    assert parse_uri(f"otpauth://totp/x?secret={SECRET}&issuer=Big+Corp").issuer == "Big Corp"


def test_issuer_parameter_wins_and_mismatch_is_reported() -> None:
    p = parse_uri(f"otpauth://totp/Old:bob?secret={SECRET}&issuer=New")
    assert p.issuer == "New"
    assert len(p.warnings) == 1 and "“Old”" in p.warnings[0] and "“New”" in p.warnings[0]
    same = parse_uri(f"otpauth://totp/acme:bob?secret={SECRET}&issuer=ACME")
    assert same.warnings == ()


def test_hotp_counter() -> None:
    p = parse_uri(f"otpauth://hotp/x?secret={SECRET}&counter=42")
    assert (p.kind, p.counter) == ("hotp", 42)


def test_same_parameter_twice_with_same_value_is_fine() -> None:
    assert parse_uri(f"otpauth://totp/x?secret={SECRET}&digits=6&digits=6").digits == 6


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("https://example.com/?secret=X", "must start with otpauth://"),
        ("otpauth-migration://offline?data=abc", "Google Authenticator export"),
        (f"otpauth://motp/x?secret={SECRET}", "mOTP codes are not supported"),
        (f"otpauth://yandex/x?secret={SECRET}", "Yandex codes are not supported"),
        (f"otpauth://foo/x?secret={SECRET}", "unsupported OTP type “foo”"),
        (f"otpauth://steam/x?secret={SECRET}&digits=6", "Steam codes always have 5 characters"),
        (f"otpauth://steam/x?secret={SECRET}&algorithm=SHA256", "Steam codes always use SHA1"),
        (f"otpauth:///x?secret={SECRET}", "TOTP or HOTP"),
        ("otpauth://totp/x?issuer=A", "no secret"),
        ("otpauth://totp/x?secret=", "no secret"),
        (f"otpauth://totp/x?secret={SECRET}&algorithm=MD5", "unsupported algorithm “MD5”"),
        (f"otpauth://totp/x?secret={SECRET}&digits=5", "between 6 and 10"),
        (f"otpauth://totp/x?secret={SECRET}&digits=11", "between 6 and 10"),
        (f"otpauth://totp/x?secret={SECRET}&digits=six", "whole number, not “six”"),
        (f"otpauth://totp/x?secret={SECRET}&digits=-6", "whole number"),
        (f"otpauth://totp/x?secret={SECRET}&period=0", "between 1 and 300 seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period=301", "between 1 and 300 seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period=30.5", "whole number"),
        (f"otpauth://hotp/x?secret={SECRET}", "HOTP URI needs a counter"),
        (f"otpauth://hotp/x?secret={SECRET}&counter=-1", "whole number"),
        (f"otpauth://totp/x?secret={SECRET}&digits=6&digits=8", "“digits” parameter twice"),
        (f"otpauth://totp/x?secret={SECRET}&secret=GEZDGNBVGY3TQOJQGEZDGNBV", "“secret” parameter twice"),
        (f"otpauth://totp/%FF%FE?secret={SECRET}", "not valid UTF-8"),
        ("otpauth://totp/x?secret=JBSWY3DPEHPK3PX0", "character “0” at position 16"),
    ],
)
def test_strict_rejections(uri: str, message: str) -> None:
    with pytest.raises(OtpAuthError, match=message):
        parse_uri(uri)


@pytest.mark.parametrize(
    "secret",
    ["JBSWY3DPEHPK3PX1JBSWY3DP", "GEZDGNBVGY3TQOJQGEZDGN", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE8", "ABCD"],
)
def test_error_messages_never_contain_the_secret(secret: str) -> None:
    with pytest.raises(OtpAuthError) as exc:
        parse_uri(f"otpauth://totp/x?secret={secret}")
    assert secret not in str(exc.value)
    assert secret.lower() not in str(exc.value).lower()


# --------------------------------------------------------------------------- building / round trip


def test_build_writes_canonical_uri() -> None:
    p = from_secret(SECRET, account="jane doe@clinic.org", issuer="ID.me")
    assert build_uri(p) == (
        f"otpauth://totp/ID.me:jane%20doe@clinic.org?secret={SECRET}&issuer=ID.me"
        "&algorithm=SHA1&digits=6&period=30"
    )


def test_from_secret_validates_like_parse_uri() -> None:
    with pytest.raises(OtpAuthError, match="between 6 and 10"):
        from_secret(SECRET, digits=11)
    with pytest.raises(OtpAuthError, match="unsupported algorithm"):
        from_secret(SECRET, algorithm="SHA384")
    with pytest.raises(OtpAuthError, match="unsupported OTP type"):
        from_secret(SECRET, kind="battle.net")
    with pytest.raises(OtpAuthError, match="Yandex codes are not supported"):
        from_secret(SECRET, kind="yandex")
    with pytest.raises(OtpAuthError, match="between 1 and 300"):
        from_secret(SECRET, period=0)
    p = from_secret(SECRET.lower(), algorithm="sha512", kind="HOTP", counter=7, issuer=" X ")
    assert (p.secret, p.algorithm, p.kind, p.counter, p.issuer) == (SECRET, "SHA512", "hotp", 7, "X")


base32_secrets = st.binary(min_size=10, max_size=64).map(lambda b: base64.b32encode(b).decode().rstrip("="))
label_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Cf", "Co", "Zl", "Zp")).filter(
        lambda ch: not is_unsafe_char(ch)  # the one rule: e.g. U+115F HANGUL FILLER is refused, though "Lo"
    ),
    max_size=40,
)  # ':' '%' '&' '?' '#' '/' '+' unicode: all must survive (controls, bidi and invisible ones are refused:
# test_issuer_and_account_are_capped_and_clean below)


@given(
    secret=base32_secrets,
    account=label_text,
    issuer=label_text,
    algorithm=st.sampled_from(["SHA1", "SHA256", "SHA512"]),
    digits=st.integers(6, 8),
    period=st.integers(1, 300),
    kind=st.sampled_from(["totp", "hotp"]),
    counter=st.integers(0, 2**64 - 1),
)
def test_round_trip(
    secret: str, account: str, issuer: str, algorithm: str, digits: int, period: int, kind: str, counter: int
) -> None:
    p = from_secret(
        secret,
        account=account,
        issuer=issuer,
        algorithm=algorithm,
        digits=digits,
        period=period,
        kind=kind,
        counter=counter,
    )
    back = parse_uri(build_uri(p))
    assert back == p
    # every field, explicitly (equality ignores warnings only)
    assert (back.kind, back.secret, back.account, back.issuer) == (p.kind, p.secret, p.account, p.issuer)
    assert (back.algorithm, back.digits, back.period, back.counter) == (
        p.algorithm,
        p.digits,
        p.period,
        p.counter,
    )
    assert back.warnings == p.warnings


@given(st.text(max_size=200))
def test_parse_uri_only_ever_raises_otpauth_error(text: str) -> None:
    try:
        parse_uri("otpauth://totp/" + text)
    except OtpAuthError as exc:
        assert "\n" not in str(exc)


def test_non_ascii_lookalikes_are_not_folded_into_base32() -> None:
    # 'ı'.upper() == 'I' in Python; a key with it was not typed from a real key
    with pytest.raises(OtpAuthError, match="character “ı” at position 3"):
        normalise_secret("JBıWY3DPEHPK3PXPJBSWY3DP")


def test_non_breaking_spaces_from_web_pages_are_ignored() -> None:
    assert normalise_secret("JBSW\u00a0Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP") == SECRET


@pytest.mark.parametrize(
    "bad",
    [
        {"digits": 6.0},
        {"digits": None},
        {"digits": True},
        {"period": [30]},
        {"algorithm": 1},
        {"kind": None},
        {"account": 5},
        {"issuer": b"x"},
        {"counter": -1},
    ],
)
def test_from_secret_rejects_wrong_types_from_json_imports(bad: dict) -> None:
    with pytest.raises(OtpAuthError):
        from_secret(SECRET, **bad)


def test_from_secret_rejects_non_text_secret() -> None:
    with pytest.raises(OtpAuthError, match="must be text"):
        from_secret(12345)  # type: ignore[arg-type]


def test_new_secret_is_160_random_bits_that_parse_back() -> None:
    from epcs_desktop.core.otpauth import from_secret, new_secret

    a, b = new_secret(), new_secret()
    assert a != b and len(a) == 32  # 20 bytes -> 32 Base32 characters, no padding
    assert from_secret(a).secret == a and from_secret(a).secret_bits == 160
    assert new_secret(b"\x00" * 20) == "A" * 32


def test_nine_and_ten_digit_totp_follow_rfc_4226_truncation() -> None:
    """RFC 4226 5.3: the code is Snum mod 10^Digit (Snum < 2^31): 9 and 10 digits are exact, not guessed."""
    import hashlib
    import hmac

    for digits in (9, 10):
        params = parse_uri(f"otpauth://totp/x?secret={SECRET}&digits={digits}")
        mac = hmac.new(base64.b32decode(SECRET), (59 // 30).to_bytes(8, "big"), hashlib.sha1).digest()
        off = mac[-1] & 0x0F
        snum = int.from_bytes(mac[off : off + 4], "big") & 0x7FFFFFFF
        from epcs_desktop.core.otp import totp_at

        assert totp_at(params, 59) == str(snum % 10**digits).zfill(digits)


def test_steam_uri_forms_and_round_trip() -> None:
    aegis = parse_uri(f"otpauth://steam/Steam:gamer?secret={SECRET}&issuer=Steam&digits=5&period=30")
    keepass = parse_uri(f"otpauth://totp/Steam:gamer?secret={SECRET}&issuer=Steam&encoder=steam")
    assert aegis == keepass
    assert (aegis.kind, aegis.digits, aegis.algorithm, aegis.period) == ("steam", 5, "SHA1", 30)
    assert build_uri(aegis).startswith("otpauth://steam/Steam:gamer?")
    assert parse_uri(build_uri(aegis)) == aegis


@given(
    secret=base32_secrets,
    account=label_text,
    issuer=label_text,
    shape=st.sampled_from([("totp", 9), ("totp", 10), ("hotp", 9), ("steam", 5)]),
)
def test_round_trip_of_issue_13_kinds(secret: str, account: str, issuer: str, shape: tuple[str, int]) -> None:
    kind, digits = shape
    p = from_secret(secret, account=account, issuer=issuer, kind=kind, digits=digits, counter=7)
    back = parse_uri(build_uri(p))
    assert back == p
    assert (back.kind, back.digits, back.account, back.issuer) == (kind, digits, p.account, p.issuer)


# --- issuer and account: capped and clean (issue 11) --------------------------------------------------


@pytest.mark.parametrize(
    ("issuer", "account"),
    [("x" * 100_000, "a"), ("Bank\x00", "a"), ("PayPal\u202e", "a"), ("ok", "zw\u200b"), ("ok", "c1\x9b")],
)
def test_issuer_and_account_are_capped_and_clean(issuer: str, account: str) -> None:
    with pytest.raises(OtpAuthError):
        from_secret(SECRET, issuer=issuer, account=account)
    from urllib.parse import quote

    with pytest.raises(OtpAuthError):
        parse_uri(f"otpauth://totp/{quote(issuer)}:{quote(account)}?secret={SECRET}")
    assert from_secret(SECRET, issuer="Cafe\u0301", account="a").issuer == "Café"
