"""Bitwarden password manager exports (JSON, CSV) and Bitwarden Authenticator's JSON export.

JSON (both apps): ``{"encrypted": false, "items": [{"name", "login":
{"username", "totp"}}]}``. CSV: a header row with ``name``,
``login_username`` and ``login_totp``. The ``totp`` value is an otpauth link,
Bitwarden's ``steam://SECRET`` or a bare Base32 key (then the item's name is
the issuer and its user name the account). Password-protected (encrypted)
Bitwarden exports are refused with how to export them unencrypted.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source, describe, text_of
from epcs_desktop.core.importers.links import STEAM_PREFIX, GoogleExports, add_payload
from epcs_desktop.core.otpauth import OtpKind

FORMAT_BITWARDEN_JSON = "Bitwarden export (JSON)"
FORMAT_BITWARDEN_CSV = "Bitwarden export (CSV)"


def add_totp(
    out: Collector, value: str, title: str, username: str, where: str, exports: GoogleExports
) -> None:
    """One item's TOTP field: a link, ``steam://KEY`` (the item names the account) or a bare key."""
    value = value.strip()
    low = value.lower()
    if low.startswith(STEAM_PREFIX):
        out.entry(
            where,
            secret=value[len(STEAM_PREFIX) :],
            kind=OtpKind.STEAM,
            digits=5,
            issuer="Steam",
            account=username or title,
        )
    elif low.startswith("otpauth"):
        add_payload(out, value, where, exports)
    else:
        out.entry(where, secret=value, issuer=title, account=username)


def _items(items: list[Any], name: str, fmt: str, exports: GoogleExports) -> ImportResult:
    out = Collector(fmt)
    found = 0
    for number, item in enumerate(items, start=1):
        if out.full():
            out.too_many(name)
            break
        if not isinstance(item, dict):
            continue
        raw_login = item.get("login")
        login = raw_login if isinstance(raw_login, dict) else {}
        totp = text_of(login.get("totp"))
        if not totp.strip():
            continue  # a password-only login: nothing for an authenticator
        found += 1
        title, username = text_of(item.get("name")), text_of(login.get("username"))
        add_totp(out, totp, title, username, describe(title, username, number, "item"), exports)
    if not found:
        out.problem(f"{name} holds no login with a TOTP key")
    return out.result


def _detect_json(source: Source) -> bool:
    doc = source.json
    return isinstance(doc, dict) and isinstance(doc.get("items"), list) and "encrypted" in doc


def _read_json(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    doc = source.json
    assert isinstance(doc, dict)
    if doc.get("encrypted") is True or "encKeyValidation_DO_NOT_EDIT" in doc:
        raise ImportFileError(
            f"{source.name} is an encrypted Bitwarden export: export again choosing “.json” "
            "(not “.json (Encrypted)”) and import that file."
        )
    return _items(doc["items"], source.name, FORMAT_BITWARDEN_JSON, exports)


def _detect_csv(source: Source) -> bool:
    header = [h.strip().lower() for h in source.first_line().split(",")]
    return "login_totp" in header


def _read_csv(source: Source, _password: str | None, exports: GoogleExports) -> ImportResult:
    reader = csv.DictReader(io.StringIO((source.text or "").lstrip("\ufeff")))
    items = [
        {
            "name": row.get("name") or "",
            "login": {"username": row.get("login_username") or "", "totp": row.get("login_totp") or ""},
        }
        for row in reader
    ]
    return _items(items, source.name, FORMAT_BITWARDEN_CSV, exports)


BITWARDEN_JSON = ImportFormat(
    key="bitwarden-json",
    label="Bitwarden or Bitwarden Authenticator (JSON)",
    patterns=("*.json",),
    detect=_detect_json,
    read=_read_json,
    notes="logins with a TOTP field: otpauth link, steam://KEY or a bare key; the unencrypted export only",
)
BITWARDEN_CSV = ImportFormat(
    key="bitwarden-csv",
    label="Bitwarden (CSV)",
    patterns=("*.csv",),
    detect=_detect_csv,
    read=_read_csv,
    notes="rows with login_totp: otpauth link, steam://KEY or a bare key",
)
