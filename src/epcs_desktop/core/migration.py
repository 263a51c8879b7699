"""Google Authenticator "Transfer accounts" exports (``otpauth-migration://offline?data=...``).

A clinician moving their ID.me code generator off a phone will often only
have Google Authenticator's export QR codes. Each code carries a base64,
URL-escaped protobuf `MigrationPayload`; a large export is split over several
codes that share a ``batch_id``. The schema is built at import time as a
runtime descriptor with the real ``protobuf`` package (no generated code to
keep in sync, no protoc needed), from the field list below, which mirrors
Google's published ``.proto``.

Entries this app cannot use (MD5, an empty or too-short key) are reported in
`MigrationBatch.skipped` with a reason and never block the other accounts.
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import DecodeError

from epcs_desktop.core.enrollment import account_key
from epcs_desktop.core.errors import OtpAuthError, PayloadError
from epcs_desktop.core.otpauth import OtpKind, OtpParams, from_secret

log = logging.getLogger(__name__)

SCHEME = "otpauth-migration"
_DAMAGED = "this Google Authenticator export code is damaged"
_MAX_DATA_CHARS = 64 * 1024  # a QR code holds < 3 KB; anything far larger is not an export
MAX_BATCH_SIZE = 100
"""Google Authenticator puts about ten accounts on each export code, so 100 codes is 1,000 accounts,
far more than anyone transfers. A code claiming to be "1 of 2,147,483,647" is refused at once: before
this cap, tracking the missing codes of such an export allocated gigabytes."""

# --------------------------------------------------------------------------- schema
#
#   syntax = "proto3";
#   message MigrationPayload {
#     enum Algorithm { ALGORITHM_UNSPECIFIED = 0; SHA1 = 1; SHA256 = 2; SHA512 = 3; MD5 = 4; }
#     enum DigitCount { DIGIT_COUNT_UNSPECIFIED = 0; SIX = 1; EIGHT = 2; }
#     enum OtpType { OTP_TYPE_UNSPECIFIED = 0; HOTP = 1; TOTP = 2; }
#     message OtpParameters {
#       bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
#       DigitCount digits = 5; OtpType type = 6; int64 counter = 7;
#     }
#     repeated OtpParameters otp_parameters = 1;
#     int32 version = 2; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
#   }

_PACKAGE = "googleauth"
_F = descriptor_pb2.FieldDescriptorProto

ALGORITHM_NAMES = {0: "SHA1", 1: "SHA1", 2: "SHA256", 3: "SHA512", 4: "MD5"}
ALGORITHM_CODES = {"SHA1": 1, "SHA256": 2, "SHA512": 3}
DIGIT_COUNTS = {0: 6, 1: 6, 2: 8}
DIGIT_CODES = {6: 1, 8: 2}
OTP_TYPES = {0: OtpKind.TOTP, 1: OtpKind.HOTP, 2: OtpKind.TOTP}
OTP_TYPE_CODES = {OtpKind.HOTP: 1, OtpKind.TOTP: 2}


def _enum(parent: descriptor_pb2.DescriptorProto, name: str, values: Sequence[str]) -> None:
    enum = parent.enum_type.add(name=name)
    for number, value in enumerate(values):
        enum.value.add(name=value, number=number)


def _field(msg: descriptor_pb2.DescriptorProto, name: str, number: int, kind: int, **extra: Any) -> None:
    msg.field.add(name=name, number=number, type=kind, label=extra.pop("label", _F.LABEL_OPTIONAL), **extra)


def _build_schema() -> tuple[Any, Any]:
    fdp = descriptor_pb2.FileDescriptorProto(
        name="epcs_desktop/google_auth_migration.proto", package=_PACKAGE, syntax="proto3"
    )
    payload = fdp.message_type.add(name="MigrationPayload")
    _enum(payload, "Algorithm", ["ALGORITHM_UNSPECIFIED", "SHA1", "SHA256", "SHA512", "MD5"])
    _enum(payload, "DigitCount", ["DIGIT_COUNT_UNSPECIFIED", "SIX", "EIGHT"])
    _enum(payload, "OtpType", ["OTP_TYPE_UNSPECIFIED", "HOTP", "TOTP"])
    params = payload.nested_type.add(name="OtpParameters")
    prefix = f".{_PACKAGE}.MigrationPayload"
    _field(params, "secret", 1, _F.TYPE_BYTES)
    _field(params, "name", 2, _F.TYPE_STRING)
    _field(params, "issuer", 3, _F.TYPE_STRING)
    _field(params, "algorithm", 4, _F.TYPE_ENUM, type_name=f"{prefix}.Algorithm")
    _field(params, "digits", 5, _F.TYPE_ENUM, type_name=f"{prefix}.DigitCount")
    _field(params, "type", 6, _F.TYPE_ENUM, type_name=f"{prefix}.OtpType")
    _field(params, "counter", 7, _F.TYPE_INT64)
    _field(
        payload,
        "otp_parameters",
        1,
        _F.TYPE_MESSAGE,
        type_name=f"{prefix}.OtpParameters",
        label=_F.LABEL_REPEATED,
    )
    _field(payload, "version", 2, _F.TYPE_INT32)
    _field(payload, "batch_size", 3, _F.TYPE_INT32)
    _field(payload, "batch_index", 4, _F.TYPE_INT32)
    _field(payload, "batch_id", 5, _F.TYPE_INT32)

    pool = descriptor_pool.DescriptorPool()  # private pool: never clashes with other protobuf users
    pool.Add(fdp)
    payload_cls = message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{_PACKAGE}.MigrationPayload"))
    params_cls = message_factory.GetMessageClass(
        pool.FindMessageTypeByName(f"{_PACKAGE}.MigrationPayload.OtpParameters")
    )
    return payload_cls, params_cls


MigrationPayload, OtpParameters = _build_schema()


# --------------------------------------------------------------------------- value types


@dataclass(frozen=True)
class MigrationBatch:
    """One scanned export code: its place in the export and what it holds."""

    batch_id: int
    batch_index: int
    batch_size: int
    accounts: tuple[OtpParams, ...] = ()
    skipped: tuple[str, ...] = field(default=())

    @property
    def position(self) -> str:
        """'code 2 of 3' (1-based, as people count)."""
        return f"code {self.batch_index + 1} of {self.batch_size}"


def _entry_label(name: str, issuer: str) -> str:
    if issuer and name:
        return f"{issuer} ({name})"
    return issuer or name or "an unnamed account"


def _split_name(name: str, issuer: str) -> str:
    """Google writes the name as "Issuer:account" when the issuer is known; keep the account."""
    if issuer and ":" in name:
        head, tail = name.split(":", 1)
        if head.strip().casefold() == issuer.strip().casefold():
            return tail.strip()
    return name.strip()


def _convert(entry: Any) -> OtpParams:
    """One protobuf entry to validated `OtpParams`; `OtpAuthError` with the reason otherwise."""
    algorithm = ALGORITHM_NAMES.get(entry.algorithm)
    if algorithm is None:
        raise OtpAuthError(f"unknown algorithm number {entry.algorithm}")
    if algorithm == "MD5":
        raise OtpAuthError("MD5 codes are not supported (ID.me and DrChrono use SHA1)")
    digits = DIGIT_COUNTS.get(entry.digits)
    if digits is None:
        raise OtpAuthError(f"unknown digit count number {entry.digits}")
    kind = OTP_TYPES.get(entry.type)
    if kind is None:
        raise OtpAuthError(f"unknown code type number {entry.type}")
    if not entry.secret:
        raise OtpAuthError("the entry has no secret key")
    if entry.counter < 0:
        raise OtpAuthError("the entry has a negative counter")
    b32 = base64.b32encode(bytes(entry.secret)).decode("ascii").rstrip("=")
    return from_secret(
        b32,
        account=_split_name(entry.name, entry.issuer),
        issuer=entry.issuer,
        algorithm=algorithm,
        digits=digits,
        kind=kind,
        counter=entry.counter,
    )


def _decode_data(data: str) -> bytes:
    # '+' arrives as ' ' when the data parameter was not URL-escaped; accept URL-safe base64 too.
    cleaned = "".join(data.strip().replace(" ", "+").split()).replace("-", "+").replace("_", "/")
    cleaned += "=" * (-len(cleaned) % 4)
    try:
        return base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        raise PayloadError(f"{_DAMAGED} (its data is not base64)") from None


def parse_migration_uri(uri: str) -> MigrationBatch:
    """Parse one ``otpauth-migration://offline?data=...`` code.

    Raises `PayloadError` when the code itself is unusable; individual
    accounts that cannot be used are listed in `skipped` instead.
    """
    if not isinstance(uri, str):
        raise PayloadError("the export code must be text")
    try:
        parts = urlsplit(uri.strip())
    except ValueError:
        raise PayloadError("this is not a well-formed Google Authenticator export link") from None
    if parts.scheme.lower() != SCHEME:
        raise PayloadError("this is not a Google Authenticator export (otpauth-migration://) link")
    try:
        params = dict(parse_qsl(parts.query, keep_blank_values=True, errors="strict"))
    except UnicodeDecodeError:
        raise PayloadError("this Google Authenticator export code is damaged") from None
    data = params.get("data", "")
    if not data.strip():
        raise PayloadError("this Google Authenticator export link has no data")
    if len(data) > _MAX_DATA_CHARS:
        raise PayloadError("this Google Authenticator export link is far too long to be genuine")
    raw = _decode_data(data)
    message = MigrationPayload()
    try:
        message.ParseFromString(raw)
    except (DecodeError, ValueError, RuntimeError):
        raise PayloadError(f"{_DAMAGED} (it cannot be decoded)") from None

    size = message.batch_size or 1
    index = message.batch_index
    if size > MAX_BATCH_SIZE:
        raise PayloadError(
            f"this Google Authenticator export code claims to be one of {size} codes; "
            f"real exports have at most {MAX_BATCH_SIZE}"
        )
    if size < 1 or not 0 <= index < size:
        raise PayloadError("this Google Authenticator export code has an impossible position in its set")

    accounts: list[OtpParams] = []
    skipped: list[str] = []
    for entry in message.otp_parameters:
        label = _entry_label(entry.name, entry.issuer)
        try:
            accounts.append(_convert(entry))
        except OtpAuthError as exc:
            skipped.append(f"{label}: {exc}")
    log.info(
        "parsed export code %d of %d: %d usable, %d skipped", index + 1, size, len(accounts), len(skipped)
    )
    return MigrationBatch(
        batch_id=message.batch_id,
        batch_index=index,
        batch_size=size,
        accounts=tuple(accounts),
        skipped=tuple(skipped),
    )


def _to_entry(params: OtpParams) -> Any:
    if params.digits not in DIGIT_CODES:
        raise PayloadError(f"{params.label} uses {params.digits} digits, which this format cannot hold")
    if params.kind == OtpKind.TOTP and params.period != 30:
        raise PayloadError(
            f"{params.label} uses a {params.period}-second period, which this format cannot hold"
        )
    return OtpParameters(
        secret=base64.b32decode(params.secret + "=" * (-len(params.secret) % 8)),
        name=params.account,
        issuer=params.issuer,
        algorithm=ALGORITHM_CODES[params.algorithm],
        digits=DIGIT_CODES[params.digits],
        type=OTP_TYPE_CODES[params.kind],
        counter=params.counter if params.kind == OtpKind.HOTP else 0,
    )


def build_migration_uris(
    accounts: Iterable[OtpParams], per_code: int = 10, *, batch_id: int | None = None
) -> list[str]:
    """Encode `accounts` as Google Authenticator export codes, `per_code` accounts per code.

    Used by the practice screen and by tests. Only what the format can hold is
    accepted: 6 or 8 digits and, for TOTP, a 30-second period.
    """
    if per_code < 1:
        raise ValueError("per_code must be at least 1")
    items = [_to_entry(p) for p in accounts]
    chunks = [items[i : i + per_code] for i in range(0, len(items), per_code)] or [[]]
    bid = secrets.randbits(31) if batch_id is None else batch_id
    uris = []
    for index, chunk in enumerate(chunks):
        message = MigrationPayload(
            otp_parameters=chunk, version=1, batch_size=len(chunks), batch_index=index, batch_id=bid
        )
        data = base64.b64encode(message.SerializeToString()).decode("ascii")
        uris.append(f"{SCHEME}://offline?data={quote(data, safe='')}")
    return uris


# --------------------------------------------------------------------------- multi-code exports


class MigrationCollector:
    """Gathers the codes of one multi-code export as they are scanned.

    Scanning the same code twice is harmless. Codes from a different export
    (another ``batch_id``) are refused with a `PayloadError`, so two phones'
    exports can never be mixed into one list.
    """

    def __init__(self) -> None:
        self._batch_id: int | None = None
        self._size = 0
        self._batches: dict[int, MigrationBatch] = {}

    def __repr__(self) -> str:
        return f"MigrationCollector({self.status()})"

    def add(self, batch: MigrationBatch) -> str:
        """Record one scanned code and return the status, e.g. "2 of 3 codes scanned"."""
        if self._batch_id is None:
            self._batch_id, self._size = batch.batch_id, batch.batch_size
        elif batch.batch_id != self._batch_id or batch.batch_size != self._size:
            raise PayloadError(
                "this code belongs to a different Google Authenticator export; "
                "finish scanning the first export or start again"
            )
        if batch.batch_index in self._batches:
            return f"{batch.position} was already scanned; {self.status()}"
        self._batches[batch.batch_index] = batch
        return self.status()

    def has(self, batch: MigrationBatch) -> bool:
        """True when this very code (same export, same position) was already added."""
        return batch.batch_id == self._batch_id and batch.batch_index in self._batches

    def status(self) -> str:
        if self._batch_id is None:
            return "no codes scanned yet"
        noun = "code" if self._size == 1 else "codes"
        return f"{len(self._batches)} of {self._size} {noun} scanned"

    @property
    def complete(self) -> bool:
        return self._batch_id is not None and len(self._batches) == self._size

    @property
    def scanned(self) -> int:
        return len(self._batches)

    @property
    def expected(self) -> int:
        return self._size

    @property
    def missing(self) -> list[int]:
        """1-based numbers of the codes still to scan."""
        return [i + 1 for i in range(self._size) if i not in self._batches]

    def accounts(self) -> list[OtpParams]:
        """Every usable account scanned so far, in export order, without duplicates."""
        seen: set[tuple[object, ...]] = set()
        out: list[OtpParams] = []
        for index in sorted(self._batches):
            for p in self._batches[index].accounts:
                key = account_key(p)
                if key not in seen:
                    seen.add(key)
                    out.append(p)
        return out

    def skipped(self) -> list[str]:
        return [s for i in sorted(self._batches) for s in self._batches[i].skipped]
