"""The driver display: a second top-level window, full screen on the screen chosen, showing only
what the driver needs - the countdown to the next target, the armed line, the last deviation, and
in an average trial the imposed average and ahead/behind - huge, in the current theme.

It renders a `DriverView` (mmtimer/present/driver.py), the same one the phone page gets, built
from the stage window's own `Screen`, so the two windows always agree. Like the dial it draws
the view it is given; a timer only asks for a new view (`source`) and repaints. It never takes the
keyboard: it does not accept focus, and a key that reaches it anyway goes to the stage window, so
a trigger press is never lost to it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.distance import CarDistance
from mmtimer.core.pacer import Schedule, elapsed_since
from mmtimer.core.stage import AverageTrial
from mmtimer.present.driver import AverageView, DriverView, average_view, driver_view
from mmtimer.present.tone import Tone
from mmtimer.ui.countdown import TONE_COLOURS, fit_text
from mmtimer.ui.fonts import dial_font
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.themes import Theme
from mmtimer.ui.words import shown

FRAME_MS = 33  # repaint requests (~30 Hz); the time shown comes from the view, not the timer
# Tone colours that read on a light background (a daylight theme): the stage window's are for
# dark ones.
LIGHT_TONES = {
    Tone.NORMAL: QColor("#111111"),
    Tone.WARN: QColor("#9a5b00"),
    Tone.NEAR: QColor("#c0140a"),
    Tone.OVERDUE: QColor("#c0140a"),
    Tone.EARLY: QColor("#0b4fb3"),
    Tone.LATE: QColor("#c0140a"),
    Tone.EXACT: QColor("#127a24"),
    Tone.IDLE: QColor("#5c5c5c"),
}

ViewSource = Callable[[], DriverView | None]


CarSource = Callable[[int], CarDistance | None]
"""The car's distance at a session-clock instant, for the armed trial (the pacer's odometer:
`PacerController.car_at`); None without a distance source."""


def live_average(live: LiveStage, t_ns: int, car: CarDistance | None = None) -> AverageView | None:
    """The driver's average for the armed average trial at `t_ns`, with the car's distance `car`
    (None: the ideal car's alone). None: not an average trial, not synced, or a press start not
    pressed yet."""
    armed = live.session.armed
    if armed is None:
        return None
    section = live.stage.section(armed.section)
    official = live.session.official_ns(t_ns)
    if not isinstance(section, AverageTrial) or official is None:
        return None
    if section.start_press:
        started = live.session.fold.starts.get(section.id)
        start_official = None if started is None else live.session.official_ns(started)
        if start_official is None:
            return None
        start_ns = live.rules.average.on_unit(start_official)
    else:
        start_ns = section.start_ms * NS_PER_MS
    return average_view(Schedule(section), elapsed_since(start_ns, official), car)


def live_view(
    live: LiveStage, t_ns: int | None = None, car_of: CarSource | None = None
) -> DriverView:
    """The driver's view of a live stage at `t_ns` (default: its clock now), from the same
    countdown readout the stage window shows, and the car's distance from `car_of` (the stage
    window's pacer) in an average trial."""
    now = live.clock.now_ns() if t_ns is None else t_ns
    ended = live.ended
    average = None
    if not ended:
        average = live_average(live, now, None if car_of is None else car_of(now))
    return driver_view(
        live.stage,
        live.screen(now),
        target=None if ended else live.session.countdown(now),
        average=average,
    )


def is_light(colour: str) -> bool:
    c = QColor(colour)
    return (0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF()) > 0.5


def tone_colours(theme: Theme) -> dict[Tone, QColor]:
    """The tones on the theme's background: its panels' own where they share that ground
    (Night: dim, Daylight: dark on white), else the light or dark set that reads on it."""
    light = is_light(theme.background)
    if is_light(theme.panel.background) == light:
        return {tone: QColor(colour) for tone, colour in theme.panel.tones.items()}
    return dict(LIGHT_TONES) if light else dict(TONE_COLOURS)


class DriverWindow(QWidget):
    """Paints a `DriverView`: `set_view` for a given one, or `start` to follow `source`."""

    def __init__(self, theme: Theme, source: ViewSource | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(320, 200)
        self.resize(960, 540)
        self.source = source
        self.key_target: QWidget | None = None  # where a key that lands here goes
        self.theme_source: Callable[[], Theme] | None = None  # the stage window's theme, if set
        self._view: DriverView | None = None
        self._theme = theme
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        retranslated(self, self.retranslate)
        self._timer.timeout.connect(self.refresh)
        self._digits = dial_font(40, bold=True, mono=True)
        self._text = dial_font(40)
        self._text_bold = dial_font(40, bold=True)

    # -- what it shows ---------------------------------------------------------------------------
    @property
    def view(self) -> DriverView | None:
        return self._view

    def set_view(self, view: DriverView | None) -> None:
        if view != self._view:
            self._view = view
            self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def refresh(self) -> None:
        if self.theme_source is not None:
            theme = self.theme_source()
            if theme != self._theme:
                self.set_theme(theme)
        if self.source is not None:
            self.set_view(self.source())

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on `screen` (None: the primary one)."""
        target = screen or QGuiApplication.primaryScreen()
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
        # not showFullScreen(): it also activates the window, which would take the keyboard
        # from the stage window (and warns: this window does not accept focus)
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
        self.start()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("mmtimer · driver"))
        self.setAccessibleName(self.tr("Driver display"))
        self.update()

    def texts(self) -> tuple[str, str, str, str]:
        """The four texts shown: the armed line, the time left, the last line's result, and
        the average (or the total), in the window's language: for tests and accessibility."""
        if self._view is None:
            return (self.tr("no stage open"), "--.--", "", "")
        armed, left, last, total = self._view.texts()
        return shown(armed), shown(left), shown(last), shown(total)

    def tones(self) -> tuple[Tone, Tone, Tone, Tone]:
        if self._view is None:
            return (Tone.IDLE, Tone.IDLE, Tone.IDLE, Tone.IDLE)
        return self._view.tones()

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.render_into(painter, QRectF(self.rect()))
        painter.end()

    def render_into(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the view into `rect` (also used to paint into an image)."""
        theme = self._theme
        light = is_light(theme.background)
        painter.fillRect(rect, QColor(theme.background))
        palette = tone_colours(theme)
        pad = max(6.0, min(rect.width(), rect.height()) * 0.04)
        inner = rect.adjusted(pad, pad, -pad, -pad)
        rows = (
            (0.14, self._text_bold),
            (0.52, self._digits),
            (0.20, self._text_bold),
            (0.14, self._text),
        )
        y = inner.top()
        for (share, base), text, tone in zip(rows, self.texts(), self.tones(), strict=True):
            row = QRectF(inner.left(), y, inner.width(), inner.height() * share)
            y += row.height()
            if not text:
                continue
            font, flags, fitted = fit_text(base, text, row.adjusted(0, row.height() * 0.04, 0, 0))
            painter.setFont(font)
            colour = palette[tone]
            if tone == Tone.NORMAL and theme.panel.background == theme.background:
                colour = QColor(theme.readout)  # Night, Daylight: the theme's own readouts
            elif tone == Tone.NORMAL:
                colour = QColor(theme.readout) if not light else palette[tone]
            elif tone == Tone.IDLE:
                colour = QColor(theme.readout_dim) if not light else palette[tone]
            painter.setPen(colour)
            painter.drawText(row, flags, fitted)

    # -- the keyboard: never here ----------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
        ):
            target = self.key_target
            if target is not None and isinstance(event, QKeyEvent):
                forwarded = QKeyEvent(event)
                QApplication.sendEvent(_focus_of(target), forwarded)
                return True
        return super().event(event)


def _focus_of(window: QWidget) -> QObject:
    focus = window.focusWidget()
    return focus if focus is not None else window
