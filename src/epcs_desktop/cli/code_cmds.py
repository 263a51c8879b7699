"""``code`` (one URI, no profile) and ``codes`` (every code generator held in a profile).

``code`` is the scriptable cross-check: given an otpauth URI (``-`` reads it
from stdin so the secret stays out of the process list) it prints the code now
or at ``--at``, with no profile and no password involved.
"""

from __future__ import annotations

import argparse
import logging
import math
import shlex
import time
from typing import TYPE_CHECKING, Any

from epcs_desktop.cli.common import (
    EXIT_OK,
    add_json_argument,
    add_profile_argument,
    open_profile,
    print_json,
    value_or_stdin,
    warn,
)
from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.otp import Totp, copy_plan, hotp, totp_at, whole_seconds
from epcs_desktop.core.otpauth import OtpKind, parse_uri
from epcs_desktop.core.textguard import clean_for_display

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

logger = logging.getLogger(__name__)


def _unix_time(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give the time as Unix seconds, e.g. 1700000000") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError("give the time as Unix seconds, e.g. 1700000000")
    return value


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "code",
        help="print the code for an otpauth:// URI",
        description="Print the current code for an otpauth URI. Use '-' to read the URI from stdin "
        "(recommended: arguments are visible to other users in the process list).",
    )
    p.add_argument("uri", metavar="URI", help="otpauth://totp/... or '-' for stdin")
    p.add_argument("--at", type=_unix_time, metavar="UNIX_SECONDS", help="code at this time instead of now")
    p.set_defaults(func=run_code)

    p = subparsers.add_parser("codes", help="list every code generator held in a profile with its code")
    add_profile_argument(p)
    add_json_argument(p)
    p.add_argument(
        "--next",
        metavar="NICK",
        help="counter-based (HOTP) generator NICK: print its next code and move its counter on by one",
    )
    p.set_defaults(func=run_codes)


ARGV_URI_NOTE = (
    "the URI's secret is visible to other users of this computer while the command runs; "
    "pass '-' and give the URI on stdin instead"
)


def run_code(args: argparse.Namespace, context: AppContext) -> int:
    params = parse_uri(value_or_stdin(args.uri, "otpauth URI"))
    if args.uri != "-":
        warn(ARGV_URI_NOTE)
    if params.kind == OtpKind.HOTP:
        code = hotp(params)
    elif args.at is not None:  # `main` made the context's clock a FixedClock at --at
        code = totp_at(params, context.clock.now())
    else:  # now: never a code that expires before it can be pasted (the window's rule, core.otp)
        plan = copy_plan(params, context.clock.now())
        if plan.wait > 0:
            warn(f"the code changes in {whole_seconds(plan.wait)} s: waiting for the next one")
            _sleep(plan.wait)
        code = plan.code
    print(code)
    return EXIT_OK


def _sleep(seconds: float) -> None:
    """Wait for the next code (a seam for the tests, which do not want to wait)."""
    time.sleep(seconds)


def run_next(args: argparse.Namespace, context: AppContext) -> int:
    """``codes --next NICK``: the one CLI action that advances an HOTP counter (one transaction)."""
    with open_profile(context, args) as profile:
        generator = profile.generator(args.next)
        code = profile.next_hotp_code(generator.id)
    print(code)
    return EXIT_OK


def run_codes(args: argparse.Namespace, context: AppContext) -> int:
    if getattr(args, "next", None):
        return run_next(args, context)
    with open_profile(context, args) as profile:
        devices = profile.generators()  # ID.me devices first, the primary on top, then other accounts
        clock = FixedClock(context.clock.now())  # one instant for every row
        rows: list[dict[str, Any]] = []  # `--json`'s objects (docs/cli.md)
        for d in devices:
            assert d.otp is not None
            if d.otp.kind == OtpKind.HOTP:
                # No code: one typed from a list leaves the counter unadvanced, and the next
                # `--next` would hand out that already-used code again (like the window).
                code, left = None, None
            else:
                totp = Totp(d.otp, clock)
                code, left = totp.code(), whole_seconds(totp.seconds_remaining())
            rows.append(
                {
                    "nickname": d.nickname,
                    "primary": d.is_primary,
                    "idme_device": d.idme,
                    "code": code,
                    "seconds_remaining": left,
                    "counter_based": d.otp.kind == OtpKind.HOTP,
                    "kind": d.otp.kind,
                    "digits": d.otp.digits,
                    "period": d.otp.period if d.otp.kind != OtpKind.HOTP else None,
                    "issuer": d.otp.issuer,
                    "account": d.otp.account,
                }
            )
        if args.json:
            print_json({"profile": profile.name, "at": clock.now(), "codes": rows})
            return EXIT_OK
    if not rows:
        print("No code generators are held in this profile.")
        return EXIT_OK
    for r in rows:  # the one sanitiser: a name stored by an older version may hold a bidi character
        r["nickname"] = clean_for_display(r["nickname"])
    width = max(len(r["nickname"]) for r in rows)
    section = None if any(not r["idme_device"] for r in rows) else True  # headings only when mixed
    for r in rows:
        if r["idme_device"] != section:  # the window's headings: ID.me devices, then other accounts
            section = r["idme_device"]
            print("ID.me devices:" if section else "Other accounts (not ID.me):")
        mark = "  (primary)" if r["primary"] else ""
        if r["counter_based"]:
            quoted = shlex.quote(r["nickname"])
            print(f"{r['nickname']:<{width}}  counter-based: run `epcs-desktop codes --next {quoted}`{mark}")
            continue
        print(f"{r['nickname']:<{width}}  {r['code']}  {r['seconds_remaining']:>2} s left{mark}")
    return EXIT_OK
