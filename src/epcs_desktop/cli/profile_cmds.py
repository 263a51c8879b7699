"""``profile create | list | passwd``.

Creating and re-keying ask for the new password twice at the prompt; scripts
use $EPCS_DESKTOP_PASSWORD / --password-file for the current password and
$EPCS_DESKTOP_NEW_PASSWORD / --new-password-file for the new one, so no
password ever appears in argv.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from epcs_desktop.cli.common import (
    EXIT_OK,
    NEW_PASSWORD_ENV,
    add_json_argument,
    open_profile,
    print_json,
    read_password,
    store_from_args,
)

logger = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("profile", help="create, list and re-key clinician profiles")
    sub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    c = sub.add_parser("create", help="create an encrypted profile")
    c.add_argument("name", metavar="NAME")
    c.set_defaults(func=run_create)

    c = sub.add_parser("list", help="list the profiles in the data directory")
    add_json_argument(c)
    c.set_defaults(func=run_list)

    c = sub.add_parser("passwd", help="change a profile's password (re-encrypts the file)")
    c.add_argument("name", metavar="NAME")
    c.add_argument(
        "--new-password-file",
        metavar="FILE",
        help=f"new password from FILE (else ${NEW_PASSWORD_ENV}, else ask)",
    )
    c.set_defaults(func=run_passwd)


def run_create(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    password = read_password(args, prompt=f"New password for profile '{args.name}': ", confirm=True)
    with store.create(args.name, password) as profile:
        print(f"Created profile '{profile.name}' in {store.profiles_dir}.")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    names = store.list()
    if args.json:
        print_json({"data_dir": str(store.data_dir), "profiles": names})
    elif names:
        print("\n".join(names))
    else:
        print(f"No profiles yet in {store.data_dir}. Create one with: epcs-desktop profile create NAME")
    return EXIT_OK


def run_passwd(args: argparse.Namespace) -> int:
    with open_profile(args, args.name) as profile:
        new = read_password(
            args,
            prompt=f"New password for profile '{profile.name}': ",
            confirm=True,
            env=NEW_PASSWORD_ENV,
            file_attr="new_password_file",
        )
        profile.change_password(new)
        print(f"The password of profile '{profile.name}' was changed.")
    return EXIT_OK
