"""Owner-only files and folders on Windows: a protected DACL that grants the signed-in user alone.

Why: on Windows `chmod(0o600)` only toggles the read-only flag, so a profile under
`--data-dir`, an export or a backup on a shared folder would keep the folder's
inherited ACL (often "Users: Read"). `private_files` calls this module for every
file and folder the program makes private: the DACL becomes
``D:P(A;;FA;;;<user SID>)`` (folders ``OICI``, so SQLite's -wal/-shm and later
files inherit it), protected from inheritance, with nothing else in it.

Why ctypes and a small class over two DLL objects: pywin32 would be one more
binary dependency for five calls, and a class that takes its `advapi32` and
`kernel32` lets tests/platform/test_winacl.py substitute a recording fake on any
machine (it checks the security descriptor requested, the call order and that
the file was still empty when it became private). The real DLLs are loaded only
on Windows (`load_windows_security`); tests/core/test_private_files.py also runs
it for real on the hosted Windows runner.

Pure standard library, no Qt. Nothing here sees file contents.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
from ctypes import POINTER, byref, c_ulong, c_void_p, c_wchar_p
from typing import Any

logger = logging.getLogger(__name__)

# winnt.h / accctrl.h / sddl.h
SE_FILE_OBJECT = 1
OWNER_SECURITY_INFORMATION = 0x00000001
DACL_SECURITY_INFORMATION = 0x00000004
PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
SDDL_REVISION_1 = 1
TOKEN_QUERY = 0x0008
TOKEN_USER_CLASS = 1  # TOKEN_INFORMATION_CLASS TokenUser
TOKEN_OWNER_CLASS = 4  # TokenOwner: the default owner of objects this process creates
ERROR_SUCCESS = 0

_SID = re.compile(r"S-1-\d+(-\d+)+")
# SDDL's two-letter names for the well-known owners a file of ours can have.
_SDDL_ALIASES = {"BA": "S-1-5-32-544", "SY": "S-1-5-18"}


def owner_only_sddl(user_sid: str, *, folder: bool) -> str:
    """The DACL for an owner-only file (or folder, inherited by what is created in it)."""
    if not _SID.fullmatch(user_sid):
        raise ValueError(f"not a SID: {user_sid[:60]!r}")
    return f"D:P(A;{'OICI' if folder else ''};FA;;;{user_sid})"


def _check(ok: Any, what: str) -> None:
    if not ok:
        code = ctypes.get_last_error() if hasattr(ctypes, "get_last_error") else 0
        raise OSError(code, f"{what} failed")


class WindowsSecurity:
    """advapi32/kernel32 through ctypes: the user's SID, read a file's SDDL, make a file owner-only."""

    def __init__(self, advapi32: Any, kernel32: Any) -> None:
        self.advapi32, self.kernel32 = advapi32, kernel32
        a, k = advapi32, kernel32
        k.GetCurrentProcess.restype, k.GetCurrentProcess.argtypes = c_void_p, []
        k.CloseHandle.restype, k.CloseHandle.argtypes = ctypes.c_int, [c_void_p]
        k.LocalFree.restype, k.LocalFree.argtypes = c_void_p, [c_void_p]
        a.OpenProcessToken.restype = ctypes.c_int
        a.OpenProcessToken.argtypes = [c_void_p, c_ulong, POINTER(c_void_p)]
        a.GetTokenInformation.restype = ctypes.c_int
        a.GetTokenInformation.argtypes = [c_void_p, ctypes.c_int, c_void_p, c_ulong, POINTER(c_ulong)]
        a.ConvertSidToStringSidW.restype = ctypes.c_int
        a.ConvertSidToStringSidW.argtypes = [c_void_p, POINTER(c_wchar_p)]
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW.restype = ctypes.c_int
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
            c_wchar_p, c_ulong, POINTER(c_void_p), POINTER(c_ulong),
        ]  # fmt: skip
        a.GetSecurityDescriptorDacl.restype = ctypes.c_int
        a.GetSecurityDescriptorDacl.argtypes = [
            c_void_p, POINTER(ctypes.c_int), POINTER(c_void_p), POINTER(ctypes.c_int),
        ]  # fmt: skip
        a.SetNamedSecurityInfoW.restype = c_ulong  # a Win32 error code, not a BOOL
        a.SetNamedSecurityInfoW.argtypes = [
            c_wchar_p,
            ctypes.c_int,
            c_ulong,
            c_void_p,
            c_void_p,
            c_void_p,
            c_void_p,
        ]
        a.GetNamedSecurityInfoW.restype = c_ulong
        a.GetNamedSecurityInfoW.argtypes = [
            c_wchar_p, ctypes.c_int, c_ulong, c_void_p, c_void_p, c_void_p, c_void_p, POINTER(c_void_p),
        ]  # fmt: skip
        a.ConvertSecurityDescriptorToStringSecurityDescriptorW.restype = ctypes.c_int
        a.ConvertSecurityDescriptorToStringSecurityDescriptorW.argtypes = [
            c_void_p, c_ulong, c_ulong, POINTER(c_wchar_p), POINTER(c_ulong),
        ]  # fmt: skip
        self._sid: str | None = None
        self._own: frozenset[str] | None = None

    def user_sid(self) -> str:
        """The SID of the user this process runs as ("S-1-5-21-…"), from the process token."""
        if self._sid is None:
            self._sid = self._token_sid(TOKEN_USER_CLASS)
        return self._sid

    def own_sids(self) -> frozenset[str]:
        """Owners that mean "we made it": the user, and the token's default owner for new objects
        (an elevated administrator's files are owned by the Administrators group, S-1-5-32-544)."""
        if self._own is None:
            self._own = frozenset({self.user_sid(), self._token_sid(TOKEN_OWNER_CLASS)})
        return self._own

    def _token_sid(self, klass: int) -> str:
        """TOKEN_USER / TOKEN_OWNER of this process as SID text (both structures start with the PSID)."""
        token = c_void_p()
        _check(self.advapi32.OpenProcessToken(self.kernel32.GetCurrentProcess(), TOKEN_QUERY, byref(token)),
               "OpenProcessToken")  # fmt: skip
        try:
            size = c_ulong(0)
            self.advapi32.GetTokenInformation(token, klass, None, 0, byref(size))  # asks the size
            buffer = ctypes.create_string_buffer(max(int(size.value), ctypes.sizeof(c_void_p) * 2))
            filled = self.advapi32.GetTokenInformation(token, klass, buffer, len(buffer), byref(size))
            _check(filled, "GetTokenInformation")
            sid_pointer = c_void_p.from_buffer(buffer).value
            text = c_wchar_p()
            _check(self.advapi32.ConvertSidToStringSidW(sid_pointer, byref(text)), "ConvertSidToStringSidW")
            try:
                sid = str(text.value or "")
            finally:
                self.kernel32.LocalFree(text)
        finally:
            self.kernel32.CloseHandle(token)
        if not _SID.fullmatch(sid):
            raise OSError(0, "the process's SID could not be read")
        return sid

    def make_owner_only(self, path: str | os.PathLike[str], *, folder: bool) -> str:
        """Replace `path`'s DACL by the owner-only one (protected: nothing inherited). Returns the SDDL."""
        sddl = owner_only_sddl(self.user_sid(), folder=folder)
        descriptor, size = c_void_p(), c_ulong(0)
        _check(
            self.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl, SDDL_REVISION_1, byref(descriptor), byref(size)
            ),
            "ConvertStringSecurityDescriptorToSecurityDescriptorW",
        )
        try:
            present, dacl, defaulted = ctypes.c_int(0), c_void_p(), ctypes.c_int(0)
            _check(
                self.advapi32.GetSecurityDescriptorDacl(
                    descriptor, byref(present), byref(dacl), byref(defaulted)
                ),
                "GetSecurityDescriptorDacl",
            )
            if not present.value or not dacl.value:
                raise OSError(0, "the owner-only DACL could not be built")
            error = self.advapi32.SetNamedSecurityInfoW(
                os.fspath(path), SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, None, None, dacl, None,
            )  # fmt: skip
            if error != ERROR_SUCCESS:
                raise OSError(int(error), "the file could not be made private (SetNamedSecurityInfoW)")
        finally:
            self.kernel32.LocalFree(descriptor)
        return sddl

    def sddl_of(self, path: str | os.PathLike[str]) -> str:
        """`path`'s owner and DACL as SDDL text ("O:S-1-5-21-…D:P(A;;FA;;;S-1-5-21-…)")."""
        info = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION
        descriptor = c_void_p()
        error = self.advapi32.GetNamedSecurityInfoW(
            os.fspath(path), SE_FILE_OBJECT, info, None, None, None, None, byref(descriptor)
        )
        if error != ERROR_SUCCESS:
            raise OSError(int(error), "the file's security could not be read (GetNamedSecurityInfoW)")
        try:
            text, length = c_wchar_p(), c_ulong(0)
            _check(
                self.advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(
                    descriptor, SDDL_REVISION_1, info, byref(text), byref(length)
                ),
                "ConvertSecurityDescriptorToStringSecurityDescriptorW",
            )
            try:
                return str(text.value or "")
            finally:
                self.kernel32.LocalFree(text)
        finally:
            self.kernel32.LocalFree(descriptor)

    def owner_of(self, path: str | os.PathLike[str]) -> str:
        """The owner SID of `path` ("" when the SDDL names none)."""
        match = re.match(r"O:(S-1-[0-9-]+|[A-Z]{2})", self.sddl_of(path))
        if not match:
            return ""
        return _SDDL_ALIASES.get(match.group(1), match.group(1))


def load_windows_security() -> WindowsSecurity:
    """The real advapi32/kernel32 (Windows only)."""
    return WindowsSecurity(
        ctypes.WinDLL("advapi32", use_last_error=True),  # type: ignore[attr-defined,unused-ignore]
        ctypes.WinDLL("kernel32", use_last_error=True),  # type: ignore[attr-defined,unused-ignore]
    )
