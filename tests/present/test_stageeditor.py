"""The stage editor's model (present/stageeditor.py), without Qt: typed stages saved and loaded
back, undo of any run of edits, comments kept, the loader's messages per cell, the totals."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtimer.core.errors import InputError
from mmtimer.core.roadbook import parse_roadbook
from mmtimer.core.stage import Stage, TimeControl, TimedSection, load_stage, section_from_json
from mmtimer.core.stagerows import COLUMNS, Row, row_from_section
from mmtimer.paths import resource
from mmtimer.present.stageeditor import (
    Edit,
    InsertRows,
    MoveRow,
    RemoveRows,
    SaveError,
    SetCells,
    SetTerms,
    StageDraft,
)
from tests.core.test_stage import stages
from tests.core.test_stagewrite import COMMENTED

KIND_OF = {"timed": "timed", "time-control": "time-control", "average": "average"}


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#[^\n]*", text)]


def as_typed(text: str, column: str) -> str:
    """What a navigator types: decimal commas where a number has a point."""
    if column in ("id", "kind", "due", "start", "landmarks"):
        return text
    return text.replace(".", ",")


def type_stage(draft: StageDraft, stage: Stage) -> None:
    """Type `stage` into a new draft as the window's edits would: a template row per section,
    then each cell typed over."""
    draft.apply(SetTerms(name=stage.name, rules=stage.rules, gps_allowed=stage.gps_allowed))
    first = len(draft.rows)
    for number, section in enumerate(stage.sections):
        draft.apply(InsertRows(first + number, (draft.template(section.kind.value),)))
        wanted = row_from_section(section)
        row = first + number
        edit = draft.cell_edit(row, "kind", wanted.text("kind"))
        if edit is not None:
            draft.apply(edit)
        for column in COLUMNS:
            if column == "kind":
                continue
            text = as_typed(wanted.text(column), column)
            edit = draft.cell_edit(row, column, text)
            if edit is not None:
                draft.apply(edit)
    draft.apply(RemoveRows(0, first))  # the new stage's own template row


@given(stages(), st.booleans())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_random_stages_typed_saved_and_loaded_are_the_same_stage(stage: Stage, gps: bool) -> None:
    from dataclasses import replace

    stage = replace(stage, gps_allowed=gps)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "typed.stage.toml")
        shutil.copy(resource("rules", "aci-2021.rules.toml"), Path(folder, "my.rules.toml"))
        draft = StageDraft.new()
        type_stage(draft, stage)
        assert draft.check().ok, (draft.check().row_problems, draft.stage_problem())
        saved = draft.save(path)
        assert saved == stage
        assert load_stage(path) == stage
        assert not draft.dirty
        # and again, edited, over its own file
        reopened = StageDraft.open(path)
        reopened.apply(SetTerms(name=stage.name + " bis"))
        reopened.save()
        assert load_stage(path) == replace(stage, name=stage.name + " bis")


def edits(draft_rows: int) -> st.SearchStrategy[list[tuple[str, int, int, str]]]:
    op = st.tuples(
        st.sampled_from(["cell", "kind", "insert", "remove", "move", "name", "rules", "gps"]),
        st.integers(0, 20),
        st.integers(0, 20),
        st.sampled_from(["PC9", "", "12,5", "CO", "average", "10.42", "x", "48 2=40", "1 2"]),
    )
    return st.lists(op, max_size=25)


def make_edit(draft: StageDraft, op: tuple[str, int, int, str]) -> Edit | None:
    kind, a, b, text = op
    n = len(draft.rows)
    if kind == "insert":
        return InsertRows(
            a % (n + 1), (draft.template(["timed", "time-control", "average"][b % 3]),)
        )
    if kind == "name":
        return SetTerms(name=text)
    if kind == "rules":
        return SetTerms(rules=text or "tsd-cscc")
    if kind == "gps":
        return SetTerms(gps_allowed=bool(a % 2))
    if n == 0:
        return None
    if kind == "remove":
        return RemoveRows(a % n, 1 + b % (n - a % n))
    if kind == "move":
        return MoveRow(a % n, b % n)
    column = "kind" if kind == "kind" else COLUMNS[b % len(COLUMNS)]
    return draft.cell_edit(a % n, column, text)


@given(edits(3))
@settings(max_examples=150)
def test_any_run_of_edits_undone_in_reverse_gives_back_the_stage(
    ops: list[tuple[str, int, int, str]],
) -> None:
    draft = StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml"))
    start = draft.snapshot()
    undo: list[Edit] = []
    for op in ops:
        edit = make_edit(draft, op)
        if edit is not None:
            undo.append(draft.apply(edit))
    end = draft.snapshot()
    redo = [draft.apply(edit) for edit in reversed(undo)]  # as the undo stack keeps them
    assert draft.snapshot() == start
    assert not draft.dirty
    for edit in reversed(redo):
        draft.apply(edit)
    assert draft.snapshot() == end


def test_every_example_stage_is_saved_back_byte_for_byte_and_keeps_comments_when_edited(
    tmp_path: Path,
) -> None:
    for source in sorted(resource("stages").glob("*.stage.toml")):
        path = tmp_path / source.name
        shutil.copy(source, path)
        for rules in resource("rules").glob("*.rules.toml"):
            shutil.copy(rules, tmp_path / rules.name)
        text = source.read_text(encoding="utf-8")
        draft = StageDraft.open(path)
        draft.save()
        assert path.read_text(encoding="utf-8") == text, source.name
        # an edit: the last section moves to the top, the first one's id changes
        draft.apply(MoveRow(len(draft.rows) - 1, 0))
        draft.apply(SetCells(1, {"id": draft.rows[1].text("id") + "X"}))
        stage = draft.save()
        written = path.read_text(encoding="utf-8")
        assert load_stage(path) == stage
        assert sorted(comments(written)) == sorted(comments(text)), source.name


def test_a_commented_file_keeps_its_comments_through_edits_undo_and_saves(tmp_path: Path) -> None:
    path = tmp_path / "day2.stage.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    draft = StageDraft.open(path)
    removed = draft.apply(RemoveRows(0, 1))  # PC1 gone: its comments go with it
    draft.apply(draft.cell_edit(0, "due", "10.43") or SetTerms())
    draft.save()
    first = path.read_text(encoding="utf-8")
    assert "# card!" in first and "# the bar in the square" in first
    assert "# PC1 is at the castle gate" not in first
    assert load_stage(path).sections[0] == TimeControl("CO1", 10 * 3_600_000 + 43 * 60_000)
    draft.apply(removed)  # undo the delete after the save: PC1 comes back, written afresh
    stage = draft.save()
    again = path.read_text(encoding="utf-8")
    assert load_stage(path) == stage
    assert [s.id for s in stage.sections] == ["PC1", "CO1", "PM1"]
    for kept in ("# card!", "# the long one", "# written as a list on purpose", "# Our own copy"):
        assert kept in again


def test_problems_are_the_loaders_words_in_their_cell() -> None:
    draft = StageDraft.new()
    draft.apply(draft.cell_edit(0, "targets", "15,00 abc") or SetTerms())
    try:
        section_from_json({"id": "PC1", "kind": "timed", "targets": ["15.00", "abc"]}, "x")
    except InputError as error:
        loader_says = error.message
    else:  # pragma: no cover
        pytest.fail("the loader took 'abc'")
    assert draft.problem_at(0, "targets") == loader_says
    assert draft.problem_at(0, "id") is None
    preview = draft.preview(0, "targets", "15,00 6")
    assert preview is None
    typed = draft.preview(0, "targets", "15,00 -")
    assert typed is not None and typed.column == "targets"
    draft.apply(SetCells(0, {"targets": "15,00 6"}))
    draft.apply(InsertRows(1, (Row({"id": "PC1", "kind": "timed", "targets": "5"}),)))
    assert draft.problem_at(1, "id") == "duplicate id 'PC1' (also section 1)"
    dup = draft.preview(0, "id", "PC1")
    assert dup is not None and "duplicate" in dup.message


def test_a_kind_typed_gets_its_template_and_unused_cells_are_disabled() -> None:
    draft = StageDraft.new("Day")
    draft.apply(draft.cell_edit(0, "targets", "") or SetTerms())
    edit = draft.cell_edit(0, "kind", "CO")
    assert edit == SetCells(0, {"kind": "time-control", "due": "10:00"})
    draft.apply(edit)
    assert draft.enabled(0, "due") and not draft.enabled(0, "targets")
    assert draft.check().ok
    assert draft.cell_edit(0, "kind", "controllo orario") is None  # already a time control
    draft.apply(draft.cell_edit(0, "kind", "xyz") or SetTerms())
    assert [c for c in COLUMNS if draft.enabled(0, c)] == ["id", "kind"]


def test_totals_count_lines_trials_and_the_due_times() -> None:
    draft = StageDraft.open(resource("stages", "mille-miglia-day1.stage.toml"))
    stage = load_stage(resource("stages", "mille-miglia-day1.stage.toml"))
    totals = draft.totals()
    assert totals.lines == stage.presses
    assert totals.sections == len(stage.sections)
    controls = [s for s in stage.sections if isinstance(s, TimeControl)]
    assert totals.controls == len(controls)
    assert totals.trials == len(stage.sections) - len(controls)
    assert (totals.first_due, totals.last_due) == ("15:05", "15:40")
    draft.apply(SetCells(0, {"targets": "x"}))
    assert draft.totals().problems == 1
    assert draft.totals().lines == stage.presses - stage.sections[0].lines


def test_a_stage_that_does_not_check_is_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "bad.stage.toml"
    draft = StageDraft.new("Day")
    draft.apply(SetCells(0, {"targets": "15,00 abc"}))
    with pytest.raises(SaveError, match=r"row 1 \(PC1\) targets: target 'abc' is not seconds"):
        draft.save(path)
    assert not path.exists()
    draft.apply(SetCells(0, {"targets": "15,00"}))
    draft.apply(SetTerms(rules="ours.rules.toml"))
    with pytest.raises(SaveError, match=r"rule-set file .ours\.rules\.toml. not found"):
        draft.save(path)
    draft.apply(SetTerms(rules="aci-2021"))
    assert draft.save(path) == Stage("Day", "aci-2021", (TimedSection("PC1", (15_000,)),))


def test_rules_choices_list_the_builtins_and_the_files_beside_the_stage(tmp_path: Path) -> None:
    path = tmp_path / "day.stage.toml"
    (tmp_path / "ours.rules.toml").write_text("", encoding="utf-8")
    draft = StageDraft.new("Day")
    draft.save(path)
    choices = draft.rules_choices()
    assert choices[:5] == [
        "aci-2021",
        "mille-miglia",
        "tsd-cscc",
        "monte-carlo-historique",
        "year-factor",
    ]
    assert "ours.rules.toml" in choices


def test_pasted_rows_become_rows_of_the_draft() -> None:
    parsed = parse_roadbook("PC 12  PC  15,00  6,00\nCO4;11.32\nTitle\n")
    draft = StageDraft.new("Day")
    rows = draft.pasted_rows(parsed)
    assert [r.text("id") for r in rows] == ["PC12", "CO4"]
    draft.apply(InsertRows(1, rows))
    assert draft.check().ok
    assert KIND_OF[draft.rows[2].text("kind")] == "time-control"


def test_legs_and_the_stages_max_late_are_typed_checked_undone_and_saved_with_comments(
    tmp_path: Path,
) -> None:
    from decimal import Decimal

    from mmtimer.core.legs import Leg, parse_max_late_min
    from mmtimer.core.tomlfile import Reader
    from mmtimer.present.stageeditor import SetLegs
    from tests.core.test_stagewrite import WITH_LEGS

    path = tmp_path / "legs.stage.toml"
    path.write_text(WITH_LEGS, encoding="utf-8")
    draft = StageDraft.open(path)
    assert draft.max_late == "15"
    assert draft.legs == (("CO2", "CO3", "0.5", "concentration"),)
    assert not draft.dirty

    undo_late = draft.apply(SetTerms(max_late="15,5"))
    try:
        parse_max_late_min("15,5", ("max_late_min",), Reader("x"))
    except InputError as error:
        says = error.message
    assert draft.terms().max_late_problem == says  # the loader's words
    assert draft.stage_problem() is not None and draft.check().stage is None
    with pytest.raises(SaveError, match="max_late_min: "):
        draft.stage_for(path)
    draft.apply(undo_late)
    assert not draft.dirty and draft.check().stage is not None

    edit = draft.leg_edit(0, "to", "CO9")
    assert edit is not None
    undo_leg = draft.apply(edit)
    assert draft.leg_problem_at(0, "to") == "the stage has no section 'CO9'"
    assert draft.leg_problem_at(0, "factor") is None
    draft.apply(undo_leg)
    assert draft.leg_problem_at(0, "to") is None and not draft.dirty
    overlap = draft.apply(draft.new_leg(1))  # no section after the last leg: from the first
    assert draft.legs[1][:3] == ("CO1", "CO3", "0.5")
    assert draft.leg_problem_at(1, "from") == "overlaps leg 1: a section is in one leg at most"
    draft.apply(overlap)
    assert len(draft.legs) == 1

    edit = draft.leg_edit(0, "factor", "0,25")  # a decimal comma
    assert edit is not None
    draft.apply(edit)
    draft.apply(SetTerms(max_late="20"))
    assert draft.dirty
    stage = draft.save()
    assert stage.legs == (Leg("CO2", "CO3", Decimal("0.25"), "concentration"),)
    assert stage.max_late_min == 20
    text = path.read_text(encoding="utf-8")
    assert comments(text) == comments(WITH_LEGS)  # every comment kept, the leg's too
    assert 'factor = "0.25"   # as the regulations say' in text
    assert "max_late_min = 20             # the most any control may be late" in text
    assert load_stage(path) == stage and not draft.dirty

    draft.apply(SetLegs(()))
    draft.apply(SetTerms(max_late=""))
    stage = draft.save()
    assert stage.legs == () and stage.max_late_min is None
    text = path.read_text(encoding="utf-8")
    assert "[[leg]]" not in text and "max_late_min = 20" not in text and "# halved" in text


def test_a_rule_set_file_is_named_from_the_stages_folder(tmp_path: Path) -> None:
    from mmtimer.present.stageeditor import rules_moved, rules_reference

    club = tmp_path / "club" / "club.rules.toml"
    stages = tmp_path / "stages"
    assert rules_reference(club, stages) == "../club/club.rules.toml"
    assert rules_reference(club, tmp_path / "club") == "club.rules.toml"
    assert rules_reference(club, None) == club.as_posix()  # a new stage: the full path
    assert rules_moved(club.as_posix(), None, stages) == "../club/club.rules.toml"
    assert rules_moved("../club/club.rules.toml", stages, tmp_path) == "club/club.rules.toml"
    assert rules_moved("./ours.rules.toml", stages, stages) == "./ours.rules.toml"  # as written
    assert rules_moved("aci-2021", stages, tmp_path) == "aci-2021"
