"""One error family for everything a user can cause.

Every error a person can trigger (bad URI, wrong password, unreadable image,
rule violation) is an `EpcsError` whose `str()` is a single human sentence
safe to show and to log: it never contains a secret, a code or a password.
The CLI prints it after `error:`; the GUI shows it inline. Anything that is
not an `EpcsError` is a bug and is handled as one.
"""

from collections.abc import Mapping


class EpcsError(Exception):
    """Base class: a user-facing, one-line, secret-free message."""

    # Set where the window must translate the message itself: the untranslated `N_` template and the
    # values to format it with (`str()` stays the English sentence for the CLI and the log).
    template: str | None = None
    params: Mapping[str, object] | None = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class OtpAuthError(EpcsError):
    """An otpauth URI or secret key that cannot be used."""


class VaultError(EpcsError):
    """The encrypted profile database cannot be opened, read or written."""


class WrongPasswordError(VaultError):
    """The password does not open this profile. The file is left untouched."""


class VaultLockedError(VaultError):
    """Another process holds this profile open for writing."""


class ProfileError(EpcsError):
    """A profile name that is invalid, taken or missing."""


class RuleError(EpcsError):
    """A change that would break an eRx rule (nickname, primary device, DEA/NPI...)."""


class QrError(EpcsError):
    """An image or camera that cannot be read (not: an image with no QR code)."""


class CameraError(QrError):
    """No camera, busy camera, permission denied, camera unplugged."""


class PayloadError(EpcsError):
    """A scanned or imported payload that is not an authenticator secret."""


class ImportFileError(EpcsError):
    """An import file (Aegis, 2FAS, URI list...) that cannot be read at all."""

    needs_password: bool = False


class PasswordRequiredError(ImportFileError):
    """An encrypted import file was given without its password: ask for one and try again."""

    needs_password = True


class ImportPasswordError(ImportFileError):
    """The password given does not open this encrypted import file."""

    needs_password = True


class BackupError(EpcsError):
    """A backup file that is damaged, of an unknown version, or has a wrong password."""


def passwd_command(name: str) -> str:
    """The command that replaces a temporary password, quoted so it can be pasted as it is ("Dr Lee")."""
    import shlex

    return f"epcs-desktop profile passwd {shlex.quote(name)}"


class TemporaryPasswordError(ProfileError):
    """The profile is on the temporary password it was handed over with; it must be replaced first.

    Raised by `ProfileStore.open` unless the caller (the window's forced change,
    `profile passwd`) says it will replace it. The CLI exits 5.
    """

    def __init__(self, name: str) -> None:
        super().__init__(
            "this profile's temporary password must be replaced: run "
            f"`{passwd_command(name)}`"
        )
        self.profile_name = name


class StorageError(VaultError):
    """The disk or folder refuses (read-only, no permission, full): never a wrong password or a failed try.

    The CLI exits 6 (`EXIT_STORAGE`); the window says what is wrong without a retry delay.
    """


class DamagedProfileError(VaultError):
    """The password is right (its check value matches) but the profile's pages do not read (exit 7)."""


class ExportError(EpcsError):
    """A file the clinician asked to write out (an export, the activity CSV) cannot be made or written."""
