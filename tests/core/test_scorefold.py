"""ScoreFold: scoring a log one event at a time gives what `score` gives, at every prefix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.crew import Crew
from mmtimer.core.events import Event, Other, Pass, Sync, Void
from mmtimer.core.pacer import START_EVENT
from mmtimer.core.rules import load_rules
from mmtimer.core.scoring import NotCausalError, ScoreFold, score
from mmtimer.core.stage import Stage, load_stage, parse_stage
from mmtimer.paths import resource

S = 1_000_000_000
SECTION_IDS = ["PC1", "PC2", "CO1", "PM1", "PC3", "CO2", "X"]
STAGE = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
instants = st.integers(0, 7_200 * S)
items = st.lists(
    st.one_of(
        st.tuples(st.just("pass"), st.sampled_from(SECTION_IDS), st.integers(0, 5), instants),
        # lines pressed again and again, so that several lines are re-done and voided
        st.tuples(st.just("pass"), st.sampled_from(["PC1", "PC2"]), st.integers(1, 2), instants),
        st.tuples(st.just("sync"), st.just(""), st.integers(0, 86_399_999), instants),
        # a void names an earlier seq (any type: a pass, a void, a sync, a note) or none at all
        st.tuples(st.just("void"), st.just(""), st.integers(0, 60), st.just(0)),
        st.tuples(st.just("note"), st.just(""), st.just(0), instants),
        # an undo (FORMATS.md section 6) names an earlier seq of any type, as a void does
        st.tuples(st.just("undo"), st.just(""), st.integers(0, 60), instants),
        # a skip (N) leaves its line missed at once, until it is undone
        st.tuples(st.just("skip"), st.sampled_from(SECTION_IDS), st.integers(0, 5), instants),
    ),
    max_size=45,
)


def causal_log(drawn: list[tuple[str, str, int, int]], gap: int) -> list[Event]:
    """Rising seqs (with a jump of `gap` after the first event); voids name earlier seqs."""
    out: list[Event] = []
    seq = 0
    for index, (kind, section, number, t_ns) in enumerate(drawn):
        seq += 1 + (gap if index == 1 else 0)
        if kind == "pass":
            out.append(Pass(seq, t_ns, section, number))
        elif kind == "sync":
            out.append(Sync(seq, t_ns, number))
        elif kind == "void":
            out.append(Void(seq, number % seq if seq > 1 else 0))
        elif kind == "undo":
            out.append(Other(seq, "undo", {"ref": number % seq if seq > 1 else 0}, t_ns))
        elif kind == "skip":
            data = {"action": "skip", "skipped_section": section, "skipped_line": number}
            out.append(Other(seq, "navigate", {**data, "section": None, "line": None}, t_ns))
        else:
            out.append(Other(seq, "note", {"text": "n"}, t_ns))
    return out


@given(items, st.integers(0, 3), st.lists(st.integers(0, 45), max_size=4))
@settings(max_examples=120, deadline=None)
def test_every_prefix_and_every_snapshot_scores_as_score_does(
    drawn: list[tuple[str, str, int, int]], gap: int, snapshot_at: list[int]
) -> None:
    events = causal_log(drawn, gap)
    crew = Crew(year=1950, coefficient=None)
    rule_sets = [load_rules(r) for r in ("aci-2021", "year-factor", "tsd-cscc")]
    fold = ScoreFold(STAGE)
    snapshots: list[tuple[int, ScoreFold]] = []
    for count in range(len(events) + 1):
        if count:
            fold.apply(events[count - 1])
        assert fold.count == count
        if count in snapshot_at:
            snapshots.append((count, fold.snapshot()))
        for rules in rule_sets:
            for live in (False, True):
                expected = score(STAGE, rules, crew, events[:count], live=live)
                assert fold.result(rules, crew, live=live) == expected
    # a snapshot carries on from where it was taken and gives the same answers
    for start, snap in snapshots:
        for event in events[start:]:
            snap.apply(event)
        rules = rule_sets[0]
        assert snap.result(rules, crew) == score(STAGE, rules, crew, events)
        assert snap.result(rules, crew, live=True) == fold.result(rules, crew, live=True)


def test_a_snapshot_is_independent_of_the_fold_it_came_from() -> None:
    rules = load_rules("aci-2021")
    events: list[Event] = [Sync(1, 0, 36_000_000), Pass(2, 5 * S, "PC1", 1)]
    events += [Pass(3, 20 * S, "PC1", 2), Void(4, 3), Pass(5, 21 * S, "PC1", 2)]
    fold = ScoreFold(STAGE)
    for event in events[:3]:
        fold.apply(event)
    early = fold.snapshot()
    for event in events[3:]:
        fold.apply(event)
    assert early.result(rules, Crew()) == score(STAGE, rules, Crew(), events[:3])
    assert fold.result(rules, Crew()) == score(STAGE, rules, Crew(), events)


def test_a_log_that_is_not_causal_is_refused_before_anything_changes() -> None:
    rules = load_rules("aci-2021")
    fold = ScoreFold(STAGE)
    fold.apply(Pass(2, 0, "PC1", 1))
    with pytest.raises(NotCausalError, match="does not rise"):
        fold.apply(Pass(2, S, "PC1", 2))
    with pytest.raises(NotCausalError, match="not before it"):
        fold.apply(Void(3, 5))
    assert fold.count == 1
    assert fold.result(rules, Crew()) == score(STAGE, rules, Crew(), [Pass(2, 0, "PC1", 1)])


def test_a_snapshot_fed_other_events_says_so() -> None:
    fold = ScoreFold(STAGE)
    fold.apply(Pass(1, 0, "PC1", 1))
    copy = fold.snapshot()
    fold.apply(Pass(2, S, "PC1", 2))
    with pytest.raises(ValueError, match="seq 2"):
        copy.apply(Pass(2, 2 * S, "PC1", 2))


# -- the rows a fold keeps between results -------------------------------------------------------
LEGS = parse_stage(
    'format = "mmtimer-stage/1"\nname = "legs"\nrules = "monte-carlo-historique"\n'
    "max_late_min = 15\n"
    '[[section]]\nid = "PC1"\nkind = "timed"\ntargets = ["15.00", "6.00"]\n'
    '[[section]]\nid = "CO1"\nkind = "time-control"\ndue = "00:10"\n'
    '[[section]]\nid = "CO2"\nkind = "time-control"\ndue = "00:40"\nmax_late_min = 5\n'
    '[[section]]\nid = "PM1"\nkind = "average"\nstart = "press"\nspeed_kmh = "36"\n'
    'checks_km = ["1.000", "2.000"]\n'
    '[[section]]\nid = "PC2"\nkind = "timed"\ntargets = ["9.00", "19.00"]\n'
    'targets_from = "start"\n'
    '[[section]]\nid = "CO3"\nkind = "time-control"\ndue = "01:10"\n'
    '[[leg]]\nfrom = "CO1"\nto = "CO2"\nfactor = "0.5"\n',
    "<legs>",
)
LEG_IDS = [s.id for s in LEGS.sections]
kept_items = st.lists(
    st.one_of(
        st.tuples(st.just("pass"), st.sampled_from(LEG_IDS), st.integers(0, 3), instants),
        st.tuples(st.just("pass"), st.sampled_from(SECTION_IDS), st.integers(1, 4), instants),
        st.tuples(st.just("sync"), st.just(""), st.integers(0, 86_399_999), instants),
        st.tuples(st.just("void"), st.just(""), st.integers(0, 60), st.just(0)),
        st.tuples(st.just("start"), st.sampled_from(["PM1", "PC1"]), st.just(0), instants),
        st.tuples(st.just("undo"), st.just(""), st.integers(0, 60), instants),
        st.tuples(st.just("skip"), st.sampled_from(LEG_IDS), st.integers(0, 3), instants),
    ),
    max_size=40,
)


def with_starts(drawn: list[tuple[str, str, int, int]]) -> list[Event]:
    """Events with start presses; an undo names one of the three events before it."""
    drawn = [
        (kind, section, max(0, index - number % 3), t)
        if kind == "undo"
        else (kind, section, number, t)
        for index, (kind, section, number, t) in enumerate(drawn)
    ]
    events = causal_log([d if d[0] != "start" else ("note", *d[1:]) for d in drawn], 0)
    return [
        Other(e.seq, START_EVENT, {"section": d[1]}, d[3]) if d[0] == "start" else e
        for e, d in zip(events, drawn, strict=True)
    ]


@given(kept_items, st.sampled_from([STAGE, LEGS]))
@settings(max_examples=150, deadline=None)
def test_a_fold_asked_after_every_event_scores_as_score_does(
    drawn: list[tuple[str, str, int, int]], stage: Stage
) -> None:
    """The rows a fold keeps from one result to the next (per rule set and `live`) give, after
    every event, exactly what `score` of the prefix gives: every row, the messages, and the sums
    to the digit (a sum kept as rows come and go has the exponent `sum` gives)."""
    events = with_starts(drawn)
    crew = Crew(year=1950, coefficient=Decimal("1.5"))
    rule_sets = [load_rules(r) for r in ("aci-2021", "year-factor", "mille-miglia", "tsd-cscc")]
    rule_sets.append(load_rules("monte-carlo-historique"))
    folds = {(i, live): ScoreFold(stage) for i in range(len(rule_sets)) for live in (False, True)}
    for count in range(len(events) + 1):
        for (i, live), fold in folds.items():
            if count:
                fold.apply(events[count - 1])
            got = fold.result(rule_sets[i], crew, live=live)
            expected = score(stage, rule_sets[i], crew, events[:count], live=live)
            assert got == expected
            assert (str(got.total), str(got.penalties), str(got.points)) == (
                str(expected.total),
                str(expected.penalties),
                str(expected.points),
            )


def test_a_press_rescores_only_its_section() -> None:
    """The rows of every other section are the very objects of the result before."""
    rules = load_rules("aci-2021")
    fold = ScoreFold(STAGE)
    fold.apply(Sync(1, 0, 36_000_000))
    fold.apply(Pass(2, 5 * S, "PC1", 1))
    before = fold.result(rules, Crew(), live=True)
    fold.apply(Pass(3, 20 * S, "PC1", 2))
    after = fold.result(rules, Crew(), live=True)
    assert after == score(
        STAGE,
        rules,
        Crew(),
        [Sync(1, 0, 36_000_000), Pass(2, 5 * S, "PC1", 1), Pass(3, 20 * S, "PC1", 2)],
        live=True,
    )
    changed = [
        i for i, (a, b) in enumerate(zip(before.rows, after.rows, strict=True)) if a is not b
    ]
    assert changed == [0]  # PC1 line 2; PC1 line 3 stays pending, the same row
