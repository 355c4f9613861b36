"""An average trial with start = "press": the first press starts it; checks score from it."""

from __future__ import annotations

from decimal import Decimal

from mmtimer.core.crew import Crew
from mmtimer.core.events import Other, Pass
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import ScoreFold, score
from mmtimer.core.session import LiveSession
from mmtimer.core.stage import AverageTrial, Stage

S = 1_000_000_000
MS = 1_000_000
PM = AverageTrial("PM1", 0, ((0, Decimal("36")),), (1_000, 2_000), start_press=True)
STAGE = Stage("practice", "aci-2021", (PM,))
RULES = load_rules("aci-2021")
TEN = 10 * 3_600 * S  # official 10:00:00 at session instant 0


def session() -> LiveSession:
    live = LiveSession(STAGE, RULES, Crew())
    live.sync(0, 10 * 3_600_000)
    return live


def test_the_first_press_starts_the_trial_and_the_countdown_runs_from_it() -> None:
    live = session()
    assert live.countdown(5 * S) is None  # nothing to count down to before the start
    start = live.press(10_250 * MS)  # 10:00:10.25
    assert isinstance(start, Other) and start.type == "start"
    assert start.data["section"] == "PM1"
    assert live.armed is not None and (live.armed.section, live.armed.line) == ("PM1", 1)
    countdown = live.countdown(20 * S)
    assert countdown is not None
    # 1 km at 36 km/h = 100 s from the start, put on the 1 s unit: 10:00:10 + 100 s
    assert countdown.target_ms == (10 * 3_600 + 110) * 1000
    check = live.press(112 * S)
    assert isinstance(check, Pass) and check.line == 1


def test_checks_score_from_the_start_press() -> None:
    live = session()
    live.press(10 * S)
    live.press(112 * S)  # 2 s late at check 1
    live.press(205 * S)  # 5 s early at check 2 (ideal 210 s)
    result = score(STAGE, RULES, Crew(), live.events)
    assert [row.deviation_ms for row in result.rows] == [2_000, -5_000]
    assert [row.penalty for row in result.rows] == [2, 5]
    fold = ScoreFold(STAGE)
    for event in live.events:
        fold.apply(event)
    assert fold.result(RULES, Crew()) == result


def test_a_press_start_trial_never_started_scores_its_checks_missed_no_start() -> None:
    live = session()
    result = score(STAGE, RULES, Crew(), live.events)
    assert all(row.notes == ("missed", "no start") for row in result.rows)
    live_result = score(STAGE, RULES, Crew(), live.events, live=True)
    assert all(row.notes == ("pending",) for row in live_result.rows)


def test_the_last_start_press_counts() -> None:
    live = session()
    live.press(5 * S)
    live.press_start(10 * S)  # redone: the car was not at the marker yet
    live.press(110 * S)
    result = score(STAGE, RULES, Crew(), live.events)
    assert result.rows[0].deviation_ms == 0
