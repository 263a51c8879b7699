"""Where profiles live, and what they may be called.

One encrypted file per clinician (``<data_dir>/profiles/<name>.epcs``) keeps
profiles independent: a forgotten password, a damaged file or a backup restore
touches one clinician only. Names become file names, so they are limited to
characters every file system accepts, and compared case-insensitively because
macOS and Windows file systems do.

Listing and naming profiles is all the lock screen needs before its first
paint, so this module imports only the standard library at load time. The
vault (SQLCipher), the profile service and its rules, and platformdirs are
imported by the methods that need them (`create`, `open`, `delete`, and
`default_data_dir` when no folder is given), which the GUI calls on its
unlock worker, after the window is on screen.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from epcs_desktop import APP_ID
from epcs_desktop.core.errors import ProfileError

if TYPE_CHECKING:
    from epcs_desktop.core.profile import Profile

logger = logging.getLogger(__name__)

# Same value as core.vault.DEFAULT_BUSY_TIMEOUT (a test keeps them equal); not imported from there
# because importing core.vault loads SQLCipher, which listing profiles does not need.
DEFAULT_BUSY_TIMEOUT = 5.0
# Names this module used to import at load time, still importable from here (loaded on first use).
_LAZY = {
    "Profile": "epcs_desktop.core.profile",
    "check_new_password": "epcs_desktop.core.profile",
    "Vault": "epcs_desktop.core.vault",
    "SIDE_SUFFIXES": "epcs_desktop.core.vault",
    "make_private_dir": "epcs_desktop.core.vault",
}


def __getattr__(name: str) -> Any:
    """`from epcs_desktop.core.profiles import Vault` keeps working without loading SQLCipher up front."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SUFFIX = ".epcs"
DATA_DIR_ENV = "EPCS_DESKTOP_DATA_DIR"
_NAME = re.compile(r"[^\W_][\w .\-]{0,63}")


def default_data_dir() -> Path:
    """``$EPCS_DESKTOP_DATA_DIR`` if set, else the platform's per-user data folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no folder was given: a test or --data-dir never pays for it

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def normalise_profile_name(name: str) -> str:
    """1..64 letters, digits, spaces, '.', '-', '_'; starts with a letter or digit; no trailing dot."""
    text = re.sub(r"\s+", " ", str(name)).strip()
    if not text:
        raise ProfileError("A profile name cannot be empty.")
    if len(text) > 64:
        raise ProfileError("A profile name can have at most 64 characters.")
    if not _NAME.fullmatch(text) or text.endswith("."):
        raise ProfileError(
            "A profile name can use letters, digits, spaces, '.', '-' and '_', "
            "and starts with a letter or digit."
        )
    return text


class ProfileStore:
    """The profiles folder of one data directory."""

    def __init__(
        self, data_dir: str | os.PathLike[str] | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> None:
        self.data_dir = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        self.profiles_dir = self.data_dir / "profiles"
        self.busy_timeout = busy_timeout

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.data_dir)!r})"

    def list(self) -> list[str]:
        """Profile names, sorted case-insensitively."""
        if not self.profiles_dir.is_dir():
            return []
        names = []
        for p in self.profiles_dir.iterdir():
            if p.is_file() and p.name.endswith(SUFFIX):
                stem = p.name[: -len(SUFFIX)]
                with contextlib.suppress(ProfileError):
                    names.append(normalise_profile_name(stem))
        return sorted(set(names), key=str.casefold)

    def _find(self, name: str) -> str | None:
        key = normalise_profile_name(name).casefold()
        return next((n for n in self.list() if n.casefold() == key), None)

    def exists(self, name: str) -> bool:
        return self._find(name) is not None

    def path_for(self, name: str) -> Path:
        """The file of `name` (using the stored spelling if it exists in another case)."""
        return self.profiles_dir / f"{self._find(name) or normalise_profile_name(name)}{SUFFIX}"

    def create(self, name: str, password: str) -> Profile:
        from epcs_desktop.core.profile import Profile, check_new_password
        from epcs_desktop.core.vault import Vault, make_private_dir

        name = normalise_profile_name(name)
        existing = self._find(name)
        if existing is not None:
            raise ProfileError(f"A profile called '{existing}' already exists.")
        check_new_password(password)
        make_private_dir(self.data_dir)
        make_private_dir(self.profiles_dir)
        vault = Vault.create(self.path_for(name), password, busy_timeout=self.busy_timeout)
        profile = Profile(vault, name)
        profile.log_activity("profile created", f"Profile '{name}' was created.")
        return profile

    def open(self, name: str, password: str) -> Profile:
        from epcs_desktop.core.profile import Profile
        from epcs_desktop.core.vault import Vault

        stored = self._find(name)
        if stored is None:
            raise ProfileError(f"There is no profile called '{normalise_profile_name(name)}'.")
        vault = Vault.open(self.path_for(stored), password, busy_timeout=self.busy_timeout)
        return Profile(vault, stored)

    def delete(self, name: str) -> None:
        """Remove the profile's file and its journal files (migration backups are kept)."""
        from epcs_desktop.core.vault import SIDE_SUFFIXES

        stored = self._find(name)
        if stored is None:
            raise ProfileError(f"There is no profile called '{normalise_profile_name(name)}'.")
        path = self.path_for(stored)
        for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        logger.info("deleted a profile file")
