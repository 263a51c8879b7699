"""core/winacl.py and private_files' Windows branch, run here with Windows' facts substituted.

Why a fake advapi32: the ACL calls only run on Windows, so a wrong argument, a
missing LocalFree or an ACL applied after the secret was written would first
show up on a clinician's workstation. The fake below models the documented
contracts of the few advapi32/kernel32 functions used (out-parameters written
through byref, SetNamedSecurityInfoW returning an error code, LocalFree for every
allocation) and records the security descriptor requested for each path.
tests/core/test_private_files.py and every owner-only assertion
(tests/owner_only_support.py) run the real calls on the hosted Windows runner.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Any

import pytest

from ctypes_fakes import ForeignFunction
from epcs_desktop.core import private_files, winacl
from owner_only_support import windows_dacl_problem

USER = "S-1-5-21-1004336348-1177238915-682003330-1001"
OTHER = "S-1-5-21-1004336348-1177238915-682003330-1002"
ADMINISTRATORS = "S-1-5-32-544"  # an elevated administrator's default owner (the hosted runner's case)


def _out(ref: Any) -> Any:
    """The object behind ctypes.byref(obj) (what the real function writes through)."""
    return ref._obj


class FakeWindows:
    """advapi32 + kernel32 over an in-memory table of each path's owner and DACL (SDDL)."""

    def __init__(self, owners: dict[str, str] | None = None) -> None:
        self.acl: dict[str, str] = {}  # path -> "D:…" applied
        self.owners = owners or {}
        self.log: list[tuple[str, Any]] = []
        self.allocated: set[int] = set()
        self._keep: list[Any] = []
        self._sid_blob = ctypes.create_string_buffer(b"SID-BLOB", 28)
        self._owner_blob = ctypes.create_string_buffer(b"OWNER-BLOB", 28)  # the token's default owner
        self.size_at_acl: dict[str, int] = {}
        self.fail_set = 0
        names = {
            "OpenProcessToken": self._open_token,
            "GetTokenInformation": self._token_information,
            "ConvertSidToStringSidW": self._sid_to_string,
            "ConvertStringSecurityDescriptorToSecurityDescriptorW": self._sddl_to_sd,
            "GetSecurityDescriptorDacl": self._get_dacl,
            "SetNamedSecurityInfoW": self._set_named,
            "GetNamedSecurityInfoW": self._get_named,
            "ConvertSecurityDescriptorToStringSecurityDescriptorW": self._sd_to_sddl,
        }
        self.advapi32 = type("advapi32", (), {})()
        for name, body in names.items():
            setattr(self.advapi32, name, ForeignFunction(name, body))
        self.kernel32 = type("kernel32", (), {})()
        self.kernel32.GetCurrentProcess = ForeignFunction("GetCurrentProcess", lambda: -1)
        self.kernel32.CloseHandle = ForeignFunction("CloseHandle", self._close)
        self.kernel32.LocalFree = ForeignFunction("LocalFree", self._free)

    # -- allocations: every Local* block must be freed ---------------------------------------
    def _alloc(self, thing: Any) -> int:
        self._keep.append(thing)
        address = ctypes.addressof(thing)
        self.allocated.add(address)
        return address

    def _free(self, pointer: Any) -> None:
        value = pointer.value if hasattr(pointer, "value") else pointer
        if isinstance(value, str):  # a c_wchar_p handed back: find its (still allocated) string by content
            value = next(a for a, t in self.strings().items() if t == value and a in self.allocated)
        assert value in self.allocated, f"LocalFree of {value!r}, never allocated"
        self.allocated.discard(value)
        self.log.append(("LocalFree", value))

    def strings(self) -> dict[int, str]:
        return {ctypes.addressof(k): k.value for k in self._keep if isinstance(k, ctypes.c_wchar_p)}

    def _close(self, handle: Any) -> int:
        assert handle.value == 0x70CE, handle
        self.log.append(("CloseHandle", None))
        return 1

    # -- the token and the user's SID --------------------------------------------------------
    def _open_token(self, process: Any, access: int, token_ref: Any) -> int:
        assert process == -1 and access == winacl.TOKEN_QUERY
        _out(token_ref).value = 0x70CE
        return 1

    def _token_information(self, token: Any, klass: int, buffer: Any, size: int, needed: Any) -> int:
        assert klass in (winacl.TOKEN_USER_CLASS, winacl.TOKEN_OWNER_CLASS)
        _out(needed).value = 16
        if buffer is None:
            return 0  # ERROR_INSUFFICIENT_BUFFER: the size is in `needed`
        assert size >= 16
        blob = self._sid_blob if klass == winacl.TOKEN_USER_CLASS else self._owner_blob
        ctypes.memmove(buffer, ctypes.byref(ctypes.c_void_p(ctypes.addressof(blob))), 8)
        return 1

    def _sid_to_string(self, sid: Any, out: Any) -> int:
        known = {ctypes.addressof(self._sid_blob): USER, ctypes.addressof(self._owner_blob): ADMINISTRATORS}
        assert sid in known, "ConvertSidToStringSidW got the wrong pointer"
        text = ctypes.c_wchar_p(known[sid])
        self._alloc(text)
        _out(out).value = known[sid]
        return 1

    # -- security descriptors ----------------------------------------------------------------
    def _sddl_to_sd(self, sddl: str, revision: int, out: Any, size: Any) -> int:
        assert revision == winacl.SDDL_REVISION_1
        self.log.append(("requested", sddl))
        block = ctypes.create_unicode_buffer(sddl)
        _out(out).value = self._alloc(block)
        return 1

    def _get_dacl(self, descriptor: Any, present: Any, dacl: Any, defaulted: Any) -> int:
        assert descriptor.value in self.allocated
        _out(present).value = 1
        _out(dacl).value = descriptor.value + 2  # inside the descriptor (not to be freed on its own)
        return 1

    def _set_named(
        self, path: str, kind: int, info: int, owner: Any, group: Any, dacl: Any, sacl: Any
    ) -> int:
        assert kind == winacl.SE_FILE_OBJECT and owner is None and group is None and sacl is None
        assert info == winacl.DACL_SECURITY_INFORMATION | winacl.PROTECTED_DACL_SECURITY_INFORMATION
        descriptor = dacl.value - 2
        assert descriptor in self.allocated, "the DACL's descriptor was freed before use"
        text = ctypes.wstring_at(descriptor)
        if self.fail_set:
            self.fail_set -= 1
            return 5  # ERROR_ACCESS_DENIED
        self.acl[path] = text
        self.size_at_acl[path] = os.path.getsize(path)
        self.log.append(("SetNamedSecurityInfoW", path))
        return 0

    def _get_named(self, path: str, kind: int, info: int, *rest: Any) -> int:
        *_, out = rest
        owner = self.owners.get(path, USER)
        sddl = f"O:{owner}" + self.acl.get(path, "D:AI(A;ID;FA;;;SY)(A;ID;0x1200a9;;;BU)")
        block = ctypes.create_unicode_buffer(sddl)
        _out(out).value = self._alloc(block)
        return 0

    def _sd_to_sddl(self, descriptor: Any, revision: int, info: int, out: Any, length: Any) -> int:
        text = ctypes.wstring_at(descriptor.value)
        string = ctypes.c_wchar_p(text)
        self._alloc(string)
        _out(out).value = text
        return 1


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeWindows:
    fake = FakeWindows()
    security = winacl.WindowsSecurity(fake.advapi32, fake.kernel32)
    monkeypatch.setattr(private_files, "windows_security", lambda: security)
    return fake


def test_the_dacl_requested_allows_the_user_alone_and_is_protected() -> None:
    assert winacl.owner_only_sddl(USER, folder=False) == f"D:P(A;;FA;;;{USER})"
    assert winacl.owner_only_sddl(USER, folder=True) == f"D:P(A;OICI;FA;;;{USER})"
    with pytest.raises(ValueError):
        winacl.owner_only_sddl("BU)(A;;FA;;;WD", folder=False)  # never SDDL built from odd text
    assert windows_dacl_problem(f"O:{USER}D:P(A;;FA;;;{USER})", USER) is None
    assert "not protected" in (windows_dacl_problem(f"D:(A;;FA;;;{USER})", USER) or "")
    # A file in an owner-only folder inherits the user's entry alone: owner-only too.
    assert windows_dacl_problem(f"O:{USER}D:AI(A;ID;FA;;;{USER})", USER) is None
    assert windows_dacl_problem(f"D:AI(A;ID;FA;;;{USER})(A;ID;FR;;;BU)", USER) is not None
    assert "is not 'allow" in (windows_dacl_problem(f"D:P(A;;FA;;;{USER})(A;;FR;;;BU)", USER) or "")


def test_write_private_makes_the_file_owner_only_before_the_first_byte(
    windows: FakeWindows, tmp_path: Path
) -> None:
    target = private_files.write_private(tmp_path / "export.txt", b"otpauth://secret")
    (temp,) = windows.acl  # the temporary file got the DACL; the rename keeps it
    assert Path(temp).parent == tmp_path and Path(temp).name.startswith(".export.txt.")
    assert windows.acl[temp] == f"D:P(A;;FA;;;{USER})"
    assert windows.size_at_acl[temp] == 0  # private while still empty
    assert target.read_bytes() == b"otpauth://secret"
    assert not windows.allocated, "every LocalAlloc'd block is freed"
    assert ("CloseHandle", None) in windows.log  # the process token is closed


def test_an_acl_failure_writes_nothing(windows: FakeWindows, tmp_path: Path) -> None:
    windows.fail_set = 1
    with pytest.raises(OSError, match="could not be made private"):
        private_files.write_private(tmp_path / "backup.epcsbak", b"secret")
    assert list(tmp_path.iterdir()) == []  # no temp file left, no target
    assert not windows.allocated


def test_tighten_gives_our_folders_an_inherited_owner_only_dacl(windows: FakeWindows, tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    folder.mkdir()
    mine = folder / "Dr A.epcs"
    mine.write_bytes(b"x")
    theirs = tmp_path / "theirs.txt"
    theirs.write_bytes(b"x")
    windows.owners[str(theirs)] = OTHER
    elevated = tmp_path / "made-elevated.epcs"
    elevated.write_bytes(b"x")
    windows.owners[str(elevated)] = "BA"  # SDDL's alias, as Windows writes it
    link = tmp_path / "link.epcs"
    link.symlink_to(theirs)
    for p in (folder, mine, theirs, link, elevated):
        private_files.tighten(p)
    assert windows.acl == {
        str(folder): f"D:P(A;OICI;FA;;;{USER})",  # what SQLite creates in it later inherits this
        str(mine): f"D:P(A;;FA;;;{USER})",
        str(elevated): f"D:P(A;;FA;;;{USER})",  # ours too: made while elevated
    }  # someone else's file, and anything through a symlink, untouched
    security = private_files.windows_security()
    assert security is not None
    assert windows_dacl_problem(security.sddl_of(mine), USER) is None
    assert windows_dacl_problem(security.sddl_of(theirs), USER) is not None
    assert not windows.allocated


def test_a_failed_tighten_is_logged_not_raised(
    windows: FakeWindows, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    windows.fail_set = 1
    f = tmp_path / "p.epcs"
    f.write_bytes(b"x")
    private_files.tighten(f)
    assert "could not make a file private" in caplog.text
    assert str(f) not in windows.acl


def test_posix_systems_use_mode_bits_not_acls() -> None:
    if os.name == "nt":
        assert private_files.windows_security() is not None
    else:
        assert private_files.windows_security() is None
