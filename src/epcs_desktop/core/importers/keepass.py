"""KeePass and KeePassXC: CSV exports with an OTP column, and XML exports with ``otp`` attributes.

KeePassXC keeps an entry's code generator in the attribute ``otp`` (an
otpauth link, or its older ``key=SECRET&step=30&size=6`` form) and writes it
to the ``TOTP`` column of its CSV export. KeePass 2.47+ keeps
``TimeOtp-Secret-Base32`` / ``TimeOtp-Length`` / ``TimeOtp-Period`` /
``TimeOtp-Algorithm`` (and ``HmacOtp-Secret-Base32`` / ``HmacOtp-Counter``)
attributes, which its XML export holds as ``<String><Key>…</Key><Value>…``.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qsl

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source, damaged, describe
from epcs_desktop.core.importers.links import GoogleExports, add_payload
from epcs_desktop.core.otpauth import OtpKind

FORMAT_KEEPASS_CSV = "KeePass/KeePassXC export (CSV)"
FORMAT_KEEPASS_XML = "KeePass/KeePassXC export (XML)"
OTP_COLUMNS = ("totp", "otp")
_ALGORITHMS = {"HMAC-SHA-1": "SHA1", "HMAC-SHA-256": "SHA256", "HMAC-SHA-512": "SHA512"}


def _add_otp(out: Collector, value: str, title: str, user: str, where: str, exports: GoogleExports) -> None:
    """An ``otp`` value: an otpauth link, or KeePassXC's legacy ``key=…&step=…&size=…`` settings."""
    value = value.strip()
    if value.lower().startswith("otpauth"):
        add_payload(out, value, where, exports)
        return
    fields = dict(parse_qsl(value, keep_blank_values=True))
    if "key" not in fields:
        out.problem(
            f"{where}: the OTP value is neither an otpauth link nor KeePassXC's key=…&step=… settings"
        )
        return
    steam = fields.get("encoder", "").lower() == "steam"
    out.entry(
        where,
        secret=fields["key"],
        issuer=title,
        account=user,
        kind=OtpKind.STEAM if steam else OtpKind.TOTP,
        digits=int(fields["size"]) if fields.get("size", "").isdigit() else (5 if steam else 6),
        period=int(fields["step"]) if fields.get("step", "").isdigit() else 30,
        algorithm=fields.get("otpHashMode", "SHA1"),
    )


def _detect_csv(source: Source) -> bool:
    header = [h.strip().strip('"').lower() for h in source.first_line().split(",")]
    return "title" in header and any(c in header for c in OTP_COLUMNS)


def _read_csv(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    rows = csv.reader(io.StringIO((source.text or "").lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(rows, [])]
    column = next(header.index(c) for c in OTP_COLUMNS if c in header)
    title_at, user_at = header.index("title"), header.index("username") if "username" in header else None
    out = Collector(FORMAT_KEEPASS_CSV)
    for number, row in enumerate(rows, start=2):
        if out.full():
            out.too_many(source.name)
            break
        if len(row) <= column or not row[column].strip():
            continue  # an entry without a code generator
        title = row[title_at] if len(row) > title_at else ""
        user = row[user_at] if user_at is not None and len(row) > user_at else ""
        _add_otp(out, row[column], title, user, describe(title, user, number, "row"), exports)
    if not out.result.accounts and not out.result.problems:
        out.problem(f"{source.name} holds no entry with a code generator")
    return out.result


def _detect_xml(source: Source) -> bool:
    return "<KeePassFile" in (source.text or "")[:4096]


def _read_xml(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    import xml.etree.ElementTree as ET

    text = source.text or ""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ImportFileError(f"{source.name} holds XML declarations a KeePass export never has.")
    try:
        root = ET.fromstring(text)  # noqa: S314 (DTDs refused above; the size is bounded)
    except ET.ParseError:
        raise damaged(source.name, "KeePass XML export", "it is not well-formed XML") from None
    out = Collector(FORMAT_KEEPASS_XML)
    number = 0
    for entry in root.iter("Entry"):
        if out.full():
            out.too_many(source.name)
            break
        fields = {(s.findtext("Key") or ""): (s.findtext("Value") or "") for s in entry.findall("String")}
        title, user = fields.get("Title", ""), fields.get("UserName", "")
        if fields.get("otp", "").strip():
            number += 1
            _add_otp(out, fields["otp"], title, user, describe(title, user, number), exports)
        elif fields.get("TimeOtp-Secret-Base32", "").strip():
            number += 1
            out.entry(
                describe(title, user, number),
                secret=fields["TimeOtp-Secret-Base32"],
                issuer=title,
                account=user,
                digits=fields.get("TimeOtp-Length") or 6,
                period=fields.get("TimeOtp-Period") or 30,
                algorithm=_ALGORITHMS.get(fields.get("TimeOtp-Algorithm", ""), "SHA1"),
            )
        elif fields.get("HmacOtp-Secret-Base32", "").strip():
            number += 1
            out.entry(
                describe(title, user, number),
                secret=fields["HmacOtp-Secret-Base32"],
                issuer=title,
                account=user,
                kind=OtpKind.HOTP,
                counter=fields.get("HmacOtp-Counter") or 0,
            )
    if not number:
        out.problem(f"{source.name} holds no entry with a code generator")
    return out.result


KEEPASS_CSV = ImportFormat(
    key="keepass-csv",
    label="KeePass/KeePassXC (CSV)",
    patterns=("*.csv",),
    detect=_detect_csv,
    read=_read_csv,
    notes="a TOTP (or OTP) column: otpauth link or KeePassXC's key=…&step=…&size=… settings",
)
KEEPASS_XML = ImportFormat(
    key="keepass-xml",
    label="KeePass/KeePassXC (XML)",
    patterns=("*.xml",),
    detect=_detect_xml,
    read=_read_xml,
    notes="entries with an otp attribute, or KeePass's TimeOtp-*/HmacOtp-* attributes; XML with a DTD "
    "is refused",
)
