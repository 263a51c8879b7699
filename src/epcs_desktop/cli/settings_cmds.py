"""``settings show | set | check-policy``: a profile's settings as the program uses them, and IT's policy.

Why in the CLI: support staff and a practice's IT need to see, without opening
the window, what a workstation really uses for each setting and whether the
machine policy (core/policy.py) decided it. `set` refuses a key the policy
locks with one line and exit 2, before asking for any password, so nothing
changes; `check-policy` lets IT test a policy file before deploying it.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from epcs_desktop.cli.common import (
    EXIT_OK,
    add_json_argument,
    add_profile_argument,
    open_profile,
    print_json,
    warn,
)

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext
    from epcs_desktop.core.policy import Policy

logger = logging.getLogger(__name__)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("settings", help="show or change a profile's settings; check the policy")
    sub = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)

    c = sub.add_parser(
        "show", help="every setting with its value, whether it is locked, and where the value came from"
    )
    add_profile_argument(c)
    add_json_argument(c)
    c.set_defaults(func=run_show)

    c = sub.add_parser("set", help="change one setting (refused when the practice's policy locks it)")
    add_profile_argument(c)
    c.add_argument("key", metavar="KEY", help="a setting name, as `settings show` lists them")
    c.add_argument(
        "value", metavar="VALUE", help="the new value (a number, on/off, a host name, an https:// link)"
    )
    c.set_defaults(func=run_set)

    c = sub.add_parser(
        "check-policy", help="read this machine's policy (or FILE) and report the first problem (exit 2)"
    )
    c.add_argument("file", metavar="FILE", nargs="?", help="a policy.json to check instead of this machine's")
    add_json_argument(c)
    c.set_defaults(func=run_check_policy)


def _policy(context: AppContext, path: str | None = None, *, skip_first: bool = False) -> Policy:
    """The context's policy (or FILE's); each problem is a `warning:` line (`skip_first`: it is the error)."""
    from epcs_desktop.core.policy import load_policy

    policy = load_policy(path) if path else context.policy.current()
    for problem in policy.problems[1 if skip_first else 0 :]:
        warn(problem)
    return policy


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core.settings import SETTINGS

    policy = _policy(context)
    with open_profile(context, args) as profile:
        stored = profile.stored_settings()
        effective = policy.effective(stored)
        name = profile.name
    if args.json:
        print_json(
            {
                "profile": name,
                "policy": {"sources": list(policy.sources), "problems": list(policy.problems)},
                "settings": {
                    key: {"value": e.value, "locked": e.locked, "source": e.source}
                    for key, e in effective.items()
                },
            }
        )
        return EXIT_OK
    width = max(len(s.key) for s in SETTINGS)
    for s in SETTINGS:
        e = effective[s.key]
        value = (
            ("on" if e.value else "off") if isinstance(e.value, bool) else (e.value if e.value != "" else "-")
        )
        where = f"locked: {e.source}" if e.locked else e.source
        print(f"{s.key:<{width}}  {value}  ({where})")
    return EXIT_OK


def run_set(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core.settings import coerce, setting

    setting(args.key)  # an unknown key: one line, exit 2, before any password is asked
    _policy(context).refuse_locked([args.key])  # locked: one line, exit 2, nothing opened or changed
    value = coerce(args.key, args.value)
    with open_profile(context, args) as profile:
        stored = profile.set_settings({args.key: value})[args.key]
    shown = ("on" if stored else "off") if isinstance(stored, bool) else stored
    print(f"{args.key} set to {shown}.")
    return EXIT_OK


def run_check_policy(args: argparse.Namespace, context: AppContext) -> int:
    policy = _policy(context, args.file, skip_first=True)
    if args.json:
        locked = {key: policy.source_of(key) for key in policy.entries if policy.locked(key)}
        print_json({"sources": list(policy.sources), "problems": list(policy.problems), "locked": locked})
    policy.check()  # the first problem becomes `error: …` and exit 2 (the others were warnings above)
    if not args.json:
        read = ", ".join(policy.sources) or "no policy on this machine"
        names = sorted(key for key in policy.entries if policy.locked(key))
        print(f"Policy OK ({read}); locked: {', '.join(names) or 'nothing'}.")
    return EXIT_OK
