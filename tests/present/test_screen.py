"""The screen model from the core's state, without Qt: labels, the current row, JSON."""

from __future__ import annotations

import json

from mmtimer.core.clock import NS_PER_S
from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.session import LiveSession
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from mmtimer.present.screen import Presenter, screen_json
from mmtimer.present.tone import Tone

STAGE = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
S = NS_PER_S


def session() -> LiveSession:
    return LiveSession(STAGE, load_rules(STAGE.rules), Crew(number=3))


def test_a_void_makes_the_line_before_the_current_row_and_arms_the_voided_line() -> None:
    live = session()
    first = STAGE.sections[0].id
    live.press(10 * S)
    live.press(25 * S)
    live.press(31 * S)
    live.void_last("undo")
    screen = Presenter(STAGE).screen(live.state(32 * S))
    assert screen.current_row == (first, 2)
    assert screen.armed == (first, 3)
    assert screen.countdown.last_label == f"{first} · line 2"
    assert screen.countdown.target_label == f"{first} · line 3"
    assert (first, 3) not in screen.line_results()  # voided: not scored yet (pending)


def test_the_countdown_runs_to_the_armed_line_and_turns_amber_then_red() -> None:
    live = session()
    live.press(10 * S)
    presenter = Presenter(STAGE)
    target_ns = 10 * S + STAGE.sections[0].targets_ms[0] * 1_000_000  # type: ignore[union-attr]
    assert presenter.screen(live.state(target_ns - 30 * S)).countdown.tones()[1] is Tone.NORMAL
    assert presenter.screen(live.state(target_ns - 8 * S)).countdown.tones()[1] is Tone.WARN
    assert presenter.screen(live.state(target_ns - 2 * S)).countdown.tones()[1] is Tone.NEAR
    late = presenter.screen(live.state(target_ns + S // 10))
    assert late.countdown.texts()[1] == "+0.10"
    assert late.countdown.tones()[1] is Tone.OVERDUE


def test_a_screen_is_plain_json() -> None:
    live = session()
    live.sync(0, 36_000_000, "manual")
    live.press(10 * S)
    live.press(25 * S)
    screen = Presenter(STAGE).screen(live.state(26 * S))
    plain = screen_json(screen)
    text = json.dumps(plain)
    assert "results" not in plain
    assert plain["sync_status"] == "Synced 26 s ago"
    assert plain["countdown"]["total"] == str(screen.total)
    assert plain["lines"][0]["tone"] == screen.lines[0].tone.value
    assert json.loads(text) == plain
    assert "rows" in json.dumps(screen_json(screen, with_results=True))


def test_the_stage_ended_stops_the_countdown_and_says_so() -> None:
    live = session()
    live.press(10 * S)
    live.close(12 * S)
    screen = Presenter(STAGE).screen(live.state(40 * S))
    assert screen.ended and screen.armed is None
    assert screen.countdown.texts()[0] == "Stage ended"
    assert screen.total_label == "Total"
    assert screen.dial.chrono_elapsed_ns == 2 * S and not screen.dial.chrono_running
