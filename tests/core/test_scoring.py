"""Scoring a stage from a log's events, as the organiser would; ranking crews."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.chrono import ChronoAction
from mmtimer.core.crew import Crew
from mmtimer.core.events import Chrono, Event, Other, Pass, Sync, Void
from mmtimer.core.results import SectionKind, StageResult
from mmtimer.core.rules import RuleSet, load_rules, parse_rules
from mmtimer.core.scoring import rank, score
from mmtimer.core.stage import AverageTrial, Stage, TimeControl, TimedSection, load_stage
from mmtimer.paths import resource

D = Decimal
MS = 1_000_000
S = 1_000 * MS
NOBODY = Crew()


def tod(h: int, m: int, s: int = 0, ms: int = 0) -> int:
    """A time of day in ms since midnight."""
    return ((h * 60 + m) * 60 + s) * 1000 + ms


@dataclass
class Log:
    """Builds a log's events with rising seqs."""

    events: list[Event] = field(default_factory=list)

    def _seq(self) -> int:
        return len(self.events) + 1

    def sync(self, t_ns: int, official_ms: int) -> int:
        self.events.append(Sync(self._seq(), t_ns, official_ms))
        return len(self.events)

    def press(self, t_ns: int, section: str, line: int = 1) -> int:
        self.events.append(Pass(self._seq(), t_ns, section, line))
        return len(self.events)

    def void(self, ref: int) -> int:
        self.events.append(Void(self._seq(), ref, "test"))
        return len(self.events)


def stage_of(
    *sections: TimedSection | TimeControl | AverageTrial, rules: str = "aci-2021"
) -> Stage:
    return Stage("test", rules, tuple(sections))


PC = TimedSection("PC1", (15_000,))
CHAIN = TimedSection("PC2", (15_000, 6_000, 20_000))
ACI = load_rules("aci-2021")
TSD = load_rules("tsd-cscc")


def timed(
    rules: RuleSet, seconds_after_line_1: list[float], section: TimedSection = PC
) -> StageResult:
    """Press line 1 at official 10:00:00.000, then each later line the given seconds after."""
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, section.id, 1)
    for line, seconds in enumerate(seconds_after_line_1, start=2):
        log.press(round(seconds * S), section.id, line)
    return score(stage_of(section), rules, NOBODY, log.events)


def arrive(
    rules: RuleSet, section: TimeControl | AverageTrial, official_ms: int, line: int = 1
) -> StageResult:
    log = Log()
    log.sync(0, tod(8, 0))
    log.press((official_ms - tod(8, 0)) * MS, section.id, line)
    return score(stage_of(section), rules, NOBODY, log.events)


# ---------------------------------------------------------------------------------------------
# The worked facts of RULES.md


@pytest.mark.parametrize("seconds", [15.37, 14.63])
def test_aci_0_37_s_early_or_late_is_37_points(seconds: float) -> None:
    (row,) = timed(ACI, [seconds]).rows
    assert row.penalty == 37
    assert row.deviation_ms == (370 if seconds > 15 else -370)
    assert row.notes == ()


@pytest.mark.parametrize(
    ("seconds", "notes"),
    [(18.00, ()), (12.00, ()), (18.01, ("capped",)), (40.0, ("capped",)), (0.5, ("capped",))],
)
def test_aci_3_s_or_more_is_300(seconds: float, notes: tuple[str, ...]) -> None:
    (row,) = timed(ACI, [seconds]).rows
    assert row.penalty == 300
    assert row.notes == notes


def test_year_factor_100_points_on_a_1971_car_is_171() -> None:
    rules = load_rules("year-factor")
    co = TimeControl("CO1", tod(10, 0))
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(61 * S, "CO1")  # 10:01:01: one minute late = 100
    result = score(stage_of(co), rules, Crew(year=1971), log.events)
    assert result.rows[0].penalty == 100
    assert result.penalties == 100
    assert result.coefficient == D("1.71")
    assert result.total == 171


@pytest.mark.parametrize(
    ("late_ms", "points"),
    [
        (600, 1),
        (599, 0),
        (1_200, 2),
        (30_000, 50),
        (180_000, 300),
        (179_400, 299),
        (300_000, 300),
        (-180_000, 300),
        (-600, 1),
    ],
)
def test_tsd_one_point_per_hundredth_of_a_minute_max_300(late_ms: int, points: int) -> None:
    # 1 point per 1/100 minute is confirmed (the club's region, Zone 8); the cap of 300 and the
    # truncation to the cent are the file's own choice (another US club caps at 500)
    check = AverageTrial("TSD1", tod(9, 0), ((0, D(36)),), (3_000,))  # ideal 09:05:00 exactly
    (row,) = arrive(TSD, check, tod(9, 5) + late_ms).rows
    assert row.penalty == points


@pytest.mark.parametrize(
    ("hand_in", "penalty", "notes"),
    [
        (tod(10, 0, 0), 0, ()),
        (tod(10, 0, 59, 990), 0, ()),  # on time from 10:00:00 to 10:00:59.99
        (tod(10, 1, 0), 100, ()),  # 10:01:00 is 1 minute late
        (tod(9, 59, 59), 100, ()),  # 09:59:59 is 1 minute early
        (tod(10, 2, 59, 999), 200, ()),
        (tod(10, 3, 0), 300, ()),
        (tod(10, 7, 30), 300, ("capped",)),  # late: at most 300
        (tod(9, 55, 0), 500, ()),  # early: no cap in art. 8.20
    ],
)
def test_aci_time_control_minute_window(hand_in: int, penalty: int, notes: tuple[str, ...]) -> None:
    (row,) = arrive(ACI, TimeControl("CO1", tod(10, 0)), hand_in).rows
    assert (row.penalty, row.notes) == (penalty, notes)
    assert row.kind is SectionKind.TIME_CONTROL
    assert row.target_ms == tod(10, 0)
    assert row.raw_measured_ms == hand_in


@pytest.mark.parametrize(
    ("hand_in", "penalty"),
    [
        (tod(10, 42, 0), 0),  # due "10:42:30": the due minute is 10:42:00-10:42:59.99
        (tod(10, 42, 59, 990), 0),
        (tod(10, 43, 10), 100),  # minute 10:43 - due minute 10:42 = 1 minute late
        (tod(10, 43, 40), 100),
        (tod(10, 41, 50), 100),  # minute 10:41: 1 minute early
        (tod(10, 44, 0), 200),
    ],
)
def test_a_due_time_with_seconds_is_scored_on_its_due_minute(hand_in: int, penalty: int) -> None:
    (row,) = arrive(ACI, TimeControl("CO1", tod(10, 42, 30)), hand_in).rows
    assert row.penalty == penalty
    assert row.target_ms == tod(10, 42)
    assert row.deviation_ms == row.measured_ms - row.target_ms  # type: ignore[operator]


def test_aci_average_trial_one_point_per_second_against_the_ideal() -> None:
    trial = AverageTrial("PM1", tod(10, 50), ((0, D("48.0")),), (2_350, 7_800))
    # ideal at km 2.350 = 10:52:56.25, scored on the second: 10:52:56
    assert arrive(ACI, trial, tod(10, 52, 56, 250)).rows[0].penalty == 0
    assert arrive(ACI, trial, tod(10, 52, 56, 999)).rows[0].penalty == 0
    row = arrive(ACI, trial, tod(10, 52, 58, 900)).rows[0]
    assert (row.target_ms, row.measured_ms, row.deviation_ms, row.penalty) == (
        tod(10, 52, 56),
        tod(10, 52, 58),
        2_000,
        2,
    )
    assert arrive(ACI, trial, tod(10, 52, 55, 999)).rows[0].penalty == 1
    assert arrive(ACI, trial, tod(10, 47)).rows[0].penalty == 300  # 5 min early: the cap
    assert arrive(ACI, trial, tod(10, 58), line=2).rows[1].penalty == 105  # ideal 10:59:45


def test_ideal_rounding_round_puts_the_ideal_on_the_nearest_unit() -> None:
    text = resource("rules", "aci-2021.rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(
        text.replace('ideal_rounding = "truncate"', 'ideal_rounding = "round"'), "x"
    )
    trial = AverageTrial("PM1", tod(10, 0), ((0, D(40)),), (1_950,))  # ideal 10:02:55.50
    assert arrive(ACI, trial, tod(10, 2, 55, 600)).rows[0].target_ms == tod(10, 2, 55)
    assert arrive(rules, trial, tod(10, 2, 55, 600)).rows[0].target_ms == tod(10, 2, 56)


# ---------------------------------------------------------------------------------------------
# Truncation per crossing


def test_truncation_happens_per_crossing_not_on_the_difference() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(9 * MS, "PC1", 1)  # 10:00:00.009 -> 10:00:00.00
    log.press(15_001 * MS, "PC1", 2)  # 10:00:15.001 -> 10:00:15.00
    (row,) = score(stage_of(PC), ACI, NOBODY, log.events).rows
    assert row.raw_measured_ms == 14_992  # truncating the difference would give 14.99: 1 point
    assert (row.measured_ms, row.deviation_ms, row.penalty) == (15_000, 0, 0)


def test_the_official_phase_decides_the_truncation() -> None:
    """The same session instants, synced 5 ms apart, straddle a hundredth differently."""
    results = []
    for official in (tod(10, 0), tod(10, 0, 0, 5)):
        log = Log()
        log.sync(0, official)
        log.press(3 * MS, "PC1", 1)
        log.press(15_006 * MS, "PC1", 2)
        results.append(score(stage_of(PC), ACI, NOBODY, log.events).rows[0].measured_ms)
    assert results == [15_000, 15_010]


@given(
    offset_ns=st.integers(0, 10**13),
    t1=st.integers(0, 10**12),
    elapsed=st.integers(0, 60 * S),
)
@settings(max_examples=200)
def test_timed_measurement_is_difference_of_truncated_official_crossings(
    offset_ns: int, t1: int, elapsed: int
) -> None:
    log = Log()
    log.sync(0, offset_ns // MS)
    log.press(t1, "PC1", 1)
    log.press(t1 + elapsed, "PC1", 2)
    (row,) = score(stage_of(PC), ACI, NOBODY, log.events).rows
    unit = 10 * MS
    base = (offset_ns // MS) * MS
    expected = (base + t1 + elapsed) // unit * unit - (base + t1) // unit * unit
    assert row.measured_ms == expected // MS
    assert row.deviation_ms == expected // MS - 15_000
    assert row.raw_measured_ms == elapsed // MS


def test_a_resync_inside_a_trial_does_not_change_its_duration() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(1 * S, "PC1", 1)
    log.sync(5 * S, tod(10, 0, 5, 47))  # the laptop was 47 ms slow: corrected mid-trial
    log.press(16 * S, "PC1", 2)
    (row,) = score(stage_of(PC), ACI, NOBODY, log.events).rows
    assert row.measured_ms == 15_000


def test_unsynced_timed_trials_are_still_scored_on_the_session_clock() -> None:
    log = Log()
    log.press(10 * S, "PC1", 1)
    log.press(25 * S + 370 * MS, "PC1", 2)
    result = score(stage_of(PC), ACI, NOBODY, log.events)
    assert result.rows[0].penalty == 37
    assert result.messages == ()


# ---------------------------------------------------------------------------------------------
# Properties: penalties never fall as deviations grow; symmetric where the set says


@pytest.mark.parametrize(
    "rule_id", ["aci-2021", "tsd-cscc", "monte-carlo-historique", "year-factor"]
)
@given(a=st.integers(0, 400 * S), b=st.integers(0, 400 * S))
@settings(max_examples=40)
def test_timed_penalty_never_falls_as_deviation_grows(rule_id: str, a: int, b: int) -> None:
    rules = load_rules(rule_id)
    small, large = sorted((a, b))

    assert _timed_penalty(rules, large) >= _timed_penalty(rules, small)
    if large <= 15 * S:  # early: at most the whole target
        assert _timed_penalty(rules, -large) >= _timed_penalty(rules, -small)


def _timed_penalty(rules: RuleSet, deviation_ns: int) -> Decimal:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC1", 1)
    log.press(15 * S + deviation_ns, "PC1", 2)
    return score(stage_of(PC), rules, NOBODY, log.events).rows[0].penalty


@given(minutes_off=st.integers(0, 30), seconds=st.integers(0, 59))
@settings(max_examples=60)
def test_aci_time_control_penalty_never_falls_with_lateness(minutes_off: int, seconds: int) -> None:
    co = TimeControl("CO1", tod(12, 0))
    later = arrive(ACI, co, tod(12, minutes_off, seconds)).rows[0].penalty
    earlier = arrive(ACI, co, tod(12, minutes_off) - 1).rows[0].penalty if minutes_off else D(0)
    assert later >= earlier


@given(deviation_cs=st.integers(0, 1_000))
@settings(max_examples=60)
def test_aci_timed_trials_are_symmetric(deviation_cs: int) -> None:
    assert _timed_penalty(ACI, deviation_cs * 10 * MS) == _timed_penalty(
        ACI, -deviation_cs * 10 * MS
    )


# ---------------------------------------------------------------------------------------------
# The log: voids, re-dos, syncs, missed lines


def test_one_row_per_measurement_in_driving_order() -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    result = score(stage, load_rules(stage.rules), NOBODY, [])
    assert [(r.section, r.line) for r in result.rows] == [
        ("PC1", 2), ("PC1", 3),
        ("PC2", 2), ("PC2", 3), ("PC2", 4),
        ("CO1", 1),
        ("PM1", 1), ("PM1", 2),
        ("PC3", 2), ("PC3", 3),
        ("CO2", 1),
    ]  # fmt: skip
    assert all(r.notes == ("missed",) and r.penalty == 300 for r in result.rows)
    assert result.total == 300 * 11


def test_a_voided_pass_does_not_count() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC1", 1)
    wrong = log.press(2 * S, "PC1", 2)
    log.void(wrong)
    (row,) = score(stage_of(PC), ACI, NOBODY, log.events).rows
    assert (row.notes, row.penalty, row.measured_ms) == (("missed", "void"), 300, None)
    log.press(15 * S + 120 * MS, "PC1", 2)  # pressed again, at the real crossing
    (row,) = score(stage_of(PC), ACI, NOBODY, log.events).rows
    assert (row.notes, row.penalty) == ((), 12)


def test_the_last_of_several_passes_counts() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC1", 1)
    log.press(14 * S, "PC1", 2)
    last = log.press(15 * S + 50 * MS, "PC1", 2)
    result = score(stage_of(PC), ACI, NOBODY, log.events)
    assert result.rows[0].penalty == 5
    assert result.messages == (f"PC1 line 2: 2 passes, the last (seq {last}) counts",)


def test_voids_of_voids_and_of_unknown_seqs_are_ignored_and_reported() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC1", 1)
    second = log.press(15 * S, "PC1", 2)
    first_void = log.void(second)
    log.void(first_void)  # does not bring the pass back
    log.void(99)
    result = score(stage_of(PC), ACI, NOBODY, log.events)
    assert result.rows[0].notes == ("missed", "void")
    assert len(result.messages) == 2
    assert result.messages[0].startswith("void seq 5: ignored: event 4 is a void")
    assert "no event 99" in result.messages[1]


def test_other_events_are_skipped() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.events.append(Chrono(2, 0, ChronoAction.START))
    log.events.append(Other(3, "note", {"text": "rain"}, 0))
    log.press(0, "PC1", 1)
    log.press(15 * S, "PC1", 2)
    assert score(stage_of(PC), ACI, NOBODY, log.events).rows[0].penalty == 0


def test_passes_for_unknown_sections_or_lines_are_reported() -> None:
    log = Log()
    log.press(0, "PC9", 1)
    log.press(0, "PC1", 3)
    result = score(stage_of(PC), ACI, NOBODY, log.events)
    assert [m.split(":")[0] for m in result.messages] == ["pass seq 1", "pass seq 2"]


def test_a_time_control_before_any_sync_is_unsynced() -> None:
    log = Log()
    log.press(5 * S, "CO1")
    log.sync(10 * S, tod(10, 0))
    result = score(stage_of(TimeControl("CO1", tod(10, 0))), ACI, NOBODY, log.events)
    (row,) = result.rows
    assert (row.notes, row.penalty, row.measured_ms) == (("unsynced",), 300, None)
    assert result.messages == (
        "CO1: no official-time sync before the pass, so it cannot be scored",
    )


def test_the_latest_sync_at_or_before_the_pass_applies() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(60 * S, "CO1")  # 10:01:00 by the first sync
    log.sync(60 * S, tod(10, 0, 59))  # a sync at the same instant comes after: it applies
    (row,) = score(stage_of(TimeControl("CO1", tod(10, 0))), ACI, NOBODY, log.events).rows
    assert (row.raw_measured_ms, row.penalty) == (tod(10, 0, 59), 0)


def test_a_missed_middle_line_is_timed_from_the_last_recorded_line() -> None:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC2", 1)
    log.press(15 * S, "PC2", 2)
    log.press(41 * S + 200 * MS, "PC2", 4)  # line 3 (at 21 s) was not pressed
    rows = score(stage_of(CHAIN), ACI, NOBODY, log.events).rows
    assert [(r.line, r.penalty, r.notes) for r in rows] == [
        (2, 0, ()),
        (3, 300, ("missed",)),
        (4, 20, ()),
    ]
    assert (rows[2].reference_line, rows[2].target_ms) == (2, 26_000)


def test_a_missed_middle_line_can_miss_the_next_one_too() -> None:
    text = resource("rules", "aci-2021.rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(text.replace('"last-recorded"', '"missed"'), "strict.rules.toml")
    log = Log()
    log.press(0, "PC2", 1)
    log.press(15 * S, "PC2", 2)
    log.press(41 * S, "PC2", 4)
    result = score(stage_of(CHAIN), rules, NOBODY, log.events)
    assert [r.notes for r in result.rows] == [(), ("missed",), ("missed",)]
    assert result.messages == ("PC2 line 4: no time at line 3, its reference",)


def test_targets_from_start_need_the_first_line() -> None:
    section = TimedSection("PC3", (8_000, 17_500), "start")
    log = Log()
    log.press(8 * S, "PC3", 2)
    log.press(17_500 * MS, "PC3", 3)
    assert [r.notes for r in score(stage_of(section), ACI, NOBODY, log.events).rows] == [
        ("missed",),
        ("missed",),
    ]
    log.press(0, "PC3", 1)  # pressed late in the log, but at its own instant
    rows = score(stage_of(section), ACI, NOBODY, log.events).rows
    assert [(r.reference_line, r.penalty) for r in rows] == [(1, 0), (1, 0)]


def test_a_time_control_across_midnight() -> None:
    log = Log()
    log.sync(0, tod(23, 59))
    log.press(150 * S, "CO1")  # 24:01:30 = 00:01:30 the next day
    (row,) = score(stage_of(TimeControl("CO1", tod(0, 1))), ACI, NOBODY, log.events).rows
    assert (row.measured_ms, row.deviation_ms, row.penalty) == (tod(0, 1), 0, 0)
    (row,) = score(stage_of(TimeControl("CO1", tod(23, 59))), ACI, NOBODY, log.events).rows
    assert (row.deviation_ms, row.penalty) == (120_000, 200)


SECTION_IDS = ["PC1", "PC2", "CO1", "PM1", "PC3", "CO2", "X"]
instants = st.integers(0, 7_200 * S)
events = st.lists(
    st.one_of(
        st.tuples(st.just("pass"), st.sampled_from(SECTION_IDS), st.integers(0, 5), instants),
        st.tuples(st.just("sync"), st.just(""), st.integers(0, 86_399_999), instants),
        st.tuples(st.just("void"), st.just(""), st.integers(0, 40), st.just(0)),
    ),
    max_size=40,
)


def _log_of(items: list[tuple[str, str, int, int]]) -> list[Event]:
    out: list[Event] = []
    for seq, (kind, section, number, t_ns) in enumerate(items, start=1):
        if kind == "pass":
            out.append(Pass(seq, t_ns, section, number))
        elif kind == "sync":
            out.append(Sync(seq, t_ns, number))
        else:
            out.append(Void(seq, number))
    return out


@given(events)
@settings(max_examples=150)
def test_any_log_gives_every_row_in_order_and_a_consistent_total(
    items: list[tuple[str, str, int, int]],
) -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    for rule_id in ("aci-2021", "year-factor", "tsd-cscc"):
        rules = load_rules(rule_id)
        result = score(stage, rules, Crew(year=1950), _log_of(items))
        assert len(result.rows) == 11
        assert all(row.penalty >= 0 for row in result.rows)
        counted = [r for r in result.rows if "discarded" not in r.notes]
        assert result.penalties == sum(r.penalty for r in counted)
        assert result.total == result.penalties * result.coefficient
        for row in result.rows:
            if row.measured_ms is None:
                assert row.penalty == rules.for_kind(row.kind).missed
                assert {"missed", "unsynced"} & set(row.notes)


# ---------------------------------------------------------------------------------------------
# Car factor, discards, points


def test_year_factor_drops_the_single_worst_timed_measurement() -> None:
    rules = load_rules("year-factor")
    result = timed(rules, [15.5, 21.2, 41.3], CHAIN)
    # segments: 15.50 for 15 s (+50), 5.70 for 6 s (-30), 20.10 for 20 s (+10)
    assert [r.penalty for r in result.rows] == [50, 30, 10]
    assert [r.notes for r in result.rows] == [("discarded",), (), ()]
    assert result.penalties == 40
    assert timed_total(rules, Crew(year=1934), [15.5, 21.2, 41.3]) == 40 * D("1.34")


def timed_total(rules: RuleSet, crew: Crew, seconds: list[float]) -> Decimal:
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC2", 1)
    for line, value in enumerate(seconds, start=2):
        log.press(round(value * S), "PC2", line)
    return score(stage_of(CHAIN), rules, crew, log.events).total


def test_year_factor_without_a_year_applies_none_and_says_so() -> None:
    result = timed(load_rules("year-factor"), [15.5, 21.2, 41.3], CHAIN)
    assert result.coefficient == 1
    assert result.messages == ("year factor: the car's year is not known, no factor applied",)


def test_mille_miglia_reports_the_coefficient_without_applying_it_to_penalties() -> None:
    mm = load_rules("mille-miglia")
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC1", 1)
    log.press(15_370 * MS, "PC1", 2)
    result = score(stage_of(PC), mm, Crew(coefficient=D("1.80")), log.events)
    assert (result.total, result.coefficient, result.car_factor) == (37, 1, D("1.80"))
    assert "coefficient 1.80 reported, not applied" in result.messages[0]


def test_a_points_table_gives_points_per_row_times_the_coefficient() -> None:
    text = resource("rules", "mille-miglia.rules.toml").read_text(encoding="utf-8")
    table = ", ".join(f'"{p}"' for p in [420, 395, 380, 370, 360, 350, 0])
    rules = parse_rules(text.replace('better = "lower"', f"points_table = [{table}]"), "mm-x")
    log = Log()
    log.sync(0, tod(10, 0))
    log.press(0, "PC2", 1)
    log.press(15 * S, "PC2", 2)  # 0 penalties: 420
    log.press(21_010 * MS, "PC2", 3)  # 1: 395
    log.press(41_100 * MS, "PC2", 4)  # 9: past the table: its last entry, 0
    result = score(stage_of(CHAIN), rules, Crew(coefficient=D("1.80")), log.events)
    assert [r.points for r in result.rows] == [420, 395, 0]
    assert result.points == 815
    assert result.total == 815 * D("1.80")
    assert result.higher_is_better


# ---------------------------------------------------------------------------------------------
# Ranking


def _result(
    penalties: list[int], *, year: int | None = None, points: list[int] | None = None
) -> StageResult:
    from mmtimer.core.results import ResultRow

    rows = tuple(
        ResultRow(
            "PC1",
            SectionKind.TIMED,
            i + 2,
            15_000,
            15_000,
            0,
            D(p),
            points=None if points is None else D(points[i]),
        )
        for i, p in enumerate(penalties)
    )
    total = D(sum(points)) if points is not None else D(sum(penalties))
    return StageResult(rows, total, "x", car_year=year, higher_is_better=points is not None)


def test_rank_orders_by_total_then_the_tsd_tie_break_chain() -> None:
    results = [
        ("squares", _result([0, 1, 5, 4])),  # 10: 1 zero, 1 one, squares 42
        ("ones", _result([0, 1, 1, 8])),  # 10: 1 zero, 2 ones
        ("zeros", _result([0, 0, 3, 7])),  # 10: 2 zeros
        ("best", _result([1, 1, 1, 1])),  # 4
        ("squares2", _result([0, 1, 6, 3])),  # 10: 1 zero, 1 one, squares 46
    ]
    ranked = rank(results, TSD)
    assert [(r.position, r.name) for r in ranked] == [
        (1, "best"),
        (2, "zeros"),
        (3, "ones"),
        (4, "squares"),
        (5, "squares2"),
    ]
    assert not any(r.tied for r in ranked)


def test_crews_the_chain_cannot_part_share_a_position() -> None:
    ranked = rank([("a", _result([2, 3])), ("b", _result([3, 2])), ("c", _result([9]))], TSD)
    assert [(r.position, r.name, r.tied) for r in ranked] == [
        (1, "a", True),
        (1, "b", True),
        (3, "c", False),
    ]


def test_older_car_breaks_a_tie_under_aci() -> None:
    ranked = rank(
        [
            ("new", _result([1, 2], year=1960)),
            ("old", _result([2, 1], year=1929)),
            ("?", _result([3, 0])),
        ],
        ACI,
    )
    assert [r.name for r in ranked] == ["?", "old", "new"]  # "?" has a zero


def test_with_points_higher_is_better() -> None:
    text = resource("rules", "mille-miglia.rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(text.replace('better = "lower"', 'points_table = ["420", "0"]'), "mm")
    ranked = rank(
        [("low", _result([1, 1], points=[0, 0])), ("high", _result([0, 0], points=[420, 420]))],
        rules,
    )
    assert [r.name for r in ranked] == ["high", "low"]


# ---------------------------------------------------------------------------------------------
# Live scoring during the stage


def test_live_scoring_leaves_what_is_not_reached_yet_pending() -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    rules = load_rules(stage.rules)
    log = Log()
    log.sync(0, tod(14, 30))
    log.press(0, "PC1", 1)
    log.press(15_020 * MS, "PC1", 2)
    log.press(21_010 * MS, "PC1", 3)
    log.press(60 * S, "PC2", 1)
    log.press(81_500 * MS, "PC2", 2)  # now driving towards PC2 line 3
    live = score(stage, rules, NOBODY, log.events, live=True)
    assert [(r.section, r.line, r.notes) for r in live.rows[:5]] == [
        ("PC1", 2, ()),
        ("PC1", 3, ()),
        ("PC2", 2, ()),
        ("PC2", 3, ("pending",)),
        ("PC2", 4, ("pending",)),
    ]
    assert all(r.notes == ("pending",) and r.penalty == 0 for r in live.rows[3:])
    assert live.total == 2 + 1 + 0
    final = score(stage, rules, NOBODY, log.events)
    assert final.total == 3 + 300 * 8


def test_live_scoring_still_misses_what_was_skipped() -> None:
    rules = load_rules("year-factor")
    log = Log()
    log.press(0, "PC2", 1)
    log.press(41 * S, "PC2", 4)  # lines 2 and 3 were skipped, line 4 reached
    rows = score(stage_of(CHAIN), rules, Crew(year=1971), log.events, live=True).rows
    # equal worst rows: the earliest is discarded
    assert [r.notes for r in rows] == [("missed", "discarded"), ("missed",), ()]
    empty = score(stage_of(CHAIN), rules, Crew(year=1971), [], live=True)
    assert [r.notes for r in empty.rows] == [("pending",)] * 3  # pending is never discarded
    assert empty.total == 0
