"""KeePass/KeePassXC CSV and XML exports (core/importers/keepass.py)."""

from __future__ import annotations

from .conftest import T1, T2, assert_reads


def test_keepassxc_csv_with_links_and_legacy_settings() -> None:
    games = ("steam", "Games", "gamer", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", "SHA1", 5, 30, 0)
    assert_reads("keepassxc.csv", [T1, T2, games])


def test_keepass_xml_otp_and_native_attributes() -> None:
    vpn = (
        "hotp",
        "VPN",
        "lee",
        "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT",
        "SHA1",
        6,
        30,
        42,
    )  # KeePass HOTP: SHA1/6
    assert_reads("keepass.xml", [T1, T2, vpn])
