"""Leg factors and the maximum lateness of time controls: the stage fields, the rule-set keys
that allow them, and how scoring and the CSV show them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.csvout import results_csv
from mmtimer.core.errors import InputError
from mmtimer.core.events import Event, Pass, Sync
from mmtimer.core.legs import BEYOND_MAX, Leg
from mmtimer.core.results import StageResult
from mmtimer.core.rules import RuleSet, load_rules, parse_rules
from mmtimer.core.scoring import ScoreFold, score
from mmtimer.core.stage import (
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    parse_stage,
    stage_from_json,
    stage_to_json,
    stage_to_toml,
)
from mmtimer.paths import resource
from tests.core.test_stage import stages

D = Decimal
MS = 1_000_000
S = 1_000 * MS
MCH = load_rules("monte-carlo-historique")
ACI = load_rules("aci-2021")
TSD = load_rules("tsd-cscc")


def tod(h: int, m: int, s: int = 0) -> int:
    return ((h * 60 + m) * 60 + s) * 1000


HEAD = 'format = "mmtimer-stage/1"\nname = "Concentration"\nrules = "monte-carlo-historique"\n'


def co(section_id: str, due: str, extra: str = "") -> str:
    return f'\n[[section]]\nid = "{section_id}"\nkind = "time-control"\ndue = "{due}"\n{extra}'


PC = '\n[[section]]\nid = "PC1"\nkind = "timed"\ntargets = ["15.00"]\n'
CONCENTRATION = (
    HEAD
    + co("CO1", "10:00")
    + PC
    + co("CO2", "11:00")
    + co("CO3", "12:00")
    + '\n[[leg]]\nname = "concentration"\nfrom = "CO1"\nto = "CO2"\nfactor = "0.5"\n'
)


def hand_in(stage: Stage, rules: RuleSet, **official_ms: int) -> StageResult:
    """Sync at 08:00, then hand in each named control at its official time."""
    events: list[Event] = [Sync(1, 0, tod(8, 0))]
    for section_id, ms in official_ms.items():
        events.append(Pass(len(events) + 1, (ms - tod(8, 0)) * MS, section_id, 1))
    return score(stage, rules, Crew(), events)


def rows_by_section(result: StageResult) -> dict[str, tuple[Decimal, tuple[str, ...]]]:
    return {row.section: (row.penalty, row.notes) for row in result.rows}


# ---------------------------------------------------------------------------------------------
# The stage fields


def test_a_leg_covers_the_time_controls_from_its_first_to_its_last_section() -> None:
    stage = parse_stage(CONCENTRATION, "mch.stage.toml")
    assert stage.legs == (Leg("CO1", "CO2", D("0.5"), "concentration"),)
    terms = stage.control_terms()
    assert sorted(terms) == ["CO1", "CO2"]
    assert terms["CO1"].leg_factor == terms["CO2"].leg_factor == D("0.5")
    assert terms["CO1"].leg == "concentration"


def test_a_single_time_control_may_carry_its_own_factor_and_maximum() -> None:
    text = HEAD + "max_late_min = 30\n" + co("CO1", "10:00", 'leg_factor = "0.5"\n')
    text += co("CO2", "11:00", "max_late_min = 15\n") + co("CO3", "12:00")
    stage = parse_stage(text, "x.stage.toml")
    first, second, _ = stage.sections
    assert first == TimeControl("CO1", tod(10, 0), leg_factor=D("0.5"))
    assert second == TimeControl("CO2", tod(11, 0), max_late_min=15)
    assert stage.max_late_min == 30
    terms = stage.control_terms()
    assert (terms["CO1"].leg_factor, terms["CO1"].max_late_min) == (D("0.5"), 30)
    assert (terms["CO2"].leg_factor, terms["CO2"].max_late_min) == (None, 15)
    assert (terms["CO3"].leg_factor, terms["CO3"].max_late_min) == (None, 30)


@pytest.mark.parametrize("name", ["mille-miglia-day1.stage.toml", "tsd-club.stage.toml"])
def test_older_stages_stay_valid_and_have_no_terms(name: str) -> None:
    stage = load_stage(resource("stages", name))
    assert stage.legs == ()
    assert stage.max_late_min is None
    assert stage.control_terms() == {}
    assert "leg" not in stage_to_json(stage)
    assert "max_late_min" not in stage_to_json(stage)


@st.composite
def stages_with_terms(draw: st.DrawFn) -> Stage:
    stage = draw(stages())
    sections = list(stage.sections)
    for index, section in enumerate(sections):
        if isinstance(section, TimeControl) and draw(st.booleans()):
            sections[index] = TimeControl(
                section.id,
                section.due_ms,
                draw(st.none() | st.sampled_from([D("0.5"), D("2"), D("0.25")])),
                draw(st.none() | st.integers(0, 120)),
            )
    legs: list[Leg] = []
    start = 0
    while start < len(sections) and draw(st.booleans()):
        end = draw(st.integers(start, len(sections) - 1))
        inside = sections[start : end + 1]
        if not any(isinstance(s, TimeControl) and s.leg_factor is not None for s in inside):
            name = draw(st.sampled_from(["", "concentration"]))
            legs.append(Leg(sections[start].id, sections[end].id, D("0.5"), name))
        start = end + 1
    return Stage(
        stage.name,
        stage.rules,
        tuple(sections),
        legs=tuple(legs),
        max_late_min=draw(st.none() | st.integers(0, 60)),
    )


@given(stages_with_terms())
@settings(max_examples=80)
def test_legs_and_maximums_round_trip_through_json_and_toml(stage: Stage) -> None:
    assert stage_from_json(stage_to_json(stage), "header") == stage
    assert parse_stage(stage_to_toml(stage), "saved.stage.toml") == stage


LEG = '\n[[leg]]\nfrom = "CO1"\nto = "CO2"\nfactor = "0.5"\n'
TWO = HEAD + co("CO1", "10:00") + co("CO2", "11:00")


@pytest.mark.parametrize(
    ("text", "needle", "key", "message"),
    [
        (TWO + LEG.replace('"CO2"', '"CO9"'), 'to = "CO9"', "leg[1].to", "no section 'CO9'"),
        (
            TWO + LEG.replace('from = "CO1"\nto = "CO2"', 'from = "CO2"\nto = "CO1"'),
            'to = "CO1"',
            "leg[1].to",
            "comes before",
        ),
        (TWO + LEG.replace('"0.5"', '"0"'), 'factor = "0"', "leg[1].factor", "above 0"),
        (TWO + LEG.replace('"0.5"', '"0,5"'), 'factor = "0,5"', "leg[1].factor", "comma"),
        (TWO + LEG.replace('factor = "0.5"\n', ""), "[[leg]]", "leg[1].factor", "missing"),
        (TWO + LEG + 'colour = "red"\n', "colour", "leg[1].colour", "unknown key"),
        (TWO + LEG + LEG.replace('"CO1"', '"CO2"'), "[[leg]]", "leg[2]", "overlaps leg 1"),
        (
            HEAD + co("CO1", "10:00", 'leg_factor = "0.5"\n') + co("CO2", "11:00") + LEG,
            "[[leg]]",
            "leg[1]",
            "its own leg_factor",
        ),
        (
            HEAD + co("CO1", "10:00", 'leg_factor = "-1"\n'),
            "leg_factor",
            "section[1].leg_factor",
            "above 0",
        ),
        (
            HEAD + co("CO1", "10:00", 'max_late_min = "15:00"\n'),
            "max_late_min",
            "section[1].max_late_min",
            "whole minutes",
        ),
        (HEAD + "max_late_min = -1\n" + co("CO1", "10:00"), "max_late_min", "max_late_min", "0 to"),
        (
            HEAD + f'max_late_min = "{"9" * 5000}"\n' + co("CO1", "10:00"),
            "max_late_min",
            "max_late_min",
            "whole minutes",
        ),
        (
            HEAD + 'max_late_min = "\u0661\u0665"\n' + co("CO1", "10:00"),
            "max_late_min",
            "max_late_min",
            "whole minutes",
        ),
        (
            HEAD + 'max_late_min = "15"\n' + co("CO1", "10:00", "max_late_min = 99999\n"),
            "max_late_min = 99999",
            "section[1].max_late_min",
            "0 to",
        ),
        (
            HEAD + "max_late_min = 1.5\n" + co("CO1", "10:00"),
            "max_late_min",
            "max_late_min",
            "whole",
        ),
        (
            HEAD
            + '\n[[section]]\nid = "PC1"\nkind = "timed"\ntargets = ["1"]\nleg_factor = "0.5"\n',
            "leg_factor",
            "section[1].leg_factor",
            "unknown key",
        ),
    ],
)
def test_bad_terms_name_the_file_line_and_key(
    tmp_path: Path, text: str, needle: str, key: str, message: str
) -> None:
    path = tmp_path / "bad.stage.toml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as caught:
        load_stage(path)
    error = caught.value
    line = next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)
    if needle == "[[leg]]" and key == "leg[2]":
        line = [n for n, row in enumerate(text.splitlines(), 1) if row == "[[leg]]"][1]
    assert (error.source, error.key) == (str(path), key), str(error)
    assert error.line == line, str(error)
    assert message in error.message, str(error)
    assert "\n" not in str(error)
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------------------
# The rule-set keys


def test_the_built_in_sets_allow_what_their_sources_say() -> None:
    assert MCH.time_control.leg_factors == (D("0.5"),)  # the 2011 note: halved on concentration
    assert MCH.time_control.beyond_max_late is None
    assert ACI.time_control.leg_factors == ()
    assert ACI.time_control.beyond_max_late == 1000  # art. 8.20: exclusion or 1000
    for rule_id in ("mille-miglia", "tsd-cscc", "year-factor"):
        rules = load_rules(rule_id).time_control
        assert (rules.leg_factors, rules.beyond_max_late) == ((), None)
    assert MCH.time_control.allows_leg_factor(D("0.50"))
    assert ACI.time_control.allows_leg_factor(D(1))
    assert not ACI.time_control.allows_leg_factor(D("0.5"))


GOOD = resource("rules", "aci-2021.rules.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("new", "key", "message"),
    [
        ('leg_factors = ["0"]', "time_control.leg_factors[1]", "above 0"),
        ('leg_factors = ["0.5", "0.50"]', "time_control.leg_factors[2]", "listed twice"),
        ('leg_factors = "0.5"', "time_control.leg_factors", "array"),
        ('leg_factors = ["half"]', "time_control.leg_factors[1]", ""),
    ],
)
def test_bad_leg_factors_in_a_rule_set_name_the_key(new: str, key: str, message: str) -> None:
    text = GOOD.replace("leg_factors = []", new)
    with pytest.raises(InputError) as caught:
        parse_rules(text, "x.rules.toml")
    assert caught.value.key == key
    assert message in caught.value.message


def test_a_bad_beyond_max_late_names_the_key() -> None:
    text = GOOD.replace('beyond_max_late = "1000"', 'beyond_max_late = "exclusion"')
    with pytest.raises(InputError) as caught:
        parse_rules(text, "x.rules.toml")
    assert caught.value.key == "time_control.beyond_max_late"
    text = GOOD.replace('beyond_max_late = "1000"', 'beyond_max_late = "200"')
    with pytest.raises(InputError, match="at least the late cap") as caught:
        parse_rules(text, "x.rules.toml")
    assert caught.value.key == "time_control.beyond_max_late"
    with pytest.raises(InputError, match="unknown key"):
        parse_rules(GOOD.replace("ideal_rounding", "leg_factors = []\nideal_rounding"), "x")


# ---------------------------------------------------------------------------------------------
# Scoring and the CSV


def test_the_concentration_leg_halves_its_time_control_penalties() -> None:
    stage = parse_stage(CONCENTRATION, "mch.stage.toml")
    result = hand_in(stage, MCH, CO1=tod(10, 2, 10), CO2=tod(11, 7), CO3=tod(12, 2))
    rows = rows_by_section(result)
    assert rows["CO1"] == (50 * 2, ("leg factor 0.5",))  # 2 min late: 200, halved
    assert rows["CO2"] == (150, ("capped", "leg factor 0.5"))  # the cap 300, halved
    assert rows["PC1"] == (300, ("missed",))  # a timed trial inside the leg keeps its rate
    assert rows["CO3"] == (200, ())  # after the leg: the full rate
    assert result.total == 100 + 150 + 300 + 200
    assert result.messages == ()


def test_a_missed_control_in_the_leg_is_halved_too() -> None:
    stage = parse_stage(CONCENTRATION, "mch.stage.toml")
    rows = rows_by_section(hand_in(stage, MCH, CO2=tod(11, 0)))
    assert rows["CO1"] == (150, ("missed", "leg factor 0.5"))
    assert rows["CO2"] == (0, ("leg factor 0.5",))


def test_a_factor_the_rule_set_does_not_allow_is_not_applied_and_said() -> None:
    stage = parse_stage(CONCENTRATION.replace("monte-carlo-historique", "aci-2021"), "x")
    result = hand_in(stage, ACI, CO1=tod(10, 2, 10), CO2=tod(11, 0), CO3=tod(12, 0))
    rows = rows_by_section(result)
    assert rows["CO1"] == (200, ("leg factor 0.5 not allowed",))
    assert result.messages == (
        "CO1: leg factor 0.5 (concentration) not applied: aci-2021 allows none for time controls",
        "CO2: leg factor 0.5 (concentration) not applied: aci-2021 allows none for time controls",
    )


def _aci_with_max(max_late: str) -> Stage:
    text = HEAD.replace("monte-carlo-historique", "aci-2021") + max_late + co("CO1", "10:00")
    return parse_stage(text, "aci.stage.toml")


@pytest.mark.parametrize(
    ("official", "penalty", "notes"),
    [
        (tod(10, 3, 0), 300, ()),
        (tod(10, 15, 59), 300, ("capped",)),  # 15 minutes late: within the maximum of 15
        (tod(10, 16, 0), 1000, (BEYOND_MAX,)),  # 16 minutes: beyond, art. 8.20's 1000
        (tod(11, 30, 0), 1000, (BEYOND_MAX,)),
        (tod(9, 40, 0), 2000, ()),  # early has no maximum: 20 minutes early = 2000
    ],
)
def test_aci_beyond_the_maximum_time_scores_1000(
    official: int, penalty: int, notes: tuple[str, ...]
) -> None:
    (row,) = hand_in(_aci_with_max("max_late_min = 15\n"), ACI, CO1=official).rows
    assert (row.penalty, row.notes) == (penalty, notes)


def test_without_a_maximum_aci_scores_any_lateness_as_late() -> None:
    (row,) = hand_in(_aci_with_max(""), ACI, CO1=tod(11, 30)).rows
    assert (row.penalty, row.notes) == (300, ("capped",))


def test_a_rule_set_that_states_no_outcome_scores_as_late_and_says_so() -> None:
    stage = parse_stage(HEAD + co("CO1", "10:00", "max_late_min = 5\n"), "x")
    result = hand_in(stage, MCH, CO1=tod(10, 6))
    assert rows_by_section(result)["CO1"] == (300, ("capped",))
    assert result.messages == (
        "CO1: 6 min late, beyond the stage's maximum of 5 min, but monte-carlo-historique "
        "states no penalty beyond the maximum time: scored as late",
    )


def test_the_leg_factor_does_not_scale_the_penalty_beyond_the_maximum() -> None:
    text = resource("rules", "monte-carlo-historique.rules.toml").read_text(encoding="utf-8")
    allowed = '\nleg_factors = ["0.5"]\n'
    assert allowed in text
    rules = parse_rules(
        text.replace(allowed, allowed + 'beyond_max_late = "1000"\n'), "mch-copy.rules.toml"
    )
    stage = parse_stage(CONCENTRATION.replace(HEAD, HEAD + "max_late_min = 10\n"), "x")
    rows = rows_by_section(hand_in(stage, rules, CO1=tod(10, 11), CO2=tod(11, 10)))
    assert rows["CO1"] == (1000, (BEYOND_MAX,))
    assert rows["CO2"] == (150, ("capped", "leg factor 0.5"))


def test_the_csv_note_says_what_was_applied() -> None:
    stage = parse_stage(CONCENTRATION.replace(HEAD, HEAD + "max_late_min = 30\n"), "x")
    result = hand_in(stage, MCH, CO1=tod(10, 1), CO2=tod(11, 5), CO3=tod(12, 45))
    lines = results_csv(result).lstrip("\ufeff").splitlines()
    assert lines[1] == "CO1,time-control,1,10:00:00.00,10:01:00.00,60.00,50,leg factor 0.5"
    assert lines[3] == (
        'CO2,time-control,1,11:00:00.00,11:05:00.00,300.00,150,"capped, leg factor 0.5"'
    )
    assert lines[4].startswith("CO3,time-control,1,12:00:00.00,12:45:00.00,2700.00,300,")
    aci = hand_in(_aci_with_max("max_late_min = 30\n"), ACI, CO1=tod(10, 45))
    assert results_csv(aci).splitlines()[1].endswith(",1000,beyond max time")


def test_a_fractional_product_keeps_its_places_in_both_locales() -> None:
    text = resource("rules", "tsd-cscc.rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(
        text.replace("[average]", 'leg_factors = ["0.5"]\n\n[average]'), "tsd.rules.toml"
    )
    stage = parse_stage(
        HEAD.replace("monte-carlo-historique", "tsd-cscc")
        + co("CO1", "10:00", 'leg_factor = "0.5"\n'),
        "x",
    )
    result = hand_in(stage, rules, CO1=tod(10, 0, 1) + 800)  # 3 cents late: 3 x 0.5
    (row,) = result.rows
    assert row.penalty == D("1.5")
    assert results_csv(result).splitlines()[1].split(",")[6] == "1.5"
    assert results_csv(result, "eu").splitlines()[1].split(";")[6] == "1,5"


def test_the_score_fold_applies_the_same_terms() -> None:
    stage = parse_stage(CONCENTRATION.replace(HEAD, HEAD + "max_late_min = 4\n"), "x")
    events: list[Event] = [
        Sync(1, 0, tod(8, 0)),
        Pass(2, (tod(10, 3) - tod(8, 0)) * MS, "CO1", 1),
        Pass(3, (tod(10, 20) - tod(8, 0)) * MS, "PC1", 1),
        Pass(4, (tod(10, 20) - tod(8, 0)) * MS + 16 * S, "PC1", 2),
        Pass(5, (tod(11, 9) - tod(8, 0)) * MS, "CO2", 1),
    ]
    fold = ScoreFold(stage)
    for event in events:
        fold.apply(event)
        for rules in (MCH, ACI):
            assert fold.result(rules, Crew()) == score(stage, rules, Crew(), events[: fold.count])
    live = score(stage, MCH, Crew(), events[:2], live=True)
    assert [row.notes for row in live.rows] == [("leg factor 0.5",), ("pending",)] + [
        ("pending",)
    ] * 2


def test_sections_outside_any_leg_are_untouched() -> None:
    stage = Stage(
        "s",
        "monte-carlo-historique",
        (TimedSection("PC1", (15_000,)), TimeControl("CO1", tod(10, 0))),
    )
    assert stage.control_terms() == {}
    (_, row) = hand_in(stage, MCH, CO1=tod(10, 1)).rows
    assert (row.penalty, row.notes) == (100, ())


@given(
    st.integers(0, 90),
    st.integers(-3600, 3 * 3600),  # hand_in syncs at 08:00, so from 09:00 on
    st.integers(-3600, 3 * 3600),  # hand_in syncs at 08:00, so from 09:00 on
    st.sampled_from(["monte-carlo-historique", "aci-2021"]),
)
@settings(max_examples=150)
def test_a_later_hand_in_never_costs_less(
    max_late: int, first_s: int, second_s: int, rule_id: str
) -> None:
    early_s, late_s = sorted((first_s, second_s))
    if early_s < 0 < late_s:
        return  # early and late are scored on two sides: only each side rises
    text = HEAD.replace("monte-carlo-historique", rule_id) + f"max_late_min = {max_late}\n"
    stage = parse_stage(text + co("CO1", "10:00", 'leg_factor = "0.5"\n'), "x")
    rules = load_rules(rule_id)
    penalties = [
        hand_in(stage, rules, CO1=tod(10, 0) + seconds * 1000).rows[0].penalty
        for seconds in (early_s, late_s)
    ]
    if late_s <= 0:
        assert penalties[0] >= penalties[1]  # earlier is worse
    else:
        assert penalties[0] <= penalties[1]  # later is worse
