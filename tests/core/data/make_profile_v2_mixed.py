"""Write tests/core/data/profile_v2_mixed with the code of commit 8682e63 (before issue 18).

Why a real file made by the old code: the upgrade test must open what that
version actually wrote (schema v2, every row an ID.me "device"), not a file
this version imitates. Run from the repository root:

    .venv/bin/python tests/core/data/make_profile_v2_mixed.py

It extracts `src/` of the commit into a temporary folder (`git archive`) and
runs the old code there in a subprocess; the file and its .kdf are copied
here. Secrets are the public RFC 6238 / documentation test keys, nothing real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COMMIT = "8682e63"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
NAME = "Mixed rows"
PASSWORD = "correct horse battery"

MAKE = r"""
import sys
from pathlib import Path
from epcs_desktop.core.context import AppContext
from epcs_desktop.core.profiles import ProfileStore
from epcs_desktop.core.erx import DeviceOption, PrescriberInfo
from epcs_desktop.core.otpauth import parse_uri

store = ProfileStore(AppContext.for_this_machine(Path(sys.argv[1])))
p = store.create(sys.argv[2], sys.argv[3])
HERE = DeviceOption.GENERATOR_HERE
p.add_device("Office PC", HERE, parse_uri(
    "otpauth://totp/ID.me:dr.lee%40clinic.org?secret=JBSWY3DPEHPK3PXP&issuer=ID.me"), make_primary=True)
p.add_device("Typed key", HERE, parse_uri("otpauth://totp/?secret=GEZDGNBVGY3TQOJQ"))
p.add_device("MyiPad", DeviceOption.GENERATOR_OTHER)
p.add_device("Lee's phone", DeviceOption.PUSH)
p.add_device("Google (dr.lee@gmail.com)", HERE, parse_uri(
    "otpauth://totp/Google:dr.lee%40gmail.com?secret=KRSXG5CTMVRXEZLU&issuer=Google"))
p.add_device("GitHub (drlee)", HERE, parse_uri(
    "otpauth://totp/GitHub:drlee?secret=MFRGGZDFMZTWQ2LK&issuer=GitHub&digits=6"))
p.add_device("Steam (gamer)", HERE, parse_uri("otpauth://steam/Steam:gamer?secret=ONSWG4TFOQYTEMZU&issuer=Steam"))
p.add_device("VPN (lee)", HERE, parse_uri(
    "otpauth://hotp/VPN:lee?secret=OBQXG43XN5ZGIMJS&issuer=VPN&counter=7"))
p.set_prescriber(PrescriberInfo(
    state="CA", license_number="A12345", dea_number="AB1234563", npi="1234567893"))
p.set_setting("auto_lock_minutes", 7)
p.close()
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", COMMIT, "src"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        data = tmp_path / "data"
        env = {
            **os.environ,
            "PYTHONPATH": str(tmp_path / "src"),
            "EPCS_DESKTOP_TEST_FAST_KDF": "1",
            "EPCS_DESKTOP_POLICY": str(tmp_path / "no-policy.json"),
            "EPCS_DESKTOP_CLOCK_CHECK": "off",
        }
        subprocess.run([sys.executable, "-c", MAKE, str(data), NAME, PASSWORD], check=True, env=env)
        made = list(data.rglob(f"{NAME}.epcs"))
        if len(made) != 1:
            print("the old code wrote no profile file", file=sys.stderr)
            return 1
        for suffix in ("", ".kdf"):
            shutil.copyfile(Path(str(made[0]) + suffix), HERE / "profile_v2_mixed" / f"{NAME}.epcs{suffix}")
    print(f"wrote {HERE / 'profile_v2_mixed'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
