"""`epcs-desktop backup create|restore`: encrypted profile backups from the command line.

Why a separate backup password: the backup leaves the machine (USB stick,
practice file share), so it should not be opened by the same password that
unlocks the daily profile, and it must survive a profile password change.
It comes from $EPCS_DESKTOP_BACKUP_PASSWORD, --backup-password-file or a
no-echo prompt; never from argv.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from epcs_desktop.cli.common import (
    EXIT_OK,
    EXIT_WRONG_PASSWORD,
    add_profile_argument,
    open_profile,
    read_password,
)
from epcs_desktop.core.errors import RuleError
from epcs_desktop.core.textguard import clean_for_display

if TYPE_CHECKING:
    from epcs_desktop.cli.common import Subparsers
    from epcs_desktop.core.context import AppContext

logger = logging.getLogger(__name__)

BACKUP_PASSWORD_ENV = "EPCS_DESKTOP_BACKUP_PASSWORD"  # noqa: S105 (a variable name)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="make or restore an encrypted backup of a profile",
        description="Encrypted backups (Argon2id + AES-256-GCM; format in docs/backup-format.md). "
        f"The backup password comes from ${BACKUP_PASSWORD_ENV}, else --backup-password-file, else a prompt.",
    )
    actions = parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    create = actions.add_parser("create", help="write an encrypted backup of a profile to FILE")
    add_profile_argument(create)
    _add_backup_password_file(create)
    create.add_argument(
        "file", metavar="FILE", help="backup file to write (replaced atomically if it exists)"
    )
    create.set_defaults(func=run_create)

    restore = actions.add_parser("restore", help="restore a backup FILE into an existing profile")
    add_profile_argument(restore)
    _add_backup_password_file(restore)
    restore.add_argument("file", metavar="FILE", help="backup file to read")
    restore.add_argument(
        "--mode",
        choices=("merge", "replace"),
        default="merge",
        help="merge: add devices that are missing and keep the rest (default); "
        "replace: make the profile exactly the backup",
    )
    restore.add_argument("--dry-run", action="store_true", help="show what would change and change nothing")
    restore.add_argument(
        "--other-clinician",
        action="store_true",
        help="restore a backup that was made from another clinician's profile (without it such a restore "
        "is refused); a merge then never takes that clinician's Prescriber Info, identity or settings",
    )
    restore.set_defaults(func=run_restore)


def _add_backup_password_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backup-password-file", metavar="FILE", help="read the backup password from the first line of FILE"
    )


def _backup_password(args: argparse.Namespace, context: AppContext, *, confirm: bool) -> str:
    password = read_password(
        args,
        prompt="Backup password: ",
        confirm=confirm,
        env=BACKUP_PASSWORD_ENV,
        file_attr="backup_password_file",
    )
    if confirm:  # a new backup password: the one policy (`core.passwords`) profiles use too
        from epcs_desktop.core.passwords import check_new_password
        from epcs_desktop.core.policy import minimum_password_strength

        check_new_password(password, minimum=minimum_password_strength(context.policy.current()))
    return password


def _wrong_backup_password(exc: Exception) -> int:
    """Same exit status as a wrong profile password (3), which exit_code_for cannot know about."""
    sys.stderr.write(f"error: {exc}\n")
    return EXIT_WRONG_PASSWORD


def run_create(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core import backup  # lazily: building the parser must stay cheap for GUI start-up

    profile = open_profile(context, args)
    try:
        backup.check_backup_folder(args.file, profile.settings)  # before the backup password is asked
        password = _backup_password(args, context, confirm=True)
        target = backup.backup_profile(profile, args.file, password)
        count = len(profile.devices())
    finally:
        profile.close()
    print(f"Backup of profile “{profile.name}” ({count} device(s)) written to {target}.")
    return EXIT_OK


def run_restore(args: argparse.Namespace, context: AppContext) -> int:
    from epcs_desktop.core import backup
    from epcs_desktop.core.backup import BackupPasswordError

    profile = open_profile(context, args)
    try:
        password = _backup_password(args, context, confirm=False)
        try:
            snapshot = backup.read_backup(args.file, password)
        except BackupPasswordError as exc:
            return _wrong_backup_password(exc)
        preview = backup.describe_restore(profile, snapshot, args.mode)
        verb = "would change" if args.dry_run else "changes"
        if preview.other_clinician:
            print(
                f"This backup was made from the profile “{clean_for_display(preview.backup_profile, 64)}”, "
                "and nothing in it (NPI, DEA number, clinician id) matches profile "
                f"“{profile.name}”: it looks like another clinician's."
            )
        print(f"Restoring {args.file} into profile “{profile.name}” ({args.mode}) {verb}:")
        for line in preview.lines:
            print(f"  {line.text}")
        if args.dry_run:
            print("Dry run: nothing was changed.")
            return EXIT_OK
        if preview.other_clinician and not args.other_clinician:
            raise RuleError(
                "Nothing was restored: the backup is from the profile "
                f"“{clean_for_display(preview.backup_profile, 64)}”. "
                "If you mean to restore it here, run the command again with --other-clinician."
            )
        summary = profile.apply_snapshot(snapshot, args.mode, other_clinician=args.other_clinician)
    finally:
        profile.close()
    print(summary)
    return EXIT_OK
