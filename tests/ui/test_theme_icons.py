"""Themed icons are drawn on demand (ui/theme.py's SVG icon engine): right colour, size, scale and mode."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon


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


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_check_boxes_and_radio_buttons_are_visible_in_the_dark_scheme(qtbot) -> None:
    """Issue 22: on the dark scheme an unchecked box's outline all but vanished (Fusion darkens the
    window colour). Rendered for real: some indicator pixel must stand 3:1 against the window."""
    from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QVBoxLayout, QWidget

    from epcs_desktop.ui import theme

    c = theme.colors("dark")
    app = QApplication.instance()
    old_palette, old_sheet = app.palette(), app.styleSheet()
    app.setPalette(theme.build_palette(c))  # as ui.theme.Theme applies it: to the whole program
    app.setStyleSheet(theme.stylesheet(c))
    host = QWidget()
    host.setAutoFillBackground(True)
    box, radio = QCheckBox("Keep", host), QRadioButton("Choose", host)
    layout = QVBoxLayout(host)
    layout.addWidget(box)
    layout.addWidget(radio)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    window = QColor(c["window"])
    bg = _luminance((window.red(), window.green(), window.blue()))
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    for widget, element in (
        (box, QStyle.SubElement.SE_CheckBoxIndicator),
        (radio, QStyle.SubElement.SE_RadioButtonIndicator),
    ):
        image = widget.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(widget)
        rect = widget.style().subElementRect(element, option, widget)
        best = 1.0
        for x in range(rect.left(), rect.right() + 1):
            for y in range(rect.top(), rect.bottom() + 1):
                px = image.pixelColor(x, y)
                lum = _luminance((px.red(), px.green(), px.blue()))
                hi, lo = max(lum, bg), min(lum, bg)
                best = max(best, (hi + 0.05) / (lo + 0.05))
        assert best >= 3.0, (type(widget).__name__, best)
    app.setPalette(old_palette)
    app.setStyleSheet(old_sheet)
