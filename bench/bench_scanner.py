"""Preview frame rate while decoding, and time to confirm a code (ui/scanner.py).

Target: the preview keeps >= 15 fps while the decoder works on 1280x720
frames. A generated 30 fps MJPG video stands in for the webcam: 3 s of a
cluttered blank scene (the decoder's slow path), then 3 s with the QR code.
Prints numbers; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/bench_scanner.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
import qrcode
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import report
from epcs_desktop.ui.scanner import ScanPreview, ScanSession

TEXT = "otpauth://totp/ID.me:bench?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ID.me"
W, H, FPS = 1280, 720, 30


def make_video(path: Path, blank_s: float = 3.0, coded_s: float = 3.0) -> None:
    rng = np.random.default_rng(1)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (W, H))
    scene = rng.integers(60, 200, size=(H // 8, W // 8, 3), dtype=np.uint8)
    scene = cv2.resize(scene, (W, H), interpolation=cv2.INTER_NEAREST)
    q = np.array(qrcode.make(TEXT, box_size=8, border=4).convert("L"), dtype=np.uint8)
    q = cv2.resize(q, (420, 420), interpolation=cv2.INTER_NEAREST)
    coded = scene.copy()
    coded[150:570, 430:850] = q[:, :, None]
    for _ in range(int(blank_s * FPS)):
        writer.write(scene)
    for _ in range(int(coded_s * FPS)):
        writer.write(coded)
    writer.release()


def main() -> int:
    from epcs_desktop.core.frames import VideoFileSource

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        video = Path(tmp) / "bench.avi"
        make_video(video)
        preview = ScanPreview()
        preview.resize(640, 400)
        preview.show()
        session = ScanSession(lambda: VideoFileSource(video), max_fps=FPS)
        session.frame.connect(preview.set_frame)
        confirmed: list[tuple[float, int]] = []
        t0 = time.perf_counter()
        session.confirmed.connect(lambda _t, i: confirmed.append((time.perf_counter() - t0, i)))
        session.start()
        deadline = t0 + 6.5
        while time.perf_counter() < deadline and session.is_running():
            app.processEvents()
            time.sleep(0.002)
        elapsed = time.perf_counter() - t0
        session.stop()
    print(f"elapsed {elapsed:.2f} s, frames read {session.frames_read}, decoded {session.frames_decoded}")
    print(f"preview fps {preview.frames_shown / elapsed:.1f} (target >= 15)")
    print(f"decode rate {session.frames_decoded / elapsed:.1f} frames/s (newest frame only, rest dropped)")
    if confirmed:
        t, index = confirmed[0]
        print(f"confirmed at frame {index} (code first visible at frame {3 * FPS}), {t:.2f} s after start")
    else:
        print("code not confirmed")
    fps = preview.frames_shown / elapsed
    report("camera preview while decoding (1280x720, 30 fps video)", f"{fps:.1f} fps", ">= 15 fps", fps >= 15)
    report(
        "time to confirm a code once it is in view",
        f"{confirmed[0][0] - 3.0:.2f} s (frame {confirmed[0][1]})" if confirmed else "not confirmed",
        "reported",
        None if confirmed else False,
    )
    return 0


if __name__ == "__main__":
    status = main()
    # End the process the way the program's Quit does (ui.app.end_process): ScanSession.stop() never
    # blocks, so its camera threads may still be closing; an interpreter shutdown destroying them while
    # they run aborts ("QThread: Destroyed while thread is still running") after the numbers are out.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
