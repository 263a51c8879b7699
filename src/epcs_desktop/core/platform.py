"""What differs between Linux, Windows and macOS, behind one small interface.

Why one module of facts: the Windows- and macOS-only lines (a registry path, a
WTS message number, a pasteboard type, a folder name) would otherwise live in
`if sys.platform == ...` branches that the Linux machines running our tests
never execute, so a typo in them would first show up on a clinician's
workstation. Here every OS is a class built from *substituted* facts
(`sys.platform`, the environment, the home folder, a registry reader, an
authorization status), so `tests/platform/` runs each branch on any machine.

Pure standard library, no Qt (like the rest of core/): the GUI applies the
facts (ui/app.py, ui/session_watch.py, ui/clipboard.py), the policy loader
(core/policy.py) reads the locations, core/frames.py the camera messages.
"""

from __future__ import annotations

import enum
import importlib
import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from epcs_desktop import APP_ID, APP_NAME, DESKTOP_ID

if TYPE_CHECKING:  # the marker module loads ctypes: only on first use (not before the lock screen)
    from epcs_desktop.core.macpasteboard import ObjCRuntime, PasteboardMarker

logger = logging.getLogger(__name__)

#: A registry reader: (hive, key path, value name) -> the value, or None when absent.
#: Only `WindowsPlatform` uses one; the real one is `winreg_reader` (Windows only).
RegistryReader = Callable[[str, str, str], Any]

#: Windows' taskbar groups windows and pins shortcuts by this id (the Start-menu shortcut
#: made by the installers carries the same value; tests/platform checks they agree).
APP_USER_MODEL_ID = DESKTOP_ID
#: The folder name IT sees in machine-wide places (ProgramData, /Library/Application Support).
MACHINE_FOLDER = APP_NAME
POLICY_FILE_NAME = "policy.json"
POLICY_ENV = "EPCS_DESKTOP_POLICY"
#: HKLM\<this>: Group Policy / Intune settings (the same keys as the policy file).
WINDOWS_POLICY_KEY = r"Software\Policies\EPCS Desktop"

# --- Windows session notifications (winuser.h, wtsapi32.h) ----------------------------------
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
WTS_CONSOLE_CONNECT = 0x1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_CONNECT = 0x3
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOGON = 0x5
WTS_SESSION_LOGOFF = 0x6
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
#: The WTS events that mean "the person left this session": lock the profile.
WTS_LOCKING: Mapping[int, str] = {
    WTS_SESSION_LOCK: "session locked",
    WTS_CONSOLE_DISCONNECT: "session switched",
    WTS_REMOTE_DISCONNECT: "remote session disconnected",
    WTS_SESSION_LOGOFF: "signing out",
}

class CameraAccess(enum.Enum):
    """What the operating system says about this program using the camera."""

    ALLOWED = "allowed"
    DENIED = "denied"  # the person (or an earlier answer) said no
    NOT_ASKED = "not yet asked"  # the system will ask the first time the camera is opened
    RESTRICTED = "restricted"  # an administrator, MDM profile or Group Policy blocks it
    UNKNOWN = "unknown"  # no way to tell here (Linux, or the API is unavailable)


@dataclass(frozen=True)
class ClipboardFormat:
    """One extra clipboard format written next to the code's text.

    `mime` is what QMimeData.setData takes (Qt maps it to the native format),
    `data` its bytes. Each one asks clipboard history / sync tools to skip the code.
    """

    mime: str
    data: bytes
    why: str


_DWORD_0 = (0).to_bytes(4, "little")


@dataclass(frozen=True)
class Platform:
    """Facts for one operating system. Build one with `platform_for()`; never branch on sys.platform.

    Folders are `PurePath`s of the OS they describe (a `PureWindowsPath` for Windows, even
    when a test builds the Windows facts on Linux); on the real OS, `Path(...)` of them.
    """

    env: Mapping[str, str]
    home: Path
    name: str = "unknown"
    registry: RegistryReader | None = field(default=None, repr=False)

    # -- folders ------------------------------------------------------------------------------
    def data_dir(self) -> PurePath:
        """The per-user folder that holds profiles (same as platformdirs.user_data_dir)."""
        raise NotImplementedError

    def log_dir(self) -> PurePath:
        """The per-user folder of the private log file (same as platformdirs.user_log_dir)."""
        raise NotImplementedError

    def policy_file(self) -> PurePath:
        """The machine-wide policy file IT deploys."""
        raise NotImplementedError

    def managed_preference_files(self) -> tuple[Path, ...]:
        """Files an MDM configuration profile writes (macOS); empty elsewhere."""
        return ()

    def registry_policy(self) -> tuple[str, str] | None:
        """(hive, key) of the machine policy in the Windows registry; None elsewhere."""
        return None

    # -- session lock -------------------------------------------------------------------------
    def lock_reason_for_message(self, message: int, wparam: int) -> str | None:
        """A native window message that means "lock now" (Windows); None for anything else."""
        return None

    # -- camera -------------------------------------------------------------------------------
    def camera_access(self) -> CameraAccess:
        """What the system's privacy settings say (UNKNOWN where they cannot be read)."""
        return CameraAccess.UNKNOWN

    def camera_message(self, access: CameraAccess) -> str | None:
        """What to tell the person for `access`; None when there is nothing to say (allowed/unknown)."""
        return None

    # -- clipboard, taskbar, display ----------------------------------------------------------
    def clipboard_formats(self) -> tuple[ClipboardFormat, ...]:
        return ()

    def pasteboard_marker(self) -> PasteboardMarker:
        """What the clipboard guard does on the pasteboard beyond Qt's formats (macOS); no-op elsewhere."""
        from epcs_desktop.core.macpasteboard import NoPasteboardMarker

        return NoPasteboardMarker()

    def app_user_model_id(self) -> str | None:
        """Windows' AppUserModelID for the taskbar; None elsewhere."""
        return None

    def high_dpi_rounding(self) -> str:
        """Qt.HighDpiScaleFactorRoundingPolicy member name: PassThrough keeps 125 %/150 % exact
        (Rounded would draw a 150 % screen at 200 %)."""
        return "PassThrough"

    def menu_roles(self) -> Mapping[str, str]:
        """Action -> QAction.MenuRole member name: where About/Settings/Quit go on this system."""
        return {"about": "AboutRole", "settings": "PreferencesRole", "quit": "QuitRole"}


@dataclass(frozen=True)
class LinuxPlatform(Platform):
    name: str = "linux"

    def _xdg(self, var: str, default: str) -> Path:
        value = self.env.get(var, "").strip()
        # The XDG spec: a relative path in these variables is invalid and must be ignored.
        return Path(value) if value and os.path.isabs(value) else self.home / default

    def data_dir(self) -> PurePath:
        return self._xdg("XDG_DATA_HOME", ".local/share") / APP_ID

    def log_dir(self) -> PurePath:
        return self._xdg("XDG_STATE_HOME", ".local/state") / APP_ID / "log"

    def policy_file(self) -> PurePath:
        return Path("/etc") / APP_ID / POLICY_FILE_NAME

    def camera_message(self, access: CameraAccess) -> str | None:
        if access is CameraAccess.DENIED:
            return (
                "This user may not open the camera. Add your user to the 'video' group and log in "
                "again, or scan an image file instead."
            )
        if access is CameraAccess.RESTRICTED:
            return (
                "The camera is blocked for this program by its sandbox (Flatpak/Snap camera permission). "
                "Allow the camera in your software centre's permissions, or scan an image file instead."
            )
        return None

    def clipboard_formats(self) -> tuple[ClipboardFormat, ...]:
        return (
            ClipboardFormat(
                "x-kde-passwordManagerHint",
                b"secret",
                "Klipper and compatible managers keep it out of history",
            ),
        )


@dataclass(frozen=True)
class WindowsPlatform(Platform):
    name: str = "windows"
    #: A known folder's path by name ("ProgramData"), the OS's own answer (SHGetKnownFolderPath);
    #: never an environment variable, which the user can point at a file of their own.
    known_folder: Callable[[str], str | None] | None = field(default=None, repr=False)

    def _local_appdata(self) -> PureWindowsPath:
        value = self.env.get("LOCALAPPDATA", "").strip()
        if value:
            return PureWindowsPath(value)
        return PureWindowsPath(str(self.home)) / "AppData" / "Local"

    def data_dir(self) -> PurePath:
        return self._local_appdata() / APP_ID

    def log_dir(self) -> PurePath:
        return self._local_appdata() / APP_ID / "Logs"

    def policy_file(self) -> PurePath:
        program_data = None
        if self.known_folder is not None:
            try:
                program_data = self.known_folder("ProgramData")
            except OSError as exc:
                logger.warning("the ProgramData folder could not be asked for (%s)", exc.strerror or exc)
        return PureWindowsPath(program_data or r"C:\ProgramData") / MACHINE_FOLDER / POLICY_FILE_NAME

    def registry_policy(self) -> tuple[str, str] | None:
        return ("HKLM", WINDOWS_POLICY_KEY)

    def lock_reason_for_message(self, message: int, wparam: int) -> str | None:
        if message == WM_WTSSESSION_CHANGE:
            return WTS_LOCKING.get(wparam)
        if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
            return "going to sleep"
        return None

    # Camera privacy (Settings > Privacy & security > Camera) is stored by the capability
    # access manager: "Deny" in HKLM = turned off for the whole device (by an administrator
    # or policy); in HKCU = turned off by this user, for all apps or for desktop apps.
    _CONSENT = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\webcam"
    _APP_PRIVACY = r"Software\Policies\Microsoft\Windows\AppPrivacy"

    def camera_access(self) -> CameraAccess:
        read = self.registry
        if read is None:
            return CameraAccess.UNKNOWN
        try:
            if read("HKLM", self._APP_PRIVACY, "LetAppsAccessCamera") == 2:  # 2 = Force Deny
                return CameraAccess.RESTRICTED
            if str(read("HKLM", self._CONSENT, "Value") or "").lower() == "deny":
                return CameraAccess.RESTRICTED
            if str(read("HKCU", self._CONSENT, "Value") or "").lower() == "deny":
                return CameraAccess.DENIED
            if str(read("HKCU", self._CONSENT + r"\NonPackaged", "Value") or "").lower() == "deny":
                return CameraAccess.DENIED
        except OSError:
            logger.debug("camera privacy settings could not be read")
            return CameraAccess.UNKNOWN
        return CameraAccess.ALLOWED

    def camera_message(self, access: CameraAccess) -> str | None:
        if access is CameraAccess.DENIED:
            return (
                "Windows is blocking the camera. Open Settings > Privacy & security > Camera, turn on "
                "“Camera access” and “Let desktop apps access your camera”, then try again "
                "(or scan an image file instead)."
            )
        if access is CameraAccess.RESTRICTED:
            return (
                "Camera access is turned off for this computer by its administrator (Group Policy or "
                "device settings). Ask your practice's IT, or scan an image file instead."
            )
        if access is CameraAccess.NOT_ASKED:
            return "Windows will ask whether EPCS Desktop may use the camera: choose Yes to scan."
        return None

    def clipboard_formats(self) -> tuple[ClipboardFormat, ...]:
        # Microsoft's documented formats ("Clipboard formats": cloud clipboard and clipboard
        # history). Qt registers a native format under the MIME string it is given (as KeePassXC does).
        return (
            ClipboardFormat(
                "ExcludeClipboardContentFromMonitorProcessing", b"1",
                "clipboard monitors and history skip the content",
            ),
            ClipboardFormat("CanIncludeInClipboardHistory", _DWORD_0, "not kept in Win+V history"),
            ClipboardFormat("CanUploadToCloudClipboard", _DWORD_0, "not synced to other devices"),
        )  # fmt: skip

    def app_user_model_id(self) -> str | None:
        return APP_USER_MODEL_ID


#: AVAuthorizationStatus (AVFoundation): notDetermined 0, restricted 1, denied 2, authorized 3.
AV_AUTHORIZATION: Mapping[int, CameraAccess] = {
    0: CameraAccess.NOT_ASKED,
    1: CameraAccess.RESTRICTED,
    2: CameraAccess.DENIED,
    3: CameraAccess.ALLOWED,
}


@dataclass(frozen=True)
class MacPlatform(Platform):
    name: str = "macos"
    #: +[AVCaptureDevice authorizationStatusForMediaType:AVMediaTypeVideo] (core/macsession.py, ctypes).
    av_status: Callable[[], int] | None = field(default=None, repr=False)
    user: str = ""
    #: Loads the Objective-C runtime for the pasteboard marker (core/macpasteboard.py); None = no marker.
    objc: Callable[[], ObjCRuntime] | None = field(default=None, repr=False)

    def data_dir(self) -> PurePath:
        return self.home / "Library" / "Application Support" / APP_ID

    def log_dir(self) -> PurePath:
        return self.home / "Library" / "Logs" / APP_ID

    def policy_file(self) -> PurePath:
        return Path("/Library/Application Support") / MACHINE_FOLDER / POLICY_FILE_NAME

    def managed_preference_files(self) -> tuple[Path, ...]:
        """An MDM configuration profile's payload for our bundle id: per user first, then the machine's."""
        base = Path("/Library/Managed Preferences")
        files = [base / f"{DESKTOP_ID}.plist"]
        if self.user:
            files.insert(0, base / self.user / f"{DESKTOP_ID}.plist")
        return tuple(files)

    def camera_access(self) -> CameraAccess:
        if self.av_status is None:
            return CameraAccess.UNKNOWN
        try:
            return AV_AUTHORIZATION.get(int(self.av_status()), CameraAccess.UNKNOWN)
        except Exception:  # a bridge error is not worth a crash: the open attempt reports
            logger.debug("camera authorization status unavailable")
            return CameraAccess.UNKNOWN

    def camera_message(self, access: CameraAccess) -> str | None:
        if access is CameraAccess.DENIED:
            return (
                "EPCS Desktop is not allowed to use the camera. Open System Settings > Privacy & Security > "
                "Camera, turn on EPCS Desktop, then quit and reopen it (or scan an image file instead)."
            )
        if access is CameraAccess.RESTRICTED:
            return (
                "The camera is blocked on this Mac by a configuration profile or Screen Time. "
                "Ask your practice's IT, or scan an image file instead."
            )
        if access is CameraAccess.NOT_ASKED:
            return "macOS will ask whether EPCS Desktop may use the camera: choose OK (Allow) to scan."
        return None

    def clipboard_formats(self) -> tuple[ClipboardFormat, ...]:
        # nspasteboard.org's org.nspasteboard.ConcealedType (Maccy, Alfred, Paste honour it),
        # under the MIME name KeePassXC gives it.
        return (
            ClipboardFormat(
                "application/x-nspasteboard-concealed-type", b"1", "pasteboard managers do not record it"
            ),
        )

    def pasteboard_marker(self) -> PasteboardMarker:
        # Qt 6 writes the MIME name above under its own UTI, not org.nspasteboard.ConcealedType:
        # the marker adds the real type through the Objective-C runtime after Qt's write.
        from epcs_desktop.core.macpasteboard import MacPasteboardMarker, NoPasteboardMarker

        if self.objc is None:
            return NoPasteboardMarker()
        return MacPasteboardMarker(self.objc)


def winreg_reader(hive: str, key: str, name: str) -> Any:
    """The real registry reader (Windows only): None when the key or value is absent."""
    # Windows only; tests substitute a fake module. Any: the stubs define it only when checking for win32.
    winreg: Any = importlib.import_module("winreg")

    root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive]
    try:
        with winreg.OpenKey(root, key) as handle:
            value, _kind = winreg.QueryValueEx(handle, name)
            return value
    except FileNotFoundError:
        return None


def winreg_values(hive: str, key: str) -> dict[str, Any]:
    """Every value under one registry key (Windows only): {} when the key is absent."""
    # Windows only; tests substitute a fake module. Any: the stubs define it only when checking for win32.
    winreg: Any = importlib.import_module("winreg")

    root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive]
    out: dict[str, Any] = {}
    try:
        with winreg.OpenKey(root, key) as handle:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(handle, index)
                except OSError:
                    break
                out[name] = value
                index += 1
    except FileNotFoundError:
        return {}
    return out


#: KNOWNFOLDERID values (KnownFolders.h) for the folders we ask Windows about.
KNOWN_FOLDERS: Mapping[str, str] = {"ProgramData": "62AB5D82-FDC1-4DC3-A9DD-070D1D495D97"}


def windows_known_folder(name: str, shell32: Any = None, ole32: Any = None) -> str | None:
    """A known folder's path from SHGetKnownFolderPath (Windows; tests pass fake DLLs).

    Why not %ProgramData%: environment variables are the user's to set, so a policy path
    taken from one would let the person it restricts point it at their own file.
    """
    import ctypes
    import uuid
    from ctypes import POINTER, byref, c_void_p, c_wchar_p

    if shell32 is None or ole32 is None:
        shell32 = ctypes.WinDLL("shell32")  # type: ignore[attr-defined,unused-ignore]
        ole32 = ctypes.WinDLL("ole32")  # type: ignore[attr-defined,unused-ignore]
    guid = (ctypes.c_ubyte * 16).from_buffer_copy(uuid.UUID(KNOWN_FOLDERS[name]).bytes_le)
    shell32.SHGetKnownFolderPath.restype = ctypes.c_long  # HRESULT
    shell32.SHGetKnownFolderPath.argtypes = [c_void_p, ctypes.c_ulong, c_void_p, POINTER(c_wchar_p)]
    ole32.CoTaskMemFree.restype = None
    ole32.CoTaskMemFree.argtypes = [c_void_p]
    path = c_wchar_p()
    result = shell32.SHGetKnownFolderPath(byref(guid), 0, None, byref(path))
    try:
        if result != 0:
            raise OSError(
                result & 0xFFFFFFFF, f"SHGetKnownFolderPath failed (HRESULT {result & 0xFFFFFFFF:#010x})"
            )
        return path.value or None
    finally:
        ole32.CoTaskMemFree(path)  # documented: freed whether or not the call succeeded


def account_name() -> str:
    """This process's user name from the account database (not $USER, which the user can set)."""
    try:
        import pwd
    except ImportError:  # Windows: no account database of this kind (and no managed preferences)
        return ""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid without an entry (containers): no per-user payload then
        return ""


def _mac_av_status() -> int:
    """AVFoundation's camera authorization through ctypes (core/macsession.py), loaded on first use."""
    from epcs_desktop.core.macsession import mac_av_status

    return mac_av_status()


def platform_for(
    sys_platform: str | None = None,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
    *,
    registry: RegistryReader | None = None,
    av_status: Callable[[], int] | None = None,
    objc: Callable[[], ObjCRuntime] | None = None,
    known_folder: Callable[[str], str | None] | None = None,
    account: str | None = None,
) -> Platform:
    """The facts for `sys_platform` (default: this machine), with anything OS-specific substitutable."""
    sys_platform = sys_platform or sys.platform
    env = dict(os.environ) if env is None else env
    home = home if home is not None else Path.home()
    if sys_platform.startswith("win"):
        if registry is None and sys.platform == "win32":
            registry = winreg_reader
        if known_folder is None and sys.platform == "win32":
            known_folder = windows_known_folder
        return WindowsPlatform(env=env, home=home, registry=registry, known_folder=known_folder)
    if sys_platform == "darwin":
        if av_status is None and sys.platform == "darwin":
            av_status = _mac_av_status
        if objc is None and sys.platform == "darwin":
            from epcs_desktop.core.macpasteboard import load_objc_runtime

            objc = load_objc_runtime
        user = account_name() if account is None else account
        return MacPlatform(env=env, home=home, av_status=av_status, user=user, objc=objc)
    return LinuxPlatform(env=env, home=home)


_current: list[Platform] = []


def current() -> Platform:
    """This machine's facts (built once per process)."""
    if not _current:
        _current.append(platform_for())
    return _current[0]
