"""The files of a profile on disk: owner-only, writable, linked into place whole, left-overs removed.

Why: the profile file, its -wal/-shm/-journal and its key file hold every
secret (encrypted) and the key's parameters, so each is created 0600 in a 0700
folder (a 0077 umask is held while SQLite creates its side files, as a second
guard); a new profile appears under its name only once complete; copies that
hold an *old* key or old secrets are deleted once the profile has opened.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from epcs_desktop.core import profilekey
from epcs_desktop.core.errors import StorageError, VaultError
from epcs_desktop.core.private_files import tighten

logger = logging.getLogger(__name__)

SIDE_SUFFIXES = ("-wal", "-shm", "-journal", profilekey.KEY_FILE_SUFFIX)  # files that belong to a profile
CREATING_INFIX = ".creating-"  # `.NAME.epcs.creating-XXXX`: a profile being built, not yet linked into place


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files SQLite creates while we open (journal, WAL, shm) are owner-only even if mode-copying fails.

    umask is process-wide; holding it briefly is harmless because everything this
    program creates should be owner-only anyway.
    """
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) as 0700; an existing one loses group/other bits (never via a symlink)."""
    created = [p for p in (path, *path.parents) if not p.exists()]  # Windows: each gets the owner-only ACL
    try:
        with private_umask():
            path.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise StorageError(f"No permission to create or use the folder “{path}”.") from None
    except OSError as exc:
        raise StorageError(f"The folder “{path}” cannot be created ({exc.strerror}).") from None
    for folder in (path, *created):
        tighten(folder)


def tighten_profile(path: Path) -> None:
    """Profile, side files and folder lose group/other bits; 0400 stays read-only; symlinks untouched."""
    for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)):
        tighten(p)
    tighten(path.parent)


def check_writable(path: Path) -> None:
    """StorageError when the profile cannot be written: a read-only disk, or no write permission.

    Opening writes (the WAL, its index, migrations, activity), and SQLite's own
    errors for this read as "not a database", which used to be shown as a
    wrong password and counted as a failed try. Checked before any key work.
    """
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            raise StorageError(
                "The profile is on a read-only disk, so EPCS Desktop cannot open it for use. "
                "Copy the profile folder to a writable disk, or make this one writable."
            )
    if not os.access(folder, os.W_OK | os.X_OK) or not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(
            f"No permission to write the profile file or its folder (“{folder}”); EPCS Desktop must "
            "be able to write there. Ask whoever manages this computer to give you write access."
        )


def link_into_place(tmp: Path, path: Path) -> None:
    """Give the finished file its real name, failing if that name appeared meanwhile; folder synced."""
    if os.name == "nt":
        os.rename(tmp, path)  # refuses an existing target on Windows
    else:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise VaultError("A profile file with this name already exists.") from None
        os.unlink(tmp)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def leftover_files(path: Path) -> list[Path]:
    """Files beside profile `path` that hold old keys or secrets and are no longer needed.

    Copies made before a schema migration (``NAME.epcs.v1.bak`` and its -wal: the *old* password
    opens them), the copy older versions kept during the Argon2id upgrade (``NAME.epcs.pbkdf2.bak``)
    and half-written key files (``.NAME.epcs.kdf.*.tmp``) of a crashed write. Issue 23 item 9.
    """
    name = path.name
    found = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return []
    for p in siblings:
        n = p.name
        old_copy = n.startswith(name + ".pbkdf2.bak") or (
            n.startswith(name + ".v") and (n.endswith(".bak") or n.endswith(".bak-wal"))
        )
        half_written = n.startswith(f".{name}{profilekey.KEY_FILE_SUFFIX}.") and n.endswith(".tmp")
        if old_copy or half_written or n.startswith(f".{name}{CREATING_INFIX}"):  # or a crashed create
            found.append(p)
    return sorted(found)


def remove_leftovers(path: Path) -> None:
    """Delete `leftover_files(path)`; called once a profile has opened (and by profile deletion)."""
    for p in leftover_files(path):
        try:
            p.unlink()
            logger.info("removed a left-over file beside the profile (%s)", p.suffix or p.name[-8:])
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("a left-over file beside the profile could not be removed: %s", exc.strerror)
