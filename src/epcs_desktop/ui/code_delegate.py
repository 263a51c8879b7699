"""Paints one code-generator row: names, the big grouped code, a countdown ring.

Painting (instead of a widget per row) keeps a list of many generators cheap
and lets the one Ticker drive everything through model `dataChanged`. The ring
is drawn from the seconds left at the last tick: it moves once a second, so an
open window wakes the CPU once a second and no more.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from epcs_desktop.core.otp import group_code
from epcs_desktop.ui import theme
from epcs_desktop.ui.models import (
    NEXT_CODE_SECONDS,
    ROLE_CODE,
    ROLE_NEXT_CODE,
    ROLE_NICK,
    ROLE_PERIOD,
    ROLE_PRIMARY,
    ROLE_SECONDS_LEFT,
    ROLE_SUBTITLE,
)

log = logging.getLogger(__name__)

ROW_HEIGHT = 88
PAD = 12
RING = 34


class _Fonts:
    """The fonts a row is painted with, derived from the view's font (see `CodeDelegate._fonts`)."""

    def __init__(self, base: QFont) -> None:
        self.base_metrics = QFontMetrics(base)
        self.name = QFont(base)
        self.name.setBold(True)
        self.name_metrics = QFontMetrics(self.name)
        self.badge = QFont(base)
        self.badge.setPointSizeF(max(7.0, base.pointSizeF() * 0.8))
        self.badge.setBold(True)
        self.badge_metrics = QFontMetrics(self.badge)
        self.code = QFont(base)
        self.code.setPointSizeF(base.pointSizeF() * 2.0)
        self.code.setBold(True)
        self.code.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
        self.code.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self.code_metrics = QFontMetrics(self.code)
        self.ring = QFont(self.code)
        self.ring.setPointSizeF(max(7.0, QFont().pointSizeF() * 0.9))
        self.ring.setBold(False)
        self.ring.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100)


class CodeDelegate(QStyledItemDelegate):
    """Draws a code-generator row: nickname, issuer/account, the grouped code and a countdown ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts_for: tuple[str, _Fonts] | None = None

    def _fonts(self, base: QFont) -> _Fonts:
        """Fonts and metrics from the view's font: built once per font, not per row every second."""
        key = base.key()
        if self._fonts_for is None or self._fonts_for[0] != key:
            self._fonts_for = (key, _Fonts(base))
        return self._fonts_for[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(320, ROW_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        c = theme.colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        card = QRectF(rect.adjusted(4, 3, -4, -3))
        bg = QColor(c["alt"]) if selected else QColor(c["base"])
        painter.setPen(
            QPen(QColor(c["highlight"] if (selected or focused) else c["border"]), 1.5 if focused else 1)
        )
        painter.setBrush(bg)
        painter.drawRoundedRect(card, 8, 8)

        nick = str(index.data(ROLE_NICK) or "")
        subtitle = str(index.data(ROLE_SUBTITLE) or "")
        code = str(index.data(ROLE_CODE) or "")
        next_code = str(index.data(ROLE_NEXT_CODE) or "")
        left = float(index.data(ROLE_SECONDS_LEFT) or 0.0)
        period = int(index.data(ROLE_PERIOD) or 0)
        primary = bool(index.data(ROLE_PRIMARY))

        inner = card.adjusted(PAD, 8, -PAD, -8)
        base_font: QFont = option.font
        f = self._fonts(base_font)

        # Left column: nickname (+ badge) and issuer/account.
        painter.setFont(f.name)
        painter.setPen(QColor(c["text"]))
        fm = f.name_metrics
        name_rect = QRectF(inner.left(), inner.top(), inner.width() * 0.55, fm.height())
        elided = fm.elidedText(nick, Qt.TextElideMode.ElideRight, int(name_rect.width()))
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        if primary:
            badge_text = self.tr("Primary")
            small, sfm = f.badge, f.badge_metrics
            x = name_rect.left() + fm.horizontalAdvance(elided) + 8
            badge = QRectF(x, name_rect.top() + 1, sfm.horizontalAdvance(badge_text) + 12, sfm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c["accent"]))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setFont(small)
            painter.setPen(QColor(c["highlight_text"] if theme.current_scheme() == "light" else c["base"]))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        painter.setFont(base_font)
        painter.setPen(QColor(c["muted"]))
        bfm = f.base_metrics
        sub_rect = QRectF(inner.left(), name_rect.bottom() + 2, inner.width() * 0.55, bfm.height())
        painter.drawText(
            sub_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bfm.elidedText(subtitle, Qt.TextElideMode.ElideRight, int(sub_rect.width())),
        )

        # The code, large, in two groups.
        painter.setFont(f.code)
        painter.setPen(QColor(c["accent"]))
        cfm = f.code_metrics
        code_rect = QRectF(
            inner.left(), inner.bottom() - cfm.height(), inner.width() - RING - 16, cfm.height()
        )
        if code or period > 0:
            painter.drawText(
                code_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, group_code(code)
            )
        else:  # counter-based (HOTP): no code until "Next code" is pressed, and no countdown
            painter.setFont(base_font)
            painter.setPen(QColor(c["muted"]))
            painter.drawText(
                code_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("Counter-based: press “Next code”"),
            )

        if period > 0:
            # Next code in the last seconds, so a clinician does not type a code that is about to expire.
            if left <= NEXT_CODE_SECONDS and next_code:
                painter.setFont(base_font)
                painter.setPen(QColor(c["muted"]))
                text = self.tr("next: %1").replace("%1", group_code(next_code))
                next_rect = QRectF(inner.left(), inner.top(), inner.width() - RING - 16, bfm.height())
                painter.drawText(next_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            self._paint_ring(painter, inner, left, period, c, f.ring)
        painter.restore()

    def _paint_ring(
        self,
        painter: QPainter,
        inner: QRectF,
        left: float,
        period: int,
        c: dict[str, str],
        ring_font: QFont,
    ) -> None:
        ring = QRectF(inner.right() - RING, inner.center().y() - RING / 2, RING, RING)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(c["ring_bg"]), 4))
        painter.drawEllipse(ring)
        urgent = left <= NEXT_CODE_SECONDS
        pen = QPen(QColor(c["error"] if urgent else c["accent"]), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        span = int(360 * 16 * (max(0.0, left) / period))
        painter.drawArc(ring, 90 * 16, span)
        painter.setPen(QColor(c["text"]))
        painter.setFont(ring_font)
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(max(0, int(left + 0.999))))
