"""``epcs-desktop scan``: real image/video files, the real missing camera, a real Xvfb screen.

Exit status contract: 0 something found, 1 nothing found, 2 error (one
``error:`` line). Payloads go to stdout only; never to logs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from epcs_desktop.cli import main
from qr_support import qr_gray

URI = "otpauth://totp/ID.me:dr.ana%40clinic.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEH&issuer=ID.me"
URI2 = "otpauth://totp/DrChrono:bob?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=DrChrono"
LINK = "https://example.org/not-a-secret"


def picture(path: Path, *texts: str) -> Path:
    """A real image file with the given codes side by side (left to right = reading order)."""
    canvas = np.full((520, 1400, 3), 235, np.uint8)
    x = 20
    for text in texts:
        code = qr_gray(text)
        canvas[20 : 20 + code.shape[0], x : x + code.shape[1]] = code[..., None]
        x += code.shape[1] + 40
    assert cv2.imwrite(str(path), canvas)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_files_print_each_distinct_payload_once(tmp_path: Path, capsys) -> None:
    a = picture(tmp_path / "a.png", URI, URI2)
    b = picture(tmp_path / "b.jpg", URI2, LINK)  # URI2 again: printed once
    code, out, err = run(["scan", str(a), str(b)], capsys)
    assert code == 0, err
    assert out.splitlines() == [URI, URI2, LINK]


def test_nothing_found_exits_1(tmp_path: Path, capsys) -> None:
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((300, 400, 3), 255, np.uint8))
    assert run(["scan", str(blank)], capsys) == (1, "", "")


@pytest.mark.parametrize("content", [b"", b"plain text, not an image", None])
def test_unreadable_file_exits_2_with_one_line(tmp_path: Path, capsys, content: bytes | None) -> None:
    path = tmp_path / "broken.png"
    if content is None:
        _ok, buf = cv2.imencode(".png", cv2.cvtColor(qr_gray(URI), cv2.COLOR_GRAY2BGR))
        content = buf.tobytes()[:200]  # truncated PNG holding a code
    path.write_bytes(content)
    code, out, err = run(["scan", str(path)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and "broken.png" in err
    assert "JBSWY3DP" not in err


def test_one_bad_file_among_good_ones_still_prints_the_good_and_exits_2(tmp_path: Path, capsys) -> None:
    good = picture(tmp_path / "good.png", URI)
    code, out, err = run(["scan", str(good), str(tmp_path / "missing.png")], capsys)
    assert code == 2
    assert out.splitlines() == [URI]
    assert "missing.png" in err


def test_json_gives_kinds(tmp_path: Path, capsys) -> None:
    img = picture(tmp_path / "codes.png", URI, LINK)
    code, out, _ = run(["scan", "--json", str(img)], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["payload"] for r in rows] == [URI, LINK]
    assert rows[0]["kind"] == "otpauth" and rows[0]["usable"] is True
    assert rows[1]["kind"] == "url" and rows[1]["usable"] is False
    assert all(r["source"] == str(img) for r in rows)


def code_video(path: Path, pattern: str) -> Path:
    """A real MJPG video at 10 fps, one frame per letter of `pattern`: "." blank, "q" the code for URI."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (640, 480))
    blank = np.full((480, 640, 3), 150, np.uint8)
    with_code = blank.copy()
    code = qr_gray(URI)
    with_code[40 : 40 + code.shape[0], 40 : 40 + code.shape[1]] = code[..., None]
    for letter in pattern:
        writer.write(with_code if letter == "q" else blank)
    writer.release()
    return path


def test_video_file(tmp_path: Path, capsys) -> None:
    path = code_video(tmp_path / "clip.avi", ".qq.")
    code_, out, err = run(["scan", str(path)], capsys)
    assert code_ == 0, err
    assert out.splitlines() == [URI]


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    code, out, err = run(["scan"], capsys)
    assert code == 2 and "nothing to scan" in err
    img = picture(tmp_path / "a.png", URI)
    code, out, err = run(["scan", "--camera", "0", str(img)], capsys)
    assert code == 2 and out == ""


def test_missing_camera_exits_2_without_hanging(capsys) -> None:
    code, out, err = run(["scan", "--camera", "7", "--timeout", "5"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "7" in err.splitlines()[-1]


def test_screen_without_a_display_says_so(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    code, out, err = run(["scan", "--screen"], capsys)
    assert code == 2 and out == ""
    assert "screenshot" in err and "secret key" in err


def _cli(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_real_process_verbose_never_logs_payloads(tmp_path: Path) -> None:
    img = picture(tmp_path / "a.png", URI)
    out = _cli(["-v", "scan", str(img)])
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [URI]
    assert "JBSWY3DP" not in out.stderr and "Traceback" not in out.stderr


def test_real_process_broken_video_is_one_line_without_ffmpeg_chatter(tmp_path: Path) -> None:
    """FFmpeg's own complaint ("moov atom not found") is written by C code to the process's stderr, so a
    real process is the only honest check: the person sees the program's one line and nothing else."""
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"not a video at all, just bytes")
    out = _cli(["scan", str(bad)])
    assert out.returncode == 2
    assert out.stderr.splitlines() == ["error: broken.mp4 is not a video file that can be read."]


def test_real_process_camera_and_no_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    cam = _cli(["scan", "--camera", "7"], env)
    assert cam.returncode == 2 and "Traceback" not in cam.stderr
    assert "No camera number 7" in cam.stderr or "Camera 7" in cam.stderr
    screen = _cli(["scan", "--screen"], {**env, "DISPLAY": ":93"})  # nobody listens on :93
    assert screen.returncode == 2, screen.stderr
    assert "no graphical display" in screen.stderr and "Traceback" not in screen.stderr


# --------------------------------------------------------------------------- Xvfb


def _accepts(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True


def _start_xvfb(*extra: str) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a random high display number, away from the low ones other suites' -displayfd
    servers take. -noreset: without it the server resets when the last client (the CLI's own
    display probe) disconnects, and a Qt client connecting during the reset is refused."""
    rng = random.Random()
    for _ in range(10):
        number = rng.randrange(200, 900)
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket_path = Path(f"/tmp/.X11-unix/X{number}")
        for _ in range(200):  # until the server accepts connections (-noreset: probing is harmless)
            if proc.poll() is not None or _accepts(socket_path):
                break
            time.sleep(0.05)
        if proc.poll() is None and _accepts(socket_path):
            return proc, f":{number}"
        proc.kill()
        proc.wait()
    pytest.skip("Xvfb did not start")


@pytest.fixture
def xvfb_env(request: pytest.FixtureRequest):
    """Environment for a Qt (xcb) subprocess on a fresh Xvfb; indirect param = extra Xvfb flags."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/common.sh TEST_DEBS)")
    proc, display = _start_xvfb(*getattr(request, "param", ()))
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    yield env
    proc.terminate()
    proc.wait(timeout=10)


SHOW_QR = textwrap.dedent(
    """
    import sys
    import numpy as np
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel
    code = np.load(sys.argv[1])
    app = QApplication(sys.argv[:1])
    label = QLabel()
    img = QImage(code.data, code.shape[1], code.shape[0], code.strides[0], QImage.Format.Format_Grayscale8)
    label.setPixmap(QPixmap.fromImage(img))
    label.setStyleSheet("background: white")
    label.move(200, 150)
    label.show()
    from PySide6.QtTest import QTest
    assert QTest.qWaitForWindowExposed(label, 20000)
    QTest.qWait(300)  # let the pixmap reach the X server before the other process grabs
    print("READY", flush=True)
    sys.stdin.readline()  # stay on screen until the test is done
    """
)


@pytest.mark.xvfb
def test_scan_screen_reads_a_code_shown_on_a_real_x_screen(xvfb_env, tmp_path: Path) -> None:
    """One process shows the code in a Qt window; `scan --screen` in another grabs and decodes it."""
    np.save(tmp_path / "code.npy", qr_gray(URI, px=4))
    shower = subprocess.Popen(
        [sys.executable, "-c", SHOW_QR, str(tmp_path / "code.npy")],
        env=xvfb_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert shower.stdout is not None and shower.stdout.readline().strip() == "READY"
        out = _cli(["scan", "--screen"], xvfb_env)
        assert out.returncode == 0, out.stderr
        assert out.stdout.splitlines() == [URI]
        out = _cli(["scan", "--screen", "--json"], xvfb_env)
        rows = json.loads(out.stdout)
        assert rows[0]["kind"] == "otpauth" and rows[0]["source"] == "screen 0"
    finally:
        shower.communicate("\n", timeout=30)


@pytest.mark.xvfb
@pytest.mark.parametrize("xvfb_env", [("-wr",)], indirect=True)
def test_screen_grab_gives_bgr_frames_and_an_empty_screen_has_no_code(xvfb_env) -> None:
    script = textwrap.dedent(
        """
        from epcs_desktop.ui import screen_grab
        from epcs_desktop.core.policy import Policy
        from epcs_desktop.core.qr import decode_frame
        frames = screen_grab.grab_screens(Policy())
        print(len(frames), frames[0].shape, frames[0].dtype, len(decode_frame(frames[0])))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=xvfb_env, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "(800,", "1280,", "3)", "uint8", "0"]


@pytest.mark.xvfb
@pytest.mark.parametrize("xvfb_env", [("-br",)], indirect=True)
def test_all_black_grab_is_reported_as_refused(xvfb_env) -> None:
    """An all-black grab is what Wayland and macOS without permission hand back; -br makes Xvfb's
    empty root window exactly that, so the refusal message is exercised for real."""
    out = _cli(["scan", "--screen"], xvfb_env)
    assert out.returncode == 2 and out.stdout == ""
    assert "did not allow a screen capture" in out.stderr and "secret key" in out.stderr
    assert out.stderr.count("\n") == 1


# --------------------------------------------------------------------------- issue 19: the window's rules


def test_video_counts_a_code_only_when_two_decoded_frames_hold_it(tmp_path: Path, capsys) -> None:
    """One frame with a code is a raw read, not a confirmed one (the window's two-reads rule)."""
    path = code_video(tmp_path / "flash.avi", ".q..")
    code_, out, _err = run(["scan", str(path)], capsys)
    assert (code_, out) == (1, "")
    code_, out, _err = run(["scan", "--raw", str(path)], capsys)
    assert code_ == 0 and out.splitlines() == [URI]


def test_generated_webcam_clip_is_confirmed(tmp_path: Path, capsys) -> None:
    from qr_support import clip_video, sequence_clip

    path = clip_video(tmp_path / "sweep.avi", "sweep", 1, mirrored=True)
    code_, out, err = run(["scan", str(path)], capsys)
    assert code_ == 0, err
    assert out.splitlines() == [sequence_clip("sweep", 1, frames=1).text]


def test_explain_prints_the_windows_hint_per_second(tmp_path: Path, capsys) -> None:
    from qr_support import clip_video

    covered = clip_video(tmp_path / "fingers.avi", "fingers", 1, frames=20)
    empty = clip_video(tmp_path / "empty.avi", "empty", 0, frames=10)
    near = clip_video(tmp_path / "near.avi", "near", 0, frames=20)
    code_, out, err = run(["scan", "--explain", str(covered), str(empty), str(near)], capsys)
    assert code_ == 0, err
    assert out.splitlines() == [
        "fingers.avi 0-1 s: Part of the code is covered. Keep your fingers off the code.",
        "fingers.avi 1-2 s: Part of the code is covered. Keep your fingers off the code.",
        "empty.avi 0-1 s: (no hint)",
        "near.avi 0-1 s: QR code read (the window stops here)",
    ]
    code_, _out, err = run(["scan", "--explain", "--camera", "0"], capsys)
    assert code_ == 2 and "video" in err


def test_camera_hints_go_to_stderr_in_english_whatever_the_language(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`scan --camera` prints the window's hint when it changes, in English like every CLI message
    (docs/cli.md): a Spanish hint after an English first line would mix two languages in one stream."""
    from epcs_desktop.core import frames
    from epcs_desktop.core.scan_guide import Hint
    from qr_support import clip_video

    video = clip_video(tmp_path / "fingers.avi", "fingers", 1, frames=20)
    monkeypatch.setenv("EPCS_DESKTOP_LANG", "es")
    real = frames.CameraSource

    class PacedCamera(real):  # type: ignore[misc, valid-type]
        """The clip through the real camera source, one frame per 0.1 s like the 10 fps webcam it models."""

        def read(self) -> np.ndarray:
            time.sleep(0.1)
            return super().read()

    def camera(index: int, *, policy: object) -> PacedCamera:  # the policy: the command's context's
        return PacedCamera.from_capture(cv2.VideoCapture(str(video)), index=index)

    monkeypatch.setattr(frames, "CameraSource", camera)
    code_, out, err = run(["scan", "--camera", "0", "--timeout", "30"], capsys)
    assert code_ == 2 and out == ""  # the "camera" stops sending when the clip ends
    assert Hint.UNCOVER.text + "\n" in err
    assert "dedos" not in err
