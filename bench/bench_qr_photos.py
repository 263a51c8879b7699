"""Real QR photos (../shared/qr-photos-dev/) per category: product decoder vs zxing-cpp, zbar, OpenCV.

Why: the generated corpus (qr_corpus.py) is ours and so is the tuning; these
177 photographs from the zxing and zxing-cpp test suites (paper, fabric,
screens, 41 with no code at all) are someone else's hard cases. Every decoder
runs in the same process on the same decoded pixels, so the baselines share
the machine's load. A photo counts as read when every expected text and
nothing else came out; a payload from a no-code photo is a false positive.

Categories are the photo's `scene` (paper, fabric, screen, ...) crossed with
its source `set`, because the sets differ in what makes them hard.

    python bench/bench_qr_photos.py [--photos DIR] [--decoders product,zxing,zbar,opencv] [-v]

Photos are read from the shared directory, never copied. Absent: the bench
prints why and reports nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report
from epcs_desktop.core import qr

DEFAULT_PHOTOS = Path(__file__).resolve().parents[3] / "shared" / "qr-photos-dev"
if not DEFAULT_PHOTOS.is_dir():
    DEFAULT_PHOTOS = Path("/work/shared/qr-photos-dev")


def zxing_plain(frame: np.ndarray) -> list[str]:
    """zxing-cpp with its defaults (the same-run baseline)."""
    return [r.text for r in zxingcpp.read_barcodes(frame, formats=zxingcpp.BarcodeFormat.QRCode) if r.valid]


def opencv(frame: np.ndarray) -> list[str]:
    try:
        ok, texts, _, _ = cv2.QRCodeDetector().detectAndDecodeMulti(frame)
    except cv2.error:
        return []
    return [t for t in texts if t] if ok else []


def opencv_aruco(frame: np.ndarray) -> list[str]:
    try:
        ok, texts, _, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(frame)
    except cv2.error:
        return []
    return [t for t in texts if t] if ok else []


def zbar_decoder() -> Callable[[np.ndarray], list[str]] | None:
    """pyzbar (bench extra, needs the libzbar0 system library) or None when not installed."""
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError):
        return None

    def decode(frame: np.ndarray) -> list[str]:
        gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        out = []
        for sym in pyzbar.decode(gray, symbols=[pyzbar.ZBarSymbol.QRCODE]):
            try:
                out.append(sym.data.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(sym.data.decode("latin-1"))
        return out

    return decode


def decoders() -> dict[str, Callable[[np.ndarray], list[str]]]:
    found: dict[str, Callable[[np.ndarray], list[str]]] = {"product": qr.decode_frame, "zxing": zxing_plain}
    zbar = zbar_decoder()
    if zbar is not None:
        found["zbar"] = zbar
    found["opencv"] = opencv
    found["aruco"] = opencv_aruco
    return found


def load(photos: Path) -> list[tuple[str, str, list[str], np.ndarray]]:
    truth = json.loads((photos / "truth.json").read_text(encoding="utf-8"))["images"]
    out = []
    for name, info in sorted(truth.items()):
        frame = qr.load_image(photos / "files" / name)
        category = f"{info['scene'].split(' ')[0]} {info['set'].split('/')[-1]}"
        out.append((name, category, list(info["texts"] or []), frame))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=Path, default=DEFAULT_PHOTOS)
    ap.add_argument("--decoders", default="", help="comma-separated subset (default: all installed)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the photos each decoder missed")
    args = ap.parse_args()
    if not (args.photos / "truth.json").is_file():
        print(f"no photos at {args.photos}: nothing measured")
        return 0
    available = decoders()
    chosen = [d for d in args.decoders.split(",") if d] or list(available)
    photos = load(args.photos)
    cats = sorted({c for _, c, _, _ in photos})
    ok: dict[str, dict[str, list[bool]]] = {d: {c: [] for c in cats} for d in chosen}
    fp = dict.fromkeys(chosen, 0)
    mis = dict.fromkeys(chosen, 0)
    ms: dict[str, list[float]] = {d: [] for d in chosen}
    read_by: dict[str, set[str]] = {d: set() for d in chosen}
    for name, cat, texts, frame in photos:
        for d in chosen:
            t0 = time.perf_counter()
            got = available[d](frame)
            ms[d].append((time.perf_counter() - t0) * 1000)
            if not texts:
                fp[d] += bool(got)
                continue
            extra = [g for g in got if g not in texts]
            mis[d] += bool(extra)
            success = set(texts) <= set(got) and not extra
            ok[d][cat].append(success)
            if success:
                read_by[d].add(name)
    header = f"{'category':<22} {'n':>3} " + " ".join(f"{d:>8}" for d in chosen)
    print(header)
    for c in cats:
        n = len(ok[chosen[0]][c])
        if not n:
            continue
        cells = " ".join(f"{100 * sum(ok[d][c]) / n:>7.0f}%" for d in chosen)
        print(f"{c:<22} {n:>3} {cells}")
    n_pos = sum(len(v) for v in ok[chosen[0]].values())
    print(f"{'all photos with a code':<22} {n_pos:>3} " + " ".join(f"{len(read_by[d]):>8}" for d in chosen))
    print(f"{'false positives':<22} {'':>3} " + " ".join(f"{fp[d]:>8}" for d in chosen))
    print(f"{'misreads':<22} {'':>3} " + " ".join(f"{mis[d]:>8}" for d in chosen))
    print(f"{'median ms':<22} {'':>3} " + " ".join(f"{statistics.median(ms[d]):>8.1f}" for d in chosen))
    print(
        f"{'p10-p90 ms':<22} {'':>3} "
        + " ".join(f"{np.percentile(ms[d], 10):>3.0f}-{np.percentile(ms[d], 90):<4.0f}" for d in chosen)
    )
    if args.verbose:
        for d in chosen:
            missed = sorted(n for n, _, t, _ in photos if t and n not in read_by[d])
            print(f"{d} missed {len(missed)}: {' '.join(missed)}")
    if "product" in chosen:
        others = set().union(*(read_by[d] for d in chosen if d != "product"))
        worst = min(100 * sum(v) / len(v) for v in ok["product"].values() if v)
        report(
            "real QR photos read (product vs union of the other decoders, same run)",
            f"{len(read_by['product'])}/{n_pos}, worst category {worst:.0f}%",
            f"> union {len(others)}, every category >= 60%",
            len(read_by["product"]) > len(others) and worst >= 60,
            note=f"zxing-cpp alone {len(read_by.get('zxing', ()))}; "
            f"FP {fp['product']}, misreads {mis['product']}",
        )
        report(
            "real QR photos: false positives / misreads",
            f"{fp['product']} / {mis['product']}",
            "0 / 0",
            fp["product"] == 0 and mis["product"] == 0,
        )
        if "zxing" in chosen:
            ratio = statistics.median(ms["product"]) / statistics.median(ms["zxing"])
            report(
                "real QR photos: decode median vs zxing-cpp alone",
                f"{statistics.median(ms['product']):.1f} ms vs {statistics.median(ms['zxing']):.1f} ms "
                f"({ratio:.2f}x)",
                "<= 1.5x",
                ratio <= 1.5,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
