"""Owner-only files and folders, without following or loosening what we did not create.

Why: exports hold DEA and NPI numbers and activity; profiles hold secrets.
Everything the program writes is created 0600 (folders 0700) from the first
byte, never made private afterwards. Tightening an existing file only ever
*removes* group/other bits: a profile someone made read-only (0400) stays
read-only, and a symlink is never chmod-ed (that would change its target,
which may be a file we never created).

On Windows the mode bits mean nothing (0600 only clears the read-only flag):
the same calls give the file or folder a protected owner-only DACL instead
(core/winacl.py), through `windows_security()`, which tests substitute.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from epcs_desktop.core.winacl import WindowsSecurity

_security: list[WindowsSecurity] = []


def windows_security() -> WindowsSecurity | None:
    """Windows' ACL calls (loaded once), or None on POSIX systems where mode bits do the job.

    Tests replace this function to run the Windows branch with a recording fake advapi32.
    """
    if os.name != "nt":
        return None
    if not _security:
        from epcs_desktop.core.winacl import load_windows_security

        _security.append(load_windows_security())
    return _security[0]


def _make_owner_only_windows(security: WindowsSecurity, path: Path, info: os.stat_result) -> None:
    """Our own file or folder gets the owner-only DACL; someone else's is left alone (as on POSIX)."""
    try:
        owner = security.owner_of(path)
        if owner and owner not in security.own_sids():
            return
        security.make_owner_only(path, folder=stat.S_ISDIR(info.st_mode))
    except OSError as exc:
        logger.warning("could not make a file private (%s)", exc.strerror or type(exc).__name__)


def tighten(path: str | os.PathLike[str]) -> None:
    """Remove group/other permission bits from `path` if it is our own regular file or folder.

    Never follows a symlink, never adds a bit (0400 stays 0400), and is silent
    when the file is missing or belongs to someone else.
    """
    p = Path(path)
    try:
        info = os.lstat(p)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) or not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return
    security = windows_security()
    if security is not None:
        if not getattr(info, "st_reparse_tag", 0):  # a junction or other reparse point: never followed
            _make_owner_only_windows(security, p, info)
        return
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        with contextlib.suppress(OSError):
            if os.chmod in os.supports_follow_symlinks:
                os.chmod(p, mode & ~0o077, follow_symlinks=False)
            else:
                os.chmod(p, mode & ~0o077)


def write_private(target: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `target` owner-only and atomically (temp file 0600 in the same folder, then rename).

    The rename replaces a symlink at `target` by a file instead of writing through it.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # 0600
    tmp = Path(tmp_name)
    try:
        security = windows_security()
        if security is not None:  # before the first byte: the folder's inherited ACL may let others read
            try:
                security.make_owner_only(tmp, folder=False)
            except BaseException:
                os.close(fd)
                raise
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def remove_stale_temps(target: str | os.PathLike[str]) -> None:
    """Delete our own temp files of an earlier write of `target` that was killed before its rename.

    Why: a killed export left ``.NAME.xxxx.tmp`` with every secret in plain text (issue 23 item 9);
    the next write of the same file removes it. Only regular files we own, named exactly as
    `write_private` names them, are touched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        p = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(p)
            if stat.S_ISREG(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
                p.unlink()
                logger.info("removed a temp file left by an interrupted write")


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# A profile's files (the database, SQLite's companions, the Argon2id key file).
PROFILE_SUFFIXES = (".epcs", ".epcs-wal", ".epcs-shm", ".epcs-journal", ".epcs.kdf")


def profile_target_problem(
    target: str | os.PathLike[str], profile_path: str | os.PathLike[str] | None = None
) -> str | None:
    """Why a file the person chose to save (backup, export, setup sheet, activity CSV) must not be
    written there, or None. THE rule for every user-chosen destination.

    Why: `backup create -p P <data>/profiles/P.epcs` once succeeded, after which the left-over -wal
    was replayed into the backup: the profile no longer opened and the backup no longer restored;
    as root, `/dev/full` was replaced by a file. Refused: anything that exists but is not a regular
    file, a profile's file names, anything in a profiles folder, and the live profile itself (also
    through a symlink or a hard link).
    """
    path = Path(target)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return exc.strerror or "it cannot be checked"
    if info is not None and not stat.S_ISREG(info.st_mode):
        return f"“{path}” is not a regular file"
    if path.name.lower().endswith(PROFILE_SUFFIXES):
        return f"“{path.name}” is the name of a profile file"
    folder = (path.parent if str(path.parent) else Path(".")).resolve()
    protected: list[Path] = []
    if profile_path is not None:
        live = Path(profile_path).resolve()
        protected = [live, *(Path(str(live) + s) for s in ("-wal", "-shm", "-journal"))]
        if folder == live.parent:
            return "it is inside the profiles folder; choose another folder"
    if folder.name == "profiles" and any(folder.glob("*.epcs")):
        return "it is inside a profiles folder; choose another folder"
    resolved = path.resolve()
    for p in protected:
        same = resolved == p
        if not same and info is not None:
            with contextlib.suppress(OSError):
                same = os.path.samefile(path, p)
        if same:
            return "it is the profile's own file"
    return None
