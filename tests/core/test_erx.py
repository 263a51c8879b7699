"""eRx rules as pure functions: nicknames, DEA and NPI check digits, states, labels, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from epcs_desktop.core import erx, settings
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.erx import DeviceOption, nickname_key, normalise_nickname
from epcs_desktop.core.otpauth import OtpParams
from profile_support import PASSWORD, profile_on_disk

# --- DEA ---------------------------------------------------------------------------------------
# Check digit: (d1 + d3 + d5) + 2 x (d2 + d4 + d6); last digit == d7.
# AB1234563: (1+3+5)=9, 2x(2+4+6)=24, 9+24=33 -> 3 == d7
# MJ4512376: (4+1+3)=8, 2x(5+2+7)=28, 8+28=36 -> 6 == d7
# F91234563: business registrant (second character 9), digits as AB1234563 -> 3
# BS0000000: 0 -> 0
VALID_DEA = ["AB1234563", "MJ4512376", "F91234563", "BS0000000"]


@pytest.mark.parametrize("dea", VALID_DEA)
def test_valid_dea_numbers_pass(dea: str) -> None:
    assert erx.validate_dea(dea) == dea


def test_dea_is_normalised() -> None:
    assert erx.validate_dea(" ab 123-4563 ") == "AB1234563"


@pytest.mark.parametrize(
    ("dea", "words"),
    [
        ("AB1234564", "check digit"),  # 33 -> 3, not 4
        ("MJ4512375", "check digit"),  # 36 -> 6, not 5
        ("AB123456", "9 characters"),
        ("AB12345634", "9 characters"),
        ("1B1234563", "registrant-type"),
        ("ZB1234563", "registrant-type"),  # Z is not a DEA registrant type
        ("A#1234563", "second character"),
        ("AB12345X3", "seven digits"),
        ("", "9 characters"),
    ],
)
def test_invalid_dea_numbers_say_what_is_wrong(dea: str, words: str) -> None:
    with pytest.raises(RuleError, match=words):
        erx.validate_dea(dea)


@given(st.lists(st.integers(0, 9), min_size=6, max_size=6), st.integers(0, 9))
def test_exactly_one_dea_check_digit_is_accepted(d: list[int], last: int) -> None:
    expected = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10
    number = "AB" + "".join(map(str, d)) + str(last)
    if last == expected:
        assert erx.validate_dea(number) == number
    else:
        with pytest.raises(RuleError):
            erx.validate_dea(number)


# --- NPI ---------------------------------------------------------------------------------------
# Luhn over "80840" + NPI. The prefix contributes a constant 24, so for the first nine digits:
# 123456789: doubled d9,d7,d5,d3,d1 = 9->18->9, 7->14->5, 5->10->1, 3->6, 1->2 = 23;
#            plain d8,d6,d4,d2 = 8+6+4+2 = 20; 23+20+24 = 67 -> check 3 -> 1234567893 (CMS's example)
# 124531959: doubled 9->9, 9->9, 3->6, 4->8, 1->2 = 34; plain 5+1+5+2 = 13; 34+13+24 = 71 -> 9
VALID_NPI = ["1234567893", "1245319599"]


@pytest.mark.parametrize("npi", VALID_NPI)
def test_valid_npis_pass(npi: str) -> None:
    assert erx.validate_npi(npi) == npi
    assert erx.validate_npi(f" {npi[:5]} {npi[5:]} ") == npi


@pytest.mark.parametrize(
    ("npi", "words"),
    [
        ("1234567890", "check digit"),
        ("1245319598", "check digit"),
        ("123456789", "10 digits"),
        ("12345678901", "10 digits"),
        ("12345678A3", "10 digits"),
        ("１２３４５６７８９３", "10 digits"),  # full-width digits are not ASCII digits
    ],
)
def test_invalid_npis_say_what_is_wrong(npi: str, words: str) -> None:
    with pytest.raises(RuleError, match=words):
        erx.validate_npi(npi)


@given(st.text("0123456789", min_size=9, max_size=9))
def test_exactly_one_npi_check_digit_is_accepted(first9: str) -> None:
    accepted = []
    for last in "0123456789":
        try:
            erx.validate_npi(first9 + last)
            accepted.append(last)
        except RuleError:
            pass
    assert len(accepted) == 1


# --- nicknames ---------------------------------------------------------------------------------


def test_nicknames_are_trimmed_and_collapsed() -> None:
    assert erx.normalise_nickname("  Office \t  iPad \n") == "Office iPad"


@pytest.mark.parametrize("variant", ["office ipad", " OFFICE   IPAD ", "Office\tiPad", "oFfIcE iPaD"])
def test_nickname_keys_collide_across_case_and_whitespace(variant: str) -> None:
    assert erx.nickname_key(variant) == erx.nickname_key("Office iPad")


def test_different_nicknames_have_different_keys() -> None:
    assert erx.nickname_key("Office iPad") != erx.nickname_key("Office iPad 2")


@pytest.mark.parametrize("bad", ["", "   ", "\t\n", "x" * 65, "bad\x07name"])
def test_bad_nicknames_are_refused(bad: str) -> None:
    with pytest.raises(RuleError):
        erx.normalise_nickname(bad)


def test_nickname_of_64_characters_is_fine() -> None:
    assert erx.normalise_nickname("y" * 64) == "y" * 64


# --- labels, values ----------------------------------------------------------------------------


def test_option_labels_match_drchrono() -> None:
    assert erx.option_label(erx.DeviceOption.GENERATOR_HERE) == "Generate 2FA Key"
    assert erx.option_label("generator_other") == "Generate 2FA Key"
    assert erx.option_label(erx.DeviceOption.PUSH) == "Push Notification 2FA"


def test_device_repr_hides_the_secret() -> None:
    secret = "JBSWY3DPEHPK3PXPJBSWY3DP"
    otp = OtpParams(kind="totp", secret=secret, account="me", issuer="ID.me")
    device = erx.Device(1, "Office iPad", erx.DeviceOption.GENERATOR_HERE, 0.0, True, otp)
    assert secret not in repr(device)
    assert secret not in str(device)
    assert "Office iPad" in repr(device)


def test_states_cover_fifty_states_dc_and_territories() -> None:
    codes = [c for c, _ in erx.US_STATES]
    assert len(codes) == len(set(codes)) == 56
    assert {"CA", "NY", "DC", "PR", "GU"} <= set(codes)


def test_prescriber_is_validated_and_normalised() -> None:
    info = erx.validate_prescriber(erx.PrescriberInfo("ny", " ab-123 ", "ab1234563", "1234567893"))
    assert info == erx.PrescriberInfo("NY", "AB-123", "AB1234563", "1234567893")
    assert erx.validate_prescriber(erx.PrescriberInfo()) == erx.PrescriberInfo()
    with pytest.raises(RuleError, match="state"):
        erx.validate_prescriber(erx.PrescriberInfo(state="XX"))
    with pytest.raises(RuleError, match="DEA"):
        erx.validate_prescriber(erx.PrescriberInfo(dea_number="AB1234564"))


def test_identity_date_must_be_a_date() -> None:
    conf = erx.validate_identity(erx.IdentityConfirmation(True, "2020-10-01"))
    assert conf.confirmed_on == "2020-10-01"
    with pytest.raises(RuleError, match="date"):
        erx.validate_identity(erx.IdentityConfirmation(True, "10/01/2020"))
    assert erx.validate_identity(erx.IdentityConfirmation(False, "2020-10-01")).confirmed_on is None


# --- settings ----------------------------------------------------------------------------------


def test_every_declared_setting_accepts_its_default() -> None:
    keys = {s.key for s in settings.SETTINGS}
    assert {
        "auto_lock_minutes",
        "clipboard_clear_seconds",
        "idme_security_url",
        "drchrono_erx_url",
        "epcs_permissions_url",
        "camera_index",
        "ntp_server",
        "backup_reminder_days",
    } <= keys
    for s in settings.SETTINGS:
        assert settings.coerce(s.key, s.default) == s.default
    assert settings.setting("auto_lock_minutes").default == 5
    assert settings.setting("clipboard_clear_seconds").default == 30


def test_settings_coerce_strings_and_refuse_nonsense() -> None:
    assert settings.coerce("auto_lock_minutes", "10") == 10
    for key, bad in [
        ("auto_lock_minutes", "-1"),
        ("auto_lock_minutes", "ten"),
        ("camera_index", True),
        ("idme_security_url", "http://account.id.me"),
        ("idme_security_url", "not a url"),
        ("ntp_server", "bad host!"),
        ("backup_reminder_days", 366),
    ]:
        with pytest.raises(RuleError):
            settings.coerce(key, bad)
    with pytest.raises(RuleError, match="no setting"):
        settings.setting("nope")


# --- one clash rule for invented names (from the core-consistency review) ----------------------

LONG = "A" * 57 + " " + "B" * 6  # 64 characters; a cut at 58 ends in a space


def test_unique_nickname_is_normalised_bounded_and_case_insensitive() -> None:
    assert erx.unique_nickname("Phone", {"phone", "PHONE (2)"}) == "Phone (3)"
    assert erx.unique_nickname("  Office   iPad ", set()) == "Office iPad"
    second = erx.unique_nickname(LONG, {LONG})
    assert "  " not in second and len(second) <= erx.NICKNAME_MAX and second.endswith(" (2)")
    assert erx.unique_nickname("x" * 80, set()) == "x" * 64
    assert erx.unique_nickname("ID.me (jane)", {"id.me (JANE)"}, pattern=" {n}") == "ID.me (jane) 2"
    with pytest.raises(RuleError):
        erx.unique_nickname("   ", set())


@hypothesis_settings(max_examples=200)
@given(
    base=st.text(alphabet=st.sampled_from("aB  é(2)\t"), min_size=1, max_size=90).filter(lambda s: s.strip()),
    taken=st.lists(st.text(alphabet="ab (2)", min_size=1, max_size=8).filter(str.strip), max_size=6),
)
def test_unique_nickname_property(base: str, taken: list[str]) -> None:
    taken = [*taken, next(erx.nickname_candidates(base))]  # the base itself is taken too
    name = erx.unique_nickname(base, taken)
    assert name == erx.normalise_nickname(name) and len(name) <= 64
    assert erx.nickname_key(name) not in {erx.nickname_key(t) for t in taken}


# --- nicknames: invisible and direction-changing characters (issue 11) --------------------------------


@pytest.mark.parametrize(
    "name", ["ZW\u200b", "A\u202eB", "Ctl\x9b[2J", "Iso\u2066x", "\ufeffBOM", "Soft\u00adhy"]
)
def test_nicknames_refuse_invisible_and_direction_changing_characters(name: str) -> None:
    with pytest.raises(RuleError):
        normalise_nickname(name)


def test_nicknames_compare_after_normalisation(tmp_path: Path) -> None:
    assert normalise_nickname("Cafe\u0301") == "Café"
    assert nickname_key("ZW\u200b") == nickname_key("zw")  # a stored name with one still clashes
    store, _path = profile_on_disk(tmp_path, PASSWORD, devices=0)
    with store.open("Dr Test", PASSWORD) as profile:
        profile.add_device("Café", DeviceOption.PUSH)
        with pytest.raises(RuleError):
            profile.add_device("Cafe\u0301", DeviceOption.GENERATOR_OTHER)
        with pytest.raises(RuleError):
            profile.add_device("ZW\u200b", DeviceOption.GENERATOR_OTHER)


# --- issue 23 item 12: look-alike nicknames are the same nickname ------------------------------------


@pytest.mark.parametrize(
    "look_alike",
    [
        "\u041effice",
        "\uff2f\uff46\uff46\uff49\uff43\uff45",
        "\u039fFFICE",
        "Offi\u0441e",
        "\u041e\u0444fice"[:1] + "ffice",
    ],
)
def test_look_alike_nicknames_have_the_same_key(look_alike: str) -> None:
    assert nickname_key(look_alike) == nickname_key("Office")


def test_a_look_alike_device_cannot_be_added_beside_the_real_one(tmp_path: Path) -> None:
    """Cyrillic О and fullwidth letters used to give a second "Office" in ID.me's table."""
    store, _path = profile_on_disk(tmp_path, PASSWORD, devices=0)
    with store.open("Dr Test", PASSWORD) as profile:
        profile.add_device("Office", DeviceOption.PUSH)
        for look_alike in ("\u041effice", "\uff2f\uff46\uff46\uff49\uff43\uff45"):
            with pytest.raises(RuleError):
                profile.add_device(look_alike, DeviceOption.PUSH)
        assert [d.nickname for d in profile.devices()] == ["Office"]


def test_rows_stored_under_the_old_key_rule_are_re_keyed_at_open_without_a_rename(tmp_path: Path) -> None:
    store, _path = profile_on_disk(tmp_path, PASSWORD, devices=0)
    with store.open("Dr Test", PASSWORD) as profile:
        profile.add_device("\uff2fffice", DeviceOption.PUSH)  # fullwidth O
        with profile.vault.transaction() as db:  # what an older version stored: the casefolded name
            db.execute("UPDATE device SET nickname_key = ?", ("\uff4fffice",))
    with store.open("Dr Test", PASSWORD) as profile:
        assert [d.nickname for d in profile.devices()] == ["\uff2fffice"]
        assert profile.vault.query("SELECT nickname_key FROM device")[0][0] == "office"
        assert "device renamed" not in [e.action for e in profile.activity()]
        with pytest.raises(RuleError):
            profile.add_device("Office", DeviceOption.PUSH)
