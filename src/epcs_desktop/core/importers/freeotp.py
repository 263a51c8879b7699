"""FreeOTP+ JSON exports and FreeOTP's ``tokens.xml`` (its Android preferences file, the old backup).

Both hold token objects ``{"algo", "counter", "digits", "issuerExt", "label",
"period", "secret": [signed bytes], "type": "TOTP"|"HOTP"}``: FreeOTP+ as
``{"tokens": [...], "tokenOrder": [...]}``, tokens.xml as one
``<string name="issuer:label">`` element of JSON per token plus ``tokenOrder``.
FreeOTP keeps in ``counter`` the next counter it will use, which is what this
app stores too, so it is taken as is.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers.base import (
    Collector,
    ImportFormat,
    ImportResult,
    Source,
    damaged,
    describe,
    text_of,
)
from epcs_desktop.core.otpauth import OtpKind

FORMAT_FREEOTP_PLUS = "FreeOTP+ export"
FORMAT_FREEOTP_XML = "FreeOTP backup (tokens.xml)"


def _secret(raw: Any) -> str:
    """The token's secret bytes (a list of signed bytes) as Base32; '' when malformed."""
    if not isinstance(raw, list) or not all(isinstance(b, int) and -128 <= b <= 255 for b in raw):
        return ""
    return base64.b32encode(bytes(b & 0xFF for b in raw)).decode("ascii").rstrip("=")


def _tokens(tokens: list[Any], name: str, fmt: str) -> ImportResult:
    out = Collector(fmt)
    for number, token in out.each(tokens, name):
        issuer = text_of(token.get("issuerExt")) or text_of(token.get("issuerInt"))
        account = text_of(token.get("label"))
        kind = text_of(token.get("type")) or "TOTP"
        where = describe(issuer, account, number)
        secret = _secret(token.get("secret"))
        if not secret:
            out.problem(f"{where}: the entry has no readable key")
            continue
        out.entry(
            where,
            secret=secret,
            account=account,
            issuer=issuer,
            algorithm=text_of(token.get("algo")) or "SHA1",
            digits=token.get("digits") or 6,
            period=token.get("period") or 30,
            kind=kind,
            counter=token.get("counter") or 0 if kind.lower() == OtpKind.HOTP else 0,
        )
    return out.result


def _detect_plus(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and isinstance(doc.get("tokens"), list)


def _read_plus(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    doc = source.json
    assert isinstance(doc, dict)
    return _tokens(doc["tokens"], source.name, FORMAT_FREEOTP_PLUS)


def _detect_xml(source: Source) -> bool:
    head = (source.text or "")[:4096]
    return "<map" in head and "tokenOrder" in (source.text or "")


def _read_xml(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    import xml.etree.ElementTree as ET

    text = source.text or ""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ImportFileError(f"{source.name} holds XML declarations a FreeOTP backup never has.")
    try:
        root = ET.fromstring(text)  # noqa: S314 (DTDs refused above; the size is bounded)
    except ET.ParseError:
        raise damaged(source.name, "FreeOTP backup", "it is not well-formed XML") from None
    tokens: list[Any] = []
    for element in root.iter("string"):
        if element.get("name") == "tokenOrder":
            continue
        try:
            tokens.append(json.loads(element.text or ""))
        except (ValueError, RecursionError):
            tokens.append(None)
    return _tokens(tokens, source.name, FORMAT_FREEOTP_XML)


FREEOTP_PLUS = ImportFormat(
    key="freeotp-plus",
    label="FreeOTP+ (JSON)",
    patterns=("*.json",),
    detect=_detect_plus,
    read=_read_plus,
    notes="tokens with byte-array secrets; TOTP and HOTP (counter as stored: the next one)",
)
FREEOTP_XML = ImportFormat(
    key="freeotp-xml",
    label="FreeOTP (tokens.xml)",
    patterns=("*.xml",),
    detect=_detect_xml,
    read=_read_xml,
    notes="FreeOTP's tokens.xml (not the newer encrypted externalBackup.xml); XML with a DTD is refused",
)
