"""Themed icons are drawn on demand (ui/theme.py's SVG icon engine): right colour, size, scale and mode."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon


def _ink(pixmap) -> str:
    image = pixmap.toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return next(c.name() for c in pixels if c.alpha() == 255)


def test_icon_is_drawn_at_the_requested_size_and_scale(qapp, monkeypatch) -> None:
    from epcs_desktop.ui import theme

    monkeypatch.setenv("EPCS_DESKTOP_COLOR_SCHEME", "light")
    icon = theme.icon("lock")
    assert not icon.isNull()
    assert QSize(24, 24) in icon.availableSizes()
    sharp = icon.pixmap(QSize(24, 24), 2.0)
    assert sharp.devicePixelRatio() == 2.0
    assert sharp.size() == QSize(48, 48)
    assert _ink(sharp) == theme.LIGHT["text"]


def test_disabled_icons_use_the_muted_colour_and_tints_apply(qapp, monkeypatch) -> None:
    from epcs_desktop.ui import theme

    monkeypatch.setenv("EPCS_DESKTOP_COLOR_SCHEME", "dark")
    icon = theme.icon("copy")
    assert _ink(icon.pixmap(QSize(16, 16), 1.0, QIcon.Mode.Disabled)) == theme.DARK["muted"]
    tinted = theme.icon("copy", theme.DARK["accent"])
    assert _ink(tinted.pixmap(QSize(16, 16), 1.0)) == theme.DARK["accent"]


def test_missing_icon_is_empty_and_app_icon_has_window_manager_sizes(qapp) -> None:
    from epcs_desktop.ui import theme

    assert theme.icon("no-such-icon").isNull()
    app_icon = theme.app_icon()
    assert QSize(256, 256) in app_icon.availableSizes()
    assert app_icon.pixmap(QSize(64, 64)).size() == QSize(64, 64)
