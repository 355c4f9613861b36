"""The stage editor's rows (core/stagerows.py): stage -> rows -> stage, texts as typed, problems
in the loader's words with their column."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mmtimer.core.stage import (
    AverageTrial,
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    parse_stage,
)
from mmtimer.core.stagerows import (
    Problem,
    Row,
    check_row,
    check_rows,
    row_from_section,
    rows_from_stage,
    template_row,
)
from mmtimer.core.stagewrite import stage_text
from mmtimer.paths import resource
from tests.core.test_stage import stages


@given(stages(), st.booleans())
@settings(max_examples=150, deadline=None)
def test_editor_rows_to_file_to_loader_give_the_same_stage(stage: Stage, commas: bool) -> None:
    rows = rows_from_stage(stage)
    if commas:  # the navigator types decimal commas
        rows = [
            Row(
                {
                    k: (
                        v.replace(".", ",")
                        if k not in ("id", "kind", "due", "start", "landmarks")
                        else v
                    )
                    for k, v in r.cells.items()
                },
                r.origin,
            )
            for r in rows
        ]
    checked = check_rows(
        stage.name, stage.rules, rows, legs=stage.legs, max_late_min=stage.max_late_min
    )
    assert checked.stage == stage, (checked.row_problems, checked.stage_problem)
    assert parse_stage(stage_text(checked.stage), "x") == stage


def test_example_stages_through_the_rows() -> None:
    for path in sorted(resource("stages").glob("*.stage.toml")):
        stage = load_stage(path)
        checked = check_rows(
            stage.name,
            stage.rules,
            rows_from_stage(stage),
            path.parent,
            legs=stage.legs,
            max_late_min=stage.max_late_min,
        )
        assert checked.stage == stage


@pytest.mark.parametrize(
    ("cells", "section"),
    [
        (
            {"id": "PC1", "kind": "PC", "targets": "15,00 6,00"},
            TimedSection("PC1", (15_000, 6_000)),
        ),
        (
            {"id": "PC1", "kind": "timed", "targets": "1'05\"40; 2:02,50", "from": "dal via"},
            TimedSection("PC1", (65_400, 122_500), "start"),
        ),
        ({"id": "CO1", "kind": "CO", "due": "10.42"}, TimeControl("CO1", (10 * 60 + 42) * 60_000)),
        (
            {"id": "CO1", "kind": "time-control", "due": "10:42", "leg_factor": "0,5"},
            TimeControl("CO1", (10 * 60 + 42) * 60_000, Decimal("0.5")),
        ),
        (
            {
                "id": "PM1",
                "kind": "media",
                "start": "10:50",
                "speeds": "40 3,000=35",
                "checks": "2,350 5,8",
            },
            AverageTrial(
                "PM1",
                (10 * 60 + 50) * 60_000,
                ((0, Decimal("40")), (3_000, Decimal("35"))),
                (2_350, 5_800),
            ),
        ),
    ],
)
def test_rows_as_typed(cells: dict[str, str], section: object) -> None:
    assert check_row(Row(cells)) == section


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        (
            {"id": "PC1", "kind": "timed", "targets": "15,00 1:75,00"},
            "targets",
            "seconds must be below 60",
        ),
        ({"id": "PC1", "kind": "timed", "targets": ""}, "targets", "missing"),
        ({"id": "PC1", "kind": "timed", "targets": "0"}, "targets", "more than 0 s"),
        (
            {"id": "PC1", "kind": "timed", "targets": "9 8", "from": "start"},
            "targets",
            "later than the one before",
        ),
        ({"id": "CO1", "kind": "time-control", "due": "25:00"}, "due", "not a valid 24 h time"),
        (
            {"id": "PM1", "kind": "average", "start": "10:00", "speeds": "0", "checks": "1"},
            "speeds",
            "above 0",
        ),
        (
            {"id": "PM1", "kind": "average", "start": "10:00", "speeds": "40", "checks": "3 2"},
            "checks",
            "each further",
        ),
        ({"id": "X", "kind": "nonsense"}, "kind", "is not one of"),
        ({"id": "", "kind": "timed"}, "id", "missing"),
    ],
)
def test_problems_name_their_column_in_the_loaders_words(
    cells: dict[str, str], column: str, words: str
) -> None:
    problem = check_row(Row(cells))
    assert isinstance(problem, Problem)
    assert problem.column == column and words in problem.message


def test_duplicate_ids_and_stage_problems() -> None:
    rows = [
        Row({"id": "PC1", "kind": "timed", "targets": "1"}),
        Row({"id": "PC1", "kind": "timed", "targets": "2"}),
    ]
    checked = check_rows("Day", "aci-2021", rows)
    assert checked.stage is None
    assert checked.row_problems[0] is None
    assert checked.row_problems[1] == Problem("id", "duplicate id 'PC1' (also section 1)")
    checked = check_rows("Day", "nope", rows[:1])
    assert checked.stage_problem is not None and checked.stage_problem.column == "rules"
    assert "unknown rule set 'nope'" in checked.stage_problem.message
    assert check_rows("Day", "aci-2021", []).stage_problem is not None


def test_templates_take_the_next_free_id() -> None:
    rows = [Row({"id": "PC1"}), Row({"id": "PC3"}), Row({"id": "CO1"})]
    assert template_row("timed", rows).text("id") == "PC4"
    assert template_row("time-control", rows).text("id") == "CO2"
    assert template_row("average", rows).text("id") == "PM1"
    for kind in ("timed", "time-control", "average"):
        assert not isinstance(check_row(template_row(kind, rows)), Problem)


def test_a_row_keeps_where_it_came_from() -> None:
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    rows = rows_from_stage(stage)
    assert [r.origin for r in rows] == list(range(len(stage.sections)))
    assert row_from_section(stage.sections[0]).origin is None
    assert replace(rows[0]).with_text("id", "PC9").origin == 0


def test_the_stage_gps_key_goes_through_the_rows() -> None:
    stage = Stage("Day", "aci-2021", (TimeControl("CO1", 36_000_000),), gps_allowed=False)
    checked = check_rows("Day", "aci-2021", rows_from_stage(stage), gps_allowed=False)
    assert checked.stage == stage
    assert not checked.stage.gps_allowed
    text = stage_text(checked.stage)
    assert "gps = false" in text
    assert parse_stage(text, "x") == stage
    allowed = check_rows("Day", "aci-2021", rows_from_stage(stage))
    assert allowed.stage is not None and allowed.stage.gps_allowed
