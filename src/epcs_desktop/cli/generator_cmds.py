"""``generator list | add | rename | remove | link | unlink``: code generators held here, from a shell.

Why a group apart from ``device``: a code generator held here (any site's
TOTP, HOTP or Steam secret) is not an ID.me device unless it is linked to one
(`core.generator`). ``device …`` is DrChrono's ID.me table; ``generator …``
is every code this profile makes, and whether each one is an ID.me device.
The rules live in `core.profile`; this module turns arguments into calls.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from epcs_desktop.cli.common import (
    EXIT_OK,
    add_json_argument,
    add_profile_argument,
    iso_time,
    open_profile,
    print_json,
    value_or_stdin,
    warn,
)
from epcs_desktop.core.generator import Generator
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.textguard import clean_for_display

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

logger = logging.getLogger(__name__)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "generator", help="the code generators held here (ID.me devices and other accounts)"
    )
    sub = p.add_subparsers(dest="generator_command", metavar="ACTION", required=True)

    c = sub.add_parser("list", help="list code generators: ID.me devices first, then other accounts")
    add_profile_argument(c)
    add_json_argument(c)
    c.set_defaults(func=run_list)

    c = sub.add_parser("add", help="add another account's code generator (not an ID.me device)")
    add_profile_argument(c)
    c.add_argument("--uri", required=True, metavar="URI", help="otpauth URI, or '-' for stdin")
    c.add_argument("--nickname", metavar="NICK", help="default: “Issuer (account)”")
    c.add_argument("--idme", action="store_true", help="it is an ID.me device (a new row of the ID.me table)")
    c.set_defaults(func=run_add)

    c = sub.add_parser("rename", help="rename a code generator")
    add_profile_argument(c)
    c.add_argument("old", metavar="OLD")
    c.add_argument("new", metavar="NEW")
    c.set_defaults(func=run_rename)

    c = sub.add_parser("remove", help="remove another account's code generator")
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.set_defaults(func=run_remove)

    c = sub.add_parser("link", help="this code generator is an ID.me device (new row, or --device NICK)")
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.add_argument(
        "--device", metavar="DEVICE", help="the ID.me device it is (one whose codes are not made here)"
    )
    c.set_defaults(func=run_link)

    c = sub.add_parser("unlink", help="this ID.me device is not one: keep its code under other accounts")
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.add_argument(
        "--successor", metavar="NICK", help="device that becomes primary (when it was the primary)"
    )
    c.set_defaults(func=run_unlink)


def generator_json(g: Generator) -> dict[str, Any]:
    """One code generator in --json output. Never contains the secret."""
    return {
        "nickname": g.nickname,
        "idme_device": g.idme,
        "primary": g.is_primary,
        "kind": g.otp.kind,
        "issuer": g.otp.issuer,
        "account": g.otp.account,
        "added_at": iso_time(g.added_at),
    }


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        generators = profile.generators()
        name = profile.name
    if args.json:
        print_json({"profile": name, "generators": [generator_json(g) for g in generators]})
        return EXIT_OK
    if not generators:
        print("No code generators are held in this profile.")
        return EXIT_OK
    section = None
    for g in generators:
        if g.idme != section:
            section = g.idme
            print("ID.me devices:" if section else "Other accounts (not ID.me):")
        mark = "  (primary)" if g.is_primary else ""
        issuer = f"  {clean_for_display(g.otp.issuer)}" if g.otp.issuer else ""
        print(f"  {clean_for_display(g.nickname)}{issuer}{mark}")
    return EXIT_OK


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    otp = parse_uri(value_or_stdin(args.uri, "otpauth URI"))  # before the password: fail fast
    with open_profile(context, args) as profile:
        g = profile.add_generator(args.nickname, otp, idme=args.idme)
        for w in otp.warnings:
            warn(w)
    what = "an ID.me device" if g.idme else "another account's code generator (not an ID.me device)"
    print(f"Added “{g.nickname}” as {what}.")
    return EXIT_OK


def run_rename(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        g = profile.rename_generator(args.old, args.new)
    print(f"Renamed to “{g.nickname}”.")
    return EXIT_OK


def run_remove(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        removed = profile.generator(args.nickname).nickname
        profile.remove_generator(args.nickname)
    print(f"Removed “{removed}”.")
    return EXIT_OK


def run_link(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        device = profile.link_generator(args.nickname, args.device)
        primary = " It is the primary device." if device.is_primary else ""
    print(f"“{device.nickname}” is an ID.me device; its code is made here.{primary}")
    return EXIT_OK


def run_unlink(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        g = profile.unlink_generator(args.nickname, args.successor)
        primary = profile.primary()
    note = f" “{primary.nickname}” is the primary device." if primary is not None else ""
    print(f"“{g.nickname}” is not an ID.me device; its code stays here under other accounts.{note}")
    return EXIT_OK
