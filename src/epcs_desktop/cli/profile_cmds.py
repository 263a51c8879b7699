"""``profile create | list | check | passwd | delete``.

``profile create NAME --temporary`` is the front desk's hand-over from a
shell: the password given is a temporary one, and every command that opens
the profile with it refuses (exit 5) until ``profile passwd NAME`` replaces it.

Creating and re-keying ask for the new password twice at the prompt; scripts
use $EPCS_DESKTOP_PASSWORD / --password-file for the current password and
$EPCS_DESKTOP_NEW_PASSWORD / --new-password-file for the new one, so no
password ever appears in argv.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from epcs_desktop.cli.common import (
    EXIT_OK,
    NEW_PASSWORD_ENV,
    add_json_argument,
    can_prompt,
    open_profile,
    print_json,
    read_password,
)
from epcs_desktop.core.errors import passwd_command
from epcs_desktop.core.profiles import ProfileStore

if TYPE_CHECKING:
    from epcs_desktop.core.context import AppContext

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers

logger = logging.getLogger(__name__)


def register(subparsers: Subparsers) -> None:
    p = subparsers.add_parser("profile", help="create, list and re-key clinician profiles")
    sub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    c = sub.add_parser("create", help="create an encrypted profile")
    c.add_argument("name", metavar="NAME")
    c.add_argument(
        "--temporary",
        action="store_true",
        help="the password is a temporary (hand-over) one: the profile must get a new password "
        "with `profile passwd NAME` before any other command opens it",
    )
    c.add_argument("--staff", metavar="WHO", default="", help="with --temporary: who handed the profile over")
    c.set_defaults(func=run_create)

    c = sub.add_parser("list", help="list the profiles in the data directory")
    add_json_argument(c)
    c.set_defaults(func=run_list)

    c = sub.add_parser(
        "check",
        help="check every page of a profile file (SQLCipher's and SQLite's integrity checks)",
        description="Reads every page, changes nothing. Exit 0: intact; 7: damaged (restore a backup).",
    )
    c.add_argument("name", metavar="NAME")
    add_json_argument(c)
    c.set_defaults(func=run_check)

    c = sub.add_parser("passwd", help="change a profile's password (re-encrypts the file)")
    c.add_argument("name", metavar="NAME")
    c.add_argument(
        "--new-password-file",
        metavar="FILE",
        help=f"new password from FILE (else ${NEW_PASSWORD_ENV}, else ask)",
    )
    c.set_defaults(func=run_passwd)

    c = sub.add_parser(
        "delete",
        help="delete a profile and every file of it (asks you to type its name; --yes for scripts)",
        description="Removes the profile's file, its key file, SQLite's journal files and any copy kept "
        "beside it. No password is needed: a profile whose password is lost must be removable. "
        "Back it up first (`backup create`) if it may still be needed.",
    )
    c.add_argument("name", metavar="NAME")
    c.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    c.set_defaults(func=run_delete)


def run_create(args: argparse.Namespace, context: AppContext) -> int:
    store = ProfileStore(context)
    what = "Temporary password" if args.temporary else "New password"
    password = read_password(args, prompt=f"{what} for profile “{args.name}”: ", confirm=True)
    with store.create(args.name, password, temporary=args.temporary, staff=args.staff) as profile:
        print(f"Created profile “{profile.name}” in {store.profiles_dir}.")
        if args.temporary:
            print(
                f"It is on a temporary password: the clinician replaces it with "
                f"`{passwd_command(profile.name)}` before anything else opens it."
            )
    return EXIT_OK


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    store = ProfileStore(context)
    names = store.list()
    if args.json:
        print_json({"data_dir": str(store.data_dir), "profiles": names})
    elif names:
        print("\n".join(names))
    else:
        print(f"No profiles yet in {store.data_dir}. Create one with: epcs-desktop profile create NAME")
    return EXIT_OK


def run_passwd(args: argparse.Namespace, context: AppContext) -> int:
    """The one command that opens a profile on its temporary password: to replace it (policy applies,
    and the new password must not be the temporary one)."""
    with open_profile(context, args, args.name, allow_temporary=True) as profile:
        temporary = profile.requires_new_password
        new = read_password(
            args,
            prompt=f"New password for profile “{profile.name}”: ",
            confirm=True,
            env=NEW_PASSWORD_ENV,
            file_attr="new_password_file",
        )
        profile.change_password(new)
        what = "temporary password" if temporary else "password"
        print(f"The {what} of profile “{profile.name}” was {'replaced' if temporary else 'changed'}.")
    return EXIT_OK


def run_check(args: argparse.Namespace, context: AppContext) -> int:
    """`profile check NAME`: every page's HMAC and the b-trees; damage is exit 7 with one error line."""
    from epcs_desktop.core.errors import DamagedProfileError
    from epcs_desktop.core.textguard import clean_for_display

    with open_profile(context, args, args.name) as profile:
        problems = profile.check_integrity()
        name = profile.name
    if args.json:
        print_json({"profile": name, "ok": not problems, "problems": problems})
    else:
        for problem in problems:
            print(f"  problem: {clean_for_display(problem, 200)}")
    if problems:
        raise DamagedProfileError(
            f"Profile “{name}” is damaged ({len(problems)} problem(s)); restore your latest backup "
            "into a new profile."
        )
    if not args.json:
        print(f"Profile “{name}” is intact: every page passed the integrity checks.")
    return EXIT_OK


def run_delete(args: argparse.Namespace, context: AppContext) -> int:
    """`profile delete NAME`: confirmation by typing the name at the terminal, or --yes."""
    from epcs_desktop.core.errors import EpcsError, ProfileError
    from epcs_desktop.core.profiles import normalise_profile_name

    store = ProfileStore(context)
    if not store.exists(args.name):
        raise ProfileError(f"There is no profile called “{normalise_profile_name(args.name)}”.")
    name = store.path_for(args.name).name.removesuffix(".epcs")
    if not args.yes:
        if not can_prompt():
            raise EpcsError("Deleting a profile needs confirmation: add --yes (no terminal to ask on).")
        typed = input(f"This deletes profile “{name}” and every secret key in it. Type its name to confirm: ")
        if typed.strip().casefold() != name.casefold():
            raise EpcsError("Nothing was deleted: the name typed does not match.")
    store.delete(name)
    print(f"Profile “{name}” was deleted.")
    return EXIT_OK
