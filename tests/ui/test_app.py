"""The program as a whole: start-up imports, first paint, demo mode, theme, wizard hand-off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from epcs_desktop.core.demo import SAMPLE_DEA, SAMPLE_NPI, create_demo_profile
from epcs_desktop.core.erx import DeviceOption, validate_dea, validate_npi
from epcs_desktop.core.profiles import ProfileStore

HEAVY = ("cv2", "qrcode", "PIL")


def _run(code: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EPCS_DESKTOP_DATA_DIR": str(data_dir), **env}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full_env, timeout=120, check=False
    )


def test_quit_after_first_paint_without_heavy_imports(data_dir: Path) -> None:
    code = (
        "import sys; from epcs_desktop.ui.app import run_gui;"
        f"rc = run_gui({str(data_dir)!r}, False, True);"
        f"heavy = [m for m in sys.modules if m.split('.')[0] in {HEAVY!r}];"
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    out = _run(code, data_dir)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stdout


def test_the_program_collects_cycles_on_its_gui_thread_only(data_dir: Path) -> None:
    """While the window runs, automatic collection is off (ui/gui_collector); a caller gets it back."""
    code = (
        "import gc, sys; from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication;"
        "from epcs_desktop.ui.app import run_gui;"
        "app = QApplication([]); during = [];"
        "QTimer.singleShot(0, lambda: during.append(gc.isenabled()));"
        f"rc = run_gui({str(data_dir)!r}, False, True);"
        "print('DURING', during, 'AFTER', gc.isenabled()); sys.exit(rc)"
    )
    out = _run(code, data_dir)
    assert out.returncode == 0, out.stderr
    assert "DURING [False] AFTER True" in out.stdout


def test_demo_mode_paints_and_cleans_up(tmp_path: Path, data_dir: Path) -> None:
    shot = tmp_path / "demo.png"
    code = "import sys; from epcs_desktop.ui.app import run_gui; sys.exit(run_gui(None, True, False))"
    out = _run(code, data_dir, EPCS_DESKTOP_SCREENSHOT=str(shot), TMPDIR=str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob("epcs-desktop-demo-*"))  # the throw-away folder is gone
    assert not data_dir.exists()  # the real data folder was never touched


END_PROCESS = r"""
import logging, sys, time
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication
from epcs_desktop import logsetup
from epcs_desktop.ui.app import end_process

app = QApplication([])
logsetup.setup_logging()

class Stuck(QRunnable):  # a clock check whose time server never answers
    def run(self):
        time.sleep(60)
        print("TASK FINISHED", flush=True)

QThreadPool.globalInstance().start(Stuck())
logging.getLogger("epcs_desktop.test").info("last words before quitting")
end_process(3, task_grace_ms=50)
print("NOT REACHED")
"""


def test_quit_does_not_wait_for_a_stuck_background_task(tmp_path: Path, data_dir: Path) -> None:
    """Quit used to wait for the thread pool (a silent time server: ~2 s) and then abort; now it ends at once.

    The 60 s task against the 120 s subprocess timeout: had the process waited, the task's line would show.
    """
    out = _run(END_PROCESS, data_dir, EPCS_DESKTOP_LOG_DIR=str(tmp_path / "logs"))
    assert out.returncode == 3, out.stderr  # the exit code given, not an abort
    assert "TASK FINISHED" not in out.stdout and "NOT REACHED" not in out.stdout
    log_text = (tmp_path / "logs" / "epcs-desktop.log").read_text(encoding="utf-8")
    assert "last words before quitting" in log_text  # the log was flushed before the process ended
    assert "1 background task(s) still running after 50 ms" in log_text


def test_the_program_ends_its_own_process_after_closing_everything(tmp_path: Path, data_dir: Path) -> None:
    """The real command line (argv from the process): the vault is closed and the demo folder removed
    before the process ends, and the caller's code after main() never runs (no interpreter shutdown)."""
    code = (
        "import sys; import epcs_desktop.core.profile as p; _close = p.Profile.close\n"
        "def close(self):\n    print('VAULT CLOSED', flush=True); _close(self)\n"
        "p.Profile.close = close\n"
        "from epcs_desktop.cli import main\n"
        "sys.argv = ['epcs-desktop', '--demo', '--quit-after-first-paint']\n"
        "rc = main(); print('RETURNED', rc)"
    )
    out = _run(code, data_dir, TMPDIR=str(tmp_path), EPCS_DESKTOP_LOG_DIR=str(tmp_path / "logs"))
    assert out.returncode == 0, out.stderr
    assert "VAULT CLOSED" in out.stdout
    assert "RETURNED" not in out.stdout
    assert not list(tmp_path.glob("epcs-desktop-demo-*"))
    assert "colour scheme" in (tmp_path / "logs" / "epcs-desktop.log").read_text(encoding="utf-8")


def test_demo_profile_has_everything(data_dir_store: ProfileStore) -> None:
    profile = create_demo_profile(data_dir_store)
    try:
        options = [d.option for d in profile.devices()]
        assert options.count(DeviceOption.GENERATOR_HERE) >= 2
        assert DeviceOption.PUSH in options and DeviceOption.GENERATOR_OTHER in options
        assert profile.primary() is not None
        info = profile.prescriber()
        assert validate_dea(info.dea_number) == SAMPLE_DEA and validate_npi(info.npi) == SAMPLE_NPI
        assert profile.identity().confirmed
    finally:
        profile.close()


def test_theme_follows_forced_scheme(qapp, monkeypatch) -> None:
    from epcs_desktop.ui import theme

    monkeypatch.setenv("EPCS_DESKTOP_COLOR_SCHEME", "dark")
    t = theme.Theme(qapp)
    try:
        assert t.scheme == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).name() == theme.DARK["window"]
        monkeypatch.setenv("EPCS_DESKTOP_COLOR_SCHEME", "light")
        t.apply()
        assert t.scheme == "light"
        assert QApplication.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT["window"]
        assert not theme.icon("lock").isNull()

        from PySide6.QtWidgets import QPushButton

        button = QPushButton("x")
        theme.set_icon(button, "lock")

        def ink() -> str:
            image = button.icon().pixmap(24, 24).toImage()
            pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
            return next(c.name() for c in pixels if c.alpha() == 255)

        assert ink() == theme.LIGHT["text"]
        monkeypatch.setenv("EPCS_DESKTOP_COLOR_SCHEME", "dark")
        t.apply()  # what colorSchemeChanged triggers
        assert ink() == theme.DARK["text"]
    finally:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.styleHints().unsetColorScheme()
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())
        t.deleteLater()


def test_add_button_opens_the_enrollment_wizard(qtbot, controller, lee_profile) -> None:
    from PySide6.QtCore import Qt

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.codes.add_button, Qt.MouseButton.LeftButton)
    from epcs_desktop.ui.wizard import EnrollWizard

    assert isinstance(window.dialog, EnrollWizard)
    assert window.dialog.profile is lee_profile
    window.dialog.reject()


def test_platform_facts_are_applied_before_the_application(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from epcs_desktop.ui import app

    # The test process already has a QApplication: only the Windows id can still be applied, and off
    # Windows the shell call is absent, which must be harmless.
    assert app.apply_platform_facts("linux") == []
    assert app.apply_platform_facts("win32") == []


def test_the_windows_app_id_is_set_through_shell32(qapp) -> None:
    """apply_platform_facts("win32") with a recording shell32: the call, its prototype and its HRESULT."""
    import ctypes

    from epcs_desktop.core.platform import APP_USER_MODEL_ID
    from epcs_desktop.ui import app

    calls: list[str] = []

    class SetId:
        def __init__(self, result: int) -> None:
            self.result = result
            self.argtypes: list = []
            self.restype = None

        def __call__(self, aumid: str) -> int:
            assert self.argtypes == [ctypes.c_wchar_p] and self.restype is ctypes.c_long
            calls.append(aumid)
            return self.result

    class Shell32:
        def __init__(self, result: int) -> None:
            self.SetCurrentProcessExplicitAppUserModelID = SetId(result)

    assert app.apply_platform_facts("win32", shell32=Shell32(0)) == [f"AppUserModelID {APP_USER_MODEL_ID}"]
    assert calls == [APP_USER_MODEL_ID]
    assert app.apply_platform_facts("win32", shell32=Shell32(-2147024891)) == []  # E_ACCESSDENIED: logged
    with pytest.raises(AttributeError):  # a misspelt or missing entry point is not swallowed
        app.apply_platform_facts("win32", shell32=object())
