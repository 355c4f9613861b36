"""The chronograph dial: a custom-painted watch face that draws the DialState it is given.

The analogclock idiom (STYLE.md): everything is drawn in a fixed logical square of 1000 units
centred on the dial, scaled to the widget; hands are polygons built once and rotated per frame.
Unlike the example, nothing here reads a clock: the window passes a DialState in.

Layers: the pushers (they move when pressed), the static watch (case, flange, dial, counters,
date) cached in a device-pixel-ratio-aware pixmap, the hands, then the glass highlight (cached
too). The caches are rebuilt only when the size, the ratio, the theme or the date change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QConicalGradient,
    QFont,
    QImage,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mmtimer.ui.dialstate import DialState, HandAngles, Stepping, hand_angles
from mmtimer.ui.fonts import dial_font
from mmtimer.ui.themes import DEFAULT_THEME, Theme, theme_named

LOGICAL = 1000.0  # the side of the logical square the watch is drawn in

# Radii in logical units, from the outside in.
CASE_R = 428.0  # the case and its polished bezel
BEZEL_IN_R = 398.0  # the crystal starts here
FLANGE_IN_R = 338.0  # the inclined flange carries the tachymeter
DIAL_R = FLANGE_IN_R
TRACK_OUT_R = 334.0  # the seconds track (quarter seconds) on the dial's edge
TRACK_IN_R = 308.0
NUMERAL_R = 250.0
COUNTER_D = 150.0  # distance of the counters' centres from the dial's centre
COUNTER_R = 88.0

# Pushers and crown: angle clockwise from 12, in degrees.
START_STOP_DEG = 60.0
RESET_DEG = 120.0
CROWN_DEG = 90.0
PUSHER_TRAVEL = 14.0

TACHY_NUMBERS = (500, 400, 300, 250, 200, 180, 160, 150, 140, 130, 120, 110, 100, 90, 80, 75, 70)
TACHY_NUMBERS_RED = (60,)


class Pusher(Enum):
    """The two chronograph pushers."""

    START_STOP = "start_stop"  # at 2 o'clock
    RESET = "reset"  # at 4 o'clock


def _tachy_ticks() -> tuple[tuple[int, bool], ...]:
    """(speed, long tick?) for the tachymeter: 500 at 7.2 s down to 60 at 60 s."""
    speeds = list(range(500, 300, -50)) + list(range(300, 200, -10))
    speeds += list(range(200, 100, -5)) + list(range(100, 59, -1))
    numbered = set(TACHY_NUMBERS) | set(TACHY_NUMBERS_RED)
    return tuple((v, v in numbered) for v in speeds)


def _polar(radius: float, deg: float) -> QPointF:
    """The point at `radius` and `deg` clockwise from 12 (y grows downwards)."""
    rad = math.radians(deg)
    return QPointF(radius * math.sin(rad), -radius * math.cos(rad))


def _text_path(text: str, font: QFont, centre: QPointF) -> QPainterPath:
    """`text` as a path whose ink is centred on `centre`."""
    path = QPainterPath()
    path.addText(0, 0, font, text)
    box = path.boundingRect()
    return path.translated(centre - box.center())


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def _alpha(color: QColor, alpha: int) -> QColor:
    out = QColor(color)
    out.setAlpha(alpha)
    return out


@dataclass(frozen=True, slots=True)
class _Hand:
    """A hand pointing to 12 around its pivot at (0, 0): two facets and an optional insert."""

    left: QPainterPath
    right: QPainterPath
    insert: QPainterPath | None
    outline: QPainterPath  # for the shadow


def _hand(left: QPainterPath, right: QPainterPath, insert: QPainterPath | None) -> _Hand:
    return _Hand(left, right, insert, left.united(right).simplified())


def _faceted(points: list[tuple[float, float]]) -> tuple[QPainterPath, QPainterPath]:
    """A symmetric hand from its left half (x <= 0, from tail to tip) as two facets."""
    left = QPainterPath()
    left.addPolygon(QPolygonF([QPointF(x, y) for x, y in [(0.0, points[0][1]), *points]]))
    left.closeSubpath()
    right = QTransform().scale(-1, 1).map(left)
    return left, right


def _sword_hand(length: float, width: float, tail: float) -> _Hand:
    """Hour and minute hands: a faceted sword with a luminous insert."""
    half = width / 2
    left, right = _faceted(
        [(-half * 0.75, tail), (-half, -length * 0.12), (-half, -length * 0.80), (0.0, -length)]
    )
    insert = QPainterPath()
    ih = half * 0.5
    insert.addPolygon(
        QPolygonF(
            [
                QPointF(-ih, -length * 0.22),
                QPointF(-ih, -length * 0.78),
                QPointF(0, -length * 0.90),
                QPointF(ih, -length * 0.78),
                QPointF(ih, -length * 0.22),
            ]
        )
    )
    insert.closeSubpath()
    return _hand(left, right, insert)


def _baton_hand(length: float, width: float, tail: float) -> _Hand:
    """Counter hands: a slim tapered baton."""
    half = width / 2
    left, right = _faceted([(-half, tail), (-half * 0.8, -length * 0.85), (0.0, -length)])
    return _hand(left, right, None)


def _chrono_hand() -> _Hand:
    """The central chronograph seconds hand: a long needle with an arrow as counterweight."""
    left, right = _faceted(
        [
            (-3.2, 88.0),  # arrow tip at the tail... drawn separately below
            (-3.2, -20.0),
            (-2.0, -300.0),
            (-1.2, -TRACK_OUT_R + 2),
            (0.0, -TRACK_OUT_R + 1),
        ]
    )
    arrow = QPainterPath()
    arrow.addPolygon(
        QPolygonF(
            [
                QPointF(0, 118),
                QPointF(-17, 88),
                QPointF(-6, 90),
                QPointF(-6, 34),
                QPointF(6, 34),
                QPointF(6, 90),
                QPointF(17, 88),
            ]
        )
    )
    arrow.closeSubpath()
    return _hand(left.united(arrow), right.united(arrow), None)


class DialPainter:
    """Paints the watch for one theme into a painter set up in logical units (origin centred)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.c = {
            f.name: QColor(getattr(theme, f.name))
            for f in fields(theme)
            if f.name not in ("name", "label", "sunray")
        }
        self.hour_hand = _sword_hand(188.0, 30.0, 36.0)
        self.minute_hand = _sword_hand(296.0, 23.0, 42.0)
        self.counter_hand = _baton_hand(COUNTER_R - 10, 7.0, 18.0)
        self.chrono_hand = _chrono_hand()

    # -- static layers -------------------------------------------------------------------------
    def paint_static(self, p: QPainter) -> None:
        """Case, bezel, flange with tachymeter, dial and counters: everything that stays.

        The date window is not here: it changes at midnight and on every replay seek to another
        day, and repainting this layer costs ~20 ms; `paint_date` draws it per frame (~0.1 ms).
        """
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_case(p)
        self._paint_flange(p)
        self._paint_dial(p)
        self._paint_track(p)
        self._paint_numerals(p)
        self._paint_arrow(p)
        self._paint_counter(
            p, QPointF(-COUNTER_D, 0), divisions=30, numbers=(10, 20, 30), long_every=5, label="MIN"
        )
        self._paint_counter(
            p, QPointF(0, COUNTER_D), divisions=12, numbers=(3, 6, 9, 12), long_every=1, label="HRS"
        )
        self._paint_counter(
            p, QPointF(COUNTER_D, 0), divisions=60, numbers=(20, 40, 60), long_every=5, label=""
        )

    def _paint_case(self, p: QPainter) -> None:
        c = self.c
        # Lugs, under the case: one drawn four times by mirroring.
        lug = QPainterPath()
        inner, outer = _polar(CASE_R - 12, 21.0), _polar(CASE_R - 12, 36.0)
        lug.moveTo(inner)
        lug.cubicTo(QPointF(160, -430), QPointF(168, -452), QPointF(172, -470))
        lug.quadTo(QPointF(196, -478), QPointF(220, -470))
        lug.cubicTo(QPointF(226, -440), QPointF(236, -408), outer)
        lug.closeSubpath()
        lug_brush = QLinearGradient(140, 0, 280, 0)
        lug_brush.setColorAt(0.0, c["steel_dark"])
        lug_brush.setColorAt(0.35, c["steel_light"])
        lug_brush.setColorAt(1.0, _mix(c["steel_dark"], c["steel_light"], 0.3))
        for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            p.save()
            p.scale(sx, sy)
            p.setPen(QPen(_alpha(QColor("#000000"), 90), 2))
            p.setBrush(QBrush(lug_brush))
            p.drawPath(lug)
            p.restore()
        # Shadow of the case on the background.
        shadow = QRadialGradient(QPointF(6, 14), CASE_R + 26)
        shadow.setColorAt(0.90, _alpha(QColor("#000000"), 120))
        shadow.setColorAt(1.0, _alpha(QColor("#000000"), 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(shadow))
        p.drawEllipse(QPointF(6, 14), CASE_R + 26, CASE_R + 26)
        # The polished bezel: a conical gradient gives the bands of reflection of round steel.
        bezel = QConicalGradient(QPointF(0, 0), 135)
        stops = (
            (0.0, "steel_light"),
            (0.12, "steel_dark"),
            (0.3, "steel_light"),
            (0.5, "steel_dark"),
            (0.62, "steel_light"),
            (0.8, "steel_dark"),
            (1.0, "steel_light"),
        )
        for pos, name in stops:
            bezel.setColorAt(pos, c[name])
        p.setBrush(QBrush(bezel))
        p.setPen(QPen(_alpha(QColor("#000000"), 140), 2.5))
        p.drawEllipse(QPointF(0, 0), CASE_R, CASE_R)
        # A bevel between the bezel and the crystal.
        bevel = QLinearGradient(0, -BEZEL_IN_R, 0, BEZEL_IN_R)
        bevel.setColorAt(0.0, c["steel_dark"])
        bevel.setColorAt(1.0, c["steel_light"])
        p.setPen(QPen(QBrush(bevel), 7))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(0, 0), BEZEL_IN_R + 4, BEZEL_IN_R + 4)

    def _paint_flange(self, p: QPainter) -> None:
        c = self.c
        ring = QPainterPath()
        ring.addEllipse(QPointF(0, 0), BEZEL_IN_R, BEZEL_IN_R)
        inner = QPainterPath()
        inner.addEllipse(QPointF(0, 0), FLANGE_IN_R, FLANGE_IN_R)
        ring = ring.subtracted(inner)
        grad = QRadialGradient(QPointF(0, 0), BEZEL_IN_R)
        grad.setColorAt(FLANGE_IN_R / BEZEL_IN_R, c["flange"].darker(130))
        grad.setColorAt(0.93, c["flange"])
        grad.setColorAt(1.0, c["flange"].lighter(115))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(grad))
        p.drawPath(ring)

        ink = c["flange_print"]
        red = c["accent"] if self.theme.name != "rosso-amarena" else QColor("#e0453a")
        tick_out = BEZEL_IN_R - 3
        for speed, long_tick in _tachy_ticks():
            deg = 3600.0 / speed * 6.0
            length = 16.0 if long_tick else 8.0
            p.setPen(QPen(red if speed == 60 else ink, 2.6 if long_tick else 1.6))
            p.drawLine(_polar(tick_out, deg), _polar(tick_out - length, deg))
        # The numbers: tangential, and turned to read upright on the lower half of the flange.
        font = dial_font(22, bold=True, condensed=True)
        number_r = (FLANGE_IN_R + BEZEL_IN_R) / 2 - 8
        p.setPen(Qt.PenStyle.NoPen)
        for speed in (*TACHY_NUMBERS, *TACHY_NUMBERS_RED):
            deg = 3600.0 / speed * 6.0
            self._tangential_text(
                p, str(speed), font, radius=number_r, deg=deg, color=red if speed == 60 else ink
            )
        # The scale's name where it has no reading, from 12 to the 500 at 7.2 s.
        name_font = dial_font(15, bold=True, spacing=2.5)
        self._arc_text(p, "TACHYMETER", name_font, radius=number_r, centre_deg=21.5, color=ink)

    def _tangential_text(
        self, p: QPainter, text: str, font: QFont, *, radius: float, deg: float, color: QColor
    ) -> None:
        path = _text_path(text, font, QPointF(0, 0))
        upright = 90.0 < deg % 360.0 < 270.0
        p.save()
        p.rotate(deg)
        p.translate(0, -radius)
        if upright:
            p.rotate(180)
        p.fillPath(path, color)
        p.restore()

    def _arc_text(
        self,
        p: QPainter,
        text: str,
        font: QFont,
        *,
        radius: float,
        centre_deg: float,
        color: QColor,
    ) -> None:
        """`text` along an arc, letters upright to the centre, centred on `centre_deg`."""
        metrics_path = QPainterPath()
        widths = []
        for ch in text:
            metrics_path = QPainterPath()
            metrics_path.addText(0, 0, font, ch)
            widths.append(max(metrics_path.boundingRect().width(), font.pixelSize() * 0.3))
        gap = font.letterSpacing()
        total = sum(widths) + gap * (len(text) - 1)
        deg = centre_deg - math.degrees(total / 2 / radius)
        for ch, width in zip(text, widths, strict=True):
            step = math.degrees((width / 2) / radius)
            deg += step
            path = _text_path(ch, font, QPointF(0, 0))
            p.save()
            p.rotate(deg)
            p.translate(0, -radius)
            p.fillPath(path, color)
            p.restore()
            deg += step + math.degrees(gap / radius)

    def _paint_dial(self, p: QPainter) -> None:
        c = self.c
        base = QRadialGradient(QPointF(-60, -90), DIAL_R * 1.15)
        base.setColorAt(0.0, c["dial_centre"])
        base.setColorAt(1.0, c["dial_edge"])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(base))
        p.drawEllipse(QPointF(0, 0), DIAL_R, DIAL_R)
        # Engine turning: a fine sunray, light and dark rays from the centre.
        if self.theme.sunray:
            rays = QConicalGradient(QPointF(0, 0), 0)
            light = _alpha(QColor("#ffffff"), self.theme.sunray)
            dark = _alpha(QColor("#000000"), self.theme.sunray)
            clear = _alpha(QColor("#808080"), 0)
            count = 90
            for i in range(count):
                pos = i / count
                rays.setColorAt(pos, clear)
                rays.setColorAt(pos + 0.25 / count, light if i % 2 else dark)
                rays.setColorAt(pos + 0.5 / count, clear)
            rays.setColorAt(1.0, clear)
            p.setBrush(QBrush(rays))
            p.drawEllipse(QPointF(0, 0), DIAL_R, DIAL_R)
        # A broad soft light from the top left, as under a domed crystal.
        sheen = QLinearGradient(-DIAL_R, -DIAL_R, DIAL_R, DIAL_R)
        sheen.setColorAt(0.0, _alpha(QColor("#ffffff"), 26))
        sheen.setColorAt(0.5, _alpha(QColor("#ffffff"), 0))
        sheen.setColorAt(1.0, _alpha(QColor("#000000"), 40))
        p.setBrush(QBrush(sheen))
        p.drawEllipse(QPointF(0, 0), DIAL_R, DIAL_R)
        # The flange casts a thin shadow on the dial's edge.
        edge = QRadialGradient(QPointF(0, 0), DIAL_R)
        edge.setColorAt(0.95, _alpha(QColor("#000000"), 0))
        edge.setColorAt(1.0, _alpha(QColor("#000000"), 110))
        p.setBrush(QBrush(edge))
        p.drawEllipse(QPointF(0, 0), DIAL_R, DIAL_R)

    def _paint_track(self, p: QPainter) -> None:
        """The seconds track: quarter seconds, seconds, and a dot every five seconds."""
        ink = self.c["printing"]
        p.setPen(QPen(ink, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(0, 0), TRACK_OUT_R - 2, TRACK_OUT_R - 2)
        for quarter in range(240):
            deg = quarter * 1.5
            if quarter % 20 == 0:
                continue  # five-second marks get a wedge below
            if quarter % 4 == 0:
                p.setPen(QPen(ink, 2.2))
                p.drawLine(_polar(TRACK_OUT_R - 2, deg), _polar(TRACK_IN_R, deg))
            else:
                p.setPen(QPen(ink, 1.1))
                p.drawLine(_polar(TRACK_OUT_R - 2, deg), _polar(TRACK_OUT_R - 12, deg))
        p.setPen(Qt.PenStyle.NoPen)
        for five in range(12):
            inner = TRACK_IN_R - (14 if five in (0, 3, 6, 9) else 22)
            deg = five * 30.0
            wedge = QPolygonF(
                [
                    _polar(TRACK_OUT_R - 2, deg - 0.9),
                    _polar(TRACK_OUT_R - 2, deg + 0.9),
                    _polar(inner, deg + 0.5),
                    _polar(inner, deg - 0.5),
                ]
            )
            p.setBrush(ink)
            p.drawPolygon(wedge)

    def _paint_numerals(self, p: QPainter) -> None:
        """Painted Arabic numerals in the spirit of a 1930s dashboard gauge."""
        c = self.c
        font = dial_font(64, bold=True, condensed=True)
        shadow = _alpha(QColor("#000000"), 90)
        for hour in (1, 2, 4, 5, 7, 8, 10, 11):
            deg = hour * 30.0
            radius = NUMERAL_R
            path = _text_path(str(hour), font, _polar(radius, deg))
            p.fillPath(path.translated(2.5, 3.5), shadow)
            p.fillPath(path, c["printing"])

    def _paint_arrow(self, p: QPainter) -> None:
        """A red arrow under 12, in the spirit of the 1000 Miglia arrow; it reads mmtimer."""
        c = self.c
        y = -168.0
        arrow = QPainterPath()
        arrow.addPolygon(
            QPolygonF(
                [
                    QPointF(-94, y - 17),
                    QPointF(44, y - 17),
                    QPointF(38, y - 34),
                    QPointF(88, y),
                    QPointF(38, y + 34),
                    QPointF(44, y + 17),
                    QPointF(-94, y + 17),
                    QPointF(-82, y),
                ]
            )
        )
        arrow.closeSubpath()
        p.fillPath(arrow.translated(2, 3), _alpha(QColor("#000000"), 90))
        p.fillPath(arrow, c["accent"])
        text = _text_path("mmtimer", dial_font(22, bold=True), QPointF(-20, y))
        italic = QTransform(1, 0, -0.22, 1, 0, 0)  # shear to an italic, as on a race number
        text = QTransform().translate(0.22 * y, 0).map(italic.map(text))
        p.fillPath(text, c["accent_print"])
        p.fillPath(
            _text_path("CHRONOGRAPH", dial_font(14, bold=True, spacing=3.0), QPointF(0, -112)),
            c["printing"],
        )

    def _paint_counter(
        self,
        p: QPainter,
        centre: QPointF,
        *,
        divisions: int,
        numbers: tuple[int, ...],
        long_every: int,
        label: str,
    ) -> None:
        """A sunk counter with concentric snailing, its scale and numbers."""
        c = self.c
        p.save()
        p.translate(centre)
        # The rim: dark above, light below, so the counter looks sunk into the dial.
        rim = QLinearGradient(0, -COUNTER_R, 0, COUNTER_R)
        rim.setColorAt(0.0, _alpha(QColor("#000000"), 150))
        rim.setColorAt(1.0, _alpha(QColor("#ffffff"), 70))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(rim))
        p.drawEllipse(QPointF(0, 0), COUNTER_R + 4, COUNTER_R + 4)
        p.setBrush(c["counter"])
        p.drawEllipse(QPointF(0, 0), COUNTER_R, COUNTER_R)
        # Snailing: fine concentric grooves catching the light.
        p.setBrush(Qt.BrushStyle.NoBrush)
        light = _alpha(QColor("#ffffff"), 16)
        dark = _alpha(QColor("#000000"), 26)
        r = 4.0
        i = 0
        while r < COUNTER_R - 2:
            p.setPen(QPen(light if i % 2 else dark, 1.2))
            p.drawEllipse(QPointF(0, 0), r, r)
            r += 2.4
            i += 1
        ink = c["printing"]
        step = 360.0 / divisions
        for k in range(divisions):
            deg = k * step
            is_long = k % long_every == 0
            p.setPen(QPen(ink, 2.4 if is_long else 1.3))
            inner = COUNTER_R - (14 if is_long else 8)
            p.drawLine(_polar(COUNTER_R - 2, deg), _polar(inner, deg))
        if divisions == 60:  # small seconds: the quarter-minute marks are bolder
            for deg in (0.0, 90.0, 180.0, 270.0):
                p.setPen(QPen(ink, 4))
                p.drawLine(_polar(COUNTER_R - 2, deg), _polar(COUNTER_R - 16, deg))
        p.setPen(Qt.PenStyle.NoPen)
        font = dial_font(21, bold=True, condensed=True)
        for number in numbers:
            deg = (number % divisions) * step
            p.fillPath(_text_path(str(number), font, _polar(COUNTER_R - 32, deg)), ink)
        if label:
            p.fillPath(
                _text_path(label, dial_font(12, bold=True, spacing=1.5), QPointF(0, 30)),
                _alpha(ink, 200),
            )
        p.restore()

    def paint_date(self, p: QPainter, date_text: str) -> None:
        """The date window between 4 and 5, its frame polished, the disc seen through it."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = self.c
        centre = _polar(NUMERAL_R + 8, 135.0)
        p.save()
        p.translate(centre)
        frame = QRectF(-27, -21, 54, 42)
        p.setPen(QPen(c["steel_dark"], 2))
        frame_brush = QLinearGradient(0, -21, 0, 21)
        frame_brush.setColorAt(0.0, c["steel_light"])
        frame_brush.setColorAt(1.0, c["steel_dark"])
        p.setBrush(QBrush(frame_brush))
        p.drawRoundedRect(frame, 3, 3)
        window = frame.adjusted(4, 4, -4, -4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c["date_disc"])
        p.drawRect(window)
        if date_text:
            font = dial_font(26, bold=True)
            p.fillPath(_text_path(date_text, font, QPointF(0, 0)), c["date_print"])
        inner_shadow = QLinearGradient(0, window.top(), 0, window.top() + 8)
        inner_shadow.setColorAt(0.0, _alpha(QColor("#000000"), 110))
        inner_shadow.setColorAt(1.0, _alpha(QColor("#000000"), 0))
        p.setBrush(QBrush(inner_shadow))
        p.drawRect(window)
        p.restore()

    def paint_glass(self, p: QPainter) -> None:
        """The domed crystal: a soft highlight at the top left and a bright rim."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        crystal = QPainterPath()
        crystal.addEllipse(QPointF(0, 0), BEZEL_IN_R, BEZEL_IN_R)
        cut = QPainterPath()
        cut.addEllipse(QPointF(70, 95), BEZEL_IN_R * 1.02, BEZEL_IN_R * 1.02)
        crescent = crystal.subtracted(cut)
        light = QLinearGradient(-BEZEL_IN_R * 0.7, -BEZEL_IN_R * 0.7, 0, 0)
        strength = 26 if self.theme.name != "night" else 6
        light.setColorAt(0.0, _alpha(QColor("#ffffff"), strength * 2))
        light.setColorAt(1.0, _alpha(QColor("#ffffff"), 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(light))
        p.drawPath(crescent)
        glow = QRadialGradient(QPointF(-120, -160), 260)
        glow.setColorAt(0.0, _alpha(QColor("#ffffff"), strength // 2))
        glow.setColorAt(1.0, _alpha(QColor("#ffffff"), 0))
        p.setBrush(QBrush(glow))
        p.drawEllipse(QPointF(0, 0), BEZEL_IN_R, BEZEL_IN_R)

    # -- per frame -----------------------------------------------------------------------------
    def paint_pushers(self, p: QPainter, start_pressed: bool, reset_pressed: bool) -> None:
        """The crown at 3 and the knurled pushers at 2 and 4, under the case's edge."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        start = PUSHER_TRAVEL if start_pressed else 0.0
        reset = PUSHER_TRAVEL if reset_pressed else 0.0
        self._paint_knurled(p, CROWN_DEG, half_width=44.0, height=40.0, pushed=0.0, neck=4.0)
        self._paint_knurled(p, START_STOP_DEG, half_width=28, height=38, pushed=start, neck=24)
        self._paint_knurled(p, RESET_DEG, half_width=28, height=38, pushed=reset, neck=24)

    def _paint_knurled(
        self,
        p: QPainter,
        deg: float,
        *,
        half_width: float,
        height: float,
        pushed: float,
        neck: float,
    ) -> None:
        c = self.c
        p.save()
        p.rotate(deg)
        p.translate(0, -CASE_R + pushed)
        # The tube from the case.
        tube = QRectF(-half_width * 0.6, -neck - 2, half_width * 1.2, neck + 12)
        steel = QLinearGradient(-half_width, 0, half_width, 0)
        steel.setColorAt(0.0, c["steel_dark"])
        steel.setColorAt(0.4, c["steel_light"])
        steel.setColorAt(1.0, c["steel_dark"])
        p.setPen(QPen(_alpha(QColor("#000000"), 150), 1.5))
        p.setBrush(QBrush(steel))
        p.drawRect(tube)
        # The knurled head.
        head = QRectF(-half_width, -neck - height, half_width * 2, height)
        p.drawRoundedRect(head, 5, 5)
        p.setPen(QPen(_alpha(QColor("#000000"), 110), 1.6))
        x = -half_width + 4.0
        while x < half_width - 2:
            p.drawLine(QPointF(x, head.top() + 3), QPointF(x, head.bottom() - 3))
            x += 5.0
        p.setPen(QPen(_alpha(QColor("#ffffff"), 120), 1.0))
        p.drawLine(
            QPointF(-half_width + 3, head.top() + 2), QPointF(half_width - 3, head.top() + 2)
        )
        p.restore()

    def paint_hands(self, p: QPainter, angles: HandAngles) -> None:
        """All hands, with shadows on the dial; counters first, the chronograph hand on top."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = self.c
        origin = QPointF(0, 0)
        counters = (
            (QPointF(-COUNTER_D, 0), angles.chrono_minutes_deg, c["chrono_hand"]),
            (QPointF(0, COUNTER_D), angles.chrono_hours_deg, c["chrono_hand"]),
            (QPointF(COUNTER_D, 0), angles.small_seconds_deg, c["hands"]),
        )
        for centre, deg, color in counters:
            self._paint_hand(
                p, self.counter_hand, centre, deg=deg, color=color, lift=3.0, faceted=False
            )
            self._paint_cap(p, centre, 7.0, color)
        self._paint_hand(p, self.hour_hand, origin, deg=angles.hour_deg, color=c["hands"], lift=6.0)
        self._paint_hand(
            p, self.minute_hand, origin, deg=angles.minute_deg, color=c["hands"], lift=8.0
        )
        self._paint_cap(p, QPointF(0, 0), 16.0, c["hands"])
        self._paint_hand(
            p,
            self.chrono_hand,
            origin,
            deg=angles.chrono_seconds_deg,
            color=c["chrono_hand"],
            lift=10.0,
        )
        self._paint_cap(p, QPointF(0, 0), 9.0, c["chrono_hand"])

    def _paint_hand(
        self,
        p: QPainter,
        hand: _Hand,
        centre: QPointF,
        *,
        deg: float,
        color: QColor,
        lift: float,
        faceted: bool = True,
    ) -> None:
        c = self.c
        p.save()
        p.translate(centre.x() + lift * 0.45, centre.y() + lift * 0.75)
        p.rotate(deg)
        p.fillPath(hand.outline, _alpha(QColor("#000000"), 85))
        p.restore()
        p.save()
        p.translate(centre)
        p.rotate(deg)
        if faceted:
            p.fillPath(hand.left, color.lighter(112))
            p.fillPath(hand.right, color.darker(135))
        else:  # the small counter hands: one flat fill is enough at their size
            p.fillPath(hand.outline, color)
        if hand.insert is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.fillPath(hand.insert, c["lume"])
        p.restore()

    def _paint_cap(self, p: QPainter, centre: QPointF, radius: float, color: QColor) -> None:
        grad = QRadialGradient(centre - QPointF(radius * 0.3, radius * 0.4), radius * 1.3)
        grad.setColorAt(0.0, color.lighter(140))
        grad.setColorAt(1.0, color.darker(150))
        p.setPen(QPen(_alpha(QColor("#000000"), 120), 1.0))
        p.setBrush(QBrush(grad))
        p.drawEllipse(centre, radius, radius)


RESIZE_SETTLE_MS = 150
"""How long the size must stay unchanged before the layers are painted again for it."""


def _date_text(state: DialState) -> str:
    return "" if state.date is None else str(state.date.day)


def _pusher_at(logical: QPointF) -> Pusher | None:
    """Which pusher a point in logical units hits (with a generous margin for fingers)."""
    for pusher, deg in ((Pusher.START_STOP, START_STOP_DEG), (Pusher.RESET, RESET_DEG)):
        local = QTransform().rotate(-deg).map(logical)
        if abs(local.x()) <= 40 and -CASE_R - 75 <= local.y() <= -CASE_R + 10:
            return pusher
    return None


class DialWidget(QWidget):
    """The watch face. `set_state()` gives it what to draw; pushers emit signals when pressed.

    The pushers act when they go down, as a watch's pusher acts when pushed in (the instant is
    what a chronograph is for); they show pressed until the button is released.
    """

    startStopClicked = Signal()
    resetClicked = Signal()

    def __init__(self, parent: QWidget | None = None, theme: str = DEFAULT_THEME) -> None:
        super().__init__(parent)
        self._painter = DialPainter(theme_named(theme))
        self._stepping = Stepping.EIGHTHS
        self._state = DialState()
        self._angles = hand_angles(self._state, self._stepping)
        self._mouse_pusher: Pusher | None = None
        self._static: QPixmap | None = None
        self._static_key: tuple[object, ...] = ()
        self._glass: QPixmap | None = None
        self._glass_key: tuple[object, ...] = ()
        self._pushers: dict[tuple[bool, bool], QPixmap] = {}  # by (start, reset) pressed
        self._pushers_key: tuple[object, ...] = ()
        # While the window is being resized, frames scale the layers made for the old size
        # (about 1 ms) instead of painting them again for every size passed through (20-75 ms);
        # they are made for the new size once the size has settled.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(RESIZE_SETTLE_MS)
        self._settle.timeout.connect(self.update)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # -- what it shows -------------------------------------------------------------------------
    def state(self) -> DialState:
        return self._state

    def angles(self) -> HandAngles:
        return self._angles

    def set_state(self, state: DialState) -> None:
        """Show `state`; repaints only if something visible changed."""
        angles = hand_angles(state, self._stepping)
        visible_change = (
            angles != self._angles
            or _date_text(state) != _date_text(self._state)
            or state.start_stop_pressed != self._state.start_stop_pressed
            or state.reset_pressed != self._state.reset_pressed
        )
        self._state = state
        self._angles = angles
        if visible_change:
            self.update()

    def theme(self) -> Theme:
        return self._painter.theme

    def set_theme(self, name: str) -> None:
        if name != self._painter.theme.name:
            self._painter = DialPainter(theme_named(name))
            self._invalidate()

    def stepping(self) -> Stepping:
        return self._stepping

    def set_stepping(self, stepping: Stepping) -> None:
        self._stepping = stepping
        self.set_state(self._state)

    def pressed_pushers(self) -> tuple[bool, bool]:
        """(start/stop, reset) as drawn: pressed in the state or held down by the mouse."""
        return (
            self._state.start_stop_pressed or self._mouse_pusher is Pusher.START_STOP,
            self._state.reset_pressed or self._mouse_pusher is Pusher.RESET,
        )

    def _invalidate(self) -> None:
        self._static = None
        self._glass = None
        self._pushers.clear()
        self.update()

    # -- painting ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._static is not None:
            self._settle.start()
        super().resizeEvent(event)

    @property
    def resizing(self) -> bool:
        """True while the size is still changing: frames scale the old layers."""
        return self._settle.isActive()

    def sizeHint(self) -> QSize:
        return QSize(600, 600)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.render_dial(painter, self.size(), widget_frame=True)
        painter.end()

    def render_dial(
        self,
        painter: QPainter,
        size: QSize,
        *,
        cached: bool = True,
        background: bool = True,
        widget_frame: bool = False,
    ) -> None:
        """Paint the dial, centred and square, into `painter` over a `size` area.

        Works on any QPaintDevice (an image in a test). `cached` False draws every static layer
        again (the benchmark's full redraw); True uses the pixmaps, made for the device's ratio.
        `widget_frame`: a frame of the widget itself, which may scale the old layers during a
        resize; images (`render_image`, screenshots) are always painted exactly.
        """
        side = min(size.width(), size.height())
        x0 = (size.width() - side) // 2
        y0 = (size.height() - side) // 2
        if background:
            painter.fillRect(
                QRectF(0, 0, size.width(), size.height()), self._painter.c["background"]
            )
        if side <= 0:
            return
        scale = side / LOGICAL
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        start_pressed, reset_pressed = self.pressed_pushers()

        def to_logical() -> None:
            painter.translate(x0 + side / 2, y0 + side / 2)
            painter.scale(scale, scale)

        scaled = cached and widget_frame and self._scale_old_layers(painter, side, dpr)
        if scaled:
            target = QRectF(x0, y0, side, side)
            pushers = self._pushers.get((start_pressed, reset_pressed)) or self._pushers.get(
                (False, False)
            )
            for layer in (pushers, self._static):
                if layer is not None:
                    painter.drawPixmap(target, layer, QRectF(layer.rect()))
        elif cached:
            pushers = self._pusher_pixmap(side, dpr, start_pressed, reset_pressed)
            painter.drawPixmap(QPointF(x0, y0), pushers)
            painter.drawPixmap(QPointF(x0, y0), self._static_pixmap(side, dpr))
        else:
            painter.save()
            to_logical()
            self._painter.paint_pushers(painter, start_pressed, reset_pressed)
            self._painter.paint_static(painter)
            painter.restore()
        painter.save()
        to_logical()
        self._painter.paint_date(painter, _date_text(self._state))
        self._painter.paint_hands(painter, self._angles)
        painter.restore()
        if scaled and self._glass is not None:
            glass = self._glass
            painter.drawPixmap(QRectF(x0, y0, side, side), glass, QRectF(glass.rect()))
        elif cached:
            painter.drawPixmap(QPointF(x0, y0), self._glass_pixmap(side, dpr))
        else:
            painter.save()
            to_logical()
            self._painter.paint_glass(painter)
            painter.restore()

    def _scale_old_layers(self, painter: QPainter, side: int, dpr: float) -> bool:
        """Whether this frame scales the layers of another size (a resize under way, same
        theme and pixel ratio); sets smooth scaling if so."""
        if not self.resizing or self._static is None:
            return False
        if self._static_key[1:] != (dpr, self._painter.theme.name):
            return False
        if self._static_key[0] == side:
            return False
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        return True

    def render(self, painter: QPainter, size: QSize | int) -> None:  # type: ignore[override]
        """Paint the dial into any QPaintDevice through `painter`, over a `size` square or area."""
        if isinstance(size, int):
            size = QSize(size, size)
        self.render_dial(painter, size)

    def render_image(self, side_px: int, dpr: float = 1.0) -> QImage:
        """The dial as an image of `side_px` logical pixels at device pixel ratio `dpr`."""
        physical = round(side_px * dpr)
        image = QImage(physical, physical, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.render_dial(painter, QSize(side_px, side_px))
        painter.end()
        return image

    def _new_layer(self, side: int, dpr: float) -> tuple[QPixmap, QPainter]:
        pixmap = QPixmap(round(side * dpr), round(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.translate(side / 2, side / 2)
        painter.scale(side / LOGICAL, side / LOGICAL)
        return pixmap, painter

    def _static_pixmap(self, side: int, dpr: float) -> QPixmap:
        key = (side, dpr, self._painter.theme.name)
        if self._static is None or key != self._static_key:
            pixmap, painter = self._new_layer(side, dpr)
            self._painter.paint_static(painter)
            painter.end()
            self._static, self._static_key = pixmap, key
        return self._static

    def _pusher_pixmap(self, side: int, dpr: float, start: bool, reset: bool) -> QPixmap:
        """The crown and pushers, one small cache per pressed combination (at most four)."""
        key = (side, dpr, self._painter.theme.name)
        if key != self._pushers_key:
            self._pushers.clear()
            self._pushers_key = key
        pixmap = self._pushers.get((start, reset))
        if pixmap is None:
            pixmap, painter = self._new_layer(side, dpr)
            self._painter.paint_pushers(painter, start, reset)
            painter.end()
            self._pushers[(start, reset)] = pixmap
        return pixmap

    def _glass_pixmap(self, side: int, dpr: float) -> QPixmap:
        key = (side, dpr, self._painter.theme.name)
        if self._glass is None or key != self._glass_key:
            pixmap, painter = self._new_layer(side, dpr)
            self._painter.paint_glass(painter)
            painter.end()
            self._glass, self._glass_key = pixmap, key
        return self._glass

    # -- the pushers ---------------------------------------------------------------------------
    def pusher_at(self, pos: QPointF) -> Pusher | None:
        """Which pusher the widget point `pos` is on, if any."""
        side = min(self.width(), self.height())
        if side <= 0:
            return None
        scale = side / LOGICAL
        logical = QPointF(
            (pos.x() - self.width() / 2) / scale, (pos.y() - self.height() / 2) / scale
        )
        return _pusher_at(logical)

    def pusher_centre(self, pusher: Pusher) -> QPointF:
        """The widget point at the middle of a pusher's head (for tests and accessibility)."""
        side = min(self.width(), self.height())
        deg = START_STOP_DEG if pusher is Pusher.START_STOP else RESET_DEG
        logical = _polar(CASE_R + 40, deg)
        scale = side / LOGICAL
        return QPointF(
            self.width() / 2 + logical.x() * scale, self.height() / 2 + logical.y() * scale
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pusher = self.pusher_at(event.position())
        if event.button() != Qt.MouseButton.LeftButton or pusher is None:
            super().mousePressEvent(event)
            return
        self._mouse_pusher = pusher
        self.update()
        if pusher is Pusher.START_STOP:
            self.startStopClicked.emit()
        else:
            self.resetClicked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._mouse_pusher is not None and event.button() == Qt.MouseButton.LeftButton:
            self._mouse_pusher = None
            self.update()
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.pusher_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)
