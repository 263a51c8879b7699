"""core/bounded.py: reads of outside input are size-capped and refuse special files at once.

Why: /dev/zero or an endless line must be one clear error, not a hang or an exhausted memory.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from epcs_desktop.core.bounded import InputTooLargeError, read_bounded, read_line_bounded
from epcs_desktop.core.errors import ImportFileError, QrError
from epcs_desktop.core.importers import read_import_file


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_special_files_are_refused_at_once() -> None:
    start = time.monotonic()
    with pytest.raises(InputTooLargeError, match="not a regular file"):
        read_bounded("/dev/zero", 1024, "a test file")
    with pytest.raises(ImportFileError, match="not a regular file"):
        read_import_file("/dev/zero")
    from epcs_desktop.core.qr import load_image

    with pytest.raises(QrError, match="not a regular file"):
        load_image("/dev/zero")
    assert time.monotonic() - start < 2


def test_oversize_file_and_endless_line_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(InputTooLargeError, match="too large"):
        read_bounded(big, 1024, "a test file")
    assert read_bounded(big, 4096, "a test file") == b"a" * 2048
    import io

    with pytest.raises(InputTooLargeError, match="too long"):
        read_line_bounded(io.StringIO("x" * 10_000_000 + "\n"), 1000, "otpauth URI")
    assert read_line_bounded(io.StringIO("abc\r\nnext"), 1000, "URI") == "abc"
