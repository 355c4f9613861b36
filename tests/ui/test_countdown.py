"""The countdown readout: formats, colours, and the state it is given (no clock)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S
from mmtimer.present.formats import format_left, format_points, format_signed_deviation
from mmtimer.present.screen import CountdownState
from mmtimer.present.tone import Tone, deviation_tone, left_tone
from mmtimer.ui.countdown import BACKGROUND, TONE_COLOURS, CountdownWidget


def test_time_left_reads_in_hundredths_and_hits_zero_at_the_target() -> None:
    assert format_left(12_340 * NS_PER_MS) == "12.34"
    assert format_left(12_331 * NS_PER_MS) == "12.34"  # rounds up before the target
    assert format_left(1) == "0.01"
    assert format_left(0) == "0.00"
    assert format_left(-9 * NS_PER_MS) == "0.00"
    assert format_left(-120 * NS_PER_MS) == "+0.12"
    assert format_left(62_500 * NS_PER_MS) == "1:02.50"
    assert format_left(3_723_400 * NS_PER_MS) == "1:02:03.40"


@given(st.integers(1, 10**14))
def test_time_left_never_shows_less_than_is_left(left_ns: int) -> None:
    text = format_left(left_ns)
    *larger, last = text.split(":")
    seconds = Decimal(last)
    for power, part in enumerate(reversed(larger), start=1):
        seconds += int(part) * 60**power
    shown_ns = int(seconds * NS_PER_S)
    assert left_ns <= shown_ns < left_ns + 10 * NS_PER_MS


def test_colours_warn_then_near_then_overdue() -> None:
    assert left_tone(None) is Tone.IDLE
    assert left_tone(30 * NS_PER_S) is Tone.NORMAL
    assert left_tone(10 * NS_PER_S) is Tone.WARN
    assert left_tone(5 * NS_PER_S) is Tone.NEAR
    assert left_tone(0) is Tone.OVERDUE


def test_deviation_is_signed_to_the_hundredth_late_positive() -> None:
    assert format_signed_deviation(370) == "+0.37"
    assert format_signed_deviation(-370) == "-0.37"
    assert (
        format_signed_deviation(-379) == "-0.37"
    )  # truncated toward zero, as the organiser's clocks
    assert format_signed_deviation(5) == "0.00"
    assert format_signed_deviation(-5) == "0.00"  # as the table and the CSV: never -0.00
    assert deviation_tone(120) is Tone.LATE
    assert deviation_tone(-120) is Tone.EARLY
    assert deviation_tone(-9) is Tone.EXACT
    assert deviation_tone(None) is Tone.IDLE
    assert format_points(Decimal("37.00")) == "37"
    assert format_points(Decimal("1.50")) == "1.5"
    assert format_points(Decimal("1E+2")) == "100"


def test_the_widget_shows_the_state_it_is_given(qtbot: QtBot) -> None:
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    assert widget.lines()[1] == "--.--"
    widget.set_state(
        CountdownState(
            target_label="PC1 · line 3",
            left_ns=4_210 * NS_PER_MS,
            last_label="PC1 · line 2",
            last_deviation_ms=-120,
            last_penalty=Decimal(12),
            total=Decimal(49),
        )
    )
    assert widget.lines() == ("PC1 · line 3", "4.21", "PC1 · line 2  -0.12 s  12 pts", "Total 49")
    widget.set_state(
        CountdownState(
            last_label="PC2 · line 4",
            last_penalty=Decimal(300),
            last_note="missed",
            total=Decimal(349),
            total_label="So far",
        )
    )
    assert widget.lines()[2:] == ("PC2 · line 4  300 pts  missed", "So far 349")
    widget.set_state(CountdownState(last_label="PC3 · line 1", last_note="start"))
    assert widget.lines()[2] == "PC3 · line 1  start"


def render(state: CountdownState) -> QImage:
    widget = CountdownWidget()
    widget.set_state(state)
    image = QImage(400, 240, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    widget.render_into(painter, QRectF(image.rect()))
    painter.end()
    return image


def colours_in(image: QImage) -> set[str]:
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_the_readout_is_painted_in_the_colour_of_its_meaning(qtbot: QtBot) -> None:
    near = colours_in(render(CountdownState(target_label="CO1", left_ns=3 * NS_PER_S)))
    assert TONE_COLOURS[Tone.NEAR].name() in near
    assert TONE_COLOURS[Tone.WARN].name() not in near
    late = colours_in(render(CountdownState(last_label="PC1 · 2", last_deviation_ms=250)))
    assert TONE_COLOURS[Tone.LATE].name() in late
    flash = render(CountdownState(left_ns=0, flash=True))
    assert QColor(flash.pixel(2, 2)).name() != BACKGROUND.name()


def test_a_long_last_line_is_never_cut_off(qtbot: QtBot) -> None:
    """The last line with a note (a double press) at the window's default size: every text is
    drawn whole inside its row, none cut at the edges, and the long one stays readable."""
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    widget.set_state(
        CountdownState(
            target_label="PC2 · line 1 · press at the start line",
            last_label="PC1 · line 3",
            last_deviation_ms=-5_680,
            last_penalty=Decimal(300),
            last_note="capped · double press? Backspace undoes it",
            total=Decimal(600),
            total_label="So far",
        )
    )
    for width, height in ((286, 167), (240, 150), (420, 260)):
        rows = widget.layout_rows(QRectF(0, 0, width, height))
        assert [row.text for row in rows] == [t for t in widget.lines() if t]
        for row in rows:
            drawn = QFontMetricsF(row.font).boundingRect(row.rect, row.flags, row.text)
            assert row.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(drawn), (width, row.text)
        last = rows[2]
        assert "Backspace undoes it" in last.text
        assert last.font.pixelSize() >= 10, (width, last.font.pixelSize())


@given(st.integers(0, 10**13), st.integers(-99_999, 99_999))
def test_every_time_left_fits_its_row_with_the_font_of_its_shape(left_ns: int, dev_ms: int) -> None:
    """Texts are fitted by their shape (each digit made the widest), so the time left keeps one
    font as it counts down; every actual text still lies whole inside its row."""
    widget = CountdownWidget()
    state = CountdownState(
        target_label="PC1 · line 2", left_ns=left_ns, last_label="PC1 · line 1",
        last_deviation_ms=dev_ms, last_penalty=Decimal(abs(dev_ms) // 10), total=Decimal(7),
    )  # fmt: skip
    widget.set_state(state)
    rect = QRectF(0, 0, 286, 167)
    rows = widget.layout_rows(rect)
    assert [row.text for row in rows] == [t for t in widget.lines() if t]
    for row in rows:
        drawn = QFontMetricsF(row.font).boundingRect(row.rect, row.flags, row.text)
        assert row.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(drawn), row.text
    # a neighbouring second (the same shape) gets the very same font, from the cache
    widget.set_state(CountdownState(target_label="PC1 · line 2", left_ns=left_ns + NS_PER_S))
    same_shape = widget.layout_rows(rect)[1]
    if len(same_shape.text) == len(rows[1].text):
        assert same_shape.font.pixelSize() == rows[1].font.pixelSize()


def test_a_new_time_left_repaints_its_row_alone(qtbot: QtBot) -> None:
    """The time left changes at each frame: only its row is repainted then, all of it after a
    press (the last deviation and the total change too)."""
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 240)
    widget.set_state(CountdownState(target_label="PC1 · line 2", left_ns=12 * NS_PER_S))
    repainted: list[QRectF] = []

    def update(*rect: object) -> None:
        repainted.append(QRectF(*rect) if rect else QRectF(widget.rect()))  # type: ignore[arg-type]

    widget.update = update  # type: ignore[method-assign,assignment]
    widget.set_state(CountdownState(target_label="PC1 · line 2", left_ns=11 * NS_PER_S))
    rows = widget.row_rects(QRectF(widget.rect()))
    assert len(repainted) == 1 and repainted[0].contains(rows[1])
    assert not repainted[0].intersects(rows[0].adjusted(0, 1, 0, -1))
    assert not repainted[0].intersects(rows[2].adjusted(0, 1, 0, -1))
    assert [r.text for r in widget.layout_rows(QRectF(widget.rect()), repainted[0])] == ["11.00"]
    repainted.clear()
    widget.set_state(
        CountdownState(
            target_label="PC1 · line 3",
            left_ns=20 * NS_PER_S,
            last_label="PC1 · line 2",
            last_deviation_ms=120,
            total=Decimal(12),
        )
    )
    assert {i for i, row in enumerate(rows) if any(r.contains(row) for r in repainted)} == {
        0,
        1,
        2,
        3,
    }
