"""Run pyside6-lupdate over ui/ (self.tr, translate) AND core/ (N_ markers) into one catalogue.

Why a helper: core/ marks the texts the window shows with `N_("...")`
(core/i18n.py, no Qt). lupdate learns the marker through
`-tr-function-alias QT_TR_NOOP+=N_`, but files a QT_TR_NOOP text found in a
Python module under the empty context, while the window looks core texts up
in the "core" context. So the catalogue's "core" context is renamed to "" for
lupdate's run (it then matches the existing translations) and back to "core"
afterwards. scripts/translations and tests/ui/test_i18n.py both use this, so
the test sees exactly what the script extracts.

    python scripts/lupdate.py CATALOGUE.ts [--no-obsolete]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "epcs_desktop"
CORE_CONTEXT = "core"
ALIAS = "QT_TR_NOOP+=N_"
_EMPTY = "<name></name>"
_CORE = f"<name>{CORE_CONTEXT}</name>"


def sources(relative_to: Path | None = None) -> list[str]:
    """Every ui/ and core/ module, sorted (paths relative to `relative_to` keep <location>s stable)."""
    files = sorted([*(PKG / "ui").rglob("*.py"), *(PKG / "core").rglob("*.py")])
    files = [f for f in files if "__pycache__" not in f.parts and not f.name.startswith(".")]
    if relative_to is None:
        return [str(f) for f in files]
    return [str(_relative(f, relative_to)) for f in files]


def _relative(path: Path, base: Path) -> Path:
    import os

    return Path(os.path.relpath(path, base))


def _lupdate() -> str:
    found = Path(sys.executable).with_name("pyside6-lupdate")
    return str(found) if found.exists() else "pyside6-lupdate"


def _rename(ts: Path, old: str, new: str) -> None:
    if ts.exists():
        text = ts.read_text(encoding="utf-8")
        ts.write_text(re.sub(re.escape(old), new, text), encoding="utf-8")


def update(ts: Path, *, no_obsolete: bool = True, relative: bool = True) -> None:
    """Refresh `ts` from the sources; core's N_ texts land in the "core" context."""
    ts = ts.resolve()
    cwd = ts.parent
    cwd.mkdir(parents=True, exist_ok=True)
    _rename(ts, _CORE, _EMPTY)
    try:
        args = [_lupdate(), "-tr-function-alias", ALIAS]
        if no_obsolete:
            args.append("-no-obsolete")
        args += [*sources(cwd if relative else None), "-ts", ts.name]
        subprocess.run(args, cwd=cwd, check=True, capture_output=True, timeout=300)
    finally:
        _rename(ts, _EMPTY, _CORE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", type=Path)
    parser.add_argument("--no-obsolete", action="store_true")
    args = parser.parse_args(argv)
    update(args.ts, no_obsolete=args.no_obsolete)
    return 0


if __name__ == "__main__":
    sys.exit(main())
