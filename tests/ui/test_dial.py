"""The dial widget: what it paints for a state (golden images), its pushers, its caches."""

from __future__ import annotations

import datetime
import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from mmtimer.ui.dial import DialWidget, Pusher
from mmtimer.ui.dialstate import DialState, Stepping, hand_angles
from mmtimer.ui.fonts import load_fonts
from tests.ui.image_testing import assert_image_approved, compare, image_array

S = 1_000_000_000
GOLDEN_PX = 400
DATE = datetime.date(2026, 5, 13)
AT_REST = DialState(official_ms=(10 * 3600 + 10 * 60 + 30) * 1000, date=DATE)
RUNNING = DialState(
    chrono_elapsed_ns=(23 * 60 + 37) * S + 625_000_000,
    chrono_running=True,
    official_ms=(10 * 3600 + 9 * 60 + 36) * 1000,
    date=DATE,
)


def make_dial(qtbot: QtBot, theme: str = "nero-corsa", state: DialState = AT_REST) -> DialWidget:
    load_fonts()
    dial = DialWidget(theme=theme)
    qtbot.addWidget(dial)
    dial.set_state(state)
    return dial


@pytest.mark.parametrize("theme", ["nero-corsa", "verde-chiaro"])
@pytest.mark.parametrize(("label", "state"), [("rest", AT_REST), ("running", RUNNING)])
def test_golden_dial(qtbot: QtBot, theme: str, label: str, state: DialState) -> None:
    dial = make_dial(qtbot, theme, state)
    assert_image_approved(dial.render_image(GOLDEN_PX), f"dial-{theme}-{label}")


@pytest.mark.parametrize("theme", ["rosso-amarena", "grigio-blu", "night"])
def test_golden_dial_other_colours_with_a_pusher_pressed(qtbot: QtBot, theme: str) -> None:
    state = DialState(chrono_elapsed_ns=42 * S, official_ms=(18 * 3600 + 42 * 60) * 1000, date=DATE)
    dial = make_dial(qtbot, theme, state)
    dial.set_state(DialState(**{**_fields(state), "start_stop_pressed": True}))
    assert_image_approved(dial.render_image(GOLDEN_PX), f"dial-{theme}-pressed")


def _fields(state: DialState) -> dict[str, object]:
    return {name: getattr(state, name) for name in DialState.__dataclass_fields__}


def test_a_moved_hand_fails_the_golden_comparison(qtbot: QtBot) -> None:
    """The tolerance absorbs antialiasing, not a hand half a second off."""
    dial = make_dial(qtbot, state=RUNNING)
    before = image_array(dial.render_image(GOLDEN_PX))
    dial.set_state(
        DialState(**{**_fields(RUNNING), "chrono_elapsed_ns": RUNNING.chrono_elapsed_ns + S // 2})
    )
    after = image_array(dial.render_image(GOLDEN_PX))
    assert compare(before, before, px_threshold=48, px_count=160) is None
    assert compare(after, before, px_threshold=48, px_count=160) is not None


def _vector_image(dial: DialWidget, side: int, dpr: float) -> QImage:
    """The dial with every layer and hand painted as vectors (no cache, no sprite)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter

    image = QImage(round(side * dpr), round(side * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    dial.render_dial(painter, QSize(side, side), cached=False)
    painter.end()
    return image


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize("seconds", [0.0, 7.3, 22.25, 41.9, 55.875])
def test_hands_drawn_from_sprites_look_like_their_vectors(
    qtbot: QtBot, seconds: float, dpr: float
) -> None:
    """The cached frames turn pre-painted sprites of the hands and their shadows; at any angle
    they show what filling the hands' paths shows, within the golden images' tolerance, and
    a hand in the wrong place would not pass (see test_a_moved_hand_fails...)."""
    state = DialState(
        chrono_elapsed_ns=round((17 * 60 + seconds) * S),
        chrono_running=True,
        official_ms=round((7 * 3600 + 23 * 60 + seconds) * 1000),
        date=DATE,
    )
    dial = make_dial(qtbot, "nero-corsa", state)
    sprites = image_array(dial.render_image(GOLDEN_PX, dpr))
    vectors = image_array(_vector_image(dial, GOLDEN_PX, dpr))
    allowed = sprites.shape[0] * sprites.shape[1] // 1000
    assert compare(sprites, vectors, px_threshold=48, px_count=allowed) is None


def _pixel_on_hand(image: QImage, radius: float, deg: float) -> QColor:
    side = image.width()
    rad = math.radians(deg)
    x = side / 2 + radius * side / 1000 * math.sin(rad)
    y = side / 2 - radius * side / 1000 * math.cos(rad)
    return image.pixelColor(round(x), round(y))


def _is_chrono_red(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 110 and color.blue() < 110


@pytest.mark.parametrize("seconds", [0.0, 7.5, 22.25, 41.0, 55.875])
def test_the_chronograph_hand_is_painted_where_the_state_says(qtbot: QtBot, seconds: float) -> None:
    state = DialState(chrono_elapsed_ns=round(seconds * S), official_ms=None, date=DATE)
    dial = make_dial(qtbot, "nero-corsa", state)
    angles = hand_angles(state, Stepping.EIGHTHS)
    assert dial.angles() == angles
    assert angles.chrono_seconds_deg == pytest.approx(seconds * 6)
    image = dial.render_image(1000)  # one logical unit per pixel: the needle is 5 px wide
    # On the needle, between the counters and the track, the red hand shows...
    assert _is_chrono_red(_pixel_on_hand(image, 280, angles.chrono_seconds_deg))
    # ...and 10 degrees away it does not.
    assert not _is_chrono_red(_pixel_on_hand(image, 280, angles.chrono_seconds_deg + 10))


def test_set_state_repaints_only_when_something_visible_changes(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    angles = dial.angles()
    # 50 ms later the stepping hand is on the same beat: nothing to draw.
    dial.set_state(
        DialState(
            **{**_fields(RUNNING), "chrono_elapsed_ns": RUNNING.chrono_elapsed_ns + 50_000_000}
        )
    )
    assert dial.angles() == angles
    dial.set_stepping(Stepping.SWEEP)
    assert dial.angles() != angles


def test_static_layers_are_cached_until_size_or_theme_change(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    dial.render_image(300)
    first = dial.layers.static
    dial.set_state(DialState(**{**_fields(RUNNING), "chrono_elapsed_ns": 5 * S}))
    dial.render_image(300)
    assert dial.layers.static is first  # hands moved: the cache stays
    dial.render_image(310)
    assert dial.layers.static is not first  # resized: rebuilt
    second = dial.layers.static
    dial.set_theme("grigio-blu")
    dial.render_image(310)
    assert dial.layers.static is not second
    third = dial.layers.static
    before = dial.render_image(310)
    dial.set_state(DialState(**{**_fields(RUNNING), "date": datetime.date(2026, 5, 14)}))
    after = dial.render_image(310)
    # the date window is drawn per frame (a replay seek to another day must stay cheap) ...
    assert dial.layers.static is third
    # ... and still shows the new date
    assert after != before


def test_the_cache_follows_the_device_pixel_ratio(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    image = dial.render_image(300, dpr=2.0)
    assert (image.width(), image.height()) == (600, 600)
    assert dial.layers.static is not None
    assert dial.layers.static.devicePixelRatio() == 2.0
    assert dial.layers.static.width() == 600


def test_the_dial_keeps_its_aspect_in_any_shape(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    wide = QImage(900, 400, QImage.Format.Format_ARGB32_Premultiplied)
    wide.fill(Qt.GlobalColor.transparent)
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter

    painter = QPainter(wide)
    dial.render(painter, QSize(900, 400))
    painter.end()
    square = image_array(dial.render_image(400))
    middle = image_array(wide)[:, 250:650]
    assert compare(middle, square, px_threshold=8, px_count=0) is None


def test_clicking_the_pushers_emits_their_signals(qtbot: QtBot) -> None:
    dial = make_dial(qtbot)
    dial.resize(500, 500)
    dial.show()
    qtbot.waitExposed(dial)
    start = dial.pusher_centre(Pusher.START_STOP).toPoint()
    reset = dial.pusher_centre(Pusher.RESET).toPoint()
    assert dial.pusher_at(QPointF(start)) is Pusher.START_STOP
    assert dial.pusher_at(QPointF(reset)) is Pusher.RESET
    assert dial.pusher_at(QPointF(250, 250)) is None
    with qtbot.waitSignal(dial.startStopClicked, timeout=1000):
        qtbot.mousePress(dial, Qt.MouseButton.LeftButton, pos=start)
    assert dial.pressed_pushers() == (True, False)  # held down: drawn pushed in
    qtbot.mouseRelease(dial, Qt.MouseButton.LeftButton, pos=start)
    assert dial.pressed_pushers() == (False, False)
    with qtbot.waitSignal(dial.resetClicked, timeout=1000):
        qtbot.mouseClick(dial, Qt.MouseButton.LeftButton, pos=reset)
    with qtbot.assertNotEmitted(dial.startStopClicked), qtbot.assertNotEmitted(dial.resetClicked):
        qtbot.mouseClick(dial, Qt.MouseButton.LeftButton, pos=dial.rect().center())


def test_a_pressed_pusher_is_drawn_pushed_in(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    up = image_array(dial.render_image(GOLDEN_PX))
    dial.set_state(DialState(**{**_fields(RUNNING), "reset_pressed": True}))
    down = image_array(dial.render_image(GOLDEN_PX))
    changed = (abs(up.astype(int) - down.astype(int)).max(axis=2) > 40).nonzero()
    assert len(changed[0]) > 20
    # Every changed pixel is near the pusher at 4 o'clock (lower right).
    assert changed[0].min() > GOLDEN_PX * 0.55 and changed[1].min() > GOLDEN_PX * 0.75


def test_a_resize_scales_the_old_layers_until_the_size_settles(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    dial.resize(400, 400)
    dial.show()
    qtbot.waitExposed(dial)
    dial.grab()  # a frame of the widget (paintEvent), as the screen would get
    first = dial.layers.static
    assert first is not None and dial.layers.static_key[0] == 400
    dial._settle.stop()  # the size the window opened with has settled

    dial.resize(500, 500)  # a drag of the window edge passes through many sizes
    assert dial.resizing
    scaled = dial.grab().toImage()
    assert dial.layers.static is first  # this frame scaled the 400 px layers: nothing repainted

    dial._settle.timeout.emit()  # the size stayed 500 px long enough
    dial._settle.stop()
    assert not dial.resizing
    settled = dial.grab().toImage()
    assert dial.layers.static is not first and dial.layers.static_key[0] == 500
    # the scaled frame shows the same dial, a little softer: close, not equal
    assert scaled != settled
    a, b = image_array(scaled), image_array(settled)
    assert compare(a, b, px_threshold=96, px_count=a.shape[0] * a.shape[1] // 20) is None


def test_images_never_use_the_scaled_layers(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=RUNNING)
    dial.render_image(400)
    dial.resize(500, 500)
    dial._settle.start()
    image = dial.render_image(300)  # a screenshot or golden image is always exact
    assert dial.layers.static_key[0] == 300
    assert image.width() == 300


@pytest.mark.parametrize("step_ns", [500_000_000, 16_666_667])
def test_frames_of_only_the_changed_regions_add_up_to_the_whole_dial(
    qtbot: QtBot, step_ns: int
) -> None:
    """A minute of a sweeping chronograph (or two seconds at 60 frames a second) painted as the
    widget does (each frame only the regions set_state asked for, over the previous frames)
    shows what one whole frame shows."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter

    dial = make_dial(qtbot, state=RUNNING)
    dial.set_stepping(Stepping.SWEEP)
    dial.resize(GOLDEN_PX, GOLDEN_PX)
    screen = QImage(GOLDEN_PX, GOLDEN_PX, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(screen)
    dial.render_dial(painter, QSize(GOLDEN_PX, GOLDEN_PX), widget_frame=True)
    painter.end()
    asked = []
    for frame in range(1, 120):
        dial._requested = []
        dial.set_state(
            DialState(
                **{
                    **_fields(RUNNING),
                    "chrono_elapsed_ns": RUNNING.chrono_elapsed_ns + frame * step_ns,
                    "official_ms": RUNNING.official_ms + frame * step_ns // 1_000_000,  # type: ignore[operator]
                }
            )
        )
        region = dial.requested_region()
        asked.append(sum(r.width() * r.height() for r in region))
        painter = QPainter(screen)
        painter.setClipRegion(region)
        dial.render_dial(painter, QSize(GOLDEN_PX, GOLDEN_PX), widget_frame=True, region=region)
        painter.end()
    whole = QImage(GOLDEN_PX, GOLDEN_PX, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(whole)
    dial.render_dial(painter, QSize(GOLDEN_PX, GOLDEN_PX), widget_frame=True)
    painter.end()
    assert compare(image_array(screen), image_array(whole), px_threshold=8, px_count=0) is None
    # ...while each frame asked for a small part of the dial
    assert max(asked) < GOLDEN_PX * GOLDEN_PX / 3


def test_a_stopped_chronograph_asks_for_no_frame_until_a_time_hand_steps(qtbot: QtBot) -> None:
    dial = make_dial(qtbot, state=AT_REST)
    dial.resize(600, 600)
    dial.set_state(AT_REST)
    dial._requested = []
    # 0.1 s later, in eighths: the small seconds has not reached its next beat
    later = DialState(**{**_fields(AT_REST), "official_ms": AT_REST.official_ms + 100})  # type: ignore[operator]
    dial.set_state(later)
    assert dial.requested_region().isEmpty()
    wait = dial.next_change_ns()
    assert wait is not None and 0 < wait <= 125_000_000  # the small seconds' next beat
    # with no time of day and the chronograph stopped nothing moves at all
    dial.set_state(DialState(chrono_elapsed_ns=5 * S, official_ms=None, date=DATE))
    assert dial.next_change_ns() is None


@pytest.mark.parametrize(
    "name",
    ["chrono_seconds", "minute", "hour", "small_seconds", "chrono_minutes", "chrono_hours"],
)
@pytest.mark.parametrize("dpr", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("side", [397, 160])  # odd: the pivot on half a pixel
def test_the_rectangles_a_moved_hand_asks_for_hold_it_at_every_angle_between(
    qtbot: QtBot, name: str, dpr: float, side: int
) -> None:
    """What a frame repaints when a hand turns a little (one cover of its sweep buckets) holds
    every pixel the hand, its shadow and cap paint at any angle from the old to the new. (The
    cover is the box of the hand's corners turned, exact, with EDGE_PX all round: at fractional
    ratios one pixel of it was found too few.)"""
    import numpy as np
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter

    from mmtimer.ui.dial import _bucket_deg
    from mmtimer.ui.dialstate import HandAngles

    dial = make_dial(qtbot)
    layers = dial.layers
    width = _bucket_deg(name, side)
    for start in (3.0, 44.9, 131.0, 222.2, 300.7):
        old_deg, new_deg = start, start + 2.5 * width
        old = layers.painter.hand_draw(name, HandAngles(*[old_deg] * 6))
        new = layers.painter.hand_draw(name, HandAngles(*[new_deg] * 6))
        covered = np.zeros((side, side), dtype=bool)  # widget pixels
        for rect in layers.moved_rects(old, new, side, 0, 0):
            box = rect.intersected(QRect(0, 0, side, side))
            covered[box.top() : box.bottom() + 1, box.left() : box.right() + 1] = True
        for k in range(6):
            deg = old_deg + (new_deg - old_deg) * k / 5
            image = QImage(round(side * dpr), round(side * dpr), QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            layers.paint_hands_over(
                painter,
                todo=QRect(0, 0, side, side),
                side=side,
                x0=0,
                y0=0,
                dpr=dpr,
                angles=HandAngles(*[deg] * 6),
                everything=True,
                names=frozenset({name}),
            )
            painter.end()
            ys, xs = image_array(image)[..., 3].nonzero()
            assert len(xs) > 0
            # the widget pixel each painted device pixel lies in
            wx = np.minimum((xs / dpr).astype(int), side - 1)
            wy = np.minimum((ys / dpr).astype(int), side - 1)
            outside = int((~covered[wy, wx]).sum())
            assert outside == 0, f"{name} at {deg:.2f}: {outside} pixels outside"
