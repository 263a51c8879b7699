"""Linux bundle: OpenCV uses the system's BLAS/LAPACK instead of its own copy of OpenBLAS.

Why: the opencv-python-headless wheel carries a second OpenBLAS (37 MB, plus its gfortran and
quadmath: 38.8 MB raw, ~4.6 MB in the .deb) next to NumPy's, and cv2 names it in DT_NEEDED, so it
cannot simply be left out. cv2 calls only 19 standard BLAS/LAPACK routines from it (cblas_[sdcz]gemm,
[sd]gesv_, [sd]getrf_, [sd]potrf_, [sd]posv_, [sd]geqrf_, [sd]gels_, [sd]gesdd_, dgeev_: perspective
transforms, cv::solve, SVD), which Debian's liblapack3 and libblas3 (the reference implementations,
or whichever BLAS the system's alternatives select) export under the same names. This rewrites cv2's
DT_NEEDED entry with patchelf (the tool auditwheel itself uses on these files) to liblapack.so.3 and
libblas.so.3, deletes the three bundled files, and the .deb then depends on liblapack3 and libblas3
(dpkg-shlibdeps). NumPy keeps its own OpenBLAS (ILP64, renamed symbols: no system package has it).

    python packaging/system_blas.py BUNDLE/_internal      (scripts/package, after PyInstaller)
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

SYSTEM_LIBS = ("liblapack.so.3", "libblas.so.3")
# The wheel's vendored libraries this replaces (auditwheel names: libopenblas-r0-<hash>.3.3.so, ...).
VENDORED = re.compile(r"^lib(openblas[\w-]*?|gfortran|quadmath)-[0-9a-f]{8}[.-]")
Runner = Callable[[list[str]], str]


def _run(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def needed(path: Path, run: Runner = _run) -> list[str]:
    return run(["patchelf", "--print-needed", str(path)]).split()


def use_system_blas(internal: Path, run: Runner = _run) -> list[tuple[str, int]]:
    """Point the bundle's cv2 at the system BLAS/LAPACK and delete the vendored copies; returns the
    deleted files (name, bytes). Does nothing for an OpenCV that does not link a vendored OpenBLAS."""
    libs = internal / "opencv_python_headless.libs"
    modules = sorted((internal / "cv2").glob("cv2*.so"))
    if len(modules) != 1 or not libs.is_dir():
        raise FileNotFoundError(f"no cv2 extension module and opencv_python_headless.libs in {internal}")
    cv2 = modules[0]
    blas = [name for name in needed(cv2, run) if name.startswith("libopenblas")]
    if not blas:
        return []
    run(["patchelf", "--replace-needed", blas[0], SYSTEM_LIBS[0], str(cv2)])
    run(["patchelf", "--add-needed", SYSTEM_LIBS[1], str(cv2)])
    removed = sorted(p for p in libs.iterdir() if VENDORED.match(p.name))
    # Only cv2 may have needed them: another library in the folder naming one would now fail to load.
    for other in sorted(libs.iterdir()):
        if other not in removed and any(VENDORED.match(n) for n in needed(other, run)):
            raise RuntimeError(f"{other.name} links a vendored BLAS library too; not removing them")
    gone = [(path.name, path.stat().st_size) for path in removed]
    for path in removed:
        path.unlink()
    return gone


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    internal = Path(args[0])
    removed = use_system_blas(internal)
    for name, size in removed:
        print(f"removed {name} ({size:,} bytes)")
    cv2 = sorted((internal / "cv2").glob("cv2*.so"))[0]
    links = [n for n in needed(cv2) if n in SYSTEM_LIBS or n.startswith("libopenblas")]
    print(f"{cv2.name} links {', '.join(links)}")
    return 0 if set(links) == set(SYSTEM_LIBS) else 1

if __name__ == "__main__":
    sys.exit(main())
