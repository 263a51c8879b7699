"""Fail a build whose bundle holds a file the program never loads, or that passes its size limit.

Why: every file left out of the bundle was measured and proven unneeded (packaging/README.md, "Size");
a new wheel, a PyInstaller hook or a rule that stopped matching brings such files back silently, and
the installers grow by megabytes again. scripts/package (Linux), packaging/windows/build.ps1 and
packaging/macos/build-dmg.sh run this on their bundle; the rules are bundle_rules.bundle_problems.

    python packaging/check_bundle.py BUNDLE_DIR [--limit BYTES] [--deb FILE.deb]

Linux defaults: bundle_rules.LINUX_BUNDLE_LIMIT for the bundle and DEB_LIMIT for the .deb.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_rules import DEB_LIMIT, LINUX_BUNDLE_LIMIT, bundle_problems


def listing(bundle: Path) -> list[tuple[str, int]]:
    """(path relative to the bundle, bytes) of every regular file; symlinks cost nothing."""
    return [
        (p.relative_to(bundle).as_posix(), p.stat().st_size)
        for p in sorted(bundle.rglob("*"))
        if p.is_file() and not p.is_symlink()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--limit", type=int, help="bundle size limit in bytes")
    parser.add_argument("--deb", type=Path, help="also check this .deb against bundle_rules.DEB_LIMIT")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"error: {args.bundle} is not a folder", file=sys.stderr)
        return 2
    limit = args.limit if args.limit is not None else (
        LINUX_BUNDLE_LIMIT if sys.platform.startswith("linux") else None
    )
    files = listing(args.bundle)
    found = bundle_problems(files, limit)
    if args.deb is not None:
        size = args.deb.stat().st_size
        print(f"{args.deb.name}: {size:,} bytes (limit {DEB_LIMIT:,})")
        if size > DEB_LIMIT:
            found.append(f"{args.deb.name} is {size:,} bytes, over its limit of {DEB_LIMIT:,}")
    total = sum(size for _rel, size in files)
    print(f"{args.bundle}: {len(files)} files, {total:,} bytes" + (f" (limit {limit:,})" if limit else ""))
    for line in found:
        print(f"error: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
