"""Smoke-test an installed/bundled EPCS Desktop program on any OS (Windows and macOS CI; Linux has
scripts/smoke-package, which also checks the .deb's files).

    python packaging/smoke_bundle.py PATH/TO/epcs-desktop[.exe] [--gui PATH/TO/EPCSDesktop.exe]

Checks, each printed PASS/FAIL: --version, the RFC 6238 code at t=59 (287082), an SQLCipher round
trip (profile create / device add / codes), a QR scan from an image file (OpenCV + zxing-cpp inside
the bundle), and first paint of the window (offscreen). Runs in a scratch data/log folder and a
scratch policy location, so it never touches a real profile. Needs `qrcode` in the running Python
(the build venv has it: it is a dependency of the program). Exit 0 only if every check passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

URI = "otpauth://totp/Smoke:dr?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Smoke"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cli", help="the console program (epcs-desktop, epcs-desktop.exe)")
    parser.add_argument("--gui", help="the windowed launcher for the first-paint check (default: the CLI)")
    parser.add_argument("--version", dest="want_version", help="expected version (default: any)")
    args = parser.parse_args()
    cli = str(Path(args.cli).resolve())
    gui = str(Path(args.gui).resolve()) if args.gui else cli
    scratch = Path(tempfile.mkdtemp(prefix="epcs-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    env.update(
        EPCS_DESKTOP_DATA_DIR=str(scratch / "data"),
        EPCS_DESKTOP_LOG_DIR=str(scratch / "log"),
        EPCS_DESKTOP_POLICY=str(scratch / "policy.json"),
        EPCS_DESKTOP_CLOCK_CHECK="off",
        QT_QPA_PLATFORM="offscreen",
    )
    failures = 0

    def run(*argv: str, stdin: str = "", extra: dict[str, str] | None = None, timeout: int = 180) -> str:
        proc = subprocess.run(
            list(argv), input=stdin, capture_output=True, text=True, timeout=timeout,
            env={**env, **(extra or {})}, check=False,
        )  # fmt: skip
        if proc.returncode != 0 or "Traceback" in proc.stderr:
            raise RuntimeError(f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-800:]}")
        return proc.stdout.strip()

    def check(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        nonlocal failures
        t0 = time.monotonic()
        try:
            fn()
            print(f"PASS  {name} ({time.monotonic() - t0:.1f} s)", flush=True)
        except Exception as exc:  # a failed check is reported, the next one still runs
            failures += 1
            print(f"FAIL  {name}: {exc}", flush=True)

    def version() -> None:
        out = run(cli, "--version")
        assert out.startswith("epcs-desktop "), out
        if args.want_version:
            assert out == f"epcs-desktop {args.want_version}", out

    def code() -> None:
        out = run(cli, "code", "-", "--at", "59", stdin=URI.replace("Smoke:dr", "RFC6238") + "\n")
        assert out.splitlines()[-1] == "287082", out

    def roundtrip() -> None:
        pw = {"EPCS_DESKTOP_PASSWORD": "smoke-test-password-1"}
        run(cli, "profile", "create", "Smoke", extra=pw)
        run(cli, "device", "add", "--profile", "Smoke", "--nickname", "Smoke laptop", "--uri", "-",
            stdin=URI + "\n", extra=pw)  # fmt: skip
        out = run(cli, "codes", "--profile", "Smoke", "--json", extra=pw)
        assert "Smoke laptop" in out, out

    def scan() -> None:
        import qrcode

        image = scratch / "qr.png"
        qrcode.make(URI).save(image)
        out = run(cli, "scan", "--json", str(image))
        assert "otpauth" in out.lower(), out

    def first_paint() -> None:
        run(gui, "--quit-after-first-paint", timeout=240)

    check("epcs-desktop --version", version)
    check("code (RFC 6238, t=59 -> 287082)", code)
    check("profile create / device add / codes (SQLCipher)", roundtrip)
    check("scan a QR image (OpenCV + zxing-cpp)", scan)
    check("window --quit-after-first-paint (offscreen)", first_paint)
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
