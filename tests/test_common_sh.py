"""scripts/common.sh: the system-package names it installs or tells a non-root user to install.

Why: Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix (libglib2.0-0 became
libglib2.0-0t64); a `sudo apt-get install` line naming the other distribution's package fails with
"Unable to locate package". The names must come from this system's own package lists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMON = ROOT / "scripts" / "common.sh"

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="bash scripts for Debian"
)


def _fake_bin(tmp_path: Path, known: list[str]) -> Path:
    """A PATH folder where `id -u` says 1000, dpkg-query finds nothing installed and apt-cache knows
    only `known` (the package lists of some distribution)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    scripts = {
        "id": '#!/bin/sh\n[ "$1" = -u ] && echo 1000 && exit 0\nexec /usr/bin/id "$@"\n',
        "dpkg-query": "#!/bin/sh\nexit 1\n",
        "apt-cache": "#!/bin/sh\n[ \"$1\" = show ] || exit 1\ncase \" " + " ".join(known)
        + ' " in *" $2 "*) echo "Package: $2"; exit 0;; esac\nexit 100\n',
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    return bin_dir


def _missing_line(bin_dir: Path | None, *specs: str) -> str:
    env = dict(os.environ)
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}:{env['PATH']}"
    quoted = " ".join(f"'{s}'" for s in specs)
    proc = subprocess.run(
        ["bash", "-c", f'source "{COMMON}"; ensure_debs {quoted}'],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    return proc.stderr.splitlines()[-1]


def test_non_root_is_told_the_debian_12_name(tmp_path: Path) -> None:
    fake = _fake_bin(tmp_path, ["libglib2.0-0", "libgl1"])
    line = _missing_line(fake, "libglib2.0-0t64|libglib2.0-0", "libgl1")
    assert line.strip() == (
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends libglib2.0-0 libgl1"
    )


def test_non_root_is_told_the_debian_13_name(tmp_path: Path) -> None:
    line = _missing_line(_fake_bin(tmp_path, ["libglib2.0-0t64"]), "libglib2.0-0t64|libglib2.0-0")
    assert line.strip().endswith("--no-install-recommends libglib2.0-0t64")


@pytest.mark.skipif(shutil.which("apt-cache") is None, reason="needs apt's package lists (Debian/Ubuntu)")
def test_the_name_picked_here_exists_in_this_systems_package_lists() -> None:
    proc = subprocess.run(
        ["bash", "-c", f'source "{COMMON}"; _deb_pick "libglib2.0-0t64|libglib2.0-0"'],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    name = proc.stdout.strip()
    shown = subprocess.run(["apt-cache", "show", name], capture_output=True, timeout=60, check=False)
    if shown.returncode != 0:
        pytest.skip("apt's package lists are empty here (apt-get update never ran)")
    assert name in {"libglib2.0-0t64", "libglib2.0-0"}
