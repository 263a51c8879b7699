"""``export -p NAME --format otpauth|aegis|aegis-encrypted|2fas OUT``: let a profile's code generators leave.

Why: no lock-in. A clinician moving to a phone app, or support staff moving
a profile to another authenticator, need the secrets in a format other apps
read (core/export.py). An export holds secret keys, so:

* the profile password must be given (it opens the profile; nothing is read
  without it), and for ``aegis-encrypted`` the export password is typed twice
  ($EPCS_DESKTOP_EXPORT_PASSWORD or --export-password-file otherwise);
* a warning on stderr says what the file holds, every time;
* the file is written owner-only (0600), atomically, never over a profile
  file or into the profiles folder, and never over an existing file unless
  ``--overwrite`` is given;
* the activity log records the export (format and count, never a secret).
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from epcs_desktop.cli.common import (
    EXIT_OK,
    add_profile_argument,
    open_profile,
    read_password,
    warn,
)
from epcs_desktop.core.activity import export_event
from epcs_desktop.core.profiles import ProfileStore

if TYPE_CHECKING:
    from epcs_desktop.core.context import AppContext

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers

logger = logging.getLogger(__name__)

EXPORT_PASSWORD_ENV = "EPCS_DESKTOP_EXPORT_PASSWORD"  # noqa: S105 (a variable name, not a password)


def register(subparsers: Subparsers) -> None:
    from epcs_desktop.core.export import FORMATS

    p = subparsers.add_parser(
        "export",
        help="write the profile's code generators to a file other authenticator apps can import",
        description="Export every code generator held in the profile (secrets included) as an otpauth "
        "link list, an Aegis vault (plain or encrypted) or a 2FAS backup. The file is owner-only. "
        f"The export password of aegis-encrypted comes from ${EXPORT_PASSWORD_ENV}, else "
        "--export-password-file, else a prompt (typed twice).",
    )
    add_profile_argument(p)
    p.add_argument("--format", "-f", required=True, choices=FORMATS, help="file format to write")
    p.add_argument("out", metavar="OUT", help="file to write (never a profile file)")
    p.add_argument(
        "--export-password-file",
        metavar="FILE",
        help="aegis-encrypted: read the export password from the first line of FILE",
    )
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it already exists")
    p.set_defaults(func=run)


def _export_password(args: argparse.Namespace, context: AppContext) -> str:
    """The export password (typed twice at a prompt), checked by the one password policy."""
    from epcs_desktop.core.passwords import check_new_password

    password = read_password(
        args,
        prompt="Password for the encrypted export: ",
        confirm=True,
        env=EXPORT_PASSWORD_ENV,
        file_attr="export_password_file",
    )
    from epcs_desktop.core.policy import minimum_password_strength

    return check_new_password(password, minimum=minimum_password_strength(context.policy.current()))


def run(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core.errors import ExportError
    from epcs_desktop.core.export import (
        FORMAT_AEGIS_ENCRYPTED,
        TARGET_EXISTS,
        check_export_allowed,
        check_target,
        entries_from_devices,
        render,
        warning_for,
        write_export,
    )

    check_export_allowed(context.policy.current())  # IT's policy: before any password is asked for
    store = ProfileStore(context)
    try:  # before any password is asked for
        target = check_target(args.out, store.profiles_dir, overwrite=args.overwrite)
    except ExportError as exc:
        if str(exc) == TARGET_EXISTS:
            raise ExportError(f"{str(exc)[:-1]} (or use --overwrite to replace it).") from None
        raise
    with open_profile(context, args) as profile:
        check_export_allowed(context.policy.current(), profile.settings)  # the profile's own setting too
        entries = entries_from_devices(profile.generators())
        if not entries:
            raise ExportError("This profile holds no code generators, so there is nothing to export.")
        password = _export_password(args, context) if args.format == FORMAT_AEGIS_ENCRYPTED else None
        data = render(args.format, entries, clock=context.clock, password=password)
        write_export(target, data, profile)
        n = len(entries)
        profile.log_activity(
            "codes exported",
            export_event(n, args.format),
        )
    warn(warning_for(args.format))
    sys.stdout.write(
        f"Exported {n} code generator{'' if n == 1 else 's'} from profile “{profile.name}” "
        f"to {target} ({args.format}).\n"
    )
    return EXIT_OK
