"""Export code generators so a clinician's data can leave: otpauth lists, Aegis (plain or encrypted), 2FAS.

Why: no lock-in. KeePassXC, Aegis and 2FAS all let people take their
secrets out; a clinician moving to a phone app (DEA's separate-device rule)
or to another computer must be able to do the same. Every format here is
read back by our own importer in the tests, and the Aegis one follows
Aegis's published vault format (``docs/vault.md`` in beemdevelopment/Aegis):

* plain: ``{"version": 1, "header": {"slots": null, "params": null}, "db": {...}}``
* encrypted: a random 256-bit master key encrypts the content with
  AES-256-GCM (``header.params`` = hex nonce and tag, ``db`` = base64 of the
  ciphertext); one password slot (type 1) wraps the master key with
  AES-256-GCM under scrypt(password, 32-byte salt, N=2^15, r=8, p=1), the
  parameters Aegis documents, with ``repaired: true`` (the password is
  UTF-8, as Aegis itself does since its issue #95).
* content: ``{"version": 1, "entries": [...]}``; each entry has ``type``
  (totp/hotp/steam), ``uuid``, ``name``, ``issuer``, ``note``, ``favorite``,
  ``icon`` and ``info`` {``secret`` (Base32, no padding), ``algo``,
  ``digits``, ``period`` or ``counter``}. Content version 1 is the one the
  document describes; Aegis reads every version up to its own.

2FAS (schema 4): ``{"services": [...], "groups": [], "schemaVersion": 4, ...}``
where each service has ``name``, ``secret``, ``otp`` {``link``, ``label``,
``account``, ``issuer``, ``digits``, ``period``/``counter``, ``algorithm``,
``tokenType``} and ``order``: the shape 2FAS writes and our importer reads.

Nothing here logs a secret; messages name formats and counts only. Files are
written owner-only (0600) by `write_export`.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from epcs_desktop.core.clock import Clock
from epcs_desktop.core.errors import ExportError
from epcs_desktop.core.i18n import N_
from epcs_desktop.core.otpauth import OtpKind, OtpParams, build_portable_uri
from epcs_desktop.core.private_files import profile_target_problem, write_private

if TYPE_CHECKING:
    from epcs_desktop.core.policy import Policy
    from epcs_desktop.core.settings import Settings

log = logging.getLogger(__name__)

FORMAT_OTPAUTH = "otpauth"
FORMAT_AEGIS = "aegis"
FORMAT_AEGIS_ENCRYPTED = "aegis-encrypted"
FORMAT_2FAS = "2fas"
FORMATS = (FORMAT_OTPAUTH, FORMAT_AEGIS, FORMAT_AEGIS_ENCRYPTED, FORMAT_2FAS)
FORMAT_LABELS = {
    FORMAT_OTPAUTH: N_("otpauth link list (.txt)"),
    FORMAT_AEGIS: N_("Aegis export, not encrypted (.json)"),
    FORMAT_AEGIS_ENCRYPTED: N_("Aegis export, encrypted with a password (.json)"),
    FORMAT_2FAS: N_("2FAS backup, not encrypted (.2fas)"),
}
SUFFIXES = {
    FORMAT_OTPAUTH: ".txt",
    FORMAT_AEGIS: ".json",
    FORMAT_AEGIS_ENCRYPTED: ".json",
    FORMAT_2FAS: ".2fas",
}

AEGIS_SCRYPT_N, AEGIS_SCRYPT_R, AEGIS_SCRYPT_P = 2**15, 8, 1  # docs/vault.md, "KDF"
TWOFAS_SCHEMA = 4
TWOFAS_APP_VERSION_CODE, TWOFAS_APP_VERSION_NAME = 5000009, "5.1.0"  # a 2FAS Android release writing schema 4
TWOFAS_DEFAULT_ICON_COLLECTION = "a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad"  # 2FAS's default collection

PLAIN_WARNING = N_(
    "This file holds the secret keys of your code generators without any protection: anyone who gets "
    "a copy can make your sign-in codes. Keep it somewhere only you can reach and delete it once it is "
    "imported."
)
ENCRYPTED_WARNING = N_(
    "This file holds the secret keys of your code generators, protected only by the export password. "
    "Anyone who gets a copy and guesses that password can make your sign-in codes."
)
NOTHING_TO_EXPORT = N_("This profile holds no code generators, so there is nothing to export.")
EXPORT_DISABLED = N_("Exporting secret keys is turned off by your practice's IT.")
PROFILE_FILE_TARGET = N_("An export cannot be written over a profile file or into the profiles folder.")
TARGET_EXISTS = N_("That file already exists; choose another name.")


@dataclass(frozen=True)
class ExportEntry:
    """One code generator to export: the name it has here and its parameters (which hold the secret)."""

    nickname: str
    params: OtpParams

    def __repr__(self) -> str:
        return f"ExportEntry(nickname={self.nickname!r}, params={self.params!r})"


def entries_from_devices(devices: Sequence[Any]) -> list[ExportEntry]:
    """The devices whose secret this app holds (others have nothing to export), in the profile's order."""
    return [ExportEntry(d.nickname, d.otp) for d in devices if getattr(d, "otp", None) is not None]


def is_plain(fmt: str) -> bool:
    return fmt != FORMAT_AEGIS_ENCRYPTED


def warning_for(fmt: str) -> str:
    return PLAIN_WARNING if is_plain(fmt) else ENCRYPTED_WARNING


# --------------------------------------------------------------------------- labels and links


def _is_suggested(nickname: str, issuer: str, account: str) -> bool:
    """True when `nickname` only repeats issuer and account ("ID.me (jane)", "ID.me (jane) 2", "jane")."""
    nick = " ".join(nickname.split()).casefold()
    head, _, number = nick.rpartition(" ")
    nick_options = {nick, head} if number.isdigit() else {nick}
    names = {x.casefold() for x in (issuer, account, f"{issuer} ({account})") if x and x != " ()"}
    return not nick or bool(nick_options & names)


def export_label(nickname: str, params: OtpParams) -> tuple[str, str]:
    """THE (issuer, account) an exported link or QR code shows (issue 18, issue 20).

    The issuer stays the site's (``ID.me``); the account names the device and
    the sign-in, "Office PC (dr.lee@clinic.org)", so a phone holding several
    of this clinician's generators shows which is which. A nickname that only
    repeats the issuer and account (the one an import suggests) adds nothing
    and is left out; an account-less key (typed in) shows the nickname alone.
    """
    issuer, account = params.issuer.strip(), params.account.strip()
    if _is_suggested(nickname, issuer, account):
        return params.issuer, params.account
    nick = " ".join(nickname.split())
    return params.issuer, f"{nick} ({account})" if account else nick


def export_uri(nickname: str, params: OtpParams) -> str:
    """The portable otpauth link of one generator, labelled by `export_label` (exports and phone QR codes)."""
    _issuer, account = export_label(nickname, params)
    return build_portable_uri(params, account=account)


# --------------------------------------------------------------------------- otpauth list


def otpauth_list(entries: Sequence[ExportEntry]) -> str:
    """One otpauth link per line, in the form every reader reads right (`otpauth.build_portable_uri`).

    Nothing else is written: every authenticator that reads such lists reads
    them, and HOTP's ``counter`` is the next value to use.
    """
    return "".join(export_uri(e.nickname, e.params) + "\n" for e in entries)


# --------------------------------------------------------------------------- Aegis


def _aegis_info(p: OtpParams) -> dict[str, Any]:
    info: dict[str, Any] = {"secret": p.secret, "algo": p.algorithm, "digits": p.digits}
    if p.kind == OtpKind.HOTP:
        info["counter"] = p.counter
    else:
        info["period"] = p.period
    return info


def aegis_content(entries: Sequence[ExportEntry]) -> dict[str, Any]:
    """The vault content object (``db`` of a plain export, the plaintext of an encrypted one)."""
    return {
        "version": 1,
        "entries": [
            {
                "type": e.params.kind,
                "uuid": str(uuid.uuid4()),
                "name": e.params.account,
                "issuer": e.params.issuer,
                "note": e.nickname,  # the name it had here, so nothing a person chose is lost
                "favorite": False,
                "icon": None,
                "info": _aegis_info(e.params),
            }
            for e in entries
        ],
    }


def aegis_plain(entries: Sequence[ExportEntry]) -> str:
    doc = {"version": 1, "header": {"slots": None, "params": None}, "db": aegis_content(entries)}
    return json.dumps(doc, indent=4, ensure_ascii=False) + "\n"


def aegis_encrypted(entries: Sequence[ExportEntry], password: str, *, scrypt_n: int = AEGIS_SCRYPT_N) -> str:
    """An encrypted Aegis vault that opens with `password` (`scrypt_n` is lowered only by tests)."""
    if not password:
        raise ExportError(N_("An encrypted export needs a password."))
    # Imported here: the main window asks this module whether exports are allowed at every unlock,
    # and cryptography's Rust module is ~6 MiB resident (issue 14).
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    master = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    plain = json.dumps(aegis_content(entries), ensure_ascii=False).encode("utf-8")
    sealed = AESGCM(master).encrypt(nonce, plain, None)  # ciphertext || 16-byte tag
    salt = os.urandom(32)
    derived = Scrypt(salt=salt, length=32, n=scrypt_n, r=AEGIS_SCRYPT_R, p=AEGIS_SCRYPT_P).derive(
        password.encode("utf-8")
    )
    key_nonce = os.urandom(12)
    wrapped = AESGCM(derived).encrypt(key_nonce, master, None)
    slot = {
        "type": 1,
        "uuid": str(uuid.uuid4()),
        "key": wrapped[:-16].hex(),
        "key_params": {"nonce": key_nonce.hex(), "tag": wrapped[-16:].hex()},
        "n": scrypt_n,
        "r": AEGIS_SCRYPT_R,
        "p": AEGIS_SCRYPT_P,
        "salt": salt.hex(),
        "repaired": True,
        "is_backup": False,
    }
    doc = {
        "version": 1,
        "header": {"slots": [slot], "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()}},
        "db": base64.b64encode(sealed[:-16]).decode("ascii"),
    }
    return json.dumps(doc, indent=4) + "\n"


# --------------------------------------------------------------------------- 2FAS


def _twofas_service(e: ExportEntry, position: int, now_ms: int) -> dict[str, Any]:
    """One 2FAS service. The service name is the issuer; without one, the labelled account (the
    nickname), and ``otp.issuer`` is written empty so readers that look at it know there is none."""
    p = e.params
    _issuer, shown = export_label(e.nickname, p)
    otp: dict[str, Any] = {
        "link": export_uri(e.nickname, p),
        "label": shown,
        "account": shown,
        "issuer": p.issuer,
        "digits": p.digits,
        "algorithm": p.algorithm,
        "tokenType": p.kind.upper(),
        "source": "Link",
    }
    if p.kind == OtpKind.HOTP:
        otp["counter"] = p.counter
    else:
        otp["period"] = p.period
    name = p.issuer or shown or e.nickname
    return {
        "name": name,
        "secret": p.secret,
        "updatedAt": now_ms,
        "serviceTypeID": None,  # no 2FAS service icon; the `2fas` package (lib2fas) requires the key
        "otp": otp,
        "order": {"position": position},
        "icon": {
            "selected": "Label",
            "label": {"text": name[:2].upper(), "backgroundColor": "Default"},
            "iconCollection": {"id": TWOFAS_DEFAULT_ICON_COLLECTION},
        },
    }


def twofas_plain(entries: Sequence[ExportEntry], clock: Clock) -> str:
    """A 2FAS backup both 2FAS apps accept (issue 20 item 2): 2FAS for iOS refuses any ``appOrigin``
    but ``android``/``ios`` and a file without ``appVersionCode``/``appVersionName`` or an icon
    collection; the values are those of the 2FAS Android release that writes schema 4."""
    now_ms = int(clock.now() * 1000)
    doc = {
        "services": [_twofas_service(e, i, now_ms) for i, e in enumerate(entries)],
        "groups": [],
        "updatedAt": now_ms,
        "schemaVersion": TWOFAS_SCHEMA,
        "appVersionCode": TWOFAS_APP_VERSION_CODE,
        "appVersionName": TWOFAS_APP_VERSION_NAME,
        "appOrigin": "android",
    }
    return json.dumps(doc, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- one entry point


def render(fmt: str, entries: Sequence[ExportEntry], *, clock: Clock, password: str | None = None) -> bytes:
    """The export file's bytes in `fmt` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ExportError(f"“{fmt[:20]}” is not an export format (use {', '.join(FORMATS)}).")
    if not entries:
        raise ExportError(NOTHING_TO_EXPORT)
    if fmt == FORMAT_OTPAUTH:
        text = otpauth_list(entries)
    elif fmt == FORMAT_AEGIS:
        text = aegis_plain(entries)
    elif fmt == FORMAT_AEGIS_ENCRYPTED:
        text = aegis_encrypted(entries, password or "")
    else:
        text = twofas_plain(entries, clock)
    log.info("export rendered (%s, %d entries)", fmt, len(entries))
    return text.encode("utf-8")


def check_target(target: str | os.PathLike[str], profiles_dir: Path, *, overwrite: bool = False) -> Path:
    """Refuse a target that is a profile file, inside the profiles folder, a folder, or (unless
    `overwrite`) an existing file. Why: an export written over ``NAME.epcs`` would destroy the
    profile it came from, and silently replacing some other file is never what a person meant.
    """
    path = Path(target).expanduser()
    resolved = path.resolve(strict=False)
    try:
        pdir = profiles_dir.resolve(strict=False)
    except OSError:
        pdir = profiles_dir
    if resolved == pdir or pdir in resolved.parents:
        raise ExportError(PROFILE_FILE_TARGET)
    if path.is_dir():
        raise ExportError(N_("That is a folder; give a file name for the export."))
    problem = profile_target_problem(path)  # the one rule for every file a person chooses to save
    if problem is not None:
        raise ExportError(f"An export cannot be written there: {problem}.")
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise ExportError(TARGET_EXISTS)
    if not resolved.parent.is_dir():
        raise ExportError(N_("The folder for the export does not exist."))
    return path


class ExportJournal(Protocol):
    """Where an export being written is remembered (`Profile`), so a killed write is cleaned at next open."""

    def note_export_started(self, target: Path) -> None: ...

    def note_export_finished(self, target: Path) -> None: ...


def write_export(target: Path, data: bytes, journal: ExportJournal) -> Path:
    """Write owner-only (0600 from the first byte) and atomically; an OSError becomes one sentence.

    `journal` (the open profile) remembers the target until the write is over: a process killed in
    between leaves a plaintext temp file that the profile's next open removes (issue 23 item 9).
    """
    journal.note_export_started(target)
    try:
        return write_private(target, data)
    except OSError as exc:
        raise ExportError(
            f"The export could not be written ({exc.strerror or 'input/output error'})."
        ) from None
    finally:
        journal.note_export_finished(target)


def export_allowed(settings: Settings | dict[str, Any]) -> bool:
    """False when the practice's policy turns exports off (`disable_export`, issue 15), else True."""
    if isinstance(settings, dict):  # stored or policy values: the registry's default fills the rest
        from epcs_desktop.core.settings import Settings

        settings = Settings.from_stored(settings)
    return not settings.disable_export


def check_export_allowed(policy: Policy, settings: Any | None = None) -> None:
    """THE export policy check (issue 15): ExportError(EXPORT_DISABLED) when exports are turned off.

    Every front end calls this one rule with the policy in force (`AppContext.policy`).
    Without `settings` the policy alone decides, so the CLI can refuse before it
    asks for any password when IT locked exports off (or the policy file is
    unreadable: locked to the safe side); with a profile's settings (policy
    applied) the profile's own value counts too.
    """
    effective = policy.effective({})["disable_export"]
    if effective.locked and effective.value:
        raise ExportError(EXPORT_DISABLED)
    if settings is not None and not export_allowed(settings):
        raise ExportError(EXPORT_DISABLED)
