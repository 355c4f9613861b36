"""The large countdown readout: time left to the next target, the last deviation, the total.

Like the dial it draws the state it is given (``set_state``: a `CountdownState` of the screen
model, mmtimer.present.screen, which also gives its texts and tones) and never reads the clock,
so a test or replay can show any instant. Readable at arm's length in a moving car: the time
left is the biggest thing, to 1/100 s, and turns amber then red as the target comes; after each
press the deviation of that line shows signed to 1/100 s (late is positive) with its penalty,
blue when early, red when late, green when exact; then the running total.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mmtimer.present.screen import CountdownState
from mmtimer.present.tone import Tone
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.themes import DARK_PANEL, Panel
from mmtimer.ui.words import shown

TONE_COLOURS = {tone: QColor(colour) for tone, colour in DARK_PANEL.tones.items()}
"""Each tone's colour on the dark readouts (the race-car themes' countdown and stage panel)."""
BACKGROUND = QColor(DARK_PANEL.background)
FLASH = QColor(DARK_PANEL.flash)


MIN_PX = 8
NORMAL_SHARES = (0.16, 0.46, 0.22, 0.16)
DRIVING_SHARES = (0.10, 0.48, 0.30, 0.12)
ONE_LINE = int(Qt.AlignmentFlag.AlignCenter)
WRAPPED = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True, slots=True)
class RowLayout:
    """One text of the readout as drawn: where, in which font, with which flags."""

    text: str
    font: QFont
    rect: QRectF
    flags: int
    tone: Tone


def _fits(font: QFont, rect: QRectF, flags: int, text: str) -> bool:
    drawn = QFontMetricsF(font).boundingRect(rect, flags, text)
    return drawn.width() <= rect.width() and drawn.height() <= rect.height()


def fit_text(base: QFont, text: str, rect: QRectF) -> tuple[QFont, int, str]:
    """The largest font (at most 80 % of the row's height) that shows `text` whole in `rect`:
    on one line, or, for a long text that would have to shrink, wrapped on two or more lines
    if that is larger. Never cut at the edges: elided only if nothing fits at 8 px."""
    font = QFont(base)
    top = max(MIN_PX, int(rect.height() * 0.8))
    font.setPixelSize(top)
    advance = QFontMetricsF(font).horizontalAdvance(text)
    size = top if advance <= rect.width() else max(MIN_PX, int(top * rect.width() / advance))
    font.setPixelSize(size)
    while size > MIN_PX and not _fits(font, rect, ONE_LINE, text):
        size -= 1
        font.setPixelSize(size)
    if size == top:
        return font, ONE_LINE, text
    if " " in text:
        wrapped = QFont(base)
        for bigger in range(top, size, -1):
            wrapped.setPixelSize(bigger)
            if _fits(wrapped, rect, WRAPPED, text):
                return wrapped, WRAPPED, text
    if not _fits(font, rect, ONE_LINE, text):
        text = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    return font, ONE_LINE, text


def _widest_digit(font: QFont) -> dict[int, int]:
    """A table for str.translate: every digit to the font's widest digit (at a large size, where
    the widths are resolved)."""
    probe = QFont(font)
    probe.setPixelSize(200)
    metrics = QFontMetricsF(probe)
    widest = max("0123456789", key=metrics.horizontalAdvance)
    return str.maketrans("0123456789", widest * 10)


class CountdownWidget(QWidget):
    """Paints a ``CountdownState``; font sizes follow the widget's height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = CountdownState()
        self._panel = DARK_PANEL
        self._colours = dict(TONE_COLOURS)
        self._background, self._flash = BACKGROUND, FLASH
        # the rows' shares of the height: target, time left, last deviation, total
        self._shares = NORMAL_SHARES
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(240, 150)
        # it fills the whole of itself: nothing beneath it needs painting first
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._digits = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._digits.setBold(True)
        self._text = QFont(self.font())
        # (text, row width, row height, digits?) -> the fitted font. The time left changes each
        # frame but its shape does not: texts are fitted with every digit made the font's widest
        # one, so "12.34 s" and "12.33 s" share a fit, and a frame measures nothing (fitting a
        # new text measured it a dozen times, 60 times a second).
        self._fitted: dict[tuple[str, float, float, bool], tuple[QFont, int, str]] = {}
        self._widest = {True: _widest_digit(self._digits), False: _widest_digit(self._text)}
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Countdown"))
        self.update()

    @property
    def state(self) -> CountdownState:
        return self._state

    def set_state(self, state: CountdownState) -> None:
        """Show `state`: the rows whose text or tone changed are repainted, the others not
        (the time left changes at each frame, the rest after a press)."""
        if state == self._state:
            return
        old, self._state = self._state, state
        if old.flash != state.flash:
            self.update()
            return
        changed = [
            i
            for i, (a, b, tone_a, tone_b) in enumerate(
                zip(old.texts(), state.texts(), old.tones(), state.tones(), strict=True)
            )
            if a != b or tone_a != tone_b
        ]
        rects = self.row_rects(QRectF(self.rect()))
        for i in changed:
            self.update(rects[i].toAlignedRect())

    def row_rects(self, rect: QRectF) -> tuple[QRectF, ...]:
        """Each row's part of `rect` (target, time left, last deviation, total): a share of
        its height inside the padding, whatever it shows."""
        h = rect.height()
        pad = max(4.0, h * 0.03)
        inner = rect.adjusted(pad, pad, -pad, -pad)
        rows = []
        y = inner.top()
        for share in self._shares:
            rows.append(QRectF(inner.left(), y, inner.width(), inner.height() * share))
            y += inner.height() * share
        return tuple(rows)

    @property
    def panel(self) -> Panel:
        return self._panel

    def set_panel(self, panel: Panel) -> None:
        """Take the theme's fixed colours (ui/themes.py: readable under each theme)."""
        if panel != self._panel:
            self._panel = panel
            self._colours = {tone: QColor(colour) for tone, colour in panel.tones.items()}
            self._background, self._flash = QColor(panel.background), QColor(panel.flash)
            self.update()

    def set_driving(self, driving: bool) -> None:
        """The Driving view's proportions: the time left and the last deviation take more."""
        shares = DRIVING_SHARES if driving else NORMAL_SHARES
        if shares != self._shares:
            self._shares = shares
            self.update()

    def digits_font(self) -> QFont:
        """The font the time left is drawn in now (for tests: how high the digits are)."""
        rows = self.layout_rows(QRectF(self.rect()))
        digits = [row for row in rows if row.text == self.lines()[1]]
        return digits[0].font if digits else QFont(self._digits)

    def lines(self) -> tuple[str, str, str, str]:
        """The four texts shown (target, time left, last deviation, total), in the window's
        language: for tests and a11y."""
        target, left, last, total = self._state.texts()
        return shown(target), shown(left), shown(last), shown(total)

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # the rows the repaint covers (set_state: the time left alone, most frames)
        self.render_into(painter, QRectF(self.rect()), QRectF(event.rect()))
        painter.end()

    def layout_rows(self, rect: QRectF, only: QRectF | None = None) -> list[RowLayout]:
        """Where and how each shown text is drawn in ``rect``: each row's share of the height,
        the largest font that shows its text whole (shrunk, or wrapped if that reads larger);
        with `only`, just the rows that meet it."""
        target, left, last, total = self.lines()
        target_tone, left_tone, last_tone, total_tone = self._state.tones()
        rows = (
            (target, self._text, target_tone),
            (left, self._digits, left_tone),
            (last, self._text, last_tone),
            (total, self._text, total_tone),
        )
        out: list[RowLayout] = []
        for row, (text, base, tone) in zip(self.row_rects(rect), rows, strict=True):
            # a row only grazed by a repaint's rounded edges is left: its text keeps 10 % off
            # its edges (at most 80 % of its height, centred)
            if not text or (only is not None and not row.adjusted(0, 1, 0, -1).intersects(only)):
                continue
            digits = base is self._digits
            shape = text.translate(self._widest[digits])
            key = (shape, row.width(), row.height(), digits)
            fitted = self._fitted.get(key)
            if fitted is None:
                if len(self._fitted) > 64:
                    self._fitted.clear()
                fitted = self._fitted[key] = fit_text(base, shape, row)
            font, flags, shown = fitted
            # each digit is no wider than the one it was fitted with, so the text fits as its
            # shape did; a shape elided (nothing fits whole: rare) is fitted as itself
            font, flags, shown = (
                (font, flags, text) if shown == shape else fit_text(base, text, row)
            )
            out.append(RowLayout(shown, font, row, flags, tone))
        return out

    def render_into(self, painter: QPainter, rect: QRectF, only: QRectF | None = None) -> None:
        """Draw the state into ``rect`` (also used to paint into an image); with `only`, just
        the rows that meet it (the painter clips the rest)."""
        s = self._state
        painter.fillRect(
            rect if only is None else rect & only, self._flash if s.flash else self._background
        )
        for row in self.layout_rows(rect, only):
            painter.setFont(row.font)
            painter.setPen(self._background if s.flash else self._colours[row.tone])
            painter.drawText(row.rect, row.flags, row.text)
