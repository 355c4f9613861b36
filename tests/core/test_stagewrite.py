"""Writing stages that keep the navigator's comments and layout (tomlkit)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtimer.core.stage import (
    AverageTrial,
    Section,
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    parse_stage,
)
from mmtimer.core.stagewrite import save_stage_keeping, stage_text
from mmtimer.paths import resource
from tests.core.test_stage import FORMATS_EXAMPLE, average_trials, stages, timed_sections

EXAMPLES = tuple(sorted(p.name for p in resource("stages").glob("*.stage.toml")))

COMMENTED = """\
# Our own copy of the road book, day 2. Checked twice at scrutineering.
format = "mmtimer-stage/1"
name = "Day 2"   # the organiser calls it "Tappa 2"
rules = "aci-2021"

# --- morning -------------------------------------------------
# PC1 is at the castle gate
[[section]]
id = "PC1"
kind = "timed"
targets = [
    "15.00",  # to the bridge
    "6.00",   # to the church
]

[[section]]
id = "CO1"        # the bar in the square
kind = "time-control"
due = "10:42"     # card!

# the long one
[[section]]
id = "PM1"
kind = "average"
start = "10:50"
speeds = [["0", "48"]]   # written as a list on purpose
checks_km = [2.35, "7.800"]

# end of the morning
"""


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#[^\n]*", text)]


def test_the_example_stages_are_written_back_unchanged() -> None:
    for name in EXAMPLES:
        path = resource("stages", name)
        text = path.read_text(encoding="utf-8")
        assert stage_text(load_stage(path), text) == text


def test_an_unchanged_commented_file_is_written_byte_for_byte() -> None:
    for text in (COMMENTED, FORMATS_EXAMPLE):
        assert stage_text(parse_stage(text, "x"), text) == text


def test_a_changed_value_keeps_its_comment_and_the_rest_stays_as_written() -> None:
    stage = parse_stage(COMMENTED, "x")
    co1 = stage.sections[1]
    assert isinstance(co1, TimeControl)
    edited = replace(
        stage,
        sections=(stage.sections[0], replace(co1, due_ms=co1.due_ms + 60_000), stage.sections[2]),
    )
    text = stage_text(edited, COMMENTED)
    assert parse_stage(text, "x") == edited
    assert 'due = "10:43"     # card!' in text
    assert comments(text) == comments(COMMENTED)
    # nothing else moved: only the due line differs
    diff = [
        (a, b) for a, b in zip(COMMENTED.splitlines(), text.splitlines(), strict=True) if a != b
    ]
    assert diff == [('due = "10:42"     # card!', 'due = "10:43"     # card!')]


def test_a_section_moved_takes_its_comment_lines_with_it() -> None:
    stage = parse_stage(COMMENTED, "x")
    pc1, co1, pm1 = stage.sections
    moved = replace(stage, sections=(pm1, pc1, co1))
    text = stage_text(moved, COMMENTED)
    assert parse_stage(text, "x") == moved
    assert sorted(comments(text)) == sorted(comments(COMMENTED))
    # the comment written above PM1 is still just above its header
    assert '# the long one\n[[section]]\nid = "PM1"' in text
    assert '# PC1 is at the castle gate\n[[section]]\nid = "PC1"' in text


def test_a_deleted_section_loses_only_its_own_comments() -> None:
    stage = parse_stage(COMMENTED, "x")
    pc1, _, pm1 = stage.sections
    text = stage_text(replace(stage, sections=(pc1, pm1)), COMMENTED)
    assert parse_stage(text, "x").sections == (pc1, pm1)
    assert "# card!" not in text and "bar in the square" not in text
    assert "# PC1 is at the castle gate" in text and "# the long one" in text
    assert "# end of the morning" in text


def test_spelling_of_unchanged_values_is_kept() -> None:
    stage = parse_stage(COMMENTED, "x")
    pc1 = stage.sections[0]
    assert isinstance(pc1, TimedSection)
    renamed = (replace(pc1, id="PC1a"), *stage.sections[1:])
    edited = replace(stage, name="Day 2 bis", sections=renamed)
    text = stage_text(edited, COMMENTED, origins=[0, 1, 2])  # the editor knows PC1a was PC1
    assert parse_stage(text, "x") == edited
    assert 'speeds = [["0", "48"]]   # written as a list on purpose' in text
    assert 'checks_km = [2.35, "7.800"]' in text
    assert 'name = "Day 2 bis"   # the organiser calls it "Tappa 2"' in text
    assert '"15.00",  # to the bridge' in text


def test_a_new_kind_rewrites_the_keys_but_keeps_the_comments_above() -> None:
    stage = parse_stage(COMMENTED, "x")
    edited = replace(stage, sections=(TimeControl("PC1", 10 * 3_600_000), *stage.sections[1:]))
    text = stage_text(edited, COMMENTED, origins=[0, 1, 2])
    assert parse_stage(text, "x") == edited
    assert "# PC1 is at the castle gate" in text
    assert "targets" not in text


def test_a_file_without_a_header_per_section_is_written_fresh_and_still_loads() -> None:
    inline = (
        'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n'
        'section = [{ id = "PC1", kind = "timed", targets = ["1.00"] }]  # inline\n'
    )
    stage = parse_stage(inline, "x")
    edited = replace(stage, sections=(TimedSection("PC1", (2_000,)),))
    assert parse_stage(stage_text(edited, inline), "x") == edited


def test_save_keeping_is_atomic_and_loads_to_the_same_stage(tmp_path: Path) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    stage = load_stage(path)
    edited = replace(stage, sections=(*stage.sections, TimeControl("CO9", 12 * 3_600_000)))
    save_stage_keeping(edited, path)
    assert load_stage(path) == edited
    assert comments(path.read_text(encoding="utf-8")) == comments(COMMENTED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day2.stage.toml"]


def test_save_keeping_a_new_file(tmp_path: Path) -> None:
    stage = Stage("New", "aci-2021", (TimedSection("PC1", (1_000,)),))
    path = tmp_path / "new.stage.toml"
    save_stage_keeping(stage, path)
    assert load_stage(path) == stage


# -- property: random edits of commented files ---------------------------------------------------
@st.composite
def edits(draw: st.DrawFn, original: Stage) -> tuple[Stage, list[int | None]]:
    """A random editing session: keep, change, delete, move and add sections; rename."""
    rows: list[tuple[Section, int | None]] = []
    for index, before in enumerate(original.sections):
        action = draw(st.sampled_from(["keep", "keep", "change", "delete"]))
        if action == "delete":
            continue
        section: Section = before
        if action == "change":
            if isinstance(before, TimedSection):
                section = draw(timed_sections(before.id))
            elif isinstance(before, TimeControl):
                section = replace(before, due_ms=draw(st.integers(0, 86_399_999)))
            else:
                section = draw(average_trials(before.id))
        rows.append((section, index))
    for _ in range(draw(st.integers(0, 2))):
        new_id = f"NEW{len(rows)}{draw(st.integers(0, 999))}"
        if any(s.id == new_id for s, _ in rows):
            continue
        new = draw(timed_sections(new_id) | st.just(TimeControl(new_id, 36_000_000)))
        rows.insert(draw(st.integers(0, len(rows))), (new, None))
    if not rows:
        rows.append((TimeControl("ONLY", 0), None))
    order = draw(st.permutations(range(len(rows))))
    rows = [rows[i] for i in order]
    name = draw(st.sampled_from([original.name, "Renamed day"]))
    rules = draw(st.sampled_from([original.rules, "year-factor"]))
    stage = Stage(name, rules, tuple(s for s, _ in rows))
    return stage, [o for _, o in rows]


ORIGINALS = [resource("stages", n).read_text(encoding="utf-8") for n in EXAMPLES] + [
    COMMENTED,
    FORMATS_EXAMPLE,
]


@given(
    st.sampled_from(ORIGINALS).flatmap(lambda t: st.tuples(st.just(t), edits(parse_stage(t, "x"))))
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_edit_of_a_commented_file_loads_to_the_edited_stage_and_keeps_kept_comments(
    case: tuple[str, tuple[Stage, list[int | None]]],
) -> None:
    original, (edited, origins) = case
    text = stage_text(edited, original, origins)
    assert parse_stage(text, "written") == edited
    # every comment of a section that is still there (by origin) is still in the file: all of
    # them if it is unchanged, its comment lines if it changed (a comment inside a value that
    # was replaced goes with the value)
    from mmtimer.core.stagewrite import _split

    layout = _split(original)
    assert layout is not None
    old = parse_stage(original, "x")
    kept_comments = comments(layout.top)
    for section, origin in zip(edited.sections, origins, strict=True):
        if origin is None:
            continue
        block = layout.sections[origin]
        if section == old.sections[origin]:
            kept_comments += comments(block)
        else:
            kept_comments += [
                line.strip() for line in block.splitlines() if line.lstrip().startswith("#")
            ]
    written = comments(text)
    for comment in kept_comments:
        assert comment in written, comment


@given(stages())
@settings(max_examples=80, deadline=None)
def test_any_stage_written_fresh_or_over_a_commented_file_loads_back(stage: Stage) -> None:
    stage = replace(stage, rules="aci-2021")
    assert parse_stage(stage_text(stage), "x") == stage
    assert parse_stage(stage_text(stage, COMMENTED), "x") == stage


@pytest.mark.parametrize("speed", ["48", "48.5"])
def test_average_with_one_speed_written_fresh(speed: str) -> None:
    stage = Stage("x", "aci-2021", (AverageTrial("PM1", 0, ((0, Decimal(speed)),), (1_000,)),))
    assert parse_stage(stage_text(stage), "x") == stage


WITH_LEGS = """\
format = "mmtimer-stage/1"
name = "Concentration"
rules = "monte-carlo-historique"
max_late_min = 15             # the most any control may be late

[[section]]
id = "CO1"
kind = "time-control"
due = "08:00"
leg_factor = "0.5"   # halved

[[section]]
id = "CO2"
kind = "time-control"
due = "09:00"
max_late_min = 30

[[section]]
id = "CO3"
kind = "time-control"
due = "10:00"

# the concentration run
[[leg]]
name = "concentration"
from = "CO2"
to = "CO3"
factor = "0.5"   # as the regulations say
"""


def test_time_control_terms_and_legs_are_kept_and_edited() -> None:
    stage = parse_stage(WITH_LEGS, "x")
    assert stage_text(stage, WITH_LEGS) == WITH_LEGS
    co1, co2, co3 = stage.sections
    assert isinstance(co3, TimeControl)
    edited = replace(stage, sections=(co1, co2, replace(co3, due_ms=co3.due_ms + 60_000)))
    text = stage_text(edited, WITH_LEGS)
    assert parse_stage(text, "x") == edited
    assert comments(text) == comments(WITH_LEGS)
    dropped = replace(stage, max_late_min=None, legs=())
    text = stage_text(dropped, WITH_LEGS)
    assert parse_stage(text, "x") == dropped
    assert "# halved" in text and "[[leg]]" not in text and "max_late_min = 15" not in text
    assert parse_stage(stage_text(stage), "x") == stage  # fresh, with the terms


def test_the_gps_key_is_written_kept_and_removed() -> None:
    old = parse_stage(COMMENTED, "x")
    banned = replace(old, gps_allowed=False)
    text = stage_text(banned, COMMENTED)
    assert parse_stage(text, "x") == banned
    assert "gps = false" in text
    assert comments(text) == comments(COMMENTED)
    again = stage_text(old, text)
    assert "gps" not in again
    assert parse_stage(again, "x") == old
    assert comments(again) == comments(COMMENTED)
    assert "gps = false" in stage_text(banned)
