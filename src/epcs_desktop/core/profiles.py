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
from typing import TYPE_CHECKING

from epcs_desktop import APP_ID
from epcs_desktop.core.activity import event
from epcs_desktop.core.errors import EpcsError, ProfileError, StorageError
from epcs_desktop.core.i18n import N_

if TYPE_CHECKING:
    from epcs_desktop.core.clock import Clock
    from epcs_desktop.core.context import AppContext, PolicySource
    from epcs_desktop.core.erx import PrescriberInfo
    from epcs_desktop.core.profile import Profile

logger = logging.getLogger(__name__)

# Same value as core.vault.DEFAULT_BUSY_TIMEOUT (a test keeps them equal); not imported from there
# because importing core.vault loads SQLCipher, which listing profiles does not need.
DEFAULT_BUSY_TIMEOUT = 5.0
SUFFIX = ".epcs"
DATA_DIR_ENV = "EPCS_DESKTOP_DATA_DIR"
_NAME = re.compile(r"[^\W_][\w .'\-]{0,63}")


def default_data_dir() -> Path:
    """``$EPCS_DESKTOP_DATA_DIR`` if set, else the platform's per-user data folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no folder was given: a test or --data-dir never pays for it

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


# Names Windows reserves for devices, with or without an extension ("aux.txt" is AUX too), in any case.
# Refused on every platform so that a profile file copies to any machine (issue 11 item 16).
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"0123456789", "\u00b9", "\u00b2", "\u00b3")}
)


PROFILE_EXISTS = N_("A profile called “{name}” already exists.")


def normalise_profile_name(name: str) -> str:
    """1..64 letters, digits, spaces, '.', '-', '_', "'"; starts with a letter or digit; no trailing dot.

    "Dr. O'Brien" is a real clinician's name, so the apostrophe is allowed (it is
    safe in file names everywhere); Windows device names (CON, NUL, COM1, aux.txt...) are not.
    """
    text = re.sub(r"\s+", " ", str(name)).strip()
    if not text:
        raise ProfileError(N_("A profile name cannot be empty."))
    if len(text) > 64:
        raise ProfileError(N_("A profile name can have at most 64 characters."))
    if not _NAME.fullmatch(text) or text.endswith("."):
        raise ProfileError(
            N_(
                "A profile name can use letters, digits, spaces, '.', '-', '_' and apostrophes, "
                "and starts with a letter or digit."
            )
        )
    if text.split(".", 1)[0].strip().upper() in WINDOWS_RESERVED:
        raise ProfileError(f"“{text}” is a name Windows reserves for a device; choose another profile name.")
    return text


class ProfileStore:
    """The profiles folder of the context's data directory; profiles it opens share its clock and policy."""

    def __init__(self, context: AppContext, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.context = context
        self.clock: Clock = context.clock  # every vault and profile it opens keeps time with this one
        self.policy: PolicySource = context.policy  # and applies this IT policy (core/context.py)
        self.data_dir = Path(context.data_dir)
        self.profiles_dir = self.data_dir / "profiles"
        self.busy_timeout = busy_timeout

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.data_dir)!r})"

    def list(self) -> list[str]:
        """Profile names, sorted case-insensitively."""
        names = []
        try:
            if not self.profiles_dir.is_dir():
                return []
            for p in self.profiles_dir.iterdir():
                if p.is_file() and p.name.endswith(SUFFIX):
                    stem = p.name[: -len(SUFFIX)]
                    with contextlib.suppress(ProfileError):
                        names.append(normalise_profile_name(stem))
        except PermissionError:
            raise StorageError(
                f"The profiles folder “{self.profiles_dir}” cannot be read: permission denied."
            ) from None
        except OSError as exc:
            raise StorageError(
                f"The profiles folder “{self.profiles_dir}” cannot be read "
                f"({exc.strerror or 'input/output error'})."
            ) from None
        return sorted(set(names), key=str.casefold)

    def _find(self, name: str) -> str | None:
        key = normalise_profile_name(name).casefold()
        return next((n for n in self.list() if n.casefold() == key), None)

    def exists(self, name: str) -> bool:
        return self._find(name) is not None

    def path_for(self, name: str) -> Path:
        """The file of `name` (using the stored spelling if it exists in another case)."""
        return self.profiles_dir / f"{self._find(name) or normalise_profile_name(name)}{SUFFIX}"

    def check_new_name(self, name: str) -> str:
        """THE rule for a new profile's name (valid, not taken case-insensitively): the normalised name
        or ProfileError. `create` applies it; forms call it to show the problem under the name field."""
        name = normalise_profile_name(name)
        existing = self._find(name)
        if existing is not None:
            taken = ProfileError(PROFILE_EXISTS.format(name=existing))
            taken.template, taken.params = PROFILE_EXISTS, {"name": existing}  # translated by the window
            raise taken
        return name

    def create(
        self,
        name: str,
        password: str,
        *,
        temporary: bool = False,
        prescriber: PrescriberInfo | None = None,
        staff: str = "",
    ) -> Profile:
        """Create a profile (the one password policy applies); all of it or nothing.

        `temporary=True`: `password` is a hand-over password the clinician must
        replace (`Profile.requires_new_password`); `prescriber` and `staff` are
        what the front desk fills in. Everything after the file exists is one
        transaction, and the file is removed again if any of it fails.
        """
        from epcs_desktop.core.erx import validate_prescriber
        from epcs_desktop.core.passwords import check_new_password
        from epcs_desktop.core.policy import minimum_password_strength
        from epcs_desktop.core.profile import Profile
        from epcs_desktop.core.vault import Vault, make_private_dir

        name = self.check_new_name(name)
        check_new_password(password, minimum=minimum_password_strength(self.policy.current()))
        if prescriber is not None:
            prescriber = validate_prescriber(prescriber)  # before the file exists: nothing to undo
        make_private_dir(self.data_dir)
        make_private_dir(self.profiles_dir)
        path = self.path_for(name)
        vault = Vault.create(path, password, busy_timeout=self.busy_timeout, clock=self.clock)
        profile = Profile(vault, name, self.policy)
        try:
            with vault.transaction():  # the steps below join this one transaction
                profile.log_activity("profile created", event(N_("Profile “{name}” was created."), name=name))
                if prescriber is not None:
                    profile.set_prescriber(prescriber)
                if temporary:
                    profile.start_handover(password, staff)
        except BaseException:
            profile.close()
            self._remove_files(path)
            raise
        return profile

    def open(self, name: str, password: str, *, allow_temporary: bool = False) -> Profile:
        """Unlock a profile. One on a temporary (hand-over) password raises `TemporaryPasswordError`
        unless the caller replaces it next (`allow_temporary=True`: the window, `profile passwd`)."""
        from epcs_desktop.core.errors import TemporaryPasswordError
        from epcs_desktop.core.profile import Profile
        from epcs_desktop.core.vault import Vault

        stored = self._find(name)
        if stored is None:
            raise ProfileError(f"There is no profile called “{normalise_profile_name(name)}”.")
        vault = Vault.open(self.path_for(stored), password, busy_timeout=self.busy_timeout, clock=self.clock)
        try:
            profile = Profile(vault, stored, self.policy)
            if profile.requires_new_password:
                if profile.is_temporary_password(password) is False:
                    # The re-key of `replace_temporary_password` committed but the flag was not cleared
                    # (a crash in between): the password that opened the file is the clinician's own.
                    profile.clear_stale_handover()
                elif not allow_temporary:
                    raise TemporaryPasswordError(stored)
        except BaseException:
            vault.close()
            raise
        try:  # a killed export's plaintext temp file goes at the next open (issue 23 item 9)
            profile.remove_unfinished_exports()
        except EpcsError as exc:  # busy or a disk error: the next open tries again; opening goes on
            logger.warning("interrupted exports not checked: %s", exc)
        return profile

    def delete(self, name: str) -> None:
        """Remove every file of the profile: the database, its journals, the key file and any copy or
        half-written file kept beside it (`vault.leftover_files`: old-password copies hold every secret)."""
        stored = self._find(name)
        if stored is None:
            raise ProfileError(f"There is no profile called “{normalise_profile_name(name)}”.")
        self._remove_files(self.path_for(stored))
        logger.info("deleted a profile file")

    @staticmethod
    def _remove_files(path: Path) -> None:
        from epcs_desktop.core.vault import SIDE_SUFFIXES, leftover_files

        # The database first: once it is gone the name is free, whatever happens to the rest.
        for p in (path, *(Path(str(path) + s) for s in SIDE_SUFFIXES), *leftover_files(path)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
