"""Light and dark appearance that follows the desktop at run time.

Fusion with an explicit palette looks the same on every Linux desktop, and
switching the palette when `QStyleHints.colorSchemeChanged` fires makes the
program follow the system's light/dark setting without a restart. The
`EPCS_DESKTOP_COLOR_SCHEME=light|dark` variable forces one (screenshots, tests).
Icons are monochrome SVGs drawn with `currentColor`, re-tinted for the scheme.
"""

from __future__ import annotations

import logging
import os
import weakref
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

# A plain folder next to the package (also in the PyInstaller bundle, which ships resources/ as files):
# importlib.resources would cost ~3 ms of imports before the lock screen's first paint.
RESOURCES = Path(__file__).resolve().parent.parent / "resources"

LIGHT = {
    "window": "#f4f5f7",
    "base": "#ffffff",
    "alt": "#f0f2f5",
    "text": "#1d2330",
    "muted": "#5b6475",
    "button": "#e9ecf1",
    "highlight": "#2563b8",
    "highlight_text": "#ffffff",
    "link": "#1b5fb4",
    "accent": "#2563b8",
    "ok": "#1f7a3d",
    "error": "#b3261e",
    "border": "#cfd5de",
    "ring_bg": "#dde2ea",
    "warn": "#a15c00",
}
DARK = {
    "window": "#1e2128",
    "base": "#262a33",
    "alt": "#2c313b",
    "text": "#e7eaf0",
    "muted": "#9aa3b5",
    "button": "#323845",
    "highlight": "#3d7bd6",
    "highlight_text": "#ffffff",
    "link": "#7fb2ff",
    "accent": "#7fb2ff",
    "ok": "#6fd08c",
    "error": "#ff8a80",
    "border": "#3b4250",
    "ring_bg": "#3a404c",
    "warn": "#f0b860",
}


_preferred: str | None = None  # Settings > Display (ui/preferences.py); the variable below wins
_themes: list[Theme] = []


def _forced_scheme() -> str | None:
    value = os.environ.get("EPCS_DESKTOP_COLOR_SCHEME", "").strip().lower()
    if value in ("light", "dark"):
        return value
    return _preferred


def set_preferred_scheme(value: str | None) -> None:
    """Light, dark or None (follow the desktop), chosen in Settings; every live Theme re-applies at once."""
    global _preferred
    _preferred = value if value in ("light", "dark") else None
    for t in list(_themes):
        t.apply()


def current_scheme() -> str:
    """'light' or 'dark': the forced one, else what the desktop says (unknown counts as light)."""
    forced = _forced_scheme()
    if forced:
        return forced
    app = QGuiApplication.instance()
    if app is not None and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def colors(scheme: str | None = None) -> dict[str, str]:
    return DARK if (scheme or current_scheme()) == "dark" else LIGHT


def color(name: str) -> QColor:
    return QColor(colors()[name])


def build_palette(c: dict[str, str]) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: "window",
        role.WindowText: "text",
        role.Base: "base",
        role.AlternateBase: "alt",
        role.Text: "text",
        role.Button: "button",
        role.ButtonText: "text",
        role.Highlight: "highlight",
        role.HighlightedText: "highlight_text",
        role.Link: "link",
        role.LinkVisited: "link",
        role.ToolTipBase: "base",
        role.ToolTipText: "text",
        role.PlaceholderText: "muted",
        role.BrightText: "error",
        role.Mid: "border",
        role.Midlight: "alt",
        role.Dark: "border",
    }
    for r, key in pairs.items():
        pal.setColor(r, QColor(c[key]))
    muted = QColor(c["muted"])
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, muted)
    return pal


def stylesheet(c: dict[str, str]) -> str:
    try:
        template = (RESOURCES / "styles" / "app.qss").read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet missing; using the plain style")
        return ""
    template = template.replace("@icons", (RESOURCES / "icons").as_posix())
    for key in sorted(c, key=len, reverse=True):  # "@highlight_text" before "@highlight"
        template = template.replace("@" + key, c[key])
    return template


@cache
def _svg_source(name: str) -> str | None:
    try:
        return (RESOURCES / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return None


def _render_svg(svg: str, size: QSize, ratio: float) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    width, height = max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio))
    pm = QPixmap(QSize(width, height))
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    pm.setDevicePixelRatio(ratio)
    return pm


class _SvgIconEngine(QIconEngine):
    """Renders a tinted SVG only when Qt first asks for a size, then keeps that pixmap.

    Rendering every icon at three sizes and two modes up front cost ~30 ms of
    start-up for icons most of which are in menus nobody has opened yet; an
    engine draws the few that are painted, at exactly the size and scale used.
    """

    SIZES: tuple[int, ...] = (16, 24, 32)

    def __init__(self, normal: str, disabled: str | None) -> None:
        super().__init__()
        self._normal = normal
        self._disabled = disabled
        self._cache: dict[tuple[int, int, bool, float], QPixmap] = {}

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        dim = mode == QIcon.Mode.Disabled and self._disabled is not None
        key = (size.width(), size.height(), dim, scale)
        pm = self._cache.get(key)
        if pm is None:
            svg = self._disabled if dim and self._disabled is not None else self._normal
            pm = self._cache[key] = _render_svg(svg, size, scale)
        return pm

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(n, n) for n in self.SIZES]

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._normal, self._disabled)


def icon(name: str, tint: str | None = None) -> QIcon:
    """A themed icon from resources/icons/<name>.svg (an empty icon if it is missing); drawn on first use."""
    svg = _svg_source(name)
    if svg is None:
        return QIcon()
    c = colors()
    return QIcon(
        _SvgIconEngine(
            svg.replace("currentColor", tint or c["text"]), svg.replace("currentColor", c["muted"])
        )
    )


_BOUND: list[tuple[weakref.ref[Any], str, str | None]] = []


def set_icon(target: Any, name: str, tint_key: str | None = None) -> Any:
    """Give a button or action a themed icon that is re-tinted when the colour scheme changes."""
    target.setIcon(icon(name, colors()[tint_key] if tint_key else None))
    if len(_BOUND) > 500:
        _BOUND[:] = [entry for entry in _BOUND if entry[0]() is not None]
    _BOUND.append((weakref.ref(target), name, tint_key))
    return target


def _retint_bound() -> None:
    alive = []
    for ref, name, tint_key in _BOUND:
        target = ref()
        if target is None:
            continue
        try:
            target.setIcon(icon(name, colors()[tint_key] if tint_key else None))
        except RuntimeError:  # the Qt object is gone, only its wrapper is left
            continue
        alive.append((ref, name, tint_key))
    _BOUND[:] = alive


def app_icon() -> QIcon:
    """The packaged application icon, or a drawn fallback while it does not exist yet."""
    svg = _svg_source("epcs-desktop")
    if svg is not None:
        return QIcon(_AppIconEngine(svg, None))
    return icon("shield", LIGHT["accent"])


class _AppIconEngine(_SvgIconEngine):
    """The application icon: full colour, offered at the sizes window managers and trays ask for."""

    SIZES = (16, 32, 48, 64, 128, 256)

    def clone(self) -> QIconEngine:
        return _AppIconEngine(self._normal, self._disabled)


class Theme(QObject):
    """Applies the palette and style sheet, and re-applies them when the desktop scheme changes."""

    changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.scheme = ""
        forced = _forced_scheme()
        if forced:
            # Ask the platform too, so native dialogs follow where it is supported.
            QGuiApplication.styleHints().setColorScheme(
                Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light
            )
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        _themes.append(self)
        self.destroyed.connect(lambda *_: _themes.remove(self) if self in _themes else None)
        self.apply()

    def apply(self) -> None:
        scheme = current_scheme()
        c = colors(scheme)
        self.app.setStyle("Fusion")
        self.app.setPalette(build_palette(c))
        self.app.setStyleSheet(stylesheet(c))
        changed = scheme != self.scheme
        self.scheme = scheme
        if changed:
            log.info("colour scheme: %s", scheme)
            _retint_bound()
            self.changed.emit(scheme)

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self.apply()
