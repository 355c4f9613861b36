"""The chronograph dial: a custom-painted watch face that draws the DialState it is given.

The analogclock idiom (STYLE.md): everything is drawn in a fixed logical square of 1000 units
centred on the dial, scaled to the widget; hands are polygons built once and rotated per frame.
Unlike the example, nothing here reads a clock: the window passes a DialState in.

Layers: the pushers (they move when pressed), the static watch (case, flange, dial, counters,
date) cached in a device-pixel-ratio-aware pixmap, the hands, then the glass highlight (cached
too). The caches are rebuilt only when the size, the ratio, the theme or the date change.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum
from operator import itemgetter
from typing import NamedTuple, cast

from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QConicalGradient,
    QFont,
    QGradient,
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
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mmtimer.ui.dialstate import DialState, HandAngles, Stepping, hand_angles, next_move_ns
from mmtimer.ui.fonts import dial_font
from mmtimer.ui.themes import DEFAULT_THEME, Theme, theme_named

LOGICAL = 1000.0  # the side of the logical square the watch is drawn in

# Radii in logical units, from the outside in.
CASE_R = 428.0  # the case and its polished bezel
BEZEL_IN_R = 398.0  # the crystal starts here
FLANGE_IN_R = 338.0  # the inclined flange carries the tachymeter
DIAL_R = FLANGE_IN_R
BEZEL_UNDER_R = DIAL_R - 20  # the bezel's fill ends here, under the dial (4 px at 200 px)
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


_TEXT_PATHS: dict[tuple[str, str, float, float], QPainterPath] = {}


def _text_path(text: str, font: QFont, centre: QPointF) -> QPainterPath:
    """`text` as a path whose ink is centred on `centre`. The outlines are kept (a dial has
    about sixty of them, the same at every size, since they are in logical units): building one
    costs as much as filling it, and a full redraw filled each again."""
    key = (text, font.key(), centre.x(), centre.y())
    path = _TEXT_PATHS.get(key)
    if path is None:
        path = QPainterPath()
        path.addText(0, 0, font, text)
        path = path.translated(centre - path.boundingRect().center())
        _TEXT_PATHS[key] = path
    return path


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
class HandDraw:
    """One hand as painted: which, its shape, pivot, angle, colour, shadow lift, and the radius
    of the cap painted on its pivot right after it (0: none)."""

    name: str
    hand: _Hand
    centre: QPointF
    deg: float
    color: QColor
    lift: float
    faceted: bool
    cap_r: float


class _HandPlan(NamedTuple):
    """What painting one hand blits at one place of the dial: its pivot in widget pixels; for
    its shadow then itself (sprite, the sprite's corner from its own pivot, that pivot's offset
    from the hand's in widget pixels); and its cap."""

    pivot_x: float
    pivot_y: float
    pieces: tuple[tuple[QPixmap, float, float, float, float], ...]
    cap: QPixmap | None
    cap_at: QPointF
    cap_rect: QRect


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


SNAIL_STEP = 2.4  # a counter's grooves: one every 2.4 units, dark and light in turn, from r = 4


def _snailing() -> QBrush:
    """A counter's snailing, fine concentric grooves, as one repeating radial gradient: one fill
    instead of some thirty stroked circles. Over a period of two grooves (4.8 units) the dark
    groove peaks at r = 4 (0.833 of the period) and the light one at 6.4 (0.333), each fading to
    clear over one groove step either side, so each carries the ink of a 1.2-unit stroke."""
    grooves = QRadialGradient(QPointF(0, 0), 2 * SNAIL_STEP)
    grooves.setSpread(QGradient.Spread.RepeatSpread)
    clear = _alpha(QColor("#000000"), 0)
    dark = _alpha(QColor("#000000"), 26)
    grooves.setColorAt(0.0, _alpha(QColor("#000000"), round(26 / 3)))  # a third of the way back
    grooves.setColorAt(1 / 12, clear)
    grooves.setColorAt(4 / 12, _alpha(QColor("#ffffff"), 16))
    grooves.setColorAt(7 / 12, clear)
    grooves.setColorAt(10 / 12, dark)
    grooves.setColorAt(1.0, _alpha(QColor("#000000"), round(26 / 3)))
    return QBrush(grooves)


class DialPainter:
    """Paints the watch for one theme into a painter set up in logical units (origin centred)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.c = {
            f.name: QColor(getattr(theme, f.name))
            for f in fields(theme)
            if isinstance(getattr(theme, f.name), str) and f.name not in ("name", "label")
        }
        self.hour_hand = _sword_hand(188.0, 30.0, 36.0)
        self.minute_hand = _sword_hand(296.0, 23.0, 42.0)
        self.counter_hand = _baton_hand(COUNTER_R - 10, 7.0, 18.0)
        self.chrono_hand = _chrono_hand()
        self._shadow = QBrush(_alpha(QColor("#000000"), 85))
        self._snailing = _snailing()
        self._corners: dict[int, tuple[tuple[tuple[float, float], ...], float]] = {}
        self._facets: dict[int, tuple[QColor, QColor]] = {}
        self._specs = self._hand_specs()
        # (name, HandAngles field) of each hand, in painting order
        self.paint_order = tuple((name, f"{name}_deg") for name in self._specs)

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
        # its edge is clear: antialiasing it would cost two thirds of its fill, and not show;
        # a ring, as it shows only outside the case (the bezel covers the rest opaquely)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        case_shadow = QPainterPath()
        case_shadow.addEllipse(QPointF(6, 14), CASE_R + 26, CASE_R + 26)
        case_shadow.addEllipse(QPointF(0, 0), CASE_R - 20, CASE_R - 20)
        p.drawPath(case_shadow)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
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
        # Filled as a ring: the flange and the dial cover the rest opaquely, and a conical
        # gradient (an arctangent a pixel) over the whole disc cost 5.5 ms of a 20 ms redraw.
        # The ring reaches under the dial: where the dial's edge meets the flange's, both
        # antialiased, the bezel shows through, as it did.
        ring = QPainterPath()
        ring.addEllipse(QPointF(0, 0), CASE_R, CASE_R)
        ring.addEllipse(QPointF(0, 0), BEZEL_UNDER_R, BEZEL_UNDER_R)
        p.fillPath(ring, QBrush(bezel))
        p.setPen(QPen(_alpha(QColor("#000000"), 140), 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
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
        ticks: dict[tuple[bool, bool], list[QLineF]] = {}  # (red, long): drawn in one call each
        for speed, long_tick in _tachy_ticks():
            deg = 3600.0 / speed * 6.0
            length = 16.0 if long_tick else 8.0
            line = QLineF(_polar(tick_out, deg), _polar(tick_out - length, deg))
            ticks.setdefault((speed == 60, long_tick), []).append(line)
        for (is_red, long_tick), lines in ticks.items():
            p.setPen(QPen(red if is_red else ink, 2.6 if long_tick else 1.6))
            p.drawLines(lines)
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
        widths = [
            max(_text_path(ch, font, QPointF(0, 0)).boundingRect().width(), font.pixelSize() * 0.3)
            for ch in text
        ]
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
        edge_ring = QPainterPath()  # clear inside 0.95 of the radius: only the ring is filled
        edge_ring.addEllipse(QPointF(0, 0), DIAL_R, DIAL_R)
        edge_ring.addEllipse(QPointF(0, 0), DIAL_R * 0.95 - 4, DIAL_R * 0.95 - 4)
        p.fillPath(edge_ring, QBrush(edge))

    def _paint_track(self, p: QPainter) -> None:
        """The seconds track: quarter seconds, seconds, and a dot every five seconds."""
        ink = self.c["printing"]
        p.setPen(QPen(ink, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(0, 0), TRACK_OUT_R - 2, TRACK_OUT_R - 2)
        seconds, quarters = [], []
        for quarter in range(240):
            deg = quarter * 1.5
            if quarter % 20 == 0:
                continue  # five-second marks get a wedge below
            if quarter % 4 == 0:
                seconds.append(QLineF(_polar(TRACK_OUT_R - 2, deg), _polar(TRACK_IN_R, deg)))
            else:
                quarters.append(QLineF(_polar(TRACK_OUT_R - 2, deg), _polar(TRACK_OUT_R - 12, deg)))
        p.setPen(QPen(ink, 2.2))
        p.drawLines(seconds)
        p.setPen(QPen(ink, 1.1))
        p.drawLines(quarters)
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
        p.setBrush(self._snailing)
        p.drawEllipse(QPointF(0, 0), COUNTER_R - 2, COUNTER_R - 2)
        ink = c["printing"]
        step = 360.0 / divisions
        ticks: dict[bool, list[QLineF]] = {True: [], False: []}  # long, short
        for k in range(divisions):
            deg = k * step
            is_long = k % long_every == 0
            inner = COUNTER_R - (14 if is_long else 8)
            ticks[is_long].append(QLineF(_polar(COUNTER_R - 2, deg), _polar(inner, deg)))
        for is_long, lines in ticks.items():
            p.setPen(QPen(ink, 2.4 if is_long else 1.3))
            p.drawLines(lines)
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

    def _hand_specs(self) -> dict[str, tuple[_Hand, QPointF, QColor, float, bool, float]]:
        """Each hand in painting order (counters first, the chronograph hand on top): its shape,
        pivot, colour, shadow lift, facets, and the radius of the cap painted on its pivot right
        after it (0: none)."""
        c = self.c
        origin = QPointF(0, 0)
        counter = self.counter_hand
        return {
            "chrono_minutes": (counter, QPointF(-COUNTER_D, 0), c["chrono_hand"], 3.0, False, 7.0),
            "chrono_hours": (counter, QPointF(0, COUNTER_D), c["chrono_hand"], 3.0, False, 7.0),
            "small_seconds": (counter, QPointF(COUNTER_D, 0), c["hands"], 3.0, False, 7.0),
            "hour": (self.hour_hand, origin, c["hands"], 6.0, True, 0.0),
            "minute": (self.minute_hand, origin, c["hands"], 8.0, True, 16.0),
            "chrono_seconds": (self.chrono_hand, origin, c["chrono_hand"], 10.0, True, 9.0),
        }

    def hand_draw(self, name: str, angles: HandAngles) -> HandDraw:
        return self.hand_draw_at(name, getattr(angles, f"{name}_deg"))

    def hand_draw_at(self, name: str, deg: float) -> HandDraw:
        hand, centre, color, lift, faceted, cap_r = self._specs[name]
        return HandDraw(name, hand, centre, deg, color, lift, faceted, cap_r)

    def hand_draws(self, angles: HandAngles) -> tuple[HandDraw, ...]:
        """Every hand at `angles`, in painting order."""
        return tuple(self.hand_draw(name, angles) for name in self._specs)

    def paint_hands(self, p: QPainter, angles: HandAngles) -> None:
        """All hands, with shadows on the dial, and their caps, all as vectors."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for draw in self.hand_draws(angles):
            self.paint_hand(p, draw)
            if draw.cap_r:
                self.paint_cap(p, draw.centre, draw.cap_r, draw.color)

    def paint_hand(self, p: QPainter, draw: HandDraw) -> None:
        """One hand and its shadow (no cap), in logical units."""
        self._paint_hand(
            p,
            draw.hand,
            draw.centre,
            deg=draw.deg,
            color=draw.color,
            lift=draw.lift,
            faceted=draw.faceted,
        )

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
        base = p.worldTransform()
        shadow = QTransform(base)
        shadow.translate(centre.x() + lift * 0.45, centre.y() + lift * 0.75)
        shadow.rotate(deg)
        p.setWorldTransform(shadow)
        p.fillPath(hand.outline, self._shadow)
        turned = QTransform(base)
        turned.translate(centre.x(), centre.y())
        turned.rotate(deg)
        p.setWorldTransform(turned)
        self.paint_hand_body(p, hand, color, faceted=faceted)
        p.setWorldTransform(base)

    def paint_hand_shadow(self, p: QPainter, hand: _Hand) -> None:
        """A hand's shadow as it points to 12, at its pivot (the caller shifts it)."""
        p.fillPath(hand.outline, self._shadow)

    def paint_hand_body(self, p: QPainter, hand: _Hand, color: QColor, *, faceted: bool) -> None:
        """A hand's facets (or its flat fill) and insert, pointing to 12 around its pivot."""
        if faceted:
            light, dark = self._facet_colors(color)
            p.fillPath(hand.left, light)
            p.fillPath(hand.right, dark)
        else:  # the small counter hands: one flat fill is enough at their size
            p.fillPath(hand.outline, color)
        if hand.insert is not None:
            p.fillPath(hand.insert, self.c["lume"])

    def _facet_colors(self, color: QColor) -> tuple[QColor, QColor]:
        """The lit and the shaded facet's colours (made once a colour, not every frame)."""
        key = color.rgba()
        pair = self._facets.get(key)
        if pair is None:
            pair = self._facets[key] = (color.lighter(112), color.darker(135))
        return pair

    def hand_corners(self, hand: _Hand) -> tuple[tuple[tuple[float, float], ...], float]:
        """The points of the hand's outline path (pointing to 12 around its pivot) and the
        farthest one's distance from the pivot. The hands are polygons, so these are their
        corners, and the box of the outline turned to any angle is the box of its corners
        turned: exact. (A curve's control points would come too: a curve lies within them.)"""
        cached = self._corners.get(id(hand))
        if cached is None:
            outline = hand.outline
            corners = tuple(
                sorted(
                    {
                        (outline.elementAt(k).x, outline.elementAt(k).y)
                        for k in range(outline.elementCount())
                    }
                )
            )
            cached = self._corners[id(hand)] = (
                corners,
                max(math.hypot(x, y) for x, y in corners),
            )
        return cached

    def glass_shape(self) -> QPainterPath:
        """Where the glass layer has any light at all, in logical units: the crescent where its
        gradient is not yet clear (x + y < 0) and the glow's disc."""
        crystal = QPainterPath()
        crystal.addEllipse(QPointF(0, 0), BEZEL_IN_R, BEZEL_IN_R)
        cut = QPainterPath()
        cut.addEllipse(QPointF(70, 95), BEZEL_IN_R * 1.02, BEZEL_IN_R * 1.02)
        half = QPainterPath()
        half.addPolygon(QPolygonF([QPointF(-600, 600), QPointF(600, -600), QPointF(-600, -600)]))
        half.closeSubpath()
        glow = QPainterPath()
        glow.addEllipse(QPointF(-120, -160), 260, 260)
        return crystal.subtracted(cut).intersected(half).united(glow.intersected(crystal))

    def paint_cap(self, p: QPainter, centre: QPointF, radius: float, color: QColor) -> None:
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


MIN_STEP_PX = 0.3
"""A hand is painted again once its tip has moved this many device pixels: a smaller step does
not show, and skipping it spares a frame (the hour hand moves a third of a pixel a minute)."""

EDGE_PX = 2
"""Margin around a hand's bounds for antialiasing, in widget pixels."""

TIP_R = {
    "chrono_minutes": COUNTER_R - 10,
    "chrono_hours": COUNTER_R - 10,
    "small_seconds": COUNTER_R - 10,
    "hour": 188.0,
    "minute": 296.0,
    "chrono_seconds": TRACK_OUT_R - 1,
}
"""How far each hand's tip is from its pivot, in logical units: where a turn shows most."""


TOP_HANDS = frozenset({"chrono_seconds"})
"""Painted on every frame that needs them, over the layer below."""
UNDER_HANDS = frozenset(TIP_R) - TOP_HANDS
"""Painted into the layer under the chronograph seconds hand (they move far less often)."""


def _rects(region: QRegion) -> list[QRect]:
    """The rectangles a region is made of (PySide6 iterates them; its stubs do not say so)."""
    return list(cast("Iterable[QRect]", region))


def _region(rects: Iterable[QRect]) -> QRegion:
    region = QRegion()
    for rect in rects:
        region = region.united(rect)
    return region


def _copy(painter: QPainter, layer: QPixmap, rect: QRect, origin: QPoint, dpr: float) -> None:
    """Draw the part of `layer` (placed at `origin`) under the widget rectangle `rect`."""
    painter.drawPixmap(
        QRectF(rect),
        layer,
        QRectF((rect.x() - origin.x()) * dpr, (rect.y() - origin.y()) * dpr,
               rect.width() * dpr, rect.height() * dpr),
    )  # fmt: skip


_FIELDS = HandAngles._fields
_TIPS = tuple((name.removesuffix("_deg"), TIP_R[name.removesuffix("_deg")]) for name in _FIELDS)
"""Each hand's name and tip radius, in the order of HandAngles' fields."""
_UNDER_DEGS = itemgetter(*(_FIELDS.index(f"{name}_deg") for name in sorted(UNDER_HANDS)))
"""The angles of the hands under the chronograph seconds hand."""

SWEEP_PX = 1.0
"""A hand's turns are cut into buckets this many widget pixels long at its tip: the rectangles
a frame repaints cover a whole bucket, so consecutive frames share them."""
SWEEP_MERGE = 3
"""A hand that moved at most this many buckets is repainted over one cover of them all."""


@functools.lru_cache(maxsize=64)
def _bucket_deg(name: str, side: int) -> float:
    """The width of a sweep bucket of hand `name`, in degrees, at a dial `side` pixels wide."""
    return math.degrees(SWEEP_PX / (TIP_R[name] * max(side, 1) / LOGICAL))


class DialLayers:
    """The dial's cached layers and the hands' pixel geometry, for one DialPainter (a theme).

    Every layer is made for one (side, device pixel ratio, theme) and made again when that
    changes: the static watch, the pushers in each pressed combination, the face composited from
    them with the date, the glass and where it has light, the pivots' caps, each hand and its
    shadow as a sprite pointing to 12 (frames turn it to the hand's angle), and the layer with
    every hand under the chronograph seconds hand (painted again only where those hands moved).
    Images and frames draw the hands from the sprites; a full redraw (`cached` False) fills
    their paths.
    """

    def __init__(self, painter: DialPainter) -> None:
        self.painter = painter
        self.static: QPixmap | None = None
        self.static_key: tuple[object, ...] = ()
        self.glass: QPixmap | None = None
        self.glass_key: tuple[object, ...] = ()
        self.glass_box = QRect()  # where the glass has light, square-relative
        self.pushers: dict[tuple[bool, bool], QPixmap] = {}  # by (start, reset) pressed
        self.pushers_key: tuple[object, ...] = ()
        # The face: background, pushers, the static watch and the date, composited (by blits,
        # not painted again) for each (pushers pressed, date, background) shown.
        self.faces: dict[tuple[object, ...], QPixmap] = {}
        self.faces_key: tuple[object, ...] = ()
        self.caps: dict[tuple[object, ...], tuple[QPixmap, QPointF]] = {}
        self.caps_key: tuple[object, ...] = ()
        self.hand_sprites: dict[tuple[object, ...], tuple[QPixmap, QPointF]] = {}
        self.hand_sprites_key: tuple[object, ...] = ()
        # The face with the hands under the chronograph seconds hand: what it was made for
        # (size, ratio, pushers, date, background) and where the hands are on it.
        self.under: QPixmap | None = None
        self.under_inputs: tuple[object, ...] = ()
        self.under_angles: HandAngles | None = None
        self.regions: dict[tuple[object, ...], QRect] = {}  # the covers of a few buckets each
        self.buckets: dict[tuple[object, ...], QRect] = {}  # the cover of one bucket
        self.plans: dict[tuple[str, int, int], _HandPlan] = {}  # what painting a hand blits
        self.plans_key: tuple[object, ...] = ()
        self.orders: dict[frozenset[str], tuple[tuple[str, int], ...]] = {}  # hands to paint

    def clear(self) -> None:
        """Forget every layer (a new theme)."""
        self.static = None
        self.glass = None
        self.pushers.clear()
        self.faces.clear()
        self.caps.clear()
        self.hand_sprites.clear()
        self.plans.clear()
        self.under = None

    # -- geometry ------------------------------------------------------------------------------
    def moved_rects(
        self, old: HandDraw, new: HandDraw, side: int, x0: int, y0: int
    ) -> tuple[QRect, ...]:
        """The rectangles to paint again when a hand turns from `old` to `new`: where it was and
        where it is. A hand's turns are cut into buckets of SWEEP_PX at its tip; a hand that
        moved a few buckets (a sweeping or beating hand, frame after frame) gets one box of the
        buckets between, the same box for several frames, kept; one that jumped, a box where it
        was and one where it is. One box, not a tighter region of several: a frame clipped
        to a rectangle copies and blends by Qt's fast paths, and painted a sweep's box (four
        times the pixels) in a third of the time a region of tighter boxes along the hand took."""
        return self.moved_boxes(new.name, (old.deg, new.deg), side, x0, y0)

    def moved_boxes(
        self, name: str, turn: tuple[float, float], side: int, x0: int, y0: int
    ) -> tuple[QRect, ...]:
        """`moved_rects` for hand `name` turned from the first angle of `turn` to the second."""
        old_deg, new_deg = turn
        width = _bucket_deg(name, side)
        b_old, b_new = math.floor(old_deg / width), math.floor(new_deg / width)
        lo, hi = (b_old, b_new) if b_old <= b_new else (b_new, b_old)
        if hi - lo <= SWEEP_MERGE:
            return (self._cover(name, (lo, hi), side, x0, y0),)
        before = self._cover(name, (b_old, b_old), side, x0, y0)
        return before, self._cover(name, (b_new, b_new), side, x0, y0)

    def _cover(self, name: str, buckets: tuple[int, int], side: int, x0: int, y0: int) -> QRect:
        """The box of hand `name`, its shadow and cap at every angle from the start of the first
        of `buckets` to the end of the last: the union of each bucket's box. The last few are kept
        (frames ask for the same ones again), each bucket's too (the next frames' covers share
        them)."""
        lo, hi = buckets
        key = (name, lo, hi, side, x0, y0)
        cover = self.regions.get(key)
        if cover is None:
            cover = self._bucket_box(name, lo, side, x0, y0)
            for bucket in range(lo + 1, hi + 1):
                cover = cover.united(self._bucket_box(name, bucket, side, x0, y0))
            self.regions[key] = cover
            if len(self.regions) > 64:  # forget the oldest
                del self.regions[next(iter(self.regions))]
        return cover

    def _bucket_box(self, name: str, bucket: int, side: int, x0: int, y0: int) -> QRect:
        key = (name, bucket, side, x0, y0)
        box = self.buckets.get(key)
        if box is None:
            width = _bucket_deg(name, side)
            draw = self.painter.hand_draw_at(name, 0.0)
            box = self._compute_cover(draw, (bucket * width, (bucket + 1) * width), side, x0, y0)
            self.buckets[key] = box
            if len(self.buckets) > 64:
                del self.buckets[next(iter(self.buckets))]
        return box

    def _compute_cover(
        self, draw: HandDraw, turn_deg: tuple[float, float], side: int, x0: int, y0: int
    ) -> QRect:
        """The box of the hand's corners (and its shadow's) turned to both ends of `turn_deg`,
        which holds the hand at every angle between but for the bulge of the arcs its corners
        describe, r (1 - cos(turn / 2)), added all round; and of its cap."""
        scale = side / LOGICAL
        ox = x0 + side / 2 + draw.centre.x() * scale
        oy = y0 + side / 2 + draw.centre.y() * scale
        dx, dy = draw.lift * 0.45 * scale, draw.lift * 0.75 * scale  # the shadow's offset
        corners, reach = self.painter.hand_corners(draw.hand)
        xs: list[float] = []
        ys: list[float] = []
        for deg in turn_deg:
            rad = math.radians(deg)
            c, s = math.cos(rad) * scale, math.sin(rad) * scale
            xs += [x * c - y * s for x, y in corners]
            ys += [x * s + y * c for x, y in corners]
        turn = math.radians(abs(turn_deg[1] - turn_deg[0]))
        margin = EDGE_PX + reach * scale * (1.0 - math.cos(turn / 2))
        x = math.floor(ox + min(xs) - margin)
        y = math.floor(oy + min(ys) - margin)
        x_hi = math.ceil(ox + max(xs) + dx + margin)
        y_hi = math.ceil(oy + max(ys) + dy + margin)
        out = QRect(x, y, x_hi - x, y_hi - y)
        return out.united(self.cap_rect(draw, side, x0, y0)) if draw.cap_r else out

    def cap_rect(self, draw: HandDraw, side: int, x0: int, y0: int) -> QRect:
        scale = side / LOGICAL
        r = (draw.cap_r + 2) * scale + EDGE_PX
        cx = x0 + side / 2 + draw.centre.x() * scale
        cy = y0 + side / 2 + draw.centre.y() * scale
        return QRectF(cx - r, cy - r, 2 * r, 2 * r).toAlignedRect()

    def paint_hands_over(
        self,
        painter: QPainter,
        *,
        todo: QRect,
        side: int,
        x0: int,
        y0: int,
        dpr: float,
        angles: HandAngles,
        everything: bool,
        names: frozenset[str],
    ) -> None:
        """The hands named that cross the rectangle `todo` and their caps, from cached sprites:
        a hand and its shadow are two bilinear blits turned to its angle about its pivot (about
        half the cost of filling their three or four antialiased paths), a cap one plain blit.
        Leaves the painter's world transform as it found it, smooth pixmap transforms on and
        antialiasing off."""
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        # a sprite's edge is clear: an antialiased edge of its turned box would cost, not show
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        base = painter.worldTransform()
        order = self.orders.get(names)
        if order is None:
            order = self.orders[names] = tuple(
                (name, _FIELDS.index(attr))
                for name, attr in self.painter.paint_order
                if name in names
            )
        for name, index in order:
            deg = angles[index]
            plan = self._hand_plan(name, side, x0, y0, dpr)
            if everything or todo.intersects(self._bound(name, deg, side, x0, y0)):
                painter.translate(plan.pivot_x, plan.pivot_y)
                painter.rotate(deg)
                rad = math.radians(deg)
                c, s = math.cos(rad), math.sin(rad)
                for sprite, left, top, dx, dy in plan.pieces:
                    # the sprite's pivot is (dx, dy) from the hand's on the screen: turned back
                    painter.drawPixmap(
                        QPointF(left + dx * c + dy * s, top - dx * s + dy * c), sprite
                    )
                painter.setWorldTransform(base)
            if plan.cap is not None and (everything or todo.intersects(plan.cap_rect)):
                painter.drawPixmap(plan.cap_at, plan.cap)

    def _bound(self, name: str, deg: float, side: int, x0: int, y0: int) -> QRect:
        """The box of the hand's cover at `deg` (what decides whether a frame paints it)."""
        bucket = math.floor(deg / _bucket_deg(name, side))
        return self._cover(name, (bucket, bucket), side, x0, y0)

    def _hand_plan(self, name: str, side: int, x0: int, y0: int, dpr: float) -> _HandPlan:
        """What painting hand `name` blits: its shadow's and its own sprite with their pivots,
        and its cap; made once for a place of the dial (the last few kept)."""
        key = (side, dpr, self.painter.theme.name)
        if key != self.plans_key:
            self.plans.clear()
            self.plans_key = key
        which = (name, x0, y0)
        plan = self.plans.get(which)
        if plan is None:
            if len(self.plans) >= 24:
                del self.plans[next(iter(self.plans))]
            draw = self.painter.hand_draw_at(name, 0.0)
            scale = side / LOGICAL
            px = x0 + side / 2 + draw.centre.x() * scale
            py = y0 + side / 2 + draw.centre.y() * scale
            shadow_at = QPointF(px + draw.lift * 0.45 * scale, py + draw.lift * 0.75 * scale)
            pieces = []
            for at, shadow in ((shadow_at, True), (QPointF(px, py), False)):
                sprite, anchor = self.hand_sprite(draw, side, dpr, at, shadow=shadow)
                pieces.append((sprite, -anchor.x(), -anchor.y(), at.x() - px, at.y() - py))
            cap, cap_at, cap_rect = None, QPointF(), QRect()
            if draw.cap_r:
                cap, at = self.cap_sprite(draw, side, dpr)
                cap_at = at + QPointF(x0, y0)
                cap_rect = self.cap_rect(draw, side, x0, y0)
            plan = _HandPlan(px, py, tuple(pieces), cap, cap_at, cap_rect)
            self.plans[which] = plan
        return plan

    def hand_sprite(
        self, draw: HandDraw, side: int, dpr: float, pivot: QPointF, *, shadow: bool
    ) -> tuple[QPixmap, QPointF]:
        """`draw`'s hand (or its shadow) pointing to 12, painted once on device pixels with its
        pivot at the same fraction of a pixel as `pivot` (widget pixels) has on the screen, so
        that at 12 the sprite copies to the very pixels the vectors give; and where the pivot
        is in it, in widget pixels."""
        key = (side, dpr, self.painter.theme.name)
        if key != self.hand_sprites_key:
            self.hand_sprites.clear()
            self.hand_sprites_key = key
        fx, fy = pivot.x() * dpr % 1.0, pivot.y() * dpr % 1.0
        which = (draw.name, shadow, round(fx, 3), round(fy, 3), draw.color.rgba())
        cached = self.hand_sprites.get(which)
        if cached is None:
            k = side / LOGICAL * dpr  # device pixels per logical unit
            box = draw.hand.outline.boundingRect()
            left, top = math.floor(fx + box.left() * k) - 1, math.floor(fy + box.top() * k) - 1
            right = math.ceil(fx + box.right() * k) + 1
            bottom = math.ceil(fy + box.bottom() * k) + 1
            sprite = QPixmap(right - left, bottom - top)  # ratio 1 while painting: device pixels
            sprite.fill(Qt.GlobalColor.transparent)
            sp = QPainter(sprite)
            sp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            sp.translate(fx - left, fy - top)
            sp.scale(k, k)
            if shadow:
                self.painter.paint_hand_shadow(sp, draw.hand)
            else:
                self.painter.paint_hand_body(sp, draw.hand, draw.color, faceted=draw.faceted)
            sp.end()
            sprite.setDevicePixelRatio(dpr)
            anchor = QPointF((fx - left) / dpr, (fy - top) / dpr)
            cached = self.hand_sprites[which] = (sprite, anchor)
        return cached

    # -- layers ----------------------------------------------------------------------------------
    def _new_layer(self, side: int, dpr: float) -> tuple[QPixmap, QPainter]:
        pixmap = QPixmap(round(side * dpr), round(side * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.translate(side / 2, side / 2)
        painter.scale(side / LOGICAL, side / LOGICAL)
        return pixmap, painter

    def static_pixmap(self, side: int, dpr: float) -> QPixmap:
        key = (side, dpr, self.painter.theme.name)
        if self.static is None or key != self.static_key:
            pixmap, painter = self._new_layer(side, dpr)
            self.painter.paint_static(painter)
            painter.end()
            self.static, self.static_key = pixmap, key
        return self.static

    def pusher_pixmap(self, side: int, dpr: float, start: bool, reset: bool) -> QPixmap:
        """The crown and pushers, one small cache per pressed combination (at most four)."""
        key = (side, dpr, self.painter.theme.name)
        if key != self.pushers_key:
            self.pushers.clear()
            self.pushers_key = key
        pixmap = self.pushers.get((start, reset))
        if pixmap is None:
            pixmap, painter = self._new_layer(side, dpr)
            self.painter.paint_pushers(painter, start, reset)
            painter.end()
            self.pushers[(start, reset)] = pixmap
        return pixmap

    def face_pixmap(
        self, side: int, dpr: float, *, start: bool, reset: bool, date: str, background: bool
    ) -> QPixmap:
        """Background, pushers, the static watch and the date window in one pixmap: made by
        copying the cached layers (a few ms), so a press or a new date costs no repaint."""
        key = (side, dpr, self.painter.theme.name)
        if key != self.faces_key:
            self.faces.clear()
            self.faces_key = key
        which = (start, reset, date, background)
        face = self.faces.get(which)
        if face is None:
            if len(self.faces) >= 8:
                self.faces.clear()
            face = QPixmap(round(side * dpr), round(side * dpr))
            face.setDevicePixelRatio(dpr)
            if background:
                face.fill(self.painter.c["background"])
            else:
                face.fill(Qt.GlobalColor.transparent)
            painter = QPainter(face)
            painter.drawPixmap(QPointF(0, 0), self.pusher_pixmap(side, dpr, start, reset))
            painter.drawPixmap(QPointF(0, 0), self.static_pixmap(side, dpr))
            painter.translate(side / 2, side / 2)
            painter.scale(side / LOGICAL, side / LOGICAL)
            self.painter.paint_date(painter, date)
            painter.end()
            self.faces[which] = face
        return face

    def under_layer(
        self,
        side: int,
        dpr: float,
        angles: HandAngles,
        *,
        background: bool,
        pushers: tuple[bool, bool],
        date: str,
    ) -> QPixmap:
        """The face with every hand under the chronograph seconds hand painted on it, at
        `angles`. When some of those hands moved, only the regions they left and now cover are
        painted again (the face copied, the hands crossing them painted), so a frame of the
        sweeping chronograph hand copies this and paints one hand."""
        inputs = (side, dpr, pushers, date, background)
        under, old = self.under, self.under_angles
        fresh = under is None or old is None or inputs != self.under_inputs
        if not fresh and _UNDER_DEGS(angles) == _UNDER_DEGS(cast("HandAngles", old)):
            return cast("QPixmap", under)  # most frames: nothing under the chronograph hand moved
        start, reset = pushers
        face = self.face_pixmap(
            side, dpr, start=start, reset=reset, date=date, background=background
        )
        if fresh or under is None or old is None:
            # a new face: every hand under the chronograph's, anew
            under = self.under = QPixmap(face)
            region, everything = QRegion(0, 0, side, side), True
        else:  # only where the hands that moved were and now are
            rects: list[QRect] = []
            for name in UNDER_HANDS:
                before, after = getattr(old, f"{name}_deg"), getattr(angles, f"{name}_deg")
                if before != after:
                    rects.extend(self.moved_boxes(name, (before, after), side, 0, 0))
            region, everything = _region(rects).intersected(QRegion(0, 0, side, side)), False
        painter = QPainter(under)
        if not everything:
            painter.setClipRegion(region)
            # copy the face's pixels (opaque or not) over the region, then paint over them
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            _copy(painter, face, region.boundingRect(), QPoint(0, 0), dpr)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        self.paint_hands_over(
            painter,
            todo=region.boundingRect(),
            side=side,
            x0=0,
            y0=0,
            dpr=dpr,
            angles=angles,
            everything=everything,
            names=UNDER_HANDS,
        )
        painter.end()
        self.under_inputs, self.under_angles = inputs, angles
        return under

    def glass_pixmap(self, side: int, dpr: float) -> QPixmap:
        key = (side, dpr, self.painter.theme.name)
        if self.glass is None or key != self.glass_key:
            pixmap, painter = self._new_layer(side, dpr)
            self.painter.paint_glass(painter)
            painter.end()
            self.glass, self.glass_key = pixmap, key
            scale = side / LOGICAL
            shape = self.painter.glass_shape().boundingRect()
            self.glass_box = QRectF(
                side / 2 + shape.left() * scale - EDGE_PX,
                side / 2 + shape.top() * scale - EDGE_PX,
                shape.width() * scale + 2 * EDGE_PX,
                shape.height() * scale + 2 * EDGE_PX,
            ).toAlignedRect()
        return self.glass

    def cap_sprite(self, draw: HandDraw, side: int, dpr: float) -> tuple[QPixmap, QPointF]:
        """A pivot's cap (a gradient: dear to fill each frame) painted once, on the device pixels
        it covers, so copying it gives the very pixels painting it would."""
        key = (side, dpr, self.painter.theme.name)
        if key != self.caps_key:
            self.caps.clear()
            self.caps_key = key
        which = (draw.centre.x(), draw.centre.y(), draw.cap_r, draw.color.rgba())
        cached = self.caps.get(which)
        if cached is None:
            box = QRectF(self.cap_rect(draw, side, 0, 0))
            left, top = math.floor(box.left() * dpr), math.floor(box.top() * dpr)
            right, bottom = math.ceil(box.right() * dpr), math.ceil(box.bottom() * dpr)
            sprite = QPixmap(right - left, bottom - top)
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.translate(-left / dpr + side / 2, -top / dpr + side / 2)
            painter.scale(side / LOGICAL, side / LOGICAL)
            self.painter.paint_cap(painter, draw.centre, draw.cap_r, draw.color)
            painter.end()
            cached = self.caps[which] = (sprite, QPointF(left / dpr, top / dpr))
        return cached


class DialWidget(QWidget):
    """The watch face. `set_state()` gives it what to draw; pushers emit signals when pressed.

    The pushers act when they go down, as a watch's pusher acts when pushed in (the instant is
    what a chronograph is for); they show pressed until the button is released.

    Frames paint only what changed: `set_state` asks for the regions a moved hand left and now
    covers (a hand moves once its tip has moved MIN_STEP_PX), and a frame copies the face
    (case, flange, dial, counters, pushers and date window, one opaque pixmap) over those
    regions, paints the hands that cross them and the glass over them. `next_change_ns` says
    when the next hand will move, so the window need not look before.
    """

    startStopClicked = Signal()
    resetClicked = Signal()

    def __init__(self, parent: QWidget | None = None, theme: str = DEFAULT_THEME) -> None:
        super().__init__(parent)
        self.layers = DialLayers(DialPainter(theme_named(theme)))
        self._stepping = Stepping.EIGHTHS
        self._state = DialState()
        self._exact = hand_angles(self._state, self._stepping)  # where the state puts them
        self._angles = self._exact  # where the widget's last frames painted them
        self._requested: list[QRect] = []  # asked for since the last frame (for benchmarks)
        self._mouse_pusher: Pusher | None = None
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
        """Where the state puts the hands (images are painted exactly there; the widget's own
        frames follow to within MIN_STEP_PX)."""
        return self._exact

    def shown_angles(self) -> HandAngles:
        """Where the widget's frames have painted the hands."""
        return self._angles

    def set_state(self, state: DialState) -> None:
        """Show `state`; asks for a frame of only the regions whose drawing changed. (Called at
        every frame of a running chronograph: kept lean.)"""
        exact = hand_angles(state, self._stepping)
        before = self._state
        self._state = state
        self._exact = exact
        if (
            state.start_stop_pressed != before.start_stop_pressed
            or state.reset_pressed != before.reset_pressed
            or (state.date != before.date and _date_text(state) != _date_text(before))
        ):
            self._angles = exact
            self._request(None)
            return
        size = self.size()
        width, height = size.width(), size.height()
        side = min(width, height)
        px_per_deg = max(side, 1) / LOGICAL * self.devicePixelRatioF() * (math.pi / 180.0)
        old_degs, new_degs = self._angles, exact
        shown = []  # each hand's angle as the next frames paint it
        rects: list[QRect] = []
        x0, y0 = (width - side) // 2, (height - side) // 2
        for (name, tip), a, b in zip(_TIPS, new_degs, old_degs, strict=True):
            if a != b:
                turn = abs(a - b) % 360.0
                if min(turn, 360.0 - turn) * tip * px_per_deg >= MIN_STEP_PX:
                    rects.extend(self.layers.moved_boxes(name, (b, a), side, x0, y0))
                    shown.append(a)
                    continue
            shown.append(b)
        if rects:
            self._angles = HandAngles(*shown)
            self._request(rects)

    def _px_per_unit(self) -> float:
        """Device pixels per logical unit at the widget's size."""
        side = min(self.width(), self.height())
        return max(side, 1) / LOGICAL * self.devicePixelRatioF()

    def _request(self, rects: list[QRect] | None) -> None:
        """Ask for a frame of `rects` (None: the whole widget); Qt gathers them into the region
        of the next paint event."""
        if rects is None:
            self.update()
            self._requested.append(self.rect())
            return
        for rect in rects:
            self.update(rect)
        self._requested.extend(rects)

    def requested_region(self) -> QRegion:
        """What set_state asked to repaint since the last frame."""
        return _region(self._requested)

    def next_change_ns(self) -> int | None:
        """How long after the state's instant a hand will next move (None: none moves)."""
        return next_move_ns(
            self._state,
            self._stepping,
            self._angles,
            tip_r=TIP_R,
            px_per_unit=self._px_per_unit(),
            min_step_px=MIN_STEP_PX,
        )

    def theme(self) -> Theme:
        return self.layers.painter.theme

    def set_theme(self, name: str) -> None:
        if name != self.layers.painter.theme.name:
            self.layers = DialLayers(DialPainter(theme_named(name)))
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
        self.layers.clear()
        self._request(None)

    # -- geometry ------------------------------------------------------------------------------
    def _square(self, size: QSize) -> tuple[int, int, int]:
        side = min(size.width(), size.height())
        return side, (size.width() - side) // 2, (size.height() - side) // 2

    # -- painting ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.layers.static is not None:
            self._settle.start()
        self._angles = self._exact
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
        region = event.region()
        self._requested = []
        if region.contains(self.rect()):
            self._angles = self._exact  # a whole frame: every hand exactly where it is
        painter = QPainter(self)
        self.render_dial(painter, self.size(), widget_frame=True, region=region)
        painter.end()

    def render_dial(
        self,
        painter: QPainter,
        size: QSize,
        *,
        cached: bool = True,
        background: bool = True,
        widget_frame: bool = False,
        region: QRegion | None = None,
    ) -> None:
        """Paint the dial, centred and square, into `painter` over a `size` area.

        Works on any QPaintDevice (an image in a test). `cached` False draws every static layer
        again (the benchmark's full redraw); True uses the pixmaps, made for the device's ratio.
        `widget_frame`: a frame of the widget itself, with the hands where its frames have
        painted them, which may scale the old layers during a resize; images (`render_image`,
        screenshots) are always painted exactly. `region`: only these pixels need painting
        (a frame of the widget: the regions `set_state` asked for); None: all of them.
        """
        side, x0, y0 = self._square(size)
        if side <= 0:
            if background:
                painter.fillRect(
                    QRectF(0, 0, size.width(), size.height()), self.layers.painter.c["background"]
                )
            return
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        angles = self._angles if widget_frame else self._exact
        if not cached or (widget_frame and self._scale_old_layers(painter, side, dpr)):
            self._paint_whole(
                painter,
                size=size,
                side=side,
                x0=x0,
                y0=y0,
                angles=angles,
                cached=cached,
                background=background,
            )
            return
        square = QRect(x0, y0, side, side)
        if background and (size.width() != side or size.height() != side):
            outside = QRegion(0, 0, size.width(), size.height()).subtracted(QRegion(square))
            if region is not None:
                outside = outside.intersected(region)
            for rect in _rects(outside):
                painter.fillRect(rect, self.layers.painter.c["background"])
        # Every pixel of the box of what is asked for is painted again (the layer under the
        # chronograph hand copied, that hand, the glass), clipped to that rectangle: a
        # rectangular clip keeps Qt's blits on their fast paths.
        todo = square if region is None else region.boundingRect().intersected(square)
        if todo.isEmpty():
            return
        under = self.layers.under_layer(
            side,
            dpr,
            angles,
            background=background,
            pushers=self.pressed_pushers(),
            date=_date_text(self._state),
        )
        origin = QPoint(x0, y0)
        painter.save()
        if region is not None:
            painter.setClipRect(todo, Qt.ClipOperation.IntersectClip)
        if background:  # the layer is opaque: copy it, nothing to blend
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        _copy(painter, under, todo, origin, dpr)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        self.layers.paint_hands_over(
            painter,
            todo=todo,
            side=side,
            x0=x0,
            y0=y0,
            dpr=dpr,
            angles=angles,
            everything=region is None,
            names=TOP_HANDS,
        )
        glass = self.layers.glass_pixmap(side, dpr)
        lit = todo.intersected(self.layers.glass_box.translated(x0, y0))
        if not lit.isEmpty():
            _copy(painter, glass, lit, origin, dpr)
        painter.restore()

    def _paint_whole(
        self,
        painter: QPainter,
        *,
        size: QSize,
        side: int,
        x0: int,
        y0: int,
        angles: HandAngles,
        cached: bool,
        background: bool,
    ) -> None:
        """Every layer at once: all as vectors (not `cached`), or, while a resize is under way,
        the old layers scaled to the new size."""
        if background:
            painter.fillRect(
                QRectF(0, 0, size.width(), size.height()), self.layers.painter.c["background"]
            )
        start_pressed, reset_pressed = self.pressed_pushers()
        target = QRectF(x0, y0, side, side)

        def to_logical() -> None:
            painter.translate(x0 + side / 2, y0 + side / 2)
            painter.scale(side / LOGICAL, side / LOGICAL)

        if cached:  # scaling the old layers
            pushers = self.layers.pushers.get(
                (start_pressed, reset_pressed)
            ) or self.layers.pushers.get((False, False))
            for layer in (pushers, self.layers.static):
                if layer is not None:
                    painter.drawPixmap(target, layer, QRectF(layer.rect()))
        else:
            painter.save()
            to_logical()
            self.layers.painter.paint_pushers(painter, start_pressed, reset_pressed)
            self.layers.painter.paint_static(painter)
            painter.restore()
        painter.save()
        to_logical()
        self.layers.painter.paint_date(painter, _date_text(self._state))
        self.layers.painter.paint_hands(painter, angles)
        painter.restore()
        if cached and self.layers.glass is not None:
            painter.drawPixmap(target, self.layers.glass, QRectF(self.layers.glass.rect()))
        elif not cached:
            painter.save()
            to_logical()
            self.layers.painter.paint_glass(painter)
            painter.restore()

    def _scale_old_layers(self, painter: QPainter, side: int, dpr: float) -> bool:
        """Whether this frame scales the layers of another size (a resize under way, same
        theme and pixel ratio); sets smooth scaling if so."""
        if not self.resizing or self.layers.static is None:
            return False
        if self.layers.static_key[1:] != (dpr, self.layers.painter.theme.name):
            return False
        if self.layers.static_key[0] == side:
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

    # -- cached layers -------------------------------------------------------------------------
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
