"""``import --profile NAME FILE... [--dry-run] [--json]``: bring code generators in from export files.

Every file is read (and, if encrypted, unlocked) before the profile is
opened, so a typo in a file name or a wrong export password fails fast and
changes nothing. Then each account becomes a "Generate 2FA Key" device held
in this app, with a unique nickname made from its issuer and account; an
account whose secret, issuer and account are already in the profile is
skipped. Everything that is left out is listed on its own line.

The export password (for encrypted Aegis/2FAS files) comes from
$EPCS_DESKTOP_IMPORT_PASSWORD, else --import-password-file, else a no-echo
prompt; never from argv.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WRONG_PASSWORD,
    add_json_argument,
    add_profile_argument,
    open_profile,
    print_json,
    prompt_password,
    read_password,
)
from epcs_desktop.core.errors import EpcsError, ImportPasswordError, PasswordRequiredError

if TYPE_CHECKING:
    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.imports import ImportResult
    from epcs_desktop.core.otpauth import OtpParams
    from epcs_desktop.core.profile import Profile

logger = logging.getLogger(__name__)

IMPORT_PASSWORD_ENV = "EPCS_DESKTOP_IMPORT_PASSWORD"  # noqa: S105 (a variable name, not a password)
FALLBACK_NICKNAME = "Imported code generator"
NICKNAME_MAX = 64


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "import",
        help="add code generators from otpauth link lists, Aegis/2FAS exports or QR code images",
        description="Add code generators from export files. Encrypted exports ask for their password "
        f"(${IMPORT_PASSWORD_ENV}, else --import-password-file, else a prompt).",
    )
    add_profile_argument(p)
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="otpauth list (.txt), Aegis .json, .2fas, PNG/JPEG"
    )
    p.add_argument("--dry-run", action="store_true", help="show what would be added and change nothing")
    p.add_argument(
        "--import-password-file",
        metavar="FILE",
        help="read the password of encrypted export files from the first line of FILE",
    )
    add_json_argument(p)
    p.set_defaults(func=run)


# --------------------------------------------------------------------------- planning


@dataclass
class _Item:
    params: OtpParams
    source: str
    nickname: str = ""
    existing: str = ""  # nickname of the device that already holds this account
    earlier_file: bool = False  # ...or that an earlier file in this run will add


@dataclass
class _Plan:
    files: list[tuple[str, ImportResult]] = field(default_factory=list)
    add: list[_Item] = field(default_factory=list)
    duplicates: list[_Item] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _key(p: OtpParams) -> tuple[str, str, str]:
    return (p.secret, p.issuer.casefold(), p.account.casefold())


def _clean(text: str) -> str:
    """Issuer/account text fit for a nickname: no control characters, single spaces."""
    return " ".join("".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text).split())


def nickname_for(params: OtpParams, taken: set[str]) -> str:
    """A unique nickname from issuer and account: "ID.me (jane@clinic.org)", then "... 2", "... 3".

    `taken` holds nickname keys (`erx.nickname_key`); the chosen name's key is added.
    The clash rule is `erx.unique_nickname`'s; the suffix is " 2" rather than
    " (2)" because these names already end in a parenthesis.
    """
    from epcs_desktop.core.erx import nickname_key, unique_nickname

    issuer, account = _clean(params.issuer), _clean(params.account)
    base = f"{issuer} ({account})" if issuer and account else issuer or account or FALLBACK_NICKNAME
    candidate = unique_nickname(base, taken, pattern=" {n}")
    taken.add(nickname_key(candidate))
    return candidate


def _refusal(params: OtpParams) -> str | None:
    """Why the profile would refuse this account (e.g. HOTP), in its own words, or None."""
    from epcs_desktop.core.erx import DeviceOption
    from epcs_desktop.core.profile import check_new_device

    try:
        check_new_device(FALLBACK_NICKNAME, DeviceOption.GENERATOR_HERE, params)
    except EpcsError as exc:
        return str(exc)
    return None


def _import_password(args: argparse.Namespace, needed: PasswordRequiredError, name: str) -> str:
    """The export password from the environment, the file, or a prompt; says how when none can be asked."""
    if os.environ.get(IMPORT_PASSWORD_ENV) or args.import_password_file:
        return read_password(args, env=IMPORT_PASSWORD_ENV, file_attr="import_password_file")
    try:
        password = prompt_password(f"Password of the export file {name}: ")
    except EpcsError:
        raise PasswordRequiredError(
            f"{needed} Set {IMPORT_PASSWORD_ENV} or use --import-password-file FILE."
        ) from None
    if not password:
        raise PasswordRequiredError(f"{needed} No password was typed.")
    return password


def _read_files(args: argparse.Namespace) -> list[tuple[str, ImportResult]]:
    """Read every file; raise on the first file that cannot be used at all (nothing is changed)."""
    from epcs_desktop.core.imports import read_import_file

    password: str | None = None
    results = []
    for name in args.files:  # core messages already name the file
        try:
            result = read_import_file(Path(name), password)
        except PasswordRequiredError as exc:
            password = _import_password(args, exc, Path(name).name)
            result = read_import_file(Path(name), password)
        results.append((name, result))
    return results


def _plan(profile: Profile, files: list[tuple[str, ImportResult]]) -> _Plan:
    from epcs_desktop.core.erx import nickname_key

    plan = _Plan(files=files)
    devices = profile.devices()
    held: dict[tuple[str, str, str], str] = {_key(d.otp): d.nickname for d in devices if d.otp is not None}
    planned: set[tuple[str, str, str]] = set()
    taken = {nickname_key(d.nickname) for d in devices}
    for name, result in files:
        plan.problems.extend((name, problem) for problem in result.problems)
        for params in result.accounts:
            refusal = _refusal(params)
            if refusal is not None:  # reported on its own line; the other accounts still come in
                plan.problems.append((name, f"{params.label}: not added: {refusal}"))
                continue
            item = _Item(params, name)
            existing = held.get(_key(params))
            if existing is not None:
                item.existing = existing
                item.earlier_file = _key(params) in planned
                plan.duplicates.append(item)
                continue
            item.nickname = nickname_for(params, taken)
            held[_key(params)] = item.nickname
            planned.add(_key(params))
            plan.add.append(item)
    return plan


def _apply(profile: Profile, plan: _Plan) -> list[Device]:
    """Add every planned account in one transaction: an import is all or nothing.

    Why: a failure half-way (another window took a name, the disk filled up)
    used to leave the first accounts saved and the rest not, and running the
    import again then reported a confusing mix of duplicates.
    """
    from epcs_desktop.core.erx import DeviceOption
    from epcs_desktop.core.profile import NewDevice

    items = [NewDevice(i.nickname, DeviceOption.GENERATOR_HERE, i.params) for i in plan.add]
    try:
        return profile.add_devices(items)
    except EpcsError as exc:
        try:
            wrapped = type(exc)(f"Nothing was imported: {exc}")
        except TypeError:  # an error type with another constructor: its own words are clear enough
            raise exc from None
        raise wrapped from None


# --------------------------------------------------------------------------- output


def _item_json(item: _Item) -> dict[str, Any]:
    p = item.params
    out: dict[str, Any] = {
        "file": item.source,
        "issuer": p.issuer,
        "account": p.account,
        "type": p.kind,
        "algorithm": p.algorithm,
        "digits": p.digits,
        "period": p.period,
        "warnings": list(p.warnings),
    }
    if item.existing:
        out["existing_device"] = item.existing
    else:
        out["nickname"] = item.nickname
    return out


def _print_json(plan: _Plan, profile_name: str, dry_run: bool) -> None:
    print_json(
        {
            "profile": profile_name,
            "dry_run": dry_run,
            "files": [
                {"file": name, "format": r.format, "accounts": len(r.accounts), "problems": len(r.problems)}
                for name, r in plan.files
            ],
            "added" if not dry_run else "to_add": [_item_json(i) for i in plan.add],
            "duplicates": [_item_json(i) for i in plan.duplicates],
            "problems": [{"file": f, "message": m} for f, m in plan.problems],
        }
    )


def _print_text(plan: _Plan, profile_name: str, dry_run: bool) -> None:
    out = sys.stdout
    for name, result in plan.files:
        n = len(result.accounts)
        out.write(f"{name}: {result.format}, {n} account{'' if n == 1 else 's'}\n")
    verb = "would add" if dry_run else "added"
    for item in plan.add:
        out.write(f"  {verb}: '{item.nickname}' (Generate 2FA Key)\n")
        for warning in item.params.warnings:
            out.write(f"    note: {warning}\n")
    for item in plan.duplicates:
        where = "comes earlier in this import" if item.earlier_file else "is already in this profile"
        out.write(f"  skipped: {item.params.label} {where} as '{item.existing}'\n")
    for name, message in plan.problems:
        out.write(f"  problem: {name}: {message}\n")
    n = len(plan.add)
    what = f"{n} code generator{'' if n == 1 else 's'}"
    if dry_run:
        out.write(f"Dry run: {what} would be added to profile '{profile_name}'; nothing was changed.\n")
    else:
        out.write(f"Added {what} to profile '{profile_name}'.\n")


# --------------------------------------------------------------------------- command


def run(args: argparse.Namespace) -> int:
    try:
        files = _read_files(args)
    except ImportPasswordError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_WRONG_PASSWORD
    with open_profile(args) as profile:
        plan = _plan(profile, files)
        if not args.dry_run:
            _apply(profile, plan)
        name = profile.name
    if args.json:
        _print_json(plan, name, args.dry_run)
    else:
        _print_text(plan, name, args.dry_run)
    found = sum(len(r.accounts) for _, r in files)
    if found == 0:
        return EXIT_NOT_FOUND
    return EXIT_OK if plan.add or plan.duplicates else EXIT_USAGE
