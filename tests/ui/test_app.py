"""The program as a whole: start-up imports, first paint, demo mode, theme, wizard hand-off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_demo_mode_paints_and_cleans_up(tmp_path: Path, data_dir: Path) -> None:
    shot = tmp_path / "demo.png"
    code = "import sys; from epcs_desktop.ui.app import run_gui; sys.exit(run_gui(None, True, False))"
    out = _run(code, data_dir, EPCS_DESKTOP_SCREENSHOT=str(shot), TMPDIR=str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob("epcs-desktop-demo-*"))  # the throw-away folder is gone
    assert not data_dir.exists()  # the real data folder was never touched


def test_demo_profile_has_everything(store: ProfileStore) -> None:
    profile = create_demo_profile(store)
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


def test_add_button_opens_the_enrollment_wizard(qtbot, controller, profile) -> None:
    from PySide6.QtCore import Qt

    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.codes.add_button, Qt.MouseButton.LeftButton)
    from epcs_desktop.ui.wizard import EnrollWizard

    assert isinstance(window.dialog, EnrollWizard)
    assert window.dialog.profile is profile
    window.dialog.reject()
