"""Owner-only files and folders, without following or loosening what we did not create.

Why: exports hold DEA and NPI numbers and activity; profiles hold secrets.
Everything the program writes is created 0600 (folders 0700) from the first
byte, never made private afterwards. Tightening an existing file only ever
*removes* group/other bits: a profile someone made read-only (0400) stays
read-only, and a symlink is never chmod-ed (that would change its target,
which may be a file we never created).
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # 0600
    tmp = Path(tmp_name)
    try:
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


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
