"""A large digital readout: a caption over a value, painted, sized to fit its width.

Painted rather than a QLabel so that changing the text 60 times a second costs one repaint of
this widget and never a layout pass; it repaints only when the text really changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mmtimer.ui.fonts import dial_font

DEFAULT_READOUT_PX = 96  # the largest a readout's digits get, unless told otherwise


class Readout(QWidget):
    """`caption` in small capitals over `text` in a large monospaced face.

    `template` is the widest text it will show (e.g. "0:00:00.00"): the value's font is the
    largest that fits it in the widget's width, between `min_px` and `max_px` pixels high.
    """

    def __init__(
        self,
        caption: str,
        template: str,
        parent: QWidget | None = None,
        *,
        min_px: int = 18,
        max_px: int = DEFAULT_READOUT_PX,
    ) -> None:
        super().__init__(parent)
        self._caption = caption
        self._note = ""
        self._text = ""
        self._template = template
        self._min_px = min_px
        self._max_px = max_px
        self._value_px = min_px
        self._color = QColor("#f2eee2")
        self._dim = QColor("#8d8a83")
        self._dimmed = False
        # the fonts at the size last painted, made once per size (a running time repaints 60
        # times a second): px -> the value's font and metrics; px -> the caption's font
        self._value_fonts: dict[int, tuple[QFont, QFontMetricsF]] = {}
        self._caption_fonts: dict[int, QFont] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._fit()

    # -- content -------------------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Show `text`; repaints only from the first character that changed (the hundredths of
        a running time change 100 times a second, the hours hardly ever)."""
        if text == self._text:
            return
        old, self._text = self._text, text
        if len(old) != len(text) or not old:
            self.update()
            return
        first = next(i for i, (a, b) in enumerate(zip(old, text, strict=True)) if a != b)
        value_px = self._shown_px()
        caption_h = max(11, min(20, round(value_px * 0.24))) * 1.6
        left = 4 + self._value_font(value_px)[1].horizontalAdvance(text[:first]) - 2  # antialiasing
        self.update(QRectF(left, caption_h, self.width() - left, self.height()).toAlignedRect())

    def caption(self) -> str:
        return self._caption

    def set_caption(self, caption: str) -> None:
        if caption != self._caption:
            self._caption = caption
            self.update()

    def note(self) -> str:
        return self._note

    def set_note(self, note: str) -> None:
        """A short remark beside the caption (e.g. "local clock")."""
        if note != self._note:
            self._note = note
            self.update()

    def set_min_px(self, min_px: int) -> None:
        """The smallest the value's digits may get: the layout never gives it less height (a
        docked table takes its room from elsewhere)."""
        if min_px != self._min_px:
            self._min_px = min_px
            self._fit()
            self.updateGeometry()

    def set_max_px(self, max_px: int) -> None:
        """The largest the value's digits may get (the Driving view makes it smaller)."""
        if max_px != self._max_px:
            self._max_px = max_px
            self._fit()

    def set_template(self, template: str) -> None:
        self._template = template
        self._fit()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def set_colors(self, color: str, dim: str) -> None:
        self._color, self._dim = QColor(color), QColor(dim)
        self.update()

    def _value_font(self, value_px: int) -> tuple[QFont, QFontMetricsF]:
        made = self._value_fonts.get(value_px)
        if made is None:
            font = dial_font(value_px, bold=True, mono=True)
            made = self._value_fonts[value_px] = (font, QFontMetricsF(font))
        return made

    def _caption_font(self, caption_px: int) -> QFont:
        font = self._caption_fonts.get(caption_px)
        if font is None:
            font = dial_font(caption_px, bold=True, spacing=caption_px * 0.12)
            self._caption_fonts[caption_px] = font
        return font

    # -- geometry ------------------------------------------------------------------------------
    def _fit(self) -> None:
        width = max(1, self.width() - 8)
        metrics = QFontMetricsF(dial_font(100, bold=True, mono=True))
        per_px = metrics.horizontalAdvance(self._template) / 100.0
        size = int(width / per_px) if per_px else self._max_px
        size = max(self._min_px, min(self._max_px, size))
        if size != self._value_px:
            self._value_px = size
            self.updateGeometry()
            self.update()

    def _height_for(self, value_px: int) -> int:
        return round(value_px * 1.22 + max(11, min(20, round(value_px * 0.24))) * 1.6 + 6)

    def sizeHint(self) -> QSize:
        return QSize(240, self._height_for(self._value_px))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self._height_for(self._min_px))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _shown_px(self) -> int:
        """The value's size: fitted to the width, and smaller if the layout gave less height."""
        by_height = int((self.height() - 6) / (1.22 + 0.24 * 1.6))
        return max(self._min_px // 2, min(self._value_px, by_height))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        value_px = self._shown_px()
        caption_px = max(11, min(20, round(value_px * 0.24)))
        painter.setFont(self._caption_font(caption_px))
        painter.setPen(self._dim)
        caption_h = caption_px * 1.6
        caption_rect = QRectF(4, 0, self.width() - 8, caption_h)
        label = self._caption + (f"  ·  {self._note}" if self._note else "")
        # a running time's repaint starts below the caption (set_text): no caption to draw
        if QRectF(event.rect()).intersects(caption_rect.adjusted(0, 0, 0, -1)):
            painter.drawText(
                caption_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
            )
        painter.setFont(self._value_font(value_px)[0])
        painter.setPen(self._dim if self._dimmed else self._color)
        value_rect = QRectF(4, caption_h, self.width() - 8, self.height() - caption_h)
        painter.drawText(
            value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._text
        )
        painter.end()
