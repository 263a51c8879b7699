"""``device add | list | primary | rename | remove | move-to-phone | forget-secret``: the ID.me table.

Only ID.me devices (rows of DrChrono's ID.me Device Information table) are
here; code generators of other accounts are ``generator …`` (cli/generator_cmds.py).

The rules (unique nicknames, exactly one primary, naming a successor) live in
`core.profile`; this module only turns arguments into calls and results into
text or JSON. ``--uri -`` reads the otpauth URI from stdin so a secret never
needs to be typed into argv (where other users can see it in ``ps``).
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
from epcs_desktop.core.erx import Device, DeviceOption, shown_option, shown_primary
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.textguard import clean_for_display

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

logger = logging.getLogger(__name__)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("device", help="the ID.me devices of a profile (eRx Info table)")
    sub = p.add_subparsers(dest="device_command", metavar="ACTION", required=True)

    c = sub.add_parser("add", help="add a device")
    add_profile_argument(c)
    c.add_argument("--nickname", required=True, metavar="NICK")
    kind = c.add_mutually_exclusive_group(required=True)
    kind.add_argument("--uri", metavar="URI", help="code generator held here: otpauth URI, or '-' for stdin")
    kind.add_argument("--push", action="store_true", help="ID.me push notification device")
    kind.add_argument("--other-generator", action="store_true", help="code generator on another device")
    c.add_argument("--primary", action="store_true", help="make it the primary device")
    c.set_defaults(func=run_add)

    c = sub.add_parser("list", help="list devices (Name, Option, Primary Device)")
    add_profile_argument(c)
    add_json_argument(c)
    c.set_defaults(func=run_list)

    c = sub.add_parser("primary", help="make a device the primary device")
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.set_defaults(func=run_primary)

    c = sub.add_parser("rename", help="rename a device")
    add_profile_argument(c)
    c.add_argument("old", metavar="OLD")
    c.add_argument("new", metavar="NEW")
    c.set_defaults(func=run_rename)

    c = sub.add_parser("remove", help="remove a device (removing the primary may need --successor)")
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.add_argument("--successor", metavar="NICK", help="device that becomes primary")
    c.set_defaults(func=run_remove)

    c = sub.add_parser(
        "move-to-phone",
        help="the device now makes its codes on a phone (it stays in the table; nothing changes in ID.me)",
    )
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.set_defaults(func=run_move_to_phone)

    c = sub.add_parser(
        "forget-secret", help="remove the secret of a device moved to a phone from this computer"
    )
    add_profile_argument(c)
    c.add_argument("nickname", metavar="NICK")
    c.set_defaults(func=run_forget_secret)


def device_json(d: Device) -> dict[str, Any]:
    """One device in --json output. Never contains the secret."""
    return {
        "nickname": d.nickname,
        "option": d.option.value,
        "option_label": d.option_label,
        "primary": d.is_primary,
        "where": d.location.value,
        "secret_held_here": d.otp is not None or d.secret_kept,
        "added_at": iso_time(d.added_at),
        "issuer": d.otp.issuer if d.otp else None,
        "account": d.otp.account if d.otp else None,
    }


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    otp = None
    if args.uri is not None:
        option = DeviceOption.GENERATOR_HERE
        otp = parse_uri(value_or_stdin(args.uri, "otpauth URI"))  # before the password: fail fast
        if args.uri != "-":  # the same note `code` gives (issue 23 item 12)
            from epcs_desktop.cli.code_cmds import ARGV_URI_NOTE

            warn(ARGV_URI_NOTE)
    elif args.push:
        option = DeviceOption.PUSH
    else:
        option = DeviceOption.GENERATOR_OTHER
    from epcs_desktop.core.profile import check_new_device

    check_new_device(args.nickname, option, otp)  # e.g. a HOTP link: refused before the password prompt
    with open_profile(context, args) as profile:
        device = profile.add_device(args.nickname, option, otp, make_primary=args.primary)
        for w in otp.warnings if otp else ():
            warn(w)
    primary = " as the primary device" if device.is_primary else ""
    print(f"Added “{device.nickname}” ({shown_option(device.option)}){primary}.")
    return EXIT_OK


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        devices = profile.devices()
        name = profile.name
    if args.json:
        print_json({"profile": name, "devices": [device_json(d) for d in devices]})
        return EXIT_OK
    if not devices:
        print("No devices yet. Add one with: epcs-desktop device add --profile NAME --nickname NICK ...")
        return EXIT_OK
    rows = [("Name", "Option", "Primary Device")]
    # clean_for_display: a name stored by an older version may hold a bidi or invisible character
    rows += [  # DrChrono's labels as the window's table and the setup sheet show them (core.erx)
        (clean_for_display(d.nickname), shown_option(d.option), shown_primary(d.is_primary)) for d in devices
    ]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for r in rows:
        print(f"{r[0]:<{w0}}  {r[1]:<{w1}}  {r[2]}".rstrip())
    return EXIT_OK


def run_primary(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        device = profile.set_primary(args.nickname)
    print(f"“{device.nickname}” is now the primary device.")
    return EXIT_OK


def run_rename(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        device = profile.rename_device(args.old, args.new)
    print(f"Renamed to “{device.nickname}”.")
    return EXIT_OK


def run_remove(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        removed = profile.device(args.nickname).nickname
        notice = profile.remove_device(args.nickname, args.successor)
    print(f"Removed “{removed}”." + (f" {notice}" if notice else ""))
    return EXIT_OK


def run_move_to_phone(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        device = profile.move_to_phone(args.nickname)
    print(
        f"“{device.nickname}” now makes its codes on a phone; nothing changes in ID.me. This computer still "
        f"holds its secret: remove it with `epcs-desktop device forget-secret` once the phone shows codes."
    )
    return EXIT_OK


def run_forget_secret(args: argparse.Namespace, context: AppContext) -> int:
    with open_profile(context, args) as profile:
        device = profile.forget_secret(args.nickname)
    print(f"The secret of “{device.nickname}” was removed from this computer; the device stays in the table.")
    return EXIT_OK
