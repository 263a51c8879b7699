"""THE "owner-only" assertion every test uses, with a real check per operating system.

Why one helper: the tests used to assert POSIX modes (0600/0700) directly, which
fails on Windows where modes only toggle the read-only flag. Here:

- POSIX (Linux, macOS): files are exactly 0600 and folders 0700 (or `mode` when a test
  expects something else, e.g. 0400 kept read-only), and owned by this user.
- Windows: every entry of the DACL allows this user alone, and it is protected (nothing
  inherited) unless all its entries come from an owner-only folder; read from the file
  itself (GetNamedSecurityInfoW through core/winacl.py).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_ACE = re.compile(r"\(([^)]*)\)")


def windows_dacl_problem(sddl: str, user_sid: str) -> str | None:
    """Why the SDDL is not owner-only for `user_sid`, or None (also used with substituted Windows facts)."""
    dacl = sddl[sddl.find("D:") :] if "D:" in sddl else ""
    if not dacl:
        return f"no DACL in {sddl!r}"
    flags = dacl[2 : dacl.find("(")] if "(" in dacl else dacl[2:]
    aces = _ACE.findall(dacl)
    if not aces:
        return f"empty DACL (nobody, not even the owner, may open it): {sddl!r}"
    inherited_only = all("ID" in ace.split(";")[1] for ace in aces)
    if "P" not in flags and not inherited_only:  # explicit entries must not mix with the folder's
        return f"DACL not protected (inherits from the folder): {sddl!r}"
    for ace in aces:
        parts = ace.split(";")
        if len(parts) < 6 or parts[0] != "A" or parts[5] != user_sid:
            return f"entry {ace!r} is not 'allow {user_sid}': {sddl!r}"
    return None


def assert_owner_only(path: str | os.PathLike[str], mode: int | None = None) -> None:
    """Assert that only this user may read or write `path` (file or folder)."""
    p = Path(path)
    info = os.lstat(p)
    if os.name == "nt":
        from epcs_desktop.core.private_files import windows_security

        security = windows_security()
        assert security is not None
        problem = windows_dacl_problem(security.sddl_of(p), security.user_sid())
        assert problem is None, f"{p}: {problem}"
        return
    expected = mode if mode is not None else (0o700 if stat.S_ISDIR(info.st_mode) else 0o600)
    assert stat.S_IMODE(info.st_mode) == expected, f"{p}: mode {stat.S_IMODE(info.st_mode):o} != {expected:o}"
    assert info.st_uid == os.getuid(), f"{p}: owned by uid {info.st_uid}"  # type: ignore[attr-defined,unused-ignore]


def access_state(path: str | os.PathLike[str]) -> object:
    """Who may open `path`, to compare before and after (POSIX: the mode; Windows: the SDDL)."""
    if os.name == "nt":
        from epcs_desktop.core.private_files import windows_security

        security = windows_security()
        assert security is not None
        return security.sddl_of(path)
    return stat.S_IMODE(os.stat(path).st_mode)
