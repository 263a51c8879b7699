"""What every importer shares: the result type, the per-entry collector, the format record and safe helpers.

An importer is strict about its file (a damaged, unknown or wrongly unlocked
file is one `ImportFileError` sentence) and forgiving about its entries: each
entry that cannot be used becomes one line in `ImportResult.problems` naming
the entry and why, and never blocks the others. Nothing read here is ever
logged; messages name entries by issuer and account only.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from epcs_desktop.core.enrollment import account_key
from epcs_desktop.core.errors import ImportFileError, OtpAuthError, PasswordRequiredError
from epcs_desktop.core.otpauth import KINDS, REFUSED_KINDS, OtpKind, OtpParams, from_secret
from epcs_desktop.core.textguard import clean_for_display

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 10_000
"""No authenticator holds more; a longer file is cut there with one problem line (memory stays bounded)."""


@dataclass
class ImportResult:
    """Accounts found (without duplicates), one human line per entry that was left out, and the format."""

    accounts: list[OtpParams] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    format: str = ""


@dataclass
class Source:
    """One file as read: its name, bytes, text (None when not UTF-8) and JSON document (None when not JSON).

    Detectors look at these without reading the file again; `doc` is parsed
    once, lazily, by `Source.json`.
    """

    path: Path
    data: bytes
    text: str | None
    _doc: Any = None
    _parsed: bool = False

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def json(self) -> Any:
        """The parsed JSON document, or None when the text is not JSON (parsed once)."""
        if not self._parsed:
            self._parsed = True
            stripped = (self.text or "").strip()
            if stripped[:1] in ("{", "["):
                try:
                    self._doc = json.loads(stripped)
                except (ValueError, RecursionError):
                    self._doc = None
        return self._doc

    def first_line(self, limit: int = 64 * 1024) -> str:
        """The first line (at most `limit` characters, without copying the rest of a large file)."""
        text = self.text or ""
        start = 1 if text.startswith("\ufeff") else 0
        end = text.find("\n", start, start + limit)
        return text[start : end if end >= 0 else start + limit].strip()


@dataclass(frozen=True)
class ImportFormat:
    """One format behind the registry: how to recognise it, how to read it, what to call it.

    `detect(source)` must be cheap and never raise; `read(source, password, context)`
    returns an `ImportResult` or raises `ImportFileError` (`PasswordRequiredError`
    when `encrypted` and no password was given). `patterns` feed the window's
    file filter; `label` and `notes` feed the CLI help and docs/cli.md.
    """

    key: str
    label: str
    patterns: tuple[str, ...]
    detect: Callable[[Source], bool]
    read: Callable[..., ImportResult]
    encrypted: bool = False
    notes: str = ""


# --------------------------------------------------------------------------- helpers


def clip(text: Any, limit: int = 40) -> str:
    """Untrusted text for a problem line: the one sanitiser (no escapes, bidi or invisible characters)."""
    return clean_for_display(text, limit)


def describe(issuer: Any, account: Any, number: int, noun: str = "entry") -> str:
    """'entry 3 (GitHub: alice)', or 'entry 3' when nothing names it."""
    parts = [clip(x) for x in (issuer, account) if isinstance(x, str) and x.strip()]
    return f"{noun} {number}" + (f" ({': '.join(parts)})" if parts else "")


def kind_problem(kind: Any) -> str | None:
    """Why an entry of this code type cannot be held (one line), or None when it can."""
    low = kind.strip().lower() if isinstance(kind, str) else ""
    if low in REFUSED_KINDS:
        return REFUSED_KINDS[low]
    if low not in KINDS:
        return f"{clip(kind, 12)} codes are not supported (only TOTP, HOTP and Steam)"
    return None


class Collector:
    """Accounts without duplicates (`enrollment.account_key`: the same code), and problems in order."""

    def __init__(self, fmt: str) -> None:
        self.result = ImportResult(format=fmt)
        self._seen: set[tuple[object, ...]] = set()
        self._count = 0

    def each(self, items: list[Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """(number, entry) for every entry that is an object; one line for each that is not, and one
        line (and no more entries) past MAX_ENTRIES. The one loop every JSON importer reads through."""
        for number, item in enumerate(items, start=1):
            if self.full():
                self.too_many(name)
                return
            if not isinstance(item, dict):
                self.problem(f"entry {number}: not an account entry")
                continue
            yield number, item

    def full(self) -> bool:
        """True once MAX_ENTRIES entries were seen (the caller stops reading, with one problem line)."""
        return self._count >= MAX_ENTRIES

    def add(self, params: OtpParams, where: str) -> None:
        self._count += 1
        key = account_key(params)
        if key in self._seen:
            self.result.problems.append(f"{where}: {params.label} appears more than once; imported once")
            return
        self._seen.add(key)
        self.result.accounts.append(params)

    def problem(self, message: str) -> None:
        self._count += 1
        self.result.problems.append(message)

    def entry(self, where: str, **fields: Any) -> None:
        """Validate one entry's fields (`otpauth.from_secret`) and add it, or record why not."""
        refusal = kind_problem(fields.get("kind", OtpKind.TOTP))
        if refusal is not None:
            self.problem(f"{where}: {refusal}")
            return
        fields["kind"] = str(fields.get("kind", OtpKind.TOTP)).strip().lower()
        try:
            params = from_secret(**fields)
        except OtpAuthError as exc:
            self.problem(f"{where}: {exc}")
            return
        self.add(params, where)

    def too_many(self, name: str) -> None:
        self.result.problems.append(
            f"{clip(name)} holds more than {MAX_ENTRIES:,} entries; only the first {MAX_ENTRIES:,} were read"
        )


def damaged(name: str, what: str, detail: str = "") -> ImportFileError:
    return ImportFileError(f"{name} is not a readable {what}" + (f" ({detail})" if detail else "") + ".")


def b64(text: Any, name: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise damaged(name, what, "an encrypted field is missing")
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise damaged(name, what, "an encrypted field is not base64") from None


def hexbytes(text: Any, name: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise damaged(name, what, "a key field is missing")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise damaged(name, what, "a key field is not hexadecimal") from None


def need_password(password: str | None, name: str, what: str) -> str:
    if not password:
        raise PasswordRequiredError(f"{name} is an encrypted {what}: its password is needed to import it.")
    return password


def kdf_int(value: Any, low: int, high: int, name: str, what: str) -> int:
    """One key-derivation setting of an encrypted file, checked against its bounds before any work.

    Why every format: a crafted file can ask for any cost (Aegis `r` = 2^20 took
    8 s and 800 MB before "wrong password", issue 23); the bounds are the
    app's own settings with headroom, so a genuine file always fits.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise damaged(name, what, "its key settings are outside what the app that wrote it uses")
    return value


def gcm_open(key: bytes, nonce: bytes, data: bytes) -> bytes:
    """AES-GCM decrypt (ciphertext with its 16-byte tag appended); InvalidTag/ValueError on failure."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key).decrypt(nonce, data, None)


def json_load(raw: bytes | str, name: str, what: str) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise damaged(name, what, "its contents are not valid JSON") from None


def as_list(value: Any, name: str, what: str, detail: str = "it has no list of entries") -> list[Any]:
    if not isinstance(value, list):
        raise damaged(name, what, detail)
    return value


def text_of(value: Any) -> str:
    """A JSON field that should be text: '' when missing or null, the text otherwise (numbers as text)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
