"""Golden images beyond the dial: the countdown and the stage panel, as the screen model of a
live session at one instant makes them (tests/ui/image_testing.py: a new golden is looked at by
a person before it is copied into tests/ui/golden/; nothing here writes there)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S
from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.session import LiveSession
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.present.screen import Presenter, Screen
from mmtimer.present.stagelines import section_views
from mmtimer.ui.countdown import CountdownWidget
from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.stagepanel import StagePanel
from tests.ui.image_testing import assert_image_approved, use_fixed_theme

STAGE = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
RULES = load_rules(STAGE.rules)
S = NS_PER_S


def screen_mid_stage() -> Screen:
    """PC1 done (0.04 s late at line 2, 0.12 s early at line 3), PC2 started, 3.2 s to go."""
    session = LiveSession(STAGE, RULES, Crew(number=7))
    session.sync(0, parse_time_of_day_ms("09:58:00"), "typed")
    first = STAGE.sections[0]
    assert first.id == "PC1"
    t = 10 * S
    session.press(t)
    for line, late_ms in ((2, 40), (3, -120)):
        t += (first.target_ms(line) + late_ms) * NS_PER_MS  # type: ignore[attr-defined]
        session.press(t)
    t += 20 * S
    session.press(t)  # PC2's start
    second = STAGE.sections[1]
    instant = t + second.target_ms(2) * NS_PER_MS - 3_200 * NS_PER_MS  # type: ignore[attr-defined]
    return Presenter(STAGE).screen(session.state(instant))


def test_golden_countdown(qtbot: QtBot) -> None:
    use_fixed_theme()
    load_fonts()
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    widget.set_state(screen_mid_stage().countdown)
    image = QImage(480, 280, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    widget.render_into(painter, QRectF(image.rect()))
    painter.end()
    assert_image_approved(image, "countdown-mid-stage")


def test_golden_stage_panel(qtbot: QtBot) -> None:
    use_fixed_theme()  # its scroll bars and frame come from the application palette
    load_fonts()
    panel = StagePanel()
    qtbot.addWidget(panel)
    panel.set_stage(section_views(STAGE, RULES))
    screen = screen_mid_stage()
    panel.show_results(screen.line_results())
    assert screen.armed is not None
    panel.set_armed(*screen.armed)
    panel.resize(460, 420)
    panel.show()
    qtbot.waitExposed(panel)
    assert_image_approved(panel.grab().toImage(), "stage-panel-mid-stage")
