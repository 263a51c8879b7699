"""Each OS branch of core/platform.py, run here with that OS's facts substituted.

Why: the Windows- and macOS-only lines never run on the Linux machines that
run this suite; a typo in a registry path, a WTS constant or a folder name
would first show up on a clinician's workstation. The folders are checked
against platformdirs' own Windows/macOS/Unix classes (what the program used
before the platform layer), so the layer cannot move anyone's profiles.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

from epcs_desktop import APP_ID, DESKTOP_ID
from epcs_desktop.core import platform as plat
from epcs_desktop.core.platform import CameraAccess, platform_for

ROOT = Path(__file__).resolve().parents[2]


# --- which class for which sys.platform -----------------------------------------------------


@pytest.mark.parametrize(
    ("sys_platform", "cls"),
    [
        ("linux", plat.LinuxPlatform),
        ("win32", plat.WindowsPlatform),
        ("darwin", plat.MacPlatform),
        ("freebsd14", plat.LinuxPlatform),
    ],
)
def test_platform_for_picks_the_os_class(sys_platform: str, cls: type) -> None:
    assert type(platform_for(sys_platform, env={}, home=Path("/home/x"))) is cls


# --- folders ---------------------------------------------------------------------------------


def test_linux_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    p = platform_for("linux", env={}, home=tmp_path)
    unix = platformdirs.unix.Unix(APP_ID, appauthor=False)
    assert str(p.data_dir()) == unix.user_data_dir == str(tmp_path / ".local/share/epcs-desktop")
    assert str(p.log_dir()) == unix.user_log_dir == str(tmp_path / ".local/state/epcs-desktop/log")
    assert p.policy_file() == PurePosixPath("/etc/epcs-desktop/policy.json")


def test_linux_honours_absolute_xdg_folders_only(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": "/srv/data", "XDG_STATE_HOME": "relative/state"}
    p = platform_for("linux", env=env, home=tmp_path)
    assert str(p.data_dir()) == "/srv/data/epcs-desktop"
    assert str(p.log_dir()) == str(tmp_path / ".local/state/epcs-desktop/log")  # relative: ignored


def test_windows_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    local = r"C:\Users\drlee\AppData\Local"
    env = {"LOCALAPPDATA": local, "ProgramData": r"E:\users-own\ProgramData"}  # never used for policy
    asked: list[str] = []
    known = {"ProgramData": r"D:\ProgramData"}
    p = platform_for(
        "win32", env=env, home=Path("/unused"), known_folder=lambda n: asked.append(n) or known[n]
    )
    # platformdirs' Windows class, fed the same folder (its env-variable fallback off Windows).
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: local)
    win = platformdirs.windows.Windows(APP_ID, appauthor=False)
    assert p.data_dir() == PureWindowsPath(win.user_data_dir) == PureWindowsPath(local, "epcs-desktop")
    assert p.log_dir() == PureWindowsPath(win.user_log_dir) == PureWindowsPath(local, "epcs-desktop", "Logs")
    assert p.policy_file() == PureWindowsPath(r"D:\ProgramData\EPCS Desktop\policy.json")
    assert asked == ["ProgramData"]  # the known-folder answer, not the environment variable
    assert platform_for("win32", env={}, home=Path("/u")).policy_file() == PureWindowsPath(
        r"C:\ProgramData\EPCS Desktop\policy.json"
    )
    assert p.registry_policy() == ("HKLM", r"Software\Policies\EPCS Desktop")


def test_macos_folders_match_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    p = platform_for(
        "darwin", env={"USER": "someone-else"}, home=tmp_path, av_status=lambda: 3, account="drlee"
    )
    mac = platformdirs.macos.MacOS(APP_ID, appauthor=False)
    assert (
        str(p.data_dir()) == mac.user_data_dir == str(tmp_path / "Library/Application Support/epcs-desktop")
    )
    assert str(p.log_dir()) == mac.user_log_dir == str(tmp_path / "Library/Logs/epcs-desktop")
    assert str(p.policy_file()) == "/Library/Application Support/EPCS Desktop/policy.json"
    assert [str(f) for f in p.managed_preference_files()] == [
        f"/Library/Managed Preferences/drlee/{DESKTOP_ID}.plist",
        f"/Library/Managed Preferences/{DESKTOP_ID}.plist",
    ]
    assert p.registry_policy() is None


def test_the_program_still_uses_the_platform_data_and_log_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """profiles.default_data_dir / logsetup.default_log_dir (platformdirs) agree with this machine's facts."""
    from epcs_desktop.core.profiles import default_data_dir
    from epcs_desktop.logsetup import default_log_dir

    monkeypatch.delenv("EPCS_DESKTOP_DATA_DIR", raising=False)
    monkeypatch.delenv("EPCS_DESKTOP_LOG_DIR", raising=False)
    here = platform_for()
    assert str(default_data_dir()) == str(here.data_dir())
    assert str(default_log_dir()) == str(here.log_dir())


# --- session lock ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "reason"),
    [
        (0x02B1, 0x7, "session locked"),
        (0x02B1, 0x2, "session switched"),
        (0x02B1, 0x4, "remote session disconnected"),
        (0x02B1, 0x6, "signing out"),
        (0x02B1, 0x8, None),  # unlock
        (0x02B1, 0x1, None),  # console connect
        (0x0218, 0x4, "going to sleep"),  # PBT_APMSUSPEND
        (0x0218, 0x12, None),  # PBT_APMRESUMEAUTOMATIC
        (0x0010, 0x7, None),  # WM_CLOSE with a lock-like wparam
    ],
)
def test_windows_wts_messages_decode(message: int, wparam: int, reason: str | None) -> None:
    win = platform_for("win32", env={}, home=Path("/u"))
    assert win.lock_reason_for_message(message, wparam) == reason
    assert platform_for("linux", env={}, home=Path("/u")).lock_reason_for_message(message, wparam) is None


def test_session_watch_uses_the_platform_decoding(qapp) -> None:
    """ui/session_watch.py's Windows handler asks for a lock exactly when the facts say so."""
    from epcs_desktop.ui.session_watch import SessionWatch

    watch = SessionWatch()
    reasons: list[str] = []
    watch.lock_requested.connect(reasons.append)
    assert watch.handle_windows_message(0x02B1, 0x6) is True
    assert watch.handle_windows_message(0x02B1, 0x8) is False
    assert reasons == ["signing out"]


# --- camera permission -------------------------------------------------------------------------


def _registry(values: dict[tuple[str, str, str], object]):
    def read(hive: str, key: str, name: str) -> object:
        return values.get((hive, key, name))

    return read


CONSENT = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\webcam"


@pytest.mark.parametrize(
    ("values", "access"),
    [
        ({}, CameraAccess.ALLOWED),
        ({("HKCU", CONSENT, "Value"): "Allow"}, CameraAccess.ALLOWED),
        ({("HKCU", CONSENT, "Value"): "Deny"}, CameraAccess.DENIED),
        ({("HKCU", CONSENT + r"\NonPackaged", "Value"): "Deny"}, CameraAccess.DENIED),
        ({("HKLM", CONSENT, "Value"): "Deny"}, CameraAccess.RESTRICTED),
        (
            {("HKLM", r"Software\Policies\Microsoft\Windows\AppPrivacy", "LetAppsAccessCamera"): 2},
            CameraAccess.RESTRICTED,
        ),
    ],
)
def test_windows_camera_privacy_states(values: dict, access: CameraAccess) -> None:
    win = platform_for("win32", env={}, home=Path("/u"), registry=_registry(values))
    assert win.camera_access() is access


def test_windows_camera_unreadable_registry_is_unknown() -> None:
    def broken(hive: str, key: str, name: str) -> object:
        raise PermissionError(5, "Access is denied")

    assert (
        platform_for("win32", env={}, home=Path("/u"), registry=broken).camera_access()
        is CameraAccess.UNKNOWN
    )


@pytest.mark.parametrize(
    ("status", "access"),
    [
        (0, CameraAccess.NOT_ASKED),
        (1, CameraAccess.RESTRICTED),
        (2, CameraAccess.DENIED),
        (3, CameraAccess.ALLOWED),
        (9, CameraAccess.UNKNOWN),
    ],
)
def test_macos_camera_authorization_states(status: int, access: CameraAccess) -> None:
    assert platform_for("darwin", env={}, home=Path("/u"), av_status=lambda: status).camera_access() is access


@pytest.mark.parametrize("os_name", ["win32", "darwin", "linux"])
def test_each_blocked_camera_state_has_its_own_guidance(os_name: str) -> None:
    p = platform_for(os_name, env={}, home=Path("/u"))
    denied = p.camera_message(CameraAccess.DENIED)
    restricted = p.camera_message(CameraAccess.RESTRICTED)
    assert denied and restricted and denied != restricted
    assert p.camera_message(CameraAccess.ALLOWED) is None
    assert p.camera_message(CameraAccess.UNKNOWN) is None
    assert "image file" in denied  # always offers the way around the camera
    for text in (denied, restricted):
        assert "\n" not in text and len(text) < 300


def test_camera_guidance_names_each_systems_setting() -> None:
    win = platform_for("win32", env={}, home=Path("/u"))
    mac = platform_for("darwin", env={}, home=Path("/u"))
    assert "Privacy & security > Camera" in win.camera_message(CameraAccess.DENIED)
    assert "Let desktop apps access your camera" in win.camera_message(CameraAccess.DENIED)
    assert "Group Policy" in win.camera_message(CameraAccess.RESTRICTED)
    assert "System Settings > Privacy & Security > Camera" in mac.camera_message(CameraAccess.DENIED)
    assert "configuration profile" in mac.camera_message(CameraAccess.RESTRICTED)
    assert mac.camera_message(CameraAccess.NOT_ASKED) and win.camera_message(CameraAccess.NOT_ASKED)


def test_camera_open_failure_uses_the_platform_guidance(monkeypatch: pytest.MonkeyPatch) -> None:
    """core/frames.py: when the system says the camera is blocked, the error is that system's guidance."""
    from epcs_desktop.core import frames
    from epcs_desktop.core.errors import CameraError
    from epcs_desktop.core.policy import Policy

    mac = platform_for("darwin", env={}, home=Path("/u"), av_status=lambda: 2)
    monkeypatch.setattr(frames, "_platform", lambda: mac)
    with pytest.raises(CameraError) as err:
        frames.raise_if_camera_blocked(Policy())
    assert str(err.value) == mac.camera_message(CameraAccess.DENIED)
    allowed = platform_for("darwin", env={}, home=Path("/u"), av_status=lambda: 3)
    monkeypatch.setattr(frames, "_platform", lambda: allowed)
    frames.raise_if_camera_blocked(Policy())  # nothing to say: the normal open attempt follows


# --- clipboard, taskbar, menus, display ---------------------------------------------------------


def test_clipboard_formats_per_os() -> None:
    linux = platform_for("linux", env={}, home=Path("/u")).clipboard_formats()
    win = platform_for("win32", env={}, home=Path("/u")).clipboard_formats()
    mac = platform_for("darwin", env={}, home=Path("/u")).clipboard_formats()
    assert [(f.mime, f.data) for f in linux] == [("x-kde-passwordManagerHint", b"secret")]
    assert {f.mime: f.data for f in win} == {
        "ExcludeClipboardContentFromMonitorProcessing": b"1",
        "CanIncludeInClipboardHistory": b"\0\0\0\0",  # DWORD 0 = "no"
        "CanUploadToCloudClipboard": b"\0\0\0\0",
    }
    assert [f.mime for f in mac] == ["application/x-nspasteboard-concealed-type"]


@pytest.mark.parametrize("os_name", ["linux", "win32", "darwin"])
def test_the_clipboard_guard_writes_each_systems_formats(qapp, os_name: str) -> None:
    """ui/clipboard.py (issue 11) marks a copied code with every format these facts list."""
    from epcs_desktop.ui.clipboard import sensitive_mime

    mime = sensitive_mime("123456")
    assert mime.text() == "123456"
    for fmt in platform_for(os_name, env={}, home=Path("/u")).clipboard_formats():
        assert bytes(mime.data(fmt.mime)) == fmt.data, fmt.mime


def test_app_user_model_id_only_on_windows_and_matches_the_installers() -> None:
    win = platform_for("win32", env={}, home=Path("/u"))
    assert win.app_user_model_id() == DESKTOP_ID
    assert platform_for("linux", env={}, home=Path("/u")).app_user_model_id() is None
    assert platform_for("darwin", env={}, home=Path("/u")).app_user_model_id() is None
    iss = (ROOT / "packaging/windows/epcs-desktop.iss").read_text(encoding="utf-8")
    wxs = (ROOT / "packaging/windows/epcs-desktop.wxs").read_text(encoding="utf-8")
    assert f'#define AppUserModelID "{DESKTOP_ID}"' in iss
    icons = [line for line in iss.splitlines() if line.startswith('Name: "{auto')]
    assert icons and all('AppUserModelID: "{#AppUserModelID}"' in line for line in icons)
    assert f'Key="System.AppUserModel.ID" Value="{DESKTOP_ID}"' in wxs


def test_menu_roles_and_high_dpi_name_real_qt_members() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    for os_name in ("linux", "win32", "darwin"):
        p = platform_for(os_name, env={}, home=Path("/u"))
        for role in p.menu_roles().values():
            assert isinstance(getattr(QAction.MenuRole, role), QAction.MenuRole)
        assert isinstance(
            getattr(Qt.HighDpiScaleFactorRoundingPolicy, p.high_dpi_rounding()),
            Qt.HighDpiScaleFactorRoundingPolicy,
        )


# --- the OS's own answers: known folders and the account database ---------------------------


class _FakeShell:
    """shell32.SHGetKnownFolderPath + ole32.CoTaskMemFree, per the documented contract."""

    def __init__(self, answer: str | None, hresult: int = 0) -> None:
        self.answer, self.hresult = answer, hresult
        self.guids: list[bytes] = []
        self.freed: list[object] = []
        self.SHGetKnownFolderPath = self._fn(self._get)
        self.CoTaskMemFree = self._fn(self.freed.append)

    @staticmethod
    def _fn(body):
        class F:
            argtypes = restype = None

            def __call__(self, *args):
                assert self.argtypes is not None, "called without a prototype"
                assert len(args) == len(self.argtypes)
                return body(*args)

        return F()

    def _get(self, guid_ref, flags, token, out):
        assert flags == 0 and token is None
        self.guids.append(bytes(guid_ref._obj))
        out._obj.value = self.answer
        return self.hresult if self.hresult < 2**31 else self.hresult - 2**32


def test_program_data_comes_from_the_known_folder_api() -> None:
    import uuid

    fake = _FakeShell(r"D:\Data")
    assert plat.windows_known_folder("ProgramData", shell32=fake, ole32=fake) == r"D:\Data"
    assert fake.guids == [uuid.UUID("62ab5d82-fdc1-4dc3-a9dd-070d1d495d97").bytes_le]  # FOLDERID_ProgramData
    assert len(fake.freed) == 1  # CoTaskMemFree, as documented
    failing = _FakeShell(None, hresult=0x80070002)
    with pytest.raises(OSError, match="0x80070002"):
        plat.windows_known_folder("ProgramData", shell32=failing, ole32=failing)
    assert len(failing.freed) == 1  # freed on failure too

    def broken(name: str) -> str | None:
        raise OSError(5, "denied")

    win = platform_for("win32", env={"ProgramData": r"E:\mine"}, home=Path("/u"), known_folder=broken)
    assert win.policy_file() == PureWindowsPath(r"C:\ProgramData\EPCS Desktop\policy.json")  # never the env


def test_macos_managed_preferences_user_comes_from_the_account_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pwd = pytest.importorskip("pwd")
    monkeypatch.setenv("USER", "not-me")
    mac = platform_for("darwin", env={"USER": "not-me"}, home=Path("/Users/x"))
    me = pwd.getpwuid(os.getuid()).pw_name
    assert plat.account_name() == me
    assert (
        mac.managed_preference_files()[0] == Path("/Library/Managed Preferences") / me / f"{DESKTOP_ID}.plist"
    )


# --- the real registry readers, against a fake winreg module ------------------------------------


class _FakeWinreg:
    """winreg's OpenKey/QueryValueEx/EnumValue over {(root, key): {name: value}} (documented errors)."""

    HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER = 0x80000002, 0x80000001

    def __init__(self, keys: dict[tuple[int, str], dict[str, object]]) -> None:
        self.keys = keys
        self.opened: list[tuple[int, str]] = []

    def OpenKey(self, root: int, key: str):
        self.opened.append((root, key))
        if (root, key) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        values = self.keys[(root, key)]

        class Handle:
            def __enter__(self):
                return values

            def __exit__(self, *exc: object) -> None:
                return None

        return Handle()

    def QueryValueEx(self, handle: dict[str, object], name: str) -> tuple[object, int]:
        if name not in handle:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return handle[name], 4

    def EnumValue(self, handle: dict[str, object], index: int) -> tuple[str, object, int]:
        items = list(handle.items())
        if index >= len(items):
            raise OSError(259, "No more data is available")
        return items[index][0], items[index][1], 4


def test_winreg_readers_run_against_windows_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    hklm = _FakeWinreg.HKEY_LOCAL_MACHINE
    fake = _FakeWinreg(
        {
            (hklm, plat.WINDOWS_POLICY_KEY): {"auto_lock_minutes": 3, "disable_import": 1},
            (hklm, plat.WindowsPlatform._APP_PRIVACY): {"LetAppsAccessCamera": 2},
        }
    )
    monkeypatch.setitem(sys.modules, "winreg", fake)
    assert plat.winreg_values("HKLM", plat.WINDOWS_POLICY_KEY) == {
        "auto_lock_minutes": 3,
        "disable_import": 1,
    }
    assert plat.winreg_values("HKLM", plat.WINDOWS_POLICY_KEY + r"\Recommended") == {}
    assert plat.winreg_reader("HKLM", plat.WindowsPlatform._APP_PRIVACY, "LetAppsAccessCamera") == 2
    assert plat.winreg_reader("HKCU", plat.WindowsPlatform._CONSENT, "Value") is None  # absent key
    assert plat.winreg_reader("HKLM", plat.WINDOWS_POLICY_KEY, "no_such_value") is None  # absent value
    win = platform_for("win32", env={}, home=Path("/u"), registry=plat.winreg_reader)
    assert win.camera_access() is CameraAccess.RESTRICTED  # the Group Policy "Force Deny"
    from epcs_desktop.core.policy import load_policy

    policy = load_policy(Path("/nonexistent/policy.json"), platform=win, registry_values=plat.winreg_values)
    assert policy.locked("auto_lock_minutes") and policy.locked("disable_import")
    with pytest.raises(KeyError):
        plat.winreg_values("HKCR", "x")  # only the two hives the program reads
