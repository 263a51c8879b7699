"""``import --profile NAME FILE... [--dry-run] [--json]``: bring code generators in from export files.

Every file is read (and, if encrypted, unlocked) before the profile is
opened, so a typo in a file name or a wrong export password fails fast and
changes nothing. Then each account becomes a code generator held here, with a
unique nickname made from its issuer and account: one of the "other accounts"
(not an ID.me device, not in the ID.me table) unless its issuer is ID.me
(`Candidate.is_idme`); `generator link` makes one an ID.me device. An account
whose code type, secret, issuer and account are already in the profile is
skipped. Everything that is left out is listed on its own line.
Reading and planning are core's (`imports.ImportSession`, `plan_import`):
the window's "Import from another app" page uses the very same plan, and
the codes of one Google export spread over several files count as one.

The export password (for encrypted exports: Aegis, 2FAS, andOTP, ente, Proton, Authenticator Pro) comes from
$EPCS_DESKTOP_IMPORT_PASSWORD, else --import-password-file, else a no-echo
prompt; never from argv.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
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
from epcs_desktop.core.otpauth import OtpKind

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext
    from epcs_desktop.core.enrollment import PlanEntry
    from epcs_desktop.core.erx import Device
    from epcs_desktop.core.generator import Generator
    from epcs_desktop.core.importers import ImportPlan, ImportSession
    from epcs_desktop.core.profile import Profile

logger = logging.getLogger(__name__)

IMPORT_PASSWORD_ENV = "EPCS_DESKTOP_IMPORT_PASSWORD"  # noqa: S105 (a variable name, not a password)
KIND_WORDS = {OtpKind.HOTP: "counter-based: ask for each next code", OtpKind.STEAM: "Steam Guard"}


def register(subparsers: Subparsers) -> None:
    from epcs_desktop.core.importers.registry import format_names

    formats = ", ".join(format_names())
    p = subparsers.add_parser(
        "import",
        help="add code generators from other authenticators' export files, link lists or QR code images",
        description="Add code generators from export files. The format of each file is recognised from "
        f"its contents: {formats}. Encrypted exports ask for their password "
        f"(${IMPORT_PASSWORD_ENV}, else --import-password-file, else a prompt).",
    )
    add_profile_argument(p)
    p.add_argument("files", nargs="+", metavar="FILE", help=f"export files, any mix of: {formats}")
    p.add_argument("--dry-run", action="store_true", help="show what would be added and change nothing")
    p.add_argument(
        "--import-password-file",
        metavar="FILE",
        help="read the password of encrypted export files from the first line of FILE",
    )
    add_json_argument(p)
    p.set_defaults(func=run)


# --------------------------------------------------------------------------- reading


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


def _read_files(args: argparse.Namespace, context: AppContext) -> ImportSession:
    """Read every file into one session; raise on the first file that cannot be used at all.

    One session, so the codes of one Google export spread over several files
    are tracked together (the core import plan the window uses too).
    """
    from epcs_desktop.core.importers import ImportSession

    session = ImportSession(context.policy)
    password: str | None = None
    for name in args.files:  # core messages already name the file
        try:
            session.read_file(Path(name), password)
        except PasswordRequiredError as exc:
            password = _import_password(args, exc, Path(name).name)
            session.read_file(Path(name), password)
    return session


def _apply(profile: Profile, plan: ImportPlan) -> list[Device | Generator]:
    """Add every planned account in one transaction: an import is all or nothing.

    Why: a failure half-way (another window took a name, the disk filled up)
    used to leave the first accounts saved and the rest not, and running the
    import again then reported a confusing mix of duplicates.
    """
    from epcs_desktop.core.importers import apply_import

    try:
        return apply_import(profile, plan)
    except EpcsError as exc:
        try:
            wrapped = type(exc)(f"Nothing was imported: {exc}")
        except TypeError:  # an error type with another constructor: its own words are clear enough
            raise exc from None
        raise wrapped from None


# --------------------------------------------------------------------------- output


def _entry_json(entry: PlanEntry) -> dict[str, Any]:
    from epcs_desktop.core.enrollment import Outcome

    p = entry.candidate.otp
    assert p is not None  # every import candidate holds a secret
    out: dict[str, Any] = {
        "file": entry.candidate.source,
        "issuer": p.issuer,
        "account": p.account,
        "type": p.kind,
        "algorithm": p.algorithm,
        "digits": p.digits,
        "period": p.period if p.kind != OtpKind.HOTP else None,
        "warnings": list(p.warnings),
    }
    if entry.outcome is Outcome.NEW:
        out["nickname"] = entry.nickname
        out["idme_device"] = entry.candidate.is_idme
    else:
        out["existing_device"] = entry.nickname
        out["earlier_in_import"] = entry.outcome is Outcome.DUPLICATE_IN_BATCH
    return out


def _problems(plan: ImportPlan) -> list[tuple[str, str]]:
    """Problem lines while reading, then the entries the profile refuses (each with its reason)."""
    refused = []
    for e in plan.enrollment.refused:
        label = e.candidate.otp.label if e.candidate.otp is not None else "an entry"
        refused.append((e.candidate.source, f"{label}: not added: {e.message}"))
    return list(plan.problems) + refused


def _print_json(plan: ImportPlan, profile_name: str, dry_run: bool) -> None:
    print_json(
        {
            "profile": profile_name,
            "dry_run": dry_run,
            "files": [
                {"file": name, "format": r.format, "accounts": len(r.accounts), "problems": len(r.problems)}
                for name, r in plan.sources
            ],
            "added" if not dry_run else "to_add": [_entry_json(e) for e in plan.enrollment.new],
            "duplicates": [_entry_json(e) for e in plan.enrollment.duplicates],
            "problems": [{"file": f, "message": m} for f, m in _problems(plan)],
        }
    )


def _print_text(plan: ImportPlan, profile_name: str, dry_run: bool) -> None:
    """Every line that holds text from a file goes through `clean_for_display` (no terminal escapes)."""
    from epcs_desktop.core.enrollment import Outcome
    from epcs_desktop.core.textguard import clean_for_display as safe

    out = sys.stdout
    for name, result in plan.sources:
        n = len(result.accounts)
        out.write(f"{safe(name, 200)}: {result.format}, {n} account{'' if n == 1 else 's'}\n")
    verb = "would add" if dry_run else "added"
    for entry in plan.enrollment.new:
        params = entry.candidate.otp
        kind = "" if params is None or params.kind == OtpKind.TOTP else f", {KIND_WORDS[params.kind]}"
        out.write(f"  {verb}: “{safe(entry.nickname)}” ({_side(entry)}{kind})\n")
        for warning in params.warnings if params is not None else ():
            out.write(f"    note: {safe(warning, 300)}\n")
    for entry in plan.enrollment.duplicates:
        label = entry.candidate.otp.label if entry.candidate.otp is not None else "an entry"
        earlier = entry.outcome is Outcome.DUPLICATE_IN_BATCH
        where = "comes earlier in this import" if earlier else "is already in this profile"
        out.write(f"  skipped: {safe(label, 160)} {where} as “{safe(entry.nickname)}”\n")
    for name, message in _problems(plan):
        out.write(f"  problem: {safe(name, 200) + ': ' if name else ''}{safe(message, 300)}\n")
    n = len(plan.enrollment.new)
    what = f"{n} code generator{'' if n == 1 else 's'}"
    if dry_run:
        out.write(f"Dry run: {what} would be added to profile “{profile_name}”; nothing was changed.\n")
    else:
        out.write(f"Added {what} to profile “{profile_name}”.\n")
    if any(not e.candidate.is_idme for e in plan.enrollment.new):
        out.write(
            "Other accounts are not ID.me devices: they are not in the ID.me table. If one of them is "
            "an ID.me device, say so with `epcs-desktop generator link`.\n"
        )


def _side(entry: PlanEntry) -> str:
    """What a new entry becomes (docs/glossary.md): an ID.me device, or one of the other accounts."""
    return "ID.me device" if entry.candidate.is_idme else "other account"


# --------------------------------------------------------------------------- command


def run(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core.importers import plan_import

    try:
        session = _read_files(args, context)
    except ImportPasswordError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_WRONG_PASSWORD
    with open_profile(context, args) as profile:
        plan = plan_import(profile.all_rows(), session)
        if not args.dry_run and plan.enrollment.new:
            _apply(profile, plan)
        name = profile.name
    if args.json:
        _print_json(plan, name, args.dry_run)
    else:
        _print_text(plan, name, args.dry_run)
    if plan.found == 0:
        return EXIT_NOT_FOUND
    return EXIT_OK if plan.enrollment.new or plan.enrollment.duplicates else EXIT_USAGE
