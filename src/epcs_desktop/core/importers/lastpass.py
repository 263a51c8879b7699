"""LastPass Authenticator exports: ``{"version", "accounts": [{"issuerName", "userName", "secret",
"algorithm", "digits", "timeStep"}], ...}`` (every account is TOTP)."""

from __future__ import annotations

from typing import Any

from epcs_desktop.core.importers.base import Collector, ImportFormat, ImportResult, Source, describe, text_of

FORMAT_LASTPASS = "LastPass Authenticator export"


def _detect(source: Source) -> bool:
    doc = source.json
    accounts = doc.get("accounts") if isinstance(doc, dict) else None
    return isinstance(accounts, list) and all(
        isinstance(a, dict) and "secret" in a and ("issuerName" in a or "userName" in a) for a in accounts[:3]
    )


def _read(source: Source, _password: str | None, _context: object = None) -> ImportResult:
    doc = source.json
    assert isinstance(doc, dict)
    out = Collector(FORMAT_LASTPASS)
    accounts: list[Any] = doc["accounts"]
    for number, acc in out.each(accounts, source.name):
        issuer = text_of(acc.get("issuerName")) or text_of(acc.get("originalIssuerName"))
        account = text_of(acc.get("userName")) or text_of(acc.get("originalUserName"))
        out.entry(
            describe(issuer, account, number),
            secret=text_of(acc.get("secret")),
            issuer=issuer,
            account=account,
            algorithm=text_of(acc.get("algorithm")) or "SHA1",
            digits=acc.get("digits") or 6,
            period=acc.get("timeStep") or 30,
        )
    return out.result


LASTPASS = ImportFormat(
    key="lastpass",
    label="LastPass Authenticator (JSON)",
    patterns=("*.json",),
    detect=_detect,
    read=_read,
    notes="accounts (TOTP) with issuerName, userName, algorithm, digits, timeStep",
)
