"""Import files: otpauth URI lists, Aegis and 2FAS exports (plain or encrypted), QR code images.

A clinician switching computers or authenticator apps usually has one of
these files rather than the original enrollment QR code. The reader is
strict about the file (an unreadable, damaged or wrongly-unlocked file is an
`ImportFileError` with one clear sentence) and forgiving about its entries:
each entry that cannot be used becomes one line in `ImportResult.problems`
and never blocks the others.

Formats (confirmed against the apps' own documentation and test data):

* Aegis (``docs/vault.md``): ``{"version": 1, "header": {"slots", "params"},
  "db"}``. Plain exports have ``slots``/``params`` null and ``db`` an object.
  Encrypted exports wrap a random master key in password slots (type 1:
  scrypt(N, r, p, salt) -> AES-256-GCM of the key) and ``db`` is base64 of the
  AES-256-GCM ciphertext of the content, nonce/tag in ``header.params``.
* 2FAS (``.2fas``): ``{"services": [...], "schemaVersion": 4, ...}``; when
  encrypted, ``servicesEncrypted`` is ``base64(ct+tag):base64(salt):base64(iv)``
  with the key from PBKDF2-HMAC-SHA256, 10,000 iterations, 32 bytes.

Nothing read here is ever logged or written anywhere; messages name entries
by issuer and account only.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from epcs_desktop.core.bounded import read_bounded
from epcs_desktop.core.enrollment import Candidate, EnrollmentPlan, account_key, plan_enrollment
from epcs_desktop.core.errors import (
    EpcsError,
    ImportFileError,
    ImportPasswordError,
    OtpAuthError,
    PasswordRequiredError,
)
from epcs_desktop.core.migration import MigrationBatch, MigrationCollector
from epcs_desktop.core.otpauth import KINDS, REFUSED_KINDS, OtpParams, from_secret
from epcs_desktop.core.payload import PayloadKind, classify
from epcs_desktop.core.policy import check_action_allowed
from epcs_desktop.core.textguard import clean_for_display

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
TWOFAS_ITERATIONS = 10_000
_SCRYPT_MAX_MEMORY = 256 * 1024 * 1024  # Aegis uses N=2^15, r=8: 32 MiB
# Caps on what an encrypted Aegis file may make us compute (issue 11 item 7, security engineer): Aegis writes
# one password slot at N=2^15, r=8, p=1 (plus biometric slots). A crafted file held 20,000 slots at up to
# N=2^18, r=8, p=16 each (8 slots: 8.7 s). One slot may cost 8x Aegis's (~0.1 s -> ~0.8 s here), and all
# slots together 16x, so the worst file costs under 2 s; checked before the first derivation.
MAX_AEGIS_SLOTS = 64
MAX_AEGIS_PASSWORD_SLOTS = 8
MAX_SCRYPT_WORK = 8 * 2**15 * 8  # n * r * p of one slot
MAX_SCRYPT_WORK_TOTAL = 16 * 2**15 * 8  # summed over the password slots
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"}

FORMAT_URI_LIST = "otpauth link list"
FORMAT_AEGIS = "Aegis export"
FORMAT_AEGIS_ENCRYPTED = "Aegis encrypted export"
FORMAT_2FAS = "2FAS backup"
FORMAT_2FAS_ENCRYPTED = "2FAS encrypted backup"
FORMAT_IMAGE = "QR code image"


@dataclass
class ImportResult:
    """Accounts found (without duplicates), one human line per entry that was left out, and the format."""

    accounts: list[OtpParams] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    format: str = ""


# --------------------------------------------------------------------------- helpers


def _clip(text: Any, limit: int = 40) -> str:
    """Untrusted text for a problem line: the one sanitiser (no escapes, bidi or invisible characters)."""
    return clean_for_display(text, limit)


def _describe(issuer: Any, account: Any, number: int) -> str:
    """'entry 3 (GitHub: alice)', or 'entry 3' when nothing names it."""
    parts = [_clip(x) for x in (issuer, account) if isinstance(x, str) and x.strip()]
    return f"entry {number}" + (f" ({': '.join(parts)})" if parts else "")


def _kind_problem(kind: Any) -> str | None:
    """Why an entry of this code type cannot be held (one line), or None when it can."""
    low = kind.strip().lower() if isinstance(kind, str) else ""
    if low in REFUSED_KINDS:
        return REFUSED_KINDS[low]
    if low not in KINDS:
        return f"{_clip(kind, 12)} codes are not supported (only TOTP, HOTP and Steam)"
    return None


class _Collector:
    """Accounts without duplicates (`enrollment.account_key`: the kind counts), and problems in order."""

    def __init__(self, fmt: str) -> None:
        self.result = ImportResult(format=fmt)
        self._seen: set[tuple[str, str, str, str]] = set()

    def add(self, params: OtpParams, where: str) -> None:
        key = account_key(params)
        if key in self._seen:
            self.result.problems.append(f"{where}: {params.label} appears more than once; imported once")
            return
        self._seen.add(key)
        self.result.accounts.append(params)

    def problem(self, message: str) -> None:
        self.result.problems.append(message)


def _damaged(name: str, what: str, detail: str = "") -> ImportFileError:
    return ImportFileError(f"{name} is not a readable {what}" + (f" ({detail})" if detail else "") + ".")


def _b64(text: Any, name: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise _damaged(name, what, "an encrypted field is missing")
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(name, what, "an encrypted field is not base64") from None


def _hex(text: Any, name: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise _damaged(name, what, "a key field is missing")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise _damaged(name, what, "a key field is not hexadecimal") from None


def _need_password(password: str | None, name: str, what: str) -> str:
    if not password:
        raise PasswordRequiredError(f"{name} is an encrypted {what}: its password is needed to import it.")
    return password


def _gcm_open(key: bytes, nonce: bytes, data: bytes) -> bytes:
    """AES-GCM decrypt (ciphertext with its 16-byte tag appended); InvalidTag/ValueError on failure."""
    return AESGCM(key).decrypt(nonce, data, None)


def _json_load(raw: bytes | str, name: str, what: str) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise _damaged(name, what, "its contents are not valid JSON") from None


# --------------------------------------------------------------------------- Aegis


def _aegis_master_key(slots: Any, password: str, name: str) -> bytes:
    what = "Aegis export"
    if not isinstance(slots, list):
        raise _damaged(name, what, "it has no key slots")
    password_slots = [s for s in slots if isinstance(s, dict) and s.get("type") == 1]
    if not password_slots:
        raise ImportFileError(
            f"{name} can only be unlocked with a fingerprint or device key, not a password."
        )
    if len(slots) > MAX_AEGIS_SLOTS or len(password_slots) > MAX_AEGIS_PASSWORD_SLOTS:
        raise _damaged(name, what, "it has more key slots than any Aegis vault")
    costs = []
    for slot in password_slots:  # every slot's cost is checked before any key is derived
        n, r, p = slot.get("n"), slot.get("r"), slot.get("p")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in (n, r, p)):
            raise _damaged(name, what, "its key settings are missing")
        if n < 2 or n & (n - 1) or 128 * n * r > _SCRYPT_MAX_MEMORY or p > 16 or n * r * p > MAX_SCRYPT_WORK:
            raise _damaged(name, what, "its key settings are outside what Aegis uses")
        costs.append(n * r * p)
    if sum(costs) > MAX_SCRYPT_WORK_TOTAL:
        raise _damaged(name, what, "its key settings are outside what Aegis uses")
    secret = password.encode("utf-8")
    for slot in password_slots:
        n, r, p = slot["n"], slot["r"], slot["p"]
        salt = _hex(slot.get("salt"), name, what)
        key_params = slot.get("key_params")
        if not isinstance(key_params, dict):
            raise _damaged(name, what, "a key slot is incomplete")
        wrapped = _hex(slot.get("key"), name, what) + _hex(key_params.get("tag"), name, what)
        nonce = _hex(key_params.get("nonce"), name, what)
        try:
            derived = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
            master = _gcm_open(derived, nonce, wrapped)
        except InvalidTag:
            continue
        except (ValueError, MemoryError):
            raise _damaged(name, what, "a key slot is malformed") from None
        return master
    raise ImportPasswordError(f"The password does not open {name}.")


def _aegis_content(doc: dict[str, Any], password: str | None, name: str) -> tuple[Any, str]:
    what = "Aegis export"
    header, db = doc.get("header"), doc.get("db")
    if isinstance(db, dict):
        return db, FORMAT_AEGIS
    if not isinstance(db, str) or not isinstance(header, dict):
        raise _damaged(name, what, "its vault data is missing")
    password = _need_password(password, name, what)
    params = header.get("params")
    if not isinstance(params, dict):
        raise _damaged(name, what, "its encryption settings are missing")
    master = _aegis_master_key(header.get("slots"), password, name)
    ciphertext = _b64(db, name, what) + _hex(params.get("tag"), name, what)
    nonce = _hex(params.get("nonce"), name, what)
    try:
        plain = _gcm_open(master, nonce, ciphertext)
    except (InvalidTag, ValueError):
        raise _damaged(name, what, "its vault data is damaged") from None
    return _json_load(plain, name, what), FORMAT_AEGIS_ENCRYPTED


def _read_aegis(doc: dict[str, Any], password: str | None, name: str) -> ImportResult:
    if doc.get("version") != 1:
        raise ImportFileError(f"{name} is an Aegis export of a version this app does not know.")
    content, fmt = _aegis_content(doc, password, name)
    if not isinstance(content, dict) or not isinstance(content.get("entries"), list):
        raise _damaged(name, "Aegis export", "it has no list of entries")
    out = _Collector(fmt)
    for number, entry in enumerate(content["entries"], start=1):
        if not isinstance(entry, dict):
            out.problem(f"entry {number}: not an account entry")
            continue
        where = _describe(entry.get("issuer"), entry.get("name"), number)
        kind = entry.get("type")
        info = entry.get("info")
        refusal = _kind_problem(kind)
        if refusal is not None:
            out.problem(f"{where}: {refusal}")
            continue
        if not isinstance(info, dict):
            out.problem(f"{where}: the entry has no key")
            continue
        try:
            params = from_secret(
                info.get("secret", ""),
                account=entry.get("name") or "",
                issuer=entry.get("issuer") or "",
                algorithm=info.get("algo") or "SHA1",
                digits=info.get("digits", 5 if kind == "steam" else 6),
                period=info.get("period", 30),
                kind=kind,
                counter=info.get("counter", 0) if kind == "hotp" else 0,
            )
        except OtpAuthError as exc:
            out.problem(f"{where}: {exc}")
            continue
        out.add(params, where)
    return out.result


# --------------------------------------------------------------------------- 2FAS


def _twofas_services(doc: dict[str, Any], password: str | None, name: str) -> tuple[Any, str]:
    what = "2FAS backup"
    sealed = doc.get("servicesEncrypted")
    if sealed is None or sealed == "":
        services = doc.get("services")
        if not isinstance(services, list):
            raise _damaged(name, what, "it has no list of services")
        return services, FORMAT_2FAS
    password = _need_password(password, name, what)
    if not isinstance(sealed, str) or sealed.count(":") != 2:
        raise _damaged(name, what, "its encrypted data is malformed")
    ct, salt, iv = (_b64(part, name, what) for part in sealed.split(":"))
    if not salt or not iv or len(ct) <= 16:
        raise _damaged(name, what, "its encrypted data is malformed")
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=TWOFAS_ITERATIONS).derive(
        password.encode("utf-8")
    )
    try:
        plain = _gcm_open(key, iv, ct)
    except InvalidTag:
        raise ImportPasswordError(f"The password does not open {name}.") from None
    except ValueError:
        raise _damaged(name, what, "its encrypted data is malformed") from None
    return _json_load(plain, name, what), FORMAT_2FAS_ENCRYPTED


def _read_2fas(doc: dict[str, Any], password: str | None, name: str) -> ImportResult:
    services, fmt = _twofas_services(doc, password, name)
    if not isinstance(services, list):
        raise _damaged(name, "2FAS backup", "it has no list of services")
    out = _Collector(fmt)
    for number, service in enumerate(services, start=1):
        if not isinstance(service, dict):
            out.problem(f"entry {number}: not an account entry")
            continue
        otp = service.get("otp") if isinstance(service.get("otp"), dict) else {}
        issuer = otp.get("issuer") or service.get("name") or ""
        account = otp.get("account") or ""
        label = otp.get("label")
        if not account and isinstance(label, str) and label.strip():
            account = label.split(":", 1)[1] if ":" in label else label
        where = _describe(issuer, account, number)
        token_type = otp.get("tokenType") or "TOTP"
        refusal = _kind_problem(token_type)
        if refusal is not None:
            out.problem(f"{where}: {refusal}")
            continue
        kind = token_type.lower()
        try:
            params = from_secret(
                service.get("secret", ""),
                account=account,
                issuer=issuer,
                algorithm=otp.get("algorithm") or "SHA1",
                digits=otp.get("digits") or (5 if kind == "steam" else 6),
                period=otp.get("period") or 30,
                kind=kind,
                counter=(otp.get("counter") or 0) if kind == "hotp" else 0,
            )
        except OtpAuthError as exc:
            out.problem(f"{where}: {exc}")
            continue
        out.add(params, where)
    return out.result


# --------------------------------------------------------------------------- URI lists and images


def _add_payload(
    out: _Collector, text: str, where: str, batches: dict[int, MigrationCollector]
) -> bool:
    """Classify one decoded text; True when it was an authenticator payload (usable or not)."""
    payload = classify(text)
    if payload.kind is PayloadKind.OTPAUTH and payload.otp is not None:
        out.add(payload.otp, where)
        return True
    if payload.kind is PayloadKind.MIGRATION and payload.migration is not None:
        _add_migration(out, payload.migration, where, batches)
        return True
    out.problem(f"{where}: {payload.message.rstrip('.')}")
    return payload.kind is PayloadKind.INVALID_OTPAUTH


def _add_migration(
    out: _Collector, batch: MigrationBatch, where: str, batches: dict[int, MigrationCollector]
) -> None:
    """One export code; `batches` is shared by every file and text of one import (`ImportSession`).

    Why shared: a 3-code export arrives as three screenshots or three payload
    files; tracked per file, each one was reported "incomplete (1 of 3)".
    """
    collector = batches.setdefault(batch.batch_id, MigrationCollector())
    if collector.has(batch):
        out.problem(f"{where}: {batch.position} of this Google Authenticator export was already read")
        return
    try:
        collector.add(batch)
    except EpcsError as exc:
        out.problem(f"{where}: {exc}")
        return
    for params in batch.accounts:
        out.add(params, where)
    for reason in batch.skipped:
        out.problem(f"{where}: {reason}")


def incomplete_export_problems(batches: dict[int, MigrationCollector]) -> list[str]:
    """One line per Google Authenticator export with codes still missing (after every source was read)."""
    problems = []
    for collector in batches.values():
        if not collector.complete:
            missing = ", ".join(str(i) for i in collector.missing)
            status = collector.status().replace("scanned", "read")
            problems.append(
                f"a Google Authenticator export is incomplete ({status}; "
                f"missing code {missing}): the accounts on the missing codes were not imported"
            )
    return problems


def _read_uri_list(text: str, name: str, batches: dict[int, MigrationCollector]) -> ImportResult:
    out = _Collector(FORMAT_URI_LIST)
    recognised = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", "//", ";")):
            continue
        recognised |= _add_payload(out, line, f"line {number}", batches)
    if not recognised and not out.result.accounts:
        raise ImportFileError(
            f"{name} is not a list of otpauth links, an Aegis or 2FAS export, or a QR code image."
        )
    return out.result


def _read_image(path: Path, batches: dict[int, MigrationCollector]) -> ImportResult:
    from epcs_desktop.core.qr import decode_file  # OpenCV only when an image is imported

    try:
        texts = decode_file(path)
    except EpcsError as exc:
        raise ImportFileError(str(exc)) from None
    if not texts:
        raise ImportFileError(f"No QR code was found in {path.name}.")
    return _read_decoded(texts, batches, FORMAT_IMAGE)


def _read_decoded(texts: list[str], batches: dict[int, MigrationCollector], fmt: str) -> ImportResult:
    out = _Collector(fmt)
    for number, text in enumerate(texts, start=1):
        where = "the QR code" if len(texts) == 1 else f"QR code {number}"
        _add_payload(out, text, where, batches)
    return out.result


# --------------------------------------------------------------------------- entry point


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: regular files only, at most MAX_FILE_BYTES (`/dev/zero` is refused at once)."""
    return read_bounded(path, MAX_FILE_BYTES, "an authenticator export", ImportFileError)


def _is_image(data: bytes, path: Path) -> bool:
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return True
    return path.suffix.lower() in _IMAGE_SUFFIXES


_JSON_READERS: tuple[tuple[Callable[[dict[str, Any]], bool], Callable[..., ImportResult]], ...] = (
    (lambda d: "header" in d and "db" in d, _read_aegis),
    (lambda d: "servicesEncrypted" in d or "services" in d, _read_2fas),
)


def read_import_file(path: str | Path, password: str | None = None) -> ImportResult:
    """Read every account from one import file on its own (an import of several files: `ImportSession`).

    Raises `ImportFileError` when the file as a whole cannot be used:
    `PasswordRequiredError` for an encrypted file without `password`,
    `ImportPasswordError` when `password` does not open it.
    """
    session = ImportSession()
    result = session.read_file(path, password)
    result.problems.extend(session.incomplete_exports())
    return result


def _read_file(
    path: str | Path, password: str | None, batches: dict[int, MigrationCollector]
) -> ImportResult:
    p = Path(path)
    data = _read_bytes(p)
    if not data.strip():
        raise ImportFileError(f"{p.name} is empty.")
    if _is_image(data, p):
        result = _read_image(p, batches)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(
                f"{p.name} is neither a text file nor an image this app can read."
            ) from None
        stripped = text.strip()
        if stripped.startswith("{"):
            doc = _json_load(stripped, p.name, "export file")
            reader = next((r for test, r in _JSON_READERS if isinstance(doc, dict) and test(doc)), None)
            if reader is None:
                raise ImportFileError(f"{p.name} is a JSON file, but not an Aegis or 2FAS export.")
            result = reader(doc, password, p.name)
        else:
            result = _read_uri_list(text, p.name, batches)
    log.info(
        "read import file (%s): %d accounts, %d problems",
        result.format,
        len(result.accounts),
        len(result.problems),
    )
    return result


# --------------------------------------------------------------------------- one import, one plan


FORMAT_PASTED = "pasted text"
FORMAT_SCAN = "scanned QR codes"


class ImportSession:
    """Every source of one import (files, pasted text, scanned codes), read in order.

    The parts of a Google Authenticator export are tracked across all of them,
    so three screenshots of a 3-code export are one complete export; only
    after the last source does `incomplete_exports` say what is missing.
    The CLI's `import` and the window's "Import from another app" page both
    read through this class and plan with `plan_import`.
    """

    def __init__(self) -> None:
        self.results: list[tuple[str, ImportResult]] = []
        self._batches: dict[int, MigrationCollector] = {}

    def __repr__(self) -> str:
        return f"ImportSession({len(self.results)} sources)"

    def read_file(self, path: str | Path, password: str | None = None) -> ImportResult:
        """Read one file (raises `ImportFileError` as `read_import_file` does; nothing is kept then)."""
        check_action_allowed("import")  # IT's policy (disable_import): before any password is asked
        result = _read_file(path, password, self._batches)
        self.results.append((str(path), result))
        return result

    def read_text(self, text: str, name: str = "pasted text") -> ImportResult:
        """Pasted otpauth or export links (one per line; text around a link is tolerated)."""
        check_action_allowed("import")
        if len(text) > MAX_FILE_BYTES:
            raise ImportFileError(f"The {name} is too long to be authenticator links.")
        result = _read_uri_list(text, name, self._batches)
        result.format = FORMAT_PASTED
        self.results.append((name, result))
        return result

    def read_decoded(self, texts: list[str], name: str) -> ImportResult:
        """Texts decoded from QR codes elsewhere (camera, screen), e.g. one export code per scan."""
        result = _read_decoded(list(texts), self._batches, FORMAT_SCAN)
        self.results.append((name, result))
        return result

    def incomplete_exports(self) -> list[str]:
        return incomplete_export_problems(self._batches)

    @property
    def found(self) -> int:
        """Accounts read so far, over every source."""
        return sum(len(r.accounts) for _, r in self.results)


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do: per source what was read, per entry its outcome, and every problem line.

    `enrollment` holds one entry per account read (NEW with its nickname,
    DUPLICATE_EXISTING / DUPLICATE_IN_BATCH, REFUSED with the reason);
    `problems` are (source, line) for entries left out while reading and for
    incomplete exports (source "" when it concerns several sources).
    """

    sources: tuple[tuple[str, ImportResult], ...]
    enrollment: EnrollmentPlan
    problems: tuple[tuple[str, str], ...]

    @property
    def found(self) -> int:
        return sum(len(r.accounts) for _, r in self.sources)


def plan_import(existing: Any, session: ImportSession) -> ImportPlan:
    """Plan adding every account of `session` to a profile holding `existing` devices; changes nothing.

    The same rules as every other way of adding devices (`enrollment.plan_enrollment`):
    same account = same kind, secret, issuer and account; nicknames "Issuer (account)", then " 2".
    """
    candidates = [Candidate(otp=params, source=name) for name, r in session.results for params in r.accounts]
    problems = [(name, line) for name, r in session.results for line in r.problems]
    problems += [("", line) for line in session.incomplete_exports()]
    return ImportPlan(tuple(session.results), plan_enrollment(existing, candidates), tuple(problems))


def apply_import(profile: Any, plan: ImportPlan) -> list[Any]:
    """Add the plan's NEW entries to `profile` all-or-nothing (one transaction); returns the devices."""
    check_action_allowed("import")
    return list(profile.enroll(plan.enrollment))
